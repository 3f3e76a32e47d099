//! Articles: loading files of every supported format into searchable text.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::LineIndex;

/// Article metadata from front matter or record fields.
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

/// One article ready for matching.
#[derive(Clone, Debug)]
pub struct Article {
    /// Path as given by the user (or `<stdin>`); `path#N` for record N of a JSON Lines file.
    pub path: String,
    /// Metadata.
    pub meta: Meta,
    /// The text the matcher searches; spans in claims index into it.
    pub text: String,
    /// Regions of `text` that hold prose, in order (front matter and page furniture left out).
    pub regions: Vec<Range<usize>>,
    lines: LineIndex,
}

impl Article {
    /// An article whose text is the whole of `text`, searched everywhere.
    pub fn plain(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let lines = LineIndex::new(&text);
        let regions = vec![0..text.len()];
        Article { path: path.into(), meta: Meta::default(), text, regions, lines }
    }

    /// One-based line and column of byte `offset` of [`Article::text`] in the original file.
    pub fn line_column(&self, offset: usize) -> (u32, u32) {
        self.lines.line_column(&self.text, offset)
    }
}
