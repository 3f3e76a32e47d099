//! The report formats people and tools look at: HTML, SARIF and GitHub annotations over the
//! bundled examples (snapshots), the SARIF log against the SARIF 2.1.0 JSON Schema, the HTML
//! page over hostile articles parsed as a browser would, and Markdown read back through a
//! `CommonMark` renderer.

use scraper::{Html, Selector};

use crate::{crosscheck, crosscheck_in, root, snapshot};

fn examples(format: &str) -> String {
    let run = crosscheck(&[
        "report",
        "examples",
        "--rules",
        "rules",
        "--no-timing",
        "--format",
        format,
    ]);
    assert_eq!(
        run.code, 1,
        "the examples hold error-level conflicts by design: {}",
        run.stderr
    );
    run.stdout
}

#[test]
fn examples_report_html() {
    let page = examples("html");
    let document = Html::parse_document(&page);
    let cells = document
        .select(&Selector::parse("td.cell a").expect("selector"))
        .count();
    assert!(cells > 10, "the matrix links {cells} cells");
    // Every matrix cell jumps to a finding card that exists.
    for link in document.select(&Selector::parse("td.cell a").expect("selector")) {
        let target = link.value().attr("href").expect("a cell links").trim_start_matches('#');
        let card = Selector::parse(&format!("article[id=\"{target}\"]")).expect("selector");
        assert_eq!(document.select(&card).count(), 1, "cell link #{target}");
    }
    snapshot!("report_examples_html", page);
}

/// A validator for the vendored SARIF 2.1.0 schema (JSON Schema draft 4).
fn sarif_validator() -> jsonschema::Validator {
    let path = root().join("tests/fixtures/sarif/sarif-schema-2.1.0.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the schema is vendored")).expect("JSON");
    // The schema's own `language` pattern is not a valid ECMA-262 regex under the meta-schema's
    // `format: regex` check, so formats are not asserted; every structural keyword still is.
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(false)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

#[test]
fn examples_report_sarif_is_valid_sarif_2_1_0() {
    let log = examples("sarif");
    let instance: serde_json::Value = serde_json::from_str(&log).expect("the log is JSON");
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|error| format!("{error} at {}", error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "not valid SARIF 2.1.0:\n{}", errors.join("\n"));
    let results = instance["runs"][0]["results"].as_array().expect("results");
    assert!(results.iter().any(|result| result["relatedLocations"].is_array()));
    snapshot!("report_examples_sarif", log);
}

/// The schema test notices a broken log: without its required `version`, or with a level
/// SARIF does not have, validation fails.
#[test]
fn the_sarif_schema_rejects_a_broken_log() {
    let validator = sarif_validator();
    let mut log: serde_json::Value = serde_json::from_str(&examples("sarif")).expect("JSON");
    assert!(validator.is_valid(&log));
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&log), "an unknown level passed");
    log.as_object_mut().expect("an object").remove("version");
    assert!(!validator.is_valid(&log), "a log without a version passed");
}

#[test]
fn examples_report_github() {
    let annotations = examples("github");
    assert!(
        annotations.lines().all(|line| line.starts_with("::error ")
            || line.starts_with("::warning ")
            || line.starts_with("::notice "))
    );
    snapshot!("report_examples_github", annotations);
}

/// Hostile articles (markup in the text, in front matter and in the file name, a `javascript:`
/// URL) come out of the HTML report as text.
#[test]
fn hostile_articles_are_inert_in_html() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let hostile = [
        (
            "a\"><img src=x onerror=alert(1)>.md",
            "---\ntitle: \"<script>alert(2)</script>\"\noutlet: \"<b onmouseover='alert(3)'>Herald</b>\"\ndate: 2025-01-02\nurl: \"javascript:alert(4)\"\n---\n\nRussia holds 28.7 million tonnes of rare-earth reserves <img src=x onerror=alert(5)>.\n",
        ),
        (
            "b.md",
            "---\noutlet: \"\\\" onclick=\\\"alert(6)\"\ndate: 2025-02-03\nurl: \" JAVASCRIPT:alert(7)\"\n---\n\nRussia's rare earth reserves amount to 3.8 million tonnes <script>alert(8)</script>.\n",
        ),
    ];
    for (name, text) in hostile {
        std::fs::write(dir.path().join(name), text).expect("writing a fixture");
    }
    let rules = root().join("rules");
    let run = crosscheck_in(
        dir.path(),
        &[
            "report",
            ".",
            "--rules",
            rules.to_str().expect("UTF-8 path"),
            "--no-timing",
            "--format",
            "html",
            "--fail-on",
            "never",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document = Html::parse_document(&run.stdout);
    let findings = document
        .select(&Selector::parse("article.finding").expect("selector"))
        .count();
    assert!(findings >= 1, "the hostile articles still conflict:\n{}", run.stdout);
    let all = Selector::parse("*").expect("selector");
    for element in document.select(&all) {
        let name = element.value().name();
        assert!(!["img", "b", "i"].contains(&name), "<{name}> came from an article");
        for (attribute, value) in element.value().attrs() {
            assert!(!attribute.starts_with("on"), "{attribute}={value:?} on <{name}>");
            if attribute == "href" || attribute == "src" {
                assert!(
                    value.starts_with('#') || value.starts_with("http"),
                    "{attribute}={value:?}"
                );
            }
        }
    }
    assert_eq!(
        document.select(&Selector::parse("script").expect("selector")).count(),
        1
    );
    let text: String = document.root_element().text().collect();
    assert!(
        text.contains("<img src=x onerror=alert(5)>"),
        "the quote is shown as text"
    );
    assert!(text.contains("javascript:alert(4)"), "the URL is shown as text");
}

/// The Markdown report renders with no visible backslash in `CommonMark` (GFM tables on).
#[test]
fn examples_markdown_shows_no_backslash() {
    let markdown = examples("markdown");
    let options = pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(&markdown, options));
    let text: String = Html::parse_document(&html).root_element().text().collect();
    assert!(!text.contains('\\'), "a backslash is visible:\n{text}");
    assert!(
        !markdown.contains("\\~") && !markdown.contains("\\|"),
        "Python-Markdown shows these"
    );
}

#[test]
fn completions_and_man_page_are_generated() {
    for shell in ["bash", "zsh", "fish"] {
        let run = crosscheck(&["completions", shell]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        for word in ["report", "extract", "rules", "fail-on", "sarif", "isolated"] {
            assert!(run.stdout.contains(word), "{shell} completion lacks {word}");
        }
    }
    let run = crosscheck(&["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(".ie") || run.stdout.contains(".TH crosscheck"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("EXIT STATUS"));
    let run = crosscheck(&["man", "report"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(".TH crosscheck-report"));
    assert!(run.stdout.contains("fail\\-on"));
    let run = crosscheck(&["man", "nosuch"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("pick one of: report"), "{}", run.stderr);
}

#[test]
fn init_scaffolds_a_pack_that_check_and_test_pass() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let pack = dir.path().join("pack");
    let pack_arg = pack.to_str().expect("UTF-8 path");
    let run = crosscheck(&["init", pack_arg]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for file in ["lexicons.toml", "population.toml", "cases/porto-population/expect.toml"] {
        assert!(pack.join(file).is_file(), "{file} missing");
    }
    let check = crosscheck(&["check", "--rules", pack_arg]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(check.stderr.contains("0 warnings"), "{}", check.stderr);
    let test = crosscheck(&["test", "--rules", pack_arg, "--coverage"]);
    assert_eq!(test.code, 0, "{}{}", test.stdout, test.stderr);
    assert!(test.stdout.contains(" 0 failed"), "{}", test.stdout);
    // A second init writes nothing over the first.
    let before = std::fs::read_to_string(pack.join("population.toml")).expect("readable");
    let again = crosscheck(&["init", pack_arg]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(
        std::fs::read_to_string(pack.join("population.toml")).expect("readable"),
        before
    );
}

#[test]
fn check_writes_json() {
    let run = crosscheck(&["check", "--rules", "rules", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(document["version"], 1);
    assert_eq!(document["ok"], true);
    assert!(document["counts"]["rules"].as_u64().expect("a count") > 5);

    let broken = crate::fixture("bad-rules/unknown-field.toml");
    let run = crosscheck(&["check", "--rules", broken.to_str().expect("UTF-8"), "--format", "json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(document["ok"], false);
    let first = &document["diagnostics"][0];
    assert_eq!(first["level"], "error");
    assert!(first["line"].as_u64().expect("a line") >= 1, "{first}");

    // The reference tables beside the rules are checked as the text output checks them.
    assert!(
        crosscheck(&["check", "--rules", "rules", "--format", "json"])
            .stdout
            .contains("\"reference_rows\""),
        "the bundled pack's reference rows are counted"
    );
    let pack = tempfile::tempdir().expect("a temporary directory");
    for name in ["critical-minerals.toml", "lexicons.toml"] {
        std::fs::copy(crate::root().join("rules").join(name), pack.path().join(name)).expect("copying the pack");
    }
    std::fs::create_dir(pack.path().join("reference")).expect("reference/");
    std::fs::copy(
        crate::fixture("reference/bad/not-a-number.csv"),
        pack.path().join("reference/table.csv"),
    )
    .expect("copying a broken table");
    let run = crosscheck(&[
        "check",
        "--rules",
        pack.path().to_str().expect("UTF-8"),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(document["ok"], false, "{document}");
    let first = &document["diagnostics"][0];
    assert!(
        first["file"]
            .as_str()
            .is_some_and(|file| file.ends_with("reference/table.csv")),
        "{first}"
    );
}

#[test]
fn diff_and_explain_write_to_output() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let saved = dir.path().join("report.json");
    let saved_arg = saved.to_str().expect("UTF-8");
    let run = crosscheck(&[
        "report", "examples", "--rules", "rules", "--format", "json", "--output", saved_arg,
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let diffed = dir.path().join("diff.md");
    let run = crosscheck(&[
        "diff",
        saved_arg,
        saved_arg,
        "--format",
        "markdown",
        "--output",
        diffed.to_str().expect("UTF-8"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(
        std::fs::read_to_string(&diffed)
            .expect("written")
            .contains("Nothing new since the baseline.")
    );
    let explained = dir.path().join("explain.json");
    let run = crosscheck(&[
        "explain",
        "--rules",
        "rules",
        "--text",
        "Russia holds 28.7 million tonnes of rare-earth reserves.",
        "--format",
        "json",
        "--output",
        explained.to_str().expect("UTF-8"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let explanation: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&explained).expect("written")).expect("JSON");
    assert!(explanation["articles"].is_array());
}

#[test]
fn ack_takes_a_unique_prefix() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let saved = dir.path().join("report.json");
    let saved_arg = saved.to_str().expect("UTF-8");
    crosscheck(&[
        "report", "examples", "--rules", "rules", "--format", "json", "--output", saved_arg,
    ]);
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).expect("written")).expect("JSON");
    let id = report["findings"][0]["id"].as_str().expect("an id").to_owned();
    let file = dir.path().join("acknowledged.toml");
    let file_arg = file.to_str().expect("UTF-8");
    let short = crosscheck(&[
        "ack",
        &id[..5],
        "--reason",
        "checked",
        "--report",
        saved_arg,
        "--file",
        file_arg,
    ]);
    assert_eq!(short.code, 2);
    assert!(short.stderr.contains("at least 6 characters"), "{}", short.stderr);
    let run = crosscheck(&[
        "ack",
        &id[..8],
        "--reason",
        "checked",
        "--report",
        saved_arg,
        "--file",
        file_arg,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(&file).expect("written");
    assert!(
        written.contains(&format!("\"{id}\"")),
        "the full id is recorded:\n{written}"
    );
}
