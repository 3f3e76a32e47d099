//! Numbers: numerals in digits or words and ordinals. Rounding and printing canonical values is
//! [`crate::value::number`]'s, re-exported here for the extractors.
//!
//! The other extractors read every figure through [`numeral_at`] and every "second", "3rd"
//! through [`ordinal_at`]. Design decisions:
//! - digits follow English news convention: `,` groups thousands ("44,000,000") and `.` marks
//!   the decimal ("28.7"); a lone comma not followed by exactly three digits ("28,7") and a lone
//!   comma after dotted thousands ("1.234,5") read as a continental decimal comma;
//! - parsing copies the digits into a stack buffer and uses the standard float parser, so
//!   "28.7" is the same `f64` as the literal `28.7` and nothing is allocated;
//! - canonical values are rounded to 12 significant digits ([`round_significant`]) so that
//!   `28.7 × 10⁶` is exactly `28700000` and prints that way ([`format_value`]).

use crate::text::token::{Token, TokenKind};

pub use crate::value::number::{format_value, round_significant};

/// A number read from the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Numeral {
    /// Its value.
    pub value: f64,
    /// Whether it was written in digits (`28.7`) rather than words (`twenty`).
    pub digits: bool,
    /// Whether it looks like a year: four bare digits from 1800 to 2100.
    pub year_like: bool,
}

/// Number words below twenty.
const SMALL: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

/// Multiples of ten.
const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Ordinal words.
const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
];

fn lookup(table: &[(&str, u32)], word: &str) -> Option<u32> {
    table
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, value)| value)
}

/// Parses digits with separators: `28.7`, `44,000,000`, `1,234.5`, `28,7`, `1.234.567`.
///
/// Returns `None` for malformed groupings such as `1,23,4` or for text that is not a number.
pub fn parse_number(digits: &str) -> Option<f64> {
    let bytes = digits.as_bytes();
    if bytes.is_empty()
        || bytes.len() > 64
        || !bytes
            .iter()
            .all(|&byte| byte.is_ascii_digit() || byte == b',' || byte == b'.')
        || !bytes[0].is_ascii_digit()
        || !bytes[bytes.len() - 1].is_ascii_digit()
    {
        return None;
    }
    let commas = digits.matches(',').count();
    let dots = digits.matches('.').count();
    let last_comma = bytes.iter().rposition(|&byte| byte == b',');
    let last_dot = bytes.iter().rposition(|&byte| byte == b'.');
    // Decide which separator (if any) is the decimal mark.
    let (thousands, decimal) = match (commas, dots) {
        (0, 0) => (None, None),
        (0, 1) => (None, Some(b'.')),
        (0, _) => (Some(b'.'), None),
        (1, 0) => {
            let after = bytes.len() - last_comma.unwrap_or(0) - 1;
            if after == 3 {
                (Some(b','), None)
            } else {
                (None, Some(b','))
            }
        }
        (_, 0) => (Some(b','), None),
        (_, 1) if last_dot > last_comma => (Some(b','), Some(b'.')),
        (1, _) if last_comma > last_dot => (Some(b'.'), Some(b',')),
        _ => return None,
    };
    let decimal_at = decimal.and_then(|mark| bytes.iter().position(|&byte| byte == mark));
    let integer_end = decimal_at.unwrap_or(bytes.len());
    // Integer part: the first group has 1–3 digits and every later group exactly 3.
    if let Some(separator) = thousands {
        let mut groups = bytes[..integer_end].split(|&byte| byte == separator);
        let first = groups.next().map_or(0, <[u8]>::len);
        if !(1..=3).contains(&first) || groups.any(|group| group.len() != 3) {
            return None;
        }
    }
    let mut buffer = [0_u8; 64];
    let mut length = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        if Some(index) == decimal_at {
            buffer[length] = b'.';
        } else if Some(byte) == thousands {
            continue;
        } else if byte.is_ascii_digit() {
            buffer[length] = byte;
        } else {
            return None;
        }
        length += 1;
    }
    std::str::from_utf8(&buffer[..length]).ok()?.parse().ok()
}

/// The value of a single number word (`one` … `nineteen`, `twenty` … `ninety`), ignoring ASCII
/// case.
pub fn number_word(word: &str) -> Option<u32> {
    lookup(SMALL, word).or_else(|| lookup(TENS, word))
}

/// Whether `value` written as `digits` looks like a year: four bare digits, 1800–2100.
fn is_year_like(digits: &str) -> bool {
    digits.len() == 4
        && digits.bytes().all(|byte| byte.is_ascii_digit())
        && digits.parse::<u32>().is_ok_and(|year| (1800..=2100).contains(&year))
}

/// Reads a numeral at token `start`: a number token (`28.7`, `44,000,000`) or number words
/// (`twenty`, `twenty-five`, `one hundred and fifty`, `a hundred`, `a dozen`, `two dozen`).
///
/// Scale words ("million") are not part of a numeral; the quantity extractor reads them.
pub fn numeral_at(text: &str, tokens: &[Token], start: usize) -> Option<(usize, Numeral)> {
    let token = tokens.get(start)?;
    if token.kind == TokenKind::Number {
        let digits = token.text(text);
        let value = parse_number(digits)?;
        let numeral = Numeral {
            value,
            digits: true,
            year_like: is_year_like(digits),
        };
        return Some((start + 1, numeral));
    }
    let (end, value) = words_at(text, tokens, start)?;
    Some((
        end,
        Numeral {
            value: f64::from(value),
            digits: false,
            year_like: false,
        },
    ))
}

/// Number words: `[a|one…ninety-nine] [hundred [and] one…ninety-nine]`, `[a|N] dozen`.
fn words_at(text: &str, tokens: &[Token], start: usize) -> Option<(usize, u32)> {
    let word = |index: usize| {
        tokens
            .get(index)
            .filter(|token| token.kind == TokenKind::Word)
            .map(|token| token.text(text))
    };
    let first = word(start)?;
    let article = first.eq_ignore_ascii_case("a") || first.eq_ignore_ascii_case("an");
    let (mut end, mut value) = if article {
        (start + 1, 1)
    } else {
        below_hundred_at(text, tokens, start)?
    };
    let multiplier = word(end);
    if multiplier.is_some_and(|next| next.eq_ignore_ascii_case("dozen")) {
        return Some((end + 1, value * 12));
    }
    if multiplier.is_some_and(|next| next.eq_ignore_ascii_case("hundred")) && value < 10 {
        value *= 100;
        end += 1;
        let mut rest = end;
        if word(rest).is_some_and(|next| next.eq_ignore_ascii_case("and")) {
            rest += 1;
        }
        if let Some((rest_end, rest_value)) = below_hundred_at(text, tokens, rest) {
            value += rest_value;
            end = rest_end;
        }
        return Some((end, value));
    }
    // A bare article is not a number ("a tonne" is for the caller to decide).
    if article { None } else { Some((end, value)) }
}

/// `one` … `nineteen`, or `twenty` … `ninety` with an optional unit (`twenty-five`).
fn below_hundred_at(text: &str, tokens: &[Token], start: usize) -> Option<(usize, u32)> {
    let token = tokens.get(start).filter(|token| token.kind == TokenKind::Word)?;
    let word = token.text(text);
    if let Some(value) = lookup(SMALL, word) {
        return Some((start + 1, value));
    }
    let tens = lookup(TENS, word)?;
    let unit = tokens
        .get(start + 1)
        .filter(|token| token.kind == TokenKind::Word)
        .and_then(|token| lookup(SMALL, token.text(text)))
        .filter(|unit| (1..=9).contains(unit));
    match unit {
        Some(unit) => Some((start + 2, tens + unit)),
        None => Some((start + 1, tens)),
    }
}

/// Reads an ordinal at token `start`: `first` … `twentieth`, or digits glued to `st`, `nd`,
/// `rd`, `th` (`2nd`, `21st`). Returns the position (1 = first).
pub fn ordinal_at(text: &str, tokens: &[Token], start: usize) -> Option<(usize, u32)> {
    let token = tokens.get(start)?;
    match token.kind {
        TokenKind::Word => lookup(ORDINALS, token.text(text)).map(|value| (start + 1, value)),
        TokenKind::Number => {
            let value: u32 = token.text(text).parse().ok()?;
            let suffix = tokens.get(start + 1).filter(|next| !next.space_before)?;
            let suffix = suffix.text(text);
            let expected = match (value % 100, value % 10) {
                (11..=13, _) => "th",
                (_, 1) => "st",
                (_, 2) => "nd",
                (_, 3) => "rd",
                _ => "th",
            };
            (value > 0 && suffix.eq_ignore_ascii_case(expected)).then_some((start + 2, value))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    #[track_caller]
    fn check(input: &str, expected: Option<(&str, f64)>) {
        let tokens = tokenize(input);
        let actual = numeral_at(input, &tokens, 0)
            .map(|(end, numeral)| (&input[tokens[0].start..tokens[end - 1].end], numeral.value));
        assert_eq!(actual, expected, "numeral in {input:?}");
    }

    #[test]
    fn numerals() {
        check("28.7 million", Some(("28.7", 28.7)));
        check("44,000,000 tonnes", Some(("44,000,000", 44_000_000.0)));
        check("1,234.5", Some(("1,234.5", 1234.5)));
        check("28,7 Mio.", Some(("28,7", 28.7)));
        check("1.234.567", Some(("1.234.567", 1_234_567.0)));
        check("1.234,5", Some(("1.234,5", 1234.5)));
        check("12,34,567", None);
        check("one of", Some(("one", 1.0)));
        check("twenty-five tonnes", Some(("twenty-five", 25.0)));
        check("twenty five", Some(("twenty five", 25.0)));
        check("ninety", Some(("ninety", 90.0)));
        check("a dozen countries", Some(("a dozen", 12.0)));
        check("two dozen", Some(("two dozen", 24.0)));
        check("a hundred", Some(("a hundred", 100.0)));
        check("three hundred and fifty", Some(("three hundred and fifty", 350.0)));
        check("one hundred", Some(("one hundred", 100.0)));
        check("a tonne", None);
        check("twentieth", None);
        check("Russia", None);
        check("$", None);
    }

    #[track_caller]
    fn check_ordinal(input: &str, expected: Option<u32>) {
        let tokens = tokenize(input);
        assert_eq!(
            ordinal_at(input, &tokens, 0).map(|(_, value)| value),
            expected,
            "{input:?}"
        );
    }

    #[test]
    fn ordinals() {
        check_ordinal("second-largest", Some(2));
        check_ordinal("Third", Some(3));
        check_ordinal("2nd-largest", Some(2));
        check_ordinal("21st", Some(21));
        check_ordinal("11th", Some(11));
        check_ordinal("12nd", None);
        check_ordinal("2 nd", None);
        check_ordinal("two", None);
    }
}
