//! Benchmark placeholder, replaced by the compare benchmark.
fn main() {}
