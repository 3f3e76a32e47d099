//! Fixture pairs for every conflict kind and for the cases that must stay silent.

use super::compare;
use crate::claim::{
    Attribution, Bound, Claim, Cue, Entity, Evidence, Modality, Order, Polarity, Quantity, Rank, Relation, Scope, Span,
    Value,
};
use crate::finding::{ConflictKind, Finding, FindingKind, Policy, Severity};
use crate::id::stable_id;

fn entity(id: &str) -> Entity {
    Entity {
        id: id.to_owned(),
        lexicon: "test".to_owned(),
        text: id.to_owned(),
        span: Span::default(),
    }
}

/// A claim builder: `claim("a.md", "reserves", "russia", exact("28.7 Mt", 28.7e6, "t"))`.
struct Build(Claim);

fn claim(path: &str, kind: &str, subject: &str, value: Value) -> Build {
    let quote = match &value {
        Value::Quantity(quantity) => quantity.text.clone(),
        Value::Rank(rank) => rank.text.clone(),
        Value::Order(order) => order.text.clone(),
        Value::Stance { stance } => stance.clone(),
        Value::Category { label } => label.clone(),
        Value::Statement => format!("{subject} {kind}"),
    };
    Build(Claim {
        id: String::new(),
        rule: format!("{kind}-rule"),
        kind: kind.to_owned(),
        subject: Some(entity(subject)),
        object: Some(entity("rare-earths")),
        scope: Scope::default(),
        value,
        modality: Modality::default(),
        evidence: Evidence {
            path: path.to_owned(),
            span: Span::new(0, quote.len()),
            line: 1,
            column: 1,
            sentence: format!("In {path}, {subject} has {quote} of {kind}."),
            quote,
            sentence_span: Span::new(0, 1),
        },
    })
}

impl Build {
    fn year(mut self, year: i32) -> Self {
        self.0.scope.year = Some(year);
        self
    }
    fn region(mut self, region: &str) -> Self {
        self.0.scope.region = Some(region.to_owned());
        self
    }
    fn object(mut self, object: &str) -> Self {
        self.0.object = Some(entity(object));
        self
    }
    fn negated(mut self) -> Self {
        self.0.modality.polarity = Polarity::Negated;
        self.0.modality.negation = Some(Cue {
            text: "not".to_owned(),
            span: Span::default(),
        });
        self
    }
    fn hedged(mut self, cue: &str) -> Self {
        self.0.modality.hedge = Some(Cue {
            text: cue.to_owned(),
            span: Span::default(),
        });
        self
    }
    fn attributed(mut self, speaker: &str) -> Self {
        let cue = Cue {
            text: "said".to_owned(),
            span: Span::default(),
        };
        self.0.modality.attribution = Some(Attribution {
            speaker: speaker.to_owned(),
            cue,
        });
        self
    }
    fn sentence(mut self, sentence: &str, start: usize) -> Self {
        sentence.clone_into(&mut self.0.evidence.sentence);
        self.0.evidence.sentence_span = Span::new(start, start + sentence.len());
        self
    }
}

/// Finishes the builders: ids from content and position, as the matcher would.
fn claims(builds: Vec<Build>) -> Vec<Claim> {
    builds
        .into_iter()
        .enumerate()
        .map(|(position, Build(mut claim))| {
            claim.id = stable_id(&[
                claim.evidence.path.clone(),
                format!("{:?}", claim.value),
                claim.evidence.sentence.clone(),
                position.to_string(),
            ]);
            claim
        })
        .collect()
}

fn quantity(text: &str, value: f64, unit: &str, bound: Bound) -> Value {
    let (low, high) = match bound {
        Bound::AtLeast | Bound::MoreThan => (Some(value), None),
        Bound::AtMost | Bound::LessThan => (None, Some(value)),
        _ => (Some(value), Some(value)),
    };
    Value::Quantity(Quantity {
        value,
        low,
        high,
        unit: unit.to_owned(),
        bound,
        text: text.to_owned(),
        span: Span::default(),
    })
}

fn exact(text: &str, value: f64) -> Value {
    quantity(text, value, "t", Bound::Exact)
}

fn rank(text: &str, best: u32, worst: u32) -> Value {
    Value::Rank(Rank {
        best,
        worst,
        text: text.to_owned(),
        span: Span::default(),
    })
}

fn order(relation: Relation, than: &str, text: &str) -> Value {
    Value::Order(Order {
        relation,
        than: entity(than),
        text: text.to_owned(),
        span: Span::default(),
    })
}

fn stance(stance: &str) -> Value {
    Value::Stance {
        stance: stance.to_owned(),
    }
}

fn policy() -> Policy {
    let names = [
        ("russia", "Russia"),
        ("china", "China"),
        ("ukraine", "Ukraine"),
        ("rare-earths", "rare earths"),
        ("lithium", "lithium"),
    ];
    Policy {
        names: names
            .iter()
            .map(|(id, name)| ((*id).to_owned(), (*name).to_owned()))
            .collect(),
        opposed: vec![(
            "supply".to_owned(),
            "self-sufficient".to_owned(),
            "dependent".to_owned(),
        )],
        // Off by default: the builder's sentences are all alike.
        shared_wording: None,
        ..Policy::default()
    }
}

fn conflicts(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|finding| matches!(finding.kind, FindingKind::Conflict(_)))
        .collect()
}

/// Compares `builds` and checks that there is exactly one conflict, of `kind` and `severity`;
/// returns it.
#[track_caller]
fn check_conflict(builds: Vec<Build>, kind: ConflictKind, severity: Severity) -> Finding {
    let claims = claims(builds);
    let findings = compare(&claims, &policy());
    let found = conflicts(&findings);
    assert_eq!(found.len(), 1, "expected one conflict, got {findings:#?}");
    assert_eq!(found[0].kind, FindingKind::Conflict(kind), "{findings:#?}");
    assert_eq!(found[0].severity, severity, "{findings:#?}");
    found[0].clone()
}

/// Checks that `builds` give no conflict at all.
#[track_caller]
fn check_silent(builds: Vec<Build>) -> Vec<Finding> {
    let claims = claims(builds);
    let findings = compare(&claims, &policy());
    assert!(
        conflicts(&findings).is_empty(),
        "expected no conflict, got {findings:#?}"
    );
    findings
}

// ---- quantity -------------------------------------------------------------------------------

#[test]
fn quantities_that_do_not_overlap_conflict() {
    let finding = check_conflict(
        vec![
            claim("a.md", "reserves", "russia", exact("28.7 million tonnes", 28.7e6)),
            claim("b.md", "reserves", "russia", exact("3.8 Mt", 3.8e6)),
        ],
        ConflictKind::Quantity,
        Severity::Error,
    );
    assert_eq!(
        finding.reason,
        "Russia's rare earths reserves are given as \"3.8 Mt\" (3,800,000 t) and \"28.7 million \
         tonnes\" (28,700,000 t), which do not overlap within 5%"
    );
    assert_eq!(finding.claims, vec![1, 0]);
    assert_eq!(finding.key, "reserves · russia · rare-earths");
    assert_eq!(finding.articles, 2);
}

#[test]
fn more_than_and_about_conflict() {
    check_conflict(
        vec![
            claim(
                "a.md",
                "reserves",
                "russia",
                quantity("more than 20 Mt", 20e6, "t", Bound::MoreThan),
            ),
            claim(
                "b.md",
                "reserves",
                "russia",
                quantity("about 10 Mt", 10e6, "t", Bound::Approximate),
            ),
        ],
        ConflictKind::Quantity,
        Severity::Error,
    );
}

#[test]
fn compatible_units_agree() {
    let findings = check_silent(vec![
        claim("a.md", "reserves", "china", exact("44 Mt", 44e6)),
        claim("b.md", "reserves", "china", exact("44,000,000 tons", 44e6)),
    ]);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].kind, FindingKind::Overlap);
    assert_eq!(findings[0].severity, Severity::Info);
    assert_eq!(
        findings[0].reason,
        "2 articles agree that China's rare earths reserves are 44 Mt (44,000,000 t, within 5%)"
    );
}

#[test]
fn values_within_tolerance_agree_and_about_widens() {
    check_silent(vec![
        claim("a.md", "reserves", "china", exact("44 Mt", 44e6)),
        claim("b.md", "reserves", "china", exact("46 Mt", 46e6)),
        claim(
            "c.md",
            "reserves",
            "china",
            quantity("about 50 Mt", 50e6, "t", Bound::Approximate),
        ),
    ]);
}

#[test]
fn different_units_are_not_compared() {
    let findings = check_silent(vec![
        claim("a.md", "reserves", "china", exact("44 Mt", 44e6)),
        claim("b.md", "reserves", "china", quantity("35%", 35.0, "%", Bound::Exact)),
    ]);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn different_years_are_a_change_not_a_conflict() {
    let findings = check_silent(vec![
        claim("a.md", "reserves", "ukraine", exact("500,000 tonnes", 5e5))
            .object("lithium")
            .year(2023),
        claim("b.md", "reserves", "ukraine", exact("450,000 t", 4.5e5))
            .object("lithium")
            .year(2025),
    ]);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].kind, FindingKind::Change);
    assert_eq!(findings[0].severity, Severity::Info);
    assert_eq!(
        findings[0].reason,
        "Ukraine's lithium reserves: 500,000 t (2023) → 450,000 t (2025)"
    );
    assert_eq!(findings[0].key, "reserves · ukraine · lithium");
}

#[test]
fn an_undated_claim_is_compared_with_every_year_once() {
    let claims = claims(vec![
        claim("a.md", "reserves", "russia", exact("10 Mt", 10e6)),
        claim("b.md", "reserves", "russia", exact("30 Mt", 30e6)),
        claim("c.md", "reserves", "russia", exact("10 Mt", 10e6)).year(2023),
        claim("d.md", "reserves", "russia", exact("30 Mt", 30e6)).year(2025),
    ]);
    let findings = compare(&claims, &policy());
    let found = conflicts(&findings);
    // 2023: {a, c} vs b; 2025: a vs {b, d}. The undated pair a/b is not reported twice.
    assert_eq!(found.len(), 2, "{findings:#?}");
    assert_eq!(found[0].key, "reserves · russia · rare-earths · 2023");
    assert_eq!(found[0].claims, vec![0, 1, 2]);
    assert_eq!(found[1].key, "reserves · russia · rare-earths · 2025");
    assert_eq!(found[1].claims, vec![0, 3, 1]);
    assert!(findings.iter().any(|finding| finding.kind == FindingKind::Change));
}

#[test]
fn different_regions_are_not_compared() {
    check_silent(vec![
        claim("a.md", "reserves", "russia", exact("28.7 Mt", 28.7e6)).region("europe"),
        claim("b.md", "reserves", "russia", exact("3.8 Mt", 3.8e6)),
    ]);
}

#[test]
fn unrelated_subjects_are_not_compared() {
    let findings = check_silent(vec![
        claim("a.md", "reserves", "russia", exact("28.7 Mt", 28.7e6)),
        claim("b.md", "reserves", "china", exact("3.8 Mt", 3.8e6)),
    ]);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn hedged_agreement_is_an_overlap() {
    let findings = check_silent(vec![
        claim("a.md", "reserves", "china", exact("44 Mt", 44e6)).hedged("could"),
        claim("b.md", "reserves", "china", exact("44 million tonnes", 44e6)),
    ]);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].kind, FindingKind::Overlap);
    assert_eq!(findings[0].claims, vec![1, 0]);
}

// ---- severity and self-contradiction --------------------------------------------------------

#[test]
fn hedged_or_attributed_conflicts_are_warnings_that_say_why() {
    let finding = check_conflict(
        vec![
            claim("a.md", "reserves", "russia", exact("28.7 Mt", 28.7e6)).attributed("Putin"),
            claim("b.md", "reserves", "russia", exact("3.8 Mt", 3.8e6)).hedged("could"),
        ],
        ConflictKind::Quantity,
        Severity::Warning,
    );
    assert_eq!(
        finding.reason,
        "Russia's rare earths reserves are given as \"3.8 Mt\" (3,800,000 t, hedged: \"could\") \
         and \"28.7 Mt\" (28,700,000 t, attributed to Putin), which do not overlap within 5%"
    );
}

#[test]
fn plain_claims_are_quoted_before_hedged_ones() {
    let finding = check_conflict(
        vec![
            claim("a.md", "reserves", "russia", exact("3.8 Mt", 3.8e6)).hedged("may"),
            claim("b.md", "reserves", "russia", exact("3.9 Mt", 3.9e6)),
            claim("c.md", "reserves", "russia", exact("28.7 Mt", 28.7e6)),
        ],
        ConflictKind::Quantity,
        Severity::Error,
    );
    assert_eq!(finding.claims, vec![1, 2, 0]);
}

#[test]
fn an_article_that_contradicts_itself_is_named() {
    let finding = check_conflict(
        vec![
            claim("a.md", "reserves", "russia", exact("28.7 Mt", 28.7e6)),
            claim("a.md", "reserves", "russia", exact("3.8 Mt", 3.8e6)),
        ],
        ConflictKind::Quantity,
        Severity::Error,
    );
    assert!(
        finding.reason.ends_with("; a.md contradicts itself"),
        "{}",
        finding.reason
    );
    assert_eq!(finding.articles, 1);
}

// ---- rank -----------------------------------------------------------------------------------

#[test]
fn one_subject_with_incompatible_ranks_conflicts() {
    let finding = check_conflict(
        vec![
            claim("a.md", "production", "russia", rank("the second-largest", 2, 2)),
            claim("b.md", "production", "russia", rank("the largest", 1, 1)),
        ],
        ConflictKind::Rank,
        Severity::Error,
    );
    assert_eq!(
        finding.reason,
        "Russia's rare earths production is ranked \"the largest\" (1st) and \"the \
         second-largest\" (2nd), which cannot both hold"
    );
    check_conflict(
        vec![
            claim("a.md", "production", "russia", rank("top three", 1, 3)),
            claim("b.md", "production", "russia", rank("fifth", 5, 5)),
        ],
        ConflictKind::Rank,
        Severity::Error,
    );
}

#[test]
fn one_of_the_largest_agrees_with_the_largest() {
    check_silent(vec![
        claim("a.md", "production", "russia", rank("one of the largest", 1, 5)),
        claim("b.md", "production", "russia", rank("the largest", 1, 1)),
    ]);
}

#[test]
fn two_subjects_called_the_largest_conflict() {
    let finding = check_conflict(
        vec![
            claim("a.md", "production", "russia", rank("the largest", 1, 1)),
            claim("b.md", "production", "china", rank("the world's biggest", 1, 1)),
        ],
        ConflictKind::Rank,
        Severity::Error,
    );
    assert_eq!(
        finding.reason,
        "China and Russia are each ranked 1st for rare earths production: \"the world's \
         biggest\" and \"the largest\""
    );
    assert_eq!(finding.key, "production · rare-earths");
}

#[test]
fn a_negated_rank_creates_no_rank_conflict() {
    let findings = check_silent(vec![
        claim("a.md", "production", "russia", rank("the largest", 1, 1)).negated(),
        claim("b.md", "production", "china", rank("the largest", 1, 1)),
    ]);
    assert!(findings.is_empty(), "{findings:#?}");
}

// ---- order ----------------------------------------------------------------------------------

#[test]
fn opposite_orders_conflict() {
    let finding = check_conflict(
        vec![
            claim(
                "a.md",
                "reserves",
                "russia",
                order(Relation::Greater, "ukraine", "exceed"),
            ),
            claim(
                "b.md",
                "reserves",
                "russia",
                order(Relation::Less, "ukraine", "smaller than"),
            ),
        ],
        ConflictKind::Order,
        Severity::Error,
    );
    assert_eq!(
        finding.reason,
        "Russia is put above Ukraine for rare earths reserves in \"exceed\" but below it in \
         \"smaller than\""
    );
}

#[test]
fn a_cycle_of_three_conflicts_once() {
    let finding = check_conflict(
        vec![
            claim(
                "a.md",
                "reserves",
                "russia",
                order(Relation::Greater, "ukraine", "above"),
            ),
            claim(
                "b.md",
                "reserves",
                "ukraine",
                order(Relation::Greater, "china", "above"),
            ),
            claim("c.md", "reserves", "china", order(Relation::Greater, "russia", "above")),
        ],
        ConflictKind::Order,
        Severity::Error,
    );
    assert!(
        finding
            .reason
            .contains("form a cycle, China > Russia > Ukraine > China"),
        "{}",
        finding.reason
    );
    assert_eq!(finding.claims, vec![2, 0, 1]);
}

#[test]
fn consistent_orders_agree() {
    let findings = check_silent(vec![
        claim(
            "a.md",
            "reserves",
            "russia",
            order(Relation::Greater, "ukraine", "exceed"),
        ),
        claim("b.md", "reserves", "ukraine", order(Relation::Less, "russia", "below")),
        claim(
            "c.md",
            "reserves",
            "ukraine",
            order(Relation::Greater, "china", "above"),
        ),
    ]);
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0].reason,
        "2 articles agree that Russia's rare earths reserves exceed Ukraine's"
    );
}

#[test]
fn quantities_contradict_an_order() {
    let finding = check_conflict(
        vec![
            claim(
                "a.md",
                "reserves",
                "russia",
                order(Relation::Greater, "china", "exceed"),
            ),
            claim("b.md", "reserves", "russia", exact("28.7 Mt", 28.7e6)),
            claim("c.md", "reserves", "china", exact("44 Mt", 44e6)),
        ],
        ConflictKind::Order,
        Severity::Error,
    );
    assert_eq!(finding.claims, vec![0, 2, 1]);
}

// ---- rank vs quantities ---------------------------------------------------------------------

#[test]
fn quantities_contradict_the_largest() {
    let finding = check_conflict(
        vec![
            claim("a.md", "reserves", "russia", rank("the largest", 1, 1)),
            claim("b.md", "reserves", "russia", exact("28.7 million tonnes", 28.7e6)),
            claim("c.md", "reserves", "china", exact("44 Mt", 44e6)),
        ],
        ConflictKind::RankVsQuantity,
        Severity::Error,
    );
    assert_eq!(
        finding.reason,
        "Russia is called \"the largest\" for rare earths reserves, but the corpus puts China at \
         \"44 Mt\" (44,000,000 t) against Russia's \"28.7 million tonnes\" (28,700,000 t)"
    );
    assert_eq!(finding.claims, vec![0, 2, 1]);
}

#[test]
fn ranks_are_measured_by_the_declared_kind() {
    let builds = vec![
        claim("a.md", "producer", "russia", rank("the largest producer", 1, 1)),
        claim("b.md", "production", "russia", exact("2,600 t", 2600.0)),
        claim("c.md", "production", "china", exact("240,000 t", 240_000.0)),
    ];
    let mut policy = policy();
    policy
        .measured_by
        .insert("producer".to_owned(), "production".to_owned());
    let findings = compare(&claims(builds), &policy);
    assert_eq!(conflicts(&findings).len(), 1, "{findings:#?}");
    assert_eq!(findings[0].kind, FindingKind::Conflict(ConflictKind::RankVsQuantity));
    // Without the declaration, the kinds are unrelated.
    let builds = vec![
        claim("a.md", "producer", "russia", rank("the largest producer", 1, 1)),
        claim("b.md", "production", "russia", exact("2,600 t", 2600.0)),
        claim("c.md", "production", "china", exact("240,000 t", 240_000.0)),
    ];
    check_silent(builds);
}

#[test]
fn quantities_that_agree_with_a_rank_are_silent() {
    check_silent(vec![
        claim("a.md", "reserves", "china", rank("the largest", 1, 1)),
        claim("b.md", "reserves", "russia", exact("28.7 Mt", 28.7e6)),
        claim("c.md", "reserves", "china", exact("44 Mt", 44e6)),
        claim("d.md", "reserves", "russia", rank("the second-largest", 2, 2)),
    ]);
}

// ---- stance, category, polarity -------------------------------------------------------------

#[test]
fn opposed_stances_conflict_and_others_do_not() {
    let finding = check_conflict(
        vec![
            claim("a.md", "supply", "russia", stance("self-sufficient")),
            claim("b.md", "supply", "russia", stance("dependent")).attributed("Putin"),
        ],
        ConflictKind::Stance,
        Severity::Warning,
    );
    assert!(finding.reason.contains("attributed to Putin"), "{}", finding.reason);
    check_silent(vec![
        claim("a.md", "supply", "russia", stance("self-sufficient")),
        claim("b.md", "supply", "russia", stance("growing")),
    ]);
}

#[test]
fn different_categories_conflict() {
    check_conflict(
        vec![
            claim(
                "a.md",
                "market",
                "china",
                Value::Category {
                    label: "monopoly".to_owned(),
                },
            ),
            claim(
                "b.md",
                "market",
                "china",
                Value::Category {
                    label: "one of several".to_owned(),
                },
            ),
        ],
        ConflictKind::Category,
        Severity::Error,
    );
}

#[test]
fn asserted_and_negated_conflict() {
    let finding = check_conflict(
        vec![
            claim("a.md", "exports", "russia", Value::Statement),
            claim("b.md", "exports", "russia", Value::Statement).negated(),
        ],
        ConflictKind::Polarity,
        Severity::Error,
    );
    assert_eq!(
        finding.reason,
        "Russia's rare earths exports are asserted in \"russia exports\" and denied in \"russia \
         exports\""
    );
    check_conflict(
        vec![
            claim("a.md", "production", "russia", rank("the largest", 1, 1)),
            claim("b.md", "production", "russia", rank("the largest", 1, 1))
                .negated()
                .hedged("may"),
        ],
        ConflictKind::Polarity,
        Severity::Warning,
    );
}

// ---- overlaps, shared wording, scale, determinism -------------------------------------------

#[test]
fn overlaps_count_articles() {
    let findings = check_silent(vec![
        claim("a.md", "reserves", "china", exact("44 Mt", 44e6)),
        claim("a.md", "reserves", "china", exact("44 Mt", 44e6)),
        claim("b.md", "reserves", "china", exact("44 million tonnes", 44e6)),
        claim("c.md", "reserves", "china", exact("44.5 Mt", 44.5e6)),
    ]);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].articles, 3);
    assert!(
        findings[0].reason.starts_with("3 articles agree"),
        "{}",
        findings[0].reason
    );
}

#[test]
fn shared_wording_is_reported_once_per_sentence_pair() {
    let sentence = "China holds 44 Mt of rare earths reserves, by far the most in the world.";
    let copied = "China holds 44 Mt of rare earth reserves, by far the most in the world.";
    let mut on = policy();
    on.shared_wording = Some(0.9);
    let findings = compare(
        &claims(vec![
            claim("a.md", "reserves", "china", exact("44 Mt", 44e6)).sentence(sentence, 0),
            claim("a.md", "share", "china", exact("most", 1.0)).sentence(sentence, 0),
            claim("b.md", "reserves", "china", exact("44 Mt", 44e6)).sentence(copied, 10),
            claim("b.md", "share", "china", exact("most", 1.0)).sentence(copied, 10),
        ]),
        &on,
    );
    let shared: Vec<&Finding> = findings
        .iter()
        .filter(|finding| finding.kind == FindingKind::SharedWording)
        .collect();
    assert_eq!(shared.len(), 1, "{findings:#?}");
    assert_eq!(
        shared[0].reason,
        "a.md and b.md contain near-identical sentences (98% similar), which suggests copied text"
    );
    let off = policy();
    let findings = compare(
        &claims(vec![
            claim("a.md", "reserves", "china", exact("44 Mt", 44e6)).sentence(sentence, 0),
            claim("b.md", "reserves", "china", exact("44 Mt", 44e6)).sentence(copied, 10),
        ]),
        &off,
    );
    assert!(
        findings
            .iter()
            .all(|finding| finding.kind != FindingKind::SharedWording)
    );
}

#[test]
fn many_claims_are_clustered_not_paired() {
    let mut builds = Vec::new();
    for article in 0..30 {
        let (text, value) = match article % 3 {
            0 => ("10 Mt", 10e6),
            1 => ("20 Mt", 20e6),
            _ => ("30 Mt", 30e6),
        };
        builds.push(claim(
            &format!("{article:02}.md"),
            "reserves",
            "russia",
            exact(text, value),
        ));
    }
    let claims = claims(builds);
    let findings = compare(&claims, &policy());
    let found = conflicts(&findings);
    // Three clusters of ten: two conflicts (10 vs 20, 20 vs 30), three overlaps.
    assert_eq!(found.len(), 2, "{findings:#?}");
    assert_eq!(found[0].claims.len(), 20);
    assert_eq!(found[0].claims[..2], [0, 1]);
    assert_eq!(found[1].claims[..2], [1, 2]);
    let overlaps = findings
        .iter()
        .filter(|finding| finding.kind == FindingKind::Overlap)
        .count();
    assert_eq!(overlaps, 3);
    assert!(found[0].reason.ends_with("(20 claims involved)"), "{}", found[0].reason);
}

/// A small mixed corpus for the determinism tests.
fn corpus() -> Vec<Build> {
    let subjects = ["china", "russia", "ukraine"];
    let mut builds = Vec::new();
    for article in 0..12_usize {
        let path = format!("{article:02}.md");
        for (position, subject) in subjects.iter().enumerate() {
            let value = 10e6 * (position + 1 + article % 4) as f64;
            builds.push(claim(&path, "reserves", subject, exact("x Mt", value)));
            let best = ((article + position) % 3 + 1) as u32;
            builds.push(claim(&path, "reserves", subject, rank("ranked", best, best)));
            let than = subjects[(position + 1 + article % 2) % 3];
            builds.push(claim(
                &path,
                "reserves",
                subject,
                order(Relation::Greater, than, "more"),
            ));
            let label = if article % 3 == 0 {
                "dependent"
            } else {
                "self-sufficient"
            };
            builds.push(claim(&path, "supply", subject, stance(label)));
        }
    }
    builds
}

#[test]
fn output_is_deterministic_and_independent_of_group_order() {
    let claims = claims(corpus());
    let policy = policy();
    let findings = compare(&claims, &policy);
    assert!(conflicts(&findings).len() > 5, "{findings:#?}");
    assert_eq!(findings, compare(&claims, &policy));

    // Reverse the order of the claims (as if the articles were named the other way round):
    // the same findings, once indices are mapped back to claim ids.
    let reversed: Vec<Claim> = claims.iter().rev().cloned().collect();
    let normalise = |claims: &[Claim], findings: Vec<Finding>| {
        let mut normalised: Vec<(String, FindingKind, Vec<String>)> = findings
            .into_iter()
            .map(|finding| {
                let mut ids: Vec<String> = finding.claims.iter().map(|&index| claims[index].id.clone()).collect();
                ids.sort();
                (finding.id, finding.kind, ids)
            })
            .collect();
        normalised.sort();
        normalised
    };
    assert_eq!(
        normalise(&claims, findings),
        normalise(&reversed, compare(&reversed, &policy))
    );
}

#[test]
fn findings_are_ordered_conflicts_first() {
    let claims = claims(corpus());
    let findings = compare(&claims, &policy());
    let section = |finding: &Finding| match finding.kind {
        FindingKind::Conflict(_) => 0,
        FindingKind::Change => 1,
        FindingKind::Overlap => 2,
        FindingKind::SharedWording => 3,
    };
    assert!(findings.windows(2).all(|pair| section(&pair[0]) <= section(&pair[1])));
    let severities: Vec<Severity> = conflicts(&findings).iter().map(|finding| finding.severity).collect();
    assert!(severities.windows(2).all(|pair| pair[0] >= pair[1]));
}
