//! Built-in extractors: quantities, ranks, comparatives and years read from token slices.
//!
//! Every extractor is a pure function `(text, tokens, start)` over the tokens of one sentence
//! (`tokens` index into the whole article `text`). It tries to read its construct beginning
//! exactly at token `start` and returns the longest match as `Some((end, value))`, `end` being
//! one past the last token consumed; it never looks for a later start itself, that is the
//! matcher's job. Spans in the values are byte spans of `text`, so `text[span]` is always the
//! quoted evidence.
//!
//! - [`quantity_at`]: "more than 28.7 million tonnes", "$1-2bn", "about 5%" → [`Quantity`]
//!   normalised to a canonical unit (`t`, `%`, `pp`, ISO currency code, or a count), as an
//!   interval;
//! - [`rank_at`]: "the world's second-largest", "one of the largest", "in the top three" →
//!   [`Rank`];
//! - [`comparative_at`]: "far exceeding", "superior to", "lags behind" → [`Relation`];
//! - [`change_at`]: "fell by 5%", "rose 3 percent to 44 million tonnes", "doubled" → a signed
//!   [`Change`](crate::value::Change);
//! - [`name_at`]: "Orbis Motors", "Pryce & Lindqvist", "J. R. Vane Holdings" → an open-class
//!   [`name::Name`] with an id from its words;
//! - [`year_at`] and [`scope_year`]: "as of January 2025", "at the end of 2023",
//!   "2023 estimates" → the as-of year of a figure;
//! - [`number`]: the shared numeral parsing and [`format_value`].
//!
//! Design decision: the extractors use small static word tables compared case-insensitively
//! on ASCII, never a regex per call, and allocate only the value they return. Matching words
//! are compared token by token, so "second-largest" and "second largest" (which tokenize
//! alike) read alike.
//!
//! [`Quantity`]: crate::claim::Quantity
//! [`Rank`]: crate::claim::Rank
//! [`Relation`]: crate::claim::Relation

pub mod change;
pub mod comparative;
pub mod name;
pub mod number;
pub mod quantity;
pub mod rank;
pub mod year;

pub use change::{change_at, change_in};
pub use comparative::comparative_at;
pub use name::name_at;
pub use number::{format_value, numeral_at, ordinal_at, parse_number, round_significant};
pub use quantity::{Vocabulary, quantity_at, quantity_in};
pub use rank::rank_at;
pub use year::{scope_year, year_at};

use crate::claim::Span;
use crate::text::token::{Token, TokenKind};

/// The text of token `index`, if it exists.
fn token_text<'a>(text: &'a str, tokens: &[Token], index: usize) -> Option<&'a str> {
    tokens.get(index).map(|token| token.text(text))
}

/// Whether token `index` exists and is `word`, ignoring ASCII case.
fn is_word(text: &str, tokens: &[Token], index: usize, word: &str) -> bool {
    tokens.get(index).is_some_and(|token| token.is(text, word))
}

/// Whether token `index` exists and is one of `words`, ignoring ASCII case.
fn is_any(text: &str, tokens: &[Token], index: usize, words: &[&str]) -> bool {
    tokens
        .get(index)
        .is_some_and(|token| words.iter().any(|word| token.is(text, word)))
}

/// Whether token `index` exists and follows the previous token with no space.
fn is_glued(tokens: &[Token], index: usize) -> bool {
    tokens.get(index).is_some_and(|token| !token.space_before)
}

/// Whether token `index` exists and is of `kind`.
fn is_kind(tokens: &[Token], index: usize, kind: TokenKind) -> bool {
    tokens.get(index).is_some_and(|token| token.kind == kind)
}

/// Matches the words of `phrase` from token `index` on; returns the end.
fn phrase_end(text: &str, tokens: &[Token], index: usize, phrase: &[&str]) -> Option<usize> {
    phrase
        .iter()
        .enumerate()
        .all(|(offset, word)| is_word(text, tokens, index + offset, word))
        .then_some(index + phrase.len())
}

/// The longest phrase of `table` matching from token `index` on, with its end (the last of
/// the longest on a tie). The token's text is sliced once and each phrase's first word
/// compared by length first: the quantity reader asks this at every token.
fn longest_phrase<T: Copy>(text: &str, tokens: &[Token], index: usize, table: &[(&[&str], T)]) -> Option<(usize, T)> {
    let first = tokens.get(index).map(|token| token.text(text));
    table
        .iter()
        .filter_map(|&(phrase, value)| {
            let end = match phrase.split_first() {
                None => index,
                Some((word, rest)) => {
                    let first = first?;
                    if word.len() != first.len() || !word.eq_ignore_ascii_case(first) {
                        return None;
                    }
                    phrase_end(text, tokens, index + 1, rest)?
                }
            };
            Some((end, value))
        })
        .max_by_key(|&(end, _)| end)
}

/// Whether token `index` is a dash or hyphen (as between "10–12").
fn is_dash(text: &str, tokens: &[Token], index: usize) -> bool {
    is_kind(tokens, index, TokenKind::Punct) && is_any(text, tokens, index, &["-", "–", "—", "‐", "‑"])
}

/// Byte span covering tokens `start..end`.
fn token_span(tokens: &[Token], start: usize, end: usize) -> Span {
    Span::new(tokens[start].start, tokens[end - 1].end)
}

/// Month names and their usual abbreviations.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Reads a month name at token `index` ("January", "Jan", "Jan."), returning the end and the
/// month number. Only capitalised words count, so the verbs "may" and "march" are not months.
fn month_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, u32)> {
    let token = tokens.get(index).filter(|token| token.kind == TokenKind::Word)?;
    let word = token.text(text);
    if !word.starts_with(|character: char| character.is_ascii_uppercase()) {
        return None;
    }
    let (name, month) = MONTHS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .copied()?;
    // "Jan." keeps its full stop; full names do not take one.
    let end = if name.len() <= 4
        && name != "june"
        && name != "july"
        && name != "may"
        && is_word(text, tokens, index + 1, ".")
        && is_glued(tokens, index + 1)
    {
        index + 2
    } else {
        index + 1
    };
    Some((end, month))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    /// Every extractor, at every start of awkward text, returns a match that lies within the
    /// sentence and quotes its own span, or nothing; none panics.
    #[test]
    fn every_start_is_safe() {
        let texts = [
            "Russia’s 28,7 Mio. t — “the world's No.1” (2023) $ £ US$ 10– ~ ≥ 5 % of … end-",
            "by the end of as of January , the top one of the most more than 5 10-12 between",
            "Ünïcode 3\u{a0}Mt Россия’s 1.2.3 ,,, 99999999999999999999999999 0.000001 kg",
            "a an half a the world's second- ranks among in the top 1 in fiscal FY Q3 Dec. 31,",
        ];
        for text in texts {
            let tokens = tokenize(text);
            for start in 0..=tokens.len() {
                if let Some((end, quantity)) = quantity_at(text, &tokens, start) {
                    assert!(end > start && end <= tokens.len());
                    assert_eq!(&text[quantity.span.range()], quantity.text);
                }
                if let Some((end, rank)) = rank_at(text, &tokens, start, 5, Vocabulary::none()) {
                    assert!(end > start && end <= tokens.len());
                    assert_eq!(&text[rank.span.range()], rank.text);
                }
                if let Some((end, _, span)) = comparative_at(text, &tokens, start) {
                    assert!(end > start && end <= tokens.len());
                    assert_eq!(span, token_span(&tokens, start, end));
                }
                if let Some((end, year)) = year_at(text, &tokens, start) {
                    assert!(end > start && end <= tokens.len());
                    assert!((1900..=2100).contains(&year));
                }
            }
            let _ = scope_year(text, &tokens);
        }
    }
}
