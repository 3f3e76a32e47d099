//! `crosscheck extract`: list the claims the rules find.

use std::time::Instant;

use super::{Context, exit, load_rules, process};
use crate::cli::ExtractArgs;
use crate::report::{self, RenderOptions};
use crate::stats::Stats;

/// Extracts and renders claims.
pub(crate) fn run(args: &ExtractArgs, context: &mut Context) -> u8 {
    let started = Instant::now();
    let Some(set) = load_rules(&args.rules, context) else {
        return exit::ERROR;
    };
    let processed = process(&args.input, &set, context);
    let options = RenderOptions {
        color: args.input.output.is_none() && context.color_stdout,
    };
    let render_started = Instant::now();
    if let Err(error) = crate::output::write_to(args.input.output.as_deref(), |out| {
        report::render_claims(&processed.infos, &processed.claims, args.format, out, &options)
    }) {
        context.error(&format!("cannot write output: {error}"));
    }
    if args.input.stats {
        let stats = Stats::from_processed(&processed, None, render_started.elapsed(), started.elapsed());
        eprint!("{}", stats.render());
    }
    exit::OK
}
