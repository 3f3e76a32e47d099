//! Quantities, severity and self-contradiction.

use super::*;

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
         tonnes\" (28,700,000 t), which do not overlap within 5% (scope: the world, undated; sources: b.md and a.md)"
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
         and \"28.7 Mt\" (28,700,000 t, attributed to Putin), which do not overlap within 5% (scope: the world, undated; sources: b.md and Putin in a.md)"
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

// ---- counts and their nouns -----------------------------------------------------------------

/// A count of `noun` ("4,000 people"), or a bare count.
fn count(text: &str, value: f64, noun: Option<&str>) -> Value {
    let Value::Quantity(mut quantity) = quantity(text, value, "", Bound::Exact) else {
        unreachable!("a quantity")
    };
    quantity.noun = noun.map(str::to_owned);
    Value::Quantity(quantity)
}

#[test]
fn counts_of_different_nouns_neither_agree_nor_conflict() {
    // The same figure of two nouns is no overlap; different figures are no conflict, no change
    // over time and no polarity conflict.
    let findings = check_silent(vec![
        claim("a.md", "toll", "russia", count("4,000", 4000.0, Some("deaths"))),
        claim("b.md", "toll", "russia", count("4,000", 4000.0, Some("injuries"))),
        claim("c.md", "toll", "russia", count("12,000", 12000.0, Some("evacuations"))),
        claim("d.md", "toll", "russia", count("900", 900.0, Some("homes"))).year(2020),
        claim("e.md", "toll", "russia", count("12,000", 12000.0, Some("rescues"))).year(2021),
        claim("f.md", "toll", "russia", count("4,000", 4000.0, Some("arrests"))).negated(),
    ]);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn counts_of_one_noun_compare_whatever_its_number() {
    // "people" and "persons" count one noun: they agree, and a third figure conflicts.
    let finding = check_conflict(
        vec![
            claim(
                "a.md",
                "displaced",
                "russia",
                count("7.9 million", 7.9e6, Some("people")),
            ),
            claim("b.md", "displaced", "russia", count("8 million", 8e6, Some("persons"))),
            claim(
                "c.md",
                "displaced",
                "russia",
                count("2.6 million", 2.6e6, Some("people")),
            ),
        ],
        ConflictKind::Quantity,
        Severity::Error,
    );
    assert!(
        finding.reason.contains("\"2.6 million\" (2,600,000 people)"),
        "{}",
        finding.reason
    );
    let findings = check_silent(vec![
        claim(
            "a.md",
            "displaced",
            "russia",
            count("7.9 million", 7.9e6, Some("people")),
        ),
        claim("b.md", "displaced", "russia", count("8 million", 8e6, Some("persons"))),
    ]);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].kind, FindingKind::Overlap);
}

#[test]
fn a_bare_count_counts_what_the_other_counts_count() {
    // With one noun among the counts, a bare count is a count of it …
    check_conflict(
        vec![
            claim("a.md", "workforce", "russia", count("4,000", 4000.0, Some("workers"))),
            claim("b.md", "workforce", "russia", count("9,000", 9000.0, None)),
        ],
        ConflictKind::Quantity,
        Severity::Error,
    );
    // … with several, it is a measure of its own.
    let findings = check_silent(vec![
        claim("a.md", "workforce", "russia", count("4,000", 4000.0, Some("workers"))),
        claim("b.md", "workforce", "russia", count("9,000", 9000.0, None)),
        claim("c.md", "workforce", "russia", count("9,000", 9000.0, Some("trucks"))),
    ]);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn counts_of_different_nouns_do_not_rank_their_subjects() {
    // China's 44,000 trucks say nothing against Russia being the largest employer of people.
    check_silent(vec![
        claim("a.md", "fleet", "russia", rank("the largest", 1, 1)),
        claim("b.md", "fleet", "russia", count("28,000", 28000.0, Some("people"))),
        claim("c.md", "fleet", "china", count("44,000", 44000.0, Some("trucks"))),
    ]);
}

// ---- a figure and its conversion ------------------------------------------------------------

fn money(text: &str, value: f64, currency: &str) -> Value {
    quantity(text, value, currency, Bound::Exact)
}

#[test]
fn a_figure_and_its_conversion_agree_with_either() {
    let findings = check_silent(vec![
        claim("a.md", "deal", "russia", money("$6.7bn", 6.7e9, "USD")).alternate(money("£5.1bn", 5.1e9, "GBP")),
        claim("b.md", "deal", "russia", money("£5.1bn", 5.1e9, "GBP")),
        claim("c.md", "deal", "russia", money("$6.7 billion", 6.7e9, "USD")),
    ]);
    let reasons: Vec<&str> = findings.iter().map(|finding| finding.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "2 articles agree that Russia's rare earths deal is £5.1bn (5,100,000,000 GBP, within 5%)",
            "2 articles agree that Russia's rare earths deal is $6.7bn (6,700,000,000 USD, within 5%)",
        ],
        "{findings:#?}"
    );
    assert_eq!(findings[0].claims, vec![0, 1]);
}

#[test]
fn a_conversion_agrees_but_never_conflicts() {
    // The pound figure of a conversion made at another day's rate is no contradiction …
    check_silent(vec![
        claim("a.md", "deal", "russia", money("$4.2bn", 4.2e9, "USD")).alternate(money("£3.3bn", 3.3e9, "GBP")),
        claim("b.md", "deal", "russia", money("$4.2bn", 4.2e9, "USD")).alternate(money("£2.6bn", 2.6e9, "GBP")),
        claim("c.md", "deal", "russia", money("£2.6bn", 2.6e9, "GBP")),
    ]);
    // … while the figure itself conflicts as any other, and figures of the conversion's
    // currency still conflict among themselves, the conversion between them or not.
    let claims = claims(vec![
        claim("a.md", "deal", "russia", money("$4.2bn", 4.2e9, "USD")).alternate(money("£2bn", 2e9, "GBP")),
        claim("b.md", "deal", "russia", money("$9bn", 9e9, "USD")),
        claim("c.md", "deal", "russia", money("£1bn", 1e9, "GBP")),
        claim("d.md", "deal", "russia", money("£3bn", 3e9, "GBP")),
    ]);
    let findings = compare(&claims, &policy());
    let reasons: Vec<&str> = conflicts(&findings)
        .iter()
        .map(|finding| finding.reason.as_str())
        .collect();
    assert_eq!(reasons.len(), 2, "{findings:#?}");
    assert!(
        reasons[0].contains("\"$4.2bn\" (4,200,000,000 USD) and \"$9bn\""),
        "{reasons:?}"
    );
    assert!(
        reasons[1].contains("\"£1bn\" (1,000,000,000 GBP) and \"£3bn\""),
        "{reasons:?}"
    );
}

#[test]
fn two_conversions_that_agree_in_both_currencies_are_one_overlap() {
    // (b.md's figure read twice, as two rules of one kind would, is one claim.)
    let findings = check_silent(vec![
        claim("a.md", "deal", "russia", money("$6.7bn", 6.7e9, "USD")).alternate(money("£5.1bn", 5.1e9, "GBP")),
        claim("b.md", "deal", "russia", money("$6.7bn", 6.7e9, "USD")).alternate(money("£5.2bn", 5.2e9, "GBP")),
        claim("b.md", "deal", "russia", money("$6.7bn", 6.7e9, "USD")).alternate(money("£5.2bn", 5.2e9, "GBP")),
    ]);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(
        findings[0].reason.contains("$6.7bn (6,700,000,000 USD"),
        "{}",
        findings[0].reason
    );
}
