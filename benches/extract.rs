//! Benchmark placeholder, replaced by the extract benchmark.
fn main() {}
