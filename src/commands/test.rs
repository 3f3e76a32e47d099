//! `crosscheck test`: run every rule's embedded examples.

use super::{Context, exit, load_rules};
use crate::cli::TestArgs;

/// Runs the examples; prints each failure and the closing `N passed, N failed` line.
pub(crate) fn run(args: &TestArgs, context: &mut Context) -> u8 {
    let Some(set) = load_rules(&args.rules, context) else {
        return exit::ERROR;
    };
    let outcomes = crate::rules::examples::run(&set, args.filter.as_deref());
    let failed: Vec<_> = outcomes.iter().filter(|outcome| outcome.failure.is_some()).collect();
    let result = crate::output::write_to(None, |out| {
        for outcome in &failed {
            writeln!(
                out,
                "FAIL {} ({}:{}) {} example",
                outcome.rule,
                outcome.path,
                outcome.line,
                if outcome.positive { "positive" } else { "negative" }
            )?;
            writeln!(out, "  text: {}", outcome.text)?;
            writeln!(out, "  {}", outcome.failure.as_deref().unwrap_or_default())?;
        }
        writeln!(out, "{} passed, {} failed", outcomes.len() - failed.len(), failed.len())
    });
    if let Err(error) = result {
        context.error(&format!("cannot write output: {error}"));
    }
    if failed.is_empty() { exit::OK } else { exit::FINDINGS }
}
