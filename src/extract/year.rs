//! Years: the as-of year a figure is given for.
//!
//! [`year_at`] reads a year (1900–2100) with an optional scope cue in front: "as of 2023",
//! "as at end-2023", "in 2024", "for 2023", "during 2023", "at the end of 2023", "by the end
//! of 2023", "end-2023", "mid-2024", "late 2023", "Q3 2023", "fiscal 2023", "FY2023",
//! "January 2025", "31 December 2023", "Dec. 31, 2023". [`scope_year`] scans a sentence for
//! the first such phrase that sets the as-of year of its figures, including "2023 estimates",
//! "2023 figures" and "(2023)".
//!
//! Decisions:
//! - "since 2020", "from 2020", "after 2020" and "between 2020 and 2023" start a period, they
//!   do not date a figure: [`year_at`] does not read them from their cue (it still reads the
//!   bare year if started on it) and [`scope_year`] skips them;
//! - forward-looking phrases are not scopes: "by 2030", "until 2030", "through 2030", "to
//!   2030", "by the end of 2030", "target for 2030", "2030 goals", "expected in 2030".
//!   [`year_at`] still reads "by the end of 2023" (a deadline can be an as-of date in past
//!   tense), but [`scope_year`] treats every "by" as forward-looking since it cannot tell
//!   the tense;
//! - a bare year is read by [`year_at`] but is no scope for [`scope_year`] unless a data noun
//!   follows it ("2023 estimates") or it stands in parentheses;
//! - a four-digit number followed by a unit or scale ("2023 tonnes"), a `%`, or after a
//!   currency symbol is not a year; a fiscal "2023-24" or "2023/24" reads as its first year.

use super::quantity::unit_or_scale_at;
use super::{is_any, is_dash, is_glued, is_kind, is_word, longest_phrase, month_at, token_span, token_text};
use crate::claim::Span;
use crate::text::token::{Token, TokenKind};

/// What a cue says about the year it introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    /// "as of", "in", "at the end of", a month: the year a figure is given for.
    AsOf,
    /// "by the end of": a deadline or an as-of date, depending on tense.
    ByEnd,
    /// "by", "until": a target in the future.
    Forward,
    /// "since", "from": the start of a period.
    Since,
    /// No cue.
    Bare,
}

/// Words that lead into a year.
const LEADS: &[(&[&str], Cue)] = &[
    (&["as", "of"], Cue::AsOf),
    (&["as", "at"], Cue::AsOf),
    (&["in"], Cue::AsOf),
    (&["for"], Cue::AsOf),
    (&["during"], Cue::AsOf),
    (&["throughout"], Cue::AsOf),
    (&["at"], Cue::AsOf),
    (&["on"], Cue::AsOf),
    (&["by", "the", "end", "of"], Cue::ByEnd),
    (&["by", "end", "of"], Cue::ByEnd),
    (&["by", "end"], Cue::ByEnd),
    (&["by"], Cue::Forward),
    (&["until"], Cue::Forward),
    (&["till"], Cue::Forward),
    (&["through"], Cue::Forward),
    (&["before"], Cue::Forward),
    (&["towards"], Cue::Forward),
    (&["toward"], Cue::Forward),
    (&["to"], Cue::Forward),
    (&["ahead", "of"], Cue::Forward),
    (&["beyond"], Cue::Forward),
    (&["since"], Cue::Since),
    (&["from"], Cue::Since),
    (&["after"], Cue::Since),
    (&["between"], Cue::Since),
];

/// Parts of a year: "the end of", "mid-", "late".
const PERIODS: &[(&[&str], ())] = &[
    (&["the", "end", "of"], ()),
    (&["end", "of"], ()),
    (&["end"], ()),
    (&["year", "end"], ()),
    (&["the", "close", "of"], ()),
    (&["close", "of"], ()),
    (&["the", "start", "of"], ()),
    (&["start", "of"], ()),
    (&["the", "beginning", "of"], ()),
    (&["beginning", "of"], ()),
    (&["the", "middle", "of"], ()),
    (&["middle", "of"], ()),
    (&["mid"], ()),
    (&["early"], ()),
    (&["late"], ()),
    (&["the", "first", "half", "of"], ()),
    (&["the", "second", "half", "of"], ()),
    (&["first", "half", "of"], ()),
    (&["second", "half", "of"], ()),
    (&["the", "first", "quarter", "of"], ()),
    (&["the", "second", "quarter", "of"], ()),
    (&["the", "third", "quarter", "of"], ()),
    (&["the", "fourth", "quarter", "of"], ()),
    (&["the", "year"], ()),
    (&["calendar", "year"], ()),
];

/// Fiscal-year words: "fiscal 2023", "FY2023".
const FISCAL: &[(&[&str], ())] = &[
    (&["fiscal"], ()),
    (&["fiscal", "year"], ()),
    (&["financial", "year"], ()),
    (&["the", "fiscal", "year"], ()),
    (&["the", "financial", "year"], ()),
    (&["FY"], ()),
];

/// Nouns after a bare year that make it an as-of year: "2023 estimates".
const DATA_NOUNS: &[&str] = &[
    "estimate",
    "estimates",
    "figure",
    "figures",
    "data",
    "numbers",
    "statistics",
    "stats",
    "survey",
    "report",
    "levels",
    "level",
    "census",
    "assessment",
    "count",
    "edition",
    "review",
    "yearbook",
    "summary",
    "values",
    "totals",
    "results",
    "prices",
];

/// Words around a year that make it forward-looking: "target for 2030", "2030 goals".
const FORWARD_WORDS: &[&str] = &[
    "target",
    "targets",
    "goal",
    "goals",
    "plan",
    "plans",
    "planned",
    "forecast",
    "forecasts",
    "forecasted",
    "projection",
    "projections",
    "projected",
    "outlook",
    "expected",
    "scheduled",
    "due",
    "aim",
    "aims",
    "ambition",
    "ambitions",
    "deadline",
    "vision",
    "strategy",
    "agenda",
    "set",
    "slated",
    "envisaged",
    "roadmap",
    "pledge",
    "pledges",
];

/// A year phrase: its end, the year and its cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Phrase {
    end: usize,
    year_index: usize,
    year: i32,
    cue: Cue,
}

/// Reads a year from 1900 to 2100 beginning exactly at token `start`, with an optional scope
/// cue ("as of", "in", "for", "at the end of", "by the end of", "end-", a month, "fiscal").
/// Returns the end of the longest match and the year. A cue that starts a period or looks
/// ahead ("since 2020", "by 2030", "until 2030") is not read.
pub fn year_at(text: &str, tokens: &[Token], start: usize) -> Option<(usize, i32)> {
    let phrase = phrase_at(text, tokens, start)?;
    matches!(phrase.cue, Cue::AsOf | Cue::ByEnd | Cue::Bare).then_some((phrase.end, phrase.year))
}

/// Finds the first as-of year phrase in a sentence's `tokens` ("as of 2023", "in 2024",
/// "as of January 2025", "at the end of 2023", "2023 estimates", "(2023)") and returns the
/// year and the span of the phrase. Forward-looking years ("by 2030", "until 2030", "target
/// for 2030") and period starts ("since 2020") are skipped.
pub fn scope_year(text: &str, tokens: &[Token]) -> Option<(i32, Span)> {
    // Every phrase holds a year: without one, no phrase needs looking for at each token.
    if !(0..tokens.len()).any(|index| year_token(text, tokens, index).is_some()) {
        return None;
    }
    let mut index = 0;
    while index < tokens.len() {
        // "(2023)".
        if is_word(text, tokens, index, "(")
            && let Some(year) = year_token(text, tokens, index + 1)
            && is_word(text, tokens, index + 2, ")")
        {
            return Some((year, token_span(tokens, index, index + 3)));
        }
        let Some(phrase) = phrase_at(text, tokens, index) else {
            index += 1;
            continue;
        };
        let forward_context = index
            .checked_sub(1)
            .is_some_and(|previous| is_any(text, tokens, previous, FORWARD_WORDS))
            || is_any(text, tokens, phrase.end, FORWARD_WORDS);
        // "according to 2023 estimates", "from 2023 data": the noun dates the figure.
        if phrase.end == phrase.year_index + 1
            && is_any(text, tokens, phrase.end, DATA_NOUNS)
            && !is_any(text, tokens, phrase.end + 1, FORWARD_WORDS)
            && phrase.cue != Cue::AsOf
        {
            let span = token_span(tokens, phrase.year_index, phrase.end + 1);
            return Some((phrase.year, span));
        }
        match phrase.cue {
            Cue::AsOf if !forward_context => {
                return Some((phrase.year, token_span(tokens, index, phrase.end)));
            }
            Cue::Bare => index += 1,
            Cue::AsOf | Cue::ByEnd | Cue::Forward | Cue::Since => index = phrase.end,
        }
    }
    None
}

/// `[lead] [period [-]] [fiscal] [day month [day] [,]] year [-24]` at `start`.
fn phrase_at(text: &str, tokens: &[Token], start: usize) -> Option<Phrase> {
    let mut index = start;
    let mut cue = Cue::Bare;
    if let Some((end, lead)) = longest_phrase(text, tokens, index, LEADS) {
        index = end;
        cue = lead;
    }
    let mut framed = false;
    if let Some((end, ())) = longest_phrase(text, tokens, index, PERIODS) {
        index = end;
        framed = true;
    } else if quarter_at(text, tokens, index) {
        index += 2;
        framed = true;
    }
    // "end-2023", "mid-2024".
    if (framed || cue == Cue::ByEnd) && is_dash(text, tokens, index) && is_glued(tokens, index + 1) {
        index += 1;
    }
    if let Some((end, ())) = longest_phrase(text, tokens, index, FISCAL) {
        index = end;
        framed = true;
    }
    if let Some(end) = date_at(text, tokens, index) {
        index = end;
        framed = true;
    }
    let year = year_token(text, tokens, index)?;
    let mut end = index + 1;
    // "2023-24", "2023/24".
    if (is_dash(text, tokens, end) || is_word(text, tokens, end, "/"))
        && is_glued(tokens, end)
        && is_glued(tokens, end + 1)
        && token_text(text, tokens, end + 1)
            .is_some_and(|digits| digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit()))
    {
        end += 2;
    }
    if cue == Cue::Bare && framed {
        cue = Cue::AsOf;
    }
    Some(Phrase {
        end,
        year_index: index,
        year,
        cue,
    })
}

/// "Q3" (the tokenizer splits it into `Q`, `3`).
fn quarter_at(text: &str, tokens: &[Token], index: usize) -> bool {
    is_word(text, tokens, index, "Q")
        && is_glued(tokens, index + 1)
        && is_any(text, tokens, index + 1, &["1", "2", "3", "4"])
}

/// A month with an optional day before or after it and an optional comma: "January",
/// "31 December", "Dec. 31,", "January 15th,".
fn date_at(text: &str, tokens: &[Token], index: usize) -> Option<usize> {
    let mut end = if let Some(after_day) = day_at(text, tokens, index) {
        month_at(text, tokens, after_day)?.0
    } else {
        let (after_month, _) = month_at(text, tokens, index)?;
        day_at(text, tokens, after_month).unwrap_or(after_month)
    };
    if is_word(text, tokens, end, ",") {
        end += 1;
    }
    Some(end)
}

/// A day of the month: `1` … `31`, optionally glued to `st`, `nd`, `rd` or `th`.
fn day_at(text: &str, tokens: &[Token], index: usize) -> Option<usize> {
    let token = tokens.get(index).filter(|token| token.kind == TokenKind::Number)?;
    let day: u32 = token.text(text).parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    if is_glued(tokens, index + 1) && is_any(text, tokens, index + 1, &["st", "nd", "rd", "th"]) {
        Some(index + 2)
    } else {
        Some(index + 1)
    }
}

/// A four-digit year from 1900 to 2100 at `index` that is not part of a figure.
fn year_token(text: &str, tokens: &[Token], index: usize) -> Option<i32> {
    let token = tokens.get(index).filter(|token| token.kind == TokenKind::Number)?;
    let digits = token.text(text);
    if digits.len() != 4 {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    if let Some(previous) = index.checked_sub(1)
        && !token.space_before
    {
        let glued_word = is_kind(tokens, previous, TokenKind::Word) && !is_word(text, tokens, previous, "FY");
        if glued_word || is_any(text, tokens, previous, &["$", "£", "€", "¥"]) {
            return None;
        }
    }
    if index > 0 && is_any(text, tokens, index - 1, &["$", "£", "€", "¥"]) {
        return None;
    }
    let glued_word = is_glued(tokens, index + 1) && is_kind(tokens, index + 1, TokenKind::Word);
    if glued_word || unit_or_scale_at(text, tokens, index + 1) {
        return None;
    }
    Some(year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    /// `expected` is `"text | year"`.
    #[track_caller]
    fn check(input: &str, expected: Option<&str>) {
        let tokens = tokenize(input);
        let actual = year_at(input, &tokens, 0)
            .map(|(end, year)| format!("{} | {year}", &input[token_span(&tokens, 0, end).range()]));
        assert_eq!(actual.as_deref(), expected, "year in {input:?}");
    }

    #[test]
    fn years() {
        check("2023", Some("2023 | 2023"));
        check("as of 2023", Some("as of 2023 | 2023"));
        check("As at 2023,", Some("As at 2023 | 2023"));
        check("in 2024", Some("in 2024 | 2024"));
        check("for 2023", Some("for 2023 | 2023"));
        check("during 2023", Some("during 2023 | 2023"));
        check("at the end of 2023", Some("at the end of 2023 | 2023"));
        check("by the end of 2023", Some("by the end of 2023 | 2023"));
        check("end-2023", Some("end-2023 | 2023"));
        check("at end-2023", Some("at end-2023 | 2023"));
        check("as of end-2023", Some("as of end-2023 | 2023"));
        check("mid-2024", Some("mid-2024 | 2024"));
        check("in late 2023", Some("in late 2023 | 2023"));
        check("early 2024", Some("early 2024 | 2024"));
        check("year-end 2023", Some("year-end 2023 | 2023"));
        check("Q3 2023", Some("Q3 2023 | 2023"));
        check("in the first half of 2024", Some("in the first half of 2024 | 2024"));
        check("fiscal 2023", Some("fiscal 2023 | 2023"));
        check("in fiscal year 2023", Some("in fiscal year 2023 | 2023"));
        check("FY2023", Some("FY2023 | 2023"));
        check("January 2025", Some("January 2025 | 2025"));
        check("as of January 2025", Some("as of January 2025 | 2025"));
        check("as of Jan. 2025", Some("as of Jan. 2025 | 2025"));
        check("as of 31 December 2023", Some("as of 31 December 2023 | 2023"));
        check("on Dec. 31, 2023", Some("on Dec. 31, 2023 | 2023"));
        check("as of January 15th, 2025", Some("as of January 15th, 2025 | 2025"));
        check("end-December 2023", Some("end-December 2023 | 2023"));
        check("in 2023-24", Some("in 2023-24 | 2023"));
        check("1900", Some("1900 | 1900"));
        check("2100", Some("2100 | 2100"));
    }

    #[test]
    fn not_years() {
        check("since 2020", None);
        check("from 2020", None);
        check("by 2030", None);
        check("until 2030", None);
        check("1899", None);
        check("2101", None);
        check("2,023", None);
        check("2023 tonnes", None);
        check("2023%", None);
        check("in 2023 million", None);
        check("$2023", None);
        check("in January", None);
        check("as of", None);
        check("1990s", None);
        check("23", None);
        check("in the", None);
    }

    /// `expected` is `"phrase | year"`.
    #[track_caller]
    fn check_scope(input: &str, expected: Option<&str>) {
        let tokens = tokenize(input);
        let actual = scope_year(input, &tokens).map(|(year, span)| format!("{} | {year}", &input[span.range()]));
        assert_eq!(actual.as_deref(), expected, "scope in {input:?}");
    }

    #[test]
    fn scopes() {
        check_scope("Russia held 28.7 million tonnes as of 2023.", Some("as of 2023 | 2023"));
        check_scope("In 2024, China produced 270,000 tonnes.", Some("In 2024 | 2024"));
        check_scope(
            "Reserves stood at 3.8 Mt as of January 2025.",
            Some("as of January 2025 | 2025"),
        );
        check_scope(
            "At the end of 2023, reserves were 10 Mt.",
            Some("At the end of 2023 | 2023"),
        );
        check_scope(
            "According to USGS 2023 estimates, Russia holds 3.8 Mt.",
            Some("2023 estimates | 2023"),
        );
        check_scope("The USGS's 2024 figures put it at 3.8 Mt.", Some("2024 figures | 2024"));
        check_scope("Russia holds 3.8 Mt (2023).", Some("(2023) | 2023"));
        check_scope(
            "Russia aims to produce 10% by 2030, up from 1% in 2023.",
            Some("in 2023 | 2023"),
        );
        check_scope(
            "Output should double by the end of 2030 from 5 Mt in 2024.",
            Some("in 2024 | 2024"),
        );
        check_scope(
            "The target for 2030 is 20 Mt, against 5 Mt in 2023.",
            Some("in 2023 | 2023"),
        );
        check_scope("Russia's 2030 goals call for 20 Mt.", None);
        check_scope("Output has grown since 2020.", None);
        check_scope("Production will rise until 2030.", None);
        check_scope(
            "It has held reserves since 2015 and in 2023 produced 5 Mt.",
            Some("in 2023 | 2023"),
        );
        check_scope("Russia produced 2023 tonnes.", None);
        check_scope("Between 2020 and 2023 output doubled.", None);
        check_scope("Russia holds 28.7 million tonnes.", None);
        check_scope("In fiscal 2023-24 exports rose.", Some("In fiscal 2023-24 | 2023"));
        check_scope(
            "It holds 22 Mt, according to 2023 estimates.",
            Some("2023 estimates | 2023"),
        );
        check_scope(
            "Based on figures from 2023 data releases, it holds 22 Mt.",
            Some("2023 data | 2023"),
        );
        check_scope("Russia's 2030 production targets are high.", None);
    }
}
