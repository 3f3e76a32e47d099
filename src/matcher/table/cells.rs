//! Reading one cell or header: the header's unit and year, decorations and thousands
//! separators dropped, the cell's quantity (with the header's unit for a bare number) and a
//! figure restated in parentheses.

use super::alternate_after;
use crate::claim::{Quantity, Span};
use crate::extract::quantity;
use crate::text::token::tokenize_into;

/// A year (1900–2100) among a header's words.
pub(super) fn header_year(words: &[String]) -> Option<i32> {
    words
        .iter()
        .filter(|word| word.len() == 4)
        .filter_map(|word| word.parse::<i32>().ok())
        .find(|year| (1900..=2100).contains(year))
}

/// The unit a header gives its column: the words in parentheses ("Reserves (metric tons)"),
/// after the last comma ("2024 production, t"), or a trailing `%` ("Share %").
pub(super) fn header_unit(header: &str) -> Option<&str> {
    let unit = if let (Some(open), Some(close)) = (header.rfind('('), header.rfind(')')) {
        (open < close).then(|| &header[open + 1..close])?
    } else if let Some(comma) = header.rfind(',') {
        &header[comma + 1..]
    } else if header.trim_end().ends_with('%') {
        "%"
    } else {
        return None;
    };
    let unit = unit.trim();
    // "(2024)" is a year, not a unit.
    (!unit.is_empty() && !unit.bytes().all(|byte| byte.is_ascii_digit())).then_some(unit)
}

/// A copy of a cell with decorations dropped and thousands separators of any kind removed
/// ("9 300 000", "9'300'000", "9.300.000" → "9300000"; "[1]", "*", "†" → nothing), for reading.
fn normalised(cell: &str) -> String {
    let characters: Vec<char> = cell.chars().collect();
    let mut out = String::with_capacity(cell.len());
    let mut index = 0;
    // Separators of digit groups: which one this cell uses, once seen.
    while index < characters.len() {
        let character = characters[index];
        if matches!(character, '*' | '†' | '‡' | '§') {
            index += 1;
            continue;
        }
        if character == '[' {
            // A footnote marker: "[1]", "[a]", "[note 2]".
            if let Some(length) = characters[index..].iter().take(12).position(|&c| c == ']') {
                index += length + 1;
                continue;
            }
        }
        let grouped = |separator: char| {
            index > 0
                && characters[index - 1].is_ascii_digit()
                && characters
                    .get(index + 1..index + 4)
                    .is_some_and(|group| group.iter().all(char::is_ascii_digit))
                && !characters.get(index + 4).is_some_and(char::is_ascii_digit)
                && (separator != '.' || characters[index + 4..].contains(&'.') || cell_has_two(&characters, '.'))
        };
        if matches!(
            character,
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’' | '_' | '.'
        ) && grouped(character)
        {
            index += 1;
            continue;
        }
        out.push(character);
        index += 1;
    }
    out
}

/// Whether `separator` occurs twice between digits (so "1.234.567" groups thousands while
/// "9.300" is a decimal).
fn cell_has_two(characters: &[char], separator: char) -> bool {
    characters
        .windows(3)
        .filter(|window| window[1] == separator && window[0].is_ascii_digit() && window[2].is_ascii_digit())
        .count()
        >= 2
}

/// The first quantity in `cell`, with `unit` for a bare number; its text and span are the cell's.
/// `vocabulary` is the rule set's own words for quantities.
pub(super) fn read_quantity(
    cell_text: &str,
    cell: Span,
    unit: Option<&str>,
    vocabulary: &quantity::Vocabulary,
) -> Option<(Quantity, Option<Quantity>)> {
    let clean = normalised(cell_text);
    let mut tokens = Vec::new();
    tokenize_into(&clean, 0..clean.len(), &mut tokens);
    let first = (0..tokens.len())
        .find_map(|start| quantity::quantity_in(&clean, &tokens, start, vocabulary).map(|found| (start, found)));
    let (start, (mut end, mut found)) = match (first, unit) {
        (Some(first), _) => first,
        // A bare "1950" is not read as a figure on its own (it may be a year); under a header
        // with a unit it is one.
        (None, Some(_)) => {
            let start = tokens
                .iter()
                .position(|token| token.kind == crate::text::token::TokenKind::Number)?;
            let bare = Quantity {
                value: 0.0,
                low: None,
                high: None,
                unit: String::new(),
                bound: crate::claim::Bound::Exact,
                text: String::new(),
                span: Span::default(),
                noun: None,
                reading: crate::value::quantity::Reading::default(),
            };
            (start, (start + 1, bare))
        }
        (None, None) => return None,
    };
    if found.unit.is_empty()
        && let Some(unit) = unit
    {
        let written = format!("{} {unit}", &clean[tokens[start].start..tokens[end - 1].end]);
        let mut unit_tokens = Vec::new();
        tokenize_into(&written, 0..written.len(), &mut unit_tokens);
        match quantity::quantity_in(&written, &unit_tokens, 0, vocabulary) {
            Some((_, with_unit)) => found = with_unit,
            None if found.text.is_empty() => return None,
            None => {}
        }
    }
    end = end.min(tokens.len());
    let alternate = alternate_after(&clean, &tokens, tokens[end - 1].end, &found.unit).map(|mut alternate| {
        alternate.span = cell;
        alternate
    });
    found.text = cell_text.to_string();
    found.span = cell;
    Some((found, alternate))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::table::words;

    #[test]
    fn headers_give_units_and_years() {
        assert_eq!(header_unit("Reserves (metric tons)"), Some("metric tons"));
        assert_eq!(header_unit("2024 production, t"), Some("t"));
        assert_eq!(header_unit("Share %"), Some("%"));
        assert_eq!(header_unit("Reserves (2024)"), None);
        assert_eq!(header_unit("Country"), None);
        assert_eq!(header_year(&words("2024 production, t")), Some(2024));
    }

    #[test]
    fn decorations_and_separators_are_dropped_for_reading() {
        assert_eq!(normalised("9 300 000[1]"), "9300000");
        assert_eq!(normalised("9'300'000*"), "9300000");
        assert_eq!(normalised("1.234.567"), "1234567");
        assert_eq!(normalised("9.300"), "9.300");
        assert_eq!(normalised("44,000,000 †"), "44,000,000 ");
        let (quantity, _) = read_quantity(
            "9 300 000[1]",
            Span::new(5, 17),
            Some("t"),
            quantity::Vocabulary::none(),
        )
        .expect("reads");
        assert_eq!(
            (quantity.value, quantity.unit.as_str(), quantity.span),
            (9_300_000.0, "t", Span::new(5, 17))
        );
        assert_eq!(quantity.text, "9 300 000[1]");
        let (share, _) = read_quantity("69", Span::new(0, 2), Some("%"), quantity::Vocabulary::none()).expect("reads");
        assert_eq!(share.unit, "%");
        let (money, alternate) =
            read_quantity("$4.2bn (£3.3bn)", Span::new(0, 16), None, quantity::Vocabulary::none()).expect("reads");
        assert_eq!(money.unit, "USD");
        assert_eq!(alternate.map(|alternate| alternate.unit), Some("GBP".to_string()));
    }

    /// A cell and a header unit are read with the rule set's vocabulary: `MT` is megatonnes
    /// in a pack that says so, the metric ton otherwise.
    #[test]
    fn cells_read_the_vocabulary() {
        let mut vocabulary = quantity::Vocabulary::default();
        vocabulary.add_unit("MT", "Mt").expect("a known unit");
        let read = |cell: &str, unit: Option<&str>, vocabulary: &quantity::Vocabulary| {
            read_quantity(cell, Span::new(0, cell.len()), unit, vocabulary).map(|(quantity, _)| quantity.value)
        };
        assert_eq!(read("1.2 MT", None, &vocabulary), Some(1_200_000.0));
        assert_eq!(read("1.2", Some("MT"), &vocabulary), Some(1_200_000.0));
        assert_eq!(read("1.2 MT", None, quantity::Vocabulary::none()), Some(1.2));
    }
}
