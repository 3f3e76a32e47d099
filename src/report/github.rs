//! GitHub Actions workflow commands: one annotation per finding, which the Actions runner shows
//! on the pull request's files and in the run's summary.
//!
//! A conflict becomes `::error` or `::warning` by its severity, every other finding `::notice`,
//! each at the first claim's file, line and column, its title the finding's heading word and
//! its message the reason, the other claims' places and the finding id (for `crosscheck ack`).
//!
//! Design: the runner reads a command up to the end of the line and splits its properties at
//! `,` and `::`, so every value is encoded as the Actions toolkit does: `%`, CR and LF in the
//! message; those and `:` and `,` in a property.

use std::io::{self, Write};

use crate::finding::{Finding, FindingKind, Severity, Verdict};

use super::{Report, Review, finding_claims};

/// Writes one workflow command per finding.
pub(super) fn render(report: &Report, review: &Review, out: &mut dyn Write) -> io::Result<()> {
    for (index, finding) in report.findings.iter().enumerate() {
        let status = review.annotation(index).and_then(|annotation| annotation.status);
        let mut claims = finding_claims(finding, report.claims);
        let Some(first) = claims.next() else {
            continue;
        };
        let evidence = &first.evidence;
        let mut title = title(finding);
        if let Some(status) = status {
            title = format!("{} {title}", status.name());
        }
        let mut message = finding.reason.clone();
        let others: Vec<String> = claims
            .map(|claim| {
                format!(
                    "{}:{}:{}",
                    claim.evidence.path, claim.evidence.line, claim.evidence.column
                )
            })
            .collect();
        if !others.is_empty() {
            message.push_str("\nalso: ");
            message.push_str(&others.join(", "));
        }
        if let Some(citation) = &finding.reference {
            message.push_str("\nreference: ");
            message.push_str(&super::citation_text(citation));
        }
        message.push_str("\nfinding: ");
        message.push_str(&finding.id);
        writeln!(
            out,
            "::{} file={},line={},col={},title={}::{}",
            command(finding),
            property(&evidence.path),
            evidence.line,
            evidence.column,
            property(&title),
            data(&message)
        )?;
    }
    Ok(())
}

/// The workflow command of a finding.
fn command(finding: &Finding) -> &'static str {
    match (finding.kind, finding.severity) {
        (FindingKind::Conflict(_) | FindingKind::Reference(Verdict::Disagrees), Severity::Error) => "error",
        (FindingKind::Conflict(_) | FindingKind::Reference(Verdict::Disagrees), Severity::Warning) => "warning",
        _ => "notice",
    }
}

/// The annotation's title: `crosscheck: conflict (rank)`, `crosscheck: overlap`, …
fn title(finding: &Finding) -> String {
    match finding.kind {
        FindingKind::Conflict(kind) => format!("crosscheck: conflict ({})", kind.name()),
        FindingKind::Overlap => "crosscheck: overlap".to_owned(),
        FindingKind::Change => "crosscheck: change over time".to_owned(),
        FindingKind::SharedWording => "crosscheck: shared wording".to_owned(),
        FindingKind::Reference(verdict) => format!("crosscheck: reference ({})", verdict.name()),
    }
}

/// A command's message, encoded so it cannot end the line.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A command's property value, encoded so it cannot end the line nor the property.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{self, assert_snapshot};
    use super::*;
    use crate::report::{Format, RenderOptions, render};

    #[test]
    fn github_annotations() {
        let mut out = Vec::new();
        render(&fixture::report(), Format::Github, &mut out, &RenderOptions::default()).expect("writing to a Vec");
        let output = String::from_utf8(out).expect("UTF-8");
        assert_eq!(output.lines().count(), fixture::report().findings.len());
        assert!(output.lines().all(|line| line.starts_with("::")));
        assert_snapshot("github", &output);
    }

    #[test]
    fn values_cannot_break_the_command() {
        assert_eq!(data("50%\r\nnext"), "50%25%0D%0Anext");
        assert_eq!(property("a,b::c\n"), "a%2Cb%3A%3Ac%0A");
    }
}
