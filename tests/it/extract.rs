//! Extraction: the bundled examples as JSON, focused fixtures per extractor and modality, the
//! span invariant and thread-count independence.

use crosscheck::rules;
use crosscheck::text::{LoadOptions, load_file, walk};

use crate::{crosscheck, fixture, root, snapshot};

#[test]
fn examples_json() {
    let run = crosscheck(&["extract", "examples", "--rules", "rules", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snapshot!("extract_examples_json", run.stdout);
}

#[test]
fn examples_text() {
    let run = crosscheck(&["extract", "examples", "--rules", "rules"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snapshot!("extract_examples_text", run.stdout);
}

/// One snapshot per fixture file, read with the probe rules (one built-in per rule).
#[test]
fn extractor_fixtures() {
    insta::glob!(root(), "tests/fixtures/extract/*.txt", |path| {
        let relative = crate::relative(path);
        let run = crosscheck(&["extract", &relative, "--rules", "tests/fixtures/probe-rules"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let name = format!(
            "extract__{}",
            path.file_stem().and_then(|stem| stem.to_str()).unwrap_or_default()
        );
        snapshot!(name, run.stdout);
    });
}

/// `text[span]` is the quote, and the sentence span holds the sentence, for every claim.
#[test]
fn spans_are_exact() {
    let set = crosscheck::commands::load_rules_dir(&root().join("rules")).expect("bundled rules load");
    let walked = walk(&[root().join("examples"), fixture("extract")]);
    assert!(walked.problems.is_empty());
    let matcher = crosscheck::matcher::Matcher::new(&set);
    let mut checked = 0;
    for path in &walked.files {
        let loaded = load_file(path, &path.display().to_string(), &LoadOptions::default()).expect("fixture loads");
        for article in &loaded.articles {
            for claim in matcher.extract(article) {
                assert_eq!(&article.text[claim.evidence.span.range()], claim.evidence.quote);
                assert_eq!(
                    &article.text[claim.evidence.sentence_span.range()],
                    claim.evidence.sentence
                );
                assert!(claim.evidence.sentence_span.start <= claim.evidence.span.start);
                assert!(claim.evidence.span.end <= claim.evidence.sentence_span.end);
                if let crosscheck::claim::Value::Quantity(quantity) = &claim.value {
                    assert_eq!(&article.text[quantity.span.range()], quantity.text);
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "only {checked} claims checked");
}

/// The same bytes with one thread and with four.
#[test]
fn output_does_not_depend_on_thread_count() {
    for command in ["extract", "report"] {
        let run = |threads: &str| {
            let mut args = vec![
                "--threads",
                threads,
                command,
                "examples",
                "--rules",
                "rules",
                "--format",
                "json",
            ];
            if command == "report" {
                args.extend(["--fail-on", "never", "--no-timing"]);
            }
            crosscheck(&args)
        };
        let one = run("1");
        let four = run("4");
        assert_eq!(one.code, 0, "{}", one.stderr);
        assert!(!one.stdout.is_empty());
        assert_eq!(
            one.stdout, four.stdout,
            "{command} output differs between 1 and 4 threads"
        );
    }
}

/// `--format jsonl` streams claims chunk by chunk of files; across chunk boundaries, with one
/// thread or two, the lines are the claims of `--format json`, in the same order.
#[test]
fn streamed_lines_are_the_claims_of_the_whole_run_in_order() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let sentences = [
        "Russia holds 28.7 million tonnes of rare-earth reserves.",
        "Nothing to see here.",
        "China has the largest rare earth reserves in the world.",
    ];
    // Nested and more files than one chunk holds, so that order is path order across chunks.
    for index in 0..2_100 {
        let folder = directory.path().join(format!("part-{}", index % 3));
        std::fs::create_dir_all(&folder).expect("folder");
        let text = sentences[index % sentences.len()];
        std::fs::write(folder.join(format!("{index:05}.txt")), text).expect("write article");
    }
    let corpus = directory.path().to_str().expect("UTF-8 path");
    let whole = crosscheck(&["extract", corpus, "--rules", "rules", "--format", "json"]);
    assert_eq!(whole.code, 0, "{}", whole.stderr);
    let document: serde_json::Value = serde_json::from_str(&whole.stdout).expect("JSON");
    let claims = document["claims"].as_array().expect("claims array");
    assert_eq!(claims.len(), 1_400);
    for threads in ["1", "2"] {
        let streamed = crosscheck(&[
            "--threads",
            threads,
            "extract",
            corpus,
            "--rules",
            "rules",
            "--format",
            "jsonl",
        ]);
        assert_eq!(streamed.code, 0, "{}", streamed.stderr);
        let lines: Vec<serde_json::Value> = streamed
            .stdout
            .lines()
            .map(|line| serde_json::from_str(line).expect("one JSON claim per line"))
            .collect();
        assert_eq!(&lines, claims, "{threads} thread(s)");
    }
}

/// Page furniture and the HTML script never yield claims.
#[test]
fn furniture_and_scripts_yield_no_claims() {
    let run = crosscheck(&["extract", "examples", "--rules", "rules", "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("99 million"), "script text leaked into claims");
    assert!(
        !run.stdout.contains("\"sentence\":\"Comments"),
        "furniture produced a claim"
    );
}

/// Two rules with different `top_k` each read "one of the largest" with their own reach, even
/// when one sentence feeds both.
#[test]
fn rank_reach_is_per_rule() {
    let source = r#"
[lexicon.country.entries]
russia = ["Russia"]

[[rule]]
id = "narrow"
kind = "narrow"
compare = "rank"
top_k = 3
patterns = ["{subject:country} is {value:rank} producer"]

[[rule]]
id = "wide"
kind = "wide"
compare = "rank"
patterns = ["{subject:country} is {value:rank}"]
"#;
    let set = rules::load_sources(&[("rank.toml".into(), source.into())]).expect("rules load");
    let claims = crosscheck::matcher::Matcher::new(&set).extract_text("x", "Russia is one of the largest producers.");
    let ranks: Vec<(String, u32)> = claims
        .iter()
        .map(|claim| match &claim.value {
            crosscheck::claim::Value::Rank(rank) => (claim.rule.to_string(), rank.worst),
            other => panic!("not a rank: {other:?}"),
        })
        .collect();
    assert_eq!(ranks, [("wide".to_string(), 10), ("narrow".to_string(), 3)]);
}
