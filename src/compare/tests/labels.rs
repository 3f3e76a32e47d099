//! Stances, categories, polarity, overlaps, shared wording, scale and determinism.

use super::*;

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
         exports\" (scope: the world, undated; sources: a.md and b.md)"
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
    // Three clusters of ten, no two of which agree: one grouped conflict quoting one claim of
    // each cluster and naming all 30, three overlaps.
    assert_eq!(found.len(), 1, "{findings:#?}");
    assert_eq!(found[0].claims.len(), 30);
    assert_eq!(found[0].claims[..3], [0, 1, 2]);
    let overlaps = findings
        .iter()
        .filter(|finding| finding.kind == FindingKind::Overlap)
        .count();
    assert_eq!(overlaps, 3);
    assert!(
        found[0].reason.contains("given as 3 different figures") && found[0].reason.contains("(30 claims involved)"),
        "{}",
        found[0].reason
    );
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
        FindingKind::Reference(_) => 1,
        FindingKind::Change => 2,
        FindingKind::Overlap => 3,
        FindingKind::SharedWording => 4,
    };
    assert!(findings.windows(2).all(|pair| section(&pair[0]) <= section(&pair[1])));
    let severities: Vec<Severity> = conflicts(&findings).iter().map(|finding| finding.severity).collect();
    assert!(severities.windows(2).all(|pair| pair[0] >= pair[1]));
}
