//! Names: an open class of capitalised words read as a subject, object or other entity without a
//! lexicon entry ("Orbis Motors", "Pryce & Lindqvist", "Kel-Mart Stores", "J. R. Vane
//! Holdings", "Bank of Chile").
//!
//! [`name_at`] reads a run of capitalised words starting exactly at a token, joined by `&`, by
//! the period of an initial ("J."), or by a lower-case particle before another capitalised word
//! (`of`, `de`, `van` …); a hyphen between letters is no token, so "Kel-Mart" is two words.
//! It ends before a possessive ("Halden Re's"), a comma or any lower-case word. The name's
//! canonical id is its words lower-cased and joined by `-` (`&` read as `and`, periods dropped),
//! so "Kel-Mart Stores" and "Kel Mart Stores" are one entity.
//!
//! Decisions:
//! - a name never starts at a capitalised function word, pronoun, honorific, weekday or month
//!   ("The", "In", "It", "Mr", "Monday"), which sentence case or a title would make look like
//!   one: "Mr Vane" is the name "Vane";
//! - a name is read whole: a lexicon entity inside it ("Kenya" in "Vodacom Kenya") does not make
//!   it that entity; whether a lexicon alias covers the whole name is the matcher's decision.

use super::is_kind;
use crate::claim::Span;
use crate::text::token::{Token, TokenKind};

/// The most words a name has: longer capitalised runs are headlines, not names.
const MAX_WORDS: usize = 8;

/// Capitalised words that never start a name: function words, pronouns, honorifics, weekdays
/// and months.
const NOT_A_START: &[&str] = &[
    "A",
    "About",
    "According",
    "After",
    "Against",
    "All",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "As",
    "At",
    "Because",
    "Before",
    "Between",
    "Both",
    "But",
    "By",
    "Despite",
    "Dr",
    "During",
    "Each",
    "Either",
    "Even",
    "Every",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Into",
    "It",
    "Its",
    "Last",
    "Lord",
    "Many",
    "Meanwhile",
    "Most",
    "Mr",
    "Mrs",
    "Ms",
    "My",
    "Neither",
    "Next",
    "No",
    "Nor",
    "Not",
    "Of",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Our",
    "Over",
    "Since",
    "Sir",
    "So",
    "Some",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Through",
    "To",
    "Under",
    "Unlike",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "With",
    "Yet",
    "You",
    "Your",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Lower-case particles that continue a name when a capitalised word follows: "Bank of Chile",
/// "Banco de Chile", "Van der Berg".
const PARTICLES: &[&str] = &[
    "of", "de", "del", "du", "da", "der", "van", "von", "la", "le", "al", "y",
];

/// An open-class name read from a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// The canonical id: the words lower-cased and joined by `-`.
    pub id: String,
    /// Where the name is in the text.
    pub span: Span,
}

/// Whether token `index` is a word that starts with an upper-case letter.
fn capitalised(text: &str, tokens: &[Token], index: usize) -> bool {
    is_kind(tokens, index, TokenKind::Word) && tokens[index].text(text).chars().next().is_some_and(char::is_uppercase)
}

/// Whether token `index` is a single capital letter followed by a glued period: an initial.
fn initial_at(text: &str, tokens: &[Token], index: usize) -> bool {
    let word = tokens[index].text(text);
    word.chars().count() == 1
        && tokens
            .get(index + 1)
            .is_some_and(|next| !next.space_before && next.text(text) == ".")
}

/// Reads a name starting exactly at token `start`: one past its last token and the name.
pub fn name_at(text: &str, tokens: &[Token], start: usize) -> Option<(usize, Name)> {
    // "A. P. Moller": an initial is never the article "A".
    if !capitalised(text, tokens, start)
        || NOT_A_START.contains(&tokens[start].text(text)) && !initial_at(text, tokens, start)
    {
        return None;
    }
    let mut end = start + 1;
    for _ in 1..MAX_WORDS {
        let joined = initial_at(text, tokens, end - 1)
            || tokens.get(end).is_some_and(|token| {
                token.text(text) == "&" || token.kind == TokenKind::Word && PARTICLES.contains(&token.text(text))
            });
        let next = if joined { end + 1 } else { end };
        if !capitalised(text, tokens, next) {
            break;
        }
        end = next + 1;
    }
    let id = tokens[start..end]
        .iter()
        .filter_map(|token| match token.text(text) {
            "&" => Some("and".to_string()),
            "." => None,
            word => Some(word.to_lowercase()),
        })
        .collect::<Vec<_>>()
        .join("-");
    let span = Span::new(tokens[start].start, tokens[end - 1].end);
    Some((end, Name { id, span }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    #[track_caller]
    fn check(sentence: &str, expected: Option<(&str, &str)>) {
        let tokens = tokenize(sentence);
        let read = name_at(sentence, &tokens, 0).map(|(_, name)| (name.id, sentence[name.span.range()].to_string()));
        assert_eq!(
            read,
            expected.map(|(id, words)| (id.to_string(), words.to_string())),
            "{sentence}"
        );
    }

    #[test]
    fn names_as_news_writes_them() {
        check(
            "Orbis Motors, the world's biggest truck maker",
            Some(("orbis-motors", "Orbis Motors")),
        );
        check(
            "Pryce & Lindqvist said",
            Some(("pryce-and-lindqvist", "Pryce & Lindqvist")),
        );
        check("Kel-Mart Stores is", Some(("kel-mart-stores", "Kel-Mart Stores")));
        check(
            "J. R. Vane Holdings owns",
            Some(("j-r-vane-holdings", "J. R. Vane Holdings")),
        );
        check("Halden Re's profit", Some(("halden-re", "Halden Re")));
        check("Bank of Chile raised", Some(("bank-of-chile", "Bank of Chile")));
        check("Vodacom Kenya has", Some(("vodacom-kenya", "Vodacom Kenya")));
        check("BHP is", Some(("bhp", "BHP")));
        check(
            "A. P. Moller Group owns",
            Some(("a-p-moller-group", "A. P. Moller Group")),
        );
        check("Orbis of the north", Some(("orbis", "Orbis")));
    }

    #[test]
    fn what_is_no_name() {
        for sentence in [
            "The company said",
            "In 2024 it grew",
            "orbis motors",
            "Mr Vane said",
            "Monday saw",
            "2024 was",
            "It holds",
        ] {
            check(sentence, None);
        }
    }
}
