//! The comparator's view of *when* a claim holds and *who* gives it: its edition.
//!
//! Every check that asks "same time?" or "same source?" goes through [`edition`], the one place
//! that reads a claim's time and source: the claim's effective time (the year its sentence
//! states, else the article's publication year; `scope.year` for claims built without one) and
//! its source (the speaker of its attribution or its stand-in).
//!
//! The policy the checks apply (also a table in `docs/compare-policy.md`):
//!
//! | | same time | different time | unknown time |
//! |---|---|---|---|
//! | same source | conflict (the source contradicts itself) | change (note) | change (note): a revision between editions |
//! | different sources | conflict naming both sources | change (note) | conflict (an undated claim is presumed current) |
//!
//! A figure that its own sentence marks as superseded ("revised down from 22 million tonnes to
//! 3.5 million", "up from 2.1 million the previous year") is a former value: it takes part in
//! no conflict or overlap, and is reported as a change.

use crate::claim::{Claim, TimeBasis};

/// When and by whom a claim is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Edition<'a> {
    /// The speaker or body the claim is attributed to, if any.
    pub(crate) source: Option<&'a str>,
    /// The year the claim holds for, if known.
    pub(crate) time: Option<i32>,
    /// Where `time` comes from.
    pub(crate) basis: Basis,
}

/// Where an edition's time comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Basis {
    /// A year stated in the sentence.
    Stated,
    /// The article's publication year, the sentence stating none.
    Published,
    /// No time known: presumed current.
    Unknown,
}

/// The edition of `claim`: the single place that reads a claim's time and source.
pub(crate) fn edition(claim: &Claim) -> Edition<'_> {
    let (time, basis) = match &claim.time {
        Some(time) => (
            Some(time.year),
            match time.basis {
                TimeBasis::Stated => Basis::Stated,
                TimeBasis::Published => Basis::Published,
            },
        ),
        None => match claim.scope.year {
            Some(year) => (Some(year), Basis::Stated),
            None => (None, Basis::Unknown),
        },
    };
    Edition {
        source: claim.source.as_deref().or_else(|| {
            claim
                .modality
                .attribution
                .as_ref()
                .map(|attribution| attribution.speaker.as_str())
        }),
        time,
        basis,
    }
}

/// Whether two source names are the same source: case and a leading "the" do not matter.
pub(super) fn same_source(left: &str, right: &str) -> bool {
    fn bare(name: &str) -> &str {
        let name = name.trim();
        name.get(..4)
            .filter(|head| head.eq_ignore_ascii_case("the "))
            .map_or(name, |_| name[4..].trim_start())
    }
    bare(left).eq_ignore_ascii_case(bare(right))
}

/// Words that, right before a figure, mark it as the figure before a revision.
const BEFORE: [&str; 3] = ["from", "from about", "from an estimated"];
/// Words that, right after a figure, mark it as a former figure.
const AFTER: [&str; 7] = [
    "the previous year",
    "the year before",
    "a year earlier",
    "a year ago",
    "last year",
    "previously",
    "in the previous edition",
];

/// Whether the sentence of `claim` marks the figure `figure` (its text as written) as a former
/// value: "from 22 million tonnes to 3.5 million", "(up) from 2.1 million the previous year".
/// Returns the words of the sentence that say so.
pub(crate) fn superseded<'a>(claim: &'a Claim, figure: &str) -> Option<&'a str> {
    let sentence = claim.evidence.sentence.as_str();
    let offset = claim
        .evidence
        .span
        .start
        .checked_sub(claim.evidence.sentence_span.start)?;
    let at = sentence.get(offset..)?.find(figure)? + offset;
    let before = sentence[..at].trim_end();
    let after = sentence[at + figure.len()..].trim_start();
    // `get` rather than indexing: the cut may fall inside a letter of another script or an
    // emoji ("| 1 | 🇨🇱 Chile |"), which is simply not the word.
    let ends_with_word = |text: &str, word: &str| {
        let Some(cut) = text.len().checked_sub(word.len()) else {
            return false;
        };
        text.get(cut..).is_some_and(|tail| tail.eq_ignore_ascii_case(word))
            && text[..cut]
                .chars()
                .next_back()
                .is_none_or(|character| !character.is_alphanumeric())
    };
    let starts_with_word = |text: &str, word: &str| {
        text.get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
            && text[word.len()..]
                .chars()
                .next()
                .is_none_or(|character| !character.is_alphanumeric())
    };
    let lowered = before.to_ascii_lowercase();
    let from = BEFORE.iter().any(|word| ends_with_word(before, word))
        && !["ranging from", "range from", "ranges from", "varying from"]
            .iter()
            .any(|words| lowered.ends_with(words));
    if !from {
        return None;
    }
    let to_figure = starts_with_word(after, "to")
        && after[2..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(|character| character.is_ascii_digit() || "$€£¥".contains(character));
    // The figure's unit words may come first: "2.1 million tonnes the previous year".
    let clause = after
        .split([',', ';', '.', ')'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let former = AFTER.iter().any(|words| clause.contains(words));
    let moved = lowered.ends_with("up from") || lowered.ends_with("down from");
    if !(to_figure || former || moved) {
        return None;
    }
    // "revised down from 22 million tonnes to 3.5 million…": two words before the figure, the
    // figure and what follows it up to the end of the clause (at most 48 bytes).
    let start = before.rsplitn(3, ' ').nth(2).map_or(0, |head| head.len() + 1);
    let mut tail = after.find([',', ';']).unwrap_or(after.len());
    if tail > 48 {
        let mut limit = 48;
        while !after.is_char_boundary(limit) {
            limit -= 1;
        }
        tail = after[..limit].rfind(' ').unwrap_or(limit);
    }
    let mut end = (sentence.len() - after.len() + tail).min(sentence.len());
    while !sentence.is_char_boundary(end) {
        end -= 1;
    }
    sentence.get(start..end).map(|words| words.trim_end_matches(['.', ' ']))
}

#[cfg(test)]
mod tests {
    use super::same_source;

    #[test]
    fn sources_ignore_case_and_a_leading_the() {
        assert!(same_source("the USGS", "USGS"));
        assert!(same_source("The Ministry", "the ministry"));
        assert!(!same_source("USGS", "Rosnedra"));
    }
}
