//! Comparatives: the words that order two entities, "exceeds", "superior to", "lags behind".
//!
//! [`comparative_at`] reads a comparative phrase and returns which way it orders the entity
//! before it against the one after it: [`Relation::Greater`] for "Russia's reserves exceed
//! Ukraine's", [`Relation::Less`] for "China trails Australia". Design decisions:
//! - an intensifier may come before or after ("far exceeding", "exceeding even", "well
//!   ahead of", "lagging far behind") and is part of the span;
//! - a passive flips the order: "is dwarfed by", "surpassed by", "trailed by";
//! - "more/less ADJ than" takes any one adjective ("more abundant than"); "twice as ADJ as"
//!   and "N times larger than" are Greater, "half as ADJ as" is Less, a plain "as large as"
//!   (equality) is no comparative;
//! - a phrase followed by a figure ("more than 5 million", "exceeding $1bn", "topped 40%") is a
//!   bound on a quantity, not an order between two entities, and is rejected;
//! - "top" is a verb only when inflected ("tops", "topped", "topping") or when the previous
//!   token is not a determiner, possessive or preposition ("reserves top China's"), so "the
//!   top producer" is not a comparative.

use super::number::numeral_at;
use super::{is_any, is_kind, is_word, longest_phrase, token_span};
use crate::claim::{Relation, Span};
use crate::text::token::{Token, TokenKind};

/// Adverbs that strengthen a comparative, before or after it.
const INTENSIFIERS: &[&str] = &[
    "even",
    "far",
    "well",
    "much",
    "significantly",
    "considerably",
    "substantially",
    "vastly",
    "greatly",
    "way",
    "slightly",
    "somewhat",
    "still",
    "easily",
    "comfortably",
    "clearly",
    "already",
    "only",
];

/// Comparative verbs in every inflection. `true` marks past participles, which form a
/// passive with "by".
const GREATER_VERBS: &[(&str, bool)] = &[
    ("exceed", false),
    ("exceeds", false),
    ("exceeded", true),
    ("exceeding", false),
    ("surpass", false),
    ("surpasses", false),
    ("surpassed", true),
    ("surpassing", false),
    ("outstrip", false),
    ("outstrips", false),
    ("outstripped", true),
    ("outstripping", false),
    ("outpace", false),
    ("outpaces", false),
    ("outpaced", true),
    ("outpacing", false),
    ("eclipse", false),
    ("eclipses", false),
    ("eclipsed", true),
    ("eclipsing", false),
    ("dwarf", false),
    ("dwarfs", false),
    ("dwarfed", true),
    ("dwarfing", false),
    ("outrank", false),
    ("outranks", false),
    ("outranked", true),
    ("outranking", false),
    ("outnumber", false),
    ("outnumbers", false),
    ("outnumbered", true),
    ("outnumbering", false),
    ("outweigh", false),
    ("outweighs", false),
    ("outweighed", true),
    ("outweighing", false),
    ("outproduce", false),
    ("outproduces", false),
    ("outproduced", true),
    ("outproducing", false),
    ("overtake", false),
    ("overtakes", false),
    ("overtook", false),
    ("overtaken", true),
    ("overtaking", false),
    ("tops", false),
    ("topped", true),
    ("topping", false),
];

/// Verbs of falling behind. `true` marks past participles.
const LESS_VERBS: &[(&str, bool)] = &[
    ("trail", false),
    ("trails", false),
    ("trailed", true),
    ("trailing", false),
    ("lag", false),
    ("lags", false),
    ("lagged", false),
    ("lagging", false),
];

/// Fixed comparative phrases.
const PHRASES: &[(&[&str], Relation)] = &[
    (&["superior", "to"], Relation::Greater),
    (&["larger", "than"], Relation::Greater),
    (&["bigger", "than"], Relation::Greater),
    (&["greater", "than"], Relation::Greater),
    (&["more", "than"], Relation::Greater),
    (&["higher", "than"], Relation::Greater),
    (&["richer", "than"], Relation::Greater),
    (&["ahead", "of"], Relation::Greater),
    (&["smaller", "than"], Relation::Less),
    (&["less", "than"], Relation::Less),
    (&["lower", "than"], Relation::Less),
    (&["fewer", "than"], Relation::Less),
    (&["poorer", "than"], Relation::Less),
    (&["behind"], Relation::Less),
    (&["inferior", "to"], Relation::Less),
    (&["second", "to"], Relation::Less),
    (&["second", "only", "to"], Relation::Less),
    (&["pale", "in", "comparison", "to"], Relation::Less),
    (&["pale", "in", "comparison", "with"], Relation::Less),
    (&["pales", "in", "comparison", "to"], Relation::Less),
    (&["pales", "in", "comparison", "with"], Relation::Less),
];

/// Words after "a" that make a figure ("a million", "a third").
const FIGURE_WORDS: &[&str] = &[
    "thousand", "million", "billion", "trillion", "third", "quarter", "half", "dozen", "hundred",
];

/// Forms of "fall" in "fall short of".
const FALL: &[&str] = &["fall", "falls", "fell", "fallen", "falling"];

/// Determiners and prepositions after which "top" is an adjective or noun, not a verb.
const NOT_BEFORE_TOP_VERB: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "on", "at", "of", "in", "to", "from", "near",
    "among", "amongst", "world", "this", "that", "these", "those",
];

/// Reads a comparative phrase beginning exactly at token `start`, returning the end of the
/// longest match, the relation of the entity before it to the entity after it, and the span
/// of the words.
pub fn comparative_at(text: &str, tokens: &[Token], start: usize) -> Option<(usize, Relation, Span)> {
    let mut index = start;
    while is_any(text, tokens, index, INTENSIFIERS) {
        index += 1;
    }
    let (mut end, relation) = core_at(text, tokens, index)?;
    while is_any(text, tokens, end, INTENSIFIERS) && !is_word(text, tokens, end, "only") {
        end += 1;
    }
    if figure_at(text, tokens, end) {
        return None;
    }
    Some((end, relation, token_span(tokens, start, end)))
}

/// The comparative itself, without intensifiers.
fn core_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, Relation)> {
    let word = tokens.get(index).filter(|token| token.kind == TokenKind::Word)?;
    let word = word.text(text);
    let verb = |table: &[(&str, bool)]| {
        table
            .iter()
            .find(|(form, _)| form.eq_ignore_ascii_case(word))
            .map(|&(_, participle)| participle)
    };
    if let Some(participle) = verb(GREATER_VERBS) {
        return Some(passive(text, tokens, index, participle, Relation::Greater));
    }
    if word.eq_ignore_ascii_case("top") && top_is_verb(text, tokens, index) {
        return Some((index + 1, Relation::Greater));
    }
    if let Some(participle) = verb(LESS_VERBS) {
        let (mut end, relation) = passive(text, tokens, index, participle, Relation::Less);
        // "lags behind", "trailing far behind".
        let mut after = end;
        while is_any(text, tokens, after, INTENSIFIERS) {
            after += 1;
        }
        if relation == Relation::Less && is_word(text, tokens, after, "behind") {
            end = after + 1;
        }
        return Some((end, relation));
    }
    // "falls short of", "fell well short of".
    if is_any(text, tokens, index, FALL) {
        let mut after = index + 1;
        while is_any(text, tokens, after, INTENSIFIERS) {
            after += 1;
        }
        if is_word(text, tokens, after, "short") && is_word(text, tokens, after + 1, "of") {
            return Some((after + 2, Relation::Less));
        }
        return None;
    }
    // "twice as large as", "three times larger than", "half as big as".
    if let Some(found) = multiple_at(text, tokens, index) {
        return Some(found);
    }
    // "more abundant than", "less extensive than".
    if is_any(text, tokens, index, &["more", "less"])
        && is_kind(tokens, index + 1, TokenKind::Word)
        && is_word(text, tokens, index + 2, "than")
    {
        let relation = if is_word(text, tokens, index, "more") {
            Relation::Greater
        } else {
            Relation::Less
        };
        return Some((index + 3, relation));
    }
    longest_phrase(text, tokens, index, PHRASES).or_else(|| split_at(text, tokens, index))
}

/// Comparative adjectives that may stand apart from their "than", the thing compared between:
/// "more rare earth reserves than Ukraine", "smaller lithium deposits than Chile".
const SPLIT: &[(&str, Relation)] = &[
    ("more", Relation::Greater),
    ("larger", Relation::Greater),
    ("bigger", Relation::Greater),
    ("greater", Relation::Greater),
    ("higher", Relation::Greater),
    ("richer", Relation::Greater),
    ("less", Relation::Less),
    ("smaller", Relation::Less),
    ("fewer", Relation::Less),
    ("lower", Relation::Less),
    ("poorer", Relation::Less),
];

/// Most words between a split comparative and its "than".
const SPLIT_GAP: usize = 4;

/// A split comparative at `index`: the adjective alone (its span), when "than" follows after one
/// to [`SPLIT_GAP`] words and nothing else (a comma, a figure or a year ends the search), and
/// no figure follows the "than".
fn split_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, Relation)> {
    let word = tokens.get(index)?.text(text);
    let &(_, relation) = SPLIT.iter().find(|(form, _)| form.eq_ignore_ascii_case(word))?;
    for at in index + 1..=index + 1 + SPLIT_GAP {
        if at > index + 1 && is_word(text, tokens, at, "than") {
            // "more rare earths than 5 million tonnes" bounds a figure.
            return (!figure_at(text, tokens, at + 1)).then_some((index + 1, relation));
        }
        if !is_kind(tokens, at, TokenKind::Word) {
            return None;
        }
    }
    None
}

/// A verb with an optional passive "by": "exceeded by" reverses the order.
fn passive(text: &str, tokens: &[Token], index: usize, participle: bool, relation: Relation) -> (usize, Relation) {
    if participle && is_word(text, tokens, index + 1, "by") {
        let reversed = match relation {
            Relation::Greater => Relation::Less,
            Relation::Less => Relation::Greater,
        };
        (index + 2, reversed)
    } else {
        (index + 1, relation)
    }
}

/// Whether an uninflected "top" at `index` is a verb ("reserves top China's").
fn top_is_verb(text: &str, tokens: &[Token], index: usize) -> bool {
    let after_determiner = index == 0
        || is_any(text, tokens, index - 1, NOT_BEFORE_TOP_VERB)
        || is_kind(tokens, index - 1, TokenKind::Possessive)
        || !is_kind(tokens, index - 1, TokenKind::Word);
    let before_noun_or_number =
        is_any(text, tokens, index + 1, &["of", "-"]) || numeral_at(text, tokens, index + 1).is_some();
    !after_determiner && !before_noun_or_number
}

/// "twice as ADJ as", "N times ADJ-er than", "N times as ADJ as", "half as ADJ as".
fn multiple_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, Relation)> {
    let (after, relation) = if is_any(text, tokens, index, &["twice", "double", "triple"]) {
        (index + 1, Relation::Greater)
    } else if is_word(text, tokens, index, "half") {
        (index + 1, Relation::Less)
    } else {
        let (end, numeral) = numeral_at(text, tokens, index)?;
        if !is_word(text, tokens, end, "times") || numeral.value <= 1.0 {
            return None;
        }
        // "three times larger than".
        if let Some((end, Relation::Greater)) = longest_phrase(text, tokens, end + 1, PHRASES) {
            return Some((end, Relation::Greater));
        }
        (end + 1, Relation::Greater)
    };
    (is_word(text, tokens, after, "as")
        && is_kind(tokens, after + 1, TokenKind::Word)
        && is_word(text, tokens, after + 2, "as"))
    .then_some((after + 3, relation))
}

/// Whether a figure starts at `index`: digits, a currency symbol or a number word.
fn figure_at(text: &str, tokens: &[Token], index: usize) -> bool {
    let Some(token) = tokens.get(index) else {
        return false;
    };
    token.kind == TokenKind::Number
        || matches!(token.text(text), "$" | "£" | "€" | "¥" | "₽" | "₹")
        || numeral_at(text, tokens, index).is_some()
        || is_word(text, tokens, index, "half")
        || is_any(text, tokens, index, &["a", "an"]) && is_any(text, tokens, index + 1, FIGURE_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    /// `expected` is `"text | Greater"` or `"text | Less"`.
    #[track_caller]
    fn check(input: &str, expected: Option<&str>) {
        let tokens = tokenize(input);
        let actual = comparative_at(input, &tokens, 0).map(|(end, relation, span)| {
            assert_eq!(span.end, tokens[end - 1].end, "end of {input:?}");
            format!("{} | {relation:?}", &input[span.range()])
        });
        assert_eq!(actual.as_deref(), expected, "comparative in {input:?}");
    }

    #[test]
    fn greater() {
        check("exceed Ukraine's", Some("exceed | Greater"));
        check("exceeds those of China", Some("exceeds | Greater"));
        check("exceeding even those of China", Some("exceeding even | Greater"));
        check("far exceeding China's", Some("far exceeding | Greater"));
        check("exceeded China's", Some("exceeded | Greater"));
        check("surpasses China", Some("surpasses | Greater"));
        check("surpassing the US", Some("surpassing | Greater"));
        check("outstrips Australia", Some("outstrips | Greater"));
        check("outpaced Chile", Some("outpaced | Greater"));
        check("eclipses Brazil", Some("eclipses | Greater"));
        check("dwarfs those of India", Some("dwarfs | Greater"));
        check("outranks Vietnam", Some("outranks | Greater"));
        check("overtook China", Some("overtook | Greater"));
        check("tops China's", Some("tops | Greater"));
        check("topped Russia's", Some("topped | Greater"));
        check("superior to", Some("superior to | Greater"));
        check("larger than China's", Some("larger than | Greater"));
        check("bigger than", Some("bigger than | Greater"));
        check("greater than those of", Some("greater than | Greater"));
        check("more than China's", Some("more than | Greater"));
        check("much more than Ukraine's", Some("much more than | Greater"));
        check("higher than", Some("higher than | Greater"));
        check("richer than", Some("richer than | Greater"));
        check("ahead of China", Some("ahead of | Greater"));
        check("well ahead of China", Some("well ahead of | Greater"));
        check("far larger than", Some("far larger than | Greater"));
        check("significantly larger than", Some("significantly larger than | Greater"));
        check("more abundant than", Some("more abundant than | Greater"));
        check("twice as large as", Some("twice as large as | Greater"));
        check("more rare earth reserves than Ukraine", Some("more | Greater"));
        check("larger lithium deposits than Chile's", Some("larger | Greater"));
        check("far bigger reserves of cobalt than", Some("far bigger | Greater"));
        check("three times larger than", Some("three times larger than | Greater"));
        check("three times as big as", Some("three times as big as | Greater"));
        check("trailed by China", Some("trailed by | Greater"));
    }

    #[test]
    fn less() {
        check("smaller than", Some("smaller than | Less"));
        check("less than China's", Some("less than | Less"));
        check("lower than", Some("lower than | Less"));
        check("fewer than", Some("fewer than | Less"));
        check("behind China", Some("behind | Less"));
        check("far behind China", Some("far behind | Less"));
        check("trails China", Some("trails | Less"));
        check("trailing far behind", Some("trailing far behind | Less"));
        check("lags China", Some("lags | Less"));
        check("lags behind China", Some("lags behind | Less"));
        check("lagging well behind", Some("lagging well behind | Less"));
        check("inferior to", Some("inferior to | Less"));
        check("falls short of", Some("falls short of | Less"));
        check("fell well short of", Some("fell well short of | Less"));
        check("falling short of", Some("falling short of | Less"));
        check("second to China", Some("second to | Less"));
        check("second only to China", Some("second only to | Less"));
        check("less abundant than", Some("less abundant than | Less"));
        check("half as large as", Some("half as large as | Less"));
        check("dwarfed by", Some("dwarfed by | Less"));
        check("is dwarfed by", None);
        check("surpassed by China", Some("surpassed by | Less"));
        check("exceeded by", Some("exceeded by | Less"));
        check("pales in comparison to", Some("pales in comparison to | Less"));
        check("smaller lithium deposits than Russia", Some("smaller | Less"));
        check("fewer known reserves than", Some("fewer | Less"));
    }

    #[test]
    fn not_comparatives() {
        check("more than 5 million tonnes", None);
        check("more than $1bn", None);
        check("exceeding 40%", None);
        check("exceeds a million", None);
        check("less than half", None);
        check("as large as", None);
        check("more", None);
        check("more reserves", None);
        check("larger reserves, than", None);
        check("more in 2024 than", None);
        check("more of the five largest reserves than", None);
        check("more rare earths than 5 million", None);
        check("than", None);
        check("even", None);
        check("far", None);
        check("fall", None);
        check("falls sharply", None);
        check("top", None);
        check("second", None);
        check("largest", None);
        check("the", None);
    }

    #[track_caller]
    fn check_at(input: &str, start: usize, expected: Option<&str>) {
        let tokens = tokenize(input);
        let actual = comparative_at(input, &tokens, start)
            .map(|(_, relation, span)| format!("{} | {relation:?}", &input[span.range()]));
        assert_eq!(actual.as_deref(), expected, "comparative at token {start} in {input:?}");
    }

    #[test]
    fn top_as_verb() {
        check_at("Russia's reserves top China's", 3, Some("top | Greater"));
        check_at("the top producer", 1, None);
        check_at("Russia's top producer", 2, None);
        check_at("in the top five", 2, None);
        check_at("reserves top 5 million", 1, None);
        check_at("on top of", 1, None);
    }
}
