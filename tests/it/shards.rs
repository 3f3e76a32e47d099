//! `crosscheck compare`: claims extracted in shards, compared later, give the findings `report`
//! gives for the same articles.

use std::fs;
use std::path::Path;

use crate::{crosscheck, root};

fn findings(json: &str) -> serde_json::Value {
    let report: serde_json::Value = serde_json::from_str(json).expect("a JSON report");
    report["findings"].clone()
}

/// Extracts each example article into a shard of its own, named so that the shards' order is
/// not the articles' order.
fn shards(dir: &Path, format: &str) -> usize {
    let mut count = 0;
    let mut articles: Vec<_> = fs::read_dir(root().join("examples"))
        .expect("examples/")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    articles.sort();
    for (index, article) in articles.iter().enumerate() {
        let shard = dir.join(format!("{:02}.{format}", articles.len() - index));
        let run = crosscheck(&[
            "extract",
            article.to_str().expect("a UTF-8 path"),
            "--root",
            ".",
            "-f",
            format,
            "-o",
            shard.to_str().expect("a UTF-8 path"),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        count += 1;
    }
    count
}

#[test]
fn shards_compared_give_the_reports_findings() {
    let report = crosscheck(&["report", "examples", "-f", "json", "--no-timing"]);
    assert_eq!(report.code, 1, "{}", report.stderr);
    let expected = findings(&report.stdout);
    assert!(expected.as_array().is_some_and(|findings| findings.len() > 20));
    for format in ["jsonl", "json"] {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let count = shards(dir.path(), format);
        assert!(count > 10);
        // The same claims twice (a whole extraction beside the shards) are compared once.
        let whole = dir.path().join(format!("nested/all.{format}"));
        fs::create_dir_all(whole.parent().expect("a parent")).expect("nested/");
        let run = crosscheck(&[
            "extract",
            "examples",
            "-f",
            format,
            "-o",
            whole.to_str().expect("UTF-8"),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let compared = crosscheck(&[
            "compare",
            dir.path().to_str().expect("UTF-8"),
            "-f",
            "json",
            "--no-timing",
        ]);
        assert_eq!(compared.code, 1, "{format}: {}", compared.stderr);
        assert_eq!(findings(&compared.stdout), expected, "{format}");
    }
}

#[test]
fn a_claim_listing_keeps_the_articles_and_gives_the_same_text_report() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let listing = dir.path().join("claims.json");
    let run = crosscheck(&[
        "extract",
        "examples",
        "-f",
        "json",
        "-o",
        listing.to_str().expect("UTF-8"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = crosscheck(&["report", "examples", "--no-timing"]);
    let compared = crosscheck(&["compare", listing.to_str().expect("UTF-8"), "--no-timing"]);
    assert_eq!(compared.stdout, report.stdout);
    // --select works on claims as on rules.
    let selected = crosscheck(&[
        "compare",
        listing.to_str().expect("UTF-8"),
        "--select",
        "reserve-rank",
        "--no-reference",
        "-f",
        "json",
        "--no-timing",
    ]);
    let report: serde_json::Value = serde_json::from_str(&selected.stdout).expect("JSON");
    let rules: Vec<&str> = report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|claim| claim["rule"].as_str())
        .collect();
    assert!(
        !rules.is_empty() && rules.iter().all(|rule| *rule == "reserve-rank"),
        "{rules:?}"
    );
}

#[test]
fn bad_claim_files_are_errors_with_a_place() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let good = dir.path().join("a.jsonl");
    let run = crosscheck(&[
        "extract",
        "examples/2025-02-25-northbridge-ledger-putin-minerals.md",
        "-f",
        "jsonl",
        "-o",
        good.to_str().expect("UTF-8"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bad = dir.path().join("b.jsonl");
    fs::write(&bad, "\n{\"id\": 7}\n").expect("writing");
    let run = crosscheck(&["compare", dir.path().to_str().expect("UTF-8"), "--no-timing"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("b.jsonl:2:8: not a claim: invalid type: integer `7`, expected a string;"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("summary: 1 article,"),
        "the good shard is still compared:\n{}",
        run.stdout
    );
    let missing = crosscheck(&["compare", "no/such/shard.jsonl"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no/such/shard.jsonl: no such file"),
        "{}",
        missing.stderr
    );
    // Claims of rules the rules directory does not have are named.
    let text = fs::read_to_string(&good).expect("the shard");
    fs::write(
        &good,
        text.replace("\"rule\":\"reserve-rank\"", "\"rule\":\"old-rank\""),
    )
    .expect("writing");
    fs::remove_file(&bad).expect("removing");
    let run = crosscheck(&["compare", dir.path().to_str().expect("UTF-8"), "--no-timing"]);
    assert!(run.stderr.contains("not in the rules (old-rank)"), "{}", run.stderr);
}
