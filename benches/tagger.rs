//! Benchmark: the entity tagger, in tokens per second on one core. Run with
//! `cargo bench --bench tagger`.
//!
//! Two measurements: [`newslens::actors::tag::tag_tokens`] over the CoNLL-2003 dev file when
//! `../shared/data` is present (pre-tokenised text, both passes, one call per document), and
//! [`newslens::actors::tag`] over the repository's seed articles (segmentation done beforehand,
//! so this is the tagger plus its token adaptation). The model is loaded before timing.

use newslens::actors::tag;
use newslens::report::Span;
use std::time::Instant;

/// Runs `f` (which returns the tokens it tagged) until a second has passed; returns tokens/s.
fn rate(mut f: impl FnMut() -> usize) -> f64 {
    let t0 = Instant::now();
    let mut tokens = 0;
    while t0.elapsed().as_secs_f64() < 1.0 || tokens == 0 {
        tokens += f();
    }
    tokens as f64 / t0.elapsed().as_secs_f64()
}

fn main() {
    assert!(tag::model_loaded(), "no model embedded");
    let _ = tag::tag_tokens(&[vec!["warm", "up"]]);

    let dev = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/conll2003/dev.conll");
    match std::fs::read_to_string(&dev) {
        Ok(text) => {
            let mut docs: Vec<Vec<Vec<&str>>> = Vec::new();
            let mut sent: Vec<&str> = Vec::new();
            for line in text.lines() {
                let tok = line.split_whitespace().next();
                if tok.is_none() || tok == Some("-DOCSTART-") {
                    if !sent.is_empty() {
                        if let Some(d) = docs.last_mut() {
                            d.push(std::mem::take(&mut sent));
                        }
                    }
                    if tok.is_some() {
                        docs.push(Vec::new());
                    }
                } else if let Some(t) = tok {
                    sent.push(t);
                }
            }
            let r = rate(|| docs.iter().map(|d| tag::tag_tokens(d).iter().map(Vec::len).sum::<usize>()).sum());
            println!("tagger/conll-dev   {r:>10.0} tokens/s");
        }
        Err(_) => println!("tagger/conll-dev   skipped: {} not found", dev.display()),
    }

    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut texts = Vec::new();
    for e in std::fs::read_dir(&seeds).into_iter().flatten().flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(e.path()).unwrap_or_default());
        }
    }
    texts.sort();
    let segs: Vec<_> = texts
        .iter()
        .map(|t| {
            let paras: Vec<Span> = t
                .split('\n')
                .scan(0, |pos, line| {
                    let s = Span::new(*pos, *pos + line.len());
                    *pos += line.len() + 1;
                    Some(s)
                })
                .filter(|s| !t[s.start..s.end].trim().is_empty())
                .collect();
            newslens::text::segment(t, &paras)
        })
        .collect();
    let r = rate(|| {
        texts
            .iter()
            .zip(&segs)
            .map(|(t, s)| {
                std::hint::black_box(newslens::actors::tag(t, s));
                s.tokens.len()
            })
            .sum()
    });
    println!("tagger/seed-articles {r:>8.0} tokens/s");
}
