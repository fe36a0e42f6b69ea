//! Cross-article comparison benchmark: `cargo bench --bench compare`.
//!
//! The comparison stage (align actors, group stories, find discrepancies) on 20 articles of
//! about 1,000 words pasted together, timed apart from reading each article: the target is
//! under 50 ms. The articles are 20 of ../shared/data/basil's (seven events, three outlets each)
//! when that folder is there, else the five seeds four times over (identical copies: the
//! quotation alignment's worst case, every quote pairs with its copies). Nothing here asserts a
//! time; figures go to the README.

mod common;

use newslens::compare;
use newslens::Input;
use std::time::{Duration, Instant};

fn basil_articles(n: usize) -> Option<Vec<(String, String)>> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/basil/articles");
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for year in std::fs::read_dir(root).ok()? {
        for f in std::fs::read_dir(year.ok()?.path()).ok()? {
            files.push(f.ok()?.path());
        }
    }
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&f).ok()?).ok()?;
        let paras: Vec<String> = v["body-paragraphs"]
            .as_array()?
            .iter()
            .filter_map(|p| p.as_array())
            .map(|p| p.iter().filter_map(|s| s.as_str()).map(str::trim).collect::<Vec<_>>().join(" "))
            .collect();
        let text = format!("{}\n\n{}\n", v["title"].as_str().unwrap_or(""), paras.join("\n\n"));
        out.push((f.file_name()?.to_string_lossy().into_owned(), text));
        if out.len() == n {
            break;
        }
    }
    (out.len() == n).then_some(out)
}

fn seeds_four_times() -> Vec<(String, String)> {
    let one = common::seeds();
    (0..4).flat_map(|_| one.clone()).collect()
}

fn main() {
    let (what, arts) = match basil_articles(20) {
        Some(a) => ("20 BASIL articles", a),
        None => ("20 articles (the seeds four times; ../shared/data/basil not found)", seeds_four_times()),
    };
    let inputs: Vec<Input> = arts.iter().map(|(n, t)| Input { source: n, text: t }).collect();
    let words: usize = arts.iter().map(|(_, t)| t.split_whitespace().count()).sum();
    let t0 = Instant::now();
    let report = newslens::analyze(&inputs).expect("analysis");
    let whole = t0.elapsed();
    let texts: Vec<&str> = arts.iter().map(|(_, t)| t.as_str()).collect();
    let start = Instant::now();
    let mut runs = 0u32;
    let mut found = 0;
    while runs == 0 || start.elapsed() < Duration::from_secs(3) {
        let actors = compare::align(&report.articles);
        let stories = compare::stories(&texts, &report.articles);
        let d = compare::discrepancies(&texts, &report.articles, &actors, &stories);
        found = d.len();
        std::hint::black_box((actors, stories, d));
        runs += 1;
    }
    let per = start.elapsed() / runs;
    println!("{what}: {words} words, {} stories, {found} discrepancies", report.stories.len());
    println!("  whole analysis (first call, with model load): {:8.2} ms", whole.as_secs_f64() * 1e3);
    println!(
        "  comparison stage (align + stories + discrepancies): {:8.2} ms per run ({runs} runs)",
        per.as_secs_f64() * 1e3
    );
}
