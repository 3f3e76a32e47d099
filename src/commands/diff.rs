//! `crosscheck diff`: what is new and what was resolved between two saved JSON reports.
//!
//! Findings are matched by stable id (see [`crate::review::baseline`]); a finding that the run
//! writing NEW had acknowledged is shown as acknowledged, not new. Exit 1 when a new conflict at
//! or above `--fail-on` appeared, 2 when either file cannot be read as a report.

use std::path::Path;

use super::{Context, exit};
use crate::cli::DiffArgs;
use crate::report::{self, RenderOptions, SavedReport};

/// Compares the two reports and renders what differs.
pub(crate) fn run(args: &DiffArgs, context: &mut Context) -> u8 {
    let old = read_saved(&args.old, context);
    let new = read_saved(&args.new, context);
    let (Some(old), Some(new)) = (old, new) else {
        return exit::ERROR;
    };
    let comparison = crate::review::baseline::compare(&old, &new);
    let options = RenderOptions {
        color: args.output.is_none() && context.color_stdout,
    };
    let document = comparison.report(None);
    if let Err(error) = crate::output::write_to(args.output.as_deref(), |out| {
        report::render_review(&document, &comparison.review, args.format, out, &options)
    }) {
        context.error(&format!("cannot write output: {error}"));
    }
    if super::report::threshold(args.fail_on)
        .is_some_and(|threshold| comparison.review.fails(&comparison.findings, threshold))
    {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// Reads a saved full JSON report, reporting any problem as an error that names the file.
pub(super) fn read_saved(path: &Path, context: &mut Context) -> Option<SavedReport> {
    let display = path.display();
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            context.error(&format!("{display}: cannot read report: {error}"));
            return None;
        }
    };
    match report::read_report(&bytes) {
        Ok(saved) if saved.is_comparison => {
            context.error(&format!(
                "{display}: this is a comparison with a baseline, not a full report; save one with `crosscheck report --format json -o FILE`"
            ));
            None
        }
        Ok(saved) => Some(saved),
        Err(error) => {
            context.error(&format!("{display}: {error}"));
            None
        }
    }
}
