//! The rule language (issue 21): value-only rules, open-class names, per-rule severity,
//! run-time rule selection, coordinated subjects and matches that share words. One folder per
//! feature in `tests/fixtures/language/`, each with its `rules.toml` (embedded examples and
//! counterexamples), articles that must give claims and sentences that must stay silent; every
//! folder has a snapshot of `extract` over its articles, of `test` over its rules and of
//! `report` over its articles.

use std::path::Path;

use crate::{crosscheck, snapshot};

/// The articles of a fixture folder, sorted, relative to the repository root.
fn articles(folder: &Path) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(folder)
        .expect("fixture folder reads")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "md" || extension == "txt")
        })
        .map(|path| crate::relative(&path))
        .collect();
    found.sort();
    found
}

/// Every fixture folder: its examples pass, and its claims are the snapshot's.
#[test]
fn fixtures_extract_and_test() {
    insta::glob!(crate::root(), "tests/fixtures/language/*/rules.toml", |path| {
        let folder = path.parent().expect("a rules file sits in a folder");
        let name = folder
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default()
            .replace('-', "_");
        let rules = crate::relative(folder);
        let run = crosscheck(&["test", "--rules", &rules, "--coverage"]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        snapshot!(format!("language__{name}_test"), run.stdout);
        let check = crosscheck(&["check", "--rules", &rules]);
        assert_eq!(check.code, 0, "{}", check.stderr);
        let mut args = vec!["extract".to_string()];
        args.extend(articles(folder));
        args.extend(["--rules".to_string(), rules.clone()]);
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = crosscheck(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        snapshot!(format!("language__{name}_extract"), run.stdout);
        args[0] = "report";
        args.push("--no-timing");
        let run = crosscheck(&args);
        assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
        snapshot!(format!("language__{name}_report"), run.stdout);
    });
}

/// `report --select` and `--ignore` choose rules by glob; a glob that matches no rule is an
/// error naming the closest id (exit 2), never an empty run.
#[test]
fn report_selects_and_ignores_rules() {
    const DIR: &str = "tests/fixtures/language/severity";
    let run_with = |flags: &[&str]| {
        let mut args = vec!["report", DIR, "--rules", DIR, "--no-timing"];
        args.extend(flags);
        crosscheck(&args)
    };
    let headlines = |stdout: &str| -> Vec<String> {
        stdout
            .lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
            .map(|line| line.split(':').next().unwrap_or_default().to_string())
            .collect()
    };
    let all = run_with(&[]);
    assert_eq!(all.code, 1, "{}", all.stderr);
    assert_eq!(
        headlines(&all.stdout),
        ["error[quantity]", "warning[quantity]", "note[rank]", "summary"]
    );
    // Only the note is left: nothing fails the run.
    let rank = run_with(&["--select", "port-rank"]);
    assert_eq!(rank.code, 0, "{}", rank.stderr);
    assert_eq!(headlines(&rank.stdout), ["note[rank]", "summary"]);
    let estimates = run_with(&["--select", "port-throughput*", "--ignore", "port-throughput"]);
    assert_eq!(headlines(&estimates.stdout), ["warning[quantity]", "summary"]);
    let listed = run_with(&["--select", "port-throughput,port-rank", "--ignore", "*-estimate"]);
    assert_eq!(headlines(&listed.stdout), ["error[quantity]", "note[rank]", "summary"]);
    let typo = run_with(&["--select", "port-rnk"]);
    assert_eq!(typo.code, 2);
    assert_eq!(typo.stdout, "");
    snapshot!("language__select_typo", typo.stderr);
}

/// The second bundled pack, energy (`rules/examples/energy/`): it loads lint-clean, its
/// examples, cases and coverage pass, and its report over its own articles is the snapshot's.
#[test]
fn energy_pack_checks_tests_and_reports() {
    const PACK: &str = "rules/examples/energy";
    let check = crosscheck(&["check", "--rules", PACK]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let said = format!("{}{}", check.stdout, check.stderr);
    assert!(said.contains(" 0 warnings"), "{said}");
    let test = crosscheck(&["test", "--rules", PACK, "--coverage"]);
    assert_eq!(test.code, 0, "{}{}", test.stdout, test.stderr);
    snapshot!("language__energy_test", test.stdout);
    let report = crosscheck(&[
        "report",
        "rules/examples/energy/articles",
        "--rules",
        PACK,
        "--no-timing",
    ]);
    assert_eq!(report.code, 1, "{}", report.stderr);
    snapshot!("language__energy_report", report.stdout);
}

/// `--rules FILE` whose lexicons live in a sibling file is one error that says to pass the
/// directory, not one error per use of each lexicon.
#[test]
fn a_rules_file_that_needs_its_siblings_is_one_error() {
    let run = crosscheck(&["check", "--rules", "rules/examples/energy/energy.toml"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    snapshot!("language__needs_siblings", run.stderr);
    // A file that is broken on its own still shows every problem.
    let broken = crosscheck(&["check", "--rules", "tests/fixtures/bad-rules/unknown-lexicon.toml"]);
    assert_eq!(broken.code, 2);
    assert!(
        !broken.stderr.contains("needs the other rules files"),
        "{}",
        broken.stderr
    );
}

/// Ranks as news writes them (issue 21, items 3 and 4): a rank within a region or group never
/// meets a world rank, coordinated subjects share a plural rank without contradicting each
/// other, and an "either … or" claim conflicts with nothing; the JSON form says so with
/// `within` and `alternatives`, and a plain world rank has neither.
#[test]
fn ranks_within_a_scope_plural_and_either_or() {
    const DIR: &str = "tests/fixtures/language/ranks";
    let report = crosscheck(&["report", DIR, "--rules", DIR, "--no-timing", "--format", "json"]);
    assert_eq!(report.code, 1, "{}", report.stderr);
    let json: serde_json::Value = serde_json::from_str(&report.stdout).expect("a JSON report");
    let claims = json["claims"].as_array().expect("claims");
    let rank_of = |quote: &str, subject: &str| {
        claims
            .iter()
            .find(|claim| {
                claim["evidence"]["quote"]
                    .as_str()
                    .is_some_and(|text| text.contains(quote))
                    && claim["subject"]["id"] == subject
            })
            .unwrap_or_else(|| panic!("a claim of {subject} quoting {quote:?}"))
    };
    let asia = rank_of("Asia's largest", "orbis");
    assert_eq!(asia["value"]["within"], "asia");
    assert_eq!(asia["scope"]["region"], "asia");
    let either = rank_of("Orbis or Kestrel", "kestrel");
    assert_eq!(either["value"]["alternatives"], serde_json::json!(["orbis"]));
    let plural = rank_of("the world's biggest truck makers", "orbis");
    assert_eq!(
        (plural["value"]["best"].as_u64(), plural["value"]["worst"].as_u64()),
        (Some(1), Some(2))
    );
    assert!(plural["value"].get("within").is_none() && plural["value"].get("alternatives").is_none());
    // The findings: only world ranks of one subject meet, and no claim within a region or of
    // a disjunction is quoted by any finding.
    let quoted: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .flat_map(|finding| finding["claims"].as_array().into_iter().flatten())
        .filter_map(|id| id.as_str())
        .collect();
    for silent in [
        asia,
        either,
        rank_of("Europe's second-biggest", "kestrel"),
        rank_of("biggest truck maker", "halvard"),
    ] {
        let id = silent["id"].as_str().expect("an id");
        assert!(!quoted.contains(&id), "{} is in a finding", silent["evidence"]["quote"]);
    }
    let conflicts: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|finding| finding["kind"] == "conflict")
        .filter_map(|finding| finding["key"].as_str())
        .collect();
    assert_eq!(
        conflicts,
        ["maker-rank · kestrel · trucks", "maker-rank · orbis · trucks"]
    );
}
