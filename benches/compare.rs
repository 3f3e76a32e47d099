//! Benchmark of `compare` over 1,000,000 synthetic claims (`COMPARE_CLAIMS=10000000` for ten
//! million: the articles scale, the claims per article stay 50).
//!
//! The corpus is generated with a fixed PRNG, so every run measures the same input: 20,000
//! articles of 50 claims about 200 subjects × 50 objects, undated or dated 2022–2024, one region
//! in ten limited to Europe; quantities (mostly close to a per-key truth, 2% outliers, a few
//! in %), ranks of each object's top ten producers, orders between subjects (1% reversed),
//! stances, categories and statements; 10% hedged, 5% attributed, 3% negated; sentences of
//! random words, 1% of them a shared wire sentence. Run with `cargo bench --bench compare`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::claim::{
    Attribution, Bound, Claim, Cue, Entity, Evidence, Modality, Order, Polarity, Quantity, Rank, Relation, Scope, Span,
    Value,
};
use crosscheck::compare::compare;
use crosscheck::finding::{FindingKind, Policy};
use crosscheck::id::stable_id;

/// Number of articles: `COMPARE_CLAIMS` / 50, 20,000 by default.
fn articles() -> usize {
    std::env::var("COMPARE_CLAIMS")
        .ok()
        .and_then(|claims| claims.parse::<usize>().ok())
        .map_or(20_000, |claims| (claims / CLAIMS_PER_ARTICLE).max(1))
}
const CLAIMS_PER_ARTICLE: usize = 50;
const SUBJECTS: u64 = 200;
const OBJECTS: u64 = 50;

/// xorshift64*: small, fast and fixed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1_u64 << 53) as f64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn entity(lexicon: &str, id: String) -> Entity {
    Entity {
        text: id.clone(),
        id: id.into(),
        lexicon: lexicon.into(),
        span: Span::default(),
    }
}

/// The true figure for a subject and object (distinct per pair).
fn truth(subject: u64, object: u64) -> f64 {
    1e5 * (1 + (subject * 7919 + object * 104_729) % 1000) as f64
}

fn quantity(rng: &mut Rng, truth: f64, unit: &str) -> Value {
    let mut value = truth * (1.0 + 0.04 * (rng.unit() - 0.5));
    if rng.chance(2) {
        value *= if rng.chance(50) { 0.3 } else { 3.0 };
    }
    let (bound, low, high) = match rng.below(100) {
        0..70 => (Bound::Exact, Some(value), Some(value)),
        70..85 => (Bound::Approximate, Some(value), Some(value)),
        85..95 => (Bound::MoreThan, Some(value * 0.8), None),
        _ => (Bound::Range, Some(value * 0.95), Some(value * 1.05)),
    };
    Value::Quantity(Quantity {
        value,
        low,
        high,
        unit: unit.to_owned(),
        bound,
        text: format!("{:.1} million tonnes", value / 1e6),
        span: Span::default(),
        noun: None,
        reading: crosscheck::value::quantity::Reading::default(),
    })
}

fn sentence(rng: &mut Rng, vocabulary: &[String]) -> String {
    let words = 10 + rng.below(16);
    let mut sentence = String::new();
    for position in 0..words {
        if position > 0 {
            sentence.push(' ');
        }
        sentence.push_str(&vocabulary[rng.below(vocabulary.len() as u64) as usize]);
    }
    sentence.push('.');
    sentence
}

/// The synthetic corpus, sorted by article path and span as the pipeline sorts it.
fn corpus() -> Vec<Claim> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let syllables = ["ra", "re", "ni", "to", "ka", "mi", "lo", "su", "de", "an", "ex", "port"];
    let vocabulary: Vec<String> = (0..300)
        .map(|_| (0..=rng.below(3)).map(|_| syllables[rng.below(12) as usize]).collect())
        .collect();
    // Each object's top ten producers, by the true production figure.
    let top: Vec<Vec<u64>> = (0..OBJECTS)
        .map(|object| {
            let mut subjects: Vec<u64> = (0..SUBJECTS).collect();
            subjects.sort_by(|&left, &right| truth(right, object + 1).total_cmp(&truth(left, object + 1)));
            subjects.truncate(10);
            subjects
        })
        .collect();
    let stances = ["self-sufficient", "dependent", "diversified"];
    let labels = ["monopoly", "oligopoly", "open market"];

    let articles = articles();
    let mut claims = Vec::with_capacity(articles * CLAIMS_PER_ARTICLE);
    for article in 0..articles {
        let path = format!("corpus/{article:05}.md");
        for position in 0..CLAIMS_PER_ARTICLE {
            let mut subject = rng.below(SUBJECTS);
            let object = rng.below(OBJECTS);
            let (kind, value) = match rng.below(100) {
                0..40 => ("reserves", quantity(&mut rng, truth(subject, object), "t")),
                40..60 => {
                    let unit = if rng.chance(5) { "%" } else { "t" };
                    ("production", quantity(&mut rng, truth(subject, object + 1), unit))
                }
                60..70 => {
                    let place = rng.below(10);
                    subject = top[object as usize][place as usize];
                    let mut rank = place as u32 + 1;
                    if rng.chance(5) {
                        rank += 1;
                    }
                    let text = format!("the number {rank} producer");
                    (
                        "producer",
                        Value::Rank(Rank {
                            best: rank,
                            worst: rank,
                            text,
                            span: Span::default(),
                            ..Rank::default()
                        }),
                    )
                }
                70..80 => {
                    let other = (subject + 1 + rng.below(SUBJECTS - 1)) % SUBJECTS;
                    let mut relation = if truth(subject, object) > truth(other, object) {
                        Relation::Greater
                    } else {
                        Relation::Less
                    };
                    if rng.chance(1) {
                        relation = if relation == Relation::Greater {
                            Relation::Less
                        } else {
                            Relation::Greater
                        };
                    }
                    let than = entity("country", format!("country-{other}"));
                    let text = "exceeding".to_owned();
                    (
                        "reserves",
                        Value::Order(Order {
                            relation,
                            than,
                            text,
                            span: Span::default(),
                        }),
                    )
                }
                80..88 => {
                    let stance = stances[((subject + object) % 3) as usize];
                    let stance = if rng.chance(3) {
                        stances[rng.below(3) as usize]
                    } else {
                        stance
                    };
                    (
                        "supply",
                        Value::Stance {
                            stance: stance.to_owned(),
                        },
                    )
                }
                88..94 => {
                    let label = labels[(object % 3) as usize];
                    let label = if rng.chance(3) {
                        labels[rng.below(3) as usize]
                    } else {
                        label
                    };
                    (
                        "market",
                        Value::Category {
                            label: label.to_owned(),
                        },
                    )
                }
                _ => ("exports", Value::Statement),
            };
            let mut modality = Modality::default();
            if rng.chance(3) {
                modality.polarity = Polarity::Negated;
                modality.negation = Some(Box::new(Cue {
                    text: "not".to_owned(),
                    span: Span::default(),
                }));
            }
            if rng.chance(10) {
                modality.hedge = Some(Box::new(Cue {
                    text: "could".to_owned(),
                    span: Span::default(),
                }));
            }
            if rng.chance(5) {
                let cue = Cue {
                    text: "said".to_owned(),
                    span: Span::default(),
                };
                modality.attribution = Some(Box::new(Attribution {
                    speaker: "a minister".to_owned(),
                    cue,
                }));
            }
            let year = match rng.below(8) {
                0..4 => None,
                draw => Some(2020 + draw as i32),
            };
            let region = rng.chance(10).then(|| "europe".to_owned());
            let sentence = if rng.chance(1) {
                format!(
                    "Wire: {kind} of material {object} in country {subject} stand at record levels, officials said."
                )
            } else {
                sentence(&mut rng, &vocabulary)
            };
            let start = position * 200;
            let quote = match &value {
                Value::Quantity(quantity) => quantity.text.clone(),
                Value::Rank(rank) => rank.text.clone(),
                _ => kind.to_owned(),
            };
            let id = stable_id(&[path.as_str(), kind, &start.to_string(), &quote]);
            claims.push(Claim {
                id,
                rule: format!("{kind}-rule").into(),
                kind: kind.into(),
                subject: Some(entity("country", format!("country-{subject}"))),
                object: Some(entity("material", format!("material-{object}"))),
                scope: Scope { year, region },
                value,
                modality,
                evidence: Evidence {
                    path: path.as_str().into(),
                    span: Span::new(start, start + quote.len()),
                    line: position as u32 + 1,
                    column: 1,
                    quote,
                    sentence_span: Span::new(start, start + sentence.len()),
                    sentence: sentence.into(),
                    whole_sentence: None,
                },
                alternate: None,
                cell: None,
                time: None,
                antecedent: None,
                alias_link: None,
                stand_in: None,
                source: None,
                edition: None,
            });
        }
    }
    claims
}

fn policy() -> Policy {
    let mut policy = Policy {
        opposed: vec![(
            "supply".to_owned(),
            "self-sufficient".to_owned(),
            "dependent".to_owned(),
        )],
        shared_wording: Some(0.9),
        ..Policy::default()
    };
    policy
        .measured_by
        .insert("producer".to_owned(), "production".to_owned());
    policy
}

fn bench(criterion: &mut Criterion) {
    let claims = corpus();
    let policy = policy();

    let start = Instant::now();
    let findings = compare(&claims, &policy);
    let elapsed = start.elapsed();
    let count = |wanted: fn(&FindingKind) -> bool| findings.iter().filter(|f| wanted(&f.kind)).count();
    println!(
        "compare: {} claims → {} findings ({} conflicts, {} changes, {} overlaps, {} shared wording) in {:.3} s",
        claims.len(),
        findings.len(),
        count(|kind| matches!(kind, FindingKind::Conflict(_))),
        count(|kind| *kind == FindingKind::Change),
        count(|kind| *kind == FindingKind::Overlap),
        count(|kind| *kind == FindingKind::SharedWording),
        elapsed.as_secs_f64()
    );

    if std::env::var_os("COMPARE_ONCE").is_some() {
        return;
    }
    let mut group = criterion.benchmark_group("compare");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("1M claims", |bencher| {
        bencher.iter(|| compare(black_box(&claims), black_box(&policy)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
