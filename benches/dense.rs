//! Claim-dense text: the matcher and the JSON Lines renderer on one thread, and what a claim
//! costs in memory.
//!
//! The text is generated here, deterministically, in the shapes of `bench/dense_corpus.py`
//! (a country holding a figure of reserves, a share of processing, a rank among producers, an
//! order between two countries; attributed or hedged now and then), so that most sentences hold
//! a claim — the case `bench/bench.py` calls `dense`. Groups:
//! - `dense/extract`: `Matcher::extract` over 1 MB of articles (bytes/s of text);
//! - `dense/render_jsonl`: writing their claims as `extract --format jsonl` does;
//! - memory, printed before the timings: resident bytes per claim held, measured by reading
//!   `/proc/self/statm` around the extraction of 20 MB of articles one at a time (each text
//!   dropped after its claims are built, as `commands` does), less the bytes of the quotes.
//!
//! Run with `cargo bench --bench dense`; `docs/performance.md` quotes its figures.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::claim::Claim;
use crosscheck::commands::load_rules_dir;
use crosscheck::matcher::Matcher;
use crosscheck::report::{ClaimFormat, RenderOptions, render_claims};
use crosscheck::rules::RuleSet;
use crosscheck::text::Article;

const COUNTRIES: [&str; 12] = [
    "Russia",
    "China",
    "Ukraine",
    "Australia",
    "Brazil",
    "India",
    "Vietnam",
    "Canada",
    "Chile",
    "Indonesia",
    "Kazakhstan",
    "Greenland",
];
const MINERALS: [&str; 5] = ["rare earth", "lithium", "cobalt", "graphite", "nickel"];
const FILLER: &str = "Officials gave no timetable for the first shipments.";

fn rules() -> RuleSet {
    match load_rules_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")) {
        Ok(rules) => rules,
        Err(problems) => panic!("the bundled rules do not load: {} problems", problems.len()),
    }
}

/// A small deterministic generator (64-bit LCG), so every run reads the same text.
struct Draw(u64);

impl Draw {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

/// One sentence, a claim four times in five.
fn sentence(draw: &mut Draw) -> String {
    let country = COUNTRIES[draw.next(COUNTRIES.len())];
    let other = COUNTRIES[draw.next(COUNTRIES.len())];
    let mineral = MINERALS[draw.next(MINERALS.len())];
    let figure = draw.next(440) as f64 / 10.0 + 0.5;
    let percent = draw.next(90) + 5;
    let claim = match draw.next(7) {
        0 => format!("{country} holds {figure} million tonnes of {mineral} reserves"),
        1 => format!("{country}'s {mineral} reserves are estimated at {figure} million tonnes"),
        2 => format!("{country} accounts for roughly {percent}% of global {mineral} processing"),
        3 => format!("{country} holds about {percent}% of the world's {mineral} reserves"),
        4 => format!("{country} is the second-largest {mineral} producer"),
        5 => format!("{country}'s reserves of {mineral} exceed those of {other}"),
        _ => return FILLER.to_owned(),
    };
    match draw.next(4) {
        0 => format!("According to the ministry, {claim}."),
        1 => format!("{claim}, analysts said."),
        _ => format!("{claim}."),
    }
}

/// Articles of about 50 KB each, `bytes` in all, paragraphs of one to four sentences.
fn articles(bytes: usize, seed: u64) -> Vec<Article> {
    let mut draw = Draw(seed);
    let mut articles = Vec::new();
    let mut total = 0;
    while total < bytes {
        let mut text = String::new();
        while text.len() < 50_000 {
            let count = draw.next(4) + 1;
            let paragraph: Vec<String> = (0..count).map(|_| sentence(&mut draw)).collect();
            text.push_str(&paragraph.join(" "));
            text.push_str("\n\n");
        }
        total += text.len();
        articles.push(Article::plain(
            format!("dense/article-{seed}-{}.md", articles.len()),
            text,
        ));
    }
    articles
}

/// Resident bytes of this process, from `/proc/self/statm` (Linux); `None` elsewhere.
fn resident_bytes() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// Prints resident bytes per claim held, over 20 MB of articles matched one at a time.
fn memory(matcher: &Matcher) {
    let Some(before) = resident_bytes() else {
        eprintln!("claim memory: /proc/self/statm not readable; skipped");
        return;
    };
    let mut held: Vec<Claim> = Vec::new();
    for seed in 0..20 {
        for article in articles(1_000_000, 1000 + seed) {
            held.extend(matcher.extract(&article));
        }
    }
    let after = resident_bytes().unwrap_or(before);
    let quotes: usize = held.iter().map(|claim| claim.evidence.quote.len()).sum();
    let claims = held.len().max(1);
    let per_claim = after.saturating_sub(before) as f64 / claims as f64;
    eprintln!(
        "claim memory: {} claims of 20 MB held in {:.1} MB resident: {per_claim:.0} bytes per claim, \
         {:.0} of them its quote (size_of::<Claim>() = {})",
        held.len(),
        after.saturating_sub(before) as f64 / 1e6,
        quotes as f64 / claims as f64,
        std::mem::size_of::<Claim>()
    );
    black_box(held);
}

fn benches(criterion: &mut Criterion) {
    let rules = rules();
    let matcher = Matcher::new(&rules);
    memory(&matcher);
    let articles = articles(1_000_000, 18);
    let bytes: usize = articles.iter().map(|article| article.text.len()).sum();
    let claims: Vec<Claim> = articles.iter().flat_map(|article| matcher.extract(article)).collect();
    eprintln!(
        "dense: {} articles, {bytes} bytes, {} claims",
        articles.len(),
        claims.len()
    );
    let mut group = criterion.benchmark_group("dense");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract", |bench| {
        bench.iter(|| {
            articles
                .iter()
                .map(|article| matcher.extract(black_box(article)).len())
                .sum::<usize>()
        });
    });
    group.bench_function("render_jsonl", |bench| {
        let mut out = Vec::with_capacity(64 << 20);
        bench.iter(|| {
            out.clear();
            render_claims(
                &[],
                black_box(&claims),
                ClaimFormat::Jsonl,
                &mut out,
                &RenderOptions::default(),
            )
            .expect("writing to memory");
            out.len()
        });
    });
    group.finish();
}

criterion_group!(dense, benches);
criterion_main!(dense);
