//! Saved reports: reading a JSON report (version 1) back into articles, claims and findings, so
//! that two runs can be compared (`crosscheck diff`, `report --baseline`) and a finding can be
//! acknowledged from a saved report (`crosscheck ack`).
//!
//! Design: the document is read through the same DTOs that wrote it (`wire.rs`), so the wire
//! format is defined once; the reader is as lenient as the versioning rules ask of consumers
//! (keys it does not know, or has no use for, are ignored). It is strict about what it needs —
//! the version, the claims, the findings and the claim ids findings name — and says which part
//! is missing, so a claim listing, a hand-edited file or a report from a future version is an
//! error with a reason, never a silently empty comparison.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::claim::Claim;
use crate::finding::Finding;

use super::ArticleInfo;
use super::wire::{self, ReportDto, VERSION};

/// A JSON report read back from disk.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SavedReport {
    /// The articles, in report order.
    pub articles: Vec<ArticleInfo>,
    /// The claims, in report order.
    pub claims: Vec<Claim>,
    /// The findings; [`Finding::claims`] are indices into [`SavedReport::claims`].
    pub findings: Vec<Finding>,
    /// Per finding, the reason it was acknowledged in the run that wrote the report.
    pub acknowledged: Vec<Option<String>>,
    /// Whether the document is itself a comparison with a baseline (`summary.new` is set), in
    /// which case its findings are a selection, not a whole run.
    pub is_comparison: bool,
}

/// Why a document is not a report this version can read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SavedReportError {
    /// Not JSON at all.
    #[error("not valid JSON ({0}); pass a report written by `crosscheck report --format json`")]
    Json(String),
    /// A `version` this reader does not know.
    #[error(
        "report format version {found} is not supported (this crosscheck reads version {VERSION}); regenerate it with this version's `crosscheck report --format json`"
    )]
    Version {
        /// The version found, as written.
        found: String,
    },
    /// JSON, but not a crosscheck report.
    #[error("not a crosscheck report: {0}")]
    NotAReport(String),
}

/// Reads a JSON report written by `crosscheck report --format json`.
pub fn read_report(bytes: &[u8]) -> Result<SavedReport, SavedReportError> {
    let document: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|error| SavedReportError::Json(error.to_string()))?;
    let Some(object) = document.as_object() else {
        return Err(SavedReportError::NotAReport("the document is not a JSON object".into()));
    };
    match object.get("version") {
        Some(version) if version.as_u64() == Some(u64::from(VERSION)) => {}
        Some(version) => {
            return Err(SavedReportError::Version {
                found: version.to_string(),
            });
        }
        None => return Err(SavedReportError::NotAReport("it has no `version`".into())),
    }
    if !object.contains_key("findings") {
        return Err(SavedReportError::NotAReport(
            "it has no `findings` (a claim listing from `crosscheck extract` cannot be compared); write one with `crosscheck report --format json`".into(),
        ));
    }
    if object.get("tool").and_then(serde_json::Value::as_str) != Some("crosscheck") {
        return Err(SavedReportError::NotAReport(
            "`tool` is not \"crosscheck\"; pass a report written by `crosscheck report --format json`".into(),
        ));
    }
    let wire: ReportDto =
        serde_json::from_value(document).map_err(|error| SavedReportError::NotAReport(error.to_string()))?;
    let index: HashMap<&str, usize> = wire
        .claims
        .iter()
        .enumerate()
        .map(|(position, claim)| (claim.id(), position))
        .collect();
    let mut findings = Vec::with_capacity(wire.findings.len());
    let mut acknowledged = Vec::with_capacity(wire.findings.len());
    for finding in wire.findings {
        let claims = finding
            .claims
            .iter()
            .map(|id| {
                index.get(id.as_ref()).copied().ok_or_else(|| {
                    SavedReportError::NotAReport(format!(
                        "finding {} names claim {id}, which is not in `claims`",
                        finding.id
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let unknown = |what: &str, value: &str| {
            SavedReportError::NotAReport(format!("finding {} has an unknown {what} `{value}`", finding.id))
        };
        let verdict = finding.reference.as_ref().map(|reference| reference.verdict.as_ref());
        let kind = wire::finding_kind(&finding.kind, finding.conflict.as_deref(), verdict)
            .map_err(|(what, value)| unknown(what, value))?;
        let severity = wire::severity(&finding.severity).ok_or_else(|| unknown("severity", &finding.severity))?;
        findings.push(Finding {
            kind,
            severity,
            id: finding.id.into_owned(),
            key: finding.key.into_owned(),
            reason: finding.reason.into_owned(),
            claims,
            articles: finding.articles,
            reference: finding.reference.map(|citation| Box::new(citation.into_citation())),
        });
        acknowledged.push(finding.acknowledged.map(Cow::into_owned));
    }
    Ok(SavedReport {
        articles: wire.articles.into_iter().map(wire::ArticleDto::into_article).collect(),
        claims: wire.claims.into_iter().map(wire::ClaimDto::into_claim).collect(),
        findings,
        acknowledged,
        is_comparison: wire.summary.is_some_and(|summary| summary.new.is_some()),
    })
}

/// Claims read back from `crosscheck extract`'s output (or a report), for `crosscheck compare`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SavedClaims {
    /// The articles the document lists (none for JSON Lines, which holds claims only).
    pub articles: Vec<ArticleInfo>,
    /// The claims, in the document's order.
    pub claims: Vec<Claim>,
}

/// Why a document holds no claims this version can read: where, and what to do.
#[derive(Debug, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct SavedClaimsError {
    /// One-based line of the problem.
    pub line: usize,
    /// One-based column of the problem.
    pub column: usize,
    /// What is wrong and what to do.
    pub message: String,
}

/// A claim listing as `crosscheck extract --format json` writes it.
#[derive(serde::Deserialize)]
struct ListingDto<'a> {
    version: u32,
    #[serde(borrow)]
    articles: Vec<wire::ArticleDto<'a>>,
    #[serde(borrow)]
    claims: Vec<wire::ClaimDto<'a>>,
}

/// Reads the claims of a document `crosscheck extract` wrote: JSON Lines (`--format jsonl`, one
/// claim per line, blank lines allowed), a claim listing (`--format json`), or a JSON report
/// (`report --format json`, whose findings are left aside: they are what a comparison makes).
pub fn read_claims(bytes: &[u8]) -> Result<SavedClaims, SavedClaimsError> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let (line, column) = line_column(bytes, error.valid_up_to());
        SavedClaimsError {
            line,
            column,
            message: "not UTF-8; pass the output of `crosscheck extract --format jsonl` or `--format json`".into(),
        }
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let first = text.trim_start();
    // A document that is one JSON object with a `version` is a listing or a report; anything
    // else is read as JSON Lines.
    let whole: Option<serde_json::Value> = first
        .starts_with('{')
        .then(|| serde_json::from_str::<serde_json::Value>(text).ok())
        .flatten()
        .filter(|value| value.get("version").is_some());
    let Some(document) = whole else {
        return read_lines(text);
    };
    let at_start = |message: String| SavedClaimsError {
        line: 1,
        column: 1,
        message,
    };
    if document.get("findings").is_some() {
        let saved = read_report(text.as_bytes()).map_err(|error| at_start(error.to_string()))?;
        return Ok(SavedClaims {
            articles: saved.articles,
            claims: saved.claims,
        });
    }
    let listing: ListingDto = serde_json::from_str(text).map_err(|error| SavedClaimsError {
        line: error.line(),
        column: error.column(),
        message: format!("not a claim listing: {}", without_place(&error)),
    })?;
    if listing.version != VERSION {
        return Err(at_start(format!(
            "claim listing version {} is not supported (this crosscheck reads version {VERSION}); regenerate it with this version's `crosscheck extract`",
            listing.version
        )));
    }
    Ok(SavedClaims {
        articles: listing
            .articles
            .into_iter()
            .map(wire::ArticleDto::into_article)
            .collect(),
        claims: listing.claims.into_iter().map(wire::ClaimDto::into_claim).collect(),
    })
}

/// One claim per non-blank line.
fn read_lines(text: &str) -> Result<SavedClaims, SavedClaimsError> {
    let mut claims = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let claim: wire::ClaimDto = serde_json::from_str(line).map_err(|error| SavedClaimsError {
            line: index + 1,
            column: error.column(),
            message: format!(
                "not a claim: {}; each line must be a claim as `crosscheck extract --format jsonl` writes it",
                without_place(&error)
            ),
        })?;
        claims.push(claim.into_claim());
    }
    Ok(SavedClaims {
        articles: Vec::new(),
        claims,
    })
}

/// serde's message without the " at line L column C" it ends with (the place is given apart).
fn without_place(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

/// One-based line and column of byte `offset` of `bytes`.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    // The bytes before `offset` are valid UTF-8: it is where the invalid ones start.
    let before = String::from_utf8_lossy(&bytes[..offset.min(bytes.len())]);
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |index| index + 1);
    (line, before[start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::report::{Format, RenderOptions, render};

    fn fixture_json() -> Vec<u8> {
        let mut out = Vec::new();
        render(&fixture::report(), Format::Json, &mut out, &RenderOptions::default()).expect("writing to a Vec");
        out
    }

    #[test]
    fn a_report_reads_back_as_it_was_written() {
        let report = fixture::report();
        let saved = read_report(&fixture_json()).expect("the fixture report reads back");
        assert_eq!(saved.articles, report.articles);
        assert_eq!(saved.claims, report.claims);
        assert_eq!(saved.findings, report.findings);
        assert!(saved.acknowledged.iter().all(Option::is_none));
        assert!(!saved.is_comparison);
    }

    #[track_caller]
    fn check_error(document: &str, expected: &str) {
        let error = read_report(document.as_bytes()).expect_err("the document is rejected");
        assert!(
            error.to_string().contains(expected),
            "{error} does not say {expected:?}"
        );
    }

    #[test]
    fn claims_read_back_from_every_claim_format_and_from_reports() {
        let report = fixture::report();
        let mut lines = Vec::new();
        crate::report::render_claims(
            &[],
            report.claims,
            crate::report::ClaimFormat::Jsonl,
            &mut lines,
            &RenderOptions::default(),
        )
        .expect("writing to a Vec");
        let read = read_claims(&lines).expect("JSON Lines");
        assert_eq!(read.claims, report.claims);
        assert!(read.articles.is_empty());
        let mut listing = Vec::new();
        crate::report::render_claims(
            report.articles,
            report.claims,
            crate::report::ClaimFormat::Json,
            &mut listing,
            &RenderOptions::default(),
        )
        .expect("writing to a Vec");
        let read = read_claims(&listing).expect("a claim listing");
        assert_eq!(
            (read.articles.as_slice(), read.claims.as_slice()),
            (report.articles, report.claims)
        );
        let read = read_claims(&fixture_json()).expect("a report");
        assert_eq!(read.claims, report.claims);
    }

    #[test]
    fn bad_claim_documents_say_where() {
        let error = read_claims(b"\n{\"id\": 3}\n").expect_err("not a claim");
        assert_eq!(error.line, 2, "{error}");
        assert!(error.message.contains("extract --format jsonl"), "{error}");
        let error = read_claims(b"{\"version\": 9, \"articles\": [], \"claims\": []}").expect_err("a future version");
        assert!(error.message.contains("version 9"), "{error}");
        let error = read_claims(b"ok\xff").expect_err("not UTF-8");
        assert_eq!((error.line, error.column), (1, 3), "{error}");
    }

    #[test]
    fn other_documents_are_rejected_with_a_reason() {
        check_error("{", "not valid JSON");
        check_error("[]", "not a JSON object");
        check_error(r#"{"version": 1, "findings": []}"#, "`tool` is not");
        check_error(r#"{"version": 2, "tool": "crosscheck"}"#, "version 2 is not supported");
        check_error(
            r#"{"version": 1, "tool": "crosscheck", "articles": [], "claims": []}"#,
            "has no `findings`",
        );
        let json = String::from_utf8(fixture_json()).expect("UTF-8");
        check_error(
            &json.replacen("\"conflict\": \"rank\"", "\"conflict\": \"ranking\"", 1),
            "unknown conflict kind `ranking`",
        );
    }
}
