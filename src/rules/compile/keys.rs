//! Unknown keys as collected problems: a misspelt key is reported with a did-you-mean and
//! left out, and the rest of its file is still read and validated.
//!
//! serde's `deny_unknown_fields` stops at the first unknown key, which would hide every other
//! problem of the file. So a rules file is first parsed into TOML's spanned tree, every table of
//! it is checked against the JSON Schema of [`RuleFile`] (generated from the same serde types,
//! so the two cannot drift), each unknown key is recorded with its span and removed, and only
//! then is the tree deserialised. The serde types keep `deny_unknown_fields`: it is what makes
//! the schema say `additionalProperties: false`, and a safety net should the walk miss a table.

use std::ops::Range;

use serde::Deserialize;
use serde_json::Value as Schema;
use toml::de::{DeTable, DeValue};

use crate::rules::syntax::RuleFile;

/// A key the rules-file format does not have.
pub(super) struct UnknownKey {
    /// The key as written.
    pub(super) key: String,
    /// Where it is in the file.
    pub(super) span: Range<usize>,
    /// The keys its table may hold, in schema order.
    pub(super) expected: Vec<String>,
}

/// The JSON Schema of a rules file that [`parse`] checks keys against.
pub(super) fn schema() -> Schema {
    schemars::schema_for!(RuleFile).to_value()
}

/// Parses one rules file, leaving out (and returning) the keys the format does not have.
pub(super) fn parse(text: &str, schema: &Schema) -> Result<(RuleFile, Vec<UnknownKey>), Vec<toml::de::Error>> {
    let mut root = DeTable::parse(text).map_err(|error| vec![error])?;
    let mut unknown = Vec::new();
    check_table(root.get_mut(), schema, schema, &mut unknown);
    let file = RuleFile::deserialize(toml::de::Deserializer::from(root)).map_err(|error| vec![error])?;
    Ok((file, unknown))
}

/// Checks the keys of `table` against `node`, removing the unknown ones.
fn check_table(table: &mut DeTable<'_>, node: &Schema, root: &Schema, unknown: &mut Vec<UnknownKey>) {
    let node = resolve(node, root);
    if let Some(properties) = node.get("properties").and_then(Schema::as_object) {
        let closed = node.get("additionalProperties") == Some(&Schema::Bool(false));
        if closed {
            let mut kept = DeTable::new();
            for (key, value) in std::mem::take(table) {
                if properties.contains_key(key.get_ref().as_ref()) {
                    kept.insert(key, value);
                } else {
                    unknown.push(UnknownKey {
                        key: key.get_ref().to_string(),
                        span: key.span(),
                        expected: properties.keys().cloned().collect(),
                    });
                }
            }
            *table = kept;
        }
        for (key, value) in table.iter_mut() {
            if let Some(child) = properties.get(key.get_ref().as_ref()) {
                check_value(value.get_mut(), child, root, unknown);
            }
        }
    } else if let Some(values) = node.get("additionalProperties").filter(|values| values.is_object()) {
        for (_, value) in table.iter_mut() {
            check_value(value.get_mut(), values, root, unknown);
        }
    }
}

fn check_value(value: &mut DeValue<'_>, node: &Schema, root: &Schema, unknown: &mut Vec<UnknownKey>) {
    match value {
        DeValue::Table(table) => check_table(table, node, root, unknown),
        DeValue::Array(array) => {
            if let Some(items) = resolve(node, root).get("items") {
                for item in array.iter_mut() {
                    check_value(item.get_mut(), items, root, unknown);
                }
            }
        }
        _ => {}
    }
}

/// `node` with its `$ref` followed and an optional's `null` branch dropped.
fn resolve<'s>(node: &'s Schema, root: &'s Schema) -> &'s Schema {
    let mut node = node;
    for _ in 0..16 {
        if let Some(reference) = node.get("$ref").and_then(Schema::as_str) {
            let Some(target) = reference.strip_prefix('#').and_then(|pointer| root.pointer(pointer)) else {
                return node;
            };
            node = target;
        } else if let Some(branches) = node
            .get("anyOf")
            .or_else(|| node.get("oneOf"))
            .and_then(Schema::as_array)
        {
            let Some(branch) = branches
                .iter()
                .find(|branch| branch.get("type").and_then(Schema::as_str) != Some("null"))
            else {
                return node;
            };
            node = branch;
        } else {
            return node;
        }
    }
    node
}
