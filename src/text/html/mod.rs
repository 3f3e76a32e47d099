//! HTML: the visible text of a page, with a map back to the original bytes.
//!
//! Key decision: a small, forgiving tag scanner instead of a DOM. It walks the page once, drops
//! comments and the content of non-prose elements (`<script>`, `<style>`, `<nav>`, `<header>`,
//! `<footer>`, `<aside>`, `<noscript>`, `<template>`, …), decodes character references, collapses
//! white space as a browser does, and turns block-level tags into line breaks (a blank line for
//! paragraphs and headings, a single break for `<br>`, `<li>` and `<tr>`). Every byte of the
//! extracted text maps back to the original file through an [`OffsetMap`], so claims report the
//! line and column of the HTML file itself. Malformed markup never fails: an unclosed tag or
//! comment ends the text, a stray `<` is text.
//!
//! Tables: while scanning, each `<table>`'s rows and `<td>`/`<th>` cells are recorded as ranges
//! of the extracted text (its `<caption>` as the context), so a figure read from a cell maps back
//! to the cell in the file. A table with merged cells (`colspan`/`rowspan` above 1) or a table
//! inside a table is recorded as a problem and left to prose. (A DOM from an HTML5 parser would
//! lose the byte offsets this map needs; the scanner keeps them exact.)

mod entities;

use std::ops::Range;

use memchr::memmem;

use super::article::Meta;
use super::offsets::OffsetMap;
use super::structure::{self, StructureProblem, Structures};
use entities::{decode_entities, entity};

/// The visible text of a page.
#[derive(Clone, Debug, Default)]
pub(crate) struct Extracted {
    pub text: String,
    pub map: OffsetMap,
    pub meta: Meta,
    /// The page's tables, as ranges of `text`.
    pub tables: Structures,
}

/// A `<table>` being read.
#[derive(Default)]
struct TableBuild {
    /// Where its text starts.
    start: usize,
    /// Rows: (start, cells as (range, is a header cell)).
    rows: Vec<(usize, Vec<Range<usize>>)>,
    /// The cell being read: where it starts.
    cell: Option<usize>,
    /// `<caption>` text.
    caption: Option<Range<usize>>,
    caption_start: Option<usize>,
    /// Merged or nested cells make the table unreadable as one.
    problem: Option<&'static str>,
    /// Tables open inside this one.
    nested: usize,
}

/// Elements whose content is raw text, skipped up to the matching end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];
/// Elements whose content is not prose, dropped with everything inside them.
const DROPPED: &[&str] = &[
    "nav", "header", "footer", "aside", "noscript", "template", "svg", "math", "select", "button", "form",
];
/// Block elements that end a paragraph (a blank line in the text).
const PARAGRAPH: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "center",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "hr",
    "html",
    "legend",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "title",
    "ul",
];
/// Elements that end a line.
const LINE: &[&str] = &["br", "li", "dt", "dd", "tr", "caption", "option"];
/// Table cells: separated by a space.
const CELL: &[&str] = &["td", "th"];

/// Extracts the visible text and metadata of `html`.
pub(crate) fn extract(html: &str) -> Extracted {
    let mut scanner = Scanner {
        html,
        out: Extracted::default(),
        ..Scanner::default()
    };
    scanner.run();
    let mut extracted = scanner.out;
    // Trailing breaks from closing tags carry nothing; map entries past the end are harmless.
    extracted.text.truncate(extracted.text.trim_end().len());
    if extracted.meta.title.is_none() {
        extracted.meta.title = scanner.og_title;
    }
    if extracted.meta.date.is_none() {
        extracted.meta.date = super::date::html_published(html);
    }
    extracted
}

#[derive(Default)]
struct Scanner<'a> {
    html: &'a str,
    out: Extracted,
    /// Original offset of pending collapsed white space.
    pending_space: Option<usize>,
    /// Line breaks at the end of the text so far.
    trailing_breaks: u8,
    /// How many dropped elements enclose the current position.
    drop_depth: usize,
    /// Text of the `<title>` being read.
    title: Option<String>,
    og_title: Option<String>,
    /// The table being read.
    table: Option<TableBuild>,
    /// The lists being read, innermost last.
    lists: Vec<ListBuild>,
}

/// An `<ol>` or `<ul>` being read.
struct ListBuild {
    /// Where its text starts.
    start: usize,
    /// The number of its first item, if it is ordered.
    first: Option<u32>,
    /// Its items' text.
    items: Vec<Range<usize>>,
    /// The item being read: where it starts.
    item: Option<usize>,
}

impl ListBuild {
    fn end_item(&mut self, text: &str) {
        if let Some(start) = self.item.take() {
            self.items.push(structure::trim(text, start..text.len()));
        }
    }
}

impl Scanner<'_> {
    fn run(&mut self) {
        let html = self.html;
        let bytes = html.as_bytes();
        let mut position = 0;
        while position < bytes.len() {
            let byte = bytes[position];
            if byte == b'<' {
                if let Some(next) = self.tag(position) {
                    position = next;
                    continue;
                }
            } else if byte == b'&' {
                if let Some((decoded, next)) = entity(html, position) {
                    if let Some(character) = decoded {
                        self.produce(character, position);
                    }
                    position = next;
                    continue;
                }
            } else if matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C') {
                if self.drop_depth == 0 && self.pending_space.is_none() {
                    self.pending_space = Some(position);
                }
                if let Some(title) = &mut self.title {
                    title.push(' ');
                }
                position += 1;
                continue;
            }
            let character = html[position..]
                .chars()
                .next()
                .expect("position is on a char boundary below the end");
            if self.drop_depth == 0 {
                self.flush_space();
                self.out.map.copied(self.out.text.len(), position);
                self.out.text.push(character);
                self.trailing_breaks = 0;
                if let Some(title) = &mut self.title {
                    title.push(character);
                }
            }
            position += character.len_utf8();
        }
    }

    fn produce(&mut self, character: char, original: usize) {
        if self.drop_depth > 0 {
            return;
        }
        self.flush_space();
        self.out.map.produced(self.out.text.len(), original);
        self.out.text.push(character);
        self.trailing_breaks = 0;
        if let Some(title) = &mut self.title {
            title.push(character);
        }
    }

    fn flush_space(&mut self) {
        let Some(original) = self.pending_space.take() else {
            return;
        };
        if self.trailing_breaks > 0 || self.out.text.is_empty() {
            return;
        }
        if self.html.as_bytes()[original] == b' ' {
            self.out.map.copied(self.out.text.len(), original);
        } else {
            self.out.map.produced(self.out.text.len(), original);
        }
        self.out.text.push(' ');
    }

    fn line_break(&mut self, count: u8, original: usize) {
        if self.drop_depth > 0 {
            return;
        }
        self.pending_space = None;
        if self.out.text.is_empty() {
            return;
        }
        while self.trailing_breaks < count {
            self.out.map.produced(self.out.text.len(), original);
            self.out.text.push('\n');
            self.trailing_breaks += 1;
        }
    }

    /// Handles the markup starting at `start` (a `<`); returns where scanning resumes, or `None`
    /// when the `<` is plain text.
    fn tag(&mut self, start: usize) -> Option<usize> {
        let html = self.html;
        let bytes = html.as_bytes();
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            return Some(memmem::find(&rest[4..], b"-->").map_or(bytes.len(), |end| start + 4 + end + 3));
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            return Some(memchr::memchr(b'>', rest).map_or(bytes.len(), |end| start + end + 1));
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let name_end = name_start
            + bytes[name_start..]
                .iter()
                .take_while(|byte| byte.is_ascii_alphanumeric() || **byte == b'-' || **byte == b':')
                .count();
        let name = html[name_start..name_end].to_ascii_lowercase();
        if closing {
            let end = memchr::memchr(b'>', &bytes[name_end..]).map_or(bytes.len(), |end| name_end + end + 1);
            self.close(&name, start);
            return Some(end);
        }
        let wants_attributes = matches!(name.as_str(), "meta" | "link" | "td" | "th" | "ol");
        let (end, self_closing, attributes) = attributes(html, name_end, wants_attributes);
        if RAW_TEXT.contains(&name.as_str()) {
            return Some(if self_closing {
                end
            } else {
                skip_raw_text(bytes, end, &name)
            });
        }
        self.open(&name, start, self_closing, &attributes);
        Some(end)
    }

    fn open(&mut self, name: &str, start: usize, self_closing: bool, attributes: &[(String, String)]) {
        if DROPPED.contains(&name) {
            self.line_break(2, start);
            if !self_closing {
                self.drop_depth += 1;
            }
            return;
        }
        match name {
            "meta" => self.meta_tag(attributes),
            "link" => {
                let attribute = |wanted: &str| attributes.iter().find(|(key, _)| key == wanted).map(|(_, value)| value);
                if attribute("rel").is_some_and(|rel| rel.eq_ignore_ascii_case("canonical"))
                    && self.out.meta.url.is_none()
                {
                    self.out.meta.url = attribute("href").filter(|href| !href.is_empty()).cloned();
                }
            }
            _ => {}
        }
        self.structure(name, start);
        if self.drop_depth == 0 {
            self.open_table_part(name, attributes);
        }
        if name == "title" && self.drop_depth == 0 && !self_closing {
            self.title = Some(String::new());
        }
    }

    fn close(&mut self, name: &str, start: usize) {
        if DROPPED.contains(&name) {
            self.drop_depth = self.drop_depth.saturating_sub(1);
            self.line_break(2, start);
            return;
        }
        if name == "title" {
            if let Some(title) = self.title.take() {
                let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
                if self.out.meta.title.is_none() && !title.is_empty() {
                    self.out.meta.title = Some(title);
                }
            }
        }
        if self.drop_depth == 0 {
            self.close_table_part(name);
        }
        self.structure(name, start);
    }

    /// Records the start of a table, row, cell, caption, list or list item.
    fn open_table_part(&mut self, name: &str, attributes: &[(String, String)]) {
        let at = self.out.text.len();
        match name {
            "ol" | "ul" => {
                let start = attributes
                    .iter()
                    .find(|(key, _)| key == "start")
                    .and_then(|(_, value)| value.trim().parse().ok())
                    .unwrap_or(1);
                self.lists.push(ListBuild {
                    start: at,
                    first: (name == "ol").then_some(start),
                    items: Vec::new(),
                    item: None,
                });
                return;
            }
            "li" => {
                if let Some(list) = self.lists.last_mut() {
                    list.end_item(&self.out.text);
                    list.item = Some(at);
                }
                return;
            }
            _ => {}
        }
        if name == "table" {
            match &mut self.table {
                Some(table) => {
                    table.nested += 1;
                    table.problem = Some("a table inside a table cell");
                }
                None => {
                    self.table = Some(TableBuild {
                        start: at,
                        ..TableBuild::default()
                    });
                }
            }
            return;
        }
        let Some(table) = self.table.as_mut().filter(|table| table.nested == 0) else {
            return;
        };
        match name {
            "caption" => table.caption_start = Some(at),
            "tr" => {
                table.end_cell(&self.out.text);
                table.rows.push((at, Vec::new()));
            }
            "td" | "th" => {
                table.end_cell(&self.out.text);
                let merged = attributes.iter().any(|(key, value)| {
                    (key == "colspan" || key == "rowspan") && value.trim().parse::<u32>().is_ok_and(|span| span > 1)
                });
                if merged {
                    table.problem = Some("merged cells (colspan or rowspan)");
                }
                if table.rows.is_empty() {
                    table.rows.push((at, Vec::new()));
                }
                table.cell = Some(at);
            }
            _ => {}
        }
    }

    /// Records the end of a table, row, cell, caption, list or list item.
    fn close_table_part(&mut self, name: &str) {
        match name {
            "li" => {
                if let Some(list) = self.lists.last_mut() {
                    list.end_item(&self.out.text);
                }
                return;
            }
            "ol" | "ul" => {
                if let Some(mut list) = self.lists.pop() {
                    list.end_item(&self.out.text);
                    // Items of a list inside a list item belong to that item's text.
                    if self.lists.is_empty() {
                        self.finish_list(&list);
                    }
                }
                return;
            }
            _ => {}
        }
        let Some(table) = self.table.as_mut() else {
            return;
        };
        let text = &self.out.text;
        match name {
            "table" if table.nested > 0 => table.nested -= 1,
            "table" => {
                table.end_cell(text);
                let table = self.table.take().expect("a table is open");
                table.finish(text, &mut self.out.tables);
            }
            _ if table.nested > 0 => {}
            "caption" => {
                if let Some(start) = table.caption_start.take() {
                    table.caption =
                        Some(structure::trim(text, start..text.len())).filter(|caption| !caption.is_empty());
                }
            }
            "td" | "th" | "tr" => table.end_cell(text),
            _ => {}
        }
    }

    fn structure(&mut self, name: &str, start: usize) {
        if PARAGRAPH.contains(&name) {
            self.line_break(2, start);
        } else if LINE.contains(&name) {
            self.line_break(1, start);
        } else if CELL.contains(&name)
            && self.drop_depth == 0
            && self.pending_space.is_none()
            && self.trailing_breaks == 0
        {
            self.pending_space = Some(start);
        }
    }

    fn meta_tag(&mut self, attributes: &[(String, String)]) {
        let mut key = None;
        let mut content = None;
        for (name, value) in attributes {
            match name.as_str() {
                "property" | "name" | "itemprop" => key = Some(value.to_ascii_lowercase()),
                "content" => content = Some(value.trim().to_owned()),
                _ => {}
            }
        }
        let (Some(key), Some(content)) = (key, content) else {
            return;
        };
        if content.is_empty() {
            return;
        }
        let meta = &mut self.out.meta;
        let slot = match key.as_str() {
            "og:site_name" | "publisher" | "dc.publisher" | "application-name" => &mut meta.outlet,
            "article:published_time"
            | "og:published_time"
            | "date"
            | "pubdate"
            | "publish-date"
            | "publish_date"
            | "dc.date"
            | "dc.date.issued"
            | "datepublished"
            | "sailthru.date"
            | "parsely-pub-date" => &mut meta.date,
            "og:url" => &mut meta.url,
            "og:title" | "twitter:title" => &mut self.og_title,
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(content);
        }
    }
}

impl Scanner<'_> {
    /// A list of at least two items with figures, numbered when it is an `<ol>`.
    fn finish_list(&mut self, list: &ListBuild) {
        let text = &self.out.text;
        let rows: Vec<structure::Row> = list
            .items
            .iter()
            .enumerate()
            .filter_map(|(index, item)| {
                // The item's first line: a nested list's items are not its figure.
                let end = text[item.clone()].find('\n').map_or(item.end, |at| item.start + at);
                let number = list.first.map(|first| first + index as u32);
                let mut row = structure::list_item(text, item.start..end, number)?;
                row.position = index as u32 + 1;
                Some(row)
            })
            .collect();
        if rows.len() < 2 {
            return;
        }
        let span = rows[0].span.start..rows[rows.len() - 1].span.end;
        self.out.tables.items.push(structure::Structure {
            kind: structure::StructureKind::List,
            context: structure::context_before(text, list.start),
            span,
            header: Vec::new(),
            rows,
        });
    }
}

impl TableBuild {
    fn end_cell(&mut self, text: &str) {
        if let (Some(start), Some((_, cells))) = (self.cell.take(), self.rows.last_mut()) {
            cells.push(structure::trim(text, start..text.len()));
        }
    }

    /// The table, or the problem that leaves it to prose.
    fn finish(self, text: &str, tables: &mut Structures) {
        if let Some(problem) = self.problem {
            tables.problems.push(StructureProblem {
                offset: self.start,
                message: format!("table has {problem}, so its cells cannot be matched to columns; read as prose"),
            });
            return;
        }
        let rows: Vec<(Range<usize>, Vec<Range<usize>>)> = self
            .rows
            .into_iter()
            .filter(|(_, cells)| !cells.is_empty())
            .map(|(start, cells)| {
                let end = cells.last().map_or(start, |cell| cell.end);
                (structure::trim(text, start..end), cells)
            })
            .collect();
        if rows.len() < 2 {
            return;
        }
        let span = rows[0].0.start..rows[rows.len() - 1].0.end;
        let before = tables.items.len();
        structure::table_from_rows(text, span, &rows, tables);
        if let (Some(caption), Some(table)) = (self.caption, tables.items.get_mut(before)) {
            table.context = Some(caption);
        }
    }
}

/// Parses the attributes of a start tag from `from` (just after its name). Returns the offset
/// after the `>`, whether the tag was self-closing, and the attributes (names lower-cased,
/// values entity-decoded) when `collect` is set.
fn attributes(html: &str, from: usize, collect: bool) -> (usize, bool, Vec<(String, String)>) {
    let bytes = html.as_bytes();
    let mut position = from;
    let mut found = Vec::new();
    let is_space = |byte: u8| byte.is_ascii_whitespace();
    loop {
        while position < bytes.len() && (is_space(bytes[position]) || bytes[position] == b'/') {
            if bytes[position] == b'/' && bytes.get(position + 1) == Some(&b'>') {
                return (position + 2, true, found);
            }
            position += 1;
        }
        if position >= bytes.len() {
            return (bytes.len(), false, found);
        }
        if bytes[position] == b'>' {
            return (position + 1, false, found);
        }
        let name_start = position;
        while position < bytes.len() && !is_space(bytes[position]) && !matches!(bytes[position], b'=' | b'>' | b'/') {
            position += 1;
        }
        let name = &html[name_start..position];
        while position < bytes.len() && is_space(bytes[position]) {
            position += 1;
        }
        let mut value = "";
        if bytes.get(position) == Some(&b'=') {
            position += 1;
            while position < bytes.len() && is_space(bytes[position]) {
                position += 1;
            }
            if let Some(&quote @ (b'"' | b'\'')) = bytes.get(position) {
                let value_start = position + 1;
                let value_end =
                    memchr::memchr(quote, &bytes[value_start..]).map_or(bytes.len(), |end| value_start + end);
                value = &html[value_start..value_end];
                position = (value_end + 1).min(bytes.len());
            } else {
                let value_start = position;
                while position < bytes.len() && !is_space(bytes[position]) && bytes[position] != b'>' {
                    position += 1;
                }
                value = &html[value_start..position];
            }
        }
        if collect && !name.is_empty() {
            found.push((name.to_ascii_lowercase(), decode_entities(value)));
        }
    }
}

/// The offset after the end tag `</name>` that closes a raw-text element whose content starts
/// at `from` (the end of the text when there is none).
fn skip_raw_text(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut position = from;
    while let Some(found) = memmem::find(&bytes[position..], b"</") {
        let name_start = position + found + 2;
        let name_end = name_start + name.len();
        let matches_name = bytes
            .get(name_start..name_end)
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()));
        if matches_name && !bytes.get(name_end).is_some_and(u8::is_ascii_alphanumeric) {
            return memchr::memchr(b'>', &bytes[name_end..]).map_or(bytes.len(), |end| name_end + end + 1);
        }
        position = name_start;
    }
    bytes.len()
}

#[cfg(test)]
mod tests;
