//! The acknowledgements file: findings a reviewer has looked at and accepted, with a reason.
//!
//! ```toml
//! [[finding]]
//! id = "d44d9e301377652e"
//! reason = "two different surveys; the article says so"
//! kind = "conflict (quantity)"                    # for people: ignored when reading
//! key = "reserves · india · rare-earths"
//! claims = [
//!   { id = "6e20a0aa79a244dd", path = "examples/ridgeline.md", quote = "India's rare earth reserves are 3.5 million tonnes" },
//! ]
//! ```
//!
//! Only `id` and `reason` count; the rest records what was reviewed so that a person can read
//! the file. Because a finding id is a hash of the finding's claims, an entry stops applying by
//! itself when either claim changes. The default file is [`FILE_NAME`] beside the rules
//! ([`default_path`]). [`entry_text`] writes an entry as TOML text, which `crosscheck ack`
//! appends to the file as it is, comments and all.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::claim::Claim;
use crate::finding::{Finding, FindingKind};
use crate::report::{Annotation, Review, Status};

/// Name of the acknowledgements file in a rules directory.
pub const FILE_NAME: &str = "acknowledged.toml";

/// The comment a new acknowledgements file starts with.
pub const HEADER: &str = "# Findings reviewed and accepted, written by `crosscheck ack` (see docs/rules.md).\n\
# An entry applies while the finding's claims are unchanged: edit a claim and the finding\n\
# gets a new id, so it is reported as new again.\n";

/// Where the acknowledgements file is by default: `acknowledged.toml` in the rules directory
/// (or beside the rules file when `--rules` names one file).
pub fn default_path(rules: &Path) -> PathBuf {
    if rules.is_file() {
        rules
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .join(FILE_NAME)
    } else {
        rules.join(FILE_NAME)
    }
}

/// Why an acknowledgements file could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AckError {
    /// The file could not be read.
    #[error("{path}: cannot read acknowledgements file: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not a valid acknowledgements file.
    #[error("{path}: not a valid acknowledgements file: {message}")]
    Parse {
        /// The file.
        path: String,
        /// TOML's message, with line, column and caret.
        message: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSyntax {
    #[serde(default)]
    finding: Vec<Entry>,
}

/// One acknowledged finding.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The finding's stable id.
    pub id: String,
    /// Why the finding is acceptable.
    pub reason: String,
    /// The finding's kind, for people.
    #[serde(default)]
    pub kind: Option<String>,
    /// The finding's key, for people.
    #[serde(default)]
    pub key: Option<String>,
    /// The finding's claims, for people.
    #[serde(default)]
    pub claims: Vec<ClaimNote>,
}

/// A claim of an acknowledged finding, as recorded for people.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimNote {
    /// Stable claim id.
    #[serde(default)]
    pub id: Option<String>,
    /// The article.
    #[serde(default)]
    pub path: Option<String>,
    /// The claim's words.
    #[serde(default)]
    pub quote: Option<String>,
}

/// A loaded acknowledgements file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Acknowledgements {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its entries, in file order.
    pub entries: Vec<Entry>,
}

impl Acknowledgements {
    /// Parses `text`, the contents of the file at `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Acknowledgements, AckError> {
        let syntax: FileSyntax = toml::from_str(text).map_err(|error| AckError::Parse {
            path: path.display().to_string(),
            message: error.to_string().trim_end().to_owned(),
        })?;
        Ok(Acknowledgements {
            path: path.to_path_buf(),
            entries: syntax.finding,
        })
    }

    /// The reason finding `id` was acknowledged, if it was (the first entry wins).
    pub fn reason(&self, id: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|entry| entry.id == id)
            .map(|entry| entry.reason.as_str())
    }

    /// Annotations for a plain report: acknowledged findings marked, the others left alone.
    pub fn annotate(&self, findings: &[Finding]) -> Review {
        if self.entries.is_empty() {
            return Review::default();
        }
        Review {
            annotations: findings
                .iter()
                .map(|finding| match self.reason(&finding.id) {
                    Some(reason) => Annotation {
                        status: Some(Status::Acknowledged),
                        acknowledged: Some(reason.to_owned()),
                    },
                    None => Annotation::default(),
                })
                .collect(),
            baseline: None,
        }
    }
}

/// One `[[finding]]` entry as TOML text, starting with a blank line: the id, the reason, and
/// for people the kind, key and claims (`claims` is the list [`Finding::claims`] indexes).
pub fn entry_text(finding: &Finding, claims: &[Claim], reason: &str) -> String {
    let string = |text: &str| toml::Value::String(text.to_owned()).to_string();
    let kind = match finding.kind {
        FindingKind::Conflict(conflict) => format!("conflict ({})", conflict.name()),
        FindingKind::Overlap => "overlap".to_owned(),
        FindingKind::Change => "change".to_owned(),
        FindingKind::SharedWording => "shared wording".to_owned(),
        FindingKind::Reference(verdict) => format!("reference ({})", verdict.name()),
    };
    let mut text = format!(
        "\n[[finding]]\nid = {}\nreason = {}\nkind = {}\nkey = {}\nclaims = [\n",
        string(&finding.id),
        string(reason),
        string(&kind),
        string(&finding.key)
    );
    for claim in finding.claims.iter().filter_map(|&index| claims.get(index)) {
        let _ = writeln!(
            text,
            "  {{ id = {}, path = {}, quote = {} }},",
            string(&claim.id),
            string(&claim.evidence.path),
            string(&claim.evidence.quote)
        );
    }
    text.push_str("]\n");
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Evidence, Modality, Scope, Span, Value};
    use crate::finding::{ConflictKind, Severity};

    fn claim(id: &str, quote: &str) -> Claim {
        Claim {
            id: id.to_owned(),
            rule: "rule".into(),
            kind: "reserves".into(),
            subject: None,
            object: None,
            scope: Scope::default(),
            value: Value::Statement,
            modality: Modality::default(),
            evidence: Evidence {
                path: "news/a \"quoted\" name.md".into(),
                span: Span::new(0, quote.len()),
                line: 1,
                column: 1,
                quote: quote.to_owned(),
                sentence: quote.into(),
                sentence_span: Span::new(0, quote.len()),
                whole_sentence: None,
            },
            alternate: None,
            cell: None,
            time: None,
            antecedent: None,
            alias_link: None,
            stand_in: None,
            source: None,
            edition: None,
        }
    }

    #[test]
    fn an_entry_reads_back_with_its_reason() {
        let claims = [
            claim("c1", "Russia's reserves are \"vast\""),
            claim("c2", "line\nbreak and a \\ backslash"),
        ];
        let finding = Finding {
            id: "f00d".to_owned(),
            kind: FindingKind::Conflict(ConflictKind::Quantity),
            severity: Severity::Error,
            key: "reserves · russia".to_owned(),
            reason: "why".to_owned(),
            claims: vec![0, 1],
            articles: 1,
            reference: None,
        };
        let text = format!("{HEADER}{}", entry_text(&finding, &claims, "checked: both \"surveys\""));
        let file = Acknowledgements::parse(Path::new("acknowledged.toml"), &text).expect("the entry parses");
        assert_eq!(file.reason("f00d"), Some("checked: both \"surveys\""));
        assert_eq!(file.reason("beef"), None);
        let entry = &file.entries[0];
        assert_eq!(entry.kind.as_deref(), Some("conflict (quantity)"));
        assert_eq!(entry.claims[1].quote.as_deref(), Some("line\nbreak and a \\ backslash"));
        let review = file.annotate(std::slice::from_ref(&finding));
        assert_eq!(review.acknowledged(), 1);
    }

    #[test]
    fn unknown_keys_are_errors_that_name_the_file() {
        let error = Acknowledgements::parse(Path::new("ack.toml"), "[[finding]]\nid = \"x\"\nreson = \"typo\"\n")
            .expect_err("a misspelt key is an error");
        let message = error.to_string();
        assert!(
            message.starts_with("ack.toml: not a valid acknowledgements file"),
            "{message}"
        );
        assert!(message.contains("reson"), "{message}");
    }
}
