//! Cross-article cases: a few articles plus the findings the comparator must (or must not) draw
//! across them, kept in a rule pack as `cases/<name>/` beside the rules files.
//!
//! ```toml
//! # rules/cases/russia-rank-conflict/expect.toml
//! description = "Two articles conflict on Russia's reserve rank"
//!
//! [[finding]]            # at least one finding like this (exactly `count`, when given)
//! kind = "conflict"
//! conflict = "rank"
//! subject = "russia"
//! articles = 2
//!
//! [[absent]]             # no finding like this
//! kind = "conflict"
//! conflict = "quantity"
//! ```
//!
//! Every other file of the folder with an article extension (`.md`, `.txt`, `.html`, `.json`,
//! `.jsonl`) is an article. Each `[[finding]]` and `[[absent]]` entry is one check; a folder
//! that cannot be read or an `expect.toml` that does not parse is one failed check. Rules files
//! are only read from the rules directory itself, so `cases/*/expect.toml` is never taken for
//! one.
//!
//! Design: an expectation names what a reviewer would say — the kind of finding, the conflict,
//! the entities, the rule, the number of articles — never ids or reason wording, so a case
//! survives a rewording of the comparator's messages but not a change in what it concludes.

use std::fmt::Write as _;

use serde::Deserialize;
use toml::Spanned;

use crate::claim::{Claim, Value};
use crate::finding::{ConflictKind, Finding, FindingKind, Severity, Verdict};
use crate::matcher::Matcher;
use crate::text::Article;

/// Name of the folder of cases in a rules directory.
pub const CASES_DIR: &str = "cases";
/// Name of a case's expectations file.
pub const EXPECT_FILE: &str = "expect.toml";

/// The outcome of one check of one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseOutcome {
    /// The case's folder name.
    pub case: String,
    /// Path of the case's `expect.toml`.
    pub path: String,
    /// One-based line of the expectation in it.
    pub line: usize,
    /// `true` for `[[finding]]`, `false` for `[[absent]]`.
    pub present: bool,
    /// The expectation in words: `kind=conflict conflict=rank subject=russia`.
    pub expectation: String,
    /// `None` when the check passed; otherwise what was found instead (may span lines).
    pub failure: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectFile {
    #[serde(default)]
    #[allow(dead_code)]
    description: Option<String>,
    #[serde(default)]
    finding: Vec<Spanned<Expectation>>,
    #[serde(default)]
    absent: Vec<Spanned<Expectation>>,
}

/// What a finding must look like to meet an expectation; fields left out are not checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    /// `conflict`, `overlap`, `change`, `shared_wording` or `reference`.
    #[serde(default)]
    pub kind: Option<String>,
    /// For conflicts: `quantity`, `rank`, `order`, `rank_vs_quantity`, `stance`, `category`,
    /// `polarity`, `change`.
    #[serde(default)]
    pub conflict: Option<String>,
    /// For reference checks: `agrees`, `disagrees` or `other_time`.
    #[serde(default)]
    pub verdict: Option<String>,
    /// `error`, `warning` or `info`.
    #[serde(default)]
    pub severity: Option<String>,
    /// An entity id that is the subject of one of the claims (or the entity an order compares
    /// with).
    #[serde(default)]
    pub subject: Option<String>,
    /// An entity id that is the object of one of the claims.
    #[serde(default)]
    pub object: Option<String>,
    /// A rule id that produced one of the claims.
    #[serde(default)]
    pub rule: Option<String>,
    /// The number of distinct articles among the claims.
    #[serde(default)]
    pub articles: Option<usize>,
    /// `[[finding]]` only: exactly this many findings match (default: at least one).
    #[serde(default)]
    pub count: Option<usize>,
}

const KINDS: [&str; 5] = ["conflict", "overlap", "change", "shared_wording", "reference"];
const VERDICTS: [&str; 3] = ["agrees", "disagrees", "other_time"];
const SEVERITIES: [&str; 3] = ["error", "warning", "info"];
/// The wire name of a finding kind.
fn kind_name(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Conflict(_) => "conflict",
        FindingKind::Overlap => "overlap",
        FindingKind::Change => "change",
        FindingKind::SharedWording => "shared_wording",
        FindingKind::Reference(_) => "reference",
    }
}

/// A verdict as written in cases: `other_time` (the kebab-case form also reads).
fn verdict_name(verdict: Verdict) -> String {
    verdict.name().replace('-', "_")
}

/// A conflict kind as written in cases: `rank_vs_quantity` (the kebab-case form also reads).
fn conflict_name(kind: ConflictKind) -> String {
    kind.name().replace('-', "_")
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

impl Expectation {
    /// The first field that names no known value, as a message.
    fn problem(&self) -> Option<String> {
        if let Some(kind) = &self.kind
            && !KINDS.contains(&kind.as_str())
        {
            return Some(format!("unknown kind `{kind}`; use one of {}", KINDS.join(", ")));
        }
        if let Some(conflict) = &self.conflict {
            let known: Vec<String> = ConflictKind::ALL.into_iter().map(conflict_name).collect();
            if !known.contains(&conflict.replace('-', "_")) {
                return Some(format!(
                    "unknown conflict `{conflict}`; use one of {}",
                    known.join(", ")
                ));
            }
        }
        if let Some(verdict) = &self.verdict
            && !VERDICTS.contains(&verdict.replace('-', "_").as_str())
        {
            return Some(format!(
                "unknown verdict `{verdict}`; use one of {}",
                VERDICTS.join(", ")
            ));
        }
        if let Some(severity) = &self.severity
            && !SEVERITIES.contains(&severity.as_str())
        {
            return Some(format!(
                "unknown severity `{severity}`; use one of {}",
                SEVERITIES.join(", ")
            ));
        }
        None
    }

    /// Whether `finding` (whose claims index `claims`) meets the expectation.
    pub fn matches(&self, finding: &Finding, claims: &[Claim]) -> bool {
        let members: Vec<&Claim> = finding.claims.iter().filter_map(|&index| claims.get(index)).collect();
        let entity_is = |entity: Option<&crate::claim::Entity>, id: &str| entity.is_some_and(|entity| entity.id == id);
        self.kind.as_deref().is_none_or(|kind| kind_name(finding.kind) == kind)
            && self.conflict.as_deref().is_none_or(|conflict| match finding.kind {
                FindingKind::Conflict(kind) => conflict_name(kind) == conflict.replace('-', "_"),
                _ => false,
            })
            && self.verdict.as_deref().is_none_or(|verdict| match finding.kind {
                FindingKind::Reference(kind) => verdict_name(kind) == verdict.replace('-', "_"),
                _ => false,
            })
            && self
                .severity
                .as_deref()
                .is_none_or(|severity| severity_name(finding.severity) == severity)
            && self.subject.as_deref().is_none_or(|subject| {
                members.iter().any(|claim| {
                    entity_is(claim.subject.as_ref(), subject)
                        || matches!(&claim.value, Value::Order(order) if order.than.id == subject)
                })
            })
            && self
                .object
                .as_deref()
                .is_none_or(|object| members.iter().any(|claim| entity_is(claim.object.as_ref(), object)))
            && self
                .rule
                .as_deref()
                .is_none_or(|rule| members.iter().any(|claim| claim.rule == rule))
            && self.articles.is_none_or(|articles| finding.articles == articles)
    }

    /// The expectation in words: `kind=conflict conflict=rank subject=russia`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let fields = [
            ("kind", self.kind.clone()),
            ("conflict", self.conflict.clone()),
            ("verdict", self.verdict.clone()),
            ("severity", self.severity.clone()),
            ("subject", self.subject.clone()),
            ("object", self.object.clone()),
            ("rule", self.rule.clone()),
            ("articles", self.articles.map(|articles| articles.to_string())),
            ("count", self.count.map(|count| count.to_string())),
        ];
        for (name, value) in fields {
            if let Some(value) = value {
                parts.push(format!("{name}={value}"));
            }
        }
        if parts.is_empty() {
            "any finding".to_owned()
        } else {
            parts.join(" ")
        }
    }
}

/// One line for a finding in a failure: `conflict[rank] error reserves · rare-earths (2
/// articles): reason`.
fn describe_finding(finding: &Finding) -> String {
    let kind = match finding.kind {
        FindingKind::Conflict(kind) => format!("conflict[{}]", conflict_name(kind)),
        FindingKind::Reference(verdict) => format!("reference[{}]", verdict_name(verdict)),
        other => kind_name(other).to_owned(),
    };
    format!(
        "{kind} {} {} ({} article{}): {}",
        severity_name(finding.severity),
        finding.key,
        finding.articles,
        if finding.articles == 1 { "" } else { "s" },
        finding.reason
    )
}

/// One case folder as `commands` read it.
#[derive(Debug)]
pub struct Case {
    /// The folder's name.
    pub name: String,
    /// The folder's path, as shown.
    pub folder: String,
    /// Path of its `expect.toml`, as shown.
    pub expect_path: String,
    /// The text of `expect.toml`, or why it could not be read.
    pub expect: Result<String, String>,
    /// The folder's articles, in path order.
    pub articles: Vec<Article>,
    /// Why some of the folder could not be read.
    pub problems: Vec<String>,
}

/// Runs one case, giving one outcome per expectation (or one failed outcome when the case
/// cannot be run). Claims are also checked against `reference` (the rule pack's reference
/// tables; empty for none), so a case can expect `kind = "reference"` findings.
pub fn run(matcher: &Matcher<'_>, case: &Case, reference: &crate::reference::Reference) -> Vec<CaseOutcome> {
    let set = matcher.rules();
    let mut outcomes = Vec::new();
    let broken = |message: String| CaseOutcome {
        case: case.name.clone(),
        path: case.expect_path.clone(),
        line: 1,
        present: true,
        expectation: "a case that can be run".to_owned(),
        failure: Some(message),
    };
    let display = &case.expect_path;
    let source = match &case.expect {
        Ok(source) => source,
        Err(error) => {
            outcomes.push(broken(format!(
                "cannot read {display}: {error}; every case folder needs an {EXPECT_FILE}"
            )));
            return outcomes;
        }
    };
    let file: ExpectFile = match toml::from_str(source) {
        Ok(file) => file,
        Err(error) => {
            outcomes.push(broken(format!("{display}: {}", error.to_string().trim_end())));
            return outcomes;
        }
    };
    if !case.problems.is_empty() {
        outcomes.push(broken(case.problems.join("; ")));
        return outcomes;
    }
    if case.articles.is_empty() {
        outcomes.push(broken(format!(
            "no articles in {}; add .md, .txt or .html files beside {EXPECT_FILE}",
            case.folder
        )));
        return outcomes;
    }
    let claims = matcher.extract_all(&case.articles);
    let policy = set.policy();
    let mut findings = crate::compare::compare(&claims, &policy);
    if !reference.is_empty() {
        findings.extend(crate::reference::check(&claims, reference, &policy));
        crate::compare::sort(&mut findings);
    }
    let line_of = |offset: usize| source[..offset.min(source.len())].matches('\n').count() + 1;
    let checks = file
        .finding
        .iter()
        .map(|expectation| (true, expectation))
        .chain(file.absent.iter().map(|expectation| (false, expectation)));
    for (present, spanned) in checks {
        let expectation = spanned.get_ref();
        let failure = match expectation.problem() {
            Some(problem) => Some(problem),
            None => check(expectation, present, &findings, &claims),
        };
        outcomes.push(CaseOutcome {
            case: case.name.clone(),
            path: display.clone(),
            line: line_of(spanned.span().start),
            present,
            expectation: expectation.describe(),
            failure,
        });
    }
    outcomes
}

/// What is wrong with `findings` for one expectation, if anything.
fn check(expectation: &Expectation, present: bool, findings: &[Finding], claims: &[Claim]) -> Option<String> {
    let matching: Vec<&Finding> = findings
        .iter()
        .filter(|finding| expectation.matches(finding, claims))
        .collect();
    let list = |findings: &mut dyn Iterator<Item = &Finding>| -> String {
        findings.fold(String::new(), |mut list, finding| {
            let _ = write!(list, "\n    {}", describe_finding(finding));
            list
        })
    };
    if !present {
        return (!matching.is_empty()).then(|| {
            format!(
                "found {} such finding{}:{}",
                matching.len(),
                if matching.len() == 1 { "" } else { "s" },
                list(&mut matching.iter().copied())
            )
        });
    }
    let enough = match expectation.count {
        Some(count) => matching.len() == count,
        None => !matching.is_empty(),
    };
    if enough {
        return None;
    }
    if matching.is_empty() {
        if findings.is_empty() {
            Some("found no findings at all".to_owned())
        } else {
            Some(format!(
                "found none among {} finding{}:{}",
                findings.len(),
                if findings.len() == 1 { "" } else { "s" },
                list(&mut findings.iter())
            ))
        }
    } else {
        Some(format!(
            "found {} such finding{}:{}",
            matching.len(),
            if matching.len() == 1 { "" } else { "s" },
            list(&mut matching.iter().copied())
        ))
    }
}
