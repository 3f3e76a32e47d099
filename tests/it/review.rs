//! Review workflow: `crosscheck test` with failing examples, cases and coverage; baselines and
//! `crosscheck diff`; acknowledged findings with `crosscheck ack`.
//!
//! Corpora that are edited between two runs are built in a temporary directory and the binary
//! is run there with relative paths, so claim ids (which hash the article path) and the
//! snapshots do not depend on where the directory is.

use std::path::Path;

use serde_json::Value as Json;

use crate::{crosscheck, crosscheck_in, fixture, root, snapshot};

/// Copies the files of `from` (not recursive) into the new directory `to`.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the copy");
    for entry in std::fs::read_dir(from).expect("read the directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_file() {
            std::fs::copy(&path, to.join(path.file_name().expect("a file name"))).expect("copy a file");
        }
    }
}

/// Replaces `from` (which must occur) with `to` in the file at `path`.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read the article");
    assert!(text.contains(from), "{} does not contain {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write the article");
}

fn json(text: &str) -> Json {
    serde_json::from_str(text).expect("the output is JSON")
}

/// (status, kind, conflict, key) of every finding of a JSON report.
fn statuses(document: &Json) -> Vec<(String, String, String, String)> {
    let text = |value: &Json| value.as_str().unwrap_or("-").to_owned();
    document["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|finding| {
            (
                text(&finding["status"]),
                text(&finding["kind"]),
                text(&finding["conflict"]),
                text(&finding["key"]),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// crosscheck test

/// Passing and failing examples, cases and coverage, as a rule author sees them.
#[test]
fn test_output_with_passing_and_failing_checks() {
    let run = crosscheck(&["test", "--rules", "tests/fixtures/review/rules", "--coverage"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.ends_with("5 passed, 5 failed\n"), "{}", run.stdout);
    snapshot!("review_test_failures", run.stdout);

    let without_coverage = crosscheck(&["test", "--rules", "tests/fixtures/review/rules"]);
    assert!(without_coverage.stdout.ends_with("4 passed, 4 failed\n"));
    assert!(!without_coverage.stdout.contains("coverage"));

    let filtered = crosscheck(&[
        "test",
        "--rules",
        "tests/fixtures/review/rules",
        "--filter",
        "cities-agree",
    ]);
    assert_eq!(filtered.code, 0, "{}", filtered.stdout);
    assert_eq!(filtered.stdout, "2 passed, 0 failed\n");
}

#[test]
fn bundled_rules_pass_examples_cases_and_coverage() {
    for args in [&["test"][..], &["test", "--coverage"]] {
        let run = crosscheck(args);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let last = run.stdout.lines().last().unwrap_or_default();
        assert!(last.ends_with(" passed, 0 failed"), "{last}");
    }
    // Each bundled case runs (two checks in the rank case, one in the order case).
    for (case, checks) in [
        ("russia-rank-conflict", 2),
        ("china-reserves-agree", 2),
        ("different-years-silent", 2),
        ("order-conflict", 1),
        ("vietnam-revision-is-a-change", 2),
        ("eu-import-share-conflict", 1),
        ("world-total-never-ranked", 2),
        ("table-rank-vs-statement", 1),
    ] {
        let run = crosscheck(&["test", "--filter", case]);
        assert_eq!(run.stdout, format!("{checks} passed, 0 failed\n"), "case {case}");
    }
}

/// `cases/*/expect.toml` is not a rules file: only `*.toml` directly in the directory is read.
#[test]
fn case_files_are_not_loaded_as_rules() {
    let set = crosscheck::commands::load_rules_dir(&root().join("rules")).expect("bundled rules load");
    assert!(!set.files.is_empty());
    for file in &set.files {
        let path = Path::new(&file.path);
        assert_eq!(path.parent(), Some(root().join("rules").as_path()), "{}", file.path);
        assert_ne!(path.file_name().and_then(|name| name.to_str()), Some("expect.toml"));
    }
    assert!(root().join("rules/cases/russia-rank-conflict/expect.toml").is_file());
}

// ---------------------------------------------------------------------------------------------
// Baselines and diff

const RIDGELINE: &str = "2025-03-12-ridgeline-post-kyiv-minerals.md";

/// Editing one sentence of one example article resolves India's self-contradiction and
/// introduces a Greenland conflict: exactly those two show up, in every format and both ways.
#[test]
fn baseline_diff_shows_exactly_the_resolved_and_the_new_conflict() {
    let temporary = tempfile::tempdir().expect("a temporary directory");
    let dir = temporary.path();
    let rules = root().join("rules");
    let rules = rules.to_str().expect("a UTF-8 path");
    copy_dir(&root().join("examples"), &dir.join("corpus"));
    let old = crosscheck_in(
        dir,
        &[
            "report",
            "--no-reference",
            "corpus",
            "--rules",
            rules,
            "--format",
            "json",
            "-o",
            "old.json",
            "--no-timing",
        ],
    );
    assert_eq!(old.code, 1, "{}", old.stderr);

    edit(
        &dir.join("corpus").join(RIDGELINE),
        "India's rare earth reserves stand at 6.9 million tonnes.",
        "Greenland's rare earth reserves stand at 42 million tonnes.",
    );
    let new = crosscheck_in(
        dir,
        &[
            "report",
            "--no-reference",
            "corpus",
            "--rules",
            rules,
            "--format",
            "json",
            "-o",
            "new.json",
            "--no-timing",
        ],
    );
    assert_eq!(new.code, 1, "{}", new.stderr);

    let diff = crosscheck_in(dir, &["diff", "old.json", "new.json"]);
    assert_eq!(diff.code, 0, "the new conflict is only a warning: {}", diff.stderr);
    snapshot!("review_baseline_diff_text", diff.stdout);

    let strict = crosscheck_in(dir, &["diff", "old.json", "new.json", "--fail-on", "warning"]);
    assert_eq!(strict.code, 1);

    let baseline = crosscheck_in(
        dir,
        &[
            "report",
            "--no-reference",
            "corpus",
            "--rules",
            rules,
            "--baseline",
            "old.json",
            "--no-timing",
        ],
    );
    assert_eq!(baseline.code, 0, "{}", baseline.stderr);
    assert_eq!(baseline.stdout, diff.stdout, "report --baseline and diff agree");

    let document = json(&crosscheck_in(dir, &["diff", "old.json", "new.json", "--format", "json"]).stdout);
    let key = |subject: &str| format!("reserves · {subject} · rare-earths");
    assert_eq!(
        statuses(&document),
        [
            ("new".into(), "conflict".into(), "quantity".into(), key("greenland")),
            ("resolved".into(), "conflict".into(), "quantity".into(), key("india")),
        ]
    );
    assert_eq!(document["summary"]["new"], 1);
    assert_eq!(document["summary"]["resolved"], 1);
    assert_eq!(document["summary"]["findings"], 2);
    let unchanged = document["summary"]["unchanged"].as_u64().expect("a count");
    assert!(unchanged > 10, "{unchanged}");

    let markdown = crosscheck_in(dir, &["diff", "old.json", "new.json", "--format", "markdown"]);
    snapshot!("review_baseline_diff_markdown", markdown.stdout);

    // Swapping the reports swaps the statuses.
    let reverse = json(&crosscheck_in(dir, &["diff", "new.json", "old.json", "--format", "json"]).stdout);
    let reversed: Vec<String> = statuses(&reverse).into_iter().map(|status| status.0).collect();
    assert_eq!(reversed, ["new", "resolved"]);
    assert_eq!(reverse["findings"][0]["key"], key("india"));
}

/// An edit that adds a paragraph above every claim of an article changes no finding.
#[test]
fn an_unrelated_edit_changes_no_finding() {
    let temporary = tempfile::tempdir().expect("a temporary directory");
    let dir = temporary.path();
    let rules = root().join("rules");
    let rules = rules.to_str().expect("a UTF-8 path");
    copy_dir(&root().join("examples"), &dir.join("corpus"));
    let old = crosscheck_in(
        dir,
        &["report", "corpus", "--rules", rules, "-f", "json", "-o", "old.json"],
    );
    assert_eq!(old.code, 1, "{}", old.stderr);
    edit(
        &dir.join("corpus").join(RIDGELINE),
        "India's rare earth reserves stand at",
        "Some background first.\n\nA new paragraph, with a line of its own, moves everything below it.\n\nIndia's rare earth reserves stand at",
    );
    let run = crosscheck_in(
        dir,
        &[
            "report",
            "corpus",
            "--rules",
            rules,
            "--baseline",
            "old.json",
            "--no-timing",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("nothing new or resolved since the baseline\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("summary: 0 new, 0 acknowledged, 0 resolved, "),
        "{}",
        run.stdout
    );
}

#[test]
fn unreadable_reports_are_errors_that_name_the_file() {
    let temporary = tempfile::tempdir().expect("a temporary directory");
    let dir = temporary.path();
    let good = crosscheck(&["report", "examples", "--rules", "rules", "-f", "json"]).stdout;
    std::fs::write(dir.join("good.json"), &good).expect("write");
    std::fs::write(dir.join("broken.json"), &good[..good.len() / 2]).expect("write");
    std::fs::write(
        dir.join("future.json"),
        good.replacen("\"version\": 1", "\"version\": 2", 1),
    )
    .expect("write");
    let claims = crosscheck(&["extract", "examples", "--rules", "rules", "-f", "json"]).stdout;
    std::fs::write(dir.join("claims.json"), claims).expect("write");
    let comparison = crosscheck_in(dir, &["diff", "good.json", "good.json", "-f", "json"]).stdout;
    std::fs::write(dir.join("comparison.json"), comparison).expect("write");

    for (file, message) in [
        ("broken.json", "broken.json: not valid JSON"),
        ("future.json", "future.json: report format version 2 is not supported"),
        (
            "claims.json",
            "claims.json: not a crosscheck report: it has no `findings`",
        ),
        (
            "comparison.json",
            "comparison.json: this is a comparison with a baseline",
        ),
        ("missing.json", "missing.json: cannot read report"),
    ] {
        let run = crosscheck_in(dir, &["diff", "good.json", file]);
        assert_eq!(run.code, 2, "{file}: {}", run.stdout);
        assert!(run.stdout.is_empty(), "{file}: {}", run.stdout);
        assert!(run.stderr.contains(message), "{file}: {}", run.stderr);
        let run = crosscheck_in(
            dir,
            &[
                "report",
                "--rules",
                root().join("rules").to_str().expect("UTF-8"),
                "--baseline",
                file,
            ],
        );
        assert_eq!(run.code, 2, "{file}");
        assert!(run.stderr.contains(message), "{file}: {}", run.stderr);
    }
}

// ---------------------------------------------------------------------------------------------
// Acknowledgements

/// A corpus of two articles that disagree on Porto's population, read with the fixture pack
/// copied as one rules file (so the default acknowledgements file is beside it).
fn porto_corpus(dir: &Path) {
    std::fs::copy(fixture("review/rules/pack.toml"), dir.join("pack.toml")).expect("copy the rules");
    std::fs::create_dir(dir.join("news")).expect("create the corpus");
    std::fs::write(dir.join("news/one.txt"), "Porto has 230,000 inhabitants.\n").expect("write");
    std::fs::write(
        dir.join("news/two.txt"),
        "The city council met on Monday.\n\nPorto counts 310,000 residents, the mayor's office says.\n",
    )
    .expect("write");
}

fn report_json(dir: &Path) -> (i32, Json) {
    let run = crosscheck_in(
        dir,
        &["report", "news", "--rules", "pack.toml", "-f", "json", "--no-timing"],
    );
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    (run.code, json(&run.stdout))
}

#[test]
fn an_acknowledged_finding_stays_acknowledged_until_a_claim_changes() {
    let temporary = tempfile::tempdir().expect("a temporary directory");
    let dir = temporary.path();
    porto_corpus(dir);
    let saved = crosscheck_in(
        dir,
        &[
            "report",
            "news",
            "--rules",
            "pack.toml",
            "-f",
            "json",
            "-o",
            "before.json",
        ],
    );
    assert_eq!(saved.code, 1, "the conflict fails the run: {}", saved.stderr);
    let before = json(&std::fs::read_to_string(dir.join("before.json")).expect("the saved report"));
    let id = before["findings"][0]["id"].as_str().expect("a finding id").to_owned();
    assert_eq!(before["findings"][0]["conflict"], "quantity");
    assert!(before["findings"][0]["status"].is_null());

    // Acknowledge it: the default file is created beside the rules file.
    let ack = crosscheck_in(
        dir,
        &[
            "ack",
            &id,
            "--reason",
            "the two figures count different areas",
            "--report",
            "before.json",
            "--rules",
            "pack.toml",
        ],
    );
    assert_eq!(ack.code, 0, "{}", ack.stderr);
    assert!(ack.stderr.contains("acknowledged.toml"), "{}", ack.stderr);
    let file = std::fs::read_to_string(dir.join("acknowledged.toml")).expect("the acknowledgements file");
    snapshot!("review_acknowledged_file", file.replace(&id, "<finding id>"));

    // Acknowledging it twice, or a finding the report does not have, is an error.
    let again = crosscheck_in(
        dir,
        &[
            "ack",
            &id,
            "--reason",
            "again",
            "--report",
            "before.json",
            "--rules",
            "pack.toml",
        ],
    );
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already acknowledged"), "{}", again.stderr);
    let unknown = crosscheck_in(
        dir,
        &[
            "ack",
            "0123456789abcdef",
            "--reason",
            "x",
            "--report",
            "before.json",
            "--rules",
            "pack.toml",
        ],
    );
    assert_eq!(unknown.code, 2);
    assert!(
        unknown
            .stderr
            .contains("no finding id starts with `0123456789abcdef` in before.json"),
        "{}",
        unknown.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("acknowledged.toml")).expect("the file"),
        file,
        "failed acks leave the file alone"
    );

    // Later reports show it as acknowledged and do not fail.
    let text = crosscheck_in(dir, &["report", "news", "--rules", "pack.toml", "--no-timing"]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    snapshot!("review_acknowledged_report", text.stdout.replace(&id, "<finding id>"));
    let (code, document) = report_json(dir);
    assert_eq!(code, 0);
    assert_eq!(document["findings"][0]["status"], "acknowledged");
    assert_eq!(
        document["findings"][0]["acknowledged"],
        "the two figures count different areas"
    );
    assert_eq!(document["summary"]["acknowledged"], 1);

    // An unrelated edit of its article keeps the finding id, so it stays acknowledged.
    edit(
        &dir.join("news/two.txt"),
        "The city council met on Monday.",
        "Heavy rain closed two bridges.\n\nThe city council met on Monday, a day late.",
    );
    let (code, document) = report_json(dir);
    assert_eq!(code, 0);
    assert_eq!(document["findings"][0]["id"], id.as_str());
    assert_eq!(document["findings"][0]["status"], "acknowledged");
    let baseline = crosscheck_in(
        dir,
        &["report", "news", "--rules", "pack.toml", "--baseline", "before.json"],
    );
    assert_eq!(baseline.code, 0);
    assert!(
        baseline
            .stdout
            .starts_with("nothing new or resolved since the baseline\n"),
        "{}",
        baseline.stdout
    );

    // A changed claim makes a new finding: new, not acknowledged, failing again.
    edit(&dir.join("news/two.txt"), "310,000", "330,000");
    let (code, document) = report_json(dir);
    assert_eq!(code, 1);
    assert_ne!(document["findings"][0]["id"], id.as_str());
    assert!(document["findings"][0]["status"].is_null());
    assert!(document["findings"][0]["acknowledged"].is_null());
    assert_eq!(document["summary"]["acknowledged"], 0);
    let baseline = crosscheck_in(
        dir,
        &[
            "report",
            "news",
            "--rules",
            "pack.toml",
            "--baseline",
            "before.json",
            "-f",
            "json",
        ],
    );
    assert_eq!(baseline.code, 1, "the new conflict fails the run");
    let listed: Vec<String> = statuses(&json(&baseline.stdout))
        .into_iter()
        .map(|status| status.0)
        .collect();
    assert_eq!(listed, ["new", "resolved"]);
}

/// A finding acknowledged after the baseline was saved shows as acknowledged, not new, and
/// does not fail the comparison; `--acknowledged` names the file explicitly.
#[test]
fn acknowledged_findings_are_not_new() {
    let temporary = tempfile::tempdir().expect("a temporary directory");
    let dir = temporary.path();
    porto_corpus(dir);
    std::fs::write(dir.join("news/two.txt"), "Lyon has 520,000 inhabitants.\n").expect("write");
    let old = crosscheck_in(
        dir,
        &["report", "news", "--rules", "pack.toml", "-f", "json", "-o", "old.json"],
    );
    assert_eq!(old.code, 0, "{}", old.stderr);
    std::fs::write(dir.join("news/three.txt"), "Porto counts 310,000 residents.\n").expect("write");
    let new = crosscheck_in(
        dir,
        &["report", "news", "--rules", "pack.toml", "-f", "json", "-o", "new.json"],
    );
    assert_eq!(new.code, 1);
    let id = json(&std::fs::read_to_string(dir.join("new.json")).expect("saved"))["findings"][0]["id"]
        .as_str()
        .expect("an id")
        .to_owned();
    let ack = crosscheck_in(
        dir,
        &[
            "ack",
            &id,
            "--reason",
            "metro area",
            "--report",
            "new.json",
            "--file",
            "reviewed.toml",
        ],
    );
    assert_eq!(ack.code, 0, "{}", ack.stderr);
    let run = crosscheck_in(
        dir,
        &[
            "report",
            "news",
            "--rules",
            "pack.toml",
            "--baseline",
            "old.json",
            "--acknowledged",
            "reviewed.toml",
            "--no-timing",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("acknowledged error[quantity]: "),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("= acknowledged: metro area\n"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("summary: 0 new, 1 acknowledged, 0 resolved, 0 unchanged"),
        "{}",
        run.stdout
    );

    let missing = crosscheck_in(
        dir,
        &["report", "news", "--rules", "pack.toml", "--acknowledged", "nope.toml"],
    );
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("nope.toml: cannot read acknowledgements file"),
        "{}",
        missing.stderr
    );
}

/// With a rules directory, the default acknowledgements file lands inside it and is not read as
/// a rules file by the next run.
#[test]
fn acknowledgements_inside_a_rules_directory_are_not_rules() {
    let temporary = tempfile::tempdir().expect("a temporary directory");
    let dir = temporary.path();
    copy_dir(&root().join("rules"), &dir.join("rules"));
    copy_dir(&fixture("compare/conflict-quantity"), &dir.join("news"));
    let saved = crosscheck_in(
        dir,
        &["report", "news", "--rules", "rules", "-f", "json", "-o", "before.json"],
    );
    assert_eq!(saved.code, 1, "{}", saved.stderr);
    let before = json(&std::fs::read_to_string(dir.join("before.json")).expect("the saved report"));
    let id = before["findings"][0]["id"].as_str().expect("a finding id").to_owned();
    let ack = crosscheck_in(
        dir,
        &[
            "ack",
            &id,
            "--reason",
            "checked",
            "--report",
            "before.json",
            "--rules",
            "rules",
        ],
    );
    assert_eq!(ack.code, 0, "{}", ack.stderr);
    assert!(dir.join("rules/acknowledged.toml").is_file());
    let check = crosscheck_in(dir, &["check", "--rules", "rules"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let after = crosscheck_in(dir, &["report", "news", "--rules", "rules", "-f", "json"]);
    assert_eq!(
        after.code, 0,
        "an acknowledged conflict does not fail the run: {}",
        after.stderr
    );
    assert_eq!(json(&after.stdout)["findings"][0]["status"], "acknowledged");
}
