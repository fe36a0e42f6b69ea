//! The learned choice of a partial quotation's content edges.
//!
//! The rules of [`super::content`] propose where the reporter's clause around a partial quote
//! starts and ends, and they are right most of the time; what they miss is a long tail that
//! no single rule covers: "accused him of having a “penchant for sexism”" starts after the
//! verb, "Hillary Clinton’s “public option”" at the noun phrase, "what she calls a “war of
//! words”" back at the clause. Annotators agree on those edges far better than the rules do
//! (PolNeAR: 0.965 F1 between annotators on direct quotes), so the choice is learned from
//! their annotation instead of written as more rules.
//!
//! Each side is a ranking: every token boundary within [`super::content::REACH`] tokens of
//! the quotation is a candidate, scored by the sum of its features' weights, and the best one
//! wins. The rule's own proposal is a feature ("this is where the rule would cut", with the
//! rule that made it), so the model starts from the rules and learns where to depart from
//! them; the other features are the words and part-of-speech tags at the boundary, the
//! distance to the quotation, and the verbs, commas, cue words and quotation marks between them.
//!
//! The weights (`data/quotes/edges.bin`, written by `newslens-train edges` from PolNeAR train)
//! use the same file pieces as the taggers' models. Without a model the rules' edges are used
//! unchanged. Every candidate costs a fixed number of table probes and a walk of at most
//! `REACH` tokens (one walk counts what lies between it and the quotation), and there are at most
//! `2 × REACH + 4` of them (`REACH + 1` boundaries a side, plus the rule's when it lies beyond),
//! so the choice stays linear in the number of quotes.

use super::content::{Edge, Frame, Rule};
use crate::text::pos::{hash, Pos};
use crate::weights::{write_rows, Reader, Rows};
use std::sync::OnceLock;

pub(crate) const MAGIC: &[u8; 7] = b"NLEDGE1";

/// A loaded edge model: feature key → weight.
pub struct Model {
    rows: Rows,
}

impl Model {
    /// Reads a model file; `None` when it is not one.
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        Some(Model { rows: Reader(bytes.strip_prefix(MAGIC.as_slice())?).rows(1)? })
    }

    /// Writes a model file (`keys` ascending, one weight each).
    pub fn encode(keys: &[u32], weights: &[i8], scale: f32) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        write_rows(&mut out, keys, weights, scale);
        out
    }

    fn score(&self, keys: &[u32]) -> i32 {
        self.rows.sum::<1>(keys)[0]
    }

    /// The best-scoring candidate (the earliest among equals).
    fn best(&self, cands: impl Iterator<Item = usize>, keys: impl Fn(usize, &mut Vec<u32>)) -> Option<usize> {
        let mut buf = Vec::with_capacity(24);
        let mut best: Option<(i32, usize)> = None;
        for c in cands {
            buf.clear();
            keys(c, &mut buf);
            let s = self.score(&buf);
            match best {
                Some((b, _)) if b >= s => {}
                _ => best = Some((s, c)),
            }
        }
        best.map(|(_, c)| c)
    }
}

static MODEL: OnceLock<Option<Model>> = OnceLock::new();

fn model() -> Option<&'static Model> {
    MODEL.get_or_init(|| Model::parse(include_bytes!("../../data/quotes/edges.bin"))).as_ref()
}

/// Whether the shipped model parsed (tests check this).
pub fn model_loaded() -> bool {
    model().is_some()
}

/// The content's start token and end boundary for a frame: the model's choice, or the rules'
/// without a model.
pub(crate) fn choose(f: &Frame) -> (usize, usize) {
    choose_with(model(), f)
}

pub(crate) fn choose_with(m: Option<&Model>, f: &Frame) -> (usize, usize) {
    let Some(m) = m else { return (f.left, f.right) };
    let left = m.best(f.lefts(), |i, out| left_keys(f, i, out)).unwrap_or(f.left);
    let right = m.best(f.rights(), |j, out| right_keys(f, j, out)).unwrap_or(f.right);
    (left, right)
}

fn rule_name(r: Rule) -> &'static str {
    match r {
        Rule::AfterCue => "cue",
        Rule::OwnClause => "own",
        Rule::CueAfter => "after",
        Rule::Scan(Edge::Verb(_)) => "verb",
        Rule::Scan(Edge::That) => "that",
        Rule::Scan(Edge::Mark) => "mark",
        Rule::Scan(Edge::Floor) => "floor",
        Rule::Closes => "closes",
        Rule::ClauseEnd => "clause",
        Rule::NoEnd => "none",
    }
}

fn tag_name(p: Pos) -> &'static str {
    match p {
        Pos::Noun => "N",
        Pos::Propn => "P",
        Pos::Verb => "V",
        Pos::Adj => "J",
        Pos::Adv => "R",
        Pos::Pron => "O",
        Pos::Det => "D",
        Pos::Adp => "A",
        Pos::Num => "C",
        Pos::Conj => "&",
        Pos::Prt => "T",
        Pos::Punct => ".",
        Pos::Other => "X",
    }
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4",
        6..=8 => "6",
        9..=12 => "9",
        13..=20 => "13",
        _ => "21",
    }
}

fn few(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        _ => "3",
    }
}

/// What lies between two token positions, counted in one walk.
struct Between {
    /// Governing verbs (not forms of "be").
    verbs: usize,
    commas: usize,
    /// Cue words (verbs or nouns of the lexicon).
    cues: usize,
    /// Quotation marks.
    marks: usize,
    /// Coordinated clauses: a conjunction with a verb within the next three tokens ("… and he
    /// reiterated", "… but did not suggest").
    clauses: usize,
}

fn between(f: &Frame, a: usize, b: usize) -> Between {
    let mut n = Between { verbs: 0, commas: 0, cues: 0, marks: 0, clauses: 0 };
    for k in a..b {
        let (w, t) = (f.word(k), f.tag(k));
        n.verbs += usize::from(t == Pos::Verb && !super::content::is_be(w));
        n.commas += usize::from(w == ",");
        n.cues += usize::from(f.is_cue_word(k));
        n.marks += usize::from(super::content::is_quote_mark(w));
        n.clauses += usize::from(t == Pos::Conj && (k + 1..(k + 4).min(b)).any(|v| f.tag(v) == Pos::Verb));
    }
    n
}

fn cue_flag(f: &Frame, i: usize) -> &'static str {
    if f.is_cue_word(i) {
        "c"
    } else {
        "-"
    }
}

/// Where a candidate lies against the rule's edge.
fn side(c: usize, rule: usize) -> &'static str {
    match c.cmp(&rule) {
        std::cmp::Ordering::Less => "<",
        std::cmp::Ordering::Equal => "=",
        std::cmp::Ordering::Greater => ">",
    }
}

/// Feature keys of the content starting at token `i`.
pub(crate) fn left_keys(f: &Frame, i: usize, out: &mut Vec<u32>) {
    let rule = rule_name(f.left_rule);
    let at_rule = side(i, f.left);
    let prev = if i > f.lo { f.word(i - 1).to_lowercase() } else { "<s>".into() };
    let pt = if i > f.lo { tag_name(f.tag(i - 1)) } else { "<s>" };
    let cur = if i < f.open { f.word(i).to_lowercase() } else { "<q>".into() };
    let ct = if i < f.open { tag_name(f.tag(i)) } else { "<q>" };
    let dist = bucket(f.open - i.min(f.open));
    let n = between(f, i, f.open);
    let cue = match f.cue {
        Some((_, b)) if b == i => "after",
        Some((a, b)) if a >= i && b <= f.open => "inside",
        Some((_, b)) if b < i => "before",
        Some((a, _)) if a >= f.close => "follows",
        Some(_) => "other",
        None => "none",
    };
    let qlen = few(f.close.saturating_sub(f.open) / 3);
    let cue_word = f.cue_word.as_str();
    out.push(hash(101, &[at_rule]));
    out.push(hash(102, &[at_rule, rule]));
    out.push(hash(103, &[&prev]));
    out.push(hash(104, &[pt]));
    out.push(hash(105, &[&cur]));
    out.push(hash(106, &[ct]));
    out.push(hash(107, &[pt, ct]));
    out.push(hash(108, &[dist]));
    out.push(hash(109, &[few(n.verbs)]));
    out.push(hash(110, &[few(n.commas)]));
    out.push(hash(111, &[cue]));
    out.push(hash(112, &[&prev, cue]));
    out.push(hash(113, &[pt, dist]));
    out.push(hash(114, &[if i == f.lo { "s" } else { "-" }, rule]));
    out.push(hash(115, &[qlen, dist]));
    out.push(hash(116, &[at_rule, rule, few(n.verbs)]));
    out.push(hash(117, &[&prev, ct]));
    let pt2 = if i > f.lo + 1 { tag_name(f.tag(i - 2)) } else { "<s>" };
    out.push(hash(118, &[pt2, pt]));
    out.push(hash(119, &[few(n.clauses)]));
    let pc = if i > f.lo { cue_flag(f, i - 1) } else { "<s>" };
    out.push(hash(120, &[pc, ct]));
    out.push(hash(122, &[few(n.marks)]));
    out.push(hash(126, &[few(n.cues), few(n.verbs)]));
    out.push(hash(127, &[pt, few(n.verbs), few(n.commas)]));
    out.push(hash(129, &[cue_word, at_rule]));
}

/// Feature keys of the content ending before token `j`.
pub(crate) fn right_keys(f: &Frame, j: usize, out: &mut Vec<u32>) {
    let rule = rule_name(f.right_rule);
    let at_rule = side(j, f.right);
    let next = if j < f.hi { f.word(j).to_lowercase() } else { "</s>".into() };
    let nt = if j < f.hi { tag_name(f.tag(j)) } else { "</s>" };
    let last = if j > f.close { f.word(j - 1).to_lowercase() } else { "<q>".into() };
    let lt = if j > f.close { tag_name(f.tag(j - 1)) } else { "<q>" };
    let dist = bucket(j.saturating_sub(f.close));
    let n = between(f, f.close, j);
    let mut buf = [0u8; 4];
    let inner_last: &str = match f.end_punct {
        Some(c) => c.encode_utf8(&mut buf),
        None => "w",
    };
    out.push(hash(201, &[at_rule]));
    out.push(hash(202, &[at_rule, rule]));
    out.push(hash(203, &[&next]));
    out.push(hash(204, &[nt]));
    out.push(hash(205, &[&last]));
    out.push(hash(206, &[lt]));
    out.push(hash(207, &[lt, nt]));
    out.push(hash(208, &[dist]));
    out.push(hash(209, &[few(n.verbs)]));
    out.push(hash(210, &[few(n.commas)]));
    out.push(hash(211, &[inner_last, dist]));
    out.push(hash(212, &[if j == f.hi { "e" } else { "-" }, rule]));
    out.push(hash(213, &[&next, dist]));
    out.push(hash(214, &[at_rule, rule, few(n.verbs)]));
    let nt2 = if j + 1 < f.hi { tag_name(f.tag(j + 1)) } else { "</s>" };
    out.push(hash(215, &[nt, nt2]));
    out.push(hash(216, &[&next, nt2]));
    out.push(hash(217, &[few(n.clauses)]));
    out.push(hash(219, &[few(n.cues)]));
    out.push(hash(220, &[few(n.marks)]));
    out.push(hash(221, &[&last, &next]));
    out.push(hash(222, &[&next, rule]));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::content::frame;
    use crate::report::{Quote, QuoteKind};
    use crate::span::Span;
    use crate::text;

    #[test]
    fn model_loads_and_round_trips() {
        assert!(model_loaded());
        let keys = [3, 70, 90_000];
        let bytes = Model::encode(&keys, &[5, -7, 127], 2.0);
        let m = Model::parse(&bytes).expect("parses");
        assert_eq!(m.score(&[3, 90_000, 12]), 132);
        assert!(Model::parse(&bytes[..bytes.len() - 1]).is_none());
        assert!(Model::parse(b"NLPOS1").is_none());
    }

    /// The frame of the quotation `inner` in a one-paragraph text.
    fn edges(t: &str, inner: &str, m: Option<&Model>) -> String {
        let seg = text::segment(t, &[Span::new(0, t.len())]);
        let pos = text::pos::tag(t, &seg);
        let start = t.find(inner).expect("quotation");
        let q = Quote {
            start,
            end: start + inner.len(),
            text: inner.into(),
            kind: QuoteKind::Partial,
            speaker: None,
            speaker_span: None,
            cue: None,
            via: vec![],
            content: None,
            parts: Vec::new(),
        };
        let f = frame(t, &seg, &pos, &q).expect("frame");
        let (l, r) = choose_with(m, &f);
        assert!(f.lefts().any(|c| c == l) && f.rights().any(|c| c == r));
        let s = f.span(l, r);
        t[s.start..s.end].to_string()
    }

    #[test]
    fn without_a_model_the_rules_decide_and_with_it_the_clause_takes_in_its_verb() {
        let t = "It was what she calls a \u{201c}war of words\u{201d} with the press.";
        // The rules stop right after the nearest verb ("calls"); annotators start before it
        // ("what she calls a …"), and so does the model, wherever exactly a retrain puts it.
        let rules = edges(t, "war of words", None);
        assert_eq!(rules, "a \u{201c}war of words\u{201d} with the press");
        let learned = edges(t, "war of words", model());
        assert!(learned.ends_with("calls a \u{201c}war of words\u{201d} with the press"), "{learned}");
    }
}
