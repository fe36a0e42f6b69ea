//! Word clusters from unlabelled text: `newslens-train clusters [--data DIR] [--out FILE]`.
//!
//! The labelled CoNLL data has 23k distinct words; news has many more. Words that occur in the
//! same contexts ("Nyerere said", "Mandela said") get the same cluster, so a name the tagger
//! never saw labelled still shares weights with ones it did. Brown clustering is the classic
//! choice; this is a cheaper relative with the same output shape: each word is described by
//! its left and right neighbours among the most frequent words (log counts, unit length),
//! spherical k-means puts the words into 256 clusters, and k-means over those centroids groups
//! them into 32 and then 8, giving a three-level path ("3" → "31a" → "31a0f") whose prefixes
//! are coarser clusters.
//!
//! The text: the CoNLL training tokens, the PolNeAR articles, the PAC articles and the
//! Readability test pages' expected article text, all under `../shared/data`. Deterministic:
//! seeds are chosen by frequency rank, ties broken by word.

use crate::lexicon::words::lower_digits_zero;
use std::collections::HashMap;
use std::path::Path;

const CONTEXT_WORDS: usize = 1000;
const MIN_COUNT: u32 = 4;
const MAX_VOCAB: usize = 40_000;
const LEVELS: [usize; 3] = [16, 64, 512];
const ITERATIONS: usize = 20;

/// Splits raw text roughly the way CoNLL does: punctuation apart, possessive "'s" apart.
fn tokenize(text: &str, out: &mut Vec<String>) {
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")).unwrap_or(w);
        out.push(lower_digits_zero(w));
    }
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ")
}

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
    v.sort();
    v
}

/// The unlabelled corpus, as documents of lower-cased tokens.
fn corpus(data: &Path) -> Vec<Vec<String>> {
    let mut docs = Vec::new();
    if let Ok(t) = std::fs::read_to_string(data.join("conll2003/train.conll")) {
        let mut d = Vec::new();
        for l in t.lines() {
            if let Some(w) = l.split_whitespace().next().filter(|w| *w != "-DOCSTART-") {
                d.push(lower_digits_zero(w));
            }
        }
        docs.push(d);
    }
    for split in ["train", "dev"] {
        for f in files(&data.join("polnear").join(split).join("text")) {
            let mut d = Vec::new();
            tokenize(&std::fs::read_to_string(f).unwrap_or_default(), &mut d);
            docs.push(d);
        }
    }
    for f in files(&data.join("pac/data/merged_annotations")) {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(f).unwrap_or_default()).unwrap_or_default();
        let mut d = Vec::new();
        for s in v["news"].as_array().into_iter().flatten() {
            tokenize(s["text"].as_str().unwrap_or(""), &mut d);
        }
        docs.push(d);
    }
    for page in files(&data.join("readability-pages")) {
        let mut d = Vec::new();
        tokenize(&strip_tags(&std::fs::read_to_string(page.join("expected.html")).unwrap_or_default()), &mut d);
        docs.push(d);
    }
    docs
}

type Sparse = Vec<(u32, f32)>;

fn dot(a: &Sparse, c: &[f32]) -> f32 {
    a.iter().map(|&(i, v)| v * c[i as usize]).sum()
}

/// Spherical k-means of sparse unit vectors (or dense ones, as single-entry lists) into `k`
/// clusters, seeded with vectors spread over the input order. Returns assignments and centroids.
fn kmeans(vecs: &[Sparse], weights: &[f32], dim: usize, k: usize) -> (Vec<usize>, Vec<Vec<f32>>) {
    let k = k.min(vecs.len()).max(1);
    let mut cents: Vec<Vec<f32>> = (0..k)
        .map(|c| {
            let mut v = vec![0f32; dim];
            for &(i, x) in &vecs[c * vecs.len() / k] {
                v[i as usize] = x;
            }
            v
        })
        .collect();
    let mut assign = vec![0usize; vecs.len()];
    for it in 0..ITERATIONS {
        let mut moved = 0;
        for (a, v) in assign.iter_mut().zip(vecs) {
            let best =
                (0..k).max_by(|&x, &y| dot(v, &cents[x]).total_cmp(&dot(v, &cents[y])).then(y.cmp(&x))).unwrap_or(0);
            if *a != best || it == 0 {
                moved += 1;
            }
            *a = best;
        }
        for c in cents.iter_mut() {
            c.iter_mut().for_each(|x| *x = 0.0);
        }
        for ((&a, v), &w) in assign.iter().zip(vecs).zip(weights) {
            for &(i, x) in v {
                cents[a][i as usize] += x * w;
            }
        }
        for c in cents.iter_mut() {
            let n = c.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
            c.iter_mut().for_each(|x| *x /= n);
        }
        eprintln!("k-means k={k}: iteration {it}, {moved} moved");
        if moved == 0 {
            break;
        }
    }
    (assign, cents)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut data = "../shared/data".to_string();
    let mut out = "data/ner/clusters.txt".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--data" => data = it.next().cloned().ok_or("--data needs a value")?,
            "--out" => out = it.next().cloned().ok_or("--out needs a value")?,
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    let docs = corpus(Path::new(&data));
    let total: usize = docs.iter().map(Vec::len).sum();
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for d in &docs {
        for w in d {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, u32)> = counts.into_iter().filter(|&(_, c)| c >= MIN_COUNT).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    vocab.truncate(MAX_VOCAB);
    eprintln!("{} documents, {total} tokens, {} words with count >= {MIN_COUNT}", docs.len(), vocab.len());
    let id: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, &(w, _))| (w, i)).collect();

    // Context counts: left neighbour in [0, C), right neighbour in [C, 2C).
    let mut ctx: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    for d in &docs {
        for (i, w) in d.iter().enumerate() {
            let Some(&wi) = id.get(w.as_str()) else { continue };
            let near = |j: Option<usize>| j.and_then(|j| d.get(j)).and_then(|x| id.get(x.as_str()).copied());
            if let Some(l) = near(i.checked_sub(1)).filter(|&l| l < CONTEXT_WORDS) {
                *ctx[wi].entry(l as u32).or_default() += 1.0;
            }
            if let Some(r) = near(Some(i + 1)).filter(|&r| r < CONTEXT_WORDS) {
                *ctx[wi].entry((CONTEXT_WORDS + r) as u32).or_default() += 1.0;
            }
        }
    }
    let vecs: Vec<Sparse> = ctx
        .into_iter()
        .map(|m| {
            let mut v: Sparse = m.into_iter().map(|(k, c)| (k, (1.0 + c).ln())).collect();
            v.sort_by_key(|&(k, _)| k);
            let n = v.iter().map(|&(_, x)| x * x).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|(_, x)| *x /= n);
            v
        })
        .collect();
    let weights: Vec<f32> = vec![1.0; vecs.len()];
    let (leaf, cents) = kmeans(&vecs, &weights, 2 * CONTEXT_WORDS, LEVELS[2]);
    // Coarser levels: cluster the centroids, weighted by cluster size.
    let dense = |cs: &[Vec<f32>]| -> Vec<Sparse> {
        cs.iter()
            .map(|c| c.iter().enumerate().filter(|(_, &x)| x != 0.0).map(|(i, &x)| (i as u32, x)).collect())
            .collect()
    };
    let mut sizes = vec![0f32; cents.len()];
    leaf.iter().for_each(|&c| sizes[c] += 1.0);
    let (mid, cents_mid) = kmeans(&dense(&cents), &sizes, 2 * CONTEXT_WORDS, LEVELS[1]);
    let mut sizes_mid = vec![0f32; cents_mid.len()];
    for (c, &m) in mid.iter().enumerate() {
        sizes_mid[m] += sizes[c];
    }
    let (top, _) = kmeans(&dense(&cents_mid), &sizes_mid, 2 * CONTEXT_WORDS, LEVELS[0]);

    let mut text = String::new();
    let mut lines: Vec<(&str, String)> = vocab
        .iter()
        .zip(&leaf)
        .map(|(&(w, _), &l)| (w, format!("{:x}{:02x}{:03x}", top[mid[l]], mid[l], l)))
        .filter(|(w, _)| !w.contains('\t'))
        .collect();
    lines.sort();
    for (w, p) in lines {
        text.push_str(w);
        text.push('\t');
        text.push_str(&p);
        text.push('\n');
    }
    std::fs::write(&out, text).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("wrote {out}");
    Ok(())
}
