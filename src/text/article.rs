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
use std::io::Read;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::LineIndex;
use super::decode::{Decoding, decode};
use super::furniture::Furniture;
use super::offsets::OffsetMap;
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
        }
    }

    /// A plain-text article with furniture lines left out of its regions.
    pub fn from_text(path: impl Into<String>, text: impl Into<String>, furniture: &Furniture) -> Self {
        let mut article = Article::plain(path, text);
        article.regions = furniture.regions(&article.text, 0..article.text.len(), |_| true);
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
    thread_local! {
        /// The bytes of the file being loaded, kept for the thread's next file.
        static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    BUFFER.with_borrow_mut(|buffer| {
        buffer.clear();
        // Through `Take`, `read_to_end` reads into the spare capacity until end of file,
        // without the `fstat` and `lseek` that `File` makes to size the buffer (one file in a
        // news corpus is ~2 KB, so system calls are a good part of the cost).
        std::fs::File::open(path)
            .and_then(|file| file.take(u64::MAX).read_to_end(buffer))
            .map_err(|cause| LoadError::Read {
                path: display.to_owned(),
                cause,
            })?;
        let loaded = load_bytes(display, buffer, Format::from_path(path), options);
        if buffer.capacity() > KEPT_BUFFER_BYTES {
            *buffer = Vec::new();
        }
        loaded
    })
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
            });
        }
        Format::JsonLines | Format::Json => load_records(path, text, format, options, &mut loaded)?,
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
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    /// Renders what loading produced: each article with its metadata and its regions (with the
    /// line:column of their first byte), then each warning.
    fn render(loaded: &Loaded) -> String {
        let mut out = String::new();
        for article in &loaded.articles {
            let meta = &article.meta;
            let fields = [
                ("title", &meta.title),
                ("outlet", &meta.outlet),
                ("date", &meta.date),
                ("url", &meta.url),
            ];
            let _ = write!(out, "article {} ({})", article.path, article.format.name());
            for (name, value) in fields {
                if let Some(value) = value {
                    let _ = write!(out, " {name}={value:?}");
                }
            }
            out.push('\n');
            for region in &article.regions {
                let (line, column) = article.line_column(region.start);
                let _ = writeln!(out, "  {line}:{column} {:?}", &article.text[region.clone()]);
            }
        }
        for warning in &loaded.warnings {
            let _ = writeln!(out, "warning {warning} (offset {:?})", warning.offset);
        }
        out
    }

    #[track_caller]
    fn check(path: &str, bytes: &[u8], expected: &str) {
        let format = Format::from_path(Path::new(path));
        let loaded = load_bytes(path, bytes, format, &LoadOptions::default()).expect("loads");
        assert_eq!(render(&loaded), expected, "loading {path}");
    }

    /// Line and column in the original file of the first occurrence of `needle` in the text.
    #[track_caller]
    fn position(article: &Article, needle: &str) -> (u32, u32) {
        let offset = article.text.find(needle).expect("needle in the text");
        article.line_column(offset)
    }

    #[test]
    fn plain_text_with_furniture() {
        check(
            "a.txt",
            b"Menu\nRussia holds 28.7 million tonnes.\nComments\nShare this article\nChina leads.\n",
            "article a.txt (txt)\n  2:1 \"Russia holds 28.7 million tonnes.\"\n  5:1 \"China leads.\"\n",
        );
        check("empty.txt", b"", "article empty.txt (txt)\n");
    }

    #[test]
    fn line_endings_and_encodings() {
        check(
            "crlf.txt",
            b"One.\r\nTwo.\r\n\r\nThree.",
            "article crlf.txt (txt)\n  1:1 \"One.\\r\\nTwo.\\r\\n\\r\\nThree.\"\n",
        );
        let loaded = load_bytes(
            "cr.txt",
            b"One.\rTwo \xC3\xA9t\xC3\xA9.\rThree.",
            Format::Text,
            &LoadOptions::default(),
        )
        .expect("loads");
        let article = &loaded.articles[0];
        assert_eq!(
            [
                position(article, "Two"),
                position(article, "été"),
                position(article, "Three")
            ],
            [(2, 1), (2, 5), (3, 1)]
        );
        check(
            "bom.txt",
            b"\xEF\xBB\xBFFirst.\nSecond.",
            "article bom.txt (txt)\n  1:1 \"First.\\nSecond.\"\n",
        );
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Rüssia.\r\nChina.".encode_utf16().flat_map(u16::to_le_bytes));
        check(
            "u16.txt",
            &utf16,
            "article u16.txt (txt)\n  1:1 \"Rüssia.\\r\\nChina.\"\n",
        );
        check(
            "bbc.txt",
            b"Chelsea paid a transfer fee of \xa315.8m.\nNext line.",
            "article bbc.txt (txt)\n  1:1 \"Chelsea paid a transfer fee of \u{FFFD}15.8m.\\nNext line.\"\n\
             warning bbc.txt: invalid UTF-8 at byte 31, decoded lossily (offset Some(31))\n",
        );
        let loaded = load_bytes("bin.txt", b"\x7fELF\x00\x01", Format::Text, &LoadOptions::default()).expect("loads");
        assert!(loaded.skipped() && loaded.articles.is_empty());
        assert_eq!(
            loaded.warnings[0].to_string(),
            "bin.txt: binary file (NUL byte at byte 4), skipped"
        );
    }

    #[test]
    fn positions_after_a_bom_and_lone_carriage_returns() {
        let loaded = load_bytes(
            "x.txt",
            "\u{FEFF}ab\rcé d\r\ne".as_bytes(),
            Format::Text,
            &LoadOptions::default(),
        )
        .expect("loads");
        let article = &loaded.articles[0];
        assert_eq!(
            [position(article, "b"), position(article, "d"), position(article, "e")],
            [(1, 2), (2, 4), (3, 1)]
        );
    }

    #[test]
    fn markdown_front_matter_and_code() {
        check(
            "a.md",
            b"---\ntitle: \"Rare earths\"\nsource: The Post\ndate: 2024-03-01\nurl: https://x.test\n---\n# Rare earths\n\nRussia holds reserves.\n\n```\ncode. Not prose.\n```\nAdvertisement\nEnd.\n",
            "article a.md (md) title=\"Rare earths\" outlet=\"The Post\" date=\"2024-03-01\" url=\"https://x.test\"\n  \
             7:1 \"# Rare earths\\n\\nRussia holds reserves.\"\n  15:1 \"End.\"\n",
        );
        check(
            "b.markdown",
            b"+++\ntitle = \n+++\nBody.",
            "article b.markdown (md)\n  4:1 \"Body.\"\nwarning b.markdown: invalid TOML front matter (string values must be quoted, expected literal string); metadata ignored (offset Some(4))\n",
        );
    }

    #[test]
    fn html_visible_text_and_original_positions() {
        let html = "<!doctype html>\n<html><head><title>Rare &amp; earths</title>\n\
                    <meta property=\"og:site_name\" content=\"The Post\">\n\
                    <meta property=\"article:published_time\" content=\"2024-03-01\">\n\
                    <script>var x = \"<p>Russia</p>\";</script></head>\n<body>\n\
                    <nav><a href=\"/\">Home</a> | <a>World</a></nav>\n\
                    <p>Russia&#8217;s reserves: 28.7&nbsp;million\n   tonnes.</p>\n\
                    <p>Comments</p>\n<p>China &#x2019;leads&#x2019;.</p>\n</body></html>\n";
        check(
            "page.html",
            html.as_bytes(),
            "article page.html (html) title=\"Rare & earths\" outlet=\"The Post\" date=\"2024-03-01\"\n  \
             2:20 \"Rare & earths\\n\\nRussia’s reserves: 28.7\\u{a0}million tonnes.\"\n  11:4 \"China ’leads’.\"\n",
        );
        let loaded = load_bytes("page.html", html.as_bytes(), Format::Html, &LoadOptions::default()).expect("loads");
        let article = &loaded.articles[0];
        assert_eq!(position(article, "’s"), (8, 10));
        assert_eq!(position(article, "28.7"), (8, 29));
        assert_eq!(position(article, "tonnes"), (9, 4));
        assert_eq!(position(article, "leads"), (11, 18));
        assert_eq!(
            &article.source()[article.source_offset(article.text.find("tonnes").expect("found"))..][..6],
            "tonnes"
        );
    }

    #[test]
    fn json_lines_records() {
        let text = "{\"title\": \"One\", \"source\": {\"name\": \"Wire\"}, \"text\": \"Russia holds\\n28.7 Mt.\"}\n\n\
                    {\"body\": \"Menu\\nChina leads.\", \"date\": \"2024-01-02\", \"url\": \"https://x.test\"}\n\
                    [1]\n{\"headline\": \"no text\"}\n";
        check(
            "feed.jsonl",
            text.as_bytes(),
            "article feed.jsonl#1 (jsonl) title=\"One\" outlet=\"Wire\"\n  1:55 \"Russia holds\\n28.7 Mt.\"\n\
             article feed.jsonl#2 (jsonl) date=\"2024-01-02\" url=\"https://x.test\"\n  3:17 \"China leads.\"\n\
             warning feed.jsonl#3: record 3 (line 4) is an array, not an object; record skipped (offset Some(158))\n\
             warning feed.jsonl#4: record 4 (line 5) has no string field `text`, `body` or `content` (set the text field to read another one); record skipped (offset Some(162))\n",
        );
        let loaded = load_bytes(
            "feed.jsonl",
            text.as_bytes(),
            Format::JsonLines,
            &LoadOptions::default(),
        )
        .expect("loads");
        assert_eq!(position(&loaded.articles[0], "28.7"), (1, 69));
        let partial = load_bytes(
            "bad.ndjson",
            b"{\"text\": \"ok\"}\n{\"text\": \"Russia\" \"x\"}\n{\"text\": \"third\"}\n",
            Format::JsonLines,
            &LoadOptions::default(),
        )
        .expect("a bad line does not stop the file");
        assert_eq!(
            partial.errors,
            ["bad.ndjson:2:19: invalid JSON: expected `,` or `}`; fix the record or remove it"]
        );
        let paths: Vec<&str> = partial.articles.iter().map(|article| article.path.as_str()).collect();
        assert_eq!(paths, ["bad.ndjson#1", "bad.ndjson#3"]);
    }

    /// Path, title, outlet and position of the first byte of an article.
    type Summary = (String, Option<String>, Option<String>, (u32, u32));

    #[test]
    fn json_arrays_and_configured_fields() {
        let text = "[\n  {\"headline\": \"A\", \"story\": \"First.\", \"site\": \"S\"},\n  {\"story\": \"Second.\"}\n]";
        let options = LoadOptions {
            text_field: Some("story".into()),
            outlet_field: Some("site".into()),
            ..LoadOptions::default()
        };
        let loaded = load_bytes("all.json", text.as_bytes(), Format::Json, &options).expect("loads");
        let summary: Vec<Summary> = loaded
            .articles
            .iter()
            .map(|article| {
                (
                    article.path.clone(),
                    article.meta.title.clone(),
                    article.meta.outlet.clone(),
                    article.line_column(0),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("all.json#1".into(), Some("A".into()), Some("S".into()), (2, 31)),
                ("all.json#2".into(), None, None, (3, 14)),
            ]
        );
        let error = load_bytes("n.json", b"42", Format::Json, &LoadOptions::default()).expect_err("not records");
        assert_eq!(
            error.to_string(),
            "n.json: expected a JSON object or an array of objects, found a number; give one object per article"
        );
        let single = load_bytes(
            "one.json",
            b"{\"content\": \"Only.\"}",
            Format::Json,
            &LoadOptions::default(),
        )
        .expect("loads");
        assert_eq!(single.articles[0].path, "one.json#1");
        let empty = load_bytes("empty.json", b" \n", Format::Json, &LoadOptions::default()).expect("loads");
        assert!(empty.articles.is_empty() && empty.warnings.is_empty());
    }

    #[test]
    fn formats_and_files() {
        let formats = [
            "a.TXT",
            "b.md",
            "c.markdown",
            "d.htm",
            "e.html",
            "f.jsonl",
            "g.ndjson",
            "h.json",
            "i.csv",
            "noextension",
        ]
        .map(|path| Format::from_path(Path::new(path)).name());
        assert_eq!(
            formats,
            [
                "txt", "md", "md", "html", "html", "jsonl", "jsonl", "json", "txt", "txt"
            ]
        );
        let directory = tempfile::tempdir().expect("temporary directory");
        let missing = directory.path().join("missing.txt");
        let error = load_file(&missing, "missing.txt", &LoadOptions::default()).expect_err("missing");
        assert!(
            error.to_string().starts_with("missing.txt: cannot read the file: "),
            "{error}"
        );
        assert!(
            error.to_string().ends_with("; check that it exists and is readable"),
            "{error}"
        );
        let page = directory.path().join("page.HTM");
        std::fs::write(&page, "<p>Hi.</p>").expect("write");
        let loaded = load_file(&page, "page.HTM", &LoadOptions::default()).expect("loads");
        assert_eq!(
            (loaded.articles[0].format, loaded.articles[0].text.as_str()),
            (Format::Html, "Hi.")
        );
    }

    /// Deterministic pseudo-random inputs from tricky pieces: loading and segmenting never
    /// panic, and every region and sentence is a valid, trimmed range on character boundaries.
    #[test]
    fn arbitrary_inputs_never_break_invariants() {
        const PIECES: &[&str] = &[
            ".",
            "!",
            "?",
            "…",
            " ",
            "\u{a0}",
            "\n",
            "\r",
            "\r\n",
            "é",
            "🌍",
            "U.S.",
            "Dr.",
            "\"",
            "”",
            "#",
            "- ",
            "1. ",
            "<p>",
            "</p>",
            "<script>",
            "<!--",
            "&amp;",
            "&#x2019;",
            "&",
            "<",
            "{",
            "}",
            "\"text\": ",
            "\\u00e9",
            "---",
            "Comments",
            "Russia",
            "holds",
            "28.7",
            "\u{0}",
            "\u{feff}",
            "`",
            "```",
        ];
        let mut seed: u64 = 0x5eed;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        let options = LoadOptions::default();
        for round in 0..400 {
            let length = next() % 60;
            let input: String = (0..length).map(|_| PIECES[next() % PIECES.len()]).collect();
            let mut bytes = input.into_bytes();
            if round % 7 == 0 && !bytes.is_empty() {
                let at = next() % bytes.len();
                bytes[at] = 0xFF;
            }
            for format in [
                Format::Text,
                Format::Markdown,
                Format::Html,
                Format::JsonLines,
                Format::Json,
            ] {
                let Ok(loaded) = load_bytes("x", &bytes, format, &options) else {
                    continue;
                };
                for article in &loaded.articles {
                    let text = &article.text;
                    for range in article.regions.iter().chain(&crate::text::sentences(article)) {
                        assert!(
                            range.start <= range.end && range.end <= text.len(),
                            "{range:?} in {text:?}"
                        );
                        assert!(
                            text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
                            "{range:?} in {text:?}"
                        );
                    }
                    for sentence in crate::text::sentences(article) {
                        let slice = &text[sentence];
                        assert!(!slice.is_empty() && slice.trim() == slice, "{slice:?}");
                    }
                    for (offset, _) in text.char_indices() {
                        let (line, column) = article.line_column(offset);
                        assert!(line >= 1 && column >= 1);
                        assert!(article.source().is_char_boundary(article.source_offset(offset)));
                    }
                }
            }
        }
    }
}
