//! One figure: `[sign] [currency] number [scale] [unit] [rate]`, with every way news copy
//! writes the number — digits with grouped thousands ("44,000,000", "640 000"), a leading
//! point (".002"), scientific notation ("1.2e6"), mixed numbers and fractions ("2 1/2",
//! "2½", "two and a half", "three-quarters of a million", "one over three"), number words,
//! scales ("4.5m", "3 hundred", "$1 million and a half") — and the checks that keep dates,
//! labels and names out.

use super::super::number::{Numeral, number_word, numeral_at, round_significant};
use super::super::{is_any, is_dash, is_glued, is_kind, is_word, month_at, token_text};
use super::Figure;
use super::unit::{currency_prefix_at, noun_at, rate_at, unit_after_at};
use super::units::{FRACTIONS, PERCENT, SCALES};
use super::vocabulary::Vocabulary;
use crate::text::token::{Token, TokenKind};

/// Unicode vulgar fractions, alone ("½") or glued after an integer ("2½").
const VULGAR: &[(&str, f64)] = &[
    ("½", 0.5),
    ("¼", 0.25),
    ("¾", 0.75),
    ("⅓", 1.0 / 3.0),
    ("⅔", 2.0 / 3.0),
    ("⅕", 0.2),
    ("⅛", 0.125),
];

/// Fractions added after "and": "two and a half", "$1 million and a half".
const AND_FRACTIONS: &[(&[&str], f64)] = &[
    (&["and", "a", "half"], 0.5),
    (&["and", "a", "quarter"], 0.25),
    (&["and", "three", "quarters"], 0.75),
    (&["and", "a", "third"], 1.0 / 3.0),
];

/// White space that may group thousands: "640 000", with a no-break or thin space too.
const GROUP_SPACES: &[&str] = &[" ", "\u{a0}", "\u{202f}", "\u{2009}"];

/// Reads one figure at `start`. `currency_context` says whether the other end of a range is
/// money ("$1-2bn"); `second` that this is the upper end of a range, which may follow a dash
/// glued to the lower one ("10-12").
pub(super) fn figure_at(
    text: &str,
    tokens: &[Token],
    start: usize,
    currency_context: bool,
    second: bool,
    vocabulary: &Vocabulary,
) -> Option<Figure> {
    let mut index = start;
    let (signed, negative) = match sign_at(text, tokens, index) {
        Some((end, negative)) => {
            index = end;
            (true, negative)
        }
        None => (false, false),
    };
    let mut unit = None;
    if let Some((end, currency)) = currency_prefix_at(text, tokens, index)
        && starts_number(text, tokens, end)
    {
        unit = Some(currency);
        index = end;
    }
    let currency = unit.is_some() || currency_context;
    if unit.is_none()
        && !signed
        && let Some((end, percent)) = fraction_at(text, tokens, index)
    {
        return Some(Figure {
            number: percent,
            scale: None,
            unit: Some(PERCENT),
            per: None,
            year_like: false,
            words: true,
            end,
            noun: None,
            note: None,
        });
    }
    let (mut number, mut year_like, mut words);
    if let Some((end, value)) = fraction_number_at(text, tokens, index) {
        // "half a million", "three-quarters of a million", "half a dozen", "½".
        number = value;
        index = end;
        (year_like, words) = (false, !is_kind(tokens, start, TokenKind::Punct));
    } else if is_any(text, tokens, index, &["a", "an"]) && scale_word_at(text, tokens, index + 1) {
        // "a million".
        number = 1.0;
        index += 1;
        (year_like, words) = (false, true);
    } else if let Some((end, value)) = leading_point_at(text, tokens, index) {
        // ".002 per cent".
        number = value;
        index = end;
        (year_like, words) = (false, false);
    } else {
        let (end, numeral) = numeral_at(text, tokens, index)?;
        if numeral.digits
            && unit.is_none()
            && is_not_a_figure(text, tokens, index, &numeral, second || signed, vocabulary)
        {
            return None;
        }
        number = numeral.value;
        (year_like, words) = (numeral.year_like, !numeral.digits);
        let mut end = end;
        if numeral.digits {
            if let Some((grouped_end, grouped)) = grouped_thousands(text, tokens, index, end) {
                (number, end, year_like) = (grouped, grouped_end, false);
            }
            if let Some((fraction_end, fraction)) = mixed_fraction_at(text, tokens, end, number) {
                (number, end, year_like) = (fraction, fraction_end, false);
            }
            if let Some((exponent_end, exponent)) = exponent_at(text, tokens, end) {
                number = round_significant(number * 10_f64.powi(exponent));
                (end, year_like) = (exponent_end, false);
            }
            if let Some((fraction_end, value)) = simple_fraction_at(text, tokens, index, currency, vocabulary) {
                (number, end, year_like) = (value, fraction_end, false);
            }
        } else if is_word(text, tokens, end, "over")
            && let Some((over_end, denominator)) = numeral_at(text, tokens, end + 1).filter(|(_, n)| !n.digits)
            && denominator.value > 0.0
        {
            // "one over three".
            number = round_significant(number / denominator.value);
            end = over_end;
            words = false;
        }
        // Glued to an unknown word: "2nd", "5G", "1990s", "600m-deep", "five-year"; or an
        // adjective: "12-month", "10-fold".
        let unknown = |at: usize| {
            is_glued(tokens, at)
                && is_kind(tokens, at, TokenKind::Word)
                && scale_at(text, tokens, at, currency, vocabulary).is_none()
                && unit_after_at(text, tokens, at, false, vocabulary).is_none()
        };
        let compound = is_dash(text, tokens, end)
            && is_glued(tokens, end)
            && unknown(end + 1)
            && !is_any(text, tokens, end + 1, &["odd", "plus"]);
        if unknown(end) || compound {
            return None;
        }
        index = end;
    }
    // "two and a half", "one and a half million".
    if let Some((end, fraction)) = super::super::longest_phrase(text, tokens, index, AND_FRACTIONS) {
        number += fraction;
        index = end;
        year_like = false;
    }
    // "28.7-million-tonne", "$1.2-billion", "5-tonne".
    if is_dash(text, tokens, index)
        && is_glued(tokens, index)
        && is_glued(tokens, index + 1)
        && (scale_at(text, tokens, index + 1, currency, vocabulary).is_some()
            || unit_after_at(text, tokens, index + 1, false, vocabulary).is_some())
    {
        index += 1;
    }
    let mut scale = None;
    if let Some((end, found)) = scale_at(text, tokens, index, currency, vocabulary) {
        scale = Some(found);
        index = end;
        // "$1 million and a half".
        if let Some((end, fraction)) = super::super::longest_phrase(text, tokens, index, AND_FRACTIONS)
            && !scale_word_at(text, tokens, end)
        {
            number += fraction;
            index = end;
        }
    }
    let mut note = None;
    match unit {
        Some(currency) => {
            // "$260 million dollars", "US$5bn USD": a repeated currency is part of it.
            if let Some((end, after)) = unit_after_at(text, tokens, index, scale.is_some(), vocabulary)
                && after.0.code == currency.code
            {
                index = end;
            }
        }
        None => {
            if let Some((end, (found, decided))) = unit_after_at(text, tokens, index, scale.is_some(), vocabulary) {
                unit = Some(found);
                note = decided;
                index = end;
            }
        }
    }
    let mut per = None;
    let rated = unit.map_or(currency_context, |found| {
        !matches!(found.code, "%" | "pp") && !found.code.contains('/')
    });
    if rated && let Some((end, denominator)) = rate_at(text, tokens, index) {
        per = Some(denominator);
        index = end;
    }
    let noun = if unit.is_none() {
        noun_at(text, tokens, index)
    } else {
        None
    };
    if negative {
        number = -number;
    }
    Some(Figure {
        number,
        scale,
        unit,
        per,
        year_like,
        words,
        end: index,
        noun,
        note,
    })
}

/// A sign before the figure: a `-`, `−` or `+` glued to the number after a space ("-2.4%",
/// "(−0.8%)"), or the word "minus". Returns the end and whether it is negative.
fn sign_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, bool)> {
    if is_word(text, tokens, index, "minus") && starts_number(text, tokens, index + 1) {
        return Some((index + 1, true));
    }
    let sign = token_text(text, tokens, index)?;
    let negative = match sign {
        "-" | "−" => true,
        "+" => false,
        _ => return None,
    };
    // "-2.4%", and "-$5bn" with the currency between.
    let number_follows = is_kind(tokens, index + 1, TokenKind::Number)
        || is_kind(tokens, index + 1, TokenKind::Punct)
            && currency_prefix_at(text, tokens, index + 1).is_some()
            && is_glued(tokens, index + 2)
            && is_kind(tokens, index + 2, TokenKind::Number);
    (sign_stands_alone(text, tokens, index) && is_glued(tokens, index + 1) && number_follows)
        .then_some((index + 1, negative))
}

/// Whether the sign or point at `index` opens a figure: at the start, after a space or an
/// opening bracket, and not right after a number (where a dash is a range: "10-12").
fn sign_stands_alone(text: &str, tokens: &[Token], index: usize) -> bool {
    let Some(token) = tokens.get(index) else {
        return false;
    };
    if index == 0 {
        return true;
    }
    let previous = &tokens[index - 1];
    previous.kind != TokenKind::Number
        && (token.space_before || previous.kind == TokenKind::Punct && matches!(previous.text(text), "(" | "[" | "/"))
}

/// ".002": a point glued before digits, standing alone.
fn leading_point_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, f64)> {
    if !is_word(text, tokens, index, ".") || !sign_stands_alone(text, tokens, index) || !is_glued(tokens, index + 1) {
        return None;
    }
    let digits = tokens
        .get(index + 1)
        .filter(|token| token.kind == TokenKind::Number)?
        .text(text);
    if !digits.bytes().all(|byte| byte.is_ascii_digit()) || digits.len() > 15 {
        return None;
    }
    let value: f64 = format!("0.{digits}").parse().ok()?;
    Some((index + 2, value))
}

/// "640 000", "20 000 000": thousands grouped by single spaces after the 1–3 digits at
/// `index` (whose numeral ends at `end`).
fn grouped_thousands(text: &str, tokens: &[Token], index: usize, end: usize) -> Option<(usize, f64)> {
    let first = tokens[index].text(text);
    if first.len() > 3 || !first.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let mut value: f64 = first.parse().ok()?;
    let mut at = end;
    while is_group(text, tokens, at) {
        value = value * 1000.0 + tokens[at].text(text).parse::<f64>().ok()?;
        at += 1;
    }
    (at > end).then_some((at, value))
}

/// Whether token `at` is three digits continuing a space-grouped number.
fn is_group(text: &str, tokens: &[Token], at: usize) -> bool {
    let (Some(previous), Some(token)) = (at.checked_sub(1).and_then(|p| tokens.get(p)), tokens.get(at)) else {
        return false;
    };
    let digits = token.text(text);
    token.kind == TokenKind::Number
        && previous.kind == TokenKind::Number
        && digits.len() == 3
        && digits.bytes().all(|byte| byte.is_ascii_digit())
        && GROUP_SPACES.contains(&&text[previous.end..token.start])
        // "3/4" after it would make it a mixed number ("2 1/2"), not a group.
        && !(is_glued(tokens, at + 1) && is_word(text, tokens, at + 1, "/"))
}

/// "2 1/2", "2½": a fraction after the integer `number` ending at `end`.
fn mixed_fraction_at(text: &str, tokens: &[Token], end: usize, number: f64) -> Option<(usize, f64)> {
    if number.fract() != 0.0 {
        return None;
    }
    if is_glued(tokens, end)
        && let Some(&(_, fraction)) = VULGAR.iter().find(|(sign, _)| is_word(text, tokens, end, sign))
    {
        return Some((end + 1, number + fraction));
    }
    let (numerator, denominator) = fraction_parts(text, tokens, end)?;
    (!is_glued(tokens, end)).then_some((end + 3, number + numerator / denominator))
}

/// `N/D` at `at`, digits glued around a slash, a proper fraction with a small denominator
/// and no third part (a date "3/4/2023").
fn fraction_parts(text: &str, tokens: &[Token], at: usize) -> Option<(f64, f64)> {
    let integer = |index: usize| {
        tokens
            .get(index)
            .filter(|token| token.kind == TokenKind::Number)
            .and_then(|token| token.text(text).parse::<u32>().ok())
    };
    let numerator = integer(at)?;
    if !is_word(text, tokens, at + 1, "/") || !is_glued(tokens, at + 1) || !is_glued(tokens, at + 2) {
        return None;
    }
    let denominator = integer(at + 2)?;
    let date = is_glued(tokens, at + 3) && is_any(text, tokens, at + 3, &["/", "-", "."]);
    (numerator >= 1 && numerator < denominator && denominator <= 16 && !date)
        .then_some((f64::from(numerator), f64::from(denominator)))
}

/// A bare fraction "3/4" or "1/2" at `index`, read only when a unit or scale follows ("1/2
/// mile", "3/4 million"), since alone it may be a date or a score.
fn simple_fraction_at(
    text: &str,
    tokens: &[Token],
    index: usize,
    currency: bool,
    vocabulary: &Vocabulary,
) -> Option<(usize, f64)> {
    let (numerator, denominator) = fraction_parts(text, tokens, index)?;
    let end = index + 3;
    (scale_at(text, tokens, end, currency, vocabulary).is_some()
        || unit_after_at(text, tokens, end, false, vocabulary).is_some())
    .then_some((end, round_significant(numerator / denominator)))
}

/// "1.2e6", "3E+05": a power of ten glued after the digits.
fn exponent_at(text: &str, tokens: &[Token], end: usize) -> Option<(usize, i32)> {
    if !is_glued(tokens, end) || !is_any(text, tokens, end, &["e", "E"]) || !is_glued(tokens, end + 1) {
        return None;
    }
    let (sign, digits_at) = match token_text(text, tokens, end + 1)? {
        "+" => (1, end + 2),
        "-" | "−" => (-1, end + 2),
        _ => (1, end + 1),
    };
    if digits_at != end + 1 && !is_glued(tokens, digits_at) {
        return None;
    }
    let digits = tokens
        .get(digits_at)
        .filter(|token| token.kind == TokenKind::Number)?
        .text(text);
    let exponent: i32 = digits.parse().ok().filter(|exponent| (0..=15).contains(exponent))?;
    // The exponent must end the figure: "1e6" but not "1e6x".
    (!is_kind(tokens, digits_at + 1, TokenKind::Word) || !is_glued(tokens, digits_at + 1))
        .then_some((digits_at + 1, sign * exponent))
}

/// A fraction used as a number before a scale: "half a million", "three-quarters of a
/// million", "a third of a billion", "half a dozen", or a vulgar fraction alone ("½ mile").
fn fraction_number_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, f64)> {
    if let Some(&(_, fraction)) = VULGAR.iter().find(|(sign, _)| is_word(text, tokens, index, sign)) {
        return Some((index + 1, fraction));
    }
    if is_word(text, tokens, index, "half") && is_any(text, tokens, index + 1, &["a", "an"]) {
        if is_word(text, tokens, index + 2, "dozen") {
            return Some((index + 3, 6.0));
        }
        if scale_word_at(text, tokens, index + 2) {
            return Some((index + 2, 0.5));
        }
        return None;
    }
    // "three-quarters of a million", "a third of a billion".
    let (after, value) = word_fraction_at(text, tokens, index)?;
    (is_word(text, tokens, after, "of")
        && is_any(text, tokens, after + 1, &["a", "an"])
        && scale_word_at(text, tokens, after + 2))
    .then_some((after + 2, value))
}

/// "a third", "two-thirds", "three quarters": a numerator word and a denominator word.
fn word_fraction_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, f64)> {
    let numerator = if is_any(text, tokens, index, &["a", "an", "one"]) {
        1.0
    } else {
        f64::from(number_word(token_text(text, tokens, index)?).filter(|value| (2..=9).contains(value))?)
    };
    let word = tokens
        .get(index + 1)
        .filter(|token| token.kind == TokenKind::Word)?
        .text(text);
    let &(_, whole) = FRACTIONS.iter().find(|(name, _)| name.eq_ignore_ascii_case(word))?;
    let plural = word.ends_with('s');
    ((numerator > 1.0) == plural && numerator < whole).then_some((index + 2, round_significant(numerator / whole)))
}

/// A fraction of a whole followed by `of`, as a percentage: "a third", "two-thirds", "half",
/// "one in five".
fn fraction_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, f64)> {
    // "half of".
    if is_word(text, tokens, index, "half") && is_word(text, tokens, index + 1, "of") {
        return Some((index + 1, 50.0));
    }
    // "one in five", "1 in 4".
    if let Some((in_at, numerator)) = small_integer_at(text, tokens, index)
        && is_word(text, tokens, in_at, "in")
        && let Some((end, whole)) = small_integer_at(text, tokens, in_at + 1)
        && numerator >= 1.0
        && whole > numerator
    {
        return Some((end, round_significant(numerator / whole * 100.0)));
    }
    if is_word(text, tokens, index, "one") && !is_kind(tokens, index + 1, TokenKind::Word) {
        return None;
    }
    let (end, fraction) = word_fraction_at(text, tokens, index)?;
    // "three-quarters of a million" is a number, read by `fraction_number_at`.
    if !is_word(text, tokens, end, "of")
        || is_any(text, tokens, end + 1, &["a", "an"]) && scale_word_at(text, tokens, end + 2)
    {
        return None;
    }
    Some((end, round_significant(fraction * 100.0)))
}

/// An integer from 1 to 1000 in digits or words, for "one in five".
fn small_integer_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, f64)> {
    let (end, numeral) = numeral_at(text, tokens, index)?;
    (numeral.value.fract() == 0.0 && (1.0..=1000.0).contains(&numeral.value) && !numeral.year_like)
        .then_some((end, numeral.value))
}

/// Whether the digits at `index` are a date, a label, part of a name, or the tail of a
/// number written before them, rather than a figure, judging by the tokens around them.
/// `after_sign` (the upper end of a range, or digits after a sign) allows a glued dash before.
fn is_not_a_figure(
    text: &str,
    tokens: &[Token],
    index: usize,
    numeral: &Numeral,
    after_sign: bool,
    vocabulary: &Vocabulary,
) -> bool {
    let previous = index.checked_sub(1);
    let before = |offset: usize| index.checked_sub(offset);
    if let Some(previous) = previous {
        let glued = is_glued(tokens, index);
        // Glued to a preceding word ("G7", "S9", "07T09").
        if glued && is_kind(tokens, previous, TokenKind::Word) {
            return true;
        }
        // "COVID-19", "F-35"; and "2021-04-07": the parts of a date or code.
        if glued
            && !after_sign
            && is_dash(text, tokens, previous)
            && is_glued(tokens, previous)
            && before(2)
                .is_some_and(|word| is_kind(tokens, word, TokenKind::Word) || is_kind(tokens, word, TokenKind::Number))
        {
            return true;
        }
        if glued && !after_sign && is_any(text, tokens, previous, &["#", "/", ":", ".", "-", "−", "+"]) {
            // A sign or point standing alone belongs to the figure: read it from there.
            return true;
        }
        if is_any(text, tokens, previous, &["No", "Nos", "number"])
            || is_word(text, tokens, previous, ".") && before(2).is_some_and(|word| is_word(text, tokens, word, "No"))
        {
            return true;
        }
        // "March 3": a month then a day.
        if month_at(text, tokens, previous).is_some_and(|(end, _)| end == index)
            || is_word(text, tokens, previous, ".")
                && before(2).is_some_and(|word| month_at(text, tokens, word).is_some())
        {
            return true;
        }
        // "20 000": the tail of a space-grouped number.
        if !after_sign
            && is_group(text, tokens, index)
            && before(1).is_some_and(|first| {
                let digits = tokens[first].text(text);
                digits.len() <= 3 && digits.bytes().all(|byte| byte.is_ascii_digit())
            })
        {
            return true;
        }
    }
    // "3 March": a day then a month.
    let small_integer = numeral.value.fract() == 0.0 && (1.0..=31.0).contains(&numeral.value);
    if small_integer && month_at(text, tokens, index + 1).is_some() {
        return true;
    }
    // "10:30", "3/4/2023" (a fraction before a unit, "1/2 mile", is read by the caller).
    if is_glued(tokens, index + 1)
        && is_any(text, tokens, index + 1, &[":", "/"])
        && is_glued(tokens, index + 2)
        && is_kind(tokens, index + 2, TokenKind::Number)
        && simple_fraction_at(text, tokens, index, false, vocabulary).is_none()
    {
        return true;
    }
    false
}

/// A scale word at `index`. `currency` says whether the figure is money, which licenses the
/// one-letter `m`/`b`/`t` scales.
pub(super) fn scale_at(
    text: &str,
    tokens: &[Token],
    index: usize,
    currency: bool,
    vocabulary: &Vocabulary,
) -> Option<(usize, f64)> {
    if let Some(found) = vocabulary.scale_at(text, tokens, index) {
        return Some(found);
    }
    let token = tokens.get(index).filter(|token| token.kind == TokenKind::Word)?;
    let word = token.text(text);
    if let Some(&(_, scale)) = SCALES.iter().find(|(name, _)| name.eq_ignore_ascii_case(word)) {
        // "Mio." keeps its full stop.
        let end = if word.eq_ignore_ascii_case("mio") && is_word(text, tokens, index + 1, ".") {
            index + 2
        } else {
            index + 1
        };
        return Some((end, scale));
    }
    if token.space_before {
        return None;
    }
    match word {
        "k" | "K" => Some((index + 1, 1e3)),
        "m" | "M" | "b" | "B" => {
            let scale = if word.eq_ignore_ascii_case("m") { 1e6 } else { 1e9 };
            let licensed = currency
                || unit_after_at(text, tokens, index + 1, true, vocabulary).is_some()
                || super::unit::plural_noun_at(text, tokens, index + 1);
            licensed.then_some((index + 1, scale))
        }
        "mm" | "MM" if currency => Some((index + 1, 1e6)),
        "t" | "T" | "tr" if currency => Some((index + 1, 1e12)),
        _ => None,
    }
}

/// Whether a full scale word (not an abbreviation) is at `index`: "million", "thousand".
pub(super) fn scale_word_at(text: &str, tokens: &[Token], index: usize) -> bool {
    is_any(text, tokens, index, &["thousand", "million", "billion", "trillion"])
}

/// Whether a number (digits or words) begins at `index`.
pub(super) fn starts_number(text: &str, tokens: &[Token], index: usize) -> bool {
    is_kind(tokens, index, TokenKind::Number)
        || numeral_at(text, tokens, index).is_some()
        || is_any(text, tokens, index, &["a", "an", "half"]) && scale_word_at(text, tokens, index + 1)
        || VULGAR.iter().any(|(sign, _)| is_word(text, tokens, index, sign))
}
