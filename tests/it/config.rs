//! The configuration file: found upward from the current directory, or named with `--config`,
//! or ignored with `--isolated`; its paths relative to itself; flags override it; per-rule
//! severities applied to the report's conflicts.

use std::fs;
use std::path::Path;

use crate::{crosscheck_in, root};

/// A project: `news/` with the two articles of the bundled rank conflict, a `work/deeper`
/// directory to run from, and `crosscheck.toml` at the top with `config`.
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    fs::create_dir_all(dir.path().join("news")).expect("news/");
    fs::create_dir_all(dir.path().join("work/deeper")).expect("work/deeper/");
    for name in [
        "2025-02-25-northbridge-ledger-putin-minerals.md",
        "2025-02-26-volga-herald-self-sufficiency.md",
    ] {
        fs::copy(root().join("examples").join(name), dir.path().join("news").join(name)).expect("copying an example");
    }
    fs::write(dir.path().join("crosscheck.toml"), config).expect("writing the config");
    dir
}

fn rules() -> String {
    root().join("rules").display().to_string()
}

fn deeper(dir: &Path) -> std::path::PathBuf {
    dir.join("work/deeper")
}

#[test]
fn the_file_is_found_upward_and_its_paths_are_relative_to_it() {
    let dir = project(&format!(
        "rules = {:?}\npaths = [\"news\"]\nformat = \"markdown\"\n",
        rules()
    ));
    let run = crosscheck_in(&deeper(dir.path()), &["report", "--no-timing"]);
    assert_eq!(run.code, 1, "the rank conflict fails the run: {}", run.stderr);
    assert!(
        run.stdout.starts_with("# crosscheck report"),
        "format from the file:\n{}",
        run.stdout
    );
    assert!(run.stdout.contains(" news/2025-02-25-northbridge"), "{}", run.stdout);
}

#[test]
fn flags_override_the_file() {
    let dir = project(&format!(
        "rules = {:?}\npaths = [\"news\"]\nformat = \"markdown\"\nfail-on = \"never\"\n",
        rules()
    ));
    let run = crosscheck_in(&deeper(dir.path()), &["report", "--no-timing"]);
    assert_eq!(run.code, 0, "fail-on never from the file: {}", run.stderr);
    let run = crosscheck_in(
        &deeper(dir.path()),
        &[
            "report",
            "--no-timing",
            "--format",
            "json",
            "--fail-on",
            "error",
            "../../news/2025-02-25-northbridge-ledger-putin-minerals.md",
            "../../news/2025-02-26-volga-herald-self-sufficiency.md",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("--format json wins");
    assert_eq!(report["summary"]["articles"], 2);
}

#[test]
fn isolated_ignores_the_file_and_config_names_one() {
    let dir = project("format = \"markdown\"\nrules = \"no-such-rules\"\n");
    let isolated = crosscheck_in(
        &deeper(dir.path()),
        &["--isolated", "report", "--no-timing", "--rules", &rules(), "../../news"],
    );
    assert_eq!(isolated.code, 1, "{}", isolated.stderr);
    assert!(
        isolated.stdout.starts_with("error["),
        "the text format, not the file's:\n{}",
        isolated.stdout
    );

    let other = dir.path().join("other.toml");
    fs::write(&other, format!("rules = {:?}\nformat = \"github\"\n", rules())).expect("writing");
    let named = crosscheck_in(
        &deeper(dir.path()),
        &[
            "report",
            "--config",
            other.to_str().expect("UTF-8"),
            "--no-timing",
            "../../news",
        ],
    );
    assert_eq!(named.code, 1, "{}", named.stderr);
    assert!(named.stdout.starts_with("::error "), "{}", named.stdout);

    let missing = crosscheck_in(dir.path(), &["report", "--config", "nope.toml"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("nope.toml: cannot read the configuration file"),
        "{}",
        missing.stderr
    );
}

#[test]
fn a_broken_file_is_an_error_with_its_place() {
    let dir = project("rules = \"rules\"\nfail_on = \"never\"\n");
    let run = crosscheck_in(&deeper(dir.path()), &["report"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("../../crosscheck.toml:2:1: unknown field `fail_on`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("fail-on"),
        "the message lists the keys: {}",
        run.stderr
    );
}

#[test]
fn per_rule_severities_apply_to_conflicts() {
    let plain = project(&format!(
        "rules = {:?}\npaths = [\"news\"]\nformat = \"json\"\n",
        rules()
    ));
    let run = crosscheck_in(plain.path(), &["report", "--no-timing"]);
    let before: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let rank_errors = |report: &serde_json::Value| {
        report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|finding| finding["conflict"] == "rank" && finding["severity"] == "error")
            .count()
    };
    assert!(
        rank_errors(&before) > 0,
        "the two articles hold a rank conflict:\n{}",
        run.stdout
    );

    let softened = project(&format!(
        "rules = {:?}\npaths = [\"news\"]\nformat = \"json\"\n[severity]\nreserve-rank = \"warning\"\n",
        rules()
    ));
    let run = crosscheck_in(softened.path(), &["report", "--no-timing"]);
    let after: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(rank_errors(&after), 0, "{}", run.stdout);
    assert_eq!(
        after["findings"].as_array().map(Vec::len),
        before["findings"].as_array().map(Vec::len)
    );
}

#[test]
fn pyproject_tool_crosscheck_is_read() {
    let dir = project("");
    fs::remove_file(dir.path().join("crosscheck.toml")).expect("removing");
    fs::write(
        dir.path().join("pyproject.toml"),
        format!(
            "[project]\nname = \"news\"\n\n[tool.crosscheck]\nrules = {:?}\npaths = [\"news\"]\nformat = \"sarif\"\n",
            rules()
        ),
    )
    .expect("writing");
    let run = crosscheck_in(&deeper(dir.path()), &["report", "--no-timing"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("\"version\": \"2.1.0\""), "{}", run.stdout);
}

/// Where (path:line) each claim `extract` finds, run from `from`, stands.
fn claim_lines(from: &Path) -> Vec<String> {
    let run = crosscheck_in(from, &["extract", "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
        .lines()
        .map(|line| {
            let claim: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            format!(
                "{}:{}",
                claim["evidence"]["path"].as_str().unwrap_or(""),
                claim["evidence"]["line"]
            )
        })
        .collect()
}

#[test]
fn exclude_globs_leave_files_out_from_where_the_file_is() {
    let rules = rules();
    let all = project(&format!("rules = {rules:?}\npaths = [\"news\"]\n"));
    let before = claim_lines(&deeper(all.path()));
    assert!(
        before.iter().any(|claim| claim.starts_with("news/2025-02-26-volga")),
        "{before:?}"
    );
    // Anchored at the file's directory, though the run starts two levels below it.
    let excluded = project(&format!(
        "rules = {rules:?}\npaths = [\"news\"]\nexclude = [\"news/2025-02-26-*\"]\n"
    ));
    let after = claim_lines(&deeper(excluded.path()));
    let kept: Vec<&String> = before
        .iter()
        .filter(|claim| !claim.starts_with("news/2025-02-26-volga"))
        .collect();
    assert_eq!(after.iter().collect::<Vec<_>>(), kept);
    // A flag on the command line replaces the file's globs.
    let run = crosscheck_in(
        &deeper(excluded.path()),
        &["extract", "--format", "jsonl", "--exclude", "*.txt"],
    );
    assert_eq!(run.stdout.lines().count(), before.len(), "{}", run.stderr);
}

#[test]
fn furniture_patterns_add_to_the_rules_own() {
    let rules = rules();
    let plain = project(&format!("rules = {rules:?}\npaths = [\"news\"]\n"));
    let before = claim_lines(plain.path());
    // The Northbridge Ledger's line 15 ("Putin said Russia holds …") becomes page furniture.
    let furnished = project(&format!(
        "rules = {rules:?}\npaths = [\"news\"]\nfurniture = [\"Putin said .*\"]\n"
    ));
    let after = claim_lines(furnished.path());
    let gone: Vec<&String> = before.iter().filter(|claim| !after.contains(claim)).collect();
    assert_eq!(
        gone,
        [&"news/2025-02-25-northbridge-ledger-putin-minerals.md:15".to_owned()],
        "{after:?}"
    );
    // `test` runs the pack's own cases as the pack wrote them.
    let run = crosscheck_in(furnished.path(), &["test"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let broken = project(&format!("rules = {rules:?}\nfurniture = [\"(\"]\n"));
    let run = crosscheck_in(broken.path(), &["extract", "news"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("crosscheck.toml:2:14: invalid furniture pattern `(`"),
        "{}",
        run.stderr
    );
}
