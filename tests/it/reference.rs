//! Reference tables end to end: claims held against a table in every report format, the
//! bundled table through the examples, and one fixture per way a reference file can be wrong.

use crate::{crosscheck, crosscheck_in, root, snapshot};

const TABLES: [&str; 4] = [
    "--reference",
    "tests/fixtures/reference/table.csv",
    "--reference",
    "tests/fixtures/reference/table.toml",
];

fn report(format: &str) -> crate::Run {
    let mut args = vec![
        "report",
        "tests/fixtures/reference/articles",
        "--no-timing",
        "--format",
        format,
    ];
    args.extend(TABLES);
    crosscheck(&args)
}

/// Agreement, disagreement (figure, implied rank, order), another time and a stated rank, in
/// text, JSON and Markdown; disagreements fail the run like conflicts.
#[test]
fn reference_findings_in_every_format() {
    let text = report("text");
    assert_eq!(
        text.code, 1,
        "a plain claim the table contradicts fails the run: {}",
        text.stderr
    );
    for header in [
        "note[reference:agrees]",
        "error[reference:disagrees]",
        "warning[reference:disagrees]",
        "note[reference:other-time]",
    ] {
        assert!(text.stdout.contains(header), "no {header}:\n{}", text.stdout);
    }
    assert!(
        text.stdout.contains("put Russia 5th"),
        "the implied rank: {}",
        text.stdout
    );
    assert!(
        text.stdout.contains("larger than India's, but"),
        "the order: {}",
        text.stdout
    );
    assert!(
        text.stdout.contains("ranks them 1st"),
        "the stated rank: {}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("= reference: tests/fixtures/reference/table.toml:2"),
        "the row's file:line: {}",
        text.stdout
    );
    snapshot!("reference_report_text", text.stdout);

    let json = report("json");
    let parsed: serde_json::Value = serde_json::from_str(&json.stdout).expect("the report is JSON");
    let findings = parsed["findings"].as_array().expect("findings");
    let checked: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|finding| finding["kind"] == "reference")
        .collect();
    assert!(!checked.is_empty());
    for finding in &checked {
        let reference = &finding["reference"];
        assert!(
            reference["file"]
                .as_str()
                .is_some_and(|file| file.starts_with("tests/fixtures/reference/"))
        );
        assert!(reference["line"].as_u64().is_some_and(|line| line >= 2));
        assert_eq!(finding["claims"].as_array().map(Vec::len), Some(1), "the quoted claim");
    }
    let others = findings.iter().filter(|finding| finding["kind"] != "reference");
    assert!(others.into_iter().all(|finding| finding.get("reference").is_none()));
    assert_eq!(parsed["summary"]["references"], checked.len());
    snapshot!("reference_report_json", json.stdout);

    let markdown = report("markdown");
    assert!(markdown.stdout.contains("## Against the reference"));
    snapshot!("reference_report_markdown", markdown.stdout);
}

/// Every key a reference finding writes is described by the report schema and documented.
#[test]
fn reference_keys_are_in_the_schema_and_the_docs() {
    let schema = std::fs::read_to_string(root().join("docs/report.schema.json")).expect("the schema");
    let documentation = std::fs::read_to_string(root().join("docs/report-format.md")).expect("the docs");
    let json = report("json");
    let parsed: serde_json::Value = serde_json::from_str(&json.stdout).expect("the report is JSON");
    let finding = parsed["findings"]
        .as_array()
        .and_then(|findings| findings.iter().find(|finding| finding["kind"] == "reference"))
        .expect("a reference finding");
    let mut keys: Vec<&str> = finding["reference"]
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.extend(["references", "disagreements", "reference", "other_time"]);
    for key in keys {
        assert!(
            schema.contains(&format!("\"{key}\"")),
            "docs/report.schema.json lacks `{key}`"
        );
        assert!(
            documentation.contains(&format!("`{key}`")),
            "docs/report-format.md lacks `{key}`"
        );
    }
}

/// A saved report with reference findings reads back: `diff` of a run without the table and
/// one with it lists the reference findings as new (citations included), and a report
/// against itself finds nothing new.
#[test]
fn reference_findings_survive_saved_reports() {
    let temporary = tempfile::tempdir().expect("a temporary directory");
    let dir = temporary.path();
    let articles = root().join("tests/fixtures/reference/articles");
    let articles = articles.to_str().expect("a UTF-8 path");
    let table = root().join("tests/fixtures/reference/table.csv");
    let table = table.to_str().expect("a UTF-8 path");
    let rules = root().join("rules");
    let rules = rules.to_str().expect("a UTF-8 path");
    let base = [
        "report",
        articles,
        "--rules",
        rules,
        "--no-timing",
        "--format",
        "json",
        "-o",
    ];
    let mut without = base.to_vec();
    without.extend(["old.json", "--no-reference"]);
    // Exit 1: "second only to China" (Brazil, 2nd) and "the world's second-largest" (Russia)
    // are a rank conflict between the articles themselves, with or without the table.
    assert_eq!(crosscheck_in(dir, &without).code, 1);
    let mut with = base.to_vec();
    with.extend(["new.json", "--reference", table]);
    assert_eq!(crosscheck_in(dir, &with).code, 1);

    let diff = crosscheck_in(dir, &["diff", "old.json", "new.json"]);
    assert_eq!(diff.code, 1, "a new disagreement fails the diff: {}", diff.stderr);
    assert!(
        diff.stdout.contains("new error[reference:disagrees]"),
        "{}",
        diff.stdout
    );
    assert!(
        diff.stdout.contains("= reference: "),
        "the citation reads back: {}",
        diff.stdout
    );
    let same = crosscheck_in(dir, &["diff", "new.json", "new.json"]);
    assert_eq!(same.code, 0, "{}", same.stderr);
    assert!(same.stdout.contains("nothing new or resolved"), "{}", same.stdout);
}

/// The bundled table sits beside the rules and is found without `--reference`.
#[test]
fn the_rules_directory_reference_is_found() {
    let run = crosscheck(&["check", "--rules", "rules"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("reference rows ok"), "{}", run.stderr);
    let off = crosscheck(&[
        "report",
        "examples",
        "--no-reference",
        "--no-timing",
        "--fail-on",
        "never",
    ]);
    assert!(!off.stdout.contains("[reference:"), "--no-reference turns it off");
}

/// Each broken reference file is an error at `file:line:column`, exit 2, no panic.
#[test]
fn bad_reference_files() {
    insta::glob!(root(), "tests/fixtures/reference/bad/*", |path| {
        let relative = crate::relative(path);
        let run = crosscheck(&["report", "tests/fixtures/reference/articles", "--reference", &relative]);
        assert_eq!(run.code, 2, "{relative}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "no report for a broken table");
        assert!(run.stderr.contains(&format!("--> {relative}:")), "{}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        snapshot!("reference__bad", run.stderr);
    });
}

/// A reference finding's id rests on content, not on lines: moving the rows down the file (a
/// comment added above them) keeps every id, while the cited line follows the row.
#[test]
fn reference_finding_ids_survive_moved_rows() {
    let temporary = tempfile::tempdir().expect("a temporary directory");
    let original = std::fs::read_to_string(root().join("tests/fixtures/reference/table.csv")).expect("the table");
    let moved = temporary.path().join("moved.csv");
    std::fs::write(&moved, format!("# a new comment\n# and another\n{original}")).expect("write the table");
    let run = |table: &str| {
        let run = crosscheck(&[
            "report",
            "tests/fixtures/reference/articles",
            "--reference",
            table,
            "--format",
            "json",
            "--fail-on",
            "never",
        ]);
        let parsed: serde_json::Value = serde_json::from_str(&run.stdout).expect("the report is JSON");
        parsed["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|finding| finding["kind"] == "reference")
            .map(|finding| {
                (
                    finding["id"].as_str().unwrap_or_default().to_owned(),
                    finding["reference"]["line"].as_u64(),
                )
            })
            .collect::<Vec<_>>()
    };
    let before = run("tests/fixtures/reference/table.csv");
    let after = run(moved.to_str().expect("a UTF-8 path"));
    assert!(!before.is_empty());
    let ids = |findings: &[(String, Option<u64>)]| findings.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&before), ids(&after));
    for ((_, old), (_, new)) in before.iter().zip(&after) {
        assert_eq!(old.map(|line| line + 2), *new, "the cited line follows the row");
    }
}

/// A reference disagreement can be acknowledged like a conflict: `ack` finds it in a saved
/// report by id, writes its kind, and the next run no longer fails on it.
#[test]
fn reference_disagreements_can_be_acknowledged() {
    let temporary = tempfile::tempdir().expect("a temporary directory");
    let dir = temporary.path();
    let article = "---\ndate: 2025-05-03\n---\n\nRussia holds 28.7 million tonnes of rare-earth reserves.\n";
    std::fs::write(dir.join("article.md"), article).expect("write the article");
    std::fs::copy(
        root().join("rules/critical-minerals.toml"),
        dir.join("critical-minerals.toml"),
    )
    .expect("copy");
    std::fs::copy(root().join("rules/lexicons.toml"), dir.join("lexicons.toml")).expect("copy");
    std::fs::copy(root().join("tests/fixtures/reference/table.csv"), dir.join("table.csv")).expect("copy");
    let report = |extra: &[&str]| {
        let mut args = vec![
            "report",
            "article.md",
            "--rules",
            ".",
            "--reference",
            "table.csv",
            "--no-timing",
        ];
        args.extend(extra);
        crosscheck_in(dir, &args)
    };
    let saved = report(&["--format", "json", "-o", "before.json"]);
    assert_eq!(saved.code, 1, "the disagreement fails the run: {}", saved.stderr);
    let document: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("before.json")).expect("the report")).expect("JSON");
    let id = document["findings"][0]["id"].as_str().expect("a finding id").to_owned();
    assert_eq!(document["findings"][0]["kind"], "reference");
    let ack = crosscheck_in(
        dir,
        &[
            "ack",
            &id,
            "--reason",
            "the minister's figure, reported as such",
            "--report",
            "before.json",
            "--rules",
            ".",
        ],
    );
    assert_eq!(ack.code, 0, "{}", ack.stderr);
    let file = std::fs::read_to_string(dir.join("acknowledged.toml")).expect("the acknowledgements file");
    assert!(file.contains("kind = \"reference (disagrees)\""), "{file}");
    let after = report(&[]);
    assert_eq!(
        after.code, 0,
        "an acknowledged disagreement does not fail the run: {}",
        after.stdout
    );
    assert!(
        after.stdout.contains("acknowledged error[reference:disagrees]"),
        "{}",
        after.stdout
    );
}

/// `crosscheck schema --reference` is the committed `docs/reference.schema.json`, and it
/// describes every column of the format.
#[test]
fn the_reference_schema_is_committed_and_complete() {
    let run = crosscheck(&["schema", "--reference"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let committed = std::fs::read_to_string(root().join("docs/reference.schema.json")).expect("the schema");
    assert_eq!(
        run.stdout, committed,
        "docs/reference.schema.json is stale: run `crosscheck schema --reference --output docs/reference.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&committed).expect("JSON");
    let row = &schema["definitions"]["TomlRow"];
    for column in [
        "entity", "kind", "object", "value", "unit", "year", "date", "source", "edition", "url", "note",
    ] {
        assert!(row["properties"].get(column).is_some(), "the schema lacks `{column}`");
    }
    let required: Vec<&str> = row["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(|key| key.as_str())
        .collect();
    assert_eq!(required, ["entity", "kind", "value", "year", "source"]);
}

/// A rank within a region ("Latin America's largest") is not held against the table's world
/// ranking; the same words about the world are (issue 21, item 4).
#[test]
fn a_rank_within_a_region_is_not_checked_against_the_world() {
    let temporary = tempfile::tempdir().expect("a temporary directory");
    let dir = temporary.path();
    std::fs::write(
        dir.join("scoped.md"),
        "Brazil holds Latin America's largest rare earth reserves, the survey said.\n",
    )
    .expect("writes");
    std::fs::write(
        dir.join("world.md"),
        "Brazil holds the world's largest rare earth reserves.\n",
    )
    .expect("writes");
    let table = root().join("tests/fixtures/reference/table.csv");
    let rules = root().join("rules");
    let run = |file: &str| {
        crosscheck_in(
            dir,
            &[
                "report",
                file,
                "--rules",
                rules.to_str().expect("a UTF-8 path"),
                "--reference",
                table.to_str().expect("a UTF-8 path"),
                "--no-timing",
            ],
        )
    };
    let scoped = run("scoped.md");
    assert_eq!(scoped.code, 0, "{}{}", scoped.stdout, scoped.stderr);
    assert!(!scoped.stdout.contains("reference:"), "{}", scoped.stdout);
    assert!(scoped.stdout.contains("1 claim,"), "{}", scoped.stdout);
    let world = run("world.md");
    assert_eq!(world.code, 1, "{}{}", world.stdout, world.stderr);
    assert!(world.stdout.contains("error[reference:disagrees]"), "{}", world.stdout);
}
