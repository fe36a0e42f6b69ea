//! Part-of-speech tags: which token is a verb, a noun, a preposition.
//!
//! The quote stage needs to know where the reporter's clause around a partial quotation begins
//! ("Trump openly **admires** ⟨Russian President Vladimir Putin as a “strong leader”⟩"), and the
//! governing word is nearly always a verb that no cue list holds. A small statistical tagger
//! answers that better than suffix rules: a greedy left-to-right averaged perceptron (one pass,
//! the two previous tags as features) over the coarse universal tag set of Petrov, Das and
//! McDonald (2012) plus a separate proper-noun tag. It is trained by `newslens-train pos` on the
//! CoNLL-2003 English training file's Penn Treebank column (newswire, like our input) and
//! measured on the dev file by the same command, which prints its accuracy.
//!
//! Weights are quantised to `i8` with one scale per model and keyed by 32-bit feature hashes,
//! so a kept feature costs its key (delta-varint coded) and one byte per tag; loaded, they are
//! a [`crate::weights::Rows`] table, as the entity tagger's are.
//!
//! File layout (little endian): `b"NLPOS2"`, `u8` tag count, `u32` rows, `f32` scale, `rows`
//! varint key deltas (keys ascending), then the weights without their zeros (seven in ten): a
//! two-byte mask per row and the non-zero `i8` weights in order
//! ([`crate::weights::write_masked_rows`]).

use super::segment::Segmented;
use crate::lexicon::words::conll_pos_word;
use crate::lexicon::{starts_upper, FastMap};
use crate::weights::{fnv1a, write_masked_rows, Reader, Rows, FNV_OFFSET, FNV_PRIME};
use std::sync::OnceLock;

/// A coarse part of speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Pos {
    Noun = 0,
    Propn,
    Verb,
    Adj,
    Adv,
    Pron,
    Det,
    Adp,
    Num,
    Conj,
    /// Particles, infinitival "to", possessive "'s".
    Prt,
    Punct,
    Other,
}

/// Number of tags.
pub const TAGS: usize = 13;

const ALL: [Pos; TAGS] = [
    Pos::Noun,
    Pos::Propn,
    Pos::Verb,
    Pos::Adj,
    Pos::Adv,
    Pos::Pron,
    Pos::Det,
    Pos::Adp,
    Pos::Num,
    Pos::Conj,
    Pos::Prt,
    Pos::Punct,
    Pos::Other,
];

impl Pos {
    pub fn from_index(i: usize) -> Pos {
        ALL.get(i).copied().unwrap_or(Pos::Other)
    }

    /// The coarse tag of a Penn Treebank tag.
    pub fn from_ptb(tag: &str) -> Pos {
        match tag {
            "NN" | "NNS" => Pos::Noun,
            "NNP" | "NNPS" => Pos::Propn,
            "MD" => Pos::Verb,
            t if t.starts_with("VB") => Pos::Verb,
            t if t.starts_with("JJ") => Pos::Adj,
            "RB" | "RBR" | "RBS" | "WRB" => Pos::Adv,
            "PRP" | "PRP$" | "WP" | "WP$" => Pos::Pron,
            "DT" | "PDT" | "WDT" | "EX" => Pos::Det,
            "IN" => Pos::Adp,
            "CD" => Pos::Num,
            "CC" => Pos::Conj,
            "TO" | "RP" | "POS" => Pos::Prt,
            "FW" | "SYM" | "LS" | "UH" => Pos::Other,
            t if t.chars().all(|c| !c.is_alphanumeric()) => Pos::Punct,
            _ => Pos::Other,
        }
    }
}

pub(crate) const MAGIC: &[u8; 6] = b"NLPOS2";

/// A loaded model: feature key → weight row, and the rows that do not depend on the words
/// summed once ([`Fixed`]).
pub struct Model {
    rows: Rows,
    fixed: Box<Fixed>,
}

/// The number of [`shape`]s.
const SHAPES: usize = 8;
/// [`shape`]'s answers, by [`shape_index`].
const SHAPE_NAMES: [&str; SHAPES] = ["p", "X", "x", "Xx", "d", "ad", "Xx-", "x-"];

/// A model's rows for the features that take their values from a small fixed set: the bias,
/// the shape with the first-word flag, the two shapes, the previous tags (summed per pair).
struct Fixed {
    bias: [i32; TAGS],
    /// `hash2(7, shape, first)` by shape index and first (0/1).
    shape_first: [[[i32; TAGS]; 2]; SHAPES],
    /// `hash2(19, shape, next shape)`.
    shape_pair: [[[i32; TAGS]; SHAPES]; SHAPES],
    /// `hash1(8, t1) + hash2(9, t1, t2)` by the two previous tags (`TAGS` before the sentence).
    prev: [[[i32; TAGS]; TAGS + 1]; TAGS + 1],
    /// The rows of `"<s>"` before the sentence and of `"</s>"` after it, as [`WordRows`].
    bos: WordRows,
    eos: WordRows,
}

/// One word's rows in the features that look at that word alone, summed per role: the word
/// itself (`hash1` 2–6: form, suffixes, first byte), as the previous word (11, 15), the one
/// before (13), the next word (12, 16) and the one after (14); with its shape. `i16`: at most
/// five `i8` weights in a sum.
#[derive(Clone, Copy)]
struct WordRows {
    shape: u8,
    sums: [[i16; TAGS]; ROLES],
}

const ROLES: usize = 5;
const SELF: usize = 0;
const LEFT1: usize = 1;
const LEFT2: usize = 2;
const RIGHT1: usize = 3;
const RIGHT2: usize = 4;

impl WordRows {
    /// The rows of the word whose raw form gives `shape` and whose normalised form is `n`.
    fn new(rows: &Rows, shape: u8, n: &str) -> WordRows {
        let s3 = suffix(n, 3);
        let keys: [&[u32]; ROLES] = [
            &[
                hash1(2, n),
                hash1(3, s3),
                hash1(4, suffix(n, 2)),
                hash1(5, suffix(n, 1)),
                hash1(6, n.get(..1).unwrap_or("")),
            ],
            &[hash1(11, n), hash1(15, s3)],
            &[hash1(13, n)],
            &[hash1(12, n), hash1(16, s3)],
            &[hash1(14, n)],
        ];
        let mut sums = [[0i16; TAGS]; ROLES];
        for (out, k) in sums.iter_mut().zip(keys) {
            let s = rows.sum::<TAGS>(k);
            for t in 0..TAGS {
                out[t] = s[t] as i16;
            }
        }
        WordRows { shape, sums }
    }
}

/// How many words the per-thread memory of [`WordRows`] holds before it starts again.
const KNOWN_WORDS: usize = 8192;

/// The per-thread memory of the embedded model's [`WordRows`], by raw word (both are functions
/// of the word alone, so remembered or not gives the same sums).
#[derive(Default)]
struct Memory {
    slots: crate::lexicon::FastMap<Box<str>, u32>,
    rows: Vec<WordRows>,
}

thread_local! {
    static KNOWN: std::cell::RefCell<Memory> = std::cell::RefCell::new(Memory::default());
}

impl Model {
    fn from_rows(rows: Rows) -> Model {
        let sum = |keys: &[u32]| rows.sum::<TAGS>(keys);
        let mut fixed = Box::new(Fixed {
            bias: sum(&[hash(1, &[])]),
            shape_first: [[[0; TAGS]; 2]; SHAPES],
            shape_pair: [[[0; TAGS]; SHAPES]; SHAPES],
            prev: [[[0; TAGS]; TAGS + 1]; TAGS + 1],
            bos: WordRows::new(&rows, 0, "<s>"),
            eos: WordRows::new(&rows, shape_index("</s>"), "</s>"),
        });
        for (a, sa) in SHAPE_NAMES.iter().enumerate() {
            fixed.shape_first[a] = [sum(&[hash2(7, sa, "0")]), sum(&[hash2(7, sa, "1")])];
            for (b, sb) in SHAPE_NAMES.iter().enumerate() {
                fixed.shape_pair[a][b] = sum(&[hash2(19, sa, sb)]);
            }
        }
        for p1 in 0..=TAGS as u8 {
            for p2 in 0..=TAGS as u8 {
                let (t1, t2) = (tag_text(p1), tag_text(p2));
                fixed.prev[usize::from(p1)][usize::from(p2)] = sum(&[hash1(8, t1), hash2(9, t1, t2)]);
            }
        }
        Model { rows, fixed }
    }

    /// Builds a model from keys and their quantised weights (`keys.len() * TAGS`).
    pub fn new(keys: &[u32], weights: Vec<i8>) -> Model {
        Model::from_rows(Rows::new(keys.to_vec(), weights, TAGS))
    }

    /// Reads a model file; `None` when it is not one.
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let (&tags, rest) = rest.split_first()?;
        if tags as usize != TAGS {
            return None;
        }
        let mut r = Reader(rest);
        let rows = r.masked_rows(TAGS)?;
        r.0.is_empty().then_some(Model::from_rows(rows))
    }

    /// Writes the model file (keys must be the ones given to [`Model::new`], ascending).
    pub fn encode(keys: &[u32], weights: &[i8], scale: f32) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(TAGS as u8);
        write_masked_rows(&mut out, keys, weights, TAGS, scale);
        out
    }

    #[cfg(test)]
    fn scores(&self, keys: &[u32]) -> [i32; TAGS] {
        self.rows.sum::<TAGS>(keys)
    }

    /// The [`WordRows`] of each word of `sent`, from the per-thread memory for the embedded
    /// model.
    fn word_rows(&self, sent: &Sentence) -> Vec<WordRows> {
        let fresh = |j: usize| WordRows::new(&self.rows, shape_index(sent.raw[j]), sent.norm(j).unwrap_or(""));
        if !MODEL.get().and_then(Option::as_ref).is_some_and(|m| std::ptr::eq(m, self)) {
            return (0..sent.raw.len()).map(fresh).collect();
        }
        KNOWN.with(|k| {
            let mut m = k.borrow_mut();
            if m.rows.len() >= KNOWN_WORDS {
                m.slots.clear();
                m.rows.clear();
            }
            let mut out = Vec::with_capacity(sent.raw.len());
            for (j, w) in sent.raw.iter().enumerate() {
                if let Some(r) = m.slots.get(*w).and_then(|&s| m.rows.get(s as usize)) {
                    out.push(*r);
                    continue;
                }
                let r = fresh(j);
                if m.rows.len() < KNOWN_WORDS {
                    let slot = m.rows.len() as u32;
                    m.rows.push(r);
                    m.slots.insert((*w).into(), slot);
                }
                out.push(r);
            }
            out
        })
    }

    /// Tags one sentence's words. The scores are the sums of the rows of
    /// [`Sentence::features`]' keys, in another order: the rows of the fixed-value features
    /// from [`Fixed`], each word's own and its neighbours' from [`WordRows`], and three keys
    /// hashed per token (the previous tag with the word, the word with each neighbour).
    pub fn tag_words<S: AsRef<str>>(&self, words: &[S], out: &mut Vec<Pos>) {
        let start = out.len();
        let sent = Sentence::new(words);
        let rows = self.word_rows(&sent);
        let f = &*self.fixed;
        let n = rows.len();
        let role = |j: isize, r: usize| -> &[i16; TAGS] {
            if j < 0 {
                &f.bos.sums[r]
            } else {
                rows.get(j as usize).map_or(&f.eos.sums[r], |w| &w.sums[r])
            }
        };
        for i in 0..n {
            let (p1, p2) = prev_tags(&out[start..], i);
            let w = sent.norm(i).unwrap_or("");
            let l1 = if i == 0 { "<s>" } else { sent.norm(i - 1).unwrap_or("") };
            let r1 = if i + 1 < n { sent.norm(i + 1).unwrap_or("") } else { "</s>" };
            let sh = usize::from(rows[i].shape);
            let sh1 = usize::from(rows.get(i + 1).map_or(f.eos.shape, |r| r.shape));
            let mut s = self.rows.sum::<TAGS>(&[hash2(10, tag_text(p1), w), hash2(17, w, r1), hash2(18, l1, w)]);
            let fixed = [
                &f.bias,
                &f.shape_first[sh][usize::from(i == 0)],
                &f.shape_pair[sh][sh1],
                &f.prev[usize::from(p1).min(TAGS)][usize::from(p2).min(TAGS)],
            ];
            for r in fixed {
                for t in 0..TAGS {
                    s[t] += r[t];
                }
            }
            let i = i as isize;
            for r in [role(i, SELF), role(i - 1, LEFT1), role(i - 2, LEFT2), role(i + 1, RIGHT1), role(i + 2, RIGHT2)] {
                for t in 0..TAGS {
                    s[t] += i32::from(r[t]);
                }
            }
            let best = (0..TAGS).max_by_key(|&t| (s[t], std::cmp::Reverse(t))).unwrap_or(0);
            out.push(Pos::from_index(best));
        }
    }

    /// [`Model::tag_words`] as it was first written: every key of [`Sentence::features`]
    /// looked up per token (tests compare the two).
    #[cfg(test)]
    fn tag_words_reference<S: AsRef<str>>(&self, words: &[S], out: &mut Vec<Pos>) {
        let start = out.len();
        let mut keys = Vec::with_capacity(24);
        let sent = Sentence::new(words);
        for i in 0..words.len() {
            let (p1, p2) = prev_tags(&out[start..], i);
            sent.features(i, p1, p2, &mut keys);
            let s = self.scores(&keys);
            let best = (0..TAGS).max_by_key(|&t| (s[t], std::cmp::Reverse(t))).unwrap_or(0);
            out.push(Pos::from_index(best));
        }
    }
}

/// The tags of the two tokens before `i` (`TAGS` stands for "before the sentence").
pub fn prev_tags(done: &[Pos], i: usize) -> (u8, u8) {
    let at = |k: usize| if i >= k { done.get(i - k).map_or(TAGS as u8, |&p| p as u8) } else { TAGS as u8 };
    (at(1), at(2))
}

static MODEL: OnceLock<Option<Model>> = OnceLock::new();

fn model() -> Option<&'static Model> {
    MODEL.get_or_init(|| Model::parse(include_bytes!("../../data/pos/model.bin"))).as_ref()
}

/// Whether the shipped model parsed (tests check this).
pub fn model_loaded() -> bool {
    model().is_some()
}

/// The part-of-speech tags of one segmented article, computed on first use. `lib.rs` makes one
/// per article and hands it to the quote stage, whose rules ask for tags only around cues and
/// quotations: an article with neither (a list, a pasted menu) is never tagged, and one with
/// both is tagged once. [`Tags::get`] tags only the sentence of the token asked about (the
/// tagger reads one sentence at a time, so the tag is the one [`tag`] gives): the actor stage
/// asks about a few tokens of a few sentences.
pub struct Tags<'a> {
    text: &'a str,
    seg: &'a Segmented,
    tags: std::cell::OnceCell<Vec<Pos>>,
    part: std::cell::RefCell<Part>,
}

/// The sentences tagged so far, before [`Tags::all`] was asked.
#[derive(Default)]
struct Part {
    /// Whether the sentences' token ranges are in order and disjoint (checked on first use;
    /// when they are not, every question tags the whole text).
    ordered: Option<bool>,
    /// One tag per token (`Pos::Other` where not tagged yet).
    tags: Vec<Pos>,
    /// Per sentence: tagged yet.
    done: Vec<bool>,
}

impl<'a> Tags<'a> {
    pub fn new(text: &'a str, seg: &'a Segmented) -> Tags<'a> {
        Tags { text, seg, tags: std::cell::OnceCell::new(), part: Default::default() }
    }

    /// Every token's tag ([`tag`]).
    pub fn all(&self) -> &[Pos] {
        self.tags.get_or_init(|| {
            let mut part = self.part.take();
            if !part.ordered.unwrap_or_else(|| ordered(self.seg)) || model().is_none() {
                return tag(self.text, self.seg);
            }
            part.size(self.seg);
            for k in 0..self.seg.sentences.len() {
                self.tag_sentence(&mut part, k);
            }
            part.tags
        })
    }

    /// The tag of token `i` ([`Pos::Other`] past the end).
    pub fn get(&self, i: usize) -> Pos {
        if let Some(all) = self.tags.get() {
            return all.get(i).copied().unwrap_or(Pos::Other);
        }
        let mut part = self.part.borrow_mut();
        let ordered = *part.ordered.get_or_insert_with(|| ordered(self.seg));
        if !ordered || model().is_none() {
            drop(part);
            return self.all().get(i).copied().unwrap_or(Pos::Other);
        }
        let sents = &self.seg.sentences;
        let k = sents.partition_point(|s| s.tokens.end <= i);
        if sents.get(k).is_some_and(|s| s.tokens.start <= i) {
            self.tag_sentence(&mut part, k);
        }
        part.tags.get(i).copied().unwrap_or(Pos::Other)
    }

    /// Tags sentence `k` into `part` unless it is already (sentences in order, a model).
    fn tag_sentence(&self, part: &mut Part, k: usize) {
        let seg = self.seg;
        part.size(seg);
        let (Some(m), Some(s), Some(false)) = (model(), seg.sentences.get(k), part.done.get(k).copied()) else {
            return;
        };
        part.done[k] = true;
        let toks = seg.tokens.get(s.tokens.clone()).unwrap_or(&[]);
        let words: Vec<&str> = toks.iter().map(|t| self.text.get(t.start..t.end).unwrap_or("")).collect();
        let mut out = Vec::with_capacity(words.len());
        tag_remembered(m, &words, &mut out);
        if let Some(to) = part.tags.get_mut(s.tokens.clone()) {
            to.copy_from_slice(&out);
        }
    }
}

/// Sentences remembered per thread by [`tag_remembered`] (cleared when full).
const REMEMBERED_SENTENCES: usize = 2048;

/// [`Model::tag_words`] through a per-thread memory of the sentences tagged last: the actor
/// stage and the quote stage segment the same body (with its title and without) and ask about
/// many of the same sentences, and a sentence's tags depend on its words alone.
fn tag_remembered(m: &Model, words: &[&str], out: &mut Vec<Pos>) {
    thread_local! {
        static SEEN: std::cell::RefCell<FastMap<Vec<u8>, Vec<Pos>>> = std::cell::RefCell::new(FastMap::default());
    }
    // The words, each after its length: one key per word sequence.
    let mut key = Vec::with_capacity(words.iter().map(|w| w.len() + 4).sum());
    for w in words {
        key.extend_from_slice(&(w.len() as u32).to_le_bytes());
        key.extend_from_slice(w.as_bytes());
    }
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if let Some(tags) = seen.get(&key) {
            out.extend_from_slice(tags);
            return;
        }
        m.tag_words(words, out);
        if seen.len() >= REMEMBERED_SENTENCES {
            seen.clear();
        }
        seen.insert(key, out.clone());
    })
}

impl Part {
    /// Room for every token and sentence (once).
    fn size(&mut self, seg: &Segmented) {
        if self.done.len() != seg.sentences.len() || self.tags.len() != seg.tokens.len() {
            self.tags = vec![Pos::Other; seg.tokens.len()];
            self.done = vec![false; seg.sentences.len()];
        }
    }
}

/// Whether every sentence's tokens are in range and come after the previous sentence's: then
/// [`tag`] gives each sentence the tags of its own words and every other token `Pos::Other`.
fn ordered(seg: &Segmented) -> bool {
    let mut end = 0;
    seg.sentences.iter().all(|s| {
        let ok = end <= s.tokens.start && s.tokens.start <= s.tokens.end && s.tokens.end <= seg.tokens.len();
        end = s.tokens.end;
        ok
    })
}

/// Tags every token of a segmented text, sentence by sentence; one tag per `seg.tokens`.
/// Without a model every token is [`Pos::Other`].
pub fn tag(text: &str, seg: &Segmented) -> Vec<Pos> {
    let mut out = Vec::with_capacity(seg.tokens.len());
    let Some(m) = model() else {
        out.resize(seg.tokens.len(), Pos::Other);
        return out;
    };
    let mut words: Vec<&str> = Vec::new();
    for s in &seg.sentences {
        // Tokens between sentences (none today) keep their place.
        out.resize(s.tokens.start.min(seg.tokens.len()), Pos::Other);
        words.clear();
        words.extend(
            seg.tokens.get(s.tokens.clone()).unwrap_or(&[]).iter().map(|t| text.get(t.start..t.end).unwrap_or("")),
        );
        m.tag_words(&words, &mut out);
    }
    out.resize(seg.tokens.len(), Pos::Other);
    out
}

// ---- features (shared with training) ----

/// A feature key: FNV-1a over a template number and its parts (also used by
/// the quote stage's `edges`).
pub(crate) fn hash(template: u8, parts: &[&str]) -> u32 {
    let mut x = fnv1a(FNV_OFFSET, &[template]);
    for p in parts {
        x = fnv1a(x, p.as_bytes());
        x = fnv1a(x, &[0xff]); // a separator no UTF-8 text contains
    }
    (x ^ (x >> 32)) as u32
}

/// [`hash`] of one part, the template's first step folded at compile time where it is a
/// constant (the same key).
#[inline(always)]
fn hash1(template: u8, a: &str) -> u32 {
    let x = (FNV_OFFSET ^ u64::from(template)).wrapping_mul(FNV_PRIME);
    let x = fnv1a(x, a.as_bytes());
    let x = (x ^ 0xff).wrapping_mul(FNV_PRIME);
    (x ^ (x >> 32)) as u32
}

/// [`hash`] of two parts.
#[inline(always)]
fn hash2(template: u8, a: &str, b: &str) -> u32 {
    let x = (FNV_OFFSET ^ u64::from(template)).wrapping_mul(FNV_PRIME);
    let x = fnv1a(x, a.as_bytes());
    let x = (x ^ 0xff).wrapping_mul(FNV_PRIME);
    let x = fnv1a(x, b.as_bytes());
    let x = (x ^ 0xff).wrapping_mul(FNV_PRIME);
    (x ^ (x >> 32)) as u32
}

fn shape(w: &str) -> &'static str {
    SHAPE_NAMES[usize::from(shape_index(w))]
}

/// The index in [`SHAPE_NAMES`] of `w`'s shape: which kinds of character it has.
fn shape_index(w: &str) -> u8 {
    let mut up = 0;
    let mut low = 0;
    let mut dig = 0;
    let mut other = 0;
    for c in w.chars() {
        if c.is_uppercase() {
            up += 1;
        } else if c.is_lowercase() {
            low += 1;
        } else if c.is_ascii_digit() {
            dig += 1;
        } else {
            other += 1;
        }
    }
    let first_up = starts_upper(w);
    match (up, low, dig, other) {
        (0, 0, 0, _) => 0,
        (_, 0, 0, 0) => 1,
        (0, _, 0, 0) => 2,
        (_, _, 0, 0) if first_up => 3,
        (0, 0, _, _) => 4,
        (_, _, d, _) if d > 0 => 5,
        (_, _, _, _) if first_up => 6,
        _ => 7,
    }
}

fn suffix(w: &str, n: usize) -> &str {
    // The last `n` bytes when they are ASCII (so `n` characters); else by characters.
    let b = w.as_bytes();
    if n > 0 && b.len() >= n && b[b.len() - n..].is_ascii() {
        return &w[w.len() - n..];
    }
    let k = w.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    &w[k..]
}

/// The text of a previous-tag feature: `b'0' + tag` (`TAGS` before the sentence).
fn tag_text(p: u8) -> &'static str {
    const T: [&str; TAGS + 1] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ":", ";", "<", "="];
    T.get(usize::from(p)).copied().unwrap_or("?")
}

/// One sentence prepared for feature extraction: every word normalised and shaped once.
pub struct Sentence<'a> {
    raw: Vec<&'a str>,
    /// Every word's [`conll_pos_word`], one after the other.
    norm: String,
    /// Where each word's form ends in `norm`.
    ends: Vec<usize>,
}

impl<'a> Sentence<'a> {
    pub fn new<S: AsRef<str>>(words: &'a [S]) -> Sentence<'a> {
        let raw: Vec<&str> = words.iter().map(|w| w.as_ref()).collect();
        let mut norm = String::with_capacity(raw.iter().map(|w| w.len()).sum());
        let mut ends = Vec::with_capacity(raw.len());
        for w in &raw {
            // ASCII words (most) lower-cased in place: what `conll_pos_word` gives them.
            if w.is_ascii() && !matches!(*w, "''" | "``") {
                norm.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                norm.push_str(&conll_pos_word(w));
            }
            ends.push(norm.len());
        }
        Sentence { raw, norm, ends }
    }

    /// Word `j`'s normalised form.
    fn norm(&self, j: usize) -> Option<&str> {
        let end = *self.ends.get(j)?;
        let start = if j == 0 { 0 } else { self.ends[j - 1] };
        self.norm.get(start..end)
    }

    /// The feature keys of word `i` given the two previous tags.
    pub fn features(&self, i: usize, p1: u8, p2: u8, out: &mut Vec<u32>) {
        out.clear();
        let at = |k: isize| -> (&str, &str) {
            let j = i as isize + k;
            if j < 0 {
                ("<s>", "<s>")
            } else {
                match (self.raw.get(j as usize), self.norm(j as usize)) {
                    (Some(r), Some(n)) => (r, n),
                    _ => ("</s>", "</s>"),
                }
            }
        };
        let (raw0, w) = at(0);
        let (_, l1) = at(-1);
        let (raw1, r1) = at(1);
        let (_, l2) = at(-2);
        let (_, r2) = at(2);
        let t1 = tag_text(p1);
        let t2 = tag_text(p2);
        let sh = shape(raw0);
        let first = if i == 0 { "1" } else { "0" };
        out.extend_from_slice(&[
            hash(1, &[]),
            hash1(2, w),
            hash1(3, suffix(w, 3)),
            hash1(4, suffix(w, 2)),
            hash1(5, suffix(w, 1)),
            hash1(6, w.get(..1).unwrap_or("")),
            hash2(7, sh, first),
            hash1(8, t1),
            hash2(9, t1, t2),
            hash2(10, t1, w),
            hash1(11, l1),
            hash1(12, r1),
            hash1(13, l2),
            hash1(14, r2),
            hash1(15, suffix(l1, 3)),
            hash1(16, suffix(r1, 3)),
            hash2(17, w, r1),
            hash2(18, l1, w),
            hash2(19, sh, shape(raw1)),
        ]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<Pos> {
        let words: Vec<&str> = s.split(' ').collect();
        let mut out = Vec::new();
        model().expect("model").tag_words(&words, &mut out);
        out
    }

    #[test]
    fn model_loads_and_finds_verbs() {
        assert!(model_loaded());
        let t = tags("Trump openly admires Russian President Vladimir Putin as a \u{201c} strong leader \u{201d}");
        assert_eq!(t[2], Pos::Verb, "{t:?}");
        assert_eq!(t[0], Pos::Propn);
        assert_eq!(t[5], Pos::Propn);
        assert_eq!(t[7], Pos::Adp);
        let t = tags("The agency said the letter was sent on Monday .");
        assert_eq!(t[2], Pos::Verb);
        assert_eq!(t[6], Pos::Verb);
        assert_eq!(t[9], Pos::Punct);
    }

    #[test]
    fn lazy_tags_match_whole_tagging() {
        let text = "Trump openly admires Putin. \u{201c}He is strong,\u{201d} he said on Monday.\n\nThe agency said the letter was sent. It was not.";
        let p = text.find("\n\n").unwrap();
        let paras = [crate::span::Span { start: 0, end: p }, crate::span::Span { start: p + 2, end: text.len() }];
        let seg = crate::text::segment(text, &paras);
        let whole = tag(text, &seg);
        assert!(seg.sentences.len() >= 3 && whole.len() == seg.tokens.len());
        // Asked one token at a time, backwards, then all at once after some were asked.
        let lazy = Tags::new(text, &seg);
        for i in (0..seg.tokens.len() + 2).rev() {
            assert_eq!(lazy.get(i), whole.get(i).copied().unwrap_or(Pos::Other), "token {i}");
        }
        let some = Tags::new(text, &seg);
        assert_eq!(some.get(seg.tokens.len() - 1), whole[seg.tokens.len() - 1]);
        assert_eq!(some.all(), &whole[..]);
        assert_eq!(some.get(0), whole[0]);
        assert_eq!(Tags::new(text, &seg).all(), &whole[..]);
    }

    /// The feature keys as they were first written (one `String` per word, `hash` with a slice
    /// of parts, `suffix` by characters; `shape` is unchanged): the fast paths must give the
    /// same keys.
    fn reference_features(words: &[&str], i: usize, p1: u8, p2: u8) -> Vec<u32> {
        fn suffix_chars(w: &str, n: usize) -> &str {
            let k = w.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
            &w[k..]
        }
        let norm: Vec<String> = words.iter().map(|w| conll_pos_word(w)).collect();
        let at = |k: isize| -> (&str, &str) {
            let j = i as isize + k;
            if j < 0 {
                ("<s>", "<s>")
            } else {
                match (words.get(j as usize), norm.get(j as usize)) {
                    (Some(r), Some(n)) => (r, n.as_str()),
                    _ => ("</s>", "</s>"),
                }
            }
        };
        let (raw0, w) = at(0);
        let (_, l1) = at(-1);
        let (raw1, r1) = at(1);
        let (_, l2) = at(-2);
        let (_, r2) = at(2);
        let t1 = [b'0' + p1];
        let t2 = [b'0' + p2];
        let t1 = std::str::from_utf8(&t1).unwrap_or("?");
        let t2 = std::str::from_utf8(&t2).unwrap_or("?");
        let sh = shape(raw0);
        let first = if i == 0 { "1" } else { "0" };
        vec![
            hash(1, &[]),
            hash(2, &[w]),
            hash(3, &[suffix_chars(w, 3)]),
            hash(4, &[suffix_chars(w, 2)]),
            hash(5, &[suffix_chars(w, 1)]),
            hash(6, &[w.get(..1).unwrap_or("")]),
            hash(7, &[sh, first]),
            hash(8, &[t1]),
            hash(9, &[t1, t2]),
            hash(10, &[t1, w]),
            hash(11, &[l1]),
            hash(12, &[r1]),
            hash(13, &[l2]),
            hash(14, &[r2]),
            hash(15, &[suffix_chars(l1, 3)]),
            hash(16, &[suffix_chars(r1, 3)]),
            hash(17, &[w, r1]),
            hash(18, &[l1, w]),
            hash(19, &[sh, shape(raw1)]),
        ]
    }

    #[test]
    fn fast_features_match_the_reference() {
        let words = [
            "Trump",
            "SAID",
            "it",
            "''",
            "``",
            "\u{201c}",
            "Éric",
            "ÉCOLE",
            "naïve",
            "don\u{2019}t",
            "1,200",
            "x",
            "A1",
            "--",
            "\u{2014}",
            "’s",
            "U.S.",
            "e-mail",
            "MacDonald",
            "",
            "ab",
            "a\u{e9}b",
            "\u{1f600}",
            "ß",
            "İstanbul",
            "R-Ariz.",
        ];
        let sent = Sentence::new(&words);
        let mut keys = Vec::new();
        for i in 0..words.len() {
            for (p1, p2) in [(TAGS as u8, TAGS as u8), (0, TAGS as u8), (12, 3), (9, 10)] {
                sent.features(i, p1, p2, &mut keys);
                assert_eq!(keys, reference_features(&words, i, p1, p2), "word {i} {:?}", words[i]);
            }
        }
    }

    #[test]
    fn word_rows_give_the_tags_of_every_key() {
        // The embedded model twice (the second time from the word memory) and a model that
        // is not the embedded one (no memory), against the per-key reference.
        let m = model().expect("model");
        let odd = "Trump SAID it '' `` \u{201c} Éric ÉCOLE naïve don\u{2019}t 1,200 x A1 -- \u{2014} ’s U.S. e-mail MacDonald  ab a\u{e9}b \u{1f600} ß İstanbul R-Ariz. <s> </s>";
        let mut texts = vec![odd.to_string()];
        let dir = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).expect("seeds");
        for f in dir.flatten().filter(|f| f.path().extension().is_some_and(|e| e == "txt")) {
            let t = std::fs::read_to_string(f.path()).expect("seed");
            texts.extend(t.lines().filter(|l| !l.trim().is_empty()).map(String::from));
        }
        assert!(texts.len() > 50, "{}", texts.len());
        let (keys, weights) = m.rows.entries();
        let copy = Model::new(&keys, weights);
        for t in &texts {
            let words: Vec<&str> = t.split(' ').collect();
            for n in [1, 2, 3, words.len()] {
                let w = &words[..n.min(words.len())];
                let mut want = Vec::new();
                m.tag_words_reference(w, &mut want);
                for model in [m, m, &copy] {
                    let mut got = vec![Pos::Num];
                    model.tag_words(w, &mut got);
                    assert_eq!(got[1..], want[..], "{w:?}");
                }
            }
        }
    }

    #[test]
    fn ptb_mapping() {
        assert_eq!(Pos::from_ptb("VBZ"), Pos::Verb);
        assert_eq!(Pos::from_ptb("NNPS"), Pos::Propn);
        assert_eq!(Pos::from_ptb("''"), Pos::Punct);
        assert_eq!(Pos::from_ptb("POS"), Pos::Prt);
    }

    #[test]
    fn garbage_is_not_a_model() {
        assert!(Model::parse(b"").is_none());
        assert!(Model::parse(b"NLPOS2\x0d\xff\xff\xff\xff").is_none());
        let bytes = Model::encode(&[1, 5, 900], &[1; 3 * TAGS], 0.5);
        let m = Model::parse(&bytes).expect("roundtrip");
        assert_eq!(m.rows.len(), 3);
        assert!(Model::parse(&bytes[..bytes.len() - 1]).is_none());
    }

    #[test]
    fn shipped_model_writes_back_to_the_same_bytes() {
        let bytes = include_bytes!("../../data/pos/model.bin");
        let m = Model::parse(bytes).expect("model");
        let (keys, weights) = m.rows.entries();
        let scale = f32::from_le_bytes(bytes[11..15].try_into().unwrap());
        assert_eq!(Model::encode(&keys, &weights, scale), bytes);
    }

    #[test]
    fn odd_words_do_not_panic() {
        let t = tags("\u{1f600} ééé 12,000 -- ' \" ’s");
        assert_eq!(t.len(), 7);
    }
}
