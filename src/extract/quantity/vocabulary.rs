//! A rule pack's own words for the quantity and rank readers: unit aliases, scale words, bound
//! phrases and rank phrases that add to the built-in tables for one rule set.
//!
//! The built-in tables ([`super::units`], [`super::phrases`]) are what every rule set reads;
//! a [`Vocabulary`] is what one rule set adds (`[vocabulary]` in its rules files). It is built
//! once when the rules are compiled, owned by the `RuleSet`, and handed to the reader with each
//! call, so two rule sets in one process read the same text each its own way and no global
//! state changes. The empty vocabulary ([`Vocabulary::NONE`]) reads exactly as the built-in
//! tables do.
//!
//! Entries win over the built-in reading where both apply: a pack that says `MT` is `Mt`
//! reads "1.2 MT" as 1.2 million tonnes, where the built-in table reads the metric ton.
//! Unit aliases are matched with their exact case, as unit abbreviations are; scale words and
//! bound phrases ignoring ASCII case, as their built-in tables are.

use super::unit::unit_after_at;
use super::units::Unit;
use crate::claim::Bound;
use crate::text::token::{Token, TokenKind, tokenize};

/// One phrase as its tokens: each part's text and whether it is glued to the part before.
type Phrase = Vec<(String, bool)>;

/// What a rule pack adds to the quantity reader's tables.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    /// Unit aliases, exact case: the alias's tokens and the unit it stands for.
    units: Vec<(Phrase, Unit)>,
    /// Scale words (one word each, ignoring case) and their multipliers.
    scales: Vec<(String, f64)>,
    /// Bound phrases before a figure ("a confirmed").
    before: Vec<(Phrase, Bound)>,
    /// Bound phrases after a figure ("so far").
    after: Vec<(Phrase, Bound)>,
    /// Rank phrases (ignoring case) and the positions they give, best and worst ("in pole
    /// position" → 1..1, "in the top tier" → 1..5).
    ranks: Vec<(Phrase, u32, u32)>,
}

/// The note a claim's reading carries when a pack's unit alias decided its unit.
const ALIAS_NOTE: &str = "unit read through the rule pack's `[vocabulary]` alias";

impl Vocabulary {
    /// The empty vocabulary: the built-in tables alone.
    pub const NONE: Vocabulary = Vocabulary {
        units: Vec::new(),
        scales: Vec::new(),
        before: Vec::new(),
        after: Vec::new(),
        ranks: Vec::new(),
    };

    /// The empty vocabulary, borrowed for as long as needed.
    pub fn none() -> &'static Vocabulary {
        static NONE: Vocabulary = Vocabulary::NONE;
        &NONE
    }

    /// Whether the vocabulary adds nothing.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
            && self.scales.is_empty()
            && self.before.is_empty()
            && self.after.is_empty()
            && self.ranks.is_empty()
    }

    /// Adds `alias` (matched with its exact case) for `unit`, a unit the reader already knows
    /// (`Mt`, `tonnes`, `GWh`, `USD`). The error says what is wrong with either.
    pub fn add_unit(&mut self, alias: &str, unit: &str) -> Result<(), String> {
        let phrase = phrase(alias).ok_or_else(|| "the alias is empty".to_string())?;
        if phrase.iter().any(|(part, _)| part.chars().any(char::is_numeric)) {
            return Err(format!(
                "the alias `{alias}` holds a digit; a unit alias is the word after the number"
            ));
        }
        let tokens = tokenize(unit);
        // "million tonnes": a scale word may come first.
        let (start, scale) = super::figure::scale_at(unit, &tokens, 0, false, Vocabulary::none())
            .filter(|&(end, _)| end < tokens.len())
            .unwrap_or((0, 1.0));
        let found = unit_after_at(unit, &tokens, start, start > 0, Vocabulary::none())
            .filter(|(end, _)| *end == tokens.len())
            .map(|(_, (found, _))| Unit {
                factor: found.factor * scale,
                ..found
            });
        let Some(found) = found else {
            return Err(format!("unknown unit `{unit}`"));
        };
        if self.units.iter().any(|(other, _)| *other == phrase) {
            return Err(format!("the alias `{alias}` is declared twice"));
        }
        self.units.push((phrase, found));
        Ok(())
    }

    /// Adds the scale word `word` (one word, matched ignoring ASCII case) for `factor`.
    pub fn add_scale(&mut self, word: &str, factor: f64) -> Result<(), String> {
        let tokens = tokenize(word);
        if tokens.is_empty() {
            return Err("the scale word is empty".into());
        }
        if tokens.len() != 1 || tokens[0].kind != TokenKind::Word {
            return Err(format!(
                "`{word}` is not one word; a scale word is one word such as `lac`"
            ));
        }
        if !(factor.is_finite() && factor > 0.0) {
            return Err(format!("factor {factor} is not a positive number"));
        }
        if self.scales.iter().any(|(other, _)| other.eq_ignore_ascii_case(word)) {
            return Err(format!("the scale word `{word}` is declared twice"));
        }
        self.scales.push((word.to_string(), factor));
        Ok(())
    }

    /// Adds the bound phrase `written`, before the figure or, when `after`, right after it.
    pub fn add_bound(&mut self, written: &str, bound: Bound, after: bool) -> Result<(), String> {
        let phrase = phrase(written).ok_or_else(|| "the phrase is empty".to_string())?;
        if phrase.iter().any(|(part, _)| part.chars().any(|c| c.is_ascii_digit())) {
            return Err(format!(
                "the phrase `{written}` holds a digit; a bound phrase is the words around a figure"
            ));
        }
        if after { &mut self.after } else { &mut self.before }.push((phrase, bound));
        Ok(())
    }

    /// Adds the rank phrase `written`, which puts its subject at positions `best..=worst`.
    pub fn add_rank(&mut self, written: &str, best: u32, worst: u32) -> Result<(), String> {
        let phrase = phrase(written).ok_or_else(|| "the phrase is empty".to_string())?;
        if best == 0 || worst < best {
            return Err(format!(
                "positions {best}..{worst} are not a rank; positions count from 1, the best first"
            ));
        }
        let same = |other: &Phrase| {
            other.len() == phrase.len()
                && other
                    .iter()
                    .zip(&phrase)
                    .all(|((left, _), (right, _))| left.eq_ignore_ascii_case(right))
        };
        if self.ranks.iter().any(|(other, _, _)| same(other)) {
            return Err(format!("the rank phrase `{written}` is declared twice"));
        }
        self.ranks.push((phrase, best, worst));
        Ok(())
    }

    /// The longest rank phrase of the pack at `index`: its end and its positions.
    pub fn rank_at(&self, text: &str, tokens: &[Token], index: usize) -> Option<(usize, u32, u32)> {
        self.ranks
            .iter()
            .filter_map(|(phrase, best, worst)| {
                matches(text, tokens, index, phrase, false).map(|end| (end, *best, *worst))
            })
            .max_by_key(|&(end, _, _)| end)
    }

    /// The longest unit alias at `index` and its end.
    pub(super) fn unit_at(
        &self,
        text: &str,
        tokens: &[Token],
        index: usize,
    ) -> Option<(usize, (Unit, Option<&'static str>))> {
        self.units
            .iter()
            .filter_map(|(alias, unit)| matches(text, tokens, index, alias, true).map(|end| (end, *unit)))
            .max_by_key(|&(end, _)| end)
            .map(|(end, unit)| (end, (unit, Some(ALIAS_NOTE))))
    }

    /// The multiplier of a pack's scale word at `index`.
    pub(super) fn scale_at(&self, text: &str, tokens: &[Token], index: usize) -> Option<(usize, f64)> {
        let word = tokens
            .get(index)
            .filter(|token| token.kind == TokenKind::Word)?
            .text(text);
        self.scales
            .iter()
            .find(|(scale, _)| scale.eq_ignore_ascii_case(word))
            .map(|&(_, factor)| (index + 1, factor))
    }

    /// The longest bound phrase before a figure at `index`.
    pub(super) fn bound_before(&self, text: &str, tokens: &[Token], index: usize) -> Option<(usize, Bound)> {
        longest(&self.before, text, tokens, index)
    }

    /// The longest bound phrase after a figure at `index`.
    pub(super) fn bound_after(&self, text: &str, tokens: &[Token], index: usize) -> Option<(usize, Bound)> {
        longest(&self.after, text, tokens, index)
    }

    /// Whether `word` is a word of a bound phrase before figures (so "Confirmed 40" is no
    /// name).
    pub(super) fn is_bound_word(&self, word: &str) -> bool {
        self.before
            .iter()
            .any(|(phrase, _)| phrase.iter().any(|(part, _)| part.eq_ignore_ascii_case(word)))
    }
}

/// `written` as a phrase of tokens; `None` when it has none.
fn phrase(written: &str) -> Option<Phrase> {
    let tokens = tokenize(written);
    let phrase: Phrase = tokens
        .iter()
        .enumerate()
        .map(|(at, token)| (token.text(written).to_string(), at > 0 && !token.space_before))
        .collect();
    (!phrase.is_empty()).then_some(phrase)
}

fn longest(table: &[(Phrase, Bound)], text: &str, tokens: &[Token], index: usize) -> Option<(usize, Bound)> {
    table
        .iter()
        .filter_map(|(phrase, bound)| matches(text, tokens, index, phrase, false).map(|end| (end, *bound)))
        .max_by_key(|&(end, _)| end)
}

/// The end of `phrase` matched from token `index` on (its glued parts glued in the text too).
fn matches(text: &str, tokens: &[Token], index: usize, phrase: &Phrase, exact_case: bool) -> Option<usize> {
    phrase
        .iter()
        .enumerate()
        .all(|(offset, (part, glued))| {
            tokens.get(index + offset).is_some_and(|token| {
                let written = token.text(text);
                let same = if exact_case {
                    written == part
                } else {
                    written.eq_ignore_ascii_case(part)
                };
                same && (offset == 0 || !*glued || !token.space_before)
            })
        })
        .then_some(index + phrase.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_validated() {
        let mut vocabulary = Vocabulary::default();
        assert!(vocabulary.add_unit("MT", "Mt").is_ok());
        assert!(vocabulary.add_unit("MMT", "million tonnes").is_ok());
        assert_eq!(vocabulary.units[1].1, Unit { code: "t", factor: 1e6 });
        assert_eq!(vocabulary.add_unit("MT", "Mtt"), Err("unknown unit `Mtt`".into()));
        assert_eq!(vocabulary.add_unit(" ", "Mt"), Err("the alias is empty".into()));
        assert!(vocabulary.add_scale("cr", 1e7).is_ok());
        assert!(vocabulary.add_scale("two words", 1e7).is_err());
        assert!(vocabulary.add_scale("cr", -1.0).is_err());
        assert_eq!(
            vocabulary.add_scale("CR", 1e7),
            Err("the scale word `CR` is declared twice".into())
        );
        assert_eq!(
            vocabulary.add_unit("MT", "kt"),
            Err("the alias `MT` is declared twice".into())
        );
        assert!(vocabulary.add_bound("so far", Bound::AtLeast, true).is_ok());
        assert!(vocabulary.add_rank("in pole position", 1, 1).is_ok());
        assert!(vocabulary.add_rank("in the top tier", 1, 5).is_ok());
        assert_eq!(
            vocabulary.add_rank("In Pole Position", 2, 2),
            Err("the rank phrase `In Pole Position` is declared twice".into())
        );
        assert!(vocabulary.add_rank("nowhere", 0, 0).is_err());
        assert!(vocabulary.add_rank("backwards", 3, 2).is_err());
        let text = "Chile sits in the top tier of producers.";
        let tokens = tokenize(text);
        assert_eq!(vocabulary.rank_at(text, &tokens, 2), Some((6, 1, 5)));
        assert_eq!(vocabulary.rank_at(text, &tokens, 3), None);
        assert_eq!(
            vocabulary.add_bound("", Bound::AtLeast, true),
            Err("the phrase is empty".into())
        );
    }
}
