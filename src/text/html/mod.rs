//! HTML: the visible text of a page, with a map back to the original bytes.
//!
//! Key decision: a real HTML5 tokenizer (html5gum, WHATWG-conformant: it passes html5lib's
//! tokenizer tests) under a small element scanner of our own, instead of a DOM. The tokenizer does
//! all of the syntax: tags and attributes, comments, doctypes, bogus markup, every named and
//! numeric character reference (legacy ones without `;` too, and the Windows-1252 reading of
//! `&#146;`), and the raw-text states of `<script>`, `<style>`, `<textarea>`, `<title>`, … (the
//! scanner tells it which state an element's content is read in, as a tree builder would).
//! `tokens.rs` turns its callbacks into text runs and tags, each with the page bytes it came
//! from, so every byte of the extracted text maps back to the original file through an
//! [`OffsetMap`] (a decoded `&amp;` to the `&` it starts at) and claims report the line and
//! column of the HTML file itself.
//!
//! The scanner is not a tree builder: it keeps no stack of open elements, so there is no
//! foster parenting, adoption agency or implied `<tbody>`, and a DOM would lose the byte offsets
//! this map needs anyway. It needs far less: it drops the content of non-prose elements
//! (`<script>`, `<style>`, `<nav>`, `<header>`, `<footer>`, `<aside>`, `<noscript>`,
//! `<template>`, …, counted by depth), collapses white space as a browser does, and turns
//! block-level tags, open or close, into line breaks (a blank line for paragraphs and headings,
//! a single break for `<br>`, `<li>` and `<tr>`). The end tags HTML lets a page leave out are
//! implied where they matter: a `<p>` ends a paragraph whether or not the last one was closed, a
//! new `<li>` ends the item before, a new `<td>` or `<tr>` the cell or row before, and `</table>`
//! all of them. `<svg>` and `<math>` are dropped, and inside them the tokenizer reads foreign
//! content (`<![CDATA[` sections, no raw-text states). Malformed markup never fails: an unclosed
//! tag or comment ends the text, a stray `<` is text.
//!
//! Tables: while scanning, each `<table>`'s rows and `<td>`/`<th>` cells are recorded as ranges
//! of the extracted text (its `<caption>` as the context), so a figure read from a cell maps back
//! to the cell in the file. A table with merged cells (`colspan`/`rowspan` above 1) or a table
//! inside a table is recorded as a problem and left to prose. Lists (`<ol>`, `<ul>`) are recorded
//! the same way, item by item.

mod tokens;

use std::ops::Range;

use html5gum::State;

use super::article::Meta;
use super::offsets::OffsetMap;
use super::structure::{self, StructureProblem, Structures};
use tokens::{Sink, Tag};

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

/// What an element does to the text, by its (lower-cased) name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Its content is raw text to the tokenizer (RCDATA for `<textarea>`), skipped up to its
    /// end tag; it makes no line break.
    RawText,
    /// Not prose: dropped with everything inside it.
    Dropped,
    /// A block that ends a paragraph (a blank line in the text).
    Paragraph,
    /// Ends a line.
    Line,
    /// A table cell: separated by a space.
    Cell,
    /// Inline, or unknown: nothing.
    Inline,
}

/// One `match` rather than a search of lists: it runs for every tag of a page.
fn kind(name: &str) -> Kind {
    match name {
        "script" | "style" | "textarea" | "xmp" | "iframe" | "noembed" | "noframes" | "plaintext" => Kind::RawText,
        "nav" | "header" | "footer" | "aside" | "noscript" | "template" | "svg" | "math" | "select" | "button"
        | "form" => Kind::Dropped,
        "address" | "article" | "blockquote" | "body" | "center" | "details" | "dialog" | "div" | "dl" | "fieldset"
        | "figcaption" | "figure" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "hgroup" | "hr" | "html" | "legend"
        | "main" | "menu" | "ol" | "p" | "pre" | "section" | "summary" | "table" | "title" | "ul" => Kind::Paragraph,
        "br" | "li" | "dt" | "dd" | "tr" | "caption" | "option" => Kind::Line,
        "td" | "th" => Kind::Cell,
        _ => Kind::Inline,
    }
}

/// Extracts the visible text and metadata of `html`.
pub(crate) fn extract(html: &str) -> Extracted {
    let mut scanner = Scanner {
        html,
        out: Extracted::default(),
        ..Scanner::default()
    };
    tokens::tokenize(html, &mut scanner);
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
    /// Inside a raw-text element whose content is dropped (until the tokenizer's end tag).
    raw_text: bool,
    /// How many `<svg>` and `<math>` elements enclose the current position.
    foreign_depth: usize,
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

/// The tokenizer state of an element's content: how a browser reads it with scripting on.
fn content_state(name: &str) -> Option<State> {
    match name {
        "script" => Some(State::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(State::RawText),
        "textarea" | "title" => Some(State::RcData),
        "plaintext" => Some(State::PlainText),
        _ => None,
    }
}

/// Characters a reference can stand for that render as nothing (`&shy;`, `&zwnj;`, `&zwj;`,
/// `&lrm;`, `&rlm;`): left out of the text, so that a word stays one word.
fn renders_as_nothing(character: char) -> bool {
    matches!(character, '\u{AD}' | '\u{200C}'..='\u{200F}')
}

impl Sink for Scanner<'_> {
    fn verbatim(&mut self, range: Range<usize>) {
        if self.raw_text || self.drop_depth > 0 {
            return;
        }
        let html = self.html;
        // Runs join across characters, so both ends are on boundaries; never panic if not.
        let Some(run) = html.get(range.clone()) else {
            return;
        };
        let bytes = run.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // A stretch that collapsing leaves as it is: words with single spaces between them,
            // up to white space that changes (a line end, a tab, two spaces, a space at the
            // end). White space is ASCII, so `end` is a char boundary.
            let mut end = at;
            while end < bytes.len() {
                let byte = bytes[end];
                if is_html_space_byte(byte)
                    && (byte != b' ' || end == at || bytes.get(end + 1).is_none_or(|&next| is_html_space_byte(next)))
                {
                    break;
                }
                end += 1;
            }
            if end > at {
                let stretch = &run[at..end];
                self.flush_space();
                self.out.map.copied(self.out.text.len(), range.start + at);
                self.out.text.push_str(stretch);
                self.trailing_breaks = 0;
                if let Some(title) = &mut self.title {
                    title.push_str(stretch);
                }
            }
            if end < bytes.len() {
                self.space(range.start + end);
                at = end + 1;
                // The rest of a run of white space adds nothing.
                while at < bytes.len() && is_html_space_byte(bytes[at]) {
                    at += 1;
                }
            } else {
                at = end;
            }
        }
    }

    fn decoded(&mut self, text: &str, source: usize) {
        if self.raw_text || self.drop_depth > 0 {
            return;
        }
        for character in text.chars() {
            if is_html_space(character) {
                self.space(source);
            } else if !renders_as_nothing(character) {
                self.produce(character, source);
            }
        }
    }

    fn start_tag(&mut self, tag: &Tag) -> Option<State> {
        let name = std::str::from_utf8(&tag.name).unwrap_or_default();
        // Foreign content has no raw-text elements.
        let state = if self.foreign_depth == 0 {
            content_state(name)
        } else {
            None
        };
        if matches!(name, "svg" | "math") && !tag.self_closing {
            self.foreign_depth += 1;
        }
        let kind = kind(name);
        if kind == Kind::RawText {
            self.raw_text = state.is_some();
            return state;
        }
        self.open(name, kind, tag, state.is_some());
        state
    }

    fn end_tag(&mut self, tag: &Tag) {
        let name = std::str::from_utf8(&tag.name).unwrap_or_default();
        if matches!(name, "svg" | "math") {
            self.foreign_depth = self.foreign_depth.saturating_sub(1);
        }
        let kind = kind(name);
        if kind == Kind::RawText {
            // In a raw-text state the tokenizer only ends the element with its own end tag.
            self.raw_text = false;
            return;
        }
        self.close(name, kind, tag.start);
    }

    fn wants_attributes(&self, name: &[u8]) -> bool {
        matches!(name, b"meta" | b"link" | b"td" | b"th" | b"ol")
    }

    fn in_foreign_content(&self) -> bool {
        self.foreign_depth > 0
    }
}

/// ASCII white space as HTML defines it.
fn is_html_space(character: char) -> bool {
    u8::try_from(character).is_ok_and(is_html_space_byte)
}

fn is_html_space_byte(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

impl Scanner<'_> {
    /// White space at page offset `original`: one space, unless a break or the start is next to it.
    fn space(&mut self, original: usize) {
        if self.drop_depth == 0 && self.pending_space.is_none() {
            self.pending_space = Some(original);
        }
        if let Some(title) = &mut self.title {
            title.push(' ');
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
        if self.html.as_bytes().get(original) == Some(&b' ') {
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

    /// A start tag; `text_content` when the tokenizer reads its content as text (`<title>`,
    /// `<noscript>`).
    fn open(&mut self, name: &str, kind: Kind, tag: &Tag, text_content: bool) {
        let start = tag.start;
        let attributes = tag.attributes.as_slice();
        if kind == Kind::Dropped {
            self.line_break(2, start);
            // `<nav/>` is empty here, though a browser would open it: dropping the rest of the
            // page would cost more than reading an empty element's end too early.
            if !tag.self_closing || text_content {
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
        self.structure(kind, start);
        if self.drop_depth == 0 {
            self.open_table_part(name, attributes);
        }
        if name == "title" && self.drop_depth == 0 && text_content {
            self.title = Some(String::new());
        }
    }

    fn close(&mut self, name: &str, kind: Kind, start: usize) {
        if kind == Kind::Dropped {
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
        self.structure(kind, start);
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

    fn structure(&mut self, kind: Kind, start: usize) {
        if kind == Kind::Paragraph {
            self.line_break(2, start);
        } else if kind == Kind::Line {
            self.line_break(1, start);
        } else if kind == Kind::Cell
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

#[cfg(test)]
mod tests;
