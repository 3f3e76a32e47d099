//! `crosscheck report`: the consistency report (the main job).
//!
//! With an acknowledgements file (`--acknowledged`, or `acknowledged.toml` beside the rules),
//! acknowledged findings are marked and do not fail the run. With `--baseline OLD.json`, only
//! what is new and what was resolved since that saved report is shown, and only new conflicts
//! fail the run. `compare` ends the same way over claims read from `extract`'s output.

use std::path::Path;
use std::time::Instant;

use super::{Context, Processed, exit, load_rules, process};
use crate::cli::{FailOn, FindingArgs, ReportArgs, RulesArgs};
use crate::finding::Severity;
use crate::reference::Reference;
use crate::report::{self, RenderOptions, SavedReport, Summary};
use crate::review::ack::Acknowledgements;
use crate::rules::RuleSet;
use crate::stats::Stats;

/// Extracts, compares and renders; exits 1 on conflicts at or above `--fail-on`.
pub(crate) fn run(args: &ReportArgs, context: &mut Context) -> u8 {
    let started = Instant::now();
    let Some(setup) = Setup::load(&args.findings, &args.rules, context) else {
        return exit::ERROR;
    };
    let Some(inputs) = super::resolve_inputs(&args.input, &args.rules.rules, context) else {
        return exit::ERROR;
    };
    let processed = process(inputs, &args.input, &setup.set, context);
    let output = Output {
        path: args.input.output.as_deref(),
        stats: args.input.stats,
        started,
    };
    setup.conclude(&args.findings, &processed, &output, context)
}

/// What a comparison needs besides the claims: the rules (selected), the reference tables, the
/// acknowledgements and the baseline. `report` and `compare` load it the same way.
pub(super) struct Setup {
    /// The rules, after `--select` and `--ignore`.
    pub(super) set: RuleSet,
    /// The ids of the rules `--select` and `--ignore` left out.
    pub(super) left_out: std::collections::HashSet<String>,
    reference: Reference,
    acknowledgements: Option<Acknowledgements>,
    baseline: Option<SavedReport>,
}

/// Where the report goes, and what `--stats` needs.
pub(super) struct Output<'a> {
    pub(super) path: Option<&'a Path>,
    pub(super) stats: bool,
    pub(super) started: Instant,
}

impl Setup {
    /// Loads everything but the claims; `None` after reporting what could not be loaded.
    pub(super) fn load(args: &FindingArgs, rules: &RulesArgs, context: &mut Context) -> Option<Setup> {
        let baseline = match &args.baseline {
            Some(path) => Some(super::diff::read_saved(path, context)?),
            None => None,
        };
        let acknowledgements =
            super::ack::load_acknowledgements(args.acknowledged.as_deref(), &rules.rules, context).ok()?;
        let set = load_rules(rules, context)?;
        let loaded: Vec<String> = set.rules.iter().map(|rule| rule.id.clone()).collect();
        let set = match crate::rules::select::select(set, &args.select, &args.ignore) {
            Ok(set) => set,
            Err(message) => {
                context.error(&message);
                return None;
            }
        };
        let reference = if args.no_reference {
            Reference::default()
        } else {
            super::load_reference(&args.reference, &rules.rules, &set, context)?
        };
        let left_out = loaded
            .into_iter()
            .filter(|id| !set.rules.iter().any(|rule| &rule.id == id))
            .collect();
        Some(Setup {
            set,
            left_out,
            reference,
            acknowledgements,
            baseline,
        })
    }

    /// Compares the claims, checks them against the reference tables, renders the report and
    /// says how the run exits (1 on conflicts at or above `--fail-on`).
    pub(super) fn conclude(
        &self,
        args: &FindingArgs,
        processed: &Processed,
        output: &Output<'_>,
        context: &mut Context,
    ) -> u8 {
        self.conclude_with(args, processed, output, context, crate::compare::compare)
    }

    /// [`Setup::conclude`] with the comparison `compare` (`compare --engine datafusion`'s
    /// grouped one) in place of [`crate::compare::compare`].
    pub(super) fn conclude_with(
        &self,
        args: &FindingArgs,
        processed: &Processed,
        output: &Output<'_>,
        context: &mut Context,
        compare: impl FnOnce(&[crate::claim::Claim], &crate::finding::Policy) -> Vec<crate::finding::Finding>,
    ) -> u8 {
        let claims = &processed.claims;
        let compare_started = Instant::now();
        let policy = self.set.policy();
        let mut findings = compare(claims, &policy);
        if !self.reference.is_empty() {
            findings.extend(crate::reference::check(claims, &self.reference, &policy));
        }
        if !self.reference.is_empty() || !context.severity.is_empty() {
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
            elapsed: (!args.no_timing).then(|| output.started.elapsed()),
        };
        let acknowledgements = self.acknowledgements.as_ref();
        let review = acknowledgements
            .map(|acknowledgements| acknowledgements.annotate(&findings))
            .unwrap_or_default();
        let threshold = threshold(args.fail_on);
        let options = RenderOptions {
            color: output.path.is_none() && context.color_stdout,
        };
        let render_started = Instant::now();
        let fails;
        let written = if let Some(old) = &self.baseline {
            let new = SavedReport {
                articles: infos.clone(),
                claims: claims.clone(),
                findings: findings.clone(),
                acknowledged: findings
                    .iter()
                    .map(|finding| {
                        acknowledgements
                            .and_then(|acknowledgements| acknowledgements.reason(&finding.id))
                            .map(str::to_owned)
                    })
                    .collect(),
                is_comparison: false,
            };
            let comparison = crate::review::baseline::compare(old, &new);
            fails = threshold.is_some_and(|threshold| comparison.review.fails(&comparison.findings, threshold));
            let document = comparison.report(summary.elapsed);
            crate::output::write_to(output.path, |out| {
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
            crate::output::write_to(output.path, |out| {
                report::render_review(&document, &review, args.format, out, &options)
            })
        };
        if let Err(error) = written {
            context.error(&format!("cannot write output: {error}"));
        }
        if output.stats {
            let stats = Stats::new(
                &processed.tally,
                Some(compare_time),
                render_started.elapsed(),
                output.started.elapsed(),
            );
            eprint!("{}", stats.render());
        }
        if fails { exit::FINDINGS } else { exit::OK }
    }
}

/// The lowest severity of a conflict that fails the run under `--fail-on`; `None` for never.
pub(super) fn threshold(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    }
}
