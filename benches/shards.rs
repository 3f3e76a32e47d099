//! Writing claims as Parquet shards against writing them as JSON Lines (docs/scale-out.md).
//!
//! `cargo bench --bench shards -- CLAIMS.jsonl [--repeats 5] [--measure N] [--shards DIR] [--shard-claims N]`
//!
//! Reads the first `--measure` claims (default 3,000,000) of a JSON Lines file
//! (`bench/synthetic_claims.py` makes large ones), then writes them both ways and reads them
//! back, interleaved, `--repeats` times (the JSON Lines in memory, the shard through a temporary
//! file), and prints the median times and throughputs and the bytes written. With
//! `--shards DIR` it also writes all the file's claims as Parquet shards of `--shard-claims`
//! claims each (default 100,000), for `compare`'s benchmark, reading the file a shard at a
//! time so that ten million claims need no more memory than one shard.

use std::io::BufRead;
use std::time::{Duration, Instant};

use crosscheck::claim::Claim;
use crosscheck::output::Directory;
use crosscheck::report::{ClaimFormat, RenderOptions, render_claims};
use crosscheck::shard::parquet;

fn argument(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|arg| arg == name)
        .and_then(|position| args.get(position + 1).cloned())
}

fn number(args: &[String], name: &str, default: usize) -> usize {
    argument(args, name).map_or(default, |text| text.parse().expect("a number"))
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// The claims of `path`, `per_chunk` lines at a time.
fn chunks(path: &str, per_chunk: usize) -> impl Iterator<Item = Vec<Claim>> {
    let mut lines = std::io::BufReader::new(std::fs::File::open(path).expect("the claims file")).lines();
    std::iter::from_fn(move || {
        let mut text = String::new();
        for line in lines.by_ref().take(per_chunk) {
            text.push_str(&line.expect("a line of the claims file"));
            text.push('\n');
        }
        (!text.is_empty()).then(|| crosscheck::report::read_claims(text.as_bytes()).expect("claims").claims)
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|arg| {
        std::path::Path::new(arg)
            .extension()
            .is_some_and(|extension| extension == "jsonl")
    }) else {
        eprintln!("usage: cargo bench --bench shards -- CLAIMS.jsonl [--repeats N] [--measure N] [--shards DIR]");
        return;
    };
    let repeats = number(&args, "--repeats", 5);
    let measure = number(&args, "--measure", 3_000_000);
    let per_shard = number(&args, "--shard-claims", 100_000);
    let started = Instant::now();
    let mut claims = Vec::new();
    for chunk in chunks(path, per_shard) {
        claims.extend(chunk);
        if claims.len() >= measure {
            claims.truncate(measure);
            break;
        }
    }
    eprintln!("read {} claims in {:.1?}", claims.len(), started.elapsed());
    let (mut jsonl, mut shards, mut jsonl_read, mut shard_read) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut jsonl_bytes, mut parquet_bytes) = (0, 0);
    for _ in 0..repeats {
        let mut out = Vec::new();
        let started = Instant::now();
        render_claims(&[], &claims, ClaimFormat::Jsonl, &mut out, &RenderOptions::default()).expect("JSON Lines");
        jsonl.push(started.elapsed());
        jsonl_bytes = out.len();
        let started = Instant::now();
        let read = crosscheck::report::read_claims(&out).expect("claims").claims;
        jsonl_read.push(started.elapsed());
        assert_eq!(read.len(), claims.len());
        drop((out, read));
        let mut file = tempfile::tempfile().expect("a temporary file");
        let started = Instant::now();
        parquet::write(std::io::BufWriter::new(&mut file), &claims).expect("a shard");
        shards.push(started.elapsed());
        parquet_bytes = file.metadata().expect("the shard's size").len() as usize;
        let started = Instant::now();
        let read = parquet::read(file).expect("the shard read back");
        shard_read.push(started.elapsed());
        assert_eq!(read.len(), claims.len());
    }
    let count = claims.len() as f64;
    println!("{} claims, median of {repeats} interleaved repeats:", claims.len());
    for (name, written, read, size) in [
        ("jsonl", median(jsonl), median(jsonl_read), jsonl_bytes),
        ("parquet", median(shards), median(shard_read), parquet_bytes),
    ] {
        println!(
            "{name:8} write {:>7.2} s {:>9.0} claims/s  read {:>7.2} s {:>9.0} claims/s  {:>8.1} MB",
            written.as_secs_f64(),
            count / written.as_secs_f64(),
            read.as_secs_f64(),
            count / read.as_secs_f64(),
            size as f64 / 1e6,
        );
    }
    drop(claims);
    if let Some(directory) = argument(&args, "--shards") {
        let shards =
            Directory::create(std::path::Path::new(&directory), parquet::is_shard_name).expect("the shard directory");
        let (mut written, mut total) = (0, 0);
        for (number, chunk) in chunks(path, per_shard).enumerate() {
            let file = shards.create_file(&parquet::shard_name(number)).expect("a shard file");
            parquet::write(std::io::BufWriter::new(file), &chunk).expect("a shard");
            written += 1;
            total += chunk.len();
        }
        shards.commit().expect("the shards in place");
        eprintln!("{total} claims in {written} shards in {directory}");
    }
}
