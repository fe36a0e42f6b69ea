//! Training the entity tagger: `newslens-train ner --train TRAIN.conll --dev DEV.conll --out FILE`.
//!
//! An averaged structured perceptron (Collins 2002) over the features of
//! [`crate::actors::tag::features`], BILOU labels, Viterbi decoding with BILOU constraints.
//! Perceptron training is fast (seconds per epoch on CoNLL) and deterministic: sentences are
//! visited in an order drawn from a seeded generator, features are indexed in file order.
//!
//! Two passes, as at run time:
//!
//! 1. The first-pass model is trained on the training file; the number of epochs is the one
//!    that scores best on the dev file (averaged weights after each epoch).
//! 2. The second pass needs first-pass labels for its document features, and on training data
//!    they must be as noisy as they will be on new text, so they come from a jackknife: the
//!    training documents are cut into folds and each fold is labelled by a first-pass model
//!    trained on the other folds. The second-pass model is trained on these, epochs tuned on dev
//!    (whose first-pass labels come from the full first-pass model).
//!
//! Both models are then pruned (features whose largest weight is small are dropped) and
//! quantised to `i8`, and written to one file that the library embeds.

use crate::actors::tag::features::{self, label, label_pos, label_type, Keys, Prepared, LABELS};
use crate::actors::tag::model::{self, Model, Trans};
use crate::eval::ner::{chunks, read_conll};
use crate::train::Rng;
use std::collections::HashMap;
use std::ops::Range;
use std::time::Instant;

/// One training or dev document: prepared features and gold BILOU labels.
struct Doc {
    prep: Prepared,
    /// Every first-layer key of every token ([`Prepared::full_keys`]).
    keys: Keys,
    gold: Vec<u8>,
    second: Option<Keys>,
}

fn load(path: &str) -> Result<Vec<Doc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(read_conll(&text)
        .into_iter()
        .map(|sents| {
            let tokens: Vec<Vec<&str>> = sents.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
            let mut gold = Vec::new();
            for s in &sents {
                let start = gold.len();
                gold.resize(start + s.tokens.len(), 0);
                for (a, b, ty) in chunks(&s.gold) {
                    let t = match ty.as_str() {
                        "PER" => 0,
                        "ORG" => 1,
                        "LOC" => 2,
                        _ => 3,
                    };
                    for k in a..b {
                        let pos = if b - a == 1 {
                            3
                        } else if k == a {
                            0
                        } else if k + 1 == b {
                            2
                        } else {
                            1
                        };
                        gold[start + k] = label(t, pos);
                    }
                }
            }
            let prep = Prepared::new(&tokens);
            let keys = prep.full_keys();
            Doc { prep, keys, gold, second: None }
        })
        .collect())
}

/// Feature key → weight row, over the keys seen in training documents.
#[derive(Default)]
struct Index {
    rows: HashMap<u32, u32>,
    keys: Vec<u32>,
}

impl Index {
    fn add(&mut self, keys: &[u32]) {
        for &k in keys {
            let n = self.keys.len() as u32;
            if let std::collections::hash_map::Entry::Vacant(e) = self.rows.entry(k) {
                e.insert(n);
                self.keys.push(k);
            }
        }
    }
}

/// A document as rows: for each token, the weight rows of its features.
struct Inst {
    rows: Vec<u32>,
    starts: Vec<usize>,
    gold: Vec<u8>,
    sentences: Vec<Range<usize>>,
}

fn instance(doc: &Doc, index: &Index) -> Inst {
    let mut rows = Vec::new();
    let mut starts = vec![0];
    for i in 0..doc.prep.len() {
        let extra = doc.second.as_ref().map_or(&[][..], |k| k.token(i));
        rows.extend(doc.keys.token(i).iter().chain(extra).filter_map(|k| index.rows.get(k)));
        starts.push(rows.len());
    }
    Inst { rows, starts, gold: doc.gold.clone(), sentences: doc.prep.sentences.clone() }
}

/// Perceptron weights with the bookkeeping for averaging (Daumé's trick: `u` accumulates
/// `c * update`, the average is `w - u / c`).
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Trans,
    tu: Trans,
    c: f32,
}

impl Perceptron {
    fn new(rows: usize) -> Perceptron {
        let z = [[0f32; LABELS]; LABELS + 1];
        Perceptron { w: vec![0.0; rows * LABELS], u: vec![0.0; rows * LABELS], tw: z, tu: z, c: 1.0 }
    }

    fn averaged(&self) -> (Vec<f32>, Trans) {
        let w = self.w.iter().zip(&self.u).map(|(w, u)| w - u / self.c).collect();
        let mut t = self.tw;
        for (r, ru) in t.iter_mut().zip(&self.tu) {
            for (x, u) in r.iter_mut().zip(ru) {
                *x -= u / self.c;
            }
        }
        (w, t)
    }

    fn train_sentence(&mut self, inst: &Inst, r: Range<usize>, scratch: &mut Vec<[f32; LABELS]>, path: &mut Vec<u8>) {
        decode_sentence(&self.w, &model::mask(&self.tw), inst, r.clone(), scratch, path);
        let gold = &inst.gold[r.clone()];
        if path.as_slice() != gold {
            let c = self.c;
            for (k, i) in r.clone().enumerate() {
                let (g, p) = (gold[k] as usize, path[k] as usize);
                if g != p {
                    for &row in &inst.rows[inst.starts[i]..inst.starts[i + 1]] {
                        let base = row as usize * LABELS;
                        self.w[base + g] += 1.0;
                        self.u[base + g] += c;
                        self.w[base + p] -= 1.0;
                        self.u[base + p] -= c;
                    }
                }
                let pg = if k == 0 { LABELS } else { gold[k - 1] as usize };
                let pp = if k == 0 { LABELS } else { path[k - 1] as usize };
                if (pg, g) != (pp, p) {
                    self.tw[pg][g] += 1.0;
                    self.tu[pg][g] += c;
                    self.tw[pp][p] -= 1.0;
                    self.tu[pp][p] -= c;
                }
            }
        }
        self.c += 1.0;
    }
}

fn decode_sentence(
    w: &[f32],
    trans: &Trans,
    inst: &Inst,
    r: Range<usize>,
    scratch: &mut Vec<[f32; LABELS]>,
    path: &mut Vec<u8>,
) {
    scratch.clear();
    for i in r {
        let mut e = [0f32; LABELS];
        for &row in &inst.rows[inst.starts[i]..inst.starts[i + 1]] {
            let ws = &w[row as usize * LABELS..(row as usize + 1) * LABELS];
            for (a, b) in e.iter_mut().zip(ws) {
                *a += b;
            }
        }
        scratch.push(e);
    }
    model::viterbi(scratch, trans, path);
}

/// Labels of whole documents with given (averaged) weights.
fn predict(w: &[f32], trans: &Trans, inst: &Inst) -> Vec<u8> {
    let m = model::mask(trans);
    let (mut scratch, mut path) = (Vec::new(), Vec::new());
    let mut out = Vec::with_capacity(inst.gold.len());
    for r in &inst.sentences {
        decode_sentence(w, &m, inst, r.clone(), &mut scratch, &mut path);
        out.extend_from_slice(&path);
    }
    out
}

/// Entities `(start, end, type)` of a BILOU sequence.
fn entities(labels: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &l) in labels.iter().enumerate() {
        match (label_type(l), label_pos(l)) {
            (Some(_), 0) => start = i,
            (Some(t), 3) => out.push((i, i + 1, t)),
            (Some(t), 2) => out.push((start, i + 1, t)),
            _ => {}
        }
    }
    out
}

/// Entity-level F1 of predictions against gold over documents.
fn f1(gold: &[&[u8]], pred: &[Vec<u8>]) -> f64 {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for (g, p) in gold.iter().zip(pred) {
        let ge = entities(g);
        let pe = entities(p);
        ng += ge.len();
        np += pe.len();
        tp += pe.iter().filter(|e| ge.contains(e)).count();
    }
    if tp == 0 {
        return 0.0;
    }
    let (p, r) = (tp as f64 / np as f64, tp as f64 / ng as f64);
    2.0 * p * r / (p + r)
}

/// Trains for `epochs` epochs; with a dev set, returns the averaged weights of the best epoch
/// (and that epoch), else those of the last.
fn train(
    rows: usize,
    train: &[&Inst],
    dev: Option<&[Inst]>,
    epochs: usize,
    seed: u64,
    label: &str,
) -> (Vec<f32>, Trans, usize) {
    let mut p = Perceptron::new(rows);
    let mut order: Vec<(usize, usize)> =
        train.iter().enumerate().flat_map(|(d, inst)| (0..inst.sentences.len()).map(move |s| (d, s))).collect();
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let (mut scratch, mut path) = (Vec::new(), Vec::new());
    let mut best: Option<(f64, Vec<f32>, Trans, usize)> = None;
    for epoch in 1..=epochs {
        let t0 = Instant::now();
        rng.shuffle(&mut order);
        for &(d, s) in &order {
            let inst = train[d];
            p.train_sentence(inst, inst.sentences[s].clone(), &mut scratch, &mut path);
        }
        match dev {
            Some(dev) => {
                let (w, t) = p.averaged();
                let pred: Vec<Vec<u8>> = dev.iter().map(|d| predict(&w, &t, d)).collect();
                let gold: Vec<&[u8]> = dev.iter().map(|d| d.gold.as_slice()).collect();
                let f = f1(&gold, &pred);
                eprintln!("{label}: epoch {epoch}: dev F1 {f:.4} ({:.1}s)", t0.elapsed().as_secs_f64());
                if best.as_ref().map_or(true, |b| f > b.0) {
                    best = Some((f, w, t, epoch));
                }
            }
            None => eprintln!("{label}: epoch {epoch} ({:.1}s)", t0.elapsed().as_secs_f64()),
        }
    }
    match best {
        Some((_, w, t, e)) => (w, t, e),
        None => {
            let (w, t) = p.averaged();
            (w, t, epochs)
        }
    }
}

/// Drops rows whose largest weight is below `prune`, quantises the rest to `i8`.
fn compress(index: &Index, w: &[f32], trans: Trans, prune: f32) -> Model {
    let mut kept: Vec<(u32, &[f32])> = index
        .keys
        .iter()
        .enumerate()
        .map(|(r, &k)| (k, &w[r * LABELS..(r + 1) * LABELS]))
        .filter(|(_, ws)| ws.iter().any(|x| x.abs() >= prune))
        .collect();
    kept.sort_by_key(|&(k, _)| k);
    // Scale so that all but the most extreme weights fit; those few saturate.
    let mut mags: Vec<f32> = kept.iter().flat_map(|(_, ws)| ws.iter().map(|x| x.abs())).filter(|&x| x > 0.0).collect();
    mags.sort_by(f32::total_cmp);
    let top = mags.get(mags.len().saturating_sub(1 + mags.len() / 20000)).copied().unwrap_or(1.0).max(1e-6);
    let scale = top / 127.0;
    let keys = kept.iter().map(|&(k, _)| k).collect();
    let weights =
        kept.iter().flat_map(|(_, ws)| ws.iter().map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8)).collect();
    Model::new(keys, weights, scale, trans)
}

struct Options {
    train: String,
    dev: String,
    out: String,
    epochs: usize,
    folds: usize,
    seed: u64,
    prune: f32,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        train: "../shared/data/conll2003/train.conll".into(),
        dev: "../shared/data/conll2003/dev.conll".into(),
        out: "data/ner/model.bin".into(),
        epochs: 12,
        folds: 5,
        seed: 1,
        prune: 1.0,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().cloned().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--train" => o.train = val()?,
            "--dev" => o.dev = val()?,
            "--out" => o.out = val()?,
            "--epochs" => o.epochs = val()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--folds" => o.folds = val()?.parse().map_err(|e| format!("--folds: {e}"))?,
            "--seed" => o.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--prune" => o.prune = val()?.parse().map_err(|e| format!("--prune: {e}"))?,
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    Ok(o)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let o = options(args)?;
    let t0 = Instant::now();
    let mut train_docs = load(&o.train)?;
    let mut dev_docs = load(&o.dev)?;
    eprintln!(
        "loaded {} train and {} dev documents ({:.1}s)",
        train_docs.len(),
        dev_docs.len(),
        t0.elapsed().as_secs_f64()
    );

    // Pass 1.
    let mut index = Index::default();
    for d in &train_docs {
        index.add(&d.keys.keys);
    }
    let insts: Vec<Inst> = train_docs.iter().map(|d| instance(d, &index)).collect();
    let dev_insts: Vec<Inst> = dev_docs.iter().map(|d| instance(d, &index)).collect();
    let all: Vec<&Inst> = insts.iter().collect();
    let (w1, t1, e1) = train(index.keys.len(), &all, Some(&dev_insts), o.epochs, o.seed, "pass 1");
    let first = compress(&index, &w1, t1, o.prune);
    eprintln!("pass 1: best epoch {e1}, {} of {} features kept", first.rows(), index.keys.len());

    // Jackknifed first-pass labels for the training documents.
    let mut jack: Vec<Vec<u8>> = vec![Vec::new(); insts.len()];
    for f in 0..o.folds.max(2) {
        let rest: Vec<&Inst> =
            insts.iter().enumerate().filter(|(i, _)| i % o.folds.max(2) != f).map(|(_, d)| d).collect();
        let (w, t, _) = train(index.keys.len(), &rest, None, e1, o.seed + 1 + f as u64, &format!("fold {f}"));
        for (i, inst) in insts.iter().enumerate().filter(|(i, _)| i % o.folds.max(2) == f) {
            jack[i] = predict(&w, &t, inst);
        }
    }
    for (d, labels) in train_docs.iter_mut().zip(&jack) {
        d.second = Some(features::second_pass(&d.prep, labels));
    }
    for d in &mut dev_docs {
        let labels = crate::actors::tag::label_prepared(&d.prep, std::slice::from_ref(&first));
        d.second = Some(features::second_pass(&d.prep, &labels));
    }
    drop(insts);

    // Pass 2.
    let mut index2 = Index::default();
    for d in &train_docs {
        index2.add(&d.keys.keys);
        index2.add(d.second.as_ref().map_or(&[][..], |k| &k.keys));
    }
    let insts: Vec<Inst> = train_docs.iter().map(|d| instance(d, &index2)).collect();
    let dev_insts: Vec<Inst> = dev_docs.iter().map(|d| instance(d, &index2)).collect();
    let all: Vec<&Inst> = insts.iter().collect();
    let (w2, t2, e2) = train(index2.keys.len(), &all, Some(&dev_insts), o.epochs, o.seed, "pass 2");
    let second = compress(&index2, &w2, t2, o.prune);
    eprintln!("pass 2: best epoch {e2}, {} of {} features kept", second.rows(), index2.keys.len());

    let bytes = model::encode_models(&[&first, &second]);
    std::fs::write(&o.out, &bytes).map_err(|e| format!("{}: {e}", o.out))?;
    eprintln!("wrote {} ({} bytes) in {:.1}s", o.out, bytes.len(), t0.elapsed().as_secs_f64());
    Ok(())
}

/// `newslens-train prune-ner --min N [--in FILE] [--out FILE]`: drops the rows of both models
/// of a trained file whose largest quantised weight is below N (the Wasm size budget's lever;
/// no retraining, the kept weights are unchanged).
pub fn prune_run(args: &[String]) -> Result<(), String> {
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let min: i8 = flag("--min").ok_or("--min N is required")?.parse().map_err(|e| format!("--min: {e}"))?;
    let input = flag("--in").unwrap_or_else(|| "data/ner/model.bin".into());
    let out = flag("--out").unwrap_or_else(|| input.clone());
    let bytes = std::fs::read(&input).map_err(|e| format!("{input}: {e}"))?;
    let models = model::parse_models(&bytes).ok_or_else(|| format!("{input}: not a model file"))?;
    let pruned: Vec<Model> = models.iter().map(|m| m.pruned(min)).collect();
    for (m, p) in models.iter().zip(&pruned) {
        eprintln!("prune-ner: {} -> {} rows", m.rows(), p.rows());
    }
    let buf = model::encode_models(&pruned.iter().collect::<Vec<_>>());
    std::fs::write(&out, &buf).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("prune-ner: {} -> {} bytes in {out}", bytes.len(), buf.len());
    Ok(())
}
