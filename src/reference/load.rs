//! Reading reference files: CSV or TOML text → validated [`Row`]s.
//!
//! Both formats come down to the same raw rows (each field's text and byte span), which one
//! validation checks against the rule set, so a CSV and a TOML table give the same errors for
//! the same mistakes. Every problem of every file is collected, each at its `file:line:column`
//! with a hint; nothing here panics on what a user wrote.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::{Reference, Row, RowValue};
use crate::claim::{Bound, Quantity};
use crate::rules::dimension::Dimension;
use crate::rules::set::Element;
use crate::rules::slots::{Role, SlotKind};
use crate::rules::{Diagnostic, RuleSet};

/// The columns of a reference table, as its header names them.
pub const COLUMNS: [&str; 11] = [
    "entity", "kind", "object", "value", "unit", "year", "date", "source", "edition", "url", "note",
];
/// The columns a table must have.
const REQUIRED: [&str; 5] = ["entity", "kind", "value", "year", "source"];
/// The header to copy, for hints.
const HEADER: &str = "entity,kind,object,value,unit,year,source,edition,url,note";

/// Reads and validates reference files, given as (name as shown, text): `.toml` files as TOML,
/// every other file as CSV. Returns every problem of every file when any has one.
pub fn load_sources(sources: &[(String, String)], set: &RuleSet) -> Result<Reference, Vec<Diagnostic>> {
    let known = Known::new(set);
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashMap<RowIdentity, (String, u32)> = HashMap::new();
    for (name, text) in sources {
        let source: Arc<str> = Arc::from(text.as_str());
        let file = File { name, source: &source };
        let is_toml = std::path::Path::new(name)
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("toml"));
        let raw = if is_toml { toml_rows(&file) } else { csv_rows(&file) };
        let raw = match raw {
            Ok(raw) => raw,
            Err(mut found) => {
                problems.append(&mut found);
                continue;
            }
        };
        for raw in raw {
            match validate(&file, &known, &raw) {
                Ok(row) => {
                    let key = (
                        row.entity.clone(),
                        row.kind.clone(),
                        row.object.clone(),
                        row.year,
                        matches!(row.value, RowValue::Rank(_)),
                    );
                    if let Some((first_file, first_line)) = seen.get(&key) {
                        problems.push(
                            file.error(
                                raw.entity.span.start..raw.year.span.end.max(raw.entity.span.end),
                                format!(
                                    "duplicate row: {} · {} · {} for {} is already given at {first_file}:{first_line}",
                                    row.entity,
                                    row.kind,
                                    row.object.as_deref().unwrap_or("(no object)"),
                                    row.year
                                ),
                            )
                            .label("second row for this key and year")
                            .hint("keep one row per entity, kind, object and year; put other editions' figures under their own year"),
                        );
                    } else {
                        seen.insert(key, (name.clone(), row.line));
                        rows.push(row);
                    }
                }
                Err(mut found) => problems.append(&mut found),
            }
        }
    }
    if problems.is_empty() {
        Ok(Reference::new(rows))
    } else {
        Err(problems)
    }
}

/// What two rows may not share: entity, kind, object, year, and whether the value is a rank.
type RowIdentity = (String, String, Option<String>, i32, bool);

/// A file being read: its name and text.
struct File<'a> {
    name: &'a str,
    source: &'a Arc<str>,
}

impl File<'_> {
    fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.name, self.source, span, message)
    }
}

/// One-based line of each byte offset of a text, from its line starts (built once per file:
/// counting newlines from the start for every row would make a large table quadratic).
struct Lines(Vec<usize>);

impl Lines {
    fn new(source: &str) -> Self {
        Lines(
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', source.as_bytes()).map(|at| at + 1))
                .collect(),
        )
    }

    fn line_of(&self, offset: usize) -> u32 {
        self.0.partition_point(|&start| start <= offset) as u32
    }
}

/// A field as written: its text and where it is.
#[derive(Clone, Debug, Default)]
struct Field {
    text: String,
    span: Range<usize>,
}

/// A row before validation.
#[derive(Debug, Default)]
struct RawRow {
    /// One-based line where the row starts.
    line: u32,
    entity: Field,
    kind: Field,
    object: Option<Field>,
    value: Field,
    unit: Option<Field>,
    year: Field,
    source: Field,
    edition: Option<Field>,
    url: Option<Field>,
    note: Option<Field>,
}

impl RawRow {
    /// Sets the field of `column` (one of [`COLUMNS`]); `date` is documentation only.
    fn set(&mut self, column: &str, field: Field) {
        let optional = (!field.text.is_empty()).then(|| field.clone());
        match column {
            "entity" => self.entity = field,
            "kind" => self.kind = field,
            "object" => self.object = optional,
            "value" => self.value = field,
            "unit" => self.unit = optional,
            "year" => self.year = field,
            "source" => self.source = field,
            "edition" => self.edition = optional,
            "url" => self.url = optional,
            "note" => self.note = optional,
            _ => {}
        }
    }
}

/// The ids and dimensions of the rule set that rows may name.
struct Known<'a> {
    /// Every lexicon entry id, in lexicon order (for suggestions) and as a set (for lookups:
    /// a table of 100,000 rows against a lexicon of 10,000 entries).
    entities: Vec<&'a str>,
    entity_set: std::collections::HashSet<&'a str>,
    kinds: Vec<&'a str>,
    /// The dimensions the quantity rules of each kind read.
    dimensions: HashMap<&'a str, Vec<Dimension>>,
    /// The rule set's own words for quantities, so a table's units read as its articles' do.
    vocabulary: &'a crate::extract::Vocabulary,
}

impl<'a> Known<'a> {
    fn new(set: &'a RuleSet) -> Self {
        let entities: Vec<&str> = set
            .lexicons
            .iter()
            .flat_map(|lexicon| lexicon.entries.iter().map(|entry| entry.id.as_str()))
            .collect();
        let entity_set = entities.iter().copied().collect();
        let mut kinds: Vec<&str> = set.rules.iter().map(|rule| rule.kind.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        let mut dimensions: HashMap<&str, Vec<Dimension>> = HashMap::new();
        for rule in &set.rules {
            for pattern in &rule.patterns {
                value_dimensions(&pattern.elements, dimensions.entry(rule.kind.as_str()).or_default());
            }
        }
        Known {
            entities,
            entity_set,
            kinds,
            dimensions,
            vocabulary: &set.vocabulary,
        }
    }
}

/// The dimensions of the `{value:quantity(…)}` slots among `elements`.
fn value_dimensions(elements: &[Element], out: &mut Vec<Dimension>) {
    for element in elements {
        match element {
            Element::Slot(Role::Value, SlotKind::Quantity(Some(dimension))) if !out.contains(dimension) => {
                out.push(*dimension);
            }
            Element::Alt(branches) => branches.iter().for_each(|branch| value_dimensions(branch, out)),
            _ => {}
        }
    }
}

/// The closest of `candidates` to `word`, when close enough to suggest.
fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|left, right| left.0.total_cmp(&right.0))
        .map(|(_, candidate)| candidate)
}

/// Checks one raw row against the rule set.
fn validate(file: &File<'_>, known: &Known<'_>, raw: &RawRow) -> Result<Row, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let unknown_id = |field: &Field, what: &str, candidates: &[&str], hint: &str| {
        let suggestion = closest(&field.text, candidates.iter().copied());
        let hint = match suggestion {
            Some(suggestion) => format!("did you mean `{suggestion}`? {hint}"),
            None => hint.to_owned(),
        };
        file.error(field.span.clone(), format!("unknown {what} `{}`", field.text))
            .label(format!(
                "not {} {what} of the rules",
                if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                }
            ))
            .hint(hint)
    };
    let entity_hint = "use a lexicon entry id of the rules (the key left of `=` in `[lexicon.NAME.entries]`)";
    if !known.entity_set.contains(raw.entity.text.as_str()) {
        problems.push(unknown_id(&raw.entity, "entity id", &known.entities, entity_hint));
    }
    if let Some(object) = &raw.object
        && !known.entity_set.contains(object.text.as_str())
    {
        problems.push(unknown_id(object, "entity id", &known.entities, entity_hint));
    }
    if !known.kinds.contains(&raw.kind.text.as_str()) {
        let hint = format!("use the `kind` of a rule: {}", known.kinds.join(", "));
        problems.push(unknown_id(&raw.kind, "claim kind", &known.kinds, &hint));
    }
    let year = match raw.year.text.parse::<i32>() {
        Ok(year) if (1000..=9999).contains(&year) => Some(year),
        _ => {
            problems.push(
                file.error(raw.year.span.clone(), format!("`{}` is not a year", raw.year.text))
                    .label("expected a four-digit year")
                    .hint("give the year the value holds for, e.g. 2024"),
            );
            None
        }
    };
    if raw.source.text.is_empty() {
        problems.push(
            file.error(raw.source.span.clone(), "a row needs a source")
                .label("empty")
                .hint("name who gives the figure, e.g. USGS"),
        );
    }
    let value = read_value(file, known, raw)
        .map_err(|problem| problems.push(problem))
        .ok();
    if !problems.is_empty() {
        return Err(problems);
    }
    let (Some(year), Some(value)) = (year, value) else {
        return Err(problems);
    };
    let text = |field: &Option<Field>| field.as_ref().map(|field| field.text.clone());
    Ok(Row {
        file: file.name.to_owned(),
        line: raw.line,
        entity: raw.entity.text.clone(),
        kind: raw.kind.text.clone(),
        object: text(&raw.object),
        value,
        year,
        source: raw.source.text.clone(),
        edition: text(&raw.edition),
        url: text(&raw.url),
        note: text(&raw.note),
    })
}

/// The row's value: a rank (unit `rank`) or a figure with its unit, which must be of a
/// dimension the kind's rules read.
#[allow(clippy::result_large_err)] // one diagnostic per row at most, never on a hot path
fn read_value(file: &File<'_>, known: &Known<'_>, raw: &RawRow) -> Result<RowValue, Diagnostic> {
    let number_text: String = raw
        .value
        .text
        .chars()
        .filter(|&character| character != ',' && character != '_')
        .collect();
    let not_a_number = || {
        file.error(raw.value.span.clone(), format!("`{}` is not a number", raw.value.text))
            .label("expected a number")
            .hint("write the figure as digits (3800000, 3,800,000 or 3.8e6) and its unit in the `unit` column")
    };
    let number: f64 = number_text.parse().map_err(|_| not_a_number())?;
    if !number.is_finite() {
        return Err(not_a_number());
    }
    let unit = raw.unit.as_ref();
    if unit.is_some_and(|unit| unit.text.eq_ignore_ascii_case("rank")) {
        return if number >= 1.0 && number.fract() == 0.0 && number <= f64::from(u32::MAX) {
            Ok(RowValue::Rank(number as u32))
        } else {
            Err(file
                .error(raw.value.span.clone(), format!("`{}` is not a rank", raw.value.text))
                .label("expected a whole number from 1")
                .hint("a rank is a position: 1 for the largest, 2 for the second-largest"))
        };
    }
    let unit_text = unit.map_or("", |unit| unit.text.as_str());
    let span = unit.map_or_else(|| raw.value.span.clone(), |unit| unit.span.clone());
    let quantity = read_quantity(&number_text, unit_text, known.vocabulary).ok_or_else(|| {
        file.error(span.clone(), format!("unknown unit `{unit_text}`"))
            .label("not a unit crosscheck reads")
            .hint("write a unit as articles do: t, tonnes, metric tons, kt, Mt, %, $, or `rank` for a rank")
    })?;
    let dimensions = known
        .dimensions
        .get(raw.kind.text.as_str())
        .map_or(&[][..], Vec::as_slice);
    if !dimensions.is_empty() && !dimensions.iter().any(|dimension| dimension.admits(&quantity)) {
        let unit_name = if quantity.unit.is_empty() {
            "a plain count".to_owned()
        } else {
            format!(
                "{} ({})",
                crate::value::quantity::dimension_of(&quantity.unit),
                quantity.unit
            )
        };
        let wanted: Vec<String> = dimensions
            .iter()
            .map(|dimension| format!("{dimension:?}").to_lowercase())
            .collect();
        return Err(file
            .error(
                span,
                format!(
                    "`{unit_text}` is {unit_name}, but `{}` claims are read as {}",
                    raw.kind.text,
                    wanted.join(" or ")
                ),
            )
            .label("unit of the wrong dimension")
            .hint("give the figure in a unit of the kind's dimension, or check the `kind` column"));
    }
    Ok(RowValue::Quantity(quantity))
}

/// `number unit` read by the article reader, so that a table's `t` or `metric tons` means what
/// an article's does; `None` unless the whole text is one exact figure.
fn read_quantity(number: &str, unit: &str, vocabulary: &crate::extract::Vocabulary) -> Option<Quantity> {
    let text = if unit.is_empty() {
        number.to_owned()
    } else if unit.starts_with(['$', '€', '£', '¥']) {
        format!("{unit}{number}")
    } else {
        format!("{number} {unit}")
    };
    let tokens = crate::text::token::tokenize(&text);
    let (end, quantity) = crate::extract::quantity::quantity_in(&text, &tokens, 0, vocabulary)?;
    (end == tokens.len() && quantity.bound == Bound::Exact).then_some(quantity)
}

/// The raw rows of a CSV file: a header line naming the columns, then one row a line. Blank
/// lines and lines starting with `#` (comments citing the source) are skipped.
fn csv_rows(file: &File<'_>) -> Result<Vec<RawRow>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut offset = 0;
    for (number, line) in file.source.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        let fields = match split_csv_line(content, start) {
            Ok(fields) => fields,
            Err((span, message)) => {
                problems.push(
                    file.error(span, message)
                        .hint("quote a field that holds a comma or a quote: \"Mineral Commodity Summaries, 2025\""),
                );
                continue;
            }
        };
        let Some(columns) = &header else {
            match read_header(file, &fields) {
                Ok(columns) => header = Some(columns),
                Err(mut found) => {
                    problems.append(&mut found);
                    return Err(problems);
                }
            }
            continue;
        };
        if fields.len() != columns.len() {
            problems.push(
                file.error(
                    start..start + content.len(),
                    format!("row has {} fields, the header {}", fields.len(), columns.len()),
                )
                .label("field count differs from the header")
                .hint(format!(
                    "give every row the header's columns, in order: {}",
                    columns.join(",")
                )),
            );
            continue;
        }
        let mut row = RawRow {
            line: number as u32 + 1,
            ..RawRow::default()
        };
        for (column, field) in columns.iter().zip(fields) {
            row.set(column, field);
        }
        rows.push(row);
    }
    if header.is_none() {
        problems.push(file.error(0..0, "no header line").hint(format!(
            "start the table with a header line naming its columns: {HEADER}"
        )));
    }
    if problems.is_empty() { Ok(rows) } else { Err(problems) }
}

/// The column names of a header line: every name known, none twice, the required ones there.
fn read_header(file: &File<'_>, fields: &[Field]) -> Result<Vec<String>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut columns = Vec::new();
    for field in fields {
        let name = field.text.to_ascii_lowercase();
        if !COLUMNS.contains(&name.as_str()) {
            let hint = match closest(&name, COLUMNS.iter().copied()) {
                Some(suggestion) => format!("did you mean `{suggestion}`? the columns are {}", COLUMNS.join(", ")),
                None => format!("the columns are {}", COLUMNS.join(", ")),
            };
            problems.push(
                file.error(field.span.clone(), format!("unknown column `{}`", field.text))
                    .label("not a reference column")
                    .hint(hint),
            );
        } else if columns.contains(&name) {
            problems.push(
                file.error(field.span.clone(), format!("column `{name}` given twice"))
                    .hint("name each column once"),
            );
        }
        columns.push(name);
    }
    let header_span = fields
        .first()
        .zip(fields.last())
        .map_or(0..0, |(first, last)| first.span.start..last.span.end);
    for required in REQUIRED {
        if !columns.iter().any(|column| column == required) {
            problems.push(
                file.error(header_span.clone(), format!("missing column `{required}`"))
                    .label("the header")
                    .hint(format!(
                        "a reference table needs the columns {}; e.g. {HEADER}",
                        REQUIRED.join(", ")
                    )),
            );
        }
    }
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}

/// Splits one CSV line (at byte `base` of the file) into trimmed fields; a field may be quoted,
/// with `""` for a quote inside.
fn split_csv_line(line: &str, base: usize) -> Result<Vec<Field>, (Range<usize>, String)> {
    let mut fields = Vec::new();
    let bytes = line.as_bytes();
    let mut position = 0;
    loop {
        while position < bytes.len() && bytes[position] == b' ' {
            position += 1;
        }
        if position < bytes.len() && bytes[position] == b'"' {
            let open = position;
            let mut text = String::new();
            position += 1;
            loop {
                let Some(next) = line[position..].find('"') else {
                    return Err((base + open..base + line.len(), "unterminated quoted field".to_owned()));
                };
                text.push_str(&line[position..position + next]);
                position += next + 1;
                if bytes.get(position) == Some(&b'"') {
                    text.push('"');
                    position += 1;
                } else {
                    break;
                }
            }
            let span = base + open..base + position;
            while position < bytes.len() && bytes[position] == b' ' {
                position += 1;
            }
            match bytes.get(position) {
                None => {
                    fields.push(Field { text, span });
                    return Ok(fields);
                }
                Some(b',') => {
                    fields.push(Field { text, span });
                    position += 1;
                }
                Some(_) => {
                    return Err((
                        base + position..base + position + 1,
                        "text after a quoted field".to_owned(),
                    ));
                }
            }
        } else {
            let end = line[position..].find(',').map_or(line.len(), |at| position + at);
            let raw = &line[position..end];
            let trimmed = raw.trim_end();
            fields.push(Field {
                text: trimmed.to_owned(),
                span: base + position..base + position + trimmed.len(),
            });
            if end == line.len() {
                return Ok(fields);
            }
            position = end + 1;
        }
    }
}

/// A TOML reference table (docs/reference.md): one `[[row]]` per fact, with the CSV's columns
/// as keys. `crosscheck schema --reference` prints its JSON Schema, generated from this type.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TomlFile {
    /// The rows.
    #[serde(default)]
    #[schemars(with = "Vec<TomlRow>")]
    row: Vec<Spanned<TomlRow>>,
}

/// How a number may be written in a TOML table: a TOML number or a string of digits.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // the schema's description of `toml::Value` fields only
enum Scalar {
    Number(f64),
    Text(String),
}

/// One fact.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct TomlRow {
    /// The claim's subject: a lexicon entry id of the rules (`russia`).
    #[schemars(with = "String")]
    entity: Spanned<String>,
    /// The claim kind: the `kind` of a rule (`reserves`).
    #[schemars(with = "String")]
    kind: Spanned<String>,
    /// The thing measured: a lexicon entry id (`rare-earths`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    object: Option<Spanned<String>>,
    /// The figure (3800000, "3,800,000", 3.8e6), or the rank when `unit` is `rank`.
    #[schemars(with = "Scalar")]
    value: Spanned<toml::Value>,
    /// The figure's unit as articles write it (t, metric tons, %, $), or `rank`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    unit: Option<Spanned<String>>,
    /// The year the value holds for (four digits).
    #[schemars(with = "Scalar")]
    year: Spanned<toml::Value>,
    /// When the source published it (documentation only).
    #[serde(default)]
    #[allow(dead_code)]
    #[schemars(with = "Option<Scalar>")]
    date: Option<Spanned<toml::Value>>,
    /// Who gives the value (`USGS`).
    #[schemars(with = "String")]
    source: Spanned<String>,
    /// The source's edition (`Mineral Commodity Summaries 2025`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    edition: Option<Spanned<String>>,
    /// Where the source is published.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    url: Option<Spanned<String>>,
    /// Anything a reader of a finding should know ("estimated").
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    note: Option<Spanned<String>>,
}

fn toml_rows(file: &File<'_>) -> Result<Vec<RawRow>, Vec<Diagnostic>> {
    let parsed: TomlFile = toml::from_str(file.source).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        vec![file.error(span, error.message().to_owned()).hint(format!(
            "write one [[row]] table per row with the keys {}",
            COLUMNS.join(", ")
        ))]
    })?;
    let field = |spanned: &Spanned<String>| Field {
        text: spanned.get_ref().trim().to_owned(),
        span: spanned.span(),
    };
    // A number stays as written (so `3.8e6` and `3_800_000` read as in CSV); a string as is.
    let scalar = |spanned: &Spanned<toml::Value>| Field {
        text: match spanned.get_ref() {
            toml::Value::String(text) => text.trim().to_owned(),
            other => other.to_string(),
        },
        span: spanned.span(),
    };
    let lines = Lines::new(file.source);
    Ok(parsed
        .row
        .iter()
        .map(|spanned| {
            let row = spanned.get_ref();
            RawRow {
                line: lines.line_of(spanned.span().start),
                entity: field(&row.entity),
                kind: field(&row.kind),
                object: row.object.as_ref().map(field),
                value: scalar(&row.value),
                unit: row.unit.as_ref().map(field),
                year: scalar(&row.year),
                source: field(&row.source),
                edition: row.edition.as_ref().map(field),
                url: row.url.as_ref().map(field),
                note: row.note.as_ref().map(field),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::split_csv_line;

    #[track_caller]
    fn check(line: &str, expected: &[&str]) {
        let fields = split_csv_line(line, 0).expect("the line splits");
        let texts: Vec<&str> = fields.iter().map(|field| field.text.as_str()).collect();
        assert_eq!(texts, expected);
        for field in &fields {
            let written = &line[field.span.clone()];
            assert!(
                written == field.text || written.starts_with('"'),
                "{written:?} vs {:?}",
                field.text
            );
        }
    }

    /// A table's unit reads as the rule set's articles do: `MT` is megatonnes in a rule set
    /// whose `[vocabulary]` says so, the metric ton otherwise.
    #[test]
    fn units_read_with_the_rule_sets_vocabulary() {
        let rules = r#"
[lexicon.company.entries]
kestrel = ["Kestrel Mining"]

[[rule]]
id = "output"
kind = "output"
compare = "quantity"
patterns = ["{subject:company} produced {value:quantity(mass)}"]
"#;
        let table = "entity,kind,value,unit,year,source\nkestrel,output,1.2,MT,2025,Annual report\n".to_string();
        let value = |vocabulary: &str| {
            let set = crate::rules::load_sources(&[("rules.toml".into(), format!("{vocabulary}{rules}"))])
                .expect("the rules load");
            let reference = super::load_sources(&[("table.csv".into(), table.clone())], &set).expect("the table loads");
            match &reference.rows[0].value {
                crate::reference::RowValue::Quantity(quantity) => quantity.value,
                other @ crate::reference::RowValue::Rank(_) => panic!("not a quantity: {other:?}"),
            }
        };
        assert_eq!(
            value("[vocabulary]\nunits = [{ alias = \"MT\", unit = \"Mt\" }]\n"),
            1_200_000.0
        );
        assert_eq!(value(""), 1.2);
    }

    #[test]
    fn lines_of_offsets() {
        let lines = super::Lines::new("ab\ncd\n\nef");
        let found: Vec<u32> = [0, 2, 3, 5, 6, 7, 9]
            .iter()
            .map(|&offset| lines.line_of(offset))
            .collect();
        assert_eq!(found, [1, 1, 2, 2, 3, 4, 4]);
    }

    #[test]
    fn csv_lines_split_with_quotes_and_blanks() {
        check("china,reserves,rare-earths", &["china", "reserves", "rare-earths"]);
        check(" a , b ,", &["a", "b", ""]);
        check(
            "\"Mineral Commodity Summaries, 2025\",x",
            &["Mineral Commodity Summaries, 2025", "x"],
        );
        check("\"say \"\"hi\"\"\"", &["say \"hi\""]);
        assert!(split_csv_line("\"open", 0).is_err());
        assert!(split_csv_line("\"a\"b", 0).is_err());
    }
}
