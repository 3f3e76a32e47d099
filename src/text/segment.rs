//! Sentence segmentation.

use std::ops::Range;

/// Splits `text[region]` into sentences, returned as trimmed byte ranges into `text`.
pub fn segment(text: &str, region: Range<usize>) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = region.start;
    for (offset, character) in text[region.clone()].char_indices() {
        let at = region.start + offset;
        if matches!(character, '.' | '!' | '?' | '\n') {
            push_trimmed(text, start..at + character.len_utf8(), &mut sentences);
            start = at + character.len_utf8();
        }
    }
    push_trimmed(text, start..region.end, &mut sentences);
    sentences
}

fn push_trimmed(text: &str, range: Range<usize>, sentences: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let start = range.start + (slice.len() - slice.trim_start().len());
        sentences.push(start..start + trimmed.len());
    }
}
