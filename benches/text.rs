//! Benchmark: text (not written yet). Run with `cargo bench --bench text`.

fn main() {}
