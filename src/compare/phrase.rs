//! Wording of reasons: display names, numbers, quantities, ranks, modality qualifiers.
//!
//! Everything here is pure formatting; no check depends on it.

use crate::claim::{Bound, Modality, Quantity};
use crate::finding::{ComparePolicy, Policy};

/// "China's rare earths reserves": subject's object kind, with display names from the policy.
pub(super) fn describe(policy: &Policy, kind: &str, subject: Option<&str>, object: Option<&str>) -> String {
    let kind = kind.replace(['-', '_'], " ");
    let mut words = String::new();
    if let Some(subject) = subject {
        let name = policy.name(subject);
        words.push_str(name);
        // "United States' reserves", "China's reserves".
        words.push_str(if name.ends_with('s') { "' " } else { "'s " });
    }
    if let Some(object) = object {
        words.push_str(policy.name(object));
        words.push(' ');
    }
    words.push_str(&kind);
    words
}

/// "are" for a plural-looking kind ("reserves"), else "is" ("production").
pub(super) fn be(kind: &str) -> &'static str {
    if kind.ends_with('s') && !kind.ends_with("ss") {
        "are"
    } else {
        "is"
    }
}

/// A number with thousands separators and at most three decimals (six below one).
pub(super) fn number(value: f64) -> String {
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

/// A number followed by its canonical unit: `28,700,000 t`, `35%`, `12` (a count).
pub(super) fn amount(value: f64, unit: &str) -> String {
    match unit {
        "" => number(value),
        "%" => format!("{}%", number(value)),
        _ => format!("{} {unit}", number(value)),
    }
}

/// The normalised form of a quantity: `28,700,000 t`, `> 20,000,000 t`, `≈ 10,000,000 t`,
/// `10,000,000–12,000,000 t`.
pub(super) fn quantity(quantity: &Quantity) -> String {
    let unit = quantity.unit.as_str();
    match quantity.bound {
        Bound::Exact => amount(quantity.value, unit),
        Bound::Approximate => format!("≈ {}", amount(quantity.value, unit)),
        Bound::AtLeast => format!("≥ {}", amount(quantity.low.unwrap_or(quantity.value), unit)),
        Bound::MoreThan => format!("> {}", amount(quantity.low.unwrap_or(quantity.value), unit)),
        Bound::AtMost => format!("≤ {}", amount(quantity.high.unwrap_or(quantity.value), unit)),
        Bound::LessThan => format!("< {}", amount(quantity.high.unwrap_or(quantity.value), unit)),
        Bound::Range => match (quantity.low, quantity.high) {
            (Some(low), Some(high)) => format!("{}–{}", number(low), amount(high, unit)),
            _ => amount(quantity.value, unit),
        },
    }
}

/// "within 5%", "within 5% or 1,000 t", "within 1,000 t", or "with no tolerance".
pub(super) fn tolerance(policy: &ComparePolicy, unit: &str) -> String {
    let relative = (policy.relative > 0.0).then(|| format!("{}%", number(policy.relative * 100.0)));
    let absolute = (policy.absolute > 0.0).then(|| amount(policy.absolute, unit));
    match (relative, absolute) {
        (Some(relative), Some(absolute)) => format!("within {relative} or {absolute}"),
        (Some(one), None) | (None, Some(one)) => format!("within {one}"),
        (None, None) => "with no tolerance".to_owned(),
    }
}

/// `1st`, `2nd`, `3rd`, `11th`, `21st`.
pub(super) fn ordinal(number: u32) -> String {
    let suffix = match (number % 10, number % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{number}{suffix}")
}

/// `1st` for an exact rank, `1st–3rd` for an interval.
pub(super) fn rank(best: u32, worst: u32) -> String {
    if best == worst {
        ordinal(best)
    } else {
        format!("{}–{}", ordinal(best), ordinal(worst))
    }
}

/// Who said it or how it was hedged: `attributed to Putin`, `hedged: "could"`.
pub(super) fn qualifier(modality: &Modality) -> Option<String> {
    match (&modality.attribution, &modality.hedge) {
        (Some(attribution), Some(hedge)) => Some(format!(
            "attributed to {}, hedged: \"{}\"",
            attribution.speaker, hedge.text
        )),
        (Some(attribution), None) => Some(format!("attributed to {}", attribution.speaker)),
        (None, Some(hedge)) => Some(format!("hedged: \"{}\"", hedge.text)),
        (None, None) => None,
    }
}

/// `A`, `A and B`, `A, B and C`.
pub(super) fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::{list, number, ordinal, rank};

    #[test]
    fn numbers_are_grouped_and_rounded() {
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

    #[test]
    fn ordinals_and_lists() {
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(rank(1, 3), "1st–3rd");
        assert_eq!(list(&["A".into(), "B".into(), "C".into()]), "A, B and C");
    }
}
