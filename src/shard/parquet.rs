//! Claims as Parquet shards: schema `claims/1` (see `docs/claims-parquet.md`).
//!
//! A claim is written as the JSON value of its `--format jsonl` line
//! ([`crate::report::claim_to_json`]), reshaped into the shard's row — the grouping key's five
//! parts first as plain columns (`kind`, `subject`, `object`, `region`, `year`), the value as a
//! struct with one field per value type, modality and evidence as structs — and that row is put
//! into Arrow columns by the schema below. Reading goes back the same way: Arrow columns → the
//! row → the wire JSON value → [`crate::report::claim_from_json`], the conversion
//! `report::read_claims` uses. The schema is strict both ways: a key of the wire model that no
//! column holds is an error when writing (so a new field cannot be dropped silently), and a
//! shard whose columns differ from `claims/1` is an error when reading.
//!
//! Output is deterministic: rows in the order the claims are handed over (path order), one
//! shard per chunk of files, named `claims-00000.parquet`, `claims-00001.parquet`, …, and the
//! same claims always give the same bytes (no timestamps; the writer's version string only).
//! The command writes the shards through [`crate::output::Directory`]: into a temporary
//! directory beside the target, put in place only when every shard is written, so a failed run
//! never replaces an earlier output. Files are opened by the caller (the module reads and
//! writes what it is handed).

use std::io::Write;
use std::sync::{Arc, LazyLock};

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int32Type, Int64Type};
use arrow_array::{
    Array, ArrayRef, Float64Array, Int32Array, Int64Array, ListArray, RecordBatch, StringArray, StructArray,
};
use arrow_buffer::{NullBuffer, OffsetBuffer};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use parquet::format::KeyValue;
use rayon::prelude::*;
use serde_json::{Map, Value};

use super::{SCHEMA_KEY, SCHEMA_VERSION, ShardError};
use crate::claim::Claim;

/// Claims converted at a time, each way. The conversion goes through each claim's JSON value
/// column by column, so a batch's values must stay in the processor's cache: at 8,192 claims a
/// batch, writing and reading ran ten times slower than JSON Lines (benches/shards.rs).
const BATCH: usize = 256;

/// Batches converted in parallel before they are written in order: bounds the values held.
const BATCHES_AT_ONCE: usize = 64;

/// Files whose claims go into one shard, unless `--shard-files` says otherwise.
pub const DEFAULT_SHARD_FILES: usize = 1024;

/// The value types whose fields are a struct of their own under `value`.
const STRUCT_VALUES: [&str; 4] = ["quantity", "rank", "order", "change"];

fn field(name: &str, data_type: DataType, nullable: bool) -> Field {
    Field::new(name, data_type, nullable)
}

fn utf8(name: &str, nullable: bool) -> Field {
    field(name, DataType::Utf8, nullable)
}

fn int64(name: &str, nullable: bool) -> Field {
    field(name, DataType::Int64, nullable)
}

fn structure(name: &str, fields: Vec<Field>, nullable: bool) -> Field {
    field(name, DataType::Struct(Fields::from(fields)), nullable)
}

/// `{start, end}`: byte offsets into the article's text.
fn span(name: &str, nullable: bool) -> Field {
    structure(name, vec![int64("start", false), int64("end", false)], nullable)
}

/// An entity as the wire model writes it; `with_id` false for the subject and object, whose
/// ids are the key columns.
fn entity(name: &str, with_id: bool, nullable: bool) -> Field {
    let mut fields = Vec::with_capacity(4);
    if with_id {
        fields.push(utf8("id", false));
    }
    fields.extend([utf8("lexicon", false), utf8("text", false), span("span", false)]);
    structure(name, fields, nullable)
}

fn quantity(name: &str) -> Field {
    structure(
        name,
        vec![
            field("value", DataType::Float64, false),
            field("low", DataType::Float64, true),
            field("high", DataType::Float64, true),
            utf8("unit", false),
            utf8("bound", false),
            utf8("text", false),
            span("span", false),
            utf8("noun", true),
        ],
        true,
    )
}

fn cue(name: &str, nullable: bool) -> Field {
    structure(name, vec![utf8("text", false), span("span", false)], nullable)
}

/// Text found elsewhere in the article: an antecedent or an alias link.
fn located(name: &str) -> Field {
    structure(
        name,
        vec![
            utf8("text", false),
            span("span", false),
            int64("line", false),
            int64("column", false),
        ],
        true,
    )
}

fn value() -> Field {
    structure(
        "value",
        vec![
            utf8("type", false),
            quantity("quantity"),
            structure(
                "rank",
                vec![
                    int64("best", false),
                    int64("worst", false),
                    utf8("text", false),
                    span("span", false),
                    utf8("within", true),
                    field("alternatives", DataType::List(Arc::new(utf8("item", false))), true),
                ],
                true,
            ),
            structure(
                "order",
                vec![
                    utf8("relation", false),
                    entity("than", true, false),
                    utf8("text", false),
                    span("span", false),
                ],
                true,
            ),
            structure(
                "change",
                vec![
                    utf8("direction", false),
                    quantity("by"),
                    field("factor", DataType::Float64, true),
                    quantity("from"),
                    quantity("to"),
                    utf8("text", false),
                    span("span", false),
                ],
                true,
            ),
            utf8("stance", true),
            utf8("label", true),
        ],
        false,
    )
}

/// The Arrow schema of `claims/1`, its version in the key-value metadata.
pub fn schema() -> SchemaRef {
    static SCHEMA: LazyLock<SchemaRef> = LazyLock::new(|| {
        let fields = vec![
            utf8("kind", false),
            utf8("subject", true),
            utf8("object", true),
            utf8("region", true),
            field("year", DataType::Int32, true),
            utf8("id", false),
            utf8("rule", false),
            value(),
            structure(
                "modality",
                vec![
                    utf8("label", false),
                    utf8("polarity", false),
                    cue("negation", true),
                    cue("hedge", true),
                    structure("attribution", vec![utf8("speaker", false), cue("cue", false)], true),
                ],
                false,
            ),
            structure(
                "evidence",
                vec![
                    utf8("path", false),
                    int64("line", false),
                    int64("column", false),
                    span("span", false),
                    utf8("quote", false),
                    utf8("sentence", false),
                    span("sentence_span", false),
                    span("sentence_window", true),
                ],
                false,
            ),
            entity("subject_entity", false, true),
            entity("object_entity", false, true),
            quantity("alternate"),
            structure(
                "cell",
                vec![
                    utf8("structure", false),
                    int64("row", false),
                    int64("column", false),
                    utf8("header", true),
                ],
                true,
            ),
            structure(
                "time",
                vec![
                    field("year", DataType::Int32, false),
                    utf8("date", true),
                    utf8("basis", false),
                    utf8("text", true),
                    span("span", true),
                ],
                true,
            ),
            located("antecedent"),
            located("alias_link"),
            entity("stand_in", true, true),
            utf8("source", true),
            utf8("edition", true),
        ];
        let metadata = [(SCHEMA_KEY.to_owned(), SCHEMA_VERSION.to_owned())]
            .into_iter()
            .collect();
        Arc::new(Schema::new_with_metadata(fields, metadata))
    });
    Arc::clone(&SCHEMA)
}

// ---- the row: the wire JSON value reshaped ----

/// The shard row of a claim's wire JSON value: key parts lifted to the top, the value's fields
/// under the name of its type.
fn to_row(wire: Value) -> Result<Map<String, Value>, String> {
    let Value::Object(mut wire) = wire else {
        return Err("a claim's JSON form is not an object".into());
    };
    let mut row = Map::new();
    row.insert("kind".into(), wire.remove("kind").unwrap_or(Value::Null));
    for part in ["subject", "object"] {
        match wire.remove(part) {
            Some(Value::Object(mut entity)) => {
                row.insert(part.into(), entity.remove("id").unwrap_or(Value::Null));
                row.insert(format!("{part}_entity"), Value::Object(entity));
            }
            Some(Value::Null) | None => {}
            Some(_) => return Err(format!("`{part}` is not an object")),
        }
    }
    match wire.remove("scope") {
        Some(Value::Object(mut scope)) => {
            for part in ["region", "year"] {
                if let Some(value) = scope.remove(part) {
                    row.insert(part.into(), value);
                }
            }
            if let Some(key) = scope.keys().next() {
                return Err(format!("`scope.{key}` has no column in {SCHEMA_VERSION}"));
            }
        }
        Some(Value::Null) | None => {}
        Some(_) => return Err("`scope` is not an object".into()),
    }
    let Some(Value::Object(mut value)) = wire.remove("value") else {
        return Err("`value` is not an object".into());
    };
    let Some(Value::String(kind)) = value.remove("type") else {
        return Err("`value.type` is not a string".into());
    };
    let mut shaped = Map::new();
    match kind.as_str() {
        kind if STRUCT_VALUES.contains(&kind) => {
            shaped.insert(kind.into(), Value::Object(std::mem::take(&mut value)));
        }
        "stance" | "category" => {
            let field = if kind == "stance" { "stance" } else { "label" };
            if let Some(text) = value.remove(field) {
                shaped.insert(field.into(), text);
            }
        }
        "statement" => {}
        other => return Err(format!("value type `{other}` has no column in {SCHEMA_VERSION}")),
    }
    if let Some(key) = value.keys().next() {
        return Err(format!("`value.{key}` of a {kind} has no column in {SCHEMA_VERSION}"));
    }
    shaped.insert("type".into(), Value::String(kind));
    row.insert("value".into(), Value::Object(shaped));
    row.extend(wire);
    Ok(row)
}

/// The wire JSON value of a shard row: the inverse of [`to_row`].
fn to_wire(mut row: Map<String, Value>) -> Value {
    let mut wire = Map::new();
    for key in ["id", "rule", "kind"] {
        if let Some(value) = row.remove(key) {
            wire.insert(key.into(), value);
        }
    }
    for part in ["subject", "object"] {
        let id = row.remove(part);
        let entity = row.remove(&format!("{part}_entity"));
        let value = match (id, entity) {
            (Some(id), Some(Value::Object(mut entity))) => {
                entity.insert("id".into(), id);
                Value::Object(entity)
            }
            // Half an entity: left for the claim reader to name what is missing.
            (Some(id), _) => Value::Object([("id".to_owned(), id)].into_iter().collect()),
            (None, Some(entity)) => entity,
            (None, None) => Value::Null,
        };
        wire.insert(part.into(), value);
    }
    let mut scope = Map::new();
    for part in ["year", "region"] {
        if let Some(value) = row.remove(part) {
            scope.insert(part.into(), value);
        }
    }
    wire.insert("scope".into(), Value::Object(scope));
    if let Some(Value::Object(mut shaped)) = row.remove("value") {
        let mut value = Map::new();
        let kind = shaped.remove("type");
        if let Some(Value::String(kind)) = &kind {
            value.insert("type".into(), Value::String(kind.clone()));
            if STRUCT_VALUES.contains(&kind.as_str())
                && let Some(Value::Object(fields)) = shaped.remove(kind.as_str())
            {
                value.extend(fields);
            }
        }
        value.extend(shaped);
        wire.insert("value".into(), Value::Object(value));
    }
    wire.extend(row);
    Value::Object(wire)
}

// ---- JSON values ↔ Arrow columns, by the schema ----

/// The value at `key` of each object (`None` where the row or the key is absent or null).
fn children<'a>(values: &[Option<&'a Value>], key: &str) -> Vec<Option<&'a Value>> {
    values
        .iter()
        .map(|value| {
            value
                .and_then(Value::as_object)
                .and_then(|object| object.get(key))
                .filter(|value| !value.is_null())
        })
        .collect()
}

/// The Arrow column of `values` for `field` (`path` names it in errors).
fn to_column(field: &Field, values: &[Option<&Value>], path: &str) -> Result<ArrayRef, String> {
    let wrong = |what: &str| format!("`{path}` is not {what}");
    Ok(match field.data_type() {
        DataType::Utf8 => {
            let texts = values
                .iter()
                .map(|value| {
                    value
                        .map(|value| value.as_str().ok_or_else(|| wrong("a string")))
                        .transpose()
                })
                .collect::<Result<Vec<_>, _>>()?;
            Arc::new(StringArray::from(texts))
        }
        DataType::Int32 => {
            let numbers = values
                .iter()
                .map(|value| {
                    value
                        .map(|value| {
                            value
                                .as_i64()
                                .and_then(|number| i32::try_from(number).ok())
                                .ok_or_else(|| wrong("a 32-bit integer"))
                        })
                        .transpose()
                })
                .collect::<Result<Vec<_>, _>>()?;
            Arc::new(Int32Array::from(numbers))
        }
        DataType::Int64 => {
            let numbers = values
                .iter()
                .map(|value| {
                    value
                        .map(|value| value.as_i64().ok_or_else(|| wrong("a 64-bit integer")))
                        .transpose()
                })
                .collect::<Result<Vec<_>, _>>()?;
            Arc::new(Int64Array::from(numbers))
        }
        DataType::Float64 => {
            let numbers = values
                .iter()
                .map(|value| {
                    value
                        .map(|value| value.as_f64().ok_or_else(|| wrong("a number")))
                        .transpose()
                })
                .collect::<Result<Vec<_>, _>>()?;
            Arc::new(Float64Array::from(numbers))
        }
        DataType::Struct(fields) => {
            for value in values.iter().flatten() {
                let object = value.as_object().ok_or_else(|| wrong("an object"))?;
                if let Some(key) = object.keys().find(|key| fields.find(key).is_none()) {
                    return Err(format!("`{path}.{key}` has no column in {SCHEMA_VERSION}"));
                }
            }
            let columns = fields
                .iter()
                .map(|child| {
                    to_column(
                        child,
                        &children(values, child.name()),
                        &format!("{path}.{}", child.name()),
                    )
                })
                .collect::<Result<Vec<_>, _>>()?;
            let nulls = NullBuffer::from(values.iter().map(Option::is_some).collect::<Vec<bool>>());
            let nulls = (nulls.null_count() > 0).then_some(nulls);
            Arc::new(
                StructArray::try_new(fields.clone(), columns, nulls).map_err(|error| format!("`{path}`: {error}"))?,
            )
        }
        DataType::List(item) => {
            let mut lengths = Vec::with_capacity(values.len());
            let mut items: Vec<Option<&Value>> = Vec::new();
            for value in values {
                match value {
                    Some(Value::Array(list)) => {
                        lengths.push(list.len());
                        items.extend(list.iter().map(Some));
                    }
                    Some(_) => return Err(wrong("an array")),
                    None => lengths.push(0),
                }
            }
            let column = to_column(item, &items, &format!("{path}[]"))?;
            let nulls = NullBuffer::from(values.iter().map(Option::is_some).collect::<Vec<bool>>());
            let nulls = (nulls.null_count() > 0).then_some(nulls);
            Arc::new(
                ListArray::try_new(Arc::clone(item), OffsetBuffer::from_lengths(lengths), column, nulls)
                    .map_err(|error| format!("`{path}`: {error}"))?,
            )
        }
        other => return Err(format!("`{path}`: no conversion for {other}")),
    })
}

/// The JSON values of an Arrow column (`None` for nulls; a struct's null fields left out).
fn from_column(array: &dyn Array) -> Result<Vec<Option<Value>>, String> {
    let valid = |row: usize| array.is_valid(row);
    let length = array.len();
    Ok(match array.data_type() {
        DataType::Utf8 => array
            .as_string::<i32>()
            .iter()
            .map(|text| text.map(|text| Value::String(text.to_owned())))
            .collect(),
        DataType::Utf8View => array
            .as_string_view()
            .iter()
            .map(|text| text.map(|text| Value::String(text.to_owned())))
            .collect(),
        DataType::LargeUtf8 => array
            .as_string::<i64>()
            .iter()
            .map(|text| text.map(|text| Value::String(text.to_owned())))
            .collect(),
        DataType::Int32 => array
            .as_primitive::<Int32Type>()
            .iter()
            .map(|number| number.map(Value::from))
            .collect(),
        DataType::Int64 => array
            .as_primitive::<Int64Type>()
            .iter()
            .map(|number| number.map(Value::from))
            .collect(),
        DataType::Float64 => array
            .as_primitive::<Float64Type>()
            .iter()
            .map(|number| number.and_then(serde_json::Number::from_f64).map(Value::Number))
            .collect(),
        DataType::Struct(fields) => {
            let array = array.as_struct();
            let mut columns = array
                .columns()
                .iter()
                .map(|column| from_column(column.as_ref()))
                .collect::<Result<Vec<_>, _>>()?;
            (0..length)
                .map(|row| {
                    valid(row).then(|| {
                        let mut object = Map::new();
                        for (field, column) in fields.iter().zip(&mut columns) {
                            if let Some(value) = column[row].take() {
                                object.insert(field.name().clone(), value);
                            }
                        }
                        Value::Object(object)
                    })
                })
                .collect()
        }
        DataType::List(_) => {
            let array = array.as_list::<i32>();
            let mut values = Vec::with_capacity(length);
            for row in 0..length {
                values.push(if valid(row) {
                    let items = from_column(array.value(row).as_ref())?;
                    Some(Value::Array(
                        items.into_iter().map(|item| item.unwrap_or(Value::Null)).collect(),
                    ))
                } else {
                    None
                });
            }
            values
        }
        other => return Err(format!("no conversion from {other}")),
    })
}

/// The record batch of `claims`, in order; `first` is the one-based row of the first claim.
pub fn batch(claims: &[Claim], first: usize) -> Result<RecordBatch, ShardError> {
    let rows: Vec<Value> = claims
        .iter()
        .enumerate()
        .map(|(index, claim)| {
            let wire = crate::report::claim_to_json(claim)
                .map_err(|error| ShardError::at(first + index, error.to_string()))?;
            to_row(wire)
                .map(Value::Object)
                .map_err(|message| ShardError::at(first + index, format!("claim {}: {message}", claim.id)))
        })
        .collect::<Result<_, _>>()?;
    let values: Vec<Option<&Value>> = rows.iter().map(Some).collect();
    let schema = schema();
    for (index, row) in rows.iter().enumerate() {
        if let Some(key) = row
            .as_object()
            .and_then(|row| row.keys().find(|key| schema.field_with_name(key).is_err()))
        {
            return Err(ShardError::at(
                first + index,
                format!("`{key}` has no column in {SCHEMA_VERSION}"),
            ));
        }
    }
    let columns = schema
        .fields()
        .iter()
        .map(|field| to_column(field, &children(&values, field.name()), field.name()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(ShardError::new)?;
    RecordBatch::try_new(schema, columns).map_err(|error| ShardError::new(error.to_string()))
}

/// The claims of `batch` (a batch of a `claims/1` shard); `first` is the one-based row of its
/// first row, for errors.
pub fn claims_of(batch: &RecordBatch, first: usize) -> Result<Vec<Claim>, ShardError> {
    let schema = batch.schema();
    let mut columns = batch
        .columns()
        .iter()
        .map(|column| from_column(column.as_ref()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(ShardError::new)?;
    let rows: Vec<Map<String, Value>> = (0..batch.num_rows())
        .map(|row| {
            let mut object = Map::new();
            for (field, column) in schema.fields().iter().zip(&mut columns) {
                if let Some(value) = column[row].take() {
                    object.insert(field.name().clone(), value);
                }
            }
            object
        })
        .collect();
    rows.into_iter()
        .enumerate()
        .map(|(index, row)| {
            crate::report::claim_from_json(&to_wire(row))
                .map_err(|error| ShardError::at(first + index, format!("not a claim: {error}")))
        })
        .collect()
}

/// Writes `claims` as one Parquet shard to `out`.
pub fn write(out: impl Write + Send, claims: &[Claim]) -> Result<(), ShardError> {
    let schema = schema();
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_key_value_metadata(Some(vec![KeyValue::new(
            SCHEMA_KEY.to_owned(),
            SCHEMA_VERSION.to_owned(),
        )]))
        .build();
    let failed = |error: parquet::errors::ParquetError| ShardError::new(format!("cannot write Parquet: {error}"));
    let mut writer = ArrowWriter::try_new(out, schema, Some(properties)).map_err(failed)?;
    for (group, claims) in claims.chunks(BATCH * BATCHES_AT_ONCE).enumerate() {
        let first = group * BATCH * BATCHES_AT_ONCE + 1;
        let batches = claims
            .par_chunks(BATCH)
            .enumerate()
            .map(|(number, chunk)| batch(chunk, first + number * BATCH))
            .collect::<Result<Vec<_>, _>>()?;
        for batch in &batches {
            writer.write(batch).map_err(failed)?;
        }
    }
    writer.close().map_err(failed)?;
    Ok(())
}

/// Reads the claims of a Parquet shard (an open file), in row order.
pub fn read(file: impl parquet::file::reader::ChunkReader + 'static) -> Result<Vec<Claim>, ShardError> {
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|error| ShardError::new(format!("not a Parquet file ({error})")))?;
    let version = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .and_then(|entries| entries.iter().find(|entry| entry.key == SCHEMA_KEY))
        .and_then(|entry| entry.value.clone());
    match version.as_deref() {
        Some(SCHEMA_VERSION) => {}
        Some(other) => {
            return Err(ShardError::new(format!(
                "claim shard schema {other} is not supported (this crosscheck reads {SCHEMA_VERSION}); regenerate it with this version's `crosscheck extract --format parquet`"
            )));
        }
        None => {
            return Err(ShardError::new(format!(
                "not a claim shard: no `{SCHEMA_KEY}` metadata; pass shards written by `crosscheck extract --format parquet`"
            )));
        }
    }
    let expected = schema();
    if builder.schema().fields() != expected.fields() {
        return Err(ShardError::new(format!(
            "its columns are not those of {SCHEMA_VERSION} (see docs/claims-parquet.md); regenerate it with `crosscheck extract --format parquet`"
        )));
    }
    let reader = builder
        .with_batch_size(BATCH)
        .build()
        .map_err(|error| ShardError::new(format!("cannot read Parquet: {error}")))?;
    let mut claims = Vec::new();
    let mut batches = Vec::with_capacity(BATCHES_AT_ONCE);
    let mut reader = reader.peekable();
    while reader.peek().is_some() {
        batches.clear();
        for batch in reader.by_ref().take(BATCHES_AT_ONCE) {
            batches.push(batch.map_err(|error| ShardError::new(format!("cannot read Parquet: {error}")))?);
        }
        // Each batch's first row, for errors (a batch may be shorter than `BATCH`).
        let mut next = claims.len() + 1;
        let firsts: Vec<usize> = batches
            .iter()
            .map(|batch| {
                let first = next;
                next += batch.num_rows();
                first
            })
            .collect();
        let converted = batches
            .par_iter()
            .zip(firsts)
            .map(|(batch, first)| claims_of(batch, first))
            .collect::<Result<Vec<_>, _>>()?;
        claims.extend(converted.into_iter().flatten());
    }
    Ok(claims)
}

/// The name of shard `number`: `claims-00000.parquet`.
pub fn shard_name(number: usize) -> String {
    format!("claims-{number:05}.parquet")
}

/// Whether `name` is a shard's file name (`claims-NNNNN.parquet`).
pub fn is_shard_name(name: &str) -> bool {
    name.strip_prefix("claims-")
        .and_then(|rest| rest.strip_suffix(".parquet"))
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims() -> Vec<Claim> {
        crate::report::fixture_claims()
    }

    #[test]
    fn claims_read_back_from_a_shard_as_written() {
        let claims = claims();
        let batch = batch(&claims, 1).expect("the fixture's claims fit the schema");
        assert_eq!(batch.num_rows(), claims.len());
        assert_eq!(claims_of(&batch, 1).expect("they read back"), claims);
        let mut bytes = Vec::new();
        write(&mut bytes, &claims).expect("a shard in memory");
        let mut again = Vec::new();
        write(&mut again, &claims).expect("a shard in memory");
        assert_eq!(bytes, again, "the same claims give the same bytes");
    }

    #[test]
    fn shard_names_are_recognised() {
        assert_eq!(shard_name(7), "claims-00007.parquet");
        assert!(is_shard_name("claims-00007.parquet"));
        assert!(!is_shard_name("claims-.parquet"));
        assert!(!is_shard_name("notes.txt"));
    }

    #[test]
    fn a_row_that_is_not_a_claim_names_its_row() {
        let claims = claims();
        let batch = batch(&claims, 1).expect("a batch");
        let mut columns = batch.columns().to_vec();
        let rules = columns[6].len();
        columns[6] = Arc::new(StringArray::from(vec!["rule"; rules]));
        let mut evidence = columns[9].as_struct().clone().into_parts();
        evidence.1[1] = Arc::new(Int64Array::from(vec![-1; rules]));
        columns[9] = Arc::new(StructArray::new(evidence.0, evidence.1, evidence.2));
        let broken = RecordBatch::try_new(batch.schema(), columns).expect("same schema");
        let error = claims_of(&broken, 5).expect_err("a negative line");
        assert_eq!(error.row, Some(5), "{error}");
    }
}
