//! Rule-authoring tools: `explain`, the lints of `check`, and `schema`.
//!
//! Fixtures live in `tests/fixtures/authoring/`: `explain/` (rules and an article), and one
//! rules directory per lint (`lint-NAME/`), each snapshotted as rendered warnings.

use serde_json::Value;

use crate::{crosscheck, fixture, root, snapshot};

const EXPLAIN_RULES: &str = "tests/fixtures/authoring/explain";

fn explain(args: &[&str]) -> String {
    let mut all = vec!["explain", "--rules", EXPLAIN_RULES];
    all.extend_from_slice(args);
    let run = crosscheck(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

#[test]
fn explain_a_match() {
    snapshot!(
        "explain_match",
        explain(&[
            "--text",
            "Russia holds 28.7 million tonnes of rare-earth reserves, according to the USGS."
        ])
    );
}

#[test]
fn explain_a_near_miss() {
    let text = "Russia holds 28.7 million tonnes of rare earths in its mines.";
    snapshot!("explain_near_miss", explain(&["--text", text]));
    snapshot!("explain_near_miss_json", explain(&["--text", text, "--format", "json"]));
}

#[test]
fn explain_a_negated_sentence() {
    snapshot!(
        "explain_negated",
        explain(&["--text", "China does not hold the largest lithium reserves."])
    );
}

#[test]
fn explain_one_line_of_a_file() {
    let output = explain(&["tests/fixtures/authoring/explain/article.md:7"]);
    assert!(
        output.starts_with("tests/fixtures/authoring/explain/article.md\nsentence at 7:1: China"),
        "{output}"
    );
    assert_eq!(output.matches("sentence at").count(), 1, "{output}");
    let whole = explain(&["tests/fixtures/authoring/explain/article.md"]);
    assert_eq!(
        whole.matches("sentence at").count(),
        3,
        "title and two sentences: {whole}"
    );
    assert!(!whole.contains("title: Reserves"), "front matter is not prose: {whole}");
}

#[test]
fn explain_reports_bad_targets() {
    let run = crosscheck(&[
        "explain",
        "--rules",
        EXPLAIN_RULES,
        "tests/fixtures/authoring/explain/article.md:99",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("line 99 is out of range: the file has 7 lines"),
        "{}",
        run.stderr
    );
    let run = crosscheck(&["explain", "--rules", EXPLAIN_RULES, "no/such/article.md"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no/such/article.md"), "{}", run.stderr);
    let run = crosscheck(&[
        "explain",
        "--rules",
        EXPLAIN_RULES,
        "tests/fixtures/authoring/explain/article.md:0",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("line numbers start at 1"), "{}", run.stderr);
}

/// Each lint fixture warns (exit 0), and its rendered warnings are snapshotted.
#[test]
fn each_lint_warns() {
    let lints = [
        "ambiguous-alias",
        "shadowed-alias",
        "unused-lexicon",
        "impossible-template",
        "duplicate-rule",
        "no-examples",
    ];
    for lint in lints {
        let dir = format!("tests/fixtures/authoring/lint-{lint}");
        let run = crosscheck(&["check", "--rules", &dir]);
        assert_eq!(run.code, 0, "{lint}: warnings keep exit 0: {}", run.stderr);
        assert!(run.stderr.contains("warning: "), "{lint}: {}", run.stderr);
        assert!(!run.stderr.contains("error"), "{lint}: {}", run.stderr);
        snapshot!(format!("lint_{lint}"), run.stderr);
    }
    let on_disk = std::fs::read_dir(fixture("authoring"))
        .expect("fixtures")
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().starts_with("lint-"))
        .count();
    assert_eq!(on_disk, lints.len(), "every lint fixture directory is tested");
}

#[test]
fn schema_output() {
    let run = crosscheck(&["schema"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snapshot!("schema", run.stdout.clone());
    let committed = std::fs::read_to_string(root().join("docs/rules.schema.json")).expect("docs/rules.schema.json");
    assert_eq!(
        committed, run.stdout,
        "docs/rules.schema.json is stale: run `crosscheck schema --output docs/rules.schema.json`"
    );
}

fn schema() -> Value {
    let run = crosscheck(&["schema"]);
    serde_json::from_str(&run.stdout).expect("the schema is JSON")
}

fn toml_as_json(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path).expect("rules file reads");
    let value: toml::Value = toml::from_str(&text).expect("rules file is TOML");
    serde_json::to_value(value).expect("TOML converts to JSON")
}

/// Every bundled rules file and every valid fixture validates against the schema.
#[test]
fn bundled_rules_validate_against_the_schema() {
    let schema = schema();
    let mut paths: Vec<_> = std::fs::read_dir(root().join("rules"))
        .expect("rules/")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "toml"))
        .collect();
    assert!(!paths.is_empty());
    paths.push(fixture("authoring/explain/rules.toml"));
    paths.push(fixture("authoring/lint-impossible-template/rules.toml"));
    for path in paths {
        let errors = validate(&schema, &schema, &toml_as_json(&path), "");
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

/// The validator is not vacuous: what serde rejects, the schema rejects.
#[test]
fn the_schema_rejects_what_the_parser_rejects() {
    let schema = schema();
    for (text, expected) in [
        (
            "[[rule]]\nid = \"a\"\nkind = \"k\"\ncompare = \"quantity\"\npattern = [\"x\"]",
            "/rule/0: unknown property `pattern`",
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"k\"\ncompare = \"amount\"\npatterns = [\"x\"]",
            "/rule/0/compare",
        ),
        (
            "[lexicon.country]\nfuzy = 0.9",
            "/lexicon/country: unknown property `fuzy`",
        ),
        (
            "[lexicon.country]\nfuzzy = 1.5",
            "/lexicon/country/fuzzy: 1.5 is above the maximum 1",
        ),
        (
            "[lexicon.country.entries]\nrussia = \"Russia\"",
            "/lexicon/country/entries/russia: expected array",
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"k\"\ncompare = \"rank\"\npatterns = [\"x\"]\nexamples = [{ text = \"t\", modality = \"certain\" }]",
            "/rule/0/examples/0/modality: \"certain\" is not one of",
        ),
    ] {
        let value: toml::Value = toml::from_str(text).expect("TOML");
        let instance = serde_json::to_value(value).expect("JSON");
        let errors = validate(&schema, &schema, &instance, "");
        assert!(
            errors.iter().any(|error| error.starts_with(expected)),
            "{text}\nexpected an error starting with {expected:?}, got {errors:#?}"
        );
    }
    let errors = validate(
        &schema,
        &schema,
        &toml_as_json(&fixture("bad-rules/unknown-field.toml")),
        "",
    );
    assert!(!errors.is_empty(), "bad-rules/unknown-field.toml must not validate");
}

/// A validator for the subset of JSON Schema (draft-07) that schemars emits here: `type`
/// (one or a list), `properties`, `required`, `additionalProperties` (false or a schema),
/// `items`, `enum`, `const`, `minimum`, `maximum`, `$ref` to `#/definitions/…`, `allOf`,
/// `anyOf` and `oneOf`. `format` and annotations (`description`, `default`) are ignored.
/// Any other keyword fails the test, so the validator cannot silently skip a constraint.
fn validate(root: &Value, schema: &Value, instance: &Value, at: &str) -> Vec<String> {
    const KNOWN: &[&str] = &[
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "enum",
        "const",
        "minimum",
        "maximum",
        "$ref",
        "allOf",
        "anyOf",
        "oneOf",
        "format",
        "description",
        "default",
        "title",
        "$schema",
        "definitions",
    ];
    let Value::Object(schema) = schema else {
        panic!("schema at {at} is not an object");
    };
    for key in schema.keys() {
        assert!(
            KNOWN.contains(&key.as_str()),
            "the test validator does not know `{key}`"
        );
    }
    let mut errors = Vec::new();
    if let Some(Value::String(reference)) = schema.get("$ref") {
        let name = reference.strip_prefix("#/definitions/").expect("local reference");
        errors.extend(validate(root, &root["definitions"][name], instance, at));
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
            _ => panic!("bad type at {at}"),
        };
        let fits = types.iter().any(|kind| match *kind {
            "object" => instance.is_object(),
            "array" => instance.is_array(),
            "string" => instance.is_string(),
            "integer" => instance.is_i64() || instance.is_u64(),
            "number" => instance.is_number(),
            "boolean" => instance.is_boolean(),
            "null" => instance.is_null(),
            other => panic!("unknown type {other}"),
        });
        if !fits {
            errors.push(format!("{at}: expected {}, found {instance}", types.join(" or ")));
            return errors;
        }
    }
    if let Some(Value::Array(allowed)) = schema.get("enum")
        && !allowed.contains(instance)
    {
        errors.push(format!("{at}: {instance} is not one of {allowed:?}"));
    }
    if let Some(constant) = schema.get("const")
        && constant != instance
    {
        errors.push(format!("{at}: {instance} is not {constant}"));
    }
    if let (Some(minimum), Some(number)) = (schema.get("minimum").and_then(Value::as_f64), instance.as_f64())
        && number < minimum
    {
        errors.push(format!("{at}: {number} is below the minimum {minimum}"));
    }
    if let (Some(maximum), Some(number)) = (schema.get("maximum").and_then(Value::as_f64), instance.as_f64())
        && number > maximum
    {
        errors.push(format!("{at}: {number} is above the maximum {maximum}"));
    }
    if let Value::Object(object) = instance {
        let properties = schema.get("properties").and_then(Value::as_object);
        if let Some(Value::Array(required)) = schema.get("required") {
            for name in required.iter().filter_map(Value::as_str) {
                if !object.contains_key(name) {
                    errors.push(format!("{at}: missing required property `{name}`"));
                }
            }
        }
        for (key, value) in object {
            let path = format!("{at}/{key}");
            if let Some(property) = properties.and_then(|properties| properties.get(key)) {
                errors.extend(validate(root, property, value, &path));
            } else {
                match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => errors.push(format!("{at}: unknown property `{key}`")),
                    Some(additional @ Value::Object(_)) => errors.extend(validate(root, additional, value, &path)),
                    _ => {}
                }
            }
        }
    }
    if let (Some(items), Value::Array(array)) = (schema.get("items"), instance) {
        for (index, item) in array.iter().enumerate() {
            errors.extend(validate(root, items, item, &format!("{at}/{index}")));
        }
    }
    if let Some(Value::Array(all)) = schema.get("allOf") {
        for branch in all {
            errors.extend(validate(root, branch, instance, at));
        }
    }
    if let Some(Value::Array(any)) = schema.get("anyOf")
        && !any.iter().any(|branch| validate(root, branch, instance, at).is_empty())
    {
        errors.push(format!("{at}: {instance} matches none of anyOf"));
    }
    if let Some(Value::Array(one)) = schema.get("oneOf") {
        let fitting = one
            .iter()
            .filter(|branch| validate(root, branch, instance, at).is_empty())
            .count();
        if fitting != 1 {
            errors.push(format!(
                "{at}: {instance} matches {fitting} branches of oneOf, not exactly one"
            ));
        }
    }
    errors
}
