//! The quantity reader against its fixture suite (`tests/fixtures/quantities/cases.tsv`, one
//! case a line: the words read, value, unit, bound and interval, or `-` for text where nothing
//! may be read), and its properties on arbitrary text: no panic, spans on character
//! boundaries, `text[span]` the quoted words.

use crosscheck::claim::{Bound, Quantity};
use crosscheck::extract::quantity_at;
use crosscheck::text::token::tokenize;
use proptest::prelude::*;

const CASES: &str = include_str!("../fixtures/quantities/cases.tsv");

/// The first quantity of `text`, read at the leftmost token where one starts.
fn first_quantity(text: &str) -> Option<Quantity> {
    let tokens = tokenize(text);
    (0..tokens.len()).find_map(|start| quantity_at(text, &tokens, start).map(|(_, quantity)| quantity))
}

/// A bound as the suite writes it: `exact`, `approximate`, `at_least`, ….
fn bound_name(bound: Bound) -> &'static str {
    match bound {
        Bound::Exact => "exact",
        Bound::Approximate => "approximate",
        Bound::AtLeast => "at_least",
        Bound::MoreThan => "more_than",
        Bound::AtMost => "at_most",
        Bound::LessThan => "less_than",
        Bound::Range => "range",
    }
}

fn near(expected: f64, actual: f64) -> bool {
    (expected - actual).abs() <= 1e-9 * expected.abs().max(actual.abs()).max(1e-9)
}

/// `*` is an unbounded end.
fn end_matches(expected: &str, actual: Option<f64>) -> bool {
    match (expected, actual) {
        ("*", None) => true,
        (written, Some(actual)) => written.parse::<f64>().is_ok_and(|expected| near(expected, actual)),
        _ => false,
    }
}

/// What is wrong with the reading of one case, if anything.
fn check(line: &str) -> Option<String> {
    let columns: Vec<&str> = line.split('\t').collect();
    let text = columns[0];
    let found = first_quantity(text);
    if columns.get(1) == Some(&"-") {
        // Nothing may be read anywhere in the text.
        let tokens = tokenize(text);
        let read: Vec<String> = (0..tokens.len())
            .filter_map(|start| quantity_at(text, &tokens, start))
            .map(|(_, quantity)| format!("{:?} as {}", quantity.text, quantity.canonical_text()))
            .collect();
        return (!read.is_empty()).then(|| format!("{text:?}: nothing may be read, read {}", read.join(", ")));
    }
    let [_, surface, value, unit, bound, low, high, noun] = columns[..] else {
        return Some(format!("malformed case {line:?}: want 8 tab-separated columns"));
    };
    let Some(quantity) = found else {
        return Some(format!("{text:?}: expected {surface:?}, read nothing"));
    };
    let expected_noun = (noun != "-").then_some(noun);
    let right = quantity.text == surface
        && value.parse::<f64>().is_ok_and(|value| near(value, quantity.value))
        && quantity.unit == unit
        && bound_name(quantity.bound) == bound
        && end_matches(low, quantity.low)
        && end_matches(high, quantity.high)
        && quantity.noun.as_deref() == expected_noun;
    (!right).then(|| {
        format!(
            "{text:?}: expected {surface:?} {value} {unit:?} {bound} [{low}, {high}] noun {noun}; read {:?} {} {:?} {} [{:?}, {:?}] noun {:?}",
            quantity.text,
            quantity.value,
            quantity.unit,
            bound_name(quantity.bound),
            quantity.low,
            quantity.high,
            quantity.noun
        )
    })
}

#[test]
fn the_fixture_suite_reads_as_expected() {
    let cases: Vec<&str> = CASES
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    assert!(
        cases.len() >= 500,
        "the suite has {} cases, want at least 500",
        cases.len()
    );
    let failures: Vec<String> = cases.iter().filter_map(|line| check(line)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn a_case_that_reads_wrong_fails() {
    // The checker itself: a wrong value, unit, bound, noun or a forbidden reading is caught.
    assert!(check("It grew 5%.\t5%\t5.0\t%\texact\t5.0\t5.0\t-").is_none());
    assert!(check("It grew 5%.\t5%\t6.0\t%\texact\t5.0\t5.0\t-").is_some());
    assert!(check("It grew 5%.\t5%\t5.0\tpp\texact\t5.0\t5.0\t-").is_some());
    assert!(check("It grew 5%.\t5%\t5.0\t%\tapproximate\t5.0\t5.0\t-").is_some());
    assert!(check("It grew 5%.\t5%\t5.0\t%\texact\t5.0\t*\t-").is_some());
    assert!(check("It has 100,000 people.\t100,000\t100000.0\t\texact\t100000.0\t100000.0\tvehicles").is_some());
    assert!(check("It grew 5%.\t-").is_some());
}

/// Pieces of news copy, glued or spaced at random into text that hits the reader's edges.
const PIECES: &[&str] = &[
    "5",
    "28.7",
    "1,234",
    "640",
    "000",
    ".",
    "-",
    "−",
    "+",
    "/",
    "½",
    "e",
    "E",
    "6",
    "$",
    "£",
    "€",
    "HK",
    "US",
    "hk",
    "RM",
    "Rs",
    "million",
    "m",
    "bn",
    "k",
    "t",
    "kt",
    "MT",
    "Mt",
    "pounds",
    "of",
    "a",
    "an",
    "per",
    "barrel",
    "day",
    "year",
    "ago",
    "%",
    "per cent",
    "between",
    "and",
    "to",
    "from",
    "more than",
    "about",
    "down",
    "minus",
    "two",
    "thirds",
    "half",
    "one",
    "over",
    "three",
    "people",
    "km",
    "²",
    "sq",
    "mph",
    "winds",
    "cost",
    "Boeing",
    "2021",
    "04",
    "07T09",
    ":",
    "15",
    "Россия",
    "ü",
    "’s",
    "(",
    ")",
    "or more",
    "1/2",
    "2 1/2",
    "cents",
    "p",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn spans_quote_the_words_read(parts in proptest::collection::vec((0..PIECES.len(), any::<bool>()), 1..14)) {
        let mut text = String::new();
        for (piece, spaced) in parts {
            if spaced && !text.is_empty() {
                text.push(' ');
            }
            text.push_str(PIECES[piece]);
        }
        let tokens = tokenize(&text);
        for start in 0..=tokens.len() {
            if let Some((end, quantity)) = quantity_at(&text, &tokens, start) {
                prop_assert!(end > start && end <= tokens.len(), "end {end} for start {start} in {text:?}");
                prop_assert!(text.is_char_boundary(quantity.span.start) && text.is_char_boundary(quantity.span.end));
                prop_assert_eq!(&text[quantity.span.range()], quantity.text.as_str());
                prop_assert_eq!(quantity.span.start, tokens[start].start);
                prop_assert_eq!(quantity.span.end, tokens[end - 1].end);
                prop_assert!(quantity.value.is_finite(), "{:?} in {:?}", quantity, text);
            }
        }
    }
}

const RULES: &str = "tests/fixtures/quantities/rules";

#[test]
fn rules_require_a_dimension_or_a_counted_noun() {
    let run = crate::crosscheck(&["test", "--rules", RULES, "--color", "never"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let run = crate::crosscheck(&[
        "explain",
        "--rules",
        RULES,
        "--color",
        "never",
        "--text",
        "Harbour City evacuated 100,000 vehicles. Harbour City evacuated 3,000 people.",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Vehicles are not people: only the second sentence makes a claim.
    assert_eq!(run.stdout.matches("  match evacuated:").count(), 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("reading: \"3,000\" → 3000 (count of people)"),
        "{}",
        run.stdout
    );
}

#[test]
fn explain_shows_how_an_ambiguous_unit_was_read() {
    for (text, reading) in [
        (
            "Harbour City recorded winds of 40 kt.",
            "reading: \"40 kt\" → 74.08 km/h (speed); `kt` read as knots: the sentence speaks of speed or wind",
        ),
        (
            "North Field sold its ore at $100 a tonne.",
            "reading: \"$100 a tonne\" → 100 USD/t (rate)",
        ),
    ] {
        let run = crate::crosscheck(&["explain", "--rules", RULES, "--color", "never", "--text", text]);
        assert!(run.stdout.contains(reading), "{text:?}:\n{}", run.stdout);
    }
}

#[test]
fn a_count_noun_must_be_lower_case_letters() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let rules = std::fs::read_to_string(crate::root().join(RULES).join("quantities.toml"))
        .expect("the fixture rules read")
        .replace("count: people", "count: People 2");
    std::fs::write(dir.path().join("rules.toml"), rules).expect("rules written");
    let run = crate::crosscheck(&[
        "check",
        "--rules",
        &dir.path().display().to_string(),
        "--color",
        "never",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("unknown count noun in `count: People 2`") && run.stderr.contains("rules.toml:11:"),
        "{}",
        run.stderr
    );
}

#[test]
fn no_start_reads_the_tail_of_a_figure() {
    // Wherever a slot starts, the sign, the leading point, the grouped thousands, the country
    // of a dollar and a year are never dropped from the figure they belong to.
    for (text, wrong) in [
        ("Growth was -2.4% in the quarter.", "2.4 %"),
        ("Inflation was −0.8% in May.", "0.8 %"),
        ("Rates rose .002 per cent.", "2 %"),
        ("The budget was 20 000 dollars.", "0 USD"),
        ("The budget was 20 000 dollars.", "20"),
        ("The hk $5bn deal closed.", "5000000000 USD"),
        ("The HK$5bn deal closed.", "5000000000 USD"),
        ("An A$3bn plan.", "3000000000 USD"),
        ("Sales rose from 2017 to 4.1 million units.", "2017..4100000"),
        ("Winds of 480 kt were recorded.", "480000 t"),
        ("The release is dated 2021-04-07T09:15.", "7 t"),
        ("The release is dated 2021-04-07T09:15.", "7000 t"),
    ] {
        let tokens = tokenize(text);
        for start in 0..tokens.len() {
            if let Some((_, quantity)) = quantity_at(text, &tokens, start) {
                assert_ne!(quantity.canonical_text(), wrong, "{text:?} read at token {start}");
            }
        }
    }
}
