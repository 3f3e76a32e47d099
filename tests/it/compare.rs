//! The comparator end to end: the report over the bundled examples in every format, and one
//! fixture folder per conflict kind and per case that must stay silent.

use crate::{crosscheck, root, snapshot};

#[test]
fn examples_report_text() {
    let run = crosscheck(&["report", "examples", "--rules", "rules", "--no-timing"]);
    assert_eq!(
        run.code, 1,
        "the examples hold error-level conflicts by design: {}",
        run.stderr
    );
    snapshot!("report_examples_text", run.stdout);
}

#[test]
fn examples_report_json() {
    let run = crosscheck(&[
        "report",
        "examples",
        "--rules",
        "rules",
        "--no-timing",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let parsed: serde_json::Value = serde_json::from_str(&run.stdout).expect("the report is JSON");
    assert_eq!(parsed["version"], 1);
    snapshot!("report_examples_json", run.stdout);
}

#[test]
fn examples_report_markdown() {
    let run = crosscheck(&[
        "report",
        "examples",
        "--rules",
        "rules",
        "--no-timing",
        "--format",
        "markdown",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    snapshot!("report_examples_markdown", run.stdout);
}

/// Every conflict kind shows up in the examples report, and there are at least three overlaps.
#[test]
fn examples_report_covers_every_conflict_kind() {
    let run = crosscheck(&[
        "report",
        "examples",
        "--rules",
        "rules",
        "--no-timing",
        "--format",
        "json",
    ]);
    let parsed: serde_json::Value = serde_json::from_str(&run.stdout).expect("the report is JSON");
    let findings = parsed["findings"].as_array().expect("findings");
    let text = serde_json::to_string(findings).expect("serialise");
    for kind in ["quantity", "rank", "order", "rank_vs_quantity", "stance", "polarity"] {
        assert!(
            text.contains(&format!("\"{kind}\"")),
            "no {kind} conflict in the examples report"
        );
    }
    let overlaps = findings.iter().filter(|finding| finding["kind"] == "overlap").count();
    assert!(overlaps >= 3, "only {overlaps} overlaps");
}

/// `exit 1` only for error-level conflicts by default; `--fail-on warning` also for warnings.
#[test]
fn fail_on_sets_the_exit_code() {
    let fixture = "tests/fixtures/compare/conflict-attributed-warning";
    assert_eq!(crosscheck(&["report", fixture, "--rules", "rules"]).code, 0);
    assert_eq!(
        crosscheck(&["report", fixture, "--rules", "rules", "--fail-on", "warning"]).code,
        1
    );
    let silent = "tests/fixtures/compare/silent-units-agree";
    assert_eq!(
        crosscheck(&["report", silent, "--rules", "rules", "--fail-on", "warning"]).code,
        0
    );
}

/// The rules a fixture folder is read with: its own `rules/` when it has one (a domain the
/// bundled rules do not cover), else the bundled `rules/`.
fn rules_of(fixture: &str) -> String {
    let own = format!("{fixture}/rules");
    if root().join(&own).is_dir() {
        own
    } else {
        "rules".to_owned()
    }
}

/// One snapshot per fixture folder: `conflict-*` folders must report that conflict, `silent-*`
/// folders must report no conflict at all.
#[test]
fn fixture_pairs() {
    insta::glob!(root(), "tests/fixtures/compare/*", |path| {
        let relative = crate::relative(path);
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default()
            .to_string();
        let rules = rules_of(&relative);
        let run = crosscheck(&[
            "report",
            "--no-reference",
            &relative,
            "--rules",
            &rules,
            "--no-timing",
            "--fail-on",
            "never",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let conflicts = run
            .stdout
            .lines()
            .filter(|line| line.starts_with("error[") || line.starts_with("warning["))
            .count();
        if name.starts_with("silent-") {
            assert_eq!(conflicts, 0, "{name} must stay silent:\n{}", run.stdout);
        } else if name.starts_with("conflict-") {
            assert!(conflicts >= 1, "{name} must report a conflict:\n{}", run.stdout);
        }
        snapshot!(format!("compare__{name}"), run.stdout);
    });
}

/// The fixtures of the comparator's news semantics (editions and revisions, grouped
/// disagreements, ranks against orders, the hierarchy, stated maxima, copies), in every format:
/// each must report what its name says.
#[test]
fn news_fixtures_in_every_format() {
    // (fixture, a text the text report must contain)
    let fixtures = [
        ("conflict-four-figures", "4 different figures"),
        ("silent-revision-in-sentence", "former figure"),
        ("change-same-source-editions", "revision between editions"),
        ("conflict-sources-same-year", "sources: USGS in"),
        ("conflict-rank-vs-order", "yet the corpus puts Russia above it"),
        ("conflict-rank-too-low", "above Vietnam"),
        ("overlap-rank-and-order", "the two agree"),
        ("overlap-hierarchy-rank-and-order", "within critical minerals"),
        ("silent-hierarchy-part-and-whole", "0 conflicts"),
        ("conflict-hierarchy-part-exceeds-whole", "compared softly"),
        ("conflict-up-to-far-below", "\"up to 21 million tonnes\""),
        ("silent-rising-lower-bounds", "0 conflicts"),
        ("silent-regional-rank-vs-world-rank", "0 conflicts"),
        ("shared-wording-fifty-copies", "50 articles contain identical sentences"),
        // Counts of different nouns are different measures; "people" and "persons" are one.
        ("silent-counts-of-different-nouns", "0 overlaps, 0 conflicts"),
        // A figure and its conversion are one claim that agrees with either figure.
        (
            "silent-currency-conversion",
            "3 articles agree that Rio Tinto's deal value is £5.1bn",
        ),
        (
            "conflict-counts-same-noun",
            "(2,600,000 people) and \"an estimated 8 million\" (≈ 8,000,000 persons)",
        ),
    ];
    for (name, expected) in fixtures {
        let path = format!("tests/fixtures/compare/{name}");
        let rules = rules_of(&path);
        for format in ["text", "json", "markdown"] {
            let run = crosscheck(&[
                "report",
                "--no-reference",
                &path,
                "--rules",
                &rules,
                "--no-timing",
                "--fail-on",
                "never",
                "--format",
                format,
            ]);
            assert_eq!(run.code, 0, "{name} ({format}): {}", run.stderr);
            if format == "text" {
                assert!(
                    run.stdout.contains(expected),
                    "{name}: no `{expected}` in\n{}",
                    run.stdout
                );
            }
            if format == "json" {
                let parsed: serde_json::Value = serde_json::from_str(&run.stdout).expect("the report is JSON");
                assert_eq!(parsed["version"], 1);
            }
            // The text report's snapshot is `fixture_pairs`'s.
            if format != "text" {
                snapshot!(format!("compare_news__{name}__{format}"), run.stdout);
            }
        }
    }
}
