//! Benchmark: tagger (not written yet). Run with `cargo bench --bench tagger`.

fn main() {}
