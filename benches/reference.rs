//! Benchmark of reference tables: load a table of 100,000 rows (CSV text → validated, indexed
//! rows) and check 1,000,000 claims against it (`REFERENCE_ROWS`, `REFERENCE_CLAIMS` to
//! change the sizes). Run by `bench/reference.sh`; prints the median of five runs of each step.
//!
//! The rules are generated too: one lexicon of 10,000 entities and one quantity rule, so the
//! table's ids validate. Rows: 10,000 entities × 10 years of reserves in tonnes. Claims: a
//! fixed PRNG picks an entity, a stated year (one in ten outside the table) and a figure (two
//! in three within 5% of the row); one claim in ten is a rank, one in ten an order.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use crosscheck::claim::{
    Bound, Claim, Entity, Evidence, Modality, Order, Quantity, Rank, Relation, Scope, Span, Time, TimeBasis, Value,
};
use crosscheck::finding::{FindingKind, Verdict};

const ENTITIES: usize = 10_000;
const YEARS: i32 = 10;

fn size(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

fn rules() -> String {
    let mut text = String::from("[lexicon.land.entries]\n");
    for entity in 0..ENTITIES {
        let _ = writeln!(text, "e{entity} = [\"Land{entity}\"]");
    }
    text.push_str("[lexicon.mineral.entries]\nore = [\"ore\"]\n");
    text.push_str(
        "[[rule]]\nid = \"size\"\nkind = \"reserves\"\ncompare = \"quantity\"\npatterns = [\"{subject:land} holds {value:quantity(mass)} of {object:mineral}\"]\n",
    );
    text
}

fn table(rows: usize) -> String {
    let mut text = String::from("entity,kind,object,value,unit,year,source,edition,url,note\n");
    for row in 0..rows {
        let (entity, year) = (row % ENTITIES, 2000 + i32::try_from(row / ENTITIES).unwrap_or(i32::MAX));
        let value = 1_000 + (entity * 7_919) % 1_000_000;
        let _ = writeln!(text, "e{entity},reserves,ore,{value},t,{year},Survey,Edition {year},,");
    }
    text
}

fn claims(count: usize) -> Vec<Claim> {
    let mut rng = Rng(0x5eed);
    let entity = |id: usize| Entity {
        id: format!("e{id}").into(),
        lexicon: "land".into(),
        text: format!("Land{id}"),
        span: Span::new(0, 1),
    };
    (0..count)
        .map(|index| {
            let subject = rng.next() as usize % ENTITIES;
            let year = 2000 + (rng.next() % (YEARS as u64 + 1)) as i32;
            let truth = 1_000 + (subject * 7_919) % 1_000_000;
            let value = match rng.next() % 3 {
                0 => truth as f64 * 2.0,
                _ => truth as f64 * 1.02,
            };
            let value = match rng.next() % 10 {
                0 => Value::Rank(Rank {
                    best: 1,
                    worst: 1,
                    text: "the largest".into(),
                    span: Span::new(0, 1),
                    ..Rank::default()
                }),
                1 => Value::Order(Order {
                    relation: Relation::Greater,
                    than: entity(rng.next() as usize % ENTITIES),
                    text: "exceeds".into(),
                    span: Span::new(0, 1),
                }),
                _ => Value::Quantity(Quantity {
                    value,
                    low: None,
                    high: None,
                    unit: "t".into(),
                    bound: Bound::Exact,
                    text: format!("{value} tonnes"),
                    span: Span::new(0, 1),
                    noun: None,
                    reading: crosscheck::value::quantity::Reading::default(),
                }),
            };
            Claim {
                id: format!("c{index}"),
                rule: "size".into(),
                kind: "reserves".into(),
                subject: Some(entity(subject)),
                object: Some(Entity {
                    id: "ore".into(),
                    lexicon: "mineral".into(),
                    text: "ore".into(),
                    span: Span::new(0, 1),
                }),
                scope: Scope {
                    year: Some(year),
                    region: None,
                },
                value,
                modality: Modality::default(),
                evidence: Evidence {
                    path: format!("a{}.txt", index / 50).into(),
                    span: Span::new(0, 1),
                    line: 1,
                    column: 1,
                    quote: "x".into(),
                    sentence: "x".into(),
                    sentence_span: Span::new(0, 1),
                    whole_sentence: None,
                },
                alternate: None,
                cell: None,
                time: Some(Box::new(Time {
                    year,
                    date: None,
                    basis: TimeBasis::Stated,
                    text: None,
                    span: None,
                })),
                antecedent: None,
                alias_link: None,
                stand_in: None,
                source: None,
                edition: None,
            }
        })
        .collect()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let rows = size("REFERENCE_ROWS", 100_000);
    let count = size("REFERENCE_CLAIMS", 1_000_000);
    let set = crosscheck::rules::load_sources(&[("bench.toml".into(), rules())]).expect("the generated rules compile");
    let policy = set.policy();
    let sources = vec![("bench.csv".to_owned(), table(rows))];
    let claims = claims(count);
    let (mut loads, mut checks) = (Vec::new(), Vec::new());
    let mut findings = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let reference = crosscheck::reference::load_sources(&sources, &set).expect("the generated table is valid");
        loads.push(started.elapsed());
        let started = Instant::now();
        findings = black_box(crosscheck::reference::check(&claims, &reference, &policy));
        checks.push(started.elapsed());
    }
    let verdict = |wanted: Verdict| {
        findings
            .iter()
            .filter(|finding| finding.kind == FindingKind::Reference(wanted))
            .count()
    };
    println!(
        "reference: {rows} rows loaded in {:.0} ms; {count} claims checked in {:.0} ms ({} agree, {} disagree, {} other time); medians of 5",
        median(loads).as_secs_f64() * 1000.0,
        median(checks).as_secs_f64() * 1000.0,
        verdict(Verdict::Agrees),
        verdict(Verdict::Disagrees),
        verdict(Verdict::OtherTime),
    );
}
