//! How news states figures: editions and revisions, stated maxima, copies, ranks against
//! orders, and objects in a hierarchy.

use super::{Build, check_conflict, check_silent, claim, claims, conflicts, exact, order, policy, quantity, rank};
use crate::claim::{Bound, Relation, Span};
use crate::compare::compare;
use crate::finding::{ConflictKind, FindingKind, Policy, Severity};

#[test]
fn four_disjoint_figures_are_one_grouped_conflict_quoting_each() {
    let found = check_conflict(
        vec![
            claim("a.md", "reserves", "russia", exact("1 Mt", 1e6)),
            claim("b.md", "reserves", "russia", exact("5 Mt", 5e6)),
            claim("c.md", "reserves", "russia", exact("10 Mt", 10e6)),
            claim("d.md", "reserves", "russia", exact("20 Mt", 20e6)),
        ],
        ConflictKind::Quantity,
        Severity::Error,
    );
    assert_eq!(found.claims, vec![0, 1, 2, 3]);
    assert!(found.reason.contains("4 different figures"), "{}", found.reason);
    for figure in ["\"1 Mt\"", "\"5 Mt\"", "\"10 Mt\"", "\"20 Mt\""] {
        assert!(found.reason.contains(figure), "{figure} missing: {}", found.reason);
    }
}

#[test]
fn one_source_in_two_articles_is_a_revision_not_a_conflict() {
    let claims = claims(vec![
        claim("a.md", "reserves", "russia", exact("9 Mt", 9e6)).attributed("the USGS"),
        claim("b.md", "reserves", "russia", exact("6 Mt", 6e6)).attributed("USGS"),
    ]);
    let findings = compare(&claims, &policy());
    assert!(conflicts(&findings).is_empty(), "{findings:#?}");
    let change = findings
        .iter()
        .find(|finding| finding.kind == FindingKind::Change)
        .expect("a change");
    assert_eq!(change.severity, Severity::Info);
    assert!(change.reason.contains("revision between editions"), "{}", change.reason);
}

#[test]
fn two_sources_for_one_year_conflict_and_the_reason_names_both() {
    let found = check_conflict(
        vec![
            claim("a.md", "reserves", "india", exact("6.9 Mt", 6.9e6))
                .attributed("USGS")
                .year(2024),
            claim("b.md", "reserves", "india", exact("8.5 Mt", 8.5e6))
                .attributed("IBM")
                .year(2024),
        ],
        ConflictKind::Quantity,
        Severity::Warning,
    );
    assert!(
        found.reason.contains("USGS in a.md and IBM in b.md"),
        "{}",
        found.reason
    );
    assert!(found.reason.contains("scope: the world, 2024"), "{}", found.reason);
}

#[test]
fn a_figure_its_sentence_revises_takes_part_in_no_conflict() {
    let revised = "In a.md, russia's reserves were revised down from 22 Mt to 3.5 Mt.";
    let findings = check_silent(vec![
        claim("a.md", "reserves", "russia", exact("22 Mt", 22e6)).sentence(revised, 0),
        claim("b.md", "reserves", "russia", exact("3.5 Mt", 3.5e6)),
    ]);
    let change = findings
        .iter()
        .find(|finding| finding.kind == FindingKind::Change)
        .expect("the revision is a change");
    assert!(change.reason.contains("former figure"), "{}", change.reason);
    // A range "from 5 to 10" is no revision.
    let range = "In a.md, russia's reserves ranging from 22 Mt to 30 Mt are known.";
    let claims = claims(vec![
        claim("a.md", "reserves", "russia", exact("22 Mt", 22e6)).sentence(range, 0),
        claim("b.md", "reserves", "russia", exact("3.5 Mt", 3.5e6)),
    ]);
    assert_eq!(conflicts(&compare(&claims, &policy())).len(), 1);
}

fn up_to() -> Vec<Build> {
    vec![
        claim(
            "a.md",
            "reserves",
            "brazil",
            quantity("up to 21 Mt", 21e6, "t", Bound::AtMost),
        ),
        claim("b.md", "reserves", "brazil", exact("2 Mt", 2e6)),
    ]
}

#[test]
fn up_to_is_a_stated_maximum_unless_the_rule_asks_for_strict_bounds() {
    check_conflict(up_to(), ConflictKind::Quantity, Severity::Error);
    let mut strict = policy();
    let mut rule = strict.for_rule("reserves-rule");
    rule.strict_bounds = true;
    strict.rules.insert("reserves-rule".to_owned(), rule);
    let findings = compare(&claims(up_to()), &strict);
    assert!(conflicts(&findings).is_empty(), "{findings:#?}");
    // Close to the maximum agrees.
    check_silent(vec![
        claim(
            "a.md",
            "reserves",
            "brazil",
            quantity("up to 21 Mt", 21e6, "t", Bound::AtMost),
        ),
        claim("b.md", "reserves", "brazil", exact("18 Mt", 18e6)),
    ]);
}

#[test]
fn growing_lower_bounds_are_compatible() {
    check_silent(vec![
        claim(
            "a.md",
            "deaths",
            "gaza",
            quantity("more than 12,000", 12e3, "", Bound::MoreThan),
        ),
        claim(
            "b.md",
            "deaths",
            "gaza",
            quantity("at least 20,000", 20e3, "", Bound::AtLeast),
        ),
        claim("c.md", "deaths", "gaza", exact("61,000", 61e3)),
    ]);
}

#[test]
fn two_claims_with_the_same_words_never_conflict() {
    // A figure and its conversion: one span, two values.
    let mut euro = claim(
        "a.md",
        "cost",
        "russia",
        quantity("€10 million", 10e6, "USD", Bound::Exact),
    );
    euro.0.evidence.span = Span::new(3, 14);
    let mut dollar = claim(
        "a.md",
        "cost",
        "russia",
        quantity("€10 million", 11e6, "USD", Bound::Exact),
    );
    dollar.0.evidence.span = Span::new(3, 14);
    check_silent(vec![euro, dollar]);
}

#[test]
fn a_rank_first_conflicts_with_an_order_above_it() {
    check_conflict(
        vec![
            claim("a.md", "reserves", "china", rank("the largest", 1, 1)),
            claim(
                "b.md",
                "reserves",
                "russia",
                order(Relation::Greater, "china", "exceed"),
            ),
        ],
        ConflictKind::RankVsQuantity,
        Severity::Error,
    );
}

#[test]
fn a_rank_too_low_for_the_figures_conflicts() {
    let found = check_conflict(
        vec![
            claim("a.md", "reserves", "russia", rank("fifth", 5, 5)),
            claim("a.md", "reserves", "vietnam", rank("second", 2, 2)),
            claim("b.md", "reserves", "russia", exact("10 Mt", 10e6)),
            claim("b.md", "reserves", "vietnam", exact("3.5 Mt", 3.5e6)),
        ],
        ConflictKind::RankVsQuantity,
        Severity::Error,
    );
    assert!(found.reason.contains("above vietnam"), "{}", found.reason);
    // Ranked third against a second: still possible below it.
    check_silent(vec![
        claim("a.md", "reserves", "russia", rank("third", 3, 3)),
        claim("a.md", "reserves", "vietnam", rank("second", 2, 2)),
        claim("b.md", "reserves", "russia", exact("1 Mt", 1e6)),
        claim("b.md", "reserves", "vietnam", exact("3.5 Mt", 3.5e6)),
    ]);
}

#[test]
fn a_top_k_rank_and_an_order_agree() {
    let findings = check_silent(vec![
        claim("a.md", "reserves", "russia", rank("among the largest", 1, 10)),
        claim(
            "b.md",
            "reserves",
            "russia",
            order(Relation::Greater, "ukraine", "exceed"),
        ),
    ]);
    let overlap = findings
        .iter()
        .find(|finding| finding.kind == FindingKind::Overlap)
        .expect("an overlap");
    assert_eq!(overlap.claims, vec![0, 1]);
    assert!(overlap.reason.contains("the two agree"), "{}", overlap.reason);
}

fn hierarchy() -> Policy {
    let mut policy = policy();
    policy.parents.insert("neodymium".to_owned(), "rare-earths".to_owned());
    policy
        .parents
        .insert("rare-earths".to_owned(), "critical-minerals".to_owned());
    policy
}

#[test]
fn objects_in_a_hierarchy_are_compared_softly() {
    let builds = vec![
        claim("a.md", "reserves", "russia", exact("30 Mt", 30e6)).object("neodymium"),
        claim("b.md", "reserves", "russia", exact("10 Mt", 10e6)).object("critical-minerals"),
        claim("c.md", "reserves", "russia", rank("some of the largest", 1, 10)).object("critical-minerals"),
        claim(
            "d.md",
            "reserves",
            "russia",
            order(Relation::Greater, "ukraine", "exceeding"),
        ),
    ];
    let findings = compare(&claims(builds), &hierarchy());
    let found = conflicts(&findings);
    assert_eq!(found.len(), 1, "{findings:#?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(found[0].reason.contains("compared softly"), "{}", found[0].reason);
    let overlap = findings
        .iter()
        .find(|finding| finding.kind == FindingKind::Overlap)
        .expect("the rank and the order agree across the hierarchy");
    assert!(overlap.reason.contains("within"), "{}", overlap.reason);
    // Without the hierarchy, nothing relates them.
    assert!(
        compare(
            &claims(vec![
                claim("a.md", "reserves", "russia", exact("30 Mt", 30e6)).object("neodymium"),
                claim("b.md", "reserves", "russia", exact("10 Mt", 10e6)).object("critical-minerals"),
            ]),
            &policy()
        )
        .is_empty()
    );
}

#[test]
fn fifty_copies_are_one_shared_wording_finding() {
    let sentence = "Australia's reserves are 5.7 Mt, the company said on Tuesday.";
    let builds: Vec<Build> = (0..50)
        .map(|article| {
            claim(
                &format!("{article:02}.md"),
                "reserves",
                "australia",
                exact("5.7 Mt", 5.7e6),
            )
            .sentence(sentence, 0)
        })
        .collect();
    let mut wording = policy();
    wording.shared_wording = Some(0.9);
    let findings = compare(&claims(builds), &wording);
    let shared: Vec<_> = findings
        .iter()
        .filter(|finding| finding.kind == FindingKind::SharedWording)
        .collect();
    assert_eq!(shared.len(), 1, "{shared:#?}");
    assert_eq!(shared[0].claims.len(), 50);
    assert_eq!(shared[0].articles, 50);
    assert!(
        shared[0].reason.starts_with("50 articles contain identical sentences"),
        "{}",
        shared[0].reason
    );
}

#[test]
fn a_rule_severity_overrides_the_default() {
    let mut noted = policy();
    let mut rule = noted.for_rule("reserves-rule");
    rule.severity = Some(Severity::Info);
    noted.rules.insert("reserves-rule".to_owned(), rule);
    let claims = claims(vec![
        claim("a.md", "reserves", "russia", exact("1 Mt", 1e6)),
        claim("b.md", "reserves", "russia", exact("5 Mt", 5e6)),
    ]);
    let findings = compare(&claims, &noted);
    assert_eq!(conflicts(&findings)[0].severity, Severity::Info);
}
