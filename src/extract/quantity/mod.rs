//! Quantities: a figure with its bound, scale and unit, normalised to a canonical unit.
//!
//! [`quantity_at`] reads `[bound] [currency] number [scale] [unit] [range tail] [suffix bound]`,
//! e.g. "more than 28.7 million tonnes", "£600m", "between $1bn and $2bn", "10–12 per cent",
//! "40,000 tonnes or more", and returns a [`Quantity`] whose `low`/`high` interval encodes the
//! bound. Canonical units: tonnes `t` for mass, `%` for percentages, `pp` for percentage
//! points, the ISO code for money (`USD`, `GBP`, `EUR`, `CNY`, `JPY`, `RUB`, `AUD`, `CAD`, …;
//! never converted between currencies), and the empty string for a bare count.
//!
//! Heuristics, chosen for how news copy writes figures:
//! - a bare integer 1800–2100 with no scale, unit or currency is a year, not a quantity
//!   ("in 2023", "around 2010", "2010–2012");
//! - a number right after or before a capitalised month name is a date ("March 3",
//!   "3 March"); a number after `No.`, `#` or `number` is a label, and a number glued to a
//!   preceding word or `word-` is a name ("G7", "COVID-19", "F-35");
//! - a number glued to a following word that is not a known scale or unit is not a quantity
//!   ("2nd", "5G", "1990s", "600m-deep"), nor is one followed by `:`/`/` and digits ("10:30",
//!   "3/4");
//! - the one-letter scales `m` and `b` (and `mm`) need to be glued to the number and either
//!   follow a currency ("£600m") or precede a unit or plural noun ("44m tonnes", "5m barrels");
//!   `t`/`T`/`tr` is trillion only glued after a currency figure ("$1.2T"), otherwise `t` is
//!   tonnes;
//! - unit abbreviations are case-sensitive where case carries meaning: `Mt` is a megatonne
//!   but `mt`/`MT` a metric ton, `Moz`/`koz` are troy ounces as in mining reports;
//! - `¥` is the Japanese yen (as in Western news); the yuan is `yuan`, `RMB`, `CNY` or `CN¥`;
//!   `pounds` alone is mass (`lb`), money only as `pounds sterling`/`British pounds`/`£`;
//! - number words need a scale or unit unless a bound precedes them, and `one`/`a` alone or a
//!   number word followed by `of` is never a quantity ("one of the largest", "two of them");
//! - in a range a scale or unit given once applies to both ends ("10–12 million tonnes",
//!   "$1-2bn"); a scale given only on the upper end is shared only when the lower figure is
//!   not larger ("10 to 12 million", but "500,000 to 1 million" keeps 500,000);
//! - "X to Y" after a change verb ("rose from 10% to 12%") is a change, not a range;
//! - fractions of a whole read as percentages when `of` follows: "a third of" → 33.33 %,
//!   "two-thirds of", "half of", "one in five" → 20 %.

#[cfg(test)]
mod tests;
mod units;

use super::number::{Numeral, number_word, numeral_at, round_significant};
use super::{is_any, is_dash, is_glued, is_kind, is_word, longest_phrase, month_at, token_span, token_text};
use crate::claim::{Bound, Quantity};
use crate::text::token::{Token, TokenKind};
use units::{
    CHANGE_WORDS, CODES, CURRENCY_WORDS, FRACTIONS, INTROS, Intro, MASS_ABBREVIATIONS, MASS_WORDS, PERCENT,
    PERCENT_WORDS, PREFIXES, SCALES, SUFFIXES, SYMBOL_PREFIXES, SYMBOLS, TONNE, Unit, unit,
};

/// A figure: one end of a quantity.
#[derive(Clone, Copy, Debug)]
struct Figure {
    number: f64,
    scale: Option<f64>,
    unit: Option<Unit>,
    year_like: bool,
    words: bool,
    end: usize,
}

impl Figure {
    fn is_bare(&self) -> bool {
        self.scale.is_none() && self.unit.is_none()
    }
}

/// Reads a quantity beginning exactly at token `start` (a bound word, a currency symbol or a
/// number) and returns the end of the longest match and the normalised [`Quantity`].
///
/// `text` is the article text the token spans index into; `tokens` are one sentence's.
pub fn quantity_at(text: &str, tokens: &[Token], start: usize) -> Option<(usize, Quantity)> {
    let mut index = start;
    let mut bound = Bound::Exact;
    let intro = longest_phrase(text, tokens, index, INTROS);
    if let Some((end, _)) = intro {
        index = end;
    } else if let Some((end, prefix)) = longest_phrase(text, tokens, index, PREFIXES) {
        index = end;
        bound = prefix;
    }
    let intro = intro.map(|(_, intro)| intro);
    // "rose from 10% to 12%" is a change: no range, and "from" alone is no quantity.
    let after_change = start > 0 && is_any(text, tokens, start - 1, CHANGE_WORDS)
        || start > 1
            && is_any(text, tokens, start - 1, &["from", "by"])
            && is_any(text, tokens, start - 2, CHANGE_WORDS);
    if intro == Some(Intro::From) && after_change {
        return None;
    }
    let first = figure_at(text, tokens, index, false)?;
    // "top 10" is a rank; "three times" a multiple.
    if first.is_bare()
        && (index == start && start > 0 && is_word(text, tokens, start - 1, "top")
            || is_word(text, tokens, first.end, "times"))
    {
        return None;
    }
    let mut end = first.end;
    let mut ends = (first, None);
    if let Some(separator_end) = range_separator(text, tokens, end, intro, after_change) {
        let currency = first.unit.is_some_and(is_currency);
        if let Some(second) = figure_at(text, tokens, separator_end, currency)
            && let Some(merged) = merge_range(first, second)
        {
            ends = (merged.0, Some(merged.1));
            end = second.end;
        }
    }
    let (low, high) = ends;
    if intro.is_some() && high.is_none() {
        return None;
    }
    // A bare year is not a quantity, nor is a bare "one" or a partitive "two of".
    if low.is_bare() && low.year_like && high.is_none_or(|high| high.year_like) {
        return None;
    }
    if high.is_none()
        && low.is_bare()
        && low.words
        && bound == Bound::Exact
        && (low.number <= 1.0 || is_word(text, tokens, end, "of"))
    {
        return None;
    }
    if high.is_none()
        && bound == Bound::Exact
        && let Some((suffix_end, suffix)) = suffix_at(text, tokens, end)
    {
        bound = suffix;
        end = suffix_end;
    }
    let low_value = canonical(&low);
    let (value, low_bound, high_bound) = match high {
        Some(high) => {
            bound = Bound::Range;
            let high_value = canonical(&high);
            let middle = round_significant(f64::midpoint(low_value, high_value));
            (middle, Some(low_value), Some(high_value))
        }
        None => match bound {
            Bound::Exact | Bound::Approximate | Bound::Range => (low_value, Some(low_value), Some(low_value)),
            Bound::MoreThan | Bound::AtLeast => (low_value, Some(low_value), None),
            Bound::AtMost | Bound::LessThan => (low_value, Some(0.0), Some(low_value)),
        },
    };
    let span = token_span(tokens, start, end);
    let quantity = Quantity {
        value,
        low: low_bound,
        high: high_bound,
        unit: low.unit.map_or("", |unit| unit.code).to_string(),
        bound,
        text: text[span.range()].to_string(),
        span,
    };
    Some((end, quantity))
}

/// Whether a scale word or a unit (mass, percent or currency) begins at token `index`, as in
/// "2023 tonnes": used by the year extractor to reject figures that are not years.
pub(crate) fn unit_or_scale_at(text: &str, tokens: &[Token], index: usize) -> bool {
    scale_at(text, tokens, index, true).is_some() || unit_after_at(text, tokens, index).is_some()
}

fn is_currency(unit: Unit) -> bool {
    !matches!(unit.code, "t" | "%" | "pp" | "")
}

/// The canonical value of a figure.
fn canonical(figure: &Figure) -> f64 {
    let factor = figure.unit.map_or(1.0, |unit| unit.factor);
    round_significant(figure.number * figure.scale.unwrap_or(1.0) * factor)
}

/// The end of a range separator at `index`: a dash, `to`, or `and` after "between".
fn range_separator(
    text: &str,
    tokens: &[Token],
    index: usize,
    intro: Option<Intro>,
    after_change: bool,
) -> Option<usize> {
    let dash = is_dash(text, tokens, index);
    let separated = match intro {
        Some(Intro::Between) => is_word(text, tokens, index, "and") || dash,
        Some(Intro::From) => is_word(text, tokens, index, "to") || dash,
        None => dash || !after_change && is_word(text, tokens, index, "to"),
    };
    separated.then_some(index + 1)
}

/// Shares scale and unit between the two ends of a range; `None` if they cannot be one range.
fn merge_range(mut low: Figure, mut high: Figure) -> Option<(Figure, Figure)> {
    match (low.unit, high.unit) {
        (Some(first), Some(second)) if first.code != second.code => return None,
        (Some(first), None) => high.unit = Some(first),
        (None, Some(second)) => low.unit = Some(second),
        _ => {}
    }
    if low.scale.is_none() && high.number >= low.number {
        low.scale = high.scale;
    }
    if high.scale.is_none() {
        high.scale = low.scale;
    }
    (canonical(&low) < canonical(&high)).then_some((low, high))
}

/// A bound phrase after the figure: "or more", "or so", glued "+" or "-plus", "40-odd".
fn suffix_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, Bound)> {
    if is_glued(tokens, index) && is_any(text, tokens, index, &["+", "plus"]) {
        return Some((index + 1, Bound::AtLeast));
    }
    if is_dash(text, tokens, index)
        && is_glued(tokens, index)
        && is_glued(tokens, index + 1)
        && is_word(text, tokens, index + 1, "odd")
    {
        return Some((index + 2, Bound::Approximate));
    }
    if is_dash(text, tokens, index)
        && is_glued(tokens, index)
        && is_glued(tokens, index + 1)
        && is_word(text, tokens, index + 1, "plus")
    {
        return Some((index + 2, Bound::AtLeast));
    }
    longest_phrase(text, tokens, index, SUFFIXES)
}

/// A currency written before the figure: `$`, `US$`, `US $`, `£`, `USD`, `RMB`, `yuan`.
fn currency_prefix_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, Unit)> {
    let token = tokens.get(index)?;
    let word = token.text(text);
    if let Some(&(_, code)) = SYMBOLS.iter().find(|(symbol, _)| *symbol == word) {
        return Some((index + 1, unit(code, 1.0)));
    }
    if token.kind != TokenKind::Word {
        return None;
    }
    if let Some(symbol) = token_text(text, tokens, index + 1)
        && let Some(&(_, _, code)) = SYMBOL_PREFIXES
            .iter()
            .find(|(letters, sign, _)| *sign == symbol && letters.eq_ignore_ascii_case(word))
        && (is_glued(tokens, index + 1) || word.eq_ignore_ascii_case("US"))
    {
        return Some((index + 2, unit(code, 1.0)));
    }
    let &(_, code) = CODES.iter().find(|(name, _)| name.eq_ignore_ascii_case(word))?;
    // "Rs." keeps its full stop.
    let end = if word == "Rs" && is_word(text, tokens, index + 1, ".") {
        index + 2
    } else {
        index + 1
    };
    Some((end, unit(code, 1.0)))
}

/// A scale word at `index`. `currency` says whether the figure is money, which licenses the
/// one-letter `m`/`b`/`t` scales.
fn scale_at(text: &str, tokens: &[Token], index: usize, currency: bool) -> Option<(usize, f64)> {
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
            let licensed =
                currency || unit_after_at(text, tokens, index + 1).is_some() || plural_noun_at(text, tokens, index + 1);
            licensed.then_some((index + 1, scale))
        }
        "mm" | "MM" if currency => Some((index + 1, 1e6)),
        "t" | "T" | "tr" if currency => Some((index + 1, 1e12)),
        _ => None,
    }
}

/// Whether token `index` is a lower-case word that looks like a plural noun ("barrels",
/// "people"), licensing the `m` in "5m barrels".
fn plural_noun_at(text: &str, tokens: &[Token], index: usize) -> bool {
    tokens.get(index).is_some_and(|token| {
        let word = token.text(text);
        token.kind == TokenKind::Word
            && token.space_before
            && word.starts_with(|character: char| character.is_ascii_lowercase())
            && (word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") || word == "people")
    })
}

/// A unit after the figure: percent, mass or currency.
fn unit_after_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, Unit)> {
    if let Some(found) = longest_phrase(text, tokens, index, PERCENT_WORDS) {
        return Some(found);
    }
    // "5pc" (as the Telegraph writes it), glued only.
    if is_glued(tokens, index) && is_word(text, tokens, index, "pc") {
        return Some((index + 1, PERCENT));
    }
    if let Some((end, code)) = longest_phrase(text, tokens, index, CURRENCY_WORDS) {
        return Some((end, unit(code, 1.0)));
    }
    if let Some(token) = tokens.get(index).filter(|token| token.kind == TokenKind::Word) {
        let word = token.text(text);
        if let Some(&(_, code)) = CODES.iter().find(|(name, _)| name.len() == 3 && *name == word) {
            return Some((index + 1, unit(code, 1.0)));
        }
    }
    mass_at(text, tokens, index).map(|(end, factor)| (end, unit(TONNE.code, factor)))
}

/// A mass unit at `index`, with its factor to tonnes.
fn mass_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, f64)> {
    let token = tokens.get(index).filter(|token| token.kind == TokenKind::Word)?;
    // "pounds sterling" is money.
    if is_any(text, tokens, index, &["pound", "pounds"]) && is_word(text, tokens, index + 1, "sterling") {
        return None;
    }
    if let Some(found) = longest_phrase(text, tokens, index, MASS_WORDS) {
        return Some(found);
    }
    let word = token.text(text);
    MASS_ABBREVIATIONS
        .iter()
        .find(|(abbreviation, _)| *abbreviation == word)
        .map(|&(_, factor)| (index + 1, factor))
}

/// A fraction of a whole followed by `of`, as a percentage: "a third", "two-thirds", "half",
/// "one in five".
fn fraction_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, f64)> {
    let denominator = |at: usize| {
        tokens
            .get(at)
            .filter(|token| token.kind == TokenKind::Word)
            .and_then(|token| {
                FRACTIONS
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(token.text(text)))
            })
            .map(|&(_, value)| value)
    };
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
    let numerator = if is_any(text, tokens, index, &["a", "an"]) {
        1.0
    } else {
        let word = token_text(text, tokens, index)?;
        f64::from(number_word(word).filter(|value| (1..=9).contains(value))?)
    };
    let whole = denominator(index + 1)?;
    let plural = token_text(text, tokens, index + 1).is_some_and(|word| word.ends_with('s'));
    if (numerator > 1.0) != plural || numerator >= whole || !is_word(text, tokens, index + 2, "of") {
        return None;
    }
    Some((index + 2, round_significant(numerator / whole * 100.0)))
}

/// An integer from 1 to 1000 in digits or words, for "one in five".
fn small_integer_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, f64)> {
    let (end, numeral) = numeral_at(text, tokens, index)?;
    (numeral.value.fract() == 0.0 && (1.0..=1000.0).contains(&numeral.value) && !numeral.year_like)
        .then_some((end, numeral.value))
}

/// Whether the digits at `index` are a date, a label or part of a name rather than a figure,
/// judging by the tokens around them.
fn is_not_a_figure(text: &str, tokens: &[Token], index: usize, numeral: &Numeral) -> bool {
    let previous = index.checked_sub(1);
    let before = |offset: usize| index.checked_sub(offset);
    // Glued to a preceding word ("G7") or "word-" ("COVID-19", "F-35").
    if let Some(previous) = previous {
        let glued = is_glued(tokens, index);
        if glued && is_kind(tokens, previous, TokenKind::Word) {
            return true;
        }
        if glued
            && is_dash(text, tokens, previous)
            && is_glued(tokens, previous)
            && before(2).is_some_and(|word| is_kind(tokens, word, TokenKind::Word))
        {
            return true;
        }
        if glued && is_any(text, tokens, previous, &["#", "/", ":"]) {
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
    }
    // "3 March": a day then a month.
    let small_integer = numeral.value.fract() == 0.0 && (1.0..=31.0).contains(&numeral.value);
    if small_integer && month_at(text, tokens, index + 1).is_some() {
        return true;
    }
    // "10:30", "3/4/2023".
    if is_glued(tokens, index + 1)
        && is_any(text, tokens, index + 1, &[":", "/"])
        && is_glued(tokens, index + 2)
        && is_kind(tokens, index + 2, TokenKind::Number)
    {
        return true;
    }
    false
}

/// Reads one figure at `start`: `[currency] number [scale] [unit]`. `currency_context` says
/// whether the other end of a range is money ("$1-2bn").
fn figure_at(text: &str, tokens: &[Token], start: usize, currency_context: bool) -> Option<Figure> {
    let mut index = start;
    let mut unit = None;
    if let Some((end, currency)) = currency_prefix_at(text, tokens, index)
        && starts_number(text, tokens, end)
    {
        unit = Some(currency);
        index = end;
    }
    let currency = unit.is_some() || currency_context;
    if unit.is_none()
        && let Some((end, percent)) = fraction_at(text, tokens, index)
    {
        return Some(Figure {
            number: percent,
            scale: None,
            unit: Some(PERCENT),
            year_like: false,
            words: true,
            end,
        });
    }
    let (mut number, year_like, words);
    if is_word(text, tokens, index, "half")
        && is_any(text, tokens, index + 1, &["a", "an"])
        && (scale_word_at(text, tokens, index + 2) || is_word(text, tokens, index + 2, "dozen"))
    {
        // "half a million", "half a dozen".
        if is_word(text, tokens, index + 2, "dozen") {
            number = 6.0;
            index += 3;
        } else {
            number = 0.5;
            index += 2;
        }
        (year_like, words) = (false, true);
    } else if is_any(text, tokens, index, &["a", "an"]) && scale_word_at(text, tokens, index + 1) {
        // "a million".
        number = 1.0;
        index += 1;
        (year_like, words) = (false, true);
    } else {
        let (end, numeral) = numeral_at(text, tokens, index)?;
        if numeral.digits && unit.is_none() && is_not_a_figure(text, tokens, index, &numeral) {
            return None;
        }
        // Glued to an unknown word: "2nd", "5G", "1990s", "600m-deep", "five-year"; or an
        // adjective: "12-month", "10-fold".
        let unknown = |at: usize| {
            is_glued(tokens, at)
                && is_kind(tokens, at, TokenKind::Word)
                && scale_at(text, tokens, at, currency).is_none()
                && unit_after_at(text, tokens, at).is_none()
        };
        let compound = is_dash(text, tokens, end)
            && is_glued(tokens, end)
            && unknown(end + 1)
            && !is_any(text, tokens, end + 1, &["odd", "plus"]);
        if unknown(end) || compound {
            return None;
        }
        number = numeral.value;
        index = end;
        (year_like, words) = (numeral.year_like, !numeral.digits);
    }
    // "one and a half million".
    if is_word(text, tokens, index, "and")
        && is_word(text, tokens, index + 1, "a")
        && is_word(text, tokens, index + 2, "half")
        && scale_word_at(text, tokens, index + 3)
    {
        number += 0.5;
        index += 3;
    }
    // "28.7-million-tonne", "$1.2-billion", "5-tonne".
    if is_dash(text, tokens, index)
        && is_glued(tokens, index)
        && is_glued(tokens, index + 1)
        && (scale_at(text, tokens, index + 1, currency).is_some() || unit_after_at(text, tokens, index + 1).is_some())
    {
        index += 1;
    }
    let mut scale = None;
    if let Some((end, found)) = scale_at(text, tokens, index, currency) {
        scale = Some(found);
        index = end;
    }
    match unit {
        Some(currency) => {
            // "$260 million dollars", "US$5bn USD": a repeated currency is part of it.
            if let Some((end, after)) = unit_after_at(text, tokens, index)
                && after.code == currency.code
            {
                index = end;
            }
        }
        None => {
            if let Some((end, found)) = unit_after_at(text, tokens, index) {
                unit = Some(found);
                index = end;
            }
        }
    }
    Some(Figure {
        number,
        scale,
        unit,
        year_like,
        words,
        end: index,
    })
}

/// Whether a full scale word (not an abbreviation) is at `index`: "million", "thousand".
fn scale_word_at(text: &str, tokens: &[Token], index: usize) -> bool {
    is_any(text, tokens, index, &["thousand", "million", "billion", "trillion"])
}

/// Whether a number (digits or words) begins at `index`.
fn starts_number(text: &str, tokens: &[Token], index: usize) -> bool {
    is_kind(tokens, index, TokenKind::Number)
        || numeral_at(text, tokens, index).is_some()
        || is_any(text, tokens, index, &["a", "an", "half"]) && scale_word_at(text, tokens, index + 1)
}
