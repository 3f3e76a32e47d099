//! Rules files: the bundled pack's embedded examples (one test per file) and the errors that
//! broken rules files print.

use crosscheck::authoring::examples;
use crosscheck::commands::load_rules_dir;
use crosscheck::matcher::Matcher;

use crate::{crosscheck, root, snapshot};

/// Runs the embedded examples of the rules defined in `file` (the whole directory is loaded,
/// since lexicons are shared) and fails with every failing example listed.
#[track_caller]
fn check_examples(file: &str) {
    let set = load_rules_dir(&root().join("rules")).expect("bundled rules load");
    let path = root().join("rules").join(file).display().to_string();
    let file_index = set
        .files
        .iter()
        .position(|source| source.path == path)
        .expect("file is in the rule set");
    let rule_ids: Vec<&str> = set
        .rules
        .iter()
        .filter(|rule| rule.file == file_index)
        .map(|rule| rule.id.as_str())
        .collect();
    assert!(!rule_ids.is_empty(), "{file} defines no rules");
    let outcomes: Vec<_> = examples::run(&Matcher::new(&set), None)
        .into_iter()
        .filter(|outcome| rule_ids.contains(&outcome.rule.as_str()))
        .collect();
    let failures: Vec<String> = outcomes
        .iter()
        .filter_map(|outcome| {
            outcome.failure.as_ref().map(|failure| {
                format!(
                    "{}:{} {}: {}\n  {failure}",
                    outcome.path, outcome.line, outcome.rule, outcome.text
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} examples failed:\n{}",
        failures.len(),
        outcomes.len(),
        failures.join("\n")
    );
    for rule in set.rules.iter().filter(|rule| rule.file == file_index) {
        let positives = rule.examples.iter().filter(|example| example.positive).count();
        let negatives = rule.examples.len() - positives;
        assert!(
            positives >= 3 && negatives >= 2,
            "rule {} needs at least 3 positive and 2 negative examples",
            rule.id
        );
    }
}

#[test]
fn critical_minerals_examples() {
    check_examples("critical-minerals.toml");
}

/// Every bundled rules file that defines rules has its own examples test above.
#[test]
fn every_rules_file_with_rules_has_an_examples_test() {
    let covered = ["critical-minerals.toml"];
    let set = load_rules_dir(&root().join("rules")).expect("bundled rules load");
    for (index, file) in set.files.iter().enumerate() {
        let name = std::path::Path::new(&file.path)
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default();
        if set.rules.iter().any(|rule| rule.file == index) {
            assert!(covered.contains(&name), "add an examples test for rules/{name}");
        }
    }
}

#[test]
fn bundled_rules_check_clean() {
    let run = crosscheck(&["check", "--rules", "rules"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("0 warnings"), "{}", run.stderr);
}

/// Each broken rules file prints its diagnostic (`file:line:column`, the line, a caret, a hint)
/// and exits 2.
#[test]
fn broken_rules_files() {
    insta::glob!(root(), "tests/fixtures/bad-rules/*.toml", |path| {
        let relative = crate::relative(path);
        let run = crosscheck(&["check", "--rules", &relative]);
        assert_eq!(run.code, 2, "{relative}: {}", run.stderr);
        assert!(run.stdout.is_empty());
        let name = format!(
            "bad_rules__{}",
            path.file_stem().and_then(|stem| stem.to_str()).unwrap_or_default()
        );
        snapshot!(name, run.stderr);
    });
}

/// An unknown key no longer stops its file: every problem in every file of a directory is
/// reported in one run, the misspelt keys with a did-you-mean.
#[test]
fn every_problem_in_every_file_is_reported() {
    let run = crosscheck(&["check", "--rules", "tests/fixtures/bad-rules/many-files"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    for expected in [
        "unknown field `alias`",
        "many-files/lexicons.toml:3:1",
        "unknown field `severty`",
        "did you mean `severity`?",
        "many-files/rules.toml:6:1",
        // The rule after the misspelt key is still compiled.
        "unknown lexicon or slot type `cuntry`",
        "3 errors, 0 warnings",
    ] {
        assert!(
            run.stderr.contains(expected),
            "missing {expected:?} in:\n{}",
            run.stderr
        );
    }
}

#[test]
fn missing_rules_directory_is_an_error() {
    let run = crosscheck(&["check", "--rules", "no/such/dir"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("cannot read rules directory"), "{}", run.stderr);
}
