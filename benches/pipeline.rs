//! Benchmark: pipeline (not written yet). Run with `cargo bench --bench pipeline`.

fn main() {}
