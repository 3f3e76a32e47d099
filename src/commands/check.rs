//! `crosscheck check`: validate rules files.

use super::{Context, exit, load_rules};
use crate::cli::RulesArgs;

/// Loads the rules and prints a one-line summary (or every problem).
pub(crate) fn run(args: &RulesArgs, context: &mut Context) -> u8 {
    let Some(set) = load_rules(args, context) else {
        return exit::ERROR;
    };
    if !context.quiet {
        let examples: usize = set.rules.iter().map(|rule| rule.examples.len()).sum();
        eprintln!(
            "{} ok: {} files, {} lexicons, {} rules, {} examples, {} warnings",
            args.rules.display(),
            set.files.len(),
            set.lexicons.len(),
            set.rules.len(),
            examples,
            set.warnings.len()
        );
    }
    exit::OK
}
