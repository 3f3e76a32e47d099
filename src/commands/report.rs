//! `crosscheck report`: the consistency report (the main job).
//!
//! With an acknowledgements file (`--acknowledged`, or `acknowledged.toml` beside the rules),
//! acknowledged findings are marked and do not fail the run. With `--baseline OLD.json`, only
//! what is new and what was resolved since that saved report is shown, and only new conflicts
//! fail the run.

use std::time::Instant;

use super::{Context, exit, load_rules, process};
use crate::cli::{FailOn, ReportArgs};
use crate::finding::Severity;
use crate::report::{self, RenderOptions, SavedReport, Summary};
use crate::stats::Stats;

/// Extracts, compares and renders; exits 1 on conflicts at or above `--fail-on`.
pub(crate) fn run(args: &ReportArgs, context: &mut Context) -> u8 {
    let started = Instant::now();
    let baseline = match &args.baseline {
        Some(path) => match super::diff::read_saved(path, context) {
            Some(saved) => Some(saved),
            None => return exit::ERROR,
        },
        None => None,
    };
    let Ok(acknowledgements) =
        super::ack::load_acknowledgements(args.acknowledged.as_deref(), &args.rules.rules, context)
    else {
        return exit::ERROR;
    };
    let Some(set) = load_rules(&args.rules, context) else {
        return exit::ERROR;
    };
    let set = match crate::rules::select::select(set, &args.select, &args.ignore) {
        Ok(set) => set,
        Err(message) => {
            context.error(&message);
            return exit::ERROR;
        }
    };
    let reference = if args.no_reference {
        crate::reference::Reference::default()
    } else {
        match super::load_reference(&args.reference, &args.rules.rules, &set, context) {
            Some(reference) => reference,
            None => return exit::ERROR,
        }
    };
    let Some(inputs) = super::resolve_inputs(&args.input, &args.rules.rules, context) else {
        return exit::ERROR;
    };
    let processed = process(inputs, &args.input, &set, context);
    let claims = &processed.claims;
    let compare_started = Instant::now();
    let policy = set.policy();
    let mut findings = crate::compare::compare(claims, &policy);
    if !reference.is_empty() {
        findings.extend(crate::reference::check(claims, &reference, &policy));
    }
    if !reference.is_empty() || !context.severity.is_empty() {
        if !context.severity.is_empty() {
            crate::config::override_severities(&mut findings, claims, &context.severity);
        }
        crate::compare::sort(&mut findings);
    }
    let compare_time = compare_started.elapsed();
    let infos = &processed.infos;
    let summary = Summary {
        articles: infos.len(),
        claims: claims.len(),
        elapsed: (!args.no_timing).then(|| started.elapsed()),
    };
    let review = acknowledgements
        .as_ref()
        .map(|acknowledgements| acknowledgements.annotate(&findings))
        .unwrap_or_default();
    let threshold = threshold(args.fail_on);
    let options = RenderOptions {
        color: args.input.output.is_none() && context.color_stdout,
    };
    let render_started = Instant::now();
    let fails;
    let written = if let Some(old) = &baseline {
        let new = SavedReport {
            articles: infos.clone(),
            claims: claims.clone(),
            findings: findings.clone(),
            acknowledged: findings
                .iter()
                .map(|finding| {
                    acknowledgements
                        .as_ref()
                        .and_then(|acknowledgements| acknowledgements.reason(&finding.id))
                        .map(str::to_owned)
                })
                .collect(),
            is_comparison: false,
        };
        let comparison = crate::review::baseline::compare(old, &new);
        fails = threshold.is_some_and(|threshold| comparison.review.fails(&comparison.findings, threshold));
        let document = comparison.report(summary.elapsed);
        crate::output::write_to(args.input.output.as_deref(), |out| {
            report::render_review(&document, &comparison.review, args.format, out, &options)
        })
    } else {
        fails = threshold.is_some_and(|threshold| review.fails(&findings, threshold));
        let document = report::Report {
            articles: infos,
            claims,
            findings: &findings,
            summary,
        };
        crate::output::write_to(args.input.output.as_deref(), |out| {
            report::render_review(&document, &review, args.format, out, &options)
        })
    };
    if let Err(error) = written {
        context.error(&format!("cannot write output: {error}"));
    }
    if args.input.stats {
        let stats = Stats::new(
            &processed.tally,
            Some(compare_time),
            render_started.elapsed(),
            started.elapsed(),
        );
        eprint!("{}", stats.render());
    }
    if fails { exit::FINDINGS } else { exit::OK }
}

/// The lowest severity of a conflict that fails the run under `--fail-on`; `None` for never.
pub(super) fn threshold(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    }
}
