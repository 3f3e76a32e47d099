//! Offset maps: from bytes of an extracted text back to bytes of the file it was extracted from.
//!
//! Key decision: the map is a sorted list of pieces, one per run of text copied verbatim (whose
//! offsets then map one to one) or per inserted or decoded character (a line break for a `<p>`,
//! `&amp;` → `&`, `\n` in a JSON string), which maps to where its source starts. Memory is one
//! entry per run, lookups are a binary search.

/// Extracted-text offsets → original offsets.
#[derive(Clone, Debug, Default)]
pub(crate) struct OffsetMap {
    pieces: Vec<Piece>,
}

#[derive(Clone, Copy, Debug)]
struct Piece {
    text: usize,
    original: usize,
    verbatim: bool,
}

impl OffsetMap {
    /// Records that `text` offset `at` holds a copy of original bytes starting at `original`;
    /// extends the current verbatim run when both sides are contiguous.
    pub fn copied(&mut self, at: usize, original: usize) {
        let contiguous = self
            .pieces
            .last()
            .is_some_and(|last| last.verbatim && last.original + (at - last.text) == original);
        if contiguous {
            return;
        }
        self.pieces.push(Piece {
            text: at,
            original,
            verbatim: true,
        });
    }

    /// Records that `text` offset `at` holds something produced from the original bytes starting
    /// at `original` (an entity, an escape, an inserted line break).
    pub fn produced(&mut self, at: usize, original: usize) {
        self.pieces.push(Piece {
            text: at,
            original,
            verbatim: false,
        });
    }

    /// The original offset of extracted-text offset `offset`.
    pub fn original(&self, offset: usize) -> usize {
        let index = self.pieces.partition_point(|piece| piece.text <= offset);
        let Some(piece) = index.checked_sub(1).map(|index| self.pieces[index]) else {
            return offset;
        };
        if piece.verbatim {
            piece.original + (offset - piece.text)
        } else {
            piece.original
        }
    }
}

#[cfg(test)]
impl OffsetMap {
    /// The pieces: (text offset, original offset, copied verbatim), in text order.
    pub fn pieces(&self) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
        self.pieces
            .iter()
            .map(|piece| (piece.text, piece.original, piece.verbatim))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_verbatim_runs_and_produced_characters() {
        // Original "<p>a&amp;bc</p>" → text "a&bc".
        let mut map = OffsetMap::default();
        map.copied(0, 3);
        map.produced(1, 4);
        map.copied(2, 9);
        map.copied(3, 10);
        assert_eq!([0, 1, 2, 3, 4].map(|offset| map.original(offset)), [3, 4, 9, 10, 11]);
        assert_eq!(map.pieces.len(), 3);
        assert_eq!(OffsetMap::default().original(5), 5);
    }
}
