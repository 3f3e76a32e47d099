//! JSON report: the versioned wire format for machines, documented in `docs/report-format.md`
//! and `docs/report.schema.json`.
//!
//! The document is `{"version": 1, "tool": "crosscheck", "summary", "articles", "claims",
//! "findings"}`; findings name their claims by stable claim id, never by index or line.
//!
//! Design: everything goes through the borrowed DTO structs below (`ReportDto`, `ClaimDto`, …),
//! which spell out every field name and every enum string by hand. The internal types
//! ([`Claim`], [`Finding`]) may be renamed or reshaped freely; only an edit to this file can
//! change the wire format, and the schema test catches one that forgets the schema. Every key is
//! always present (absent values are `null`), except `summary.elapsed_ms`, which is left out when
//! the run was not timed, so snapshots stay deterministic. Order is the input order, which the
//! pipeline makes deterministic.

use std::io::{self, Write};

use serde::Serialize;

use crate::claim::{Bound, Claim, Cue, Entity, Modality, Polarity, Relation, Span, Value};
use crate::finding::{ConflictKind, Finding, FindingKind, Severity};

use super::{Annotation, ArticleInfo, Counts, Report, Review, Status};

/// Version of the wire format. Additive changes (new keys, new enum strings) keep it; renaming
/// or removing a key or changing a type bumps it.
pub(super) const VERSION: u32 = 1;

#[derive(Serialize)]
struct ReportDto<'a> {
    version: u32,
    tool: &'static str,
    summary: SummaryDto,
    articles: Vec<ArticleDto<'a>>,
    claims: Vec<ClaimDto<'a>>,
    findings: Vec<FindingDto<'a>>,
}

#[derive(Serialize)]
struct ClaimsDto<'a> {
    version: u32,
    articles: Vec<ArticleDto<'a>>,
    claims: Vec<ClaimDto<'a>>,
}

#[derive(Serialize)]
struct SummaryDto {
    articles: usize,
    claims: usize,
    findings: usize,
    overlaps: usize,
    conflicts: usize,
    errors: usize,
    warnings: usize,
    changes: usize,
    shared_wording: usize,
    acknowledged: usize,
    new: Option<usize>,
    resolved: Option<usize>,
    unchanged: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    elapsed_ms: Option<u64>,
}

#[derive(Serialize)]
struct ArticleDto<'a> {
    path: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
}

impl<'a> ArticleDto<'a> {
    fn new(article: &'a ArticleInfo) -> Self {
        let meta = &article.meta;
        ArticleDto {
            path: &article.path,
            title: meta.title.as_deref(),
            outlet: meta.outlet.as_deref(),
            date: meta.date.as_deref(),
            url: meta.url.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct SpanDto {
    start: usize,
    end: usize,
}

impl From<Span> for SpanDto {
    fn from(span: Span) -> Self {
        SpanDto {
            start: span.start,
            end: span.end,
        }
    }
}

#[derive(Serialize)]
struct EntityDto<'a> {
    id: &'a str,
    lexicon: &'a str,
    text: &'a str,
    span: SpanDto,
}

impl<'a> EntityDto<'a> {
    fn new(entity: &'a Entity) -> Self {
        EntityDto {
            id: &entity.id,
            lexicon: &entity.lexicon,
            text: &entity.text,
            span: entity.span.into(),
        }
    }
}

#[derive(Serialize)]
struct ScopeDto<'a> {
    year: Option<i32>,
    region: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum ValueDto<'a> {
    Quantity {
        value: f64,
        low: Option<f64>,
        high: Option<f64>,
        unit: &'a str,
        bound: &'static str,
        text: &'a str,
        span: SpanDto,
    },
    Rank {
        best: u32,
        worst: u32,
        text: &'a str,
        span: SpanDto,
    },
    Order {
        relation: &'static str,
        than: EntityDto<'a>,
        text: &'a str,
        span: SpanDto,
    },
    Stance {
        stance: &'a str,
    },
    Category {
        label: &'a str,
    },
    Statement {},
}

impl<'a> ValueDto<'a> {
    fn new(value: &'a Value) -> Self {
        match value {
            Value::Quantity(quantity) => ValueDto::Quantity {
                value: quantity.value,
                low: quantity.low,
                high: quantity.high,
                unit: &quantity.unit,
                bound: match quantity.bound {
                    Bound::Exact => "exact",
                    Bound::Approximate => "approximate",
                    Bound::AtLeast => "at_least",
                    Bound::MoreThan => "more_than",
                    Bound::AtMost => "at_most",
                    Bound::LessThan => "less_than",
                    Bound::Range => "range",
                },
                text: &quantity.text,
                span: quantity.span.into(),
            },
            Value::Rank(rank) => ValueDto::Rank {
                best: rank.best,
                worst: rank.worst,
                text: &rank.text,
                span: rank.span.into(),
            },
            Value::Order(order) => ValueDto::Order {
                relation: match order.relation {
                    Relation::Greater => "greater",
                    Relation::Less => "less",
                },
                than: EntityDto::new(&order.than),
                text: &order.text,
                span: order.span.into(),
            },
            Value::Stance { stance } => ValueDto::Stance { stance },
            Value::Category { label } => ValueDto::Category { label },
            Value::Statement => ValueDto::Statement {},
        }
    }
}

#[derive(Serialize)]
struct CueDto<'a> {
    text: &'a str,
    span: SpanDto,
}

impl<'a> CueDto<'a> {
    fn new(cue: &'a Cue) -> Self {
        CueDto {
            text: &cue.text,
            span: cue.span.into(),
        }
    }
}

#[derive(Serialize)]
struct AttributionDto<'a> {
    speaker: &'a str,
    cue: CueDto<'a>,
}

#[derive(Serialize)]
struct ModalityDto<'a> {
    label: &'static str,
    polarity: &'static str,
    negation: Option<CueDto<'a>>,
    hedge: Option<CueDto<'a>>,
    attribution: Option<AttributionDto<'a>>,
}

impl<'a> ModalityDto<'a> {
    fn new(modality: &'a Modality) -> Self {
        ModalityDto {
            label: modality.label(),
            polarity: match modality.polarity {
                Polarity::Asserted => "asserted",
                Polarity::Negated => "negated",
            },
            negation: modality.negation.as_ref().map(CueDto::new),
            hedge: modality.hedge.as_ref().map(CueDto::new),
            attribution: modality.attribution.as_ref().map(|attribution| AttributionDto {
                speaker: &attribution.speaker,
                cue: CueDto::new(&attribution.cue),
            }),
        }
    }
}

#[derive(Serialize)]
struct EvidenceDto<'a> {
    path: &'a str,
    line: u32,
    column: u32,
    span: SpanDto,
    quote: &'a str,
    sentence: &'a str,
    sentence_span: SpanDto,
}

#[derive(Serialize)]
struct ClaimDto<'a> {
    id: &'a str,
    rule: &'a str,
    kind: &'a str,
    subject: Option<EntityDto<'a>>,
    object: Option<EntityDto<'a>>,
    scope: ScopeDto<'a>,
    value: ValueDto<'a>,
    modality: ModalityDto<'a>,
    evidence: EvidenceDto<'a>,
    /// The figure restated in parentheses ("$4.2bn (£3.3bn)"), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    alternate: Option<&'a crate::claim::Quantity>,
    /// The table cell or list item the claim was read from.
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<&'a crate::claim::Cell>,
}

impl<'a> ClaimDto<'a> {
    fn new(claim: &'a Claim) -> Self {
        let evidence = &claim.evidence;
        ClaimDto {
            id: &claim.id,
            rule: &claim.rule,
            kind: &claim.kind,
            subject: claim.subject.as_ref().map(EntityDto::new),
            object: claim.object.as_ref().map(EntityDto::new),
            scope: ScopeDto {
                year: claim.scope.year,
                region: claim.scope.region.as_deref(),
            },
            value: ValueDto::new(&claim.value),
            modality: ModalityDto::new(&claim.modality),
            evidence: EvidenceDto {
                path: &evidence.path,
                line: evidence.line,
                column: evidence.column,
                span: evidence.span.into(),
                quote: &evidence.quote,
                sentence: &evidence.sentence,
                sentence_span: evidence.sentence_span.into(),
            },
            alternate: claim.alternate.as_ref(),
            cell: claim.cell.as_ref(),
        }
    }
}

#[derive(Serialize)]
struct FindingDto<'a> {
    id: &'a str,
    kind: &'static str,
    conflict: Option<&'static str>,
    severity: &'static str,
    key: &'a str,
    reason: &'a str,
    articles: usize,
    claims: Vec<&'a str>,
    status: Option<&'static str>,
    acknowledged: Option<&'a str>,
}

impl<'a> FindingDto<'a> {
    fn new(finding: &'a Finding, annotation: Option<&'a Annotation>, claims: &'a [Claim]) -> Self {
        let (kind, conflict) = match finding.kind {
            FindingKind::Conflict(conflict) => ("conflict", Some(conflict_name(conflict))),
            FindingKind::Overlap => ("overlap", None),
            FindingKind::Change => ("change", None),
            FindingKind::SharedWording => ("shared_wording", None),
        };
        FindingDto {
            id: &finding.id,
            kind,
            conflict,
            severity: match finding.severity {
                Severity::Info => "info",
                Severity::Warning => "warning",
                Severity::Error => "error",
            },
            key: &finding.key,
            reason: &finding.reason,
            articles: finding.articles,
            claims: super::finding_claims(finding, claims)
                .map(|claim| claim.id.as_str())
                .collect(),
            status: annotation.and_then(|annotation| annotation.status).map(Status::name),
            acknowledged: annotation.and_then(|annotation| annotation.acknowledged.as_deref()),
        }
    }
}

/// The wire name of a conflict kind (`rank_vs_quantity`).
pub(super) fn conflict_name(kind: ConflictKind) -> &'static str {
    match kind {
        ConflictKind::Quantity => "quantity",
        ConflictKind::Rank => "rank",
        ConflictKind::Order => "order",
        ConflictKind::RankVsQuantity => "rank_vs_quantity",
        ConflictKind::Stance => "stance",
        ConflictKind::Category => "category",
        ConflictKind::Polarity => "polarity",
    }
}

/// Writes the report, with its review annotations, as one pretty-printed JSON document and a
/// final newline.
pub(super) fn render(report: &Report, review: &Review, out: &mut dyn Write) -> io::Result<()> {
    let counts = Counts::new(report.findings);
    let document = ReportDto {
        version: VERSION,
        tool: "crosscheck",
        summary: SummaryDto {
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
        },
        articles: report.articles.iter().map(ArticleDto::new).collect(),
        claims: report.claims.iter().map(ClaimDto::new).collect(),
        findings: report
            .findings
            .iter()
            .enumerate()
            .map(|(index, finding)| FindingDto::new(finding, review.annotation(index), report.claims))
            .collect(),
    };
    write_pretty(&document, out)
}

/// Writes `{"version": 1, "articles": [...], "claims": [...]}`, pretty-printed.
pub(super) fn render_claims(articles: &[ArticleInfo], claims: &[Claim], out: &mut dyn Write) -> io::Result<()> {
    let document = ClaimsDto {
        version: VERSION,
        articles: articles.iter().map(ArticleDto::new).collect(),
        claims: claims.iter().map(ClaimDto::new).collect(),
    };
    write_pretty(&document, out)
}

/// Writes one claim per line, as compact JSON.
pub(super) fn render_claims_lines(claims: &[Claim], out: &mut dyn Write) -> io::Result<()> {
    for claim in claims {
        serde_json::to_writer(&mut *out, &ClaimDto::new(claim))?;
        writeln!(out)?;
    }
    Ok(())
}

fn write_pretty(document: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, document)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use serde_json::{Map, Value as Json};

    use super::super::fixture::{self, assert_snapshot};
    use super::super::json;
    use super::*;
    use crate::report::{ClaimFormat, Format, RenderOptions, render, render_claims};

    const SCHEMA: &str = include_str!("../../docs/report.schema.json");

    fn report_json() -> String {
        let mut out = Vec::new();
        render(&fixture::report(), Format::Json, &mut out, &RenderOptions::default()).expect("writing to a Vec");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    fn claims_output(format: ClaimFormat) -> String {
        let report = fixture::report();
        let mut out = Vec::new();
        render_claims(
            report.articles,
            report.claims,
            format,
            &mut out,
            &RenderOptions::default(),
        )
        .expect("writing to a Vec");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    #[test]
    fn json_report() {
        assert_snapshot("json", &report_json());
    }

    #[test]
    fn claims_json() {
        assert_snapshot("claims_json", &claims_output(ClaimFormat::Json));
    }

    #[test]
    fn claims_jsonl() {
        let output = claims_output(ClaimFormat::Jsonl);
        assert_eq!(output.lines().count(), fixture::report().claims.len());
        for line in output.lines() {
            serde_json::from_str::<Json>(line).expect("each line is a JSON document");
        }
        assert_snapshot("claims_jsonl", &output);
    }

    #[test]
    fn json_parses_back_with_the_documented_keys() {
        let document: Json = serde_json::from_str(&report_json()).expect("the report is JSON");
        let keys: Vec<&str> = document
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["version", "tool", "summary", "articles", "claims", "findings"]);
        assert_eq!(document["version"], 1);
        assert_eq!(document["tool"], "crosscheck");
        assert!(
            document["summary"].get("elapsed_ms").is_none(),
            "untimed runs leave elapsed_ms out"
        );

        let claim_ids: Vec<&Json> = document["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .map(|c| &c["id"])
            .collect();
        for finding in document["findings"].as_array().expect("findings") {
            for id in finding["claims"].as_array().expect("finding claims") {
                assert!(
                    claim_ids.contains(&id),
                    "finding {} names unknown claim {id}",
                    finding["id"]
                );
            }
        }

        let documentation = include_str!("../../docs/report-format.md");
        for key in [
            "version",
            "tool",
            "summary",
            "articles",
            "claims",
            "findings",
            "elapsed_ms",
        ] {
            assert!(
                documentation.contains(&format!("`{key}`")),
                "docs/report-format.md does not document `{key}`"
            );
        }
    }

    #[test]
    fn elapsed_ms_appears_when_timed() {
        let mut report = fixture::report();
        report.summary.elapsed = Some(std::time::Duration::from_millis(1234));
        let mut out = Vec::new();
        render(&report, Format::Json, &mut out, &RenderOptions::default()).expect("writing to a Vec");
        let document: Json = serde_json::from_slice(&out).expect("JSON");
        assert_eq!(document["summary"]["elapsed_ms"], 1234);
        check_schema(&document);
    }

    /// Every key the renderers emit is described by `docs/report.schema.json` at the same place,
    /// and every value has the type (and enum/const value) the schema gives it.
    #[test]
    fn schema_describes_every_emitted_key() {
        let document: Json = serde_json::from_str(&report_json()).expect("JSON");
        check_schema(&document);

        // Claims of every value type and modality, beyond what the fixture holds.
        let schema: Json = serde_json::from_str(SCHEMA).expect("the schema is JSON");
        let claim_schema = &schema["$defs"]["claim"];
        let mut claim = fixture::report().claims[0].clone();
        claim.modality.polarity = Polarity::Negated;
        claim.modality.negation = Some(Cue {
            text: "not".to_owned(),
            span: Span::new(0, 3),
        });
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
            claim.subject = None;
            claim.scope.region = Some("europe".to_owned());
            let json = serde_json::to_value(ClaimDto::new(&claim)).expect("a claim serialises");
            let mut errors = Vec::new();
            walk(&json, claim_schema, &schema, "claim", &mut errors);
            assert!(errors.is_empty(), "{}", errors.join("\n"));
        }

        let mut out = Vec::new();
        let report = fixture::report();
        json::render_claims(report.articles, report.claims, &mut out).expect("writing to a Vec");
        let claims: Json = serde_json::from_slice(&out).expect("JSON");
        let mut errors = Vec::new();
        walk(
            &claims,
            &schema["$defs"]["claim_list"],
            &schema,
            "claim_list",
            &mut errors,
        );
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }

    fn check_schema(document: &Json) {
        let schema: Json = serde_json::from_str(SCHEMA).expect("the schema is JSON");
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        let mut errors = Vec::new();
        walk(document, &schema, &schema, "$", &mut errors);
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }

    /// A small JSON Schema walker covering what our schema uses: `$ref`, `oneOf`, `type`,
    /// `const`, `enum`, `properties`, `required` and `items`. Stricter than the schema itself,
    /// which leaves objects open so that additive changes keep version 1 valid for old
    /// consumers: here a key missing from `properties` is an error.
    fn walk(value: &Json, node: &Json, root: &Json, path: &str, errors: &mut Vec<String>) {
        let node = resolve(node, root);
        if let Some(branches) = node.get("oneOf").and_then(Json::as_array) {
            let matching = branches
                .iter()
                .filter(|branch| {
                    let mut branch_errors = Vec::new();
                    walk(value, branch, root, path, &mut branch_errors);
                    branch_errors.is_empty()
                })
                .count();
            if matching != 1 {
                errors.push(format!("{path}: {matching} branches of oneOf match {value}"));
            }
        }
        if let Some(expected) = node.get("const") {
            if expected != value {
                errors.push(format!("{path}: {value} is not the const {expected}"));
            }
        }
        if let Some(allowed) = node.get("enum").and_then(Json::as_array) {
            if !allowed.contains(value) {
                errors.push(format!("{path}: {value} is not one of {allowed:?}"));
            }
        }
        if let Some(types) = node.get("type") {
            let types: Vec<&str> = match types {
                Json::String(single) => vec![single.as_str()],
                Json::Array(many) => many.iter().filter_map(Json::as_str).collect(),
                _ => Vec::new(),
            };
            if !types.iter().any(|&name| has_type(value, name)) {
                errors.push(format!("{path}: {value} is not of type {types:?}"));
            }
        }
        match value {
            Json::Object(object) => walk_object(object, node, root, path, errors),
            Json::Array(items) => {
                if let Some(item_schema) = node.get("items") {
                    for (index, item) in items.iter().enumerate() {
                        walk(item, item_schema, root, &format!("{path}[{index}]"), errors);
                    }
                }
            }
            _ => {}
        }
    }

    fn walk_object(object: &Map<String, Json>, node: &Json, root: &Json, path: &str, errors: &mut Vec<String>) {
        if node.get("oneOf").is_some() && node.get("properties").is_none() {
            return; // The branches were walked.
        }
        let properties = node.get("properties").and_then(Json::as_object);
        for (key, item) in object {
            match properties.and_then(|properties| properties.get(key)) {
                Some(item_schema) => {
                    walk(item, item_schema, root, &format!("{path}.{key}"), errors);
                }
                None => errors.push(format!("{path}.{key} is not in the schema")),
            }
        }
        for required in node.get("required").and_then(Json::as_array).into_iter().flatten() {
            let required = required.as_str().unwrap_or_default();
            if !object.contains_key(required) {
                errors.push(format!("{path}: required key {required} is missing"));
            }
        }
    }

    fn resolve<'a>(node: &'a Json, root: &'a Json) -> &'a Json {
        match node
            .get("$ref")
            .and_then(Json::as_str)
            .and_then(|reference| reference.strip_prefix("#/"))
        {
            Some(pointer) => resolve(root.pointer(&format!("/{pointer}")).unwrap_or(&Json::Null), root),
            None => node,
        }
    }

    fn has_type(value: &Json, name: &str) -> bool {
        match name {
            "null" => value.is_null(),
            "boolean" => value.is_boolean(),
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "object" => value.is_object(),
            "array" => value.is_array(),
            _ => false,
        }
    }
}
