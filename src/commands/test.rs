//! `crosscheck test`: run every rule's embedded examples, then the rule pack's cross-article
//! cases, then (with `--coverage`) check that every rule fires on some positive example.
//!
//! Every check counts once in the closing `N passed, N failed` line; each failure is printed
//! with where it is written, what was expected and what was found. Exit 1 when anything failed.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Context, exit, load_rules};
use crate::authoring::cases::{self, CASES_DIR, Case, CaseOutcome, EXPECT_FILE};
use crate::authoring::examples::{self, Coverage, ExampleOutcome};
use crate::cli::TestArgs;
use crate::matcher::Matcher;
use crate::rules::RuleSet;
use crate::text::{LoadOptions, load_file, walk};

/// Runs the checks; prints each failure and the closing `N passed, N failed` line.
pub(crate) fn run(args: &TestArgs, context: &mut Context) -> u8 {
    let Some(set) = load_rules(&args.rules, context) else {
        return exit::ERROR;
    };
    let Some(reference) = super::load_reference(&[], &args.rules.rules, &set, context) else {
        return exit::ERROR;
    };
    let filter = args.filter.as_deref();
    let matcher = Matcher::new(&set);
    let examples = examples::run(&matcher, filter);
    let cases: Vec<CaseOutcome> = case_folders(&args.rules.rules)
        .into_iter()
        .filter_map(|folder| read_case(&set, &folder, filter))
        .flat_map(|case| cases::run(&matcher, &case, &reference))
        .collect();
    let coverage = if args.coverage {
        examples::coverage(&matcher, filter)
    } else {
        Vec::new()
    };
    let failed = examples.iter().filter(|outcome| outcome.failure.is_some()).count()
        + cases.iter().filter(|outcome| outcome.failure.is_some()).count()
        + coverage.iter().filter(|rule| !rule.covered).count();
    let total = examples.len() + cases.len() + coverage.len();
    let result = crate::output::write_to(None, |out| {
        write_examples(&examples, out)?;
        write_cases(&cases, out)?;
        write_coverage(&coverage, out)?;
        writeln!(out, "{} passed, {failed} failed", total - failed)
    });
    if let Err(error) = result {
        context.error(&format!("cannot write output: {error}"));
    }
    if failed == 0 { exit::OK } else { exit::FINDINGS }
}

/// The case folders of the rules at `rules` (a directory, or one rules file whose folder is
/// used), sorted by name; none when there is no `cases` folder.
fn case_folders(rules: &Path) -> Vec<PathBuf> {
    let base = if rules.is_file() {
        rules.parent().unwrap_or(Path::new(".")).to_path_buf()
    } else {
        rules.to_path_buf()
    };
    let Ok(entries) = std::fs::read_dir(base.join(CASES_DIR)) else {
        return Vec::new();
    };
    let mut folders: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    folders
}

/// Reads one case folder (its `expect.toml` and its articles), unless its name does not
/// contain `filter`.
fn read_case(set: &RuleSet, folder: &Path, filter: Option<&str>) -> Option<Case> {
    let name = folder
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    if filter.is_some_and(|filter| !name.contains(filter)) {
        return None;
    }
    let expect_path = folder.join(EXPECT_FILE);
    let expect = std::fs::read_to_string(&expect_path).map_err(|error| error.to_string());
    let mut case = Case {
        name,
        folder: folder.display().to_string(),
        expect_path: expect_path.display().to_string(),
        expect,
        articles: Vec::new(),
        problems: Vec::new(),
    };
    if case.expect.is_err() {
        return Some(case);
    }
    let walked = walk(&[folder.to_path_buf()]);
    let options = LoadOptions {
        furniture: set.furniture.clone(),
        ..LoadOptions::default()
    };
    case.problems = walked.problems.iter().map(ToString::to_string).collect();
    for path in &walked.files {
        match load_file(path, &path.display().to_string(), &options) {
            Ok(loaded) => case.articles.extend(loaded.articles),
            Err(error) => case.problems.push(error.to_string()),
        }
    }
    Some(case)
}

fn write_examples(outcomes: &[ExampleOutcome], out: &mut dyn Write) -> io::Result<()> {
    for outcome in outcomes {
        let Some(failure) = &outcome.failure else {
            continue;
        };
        writeln!(
            out,
            "FAIL {} ({}:{}) {} example",
            outcome.rule,
            outcome.path,
            outcome.line,
            if outcome.positive { "positive" } else { "negative" }
        )?;
        writeln!(out, "  text: {}", outcome.text)?;
        writeln!(out, "  {failure}")?;
    }
    Ok(())
}

fn write_cases(outcomes: &[CaseOutcome], out: &mut dyn Write) -> io::Result<()> {
    for outcome in outcomes {
        let Some(failure) = &outcome.failure else {
            continue;
        };
        writeln!(
            out,
            "FAIL case {} ({}:{}) {}",
            outcome.case,
            outcome.path,
            outcome.line,
            if outcome.present { "[[finding]]" } else { "[[absent]]" }
        )?;
        let expected = if outcome.present {
            outcome.expectation.clone()
        } else {
            format!("no finding with {}", outcome.expectation)
        };
        writeln!(out, "  expected: {expected}")?;
        writeln!(out, "  {failure}")?;
    }
    Ok(())
}

fn write_coverage(rules: &[Coverage], out: &mut dyn Write) -> io::Result<()> {
    for rule in rules.iter().filter(|rule| !rule.covered) {
        writeln!(
            out,
            "FAIL coverage {} ({}:{}) fires on no positive example",
            rule.rule, rule.path, rule.line
        )?;
        writeln!(
            out,
            "  add an example the rule matches: examples = [{{ text = \"…\" }}]"
        )?;
    }
    Ok(())
}
