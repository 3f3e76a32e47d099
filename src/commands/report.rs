//! `crosscheck report`: the consistency report (the main job).

use std::time::Instant;

use super::{Context, exit, infos, load_articles, load_rules};
use crate::cli::{FailOn, ReportArgs};
use crate::finding::{FindingKind, Severity};
use crate::report::{self, RenderOptions, Summary};
use crate::stats::Stats;

/// Extracts, compares and renders; exits 1 on conflicts at or above `--fail-on`.
pub(crate) fn run(args: &ReportArgs, context: &mut Context) -> u8 {
    let started = Instant::now();
    let Some(set) = load_rules(&args.rules, context) else {
        return exit::ERROR;
    };
    let corpus = load_articles(&args.input, &set, context);
    let (claims, times) = crate::matcher::extract_all_timed(&set, &corpus.articles);
    let compare_started = Instant::now();
    let findings = crate::compare::compare(&claims, &set.policy());
    let compare_time = compare_started.elapsed();
    let infos = infos(&corpus.articles);
    let summary = Summary {
        articles: corpus.articles.len(),
        claims: claims.len(),
        elapsed: (!args.no_timing).then(|| started.elapsed()),
    };
    let document = report::Report {
        articles: &infos,
        claims: &claims,
        findings: &findings,
        summary,
    };
    let options = RenderOptions {
        color: args.input.output.is_none() && context.color_stdout,
    };
    let render_started = Instant::now();
    if let Err(error) = crate::output::write_to(args.input.output.as_deref(), |out| {
        report::render(&document, args.format, out, &options)
    }) {
        context.error(&format!("cannot write output: {error}"));
    }
    if args.input.stats {
        let stats = Stats::new(
            &corpus,
            &claims,
            times,
            Some(compare_time),
            render_started.elapsed(),
            started.elapsed(),
        );
        eprint!("{}", stats.render());
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let fails = threshold.is_some_and(|threshold| {
        findings
            .iter()
            .any(|finding| matches!(finding.kind, FindingKind::Conflict(_)) && finding.severity >= threshold)
    });
    if fails { exit::FINDINGS } else { exit::OK }
}
