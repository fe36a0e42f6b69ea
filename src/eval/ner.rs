//! Evaluation: the entity tagger on a CoNLL file, scored like conlleval.
//!
//! `newslens-eval ner FILE.conll [--errors]` tags every `-DOCSTART-` document of FILE as one
//! document (so document-level features see the article) and prints entity-level exact-match
//! precision, recall and F1 per type and overall. Gold tags are the last column, IOB1 or IOB2:
//! chunks are read with conlleval's rules, under which an `I-X` after `O` or after another type
//! starts a chunk. `--errors` also prints each sentence holding a wrong or missed entity.
//! `--text` tags each document the way articles are tagged instead: its tokens joined by spaces
//! into text (one paragraph a sentence), segmented by newslens and tagged, mentions mapped back
//! to the CoNLL tokens; `--text-rules` adds the passes of `actors::read` (mention repairs,
//! headline-cased lines keep known names, consistency).

use crate::actors::tag::{self, tag_tokens};
use crate::actors::EntityKind;
use crate::span::Span;
use std::collections::BTreeMap;
use std::time::Instant;

/// One sentence of a CoNLL file: tokens and their gold tags.
#[derive(Clone, Debug, Default)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub gold: Vec<String>,
}

/// Reads CoNLL columns into documents of sentences (`-DOCSTART-` starts a document).
pub fn read_conll(text: &str) -> Vec<Vec<Sentence>> {
    let mut docs: Vec<Vec<Sentence>> = vec![Vec::new()];
    let mut cur = Sentence::default();
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let flush = |cur: &mut Sentence, docs: &mut Vec<Vec<Sentence>>| {
            if !cur.tokens.is_empty() {
                if let Some(d) = docs.last_mut() {
                    d.push(std::mem::take(cur));
                }
            }
        };
        match cols.first() {
            None => flush(&mut cur, &mut docs),
            Some(&"-DOCSTART-") => {
                flush(&mut cur, &mut docs);
                docs.push(Vec::new());
            }
            Some(&tok) => {
                cur.tokens.push(tok.to_string());
                cur.gold.push(if cols.len() > 1 { cols[cols.len() - 1] } else { "O" }.to_string());
            }
        }
    }
    if !cur.tokens.is_empty() {
        if let Some(d) = docs.last_mut() {
            d.push(cur);
        }
    }
    docs.retain(|d| !d.is_empty());
    docs
}

/// The chunks `(start, end, type)` of a tag sequence under conlleval's rules (IOB1 and IOB2;
/// `E-`/`S-`/`L-`/`U-` prefixes are read as in conlleval too).
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let mut prev = ("O", "");
    for (i, t) in tags.iter().enumerate() {
        let t = t.as_ref();
        let (p, ty) = match t.split_once('-') {
            Some((p, ty)) if t != "O" => (p, ty),
            _ => ("O", ""),
        };
        let ends = match prev.0 {
            "B" | "I" => matches!(p, "B" | "O" | "S" | "U") || ty != prev.1,
            "E" | "L" | "S" | "U" => true,
            _ => false,
        };
        let starts = match p {
            "B" | "S" | "U" => true,
            "I" | "E" | "L" => !matches!(prev.0, "B" | "I") || ty != prev.1,
            _ => false,
        };
        if ends || starts {
            if let Some((s, ty0)) = open.take() {
                out.push((s, i, ty0.to_string()));
            }
        }
        if starts {
            open = Some((i, ty));
        }
        prev = (p, ty);
    }
    if let Some((s, ty)) = open {
        out.push((s, tags.len(), ty.to_string()));
    }
    out
}

/// True positives, predicted and gold chunk counts per type.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Counts {
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.pred == 0 { 0.0 } else { self.tp as f64 / self.pred as f64 };
        let r = if self.gold == 0 { 0.0 } else { self.tp as f64 / self.gold as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }
}

/// Adds one sentence's chunk matches to per-type counts (key "" is the overall count).
pub fn count<A: AsRef<str>, B: AsRef<str>>(gold: &[A], pred: &[B], counts: &mut BTreeMap<String, Counts>) -> bool {
    let g = chunks(gold);
    let p = chunks(pred);
    for c in &g {
        counts.entry(c.2.clone()).or_default().gold += 1;
        counts.entry(String::new()).or_default().gold += 1;
    }
    for c in &p {
        counts.entry(c.2.clone()).or_default().pred += 1;
        counts.entry(String::new()).or_default().pred += 1;
        if g.contains(c) {
            counts.entry(c.2.clone()).or_default().tp += 1;
            counts.entry(String::new()).or_default().tp += 1;
        }
    }
    g == p
}

/// The same chunks written in IOB2, for side-by-side display with predictions.
fn iob2(tags: &[String]) -> Vec<String> {
    let mut out = vec!["O".to_string(); tags.len()];
    for (a, b, ty) in chunks(tags) {
        for (k, t) in out[a..b].iter_mut().enumerate() {
            *t = format!("{}-{ty}", if k == 0 { "B" } else { "I" });
        }
    }
    out
}

/// Tags one CoNLL document through newslens's own text path (see the module docs): IOB2 tags.
fn tag_via_text(sents: &[Vec<&str>], rules: bool) -> Vec<Vec<String>> {
    let mut text = String::new();
    let mut paras = Vec::new();
    let mut spans: Vec<Vec<Span>> = Vec::new();
    for s in sents {
        let start = text.len();
        let mut sp = Vec::new();
        for (i, t) in s.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            sp.push(Span::new(text.len(), text.len() + t.len()));
            text.push_str(t);
        }
        paras.push(Span::new(start, text.len()));
        spans.push(sp);
        text.push_str("\n\n");
    }
    let seg = crate::text::segment(&text, &paras);
    let mut mentions = tag::tag(&text, &seg);
    if rules {
        let lines = tag::headline::cased_lines(&text, &seg, &[]);
        mentions = tag::filters::repair(&text, &seg, mentions);
        mentions = tag::headline::filter(&text, &seg, &lines, mentions);
        mentions = tag::consistency::extend(&text, &seg, |i| tag::headline::in_lines(&lines, i), mentions);
    }
    let mut out: Vec<Vec<String>> = sents.iter().map(|s| vec!["O".to_string(); s.len()]).collect();
    for m in &mentions {
        let ty = match m.kind {
            EntityKind::Per => "PER",
            EntityKind::Org => "ORG",
            EntityKind::Loc => "LOC",
            EntityKind::Misc => "MISC",
        };
        let p = paras.partition_point(|p| p.start <= m.span.start).saturating_sub(1);
        let mut first = true;
        for (k, t) in spans[p].iter().enumerate() {
            if m.span.start <= t.start && t.start < m.span.end {
                out[p][k] = format!("{}-{ty}", if first { "B" } else { "I" });
                first = false;
            }
        }
    }
    out
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut file = None;
    let mut errors = false;
    let mut via_text = None;
    for a in args {
        match a.as_str() {
            "--errors" => errors = true,
            "--text" => via_text = Some(false),
            "--text-rules" => via_text = Some(true),
            _ if file.is_none() => file = Some(a.as_str()),
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    let file = file.ok_or("usage: newslens-eval ner FILE.conll [--errors] [--text|--text-rules]")?;
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let docs = read_conll(&text);
    if !crate::actors::tag::model_loaded() {
        return Err("no trained model embedded (data/ner/model.bin)".into());
    }
    let mut counts = BTreeMap::new();
    let mut tokens = 0usize;
    let mut elapsed = 0f64;
    for doc in &docs {
        let sents: Vec<Vec<&str>> = doc.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
        tokens += sents.iter().map(Vec::len).sum::<usize>();
        let t0 = Instant::now();
        let pred = match via_text {
            None => tag_tokens(&sents).into_iter().map(|s| s.into_iter().map(str::to_string).collect()).collect(),
            Some(rules) => tag_via_text(&sents, rules),
        };
        elapsed += t0.elapsed().as_secs_f64();
        for (s, p) in doc.iter().zip(&pred) {
            if !count(&s.gold, p, &mut counts) && errors {
                let gold = iob2(&s.gold);
                let line: Vec<String> = s
                    .tokens
                    .iter()
                    .zip(&gold)
                    .zip(p)
                    .map(|((t, g), p)| if g == p { t.clone() } else { format!("{t}[{g}|{p}]") })
                    .collect();
                println!("ERR {}", line.join(" "));
            }
        }
    }
    println!(
        "{file}: {} documents, {tokens} tokens, tagged at {:.0} tokens/s",
        docs.len(),
        tokens as f64 / elapsed.max(1e-9)
    );
    println!("{:<11} {:>7} {:>7} {:>7} {:>7} {:>7}", "type", "P", "R", "F1", "gold", "pred");
    let mut three = Counts::default();
    for ty in ["PER", "ORG", "LOC"] {
        let c = counts.get(ty).copied().unwrap_or_default();
        three = Counts { tp: three.tp + c.tp, pred: three.pred + c.pred, gold: three.gold + c.gold };
    }
    counts.insert("PER+ORG+LOC".into(), three);
    for (ty, c) in counts.iter().filter(|(t, _)| !t.is_empty()).chain(counts.get_key_value("")) {
        let (p, r, f) = c.prf();
        let name = if ty.is_empty() { "overall" } else { ty };
        println!("{name:<11} {:>7.4} {:>7.4} {:>7.4} {:>7} {:>7}", p, r, f, c.gold, c.pred);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iob1_like_conlleval() {
        // IOB1: I-X after O starts a chunk; B-X separates adjacent chunks of one type.
        let t = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "I-ORG"];
        assert_eq!(
            chunks(&t),
            vec![(0, 2, "PER".into()), (2, 3, "PER".into()), (4, 5, "LOC".into()), (5, 7, "ORG".into())]
        );
        let iob2 = ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG", "I-ORG"];
        assert_eq!(chunks(&t), chunks(&iob2));
    }

    #[test]
    fn scores_exact_matches_only() {
        let mut c = BTreeMap::new();
        count(&["B-PER", "I-PER", "O"], &["B-PER", "O", "O"], &mut c);
        let all = c[""];
        assert_eq!((all.tp, all.pred, all.gold), (0, 1, 1));
    }

    #[test]
    fn reads_documents() {
        let d = read_conll(
            "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n-DOCSTART- -X- O O\n\nX Y Z B-LOC\n",
        );
        assert_eq!(d.len(), 2);
        assert_eq!(d[0][0].gold, vec!["I-ORG", "O"]);
    }
}
