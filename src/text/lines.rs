//! Line index: byte offset → one-based line and character column.

/// Start offsets of every line of a text, for fast offset → (line, column) lookups.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`. `\n`, `\r\n` and a lone `\r` all end a line.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut index = 0;
        while index < bytes.len() {
            match bytes[index] {
                b'\n' => starts.push(index + 1),
                b'\r' if bytes.get(index + 1) != Some(&b'\n') => starts.push(index + 1),
                _ => {}
            }
            index += 1;
        }
        LineIndex { starts }
    }

    /// One-based line and one-based column (in characters) of byte `offset` of `text`, which
    /// must be the text this index was built from.
    pub fn line_column(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let line_start = self.starts[line];
        let offset = offset.min(text.len());
        let column = text.get(line_start..offset).map_or(offset - line_start, |prefix| prefix.chars().count());
        (line as u32 + 1, column as u32 + 1)
    }

    /// Byte offset where one-based `line` starts, if the text has that many lines.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        self.starts.get((line as usize).checked_sub(1)?).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let text = "ab\ncdé f\r\ng\rh";
        let index = LineIndex::new(text);
        assert_eq!(index.line_column(text, 0), (1, 1));
        assert_eq!(index.line_column(text, 3), (2, 1));
        assert_eq!(index.line_column(text, 8), (2, 5));
        assert_eq!(index.line_column(text, 11), (3, 1));
        assert_eq!(index.line_column(text, 13), (4, 1));
    }
}
