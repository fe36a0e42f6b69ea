//! Whole-pipeline benchmark: `cargo bench --bench pipeline`.
//!
//! Measures `newslens::analyze` on the five seeds (the page's "Load example", which must feel
//! instant) and on large and pathological pastes, to show time stays linear in input size: the
//! per-MB time at 10 MB should match the one at 1 MB. Figures go to the README; nothing here
//! asserts a time.

mod common;

use common::seeds;
use newslens::Input;
use std::time::{Duration, Instant};

/// Runs `f` until at least `min` has passed (and at least once); returns the mean time per run.
fn time(min: Duration, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    let mut n = 0u32;
    while n == 0 || start.elapsed() < min {
        f();
        n += 1;
    }
    start.elapsed() / n
}

fn report(name: &str, bytes: usize, per_run: Duration) {
    let mbs = bytes as f64 / 1e6 / per_run.as_secs_f64();
    println!("{name:<44} {:>10.2} ms  {:>8.2} MB/s  ({} bytes)", per_run.as_secs_f64() * 1e3, mbs, bytes);
}

fn analyze_one(name: &str, text: &str) {
    let r = newslens::analyze(&[Input { source: name, text }]);
    std::hint::black_box(r.ok());
}

fn main() {
    let seeds = seeds();
    let inputs: Vec<Input> = seeds.iter().map(|(n, t)| Input { source: n, text: t }).collect();
    let total: usize = seeds.iter().map(|(_, t)| t.len()).sum();
    // First call includes loading the tagger model.
    let t0 = Instant::now();
    std::hint::black_box(newslens::analyze(&inputs).ok());
    println!("first call (model load + 5 seeds): {:.2} ms", t0.elapsed().as_secs_f64() * 1e3);
    report(
        "5 seeds, compared",
        total,
        time(Duration::from_secs(2), || {
            std::hint::black_box(newslens::analyze(&inputs).ok());
        }),
    );

    let all: String = seeds.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n\n");
    for mb in [1usize, 10] {
        let target = mb << 20;
        let mut big = String::with_capacity(target + all.len());
        while big.len() < target {
            big.push_str(&all);
            big.push_str("\n\n");
        }
        report(
            &format!("seeds repeated to {mb} MB"),
            big.len(),
            time(Duration::from_secs(3), || analyze_one("big", &big)),
        );
    }
    // Prose-like pathological pastes, so every stage (not just the cleaner) sees them.
    let cases: Vec<(&str, String)> = vec![
        ("1 MB one line, no punctuation", "word ".repeat(200_000)),
        (
            "1 MB one paragraph, quotes never closed",
            "Putin said \u{201c}the talks in Moscow went well and Kim agreed. ".repeat(16_000),
        ),
        (
            "1 MB apostrophes and straight quotes",
            "Kim's aide said \"it's the forces' plan, and 'we' agree with it. ".repeat(16_000),
        ),
        (
            // Every sentence holds partial quotations, so every one's content edges are chosen.
            "1 MB partial quotations",
            "Trump called the plan a \u{201c}disaster\u{201d} and the deal with them a \u{201c}joke\u{201d} on Monday. ".repeat(11_000),
        ),
        (
            "1 MB Capitalised Words",
            "Kim Jong Putin Shoigu Moscow Talks Went Well Today Said Reporters Of KCNA. ".repeat(14_000),
        ),
        ("1 MB of '<' (HTML mode)", format!("<{}", "<div><p>a".repeat(100_000))),
        ("1 MB of newlines", "\n".repeat(1 << 20)),
    ];

    for (name, text) in &cases {
        report(name, text.len(), time(Duration::from_secs(2), || analyze_one(name, text)));
    }

    // Quotation marks in a stretch without white space: each quotation's paragraph tail was one
    // "word" walked to the end, quadratic (1 MB took 99 s). The per-MB time must stay flat.
    for unit in ["x\"y\"", "\u{201c}y\u{201d}", "Kim\"said\"Moon"] {
        for kb in [64usize, 256, 1024] {
            let text = unit.repeat((kb << 10) / unit.len());
            let name = format!("{kb} KB of {unit} without white space");
            report(&name, text.len(), time(Duration::from_secs(2), || analyze_one(&name, &text)));
        }
    }
}
