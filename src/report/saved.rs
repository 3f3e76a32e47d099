//! Saved reports: reading a JSON report (version 1) back into articles, claims and findings, so
//! that two runs can be compared (`crosscheck diff`, `report --baseline`) and a finding can be
//! acknowledged from a saved report (`crosscheck ack`).
//!
//! Design: the reader is the inverse of `json.rs` and as lenient as the versioning rules ask of
//! consumers: keys it does not know are ignored. It is strict about what it needs — the
//! version, the claims, the findings and the claim ids findings name — and says which part is
//! missing, so a claim listing, a hand-edited file or a report from a future version is an error
//! with a reason, never a silently empty comparison. Claims deserialise straight into
//! [`Claim`], whose serde layout is the wire layout (the extra `modality.label` is ignored).

use std::collections::HashMap;

use serde::Deserialize;

use crate::claim::Claim;
use crate::finding::{ConflictKind, Finding, FindingKind, Severity};
use crate::text::Meta;

use super::ArticleInfo;
use super::json::{VERSION, conflict_name};

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

#[derive(Deserialize)]
struct WireReport {
    #[serde(default)]
    summary: Option<WireSummary>,
    articles: Vec<WireArticle>,
    claims: Vec<Claim>,
    findings: Vec<WireFinding>,
}

#[derive(Deserialize)]
struct WireSummary {
    #[serde(default)]
    new: Option<usize>,
}

#[derive(Deserialize)]
struct WireArticle {
    path: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

#[derive(Deserialize)]
struct WireFinding {
    id: String,
    kind: String,
    #[serde(default)]
    conflict: Option<String>,
    severity: String,
    key: String,
    reason: String,
    articles: usize,
    claims: Vec<String>,
    #[serde(default)]
    acknowledged: Option<String>,
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
    let wire: WireReport =
        serde_json::from_value(document).map_err(|error| SavedReportError::NotAReport(error.to_string()))?;
    let index: HashMap<&str, usize> = wire
        .claims
        .iter()
        .enumerate()
        .map(|(position, claim)| (claim.id.as_str(), position))
        .collect();
    let mut findings = Vec::with_capacity(wire.findings.len());
    let mut acknowledged = Vec::with_capacity(wire.findings.len());
    for finding in wire.findings {
        let claims = finding
            .claims
            .iter()
            .map(|id| {
                index.get(id.as_str()).copied().ok_or_else(|| {
                    SavedReportError::NotAReport(format!(
                        "finding {} names claim {id}, which is not in `claims`",
                        finding.id
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        findings.push(Finding {
            kind: finding_kind(&finding)?,
            severity: severity(&finding)?,
            id: finding.id,
            key: finding.key,
            reason: finding.reason,
            claims,
            articles: finding.articles,
        });
        acknowledged.push(finding.acknowledged);
    }
    Ok(SavedReport {
        articles: wire
            .articles
            .into_iter()
            .map(|article| ArticleInfo {
                path: article.path,
                meta: Meta {
                    title: article.title,
                    outlet: article.outlet,
                    date: article.date,
                    url: article.url,
                },
            })
            .collect(),
        claims: wire.claims,
        findings,
        acknowledged,
        is_comparison: wire.summary.is_some_and(|summary| summary.new.is_some()),
    })
}

fn finding_kind(finding: &WireFinding) -> Result<FindingKind, SavedReportError> {
    let unknown = |what: &str, value: &str| {
        SavedReportError::NotAReport(format!("finding {} has an unknown {what} `{value}`", finding.id))
    };
    match finding.kind.as_str() {
        "overlap" => Ok(FindingKind::Overlap),
        "change" => Ok(FindingKind::Change),
        "shared_wording" => Ok(FindingKind::SharedWording),
        "conflict" => {
            let name = finding.conflict.as_deref().unwrap_or_default();
            ConflictKind::ALL
                .into_iter()
                .find(|&kind| conflict_name(kind) == name)
                .map(FindingKind::Conflict)
                .ok_or_else(|| unknown("conflict kind", name))
        }
        other => Err(unknown("kind", other)),
    }
}

fn severity(finding: &WireFinding) -> Result<Severity, SavedReportError> {
    match finding.severity.as_str() {
        "info" => Ok(Severity::Info),
        "warning" => Ok(Severity::Warning),
        "error" => Ok(Severity::Error),
        other => Err(SavedReportError::NotAReport(format!(
            "finding {} has an unknown severity `{other}`",
            finding.id
        ))),
    }
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
