//! SARIF 2.1.0 report, for code-scanning interfaces (GitHub code scanning, VS Code's SARIF
//! viewer, Azure DevOps).
//!
//! One run whose tool driver lists one reporting descriptor per finding kind (`conflict/rank`,
//! `conflict/quantity`, …, `overlap`, `change`, `shared-wording`); one result per finding at
//! the location of its first claim (file, line, column, the quote as snippet), with the other
//! claims as related locations, and the finding's stable id as a partial fingerprint so that a
//! code-scanning service follows a finding across runs.
//!
//! Design: borrowed serde DTOs, as in `wire.rs`, but kept apart from it because SARIF is
//! somebody else's format: it changes by its own schema, not by ours. Columns count characters
//! (`columnKind: unicodeCodePoints`), as the other formats do. Paths become relative URI
//! references with reserved characters percent-encoded.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use crate::claim::Claim;
use crate::finding::{ConflictKind, Finding, FindingKind, Severity, Verdict};

use super::{Report, Review, claim_label, finding_claims};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes the SARIF log, pretty-printed, with a final newline.
pub(super) fn render(report: &Report, review: &Review, out: &mut dyn Write) -> io::Result<()> {
    let rules = rules();
    let results = report
        .findings
        .iter()
        .enumerate()
        .map(|(index, finding)| {
            let status = review.annotation(index).and_then(|annotation| annotation.status);
            result(finding, report.claims, &rules, status.map(super::Status::name))
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "crosscheck",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: rules.iter().map(Rule::descriptor).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// A finding kind as a SARIF rule.
struct Rule {
    id: String,
    name: &'static str,
    description: &'static str,
    level: &'static str,
}

impl Rule {
    fn descriptor(&self) -> Descriptor<'_> {
        Descriptor {
            id: &self.id,
            name: self.name,
            short_description: Message { text: self.description },
            default_configuration: Configuration { level: self.level },
        }
    }
}

/// The reporting descriptors, one per finding kind, in a fixed order.
fn rules() -> Vec<Rule> {
    let mut rules: Vec<Rule> = ConflictKind::ALL
        .iter()
        .map(|kind| Rule {
            id: rule_id(FindingKind::Conflict(*kind)),
            name: conflict_rule_name(*kind),
            description: conflict_description(*kind),
            level: "error",
        })
        .collect();
    for (kind, name, description) in [
        (FindingKind::Overlap, "Overlap", "Articles agree on a claim"),
        (
            FindingKind::Change,
            "ChangeOverTime",
            "A value differs by year or by edition of one source: a change, not a conflict",
        ),
        (
            FindingKind::SharedWording,
            "SharedWording",
            "Near-identical sentences in two or more articles",
        ),
    ] {
        rules.push(Rule {
            id: rule_id(kind),
            name,
            description,
            level: "note",
        });
    }
    for (verdict, name, description, level) in [
        (
            Verdict::Disagrees,
            "ReferenceDisagrees",
            "A claim that a reference table contradicts for its time",
            "error",
        ),
        (
            Verdict::OtherTime,
            "ReferenceOtherTime",
            "A claim for a time the reference table has no row for",
            "note",
        ),
        (
            Verdict::Agrees,
            "ReferenceAgrees",
            "A claim that agrees with a reference table",
            "note",
        ),
    ] {
        rules.push(Rule {
            id: rule_id(FindingKind::Reference(verdict)),
            name,
            description,
            level,
        });
    }
    rules
}

/// The SARIF rule id of a finding kind: `conflict/rank`, `overlap`, …
fn rule_id(kind: FindingKind) -> String {
    match kind {
        FindingKind::Conflict(kind) => format!("conflict/{}", kind.name()),
        FindingKind::Overlap => "overlap".to_owned(),
        FindingKind::Change => "change".to_owned(),
        FindingKind::SharedWording => "shared-wording".to_owned(),
        FindingKind::Reference(verdict) => format!("reference/{}", verdict.name()),
    }
}

fn conflict_rule_name(kind: ConflictKind) -> &'static str {
    match kind {
        ConflictKind::Quantity => "QuantityConflict",
        ConflictKind::Rank => "RankConflict",
        ConflictKind::Order => "OrderConflict",
        ConflictKind::RankVsQuantity => "RankVsQuantityConflict",
        ConflictKind::Stance => "StanceConflict",
        ConflictKind::Category => "CategoryConflict",
        ConflictKind::Polarity => "PolarityConflict",
        ConflictKind::Change => "ChangeConflict",
    }
}

fn conflict_description(kind: ConflictKind) -> &'static str {
    match kind {
        ConflictKind::Quantity => "Two quantities that disagree beyond the rule's tolerance",
        ConflictKind::Rank => "Two subjects each ranked first, or one subject given incompatible ranks",
        ConflictKind::Order => "A is said to exceed B in one place and B to exceed A in another",
        ConflictKind::RankVsQuantity => "A rank that the corpus's own figures contradict",
        ConflictKind::Stance => "Stances the rules declare opposed",
        ConflictKind::Category => "Two different category labels for one key",
        ConflictKind::Polarity => "A claim asserted in one place and negated in another",
        ConflictKind::Change => "Two signed changes that disagree in direction or size",
    }
}

/// SARIF level of a finding: conflicts and disagreements with a reference by severity, the rest
/// notes.
fn level(finding: &Finding) -> &'static str {
    match (finding.kind, finding.severity) {
        (FindingKind::Conflict(_) | FindingKind::Reference(Verdict::Disagrees), Severity::Error) => "error",
        (FindingKind::Conflict(_) | FindingKind::Reference(Verdict::Disagrees), Severity::Warning) => "warning",
        _ => "note",
    }
}

fn result<'a>(finding: &'a Finding, claims: &'a [Claim], rules: &[Rule], status: Option<&'static str>) -> Result<'a> {
    let id = rule_id(finding.kind);
    let rule_index = rules.iter().position(|rule| rule.id == id).unwrap_or_default();
    let mut located = finding_claims(finding, claims);
    let first = located.next();
    Result {
        rule_id: id,
        rule_index,
        level: level(finding),
        message: Message {
            text: finding.reason.as_str(),
        },
        locations: first
            .map(|claim| location(claim, None, finding.kind))
            .into_iter()
            .collect(),
        related_locations: located
            .enumerate()
            .map(|(index, claim)| location(claim, Some(index + 1), finding.kind))
            .chain(finding.reference.as_deref().map(reference_location))
            .collect(),
        partial_fingerprints: Fingerprints { finding: &finding.id },
        properties: Properties {
            key: &finding.key,
            finding_id: &finding.id,
            articles: finding.articles,
            status,
        },
    }
}

fn location(claim: &Claim, id: Option<usize>, kind: FindingKind) -> Location<'_> {
    let evidence = &claim.evidence;
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri_reference(&evidence.path),
            },
            region: Region {
                start_line: evidence.line,
                start_column: evidence.column,
                snippet: Some(Snippet { text: &evidence.quote }),
            },
        },
        message: Some(MessageOwned {
            text: claim_label(claim, kind),
        }),
    }
}

/// The reference row a claim was held against, as a related location in the table file (its
/// id past any claim's).
fn reference_location(citation: &crate::finding::Citation) -> Location<'_> {
    Location {
        id: None,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri_reference(&citation.file),
            },
            region: Region {
                start_line: citation.line,
                start_column: 1,
                snippet: None,
            },
        },
        message: Some(MessageOwned {
            text: format!("reference: {}", super::citation_text(citation)),
        }),
    }
}

/// `path` as a relative URI reference: `/` separators, every byte outside the unreserved set
/// and `/` percent-encoded (a space, `#`, `?`, `%`, non-ASCII).
fn uri_reference(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(byte as char);
        } else {
            let _ = write!(uri, "%{byte:02X}");
        }
    }
    uri
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    column_kind: &'static str,
    results: Vec<Result<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    rules: Vec<Descriptor<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor<'a> {
    id: &'a str,
    name: &'static str,
    short_description: Message<'static>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Message<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct MessageOwned {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Result<'a> {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Message<'a>,
    locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    partial_fingerprints: Fingerprints<'a>,
    properties: Properties<'a>,
}

/// Its fields are named as SARIF names them.
#[allow(clippy::struct_field_names)]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<MessageOwned>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation,
    region: Region<'a>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: u32,
    start_column: u32,
    /// The text at the region, when the report holds it (it holds no reference table's text).
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Snippet<'a>>,
}

#[derive(Serialize)]
struct Snippet<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Fingerprints<'a> {
    #[serde(rename = "crosscheckFinding/v1")]
    finding: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Properties<'a> {
    key: &'a str,
    finding_id: &'a str,
    articles: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{self, assert_snapshot};
    use super::*;
    use crate::report::{Format, RenderOptions, render};

    fn sarif() -> String {
        let mut out = Vec::new();
        render(&fixture::report(), Format::Sarif, &mut out, &RenderOptions::default()).expect("writing to a Vec");
        String::from_utf8(out).expect("SARIF is UTF-8")
    }

    #[test]
    fn sarif_report() {
        assert_snapshot("sarif", &sarif());
    }

    #[test]
    fn every_result_names_a_rule_at_its_index() {
        let log: serde_json::Value = serde_json::from_str(&sarif()).expect("SARIF is JSON");
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
        let results = run["results"].as_array().expect("results");
        assert_eq!(results.len(), fixture::report().findings.len());
        for result in results {
            let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
        }
    }

    #[track_caller]
    fn check(path: &str, expected: &str) {
        assert_eq!(uri_reference(path), expected, "uri_reference({path:?})");
    }

    #[test]
    fn paths_become_uri_references() {
        check("examples/a.md", "examples/a.md");
        check("my notes/50%#1?.md", "my%20notes/50%25%231%3F.md");
        check("<stdin>", "%3Cstdin%3E");
        check("dir\\file.txt", "dir/file.txt");
        check("São.md", "S%C3%A3o.md");
    }
}
