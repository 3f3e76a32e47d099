//! What follows (or precedes) the number: a currency, a unit of the unit model, a rate's
//! denominator, or the noun a count counts — with the decisions on ambiguous units, which
//! look at the whole sentence.

use super::super::{is_any, is_glued, is_kind, is_word, longest_phrase, token_text};
use super::currencies::{CODES, CURRENCY_WORDS, LETTER_PREFIXES, SUB_UNITS, SYMBOL_PREFIXES, SYMBOL_SUFFIXES, SYMBOLS};
use super::figure::starts_number;
use super::units::{
    DENOMINATORS, KNOT, MASS_CUES, MONEY_CUES, NOT_A_RATE, PERCENT, PERCENT_WORDS, SPEED_CUES, UNIT_ABBREVIATIONS,
    UNIT_WORDS, Unit, unit,
};
use super::vocabulary::Vocabulary;
use crate::text::token::{Token, TokenKind};

/// A unit and, when it was ambiguous, how it was decided.
pub(super) type Decided = (Unit, Option<&'static str>);

/// Nouns a count may count that do not end in `s`.
const IRREGULAR_NOUNS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "staff",
    "personnel",
    "police",
    "cattle",
    "sheep",
    "fish",
    "livestock",
    "aircraft",
    "deer",
    "troops",
    "mice",
    "geese",
    "teeth",
    "feet",
];

/// Words ending in `s` that are no plural nouns ("5 this year", "10 plus").
const NOT_NOUNS: &[&str] = &[
    "this",
    "thus",
    "plus",
    "less",
    "unless",
    "always",
    "perhaps",
    "towards",
    "whereas",
    "across",
    "besides",
    "sometimes",
    "nevertheless",
    "its",
    "his",
    "hers",
    "ours",
    "yours",
    "theirs",
    "was",
    "has",
    "does",
    "goes",
    "says",
    "seems",
    "remains",
    "makes",
    "means",
    "takes",
    "gives",
    "shows",
    "becomes",
    "comes",
    "stands",
    "sits",
    "lies",
    "rises",
    "falls",
    "grows",
    "times",
    "afterwards",
    "upwards",
    "downwards",
    "whereabouts",
    "nowadays",
    "elsewhere",
];

/// Whether token `index` is a lower-case word that looks like a plural noun ("barrels",
/// "people"), licensing the `m` in "5m users".
pub(super) fn plural_noun_at(text: &str, tokens: &[Token], index: usize) -> bool {
    tokens.get(index).is_some_and(|token| {
        let word = token.text(text);
        token.kind == TokenKind::Word
            && token.space_before
            && word.starts_with(|character: char| character.is_ascii_lowercase())
            && (word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") || IRREGULAR_NOUNS.contains(&word))
            && !NOT_NOUNS.contains(&word)
    })
}

/// The noun a count counts, if the word at `index` is one ("100,000 people").
pub(super) fn noun_at(text: &str, tokens: &[Token], index: usize) -> Option<usize> {
    plural_noun_at(text, tokens, index).then_some(index)
}

/// A currency written before the figure: `$`, `US$`, `HK $`, `$US`, `£`, `USD`, `RM`, `Rs`,
/// `yuan`.
pub(super) fn currency_prefix_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, Unit)> {
    let token = tokens.get(index)?;
    let word = token.text(text);
    if let Some(&(symbol, code)) = SYMBOLS.iter().find(|(symbol, _)| *symbol == word) {
        // "HK $5", "A$5": the dollar is the country's, read from its letters.
        if index > 0 && country_letters(text, tokens, index - 1, symbol).is_some() {
            return None;
        }
        // "$US250".
        if let Some(next) = tokens
            .get(index + 1)
            .filter(|next| !next.space_before && next.kind == TokenKind::Word)
            && let Some(&(_, code)) = SYMBOL_SUFFIXES.iter().find(|(letters, _)| *letters == next.text(text))
            && symbol == "$"
            && is_glued(tokens, index + 2)
        {
            return Some((index + 2, unit(code, 1.0)));
        }
        return Some((index + 1, unit(code, 1.0)));
    }
    if token.kind != TokenKind::Word {
        return None;
    }
    if let Some(symbol) = token_text(text, tokens, index + 1)
        && let Some(code) = country_letters(text, tokens, index, symbol)
    {
        return Some((index + 2, unit(code, 1.0)));
    }
    if let Some(&(_, code)) = LETTER_PREFIXES.iter().find(|(letters, _)| *letters == word) {
        // "Rs." keeps its full stop.
        let end = if is_word(text, tokens, index + 1, ".") && is_glued(tokens, index + 1) {
            index + 2
        } else {
            index + 1
        };
        return Some((end, unit(code, 1.0)));
    }
    let &(_, code) = CODES.iter().find(|(name, _)| name.eq_ignore_ascii_case(word))?;
    Some((index + 1, unit(code, 1.0)))
}

/// The currency of the letters at `index` before `symbol` (`HK` `$`): one letter must be
/// glued ("A$5"; "a $5 fee" is US dollars), longer ones may be spaced ("HK $5", "hk $5").
fn country_letters(text: &str, tokens: &[Token], index: usize, symbol: &str) -> Option<&'static str> {
    let token = tokens.get(index).filter(|token| token.kind == TokenKind::Word)?;
    let word = token.text(text);
    let &(letters, _, code) = SYMBOL_PREFIXES
        .iter()
        .find(|(letters, sign, _)| *sign == symbol && letters.eq_ignore_ascii_case(word))?;
    let spaced_ok = letters.len() > 1 && !letters.eq_ignore_ascii_case("Can") && !letters.eq_ignore_ascii_case("Mex");
    (is_glued(tokens, index + 1) && (letters.len() > 1 || word == letters) || spaced_ok).then_some(code)
}

/// A unit after the figure: percent, currency, or a unit of the unit model, with the decision
/// on an ambiguous one. `scaled` says whether a scale word came before ("5 million pounds").
pub(super) fn unit_after_at(
    text: &str,
    tokens: &[Token],
    index: usize,
    scaled: bool,
    vocabulary: &Vocabulary,
) -> Option<(usize, Decided)> {
    let token = tokens.get(index)?;
    // A pack's alias wins over the built-in reading ("MT" for megatonnes); not glued between
    // digits ("07T09:15").
    if let Some((end, found)) = vocabulary.unit_at(text, tokens, index)
        && !(is_glued(tokens, end) && (is_kind(tokens, end, TokenKind::Number) || is_word(text, tokens, end, ":")))
    {
        return Some((end, found));
    }
    if let Some((end, found)) = longest_phrase(text, tokens, index, PERCENT_WORDS) {
        return Some((end, (found, None)));
    }
    // "5pc" (as the Telegraph writes it), glued only.
    if is_glued(tokens, index) && is_word(text, tokens, index, "pc") {
        return Some((index + 1, (PERCENT, None)));
    }
    if let Some((end, code)) = longest_phrase(text, tokens, index, SUB_UNITS) {
        return Some((end, (unit(code, 0.01), None)));
    }
    if let Some((end, code)) = longest_phrase(text, tokens, index, CURRENCY_WORDS) {
        return Some((end, (unit(code, 1.0), None)));
    }
    let word = token.text(text);
    match token.kind {
        TokenKind::Word => {
            if let Some(&(_, code)) = CODES.iter().find(|(name, _)| name.len() == 3 && *name == word) {
                return Some((index + 1, (unit(code, 1.0), None)));
            }
            // "212p": pence, glued, but not a video resolution ("1080p").
            if word == "p"
                && !token.space_before
                && !(is_glued(tokens, index + 1) && is_kind(tokens, index + 1, TokenKind::Word))
            {
                let resolution = index
                    .checked_sub(1)
                    .and_then(|previous| token_text(text, tokens, previous))
                    .is_some_and(|digits| {
                        ["144", "240", "360", "480", "720", "1080", "1440", "2160"].contains(&digits)
                    });
                if !resolution {
                    return Some((index + 1, (unit("GBP", 0.01), None)));
                }
            }
        }
        // "10 €", "10€": a symbol after the figure, unless it opens the next amount.
        TokenKind::Punct => {
            if let Some(&(_, code)) = SYMBOLS.iter().find(|(symbol, _)| *symbol == word)
                && !starts_number(text, tokens, index + 1)
            {
                return Some((index + 1, (unit(code, 1.0), None)));
            }
            return None;
        }
        _ => return None,
    }
    physical_at(text, tokens, index, scaled)
}

/// A unit of a physical dimension at `index`, words before abbreviations, deciding `pound`,
/// `kt` and `MT` by the sentence.
fn physical_at(text: &str, tokens: &[Token], index: usize, scaled: bool) -> Option<(usize, Decided)> {
    let word = token_text(text, tokens, index)?;
    if word.eq_ignore_ascii_case("pound") || word.eq_ignore_ascii_case("pounds") {
        return Some((index + 1, pound(text, tokens, index, scaled)));
    }
    let found = longest_phrase(text, tokens, index, UNIT_WORDS).or_else(|| longest_exact(text, tokens, index));
    let (end, found) = found?;
    // "07T09:15": a letter glued between digits is no unit.
    if is_glued(tokens, end) && (is_kind(tokens, end, TokenKind::Number) || is_word(text, tokens, end, ":")) {
        return None;
    }
    let note = match word {
        "kt" | "Kt" | "KT" if end == index + 1 => {
            if in_sentence(text, tokens, SPEED_CUES) {
                return Some((
                    end,
                    (KNOT, Some("`kt` read as knots: the sentence speaks of speed or wind")),
                ));
            }
            Some("`kt` read as kilotonnes: nothing in the sentence speaks of speed")
        }
        "MT" if end == index + 1 => Some("`MT` read as metric tonnes (megatonnes are written `Mt`)"),
        _ => None,
    };
    Some((end, (found, note)))
}

/// `pound`/`pounds`: mass when `of` follows ("pounds of beef") or the sentence speaks of mass
/// ("7 million tonnes (15.4 billion pounds)"); else money (GBP) after a scale word or in a
/// sentence about money; otherwise mass.
fn pound(text: &str, tokens: &[Token], index: usize, scaled: bool) -> Decided {
    let mass = unit("t", 0.000_453_592_37);
    let money = unit("GBP", 1.0);
    if is_word(text, tokens, index + 1, "of") {
        return (mass, Some("`pounds` read as mass (lb): `of` follows"));
    }
    if in_sentence(text, tokens, MASS_CUES) {
        return (mass, Some("`pounds` read as mass (lb): the sentence speaks of mass"));
    }
    if scaled {
        return (money, Some("`pounds` read as money (GBP): a scale word precedes it"));
    }
    if in_sentence(text, tokens, MONEY_CUES) {
        return (
            money,
            Some("`pounds` read as money (GBP): the sentence speaks of money"),
        );
    }
    (
        mass,
        Some("`pounds` read as mass (lb): nothing in the sentence speaks of money; write `pounds sterling` for money"),
    )
}

/// Whether any word of the sentence is one of `cues` (ignoring ASCII case).
fn in_sentence(text: &str, tokens: &[Token], cues: &[&str]) -> bool {
    tokens.iter().any(|token| {
        let word = token.text(text);
        cues.iter().any(|cue| cue.eq_ignore_ascii_case(word))
    })
}

/// The longest abbreviation of [`UNIT_ABBREVIATIONS`] at `index`, matched with its exact case,
/// its parts glued together.
fn longest_exact(text: &str, tokens: &[Token], index: usize) -> Option<(usize, Unit)> {
    UNIT_ABBREVIATIONS
        .iter()
        .filter(|(phrase, _)| {
            phrase.iter().enumerate().all(|(offset, part)| {
                token_text(text, tokens, index + offset) == Some(part)
                    && (offset == 0 || is_glued(tokens, index + offset))
            })
        })
        .map(|&(phrase, found)| (index + phrase.len(), found))
        .max_by_key(|&(end, _)| end)
}

/// A rate's denominator after the unit: "per barrel", "a day", "an ounce", "/t", "per annum",
/// "annually". "a year ago" is a time phrase, not a rate.
pub(super) fn rate_at(text: &str, tokens: &[Token], index: usize) -> Option<(usize, Unit)> {
    let word = token_text(text, tokens, index)?;
    let period = |code| Some((index + 1, unit(code, 1.0)));
    for (adverb, code) in [
        ("annually", "yr"),
        ("yearly", "yr"),
        ("daily", "d"),
        ("monthly", "mo"),
        ("weekly", "wk"),
    ] {
        if word.eq_ignore_ascii_case(adverb) {
            return period(code);
        }
    }
    let written_per = word.eq_ignore_ascii_case("per") || word == "/" && is_glued(tokens, index + 1);
    if !written_per && !is_any(text, tokens, index, &["a", "an", "each"]) {
        return None;
    }
    let (end, denominator) = longest_phrase(text, tokens, index + 1, DENOMINATORS)?;
    // "a year ago", "a day earlier": time phrases.
    if !written_per && is_any(text, tokens, end, NOT_A_RATE) {
        return None;
    }
    Some((end, denominator))
}
