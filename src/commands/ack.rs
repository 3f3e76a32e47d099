//! `crosscheck ack`: acknowledge a reviewed finding.
//!
//! Looks the finding up in a saved JSON report (so the entry can record its kind, key and
//! claims for people), then appends one `[[finding]]` entry to the acknowledgements file —
//! `--file`, or `acknowledged.toml` beside the rules — creating it when missing. The file is
//! rewritten atomically, with what it held before kept byte for byte.

use std::path::{Path, PathBuf};

use super::{Context, exit};
use crate::cli::AckArgs;
use crate::review::ack::{self, AckError, Acknowledgements};

/// Appends the acknowledgement; exit 0, or 2 on any problem.
pub(crate) fn run(args: &AckArgs, context: &mut Context) -> u8 {
    let id = args.finding.trim();
    let reason = args.reason.trim();
    if reason.is_empty() {
        context.error("the reason is empty; say why the finding is acceptable with --reason \"…\"");
        return exit::ERROR;
    }
    let Some(saved) = super::diff::read_saved(&args.report, context) else {
        return exit::ERROR;
    };
    let Some(finding) = saved.findings.iter().find(|finding| finding.id == id) else {
        context.error(&format!(
            "finding `{id}` is not in {}; copy a finding id from that report (`findings[].id` in the JSON)",
            args.report.display()
        ));
        return exit::ERROR;
    };
    let path = args
        .file
        .clone()
        .unwrap_or_else(|| ack::default_path(&args.rules.rules));
    let existing = if path.exists() {
        match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) => {
                context.error(&format!(
                    "{}: cannot read acknowledgements file: {error}",
                    path.display()
                ));
                return exit::ERROR;
            }
        }
    } else {
        ack::HEADER.to_owned()
    };
    match Acknowledgements::parse(&path, &existing) {
        Ok(file) if file.reason(id).is_some() => {
            context.error(&format!(
                "finding `{id}` is already acknowledged in {}; edit its entry there to change the reason",
                path.display()
            ));
            return exit::ERROR;
        }
        Ok(_) => {}
        Err(error) => {
            context.error(&format!("{error}; fix it before adding to it"));
            return exit::ERROR;
        }
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&ack::entry_text(finding, &saved.claims, reason));
    if let Err(error) = crate::output::write_to(Some(&path), |out| out.write_all(text.as_bytes())) {
        context.error(&format!("cannot write the acknowledgements file: {error}"));
        return exit::ERROR;
    }
    if !context.quiet {
        eprintln!("acknowledged {id} in {}", path.display());
    }
    exit::OK
}

/// The acknowledgements for a run: the file `explicit` names (which must exist and parse), or
/// else `acknowledged.toml` beside the rules when there is one. `Err` after reporting an error.
pub(super) fn load_acknowledgements(
    explicit: Option<&Path>,
    rules: &Path,
    context: &mut Context,
) -> Result<Option<Acknowledgements>, ()> {
    let path: PathBuf = if let Some(path) = explicit {
        path.to_path_buf()
    } else {
        let path = ack::default_path(rules);
        if !path.is_file() {
            return Ok(None);
        }
        path
    };
    let read = std::fs::read_to_string(&path).map_err(|source| AckError::Read {
        path: path.display().to_string(),
        source,
    });
    match read.and_then(|text| Acknowledgements::parse(&path, &text)) {
        Ok(file) => Ok(Some(file)),
        Err(error) => {
            context.error(&error.to_string());
            Err(())
        }
    }
}
