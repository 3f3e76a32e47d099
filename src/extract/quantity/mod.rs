//! Quantities: a figure with its bound, scale and unit, normalised to a canonical unit.
//!
//! [`quantity_at`] reads `[bound] [sign] [currency] number [scale] [unit] [rate] [range tail]
//! [suffix bound]`, e.g. "more than 28.7 million tonnes", "£600m", "between $1bn and $2bn",
//! "10–12 per cent", "40,000 tonnes or more", "$80 a barrel", "-2.4%", and returns a
//! [`Quantity`] whose `low`/`high` interval encodes the bound. The unit model (dimensions,
//! canonical units, conversions inside a dimension, rates) is the data of [`units`] and
//! [`currencies`]; `figure` reads the number, `unit` what follows it.
//!
//! Canonical units: `t` (mass), `m` (length), `m2` (area), `m3` (volume), `Wh` (energy), `W`
//! (power), `km/h` (speed), `%` and `pp` (percent), ISO codes for money (never converted
//! between currencies), `numerator/denominator` for rates (`USD/m3`, `m3/d`, `USD/share`),
//! and the empty string for a count, which keeps the noun it counts (`people`) beside it.
//!
//! Heuristics, chosen for how news copy writes figures:
//! - a bare integer 1800–2100 with no scale, unit or currency is a year, not a quantity
//!   ("in 2023", "around 2010", "2010–2012"), and a year never starts a range whose other end
//!   has a scale or unit ("from 2017 to 4.1 million");
//! - a number right after or before a capitalised month name is a date ("March 3",
//!   "3 March"); a number after `No.`, `#` or `number` is a label; a number glued to a
//!   preceding word or `word-` is a name ("G7", "COVID-19", "F-35", "Galaxy S9"), and so is a
//!   bare number after a capitalised word that is not a function word ("Boeing 737",
//!   "Windows 10", "Nasdaq 100", "Round 3");
//! - a number glued to a following word that is not a known scale or unit is not a quantity
//!   ("2nd", "5G", "1990s", "600m-deep"), nor is one followed by `:`/`/` and digits ("10:30",
//!   "3/4/2023"), nor the parts of a date or code ("2021-04-07T09:15");
//! - a sign is part of the figure when glued to it after a space ("-2.4%", "−0.8%"), and
//!   "minus 5" is negative; "down 0.8%" is −0.8 % when read from "down"; a number is never
//!   read without the sign, the leading point (".002") or the space-grouped thousands
//!   ("20 000") written before it;
//! - the one-letter scales `m` and `b` (and `mm`) need to be glued to the number and either
//!   follow a currency ("£600m") or precede a unit or plural noun ("44m tonnes", "5m users");
//!   `t`/`T`/`tr` is trillion only glued after a currency figure ("$1.2T"), otherwise `t` is
//!   tonnes;
//! - ambiguous units are decided by the sentence, and the decision is the quantity's
//!   [`Reading`](crate::value::quantity::Reading), shown by `explain`: `pound(s)` is money
//!   after a scale word or in a sentence about money, else mass; `kt` is knots in a sentence
//!   about speed or wind, else kilotonnes; `MT` is the metric ton (megatonnes are `Mt`);
//! - `¥` is the Japanese yen (as in Western news); the yuan is `yuan`, `RMB`, `CNY` or `CN¥`;
//!   a dollar with a country's letters (`HK$`, `hk $`, `C$`, `$US`) is that country's;
//! - number words need a scale or unit unless a bound precedes them, and `one`/`a` alone or a
//!   number word followed by `of` is never a quantity ("one of the largest", "one day");
//! - in a range a scale, unit or rate given once applies to both ends ("10–12 million
//!   tonnes", "$1-2bn", "$70-80 a barrel"); a scale given only on the upper end is shared only
//!   when the lower figure is not larger ("10 to 12 million", but "500,000 to 1 million" keeps
//!   500,000);
//! - "X to Y" after a change verb ("rose from 10% to 12%") is a change, not a range;
//! - fractions of a whole read as percentages when `of` follows: "a third of" → 33.33 %,
//!   "two-thirds of", "half of", "one in five" → 20 %.

mod currencies;
mod figure;
mod phrases;
#[cfg(test)]
mod tests;
mod unit;
mod units;
mod vocabulary;

use super::number::round_significant;
use super::{is_any, is_dash, is_glued, is_kind, is_word, longest_phrase, token_span};
use crate::claim::{Bound, Quantity};
use crate::text::token::{Token, TokenKind};
use crate::value::quantity::Reading;
use figure::figure_at;
use phrases::{CHANGE_WORDS, INTROS, Intro, PREFIXES, SUFFIXES};
use units::Unit;
pub use vocabulary::Vocabulary;

/// A figure: one end of a quantity.
#[derive(Clone, Copy, Debug)]
struct Figure {
    number: f64,
    scale: Option<f64>,
    unit: Option<Unit>,
    /// A rate's denominator ("a barrel").
    per: Option<Unit>,
    year_like: bool,
    words: bool,
    end: usize,
    /// The token of the noun a count counts ("people"), not part of the figure.
    noun: Option<usize>,
    /// How an ambiguous unit was decided.
    note: Option<&'static str>,
}

impl Figure {
    fn is_bare(&self) -> bool {
        self.scale.is_none() && self.unit.is_none()
    }
}

/// Words that may stand capitalised before a figure without making it part of a name
/// ("In 300 cases", "Only 5 remain"); bound words ("About 300") are exempt as well.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "to",
    "from",
    "and",
    "but",
    "or",
    "only",
    "just",
    "all",
    "some",
    "another",
    "those",
    "these",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "each",
    "every",
    "than",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "until",
    "then",
    "now",
    "also",
    "still",
    "yet",
    "nearly",
    "almost",
    "roughly",
    "around",
    "about",
    "over",
    "under",
    "top",
    "between",
    "per",
    "like",
    "least",
    "most",
    "fully",
    "exactly",
    "precisely",
    "another",
    "extra",
    "further",
    "another",
    "some",
    "total",
    "whereas",
];

/// Reads a quantity beginning exactly at token `start` (a bound word, a sign, a currency
/// symbol or a number) and returns the end of the longest match and the normalised
/// [`Quantity`].
///
/// `text` is the article text the token spans index into; `tokens` are one sentence's (the
/// reader looks at the whole sentence to decide an ambiguous unit).
pub fn quantity_at(text: &str, tokens: &[Token], start: usize) -> Option<(usize, Quantity)> {
    quantity_in(text, tokens, start, Vocabulary::none())
}

/// [`quantity_at`] with a rule pack's [`Vocabulary`] added to the built-in tables.
pub fn quantity_in(text: &str, tokens: &[Token], start: usize, vocabulary: &Vocabulary) -> Option<(usize, Quantity)> {
    let mut index = start;
    let mut bound = Bound::Exact;
    let intro = longest_phrase(text, tokens, index, INTROS);
    // A bound phrase is looked for only where no intro is ("between", "from").
    let prefix = || match (
        vocabulary.bound_before(text, tokens, index),
        longest_phrase(text, tokens, index, PREFIXES),
    ) {
        (Some(own), Some(built_in)) if built_in.0 > own.0 => Some(built_in),
        (Some(own), _) => Some(own),
        (None, built_in) => built_in,
    };
    if let Some((end, _)) = intro {
        index = end;
    } else if let Some((end, prefix)) = prefix() {
        index = end;
        bound = prefix;
    }
    let intro = intro.map(|(_, intro)| intro);
    // "down 0.8%": a fall, read as a negative percentage from "down".
    let down = index == start && is_word(text, tokens, index, "down");
    if down {
        index += 1;
    }
    // "rose from 10% to 12%" is a change: no range, and "from" alone is no quantity.
    let after_change = start > 0 && is_any(text, tokens, start - 1, CHANGE_WORDS)
        || start > 1
            && is_any(text, tokens, start - 1, &["from", "by"])
            && is_any(text, tokens, start - 2, CHANGE_WORDS);
    if intro == Some(Intro::From) && after_change {
        return None;
    }
    let first = figure_at(text, tokens, index, false, false, vocabulary)?;
    // "top 10" is a rank; "three times" a multiple.
    if first.is_bare()
        && (index == start && start > 0 && is_word(text, tokens, start - 1, "top")
            || is_word(text, tokens, first.end, "times"))
    {
        return None;
    }
    // "Boeing 737", "Windows 10": a bare number after a capitalised word is a name.
    if first.is_bare() && index == start && !first.words && named_before(text, tokens, start, vocabulary) {
        return None;
    }
    let mut end = first.end;
    let mut ends = (first, None);
    if !down && let Some(separator_end) = range_separator(text, tokens, end, intro, after_change) {
        let currency = first.unit.is_some_and(is_currency);
        if let Some(second) = figure_at(text, tokens, separator_end, currency, true, vocabulary)
            && let Some(merged) = merge_range(first, second)
        {
            ends = (merged.0, Some(merged.1));
            end = second.end;
        }
    }
    let (mut low, high) = ends;
    if intro.is_some() && high.is_none() {
        return None;
    }
    if down {
        let percent = low.unit.is_some_and(|unit| matches!(unit.code, "%" | "pp"));
        if !percent || low.number < 0.0 || bound != Bound::Exact {
            return None;
        }
        low.number = -low.number;
        low.note = Some("`down` read as a minus sign");
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
        && let Some((suffix_end, suffix)) = suffix_at(text, tokens, end, vocabulary)
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
            // "less than 5%" is 0–5 %; "less than -2%" has no lower end.
            Bound::AtMost | Bound::LessThan => (low_value, (low_value >= 0.0).then_some(0.0), Some(low_value)),
        },
    };
    let span = token_span(tokens, start, end);
    let noun = high
        .map_or(low.noun, |high| high.noun)
        .filter(|_| low.unit.is_none())
        .map(|at| tokens[at].text(text).to_ascii_lowercase());
    let note = high.and_then(|high| high.note).or(low.note);
    let quantity = Quantity {
        value,
        low: low_bound,
        high: high_bound,
        unit: unit_code(&low),
        bound,
        text: text[span.range()].to_string(),
        span,
        noun,
        reading: Reading(note),
    };
    Some((end, quantity))
}

/// Whether a scale word or a unit (mass, percent or currency) begins at token `index`, as in
/// "2023 tonnes": used by the year extractor to reject figures that are not years.
pub(crate) fn unit_or_scale_at(text: &str, tokens: &[Token], index: usize) -> bool {
    let none = Vocabulary::none();
    figure::scale_at(text, tokens, index, true, none).is_some()
        || unit::unit_after_at(text, tokens, index, false, none).is_some()
}

/// The units the reader knows by one written form each (`Mt`, `tonnes`, `USD`), for a
/// did-you-mean on a unit it does not know.
pub fn unit_names() -> impl Iterator<Item = String> {
    let words = units::UNIT_WORDS.iter().map(|(phrase, _)| phrase.join(" "));
    let abbreviations = units::UNIT_ABBREVIATIONS.iter().map(|(phrase, _)| phrase.concat());
    let codes = currencies::CODES.iter().map(|(name, _)| (*name).to_string());
    abbreviations.chain(words).chain(codes)
}

fn is_currency(unit: Unit) -> bool {
    crate::value::quantity::dimension_of(unit.code) == "money"
}

/// The canonical unit of a figure: its unit's code, with the rate's denominator after a `/`.
fn unit_code(figure: &Figure) -> String {
    match (figure.unit, figure.per) {
        (Some(unit), Some(per)) => format!("{}/{}", unit.code, per.code),
        (Some(unit), None) => unit.code.to_owned(),
        (None, _) => String::new(),
    }
}

/// The canonical value of a figure.
fn canonical(figure: &Figure) -> f64 {
    let factor = figure.unit.map_or(1.0, |unit| unit.factor);
    let per = figure.per.map_or(1.0, |per| per.factor);
    round_significant(figure.number * figure.scale.unwrap_or(1.0) * factor / per)
}

/// Whether the token before `start` is a capitalised word that names something ("Boeing",
/// "Windows") rather than a function or bound word ("In", "About").
fn named_before(text: &str, tokens: &[Token], start: usize, vocabulary: &Vocabulary) -> bool {
    let Some(previous) = start.checked_sub(1).and_then(|at| tokens.get(at)) else {
        return false;
    };
    let word = previous.text(text);
    previous.kind == TokenKind::Word
        && word.starts_with(|character: char| character.is_ascii_uppercase())
        && !FUNCTION_WORDS
            .iter()
            .any(|function| function.eq_ignore_ascii_case(word))
        && !PREFIXES
            .iter()
            .any(|(phrase, _)| phrase.iter().any(|part| part.eq_ignore_ascii_case(word)))
        && !INTROS
            .iter()
            .any(|(phrase, _)| phrase.iter().any(|part| part.eq_ignore_ascii_case(word)))
        && !vocabulary.is_bound_word(word)
        && super::month_at(text, tokens, start - 1).is_none()
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

/// Shares scale, unit and rate between the two ends of a range; `None` if they cannot be one
/// range.
fn merge_range(mut low: Figure, mut high: Figure) -> Option<(Figure, Figure)> {
    // "from 2017 to 4.1 million": a year is no end of a range of amounts.
    if low.is_bare() && low.year_like && !high.is_bare() {
        return None;
    }
    match (low.unit, high.unit) {
        (Some(first), Some(second)) if first.code != second.code => return None,
        (Some(first), None) => high.unit = Some(first),
        (None, Some(second)) => low.unit = Some(second),
        _ => {}
    }
    match (low.per, high.per) {
        (Some(first), Some(second)) if first.code != second.code => return None,
        (Some(first), None) => high.per = Some(first),
        (None, Some(second)) => low.per = Some(second),
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
fn suffix_at(text: &str, tokens: &[Token], index: usize, vocabulary: &Vocabulary) -> Option<(usize, Bound)> {
    if let Some(own) = vocabulary.bound_after(text, tokens, index) {
        return Some(own);
    }
    if is_glued(tokens, index)
        && is_any(text, tokens, index, &["+", "plus"])
        && !is_kind(tokens, index + 1, TokenKind::Number)
    {
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
