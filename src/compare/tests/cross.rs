//! Ranks, orders, and ranks and orders against the corpus's quantities.

use super::*;

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
         second-largest\" (2nd), which cannot both hold (scope: the world, undated; sources: b.md and a.md)"
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
         biggest\" and \"the largest\" (scope: the world, undated; sources: b.md and a.md)"
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
         \"smaller than\" (scope: the world, undated; sources: a.md and b.md)"
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
         \"44 Mt\" (44,000,000 t) against Russia's \"28.7 million tonnes\" (28,700,000 t) (scope: the world, undated; sources: a.md, c.md and b.md)"
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
