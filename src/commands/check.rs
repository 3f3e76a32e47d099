//! `crosscheck check`: validate rules files, then lint them.
//!
//! Errors (the rule set cannot load) exit 2. Lints ([`crate::authoring::lint`]) are warnings,
//! rendered like errors with `file:line:column`, and keep exit 0.

use super::{Context, exit, load_rules};
use crate::authoring::lint;
use crate::cli::RulesArgs;

/// Loads the rules, prints every lint warning and a one-line summary (or every problem).
pub(crate) fn run(args: &RulesArgs, context: &mut Context) -> u8 {
    let Some(set) = load_rules(args, context) else {
        return exit::ERROR;
    };
    let lints = lint::lint(&set);
    if !context.quiet {
        for warning in &lints {
            eprintln!("{}", warning.diagnostic.render(context.color_stderr));
        }
        let examples: usize = set.rules.iter().map(|rule| rule.examples.len()).sum();
        eprintln!(
            "{} ok: {}, {}, {}, {}, {}",
            args.rules.display(),
            counted(set.files.len(), "file"),
            counted(set.lexicons.len(), "lexicon"),
            counted(set.rules.len(), "rule"),
            counted(examples, "example"),
            counted(set.warnings.len() + lints.len(), "warning")
        );
    }
    exit::OK
}

/// `1 warning`, `2 warnings`: a count and its noun in agreement.
fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
