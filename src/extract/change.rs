//! Signed changes: "fell by 5%", "rose 3 percent to 44 million tonnes", "down 0.6%", "was
//! revised down from 18 million to 4 million tonnes", "doubled", "edged up 0.2%".
//!
//! [`change_at`] reads, from a verb of change on, `VERB [up|down] [ADVERB] [by] [MAGNITUDE]
//! [from FIGURE] [to FIGURE]` (also `to … from …`). The verb gives the direction ("rose",
//! "fell", "revised down", "halved"); a magnitude, a figure before and a figure after are
//! quantities.
//!
//! Decisions:
//! - a direction alone is a change ("output fell"), except after the adverbs `up`, `down`,
//!   `higher`, `lower`, which need a magnitude ("down 0.6%"), since they are common words;
//! - "from 18 million to 4 million tonnes": a figure before without a unit or scale of its own
//!   takes those of the figure after, as a range's first end does;
//! - `to`/`from` not followed by a figure end the change there ("fell to a record low" is a
//!   fall with nothing more);
//! - "doubled", "tripled", "quadrupled", "halved" are multiples (2, 3, 4, 0.5): their own
//!   magnitude, so they take none.

use super::is_any;
use super::quantity::{Vocabulary, quantity_in};
use crate::claim::{Quantity, Span};
use crate::text::token::Token;
use crate::value::{Change, Direction};

/// Verbs of a rise, every form.
const RISES: &[&str] = &[
    "rise",
    "rises",
    "rose",
    "risen",
    "rising",
    "increase",
    "increases",
    "increased",
    "increasing",
    "grow",
    "grows",
    "grew",
    "grown",
    "growing",
    "climb",
    "climbs",
    "climbed",
    "climbing",
    "jump",
    "jumps",
    "jumped",
    "surge",
    "surges",
    "surged",
    "gain",
    "gains",
    "gained",
    "soar",
    "soars",
    "soared",
    "rebound",
    "rebounded",
    "raise",
    "raised",
    "raises",
    "lift",
    "lifted",
    "boost",
    "boosted",
    "expand",
    "expanded",
];

/// Verbs of a fall, every form.
const FALLS: &[&str] = &[
    "fall",
    "falls",
    "fell",
    "fallen",
    "falling",
    "drop",
    "drops",
    "dropped",
    "dropping",
    "decline",
    "declines",
    "declined",
    "declining",
    "decrease",
    "decreases",
    "decreased",
    "slip",
    "slips",
    "slipped",
    "slump",
    "slumped",
    "plunge",
    "plunged",
    "tumble",
    "tumbled",
    "sink",
    "sank",
    "sunk",
    "shrink",
    "shrank",
    "shrunk",
    "dip",
    "dipped",
    "slide",
    "slid",
    "contract",
    "contracted",
    "cut",
    "cuts",
    "reduce",
    "reduced",
    "lowered",
];

/// Verbs that move only with `up` or `down` after them: "revised down", "edged up".
const MOVES: &[&str] = &[
    "revise", "revised", "revises", "edge", "edged", "tick", "ticked", "inch", "inched", "move", "moved",
];

/// Words after a verb of motion that give its direction.
const UPWARD: &[&str] = &["up", "upward", "upwards", "higher"];
const DOWNWARD: &[&str] = &["down", "downward", "downwards", "lower"];

/// Multiples: the verb and the factor.
const MULTIPLES: &[(&str, f64)] = &[
    ("doubled", 2.0),
    ("doubling", 2.0),
    ("tripled", 3.0),
    ("trebled", 3.0),
    ("quadrupled", 4.0),
    ("halved", 0.5),
];

/// Adverbs allowed between the verb and the magnitude: "fell sharply by 5%".
const ADVERBS: &[&str] = &[
    "sharply",
    "slightly",
    "steeply",
    "further",
    "again",
    "marginally",
    "significantly",
    "strongly",
    "modestly",
    "just",
];

/// Reads a signed change starting exactly at token `start`: one past its last token and the
/// change.
pub fn change_at(text: &str, tokens: &[Token], start: usize) -> Option<(usize, Change)> {
    change_in(text, tokens, start, Vocabulary::none())
}

/// [`change_at`] with a rule pack's [`Vocabulary`] for the figures.
pub fn change_in(text: &str, tokens: &[Token], start: usize, vocabulary: &Vocabulary) -> Option<(usize, Change)> {
    let (direction, factor, mut index, needs_figure) = direction_at(text, tokens, start)?;
    if is_any(text, tokens, index, ADVERBS) {
        index += 1;
    }
    let mut by = None;
    if factor.is_none() {
        let at = if is_any(text, tokens, index, &["by"]) {
            index + 1
        } else {
            index
        };
        if let Some((end, quantity)) = magnitude_at(text, tokens, at, vocabulary) {
            by = Some(quantity);
            index = end;
        }
    }
    let (mut from, mut to) = (None, None);
    for _ in 0..2 {
        if from.is_none() && is_any(text, tokens, index, &["from"]) {
            if let Some((end, quantity)) = quantity_in(text, tokens, index + 1, vocabulary) {
                from = Some(quantity);
                index = end;
                continue;
            }
        }
        if to.is_none() && is_any(text, tokens, index, &["to"]) {
            if let Some((end, quantity)) = quantity_in(text, tokens, index + 1, vocabulary) {
                to = Some(quantity);
                index = end;
                continue;
            }
        }
        break;
    }
    if needs_figure && by.is_none() && from.is_none() && to.is_none() {
        return None;
    }
    if let (Some(before), Some(after)) = (&from, &to) {
        from = Some(with_unit_of(text, tokens, before, after, vocabulary));
    }
    let span = Span::new(tokens[start].start, tokens[index - 1].end);
    Some((
        index,
        Change {
            direction,
            by,
            factor,
            from,
            to,
            text: text[span.range()].to_string(),
            span,
        },
    ))
}

/// The direction (and multiple) the words from `start` on give, the token after them, and
/// whether they need a figure to count as a change.
fn direction_at(text: &str, tokens: &[Token], start: usize) -> Option<(Direction, Option<f64>, usize, bool)> {
    let word = tokens.get(start)?.text(text);
    let lower = word.to_ascii_lowercase();
    if let Some((_, factor)) = MULTIPLES.iter().find(|(verb, _)| *verb == lower) {
        let direction = if *factor > 1.0 { Direction::Up } else { Direction::Down };
        return Some((direction, Some(*factor), start + 1, false));
    }
    let after = |words: &[&str]| is_any(text, tokens, start + 1, words);
    if MOVES.contains(&lower.as_str()) {
        return if after(UPWARD) {
            Some((Direction::Up, None, start + 2, false))
        } else if after(DOWNWARD) {
            Some((Direction::Down, None, start + 2, false))
        } else {
            None
        };
    }
    if UPWARD.contains(&lower.as_str()) {
        return Some((Direction::Up, None, start + 1, true));
    }
    if DOWNWARD.contains(&lower.as_str()) && lower != "lower" {
        return Some((Direction::Down, None, start + 1, true));
    }
    if RISES.contains(&lower.as_str()) {
        return Some((Direction::Up, None, start + 1, false));
    }
    if FALLS.contains(&lower.as_str()) {
        return Some((Direction::Down, None, start + 1, false));
    }
    None
}

/// A magnitude at `index`: a quantity with a unit or a percentage, never a signed one ("down
/// 0.6%" is read from "down", so the sign is the verb's).
fn magnitude_at(text: &str, tokens: &[Token], index: usize, vocabulary: &Vocabulary) -> Option<(usize, Quantity)> {
    let (end, mut quantity) = quantity_in(text, tokens, index, vocabulary)?;
    if quantity.value < 0.0 {
        quantity.value = -quantity.value;
        let (low, high) = (quantity.low.map(|low| -low), quantity.high.map(|high| -high));
        (quantity.low, quantity.high) = (high, low);
    }
    Some((end, quantity))
}

/// "from 18 million to 4 million tonnes": the figure before read with the unit (and scale)
/// written only after the figure after, when it has none of its own.
fn with_unit_of(
    text: &str,
    tokens: &[Token],
    before: &Quantity,
    after: &Quantity,
    vocabulary: &Vocabulary,
) -> Quantity {
    if !before.unit.is_empty() || after.unit.is_empty() {
        return before.clone();
    }
    // The words of the figure after, from its first word after the number on.
    let Some(number) = tokens
        .iter()
        .position(|token| token.start >= after.span.start && token.kind == crate::text::token::TokenKind::Number)
    else {
        return before.clone();
    };
    let tail_start = tokens.get(number + 1).map_or(after.span.end, |token| token.start);
    let mut tail = &text[tail_start.min(after.span.end)..after.span.end];
    // A scale of its own ("18 million") keeps it; only the unit is borrowed.
    let before_tokens = crate::text::token::tokenize(&before.text);
    if before_tokens.len() > 1
        && let Some(first_word) = tail.split_whitespace().next()
    {
        tail = tail[first_word.len()..].trim_start();
    }
    let combined = format!("{} {tail}", before.text);
    let combined_tokens = crate::text::token::tokenize(&combined);
    match quantity_in(&combined, &combined_tokens, 0, vocabulary) {
        Some((_, read)) if read.unit == after.unit => Quantity {
            text: before.text.clone(),
            span: before.span,
            ..read
        },
        _ => before.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    #[track_caller]
    fn check(sentence: &str, expected: Option<(&str, &str)>) {
        let tokens = tokenize(sentence);
        let read = change_at(sentence, &tokens, 0).map(|(_, change)| (change.canonical_text(), change.text.clone()));
        assert_eq!(
            read,
            expected.map(|(canonical, words)| (canonical.to_string(), words.to_string())),
            "{sentence}"
        );
    }

    #[test]
    fn changes_as_news_writes_them() {
        check("fell by 5% last year", Some(("down 5 %", "fell by 5%")));
        check(
            "rose 3 percent to 44 million tonnes",
            Some(("up 3 % to 44000000 t", "rose 3 percent to 44 million tonnes")),
        );
        check("down 0.6% on the month", Some(("down 0.6 %", "down 0.6%")));
        check(
            "revised down from 18 million to 4 million tonnes",
            Some((
                "down from 18000000 t to 4000000 t",
                "revised down from 18 million to 4 million tonnes",
            )),
        );
        check("doubled in two years", Some(("up x2", "doubled")));
        check("halved", Some(("down x0.5", "halved")));
        check("edged up 0.2%", Some(("up 0.2 %", "edged up 0.2%")));
        check(
            "fell sharply to 12,000 tonnes",
            Some(("down to 12000 t", "fell sharply to 12,000 tonnes")),
        );
        check(
            "climbed to 80 million tonnes from 75 million",
            Some((
                "up from 75000000 t to 80000000 t",
                "climbed to 80 million tonnes from 75 million",
            )),
        );
        check("fell to a record low", Some(("down", "fell")));
        check(
            "increased by 20,000 tonnes",
            Some(("up 20000 t", "increased by 20,000 tonnes")),
        );
    }

    #[test]
    fn what_is_no_change() {
        for sentence in [
            "down the road",
            "up in the hills",
            "revised its forecast",
            "held steady at 5%",
            "lower costs",
        ] {
            check(sentence, None);
        }
    }
}
