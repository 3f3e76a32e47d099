//! The JSON wire model: the one definition of the versioned report format (documented in
//! `docs/report-format.md` and `docs/report.schema.json`), used to write reports and claim
//! listings (`json.rs`) and to read saved reports back (`saved.rs`).
//!
//! The document is `{"version": 1, "tool": "crosscheck", "summary", "articles", "claims",
//! "findings"}`; findings name their claims by stable claim id, never by index or line.
//!
//! Design: the DTO structs below (`ReportDto`, `ClaimDto`, …) spell out every field name and
//! every enum string by hand and derive both `Serialize` and `Deserialize`. Written, they borrow
//! the internal types; read back, they own their strings (`Cow`). The internal types ([`Claim`],
//! [`Finding`]) may be renamed or reshaped freely; only an edit to this file can change the wire
//! format, and the schema test (`json.rs`) catches one that forgets the schema. Every key is
//! always present (absent values are `null`), except `summary.elapsed_ms`, which is left out
//! when the run was not timed, so snapshots stay deterministic. Order is the input order, which
//! the pipeline makes deterministic.
//!
//! Reading is as lenient as the versioning rules ask of consumers: unknown keys are ignored, and
//! so are the keys a reader has no use for, whatever they hold (`#[serde(skip_deserializing)]`:
//! the summary's counts, `modality.label`, a finding's `status`). `#[serde(expecting)]` keeps the
//! type names that the reader's error messages have always given (`expected struct Span`).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::claim::{
    AliasLink, Antecedent, Attribution, Cell, Claim, Cue, Evidence, Modality, Polarity, Scope, Span, Time, TimeBasis,
};
use crate::finding::{Citation, ConflictKind, Finding, FindingKind, Severity, Verdict};
use crate::text::Meta;
use crate::value::{EntityDto, QuantityDto, SpanDto, ValueDto};

use super::{Annotation, ArticleInfo, Counts, Report, Review, Status};

/// Version of the wire format. Additive changes (new keys, new enum strings) keep it; renaming
/// or removing a key or changing a type bumps it.
pub(super) const VERSION: u32 = 1;

/// A whole report, as written by `crosscheck report --format json` and read back.
#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct WireReport")]
pub(super) struct ReportDto<'a> {
    version: u32,
    tool: Cow<'a, str>,
    /// Always written; a reader takes it as optional.
    #[serde(default)]
    pub(super) summary: Option<SummaryDto>,
    pub(super) articles: Vec<ArticleDto<'a>>,
    pub(super) claims: Vec<ClaimDto<'a>>,
    pub(super) findings: Vec<FindingDto<'a>>,
}

impl<'a> ReportDto<'a> {
    /// The document of `report` with its review annotations.
    pub(super) fn new(report: &Report<'a>, review: &'a Review) -> Self {
        let counts = Counts::new(report.findings, review);
        ReportDto {
            version: VERSION,
            tool: Cow::Borrowed("crosscheck"),
            summary: Some(SummaryDto {
                articles: report.summary.articles,
                claims: report.summary.claims,
                findings: report.findings.len(),
                overlaps: counts.overlaps,
                conflicts: counts.conflicts,
                errors: counts.errors,
                warnings: counts.warnings,
                changes: counts.changes,
                shared_wording: counts.shared_wording,
                acknowledged: review.acknowledged(),
                new: review.baseline.map(|baseline| baseline.new),
                resolved: review.baseline.map(|baseline| baseline.resolved),
                unchanged: review.baseline.map(|baseline| baseline.unchanged),
                elapsed_ms: report
                    .summary
                    .elapsed
                    .map(|elapsed| u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)),
                references: (counts.references > 0).then_some(counts.references),
                disagreements: (counts.references > 0).then_some(counts.disagreements),
            }),
            articles: report.articles.iter().map(ArticleDto::new).collect(),
            claims: report.claims.iter().map(ClaimDto::new).collect(),
            findings: report
                .findings
                .iter()
                .enumerate()
                .map(|(index, finding)| FindingDto::new(finding, review.annotation(index), report.claims))
                .collect(),
        }
    }
}

/// A claim listing, as written by `crosscheck extract --format json` (never read back).
#[derive(Serialize)]
pub(super) struct ClaimsDto<'a> {
    version: u32,
    articles: Vec<ArticleDto<'a>>,
    claims: Vec<ClaimDto<'a>>,
}

impl<'a> ClaimsDto<'a> {
    /// The listing of `claims` and their `articles`.
    pub(super) fn new(articles: &'a [ArticleInfo], claims: &'a [Claim]) -> Self {
        ClaimsDto {
            version: VERSION,
            articles: articles.iter().map(ArticleDto::new).collect(),
            claims: claims.iter().map(ClaimDto::new).collect(),
        }
    }
}

/// Run-level counts. A reader takes only `new`, which says whether the document is a
/// comparison with a baseline.
#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct WireSummary")]
pub(super) struct SummaryDto {
    #[serde(skip_deserializing)]
    articles: usize,
    #[serde(skip_deserializing)]
    claims: usize,
    #[serde(skip_deserializing)]
    findings: usize,
    #[serde(skip_deserializing)]
    overlaps: usize,
    #[serde(skip_deserializing)]
    conflicts: usize,
    #[serde(skip_deserializing)]
    errors: usize,
    #[serde(skip_deserializing)]
    warnings: usize,
    #[serde(skip_deserializing)]
    changes: usize,
    #[serde(skip_deserializing)]
    shared_wording: usize,
    #[serde(skip_deserializing)]
    acknowledged: usize,
    #[serde(default)]
    pub(super) new: Option<usize>,
    #[serde(skip_deserializing)]
    resolved: Option<usize>,
    #[serde(skip_deserializing)]
    unchanged: Option<usize>,
    #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
    elapsed_ms: Option<u64>,
    /// Findings of reference checks, when the run made any (left out otherwise, so reports of
    /// runs without `--reference` read as they always have).
    #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
    references: Option<usize>,
    /// Of those, the claims a reference contradicts.
    #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
    disagreements: Option<usize>,
}

#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct WireArticle")]
pub(super) struct ArticleDto<'a> {
    path: Cow<'a, str>,
    #[serde(default)]
    title: Option<Cow<'a, str>>,
    #[serde(default)]
    outlet: Option<Cow<'a, str>>,
    #[serde(default)]
    date: Option<Cow<'a, str>>,
    #[serde(default)]
    url: Option<Cow<'a, str>>,
    /// The publication date normalised to ISO 8601, when `date` names one (written only; read
    /// back from `date`).
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    published: Option<String>,
}

impl<'a> ArticleDto<'a> {
    fn new(article: &'a ArticleInfo) -> Self {
        let meta = &article.meta;
        ArticleDto {
            path: Cow::Borrowed(&article.path),
            title: meta.title.as_deref().map(Cow::Borrowed),
            outlet: meta.outlet.as_deref().map(Cow::Borrowed),
            date: meta.date.as_deref().map(Cow::Borrowed),
            url: meta.url.as_deref().map(Cow::Borrowed),
            published: meta.published().map(|date| date.to_string()),
        }
    }

    /// The article as the reports know it.
    pub(super) fn into_article(self) -> ArticleInfo {
        ArticleInfo {
            path: self.path.into_owned(),
            meta: Meta {
                title: self.title.map(Cow::into_owned),
                outlet: self.outlet.map(Cow::into_owned),
                date: self.date.map(Cow::into_owned),
                url: self.url.map(Cow::into_owned),
            },
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct Scope")]
struct ScopeDto<'a> {
    year: Option<i32>,
    region: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
enum PolarityDto {
    #[serde(rename = "asserted")]
    Asserted,
    #[serde(rename = "negated")]
    Negated,
}

impl From<Polarity> for PolarityDto {
    fn from(polarity: Polarity) -> Self {
        match polarity {
            Polarity::Asserted => PolarityDto::Asserted,
            Polarity::Negated => PolarityDto::Negated,
        }
    }
}

impl From<PolarityDto> for Polarity {
    fn from(polarity: PolarityDto) -> Self {
        match polarity {
            PolarityDto::Asserted => Polarity::Asserted,
            PolarityDto::Negated => Polarity::Negated,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct Cue")]
struct CueDto<'a> {
    text: Cow<'a, str>,
    span: SpanDto,
}

impl<'a> CueDto<'a> {
    fn new(cue: &'a Cue) -> Self {
        CueDto {
            text: Cow::Borrowed(&cue.text),
            span: cue.span.into(),
        }
    }

    fn into_cue(self) -> Cue {
        Cue {
            text: self.text.into_owned(),
            span: self.span.into(),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct Attribution")]
struct AttributionDto<'a> {
    speaker: Cow<'a, str>,
    cue: CueDto<'a>,
}

#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct Modality")]
struct ModalityDto<'a> {
    /// Derived from the rest, so a reader ignores it.
    #[serde(skip_deserializing)]
    label: &'static str,
    polarity: PolarityDto,
    #[serde(default)]
    negation: Option<CueDto<'a>>,
    #[serde(default)]
    hedge: Option<CueDto<'a>>,
    #[serde(default)]
    attribution: Option<AttributionDto<'a>>,
}

impl<'a> ModalityDto<'a> {
    fn new(modality: &'a Modality) -> Self {
        ModalityDto {
            label: modality.label(),
            polarity: modality.polarity.into(),
            negation: modality.negation.as_deref().map(CueDto::new),
            hedge: modality.hedge.as_deref().map(CueDto::new),
            attribution: modality.attribution.as_ref().map(|attribution| AttributionDto {
                speaker: Cow::Borrowed(&attribution.speaker),
                cue: CueDto::new(&attribution.cue),
            }),
        }
    }

    fn into_modality(self) -> Modality {
        Modality {
            polarity: self.polarity.into(),
            negation: self.negation.map(|cue| Box::new(cue.into_cue())),
            hedge: self.hedge.map(|cue| Box::new(cue.into_cue())),
            attribution: self.attribution.map(|attribution| {
                Box::new(Attribution {
                    speaker: attribution.speaker.into_owned(),
                    cue: attribution.cue.into_cue(),
                })
            }),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct Evidence")]
struct EvidenceDto<'a> {
    path: Cow<'a, str>,
    line: u32,
    column: u32,
    span: SpanDto,
    quote: Cow<'a, str>,
    /// The sentence as shown: whole, or the window around the match of a long one.
    sentence: Cow<'a, str>,
    /// Where the whole sentence is.
    sentence_span: SpanDto,
    /// Where `sentence` is, when it is a window of a long sentence; left out when whole, so
    /// documents of short sentences are as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sentence_window: Option<SpanDto>,
}

impl<'a> EvidenceDto<'a> {
    /// The evidence as written: a long sentence cut to its window ([`Evidence::window`]).
    fn new(evidence: &'a Evidence) -> Self {
        let (window, shown) = evidence.window();
        let whole = evidence.whole_sentence_span();
        EvidenceDto {
            path: Cow::Borrowed(&evidence.path),
            line: evidence.line,
            column: evidence.column,
            span: evidence.span.into(),
            quote: Cow::Borrowed(&evidence.quote),
            sentence: Cow::Borrowed(shown),
            sentence_span: whole.into(),
            sentence_window: (window != whole).then(|| window.into()),
        }
    }

    /// The evidence read back: a windowed sentence is held as the window, with the whole
    /// sentence's span kept beside it.
    fn into_evidence(self) -> Evidence {
        let whole: Span = self.sentence_span.into();
        let (sentence_span, whole_sentence) = match self.sentence_window {
            Some(window) => (window.into(), Some(whole)),
            None => (whole, None),
        };
        Evidence {
            path: self.path.as_ref().into(),
            span: self.span.into(),
            line: self.line,
            column: self.column,
            quote: self.quote.into_owned(),
            sentence: self.sentence.as_ref().into(),
            sentence_span,
            whole_sentence,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct Claim")]
pub(super) struct ClaimDto<'a> {
    id: Cow<'a, str>,
    rule: Cow<'a, str>,
    kind: Cow<'a, str>,
    subject: Option<EntityDto<'a>>,
    object: Option<EntityDto<'a>>,
    scope: ScopeDto<'a>,
    value: ValueDto<'a>,
    modality: ModalityDto<'a>,
    evidence: EvidenceDto<'a>,
    /// The figure restated in parentheses ("$4.2bn (£3.3bn)"), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    alternate: Option<QuantityDto<'a>>,
    /// The table cell or list item the claim was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cell: Option<CellDto<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    time: Option<TimeDto<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    antecedent: Option<AntecedentDto<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    alias_link: Option<AliasLinkDto<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stand_in: Option<EntityDto<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    edition: Option<Cow<'a, str>>,
}

/// Where in a table, list or parenthetical a claim was read.
#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct Cell")]
pub(super) struct CellDto<'a> {
    structure: Cow<'a, str>,
    row: u32,
    column: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    header: Option<Cow<'a, str>>,
}

impl<'a> CellDto<'a> {
    fn new(cell: &'a Cell) -> Self {
        CellDto {
            structure: Cow::Borrowed(&cell.structure),
            row: cell.row,
            column: cell.column,
            header: cell.header.as_deref().map(Cow::Borrowed),
        }
    }

    fn into_cell(self) -> Cell {
        Cell {
            structure: self.structure.into_owned(),
            row: self.row,
            column: self.column,
            header: self.header.map(Cow::into_owned),
        }
    }
}

/// A claim's effective time: `{"year": 2025, "date": "2025-03-04", "basis": "published"}`.
#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct Time")]
struct TimeDto<'a> {
    year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<Cow<'a, str>>,
    /// `stated` or `published`.
    basis: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    span: Option<SpanDto>,
}

impl<'a> TimeDto<'a> {
    fn new(time: &'a Time) -> Self {
        TimeDto {
            year: time.year,
            date: time.date.as_deref().map(Cow::Borrowed),
            basis: Cow::Borrowed(time.basis.label()),
            text: time.text.as_deref().map(Cow::Borrowed),
            span: time.span.map(Into::into),
        }
    }

    fn into_time(self) -> Time {
        Time {
            year: self.year,
            date: self.date.map(Cow::into_owned),
            basis: if self.basis == "published" {
                TimeBasis::Published
            } else {
                TimeBasis::Stated
            },
            text: self.text.map(Cow::into_owned),
            span: self.span.map(Into::into),
        }
    }
}

/// The renaming or apposition that made the subject's name an alias within the article.
#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct AliasLink")]
struct AliasLinkDto<'a> {
    text: Cow<'a, str>,
    span: SpanDto,
    line: u32,
    column: u32,
}

/// The words a pronoun or description was resolved to.
#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct Antecedent")]
struct AntecedentDto<'a> {
    text: Cow<'a, str>,
    span: SpanDto,
    line: u32,
    column: u32,
}

impl<'a> ClaimDto<'a> {
    /// The claim as written.
    pub(super) fn new(claim: &'a Claim) -> Self {
        let evidence = &claim.evidence;
        ClaimDto {
            id: Cow::Borrowed(&claim.id),
            rule: Cow::Borrowed(&claim.rule),
            kind: Cow::Borrowed(&claim.kind),
            subject: claim.subject.as_ref().map(EntityDto::new),
            object: claim.object.as_ref().map(EntityDto::new),
            scope: ScopeDto {
                year: claim.scope.year,
                region: claim.scope.region.as_deref().map(Cow::Borrowed),
            },
            value: ValueDto::new(&claim.value),
            modality: ModalityDto::new(&claim.modality),
            evidence: EvidenceDto::new(evidence),
            alternate: claim.alternate.as_deref().map(QuantityDto::new),
            cell: claim.cell.as_deref().map(CellDto::new),
            time: claim.time.as_deref().map(TimeDto::new),
            antecedent: claim.antecedent.as_ref().map(|antecedent| AntecedentDto {
                text: Cow::Borrowed(&antecedent.text),
                span: antecedent.span.into(),
                line: antecedent.line,
                column: antecedent.column,
            }),
            alias_link: claim.alias_link.as_ref().map(|link| AliasLinkDto {
                text: Cow::Borrowed(&link.text),
                span: link.span.into(),
                line: link.line,
                column: link.column,
            }),
            stand_in: claim.stand_in.as_deref().map(EntityDto::new),
            source: claim.source.as_deref().map(Cow::Borrowed),
            edition: claim.edition.as_deref().map(Cow::Borrowed),
        }
    }

    /// The claim's stable id, as written.
    pub(super) fn id(&self) -> &str {
        &self.id
    }

    /// The claim the document describes.
    pub(super) fn into_claim(self) -> Claim {
        let evidence = self.evidence;
        Claim {
            id: self.id.into_owned(),
            rule: self.rule.as_ref().into(),
            kind: self.kind.as_ref().into(),
            subject: self.subject.map(EntityDto::into_entity),
            object: self.object.map(EntityDto::into_entity),
            scope: Scope {
                year: self.scope.year,
                region: self.scope.region.map(Cow::into_owned),
            },
            value: self.value.into_value(),
            modality: self.modality.into_modality(),
            evidence: evidence.into_evidence(),
            alternate: self.alternate.map(|quantity| Box::new(quantity.into_quantity())),
            cell: self.cell.map(|cell| Box::new(cell.into_cell())),
            time: self.time.map(|time| Box::new(time.into_time())),
            antecedent: self.antecedent.map(|antecedent| {
                Box::new(Antecedent {
                    text: antecedent.text.into_owned(),
                    span: antecedent.span.into(),
                    line: antecedent.line,
                    column: antecedent.column,
                })
            }),
            alias_link: self.alias_link.map(|link| {
                Box::new(AliasLink {
                    text: link.text.into_owned(),
                    span: link.span.into(),
                    line: link.line,
                    column: link.column,
                })
            }),
            stand_in: self.stand_in.map(|entity| Box::new(entity.into_entity())),
            source: self.source.map(Cow::into_owned),
            edition: self.edition.map(Cow::into_owned),
        }
    }
}

/// A finding. Its enumerations are strings here, not serde enums, so that a reader can say
/// which finding holds an unknown one ([`finding_kind`], [`severity`]).
#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct WireFinding")]
pub(super) struct FindingDto<'a> {
    pub(super) id: Cow<'a, str>,
    pub(super) kind: Cow<'a, str>,
    #[serde(default)]
    pub(super) conflict: Option<Cow<'a, str>>,
    pub(super) severity: Cow<'a, str>,
    pub(super) key: Cow<'a, str>,
    pub(super) reason: Cow<'a, str>,
    pub(super) articles: usize,
    pub(super) claims: Vec<Cow<'a, str>>,
    /// A review annotation of the run that wrote the document; a reader ignores it.
    #[serde(skip_deserializing)]
    status: Option<&'static str>,
    #[serde(default)]
    pub(super) acknowledged: Option<Cow<'a, str>>,
    /// The reference row of a `reference` finding; left out of every other finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) reference: Option<CitationDto<'a>>,
}

/// The reference row a `reference` finding holds its claim against, and the verdict.
#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct WireReference")]
pub(super) struct CitationDto<'a> {
    /// `agrees`, `disagrees` or `other_time`.
    pub(super) verdict: Cow<'a, str>,
    file: Cow<'a, str>,
    line: u32,
    entity: Cow<'a, str>,
    kind: Cow<'a, str>,
    #[serde(default)]
    object: Option<Cow<'a, str>>,
    value: Cow<'a, str>,
    year: i32,
    source: Cow<'a, str>,
    #[serde(default)]
    edition: Option<Cow<'a, str>>,
    #[serde(default)]
    url: Option<Cow<'a, str>>,
    #[serde(default)]
    note: Option<Cow<'a, str>>,
}

impl<'a> CitationDto<'a> {
    fn new(verdict: Verdict, citation: &'a Citation) -> Self {
        let borrowed = |text: &'a Option<String>| text.as_deref().map(Cow::Borrowed);
        CitationDto {
            verdict: Cow::Borrowed(verdict_name(verdict)),
            file: Cow::Borrowed(&citation.file),
            line: citation.line,
            entity: Cow::Borrowed(&citation.entity),
            kind: Cow::Borrowed(&citation.kind),
            object: borrowed(&citation.object),
            value: Cow::Borrowed(&citation.value),
            year: citation.year,
            source: Cow::Borrowed(&citation.source),
            edition: borrowed(&citation.edition),
            url: borrowed(&citation.url),
            note: borrowed(&citation.note),
        }
    }

    /// The row as the reports know it.
    pub(super) fn into_citation(self) -> Citation {
        Citation {
            file: self.file.into_owned(),
            line: self.line,
            entity: self.entity.into_owned(),
            kind: self.kind.into_owned(),
            object: self.object.map(Cow::into_owned),
            value: self.value.into_owned(),
            year: self.year,
            source: self.source.into_owned(),
            edition: self.edition.map(Cow::into_owned),
            url: self.url.map(Cow::into_owned),
            note: self.note.map(Cow::into_owned),
        }
    }
}

/// The wire name of a verdict (`other_time`).
fn verdict_name(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Agrees => "agrees",
        Verdict::Disagrees => "disagrees",
        Verdict::OtherTime => "other_time",
    }
}

impl<'a> FindingDto<'a> {
    fn new(finding: &'a Finding, annotation: Option<&'a Annotation>, claims: &'a [Claim]) -> Self {
        let (kind, conflict) = kind_name(finding.kind);
        FindingDto {
            id: Cow::Borrowed(&finding.id),
            kind: Cow::Borrowed(kind),
            conflict: conflict.map(Cow::Borrowed),
            severity: Cow::Borrowed(severity_name(finding.severity)),
            key: Cow::Borrowed(&finding.key),
            reason: Cow::Borrowed(&finding.reason),
            articles: finding.articles,
            claims: super::finding_claims(finding, claims)
                .map(|claim| Cow::Borrowed(claim.id.as_str()))
                .collect(),
            status: annotation.and_then(|annotation| annotation.status).map(Status::name),
            acknowledged: annotation
                .and_then(|annotation| annotation.acknowledged.as_deref())
                .map(Cow::Borrowed),
            reference: match (finding.kind, &finding.reference) {
                (FindingKind::Reference(verdict), Some(citation)) => Some(CitationDto::new(verdict, citation)),
                _ => None,
            },
        }
    }
}

/// The wire names of a finding kind: `kind`, and `conflict` for a conflict.
fn kind_name(kind: FindingKind) -> (&'static str, Option<&'static str>) {
    match kind {
        FindingKind::Conflict(conflict) => (CONFLICT, Some(conflict_name(conflict))),
        FindingKind::Overlap => ("overlap", None),
        FindingKind::Change => ("change", None),
        FindingKind::SharedWording => ("shared_wording", None),
        FindingKind::Reference(_) => (REFERENCE, None),
    }
}

/// The `kind` of every conflict, whose `conflict` says which.
const CONFLICT: &str = "conflict";
/// The `kind` of every reference check, whose `reference.verdict` says which.
const REFERENCE: &str = "reference";

/// The wire name of a conflict kind (`rank_vs_quantity`).
fn conflict_name(kind: ConflictKind) -> &'static str {
    match kind {
        ConflictKind::Quantity => "quantity",
        ConflictKind::Rank => "rank",
        ConflictKind::Order => "order",
        ConflictKind::RankVsQuantity => "rank_vs_quantity",
        ConflictKind::Stance => "stance",
        ConflictKind::Category => "category",
        ConflictKind::Polarity => "polarity",
        ConflictKind::Change => "change",
    }
}

/// The wire name of a severity (`warning`).
fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

/// The finding kind that the wire strings `kind`, `conflict` and (for a reference check)
/// `reference.verdict` name; `Err` says which string is unknown: `("kind", kind)`, or for a
/// conflict `("conflict kind", conflict)` (`""` when it has none), or for a reference check
/// `("verdict", verdict)`. The inverse of [`kind_name`].
pub(super) fn finding_kind<'s>(
    kind: &'s str,
    conflict: Option<&'s str>,
    verdict: Option<&'s str>,
) -> Result<FindingKind, (&'static str, &'s str)> {
    if kind == REFERENCE {
        let name = verdict.unwrap_or_default();
        return Verdict::ALL
            .into_iter()
            .find(|&known| verdict_name(known) == name)
            .map(FindingKind::Reference)
            .ok_or(("verdict", name));
    }
    if kind == CONFLICT {
        let name = conflict.unwrap_or_default();
        return ConflictKind::ALL
            .into_iter()
            .find(|&known| conflict_name(known) == name)
            .map(FindingKind::Conflict)
            .ok_or(("conflict kind", name));
    }
    [FindingKind::Overlap, FindingKind::Change, FindingKind::SharedWording]
        .into_iter()
        .find(|&known| kind_name(known).0 == kind)
        .ok_or(("kind", kind))
}

/// The severity the wire string `name` names: the inverse of [`severity_name`].
pub(super) fn severity(name: &str) -> Option<Severity> {
    [Severity::Info, Severity::Warning, Severity::Error]
        .into_iter()
        .find(|&known| severity_name(known) == name)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::claim::{Span, Value};

    /// Every value type and modality reads back through the same DTO as the claim it was
    /// written from.
    #[test]
    fn claims_of_every_kind_read_back_as_written() {
        let report = fixture::report();
        let mut claims: Vec<Claim> = report.claims.to_vec();
        let mut claim = report.claims[0].clone();
        claim.modality.polarity = Polarity::Negated;
        claim.modality.negation = Some(Box::new(Cue {
            text: "not".to_owned(),
            span: Span::new(0, 3),
        }));
        claim.scope.region = Some("europe".to_owned());
        claim.subject = None;
        for value in [
            Value::Stance {
                stance: "dependent".to_owned(),
            },
            Value::Category {
                label: "monopoly".to_owned(),
            },
            Value::Statement,
        ] {
            claim.value = value;
            claims.push(claim.clone());
        }
        for claim in claims {
            let json = serde_json::to_string(&ClaimDto::new(&claim)).expect("a claim serialises");
            let read: ClaimDto = serde_json::from_str(&json).expect("a claim reads back");
            assert_eq!(read.into_claim(), claim, "{json}");
        }
    }
}
