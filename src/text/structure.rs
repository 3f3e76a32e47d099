//! Structures: tables and lists an article gives its figures in, outside ordinary sentences.
//!
//! A [`Structure`] is a table (a header row naming each column, then data rows) or a list (items
//! of a label and a figure, optionally numbered), with the context that names what it measures:
//! its caption, the heading or the sentence just before it. Every cell is a byte range into the
//! article's text, trimmed, so a claim read from a cell quotes it exactly and its line:column
//! points at the cell; decorations (flags, footnote markers) stay inside the cell and are left
//! for the reader of the cell to skip.
//!
//! Where structures come from: Markdown tables and lists are found by pulldown-cmark
//! (`super::markdown::structures`), HTML `<table>`s by the page scanner (`super::html`), and
//! plain-text pipe or tab tables, numbered or bulleted lists and "Label: figure" lines under a
//! heading by [`scan_lines`] here, one pass over the lines (linear in the text). A shape that
//! cannot be read safely — rows of another width than the header, no header row, merged cells —
//! is left to be read as prose and recorded as a [`StructureProblem`], so a column is never
//! assigned to the wrong meaning.

use std::ops::Range;

use super::lines::lines;

/// What a structure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StructureKind {
    /// Rows of cells under a header row.
    Table,
    /// Items of a label and a figure.
    List,
}

/// One row of a table, or one item of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The whole row (for a list item, its text after the marker).
    pub span: Range<usize>,
    /// The cells, trimmed; a list item has two: its label and its figure.
    pub cells: Vec<Range<usize>>,
    /// A list item's number ("1." or "#5"), if the list is numbered.
    pub number: Option<u32>,
    /// One-based place among the data rows (items) as written, rows read as prose included.
    pub position: u32,
}

/// A table or a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Structure {
    /// Table or list.
    pub kind: StructureKind,
    /// From the first to the last row.
    pub span: Range<usize>,
    /// The caption, heading or sentence that introduces it, if any.
    pub context: Option<Range<usize>>,
    /// Header cells of a table (one per column); empty for a list.
    pub header: Vec<Range<usize>>,
    /// The data rows, in order.
    pub rows: Vec<Row>,
}

/// A table or list that is read as prose instead, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StructureProblem {
    /// Byte offset in the article's text the problem is about.
    pub offset: usize,
    /// Lowercase message naming the problem and what happens instead.
    pub message: String,
}

/// The structures of one article, with the shapes that were read as prose.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Structures {
    /// Tables and lists, in text order.
    pub items: Vec<Structure>,
    /// Shapes left to prose, in text order.
    pub problems: Vec<StructureProblem>,
}

impl Structures {
    /// Sorts tables and lists into text order and drops any that overlap an earlier one.
    pub(crate) fn finish(&mut self) {
        self.items.sort_by_key(|item| item.span.start);
        let mut end = 0;
        self.items.retain(|item| {
            let keep = item.span.start >= end;
            if keep {
                end = item.span.end;
            }
            keep
        });
        self.problems.sort_by_key(|problem| problem.offset);
    }
}

/// Most cells one table row may have; a wider row is not a table row.
const MAX_CELLS: usize = 64;

/// `range` of `text` with white space trimmed on both sides.
pub(crate) fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

/// A header row names its columns: every cell has a letter, or is a year, `#` or empty.
pub(crate) fn is_header_row(text: &str, cells: &[Range<usize>]) -> bool {
    cells.iter().all(|cell| {
        let cell = &text[cell.clone()];
        cell.is_empty()
            || cell.chars().any(char::is_alphabetic)
            || matches!(cell, "#" | "№")
            || (cell.len() == 4 && cell.bytes().all(|byte| byte.is_ascii_digit()))
    }) && cells.iter().any(|cell| !cell.is_empty())
}

/// The line or sentence just before `offset` that introduces what follows: the last non-blank
/// line before it (a Markdown heading's `#` marks left out), or that line's last sentence when
/// it is a paragraph.
pub(crate) fn context_before(text: &str, offset: usize) -> Option<Range<usize>> {
    let before = text[..offset].trim_end();
    if before.is_empty() {
        return None;
    }
    let line_start = before.rfind(['\n', '\r']).map_or(0, |at| at + 1);
    let mut line = trim(text, line_start..before.len());
    let content = &text[line.clone()];
    let hashes = content.len() - content.trim_start_matches('#').len();
    if hashes > 0 {
        line = trim(text, line.start + hashes..line.end);
    }
    // A paragraph introduces its table with its last sentence.
    let body = &text[line.clone()];
    let trimmed = body.trim_end_matches([':', '.', ' ']);
    if let Some(at) = trimmed.rfind(". ") {
        line = trim(text, line.start + at + 1..line.end);
    }
    (!line.is_empty()).then_some(line)
}

/// Tables, lists and "Label: figure" runs of plain text in `text[range]`, one pass over its
/// lines. `skip` lists ranges already read by a real parser (Markdown), whose lines are not
/// scanned again.
pub(crate) fn scan_lines(text: &str, range: Range<usize>, skip: &[Range<usize>], found: &mut Structures) {
    let mut run: Vec<(Range<usize>, LineShape)> = Vec::new();
    let flush = |run: &mut Vec<(Range<usize>, LineShape)>, found: &mut Structures| {
        if !run.is_empty() {
            read_run(text, run, found);
            run.clear();
        }
    };
    let mut skipped = skip.iter().peekable();
    for line in lines(text, range) {
        while skipped.peek().is_some_and(|skip| skip.end <= line.content.start) {
            skipped.next();
        }
        if skipped.peek().is_some_and(|skip| skip.start < line.end) {
            flush(&mut run, found);
            continue;
        }
        let shape = line_shape(text, line.content.clone());
        let continues = run.last().is_some_and(|(_, last)| last.same_run(&shape));
        if !continues {
            flush(&mut run, found);
        }
        if shape != LineShape::Other {
            run.push((line.content, shape));
        }
    }
    flush(&mut run, found);
}

/// How one line may belong to a structure.
#[derive(Clone, Debug, PartialEq, Eq)]
enum LineShape {
    /// Cells separated by `|`.
    Pipes,
    /// Cells separated by tabs.
    Tabs,
    /// A `|---|:--:|` delimiter row.
    Delimiter,
    /// A numbered item ("1. …", "2) …", "#5 …"): its number and where its text starts.
    Numbered(u32, usize),
    /// A bulleted item ("- …", "* …", "• …"): where its text starts.
    Bulleted(usize),
    /// A "Label: figure" line.
    Labelled,
    /// Anything else.
    Other,
}

impl LineShape {
    fn same_run(&self, next: &LineShape) -> bool {
        use LineShape::{Bulleted, Delimiter, Labelled, Numbered, Pipes, Tabs};
        matches!(
            (self, next),
            (Pipes | Delimiter, Pipes | Delimiter)
                | (Tabs, Tabs)
                | (Numbered(..), Numbered(..))
                | (Bulleted(_), Bulleted(_))
                | (Labelled, Labelled)
        )
    }
}

fn line_shape(text: &str, content: Range<usize>) -> LineShape {
    let line = &text[content.clone()];
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return LineShape::Other;
    }
    let indent = line.len() - line.trim_start().len();
    let bytes = trimmed.as_bytes();
    // Most lines are prose: no cell separator, no list marker, no "Label: figure" colon.
    let marker = bytes[0].is_ascii_digit() || matches!(bytes[0], b'#' | b'-' | b'*' | b'+' | 0xE2 | 0xC2);
    if !marker && memchr::memchr3(b'|', b'\t', b':', bytes).is_none() {
        return LineShape::Other;
    }
    if memchr::memchr(b'|', bytes).is_some() {
        if trimmed
            .bytes()
            .all(|byte| matches!(byte, b'|' | b'-' | b':' | b' ' | b'+' | b'='))
            && trimmed.contains('-')
        {
            return LineShape::Delimiter;
        }
        let separators = memchr::memchr_iter(b'|', bytes).count();
        // A lone `|` both starts and ends the line: it has no inner separator.
        let inner = separators
            .saturating_sub(usize::from(trimmed.starts_with('|')))
            .saturating_sub(usize::from(trimmed.ends_with('|')));
        if inner >= 1 && separators < MAX_CELLS {
            return LineShape::Pipes;
        }
    }
    if memchr::memchr(b'\t', line.trim().as_bytes()).is_some() {
        return LineShape::Tabs;
    }
    let start = content.start + indent;
    // "1. Chile", "2) Peru", "#5 Argentina".
    let digits_from = usize::from(bytes[0] == b'#');
    let digits = bytes[digits_from..]
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    if digits > 0 && digits <= 4 {
        let after = digits_from + digits;
        let marker_ok = if digits_from == 1 {
            bytes.get(after).is_some_and(|byte| *byte == b' ')
        } else {
            matches!(bytes.get(after), Some(b'.' | b')')) && bytes.get(after + 1) == Some(&b' ')
        };
        if marker_ok {
            let number = trimmed[digits_from..after].parse().unwrap_or(0);
            let body = after + usize::from(digits_from == 0) + 1;
            return LineShape::Numbered(number, start + body);
        }
    }
    for bullet in ["- ", "* ", "+ ", "• ", "· ", "– "] {
        if trimmed.starts_with(bullet) {
            return LineShape::Bulleted(start + bullet.len());
        }
    }
    if let Some(colon) = memchr::memmem::find(trimmed.as_bytes(), b": ") {
        let (label, figure) = (&trimmed[..colon], &trimmed[colon + 2..]);
        // Cheap tests first, and words counted only as far as the limit: a line of prose
        // ("He said: …") may run to hundreds of words.
        if !label.is_empty()
            && label.split_whitespace().nth(6).is_none()
            && !label.contains(['.', ',', ';'])
            && figure
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(|c: char| c.is_ascii_digit())
            && figure.split_whitespace().nth(10).is_none()
        {
            return LineShape::Labelled;
        }
    }
    LineShape::Other
}

/// Reads one run of lines of the same shape into a structure, or records why it is prose.
fn read_run(text: &str, run: &[(Range<usize>, LineShape)], found: &mut Structures) {
    let first = run[0].0.clone();
    let last = run[run.len() - 1].0.clone();
    match &run[0].1 {
        LineShape::Pipes | LineShape::Delimiter | LineShape::Tabs => {
            let separator = if run[0].1 == LineShape::Tabs { '\t' } else { '|' };
            let rows: Vec<(Range<usize>, Vec<Range<usize>>)> = run
                .iter()
                .filter(|(_, shape)| *shape != LineShape::Delimiter)
                .map(|(line, _)| (line.clone(), split_cells(text, line.clone(), separator)))
                .collect();
            if rows.len() < 2 {
                return;
            }
            table_from_rows(text, first.start..last.end, &rows, found);
        }
        LineShape::Numbered(..) | LineShape::Bulleted(_) | LineShape::Labelled => {
            let rows: Vec<Row> = run
                .iter()
                .filter_map(|(line, shape)| {
                    let (body, number) = match shape {
                        LineShape::Numbered(number, body) => (*body, Some(*number)),
                        LineShape::Bulleted(body) => (*body, None),
                        _ => (line.start, None),
                    };
                    list_item(text, body..line.end, number)
                })
                .collect();
            let mut rows = rows;
            for (index, row) in rows.iter_mut().enumerate() {
                row.position = index as u32 + 1;
            }
            // A lone line is a sentence, not a list.
            if rows.len() >= 2 {
                found.items.push(Structure {
                    kind: StructureKind::List,
                    span: first.start..last.end,
                    context: context_before(text, first.start),
                    header: Vec::new(),
                    rows,
                });
            }
        }
        LineShape::Other => {}
    }
}

/// The cells of one pipe- or tab-separated line, trimmed; outer pipes are not separators.
fn split_cells(text: &str, line: Range<usize>, separator: char) -> Vec<Range<usize>> {
    let mut range = trim(text, line);
    if separator == '|' {
        if text[range.clone()].starts_with('|') {
            range.start += 1;
        }
        if text[range.clone()].ends_with('|') && range.end > range.start {
            range.end -= 1;
        }
    }
    let mut cells = Vec::new();
    let mut start = range.start;
    for (at, character) in text[range.clone()].char_indices() {
        if character == separator {
            cells.push(trim(text, start..range.start + at));
            start = range.start + at + 1;
        }
    }
    cells.push(trim(text, start..range.end));
    cells
}

/// A table from rows of cells: the first row must be a header and every row as wide as it;
/// otherwise the whole table is prose, or the ragged row is.
pub(crate) fn table_from_rows(
    text: &str,
    span: Range<usize>,
    rows: &[(Range<usize>, Vec<Range<usize>>)],
    found: &mut Structures,
) {
    let (header_line, header) = &rows[0];
    if !is_header_row(text, header) {
        found.problems.push(StructureProblem {
            offset: header_line.start,
            message:
                "table has no header row (its first row holds figures), so its columns have no meaning; read as prose"
                    .into(),
        });
        return;
    }
    let mut data = Vec::with_capacity(rows.len() - 1);
    for (index, (line, cells)) in rows[1..].iter().enumerate() {
        if cells.len() != header.len() {
            found.problems.push(StructureProblem {
                offset: line.start,
                message: format!(
                    "table row has {} cells but the header has {}, so its cells cannot be matched to columns; row read as prose",
                    cells.len(),
                    header.len()
                ),
            });
            continue;
        }
        data.push(Row {
            span: trim(text, line.clone()),
            cells: cells.clone(),
            number: None,
            position: index as u32 + 1,
        });
    }
    if data.is_empty() {
        return;
    }
    found.items.push(Structure {
        kind: StructureKind::Table,
        span,
        context: context_before(text, rows[0].0.start),
        header: header.clone(),
        rows: data,
    });
}

/// Separators between a list item's label and its figure, in order of preference.
const ITEM_SEPARATORS: &[&str] = &[": ", " — ", " – ", " - ", "\t", " | ", " = "];

/// A list item from its text after the marker: a label and a figure, split at the first
/// separator, or before the first digit when there is none. `None` when the item has no figure.
pub(crate) fn list_item(text: &str, body: Range<usize>, number: Option<u32>) -> Option<Row> {
    let body = trim(text, body);
    let item = &text[body.clone()];
    let split = ITEM_SEPARATORS
        .iter()
        .filter_map(|separator| item.find(separator).map(|at| (at, at + separator.len())))
        .min_by_key(|(at, _)| *at)
        .or_else(|| {
            item.find(|c: char| c.is_ascii_digit() || matches!(c, '$' | '£' | '€' | '¥'))
                .filter(|&at| at > 0)
                .map(|at| (at, at))
        })?;
    let label = trim(text, body.start..body.start + split.0);
    let figure = trim(text, body.start + split.1..body.end);
    if label.is_empty() || !text[figure.clone()].contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(Row {
        span: body,
        cells: vec![label, figure],
        number,
        position: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Structures {
        let mut found = Structures::default();
        scan_lines(text, 0..text.len(), &[], &mut found);
        found.finish();
        found
    }

    fn cells(text: &str, row: &Row) -> Vec<String> {
        row.cells.iter().map(|cell| text[cell.clone()].to_string()).collect()
    }

    #[test]
    fn a_lone_pipe_is_no_table_row() {
        for text in ["|", "  |  ", "|\n|\n", "a\n|\nb"] {
            assert_eq!(
                line_shape(text, 0..text.find('\n').unwrap_or(text.len())),
                LineShape::Other,
                "{text:?}"
            );
            scan(text);
        }
    }

    #[test]
    fn pipe_and_tab_tables() {
        let text = "Reserves by country:\n\n| Country | Reserves (t) |\n|---|---:|\n| Chile | 9,300,000 |\n| Peru* | 1,000 |\n\nCountry\tShare %\nChina\t69\n";
        let found = scan(text);
        assert_eq!(found.items.len(), 2, "{found:?}");
        let table = &found.items[0];
        assert_eq!(table.kind, StructureKind::Table);
        assert_eq!(table.context.clone().map(|c| &text[c]), Some("Reserves by country:"));
        assert_eq!(cells(text, &table.rows[1]), ["Peru*", "1,000"]);
        assert_eq!(&text[table.header[1].clone()], "Reserves (t)");
        let tabs = &found.items[1];
        assert_eq!(cells(text, &tabs.rows[0]), ["China", "69"]);
    }

    #[test]
    fn bad_tables_are_prose() {
        let ragged = scan("A | B\n1 | 2 | 3\nx | 4\n");
        assert_eq!(ragged.items.len(), 1);
        assert_eq!(ragged.items[0].rows.len(), 1);
        assert!(
            ragged.problems[0].message.contains("3 cells but the header has 2"),
            "{ragged:?}"
        );
        let headless = scan("Chile | 9.3\nPeru | 2.0\n");
        assert!(headless.items.is_empty());
        assert!(headless.problems[0].message.contains("no header row"));
    }

    #[test]
    fn lists() {
        let text = "Top lithium reserves\n1. Chile — 9.3 million tonnes\n2. Australia: 7 million tonnes\n#3 Argentina 3.6 Mt\n\n## Output\n- Peru: 10 t\n- Ghana – 5 t\n\nUSGS figures\nChina: 44 Mt\nBrazil: 21 Mt\n";
        let found = scan(text);
        assert_eq!(found.items.len(), 3, "{found:?}");
        let ranked = &found.items[0];
        assert_eq!(
            ranked.rows.iter().map(|row| row.number).collect::<Vec<_>>(),
            [Some(1), Some(2), Some(3)]
        );
        assert_eq!(cells(text, &ranked.rows[2]), ["Argentina", "3.6 Mt"]);
        assert_eq!(found.items[1].context.clone().map(|c| &text[c]), Some("Output"));
        assert_eq!(cells(text, &found.items[2].rows[1]), ["Brazil", "21 Mt"]);
        // One labelled line is a sentence.
        assert!(scan("Note: 5 tonnes were lost.\n").items.is_empty());
    }
}
