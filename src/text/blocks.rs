//! Blocks and the body/junk decision.
//!
//! A page is read as a sequence of blocks: the non-blank lines of a plain-text paste, or the
//! block elements of an HTML page. Each block gets a vector of features, and a logistic model
//! turns them into a probability that the block is article body. The weights are not made up:
//! they are fitted on the readability-pages data (`newslens-eval clean DIR --fit` prints them,
//! from the training pages only), once for pasted text and once for HTML, where structure adds
//! features (link density, tag, class/id hints such as "comment" or "article", and whether the
//! block lies in the page's main content container as Readability scores containers).
//!
//! A block is rarely decidable alone ("Share post:" and a one-line quote are both short), so the
//! per-block probabilities go through a two-state Viterbi pass: switching between body and junk
//! costs a fixed penalty, which keeps paragraphs between body paragraphs in the body unless
//! the evidence against them is strong (a "READ MORE:" line), and drops isolated prose-looking
//! lines in the page chrome. Both steps are linear in the number of blocks.
//!
//! Nothing here knows any particular site: the evidence is length, punctuation, function-word
//! density, capitalisation, first/second-person address (donation pitches, comment forms),
//! repetition (related-links lists, repeated headlines) and a small vocabulary of web chrome
//! (share, subscribe, cookies, …) that is the same on every news site.

use crate::lexicon::{starts_upper, FastHasher, FastMap, FastSet};
use crate::span::Span;
use std::hash::Hasher;
use std::sync::OnceLock;

/// What HTML structure says about a block (absent for plain text).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HtmlHints {
    /// Block element that holds the text.
    pub tag: BlockTag,
    /// Bytes of the block's text that sit inside links.
    pub link_bytes: usize,
    /// An ancestor's class/id/role reads like page chrome ("comment", "sidebar", "share", …).
    pub negative: bool,
    /// An ancestor's class/id/itemprop reads like article content ("article-body", "story", …).
    pub positive: bool,
    /// Inside `<article>` or `<main>` (or role=main / itemprop=articleBody).
    pub in_article: bool,
    /// Inside `<nav>`, `<header>`, `<footer>`, `<aside>` or `<form>`.
    pub chrome: bool,
    /// Inside `<figure>`/`<figcaption>`.
    pub figure: bool,
    /// Outside the page's main content container, as Readability scores containers (see
    /// `html::mark_main_content`).
    pub outside_main: bool,
    /// Inside the main content, but in an element Readability's conditional cleaning would
    /// remove (a gallery, a link list, a class that reads like chrome; see
    /// `html::is_junk_container`).
    pub junk_container: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BlockTag {
    P,
    Heading,
    ListItem,
    Cell,
    Quote,
    Pre,
    #[default]
    Other,
}

/// One unit of the page: a span of the page text and, for HTML, its structure.
#[derive(Debug, Clone)]
pub struct Block {
    pub span: Span,
    pub html: Option<HtmlHints>,
}

/// Number of features for plain-text blocks.
pub const TEXT_FEATURES: usize = 19;
/// Number of features for HTML blocks (the text features, then structure).
pub const HTML_FEATURES: usize = TEXT_FEATURES + 14;

/// Feature names, in order (for the fitting report).
pub const FEATURE_NAMES: [&str; HTML_FEATURES] = [
    "bias",
    "log_words",
    "ends_sentence",
    "function_words",
    "capitalised",
    "chrome_words",
    "address_words",
    "repeated",
    "digits",
    "starts_lower",
    "separators",
    "glued_words",
    "commas",
    "short",
    "position",
    "ends_ellipsis",
    "no_sentence_mark",
    "self_repeat",
    "appeal",
    "link_density",
    "tag_p",
    "tag_heading",
    "tag_li",
    "tag_cell",
    "tag_quote_pre",
    "negative_hint",
    "positive_hint",
    "in_article",
    "chrome_element",
    "figure",
    "all_links",
    "outside_main",
    "junk_container",
];

/// Features whose weights are set rather than fitted (reader address, self-repetition,
/// appeals: the training pages hardly contain them) and whose strong evidence the smoothing may
/// not override.
pub const VETO_FEATURES: [usize; 3] = [6, 17, 18];

/// Weights for plain text, fitted by `newslens-eval clean DIR --fit --text-dir DIR`.
pub const TEXT_WEIGHTS: [f32; TEXT_FEATURES] = [
    -0.503, 0.608, 0.965, 1.456, -0.892, -1.630, -5.000, -0.173, 0.278, 0.998, 0.562, 0.317, 1.066, -0.023, -1.640,
    -0.984, -0.520, -8.000, -4.000,
];

/// Weights for HTML, fitted by `newslens-eval clean DIR --fit`.
pub const HTML_WEIGHTS: [f32; HTML_FEATURES] = [
    1.949, 0.486, 0.987, 1.549, 0.174, -0.779, -5.000, -0.117, -0.249, 0.618, 0.114, -0.225, 0.129, 0.308, -1.598,
    -0.304, -0.478, -0.019, -4.000, -1.151, -0.178, -0.266, 0.641, 2.642, 1.184, -1.230, -0.228, 0.061, -1.217, 0.839,
    0.923, -3.030, -1.572,
];

/// Cost (in log-odds) of switching between body and junk in the Viterbi pass, per mode
/// (picked with the weights by `--fit`).
pub const TEXT_SWITCH_PENALTY: f32 = 3.0;
pub const HTML_SWITCH_PENALTY: f32 = 0.5;

/// Words that open or make up page chrome rather than prose, on any site.
const CHROME_WORDS: &[&str] = &[
    "share",
    "shares",
    "subscribe",
    "subscription",
    "newsletter",
    "newsletters",
    "login",
    "log",
    "sign",
    "signup",
    "comment",
    "comments",
    "reply",
    "replies",
    "cookie",
    "cookies",
    "privacy",
    "policy",
    "terms",
    "rights",
    "reserved",
    "copyright",
    "advertisement",
    "advertising",
    "advertise",
    "sponsored",
    "related",
    "popular",
    "trending",
    "follow",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "instagram",
    "youtube",
    "pinterest",
    "reddit",
    "email",
    "print",
    "download",
    "app",
    "podcast",
    "podcasts",
    "menu",
    "home",
    "search",
    "click",
    "skip",
    "tags",
    "topics",
    "gallery",
    "donate",
    "contact",
    "loading",
    "more",
    "read",
    "next",
    "previous",
    "prev",
    "back",
    "top",
    "accept",
    "settings",
    "features",
    "video",
    "videos",
    "photos",
    "rss",
    "feed",
    "edition",
    "login",
    "register",
    "account",
    "password",
    "username",
    "submit",
    "captcha",
    "icon",
    "toggle",
    "close",
    "open",
    "watch",
    "listen",
    "see",
    "all",
    "view",
    "show",
    "hide",
    "expand",
    "collapse",
];

/// Words addressing the reader or speaking as the site ("we need your help").
const ADDRESS_WORDS: &[&str] =
    &["you", "your", "yours", "you're", "you’re", "we", "our", "ours", "us", "we're", "we’re", "please"];

/// Words of appeals to the reader (donation pitches, sign-up boxes).
const APPEAL_WORDS: &[&str] = &[
    "support",
    "donate",
    "donation",
    "donations",
    "subscribe",
    "subscription",
    "contribute",
    "contribution",
    "membership",
    "member",
    "members",
    "help",
    "join",
    "sign",
    "thank",
    "thanks",
    "please",
    "favor",
    "favour",
];

/// Frequent English function words: prose has many, chrome and headlines few.
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "an", "in", "that", "is", "was", "were", "are", "for", "on", "with", "as", "by",
    "at", "from", "has", "have", "had", "be", "been", "it", "its", "this", "which", "who", "but", "not", "said",
    "their", "his", "her", "they", "he", "she", "would", "will", "after", "about", "into", "than", "also", "or", "its",
    "there", "when", "while", "over", "since", "what", "could", "can", "if", "so", "no", "one", "all",
];

const FUNCTION: u8 = 1;
const CHROME: u8 = 2;
const APPEAL: u8 = 4;
const ADDRESS: u8 = 8;

/// Which of the word lists above each listed word is in: one lookup per word of a block instead
/// of four scans of the lists.
///
/// Keyed by [`word_hash`] (the hash `text_features` computes anyway for its self-repeat
/// trigrams), each with its word, which a lookup compares (no two listed words share a hash:
/// a test checks).
fn word_classes() -> &'static FastMap<u64, (&'static str, u8)> {
    static TABLE: OnceLock<FastMap<u64, (&'static str, u8)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m = FastMap::default();
        for (list, class) in
            [(FUNCTION_WORDS, FUNCTION), (CHROME_WORDS, CHROME), (APPEAL_WORDS, APPEAL), (ADDRESS_WORDS, ADDRESS)]
        {
            for &w in list {
                m.entry(word_hash(w)).or_insert((w, 0)).1 |= class;
            }
        }
        m
    })
}

/// A lower-cased word's hash, for [`word_classes`] and the self-repeat trigrams.
fn word_hash(w: &str) -> u64 {
    let mut h = FastHasher::default();
    h.write(w.as_bytes());
    h.finish()
}

/// The classes of a lower-cased word whose [`word_hash`] is `hash`.
fn word_class(classes: &FastMap<u64, (&'static str, u8)>, hash: u64, w: &str) -> u8 {
    classes.get(&hash).filter(|e| e.0 == w).map_or(0, |e| e.1)
}

/// Words of a block, lower-cased letters/digits with inner apostrophes and hyphens.
///
/// The same words as `text.split(|c| !(c.is_alphanumeric() || "'’-_".contains(c)))`, each
/// trimmed of non-alphanumeric characters, empty ones dropped; ASCII bytes are classified
/// without decoding.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    Words { rest: text }
}

struct Words<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        while !self.rest.is_empty() {
            let rest = self.rest;
            let b = rest.as_bytes();
            let mut i = 0;
            // The run of word characters, then the one separator after it.
            let mut sep = 0;
            while i < b.len() {
                let c = b[i];
                if c.is_ascii() {
                    if c.is_ascii_alphanumeric() || matches!(c, b'\'' | b'-' | b'_') {
                        i += 1;
                        continue;
                    }
                    sep = 1;
                    break;
                }
                let Some(ch) = rest[i..].chars().next() else { break };
                if ch.is_alphanumeric() || ch == '\u{2019}' {
                    i += ch.len_utf8();
                } else {
                    sep = ch.len_utf8();
                    break;
                }
            }
            let run = &rest[..i];
            self.rest = &rest[i + sep..];
            let w = match (run.as_bytes().first(), run.as_bytes().last()) {
                (Some(f), Some(l)) if f.is_ascii_alphanumeric() && l.is_ascii_alphanumeric() => run,
                _ => run.trim_matches(|c: char| !c.is_alphanumeric()),
            };
            if !w.is_empty() {
                return Some(w);
            }
        }
        None
    }
}

/// `words(text).count()` without cutting the words out: the maximal runs of word characters
/// (letters, digits, `'`, `’`, `-`, `_`) that hold a letter or digit.
pub fn word_count(text: &str) -> usize {
    let (mut n, mut run, mut alnum) = (0, false, false);
    for c in text.chars() {
        let (word, a) = if c.is_ascii() {
            let a = c.is_ascii_alphanumeric();
            (a || matches!(c, '\'' | '-' | '_'), a)
        } else {
            let a = c.is_alphanumeric();
            (a || c == '\u{2019}', a)
        };
        if word {
            run = true;
            alnum |= a;
        } else {
            n += usize::from(run && alnum);
            (run, alnum) = (false, false);
        }
    }
    n + usize::from(run && alnum)
}

/// How much of a block its fingerprint keeps: repeated page furniture (menus, share lines,
/// newsletter boxes) is the same in its first 200 letters, and a longer prefix costs time.
const FINGERPRINT_CHARS: usize = 200;

/// Normalised form of a block used to find repeats: letters and digits, lower-cased.
pub fn fingerprint(text: &str) -> String {
    // ASCII bytes directly (most text): the same characters as the general path below.
    let mut out = String::with_capacity(FINGERPRINT_CHARS);
    let mut n = 0;
    let mut rest = text;
    while n < FINGERPRINT_CHARS {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        for &b in &rest.as_bytes()[..ascii] {
            if n == FINGERPRINT_CHARS {
                return out;
            }
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
                n += 1;
            }
        }
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                if n == FINGERPRINT_CHARS {
                    return out;
                }
                out.push(l);
                n += 1;
            }
        }
    }
    out
}

/// Counts how often each block's text occurs on the page.
pub fn repeat_counts(text: &str, blocks: &[Block]) -> Vec<u32> {
    let prints: Vec<String> = blocks.iter().map(|b| fingerprint(&text[b.span.start..b.span.end])).collect();
    let mut counts: FastMap<&str, u32> = FastMap::default();
    for p in &prints {
        if p.len() >= 8 {
            *counts.entry(p).or_default() += 1;
        }
    }
    prints.iter().map(|p| counts.get(p.as_str()).copied().unwrap_or(1)).collect()
}

/// Text features of one block: see [`FEATURE_NAMES`].
pub fn text_features(t: &str, repeats: u32, position: f32, out: &mut Vec<f32>) {
    let t = t.trim();
    let mut n = 0usize;
    let (mut func, mut caps, mut chrome, mut address, mut digits, mut glued, mut appeal) = (0, 0, 0, 0, 0, 0, 0);
    let classes = word_classes();
    let mut lowered: Vec<u64> = Vec::with_capacity(400.min(t.len() / 2 + 1));
    let mut in_quote = false;
    let mut words_iter_pos = 0usize;
    let mut lower_buf = String::new();
    let mut lower_owned: String;
    for w in words(t) {
        n += 1;
        // Track whether we are inside quotation marks, to not count quoted "we"/"you".
        if let Some(off) = substr_offset(t, w) {
            // Bytes, not chars: `"` and the curly quotes' UTF-8 sequences (E2 80 9C, E2 80 9D)
            // occur nowhere else in valid UTF-8.
            let before = &t.as_bytes()[words_iter_pos..off];
            for (i, &b) in before.iter().enumerate() {
                match b {
                    b'"' => in_quote = !in_quote,
                    0xE2 if before.get(i + 1) == Some(&0x80) => match before.get(i + 2) {
                        Some(0x9C) => in_quote = true,
                        Some(0x9D) => in_quote = false,
                        _ => {}
                    },
                    _ => {}
                }
            }
            words_iter_pos = off + w.len();
        }
        let lower: &str = if !w.bytes().any(|b| !b.is_ascii_lowercase()) {
            w
        } else if w.is_ascii() {
            // The same as `to_lowercase` for ASCII, in a reused buffer.
            lower_buf.clear();
            lower_buf.push_str(w);
            lower_buf.make_ascii_lowercase();
            &lower_buf
        } else {
            lower_owned = w.to_lowercase();
            &lower_owned
        };
        let hash = word_hash(lower);
        let class = word_class(classes, hash, lower);
        if class & FUNCTION != 0 {
            func += 1;
        }
        if starts_upper(w) {
            caps += 1;
        }
        if class & CHROME != 0 {
            chrome += 1;
        }
        if class & APPEAL != 0 {
            appeal += 1;
        }
        if !in_quote && class & ADDRESS != 0 {
            address += 1;
        }
        if w.bytes().any(|b| b.is_ascii_digit()) {
            digits += 1;
        }
        if w.contains('_') || has_inner_capital(w) {
            glued += 1;
        }
        if lowered.len() < 400 {
            lowered.push(hash);
        }
    }
    // A block that says the same thing twice ("Headline READ MORE: Headline").
    let self_repeat = if lowered.len() >= 8 {
        // Word hashes, not words: 64-bit keys, compared three at a time.
        let grams = lowered.len() - 2;
        let mut seen: FastSet<Gram> = FastSet::with_capacity_and_hasher(grams, Default::default());
        let dup = lowered.windows(3).filter(|g| !seen.insert(Gram([g[0], g[1], g[2]]))).count();
        dup as f32 / grams as f32
    } else {
        0.0
    };
    let sentence_marks = t.matches(['.', '!', '?']).count();
    let nf = n.max(1) as f32;
    let last = t.chars().next_back();
    let ends_sentence = matches!(last, Some('.' | '!' | '?' | '"' | '\u{201d}' | '\u{2019}' | ')' | ':'))
        && !t.ends_with("...")
        && !t.ends_with('\u{2026}');
    let ends_ellipsis = t.ends_with("...") || t.ends_with('\u{2026}');
    let starts_lower = t.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase);
    // One pass over the bytes: `|` `/` `,` and the UTF-8 sequences of » (C2 BB), › (E2 80 BA),
    // • (E2 80 A2) and · (C2 B7), which occur nowhere else in valid UTF-8.
    let (mut separators, mut commas) = (0usize, 0usize);
    let tb = t.as_bytes();
    for (i, &b) in tb.iter().enumerate() {
        match b {
            b'|' | b'/' => separators += 1,
            b',' => commas += 1,
            0xC2 => separators += usize::from(matches!(tb.get(i + 1), Some(0xBB | 0xB7))),
            0xE2 => {
                separators += usize::from(tb.get(i + 1) == Some(&0x80) && matches!(tb.get(i + 2), Some(0xBA | 0xA2)))
            }
            _ => {}
        }
    }
    out.extend_from_slice(&[
        1.0,
        (n as f32 + 1.0).ln(),
        ends_sentence as u8 as f32,
        func as f32 / nf,
        caps as f32 / nf,
        chrome as f32 / nf,
        address as f32 / nf,
        if repeats > 1 { 1.0 } else { 0.0 },
        digits as f32 / nf,
        starts_lower as u8 as f32,
        (separators as f32 / nf).min(1.0),
        glued as f32 / nf,
        (commas as f32 / nf).min(0.5),
        (n < 5) as u8 as f32,
        position,
        ends_ellipsis as u8 as f32,
        (sentence_marks == 0 && n >= 8) as u8 as f32,
        self_repeat,
        if address > 0 { (appeal as f32 / nf * 5.0).min(1.0) } else { 0.0 },
    ]);
}

/// Structure features of an HTML block: see [`FEATURE_NAMES`].
pub fn html_features(h: &HtmlHints, text_len: usize, out: &mut Vec<f32>) {
    let density = if text_len == 0 { 0.0 } else { (h.link_bytes as f32 / text_len as f32).min(1.0) };
    out.extend_from_slice(&[
        density,
        (h.tag == BlockTag::P) as u8 as f32,
        (h.tag == BlockTag::Heading) as u8 as f32,
        (h.tag == BlockTag::ListItem) as u8 as f32,
        (h.tag == BlockTag::Cell) as u8 as f32,
        matches!(h.tag, BlockTag::Quote | BlockTag::Pre) as u8 as f32,
        h.negative as u8 as f32,
        h.positive as u8 as f32,
        h.in_article as u8 as f32,
        h.chrome as u8 as f32,
        h.figure as u8 as f32,
        (density > 0.9) as u8 as f32,
        h.outside_main as u8 as f32,
        h.junk_container as u8 as f32,
    ]);
}

/// All features of all blocks, flattened (`TEXT_FEATURES` or `HTML_FEATURES` per block).
pub fn features(text: &str, blocks: &[Block]) -> Vec<f32> {
    let repeats = repeat_counts(text, blocks);
    let n = blocks.len().max(1) as f32;
    let mut out = Vec::with_capacity(blocks.len() * HTML_FEATURES);
    for (i, b) in blocks.iter().enumerate() {
        let t = &text[b.span.start..b.span.end];
        text_features(t, repeats[i], i as f32 / n, &mut out);
        if let Some(h) = &b.html {
            html_features(h, t.len(), &mut out);
        }
    }
    out
}

fn has_inner_capital(w: &str) -> bool {
    let mut prev_lower = false;
    for c in w.chars() {
        if c.is_uppercase() && prev_lower {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// Three word hashes of a block: already hashes, so hashed once more by mixing them into one
/// `u64` (equality still compares all three).
#[derive(PartialEq, Eq)]
struct Gram([u64; 3]);

impl std::hash::Hash for Gram {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_u64(self.0[0] ^ self.0[1].rotate_left(21) ^ self.0[2].rotate_left(42));
    }
}

/// Offset of `sub` (a subslice of `s`) in `s`.
fn substr_offset(s: &str, sub: &str) -> Option<usize> {
    let start = (sub.as_ptr() as usize).checked_sub(s.as_ptr() as usize)?;
    (start + sub.len() <= s.len()).then_some(start)
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Log-odds that each block is body, given flattened features and the weights for the mode.
pub fn scores(feats: &[f32], weights: &[f32]) -> Vec<f32> {
    feats.chunks(weights.len()).map(|f| f.iter().zip(weights).map(|(a, b)| a * b).sum()).collect()
}

/// Probability form of [`scores`], for callers that want it.
pub fn probabilities(feats: &[f32], weights: &[f32]) -> Vec<f32> {
    scores(feats, weights).into_iter().map(sigmoid).collect()
}

/// Two-state Viterbi over log-odds: returns which blocks are body. `weight[i]` scales block i's
/// evidence (longer blocks count more).
pub fn smooth(logodds: &[f32], weight: &[f32], penalty: f32) -> Vec<bool> {
    let n = logodds.len();
    if n == 0 {
        return Vec::new();
    }
    // Emission scores: body = +x/2, junk = -x/2 (symmetric in log-odds).
    let mut back = vec![[0u8; 2]; n];
    let mut score = [0f32; 2];
    for i in 0..n {
        let e = logodds[i] * weight[i] * 0.5;
        let emit = [-e, e];
        let mut next = [0f32; 2];
        for s in 0..2 {
            let stay = score[s];
            let switch = score[1 - s] - if i == 0 { 0.0 } else { penalty };
            if stay >= switch {
                next[s] = stay + emit[s];
                back[i][s] = s as u8;
            } else {
                next[s] = switch + emit[s];
                back[i][s] = (1 - s) as u8;
            }
        }
        score = next;
    }
    let mut state = if score[1] >= score[0] { 1 } else { 0 };
    let mut out = vec![false; n];
    for i in (0..n).rev() {
        out[i] = state == 1;
        state = back[i][state] as usize;
    }
    out
}

/// How much a block's evidence counts in [`smooth`]: grows with its length, saturating.
pub fn evidence_weight(words: usize) -> f32 {
    0.3 + (words as f32 / 20.0).min(1.7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_words_have_distinct_hashes_and_their_classes() {
        let lists =
            [(FUNCTION_WORDS, FUNCTION), (CHROME_WORDS, CHROME), (APPEAL_WORDS, APPEAL), (ADDRESS_WORDS, ADDRESS)];
        let words: std::collections::HashSet<&str> = lists.iter().flat_map(|(l, _)| l.iter().copied()).collect();
        let hashes: std::collections::HashSet<u64> = words.iter().map(|w| word_hash(w)).collect();
        assert_eq!(words.len(), hashes.len());
        for w in &words {
            let want = lists.iter().filter(|(l, _)| l.contains(w)).fold(0, |c, (_, k)| c | k);
            assert_eq!(word_class(word_classes(), word_hash(w), w), want, "{w}");
        }
        assert_eq!(word_class(word_classes(), word_hash("newslens"), "newslens"), 0);
    }

    #[test]
    fn words_match_the_split_definition() {
        let reference = |t: &str| -> Vec<String> {
            t.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-' | '_')))
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        for t in [
            "",
            " ",
            "one",
            "one two ",
            "--- ' ’ _ -",
            "don’t stop-gap _x_ 'quoted' -- a - b’",
            "Zürich’s «Straße» — naïve café, 3.5% «»",
            "a\u{a0}b\u{200b}c\u{2026}d…’’x’’ '-_a_-' ’Ω’",
            "日本語 テキスト,\u{1F600}emoji\u{1F600}",
        ] {
            assert_eq!(words(t).map(str::to_string).collect::<Vec<_>>(), reference(t), "{t:?}");
        }
    }

    #[test]
    fn word_count_counts_the_words() {
        for t in [
            "",
            " ",
            "one",
            "one two",
            "--- ' ’ _ -",
            "don’t stop-gap _x_ 'quoted' -- a - b",
            "Éric, İstanbul; naïve… “quoted” 12,000 ǅ ẞ",
            "a\u{300}b \u{1f600} x\u{1f600}y",
            "READ MORE: Headline | Share / Tweet • 3:45 p.m.",
        ] {
            assert_eq!(word_count(t), words(t).count(), "{t:?}");
        }
        let dir = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).expect("seeds");
        for f in dir.flatten() {
            let t = std::fs::read_to_string(f.path()).unwrap_or_default();
            for line in t.lines() {
                assert_eq!(word_count(line), words(line).count(), "{line:?}");
                assert_eq!(
                    fingerprint(line),
                    line.chars()
                        .filter(|c| c.is_alphanumeric())
                        .flat_map(char::to_lowercase)
                        .take(200)
                        .collect::<String>()
                );
            }
        }
    }

    #[test]
    fn fingerprint_matches_the_char_by_char_form() {
        let reference = |t: &str| -> String {
            t.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).take(FINGERPRINT_CHARS).collect()
        };
        let mut texts = vec![
            String::new(),
            "Share this: Facebook | Twitter".to_string(),
            "Éric İstanbul ẞ naïve — “quoted” 12,000 ǅ".to_string(),
            "a".repeat(199) + "İ" + "bcd",
            "a".repeat(200) + "İ",
            "İ".repeat(150),
            "x-".repeat(300),
            "Ünïcödé ".repeat(60),
        ];
        for k in 195..202 {
            texts.push("a".repeat(k) + "İÉ");
        }
        for t in &texts {
            assert_eq!(fingerprint(t), reference(t), "{t}");
        }
    }

    #[test]
    fn viterbi_bridges_one_weak_block() {
        let lo = [3.0, 3.0, -0.5, 3.0, -4.0, -4.0];
        let w = [1.0; 6];
        assert_eq!(smooth(&lo, &w, 2.0), vec![true, true, true, true, false, false]);
        let lo = [3.0, 3.0, -6.0, 3.0];
        assert_eq!(smooth(&lo, &w[..4], 2.0), vec![true, true, false, true]);
    }

    #[test]
    fn features_have_fixed_width() {
        let mut out = Vec::new();
        text_features("We need your help. Please support us!", 1, 0.5, &mut out);
        assert_eq!(out.len(), TEXT_FEATURES);
        assert!(out[6] > 0.3, "address words");
        out.clear();
        text_features("He said: “we will fight.”", 1, 0.5, &mut out);
        assert_eq!(out[6], 0.0, "quoted address words do not count");
    }
}
