//! Writing claims as Parquet shards against writing them as JSON Lines (docs/scale-out.md).
//!
//! `cargo bench --bench shards -- CLAIMS.jsonl [--repeats 5] [--shards DIR] [--shard-claims N]`
//!
//! Reads the claims of a JSON Lines file (`bench/synthetic_claims.py` makes large ones), then
//! encodes them both ways in memory, interleaved, `--repeats` times, and prints the median time
//! and throughput of each and the bytes written. With `--shards DIR` it also writes them as
//! Parquet shards of `--shard-claims` claims each (default 100,000), for `compare`'s benchmark.

use std::time::{Duration, Instant};

use crosscheck::output::Directory;
use crosscheck::report::{ClaimFormat, RenderOptions, render_claims};
use crosscheck::shard::parquet;

fn argument(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|arg| arg == name)
        .and_then(|position| args.get(position + 1).cloned())
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|arg| {
        std::path::Path::new(arg)
            .extension()
            .is_some_and(|extension| extension == "jsonl")
    }) else {
        eprintln!("usage: cargo bench --bench shards -- CLAIMS.jsonl [--repeats N] [--shards DIR]");
        return;
    };
    let repeats: usize = argument(&args, "--repeats").map_or(5, |text| text.parse().expect("a number"));
    let started = Instant::now();
    let bytes = std::fs::read(path).expect("the claims file");
    let claims = crosscheck::report::read_claims(&bytes).expect("claims").claims;
    drop(bytes);
    eprintln!("read {} claims in {:.1?}", claims.len(), started.elapsed());
    let (mut jsonl, mut shards) = (Vec::new(), Vec::new());
    let (mut jsonl_bytes, mut parquet_bytes) = (0, 0);
    for _ in 0..repeats {
        let mut out = Vec::new();
        let started = Instant::now();
        render_claims(&[], &claims, ClaimFormat::Jsonl, &mut out, &RenderOptions::default()).expect("JSON Lines");
        jsonl.push(started.elapsed());
        jsonl_bytes = out.len();
        drop(out);
        let mut out = Vec::new();
        let started = Instant::now();
        parquet::write(&mut out, &claims).expect("a shard");
        shards.push(started.elapsed());
        parquet_bytes = out.len();
    }
    let count = claims.len() as f64;
    for (name, time, size) in [
        ("jsonl", median(jsonl), jsonl_bytes),
        ("parquet", median(shards), parquet_bytes),
    ] {
        println!(
            "{name:8} {:>8.2} s  {:>10.0} claims/s  {:>8.1} MB written  {:>6.1} MB/s of output",
            time.as_secs_f64(),
            count / time.as_secs_f64(),
            size as f64 / 1e6,
            size as f64 / 1e6 / time.as_secs_f64()
        );
    }
    if let Some(directory) = argument(&args, "--shards") {
        let per_shard: usize =
            argument(&args, "--shard-claims").map_or(100_000, |text| text.parse().expect("a number"));
        let shards =
            Directory::create(std::path::Path::new(&directory), parquet::is_shard_name).expect("the shard directory");
        let mut written = 0;
        for (number, chunk) in claims.chunks(per_shard).enumerate() {
            let file = shards.create_file(&parquet::shard_name(number)).expect("a shard file");
            parquet::write(std::io::BufWriter::new(file), chunk).expect("a shard");
            written += 1;
        }
        shards.commit().expect("the shards in place");
        eprintln!("{written} shards in {directory}");
    }
}
