//! Test fixture for the renderers: three small articles, the claims a rule pack would find in
//! them (spans computed with `str::find`, so `text[span]` is the quote) and the findings a
//! comparator would draw: a rank conflict (error), a quantity conflict with one attributed side
//! (warning), two overlaps, a change over time and shared wording. One article is non-ASCII, one
//! quoted sentence is long and spans two lines.
//!
//! Also home of the one snapshot helper, so every renderer snapshot lands in the top-level
//! `snapshots/` directory as `report__<name>.snap`.

use std::sync::LazyLock;

use crate::claim::{
    Attribution, Bound, Claim, Cue, Entity, Evidence, Modality, Order, Quantity, Rank, Relation, Scope, Span, Value,
};
use crate::finding::{ConflictKind, Finding, FindingKind, Severity};
use crate::id::stable_id;
use crate::text::Meta;

use super::{ArticleInfo, Report, Summary};

/// Asserts `output` against `snapshots/report__<name>.snap`.
#[track_caller]
pub(super) fn assert_snapshot(name: &str, output: &str) {
    insta::with_settings!({
        snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(format!("report__{name}"), output);
    });
}

/// Everything the fixture report borrows.
pub(super) struct Fixture {
    pub(super) sources: Vec<Source>,
    pub(super) articles: Vec<ArticleInfo>,
    pub(super) claims: Vec<Claim>,
    pub(super) findings: Vec<Finding>,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(build);

/// The fixture report, with no elapsed time.
pub(super) fn report() -> Report<'static> {
    let fixture = &*FIXTURE;
    Report {
        articles: &fixture.articles,
        claims: &fixture.claims,
        findings: &fixture.findings,
        summary: Summary {
            articles: fixture.articles.len(),
            claims: fixture.claims.len(),
            elapsed: None,
        },
    }
}

/// The text of fixture article `path`.
pub(super) fn text_of(path: &str) -> &'static str {
    &FIXTURE
        .sources
        .iter()
        .find(|source| source.path == path)
        .expect("a fixture article")
        .text
}

/// One-based line and character column of byte `offset` of `text` (`\n` line endings only).
pub(super) fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .expect("rsplit yields at least one part")
        .chars()
        .count()
        + 1;
    (line as u32, column as u32)
}

/// An article's path and full text.
pub(super) struct Source {
    pub(super) path: String,
    pub(super) text: String,
}

impl Source {
    pub(super) fn new(path: &str, text: &str) -> Self {
        Source {
            path: path.to_owned(),
            text: text.to_owned(),
        }
    }

    /// Where `sentence` is in the text.
    fn sentence(&self, sentence: &str) -> Span {
        let start = self
            .text
            .find(sentence)
            .unwrap_or_else(|| panic!("{sentence:?} not in {}", self.path));
        Span::new(start, start + sentence.len())
    }

    /// Where `needle` is inside `sentence`.
    pub(super) fn within(&self, sentence: &str, needle: &str) -> Span {
        let base = self.sentence(sentence).start;
        let start = base
            + sentence
                .find(needle)
                .unwrap_or_else(|| panic!("{needle:?} not in {sentence:?}"));
        Span::new(start, start + needle.len())
    }

    fn entity(&self, sentence: &str, id: &str, lexicon: &str, surface: &str) -> Entity {
        Entity {
            id: id.into(),
            lexicon: lexicon.into(),
            text: surface.to_owned(),
            span: self.within(sentence, surface),
        }
    }

    fn cue(&self, sentence: &str, text: &str) -> Cue {
        Cue {
            text: text.to_owned(),
            span: self.within(sentence, text),
        }
    }
}

/// What a claim is, before its spans are computed.
pub(super) struct Spec<'a> {
    pub(super) rule: &'a str,
    pub(super) kind: &'a str,
    pub(super) sentence: &'a str,
    pub(super) quote: &'a str,
    pub(super) subject: (&'a str, &'a str),
    pub(super) object: (&'a str, &'a str),
    pub(super) year: Option<i32>,
    pub(super) value: Value,
    pub(super) modality: Modality,
}

pub(super) fn claim(source: &Source, spec: Spec) -> Claim {
    let span = source.within(spec.sentence, spec.quote);
    let (line, column) = line_column(&source.text, span.start);
    Claim {
        id: stable_id(&[source.path.as_str(), spec.rule, spec.quote]),
        rule: spec.rule.into(),
        kind: spec.kind.into(),
        subject: Some(source.entity(spec.sentence, spec.subject.0, "country", spec.subject.1)),
        object: Some(source.entity(spec.sentence, spec.object.0, "mineral", spec.object.1)),
        scope: Scope {
            year: spec.year,
            region: None,
        },
        value: spec.value,
        modality: spec.modality,
        evidence: Evidence {
            path: source.path.as_str().into(),
            span,
            line,
            column,
            quote: spec.quote.to_owned(),
            sentence: spec.sentence.into(),
            sentence_span: source.sentence(spec.sentence),
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
    }
}

pub(super) fn quantity(source: &Source, sentence: &str, words: &str, value: f64, bound: Bound) -> Value {
    let (low, high) = match bound {
        Bound::Approximate => (Some(value - value / 10.0), Some(value + value / 10.0)),
        _ => (Some(value), Some(value)),
    };
    Value::Quantity(Quantity {
        value,
        low,
        high,
        unit: "t".to_owned(),
        bound,
        text: words.to_owned(),
        span: source.within(sentence, words),
        noun: None,
        reading: crate::value::quantity::Reading::default(),
    })
}

fn rank(source: &Source, sentence: &str, words: &str, best: u32, worst: u32) -> Value {
    Value::Rank(Rank {
        best,
        worst,
        text: words.to_owned(),
        span: source.within(sentence, words),
        ..Rank::default()
    })
}

fn attributed(source: &Source, sentence: &str, speaker: &str, cue: &str) -> Modality {
    Modality {
        attribution: Some(Box::new(Attribution {
            speaker: speaker.to_owned(),
            cue: source.cue(sentence, cue),
        })),
        ..Modality::default()
    }
}

fn hedged(source: &Source, sentence: &str, cue: &str) -> Modality {
    Modality {
        hedge: Some(Box::new(source.cue(sentence, cue))),
        ..Modality::default()
    }
}

pub(super) fn finding(
    kind: FindingKind,
    severity: Severity,
    key: &str,
    reason: &str,
    claims: &[Claim],
    indices: &[usize],
) -> Finding {
    let mut ids: Vec<&str> = indices.iter().map(|&index| claims[index].id.as_str()).collect();
    ids.sort_unstable();
    let mut parts = vec![format!("{kind:?}")];
    parts.extend(ids.iter().map(|id| (*id).to_owned()));
    let mut paths: Vec<&str> = indices
        .iter()
        .map(|&index| claims[index].evidence.path.as_str())
        .collect();
    paths.sort_unstable();
    paths.dedup();
    Finding {
        id: stable_id(&parts),
        kind,
        severity,
        key: key.to_owned(),
        reason: reason.to_owned(),
        claims: indices.to_vec(),
        articles: paths.len(),
        reference: None,
    }
}

pub(super) fn article(path: &str, title: &str, outlet: &str, date: &str) -> ArticleInfo {
    ArticleInfo {
        path: path.to_owned(),
        meta: Meta {
            title: Some(title.to_owned()),
            outlet: Some(outlet.to_owned()),
            date: Some(date.to_owned()),
            url: None,
        },
    }
}

const GAZETTE: &str = "\
---
title: “Unmatched”: São Paulo looks east
outlet: Gazeta do Sul
date: 2024-06-10
---
Menu · Mundo · Economia

In São Paulo’s view — and Brasília’s — China’s rare-earth reserves of about 44 Mt remain “unmatched”.

Kazakhstan holds some of the largest uranium reserves in the world.

Russia is technologically self-sufficient in rare-earth processing, officials insist.
";

const HERALD: &str = "\
---
title: Russia touts its rare-earth riches
outlet: The Northern Herald
date: 2024-03-01
url: https://herald.example/russia-rare-earths
---
Home | World | Markets

Speaking at an economic forum in Vladivostok on Tuesday, where he also discussed energy exports, shipping routes and the Arctic, Putin said that Russia holds
28.7 million tonnes of rare-earth reserves.

China holds the largest rare-earth reserves in the world.

Kazakhstan holds some of the largest uranium reserves in the world.

In 2023 Russia produced 2,600 tonnes of rare earths.
";

const LEDGER: &str = "\
---
title: What Russia really has in the ground
outlet: The Ledger
date: 2024-05-02
---
Russia's rare-earth reserves amount to 3.8 million tonnes, a fraction of the figure quoted in Moscow.

Russia holds the largest rare-earth reserves, ahead of Brazil and Vietnam.

China's reserves of rare earths stand at 44,000,000 tons.

Russia's rare-earth reserves exceed Ukraine's, analysts say.

In 2024 Russia produced 2,900 tonnes of rare earths.

Comments (12)
";

fn build() -> Fixture {
    let gazette = Source::new("examples/gazette.md", GAZETTE);
    let herald = Source::new("examples/herald.md", HERALD);
    let ledger = Source::new("examples/ledger.md", LEDGER);
    let mut herald_info = article(
        "examples/herald.md",
        "Russia touts its rare-earth riches",
        "The Northern Herald",
        "2024-03-01",
    );
    herald_info.meta.url = Some("https://herald.example/russia-rare-earths".to_owned());
    let articles = vec![
        article(
            "examples/gazette.md",
            "“Unmatched”: São Paulo looks east",
            "Gazeta do Sul",
            "2024-06-10",
        ),
        herald_info,
        article(
            "examples/ledger.md",
            "What Russia really has in the ground",
            "The Ledger",
            "2024-05-02",
        ),
    ];

    let mut claims = Vec::new();

    // examples/gazette.md
    let sentence =
        "In São Paulo’s view — and Brasília’s — China’s rare-earth reserves of about 44 Mt remain “unmatched”.";
    claims.push(claim(
        &gazette,
        Spec {
            rule: "reserve-size",
            kind: "reserves",
            sentence,
            quote: "China’s rare-earth reserves of about 44 Mt",
            subject: ("china", "China’s"),
            object: ("rare-earths", "rare-earth"),
            year: None,
            value: quantity(&gazette, sentence, "about 44 Mt", 44e6, Bound::Approximate),
            modality: Modality::default(),
        },
    ));
    let kazakhstan = "Kazakhstan holds some of the largest uranium reserves in the world.";
    claims.push(claim(
        &gazette,
        Spec {
            rule: "reserve-rank",
            kind: "reserve-rank",
            sentence: kazakhstan,
            quote: "Kazakhstan holds some of the largest uranium reserves",
            subject: ("kazakhstan", "Kazakhstan"),
            object: ("uranium", "uranium"),
            year: None,
            value: rank(&gazette, kazakhstan, "some of the largest", 1, 10),
            modality: hedged(&gazette, kazakhstan, "some of"),
        },
    ));
    let sentence = "Russia is technologically self-sufficient in rare-earth processing, officials insist.";
    claims.push(claim(
        &gazette,
        Spec {
            rule: "self-sufficiency",
            kind: "technology-dependence",
            sentence,
            quote: "Russia is technologically self-sufficient in rare-earth",
            subject: ("russia", "Russia"),
            object: ("rare-earths", "rare-earth"),
            year: None,
            value: Value::Stance {
                stance: "self-sufficient".to_owned(),
            },
            modality: Modality::default(),
        },
    ));

    // examples/herald.md
    let sentence = "Speaking at an economic forum in Vladivostok on Tuesday, where he also discussed energy exports, \
                    shipping routes and the Arctic, Putin said that Russia holds\n28.7 million tonnes of rare-earth \
                    reserves.";
    claims.push(claim(
        &herald,
        Spec {
            rule: "reserve-size",
            kind: "reserves",
            sentence,
            quote: "Russia holds\n28.7 million tonnes of rare-earth reserves",
            subject: ("russia", "Russia"),
            object: ("rare-earths", "rare-earth"),
            year: None,
            value: quantity(&herald, sentence, "28.7 million tonnes", 28.7 * 1e6, Bound::Exact),
            modality: attributed(&herald, sentence, "Putin", "Putin said"),
        },
    ));
    let sentence = "China holds the largest rare-earth reserves in the world.";
    claims.push(claim(
        &herald,
        Spec {
            rule: "reserve-rank",
            kind: "reserve-rank",
            sentence,
            quote: "China holds the largest rare-earth reserves",
            subject: ("china", "China"),
            object: ("rare-earths", "rare-earth"),
            year: None,
            value: rank(&herald, sentence, "the largest", 1, 1),
            modality: Modality::default(),
        },
    ));
    claims.push(claim(
        &herald,
        Spec {
            rule: "reserve-rank",
            kind: "reserve-rank",
            sentence: kazakhstan,
            quote: "Kazakhstan holds some of the largest uranium reserves",
            subject: ("kazakhstan", "Kazakhstan"),
            object: ("uranium", "uranium"),
            year: None,
            value: rank(&herald, kazakhstan, "some of the largest", 1, 10),
            modality: hedged(&herald, kazakhstan, "some of"),
        },
    ));
    let sentence = "In 2023 Russia produced 2,600 tonnes of rare earths.";
    claims.push(claim(
        &herald,
        Spec {
            rule: "production",
            kind: "production",
            sentence,
            quote: "In 2023 Russia produced 2,600 tonnes of rare earths",
            subject: ("russia", "Russia"),
            object: ("rare-earths", "rare earths"),
            year: Some(2023),
            value: quantity(&herald, sentence, "2,600 tonnes", 2600.0, Bound::Exact),
            modality: Modality::default(),
        },
    ));

    // examples/ledger.md
    let sentence =
        "Russia's rare-earth reserves amount to 3.8 million tonnes, a fraction of the figure quoted in Moscow.";
    claims.push(claim(
        &ledger,
        Spec {
            rule: "reserve-size",
            kind: "reserves",
            sentence,
            quote: "Russia's rare-earth reserves amount to 3.8 million tonnes",
            subject: ("russia", "Russia's"),
            object: ("rare-earths", "rare-earth"),
            year: None,
            value: quantity(&ledger, sentence, "3.8 million tonnes", 3.8e6, Bound::Exact),
            modality: Modality::default(),
        },
    ));
    let sentence = "Russia holds the largest rare-earth reserves, ahead of Brazil and Vietnam.";
    claims.push(claim(
        &ledger,
        Spec {
            rule: "reserve-rank",
            kind: "reserve-rank",
            sentence,
            quote: "Russia holds the largest rare-earth reserves",
            subject: ("russia", "Russia"),
            object: ("rare-earths", "rare-earth"),
            year: None,
            value: rank(&ledger, sentence, "the largest", 1, 1),
            modality: Modality::default(),
        },
    ));
    let sentence = "China's reserves of rare earths stand at 44,000,000 tons.";
    claims.push(claim(
        &ledger,
        Spec {
            rule: "reserve-size",
            kind: "reserves",
            sentence,
            quote: "China's reserves of rare earths stand at 44,000,000 tons",
            subject: ("china", "China's"),
            object: ("rare-earths", "rare earths"),
            year: None,
            value: quantity(&ledger, sentence, "44,000,000 tons", 44e6, Bound::Exact),
            modality: Modality::default(),
        },
    ));
    let sentence = "Russia's rare-earth reserves exceed Ukraine's, analysts say.";
    claims.push(claim(
        &ledger,
        Spec {
            rule: "reserve-comparison",
            kind: "reserve-order",
            sentence,
            quote: "Russia's rare-earth reserves exceed Ukraine's",
            subject: ("russia", "Russia's"),
            object: ("rare-earths", "rare-earth"),
            year: None,
            value: Value::Order(Order {
                relation: Relation::Greater,
                than: ledger.entity(sentence, "ukraine", "country", "Ukraine's"),
                text: "exceed".to_owned(),
                span: ledger.within(sentence, "exceed"),
            }),
            modality: attributed(&ledger, sentence, "analysts", "analysts say"),
        },
    ));
    let sentence = "In 2024 Russia produced 2,900 tonnes of rare earths.";
    claims.push(claim(
        &ledger,
        Spec {
            rule: "production",
            kind: "production",
            sentence,
            quote: "In 2024 Russia produced 2,900 tonnes of rare earths",
            subject: ("russia", "Russia"),
            object: ("rare-earths", "rare earths"),
            year: Some(2024),
            value: quantity(&ledger, sentence, "2,900 tonnes", 2900.0, Bound::Exact),
            modality: Modality::default(),
        },
    ));

    // Claim indices: gazette 0–2, herald 3–6, ledger 7–11.
    let findings = vec![
        finding(
            FindingKind::Conflict(ConflictKind::Rank),
            Severity::Error,
            "reserve-rank · rare-earths",
            "China and Russia are each said to hold the largest rare-earth reserves",
            &claims,
            &[4, 8],
        ),
        finding(
            FindingKind::Conflict(ConflictKind::Quantity),
            Severity::Warning,
            "reserves · russia · rare-earths",
            "Russia's rare-earth reserves are put at 28.7 million tonnes and at 3.8 million tonnes, which do not \
             overlap",
            &claims,
            &[3, 7],
        ),
        finding(
            FindingKind::Overlap,
            Severity::Info,
            "reserves · china · rare-earths",
            "2 articles agree on China's rare-earth reserves (about 44 Mt, 44,000,000 tons)",
            &claims,
            &[0, 9],
        ),
        finding(
            FindingKind::Overlap,
            Severity::Info,
            "reserve-rank · kazakhstan · uranium",
            "2 articles agree that Kazakhstan has some of the largest uranium reserves",
            &claims,
            &[1, 5],
        ),
        finding(
            FindingKind::Change,
            Severity::Info,
            "production · russia · rare-earths",
            "Russia's rare-earth production is 2,600 tonnes in 2023 and 2,900 tonnes in 2024",
            &claims,
            &[6, 11],
        ),
        finding(
            FindingKind::SharedWording,
            Severity::Info,
            "reserve-rank · kazakhstan · uranium",
            "the same sentence appears in examples/gazette.md and examples/herald.md",
            &claims,
            &[1, 5],
        ),
    ];
    Fixture {
        sources: vec![gazette, herald, ledger],
        articles,
        claims,
        findings,
    }
}

#[test]
fn fixture_spans_quote_the_text() {
    let report = report();
    for claim in report.claims {
        let text = text_of(&claim.evidence.path);
        assert_eq!(&text[claim.evidence.span.range()], claim.evidence.quote);
        assert_eq!(
            &text[claim.evidence.sentence_span.range()],
            claim.evidence.sentence.as_str()
        );
    }
}
