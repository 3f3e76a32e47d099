//! Robustness: real and bad inputs never crash a run and never lose anything.
//!
//! One test per bad input (encodings, line ends, binary, empty, huge, unreadable and broken
//! files, front matter, HTML, JSON Lines, page furniture, atomic output, inert Markdown), each
//! asserting the exact message, exit code and claims; then property tests (spans, no panics,
//! order and thread independence, rule and template parsers); then hostile rules files (size
//! limits, and the stack overflow on deeply nested template groups that this work fixed; the
//! fuzzers found nothing further, see `docs/robustness.md`). Small fixtures live in `tests/fixtures/robustness/` (kept byte-exact
//! by its `.gitattributes`); large ones are generated in a temporary directory at test time.
//! `docs/robustness.md` holds the table of what happens for each bad input.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use crosscheck::claim::Claim;
use crosscheck::matcher::Matcher;
use crosscheck::rules::{self, RuleSet, diagnostic, pattern};
use crosscheck::text::{Article, Format, LoadOptions, load_bytes};
use proptest::prelude::*;

use crate::{Run, crosscheck, root, snapshot};

/// The sentence the bundled rules read as China's reserves of 44 million tonnes.
const CLAIM: &str = "China's rare-earth reserves total 44 Mt.";

/// The bundled rules, loaded once for the library-level tests.
static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| crosscheck::commands::load_rules_dir(&root().join("rules")).expect("bundled rules load"));

/// The matcher of [`RULES`], its prefilter built once.
static MATCHER: LazyLock<Matcher<'static>> = LazyLock::new(|| Matcher::new(&RULES));

/// A rule whose one template has no literal word, so nothing for the prefilter to look for.
const ANCHORLESS: &str = r#"
[[rule]]
id = "anchorless-rank"
kind = "anchorless-rank"
compare = "rank"
patterns = ["{subject:country} ..2 {value:rank}"]
"#;

/// The bundled rules followed by [`ANCHORLESS`]: its template is the last one.
static WITH_ANCHORLESS: LazyLock<RuleSet> = LazyLock::new(|| {
    let mut sources: Vec<(String, String)> = RULES
        .files
        .iter()
        .map(|file| (file.path.clone(), file.source.to_string()))
        .collect();
    sources.push(("anchorless.toml".into(), ANCHORLESS.into()));
    rules::load_sources(&sources).expect("the bundled rules and one anchorless rule load")
});

/// The matcher of [`WITH_ANCHORLESS`].
static ANCHORLESS_MATCHER: LazyLock<Matcher<'static>> = LazyLock::new(|| Matcher::new(&WITH_ANCHORLESS));

/// A pack vocabulary: `MT` is megatonnes, `cr` a crore, "a confirmed" and "so far" bounds.
const VOCABULARY: &str = r#"
[vocabulary]
units = [{ alias = "MT", unit = "Mt" }]
scales = [{ word = "cr", factor = 1e7 }]
bounds = [{ phrase = "a confirmed", bound = "at_least" }, { phrase = "so far", bound = "at_least", after = true }]
"#;

/// The bundled rules with [`VOCABULARY`].
static WITH_VOCABULARY: LazyLock<RuleSet> = LazyLock::new(|| {
    let mut sources: Vec<(String, String)> = RULES
        .files
        .iter()
        .map(|file| (file.path.clone(), file.source.to_string()))
        .collect();
    sources.push(("vocabulary.toml".into(), VOCABULARY.into()));
    rules::load_sources(&sources).expect("the bundled rules and a vocabulary load")
});

/// The matcher of [`WITH_VOCABULARY`].
static VOCABULARY_MATCHER: LazyLock<Matcher<'static>> = LazyLock::new(|| Matcher::new(&WITH_VOCABULARY));

/// `crosscheck extract PATH --rules rules` plus `extra` arguments.
fn extract(path: &str, extra: &[&str]) -> Run {
    let mut args = vec!["extract", path, "--rules", "rules"];
    args.extend_from_slice(extra);
    crosscheck(&args)
}

/// The claim lines of `extract`'s text output (`path:line:col  rule  subject  object  value
/// modality`), without the quote lines and the summary.
fn claim_lines(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter(|line| !line.starts_with("  |") && !line.contains(" in ") && !line.is_empty())
        .collect()
}

/// A path inside a temporary directory, as a string for the command line.
fn display(path: &Path) -> String {
    path.display().to_string()
}

/// A copy of the bundled rules files (the `*.toml` files only) in `directory`.
fn copy_rules(directory: &Path) {
    fs::create_dir_all(directory).expect("create rules directory");
    for entry in fs::read_dir(root().join("rules")).expect("bundled rules directory") {
        let path = entry.expect("directory entry").path();
        if path.extension().is_some_and(|extension| extension == "toml") {
            fs::copy(&path, directory.join(path.file_name().expect("file name"))).expect("copy rules file");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Encodings and line ends
// ---------------------------------------------------------------------------------------------

#[test]
fn utf8_with_bom_counts_columns_without_the_bom() {
    // "Résumé: " is 8 characters (10 bytes) after a 3-byte BOM: the claim starts at column 9.
    let run = extract("tests/fixtures/robustness/bom.txt", &[]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        claim_lines(&run.stdout),
        ["tests/fixtures/robustness/bom.txt:1:9  reserve-size  china  rare-earths  4.4e7 t  asserted"]
    );
}

/// Mirrors `bbc/sport/199.txt` of the BBC corpus, whose byte 257 is a Latin-1 pound sign
/// (`\xA3` in "a £15.8m signing"): decoded lossily, reported once with its byte offset, and the
/// rest of the file still read. The bad byte counts as one character in columns.
#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let run = extract("tests/fixtures/robustness/invalid-utf8.txt", &[]);
    assert_eq!(run.code, 0, "a warning does not fail the run");
    assert_eq!(
        run.stderr,
        "warning: tests/fixtures/robustness/invalid-utf8.txt: invalid UTF-8 at byte 148, decoded lossily\n"
    );
    assert_eq!(
        claim_lines(&run.stdout),
        ["tests/fixtures/robustness/invalid-utf8.txt:5:94  reserve-size  china  rare-earths  4.4e7 t  asserted"]
    );
    let bytes = fs::read(root().join("tests/fixtures/robustness/invalid-utf8.txt")).expect("fixture");
    assert_eq!(bytes[148], 0xA3, "the bad byte is where the warning says");
    // --quiet silences the warning, not the claim.
    let quiet = extract("tests/fixtures/robustness/invalid-utf8.txt", &["--quiet"]);
    assert_eq!((quiet.code, quiet.stderr.as_str()), (0, ""));
    assert_eq!(claim_lines(&quiet.stdout).len(), 1);
}

#[test]
fn utf16_le_and_be_are_detected_by_their_bom() {
    // "Intro: Ünïcode — " is 17 characters; the files end in CRLF.
    for name in ["utf16le", "utf16be"] {
        let path = format!("tests/fixtures/robustness/{name}.txt");
        let run = extract(&path, &["--format", "json"]);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{name}");
        let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON report");
        let claims = report["claims"].as_array().expect("claims");
        assert_eq!(claims.len(), 1, "{name}");
        let evidence = &claims[0]["evidence"];
        assert_eq!(
            (&evidence["line"], &evidence["column"], &evidence["quote"]),
            (
                &serde_json::json!(1),
                &serde_json::json!(18),
                &serde_json::json!("China's rare-earth reserves total 44 Mt")
            ),
            "{name}"
        );
    }
}

#[test]
fn crlf_and_lone_cr_line_ends_give_the_right_line_and_column() {
    for name in ["crlf", "cr"] {
        let path = format!("tests/fixtures/robustness/{name}.txt");
        let run = extract(&path, &[]);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{name}");
        assert_eq!(
            claim_lines(&run.stdout),
            [format!(
                "{path}:3:8  reserve-size  china  rare-earths  4.4e7 t  asserted"
            )],
        );
    }
    let crlf = fs::read(root().join("tests/fixtures/robustness/crlf.txt")).expect("fixture");
    let cr = fs::read(root().join("tests/fixtures/robustness/cr.txt")).expect("fixture");
    assert_eq!(
        crlf.windows(2).filter(|pair| pair == b"\r\n").count(),
        3,
        "checkout kept CRLF"
    );
    assert!(!cr.contains(&b'\n'), "checkout kept lone CR");
}

// ---------------------------------------------------------------------------------------------
// Binary, empty, huge and unreadable files
// ---------------------------------------------------------------------------------------------

#[test]
fn binary_file_is_skipped_with_a_notice_and_the_run_goes_on() {
    let run = extract("tests/fixtures/robustness/binary", &[]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr,
        "warning: tests/fixtures/robustness/binary/binary.txt: binary file (NUL byte at byte 7), skipped\n"
    );
    assert_eq!(
        run.stdout,
        "tests/fixtures/robustness/binary/text.txt:1:1  reserve-size  china  rare-earths  4.4e7 t  asserted\n  \
         | China's rare-earth reserves total 44 Mt\n1 claim in 1 article\n"
    );
}

#[test]
fn empty_file_is_an_article_without_claims() {
    let run = extract("tests/fixtures/robustness/empty.txt", &[]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "0 claims in 1 article\n", "")
    );
    // Every format takes empty input quietly.
    for format in [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::JsonLines,
        Format::Json,
    ] {
        let loaded = load_bytes("empty", b"", format, &LoadOptions::default()).expect("empty input loads");
        assert!(loaded.warnings.is_empty(), "{format:?}");
        for article in &loaded.articles {
            assert!(MATCHER.extract(article).is_empty());
        }
    }
}

/// A 200 MB file with no newline at all (the size issue 6 names), the claim near its end. In a
/// debug build this takes several seconds; the limit below only catches quadratic behaviour.
#[test]
fn two_hundred_megabytes_without_a_newline() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let path = directory.path().join("huge.txt");
    let filler = "The market was quiet on Monday and analysts said little. ";
    let repeats = 200_000_000 / filler.len();
    let mut text = filler.repeat(repeats);
    text.push_str(CLAIM);
    text.push_str(" The end.");
    fs::write(&path, &text).expect("write large file");
    let started = Instant::now();
    let run = extract(&display(&path), &[]);
    let elapsed = started.elapsed();
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let column = filler.len() * repeats + 1;
    // A file named alone is named relative to its directory (`text::input`'s root).
    assert_eq!(
        claim_lines(&run.stdout),
        [format!(
            "huge.txt:1:{column}  reserve-size  china  rare-earths  4.4e7 t  asserted"
        )]
    );
    assert!(elapsed < Duration::from_secs(240), "took {elapsed:?}");
}

/// A 1 MB "sentence" without punctuation: once of filler words, once dense with entity
/// mentions that never complete a claim. Work is bounded (sentences are cut at
/// `segment::MAX_SENTENCE_BYTES`), so both finish quickly and find the claim at the end.
#[test]
fn one_megabyte_sentence_without_punctuation() {
    let directory = tempfile::tempdir().expect("temporary directory");
    for (name, filler) in [
        ("filler", "word "),
        (
            "mentions",
            "officials from China and Russia discussed lithium and rare earth reserves and the market ",
        ),
    ] {
        let path = directory.path().join(format!("{name}.txt"));
        let repeats = 1_000_000 / filler.len();
        let mut text = filler.repeat(repeats);
        text.push_str("China's rare-earth reserves total 44 Mt");
        fs::write(&path, &text).expect("write sentence");
        let started = Instant::now();
        let run = extract(&display(&path), &[]);
        let elapsed = started.elapsed();
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{name}");
        assert_eq!(
            claim_lines(&run.stdout),
            [format!(
                "{name}.txt:1:{}  reserve-size  china  rare-earths  4.4e7 t  asserted",
                filler.len() * repeats + 1
            )],
            "{name}"
        );
        assert!(elapsed < Duration::from_secs(30), "{name} took {elapsed:?}");
    }
}

/// An unreadable file and a broken symbolic link are reported (exit 2) while the rest of the
/// walk is read.
#[cfg(unix)]
#[test]
fn unreadable_files_and_broken_links_are_reported_and_the_walk_goes_on() {
    use std::os::unix::fs::{PermissionsExt, symlink};

    let directory = tempfile::tempdir().expect("temporary directory");
    let corpus = directory.path().join("corpus");
    fs::create_dir(&corpus).expect("create corpus");
    fs::write(corpus.join("a-readable.txt"), CLAIM).expect("write article");
    fs::write(corpus.join("z-readable.txt"), CLAIM).expect("write article");
    symlink(directory.path().join("nowhere.txt"), corpus.join("broken.txt")).expect("symlink");
    let locked = corpus.join("locked.txt");
    fs::write(&locked, CLAIM).expect("write article");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    // Root (as in many CI containers) reads a file whatever its mode: then the permission
    // error cannot happen, and only the broken link is asserted. `/proc/self/mem` below is
    // unreadable for everyone, root included, and covers the read-error path anyway.
    let permissions_bite = fs::read(&locked).is_err();
    #[cfg(target_os = "linux")]
    symlink("/proc/self/mem", corpus.join("memory.txt")).expect("symlink");

    // Links are followed only with `--follow`, as ripgrep's.
    let run = extract(&display(&corpus), &["--follow"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let mut expected_errors = vec![format!(
        "error: {}: broken symbolic link; fix or remove the link",
        display(&corpus.join("broken.txt"))
    )];
    if permissions_bite {
        expected_errors.push(
            "error: corpus/locked.txt: cannot read the file: Permission denied (os error 13); check that it exists and is readable".to_owned(),
        );
    }
    #[cfg(target_os = "linux")]
    expected_errors.push(
        "error: corpus/memory.txt: cannot read the file: Input/output error (os error 5); check that it exists and is readable"
            .to_owned(),
    );
    let errors: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(errors, expected_errors);
    let mut readable = vec!["a-readable", "z-readable"];
    if !permissions_bite {
        readable.insert(1, "locked");
    }
    let expected: Vec<String> = readable
        .iter()
        .map(|name| format!("corpus/{name}.txt:1:1  reserve-size  china  rare-earths  4.4e7 t  asserted"))
        .collect();
    assert_eq!(claim_lines(&run.stdout), expected);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).expect("restore mode");
}

/// A directory loop and a self-referencing link are reported once each, naming the path once.
#[cfg(target_os = "linux")]
#[test]
fn symbolic_link_loops_are_reported_and_the_walk_goes_on() {
    use std::os::unix::fs::symlink;

    let directory = tempfile::tempdir().expect("temporary directory");
    let corpus = directory.path().join("corpus");
    fs::create_dir_all(corpus.join("sub")).expect("create corpus");
    fs::write(corpus.join("sub/article.txt"), CLAIM).expect("write article");
    symlink(&corpus, corpus.join("sub/up")).expect("symlink");
    symlink(corpus.join("self.txt"), corpus.join("self.txt")).expect("symlink");
    let run = extract(&display(&corpus), &["--follow"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.lines().collect::<Vec<_>>(),
        [
            format!(
                "error: {}: cannot read: too many levels of symbolic links (os error 40)",
                display(&corpus.join("self.txt"))
            ),
            format!(
                "error: {}: symbolic link loop back to {}; skipped",
                display(&corpus.join("sub/up")),
                display(&corpus)
            ),
        ]
    );
    assert_eq!(claim_lines(&run.stdout).len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Formats: front matter, HTML, JSON Lines
// ---------------------------------------------------------------------------------------------

#[test]
fn markdown_front_matter_flows_into_the_json_output() {
    let run = extract("tests/fixtures/robustness/front-matter.md", &["--format", "json"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON report");
    assert_eq!(
        report["articles"],
        serde_json::json!([{
            "path": "tests/fixtures/robustness/front-matter.md",
            "title": "Rare earths and the race for reserves",
            "outlet": "The Test Ledger",
            "date": "2025-02-25",
            "url": "https://example.test/rare-earths",
            "published": "2025-02-25",
        }])
    );
    let evidence = &report["claims"][0]["evidence"];
    assert_eq!(
        (&evidence["line"], &evidence["column"]),
        (&serde_json::json!(10), &serde_json::json!(1))
    );
}

/// Script, style and navigation text is dropped (their 99, 77 and 55 Mt never appear); the one
/// claim points into the original HTML: line 7, column 26 (after `<p>`, the intro, three
/// spaces and `<b>`), though its text was `China&#8217;s`.
#[test]
fn html_drops_script_style_and_nav_and_maps_back_to_the_file() {
    let run = extract("tests/fixtures/robustness/page.html", &["--format", "json"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON report");
    assert_eq!(report["articles"][0]["title"], "Rare & earths");
    assert_eq!(report["articles"][0]["outlet"], "The Page Post");
    let claims = report["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), 1, "{claims:#?}");
    let evidence = &claims[0]["evidence"];
    assert_eq!(
        (&evidence["line"], &evidence["column"], &evidence["quote"]),
        (
            &serde_json::json!(7),
            &serde_json::json!(26),
            &serde_json::json!("China’s rare-earth reserves total 44 Mt")
        )
    );
    let html = fs::read_to_string(root().join("tests/fixtures/robustness/page.html")).expect("fixture");
    let line = html.lines().nth(6).expect("line 7");
    assert!(line[25..].starts_with("China&#8217;s"), "{line}");
}

#[test]
fn json_lines_with_a_custom_text_field() {
    let path = "tests/fixtures/robustness/records.jsonl";
    // By default the `text` field is read, and a record without one is skipped with a warning.
    let default = extract(path, &[]);
    assert_eq!(default.code, 0);
    assert_eq!(
        default.stderr,
        "warning: tests/fixtures/robustness/records.jsonl#2: record 2 (line 2) has no string field `text`, \
         `body` or `content` (set the text field to read another one); record skipped\n"
    );
    assert_eq!(
        claim_lines(&default.stdout),
        ["tests/fixtures/robustness/records.jsonl#1:1:83  reserve-size  russia  rare-earths  1e7 t  asserted"]
    );
    // `--text-field story` reads the custom field of every record; positions point into the
    // file, and the record's other fields become metadata.
    let custom = extract(
        path,
        &["--text-field", "story", "--outlet-field", "site", "--format", "json"],
    );
    assert_eq!((custom.code, custom.stderr.as_str()), (0, ""));
    let report: serde_json::Value = serde_json::from_str(&custom.stdout).expect("JSON report");
    assert_eq!(
        report["articles"],
        serde_json::json!([
            { "path": "tests/fixtures/robustness/records.jsonl#1", "title": "One", "outlet": null, "date": null, "url": null },
            { "path": "tests/fixtures/robustness/records.jsonl#2", "title": "Two", "outlet": "Wire", "date": null, "url": null },
        ])
    );
    let places: Vec<(String, u64, u64, String)> = report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|claim| {
            let evidence = &claim["evidence"];
            (
                evidence["path"].as_str().expect("path").to_owned(),
                evidence["line"].as_u64().expect("line"),
                evidence["column"].as_u64().expect("column"),
                evidence["quote"].as_str().expect("quote").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            (
                "tests/fixtures/robustness/records.jsonl#1".into(),
                1,
                31,
                "China's rare-earth reserves total 44 Mt".into()
            ),
            (
                "tests/fixtures/robustness/records.jsonl#2".into(),
                2,
                65,
                "Russia's rare-earth reserves total 28.7 Mt".into()
            ),
        ]
    );
}

#[test]
fn malformed_json_line_is_reported_and_the_other_records_kept() {
    let run = extract("tests/fixtures/robustness/malformed.jsonl", &["--text-field", "story"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: tests/fixtures/robustness/malformed.jsonl:2:57: invalid JSON: expected `,` or `}`; \
         fix the record or remove it\n"
    );
    // The good record before the bad line is still read: one bad line loses nothing else.
    assert!(run.stdout.ends_with("1 claim in 1 article\n"), "{}", run.stdout);
    assert!(
        run.stdout.contains("malformed.jsonl#1:1:12  reserve-size  china"),
        "{}",
        run.stdout
    );
}

// ---------------------------------------------------------------------------------------------
// Page furniture
// ---------------------------------------------------------------------------------------------

/// Menus, "Comments", "Read more", ads, credit lines and related-link sections yield nothing;
/// only the prose claim (44 Mt) and the "Breaking news:" line, which is not furniture by
/// default, are read.
#[test]
fn page_furniture_yields_no_claims() {
    let run = extract("tests/fixtures/robustness/furniture/page.txt", &[]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        claim_lines(&run.stdout),
        [
            "tests/fixtures/robustness/furniture/page.txt:7:16  reserve-size  china  rare-earths  1.6e7 t  asserted",
            "tests/fixtures/robustness/furniture/page.txt:9:1  reserve-size  china  rare-earths  4.4e7 t  asserted",
        ]
    );
}

/// `[settings] furniture_extend` adds line patterns to the defaults; `furniture` replaces
/// them; a pattern that is not a regular expression is a rules error.
#[test]
fn page_furniture_is_configurable_in_the_rules() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let page = "tests/fixtures/robustness/furniture/page.txt";
    let run_with = |settings: &str| {
        let rules = directory.path().join("rules");
        let _ = fs::remove_dir_all(&rules);
        copy_rules(&rules);
        fs::write(rules.join("settings.toml"), settings).expect("write settings");
        crosscheck(&["extract", page, "--rules", &display(&rules)])
    };
    let extended = run_with("[settings]\nfurniture_extend = [\"breaking news:.*\"]\n");
    assert_eq!((extended.code, extended.stderr.as_str()), (0, ""));
    assert_eq!(
        claim_lines(&extended.stdout),
        ["tests/fixtures/robustness/furniture/page.txt:9:1  reserve-size  china  rare-earths  4.4e7 t  asserted"]
    );
    // Replacing the list with one pattern brings back the credit lines, link lists and
    // sections.
    let replaced = run_with("[settings]\nfurniture = [\"advertisement\"]\n");
    assert_eq!((replaced.code, replaced.stderr.as_str()), (0, ""));
    let values: Vec<&str> = claim_lines(&replaced.stdout)
        .iter()
        .map(|line| line.split("  ").nth(4).expect("value column"))
        .collect();
    assert_eq!(
        values,
        ["1.2e7 t", "1.3e7 t", "1.6e7 t", "4.4e7 t", "1.4e7 t", "1.5e7 t"]
    );
    // An empty list turns furniture off entirely.
    let off = run_with("[settings]\nfurniture = []\n");
    assert_eq!(claim_lines(&off.stdout).len(), 6);
    let broken = run_with("[settings]\nfurniture_extend = [\"(unclosed\"]\n");
    assert_eq!(broken.code, 2);
    assert!(
        broken
            .stderr
            .starts_with("error: invalid furniture pattern: invalid furniture pattern `(unclosed`: "),
        "{}",
        broken.stderr
    );
    assert!(broken.stderr.contains("settings.toml:2:"), "{}", broken.stderr);
}

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

/// `--output FILE` replaces the file only once the whole report is written: a run that fails
/// (broken rules, unwritable destination) leaves the earlier file as it was, and leaves no
/// temporary file behind.
#[test]
fn output_is_written_atomically() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let output = directory.path().join("report.json");
    let earlier = "{\"earlier\": true}\n";
    fs::write(&output, earlier).expect("write earlier report");
    let broken_rules = directory.path().join("broken-rules");
    fs::create_dir(&broken_rules).expect("create directory");
    fs::write(broken_rules.join("broken.toml"), "[[rule]\n").expect("write broken rules");
    let failed = crosscheck(&[
        "report",
        "examples",
        "--rules",
        &display(&broken_rules),
        "--format",
        "json",
        "--output",
        &display(&output),
    ]);
    assert_eq!(failed.code, 2);
    assert!(failed.stderr.contains("broken.toml:1:"), "{}", failed.stderr);
    assert_eq!(fs::read_to_string(&output).expect("earlier report"), earlier);

    // A destination that cannot be replaced (a directory): the report is written to a
    // temporary file, the rename fails, and the temporary file is removed.
    let occupied = directory.path().join("occupied");
    fs::create_dir(&occupied).expect("create directory");
    fs::write(occupied.join("keep.txt"), "kept").expect("write file");
    let refused = crosscheck(&[
        "report",
        "examples",
        "--rules",
        "rules",
        "--output",
        &display(&occupied),
    ]);
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.starts_with("error: cannot write output: "),
        "{}",
        refused.stderr
    );
    assert_eq!(fs::read_to_string(occupied.join("keep.txt")).expect("kept"), "kept");

    // A good run replaces the earlier report.
    let replaced = crosscheck(&[
        "report",
        "examples",
        "--rules",
        "rules",
        "--format",
        "json",
        "--output",
        &display(&output),
    ]);
    assert_eq!(replaced.code, 1, "the bundled examples conflict: {}", replaced.stderr);
    assert_eq!(replaced.stdout, "");
    let report: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&output).expect("new report")).expect("JSON report");
    assert_eq!(report["version"], 1);
    let mut left: Vec<String> = fs::read_dir(directory.path())
        .expect("list directory")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["broken-rules", "occupied", "report.json"],
        "no temporary file left behind"
    );
}

/// An article holding `<script>`, an `<img onerror>`, Markdown emphasis, code, table pipes
/// and `[x](javascript:…)` links, in its text and in its front matter, comes out of the
/// Markdown report inert: no raw tag, no live link.
#[test]
fn markdown_report_escapes_article_text() {
    let run = crosscheck(&[
        "report",
        "--no-reference",
        "tests/fixtures/robustness/markdown-escape",
        "--rules",
        "rules",
        "--format",
        "markdown",
        "--no-timing",
    ]);
    assert_eq!(run.code, 1, "the pair conflicts: {}", run.stderr);
    assert_eq!(run.stderr, "");
    for live in [
        "<script",
        "</script",
        "<img",
        "<b>",
        "[x](javascript:",
        "**bold**",
        "`code`",
    ] {
        assert!(!run.stdout.contains(live), "{live} survived:\n{}", run.stdout);
    }
    assert!(
        run.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\\[x\\](javascript:alert(1))"), "{}", run.stdout);
    snapshot!("robustness_markdown_escape", run.stdout);
}

// ---------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------

/// Pieces of text the bundled rules react to, and pieces that stress offsets: multi-byte and
/// case-changing characters (`İ` and `ẞ` change length when lowercased), line ends, BOMs,
/// zero-width characters, abbreviations and markup.
const PIECES: &[&str] = &[
    "China",
    "China's",
    "Russia",
    "Russia’s",
    "Ukraine",
    "the US",
    "Beijing",
    "rare-earth",
    "rare earths",
    "lithium",
    "cobalt",
    "reserves",
    "reserve",
    "deposits",
    "total",
    "holds",
    "has",
    "hold",
    "the world's",
    "largest",
    "second-largest",
    "one of the largest",
    "more",
    "than",
    "larger than",
    "44",
    "28.7",
    "1,000",
    "½",
    "million",
    "billion",
    "tonnes",
    "Mt",
    "t",
    "%",
    "percent",
    "of",
    "in",
    "2024",
    "not",
    "may",
    "reportedly",
    "said",
    "according to",
    "processing",
    "monopoly",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "é",
    "🌍",
    "İ",
    "ẞ",
    "Σ",
    "ﬁ",
    "\"",
    "“",
    "”",
    "'",
    "(",
    ")",
    "U.S.",
    "Dr.",
    "No.",
    "1.5",
    "-",
    "—",
    "#",
    "- ",
    "Comments",
    "Read more",
    "Source:",
    "<p>",
    "</p>",
    "&amp;",
    "{",
    "}",
];

/// Whole sentences the bundled rules turn into claims of every compare mode and modality, so
/// that generated texts hold claims often, cut and interleaved with [`PIECES`].
const SENTENCES: &[&str] = &[
    "China's rare-earth reserves total 44 Mt.",
    "Russia holds 28.7 million tonnes of rare-earth reserves.",
    "Russia holds the world's second-largest reserves of rare earths.",
    "Ukraine's rare earth reserves are larger than Russia's.",
    "China accounts for about 90% of global rare-earth processing.",
    "Russia may hold 28.7 Mt of rare-earth reserves, officials said.",
    "China does not have a monopoly on rare earths.",
    "China dominates global rare-earth processing.",
];

/// Text made of [`SENTENCES`], [`PIECES`] and arbitrary characters.
fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        2 => prop::sample::select(SENTENCES).prop_map(str::to_owned),
        8 => prop::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.join(" "))
}

/// An article long enough to be matched on several threads, a run of paragraphs each, gives
/// the claims of trying every template on every sentence, in the same order.
#[test]
fn a_huge_article_matched_on_two_threads_gives_the_same_claims() {
    let paragraphs = [
        "Russia holds 28.7 million tonnes of rare-earth reserves, officials said.",
        "The weather was fine. Markets were calm and nothing else happened today at all.",
        "China has the largest rare earth reserves in the world, about 44 million tonnes.",
        &format!(
            "{}Reserves of rare earths in Russia stand at 28.7 million tonnes.",
            "x".repeat(crosscheck::text::segment::MAX_SENTENCE_BYTES)
        ),
        "Ukraine's lithium reserves are smaller than Russia's, a report said in 2023.",
    ];
    let mut text = String::new();
    let mut index = 0;
    while text.len() < 1_300_000 {
        text.push_str(paragraphs[index % paragraphs.len()]);
        text.push_str(if index % 7 == 0 { "\n" } else { "\n\n" });
        index += 1;
    }
    let article = Article::plain("huge.txt", text);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("two threads");
    assert!(
        MATCHER.prefilter_is_active(),
        "the prefilter is off: this test would test nothing"
    );
    let filtered = pool.install(|| MATCHER.extract(&article));
    assert!(filtered.len() > 200, "{} claims", filtered.len());
    assert_eq!(filtered, MATCHER.extract_unfiltered(&article));
}

/// Paragraphs of [`mixed_text`] split by blank lines or line breaks, some right after a run of
/// letters exactly as long as a sentence may be, so that the sentence is cut inside a word,
/// right before the paragraph's first piece.
fn paragraphs() -> impl Strategy<Value = String> {
    let overlong = format!("\n\n{}", "x".repeat(crosscheck::text::segment::MAX_SENTENCE_BYTES));
    let separator = prop_oneof![
        3 => Just("\n\n".to_owned()),
        2 => Just("\n".to_owned()),
        2 => Just(" ".to_owned()),
        1 => Just(overlong),
    ];
    // Sentences whose claim needs their first word, an anchor of the prefilter.
    let lead = prop::sample::select(
        &[
            "",
            "Reserves of rare earths in Russia stand at 28.7 million tonnes. ",
            "Deposits of lithium in Chile total about 9 million tonnes. ",
        ][..],
    );
    prop::collection::vec((separator, lead, mixed_text()), 1..6).prop_map(|parts| {
        let mut text = String::new();
        for (separator, lead, piece) in parts {
            text.push_str(&separator);
            text.push_str(lead);
            text.push_str(&piece);
        }
        text
    })
}

/// [`paragraphs`] with sentences the vocabulary of [`VOCABULARY`] reads.
fn vocabulary_paragraphs() -> impl Strategy<Value = String> {
    let lead = prop::sample::select(
        &[
            "",
            "Reserves of rare earths in Russia stand at 1.2 MT so far. ",
            "Deposits of lithium in Chile total a confirmed 9 MT. ",
            "MT so far a confirmed 3 cr. ",
        ][..],
    );
    prop::collection::vec((paragraphs(), lead), 1..4).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(text, lead)| format!("{lead}{text}"))
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

/// [`paragraphs`] with renamings and appositions that make names aliases of the bundled
/// countries within the article (two of them linking one name to two countries, which links
/// it to neither), the sentences that read those names, and loose cue words.
fn renaming_paragraphs() -> impl Strategy<Value = String> {
    let lead = prop::sample::select(
        &[
            "",
            "Russia, formerly Kestrel Republic, rose to prominence. ",
            "China (now known as Varga Union) signed a deal. ",
            "Chile changed its name to Varga Union. ",
            "Kestrel Republic holds 28.7 million tonnes of rare-earth reserves. ",
            "Varga Union's rare-earth reserves total 44 Mt. ",
            "formerly Kestrel Republic, ",
            "(formerly ",
            "Kestrel Republic",
            ", now ",
        ][..],
    );
    prop::collection::vec((paragraphs(), lead.clone(), lead), 1..4).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(text, first, second)| format!("{first}{text} {second}"))
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

/// A renaming in a sentence the prefilter drops still makes its alias, before and after it,
/// in the filtered matcher as in the unfiltered one.
#[test]
fn an_article_alias_is_read_wherever_the_prefilter_looks() {
    let article = Article::plain(
        "renamed.txt",
        "Kestrel Republic holds 28.7 million tonnes of rare-earth reserves.\n\n\
         Russia, formerly Kestrel Republic, rose to prominence.\n\n\
         Kestrel Republic's rare-earth reserves total 30 Mt."
            .to_string(),
    );
    assert!(MATCHER.prefilter_is_active());
    let claims = MATCHER.extract(&article);
    let linked: Vec<&str> = claims
        .iter()
        .filter(|claim| claim.alias_link.is_some())
        .filter_map(|claim| claim.subject.as_ref().map(|subject| subject.id.as_str()))
        .collect();
    assert_eq!(linked, ["russia", "russia"], "{claims:#?}");
    assert_eq!(claims, MATCHER.extract_unfiltered(&article));
}

/// With a vocabulary the bundled rules read `MT` as megatonnes and "so far" as a lower bound;
/// without it `MT` stays the metric ton.
#[test]
fn a_vocabulary_changes_only_its_rule_set() {
    let article = Article::plain(
        "mt.txt",
        "Reserves of rare earths in Russia stand at 1.2 MT so far.".to_string(),
    );
    let with = VOCABULARY_MATCHER.extract(&article);
    let without = MATCHER.extract(&article);
    let value = |claims: &[Claim]| {
        claims
            .first()
            .map(|claim| claim.value.canonical_text())
            .unwrap_or_default()
    };
    assert_eq!(value(&with), ">=1200000 t", "{with:#?}");
    assert_eq!(value(&without), "1.2 t", "{without:#?}");
    assert_eq!(with, VOCABULARY_MATCHER.extract_unfiltered(&article));
}

/// The invariants of every claim of `article`: spans inside the text and on character
/// boundaries, `text[span] == quote` and the same for the sentence and the slots, positions
/// one-based.
fn check_claim_spans(article: &Article, claims: &[Claim]) -> Result<(), TestCaseError> {
    let text = &article.text;
    let valid = |span: crosscheck::claim::Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    for claim in claims {
        let evidence = &claim.evidence;
        prop_assert!(valid(evidence.span), "{:?} in {text:?}", evidence.span);
        prop_assert!(
            valid(evidence.sentence_span),
            "{:?} in {text:?}",
            evidence.sentence_span
        );
        prop_assert_eq!(&text[evidence.span.range()], evidence.quote.as_str());
        prop_assert_eq!(&text[evidence.sentence_span.range()], evidence.sentence.as_str());
        prop_assert!(evidence.sentence_span.start <= evidence.span.start);
        prop_assert!(evidence.span.end <= evidence.sentence_span.end);
        prop_assert!(evidence.line >= 1 && evidence.column >= 1);
        prop_assert_eq!(
            (evidence.line, evidence.column),
            article.line_column(evidence.span.start)
        );
        for entity in [&claim.subject, &claim.object].into_iter().flatten() {
            prop_assert!(valid(entity.span), "{:?} in {text:?}", entity.span);
            prop_assert_eq!(&text[entity.span.range()], entity.text.as_str());
        }
        if let crosscheck::claim::Value::Quantity(quantity) = &claim.value {
            prop_assert!(valid(quantity.span));
            prop_assert_eq!(&text[quantity.span.range()], quantity.text.as_str());
        }
    }
    Ok(())
}

/// Claims per article path, each list in the matcher's order.
fn by_article(claims: Vec<Claim>) -> BTreeMap<String, Vec<Claim>> {
    let mut map: BTreeMap<String, Vec<Claim>> = BTreeMap::new();
    for claim in claims {
        map.entry(claim.evidence.path.to_string()).or_default().push(claim);
    }
    map
}

/// Arbitrary input shaped like a rules file: TOML structure, rule and lexicon keys, template
/// syntax and stray characters.
fn rules_like() -> impl Strategy<Value = String> {
    const TOKENS: &[&str] = &[
        "[[rule]]\n",
        "[lexicon.country]\n",
        "[lexicon.x]\n",
        "[lexicon.country.entries]\n",
        "[settings]\n",
        "[modality]\n",
        "[rule.tolerance]\n",
        "id = \"r\"\n",
        "id = \"r r\"\n",
        "kind = \"k\"\n",
        "compare = \"quantity\"\n",
        "compare = \"rank\"\n",
        "compare = \"order\"\n",
        "compare = \"stance\"\n",
        "compare = \"nope\"\n",
        "stance = \"s\"\n",
        "opposes = [\"t\"]\n",
        "label = \"l\"\n",
        "object = \"china\"\n",
        "top_k = 0\n",
        "relative = -1.0\n",
        "absolute = nan\n",
        "approximate = inf\n",
        "fuzzy = 2.0\n",
        "fuzzy = 0.9\n",
        "fuzzy_min_len = 0\n",
        "scope = \"region\"\n",
        "scope = \"x\"\n",
        "china = [\"China\", \"Beijing\"]\n",
        "empty = []\n",
        "blank = [\" \"]\n",
        "punct = [\"...\"]\n",
        "entries = { a = [\"A\"], b = [] }\n",
        "patterns = [",
        "]\n",
        "\"{subject:country} holds {value:quantity}\"",
        "\"{subject:country} ..3 (hold|has) {value:rank} [of] {object:country}\"",
        "\"..0\"",
        "\"((((\"",
        "\"{a:b(c)}\"",
        "\"{:}\"",
        "\"{value:quantity(mass\"",
        "\"é'’s\"",
        ", ",
        "examples = [{ text = \"China holds 4 t.\", value = \"4 t\" }]\n",
        "examples = [{ text = \"x\", value = \"~\" }]\n",
        "counterexamples = [\"x\"]\n",
        "shared_wording = 2\n",
        "furniture = [\"(\"]\n",
        "furniture_extend = [\"a\"]\n",
        "negation = [\"\"]\n",
        "hedge = [\"may be\"]\n",
        "= ",
        "\"",
        "'",
        "'''",
        "\"\"\"",
        "[",
        "]",
        "{",
        "}",
        "#",
        "\n",
        " ",
        "\\",
        "\\u{0}",
        "\u{0}",
        "é",
        "🌍",
        "1e999",
        "-0",
        "2024-01-01T00:00:00Z",
    ];
    prop::collection::vec(
        prop_oneof![
            9 => prop::sample::select(TOKENS).prop_map(str::to_owned),
            1 => "\\PC{0,8}",
        ],
        0..40,
    )
    .prop_map(|tokens| tokens.concat())
}

/// A well-formed rules file around one arbitrary template, so the compiler (not only the TOML
/// parser) sees hostile templates.
fn rules_with_template(template: &str) -> String {
    let literal = toml_string(template);
    format!(
        "[lexicon.country]\nentries = {{ china = [\"China\"], russia = [\"Russia\"] }}\n\n\
         [lexicon.mineral]\nentries = {{ lithium = [\"lithium\"] }}\n\n\
         [[rule]]\nid = \"fuzzed\"\nkind = \"k\"\ncompare = \"statement\"\npatterns = [{literal}]\n"
    )
}

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    let mut literal = String::from("\"");
    for character in text.chars() {
        match character {
            '"' => literal.push_str("\\\""),
            '\\' => literal.push_str("\\\\"),
            character if character.is_control() => {
                let _ = write!(literal, "\\u{:04X}", u32::from(character));
            }
            character => literal.push(character),
        }
    }
    literal.push('"');
    literal
}

/// Template syntax and stray characters.
fn template_like() -> impl Strategy<Value = String> {
    const TOKENS: &[&str] = &[
        "{subject:country}",
        "{object:mineral}",
        "{value:quantity}",
        "{value:quantity(mass)}",
        "{value:rank}",
        "{relation:comparative}",
        "{other:country}",
        "{year:year}",
        "{x:y}",
        "{a:b(c",
        "{",
        "}",
        "(",
        ")",
        "[",
        "]",
        "|",
        "..",
        "..1",
        "..20",
        "..21",
        "..0",
        "..99999999999999999999",
        "hold",
        "has",
        "reserves",
        "rare-earth",
        "'s",
        "’s",
        "-",
        "--",
        "'",
        "’",
        ",",
        ":",
        "%",
        " ",
        "é",
        "🌍",
        "İ",
        "\u{0}",
    ];
    prop::collection::vec(
        prop_oneof![
            9 => prop::sample::select(TOKENS).prop_map(str::to_owned),
            1 => "\\PC{0,4}",
        ],
        0..40,
    )
    .prop_map(|tokens| tokens.concat())
}

/// A template without a literal word is tried in every sentence, yet leaves the prefilter on
/// for every other template: each is still skipped where its anchors are missing, and the
/// claims are those of the unfiltered matcher.
#[test]
fn an_anchorless_template_leaves_the_prefilter_on() {
    let matcher = &*ANCHORLESS_MATCHER;
    assert_eq!(
        WITH_ANCHORLESS.rules.last().map(|rule| rule.id.as_str()),
        Some("anchorless-rank")
    );
    assert!(
        matcher.prefilter_is_active(),
        "one anchorless template switched the prefilter off"
    );
    let anchorless = WITH_ANCHORLESS
        .rules
        .iter()
        .map(|rule| rule.patterns.len())
        .sum::<usize>()
        - 1;
    // No bundled template has its words here: only the anchorless one is tried.
    let tried = matcher.templates_tried("Russia was calm and Ukraine was quiet.");
    assert!(tried[anchorless], "the anchorless template is always tried");
    assert!(!tried[..anchorless].contains(&true), "{tried:?}");
    // Here some bundled templates find their words, most still do not.
    let tried = matcher.templates_tried(CLAIM);
    assert!(tried[anchorless]);
    assert!(tried[..anchorless].contains(&true), "{tried:?}");
    assert!(tried[..anchorless].contains(&false), "{tried:?}");
    let article = Article::plain(
        "anchorless.txt",
        format!("{CLAIM}\n\nRussia is the largest producer of lithium.\n\nThe weather was fine."),
    );
    let claims = matcher.extract(&article);
    assert!(
        claims.iter().any(|claim| claim.rule == "anchorless-rank"),
        "{claims:#?}"
    );
    assert!(
        claims.iter().any(|claim| claim.rule != "anchorless-rank"),
        "{claims:#?}"
    );
    assert_eq!(claims, matcher.extract_unfiltered(&article));
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        // Failing inputs become named regression tests below instead of files beside the
        // sources.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Every claim in arbitrary text mixed with rule words has valid, exact spans.
    #[test]
    fn claim_spans_are_valid_on_mixed_text(text in mixed_text()) {
        let article = Article::plain("mixed.txt", text);
        let claims = MATCHER.extract(&article);
        check_claim_spans(&article, &claims)?;
    }

    /// The same through every loader: spans index the extracted text, positions map back.
    #[test]
    fn claim_spans_are_valid_in_every_format(text in mixed_text(), format_index in 0..5_usize) {
        let format = [Format::Text, Format::Markdown, Format::Html, Format::JsonLines, Format::Json][format_index];
        let bytes = match format {
            Format::JsonLines | Format::Json => {
                serde_json::json!({ "text": text, "title": "t" }).to_string().into_bytes()
            }
            Format::Html => format!("<html><body><p>{text}</p></body></html>").into_bytes(),
            Format::Markdown => format!("---\ntitle: t\n---\n{text}").into_bytes(),
            Format::Text => text.into_bytes(),
        };
        let loaded = load_bytes("mixed", &bytes, format, &LoadOptions::default()).expect("valid input loads");
        for article in &loaded.articles {
            let claims = MATCHER.extract(article);
            check_claim_spans(article, &claims)?;
        }
    }

    /// The prefilter (gate, block and sentence steps) never changes a claim: the claims are
    /// those found when every sentence is tried with every template, whatever the paragraphs,
    /// line breaks and overlong runs cut inside a word.
    #[test]
    fn prefilter_never_changes_the_claims(text in paragraphs()) {
        let article = Article::plain("paragraphs.txt", text);
        prop_assert!(MATCHER.prefilter_is_active(), "the prefilter is off: this test would test nothing");
        prop_assert_eq!(MATCHER.extract(&article), MATCHER.extract_unfiltered(&article));
    }

    /// The same with one template that has no anchor among the bundled ones: it is tried in
    /// every sentence, the others still go through the prefilter, and no claim changes.
    #[test]
    fn an_anchorless_template_never_changes_the_claims(text in paragraphs()) {
        let article = Article::plain("paragraphs.txt", text);
        prop_assert!(ANCHORLESS_MATCHER.prefilter_is_active(), "the prefilter is off: this test would test nothing");
        prop_assert_eq!(ANCHORLESS_MATCHER.extract(&article), ANCHORLESS_MATCHER.extract_unfiltered(&article));
    }

    /// The same with a pack vocabulary: it changes what a slot reads, never which sentences
    /// a template can match, so the prefilter stays exact.
    #[test]
    fn a_vocabulary_never_changes_the_claims(text in vocabulary_paragraphs()) {
        let article = Article::plain("paragraphs.txt", text);
        prop_assert!(VOCABULARY_MATCHER.prefilter_is_active(), "the prefilter is off: this test would test nothing");
        prop_assert_eq!(VOCABULARY_MATCHER.extract(&article), VOCABULARY_MATCHER.extract_unfiltered(&article));
    }

    /// The same with article-local aliases: the first pass reads the whole article, so the
    /// names a renaming links are read alike whatever the prefilter drops.
    #[test]
    fn article_aliases_never_change_the_claims(text in renaming_paragraphs()) {
        let article = Article::plain("paragraphs.txt", text);
        prop_assert!(MATCHER.prefilter_is_active(), "the prefilter is off: this test would test nothing");
        prop_assert_eq!(MATCHER.extract(&article), MATCHER.extract_unfiltered(&article));
    }

    /// No panic on arbitrary Unicode text.
    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        let claims = MATCHER.extract_text("any.txt", &text);
        let article = Article::plain("any.txt", text);
        check_claim_spans(&article, &claims)?;
    }

    /// No panic on arbitrary bytes in any format: loading either succeeds or reports an error.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), format_index in 0..5_usize) {
        let format = [Format::Text, Format::Markdown, Format::Html, Format::JsonLines, Format::Json][format_index];
        if let Ok(loaded) = load_bytes("bytes", &bytes, format, &LoadOptions::default()) {
            for article in &loaded.articles {
                let claims = MATCHER.extract(article);
                check_claim_spans(article, &claims)?;
            }
        }
    }

    /// Shuffling the articles changes nothing about the claims each article yields.
    #[test]
    fn claims_do_not_depend_on_article_order(
        (texts, order) in prop::collection::vec(mixed_text(), 1..6).prop_flat_map(|texts| {
            let indices: Vec<usize> = (0..texts.len()).collect();
            (Just(texts), Just(indices).prop_shuffle())
        })
    ) {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(index, text)| Article::plain(format!("article-{index}.txt"), text.clone()))
            .collect();
        let shuffled: Vec<Article> = order.iter().map(|&index| articles[index].clone()).collect();
        prop_assert_eq!(
            by_article(MATCHER.extract_all(&articles)),
            by_article(MATCHER.extract_all(&shuffled))
        );
    }

    /// One worker thread and three give the same claims in the same order.
    #[test]
    fn claims_do_not_depend_on_thread_count(texts in prop::collection::vec(mixed_text(), 1..8)) {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(index, text)| Article::plain(format!("article-{index}.txt"), text.clone()))
            .collect();
        let run = |threads: usize| -> Result<Vec<Claim>, rayon::ThreadPoolBuildError> {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
            Ok(pool.install(|| MATCHER.extract_all(&articles)))
        };
        let one = run(1).map_err(|error| TestCaseError::fail(error.to_string()))?;
        let three = run(3).map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(one, three);
    }

    /// Any rules-file-shaped input gives a rule set or errors that render, never a panic.
    #[test]
    fn rules_parser_never_panics(input in rules_like()) {
        check_rules_source(&input)?;
    }

    /// Arbitrary Unicode as a rules file.
    #[test]
    fn rules_parser_never_panics_on_any_text(input in any::<String>()) {
        check_rules_source(&input)?;
    }

    /// Hostile templates inside a well-formed file reach the compiler and the matcher.
    #[test]
    fn template_compiler_never_panics(template in template_like(), text in mixed_text()) {
        check_rules_source(&rules_with_template(&template))?;
        if let Ok(set) = rules::load_sources(&[("x.toml".into(), rules_with_template(&template))]) {
            let article = Article::plain("t.txt", text);
            let claims = Matcher::new(&set).extract(&article);
            check_claim_spans(&article, &claims)?;
        }
    }

    /// The template parser never panics, and an error's span lies inside the template on
    /// character boundaries.
    #[test]
    fn template_parser_never_panics(template in prop_oneof![template_like(), any::<String>()]) {
        check_template(&template)?;
    }
}

/// Loads `input` as the one rules file `x.toml`: errors must render (inside the source, on
/// character boundaries) and a successful load must hold only valid rules.
fn check_rules_source(input: &str) -> Result<(), TestCaseError> {
    match rules::load_sources(&[("x.toml".into(), input.to_owned())]) {
        Ok(set) => {
            for rule in &set.rules {
                prop_assert!(!rule.patterns.is_empty());
            }
            for warning in &set.warnings {
                let _ = warning.render(false);
            }
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            for problem in &problems {
                prop_assert!(!problem.message.is_empty());
                prop_assert!(problem.span.end <= problem.source.len(), "{problem:?}");
            }
            let rendered = diagnostic::render_all(&problems, false);
            prop_assert!(rendered.contains("error"), "{rendered}");
        }
    }
    Ok(())
}

/// Parses `template`: an error's span is inside it, on character boundaries.
fn check_template(template: &str) -> Result<(), TestCaseError> {
    if let Err(error) = pattern::parse(template) {
        prop_assert!(
            error.span.start <= error.span.end && error.span.end <= template.len(),
            "{error:?}"
        );
        prop_assert!(template.is_char_boundary(error.span.start) && template.is_char_boundary(error.span.end));
        prop_assert!(!error.message.is_empty() && !error.hint.is_empty());
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Hostile rules files
// ---------------------------------------------------------------------------------------------

/// Runs `crosscheck check` on a rules directory holding only `file` (written as `hostile.toml`).
fn check_rules_file(file: &str) -> (Run, String) {
    let directory = tempfile::tempdir().expect("temporary directory");
    let path = directory.path().join("hostile.toml");
    fs::write(&path, file).expect("write rules file");
    let run = crosscheck(&["check", "--rules", &display(directory.path())]);
    (run, display(&path))
}

/// The one error message of loading `file`, with its line and column.
#[track_caller]
fn load_error(file: &str) -> (String, (usize, usize)) {
    let problems = rules::load_sources(&[("x.toml".into(), file.to_owned())]).expect_err("rejected");
    let errors: Vec<_> = problems
        .iter()
        .filter(|problem| problem.level == rules::Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{}", diagnostic::render_all(&problems, false));
    (errors[0].message.clone(), errors[0].line_column())
}

#[test]
fn deeply_nested_template_groups_are_an_error_not_a_stack_overflow() {
    let depth = pattern::MAX_DEPTH + 1;
    let template = format!("{{subject:country}} {}holds{}", "(".repeat(depth), ")".repeat(depth));
    let (run, path) = check_rules_file(&rules_with_template(&template));
    assert_eq!(run.code, 2);
    let column = "patterns = [\"{subject:country} ".chars().count() + pattern::MAX_DEPTH + 1;
    assert!(
        run.stderr.starts_with(&format!(
            "error: malformed template: groups nested more than 16 deep\n  --> {path}:11:{column}\n"
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("help: flatten the template, or split it into several patterns")
    );
    // A hundred thousand levels: still one clear error, no stack overflow.
    let huge = format!("{}a{}", "(".repeat(100_000), ")".repeat(100_000));
    let error = pattern::parse(&huge).expect_err("rejected");
    assert_eq!(
        error.message,
        "template is 200001 bytes long, more than the limit of 4096"
    );
    let deep = format!("{}a{}", "[".repeat(2_000), "]".repeat(2_000));
    let error = pattern::parse(&deep).expect_err("rejected");
    assert_eq!(
        (error.message.as_str(), error.span),
        ("groups nested more than 16 deep", 16..17)
    );
}

#[test]
fn template_size_limits_have_clear_messages() {
    let long = format!("{{subject:country}} {}", "holds ".repeat(800));
    let (message, (line, column)) = load_error(&rules_with_template(&long));
    assert_eq!(
        message,
        "malformed template: template is 4818 bytes long, more than the limit of 4096"
    );
    assert_eq!((line, column), (11, 14 + 4096));
    let wide = format!("{{subject:country}} {}", "a ".repeat(pattern::MAX_ELEMENTS));
    let (message, _) = load_error(&rules_with_template(&wide));
    assert_eq!(message, "malformed template: template has more than 512 elements");
    let gap = "{subject:country} ..21 holds";
    let (message, _) = load_error(&rules_with_template(gap));
    assert_eq!(message, "malformed template: gap of 21 tokens is out of range");
    let overflow = "{subject:country} ..99999999999999999999999 holds";
    let (message, _) = load_error(&rules_with_template(overflow));
    assert_eq!(message, "malformed template: gap without a size");
}

#[test]
fn too_many_templates_or_aliases_in_one_file_are_an_error() {
    let patterns = vec!["\"{subject:country} holds\""; rules::compile::MAX_PATTERNS_PER_FILE + 1].join(",\n");
    let file = format!(
        "[lexicon.country]\nentries = {{ china = [\"China\"] }}\n\n\
         [[rule]]\nid = \"many\"\nkind = \"k\"\ncompare = \"statement\"\npatterns = [\n{patterns}\n]\n"
    );
    let (message, (line, column)) = load_error(&file);
    assert_eq!(message, "file has 10001 templates, more than the limit of 10000");
    assert_eq!((line, column), (9 + rules::compile::MAX_PATTERNS_PER_FILE, 1));

    let aliases: Vec<String> = (0..=rules::compile::MAX_ALIASES_PER_FILE)
        .map(|index| format!("\"alias {index}\""))
        .collect();
    let file = format!("[lexicon.country.entries]\nmany = [{}]\n", aliases.join(", "));
    let (message, (line, _)) = load_error(&file);
    assert_eq!(message, "file has 100001 aliases, more than the limit of 100000");
    assert_eq!(line, 2);
}

/// Deeply nested TOML (arrays, inline tables) is a TOML error, never a stack overflow.
#[test]
fn deeply_nested_toml_is_an_error() {
    for file in [
        format!(
            "[settings]\nfurniture = {}{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
        format!(
            "[settings]\nfurniture = {}1{}\n",
            "{a = ".repeat(50_000),
            "}".repeat(50_000)
        ),
        format!("[lexicon.{}]\n", vec!["a"; 50_000].join(".")),
    ] {
        check_rules_source(&file).expect("an error, not a panic");
        let problems = rules::load_sources(&[("x.toml".into(), file.clone())]).expect_err("rejected");
        assert!(problems[0].span.end <= file.len());
    }
}

#[test]
fn bundled_rules_with_hostile_settings_give_clear_errors() {
    for (file, message) in [
        ("[settings]\nshared_wording = 7.0\n", "shared_wording 7 is out of range"),
        (
            "[lexicon.l]\nfuzzy = 2.0\nentries = { a = [\"A\"] }\n",
            "fuzzy threshold 2 is out of range",
        ),
        ("[lexicon.l]\nentries = { a = [] }\n", "entry `a` has no aliases"),
        ("[lexicon.l]\nentries = { a = [\" \"] }\n", "empty alias in entry `a`"),
        ("\u{0}", "key with no value, expected `=`"),
    ] {
        let problems = rules::load_sources(&[("x.toml".into(), file.to_owned())]).expect_err(file);
        let rendered = diagnostic::render_all(&problems, false);
        assert!(rendered.contains(message), "{file:?}:\n{rendered}");
        assert!(rendered.contains("--> x.toml:"), "{rendered}");
    }
}
