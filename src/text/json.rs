//! JSON Lines and JSON: one article per record, located exactly in the file.
//!
//! Key decision: `serde_json` validates and reads each record, and a small scanner finds where each
//! record starts and where its text field's string literal sits, then decodes that literal itself
//! with an [`OffsetMap`], so a claim's line and column are those of the file (inside the JSON
//! string) even for pretty-printed files and escaped text. A malformed file is an error naming
//! the line and column (in characters) of the fault.

use std::ops::Range;

use serde_json::Value;

use super::lines::{LineIndex, lines};
use super::offsets::OffsetMap;

/// One record of a JSON or JSON Lines file.
#[derive(Clone, Debug)]
pub(crate) struct Record {
    /// One-based record number.
    pub number: usize,
    /// The record's bytes in the file text.
    pub raw: Range<usize>,
    /// The parsed record.
    pub value: Value,
}

/// Malformed JSON: one-based line and column (in characters) and `serde_json`'s message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Malformed {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// Reads a JSON Lines file: one record per non-blank line. A malformed line does not stop the
/// others: it is returned beside the good records, and records keep their line-order numbers
/// (`file#N` is the N-th non-blank line whether or not an earlier one was malformed), so a bad
/// line never renumbers — and so never re-identifies — the claims of the lines after it.
pub(crate) fn json_lines(text: &str) -> (Vec<Record>, Vec<Malformed>) {
    let mut records = Vec::new();
    let mut malformed = Vec::new();
    let mut number = 0;
    for (index, line) in lines(text, 0..text.len()).enumerate() {
        let content = &text[line.content.clone()];
        if content.trim().is_empty() {
            continue;
        }
        number += 1;
        match serde_json::from_str::<Value>(content) {
            Ok(value) => records.push(Record {
                number,
                raw: line.content,
                value,
            }),
            Err(error) => malformed.push(Malformed {
                line: index as u32 + 1,
                column: byte_column_to_chars(content, error.column()),
                message: message(&error),
            }),
        }
    }
    (records, malformed)
}

/// Reads a JSON file: an array of records, or one record (none for an empty file). `Ok(Err(kind))` names what the top
/// level was when it is neither an object nor an array.
pub(crate) fn json(text: &str) -> Result<Result<Vec<Record>, &'static str>, Malformed> {
    if text.trim().is_empty() {
        return Ok(Ok(Vec::new()));
    }
    let value = serde_json::from_str::<Value>(text).map_err(|error| {
        // serde_json counts lines by `\n` only and columns in bytes; find the byte, then ask the
        // line index, which also knows `\r`.
        let offset = byte_offset(text, error.line(), error.column());
        let (line, column) = LineIndex::new(text).line_column(text, offset);
        Malformed {
            line,
            column,
            message: message(&error),
        }
    })?;
    let start = skip_space(text.as_bytes(), 0);
    let records = match value {
        Value::Array(elements) => {
            let bytes = text.as_bytes();
            let mut position = skip_space(bytes, start + 1);
            let mut records = Vec::with_capacity(elements.len());
            for (index, value) in elements.into_iter().enumerate() {
                let end = skip_value(bytes, position);
                records.push(Record {
                    number: index + 1,
                    raw: position..end,
                    value,
                });
                position = skip_space(bytes, end);
                if bytes.get(position) == Some(&b',') {
                    position = skip_space(bytes, position + 1);
                }
            }
            records
        }
        Value::Object(_) => vec![Record {
            number: 1,
            raw: start..skip_value(text.as_bytes(), start),
            value,
        }],
        other => return Ok(Err(kind(&other))),
    };
    Ok(Ok(records))
}

/// What a JSON value is, for messages.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn message(error: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the location is reported separately.
    let full = error.to_string();
    match full.rfind(" at line ") {
        Some(at) => full[..at].to_owned(),
        None => full,
    }
}

fn byte_column_to_chars(line: &str, column: usize) -> u32 {
    let mut end = column.saturating_sub(1).min(line.len());
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    line[..end].chars().count() as u32 + 1
}

fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match memchr::memchr(b'\n', &text.as_bytes()[start..]) {
            Some(found) => start += found + 1,
            None => break,
        }
    }
    let mut offset = (start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn skip_space(bytes: &[u8], mut position: usize) -> usize {
    while position < bytes.len() && matches!(bytes[position], b' ' | b'\t' | b'\n' | b'\r') {
        position += 1;
    }
    position
}

/// The end of the string literal starting at `start` (a `"`).
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let mut position = start + 1;
    while let Some(found) = memchr::memchr2(b'"', b'\\', &bytes[position.min(bytes.len())..]) {
        position += found;
        if bytes[position] == b'\\' {
            position += 2;
        } else {
            return position + 1;
        }
    }
    bytes.len()
}

/// The end of the (valid) JSON value starting at `start`.
fn skip_value(bytes: &[u8], start: usize) -> usize {
    match bytes.get(start) {
        Some(b'"') => skip_string(bytes, start),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut position = start;
            while position < bytes.len() {
                match bytes[position] {
                    b'"' => {
                        position = skip_string(bytes, position);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return position + 1;
                        }
                    }
                    _ => {}
                }
                position += 1;
            }
            bytes.len()
        }
        _ => {
            let rest = &bytes[start.min(bytes.len())..];
            start
                + rest
                    .iter()
                    .take_while(|byte| !matches!(byte, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                    .count()
        }
    }
}

/// The string literal (quotes included) of member `key` of the object at `raw`, if its value is
/// a string.
pub(crate) fn string_member(text: &str, raw: Range<usize>, key: &str) -> Option<Range<usize>> {
    let bytes = &text.as_bytes()[..raw.end];
    let mut position = skip_space(bytes, raw.start);
    if bytes.get(position) != Some(&b'{') {
        return None;
    }
    position += 1;
    loop {
        position = skip_space(bytes, position);
        if bytes.get(position) != Some(&b'"') {
            return None;
        }
        let key_end = skip_string(bytes, position);
        let name = &text[position..key_end];
        let matches = if name.contains('\\') {
            serde_json::from_str::<String>(name).is_ok_and(|decoded| decoded == key)
        } else {
            &name[1..name.len() - 1] == key
        };
        position = skip_space(bytes, key_end);
        if bytes.get(position) != Some(&b':') {
            return None;
        }
        position = skip_space(bytes, position + 1);
        let value_end = skip_value(bytes, position);
        if matches && bytes.get(position) == Some(&b'"') {
            return Some(position..value_end);
        }
        position = skip_space(bytes, value_end);
        if bytes.get(position) != Some(&b',') {
            return None;
        }
        position += 1;
    }
}

/// Decodes the string literal `text[literal]` (quotes included), mapping every byte of the result
/// back to the literal's bytes in `text`.
pub(crate) fn decode_string(text: &str, literal: Range<usize>) -> (String, OffsetMap) {
    let bytes = text.as_bytes();
    let end = literal.end.saturating_sub(1).max(literal.start + 1);
    let mut out = String::with_capacity(end - literal.start);
    let mut map = OffsetMap::default();
    let mut position = literal.start + 1;
    while position < end {
        let run = memchr::memchr(b'\\', &bytes[position..end]).map_or(end - position, |found| found);
        if run > 0 {
            map.copied(out.len(), position);
            out.push_str(&text[position..position + run]);
            position += run;
            continue;
        }
        let escape_start = position;
        let (character, length) = match bytes.get(position + 1) {
            Some(b'n') => ('\n', 2),
            Some(b't') => ('\t', 2),
            Some(b'r') => ('\r', 2),
            Some(b'b') => ('\u{8}', 2),
            Some(b'f') => ('\u{c}', 2),
            Some(b'u') => unicode_escape(text, position, end),
            Some(&other) => (char::from(other), 2),
            None => (char::REPLACEMENT_CHARACTER, 1),
        };
        map.produced(out.len(), escape_start);
        out.push(character);
        position += length;
    }
    (out, map)
}

fn unicode_escape(text: &str, start: usize, end: usize) -> (char, usize) {
    let unit = |at: usize| {
        text.get(at + 2..at + 6)
            .filter(|_| at + 6 <= end && text.as_bytes()[at] == b'\\')
            .and_then(|hex| u16::from_str_radix(hex, 16).ok())
    };
    let Some(first) = unit(start) else {
        return (char::REPLACEMENT_CHARACTER, 2);
    };
    if (0xD800..0xDC00).contains(&first) {
        if let Some(second) = unit(start + 6).filter(|second| (0xDC00..0xE000).contains(second)) {
            let combined = 0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00);
            return (char::from_u32(combined).unwrap_or(char::REPLACEMENT_CHARACTER), 12);
        }
    }
    (
        char::from_u32(u32::from(first)).unwrap_or(char::REPLACEMENT_CHARACTER),
        6,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_malformed(text: &str, lines_format: bool, expected: (u32, u32)) {
        let error = if lines_format {
            json_lines(text).1.into_iter().next().expect("malformed")
        } else {
            json(text).expect_err("malformed")
        };
        assert_eq!((error.line, error.column), expected, "{error:?}");
        assert!(!error.message.contains(" at line "), "{error:?}");
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        check_malformed("{\"text\": \"a\"}\n\n{\"text\": \"é\" x}\n", true, (3, 14));
        check_malformed("[\r{\"a\": 1},\r{\"a\": }]", false, (3, 7));
        check_malformed("{\"a\": \"é\"", false, (1, 9));
    }

    #[test]
    fn records_and_their_positions() {
        let text = "[\n  {\"title\": \"x\", \"text\": \"a\\\"b\"},\n  {\"text\": \"c\"}\n]";
        let records = json(text).expect("valid").expect("array");
        let raws: Vec<&str> = records.iter().map(|record| &text[record.raw.clone()]).collect();
        assert_eq!(raws, ["{\"title\": \"x\", \"text\": \"a\\\"b\"}", "{\"text\": \"c\"}"]);
        let literal = string_member(text, records[0].raw.clone(), "text").expect("found");
        assert_eq!(&text[literal.clone()], "\"a\\\"b\"");
        assert!(string_member(text, records[0].raw.clone(), "body").is_none());
        assert_eq!(json("3").expect("valid").err(), Some("a number"));
        let lines = json_lines("{\"text\": 1}\n\n{}\n").0;
        assert_eq!(
            lines
                .iter()
                .map(|record| (record.number, record.raw.start))
                .collect::<Vec<_>>(),
            [(1, 0), (2, 13)]
        );
    }

    #[track_caller]
    fn check_decoded(literal: &str, expected: &str, expected_originals: &[usize]) {
        let (decoded, map) = decode_string(literal, 0..literal.len());
        assert_eq!(decoded, expected);
        assert_eq!(decoded, serde_json::from_str::<String>(literal).expect("valid literal"));
        let originals: Vec<usize> = decoded.char_indices().map(|(offset, _)| map.original(offset)).collect();
        assert_eq!(originals, expected_originals);
    }

    #[test]
    fn decodes_strings_with_a_map() {
        check_decoded(r#""ab""#, "ab", &[1, 2]);
        check_decoded(r#""a\nb\u00e9\ud83c\udf0d!""#, "a\nbé🌍!", &[1, 2, 4, 5, 11, 23]);
        check_decoded(r#""\"q\\""#, "\"q\\", &[1, 3, 4]);
    }
}
