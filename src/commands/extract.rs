//! `crosscheck extract`: list the claims the rules find.

use std::time::Instant;

use super::{Context, exit, infos, load_articles, load_rules};
use crate::cli::ExtractArgs;
use crate::report::{self, RenderOptions};
use crate::stats::Stats;

/// Extracts and renders claims.
pub(crate) fn run(args: &ExtractArgs, context: &mut Context) -> u8 {
    let started = Instant::now();
    let Some(set) = load_rules(&args.rules, context) else {
        return exit::ERROR;
    };
    let corpus = load_articles(&args.input, &set, context);
    let (claims, times) = crate::matcher::extract_all_timed(&set, &corpus.articles);
    let options = RenderOptions {
        color: args.input.output.is_none() && context.color_stdout,
    };
    let infos = infos(&corpus.articles);
    let render_started = Instant::now();
    if let Err(error) = crate::output::write_to(args.input.output.as_deref(), |out| {
        report::render_claims(&infos, &claims, args.format, out, &options)
    }) {
        context.error(&format!("cannot write output: {error}"));
    }
    if args.input.stats {
        let stats = Stats::new(
            &corpus,
            &claims,
            times,
            None,
            render_started.elapsed(),
            started.elapsed(),
        );
        eprint!("{}", stats.render());
    }
    exit::OK
}
