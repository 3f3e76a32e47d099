//! Throughput of the quantity reader on its own: `quantity_at` at every token of a fixed text,
//! tokens made beforehand, as the matcher calls it for a `{value:quantity}` slot. Two texts:
//! the inputs of the fixture suite (`tests/fixtures/quantities/cases.tsv`, dense in figures)
//! and the bundled `examples/` articles (news copy). Throughput is in quantities read per
//! second (criterion's elements); run with `cargo bench --bench quantity`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::extract::quantity_at;
use crosscheck::text::token::{Token, tokenize};

/// The sentences of `text`, cut at line ends and full stops followed by a space, each with
/// its tokens.
fn sentences(text: &str) -> Vec<(String, Vec<Token>)> {
    text.lines()
        .flat_map(|line| line.split(". "))
        .filter(|sentence| !sentence.trim().is_empty())
        .map(|sentence| (sentence.to_owned(), tokenize(sentence)))
        .collect()
}

/// Every quantity of every sentence, read at every token.
fn read_all(sentences: &[(String, Vec<Token>)]) -> usize {
    let mut found = 0;
    for (text, tokens) in sentences {
        for start in 0..tokens.len() {
            if let Some((_, quantity)) = quantity_at(text, tokens, start) {
                found += 1;
                black_box(quantity);
            }
        }
    }
    found
}

fn texts() -> Vec<(&'static str, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let cases = std::fs::read_to_string(root.join("tests/fixtures/quantities/cases.tsv")).unwrap_or_default();
    let fixtures = cases
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split('\t').next())
        .collect::<Vec<_>>()
        .join("\n");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("examples"))
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    let examples: String = paths
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect::<Vec<_>>()
        .join("\n");
    vec![("fixtures", fixtures), ("examples", examples)]
}

fn bench(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("quantity");
    group.measurement_time(Duration::from_secs(5)).sample_size(30);
    for (name, text) in texts() {
        let sentences = sentences(&text);
        let found = read_all(&sentences);
        eprintln!("quantity/{name}: {} bytes, {found} quantities", text.len());
        group.throughput(Throughput::Elements(found as u64));
        group.bench_function(name, |bencher| bencher.iter(|| read_all(black_box(&sentences))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
