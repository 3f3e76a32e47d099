//! Stage-level benchmark of extraction with the bundled rules on realistic text.
//!
//! Two corpora: the BBC news corpus at `../shared/corpus/bbc` (real text, few claims; skipped
//! with a message when absent) and the bundled `examples/` articles (dense in claims), each
//! loaded once, then read as a few MB of articles. Stages, each over the whole corpus:
//! `segment` (sentences of every article), `tokenize` (every sentence), `lexicon` (one
//! [`LexiconIndex::find`](crosscheck::rules::lexicon::LexiconIndex::find) per sentence, on
//! tokens made beforehand) and `extract_all` (the whole matcher: prefilter, tokens, aliases,
//! templates, claims). Throughput is in bytes of article text. Run with
//! `cargo bench --bench extract`; `bench/compare.sh` measures the binary against other tools.

use std::hint::black_box;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::commands::load_rules_dir;
use crosscheck::matcher::Matcher;
use crosscheck::rules::RuleSet;
use crosscheck::text::token::{Token, tokenize_into};
use crosscheck::text::{Article, LoadOptions, load_file, sentences, walk};

/// How much text each corpus is cut to, so a run stays short.
const CORPUS_BYTES: usize = 4_000_000;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rules() -> RuleSet {
    match load_rules_dir(&root().join("rules")) {
        Ok(rules) => rules,
        Err(problems) => panic!("the bundled rules do not load: {} problems", problems.len()),
    }
}

/// The articles under `dir`, in path order, repeated until they hold [`CORPUS_BYTES`] (or cut
/// there).
fn corpus(dir: &Path, rules: &RuleSet) -> Vec<Article> {
    let options = LoadOptions {
        furniture: rules.furniture.clone(),
        ..LoadOptions::default()
    };
    let files = walk(&[dir.to_path_buf()]).files;
    let loaded: Vec<Article> = files
        .iter()
        .filter_map(|path| load_file(path, &path.display().to_string(), &options).ok())
        .flat_map(|loaded| loaded.articles)
        .collect();
    let mut articles = Vec::new();
    let mut bytes = 0;
    'fill: while !loaded.is_empty() {
        for article in &loaded {
            if bytes >= CORPUS_BYTES {
                break 'fill;
            }
            bytes += article.text.len();
            articles.push(article.clone());
        }
    }
    articles
}

fn stages(criterion: &mut Criterion, name: &str, rules: &RuleSet, articles: &[Article]) {
    let bytes: usize = articles.iter().map(|article| article.text.len()).sum();
    let split: Vec<Vec<Range<usize>>> = articles.iter().map(sentences).collect();
    let tokens: Vec<Vec<Vec<Token>>> = articles
        .iter()
        .zip(&split)
        .map(|(article, ranges)| {
            ranges
                .iter()
                .map(|range| {
                    let mut tokens = Vec::new();
                    tokenize_into(&article.text, range.clone(), &mut tokens);
                    tokens
                })
                .collect()
        })
        .collect();
    let mut group = criterion.benchmark_group(name);
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment", |bench| {
        bench.iter(|| {
            articles
                .iter()
                .map(|article| sentences(black_box(article)).len())
                .sum::<usize>()
        });
    });
    group.bench_function("tokenize", |bench| {
        let mut buffer = Vec::new();
        bench.iter(|| {
            let mut count = 0;
            for (article, ranges) in articles.iter().zip(&split) {
                for range in ranges {
                    buffer.clear();
                    tokenize_into(black_box(&article.text), range.clone(), &mut buffer);
                    count += buffer.len();
                }
            }
            count
        });
    });
    group.bench_function("lexicon", |bench| {
        let mut scratch = String::new();
        let mut found = Vec::new();
        bench.iter(|| {
            let mut count = 0;
            for (article, sentence_tokens) in articles.iter().zip(&tokens) {
                for tokens in sentence_tokens {
                    rules
                        .index
                        .find(&article.text, black_box(tokens), &mut scratch, &mut found);
                    count += found.len();
                }
            }
            count
        });
    });
    group.bench_function("extract_all", |bench| {
        let matcher = Matcher::new(rules);
        bench.iter(|| matcher.extract_all(black_box(articles)).len());
    });
    group.finish();
}

fn benches(criterion: &mut Criterion) {
    let rules = rules();
    let bbc = root().join("../shared/corpus/bbc");
    if bbc.is_dir() {
        let articles = corpus(&bbc, &rules);
        stages(criterion, "bbc", &rules, &articles);
    } else {
        eprintln!("note: {} not found; BBC benchmarks skipped", bbc.display());
    }
    let articles = corpus(&root().join("examples"), &rules);
    stages(criterion, "examples", &rules, &articles);
}

criterion_group!(extract, benches);
criterion_main!(extract);
