//! Numbers in values: how a canonical figure is rounded and written.
//!
//! Two forms, for two readers:
//! - canonical ([`format_value`]): every significant digit a value keeps (12, see
//!   [`round_significant`]), plainly written (`28700000`, `0.00226796`); it goes into claim ids,
//!   `explain` and the example notation, so it must not lose a digit;
//! - short ([`format_short`]): six significant digits, in scientific notation from a million up
//!   (`2.87e7`), for the few characters a report label has.

/// Rounds `value` to 12 significant digits, removing the binary noise of decimal arithmetic
/// (`28.7 * 1e6` → `28700000`).
pub fn round_significant(value: f64) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let magnitude = value.abs().log10().floor() as i32;
    let shift = 11 - magnitude;
    if shift >= 0 {
        let factor = 10_f64.powi(shift);
        if !factor.is_finite() {
            return value;
        }
        (value * factor).round() / factor
    } else {
        let factor = 10_f64.powi(-shift);
        (value / factor).round() * factor
    }
}

/// Prints a canonical value without binary noise: `28700000`, `1200000000`, `0.5`, `-3`.
pub fn format_value(value: f64) -> String {
    let rounded = round_significant(value);
    // `-0` prints as `0`.
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    format!("{rounded}")
}

/// A number rounded to six significant digits, in scientific notation from a million up
/// (`2.87e7`), plainly below (`44.5`, `0.05`).
pub fn format_short(number: f64) -> String {
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
pub fn grouped(value: f64) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_format(value: f64, expected: &str) {
        assert_eq!(format_value(value), expected, "{value:?}");
    }

    #[test]
    fn formatting() {
        check_format(28.7 * 1e6, "28700000");
        check_format(1.2 * 1e9, "1200000000");
        check_format(0.5, "0.5");
        check_format(0.1 + 0.2, "0.3");
        check_format(-0.0, "0");
        check_format(-3.0, "-3");
        check_format(5.0 * 0.000_453_592, "0.00226796");
        check_format(1.2e15, "1200000000000000");
        check_format(33.333_333_333_333_336, "33.3333333333");
    }

    #[track_caller]
    fn check_short(number: f64, expected: &str) {
        assert_eq!(format_short(number), expected, "format_short({number})");
    }

    #[test]
    fn short_numbers_are_free_of_float_noise() {
        check_short(28.7 * 1e6, "2.87e7");
        check_short(3_800_000.0, "3.8e6");
        check_short(44.5, "44.5");
        check_short(0.05, "0.05");
        check_short(2900.0, "2900");
        check_short(0.0, "0");
        check_short(0.000_12, "1.2e-4");
    }

    #[test]
    fn numbers_are_grouped_and_rounded() {
        let number = grouped;
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
    fn ordinals() {
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(103), "103rd");
    }
}
