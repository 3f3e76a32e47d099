//! Dates: reading publication dates as articles write them, and years relative to them.
//!
//! [`parse`] reads the date forms of metadata and bylines — ISO 8601 (`2025-03-04`,
//! `2025-03-04T10:00:00Z`, `2025/03/04`, `2025-03`, `2025`), "March 3, 2025", "Mar. 3 2025",
//! "3 March 2025", "March 2025" and RFC 2822 (`Tue, 04 Mar 2025 10:00:00 +0000`) — into a
//! [`Date`] of year and optional month and day. [`relative_year`] finds the phrases that name a
//! year by its distance from the publication date ("last year", "the previous year", "at the
//! end of last year", "this year"); the claim builder resolves them against the article's
//! date. [`html_published`] reads `<time datetime>` and JSON-LD `datePublished` from a page
//! whose `<meta>` tags gave no date. Nothing here allocates per token.

use std::fmt;
use std::ops::Range;

use crate::text::token::{Token, TokenKind};

/// A calendar date as precise as its source: a year, a month of a year, or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, 1000–2999.
    pub year: i32,
    /// The month, 1–12, when given.
    pub month: Option<u8>,
    /// The day of the month, when given (only with a month).
    pub day: Option<u8>,
}

impl fmt::Display for Date {
    /// ISO 8601 as precise as the date: `2025`, `2025-03`, `2025-03-04`.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(formatter, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(formatter, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1–12) a word names: a full English name or its first three letters ("Sept" too),
/// any case, with or without a trailing period.
fn month(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|name| *name == lower || (name.starts_with(&lower) && (lower.len() == 3 || lower == "sept")))
        .map(|index| index as u8 + 1)
}

fn year(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|year| (1000..3000).contains(year))
}

fn day(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !["", "st", "nd", "rd", "th"].contains(&suffix.to_ascii_lowercase().as_str()) {
        return None;
    }
    (1..=2)
        .contains(&digits.len())
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|day| (1..=31).contains(day))
}

fn date(year: i32, month: Option<u8>, day: Option<u8>) -> Date {
    Date {
        year,
        month,
        day: month.and(day),
    }
}

/// Reads a date written in one of the forms of the module doc. Leading and trailing text that
/// is not part of the date (a weekday, a time, a zone) is ignored; `None` when no year can be
/// read.
pub fn parse(text: &str) -> Option<Date> {
    let text = text.trim();
    // ISO 8601 and its slashed and compact cousins: 2025-03-04, 2025/03/04, 2025-03, 20250304.
    let bytes = text.as_bytes();
    if bytes.len() >= 4 && bytes[..4].iter().all(u8::is_ascii_digit) {
        let iso_year = year(&text[..4])?;
        let rest = &text[4..];
        let number = |from: &str| -> Option<u8> {
            let digits = from.get(..2)?;
            digits
                .bytes()
                .all(|byte| byte.is_ascii_digit())
                .then(|| digits.parse().ok())?
        };
        let separated = rest.starts_with(['-', '/', '.']);
        let month_text = if separated { &rest[1..] } else { rest };
        let month = number(month_text).filter(|month| (1..=12).contains(month));
        let day = month
            .and_then(|_| {
                let after = month_text.get(2..)?;
                if separated {
                    after.strip_prefix(['-', '/', '.']).and_then(number)
                } else {
                    number(after)
                }
            })
            .filter(|day| (1..=31).contains(day));
        return Some(date(iso_year, month, day));
    }
    // Words: "Tue, 04 Mar 2025 10:00:00 +0000", "March 3, 2025", "3 March 2025", "March 2025".
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .collect();
    let year_at = words.iter().position(|word| year(word).is_some())?;
    let found_year = year(words[year_at])?;
    let before = &words[..year_at];
    let (month, day) = match before {
        [.., first, second] if month(first).is_some() && day(second).is_some() => (month(first), day(second)),
        [.., first, second] if day(first).is_some() && month(second).is_some() => (month(second), day(first)),
        [.., last] if month(last).is_some() => (month(last), None),
        _ => (None, None),
    };
    Some(date(found_year, month, day))
}

/// A year named by its distance from the publication date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelativeYear {
    /// Years after the publication year (-1 for "last year").
    pub offset: i32,
    /// Where the phrase is, in bytes of the text.
    pub span: Range<usize>,
}

/// Relative-year phrases as lowercase words, with their offset from the publication year.
const RELATIVE: &[(&[&str], i32)] = &[
    (&["the", "previous", "year"], -1),
    (&["the", "prior", "year"], -1),
    (&["the", "year", "before"], -1),
    (&["a", "year", "earlier"], -1),
    (&["a", "year", "ago"], -1),
    (&["last", "year"], -1),
    (&["past", "year"], -1),
    (&["this", "year"], 0),
    (&["the", "current", "year"], 0),
    (&["next", "year"], 1),
    (&["two", "years", "ago"], -2),
];

/// The first relative-year phrase in `tokens` ("at the end of last year" reads as "last year").
/// "the past year" is read as last year only with "in"/"during"/"over" left out: "over the past
/// year" is a period ending now, not a year.
pub fn relative_year(text: &str, tokens: &[Token]) -> Option<RelativeYear> {
    for index in 0..tokens.len() {
        let token = tokens[index];
        if token.kind != TokenKind::Word {
            continue;
        }
        for (words, offset) in RELATIVE {
            let end = index + words.len();
            if end > tokens.len()
                || !words
                    .iter()
                    .enumerate()
                    .all(|(at, word)| tokens[index + at].is(text, word))
            {
                continue;
            }
            if words[0] == "past" {
                continue;
            }
            // "the year before the war" names another event's year, not the publication's.
            if words.last() == Some(&"before") && tokens.get(end).is_some_and(|next| next.kind == TokenKind::Word) {
                continue;
            }
            return Some(RelativeYear {
                offset: *offset,
                span: token.start..tokens[end - 1].end,
            });
        }
    }
    None
}

/// The publication date of an HTML page from `<time … datetime="…">` (the first one marked
/// `pubdate` or `itemprop="datePublished"`, else the first) or a JSON-LD `"datePublished"`,
/// as written. For pages whose `<meta>` tags name no date.
pub fn html_published(html: &str) -> Option<String> {
    if let Some(at) = html.find("\"datePublished\"") {
        let rest = html[at + "\"datePublished\"".len()..].trim_start();
        if let Some(rest) = rest.strip_prefix(':') {
            let rest = rest.trim_start();
            if let Some(rest) = rest.strip_prefix('"')
                && let Some(end) = rest.find('"')
                && parse(&rest[..end]).is_some()
            {
                return Some(rest[..end].trim().to_owned());
            }
        }
    }
    let lower = html.to_ascii_lowercase();
    let mut first = None;
    let mut from = 0;
    while let Some(found) = lower[from..].find("<time") {
        let start = from + found;
        let end = lower[start..].find('>').map_or(lower.len(), |end| start + end);
        let tag = &lower[start..end];
        from = end;
        let Some(value) = attribute(&html[start..end], tag, "datetime") else {
            continue;
        };
        if parse(&value).is_none() {
            continue;
        }
        if tag.contains("pubdate") || tag.contains("datepublished") {
            return Some(value);
        }
        first.get_or_insert(value);
    }
    first
}

/// The value of attribute `name` in the tag `original` (with `lower` its lowercase copy).
fn attribute(original: &str, lower: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found + name.len();
        from = at;
        let rest = lower[at..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let value_start = lower.len() - rest.trim_start().len();
        let quote = original[value_start..].chars().next()?;
        let value = if quote == '"' || quote == '\'' {
            let body = &original[value_start + 1..];
            &body[..body.find(quote)?]
        } else {
            let body = &original[value_start..];
            &body[..body.find(|c: char| c.is_whitespace() || c == '>').unwrap_or(body.len())]
        };
        return Some(value.trim().to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    #[track_caller]
    fn check(text: &str, expected: Option<&str>) {
        assert_eq!(
            parse(text).map(|date| date.to_string()).as_deref(),
            expected,
            "{text:?}"
        );
    }

    #[test]
    fn dates_parse_in_the_forms_articles_use() {
        check("2025-03-04", Some("2025-03-04"));
        check("2025-03-04T10:15:00+02:00", Some("2025-03-04"));
        check("2025/3/4", Some("2025"));
        check("2025/03/04", Some("2025-03-04"));
        check("20250304", Some("2025-03-04"));
        check("2025-03", Some("2025-03"));
        check("2025", Some("2025"));
        check("March 3, 2025", Some("2025-03-03"));
        check("Mar. 3 2025", Some("2025-03-03"));
        check("3 March 2025", Some("2025-03-03"));
        check("3rd March, 2025", Some("2025-03-03"));
        check("Sept 30, 2024", Some("2024-09-30"));
        check("March 2025", Some("2025-03"));
        check("Tue, 04 Mar 2025 10:00:00 +0000", Some("2025-03-04"));
        check("2025-13-01", Some("2025"));
        check("yesterday", None);
        check("", None);
        check("May 99, 2025", Some("2025"));
    }

    #[track_caller]
    fn relative(text: &str, expected: Option<(i32, &str)>) {
        let tokens = tokenize(text);
        let found = relative_year(text, &tokens).map(|found| (found.offset, &text[found.span]));
        assert_eq!(found, expected, "{text:?}");
    }

    #[test]
    fn relative_years_name_their_distance_from_publication() {
        relative("Output rose at the end of last year.", Some((-1, "last year")));
        relative(
            "Reserves stood at 5 Mt the previous year.",
            Some((-1, "the previous year")),
        );
        relative("Exports fell this year.", Some((0, "this year")));
        relative("Output rose over the past year.", None);
        relative("The year before the war, exports rose.", None);
        relative("Output rose in 2023.", None);
    }

    #[test]
    fn html_dates_from_time_and_json_ld() {
        assert_eq!(
            html_published(r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2023-05-02T08:00:00Z"}</script>"#)
                .as_deref(),
            Some("2023-05-02T08:00:00Z")
        );
        assert_eq!(
            html_published(r#"<time datetime="2020-01-01">x</time><time class=x pubdate datetime='2024-02-03'>"#)
                .as_deref(),
            Some("2024-02-03")
        );
        assert_eq!(html_published("<time>no date</time>"), None);
    }
}
