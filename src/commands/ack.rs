//! `crosscheck ack`: acknowledge a reviewed finding.
//!
//! Looks the finding up in a saved JSON report (so the entry can record its kind, key and
//! claims for people), then appends one `[[finding]]` entry to the acknowledgements file —
//! `--file`, or `acknowledged.toml` beside the rules — creating it when missing. The file is
//! rewritten atomically, with what it held before kept byte for byte.

use std::path::{Path, PathBuf};

use super::{Context, exit};
use crate::cli::AckArgs;
use crate::finding::Finding;
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
    let finding = match find_finding(&saved.findings, id) {
        Ok(finding) => finding,
        Err(problem) => {
            context.error(&format!(
                "{problem} in {}; copy a finding id from that report (the `finding:` line of the text report, \
                 `findings[].id` in the JSON)",
                args.report.display()
            ));
            return exit::ERROR;
        }
    };
    let id = finding.id.as_str();
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

/// Shortest prefix of a finding id that `ack` accepts, as git accepts abbreviated hashes.
const MIN_PREFIX: usize = 6;

/// The finding whose id is `given`, or starts with `given` when that is at least
/// [`MIN_PREFIX`] characters long and no other id does; otherwise what is wrong, in words.
fn find_finding<'a>(findings: &'a [Finding], given: &str) -> Result<&'a Finding, String> {
    if let Some(finding) = findings.iter().find(|finding| finding.id == given) {
        return Ok(finding);
    }
    if given.chars().count() < MIN_PREFIX {
        return Err(format!(
            "finding `{given}` is not an id, and a shorter id needs at least {MIN_PREFIX} characters"
        ));
    }
    let mut matching = findings.iter().filter(|finding| finding.id.starts_with(given));
    match (matching.next(), matching.next()) {
        (Some(finding), None) => Ok(finding),
        (None, _) => Err(format!("no finding id starts with `{given}`")),
        (Some(first), Some(second)) => Err(format!(
            "`{given}` is the start of more than one finding id ({}, {}…); give more characters",
            first.id, second.id
        )),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{FindingKind, Severity};

    fn finding(id: &str) -> Finding {
        Finding {
            id: id.to_owned(),
            kind: FindingKind::Overlap,
            severity: Severity::Info,
            key: String::new(),
            reason: String::new(),
            claims: Vec::new(),
            articles: 0,
            reference: None,
        }
    }

    #[test]
    fn a_unique_prefix_of_six_characters_names_a_finding() {
        let findings = [
            finding("6184f7ce72cf6a29"),
            finding("6184f7aa00000000"),
            finding("abcdef0123456789"),
        ];
        let id = |given: &str| find_finding(&findings, given).map(|finding| finding.id.as_str());
        assert_eq!(id("6184f7ce72cf6a29"), Ok("6184f7ce72cf6a29"));
        assert_eq!(id("6184f7c"), Ok("6184f7ce72cf6a29"));
        assert_eq!(id("abcdef"), Ok("abcdef0123456789"));
        assert!(id("abcde").expect_err("an error").contains("at least 6 characters"));
        assert!(id("6184f7").expect_err("an error").contains("more than one finding id"));
        assert!(
            id("ffffff")
                .expect_err("an error")
                .contains("no finding id starts with")
        );
    }
}
