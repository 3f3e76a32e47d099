//! Articles: loading files of every supported format into searchable text.
//!
//! Key decision: an [`Article`]'s `text` is what the matcher searches and every claim span indexes
//! into it, while [`Article::line_column`] always answers in terms of the *original file*. For
//! plain text and Markdown the text is the decoded file itself (front matter and furniture are
//! only left out of [`Article::regions`]); for HTML and JSON records the text is extracted and an
//! offset map leads back to the file. Loading never panics and never gives up on a readable file:
//! bad bytes are decoded lossily with a [`Warning`], binary files are skipped with a warning, and
//! only unreadable files and malformed JSON are a [`LoadError`].

use std::cell::RefCell;
use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::LineIndex;
use super::date::{self, Date};
use super::decode::{Decoding, decode};
use super::furniture::Furniture;
use super::offsets::OffsetMap;
use super::read::{Limits, Stopped, read_bounded};
use super::structure::{self, Structures};
use super::{html, json, markdown};

/// Article metadata from front matter, HTML `<head>` or record fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication or source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Publication date as written (ISO dates preferred).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where the article was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Front matter keys and record fields read for each [`Meta`] field, in order of preference
/// (compared ignoring ASCII case).
pub const TITLE_KEYS: &[&str] = &["title", "headline"];
/// See [`TITLE_KEYS`].
pub const OUTLET_KEYS: &[&str] = &["outlet", "source", "publisher", "publication", "site_name"];
/// See [`TITLE_KEYS`].
pub const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "pubdate",
    "date_published",
];
/// See [`TITLE_KEYS`].
pub const URL_KEYS: &[&str] = &["url", "link", "canonical", "canonical_url", "permalink"];
/// Record fields tried for the article text when [`LoadOptions::text_field`] is not set.
pub const TEXT_KEYS: &[&str] = &["text", "body", "content"];

impl Meta {
    /// Metadata from a key lookup, trying [`TITLE_KEYS`], [`OUTLET_KEYS`], [`DATE_KEYS`] and
    /// [`URL_KEYS`] in order.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Meta {
        let first = |keys: &[&str]| keys.iter().find_map(|key| lookup(key));
        Meta {
            title: first(TITLE_KEYS),
            outlet: first(OUTLET_KEYS),
            date: first(DATE_KEYS),
            url: first(URL_KEYS),
        }
    }

    /// The publication date, normalised from [`Meta::date`] as written ("March 3, 2025",
    /// `2025-03-03T10:00Z`, RFC 2822 …); `None` when there is none or it names no year.
    pub fn published(&self) -> Option<Date> {
        self.date.as_deref().and_then(date::parse)
    }
}

/// Keys of a plain-text header line besides the [`Meta`] ones: read as metadata, not kept.
const OTHER_HEADER_KEYS: &[&str] = &["author", "by", "byline", "section", "tags", "updated"];

/// The leading header block of a plain-text article — `Title: …`, `Date: …`, `Source: …`,
/// `URL: …` lines (keys as in [`TITLE_KEYS`] and its siblings, any case) before the first
/// blank line — as metadata and the offset where the body starts. `None` unless every line
/// before the first blank line is such a line and a body follows.
pub fn header_block(text: &str) -> Option<(Meta, usize)> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let skipped = text.len() - body.len();
    let mut fields: Vec<(&str, &str)> = Vec::new();
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let content = line.trim();
        if content.is_empty() {
            if fields.is_empty() || body[offset + line.len()..].trim().is_empty() {
                return None;
            }
            let lookup = |key: &str| {
                fields
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(key))
                    .map(|(_, value)| (*value).to_owned())
                    .filter(|value| !value.is_empty())
            };
            return Some((Meta::from_lookup(lookup), skipped + offset + line.len()));
        }
        let (key, value) = content.split_once(':')?;
        let key = key.trim();
        let known = [TITLE_KEYS, OUTLET_KEYS, DATE_KEYS, URL_KEYS, OTHER_HEADER_KEYS]
            .iter()
            .any(|keys| keys.iter().any(|known| known.eq_ignore_ascii_case(key)));
        if !known {
            return None;
        }
        fields.push((key, value.trim()));
        offset += line.len();
    }
    None
}

/// A supported input format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (`.txt`, and anything unrecognised).
    #[default]
    Text,
    /// Markdown with optional front matter (`.md`, `.markdown`).
    Markdown,
    /// HTML (`.html`, `.htm`).
    Html,
    /// JSON Lines, one record per line (`.jsonl`, `.ndjson`).
    JsonLines,
    /// JSON: an array of records or one record (`.json`).
    Json,
}

impl Format {
    /// The extensions directories are searched for (compared ignoring ASCII case).
    pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "jsonl", "ndjson", "json"];

    /// The format of a file extension (without the dot), if it is a supported one.
    pub fn from_extension(extension: &str) -> Option<Format> {
        let format = match extension.to_ascii_lowercase().as_str() {
            "txt" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "jsonl" | "ndjson" => Format::JsonLines,
            "json" => Format::Json,
            _ => return None,
        };
        Some(format)
    }

    /// The format of `path` by its extension; [`Format::Text`] when the extension is missing or
    /// unknown.
    pub fn from_path(path: &Path) -> Format {
        path.extension()
            .and_then(|extension| extension.to_str())
            .and_then(Format::from_extension)
            .unwrap_or_default()
    }

    /// Short lowercase name (`txt`, `md`, `html`, `jsonl`, `json`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::JsonLines => "jsonl",
            Format::Json => "json",
        }
    }
}

/// How files are read.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// Page furniture to leave out of the regions ([`Furniture::default`] unless configured).
    pub furniture: Furniture,
    /// JSON record field holding the article text (default: the first string among
    /// [`TEXT_KEYS`]).
    pub text_field: Option<String>,
    /// JSON record field holding the title (default: [`TITLE_KEYS`]).
    pub title_field: Option<String>,
    /// JSON record field holding the outlet (default: [`OUTLET_KEYS`]).
    pub outlet_field: Option<String>,
    /// JSON record field holding the date (default: [`DATE_KEYS`]).
    pub date_field: Option<String>,
    /// JSON record field holding the URL (default: [`URL_KEYS`]).
    pub url_field: Option<String>,
    /// Read tables and lists while loading, with a [`WarningKind::Structure`] warning for each
    /// one read as prose (set when some rule reads tables; otherwise they are read on first use
    /// by [`Article::structures`], without warnings).
    pub structures: bool,
}

/// What loading one file produced.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// The articles, in file order (one per file, or one per record of a JSON file).
    pub articles: Vec<Article>,
    /// Problems that did not stop loading.
    pub warnings: Vec<Warning>,
    /// Errors in parts of the file (a malformed JSON Lines record) that did not stop the rest
    /// from loading; each names `file:line:column`. The run must still end with exit 2.
    pub errors: Vec<String>,
    /// How many bytes the file had (for throughput figures, without another `stat`).
    pub bytes: u64,
}

impl Loaded {
    /// Whether the file was skipped as binary.
    pub fn skipped(&self) -> bool {
        self.warnings.iter().any(|warning| warning.kind == WarningKind::Binary)
    }
}

/// What a [`Warning`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// The file looks binary (a NUL byte early on) and was skipped, as ripgrep does.
    Binary,
    /// Bytes that are not valid in the file's encoding were replaced with U+FFFD.
    InvalidEncoding,
    /// Front matter that could not be read; metadata ignored.
    FrontMatter,
    /// A JSON record that is not an object or has no text; the record was skipped.
    Record,
    /// A table or list that cannot be read as one (no header, ragged rows, merged cells); it is
    /// read as prose.
    Structure,
    /// The file is larger than `--max-filesize` and was skipped.
    TooLarge,
}

/// A problem that did not stop loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The file (as displayed), or `file#N` for record N.
    pub path: String,
    /// Byte offset in the file the warning is about, if any.
    pub offset: Option<usize>,
    /// What kind of problem it is.
    pub kind: WarningKind,
    /// Lowercase message, e.g. `invalid UTF-8 at byte 1234, decoded lossily`.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}: {}", self.path, self.message)
    }
}

/// A file that could not be loaded at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file could not be read.
    #[error("{path}: cannot read the file: {cause}; check that it exists and is readable")]
    Read {
        /// The file.
        path: String,
        /// The operating system's error.
        cause: std::io::Error,
    },
    /// The file is not valid JSON.
    #[error("{path}:{line}:{column}: invalid JSON: {message}; fix the record or remove it")]
    Json {
        /// The file.
        path: String,
        /// One-based line of the fault.
        line: u32,
        /// One-based column of the fault, in characters.
        column: u32,
        /// What `serde_json` found wrong.
        message: String,
    },
    /// A `.json` file whose top level is neither an object nor an array.
    #[error("{path}: expected a JSON object or an array of objects, found {found}; give one object per article")]
    JsonShape {
        /// The file.
        path: String,
        /// What the top level is (`a number`, `a string`, …).
        found: &'static str,
    },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &str {
        match self {
            LoadError::Read { path, .. } | LoadError::Json { path, .. } | LoadError::JsonShape { path, .. } => path,
        }
    }
}

/// The original file an extracted text maps back to (shared by all records of a JSON file).
#[derive(Debug)]
struct Source {
    text: String,
    /// Built on first use: most articles yield no claim and need no position.
    lines: OnceLock<LineIndex>,
}

impl Source {
    fn new(text: String) -> Self {
        Source {
            text,
            lines: OnceLock::new(),
        }
    }

    fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }
}

/// How offsets of an article's text become positions in the original file.
#[derive(Clone, Debug)]
enum Positions {
    /// The text is the decoded file; its line index is built on first use.
    Direct(OnceLock<LineIndex>),
    /// The text was extracted from `source`; `map` leads back.
    Mapped { source: Arc<Source>, map: OffsetMap },
}

/// One article ready for matching.
#[derive(Clone, Debug)]
pub struct Article {
    /// Path as given by the user (or `<stdin>`); `path#N` for record N of a JSON (Lines) file.
    pub path: String,
    /// Metadata.
    pub meta: Meta,
    /// The text the matcher searches; spans in claims index into it.
    pub text: String,
    /// Regions of `text` that hold prose, in order (front matter, code blocks and page furniture
    /// left out).
    pub regions: Vec<Range<usize>>,
    /// The format the article was read from.
    pub format: Format,
    positions: Positions,
    /// Where a Markdown body starts (after front matter).
    body_start: usize,
    /// Tables and lists, read on first use.
    structures: OnceLock<Structures>,
}

impl Article {
    /// An article whose text is the whole of `text`, searched everywhere.
    pub fn plain(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let regions = std::iter::once(0..text.len()).collect();
        Article {
            path: path.into(),
            meta: Meta::default(),
            text,
            regions,
            format: Format::Text,
            positions: Positions::Direct(OnceLock::new()),
            body_start: 0,
            structures: OnceLock::new(),
        }
    }

    /// The article's tables and lists (see [`super::structure`]), read on first use: through
    /// pulldown-cmark for Markdown, from the page's `<table>`s for HTML, by the plain-text
    /// scanner over the prose regions otherwise.
    pub fn structures(&self) -> &Structures {
        self.structures.get_or_init(|| {
            if self.format == Format::Markdown {
                return markdown::structures(&self.text, self.body_start);
            }
            // From the first prose line to the last: a furniture-like line ("… | revised")
            // inside a table must not cut it in two.
            let mut found = Structures::default();
            if let (Some(first), Some(last)) = (self.regions.first(), self.regions.last()) {
                structure::scan_lines(&self.text, first.start..last.end, &[], &mut found);
            }
            found.finish();
            found
        })
    }

    /// Reads the structures now and turns each shape read as prose into a warning.
    fn read_structures(&self, warnings: &mut Vec<Warning>) {
        for problem in &self.structures().problems {
            let (line, column) = self.line_column(problem.offset);
            warnings.push(Warning {
                path: self.path.clone(),
                offset: Some(self.source_offset(problem.offset)),
                kind: WarningKind::Structure,
                message: format!("{line}:{column}: {}", problem.message),
            });
        }
    }

    /// A plain-text article with furniture lines left out of its regions, and its leading
    /// [`header_block`], if any, read as metadata and left out too.
    pub fn from_text(path: impl Into<String>, text: impl Into<String>, furniture: &Furniture) -> Self {
        let mut article = Article::plain(path, text);
        let mut body = 0;
        if let Some((meta, start)) = header_block(&article.text) {
            article.meta = meta;
            body = start;
        }
        article.regions = furniture.regions(&article.text, body..article.text.len(), |_| true);
        article
    }

    /// One-based line and column (in characters) of byte `offset` of [`Article::text`] in the
    /// original file. For HTML and JSON records this is the position of the source of that byte
    /// in the file (the `&` of an entity, the `\` of an escape, the `<` of the tag that made a
    /// line break). A UTF-8 BOM is not counted; after lossy decoding each bad sequence counts as
    /// one character.
    pub fn line_column(&self, offset: usize) -> (u32, u32) {
        match &self.positions {
            Positions::Direct(lines) => lines
                .get_or_init(|| LineIndex::new(&self.text))
                .line_column(&self.text, offset),
            Positions::Mapped { source, map } => source.lines().line_column(&source.text, map.original(offset)),
        }
    }

    /// The decoded text of the original file (equal to [`Article::text`] for plain text and
    /// Markdown; the HTML page or the whole JSON file otherwise).
    pub fn source(&self) -> &str {
        match &self.positions {
            Positions::Direct(_) => &self.text,
            Positions::Mapped { source, .. } => &source.text,
        }
    }

    /// The offset in [`Article::source`] that byte `offset` of [`Article::text`] comes from.
    pub fn source_offset(&self, offset: usize) -> usize {
        match &self.positions {
            Positions::Direct(_) => offset,
            Positions::Mapped { map, .. } => map.original(offset),
        }
    }
}

/// Reads `path` and loads it with [`load_bytes`], choosing the format by extension;
/// `display` is the path shown in articles and messages.
pub fn load_file(path: &Path, display: &str, options: &LoadOptions) -> Result<Loaded, LoadError> {
    load_file_with(path, display, options, &Reading::default())
}

/// How [`load_file_with`] reads a file, beyond what [`LoadOptions`] says about its text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reading {
    /// Size limit (`--max-filesize`); a larger file is skipped with a [`WarningKind::TooLarge`]
    /// warning.
    pub limits: Limits,
    /// Skip, without a word, a file whose first block shows it is one of crosscheck's own saved
    /// reports ([`super::input::is_saved_report`]): set for files a directory walk found.
    pub skip_saved_reports: bool,
}

/// [`load_file`] with size limits and the saved-report check (see [`Reading`]). Reading is in
/// blocks and stops at the first block of a binary file ([`super::read`]).
pub fn load_file_with(
    path: &Path,
    display: &str,
    options: &LoadOptions,
    reading: &Reading,
) -> Result<Loaded, LoadError> {
    thread_local! {
        /// The bytes of the file being loaded, kept for the thread's next file.
        static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    let format = Format::from_path(path);
    BUFFER.with_borrow_mut(|buffer| {
        let read_error = |cause| LoadError::Read {
            path: display.to_owned(),
            cause,
        };
        let mut file = std::fs::File::open(path).map_err(read_error)?;
        // The size is asked for only when a limit needs it: one system call fewer per file
        // otherwise (one file in a news corpus is ~2 KB, so system calls are a good part of the
        // cost).
        let size = match reading.limits.max_bytes {
            Some(_) => Some(file.metadata().map_err(read_error)?.len()),
            None => None,
        };
        let saved_report = |first: &[u8]| reading.skip_saved_reports && super::input::is_saved_report(first, format);
        let stopped = read_bounded(&mut file, size, reading.limits, buffer, &saved_report).map_err(read_error)?;
        let loaded = match stopped {
            None | Some(Stopped::Binary) => load_bytes(display, buffer, format, options),
            Some(stop) => Ok(skipped(display, stop, buffer.len())),
        };
        if buffer.capacity() > KEPT_BUFFER_BYTES {
            *buffer = Vec::new();
        }
        loaded
    })
}

/// What loading gives for an input that [`read_bounded`] stopped reading early (not binary:
/// that is left to [`load_bytes`], which says where the NUL byte is).
pub fn skipped(display: &str, stopped: Stopped, read: usize) -> Loaded {
    let warnings = match stopped {
        Stopped::TooLarge { limit } => vec![Warning {
            path: display.to_owned(),
            offset: None,
            kind: WarningKind::TooLarge,
            message: format!("larger than --max-filesize ({limit} bytes), skipped"),
        }],
        Stopped::Binary | Stopped::Unwanted => Vec::new(),
    };
    Loaded {
        warnings,
        bytes: read as u64,
        ..Loaded::default()
    }
}

/// A read buffer larger than this is not kept for the next file.
const KEPT_BUFFER_BYTES: usize = 1 << 24;

/// Loads the articles of one file's bytes. Use [`Format::Text`] for standard input.
pub fn load_bytes(path: &str, bytes: &[u8], format: Format, options: &LoadOptions) -> Result<Loaded, LoadError> {
    let decoded = match decode(bytes) {
        Decoding::Text(decoded) => decoded,
        Decoding::Binary { nul_at } => {
            let message = format!("binary file (NUL byte at byte {nul_at}), skipped");
            let warning = Warning {
                path: path.to_owned(),
                offset: Some(nul_at),
                kind: WarningKind::Binary,
                message,
            };
            return Ok(Loaded {
                articles: Vec::new(),
                warnings: vec![warning],
                errors: Vec::new(),
                bytes: bytes.len() as u64,
            });
        }
    };
    let mut loaded = Loaded {
        bytes: bytes.len() as u64,
        ..Loaded::default()
    };
    if let Some(at) = decoded.invalid_at {
        loaded.warnings.push(Warning {
            path: path.to_owned(),
            offset: Some(at),
            kind: WarningKind::InvalidEncoding,
            message: format!("invalid {} at byte {at}, decoded lossily", decoded.encoding),
        });
    }
    let text = decoded.text;
    match format {
        Format::Text => loaded.articles.push(Article::from_text(path, text, &options.furniture)),
        Format::Markdown => {
            let front = markdown::front_matter(&text);
            if let Some((offset, message)) = front.problem {
                loaded.warnings.push(Warning {
                    path: path.to_owned(),
                    offset: Some(offset),
                    kind: WarningKind::FrontMatter,
                    message,
                });
            }
            let mut article = Article::plain(path, text);
            article.format = Format::Markdown;
            article.meta = front.meta;
            article.body_start = front.body_start;
            article.regions = options.furniture.regions(
                &article.text,
                front.body_start..article.text.len(),
                markdown::outside_code_fences(),
            );
            loaded.articles.push(article);
        }
        Format::Html => {
            let extracted = html::extract(&text);
            let regions = options
                .furniture
                .regions(&extracted.text, 0..extracted.text.len(), |_| true);
            let source = Arc::new(Source::new(text));
            let mut structures = extracted.tables;
            let mut tables: Vec<Range<usize>> = structures.items.iter().map(|table| table.span.clone()).collect();
            tables.sort_by_key(|table| table.start);
            if let (Some(first), Some(last)) = (regions.first(), regions.last()) {
                structure::scan_lines(&extracted.text, first.start..last.end, &tables, &mut structures);
            }
            structures.finish();
            loaded.articles.push(Article {
                path: path.to_owned(),
                meta: extracted.meta,
                text: extracted.text,
                regions,
                format: Format::Html,
                positions: Positions::Mapped {
                    source,
                    map: extracted.map,
                },
                body_start: 0,
                structures: OnceLock::from(structures),
            });
        }
        Format::JsonLines | Format::Json => load_records(path, text, format, options, &mut loaded)?,
    }
    if options.structures {
        for article in &loaded.articles {
            article.read_structures(&mut loaded.warnings);
        }
    }
    Ok(loaded)
}

fn load_records(
    path: &str,
    text: String,
    format: Format,
    options: &LoadOptions,
    loaded: &mut Loaded,
) -> Result<(), LoadError> {
    let malformed = |error: json::Malformed| LoadError::Json {
        path: path.to_owned(),
        line: error.line,
        column: error.column,
        message: error.message,
    };
    let records = if format == Format::Json {
        json::json(&text)
            .map_err(malformed)?
            .map_err(|found| LoadError::JsonShape {
                path: path.to_owned(),
                found,
            })?
    } else {
        let (records, bad) = json::json_lines(&text);
        loaded
            .errors
            .extend(bad.into_iter().map(|error| malformed(error).to_string()));
        records
    };
    let source = Arc::new(Source::new(text));
    for record in records {
        let record_path = format!("{path}#{}", record.number);
        let line = source.lines().line_column(&source.text, record.raw.start).0;
        let mut warn = |message: String| {
            loaded.warnings.push(Warning {
                path: record_path.clone(),
                offset: Some(record.raw.start),
                kind: WarningKind::Record,
                message: format!("record {} (line {line}) {message}; record skipped", record.number),
            });
        };
        let Value::Object(object) = &record.value else {
            warn(format!("is {}, not an object", json::kind(&record.value)));
            continue;
        };
        let lookup = |key: &str| -> Option<&Value> {
            object.get(key).or_else(|| {
                object
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(key))
                    .map(|(_, value)| value)
            })
        };
        let text_key = match &options.text_field {
            Some(field) => Some(field.as_str()).filter(|field| lookup(field).is_some_and(Value::is_string)),
            None => TEXT_KEYS
                .iter()
                .copied()
                .find(|key| lookup(key).is_some_and(Value::is_string)),
        };
        let Some(text_key) = text_key else {
            let wanted = match &options.text_field {
                Some(field) => format!("`{field}`"),
                None => "`text`, `body` or `content`".to_owned(),
            };
            warn(format!(
                "has no string field {wanted} (set the text field to read another one)"
            ));
            continue;
        };
        let value_text = lookup(text_key).and_then(Value::as_str).unwrap_or_default();
        let string = |value: &Value| match value {
            Value::String(text) => Some(text.trim().to_owned()).filter(|text| !text.is_empty()),
            Value::Number(number) => Some(number.to_string()),
            Value::Object(inner) => inner.get("name").and_then(Value::as_str).map(str::to_owned),
            _ => None,
        };
        let field = |configured: &Option<String>, keys: &[&str]| match configured {
            Some(field) => lookup(field).and_then(string),
            None => keys.iter().find_map(|key| lookup(key).and_then(string)),
        };
        let meta = Meta {
            title: field(&options.title_field, TITLE_KEYS),
            outlet: field(&options.outlet_field, OUTLET_KEYS),
            date: field(&options.date_field, DATE_KEYS),
            url: field(&options.url_field, URL_KEYS),
        };
        // Locate the literal to map positions exactly; the key as written may differ in case.
        let literal = object
            .keys()
            .filter(|name| name.eq_ignore_ascii_case(text_key))
            .find_map(|name| json::string_member(&source.text, record.raw.clone(), name));
        let mapped = literal
            .map(|literal| json::decode_string(&source.text, literal))
            .filter(|(decoded, _)| decoded == value_text);
        let (text, map) = mapped.unwrap_or_else(|| {
            // Cannot happen for valid JSON; fall back to the record's start for every offset.
            let mut map = OffsetMap::default();
            map.produced(0, record.raw.start);
            (value_text.to_owned(), map)
        });
        let regions = options.furniture.regions(&text, 0..text.len(), |_| true);
        loaded.articles.push(Article {
            path: record_path,
            meta,
            text,
            regions,
            format,
            positions: Positions::Mapped {
                source: Arc::clone(&source),
                map,
            },
            body_start: 0,
            structures: OnceLock::new(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
