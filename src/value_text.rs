//! Values and numbers as text: the one number formatter ([`number`], [`amount`], [`ordinal`])
//! and the one value-to-text function ([`value_text`]), in each of the three [`Notation`]s the
//! program prints.
//!
//! - [`Notation::Canonical`] is the stable text that claim ids hash and `explain` shows:
//!   `28700000 t`, `>=20000000 t`, `10000000..12000000 t`, `rank 1..3`;
//! - [`Notation::Label`] is the short label under a quoted value in the reports: `2.87e7 t`,
//!   `≥2e7 t`, `1e7–1.2e7 t`, `top 3`;
//! - [`Notation::Reason`] is the wording inside a finding's reason: `28,700,000 t`,
//!   `≥ 20,000,000 t`, `10,000,000–12,000,000 t`, `1st–3rd`.
//!
//! Design: one match per value type, with the notations side by side, so a new value type is
//! written once here and every notation gets it. The text of each notation is part of the
//! output (ids, snapshots), so a change here is a change of behaviour: tests pin each one.
//! Pure functions; no other module formats a claim's value or a quantity's number.

use crate::claim::{Bound, Quantity, Rank, Relation, Value};

/// Which text a value or number is written as (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notation {
    /// Stable text for ids and `explain`: plain digits without binary noise (`28700000`).
    Canonical,
    /// Report labels: six significant digits, scientific from a million up (`2.87e7`).
    Label,
    /// Reasons: thousands separators, at most three decimals (six below one) (`28,700,000`).
    Reason,
}

/// `number` in `notation`: `28700000`, `2.87e7` or `28,700,000`.
pub fn number(number: f64, notation: Notation) -> String {
    match notation {
        Notation::Canonical => crate::extract::format_value(number),
        Notation::Label => short(number),
        Notation::Reason => grouped(number),
    }
}

/// `number` followed by its canonical unit: `28700000 t`, `5%` (`5 %` in canonical text),
/// `1200` (a count has no unit).
pub fn amount(value: f64, unit: &str, notation: Notation) -> String {
    let number = number(value, notation);
    match (unit, notation) {
        ("", _) => number,
        ("%", Notation::Label | Notation::Reason) => format!("{number}%"),
        _ => format!("{number} {unit}"),
    }
}

/// `1st`, `2nd`, `3rd`, `11th`, `21st`.
pub fn ordinal(number: u32) -> String {
    let suffix = match (number % 10, number % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{number}{suffix}")
}

/// The normalised value in `notation` (see the module docs for examples).
pub fn value_text(value: &Value, notation: Notation) -> String {
    match value {
        Value::Quantity(quantity) => quantity_text(quantity, notation),
        Value::Rank(rank) => rank_text(rank, notation),
        Value::Order(order) => {
            let sign = match order.relation {
                Relation::Greater => '>',
                Relation::Less => '<',
            };
            format!("{sign} {}", order.than.id)
        }
        Value::Stance { stance } => stance.clone(),
        Value::Category { label } => label.clone(),
        Value::Statement => "statement".to_owned(),
    }
}

/// A quantity: its bound's sign, then its number (the bound's own side outside canonical text,
/// which gives the central value whatever the bound) and unit; a range as two numbers.
fn quantity_text(quantity: &Quantity, notation: Notation) -> String {
    let amount = |value: f64| amount(value, &quantity.unit, notation);
    let low = quantity.low.unwrap_or(quantity.value);
    let high = quantity.high.unwrap_or(quantity.value);
    let (sign, shown) = match (quantity.bound, notation) {
        (Bound::Range, Notation::Canonical) => return format!("{}..{}", number(low, notation), amount(high)),
        (Bound::Range, Notation::Reason) if quantity.low.is_none() || quantity.high.is_none() => ("", quantity.value),
        (Bound::Range, _) => return format!("{}–{}", number(low, notation), amount(high)),
        (Bound::Exact, _) => ("", quantity.value),
        (Bound::Approximate, Notation::Canonical | Notation::Label) => ("~", quantity.value),
        (Bound::Approximate, Notation::Reason) => ("≈ ", quantity.value),
        (Bound::AtLeast, Notation::Canonical) => (">=", quantity.value),
        (Bound::AtLeast, Notation::Label) => ("≥", low),
        (Bound::AtLeast, Notation::Reason) => ("≥ ", low),
        (Bound::MoreThan, Notation::Canonical) => (">", quantity.value),
        (Bound::MoreThan, Notation::Label) => (">", low),
        (Bound::MoreThan, Notation::Reason) => ("> ", low),
        (Bound::AtMost, Notation::Canonical) => ("<=", quantity.value),
        (Bound::AtMost, Notation::Label) => ("≤", high),
        (Bound::AtMost, Notation::Reason) => ("≤ ", high),
        (Bound::LessThan, Notation::Canonical) => ("<", quantity.value),
        (Bound::LessThan, Notation::Label) => ("<", high),
        (Bound::LessThan, Notation::Reason) => ("< ", high),
    };
    format!("{sign}{}", amount(shown))
}

/// A rank: `rank 2`, then `rank 1..3` (canonical), `top 3` or `rank 2–3` (label), `1st–3rd`
/// (reason).
fn rank_text(rank: &Rank, notation: Notation) -> String {
    let (best, worst) = (rank.best, rank.worst);
    match notation {
        Notation::Reason if best == worst => ordinal(best),
        Notation::Reason => format!("{}–{}", ordinal(best), ordinal(worst)),
        _ if best == worst => format!("rank {best}"),
        Notation::Canonical => format!("rank {best}..{worst}"),
        Notation::Label if best == 1 => format!("top {worst}"),
        Notation::Label => format!("rank {best}–{worst}"),
    }
}

/// A number rounded to six significant digits, in scientific notation from a million up
/// (`2.87e7`), plainly below (`44.5`, `0.05`).
fn short(number: f64) -> String {
    if !number.is_finite() {
        return number.to_string();
    }
    // Rounding through the exponent form drops float noise (28.7 × 10⁶ = 28699999.999999996).
    let rounded: f64 = format!("{number:.5e}").parse().unwrap_or(number);
    let magnitude = rounded.abs();
    if magnitude >= 1e6 || (magnitude != 0.0 && magnitude < 1e-3) {
        format!("{rounded:e}")
    } else {
        rounded.to_string()
    }
}

/// A number with thousands separators and at most three decimals (six below one).
fn grouped(value: f64) -> String {
    if value.is_infinite() {
        return if value > 0.0 {
            "∞".to_owned()
        } else {
            "-∞".to_owned()
        };
    }
    let scale = if value.abs() >= 1.0 { 1e3 } else { 1e6 };
    let rounded = (value * scale).round() / scale;
    let mut grouped = String::with_capacity(24);
    if rounded < 0.0 {
        grouped.push('-');
    }
    let magnitude = rounded.abs();
    // Whole numbers below 2^53 print as their integer digits: group those without formatting a
    // float (most figures are whole).
    if magnitude < 1e15 && magnitude.fract() == 0.0 {
        push_grouped(&mut grouped, &(magnitude as u64).to_string());
        return grouped;
    }
    let text = format!("{magnitude}");
    let (integer, fraction) = text.split_once('.').unwrap_or((&text, ""));
    push_grouped(&mut grouped, integer);
    if !fraction.is_empty() {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

/// Appends the digits of `integer` with a comma before each group of three.
fn push_grouped(grouped: &mut String, integer: &str) {
    for (position, digit) in integer.chars().enumerate() {
        if position > 0 && (integer.len() - position) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Entity, Order, Span};

    #[track_caller]
    fn check_number(number: f64, expected: &str) {
        assert_eq!(short(number), expected, "format_number({number})");
    }

    #[test]
    fn numbers_are_short_and_free_of_float_noise() {
        check_number(28.7 * 1e6, "2.87e7");
        check_number(3_800_000.0, "3.8e6");
        check_number(44.5, "44.5");
        check_number(0.05, "0.05");
        check_number(2900.0, "2900");
        check_number(0.0, "0");
        check_number(0.000_12, "1.2e-4");
    }

    #[test]
    fn numbers_are_grouped_and_rounded() {
        let number = |value: f64| number(value, Notation::Reason);
        assert_eq!(number(28_699_999.999_999_996), "28,700,000");
        assert_eq!(number(0.35), "0.35");
        assert_eq!(number(1234.5), "1,234.5");
        assert_eq!(number(-1000.0), "-1,000");
        assert_eq!(number(12.0), "12");
        assert_eq!(number(-0.000_000_1), "0");
        assert_eq!(number(999_999_999_999_999.0), "999,999,999,999,999");
        assert_eq!(number(1e15), "1,000,000,000,000,000");
        assert_eq!(number(1e21), "1,000,000,000,000,000,000,000");
    }

    fn rank(best: u32, worst: u32) -> Value {
        Value::Rank(Rank {
            best,
            worst,
            text: String::new(),
            span: Span::default(),
        })
    }

    #[test]
    fn ordinals_and_ranks() {
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(value_text(&rank(1, 3), Notation::Reason), "1st–3rd");
    }

    fn quantity(value: f64, low: Option<f64>, high: Option<f64>, unit: &str, bound: Bound) -> Value {
        Value::Quantity(Quantity {
            value,
            low,
            high,
            unit: unit.to_owned(),
            bound,
            text: String::new(),
            span: Span::default(),
        })
    }

    /// Each value in the three notations: canonical, label, reason.
    #[test]
    fn values_in_every_notation() {
        let greater = Value::Order(Order {
            relation: Relation::Greater,
            than: Entity {
                id: "ukraine".to_owned(),
                lexicon: "country".to_owned(),
                text: "Ukraine".to_owned(),
                span: Span::default(),
            },
            text: String::new(),
            span: Span::default(),
        });
        let cases = [
            (
                quantity(28.7 * 1e6, Some(28.7 * 1e6), Some(28.7 * 1e6), "t", Bound::Exact),
                ["28700000 t", "2.87e7 t", "28,700,000 t"],
            ),
            (
                quantity(44e6, Some(39.6e6), Some(48.4e6), "t", Bound::Approximate),
                ["~44000000 t", "~4.4e7 t", "≈ 44,000,000 t"],
            ),
            (
                quantity(20e6, Some(20e6), None, "t", Bound::AtLeast),
                [">=20000000 t", "≥2e7 t", "≥ 20,000,000 t"],
            ),
            (
                quantity(35.0, Some(35.0), None, "%", Bound::MoreThan),
                [">35 %", ">35%", "> 35%"],
            ),
            (
                quantity(5.0, None, Some(5.0), "USD", Bound::AtMost),
                ["<=5 USD", "≤5 USD", "≤ 5 USD"],
            ),
            (
                quantity(1200.0, None, Some(1200.0), "", Bound::LessThan),
                ["<1200", "<1200", "< 1,200"],
            ),
            (
                quantity(11e6, Some(10e6), Some(12e6), "t", Bound::Range),
                ["10000000..12000000 t", "1e7–1.2e7 t", "10,000,000–12,000,000 t"],
            ),
            (
                quantity(11e6, None, Some(12e6), "t", Bound::Range),
                ["11000000..12000000 t", "1.1e7–1.2e7 t", "11,000,000 t"],
            ),
            (rank(2, 2), ["rank 2", "rank 2", "2nd"]),
            (rank(1, 5), ["rank 1..5", "top 5", "1st–5th"]),
            (rank(2, 3), ["rank 2..3", "rank 2–3", "2nd–3rd"]),
            (greater, ["> ukraine", "> ukraine", "> ukraine"]),
            (
                Value::Stance {
                    stance: "self-sufficient".to_owned(),
                },
                ["self-sufficient", "self-sufficient", "self-sufficient"],
            ),
            (
                Value::Category {
                    label: "monopoly".to_owned(),
                },
                ["monopoly", "monopoly", "monopoly"],
            ),
            (Value::Statement, ["statement", "statement", "statement"]),
        ];
        for (value, expected) in cases {
            let actual =
                [Notation::Canonical, Notation::Label, Notation::Reason].map(|notation| value_text(&value, notation));
            assert_eq!(actual, expected, "{value:?}");
        }
    }
}
