//! Markdown: front matter (YAML-ish `---` or TOML `+++`) and fenced code blocks.
//!
//! Key decision: Markdown is searched as written. Front matter fills [`Meta`] but stays in the
//! text (so offsets, lines and columns are those of the file) and is left out of the regions, as
//! are fenced code blocks; other Markdown syntax is harmless to the matcher and left alone. The
//! `---` front matter is read as simple `key: value` lines, not as full YAML.
//!
//! Tables and lists ([`structures`]) are read by pulldown-cmark (GFM tables) with its source
//! offsets, so every cell is a range of the file itself; "Label: figure" lines and pipe-less
//! shapes outside them are left to the plain-text scanner of [`super::structure`].

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::article::Meta;
use super::lines::lines;
use super::structure::{self, Row, Structure, StructureKind, Structures};

/// Front matter found at the top of a Markdown file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    /// Metadata read from it.
    pub meta: Meta,
    /// Where the body starts (0 when there is no front matter).
    pub body_start: usize,
    /// A problem worth a warning, with the byte offset it concerns.
    pub problem: Option<(usize, String)>,
}

/// Reads the front matter at the top of `text`, if any. An opening `---` or `+++` without a
/// closing line is not front matter.
pub(crate) fn front_matter(text: &str) -> FrontMatter {
    let mut all = lines(text, 0..text.len());
    let Some(first) = all.next() else {
        return FrontMatter::default();
    };
    let fence = text[first.content.clone()].trim_end();
    if fence != "---" && fence != "+++" {
        return FrontMatter::default();
    }
    let body_offset = first.end;
    let Some(closing) = all.find(|line| {
        let content = text[line.content.clone()].trim_end();
        content == fence || (fence == "---" && content == "...")
    }) else {
        return FrontMatter::default();
    };
    let inner = &text[body_offset..closing.content.start];
    let mut front = FrontMatter {
        body_start: closing.end,
        ..FrontMatter::default()
    };
    if fence == "+++" {
        match inner.parse::<toml::Table>() {
            Ok(table) => {
                front.meta = Meta::from_lookup(|key| {
                    let (_, value) = table.iter().find(|(name, _)| name.eq_ignore_ascii_case(key))?;
                    match value {
                        toml::Value::String(text) => Some(text.clone()),
                        toml::Value::Datetime(date) => Some(date.to_string()),
                        toml::Value::Integer(number) => Some(number.to_string()),
                        _ => None,
                    }
                });
            }
            Err(error) => {
                let message = error.message().replace('\n', " ");
                front.problem = Some((
                    body_offset,
                    format!("invalid TOML front matter ({message}); metadata ignored"),
                ));
            }
        }
    } else {
        let pairs: Vec<(&str, String)> = lines(inner, 0..inner.len())
            .filter_map(|line| {
                let content = &inner[line.content];
                let (key, value) = content.split_once(':')?;
                let key = key.trim();
                if key.is_empty() || content.starts_with(char::is_whitespace) || key.contains(char::is_whitespace) {
                    return None;
                }
                Some((key, yaml_scalar(value.trim())?))
            })
            .collect();
        front.meta = Meta::from_lookup(|wanted| {
            pairs
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(wanted))
                .map(|(_, value)| value.clone())
        });
    }
    front
}

/// A one-line YAML scalar: quoted (with `\"` / `''` escapes) or plain (a ` #` comment dropped).
fn yaml_scalar(value: &str) -> Option<String> {
    let scalar = if let Some(rest) = value.strip_prefix('"') {
        let mut out = String::new();
        let mut characters = rest.chars();
        while let Some(character) = characters.next() {
            match character {
                '"' => break,
                '\\' => match characters.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => break,
                },
                other => out.push(other),
            }
        }
        out
    } else if let Some(rest) = value.strip_prefix('\'') {
        let mut out = String::new();
        let mut characters = rest.chars().peekable();
        while let Some(character) = characters.next() {
            if character == '\'' && characters.next_if_eq(&'\'').is_none() {
                break;
            }
            out.push(character);
        }
        out
    } else {
        let plain = value.find(" #").map_or(value, |at| &value[..at]).trim();
        if plain.starts_with(['[', '{', '|', '>']) {
            return None;
        }
        plain.to_owned()
    };
    (!scalar.trim().is_empty()).then(|| scalar.trim().to_owned())
}

/// A line filter for [`super::furniture::Furniture::regions`] that drops fenced code blocks
/// (```` ``` ```` or `~~~`, fence lines included).
pub(crate) fn outside_code_fences() -> impl FnMut(&str) -> bool {
    let mut open: Option<(char, usize)> = None;
    move |line: &str| {
        let trimmed = line.trim_start();
        let marker = trimmed.chars().next().filter(|&c| c == '`' || c == '~');
        let run = marker.map_or(0, |c| trimmed.chars().take_while(|&next| next == c).count());
        match (open, marker) {
            (None, Some(character)) if run >= 3 => {
                open = Some((character, run));
                false
            }
            (Some((character, length)), Some(found))
                if found == character && run >= length && trimmed[run..].trim().is_empty() =>
            {
                open = None;
                false
            }
            (Some(_), _) => false,
            (None, _) => true,
        }
    }
}

/// The tables and lists of the Markdown body `text[body_start..]`: GFM tables and lists through
/// pulldown-cmark, then the plain-text scanner over what lies outside them (and outside code).
pub(crate) fn structures(text: &str, body_start: usize) -> Structures {
    let mut found = Structures::default();
    let body = &text[body_start..];
    let parser = Parser::new_ext(body, Options::ENABLE_TABLES).into_offset_iter();
    // Ranges read by the parser (tables, lists, code), which the line scanner leaves alone.
    let mut read: Vec<std::ops::Range<usize>> = Vec::new();
    let mut rows: Vec<(std::ops::Range<usize>, Vec<std::ops::Range<usize>>)> = Vec::new();
    let mut table: Option<std::ops::Range<usize>> = None;
    // Open lists: (next number if ordered, items, range).
    let mut lists: Vec<(Option<u64>, Vec<Row>, std::ops::Range<usize>)> = Vec::new();
    for (event, range) in parser {
        let range = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(Tag::Table(_)) => {
                table = Some(range);
                rows.clear();
            }
            Event::Start(Tag::TableHead | Tag::TableRow) if table.is_some() => {
                rows.push((structure::trim(text, range), Vec::new()));
            }
            Event::Start(Tag::TableCell) if table.is_some() => {
                let mut cell = structure::trim(text, range);
                if text[cell.clone()].starts_with('|') {
                    cell = structure::trim(text, cell.start + 1..cell.end);
                }
                if text[cell.clone()].ends_with('|') {
                    cell = structure::trim(text, cell.start..cell.end - 1);
                }
                if let Some((_, cells)) = rows.last_mut() {
                    cells.push(cell);
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(span) = table.take() {
                    let span = structure::trim(text, span);
                    if rows.len() >= 2 {
                        structure::table_from_rows(text, span.clone(), &rows, &mut found);
                    }
                    read.push(span);
                }
            }
            Event::Start(Tag::List(start)) => lists.push((start, Vec::new(), range)),
            Event::Start(Tag::Item) => {
                if let Some((number, items, _)) = lists.last_mut() {
                    // The item's first line, after its marker.
                    let line_end = text[range.clone()]
                        .find(['\n', '\r'])
                        .map_or(range.end, |at| range.start + at);
                    let item = &text[range.start..line_end];
                    let marker =
                        item.trim_start().find(' ').unwrap_or(item.len()) + (item.len() - item.trim_start().len());
                    let numbered = number.map(|next| next as u32);
                    if let Some(row) = structure::list_item(text, range.start + marker..line_end, numbered) {
                        items.push(row);
                    }
                    if let Some(next) = number {
                        *next += 1;
                    }
                }
            }
            Event::End(TagEnd::List(_)) => {
                if let Some((_, mut items, span)) = lists.pop() {
                    for (index, item) in items.iter_mut().enumerate() {
                        item.position = index as u32 + 1;
                    }
                    let span = structure::trim(text, span);
                    if items.len() >= 2 && lists.is_empty() {
                        found.items.push(Structure {
                            kind: StructureKind::List,
                            context: structure::context_before(text, span.start),
                            span: span.clone(),
                            header: Vec::new(),
                            rows: items,
                        });
                    }
                    read.push(span);
                }
            }
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock) => read.push(range),
            _ => {}
        }
    }
    read.sort_by_key(|range| range.start);
    structure::scan_lines(text, body_start..text.len(), &read, &mut found);
    found.finish();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &Meta, expected_body: &str) {
        let front = front_matter(text);
        assert_eq!(&front.meta, expected, "meta of {text:?}");
        assert_eq!(&text[front.body_start..], expected_body);
    }

    fn meta(title: &str, outlet: &str, date: &str, url: &str) -> Meta {
        let some = |value: &str| (!value.is_empty()).then(|| value.to_owned());
        Meta {
            title: some(title),
            outlet: some(outlet),
            date: some(date),
            url: some(url),
        }
    }

    #[test]
    fn yaml_front_matter() {
        check(
            "---\ntitle: \"Russia's \\\"reserves\\\"\"\nsource: 'The Daily'' Post'\ndate: 2024-03-01 # issue\nurl: https://x.test/a\ntags: [a, b]\n---\nBody.\n",
            &meta(
                "Russia's \"reserves\"",
                "The Daily' Post",
                "2024-03-01",
                "https://x.test/a",
            ),
            "Body.\n",
        );
        check(
            "---\r\noutlet: Post\r\npublisher: Other\r\n---\r\nBody",
            &meta("", "Post", "", ""),
            "Body",
        );
        check("---\nTitle: Upper\n...\nBody", &meta("Upper", "", "", ""), "Body");
    }

    #[test]
    fn toml_front_matter() {
        check(
            "+++\ntitle = \"T\"\npublisher = \"P\"\ndate = 2024-01-02\n+++\nBody",
            &meta("T", "P", "2024-01-02", ""),
            "Body",
        );
        let broken = front_matter("+++\ntitle = \n+++\nBody");
        assert_eq!(broken.meta, Meta::default());
        assert_eq!(broken.body_start, 17);
        assert!(
            broken
                .problem
                .is_some_and(|(offset, message)| offset == 4 && message.starts_with("invalid TOML front matter"))
        );
    }

    #[test]
    fn no_front_matter() {
        check("Body\n---\n", &Meta::default(), "Body\n---\n");
        check("---\nnever closed\n", &Meta::default(), "---\nnever closed\n");
        check("", &Meta::default(), "");
    }

    #[test]
    fn tables_and_lists_through_the_parser() {
        let text = "---\ntitle: T\n---\n## Reserves by country\n\n| Country | Reserves (Mt) |\n|:--|--:|\n| Chile | 9.3 |\n| Peru | 1 |\n\nLargest producers:\n\n1. China — 270,000 t\n1. Myanmar — 31,000 t\n\n```\nA | B\n1 | 2\n```\n";
        let found = structures(text, front_matter(text).body_start);
        assert_eq!(found.items.len(), 2, "{found:?}");
        let table = &found.items[0];
        let cell = |range: &std::ops::Range<usize>| &text[range.clone()];
        assert_eq!(
            table.header.iter().map(cell).collect::<Vec<_>>(),
            ["Country", "Reserves (Mt)"]
        );
        assert_eq!(
            table.rows[0].cells.iter().map(cell).collect::<Vec<_>>(),
            ["Chile", "9.3"]
        );
        assert_eq!(table.context.as_ref().map(cell), Some("Reserves by country"));
        let list = &found.items[1];
        assert_eq!(
            list.rows.iter().map(|row| row.number).collect::<Vec<_>>(),
            [Some(1), Some(2)]
        );
        assert_eq!(
            list.rows[1].cells.iter().map(cell).collect::<Vec<_>>(),
            ["Myanmar", "31,000 t"]
        );
        assert!(found.problems.is_empty(), "code is not a table: {found:?}");
    }

    #[test]
    fn code_fences() {
        let text = [
            "Prose",
            "```rust",
            "code",
            "```",
            "After",
            "~~~~",
            "~~~",
            "still code",
            "~~~~",
            "End",
        ];
        let mut keep = outside_code_fences();
        let kept: Vec<&str> = text.into_iter().filter(|line| keep(line)).collect();
        assert_eq!(kept, ["Prose", "After", "End"]);
    }
}
