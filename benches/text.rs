//! Benchmark: stage 1 (text) throughput, in MB/s, on 1 MB and 10 MB inputs.
//! Run with `cargo bench --bench text`.
//!
//! Linear time is the point: each input is read at 1 MB and at 10 MB, and the MB/s should stay
//! about the same. Inputs: the seeds repeated (plain text, many articles), the same as HTML
//! paragraphs, one 10 MB line with no newline, deeply unbalanced markup, and a paste of
//! opening quotes and abbreviations for the segmenter.

use newslens::report::Span;
use newslens::text;
use std::hint::black_box;
use std::time::Instant;

fn seeds() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect()
        })
        .unwrap_or_default();
    names.sort();
    let text: String = names.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect::<Vec<_>>().join("\n\n");
    if text.is_empty() {
        "Putin met Kim in Pyongyang, the agency said. \u{201c}We agree,\u{201d} he said.\n\n".repeat(20)
    } else {
        text
    }
}

/// Repeats `unit` until the result has at least `size` bytes.
fn fill(unit: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + unit.len());
    while s.len() < size {
        s.push_str(unit);
    }
    s
}

fn html_of(text: &str) -> String {
    let mut s = String::from("<html><head><title>Bench</title></head><body><article>");
    for p in text.split("\n\n") {
        s.push_str("<p>");
        s.push_str(&p.replace('&', "&amp;").replace('<', "&lt;"));
        s.push_str("</p>\n<div class=\"share\"><a href=\"#\">Share</a></div>");
    }
    s.push_str("</article></body></html>");
    s
}

fn time(label: &str, input: &str, f: impl Fn(&str) -> usize) {
    // One warm-up, then the best of three.
    black_box(f(input));
    let mut best = f64::MAX;
    let mut out = 0;
    for _ in 0..3 {
        let t = Instant::now();
        out = black_box(f(input));
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mb = input.len() as f64 / 1e6;
    println!("{label:<34} {mb:>6.1} MB  {:>8.1} ms  {:>7.1} MB/s  ({out} items)", best * 1e3, mb / best);
}

fn read(input: &str) -> usize {
    let page = text::read(input);
    page.articles.iter().map(|a| a.segments.len()).sum()
}

fn read_and_segment(input: &str) -> usize {
    let page = text::read(input);
    page.articles.iter().map(|a| text::segment(&page.text, &a.body()).tokens.len()).sum()
}

fn segment_whole(input: &str) -> usize {
    text::segment(input, &[Span::new(0, input.len())]).sentences.len()
}

fn main() {
    let seeds = seeds();
    let seed_html = html_of(&seeds);
    for size in [1_000_000, 10_000_000] {
        let plain = fill(&seeds, size);
        time("read: seeds repeated (plain)", &plain, read);
        time("read+segment: seeds repeated", &plain, read_and_segment);
        time("read: seeds as HTML", &fill(&seed_html, size), read);
        let one_line = fill("Kim said the talks went well and the sides agreed to meet again ", size);
        time("read: one line, no newline", &one_line, read);
        let unbalanced = fill("<div><span><p>text <b>bold <i>", size);
        time("read: unbalanced tags", &format!("<html>{unbalanced}"), read);
        let closers = fill("</span></div></i>", size);
        time("read: stray end tags", &format!("<div>{closers}"), read);
        time(
            "segment: quotes and abbreviations",
            &fill("\u{201c}Mr. U.S. Gen. J. R. R. ... \u{2026} 11,000 3.5 \u{2014} ", size),
            segment_whole,
        );
    }
}
