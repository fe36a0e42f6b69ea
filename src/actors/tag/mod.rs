//! Entity mention tagging: a statistical PER/ORG/LOC/MISC tagger trained on CoNLL-2003.
//!
//! Name lists and capitalisation rules stop far short of what a reader accepts: every
//! sentence-initial word is capitalised, headlines capitalise everything, and "Jordan" is a
//! country, a river and a basketball player. So the tagger is a linear-chain model (an averaged
//! structured perceptron, see `src/train/ner.rs`) over BILOU labels, decoded with Viterbi, over
//! rich token features ([`features`]): the word and its ±2 window, affixes and shapes, the
//! sentence's casing mode, gazetteer matches ([`gazetteer`]), unsupervised word clusters
//! ([`clusters`]) and document-level evidence. Tagging a document takes two passes: the second
//! model also sees what the first pass said about the same word elsewhere in the article.
//!
//! The weights are embedded in the library (`data/ner/model.bin`, a few hundred kilobytes) and
//! parsed once, on first use.
//!
//! [`tag`] adapts newslens's tokens to CoNLL's conventions before tagging: it splits off the
//! possessive "'s" (CoNLL writes "Putin 's") and joins initials and abbreviations with their
//! periods ("U.S.", "Mr."), then maps labels back to byte spans of whole words, so a mention is
//! never "Kim Jong-" or "Russia-".

pub(crate) mod clusters;
pub mod consistency;
pub(crate) mod features;
pub mod filters;
pub(crate) mod gazetteer;
pub mod headline;
pub mod laws;
pub(crate) mod model;
pub mod pieces;
pub mod works;

use super::{EntityKind, EntityMention};
use crate::span::Span;
use crate::text::Segmented;
use features::{label_pos, label_type, Keys, Prepared, LABELS, OFFSETS, WORD_BOS, WORD_EOS};
use model::Model;
use std::sync::OnceLock;

static MODEL_BYTES: &[u8] = include_bytes!("../../../data/ner/model.bin");

/// The embedded first- and second-pass models (empty if the file is missing or malformed,
/// which tags nothing rather than failing).
fn models() -> &'static [Model] {
    static MODELS: OnceLock<Vec<Model>> = OnceLock::new();
    MODELS.get_or_init(|| model::parse_models(MODEL_BYTES).unwrap_or_default())
}

/// Whether a trained model is embedded.
pub fn model_loaded() -> bool {
    !models().is_empty()
}

/// BILOU labels (see [`features::label`]) for every token of one document given as sentences.
///
/// Bounds keep memory and time linear on any paste: a sentence longer than
/// [`MAX_SENTENCE_TOKENS`] is tagged in parts, and a document longer than
/// [`MAX_DOCUMENT_TOKENS`] in consecutive parts of whole sentences, each read as one document
/// (features take a few hundred bytes per token; no real article comes near either bound).
pub(crate) fn label_document<S: AsRef<str>>(sentences: &[Vec<S>]) -> Vec<u8> {
    let parts: Vec<&[S]> = sentences.iter().flat_map(|s| s.chunks(MAX_SENTENCE_TOKENS)).collect();
    let mut out = Vec::new();
    let mut start = 0;
    while start < parts.len() {
        let mut end = start;
        let mut tokens = 0;
        while end < parts.len() && (end == start || tokens + parts[end].len() <= MAX_DOCUMENT_TOKENS) {
            tokens += parts[end].len();
            end += 1;
        }
        let doc = Prepared::new(&parts[start..end]);
        out.extend(label_prepared(&doc, models()));
        start = end;
    }
    out
}

const MAX_SENTENCE_TOKENS: usize = 1_000;
const MAX_DOCUMENT_TOKENS: usize = 50_000;

/// Runs the passes of `models` over a prepared document.
pub(crate) fn label_prepared(doc: &Prepared, models: &[Model]) -> Vec<u8> {
    let Some(first) = models.first() else { return vec![0; doc.len()] };
    let labels = decode(doc, first, None);
    match models.get(1) {
        Some(second) => decode(doc, second, Some(&features::second_pass(doc, &labels))),
        None => labels,
    }
}

fn decode(doc: &Prepared, model: &Model, extra: Option<&Keys>) -> Vec<u8> {
    // Each distinct word's rows at each offset, summed once (see [`Prepared`]).
    // The embedded models' word rows are remembered across documents with the words.
    let embedded = models().iter().position(|m| std::ptr::eq(m, model));
    let rows = doc.word_rows(embedded, |keys| model.sum(keys));
    let row = |w: u32, o: usize| rows.get(w as usize * OFFSETS + o);
    let contexts = doc.contexts.starts.len().saturating_sub(1);
    let ctx_rows: Vec<[i32; LABELS]> = (0..contexts).map(|k| model.sum(doc.contexts.token(k))).collect();
    let mut out = Vec::with_capacity(doc.len());
    let mut emissions: Vec<[f32; LABELS]> = Vec::new();
    let mut path = Vec::new();
    for r in &doc.sentences {
        emissions.clear();
        for i in r.clone() {
            let more = extra.map_or(&[][..], |k| k.token(i));
            let mut acc = model.sum(doc.keys.token(i).iter().chain(more));
            if let Some(add) = doc.ctx.get(i).and_then(|&c| ctx_rows.get(c as usize)) {
                for l in 0..LABELS {
                    acc[l] += add[l];
                }
            }
            for (o, d) in (-2isize..=2).enumerate() {
                let j = i as isize + d;
                let w = if j < r.start as isize {
                    WORD_BOS
                } else if j >= r.end as isize {
                    WORD_EOS
                } else {
                    doc.word.get(j as usize).copied().unwrap_or(WORD_EOS)
                };
                if let Some(add) = row(w, o) {
                    for l in 0..LABELS {
                        acc[l] += add[l];
                    }
                }
            }
            emissions.push(model.scaled(acc));
        }
        model::viterbi(&emissions, &model.trans, &mut path);
        out.extend_from_slice(&path);
    }
    out
}

fn kind_of(t: u8) -> EntityKind {
    match t {
        0 => EntityKind::Per,
        1 => EntityKind::Org,
        2 => EntityKind::Loc,
        _ => EntityKind::Misc,
    }
}

/// The IOB2 tag of a BILOU label.
fn iob2(l: u8) -> &'static str {
    const TAGS: [[&str; 2]; 4] = [["B-PER", "I-PER"], ["B-ORG", "I-ORG"], ["B-LOC", "I-LOC"], ["B-MISC", "I-MISC"]];
    match label_type(l) {
        None => "O",
        Some(t) => TAGS[t as usize][usize::from(matches!(label_pos(l), 1 | 2))],
    }
}

/// Tags one document of pre-tokenised sentences (CoNLL-style tokens, taken as given) with IOB2
/// tags (`B-PER`, `I-ORG`, ..., `O`), one per token.
pub fn tag_tokens<S: AsRef<str>>(sentences: &[Vec<S>]) -> Vec<Vec<&'static str>> {
    let labels = label_document(sentences);
    let mut it = labels.into_iter();
    sentences.iter().map(|s| s.iter().map(|_| iob2(it.next().unwrap_or(0))).collect()).collect()
}

/// Abbreviations that CoNLL-style tokenisation keeps together with their period.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Sgt", "Capt", "Rep", "Sen", "Gov", "Prof", "Jr", "Sr", "Inc",
    "Corp", "Co", "Ltd", "Mt", "Ft", "Adm", "Maj", "Rev", "vs",
];

/// A token as the tagger sees it: a byte span, and the newslens tokens it came from.
struct Piece {
    span: Span,
    first: usize,
    last: usize,
}

/// Re-cuts the tokens of one sentence CoNLL-style (see the module docs).
fn pieces(text: &str, seg: &Segmented, tokens: std::ops::Range<usize>, out: &mut Vec<Piece>) {
    out.clear();
    let tok = |k: usize| seg.tokens.get(k).and_then(|s| text.get(s.start..s.end).map(|t| (*s, t)));
    let mut k = tokens.start;
    while k < tokens.end {
        let Some((span, t)) = tok(k) else {
            k += 1;
            continue;
        };
        // "U" "." "S" "." → "U.S."; "Mr" "." → "Mr.".
        let dot_after =
            |j: usize, end: usize| j < tokens.end && tok(j).is_some_and(|(s, w)| w == "." && s.start == end);
        let initial = t.chars().count() == 1 && t.chars().all(char::is_alphabetic);
        if (initial || ABBREVIATIONS.contains(&t)) && dot_after(k + 1, span.end) {
            let mut end_tok = k + 1;
            let mut end = seg.tokens[end_tok].end;
            while end_tok + 2 < tokens.end {
                match (tok(end_tok + 1), tok(end_tok + 2)) {
                    (Some((s1, w1)), Some((s2, ".")))
                        if s1.start == end && s2.start == s1.end && w1.chars().count() == 1 =>
                    {
                        end_tok += 2;
                        end = s2.end;
                    }
                    _ => break,
                }
            }
            out.push(Piece { span: Span::new(span.start, end), first: k, last: end_tok });
            k = end_tok + 1;
            continue;
        }
        // "Putin's" → "Putin" "'s".
        let poss = ["'s", "\u{2019}s", "'S", "\u{2019}S"].iter().find(|p| t.len() > p.len() && t.ends_with(*p));
        if let Some(p) = poss {
            let cut = span.end - p.len();
            out.push(Piece { span: Span::new(span.start, cut), first: k, last: k });
            out.push(Piece { span: Span::new(cut, span.end), first: k, last: k });
        } else {
            out.push(Piece { span, first: k, last: k });
        }
        k += 1;
    }
}

/// Tags entity mentions in the segmented body of an article (one document: the second pass
/// sees the whole article). Mentions are whole-word byte spans, in text order.
pub fn tag(text: &str, seg: &Segmented) -> Vec<EntityMention> {
    let mut sentences: Vec<Vec<Piece>> = Vec::with_capacity(seg.sentences.len());
    for s in &seg.sentences {
        let mut p = Vec::new();
        pieces(text, seg, s.tokens.clone(), &mut p);
        sentences.push(p);
    }
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(|p| text.get(p.span.start..p.span.end).unwrap_or("")).collect())
        .collect();
    let labels = label_document(&words);
    let mut out = Vec::new();
    let mut i = 0;
    for s in &sentences {
        let mut open: Option<(usize, u8)> = None;
        for (j, p) in s.iter().enumerate() {
            let l = labels.get(i + j).copied().unwrap_or(0);
            match (label_type(l), label_pos(l)) {
                (Some(t), 0 | 3) => open = Some((j, t)),
                (Some(_), _) => {}
                (None, _) => open = None,
            }
            if let (Some((b, t)), Some(_), 2 | 3) = (open, label_type(l), label_pos(l)) {
                let first = &s[b];
                out.push(EntityMention {
                    span: Span::new(first.span.start, p.span.end),
                    kind: kind_of(t),
                    tokens: first.first..p.last + 1,
                });
                open = None;
            }
        }
        i += s.len();
    }
    out
}

/// Mentions of the given surface forms (first occurrence each), their tokens looked up: how
/// the passes' unit tests give a pass the tagger's mentions by hand.
#[cfg(test)]
pub(crate) fn mentions_at(text: &str, seg: &Segmented, forms: &[(&str, EntityKind)]) -> Vec<EntityMention> {
    forms
        .iter()
        .map(|&(f, kind)| {
            let at = text.find(f).expect("form in text");
            let span = Span::new(at, at + f.len());
            let a = seg.tokens.partition_point(|t| t.start < span.start);
            let b = seg.tokens.partition_point(|t| t.start < span.end);
            EntityMention { span, kind, tokens: a..b }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<(String, EntityKind)> {
        let seg = crate::text::segment(text, &[Span::new(0, text.len())]);
        tag(text, &seg).into_iter().map(|m| (text[m.span.start..m.span.end].to_string(), m.kind)).collect()
    }

    #[test]
    fn model_loads_and_tags_putin_and_pyongyang() {
        assert!(model_loaded(), "data/ner/model.bin must hold a trained model");
        let m = mentions("Russian President Vladimir Putin met Kim Jong-un in Pyongyang .");
        assert!(m.iter().any(|(t, k)| t.ends_with("Putin") && *k == EntityKind::Per), "{m:?}");
        assert!(m.contains(&("Pyongyang".to_string(), EntityKind::Loc)), "{m:?}");
        assert!(m.iter().any(|(t, k)| t == "Kim Jong-un" && *k == EntityKind::Per), "{m:?}");
    }

    #[test]
    fn mentions_are_whole_words_in_ordinary_text() {
        let text = "Reaffirming Russia's support, Mr. Putin told the U.S. envoy in Moscow\u{2019}s Kremlin.";
        let seg = crate::text::segment(text, &[Span::new(0, text.len())]);
        for m in tag(text, &seg) {
            let t = &text[m.span.start..m.span.end];
            assert!(!t.ends_with('-') && !t.ends_with("'s") && !t.ends_with('\''), "{t:?}");
            let before = text[..m.span.start].chars().next_back();
            let after = text[m.span.end..].chars().next();
            assert!(!before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric), "{t:?}");
            assert!(m.tokens.start < m.tokens.end && m.tokens.end <= seg.tokens.len());
        }
        let m = mentions(text);
        assert!(m.contains(&("Russia".to_string(), EntityKind::Loc)), "{m:?}");
        assert!(m.iter().any(|(t, k)| t == "U.S." && *k == EntityKind::Loc), "{m:?}");
    }

    #[test]
    fn odd_input_does_not_panic() {
        // One 6,000-token sentence: tagged in parts, still sensibly.
        let long = "Putin met Kim and ".repeat(1500);
        let m = mentions(&long);
        assert!(m.len() >= 2900 && m.iter().all(|(t, _)| t == "Putin" || t == "Kim"), "{:?}", &m[..m.len().min(5)]);
        for t in ["", "'s", "U.", ". . .", "\u{2019}s\u{2019}s", "A.B.C.D.E", "Ω's", "x".repeat(5000).as_str()] {
            let _ = mentions(t);
        }
        assert_eq!(tag_tokens::<&str>(&[]), Vec::<Vec<&str>>::new());
        assert_eq!(tag_tokens(&[Vec::<&str>::new()]), vec![Vec::<&str>::new()]);
    }
}
