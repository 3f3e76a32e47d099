//! `crosscheck extract`: list the claims the rules find.

use std::time::{Duration, Instant};

use super::{Context, Processed, exit, load_rules, process, stream};
use crate::cli::ExtractArgs;
use crate::report::ClaimFormat;
use crate::report::{self, RenderOptions};
use crate::stats::Stats;

/// Extracts and renders claims.
pub(crate) fn run(args: &ExtractArgs, context: &mut Context) -> u8 {
    let started = Instant::now();
    let Some(set) = load_rules(&args.rules, context) else {
        return exit::ERROR;
    };
    let Some(inputs) = super::resolve_inputs(&args.input, &args.rules.rules, context) else {
        return exit::ERROR;
    };
    let options = RenderOptions {
        color: args.input.output.is_none() && context.color_stdout,
    };
    let mut processed = Processed::default();
    let mut render = Duration::ZERO;
    let written = if args.format == ClaimFormat::Jsonl {
        // One line per claim needs no other claim: stream them, file by file, so memory does not
        // grow with the corpus.
        crate::output::write_to(args.input.output.as_deref(), |out| {
            processed = stream(inputs, &args.input, &set, context, |_, claims| {
                let started = Instant::now();
                let written = report::render_claims(&[], &claims, ClaimFormat::Jsonl, out, &options);
                render += started.elapsed();
                written
            })?;
            Ok(())
        })
    } else {
        processed = process(inputs, &args.input, &set, context);
        let started = Instant::now();
        let written = crate::output::write_to(args.input.output.as_deref(), |out| {
            report::render_claims(&processed.infos, &processed.claims, args.format, out, &options)
        });
        render = started.elapsed();
        written
    };
    if let Err(error) = written {
        context.error(&format!("cannot write output: {error}"));
    }
    if args.input.stats {
        let stats = Stats::new(&processed.tally, None, render, started.elapsed());
        eprint!("{}", stats.render());
    }
    exit::OK
}
