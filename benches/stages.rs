//! Per-stage profile of the pipeline: `cargo bench --bench stages [-- DIR]`.
//!
//! Runs the stages `newslens::analyze` runs for each article (src/lib.rs `analyze_article`),
//! calling the same public stage functions one by one, and adds up the time spent in each over
//! a folder of texts: ../shared/data/polnear/dev/text by default (skipped with a message when
//! absent; the five seeds then stand in), or the folder given after `--`. Each pass over the
//! folder is repeated until about two seconds have gone by. Also times the POS tagger alone
//! (the quote stages call it lazily, so its time is inside theirs) and the JSON writing the CLI
//! does (offsets to code points, then serde_json). Nothing here asserts a time; the breakdown
//! goes to docs/performance.md.

use newslens::report::{convert_offsets, OffsetUnit};
use newslens::{actors, compare, quotes, text, Input};
use std::hint::black_box;
use std::time::{Duration, Instant};

const STAGES: [&str; 11] = [
    "text::read (clean/HTML, blocks, meta)",
    "text::segment (paragraphs, sentences, tokens)",
    "actors::tag (NER tagger, 2 passes)",
    "actors::resolve (names, roles, coref)",
    "quotes::find (marks, cues, content)",
    "quotes::attribute (speakers, edge model)",
    "quotes::flags",
    "compare (align, stories, discrepancies)",
    "report JSON (offsets to code points + serde_json)",
    "  [text::pos::tag alone, inside quotes::*]",
    "  [whole newslens::analyze, for reference]",
];

fn texts(dir: &str) -> Vec<(String, String)> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(d) => d.filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned())).collect(),
        Err(_) => return Vec::new(),
    };
    names.retain(|n| n.ends_with(".txt") || n.ends_with(".html"));
    names.sort();
    names
        .into_iter()
        .filter_map(|n| std::fs::read_to_string(format!("{dir}/{n}")).ok().map(|t| (n, t)))
        .filter(|(_, t)| !newslens::is_blank(t))
        .collect()
}

/// One pass over every text, adding each stage's time to `acc`.
fn pass(docs: &[(String, String)], acc: &mut [Duration; STAGES.len()]) {
    for (name, raw) in docs {
        let t = Instant::now();
        let page = text::read(raw);
        acc[0] += t.elapsed();
        let txt: &str = page.text.as_ref();
        let mut articles = Vec::new();
        for (k, art) in page.articles.iter().enumerate() {
            let id = format!("a{}", k + 1);
            let body = art.body();
            let t = Instant::now();
            let seg = text::segment(txt, &body);
            acc[1] += t.elapsed();
            let t = Instant::now();
            let mentions = actors::tag(txt, &seg);
            acc[2] += t.elapsed();
            let t = Instant::now();
            let found = actors::resolve(&id, txt, &seg, &mentions);
            acc[3] += t.elapsed();
            let t = Instant::now();
            let spans = quotes::find(txt, &seg);
            acc[4] += t.elapsed();
            let pos = text::pos::Tags::new(txt, &seg);
            let t = Instant::now();
            // Part-of-speech tagging happens on first use, inside attribute (and flags).
            let qs = quotes::attribute(txt, &seg, &pos, &found, &spans);
            acc[5] += t.elapsed();
            let t = Instant::now();
            let flags = quotes::flags(txt, &seg, &pos, &found, &qs);
            acc[6] += t.elapsed();
            black_box((&flags, &found.actors));
            articles.push(found.actors.len() + qs.len() + flags.len());
            let t = Instant::now();
            black_box(text::pos::tag(txt, &seg));
            acc[9] += t.elapsed();
        }
        black_box(articles);
        // The cross-article stage and the JSON, on the whole report of this one text (the
        // compare stage is cheap for one article; it is timed on all texts together below too).
        let t = Instant::now();
        let report = newslens::analyze(&[Input { source: name, text: raw }]);
        let whole = t.elapsed();
        acc[10] += whole;
        if let Ok(mut report) = report {
            let t = Instant::now();
            let a = compare::align(&report.articles);
            let texts = [txt];
            let s = compare::stories(&texts, &report.articles);
            let d = compare::discrepancies(&texts, &report.articles, &a, &s);
            acc[7] += t.elapsed();
            black_box((a, s, d));
            let t = Instant::now();
            let texts = [txt];
            convert_offsets(&mut report, &texts, OffsetUnit::CodePoints);
            black_box(serde_json::to_string(&report).ok());
            acc[8] += t.elapsed();
        }
    }
}

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/polnear/dev/text").to_string());
    let mut docs = texts(&dir);
    if docs.is_empty() {
        println!("stages: no texts in {dir} (../shared absent?); using the five seeds instead");
        docs = texts(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    }
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    println!("stages: {} texts, {} bytes, from {dir}", docs.len(), bytes);
    // Warm-up: loads the models.
    let mut acc = [Duration::ZERO; STAGES.len()];
    pass(&docs, &mut acc);
    let mut acc = [Duration::ZERO; STAGES.len()];
    let start = Instant::now();
    let mut passes = 0u32;
    while passes == 0 || start.elapsed() < Duration::from_secs(2) {
        pass(&docs, &mut acc);
        passes += 1;
    }
    let staged: Duration = acc[..9].iter().sum();
    println!("{passes} passes; per pass:");
    println!("{:<52} {:>9} {:>7} {:>9}", "stage", "ms", "share", "MB/s");
    for (i, name) in STAGES.iter().enumerate() {
        let per = acc[i] / passes;
        let share = if i < 9 {
            format!("{:>6.1}%", 100.0 * acc[i].as_secs_f64() / staged.as_secs_f64())
        } else {
            String::new()
        };
        let mbs = bytes as f64 / 1e6 / per.as_secs_f64().max(1e-12);
        println!("{name:<52} {:>9.2} {share:>7} {mbs:>9.2}", per.as_secs_f64() * 1e3);
    }
    let per = staged / passes;
    println!(
        "{:<52} {:>9.2} {:>7} {:>9.2}",
        "sum of stages 0-8",
        per.as_secs_f64() * 1e3,
        "100%",
        bytes as f64 / 1e6 / per.as_secs_f64()
    );

    // The cross-article stage with every text in one call (how it grows with the number of
    // articles), against the sum of one call per text.
    let inputs: Vec<Input> = docs.iter().map(|(n, t)| Input { source: n, text: t }).collect();
    let mut sizes: Vec<usize> = [1usize, 10, 42, inputs.len()].iter().map(|&n| n.min(inputs.len())).collect();
    sizes.dedup();
    for n in sizes {
        let Ok(report) = newslens::analyze(&inputs[..n]) else { continue };
        let pages: Vec<_> = inputs[..n].iter().map(|i| text::read(i.text)).collect();
        let texts: Vec<&str> = pages.iter().map(|p| p.text.as_ref()).collect();
        let t = Instant::now();
        let mut reps = 0u32;
        while reps == 0 || t.elapsed() < Duration::from_millis(300) {
            let a = compare::align(&report.articles);
            let s = compare::stories(&texts, &report.articles);
            black_box(compare::discrepancies(&texts, &report.articles, &a, &s));
            reps += 1;
        }
        let per = t.elapsed() / reps;
        println!(
            "compare over {n:>3} texts in one call ({} articles, {} actors): {:>9.3} ms",
            report.articles.len(),
            report.actors.len(),
            per.as_secs_f64() * 1e3
        );
    }
}
