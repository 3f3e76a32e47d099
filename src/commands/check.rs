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
    // The reference tables beside the rules are part of the pack: a broken one fails `check`.
    let Some(reference) = super::load_reference(&[], &args.rules, &set, context) else {
        return exit::ERROR;
    };
    let lints = lint::lint(&set);
    if !context.quiet {
        for warning in &lints {
            eprintln!("{}", warning.diagnostic.render(context.color_stderr));
        }
        let examples: usize = set.rules.iter().map(|rule| rule.examples.len()).sum();
        eprintln!(
            "{} ok: {} files, {} lexicons, {} rules, {} examples, {} warnings",
            args.rules.display(),
            set.files.len(),
            set.lexicons.len(),
            set.rules.len(),
            examples,
            set.warnings.len() + lints.len()
        );
        if !reference.is_empty() {
            eprintln!("{} reference rows ok", reference.rows.len());
        }
    }
    exit::OK
}
