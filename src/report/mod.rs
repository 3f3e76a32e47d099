//! Reports: one renderer per output format.
//!
//! A [`Report`] borrows everything a renderer needs — the articles, the claims, the findings the
//! comparator drew from them and a [`Summary`] — and [`render`] writes it as text (a
//! compiler-style diagnostic for people), JSON (a versioned wire format for machines, see
//! `docs/report-format.md`), Markdown (for pasting into an issue or a chat), HTML (one
//! self-contained page for a browser), SARIF 2.1.0 (for code-scanning interfaces) or GitHub
//! Actions annotations.
//! [`render_claims`] does the same for the bare claim list of `crosscheck extract`.
//!
//! Design: renderers are pure functions of their input that write to a `&mut dyn Write`; they
//! never read the clock, the environment or the terminal. Colour is an explicit
//! [`RenderOptions::color`] and elapsed time an explicit [`Summary::elapsed`], so the same input
//! always gives the same bytes and snapshot tests need no filters. Each format lives in its own
//! file; the JSON wire types live in `wire.rs`, through which `json.rs` writes reports and
//! `saved.rs` reads them back, so internal types can change without changing the wire format by
//! accident. [`style`] holds the ANSI colours, for the text report and for the commands'
//! `warning:`/`error:` words alike.

use std::collections::HashMap;
use std::io::{self, Write};
use std::time::Duration;

use crate::claim::{Claim, Modality, Polarity, Span};
use crate::finding::{Finding, FindingKind, Severity};
use crate::text::Meta;

mod github;
mod html;
mod json;
mod markdown;
mod sarif;
mod saved;
pub mod style;
mod text;
mod wire;

pub use saved::{SavedClaims, SavedClaimsError, SavedReport, SavedReportError, read_claims, read_report};

#[cfg(test)]
mod fixture;

/// An article as the reports know it: where it came from and its front matter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleInfo {
    /// Path as given on the command line (or `<stdin>`), as in [`crate::claim::Evidence::path`].
    pub path: String,
    /// Title, outlet, date and URL from the article's front matter.
    pub meta: Meta,
}

/// Run-level counts the renderers print besides the findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Number of articles read.
    pub articles: usize,
    /// Number of claims extracted.
    pub claims: usize,
    /// Wall-clock time of the run; `None` leaves it out of the output (as snapshot tests do).
    pub elapsed: Option<Duration>,
}

/// Everything a report renderer needs, borrowed.
#[derive(Clone, Copy, Debug)]
pub struct Report<'a> {
    /// The articles, in report order.
    pub articles: &'a [ArticleInfo],
    /// The claims; [`Finding::claims`] are indices into this slice.
    pub claims: &'a [Claim],
    /// The findings, in report order (conflicts first).
    pub findings: &'a [Finding],
    /// Run-level counts.
    pub summary: Summary,
}

/// Output format of `crosscheck report`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Compiler-style diagnostics with code frames, for a terminal.
    #[default]
    Text,
    /// The versioned JSON document described in `docs/report-format.md`.
    Json,
    /// Markdown, for an issue or a newsroom chat.
    #[value(alias = "md")]
    Markdown,
    /// One self-contained HTML page: summary, article × key matrix, filters, quotes, timelines.
    Html,
    /// SARIF 2.1.0, for code-scanning interfaces.
    Sarif,
    /// GitHub Actions workflow commands (annotations on a pull request).
    Github,
}

/// Output format of `crosscheck extract`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ClaimFormat {
    /// One compact block per claim: location, rule, subject, value, modality, then the quote.
    #[default]
    Text,
    /// One pretty-printed JSON document: `{"version": 1, "articles": [...], "claims": [...]}`.
    Json,
    /// One claim per line, as compact JSON.
    Jsonl,
}

/// How to render.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Use ANSI colours (text format only). With `false` the output holds no escape codes.
    pub color: bool,
}

/// Where a finding stands in a review: against a baseline report, or acknowledged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// In the new report, not in the baseline.
    New,
    /// Reviewed and accepted (in an acknowledgements file); it does not fail the run.
    Acknowledged,
    /// In the baseline, gone from the new report.
    Resolved,
}

impl Status {
    /// Lowercase name, as in reports: `new`, `acknowledged`, `resolved`.
    pub fn name(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Acknowledged => "acknowledged",
            Status::Resolved => "resolved",
        }
    }
}

/// What a review says about one finding.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotation {
    /// New, resolved or acknowledged; `None` for a plain report's unacknowledged finding.
    pub status: Option<Status>,
    /// The reason the finding was acknowledged, when it was.
    pub acknowledged: Option<String>,
}

/// Counts of a comparison with a baseline report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BaselineCounts {
    /// Findings in the new report only (acknowledged ones not counted).
    pub new: usize,
    /// Findings in the baseline only.
    pub resolved: usize,
    /// Findings in both reports, left out of the comparison.
    pub unchanged: usize,
}

/// Review annotations rendered alongside a report: per-finding statuses and, for a comparison
/// with a baseline, its counts. The default annotates nothing and renders a plain report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    /// One per finding of the report, in the same order; empty means none is annotated.
    pub annotations: Vec<Annotation>,
    /// Set when the report is a comparison with a baseline (only new, acknowledged and resolved
    /// findings are listed).
    pub baseline: Option<BaselineCounts>,
}

impl Review {
    /// The annotation of finding `index`, if any.
    pub fn annotation(&self, index: usize) -> Option<&Annotation> {
        self.annotations.get(index)
    }

    /// Whether `findings` (the ones this review annotates, in the same order) fail the run at
    /// `threshold`: some conflict, or claim a reference table contradicts, at or above it is
    /// neither acknowledged nor resolved. In a plain
    /// report that is any unacknowledged conflict; in a comparison with a baseline, a new one.
    pub fn fails(&self, findings: &[Finding], threshold: Severity) -> bool {
        findings.iter().enumerate().any(|(index, finding)| {
            let status = self.annotation(index).and_then(|annotation| annotation.status);
            !matches!(status, Some(Status::Acknowledged | Status::Resolved))
                && matches!(
                    finding.kind,
                    FindingKind::Conflict(_) | FindingKind::Reference(crate::finding::Verdict::Disagrees)
                )
                && finding.severity >= threshold
        })
    }

    /// Number of findings annotated as acknowledged.
    pub fn acknowledged(&self) -> usize {
        self.annotations
            .iter()
            .filter(|annotation| annotation.status == Some(Status::Acknowledged))
            .count()
    }
}

/// Writes `report` to `out` in `format`.
pub fn render(report: &Report, format: Format, out: &mut dyn Write, options: &RenderOptions) -> io::Result<()> {
    render_review(report, &Review::default(), format, out, options)
}

/// Writes `report` with review annotations (statuses, acknowledgements, baseline counts) to
/// `out` in `format`. With [`Review::default`] the output is exactly that of [`render`].
pub fn render_review(
    report: &Report,
    review: &Review,
    format: Format,
    out: &mut dyn Write,
    options: &RenderOptions,
) -> io::Result<()> {
    match format {
        Format::Text => text::render(report, review, out, *options),
        Format::Json => json::render(report, review, out),
        Format::Markdown => markdown::render(report, review, out),
        Format::Html => html::render(report, review, out),
        Format::Sarif => sarif::render(report, review, out),
        Format::Github => github::render(report, review, out),
    }
}

/// Writes the claim list of `crosscheck extract` to `out` in `format`.
pub fn render_claims(
    articles: &[ArticleInfo],
    claims: &[Claim],
    format: ClaimFormat,
    out: &mut dyn Write,
    options: &RenderOptions,
) -> io::Result<()> {
    match format {
        ClaimFormat::Text => text::render_claims(articles, claims, out, *options),
        ClaimFormat::Json => json::render_claims(articles, claims, out),
        ClaimFormat::Jsonl => json::render_claims_lines(claims, out),
    }
}

/// A claim as the JSON value of its `--format jsonl` line: the wire model, for encodings of
/// claims other than JSON text (the Parquet shards of [`crate::shard`]).
pub(crate) fn claim_to_json(claim: &Claim) -> serde_json::Result<serde_json::Value> {
    serde_json::to_value(wire::ClaimDto::new(claim))
}

/// The claim a wire-model JSON value describes, read as [`read_claims`] reads a line: the
/// inverse of [`claim_to_json`].
pub(crate) fn claim_from_json(value: &serde_json::Value) -> serde_json::Result<Claim> {
    <wire::ClaimDto as serde::Deserialize>::deserialize(value).map(wire::ClaimDto::into_claim)
}

/// The claims of the renderers' test fixture (every value type), for other modules' tests.
#[cfg(test)]
pub(crate) fn fixture_claims() -> Vec<Claim> {
    fixture::report().claims.to_vec()
}

/// Finding counts by kind and severity, shared by every format's summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counts {
    overlaps: usize,
    conflicts: usize,
    errors: usize,
    warnings: usize,
    changes: usize,
    shared_wording: usize,
    /// Claims the reference tables contradict.
    disagreements: usize,
    /// Every finding of a reference check (agreements, notes and disagreements).
    references: usize,
}

impl Counts {
    /// Counts the findings that are current: in a comparison with a baseline, resolved ones are
    /// listed but no longer count.
    fn new(findings: &[Finding], review: &Review) -> Self {
        let mut counts = Counts::default();
        let current = findings.iter().enumerate().filter(|(index, _)| {
            review.annotation(*index).and_then(|annotation| annotation.status) != Some(Status::Resolved)
        });
        for (_, finding) in current {
            match finding.kind {
                FindingKind::Conflict(_) => {
                    counts.conflicts += 1;
                    match finding.severity {
                        Severity::Error => counts.errors += 1,
                        Severity::Warning => counts.warnings += 1,
                        Severity::Info => {}
                    }
                }
                FindingKind::Overlap => counts.overlaps += 1,
                FindingKind::Change => counts.changes += 1,
                FindingKind::SharedWording => counts.shared_wording += 1,
                FindingKind::Reference(verdict) => {
                    counts.references += 1;
                    counts.disagreements += usize::from(verdict == crate::finding::Verdict::Disagrees);
                }
            }
        }
        counts
    }
}

/// Articles by path, for looking up the outlet and date of a claim's article.
struct ArticleIndex<'a> {
    by_path: HashMap<&'a str, &'a ArticleInfo>,
}

impl<'a> ArticleIndex<'a> {
    fn new(articles: &'a [ArticleInfo]) -> Self {
        ArticleIndex {
            by_path: articles
                .iter()
                .map(|article| (article.path.as_str(), article))
                .collect(),
        }
    }

    fn meta(&self, path: &str) -> Option<&'a Meta> {
        self.by_path.get(path).map(|article| &article.meta)
    }
}

/// The claims of `finding` that exist in `claims` (an out-of-range index is skipped, not a
/// panic: the renderers must never fail on a comparator bug).
fn finding_claims<'a>(finding: &'a Finding, claims: &'a [Claim]) -> impl Iterator<Item = &'a Claim> + 'a {
    finding.claims.iter().filter_map(|&index| claims.get(index))
}

/// The bytes of the claim's value in the article text: the quantity, rank or comparative words,
/// or the whole match for values without words of their own (stance, category, statement).
fn value_span(claim: &Claim) -> Span {
    claim.value.span().unwrap_or(claim.evidence.span)
}

/// The claim's sentence as every report shows it: whole, or the window around the match of a
/// long one ([`crate::claim::Evidence::window`]), with its span.
fn shown_sentence(claim: &Claim) -> (Span, &str) {
    claim.evidence.window()
}

/// `span` as a byte range of the claim's sentence as shown ([`shown_sentence`]), if it lies
/// inside it on character boundaries.
fn sentence_range(claim: &Claim, span: Span) -> Option<std::ops::Range<usize>> {
    let (shown, sentence) = shown_sentence(claim);
    let base = shown.start;
    let start = span.start.checked_sub(base)?;
    let end = span.end.checked_sub(base)?;
    (start <= end && sentence.get(start..end).is_some()).then_some(start..end)
}

/// The byte range of the claim's value in its sentence, falling back to the whole match.
fn value_range(claim: &Claim) -> Option<std::ops::Range<usize>> {
    sentence_range(claim, value_span(claim)).or_else(|| sentence_range(claim, claim.evidence.span))
}

/// `text` on one line: every control character (newlines, tabs) becomes one space, so character
/// positions stay where they were.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|character| if character.is_control() { ' ' } else { character })
        .collect()
}

/// How firmly the claim is made, in words: `asserted`, `negated`, `attributed to Putin`,
/// `hedged ("could")`, or several joined with `, `.
fn describe_modality(modality: &Modality) -> String {
    let mut parts = Vec::new();
    if modality.polarity == Polarity::Negated {
        parts.push("negated".to_owned());
    }
    if let Some(attribution) = &modality.attribution {
        parts.push(format!("attributed to {}", one_line(&attribution.speaker)));
    }
    if let Some(hedge) = &modality.hedge {
        parts.push(format!("hedged (\"{}\")", one_line(&hedge.text)));
    }
    if parts.is_empty() {
        "asserted".to_owned()
    } else {
        parts.join(", ")
    }
}

/// The label under a quoted value: the value, the year for changes over time (or the
/// effective time when the sentence names no year: `2025 (published)`), the modality.
fn claim_label(claim: &Claim, kind: FindingKind) -> String {
    let value = claim.value.label();
    let modality = describe_modality(&claim.modality);
    match (kind, claim.scope.year, &claim.time) {
        (FindingKind::Change, Some(year), _) => format!("{value} · in {year} · {modality}"),
        (_, None, Some(time)) => format!("{value} · {} ({}) · {modality}", time.year, time.basis.label()),
        _ => format!("{value} · {modality}"),
    }
}

/// The notes on where a claim's context came from: `"This" refers back to "Russia" (12:3)`,
/// `"Putin" stands for russia`.
fn context_notes(claim: &Claim) -> Vec<String> {
    let mut notes = Vec::new();
    if let (Some(antecedent), Some(subject)) = (&claim.antecedent, &claim.subject) {
        notes.push(format!(
            "\"{}\" refers back to \"{}\" ({}:{})",
            one_line(&subject.text),
            one_line(&antecedent.text),
            antecedent.line,
            antecedent.column
        ));
    }
    if let (Some(stand_in), Some(subject)) = (&claim.stand_in, &claim.subject) {
        notes.push(format!("\"{}\" stands for {}", one_line(&stand_in.text), subject.id));
    }
    if let (Some(link), Some(subject)) = (&claim.alias_link, &claim.subject) {
        notes.push(format!(
            "\"{}\" is {} within the article, by \"{}\" ({}:{})",
            one_line(&subject.text),
            subject.id,
            one_line(&link.text),
            link.line,
            link.column
        ));
    }
    notes
}

/// A reference row in words, for every format: `rules/reference/usgs.csv:12 · russia ·
/// reserves · rare-earths · 3,800,000 t for 2024 · USGS, Mineral Commodity Summaries 2025 ·
/// URL · note`.
fn citation_text(citation: &crate::finding::Citation) -> String {
    let mut parts = vec![
        format!("{}:{}", citation.file, citation.line),
        citation.entity.clone(),
        citation.kind.clone(),
    ];
    parts.extend(citation.object.clone());
    parts.push(format!("{} for {}", citation.value, citation.year));
    parts.push(match &citation.edition {
        Some(edition) => format!("{}, {edition}", citation.source),
        None => citation.source.clone(),
    });
    parts.extend(citation.url.clone());
    parts.extend(citation.note.clone());
    parts.join(" · ")
}

/// `1 article`, `2 articles`.
fn count(number: usize, singular: &str, plural: &str) -> String {
    format!("{number} {}", if number == 1 { singular } else { plural })
}

/// Elapsed time for a summary line: `850 ms` under ten seconds, `12.3 s` above.
fn format_elapsed(elapsed: Duration) -> String {
    if elapsed < Duration::from_secs(10) {
        format!("{} ms", elapsed.as_millis())
    } else {
        format!("{:.1} s", elapsed.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_split_conflicts_by_severity() {
        let report = fixture::report();
        let counts = Counts::new(report.findings, &Review::default());
        assert_eq!(
            counts,
            Counts {
                overlaps: 2,
                conflicts: 2,
                errors: 1,
                warnings: 1,
                changes: 1,
                shared_wording: 1,
                disagreements: 0,
                references: 0,
            }
        );
    }

    #[test]
    fn only_conflicts_neither_acknowledged_nor_resolved_fail_the_run() {
        let report = fixture::report();
        let findings = report.findings;
        let error = findings
            .iter()
            .position(|finding| matches!(finding.kind, FindingKind::Conflict(_)) && finding.severity == Severity::Error)
            .expect("the fixture has an error");
        let plain = Review::default();
        assert!(plain.fails(findings, Severity::Error));

        let with_status = |status: Status| {
            let mut annotations = vec![Annotation::default(); findings.len()];
            annotations[error].status = Some(status);
            Review {
                annotations,
                baseline: None,
            }
        };
        for status in [Status::Acknowledged, Status::Resolved] {
            let review = with_status(status);
            assert!(!review.fails(findings, Severity::Error), "{status:?}");
            assert!(review.fails(findings, Severity::Warning), "the warning still fails");
        }
        assert!(with_status(Status::New).fails(findings, Severity::Error));
        let overlaps_only: Vec<Finding> = findings
            .iter()
            .filter(|finding| finding.kind == FindingKind::Overlap)
            .cloned()
            .collect();
        assert!(!plain.fails(&overlaps_only, Severity::Info));
    }
}
