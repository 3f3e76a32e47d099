//! Ranks: "the world's largest", "second-largest", "one of the biggest", "in the top three".
//!
//! [`rank_at`] returns a [`Rank`], the interval of positions the words allow:
//! - a definite superlative is first: "the largest", "the world's biggest", "world's largest",
//!   "the leading", "the top", "the most" (1..1);
//! - an ordinal before a superlative, or a rank label, is that position: "second-largest",
//!   "the world's 2nd-largest", "third biggest", "the second most abundant", "No. 2",
//!   "number two", "ranks third", "ranked No. 1" (n..n);
//! - a partitive or indefinite superlative is somewhere in the top `top_k` (the caller's
//!   setting): "one of the largest", "some of the world's biggest", "among the largest",
//!   "a leading", "a world-leading", "one of the top" (`1..top_k`);
//! - an explicit top list is 1..k: "among the top five", "in the top three", "top-three",
//!   "the top 10", "the five largest", "one of the three biggest".
//!
//! - a rank within a region or group is read with its scope ([`Rank::within`]): a possessive
//!   other than the world's ("Asia's largest", "South Korea's top", "Europe's second-biggest",
//!   "the region's biggest", "one of Chile's biggest"), or a counted group after the
//!   superlative ("the biggest of the 27 member states", "the largest among the five Nordic
//!   countries"). A superlative right after such a possessive is never read on its own as a
//!   world rank ("Asia's largest" read from "largest").
//! - news phrasings of a position: "second only to", "trails only Australia" (one name ahead:
//!   second; "trails only Australia and Chile": third), "in first place", "sixth spot", "in
//!   third position", "a clear second", "a distant third", "runner-up".
//!
//! Decisions: the superlatives are largest, biggest, greatest, richest, highest, foremost
//! (read even without a determiner, as in headlines), and top, leading, most (which need
//! "the", "a" or "the world's": "top officials", "leading to" and "most analysts" are not
//! ranks). "dominant" is not a rank: it claims a share, which the dominance rules read.
//! "the most" is a rank only before a noun or a size adjective ("the most reserves", "the most
//! abundant"); before other adjectives and adverbs ("the most recent", "the most heavily")
//! it is not. "the largest … in the world" is left to rule patterns.

use super::number::{numeral_at, ordinal_at};
use std::ops::Range;

use super::Vocabulary;
use super::{is_any, is_glued, is_kind, is_word, longest_phrase, token_span, token_text};
use crate::claim::Rank;
use crate::text::token::{Token, TokenKind};

/// Superlatives that make a rank on their own.
const STRONG: &[&str] = &["largest", "biggest", "greatest", "richest", "highest", "foremost"];

/// Superlatives that need a determiner.
const WEAK: &[&str] = &["top", "leading"];

/// Size adjectives that "the most" takes as part of the rank ("the most abundant").
const SIZE_ADJECTIVES: &[&str] = &[
    "abundant",
    "extensive",
    "plentiful",
    "prolific",
    "productive",
    "substantial",
    "significant",
    "sizeable",
    "sizable",
    "massive",
    "vast",
];

/// Words after "most" that show it is not a rank ("the most recent").
const NOT_AFTER_MOST: &[&str] = &[
    "recent",
    "likely",
    "common",
    "popular",
    "important",
    "powerful",
    "advanced",
    "critical",
    "strategic",
    "vulnerable",
    "dependent",
    "reliant",
    "exposed",
    "dangerous",
    "expensive",
    "valuable",
    "urgent",
    "pressing",
    "difficult",
    "serious",
    "part",
    "of",
    "notable",
    "prominent",
    "influential",
    "sensitive",
    "severe",
    "acute",
    "obvious",
    "recently",
    "often",
];

/// Word endings of adjectives and adverbs after "most" ("the most heavily").
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ly", "ous", "ive", "ic", "ical", "ed", "ing", "able", "ible", "ful", "ent", "ant",
];

/// Whether `word` ends with `suffix`, ignoring ASCII case.
fn ends_with_ignore_case(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.is_char_boundary(word.len() - suffix.len())
        && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Phrases after which a superlative means "somewhere in the top".
const PARTITIVES: &[(&[&str], ())] = &[
    (&["one", "of"], ()),
    (&["some", "of"], ()),
    (&["several", "of"], ()),
    (&["many", "of"], ()),
    (&["a", "few", "of"], ()),
    (&["two", "of"], ()),
    (&["three", "of"], ()),
    (&["among"], ()),
    (&["amongst"], ()),
];

/// Verbs introducing a position: "ranks third".
const RANK_VERBS: &[&str] = &["rank", "ranks", "ranked", "ranking"];

/// What the core of a rank phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Core {
    /// A superlative word.
    Superlative(Strength),
    /// An explicit top list: "top five", "the five largest".
    Top(u32),
    /// A position: "second-largest", "No. 2".
    Position(u32),
}

/// Whether a superlative needs a determiner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Strength {
    /// "largest": a rank on its own.
    Strong,
    /// "top", "leading": needs "the" or "a".
    Weak,
    /// "most": needs "the".
    Most,
}

/// Reads a rank phrase beginning exactly at token `start`; `top_k` is the worst position
/// that "one of the largest" allows. Returns the end of the longest match and the [`Rank`],
/// whose text and span cover the whole phrase ("one of the world's largest").
///
/// `vocabulary` adds the rule pack's own rank phrases (`[vocabulary] ranks`); where one of them
/// and a built-in phrase both start at `start`, the longer wins, the pack's on a tie.
pub fn rank_at(
    text: &str,
    tokens: &[Token],
    start: usize,
    top_k: u32,
    vocabulary: &Vocabulary,
) -> Option<(usize, Rank)> {
    let built_in = phrase_at(text, tokens, start, top_k.max(1));
    let pack = vocabulary
        .rank_at(text, tokens, start)
        .map(|(end, best, worst)| Phrase::new(end, best, worst, None));
    let Phrase {
        end,
        best,
        worst,
        within,
    } = match (built_in, pack) {
        (Some(built_in), Some(pack)) if built_in.end > pack.end => built_in,
        (_, Some(pack)) => pack,
        (built_in, None) => built_in?,
    };
    let span = token_span(tokens, start, end);
    let within = within.map(|scope| scope_id(text, tokens, scope));
    let rank = Rank {
        within,
        ..Rank::new(best, worst, text[span.range()].to_string(), span)
    };
    Some((end, rank))
}

/// The scope's words as the rank's provisional `within` (lower case, without "the"); the
/// matcher replaces it with a lexicon id when a lexicon names those words.
fn scope_id(text: &str, tokens: &[Token], scope: Range<usize>) -> String {
    let mut start = scope.start;
    if is_word(text, tokens, start, "the") && start + 1 < scope.end {
        start += 1;
    }
    text[token_span(tokens, start, scope.end).range()].to_lowercase()
}

/// A rank phrase read: its end, its interval and the tokens of its scope (none: the world).
struct Phrase {
    end: usize,
    best: u32,
    worst: u32,
    within: Option<Range<usize>>,
}

impl Phrase {
    fn new(end: usize, best: u32, worst: u32, within: Option<Range<usize>>) -> Phrase {
        Phrase {
            end,
            best,
            worst,
            within,
        }
    }
}

/// The rank phrase at `start`.
fn phrase_at(text: &str, tokens: &[Token], start: usize, top_k: u32) -> Option<Phrase> {
    if is_any(text, tokens, start, RANK_VERBS) {
        let mut index = start + 1;
        if is_any(text, tokens, index, &["as", "at"]) {
            index += 1;
        }
        if let Some(found) = news_position_at(text, tokens, index) {
            return Some(found);
        }
        if let Some((end, position)) = ordinal_at(text, tokens, index) {
            let end = superlative_at(text, tokens, end).map_or(end, |(end, _)| end);
            return Some(Phrase::new(end, position, position, None));
        }
        if is_any(text, tokens, index, RANK_VERBS) {
            return None;
        }
        return phrase_at(text, tokens, index, top_k);
    }
    if let Some(found) = news_position_at(text, tokens, start) {
        return Some(found);
    }
    if let Some((after, ())) = longest_phrase(text, tokens, start, PARTITIVES) {
        let (end, core, _, within) = core_at(text, tokens, after)?;
        return match core {
            Core::Superlative(_) => Some(Phrase::new(end, 1, top_k, within)),
            Core::Top(count) => Some(Phrase::new(end, 1, count, within)),
            Core::Position(_) => None,
        };
    }
    if is_any(text, tokens, start, &["in", "within"]) {
        let (end, core, _, within) = core_at(text, tokens, start + 1)?;
        return match core {
            Core::Top(count) => Some(Phrase::new(end, 1, count, within)),
            _ => None,
        };
    }
    if is_any(text, tokens, start, &["a", "an"]) {
        if is_word(text, tokens, start + 1, "the") {
            return None;
        }
        let (end, core, _, within) = core_at(text, tokens, start + 1)?;
        return match core {
            Core::Superlative(Strength::Weak) => Some(Phrase::new(end, 1, top_k, within)),
            Core::Top(count) => Some(Phrase::new(end, 1, count, within)),
            _ => None,
        };
    }
    if after_scope(text, tokens, start) {
        // "largest" in "Asia's largest": the rank is the whole phrase, read from "Asia".
        return None;
    }
    let (end, core, determined, within) = core_at(text, tokens, start)?;
    match core {
        Core::Superlative(Strength::Strong) => Some(Phrase::new(end, 1, 1, within)),
        Core::Superlative(_) if determined => Some(Phrase::new(end, 1, 1, within)),
        Core::Superlative(_) => None,
        Core::Top(count) => Some(Phrase::new(end, 1, count, within)),
        Core::Position(position) => Some(Phrase::new(end, position, position, within)),
    }
}

/// Words for "the world" before a possessive.
const WORLD: &[&str] = &["world", "globe", "planet", "earth"];

/// Whether token `start` follows a possessive other than the world's ("Asia's", "the
/// bloc's"), which belongs to the rank phrase.
fn after_scope(text: &str, tokens: &[Token], start: usize) -> bool {
    start >= 2 && is_kind(tokens, start - 1, TokenKind::Possessive) && !is_any(text, tokens, start - 2, WORLD)
}

/// The scope of a possessive at `index`: up to three capitalised words ("Asia's", "South
/// Korea's", "the EU's"), or one lower-case word after "the" ("the region's", "the bloc's"),
/// never the world's. Returns the token after the possessive and the scope's words.
fn possessive_scope_at(text: &str, tokens: &[Token], index: usize, determined: bool) -> Option<(usize, Range<usize>)> {
    let capitalised = |at: usize| {
        is_kind(tokens, at, TokenKind::Word)
            && token_text(text, tokens, at).is_some_and(|word| word.starts_with(|c: char| c.is_uppercase()))
    };
    let mut end = index;
    while end < index + 3 && capitalised(end) {
        end += 1;
    }
    if end == index && determined && is_kind(tokens, index, TokenKind::Word) {
        end = index + 1;
    }
    if end == index || !is_kind(tokens, end, TokenKind::Possessive) || is_any(text, tokens, index, WORLD) {
        return None;
    }
    Some((end + 1, index..end))
}

/// Words that end a counted group after a superlative ("of the 27 member states by output").
const GROUP_STOPS: &[&str] = &[
    "by", "in", "for", "with", "and", "or", "of", "to", "at", "on", "as", "that", "which", "who", "is", "are", "was",
    "were", "has", "have", "had", "after", "behind", "since", "from",
];

/// A counted group after a superlative: "of the 27 member states", "among the five Nordic
/// countries", "of the three". Returns its end and the group's words (the count and up to
/// three words after it).
fn group_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, Range<usize>)> {
    if !is_any(text, tokens, index, &["of", "among", "amongst"]) || !is_word(text, tokens, index + 1, "the") {
        return None;
    }
    let (mut end, _) = count_at(text, tokens, index + 2)?;
    let limit = end + 3;
    while end < limit && is_kind(tokens, end, TokenKind::Word) && !is_any(text, tokens, end, GROUP_STOPS) {
        end += 1;
    }
    Some((end, index + 2..end))
}

/// A counted group right after a rank claim's noun ("the biggest truck maker of the 27 member
/// states"): the scope's words as [`Rank::within`] writes them, for the matcher to read after
/// a match.
pub fn group_after(text: &str, tokens: &[Token], index: usize) -> Option<String> {
    let (_, group) = group_at(text, tokens, index)?;
    Some(scope_id(text, tokens, group))
}

/// Adjectives of a placing: "a clear second", "a distant third".
const PLACING_ADJECTIVES: &[&str] = &[
    "clear",
    "distant",
    "close",
    "strong",
    "solid",
    "comfortable",
    "respectable",
    "narrow",
];

/// Verbs of "trails only Australia": the subject is behind the names that follow, and no other.
const TRAILS: &[&str] = &["trails", "trail", "trailed", "trailing", "behind"];

/// How news writes a position without a superlative: "second only to", "trails only
/// Australia", "trails only Australia and Chile" (third), "in first place", "sixth spot", "in
/// third position", "a clear second", "a distant third", "runner-up".
fn news_position_at(text: &str, tokens: &[Token], start: usize) -> Option<Phrase> {
    // "runner-up", "runner up".
    if is_word(text, tokens, start, "runner") && is_word(text, tokens, start + 1, "up") {
        return Some(Phrase::new(start + 2, 2, 2, None));
    }
    // "trails only Australia and Chile": one more than the names ahead.
    if is_any(text, tokens, start, TRAILS) && is_word(text, tokens, start + 1, "only") {
        let (end, names) = names_at(text, tokens, start + 2)?;
        let position = names + 1;
        return Some(Phrase::new(end, position, position, None));
    }
    // "a clear second", "a distant third".
    if is_any(text, tokens, start, &["a", "an"])
        && is_any(text, tokens, start + 1, PLACING_ADJECTIVES)
        && let Some((end, position)) = ordinal_at(text, tokens, start + 2)
    {
        return Some(Phrase::new(end, position, position, None));
    }
    // "in first place", "in sixth spot", "in third position", "sixth spot", "first place".
    let mut index = start;
    let located = is_any(text, tokens, index, &["in", "at"]);
    if located {
        index += 1;
    }
    if is_word(text, tokens, index, "the") {
        index += 1;
    }
    let (after, position) = ordinal_at(text, tokens, index)?;
    // "second only to".
    if is_word(text, tokens, after, "only") && is_word(text, tokens, after + 1, "to") {
        return Some(Phrase::new(after + 2, position, position, None));
    }
    let place =
        is_any(text, tokens, after, &["place", "spot"]) || (located && is_any(text, tokens, after, &["position"]));
    if !place {
        return None;
    }
    Some(Phrase::new(after + 1, position, position, None))
}

/// Names after "trails only": capitalised words, each name optionally after "the", joined by
/// commas and "and" ("Australia", "the United States and Chile"). Returns the end and how many
/// names there are.
fn names_at(text: &str, tokens: &[Token], start: usize) -> Option<(usize, u32)> {
    let capitalised = |at: usize| {
        is_kind(tokens, at, TokenKind::Word)
            && token_text(text, tokens, at).is_some_and(|word| word.starts_with(|c: char| c.is_uppercase()))
    };
    let mut index = start;
    let mut names = 0;
    let mut end = None;
    loop {
        if is_word(text, tokens, index, "the") {
            index += 1;
        }
        if !capitalised(index) {
            break;
        }
        while capitalised(index) {
            index += 1;
        }
        names += 1;
        end = Some(index);
        if is_word(text, tokens, index, ",") && is_word(text, tokens, index + 1, "and") {
            index += 2;
        } else if is_any(text, tokens, index, &[",", "and"]) {
            index += 1;
        } else {
            break;
        }
    }
    Some((end?, names))
}

/// The core of a rank phrase, after any partitive: `[the] [world's | scope's] (count
/// superlative | top count | ordinal superlative | label | superlative) [counted group]`.
/// Returns whether a determiner ("the", "the world's", "Asia's") was read, and the scope's
/// tokens (a possessive other than the world's, or a counted group after the core).
fn core_at(text: &str, tokens: &[Token], start: usize) -> Option<(usize, Core, bool, Option<Range<usize>>)> {
    let (end, core, determined, possessive) = bare_core_at(text, tokens, start)?;
    if let Some((end, group)) = group_at(text, tokens, end) {
        return Some((end, core, determined, Some(group)));
    }
    Some((end, core, determined, possessive))
}

/// [`core_at`] without a counted group after it.
fn bare_core_at(text: &str, tokens: &[Token], start: usize) -> Option<(usize, Core, bool, Option<Range<usize>>)> {
    let mut index = start;
    let mut determined = false;
    let mut within = None;
    if is_word(text, tokens, index, "the") {
        index += 1;
        determined = true;
    }
    if is_any(text, tokens, index, WORLD) && is_kind(tokens, index + 1, TokenKind::Possessive) {
        index += 2;
        determined = true;
    } else if let Some((after, scope)) = possessive_scope_at(text, tokens, index, determined) {
        let scope = if determined { scope.start - 1..scope.end } else { scope };
        index = after;
        determined = true;
        within = Some(scope);
    }
    // "the five largest".
    if let Some((end, count)) = count_at(text, tokens, index)
        && let Some((end, _)) = superlative_at(text, tokens, end)
    {
        return Some((end, Core::Top(count), determined, within));
    }
    // "top five", "top-three", "the top 10 largest".
    if is_word(text, tokens, index, "top")
        && let Some((end, count)) = count_at(text, tokens, index + 1)
    {
        let end = superlative_at(text, tokens, end).map_or(end, |(end, _)| end);
        return Some((end, Core::Top(count), determined, within));
    }
    // "second-largest", "2nd biggest", "second most abundant".
    if let Some((end, position)) = ordinal_at(text, tokens, index) {
        let (end, _) = superlative_at(text, tokens, end)?;
        return Some((end, Core::Position(position), determined, within));
    }
    if let Some((end, position)) = label_at(text, tokens, index) {
        return Some((end, Core::Position(position), determined, within));
    }
    let (end, strength) = superlative_at(text, tokens, index)?;
    Some((end, Core::Superlative(strength), determined, within))
}

/// A superlative at `index`: "largest", "single largest", "world-leading", "top" (not "top
/// of"), "most" with an optional size adjective.
fn superlative_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, Strength)> {
    let mut index = index;
    if is_word(text, tokens, index, "single") && is_any(text, tokens, index + 1, STRONG) {
        index += 1;
    }
    // "world-leading" (the hyphen is dropped by the tokenizer).
    if is_word(text, tokens, index, "world") && is_glued(tokens, index + 1) && is_any(text, tokens, index + 1, WEAK) {
        index += 1;
    }
    if is_any(text, tokens, index, STRONG) {
        return Some((index + 1, Strength::Strong));
    }
    if is_any(text, tokens, index, WEAK) {
        if is_word(text, tokens, index + 1, "of") {
            return None;
        }
        return Some((index + 1, Strength::Weak));
    }
    if is_word(text, tokens, index, "most") {
        // "the most of any country".
        if is_word(text, tokens, index + 1, "of") && is_word(text, tokens, index + 2, "any") {
            return Some((index + 1, Strength::Most));
        }
        if is_any(text, tokens, index + 1, SIZE_ADJECTIVES) {
            return Some((index + 2, Strength::Most));
        }
        let next = token_text(text, tokens, index + 1).unwrap_or("");
        let not_a_rank = is_any(text, tokens, index + 1, NOT_AFTER_MOST)
            || ADJECTIVE_ENDINGS
                .iter()
                .any(|suffix| ends_with_ignore_case(next, suffix));
        let is_word_next = is_kind(tokens, index + 1, TokenKind::Word);
        return (is_word_next && !not_a_rank).then_some((index + 1, Strength::Most));
    }
    None
}

/// A count from 1 to 100 in digits or words ("five", "10"), for "top five".
fn count_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, u32)> {
    let (end, numeral) = numeral_at(text, tokens, index)?;
    let value = numeral.value;
    if value.fract() != 0.0 || !(1.0..=100.0).contains(&value) || numeral.year_like {
        return None;
    }
    Some((end, value as u32))
}

/// A rank label: "No. 2", "No 2", "No.1", "number two", "#1".
fn label_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, u32)> {
    let label = tokens
        .get(index)
        .is_some_and(|token| matches!(token.text(text), "No" | "NO" | "Nos"))
        || is_any(text, tokens, index, &["number", "#"]);
    if !label {
        return None;
    }
    let mut after = index + 1;
    if is_word(text, tokens, after, ".") && !is_word(text, tokens, index, "number") {
        after += 1;
    }
    count_at(text, tokens, after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    /// `expected` is `"text | best..worst"` with a top-k of 10.
    #[track_caller]
    fn check(input: &str, expected: Option<&str>) {
        let tokens = tokenize(input);
        let actual = rank_at(input, &tokens, 0, 10, Vocabulary::none()).map(|(end, rank)| {
            assert_eq!(&input[rank.span.range()], rank.text, "span of {input:?}");
            assert_eq!(rank.span.end, tokens[end - 1].end, "end of {input:?}");
            match &rank.within {
                Some(within) => format!("{} | {}..{} within {within}", rank.text, rank.best, rank.worst),
                None => format!("{} | {}..{}", rank.text, rank.best, rank.worst),
            }
        });
        assert_eq!(actual.as_deref(), expected, "rank in {input:?}");
    }

    #[test]
    fn superlatives() {
        check("the largest reserves", Some("the largest | 1..1"));
        check("the world's biggest producer", Some("the world's biggest | 1..1"));
        check("the world’s biggest producer", Some("the world’s biggest | 1..1"));
        check("the globe's largest", Some("the globe's largest | 1..1"));
        check("the planet's richest deposits", Some("the planet's richest | 1..1"));
        check("world's largest holder", Some("world's largest | 1..1"));
        check("largest producer", Some("largest | 1..1"));
        check("the greatest", Some("the greatest | 1..1"));
        check("the highest reserves", Some("the highest | 1..1"));
        check("the foremost supplier", Some("the foremost | 1..1"));
        check("the single largest", Some("the single largest | 1..1"));
        check("the leading producer", Some("the leading | 1..1"));
        check("the top producer", Some("the top | 1..1"));
        check("the world's top supplier", Some("the world's top | 1..1"));
        check("the world's leading", Some("the world's leading | 1..1"));
        check("the most reserves", Some("the most | 1..1"));
        check("the most abundant reserves", Some("the most abundant | 1..1"));
        check("the most of any country", Some("the most | 1..1"));
        check("The Largest", Some("The Largest | 1..1"));
    }

    #[test]
    fn positions() {
        check("second-largest", Some("second-largest | 2..2"));
        check("the second-largest", Some("the second-largest | 2..2"));
        check("the second largest", Some("the second largest | 2..2"));
        check("the world's second-biggest", Some("the world's second-biggest | 2..2"));
        check("the world’s 2nd-largest", Some("the world’s 2nd-largest | 2..2"));
        check("third biggest", Some("third biggest | 3..3"));
        check("the third-highest", Some("the third-highest | 3..3"));
        check("the second most abundant", Some("the second most abundant | 2..2"));
        check("No. 2 producer", Some("No. 2 | 2..2"));
        check("No.1 supplier", Some("No.1 | 1..1"));
        check("the No. 1 producer", Some("the No. 1 | 1..1"));
        check("number two", Some("number two | 2..2"));
        check("the number one supplier", Some("the number one | 1..1"));
        check("#1", Some("#1 | 1..1"));
        check("ranks third globally", Some("ranks third | 3..3"));
        check("ranked first", Some("ranked first | 1..1"));
        check("ranks No. 2", Some("ranks No. 2 | 2..2"));
        check("ranked 5th", Some("ranked 5th | 5..5"));
        check(
            "ranks as the second-largest",
            Some("ranks as the second-largest | 2..2"),
        );
        check("ranks second-largest", Some("ranks second-largest | 2..2"));
    }

    #[test]
    fn top_k() {
        check("one of the largest", Some("one of the largest | 1..10"));
        check(
            "some of the largest rare mineral reserves",
            Some("some of the largest | 1..10"),
        );
        check("among the largest", Some("among the largest | 1..10"));
        check("amongst the biggest", Some("amongst the biggest | 1..10"));
        check("among the world's biggest", Some("among the world's biggest | 1..10"));
        check("one of the world's largest", Some("one of the world's largest | 1..10"));
        check("a leading producer", Some("a leading | 1..10"));
        check("a world-leading producer", Some("a world-leading | 1..10"));
        check("one of the top", Some("one of the top | 1..10"));
        check("one of the leading", Some("one of the leading | 1..10"));
        check("one of the most abundant", Some("one of the most abundant | 1..10"));
        check("ranks among the largest", Some("ranks among the largest | 1..10"));
        check("among the top five", Some("among the top five | 1..5"));
        check("in the top three", Some("in the top three | 1..3"));
        check("in the world's top 10", Some("in the world's top 10 | 1..10"));
        check("top-three producer", Some("top-three | 1..3"));
        check("the top 10", Some("the top 10 | 1..10"));
        check("the top five producers", Some("the top five | 1..5"));
        check("a top-five producer", Some("a top-five | 1..5"));
        check("the five largest", Some("the five largest | 1..5"));
        check("one of the three biggest", Some("one of the three biggest | 1..3"));
        check("one of the top five", Some("one of the top five | 1..5"));
        check(
            "among the world's top three",
            Some("among the world's top three | 1..3"),
        );
    }

    #[test]
    fn not_ranks() {
        check("one of the", None);
        check("one of the countries", None);
        check("the top of the list", None);
        check("top officials", None);
        check("leading to", None);
        check("most analysts", None);
        check("the most recent", None);
        check("the most heavily", None);
        check("the most important", None);
        check("second", None);
        check("the second", None);
        check("the first country", None);
        check("first", None);
        check("the latest", None);
        check("a largest", None);
        check("a most", None);
        check("in the largest", None);
        check("the number of mines", None);
        check("one of the second-largest", None);
        check("ranks", None);
        check("the dominant producer", None);
        check("the", None);
    }

    #[test]
    fn scoped() {
        check("Asia's largest producer", Some("Asia's largest | 1..1 within asia"));
        check(
            "the region's biggest",
            Some("the region's biggest | 1..1 within region"),
        );
        check(
            "Europe's second-biggest",
            Some("Europe's second-biggest | 2..2 within europe"),
        );
        check(
            "South Korea's top steelmaker",
            Some("South Korea's top | 1..1 within south korea"),
        );
        check("the EU's largest", Some("the EU's largest | 1..1 within eu"));
        check("Chile's leading miner", Some("Chile's leading | 1..1 within chile"));
        check(
            "one of Chile's biggest",
            Some("one of Chile's biggest | 1..10 within chile"),
        );
        check(
            "among Africa's top five",
            Some("among Africa's top five | 1..5 within africa"),
        );
        check(
            "the biggest of the 27 member states",
            Some("the biggest of the 27 member states | 1..1 within 27 member states"),
        );
        check(
            "the largest among the five Nordic countries by output",
            Some("the largest among the five Nordic countries | 1..1 within five nordic countries"),
        );
        check(
            "the second-largest of the three",
            Some("the second-largest of the three | 2..2 within three"),
        );
        // The world's is no scope; nor is a group without a count.
        check("the world's largest of all", Some("the world's largest | 1..1"));
        check("the largest of the mines", Some("the largest | 1..1"));
        check("Asia's", None);
        check("the Asia", None);
    }

    #[test]
    fn not_read_after_a_scope() {
        let text = "China is Asia's largest producer and the world's biggest buyer.";
        let tokens = tokenize(text);
        let at = |word: &str| {
            tokens
                .iter()
                .position(|token| token.text(text) == word)
                .expect("a token")
        };
        assert_eq!(rank_at(text, &tokens, at("largest"), 10, Vocabulary::none()), None);
        let (_, world) = rank_at(text, &tokens, at("biggest"), 10, Vocabulary::none()).expect("after the world's");
        assert_eq!((world.text.as_str(), world.within), ("biggest", None));
        let (_, scoped) = rank_at(text, &tokens, at("Asia"), 10, Vocabulary::none()).expect("from the scope");
        assert_eq!(scoped.within.as_deref(), Some("asia"));
    }

    #[test]
    fn news_positions() {
        check("second only to Australia", Some("second only to | 2..2"));
        check("ranks second only to Chile", Some("ranks second only to | 2..2"));
        check("trails only Australia", Some("trails only Australia | 2..2"));
        check(
            "trails only Australia and Chile in output",
            Some("trails only Australia and Chile | 3..3"),
        );
        check(
            "behind only the United States, China and Japan",
            Some("behind only the United States, China and Japan | 4..4"),
        );
        check("in first place", Some("in first place | 1..1"));
        check("in sixth spot", Some("in sixth spot | 6..6"));
        check("sixth spot", Some("sixth spot | 6..6"));
        check("first place", Some("first place | 1..1"));
        check("in third position", Some("in third position | 3..3"));
        check("at the 4th spot", Some("at the 4th spot | 4..4"));
        check("a clear second", Some("a clear second | 2..2"));
        check("a distant third", Some("a distant third | 3..3"));
        check("runner-up", Some("runner-up | 2..2"));
        check("the top three", Some("the top three | 1..3"));
        check("ranked in fifth place", Some("ranked in fifth place | 5..5"));
    }

    #[test]
    fn not_news_positions() {
        check("trails only slightly", None);
        check("behind", None);
        check("a second", None);
        check("a clear lead", None);
        check("second position", None);
        check("in second", None);
        check("in the second quarter", None);
        check("first placed", None);
        check("the runner", None);
    }

    #[test]
    fn later_start() {
        let text = "Russia holds the world's second-largest reserves.";
        let tokens = tokenize(text);
        let (end, rank) = rank_at(text, &tokens, 2, 5, Vocabulary::none()).expect("a rank");
        assert_eq!(
            (end, rank.best, rank.worst, rank.text.as_str()),
            (7, 2, 2, "the world's second-largest")
        );
        assert_eq!(rank_at(text, &tokens, 1, 5, Vocabulary::none()), None);
    }
}
