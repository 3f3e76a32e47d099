//! Quantities: a number with a canonical unit, as the interval the text allows ("more than 28.7
//! million tonnes" is `(2.87e7, ∞) t`).
//!
//! Everything a quantity is written as lives here: its canonical text (`>28700000 t`, in claim
//! ids and `explain`), its report label (`>2.87e7 t`), its JSON form and its example notation
//! (`>28700000 t`, `10..12 %`). Reading quantities from text is [`crate::extract::quantity`]'s.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::SpanDto;
use super::number::{format_short, format_value, grouped};
use crate::claim::Span;

/// How a quantity was bounded in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// "28.7 million tonnes".
    Exact,
    /// "about", "nearly", "roughly": a point with a margin.
    Approximate,
    /// "at least".
    AtLeast,
    /// "more than", "over", "exceeding".
    MoreThan,
    /// "up to", "at most".
    AtMost,
    /// "less than", "under", "fewer than".
    LessThan,
    /// "10–12 million", "between 10 and 12 million".
    Range,
}

impl Bound {
    /// The prefix the canonical text and the example notation write before the figure:
    /// `>=`, `<=`, `>`, `<`, `~`, or nothing (exact figures and ranges).
    fn prefix(self) -> &'static str {
        match self {
            Bound::AtLeast => ">=",
            Bound::AtMost => "<=",
            Bound::MoreThan => ">",
            Bound::LessThan => "<",
            Bound::Approximate => "~",
            Bound::Exact | Bound::Range => "",
        }
    }
}

/// A quantity normalised to a canonical unit, as an interval.
///
/// `low`/`high` of `None` mean unbounded on that side ("more than 20 Mt" has no `high`).
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The central value in `unit` (for a range, its midpoint; for a bound, the bound).
    pub value: f64,
    /// Lowest value the text allows, in `unit`.
    pub low: Option<f64>,
    /// Highest value the text allows, in `unit`.
    pub high: Option<f64>,
    /// Canonical unit: one of [`CANONICAL_UNITS`], an ISO currency code, `%`/`pp`, a rate
    /// `N/D`, or empty for a count.
    pub unit: String,
    /// How the text bounded the figure.
    pub bound: Bound,
    /// The words the quantity was read from, e.g. `more than 28.7 million tonnes`.
    pub text: String,
    /// Where those words are.
    pub span: Span,
    /// For a count, the noun it counts as written after it, lower-cased ("100,000 people" →
    /// `people`): counts of different nouns are different measures. The JSON form writes it
    /// as `noun` only when there is one, so quantities without one are written as before.
    pub noun: Option<String>,
    /// How an ambiguous unit or sign was decided, for `explain`; not in the JSON form and never
    /// part of equality.
    pub reading: Reading,
}

/// How the reader decided an ambiguous figure ("`kt` read as knots: the sentence speaks of
/// speed"), shown by `explain`. Two quantities never differ by their reading.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reading(pub Option<&'static str>);

impl PartialEq for Reading {
    fn eq(&self, _: &Reading) -> bool {
        true
    }
}

/// The dimensions of the unit model with their canonical unit, lowest first. Every quantity's
/// unit is one of these, an ISO currency code (money), `%`/`pp` (percent), a rate
/// `numerator/denominator` of them, or empty (a count). Conversions happen inside a dimension
/// only (the tables of [`crate::extract::quantity`]); currencies are never converted.
pub const CANONICAL_UNITS: &[(&str, &str)] = &[
    ("mass", "t"),
    ("length", "m"),
    ("area", "m2"),
    ("volume", "m3"),
    ("energy", "Wh"),
    ("power", "W"),
    ("speed", "km/h"),
];

/// The dimension name of a canonical unit: `mass`, `length`, …, `money`, `percent`, `rate`,
/// `count`.
pub fn dimension_of(unit: &str) -> &'static str {
    if let Some(&(name, _)) = CANONICAL_UNITS.iter().find(|(_, code)| *code == unit) {
        return name;
    }
    match unit {
        "" => "count",
        "%" | "pp" => "percent",
        unit if unit.contains('/') => "rate",
        unit if unit.len() == 3 && unit.bytes().all(|byte| byte.is_ascii_uppercase()) => "money",
        _ => "other",
    }
}

impl Quantity {
    /// How the figure was read, for `explain`: `28700000 t (mass)`, `100000 (count of people)`,
    /// with the decision on an ambiguous unit or sign after a `;`.
    pub fn reading(&self) -> String {
        let dimension = dimension_of(&self.unit);
        let what = match &self.noun {
            Some(noun) => format!("count of {noun}"),
            None => dimension.to_owned(),
        };
        let mut reading = format!("\"{}\" → {} ({what})", self.text, self.canonical_text());
        if let Reading(Some(note)) = self.reading {
            reading.push_str("; ");
            reading.push_str(note);
        }
        reading
    }

    /// Canonical text: every digit kept, the bound as a prefix, the unit after a space:
    /// `28700000 t`, `~450000 t`, `>=20000000 t`, `10..12 %`, `1200`.
    pub fn canonical_text(&self) -> String {
        let unit = if self.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", self.unit)
        };
        match self.bound {
            Bound::Range => format!(
                "{}..{}{unit}",
                format_value(self.low.unwrap_or(self.value)),
                format_value(self.high.unwrap_or(self.value))
            ),
            bound => format!("{}{}{unit}", bound.prefix(), format_value(self.value)),
        }
    }

    /// The report's label, in a few characters: `2.87e7 t`, `~4.4e7 t`, `≥2e7 t`, `5%`,
    /// `10–12%`.
    pub fn label(&self) -> String {
        let shown = |number: f64| with_unit(&format_short(number), &self.unit);
        match self.bound {
            Bound::Exact => shown(self.value),
            Bound::Approximate => format!("~{}", shown(self.value)),
            Bound::AtLeast => format!("≥{}", shown(self.low.unwrap_or(self.value))),
            Bound::MoreThan => format!(">{}", shown(self.low.unwrap_or(self.value))),
            Bound::AtMost => format!("≤{}", shown(self.high.unwrap_or(self.value))),
            Bound::LessThan => format!("<{}", shown(self.high.unwrap_or(self.value))),
            Bound::Range => {
                let low = format_short(self.low.unwrap_or(self.value));
                let high = format_short(self.high.unwrap_or(self.value));
                with_unit(&format!("{low}–{high}"), &self.unit)
            }
        }
    }
}

impl Quantity {
    /// The quantity as a comparator's reason writes it: grouped digits and a spaced bound,
    /// `28,700,000 t`, `≈ 450,000 t`, `≥ 20,000,000 t`, `10–12%` (a range open on one side
    /// shows its central figure), a count with the noun it counts (`4,000 people`).
    pub fn reason_text(&self) -> String {
        let amount = |value: f64| reason_amount(value, &self.unit);
        let noun = match (&self.noun, self.unit.as_str()) {
            (Some(noun), "") => format!(" {noun}"),
            _ => String::new(),
        };
        let low = self.low.unwrap_or(self.value);
        let high = self.high.unwrap_or(self.value);
        let (sign, shown) = match self.bound {
            Bound::Range if self.low.is_none() || self.high.is_none() => ("", self.value),
            Bound::Range => return format!("{}–{}{noun}", grouped(low), amount(high)),
            Bound::Exact => ("", self.value),
            Bound::Approximate => ("≈ ", self.value),
            Bound::AtLeast => ("≥ ", low),
            Bound::MoreThan => ("> ", low),
            Bound::AtMost => ("≤ ", high),
            Bound::LessThan => ("< ", high),
        };
        format!("{sign}{}{noun}", amount(shown))
    }
}

/// What a quantity measures, for telling which figures may be compared: its canonical unit and,
/// for a count, the noun it counts in the singular (`people` and `persons` both count
/// `person`). Figures of different measures never agree and never conflict.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Measure<'a> {
    /// The canonical unit (empty for a count).
    pub unit: &'a str,
    /// For a count, the singular of the noun it counts; `None` for a bare count and for every
    /// other dimension.
    pub noun: Option<Cow<'a, str>>,
}

impl Quantity {
    /// What the quantity measures (see [`Measure`]).
    pub fn measure(&self) -> Measure<'_> {
        Measure {
            unit: &self.unit,
            noun: self.noun.as_deref().filter(|_| self.unit.is_empty()).map(singular),
        }
    }
}

/// The singular of a counted noun as the extractor writes it (lower case): `people` → `person`,
/// `children` → `child`, `companies` → `company`, `vehicles` → `vehicle`; a word it does not
/// know as a plural is returned as it is.
pub fn singular(noun: &str) -> Cow<'_, str> {
    match noun {
        "people" => Cow::Borrowed("person"),
        "children" => Cow::Borrowed("child"),
        "men" => Cow::Borrowed("man"),
        "women" => Cow::Borrowed("woman"),
        _ => match noun.strip_suffix("ies") {
            Some(stem) => Cow::Owned(format!("{stem}y")),
            None => Cow::Borrowed(noun.strip_suffix('s').unwrap_or(noun)),
        },
    }
}

/// A figure and its unit as a reason writes them: `28,700,000 t`, `5%`, `1,200`.
pub fn reason_amount(value: f64, unit: &str) -> String {
    with_unit(&grouped(value), unit)
}

/// A number followed by its unit: `5%`, `2.87e7 t`, `1200` (a count has no unit).
fn with_unit(number: &str, unit: &str) -> String {
    match unit {
        "" => number.to_owned(),
        "%" => format!("{number}%"),
        _ => format!("{number} {unit}"),
    }
}

/// A quantity in the JSON report: every field spelt out (`{"type": "quantity", "value", "low",
/// "high", "unit", "bound", "text", "span"}`), written and read back.
#[derive(Serialize, Deserialize)]
pub struct QuantityDto<'a> {
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
    unit: Cow<'a, str>,
    bound: BoundDto,
    text: Cow<'a, str>,
    span: SpanDto,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    noun: Option<Cow<'a, str>>,
}

impl<'a> QuantityDto<'a> {
    /// The JSON form of `quantity`.
    pub fn new(quantity: &'a Quantity) -> Self {
        QuantityDto {
            value: quantity.value,
            low: quantity.low,
            high: quantity.high,
            unit: Cow::Borrowed(&quantity.unit),
            bound: quantity.bound.into(),
            text: Cow::Borrowed(&quantity.text),
            span: quantity.span.into(),
            noun: quantity.noun.as_deref().map(Cow::Borrowed),
        }
    }

    /// The quantity a saved report holds.
    pub fn into_quantity(self) -> Quantity {
        Quantity {
            value: self.value,
            low: self.low,
            high: self.high,
            unit: self.unit.into_owned(),
            bound: self.bound.into(),
            text: self.text.into_owned(),
            span: self.span.into(),
            noun: self.noun.map(Cow::into_owned),
            reading: Reading::default(),
        }
    }
}

/// A bound in the JSON report: `exact`, `approximate`, `at_least`, `more_than`, `at_most`,
/// `less_than`, `range`.
#[derive(Clone, Copy, Serialize, Deserialize)]
enum BoundDto {
    #[serde(rename = "exact")]
    Exact,
    #[serde(rename = "approximate")]
    Approximate,
    #[serde(rename = "at_least")]
    AtLeast,
    #[serde(rename = "more_than")]
    MoreThan,
    #[serde(rename = "at_most")]
    AtMost,
    #[serde(rename = "less_than")]
    LessThan,
    #[serde(rename = "range")]
    Range,
}

impl From<Bound> for BoundDto {
    fn from(bound: Bound) -> Self {
        match bound {
            Bound::Exact => BoundDto::Exact,
            Bound::Approximate => BoundDto::Approximate,
            Bound::AtLeast => BoundDto::AtLeast,
            Bound::MoreThan => BoundDto::MoreThan,
            Bound::AtMost => BoundDto::AtMost,
            Bound::LessThan => BoundDto::LessThan,
            Bound::Range => BoundDto::Range,
        }
    }
}

impl From<BoundDto> for Bound {
    fn from(bound: BoundDto) -> Self {
        match bound {
            BoundDto::Exact => Bound::Exact,
            BoundDto::Approximate => Bound::Approximate,
            BoundDto::AtLeast => Bound::AtLeast,
            BoundDto::MoreThan => Bound::MoreThan,
            BoundDto::AtMost => Bound::AtMost,
            BoundDto::LessThan => Bound::LessThan,
            BoundDto::Range => Bound::Range,
        }
    }
}

/// How the notation error hint shows quantities.
pub(super) const NOTATION: &str = "quantities as `28700000 t`, `>20000000 t`, `~10000000 t` or `10000000..12000000 t`";

/// An expected quantity in the example notation: `28700000 t` (exact), `2.87e7 t`,
/// `~10000000 t` (approximate), `>20000000 t` / `>=…` / `<…` / `<=…` (bounds),
/// `10000000..12000000 t` (range), `1200` (a count).
#[derive(Clone, Debug, PartialEq)]
pub struct ExpectedQuantity {
    /// Bound kind.
    pub bound: Bound,
    /// The figure (or the low end of a range).
    pub value: f64,
    /// The high end of a range.
    pub high: Option<f64>,
    /// Canonical unit.
    pub unit: String,
}

impl ExpectedQuantity {
    /// Reads the notation (already trimmed).
    pub fn parse(written: &str) -> Result<ExpectedQuantity, String> {
        let (bound, rest) = [
            (">=", Bound::AtLeast),
            ("<=", Bound::AtMost),
            (">", Bound::MoreThan),
            ("<", Bound::LessThan),
            ("~", Bound::Approximate),
        ]
        .iter()
        .find_map(|(prefix, bound)| written.strip_prefix(prefix).map(|rest| (*bound, rest.trim_start())))
        .unwrap_or((Bound::Exact, written));
        let (number, unit) = rest
            .split_once(' ')
            .map_or((rest, ""), |(number, unit)| (number, unit.trim()));
        let parse = |text: &str| {
            text.trim()
                .replace('_', "")
                .parse::<f64>()
                .map_err(|_| format!("`{text}` is not a number"))
        };
        if let Some((low, high)) = number.split_once("..") {
            if bound != Bound::Exact {
                return Err("a range takes no bound prefix".into());
            }
            return Ok(ExpectedQuantity {
                bound: Bound::Range,
                value: parse(low)?,
                high: Some(parse(high)?),
                unit: unit.to_string(),
            });
        }
        Ok(ExpectedQuantity {
            bound,
            value: parse(number)?,
            high: None,
            unit: unit.to_string(),
        })
    }

    /// Whether `quantity` is the one expected: same bound and unit, figures equal within a
    /// relative 1e-9 (so `2.87e7` and `28700000` agree).
    pub fn matches(&self, quantity: &Quantity) -> bool {
        let near = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-12);
        if self.bound != quantity.bound || self.unit != quantity.unit {
            return false;
        }
        match self.bound {
            Bound::Range => {
                quantity.low.is_some_and(|low| near(low, self.value))
                    && quantity.high.zip(self.high).is_some_and(|(a, b)| near(a, b))
            }
            _ => near(quantity.value, self.value),
        }
    }
}

impl std::fmt::Display for ExpectedQuantity {
    /// The quantity in the notation it is written in: `28700000 t`, `~450000 t`, `10..12 %`.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{}{}", self.bound.prefix(), self.value)?;
        if let Some(high) = self.high {
            write!(formatter, "..{high}")?;
        }
        if !self.unit.is_empty() {
            write!(formatter, " {}", self.unit)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quantity(bound: Bound, value: f64, low: Option<f64>, high: Option<f64>, unit: &str) -> Quantity {
        Quantity {
            value,
            low,
            high,
            unit: unit.into(),
            bound,
            text: String::new(),
            span: Span::default(),
            noun: None,
            reading: Reading::default(),
        }
    }

    #[track_caller]
    fn check(quantity: &Quantity, canonical: &str, label: &str) {
        assert_eq!(quantity.canonical_text(), canonical, "canonical text of {quantity:?}");
        assert_eq!(quantity.label(), label, "label of {quantity:?}");
    }

    #[test]
    fn canonical_text_and_label() {
        check(
            &quantity(Bound::Exact, 28.7e6, None, None, "t"),
            "28700000 t",
            "2.87e7 t",
        );
        check(
            &quantity(Bound::Approximate, 4.4e7, Some(3.96e7), Some(4.84e7), "t"),
            "~44000000 t",
            "~4.4e7 t",
        );
        check(
            &quantity(Bound::AtLeast, 2e7, Some(2e7), None, "t"),
            ">=20000000 t",
            "≥2e7 t",
        );
        check(
            &quantity(Bound::MoreThan, 2e7, Some(2e7), None, "t"),
            ">20000000 t",
            ">2e7 t",
        );
        check(&quantity(Bound::AtMost, 5.0, None, Some(5.0), "%"), "<=5 %", "≤5%");
        check(
            &quantity(Bound::LessThan, 1200.0, None, Some(1200.0), ""),
            "<1200",
            "<1200",
        );
        check(
            &quantity(Bound::Range, 11.0, Some(10.0), Some(12.0), "%"),
            "10..12 %",
            "10–12%",
        );
        check(
            &quantity(Bound::Range, 1.5e9, Some(1e9), Some(2e9), "USD"),
            "1000000000..2000000000 USD",
            "1e9–2e9 USD",
        );
        check(&quantity(Bound::Exact, 0.5, None, None, "pp"), "0.5 pp", "0.5 pp");
    }

    #[test]
    fn the_json_form_is_written_and_read_back() {
        let quantity = Quantity {
            text: "more than 20 million tonnes".into(),
            span: Span::new(3, 30),
            ..quantity(Bound::MoreThan, 2e7, Some(2e7), None, "t")
        };
        let written = serde_json::to_string(&QuantityDto::new(&quantity)).expect("serialises");
        assert_eq!(
            written,
            r#"{"value":20000000.0,"low":20000000.0,"high":null,"unit":"t","bound":"more_than","text":"more than 20 million tonnes","span":{"start":3,"end":30}}"#
        );
        let read: QuantityDto<'_> = serde_json::from_str(&written).expect("reads back");
        assert_eq!(read.into_quantity(), quantity);
        let names = [
            (Bound::Exact, "exact"),
            (Bound::Approximate, "approximate"),
            (Bound::AtLeast, "at_least"),
            (Bound::MoreThan, "more_than"),
            (Bound::AtMost, "at_most"),
            (Bound::LessThan, "less_than"),
            (Bound::Range, "range"),
        ];
        for (bound, name) in names {
            let written = serde_json::to_value(BoundDto::from(bound)).expect("serialises");
            assert_eq!(written, name, "{bound:?}");
            let read: BoundDto = serde_json::from_value(written).expect("reads back");
            assert_eq!(Bound::from(read), bound);
        }
    }

    #[test]
    fn a_count_measures_the_singular_of_its_noun() {
        let count = |noun: &str| Quantity {
            noun: Some(noun.to_owned()),
            ..quantity(Bound::Exact, 4000.0, None, None, "")
        };
        assert_eq!(count("people").measure(), count("persons").measure());
        assert_eq!(count("companies").measure().noun.as_deref(), Some("company"));
        assert_eq!(count("children").measure().noun.as_deref(), Some("child"));
        assert_ne!(count("deaths").measure(), count("injuries").measure());
        assert_eq!(count("people").reason_text(), "4,000 people");
        // Only a count has a noun to measure.
        let tonnes = Quantity {
            noun: Some("people".to_owned()),
            ..quantity(Bound::Exact, 4000.0, None, None, "t")
        };
        assert_eq!(tonnes.measure().noun, None);
        assert_eq!(tonnes.reason_text(), "4,000 t");
    }

    #[test]
    fn matches_within_a_relative_precision() {
        let expected = ExpectedQuantity::parse("2.87e7 t").expect("parses");
        assert!(expected.matches(&quantity(Bound::Exact, 28_700_000.0, None, None, "t")));
        assert!(!expected.matches(&quantity(Bound::Exact, 28_700_001.0, None, None, "t")));
        assert!(!expected.matches(&quantity(Bound::Approximate, 28_700_000.0, None, None, "t")));
        assert!(!expected.matches(&quantity(Bound::Exact, 28_700_000.0, None, None, "USD")));
        let range = ExpectedQuantity::parse("10..12 %").expect("parses");
        assert!(range.matches(&quantity(Bound::Range, 11.0, Some(10.0), Some(12.0), "%")));
        assert!(!range.matches(&quantity(Bound::Range, 11.0, Some(10.0), Some(13.0), "%")));
        assert_eq!(
            ExpectedQuantity::parse(">10..12 %"),
            Err("a range takes no bound prefix".into())
        );
    }
}
