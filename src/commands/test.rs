//! `crosscheck test`: run every rule's embedded examples, then the rule pack's cross-article
//! cases, then (with `--coverage`) check that every rule fires on some positive example.
//!
//! Every check counts once in the closing `N passed, N failed` line; each failure is printed
//! with where it is written, what was expected and what was found. Exit 1 when anything failed.

use std::io::{self, Write};

use super::{Context, exit, load_rules};
use crate::cli::TestArgs;
use crate::matcher::Matcher;
use crate::review::cases::CaseOutcome;
use crate::rules::examples::{Coverage, ExampleOutcome};

/// Runs the checks; prints each failure and the closing `N passed, N failed` line.
pub(crate) fn run(args: &TestArgs, context: &mut Context) -> u8 {
    let Some(set) = load_rules(&args.rules, context) else {
        return exit::ERROR;
    };
    let filter = args.filter.as_deref();
    let matcher = Matcher::new(&set);
    let examples = crate::rules::examples::run(&matcher, filter);
    let cases = crate::review::cases::run(&matcher, &args.rules.rules, filter);
    let coverage = if args.coverage {
        crate::rules::examples::coverage(&matcher, filter)
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
