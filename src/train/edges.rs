//! Trains the content-edge model ([`crate::quotes::edges`]) from PolNeAR's direct attributions.
//!
//! `newslens-train edges [--train DIR] [--out FILE] [--epochs N] [--fraction P]`
//!
//! Every partial quotation the stages find in a training text is one example per side when a
//! gold direct attribution's content piece overlaps it: the label is the candidate boundary
//! where that piece starts (ends); a piece starting inside the quotation or at its opening mark
//! labels the mark, one ending at the closing mark labels the quotation's end, and a piece
//! edge that is no candidate (beyond reach, or inside a token) gives no example for that side.
//! A ranking perceptron, averaged, visits the examples in a seeded shuffled order each epoch;
//! five such runs in different orders are averaged (see [`train`]). A 5-fold cross-validation
//! (every text held out once) shows how the rules and the model compare on unseen text, on
//! exact edges a side and on what the evaluation counts (the quotation's content overlapping
//! its gold piece by at least half); the written model is then trained on every text. Weights
//! are quantised to `i8`. Deterministic: the same data gives the same bytes.
//!
//! `--fraction P` fits each fold on about P% of its training texts (the held-out fold stays
//! whole): a learning curve, to tell whether more annotated text of the same kind would pay.

use crate::eval::quotes::{direct_pieces, load, piece_of, stages, Text};
use crate::quotes::content::{frame, Frame};
use crate::quotes::edges::{left_keys, right_keys, Model};
use crate::report::QuoteKind;
use crate::span::Span;
use crate::train::Averaged;
use std::collections::HashMap;
use std::path::Path;

/// One side of one quotation: every candidate's feature keys and byte edge, the gold
/// candidate (when the piece's edge is one), the rule's.
struct Side {
    /// The candidates' boundaries as words ("said ┃ her"), for error listings.
    show: Vec<String>,
    cands: Vec<Vec<u32>>,
    /// Each candidate's byte edge: where the content would start (left) or end (right).
    at: Vec<usize>,
    gold: Option<usize>,
    rule: usize,
}

/// One partial quotation with the gold piece it belongs to.
struct Example {
    left: Side,
    right: Side,
    piece: Span,
    /// The text from the first left candidate to the last right one, and where it starts.
    window: (String, usize),
}

impl Example {
    /// Whether the content from left candidate `l` to right candidate `r` matches the gold
    /// piece as the evaluation counts it (overlap of at least half the longer of the two).
    fn matches(&self, l: usize, r: usize) -> bool {
        let (a, b) = (self.left.at[l], self.right.at[r]);
        let i = b.min(self.piece.end).saturating_sub(a.max(self.piece.start));
        i > 0 && 2 * i >= (b - a).max(self.piece.len())
    }
}

/// The examples of one text.
fn examples(text: &Text) -> Vec<Example> {
    let mut out = Vec::new();
    let Text { text: t, gold, .. } = text;
    let s = stages(t);
    let pieces = direct_pieces(t, gold);
    for q in s.quotes.iter().filter(|q| q.kind == QuoteKind::Partial) {
        let Some(f) = frame(t, &s.seg, &s.pos, q) else { continue };
        let Some(p) = piece_of(&pieces, q) else { continue };
        // Left: the candidate whose start is the piece's start.
        let cands: Vec<usize> = f.lefts().collect();
        let at: Vec<usize> = cands.iter().map(|&i| f.span(i, f.right).start).collect();
        let gold_left = if p.start + 4 >= q.start {
            cands.iter().position(|&i| i == f.open)
        } else {
            at.iter().position(|&a| a == p.start)
        };
        let left = side(&f, &cands, at, gold_left, f.left, left_keys);
        let cands: Vec<usize> = f.rights().collect();
        let at: Vec<usize> = cands.iter().map(|&j| f.span(f.left, j).end).collect();
        let gold_right = if p.end <= q.end + 4 {
            cands.iter().position(|&j| j == f.close)
        } else {
            // The piece may stop before a final period or comma.
            at.iter().position(|&e| e == p.end)
        };
        let right = side(&f, &cands, at, gold_right, f.right, right_keys);
        let wa = left.at.iter().copied().chain([p.start]).min().unwrap_or(p.start);
        let wb = right.at.iter().copied().chain([p.end]).max().unwrap_or(p.end);
        let window = (t.get(wa..wb).unwrap_or("").to_string(), wa);
        out.push(Example { left, right, piece: *p, window });
    }
    out
}

fn side(
    f: &Frame,
    cands: &[usize],
    at: Vec<usize>,
    gold: Option<usize>,
    rule: usize,
    keys: fn(&Frame, usize, &mut Vec<u32>),
) -> Side {
    let cands_keys = cands
        .iter()
        .map(|&c| {
            let mut v = Vec::new();
            keys(f, c, &mut v);
            v
        })
        .collect();
    let show = cands.iter().map(|&c| format!("{} ┃ {}", f.word(c.wrapping_sub(1)), f.word(c))).collect();
    let rule = cands.iter().position(|&c| c == rule).unwrap_or(usize::MAX);
    Side { show, cands: cands_keys, at, gold, rule }
}

struct Perceptron(Averaged<1>);

impl Perceptron {
    fn best(w: &HashMap<u32, [f32; 1]>, e: &Side) -> usize {
        let mut best = (f32::NEG_INFINITY, 0);
        for (i, keys) in e.cands.iter().enumerate() {
            let s: f32 = keys.iter().filter_map(|k| w.get(k)).map(|r| r[0]).sum();
            if s > best.0 {
                best = (s, i);
            }
        }
        best.1
    }

    fn learn(&mut self, e: &Side) {
        let Some(gold) = e.gold else { return };
        let a = &mut self.0;
        a.t += 1;
        let p = Self::best(&a.w, e);
        if p != gold {
            for &k in &e.cands[gold] {
                a.bump(k, 0, 1.0);
            }
            for &k in &e.cands[p] {
                a.bump(k, 0, -1.0);
            }
        }
    }
}

/// A deterministic shuffle (xorshift), so the same data always gives the same model. Not
/// [`super::Rng`]'s generator: the shipped `edges.bin` was trained in this order, and switching
/// would change it.
fn shuffle<T>(v: &mut [T], seed: &mut u64) {
    for i in (1..v.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        v.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// Averaged perceptrons trained in [`RUNS`] shuffled orders, their weights averaged: one order
/// alone moves the edges of a few dozen quotations either way from run to run (the model is
/// small and the examples few), and the average of several is steadier.
fn train(lefts: &[&Side], rights: &[&Side], epochs: usize) -> HashMap<u32, [f32; 1]> {
    let mut sum: HashMap<u32, [f32; 1]> = HashMap::new();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..RUNS {
        let mut p = Perceptron(Averaged::new());
        let mut order: Vec<&Side> = lefts.iter().chain(rights).copied().collect();
        for _ in 0..epochs {
            shuffle(&mut order, &mut seed);
            for e in &order {
                p.learn(e);
            }
        }
        for (k, [w]) in p.0.averaged() {
            sum.entry(k).or_default()[0] += w / RUNS as f32;
        }
    }
    sum
}

/// Shuffled orders averaged by [`train`].
const RUNS: usize = 5;

/// How many of the sides (each with a gold candidate) the rule and the model get right, and
/// how many sides there are.
fn accuracy(w: &HashMap<u32, [f32; 1]>, ex: &[&Side]) -> (usize, usize, usize) {
    let model = ex.iter().filter(|e| Some(Perceptron::best(w, e)) == e.gold).count();
    let rule = ex.iter().filter(|e| Some(e.rule) == e.gold).count();
    if std::env::var_os("NEWSLENS_EDGE_ERRORS").is_some() {
        for e in ex.iter().filter(|e| Some(Perceptron::best(w, e)) != e.gold).take(40) {
            let p = Perceptron::best(w, e);
            println!(
                "  gold [{}]  model [{}]  rule [{}]",
                e.gold.map_or("-", |g| &e.show[g]),
                e.show[p],
                e.show.get(e.rule).map_or("-", |s| s)
            );
        }
    }
    (rule, model, ex.len())
}

/// How many quotations' content, the rules' and the model's, matches its gold piece as the
/// evaluation counts a match, and how many quotations there are. This is what an edge costs in
/// the evaluation's F1: a wrong edge that keeps half the piece still matches.
fn matched(w: &HashMap<u32, [f32; 1]>, ex: &[&Example]) -> (usize, usize, usize) {
    let rule = ex.iter().filter(|e| e.matches(e.left.rule, e.right.rule)).count();
    // The model's pair for each quotation, and whether it matches.
    let picks: Vec<(usize, usize, bool)> = ex
        .iter()
        .map(|e| {
            let (l, r) = (Perceptron::best(w, &e.left), Perceptron::best(w, &e.right));
            (l, r, e.matches(l, r))
        })
        .collect();
    if std::env::var_os("NEWSLENS_EDGE_ERRORS").is_some() {
        for (e, &(l, r, _)) in ex.iter().zip(&picks).filter(|(_, p)| !p.2).take(40) {
            let (t, o) = (&e.window.0, e.window.1);
            let show = |a: usize, b: usize| t.get(a - o..b - o).unwrap_or("?").replace('\n', " ");
            println!("  gold  {}\n  model {}\n", show(e.piece.start, e.piece.end), show(e.left.at[l], e.right.at[r]));
        }
    }
    (rule, picks.iter().filter(|p| p.2).count(), ex.len())
}

/// The sides with a gold candidate, left and right.
fn sides<'a>(ex: &[&'a Example]) -> (Vec<&'a Side>, Vec<&'a Side>) {
    let with_gold = |s: &'a Side| s.gold.is_some().then_some(s);
    (ex.iter().filter_map(|e| with_gold(&e.left)).collect(), ex.iter().filter_map(|e| with_gold(&e.right)).collect())
}

/// Whether text `i` is among the `percent`% a learning-curve fold fits on: a fixed spread over
/// the texts (37 is prime to 100, so every residue is hit once per hundred texts).
fn kept(i: usize, percent: usize) -> bool {
    (i * 37) % 100 < percent
}

/// Folds of the cross-validation the trainer reports.
const FOLDS: usize = 5;

pub fn run(args: &[String]) -> Result<(), String> {
    let flag = |f: &str| args.iter().position(|a| a == f).and_then(|i| args.get(i + 1));
    let train_dir = flag("--train").map_or("../shared/data/polnear/train", String::as_str);
    let out = flag("--out").map_or("data/quotes/edges.bin", String::as_str);
    let epochs: usize = flag("--epochs").and_then(|n| n.parse().ok()).unwrap_or(8);
    let fraction: usize = flag("--fraction").and_then(|n| n.parse().ok()).unwrap_or(100);
    let texts = load(Path::new(train_dir))?;
    // Five-fold cross-validation: every text is held out once, so the accuracy is read on all
    // of train's examples rather than on one noisy fifth.
    let per_text: Vec<Vec<Example>> = texts.iter().map(examples).collect();
    let (mut hits, mut total) = ([0usize; 6], [0usize; 3]);
    for fold in 0..FOLDS {
        let (mut fit, mut held) = (Vec::new(), Vec::new());
        for (i, ex) in per_text.iter().enumerate() {
            if i % FOLDS == fold {
                held.extend(ex.iter());
            } else if kept(i, fraction) {
                fit.extend(ex.iter());
            }
        }
        let (fl, fr) = sides(&fit);
        let w = train(&fl, &fr, epochs);
        let (hl, hr) = sides(&held);
        for (k, (rule, model, n)) in [accuracy(&w, &hl), accuracy(&w, &hr), matched(&w, &held)].into_iter().enumerate()
        {
            hits[2 * k] += rule;
            hits[2 * k + 1] += model;
            total[k] += n;
        }
    }
    let rate = |h: usize, n: usize| h as f64 / n.max(1) as f64;
    println!(
        "{FOLDS}-fold cross-validation, {epochs} epochs, {} left and {} right examples in {} texts: \
         left rule {:.3} model {:.3} | right rule {:.3} model {:.3} | content matched ({} quotations) rule {:.3} model {:.3}",
        total[0],
        total[1],
        texts.len(),
        rate(hits[0], total[0]),
        rate(hits[1], total[0]),
        rate(hits[2], total[1]),
        rate(hits[3], total[1]),
        total[2],
        rate(hits[4], total[2]),
        rate(hits[5], total[2]),
    );
    if fraction < 100 {
        println!("each fold fit on about {fraction}% of its training texts; no model written");
        return Ok(());
    }
    let all: Vec<&Example> = per_text.iter().flatten().collect();
    let (al, ar) = sides(&all);
    let w = train(&al, &ar, epochs);
    let max = w.values().fold(0f32, |m, &[x]| m.max(x.abs()));
    let scale = if max > 0.0 { 127.0 / max } else { 1.0 };
    let mut kept: Vec<(u32, i8)> = w
        .iter()
        .map(|(&k, &[x])| (k, (x * scale).round().clamp(-127.0, 127.0) as i8))
        .filter(|&(_, q)| q != 0)
        .collect();
    kept.sort_unstable();
    let keys: Vec<u32> = kept.iter().map(|&(k, _)| k).collect();
    let weights: Vec<i8> = kept.iter().map(|&(_, q)| q).collect();
    let bytes = Model::encode(&keys, &weights, scale);
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "wrote {out}: {} features, {} bytes ({epochs} epochs on all {} + {} examples)",
        keys.len(),
        bytes.len(),
        al.len(),
        ar.len()
    );
    Ok(())
}
