//! Context beyond the sentence: publication dates and effective time, subjects resolved from
//! the sentences before, entities that stand for others, attribution, negation and hedges in
//! their scope. Fixtures in `tests/fixtures/context/` (rules in `rules/`), each with a
//! snapshot of `extract` and of `explain`; the must-not-resolve cases sit beside the others.

use crosscheck::matcher::Matcher;
use crosscheck::text::{LoadOptions, load_file};

use crate::{crosscheck, fixture, root, snapshot};

const RULES: &str = "tests/fixtures/context/rules";

/// Every fixture article, one `extract` snapshot and one `explain` snapshot each.
#[test]
fn fixtures_extract_and_explain() {
    insta::glob!(root(), "tests/fixtures/context/*.{txt,md,html,jsonl}", |path| {
        let relative = crate::relative(path);
        let stem = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default()
            .replace('.', "_");
        let rules = if stem.starts_with("seed") { "rules" } else { RULES };
        let run = crosscheck(&["extract", &relative, "--rules", rules]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        snapshot!(format!("context__extract_{stem}"), run.stdout);
        if path.extension().is_none_or(|extension| extension != "jsonl") {
            let run = crosscheck(&["explain", &relative, "--rules", rules]);
            assert_eq!(run.code, 0, "{}", run.stderr);
            snapshot!(format!("context__explain_{stem}"), run.stdout);
        }
    });
}

/// The JSON of claims carries the new fields; claims without context carry none of them.
#[test]
fn json_fields() {
    let run = crosscheck(&[
        "extract",
        "tests/fixtures/context/anaphora.txt",
        "tests/fixtures/context/stand-ins.txt",
        "tests/fixtures/context/time.md",
        "--rules",
        RULES,
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snapshot!("context__extract_json", run.stdout);
    let plain = crosscheck(&[
        "extract",
        "tests/fixtures/context/negation.txt",
        "--rules",
        RULES,
        "--format",
        "jsonl",
    ]);
    for field in [
        "\"time\"",
        "\"antecedent\"",
        "\"stand_in\"",
        "\"source\"",
        "\"edition\"",
    ] {
        assert!(
            !plain.stdout.contains(field),
            "{field} in a claim with no context:\n{}",
            plain.stdout
        );
    }
}

/// A report over articles dated 2023 and 2025 whose sentences name no year shows each claim's
/// effective year.
#[test]
fn report_shows_effective_years() {
    let run = crosscheck(&[
        "report",
        "--no-reference",
        "tests/fixtures/context/dated",
        "--rules",
        "rules",
        "--fail-on",
        "never",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("· 2023 (published) ·"), "{}", run.stdout);
    assert!(run.stdout.contains("· 2025 (published) ·"), "{}", run.stdout);
    let summary = run.stdout.find("summary:").unwrap_or(run.stdout.len());
    snapshot!("context__report_dated", &run.stdout[..summary]);
    let json = crosscheck(&[
        "report",
        "--no-reference",
        "tests/fixtures/context/dated",
        "--rules",
        "rules",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).expect("the report is JSON");
    let years: Vec<(i64, &str)> = report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|claim| {
            (
                claim["time"]["year"].as_i64().expect("year"),
                claim["time"]["basis"].as_str().expect("basis"),
            )
        })
        .collect();
    assert_eq!(years, [(2023, "published"), (2025, "published")]);
}

/// Resolution reads sentences the prefilter drops: the filtered matcher finds exactly the
/// claims of the unfiltered one on every context fixture.
#[test]
fn prefilter_stays_exact_with_context() {
    let set = crosscheck::commands::load_rules_dir(&root().join(RULES)).expect("context rules load");
    let matcher = Matcher::new(&set);
    assert!(matcher.prefilter_is_active());
    let mut resolved = 0;
    for name in ["anaphora.txt", "stand-ins.txt", "attribution.txt", "seed-like.txt"] {
        let path = fixture(&format!("context/{name}"));
        let loaded = load_file(&path, name, &LoadOptions::default()).expect("fixture loads");
        for article in &loaded.articles {
            let filtered = matcher.extract(article);
            assert_eq!(filtered, matcher.extract_unfiltered(article), "{name}");
            resolved += filtered.iter().filter(|claim| claim.antecedent.is_some()).count();
        }
    }
    assert!(resolved >= 3, "the fixtures resolve antecedents: {resolved}");
}

/// A broken `stands_for` is an error naming file, line and column, exit 2.
#[test]
fn bad_stands_for_is_located() {
    let run = crosscheck(&["check", "--rules", "tests/fixtures/context/bad-rules"]);
    assert_eq!(run.code, 2);
    snapshot!("context__bad_stands_for", run.stderr);
}

/// A report quotes where context came from: the antecedent of "This", the stand-in "Putin".
#[test]
fn report_quotes_antecedents_and_stand_ins() {
    let run = crosscheck(&[
        "report",
        "--no-reference",
        "tests/fixtures/context/report",
        "--rules",
        "rules",
        "--no-timing",
        "--fail-on",
        "never",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("context: \"This\" refers back to \"Moscow\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("context: \"Putin\" stands for russia"),
        "{}",
        run.stdout
    );
    snapshot!("context__report_context", run.stdout);
    let markdown = crosscheck(&[
        "report",
        "--no-reference",
        "tests/fixtures/context/report",
        "--rules",
        "rules",
        "--no-timing",
        "--fail-on",
        "never",
        "--format",
        "markdown",
    ]);
    snapshot!("context__report_context_markdown", markdown.stdout);
}
