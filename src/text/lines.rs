//! Line index and line iteration: byte offset → one-based line and character column.
//!
//! Every line ending the crate meets — `\n`, `\r\n` and a lone `\r` — ends exactly one line, both
//! here and in [`lines`], so line numbers agree between loading, furniture filtering,
//! segmentation and reporting.

use std::ops::Range;

/// Start offsets of every line of a text, for fast offset → (line, column) lookups.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`. `\n`, `\r\n` and a lone `\r` all end a line.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            lines(text, 0..text.len())
                .filter(|line| line.end < text.len())
                .map(|line| line.end),
        );
        if text.ends_with(['\n', '\r']) {
            starts.push(text.len());
        }
        starts.dedup();
        LineIndex { starts }
    }

    /// One-based line and one-based column (in characters) of byte `offset` of `text`, which
    /// must be the text this index was built from.
    pub fn line_column(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let line_start = self.starts[line];
        let offset = offset.min(text.len());
        let column = text
            .get(line_start..offset)
            .map_or(offset - line_start, |prefix| prefix.chars().count());
        (line as u32 + 1, column as u32 + 1)
    }

    /// Byte offset where one-based `line` starts, if the text has that many lines.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        self.starts.get((line as usize).checked_sub(1)?).copied()
    }
}

/// One line of a text: its content and where the next line starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The line's bytes, without its line ending.
    pub content: Range<usize>,
    /// One past the line ending (equal to `content.end` for a last line with no ending).
    pub end: usize,
}

/// The lines of `text[range]`, as byte ranges into `text`; a text ending in a line break has no
/// empty last line. Runs in time linear in the range (memchr).
pub fn lines(text: &str, range: Range<usize>) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let limit = range.end;
    let mut position = range.start;
    std::iter::from_fn(move || {
        if position >= limit {
            return None;
        }
        let start = position;
        let Some(found) = memchr::memchr2(b'\n', b'\r', &bytes[start..limit]) else {
            position = limit;
            return Some(Line {
                content: start..limit,
                end: limit,
            });
        };
        let content_end = start + found;
        let mut end = content_end + 1;
        if bytes[content_end] == b'\r' && end < limit && bytes[end] == b'\n' {
            end += 1;
        }
        position = end;
        Some(Line {
            content: start..content_end,
            end,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, offset: usize, expected: (u32, u32)) {
        let index = LineIndex::new(text);
        assert_eq!(index.line_column(text, offset), expected, "offset {offset} of {text:?}");
    }

    #[test]
    fn lines_and_columns() {
        let text = "ab\ncdé f\r\ng\rh";
        check(text, 0, (1, 1));
        check(text, 3, (2, 1));
        check(text, 8, (2, 5));
        check(text, 11, (3, 1));
        check(text, 13, (4, 1));
        check("a\r\n", 3, (2, 1));
        check("a\r\r\nb", 4, (3, 1));
        check("", 0, (1, 1));
    }

    #[test]
    fn iterates_lines_with_every_ending() {
        let text = "a\r\nb\rc\n\nd";
        let contents: Vec<&str> = lines(text, 0..text.len()).map(|line| &text[line.content]).collect();
        assert_eq!(contents, ["a", "b", "c", "", "d"]);
        let ends: Vec<usize> = lines(text, 0..text.len()).map(|line| line.end).collect();
        assert_eq!(ends, [3, 5, 7, 8, 9]);
        assert_eq!(lines("x\n", 0..2).count(), 1);
        assert_eq!(LineIndex::new("a\nb").line_start(2), Some(2));
    }
}
