//! JSON report: the versioned wire format for machines, written through the DTOs of
//! [`super::wire`], which also read saved reports back. Reports are one pretty-printed document
//! (`report --format json`), claim listings one document (`extract --format json`) or one
//! compact claim per line (`extract --format jsonl`).
//!
//! The tests here hold the format to its documentation: snapshots of each document, and a check
//! that every key the renderers emit is described by `docs/report.schema.json`.

use std::io::{self, Write};

use serde::Serialize;

use crate::claim::Claim;

use super::wire::{ClaimDto, ClaimsDto, ReportDto};
use super::{ArticleInfo, Report, Review};

/// Writes the report, with its review annotations, as one pretty-printed JSON document and a
/// final newline.
pub(super) fn render(report: &Report, review: &Review, out: &mut dyn Write) -> io::Result<()> {
    write_pretty(&ReportDto::new(report, review), out)
}

/// Writes `{"version": 1, "articles": [...], "claims": [...]}`, pretty-printed.
pub(super) fn render_claims(articles: &[ArticleInfo], claims: &[Claim], out: &mut dyn Write) -> io::Result<()> {
    write_pretty(&ClaimsDto::new(articles, claims), out)
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
    use crate::claim::{Cue, Polarity, Span, Value};
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
        claim.modality.negation = Some(Box::new(Cue {
            text: "not".to_owned(),
            span: Span::new(0, 3),
        }));
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
