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

use super::number::{Numeral, number_word, numeral_at, round_significant};
use super::{is_any, is_dash, is_glued, is_kind, is_word, longest_phrase, month_at, token_span, token_text};
use crate::claim::{Bound, Quantity};
use crate::text::token::{Token, TokenKind};

/// A canonical unit and the factor that converts the written unit into it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Unit {
    code: &'static str,
    factor: f64,
}

const fn unit(code: &'static str, factor: f64) -> Unit {
    Unit { code, factor }
}

const TONNE: Unit = unit("t", 1.0);
const PERCENT: Unit = unit("%", 1.0);
const POINTS: Unit = unit("pp", 1.0);
const POUND_MASS: f64 = 0.000_453_592;
const OUNCE: f64 = 0.000_028_349_5;
const TROY_OUNCE: f64 = 0.000_031_103_5;

/// Bound phrases that precede a figure.
const PREFIXES: &[(&[&str], Bound)] = &[
    (&["about"], Bound::Approximate),
    (&["just", "about"], Bound::Approximate),
    (&["around"], Bound::Approximate),
    (&["somewhere", "around"], Bound::Approximate),
    (&["approximately"], Bound::Approximate),
    (&["approx"], Bound::Approximate),
    (&["approx", "."], Bound::Approximate),
    (&["roughly"], Bound::Approximate),
    (&["some"], Bound::Approximate),
    (&["nearly"], Bound::Approximate),
    (&["almost"], Bound::Approximate),
    (&["close", "to"], Bound::Approximate),
    (&["an", "estimated"], Bound::Approximate),
    (&["estimated"], Bound::Approximate),
    (&["estimated", "at"], Bound::Approximate),
    (&["an", "approximate"], Bound::Approximate),
    (&["circa"], Bound::Approximate),
    (&["c", "."], Bound::Approximate),
    (&["ca", "."], Bound::Approximate),
    (&["~"], Bound::Approximate),
    (&["≈"], Bound::Approximate),
    (&["in", "the", "region", "of"], Bound::Approximate),
    (&["on", "the", "order", "of"], Bound::Approximate),
    (&["of", "the", "order", "of"], Bound::Approximate),
    (&["more", "than"], Bound::MoreThan),
    (&["far", "more", "than"], Bound::MoreThan),
    (&["slightly", "more", "than"], Bound::MoreThan),
    (&["a", "little", "more", "than"], Bound::MoreThan),
    (&["over"], Bound::MoreThan),
    (&["just", "over"], Bound::MoreThan),
    (&["well", "over"], Bound::MoreThan),
    (&["slightly", "over"], Bound::MoreThan),
    (&["a", "little", "over"], Bound::MoreThan),
    (&["above"], Bound::MoreThan),
    (&["just", "above"], Bound::MoreThan),
    (&["well", "above"], Bound::MoreThan),
    (&["in", "excess", "of"], Bound::MoreThan),
    (&["well", "in", "excess", "of"], Bound::MoreThan),
    (&["exceeding"], Bound::MoreThan),
    (&["exceed"], Bound::MoreThan),
    (&["exceeds"], Bound::MoreThan),
    (&["exceeded"], Bound::MoreThan),
    (&["surpassing"], Bound::MoreThan),
    (&["tops"], Bound::MoreThan),
    (&["topped"], Bound::MoreThan),
    (&["upwards", "of"], Bound::MoreThan),
    (&["upward", "of"], Bound::MoreThan),
    (&["north", "of"], Bound::MoreThan),
    (&["greater", "than"], Bound::MoreThan),
    (&["higher", "than"], Bound::MoreThan),
    (&[">"], Bound::MoreThan),
    (&["at", "least"], Bound::AtLeast),
    (&["no", "less", "than"], Bound::AtLeast),
    (&["not", "less", "than"], Bound::AtLeast),
    (&["no", "fewer", "than"], Bound::AtLeast),
    (&["not", "fewer", "than"], Bound::AtLeast),
    (&["a", "minimum", "of"], Bound::AtLeast),
    (&["≥"], Bound::AtLeast),
    (&[">", "="], Bound::AtLeast),
    (&["up", "to"], Bound::AtMost),
    (&["as", "much", "as"], Bound::AtMost),
    (&["as", "many", "as"], Bound::AtMost),
    (&["as", "high", "as"], Bound::AtMost),
    (&["at", "most"], Bound::AtMost),
    (&["at", "the", "most"], Bound::AtMost),
    (&["no", "more", "than"], Bound::AtMost),
    (&["not", "more", "than"], Bound::AtMost),
    (&["not", "exceeding"], Bound::AtMost),
    (&["a", "maximum", "of"], Bound::AtMost),
    (&["≤"], Bound::AtMost),
    (&["<", "="], Bound::AtMost),
    (&["less", "than"], Bound::LessThan),
    (&["slightly", "less", "than"], Bound::LessThan),
    (&["a", "little", "less", "than"], Bound::LessThan),
    (&["under"], Bound::LessThan),
    (&["just", "under"], Bound::LessThan),
    (&["well", "under"], Bound::LessThan),
    (&["a", "little", "under"], Bound::LessThan),
    (&["below"], Bound::LessThan),
    (&["just", "below"], Bound::LessThan),
    (&["well", "below"], Bound::LessThan),
    (&["fewer", "than"], Bound::LessThan),
    (&["lower", "than"], Bound::LessThan),
    (&["south", "of"], Bound::LessThan),
    (&["short", "of"], Bound::LessThan),
    (&["just", "short", "of"], Bound::LessThan),
    (&["shy", "of"], Bound::LessThan),
    (&["just", "shy", "of"], Bound::LessThan),
    (&["<"], Bound::LessThan),
];

/// Bound phrases that follow a figure ("5,000 tonnes or more").
const SUFFIXES: &[(&[&str], Bound)] = &[
    (&["or", "more"], Bound::AtLeast),
    (&["or", "above"], Bound::AtLeast),
    (&["or", "higher"], Bound::AtLeast),
    (&["or", "greater"], Bound::AtLeast),
    (&["or", "over"], Bound::AtLeast),
    (&["and", "above"], Bound::AtLeast),
    (&["or", "less"], Bound::AtMost),
    (&["or", "fewer"], Bound::AtMost),
    (&["or", "below"], Bound::AtMost),
    (&["or", "lower"], Bound::AtMost),
    (&["or", "under"], Bound::AtMost),
    (&["or", "so"], Bound::Approximate),
];

/// How a range is introduced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Intro {
    /// "between 10 and 12".
    Between,
    /// "from 10 to 12".
    From,
}

const INTROS: &[(&[&str], Intro)] = &[
    (&["between"], Intro::Between),
    (&["anywhere", "between"], Intro::Between),
    (&["somewhere", "between"], Intro::Between),
    (&["from"], Intro::From),
    (&["anywhere", "from"], Intro::From),
];

/// Words after which "from X to Y" / "X to Y" is a change rather than a range.
const CHANGE_WORDS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "rising",
    "risen",
    "fell",
    "fall",
    "falls",
    "falling",
    "fallen",
    "increased",
    "increase",
    "increases",
    "increasing",
    "decreased",
    "decrease",
    "decreases",
    "decreasing",
    "grew",
    "grow",
    "grows",
    "growing",
    "grown",
    "climbed",
    "climb",
    "climbs",
    "climbing",
    "dropped",
    "drop",
    "drops",
    "dropping",
    "declined",
    "decline",
    "declines",
    "declining",
    "jumped",
    "jump",
    "jumps",
    "surged",
    "surge",
    "surges",
    "soared",
    "soar",
    "slipped",
    "slid",
    "plunged",
    "plummeted",
    "doubled",
    "tripled",
    "expanded",
    "shrank",
    "shrunk",
    "raised",
    "raise",
    "raises",
    "lowered",
    "boosted",
    "boost",
    "revised",
    "cut",
    "cuts",
    "changed",
    "moved",
    "went",
    "edged",
    "up",
    "down",
    "reduced",
    "reduce",
    "lifted",
    "gained",
    "gain",
    "gains",
    "lost",
    "lose",
    "loses",
    "added",
    "shed",
    "sank",
    "tumbled",
    "rallied",
    "advanced",
    "retreated",
    "eased",
    "dipped",
    "widened",
    "narrowed",
];

/// Currency symbols written before the figure.
const SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("¥", "JPY"),
    ("₽", "RUB"),
    ("₹", "INR"),
    ("₩", "KRW"),
];

/// Letters glued before `$` or `¥`: `US$`, `A$`, `C$`, `HK$`, `CN¥`.
const SYMBOL_PREFIXES: &[(&str, &str, &str)] = &[
    ("US", "$", "USD"),
    ("A", "$", "AUD"),
    ("AU", "$", "AUD"),
    ("C", "$", "CAD"),
    ("CA", "$", "CAD"),
    ("Can", "$", "CAD"),
    ("HK", "$", "HKD"),
    ("NZ", "$", "NZD"),
    ("S", "$", "SGD"),
    ("R", "$", "BRL"),
    ("CN", "¥", "CNY"),
    ("JP", "¥", "JPY"),
];

/// ISO codes and currency names that may precede or follow a figure.
const CODES: &[(&str, &str)] = &[
    ("USD", "USD"),
    ("GBP", "GBP"),
    ("EUR", "EUR"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("JPY", "JPY"),
    ("RUB", "RUB"),
    ("AUD", "AUD"),
    ("CAD", "CAD"),
    ("INR", "INR"),
    ("CHF", "CHF"),
    ("HKD", "HKD"),
    ("KRW", "KRW"),
    ("BRL", "BRL"),
    ("ZAR", "ZAR"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("Rs", "INR"),
];

/// Currency words after the figure.
const CURRENCY_WORDS: &[(&[&str], &str)] = &[
    (&["dollars"], "USD"),
    (&["dollar"], "USD"),
    (&["US", "dollars"], "USD"),
    (&["US", "dollar"], "USD"),
    (&["U", ".", "S", ".", "dollars"], "USD"),
    (&["American", "dollars"], "USD"),
    (&["Australian", "dollars"], "AUD"),
    (&["Canadian", "dollars"], "CAD"),
    (&["Hong", "Kong", "dollars"], "HKD"),
    (&["euros"], "EUR"),
    (&["euro"], "EUR"),
    (&["pounds", "sterling"], "GBP"),
    (&["pound", "sterling"], "GBP"),
    (&["sterling"], "GBP"),
    (&["British", "pounds"], "GBP"),
    (&["yuan"], "CNY"),
    (&["Chinese", "yuan"], "CNY"),
    (&["renminbi"], "CNY"),
    (&["yen"], "JPY"),
    (&["Japanese", "yen"], "JPY"),
    (&["rubles"], "RUB"),
    (&["roubles"], "RUB"),
    (&["ruble"], "RUB"),
    (&["rouble"], "RUB"),
    (&["Russian", "rubles"], "RUB"),
    (&["Russian", "roubles"], "RUB"),
    (&["rupees"], "INR"),
    (&["Swiss", "francs"], "CHF"),
];

/// Mass units written as words (case-insensitive), to tonnes.
const MASS_WORDS: &[(&[&str], f64)] = &[
    (&["tonne"], 1.0),
    (&["tonnes"], 1.0),
    (&["ton"], 1.0),
    (&["tons"], 1.0),
    (&["metric", "ton"], 1.0),
    (&["metric", "tons"], 1.0),
    (&["metric", "tonne"], 1.0),
    (&["metric", "tonnes"], 1.0),
    (&["short", "ton"], 0.907_184_74),
    (&["short", "tons"], 0.907_184_74),
    (&["long", "ton"], 1.016_046_908_8),
    (&["long", "tons"], 1.016_046_908_8),
    (&["kilotonne"], 1e3),
    (&["kilotonnes"], 1e3),
    (&["kiloton"], 1e3),
    (&["kilotons"], 1e3),
    (&["megatonne"], 1e6),
    (&["megatonnes"], 1e6),
    (&["megaton"], 1e6),
    (&["megatons"], 1e6),
    (&["gigatonne"], 1e9),
    (&["gigatonnes"], 1e9),
    (&["gigaton"], 1e9),
    (&["gigatons"], 1e9),
    (&["kilogram"], 1e-3),
    (&["kilograms"], 1e-3),
    (&["kilogramme"], 1e-3),
    (&["kilogrammes"], 1e-3),
    (&["kilo"], 1e-3),
    (&["kilos"], 1e-3),
    (&["gram"], 1e-6),
    (&["grams"], 1e-6),
    (&["pound"], POUND_MASS),
    (&["pounds"], POUND_MASS),
    (&["ounce"], OUNCE),
    (&["ounces"], OUNCE),
    (&["troy", "ounce"], TROY_OUNCE),
    (&["troy", "ounces"], TROY_OUNCE),
    (&["troy", "oz"], TROY_OUNCE),
];

/// Mass abbreviations, matched with their exact case, to tonnes.
const MASS_ABBREVIATIONS: &[(&str, f64)] = &[
    ("t", 1.0),
    ("T", 1.0),
    ("mt", 1.0),
    ("MT", 1.0),
    ("tpa", 1.0),
    ("kt", 1e3),
    ("Kt", 1e3),
    ("KT", 1e3),
    ("ktpa", 1e3),
    ("Mt", 1e6),
    ("mmt", 1e6),
    ("MMT", 1e6),
    ("Mtpa", 1e6),
    ("mtpa", 1e6),
    ("MTPA", 1e6),
    ("Gt", 1e9),
    ("GT", 1e9),
    ("kg", 1e-3),
    ("kgs", 1e-3),
    ("Kg", 1e-3),
    ("KG", 1e-3),
    ("lb", POUND_MASS),
    ("lbs", POUND_MASS),
    ("oz", OUNCE),
    ("koz", 1e3 * TROY_OUNCE),
    ("Moz", 1e6 * TROY_OUNCE),
    ("moz", 1e6 * TROY_OUNCE),
];

/// Percent and percentage-point units.
const PERCENT_WORDS: &[(&[&str], Unit)] = &[
    (&["%"], PERCENT),
    (&["percent"], PERCENT),
    (&["per", "cent"], PERCENT),
    (&["pct"], PERCENT),
    (&["percentage", "points"], POINTS),
    (&["percentage", "point"], POINTS),
    (&["%", "points"], POINTS),
    (&["pp"], POINTS),
    (&["ppt"], POINTS),
    (&["ppts"], POINTS),
    (&["basis", "points"], unit("pp", 0.01)),
    (&["basis", "point"], unit("pp", 0.01)),
    (&["bps"], unit("pp", 0.01)),
    (&["bp"], unit("pp", 0.01)),
];

/// Scale words, case-insensitive, glued or spaced.
const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("mio", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
    ("trn", 1e12),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
];

/// Denominators of fractions read as percentages ("a third of").
const FRACTIONS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::format_value;
    use crate::text::token::tokenize;

    /// `expected` is `"text | value unit | bound | low..high"` or `None`.
    #[track_caller]
    fn check(input: &str, expected: Option<&str>) {
        let tokens = tokenize(input);
        let actual = quantity_at(input, &tokens, 0).map(|(end, quantity)| {
            assert_eq!(&input[quantity.span.range()], quantity.text, "span of {input:?}");
            assert_eq!(quantity.span.end, tokens[end - 1].end, "end of {input:?}");
            let side = |value: Option<f64>| value.map_or(String::new(), format_value);
            format!(
                "{} | {} {} | {:?} | {}..{}",
                quantity.text,
                format_value(quantity.value),
                quantity.unit,
                quantity.bound,
                side(quantity.low),
                side(quantity.high),
            )
        });
        assert_eq!(actual.as_deref(), expected, "quantity in {input:?}");
    }

    #[test]
    fn numbers_and_scales() {
        check(
            "28.7 million tonnes of rare earths",
            Some("28.7 million tonnes | 28700000 t | Exact | 28700000..28700000"),
        );
        check(
            "44,000,000 tonnes",
            Some("44,000,000 tonnes | 44000000 t | Exact | 44000000..44000000"),
        );
        check(
            "44,000,000 people",
            Some("44,000,000 | 44000000  | Exact | 44000000..44000000"),
        );
        check(
            "1.2bn tons",
            Some("1.2bn tons | 1200000000 t | Exact | 1200000000..1200000000"),
        );
        check(
            "1.2 billion tons",
            Some("1.2 billion tons | 1200000000 t | Exact | 1200000000..1200000000"),
        );
        check("3.8mn t", Some("3.8mn t | 3800000 t | Exact | 3800000..3800000"));
        check(
            "3.8 mln tonnes",
            Some("3.8 mln tonnes | 3800000 t | Exact | 3800000..3800000"),
        );
        check(
            "2 bln tonnes",
            Some("2 bln tonnes | 2000000000 t | Exact | 2000000000..2000000000"),
        );
        check("10k tonnes", Some("10k tonnes | 10000 t | Exact | 10000..10000"));
        check(
            "120 thousand tonnes",
            Some("120 thousand tonnes | 120000 t | Exact | 120000..120000"),
        );
        check(
            "44m tonnes",
            Some("44m tonnes | 44000000 t | Exact | 44000000..44000000"),
        );
        check("5m barrels", Some("5m | 5000000  | Exact | 5000000..5000000"));
        check(
            "28.7million tonnes",
            Some("28.7million tonnes | 28700000 t | Exact | 28700000..28700000"),
        );
        check(
            "twenty million tonnes",
            Some("twenty million tonnes | 20000000 t | Exact | 20000000..20000000"),
        );
        check("twenty-five tonnes", Some("twenty-five tonnes | 25 t | Exact | 25..25"));
        check(
            "a million tonnes",
            Some("a million tonnes | 1000000 t | Exact | 1000000..1000000"),
        );
        check(
            "half a million tonnes",
            Some("half a million tonnes | 500000 t | Exact | 500000..500000"),
        );
        check(
            "one and a half million tonnes",
            Some("one and a half million tonnes | 1500000 t | Exact | 1500000..1500000"),
        );
        check("a dozen countries", Some("a dozen | 12  | Exact | 12..12"));
        check("half a dozen mines", Some("half a dozen | 6  | Exact | 6..6"));
        check("ninety", Some("ninety | 90  | Exact | 90..90"));
        check(
            "1.5 lakh tonnes",
            Some("1.5 lakh tonnes | 150000 t | Exact | 150000..150000"),
        );
        check(
            "28,7 Mio. Tonnen",
            Some("28,7 Mio. | 28700000  | Exact | 28700000..28700000"),
        );
    }

    #[test]
    fn mass_units() {
        check("44 Mt", Some("44 Mt | 44000000 t | Exact | 44000000..44000000"));
        check("44Mt of REO", Some("44Mt | 44000000 t | Exact | 44000000..44000000"));
        check("500 kt", Some("500 kt | 500000 t | Exact | 500000..500000"));
        check("2 Gt", Some("2 Gt | 2000000000 t | Exact | 2000000000..2000000000"));
        check("500 t", Some("500 t | 500 t | Exact | 500..500"));
        check("500t", Some("500t | 500 t | Exact | 500..500"));
        check("500 mt", Some("500 mt | 500 t | Exact | 500..500"));
        check(
            "5 million MT",
            Some("5 million MT | 5000000 t | Exact | 5000000..5000000"),
        );
        check("5 MMT", Some("5 MMT | 5000000 t | Exact | 5000000..5000000"));
        check("5 metric tons", Some("5 metric tons | 5 t | Exact | 5..5"));
        check(
            "5 million metric tonnes",
            Some("5 million metric tonnes | 5000000 t | Exact | 5000000..5000000"),
        );
        check("1 tonne", Some("1 tonne | 1 t | Exact | 1..1"));
        check("3 kilotonnes", Some("3 kilotonnes | 3000 t | Exact | 3000..3000"));
        check(
            "3 megatonnes",
            Some("3 megatonnes | 3000000 t | Exact | 3000000..3000000"),
        );
        check("2,000 kg", Some("2,000 kg | 2 t | Exact | 2..2"));
        check("2,000 kilograms", Some("2,000 kilograms | 2 t | Exact | 2..2"));
        check("1,000 lb", Some("1,000 lb | 0.453592 t | Exact | 0.453592..0.453592"));
        check(
            "5 million pounds of uranium",
            Some("5 million pounds | 2267.96 t | Exact | 2267.96..2267.96"),
        );
        check(
            "100 ounces",
            Some("100 ounces | 0.00283495 t | Exact | 0.00283495..0.00283495"),
        );
        check(
            "1 million troy ounces",
            Some("1 million troy ounces | 31.1035 t | Exact | 31.1035..31.1035"),
        );
        check("2 Moz of gold", Some("2 Moz | 62.207 t | Exact | 62.207..62.207"));
        check("a 28.7-million-tonne deposit", None);
        check(
            "28.7-million-tonne deposit",
            Some("28.7-million-tonne | 28700000 t | Exact | 28700000..28700000"),
        );
        check("5-tonne truck", Some("5-tonne | 5 t | Exact | 5..5"));
    }

    #[test]
    fn percent() {
        check("5%", Some("5% | 5 % | Exact | 5..5"));
        check("5 %", Some("5 % | 5 % | Exact | 5..5"));
        check("5 percent", Some("5 percent | 5 % | Exact | 5..5"));
        check("5 per cent", Some("5 per cent | 5 % | Exact | 5..5"));
        check("5 pct", Some("5 pct | 5 % | Exact | 5..5"));
        check("5pc", Some("5pc | 5 % | Exact | 5..5"));
        check("ten percent", Some("ten percent | 10 % | Exact | 10..10"));
        check("0.5%", Some("0.5% | 0.5 % | Exact | 0.5..0.5"));
        check("2 percentage points", Some("2 percentage points | 2 pp | Exact | 2..2"));
        check(
            "25 basis points",
            Some("25 basis points | 0.25 pp | Exact | 0.25..0.25"),
        );
        check(
            "a third of global output",
            Some("a third | 33.3333333333 % | Exact | 33.3333333333..33.3333333333"),
        );
        check(
            "two-thirds of supply",
            Some("two-thirds | 66.6666666667 % | Exact | 66.6666666667..66.6666666667"),
        );
        check("half of the world's", Some("half | 50 % | Exact | 50..50"));
        check("one in five magnets", Some("one in five | 20 % | Exact | 20..20"));
        check(
            "nearly a quarter of",
            Some("nearly a quarter | 25 % | Approximate | 25..25"),
        );
        check("a third", None);
        check(
            "three-quarters of the total",
            Some("three-quarters | 75 % | Exact | 75..75"),
        );
    }

    #[test]
    fn money() {
        check(
            "$260 million",
            Some("$260 million | 260000000 USD | Exact | 260000000..260000000"),
        );
        check(
            "$ 260 million",
            Some("$ 260 million | 260000000 USD | Exact | 260000000..260000000"),
        );
        check("£600m", Some("£600m | 600000000 GBP | Exact | 600000000..600000000"));
        check("€3bn", Some("€3bn | 3000000000 EUR | Exact | 3000000000..3000000000"));
        check(
            "$1.2T",
            Some("$1.2T | 1200000000000 USD | Exact | 1200000000000..1200000000000"),
        );
        check(
            "$1.2tn",
            Some("$1.2tn | 1200000000000 USD | Exact | 1200000000000..1200000000000"),
        );
        check(
            "$1.2 trillion",
            Some("$1.2 trillion | 1200000000000 USD | Exact | 1200000000000..1200000000000"),
        );
        check("$5M", Some("$5M | 5000000 USD | Exact | 5000000..5000000"));
        check("$1.2b", Some("$1.2b | 1200000000 USD | Exact | 1200000000..1200000000"));
        check(
            "US$260 million",
            Some("US$260 million | 260000000 USD | Exact | 260000000..260000000"),
        );
        check(
            "US $260 million",
            Some("US $260 million | 260000000 USD | Exact | 260000000..260000000"),
        );
        check(
            "USD 260 million",
            Some("USD 260 million | 260000000 USD | Exact | 260000000..260000000"),
        );
        check(
            "USD260m",
            Some("USD260m | 260000000 USD | Exact | 260000000..260000000"),
        );
        check(
            "GBP 5bn",
            Some("GBP 5bn | 5000000000 GBP | Exact | 5000000000..5000000000"),
        );
        check(
            "EUR 3 billion",
            Some("EUR 3 billion | 3000000000 EUR | Exact | 3000000000..3000000000"),
        );
        check(
            "¥500 billion",
            Some("¥500 billion | 500000000000 JPY | Exact | 500000000000..500000000000"),
        );
        check(
            "CNY 10bn",
            Some("CNY 10bn | 10000000000 CNY | Exact | 10000000000..10000000000"),
        );
        check(
            "RMB5bn",
            Some("RMB5bn | 5000000000 CNY | Exact | 5000000000..5000000000"),
        );
        check(
            "yuan 5 billion",
            Some("yuan 5 billion | 5000000000 CNY | Exact | 5000000000..5000000000"),
        );
        check(
            "RUB 100bn",
            Some("RUB 100bn | 100000000000 RUB | Exact | 100000000000..100000000000"),
        );
        check("A$2bn", Some("A$2bn | 2000000000 AUD | Exact | 2000000000..2000000000"));
        check(
            "C$ 2bn",
            Some("C$ 2bn | 2000000000 CAD | Exact | 2000000000..2000000000"),
        );
        check(
            "CN¥5bn",
            Some("CN¥5bn | 5000000000 CNY | Exact | 5000000000..5000000000"),
        );
        check(
            "260 million dollars",
            Some("260 million dollars | 260000000 USD | Exact | 260000000..260000000"),
        );
        check(
            "260 million US dollars",
            Some("260 million US dollars | 260000000 USD | Exact | 260000000..260000000"),
        );
        check(
            "260 million U.S. dollars",
            Some("260 million U.S. dollars | 260000000 USD | Exact | 260000000..260000000"),
        );
        check(
            "3bn euros",
            Some("3bn euros | 3000000000 EUR | Exact | 3000000000..3000000000"),
        );
        check(
            "600m pounds sterling",
            Some("600m pounds sterling | 600000000 GBP | Exact | 600000000..600000000"),
        );
        check(
            "5 billion yuan",
            Some("5 billion yuan | 5000000000 CNY | Exact | 5000000000..5000000000"),
        );
        check(
            "100 billion rubles",
            Some("100 billion rubles | 100000000000 RUB | Exact | 100000000000..100000000000"),
        );
        check(
            "100bn roubles",
            Some("100bn roubles | 100000000000 RUB | Exact | 100000000000..100000000000"),
        );
        check(
            "2 billion Australian dollars",
            Some("2 billion Australian dollars | 2000000000 AUD | Exact | 2000000000..2000000000"),
        );
        check(
            "260 million USD",
            Some("260 million USD | 260000000 USD | Exact | 260000000..260000000"),
        );
        check(
            "$1.2-billion deal",
            Some("$1.2-billion | 1200000000 USD | Exact | 1200000000..1200000000"),
        );
        check("a $260 million", None);
        check("$", None);
        check("USD", None);
    }

    #[test]
    fn bounds() {
        check("about 5%", Some("about 5% | 5 % | Approximate | 5..5"));
        check(
            "around 28.7 million tonnes",
            Some("around 28.7 million tonnes | 28700000 t | Approximate | 28700000..28700000"),
        );
        check(
            "approximately 3 Mt",
            Some("approximately 3 Mt | 3000000 t | Approximate | 3000000..3000000"),
        );
        check(
            "roughly $5bn",
            Some("roughly $5bn | 5000000000 USD | Approximate | 5000000000..5000000000"),
        );
        check(
            "some 120,000 tonnes",
            Some("some 120,000 tonnes | 120000 t | Approximate | 120000..120000"),
        );
        check("nearly 40%", Some("nearly 40% | 40 % | Approximate | 40..40"));
        check(
            "almost half a million tonnes",
            Some("almost half a million tonnes | 500000 t | Approximate | 500000..500000"),
        );
        check(
            "close to 90 percent",
            Some("close to 90 percent | 90 % | Approximate | 90..90"),
        );
        check(
            "an estimated 28.7 million tonnes",
            Some("an estimated 28.7 million tonnes | 28700000 t | Approximate | 28700000..28700000"),
        );
        check(
            "estimated at 3.8 Mt",
            Some("estimated at 3.8 Mt | 3800000 t | Approximate | 3800000..3800000"),
        );
        check(
            "circa 5 Mt",
            Some("circa 5 Mt | 5000000 t | Approximate | 5000000..5000000"),
        );
        check("c. 5 Mt", Some("c. 5 Mt | 5000000 t | Approximate | 5000000..5000000"));
        check("~5 Mt", Some("~5 Mt | 5000000 t | Approximate | 5000000..5000000"));
        check(
            "more than 28.7 million tonnes",
            Some("more than 28.7 million tonnes | 28700000 t | MoreThan | 28700000.."),
        );
        check(
            "over $1bn",
            Some("over $1bn | 1000000000 USD | MoreThan | 1000000000.."),
        );
        check("above 60%", Some("above 60% | 60 % | MoreThan | 60.."));
        check(
            "in excess of 10 Mt",
            Some("in excess of 10 Mt | 10000000 t | MoreThan | 10000000.."),
        );
        check(
            "exceeding 1 million tonnes",
            Some("exceeding 1 million tonnes | 1000000 t | MoreThan | 1000000.."),
        );
        check(
            "upwards of 5,000 tonnes",
            Some("upwards of 5,000 tonnes | 5000 t | MoreThan | 5000.."),
        );
        check(
            "north of $2bn",
            Some("north of $2bn | 2000000000 USD | MoreThan | 2000000000.."),
        );
        check("> 50%", Some("> 50% | 50 % | MoreThan | 50.."));
        check(
            "just over 3 million tonnes",
            Some("just over 3 million tonnes | 3000000 t | MoreThan | 3000000.."),
        );
        check("more than a dozen", Some("more than a dozen | 12  | MoreThan | 12.."));
        check(
            "at least 20 Mt",
            Some("at least 20 Mt | 20000000 t | AtLeast | 20000000.."),
        );
        check("no less than 70%", Some("no less than 70% | 70 % | AtLeast | 70.."));
        check("not less than 70%", Some("not less than 70% | 70 % | AtLeast | 70.."));
        check("≥ 5 t", Some("≥ 5 t | 5 t | AtLeast | 5.."));
        check(
            "up to 12 million tonnes",
            Some("up to 12 million tonnes | 12000000 t | AtMost | 0..12000000"),
        );
        check("as much as 90%", Some("as much as 90% | 90 % | AtMost | 0..90"));
        check("as many as 5,000", Some("as many as 5,000 | 5000  | AtMost | 0..5000"));
        check("at most 3 Mt", Some("at most 3 Mt | 3000000 t | AtMost | 0..3000000"));
        check("no more than 5%", Some("no more than 5% | 5 % | AtMost | 0..5"));
        check("not more than 5%", Some("not more than 5% | 5 % | AtMost | 0..5"));
        check("≤ 5%", Some("≤ 5% | 5 % | AtMost | 0..5"));
        check("less than 1%", Some("less than 1% | 1 % | LessThan | 0..1"));
        check(
            "under $100m",
            Some("under $100m | 100000000 USD | LessThan | 0..100000000"),
        );
        check("below 10 Mt", Some("below 10 Mt | 10000000 t | LessThan | 0..10000000"));
        check("fewer than 100", Some("fewer than 100 | 100  | LessThan | 0..100"));
        check("< 1%", Some("< 1% | 1 % | LessThan | 0..1"));
        check(
            "40,000 tonnes or more",
            Some("40,000 tonnes or more | 40000 t | AtLeast | 40000.."),
        );
        check("5% or less", Some("5% or less | 5 % | AtMost | 0..5"));
        check(
            "100,000 tonnes or so",
            Some("100,000 tonnes or so | 100000 t | Approximate | 100000..100000"),
        );
        check("5,000+ tonnes", Some("5,000+ | 5000  | AtLeast | 5000.."));
        check("40-odd mines", Some("40-odd | 40  | Approximate | 40..40"));
        check("$1bn-plus", Some("$1bn-plus | 1000000000 USD | AtLeast | 1000000000.."));
        check("more than", None);
        check("more than half", None);
        check("about the", None);
        check("over the past decade", None);
    }

    #[test]
    fn ranges() {
        check(
            "10–12 million tonnes",
            Some("10–12 million tonnes | 11000000 t | Range | 10000000..12000000"),
        );
        check(
            "10-12 million tonnes",
            Some("10-12 million tonnes | 11000000 t | Range | 10000000..12000000"),
        );
        check(
            "10 - 12 Mt",
            Some("10 - 12 Mt | 11000000 t | Range | 10000000..12000000"),
        );
        check(
            "10 to 12 million",
            Some("10 to 12 million | 11000000  | Range | 10000000..12000000"),
        );
        check(
            "between 10 and 12 million tonnes",
            Some("between 10 and 12 million tonnes | 11000000 t | Range | 10000000..12000000"),
        );
        check(
            "from 10 to 12 million tonnes",
            Some("from 10 to 12 million tonnes | 11000000 t | Range | 10000000..12000000"),
        );
        check(
            "$1bn–$2bn",
            Some("$1bn–$2bn | 1500000000 USD | Range | 1000000000..2000000000"),
        );
        check(
            "$1-2 billion",
            Some("$1-2 billion | 1500000000 USD | Range | 1000000000..2000000000"),
        );
        check(
            "$1-2bn",
            Some("$1-2bn | 1500000000 USD | Range | 1000000000..2000000000"),
        );
        check("£1m-£2m", Some("£1m-£2m | 1500000 GBP | Range | 1000000..2000000"));
        check(
            "between $1bn and $2bn",
            Some("between $1bn and $2bn | 1500000000 USD | Range | 1000000000..2000000000"),
        );
        check("10-12%", Some("10-12% | 11 % | Range | 10..12"));
        check("10% to 12%", Some("10% to 12% | 11 % | Range | 10..12"));
        check(
            "between 10 and 12 per cent",
            Some("between 10 and 12 per cent | 11 % | Range | 10..12"),
        );
        check(
            "500,000 to 1 million tonnes",
            Some("500,000 to 1 million tonnes | 750000 t | Range | 500000..1000000"),
        );
        check(
            "1.5-2 billion tonnes",
            Some("1.5-2 billion tonnes | 1750000000 t | Range | 1500000000..2000000000"),
        );
        check(
            "10 million to 12 million tonnes",
            Some("10 million to 12 million tonnes | 11000000 t | Range | 10000000..12000000"),
        );
        check(
            "two to three million tonnes",
            Some("two to three million tonnes | 2500000 t | Range | 2000000..3000000"),
        );
        check(
            "about 10-12 Mt",
            Some("about 10-12 Mt | 11000000 t | Range | 10000000..12000000"),
        );
        check(
            "1,900-2,000 tonnes",
            Some("1,900-2,000 tonnes | 1950 t | Range | 1900..2000"),
        );
        check("5% to 10 tonnes", Some("5% | 5 % | Exact | 5..5"));
        check("12-10", Some("12 | 12  | Exact | 12..12"));
        check("between 10 and", None);
        check("between China and Russia", None);
        check("from 10", None);
    }

    #[track_caller]
    fn check_at(input: &str, start: usize, expected: Option<&str>) {
        let tokens = tokenize(input);
        let actual = quantity_at(input, &tokens, start).map(|(_, quantity)| {
            format!(
                "{} | {} {} | {:?}",
                quantity.text,
                format_value(quantity.value),
                quantity.unit,
                quantity.bound
            )
        });
        assert_eq!(actual.as_deref(), expected, "quantity at token {start} in {input:?}");
    }

    #[test]
    fn context() {
        check_at("output rose from 10% to 12%", 2, None);
        check_at("output rose from 10% to 12%", 3, Some("10% | 10 % | Exact"));
        check_at("output rose 10% to 12%", 2, Some("10% | 10 % | Exact"));
        check_at("the price rose by $5 to $6", 4, Some("$5 | 5 USD | Exact"));
        check_at("the price rose by $5 to $6", 3, None);
        check_at("is more than three times larger", 2, None);
        check_at("on March 3 the", 2, None);
        check_at("on 3 March 2024", 1, None);
        check_at("on Jan. 3 the", 3, None);
        check_at("the G7 summit", 2, None);
        check_at("COVID-19 cases", 2, None);
        check_at("No. 2 producer", 2, None);
        check_at("reserves of 3.8 Mt", 2, Some("3.8 Mt | 3800000 t | Exact"));
        check_at("in May 2023 prices", 2, None);
        check_at("the top 10 producers", 2, None);
        check_at("the top five producers", 2, None);
        check_at("the top 10 tonnes", 2, Some("10 tonnes | 10 t | Exact"));
    }

    #[test]
    fn not_quantities() {
        check("2023", None);
        check("in 2023", None);
        check("around 2010", None);
        check("2010–2012", None);
        check("from 2010 to 2012", None);
        check("1990s", None);
        check("2nd", None);
        check("5G networks", None);
        check("600m deep", None);
        check("a 12-month high", None);
        check("12-month high", None);
        check("five-year plan", None);
        check("10-fold", None);
        check("3-D printing", None);
        check("10:30", None);
        check("3/4/2023", None);
        check("one of the largest", None);
        check("one", None);
        check("two of them", None);
        check("a tonne", None);
        check("some of the largest", None);
        check("more", None);
        check("million", None);
        check("millions of tonnes", None);
        check("Russia", None);
        check("", None);
    }

    #[test]
    fn years_with_units_are_quantities() {
        check("2000 tonnes", Some("2000 tonnes | 2000 t | Exact | 2000..2000"));
        check("2,023", Some("2,023 | 2023  | Exact | 2023..2023"));
        check("$2023", Some("$2023 | 2023 USD | Exact | 2023..2023"));
        check("1,500", Some("1,500 | 1500  | Exact | 1500..1500"));
        check("3", Some("3 | 3  | Exact | 3..3"));
    }
}
