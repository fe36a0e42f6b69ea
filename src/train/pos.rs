//! Trains the part-of-speech tagger ([`crate::text::pos`]) from a CoNLL-2003 file's second
//! (Penn Treebank) column.
//!
//! `newslens-train pos [--train FILE] [--dev FILE] [--out FILE] [--epochs N] [--prune X]`
//!
//! A greedy averaged perceptron: each epoch visits the sentences in a seeded shuffled order and
//! tags left to right with the model's own previous tags, as the runtime does; the averaged
//! weights of the best dev epoch are kept. Features whose largest absolute averaged weight is
//! below `--prune` (a fraction of the largest weight of all) are dropped, the rest quantised to
//! `i8`. Deterministic: the same files give the same bytes.

use crate::text::pos::{prev_tags, Model, Pos, Sentence, TAGS};
use crate::train::{Averaged, Rng};
use std::collections::HashMap;

/// Sentences of (word, coarse tag) from CoNLL columns.
pub fn read(text: &str) -> Vec<(Vec<String>, Vec<Pos>)> {
    let mut out = Vec::new();
    let (mut words, mut tags) = (Vec::new(), Vec::new());
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() < 2 || cols[0] == "-DOCSTART-" {
            if !words.is_empty() {
                out.push((std::mem::take(&mut words), std::mem::take(&mut tags)));
            }
            continue;
        }
        words.push(cols[0].to_string());
        tags.push(Pos::from_ptb(cols[1]));
    }
    if !words.is_empty() {
        out.push((words, tags));
    }
    out
}

/// The tag with the highest score under weights `w` (the lowest index among equals).
fn predict(w: &HashMap<u32, [f32; TAGS]>, keys: &[u32]) -> usize {
    let mut s = [0f32; TAGS];
    for k in keys {
        if let Some(r) = w.get(k) {
            for (a, x) in s.iter_mut().zip(r) {
                *a += x;
            }
        }
    }
    (0..TAGS).max_by(|&a, &b| s[a].total_cmp(&s[b]).then(b.cmp(&a))).unwrap_or(0)
}

fn accuracy(m: &Model, data: &[(Vec<String>, Vec<Pos>)]) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    let mut out = Vec::new();
    for (words, gold) in data {
        out.clear();
        m.tag_words(words, &mut out);
        ok += out.iter().zip(gold).filter(|(a, b)| a == b).count();
        n += gold.len();
    }
    ok as f64 / n.max(1) as f64
}

/// Quantises averaged weights into a model (keys ascending) and its file bytes.
fn compress(avg: &HashMap<u32, [f32; TAGS]>, prune: f32) -> (Model, Vec<u8>) {
    let max = avg.values().flat_map(|r| r.iter()).fold(0f32, |m, &x| m.max(x.abs()));
    let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
    let floor = max * prune;
    let mut keys: Vec<u32> = avg.iter().filter(|(_, r)| r.iter().any(|x| x.abs() >= floor)).map(|(k, _)| *k).collect();
    keys.sort_unstable();
    let mut weights = Vec::with_capacity(keys.len() * TAGS);
    for k in &keys {
        weights.extend(avg[k].iter().map(|&x| (x / scale).round().clamp(-127.0, 127.0) as i8));
    }
    let bytes = Model::encode(&keys, &weights, scale);
    (Model::new(&keys, weights), bytes)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let flag = |f: &str| args.iter().position(|a| a == f).and_then(|i| args.get(i + 1)).cloned();
    let train_path = flag("--train").unwrap_or_else(|| "../shared/data/conll2003/train.conll".into());
    let dev_path = flag("--dev").unwrap_or_else(|| "../shared/data/conll2003/dev.conll".into());
    let out_path = flag("--out").unwrap_or_else(|| "data/pos/model.bin".into());
    let epochs: usize = flag("--epochs").and_then(|s| s.parse().ok()).unwrap_or(10);
    let prune: f32 = flag("--prune").and_then(|s| s.parse().ok()).unwrap_or(0.1);
    let read_file = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let train = read(&read_file(&train_path)?);
    let dev = read(&read_file(&dev_path)?);
    eprintln!("pos: {} train sentences, {} dev sentences", train.len(), dev.len());
    let mut p = Averaged::<TAGS>::new();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut best: Option<(f64, Vec<u8>, usize)> = None;
    let mut keys = Vec::new();
    let mut done: Vec<Pos> = Vec::new();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let (words, gold) = &train[si];
            let sent = Sentence::new(words);
            done.clear();
            for (i, &truth) in gold.iter().enumerate() {
                let (p1, p2) = prev_tags(&done, i);
                sent.features(i, p1, p2, &mut keys);
                p.t += 1;
                let guess = predict(&p.w, &keys);
                let truth = truth as usize;
                if guess != truth {
                    for &k in &keys {
                        p.bump(k, truth, 1.0);
                        p.bump(k, guess, -1.0);
                    }
                }
                done.push(Pos::from_index(guess));
            }
        }
        let (m, bytes) = compress(&p.averaged(), prune);
        let acc = accuracy(&m, &dev);
        eprintln!("pos: epoch {epoch}: dev accuracy {acc:.4}, {} features, {} bytes", bytes.len(), bytes.len());
        if best.as_ref().map_or(true, |b| acc > b.0) {
            best = Some((acc, bytes, epoch));
        }
    }
    let (acc, bytes, epoch) = best.ok_or("no epochs")?;
    std::fs::write(&out_path, &bytes).map_err(|e| format!("{out_path}: {e}"))?;
    eprintln!("pos: wrote {out_path} ({} bytes) from epoch {epoch}, dev accuracy {acc:.4}", bytes.len());
    Ok(())
}
