//! Whether a match with coordinated subjects ("China and Russia …") says its value of each
//! subject, so that it gives one claim per subject, or of them together, so that it gives none.
//!
//! - A joint cue says the value is the subjects' together: "together", "combined", "jointly",
//!   "collectively", "altogether", "between them", "a total of", "in total"; "respectively"
//!   pairs each subject with a value of its own. Either way no claim is made: a claim on a
//!   combined key would be about an entity no lexicon lists.
//! - A distributive cue says the value is each one's: "each" (not "each year"), "apiece",
//!   "both" (just before the match or inside it: not "…, both countries said").
//! - Without either, what holds of a group holds of each member only where the value is no
//!   figure of its own: a statement, stance, category or order ("China and Russia hold large
//!   reserves"), or a rank: a range ("among the largest") holds of each, and one position the
//!   subjects share ("Orbis and Kestrel, the world's biggest truck makers") puts each in the
//!   positions from it on (the top two; `claim/rank.rs` widens it), never both first, when the
//!   match goes on to a plural noun ("makers", "reserves"); with a singular one ("the world's
//!   biggest brewer", a merger's) it is the group's. A figure
//!   or a change is read as the group's ("Chile and Peru produce 8 Mt of copper" is not 8 Mt
//!   each) and needs a distributive cue.
//!
//! The cues are read in the match and the three tokens either side of it; "respectively" to
//! the end of the sentence, where it usually stands.
//!
//! "Respectively" pairs instead: "China and Russia hold 44 Mt and 10 Mt of reserves,
//! respectively" gives China 44 Mt and Russia 10 Mt. The value slot reads the whole list of
//! figures ([`respective_figures`]); a figure without a unit of its own takes the last one's
//! ("44 and 10 million tonnes"), and a match gives a claim per subject only when there are as
//! many figures as subjects (else none).

use std::ops::Range;

use crate::claim::{Quantity, Value};
use crate::extract::Vocabulary;
use crate::text::token::Token;

/// Words after which "each" is no distributive cue but a frequency: "each year".
const EACH_NOT: &[&str] = &[
    "year", "month", "week", "day", "quarter", "season", "time", "other", "one",
];

/// Single words that make a coordinated value the subjects' together.
const JOINT: &[&str] = &["together", "combined", "jointly", "collectively", "altogether"];

/// How far either side of the match cues are read, in tokens.
const REACH: usize = 3;

/// Whether the match `matched` (token range) of a sentence tokenized as `tokens`, with a
/// coordinated subject, states `value` (`None`: a statement, stance, category or order) of each
/// subject.
pub(super) fn distributes(text: &str, tokens: &[Token], matched: Range<usize>, value: Option<&Value>) -> bool {
    let is = |index: usize, word: &str| tokens.get(index).is_some_and(|token| token.is(text, word));
    let window = matched.start.saturating_sub(REACH)..(matched.end + REACH).min(tokens.len());
    let joint = window.clone().any(|index| {
        JOINT.iter().any(|word| is(index, word))
            || is(index, "between") && (is(index + 1, "them") || is(index + 1, "the") && is(index + 2, "two"))
            || is(index, "total") && (is(index + 1, "of") || index > 0 && is(index - 1, "in"))
    }) || (window.start..tokens.len()).any(|index| is(index, "respectively"));
    if joint {
        return false;
    }
    // "Both China and Russia", "China and Russia both hold"; not "…, both countries said".
    let both = matched.start.saturating_sub(1)..matched.end;
    let distributive = both.into_iter().any(|index| is(index, "both"))
        || window.into_iter().any(|index| {
            is(index, "apiece")
                || is(index, "each")
                    && !EACH_NOT
                        .iter()
                        .any(|word| is(index + 1, word) || is(index + 1, &format!("{word}s")))
        });
    distributive
        || match value {
            None => true,
            Some(Value::Rank(rank)) => rank.best != rank.worst || plural_after(text, tokens, matched, rank.span.end),
            Some(_) => false,
        }
}

/// The token of the sentence's last "respectively", if it has one (the template engine reads
/// it once per sentence).
pub(super) fn last_respectively(text: &str, tokens: &[Token]) -> Option<usize> {
    tokens.iter().rposition(|token| token.is(text, "respectively"))
}

/// The list of figures a "respectively" sentence gives, from `first` (read up to token `end`):
/// "44 Mt, 21 Mt and 6.9 Mt", "44 million and 10 million tonnes". The end of the list and its
/// figures, each with its unit (a bare figure takes the last one's unit and scale), when there
/// are at least two and they share one unit.
pub(super) fn respective_figures(
    text: &str,
    tokens: &[Token],
    first: &Quantity,
    end: usize,
    vocabulary: &Vocabulary,
) -> Option<(usize, Vec<Quantity>)> {
    let mut figures = vec![first.clone()];
    let mut end = end;
    loop {
        let mut next = end;
        if tokens.get(next).is_some_and(|token| token.is(text, ",")) {
            next += 1;
        }
        if tokens.get(next).is_some_and(|token| token.is(text, "and")) {
            next += 1;
        }
        if next == end {
            break;
        }
        let Some((after, figure)) = crate::extract::quantity_in(text, tokens, next, vocabulary) else {
            break;
        };
        figures.push(figure);
        end = after;
    }
    if figures.len() < 2 {
        return None;
    }
    let last = figures.last()?.clone();
    // "44 and 10 million tonnes": the scale the last figure was written with.
    let scale = leading_number(&last.text)
        .filter(|&number| number > 0.0)
        .map_or(1.0, |number| last.value / number);
    for figure in &mut figures {
        if figure.unit.is_empty() && figure.noun.is_none() && !last.unit.is_empty() {
            if leading_number(&figure.text).is_some_and(|number| number == figure.value) && scale >= 1000.0 {
                figure.value *= scale;
                figure.low = figure.low.map(|low| low * scale);
                figure.high = figure.high.map(|high| high * scale);
            }
            figure.unit.clone_from(&last.unit);
        }
    }
    figures
        .iter()
        .all(|figure| figure.unit == last.unit)
        .then_some((end, figures))
}

/// The number a figure's text starts with, as written ("44" of "44 million tonnes").
fn leading_number(text: &str) -> Option<f64> {
    let digits: String = text
        .trim_start_matches(['$', '€', '£', '~'])
        .chars()
        .take_while(|character| character.is_ascii_digit() || *character == '.' || *character == ',')
        .filter(|character| *character != ',')
        .collect();
    digits.parse().ok()
}

/// Whether a word of the match after byte `after` (the end of its rank) is a plural noun.
fn plural_after(text: &str, tokens: &[Token], matched: Range<usize>, after: usize) -> bool {
    tokens
        .get(matched)
        .unwrap_or_default()
        .iter()
        .filter(|token| token.start >= after)
        .any(|token| {
            let word = &text[token.start..token.end];
            word.len() > 3
                && word.bytes().all(|byte| byte.is_ascii_lowercase())
                && word.ends_with('s')
                && !["ss", "us", "is"].iter().any(|ending| word.ends_with(ending))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Span;
    use crate::text::token::tokenize;
    use crate::value::Rank;

    /// Whether `sentence`, matched whole, distributes `value`.
    fn check(sentence: &str, value: Option<&Value>) -> bool {
        let tokens = tokenize(sentence);
        distributes(sentence, &tokens, 0..tokens.len(), value)
    }

    fn rank(best: u32, worst: u32) -> Value {
        Value::Rank(Rank {
            best,
            worst,
            text: String::new(),
            span: Span::default(),
            within: None,
            alternatives: Vec::new(),
        })
    }

    #[test]
    fn statements_distribute_unless_joint() {
        assert!(check("China and Russia hold large reserves", None));
        assert!(!check("China and Russia together hold large reserves", None));
        assert!(!check("China and Russia hold large reserves between them", None));
        assert!(!check(
            "China and Russia hold large and small reserves, respectively",
            None
        ));
    }

    #[test]
    fn figures_need_a_distributive_cue() {
        let figure = Value::Statement;
        assert!(!check("Chile and Peru produce 8 Mt", Some(&figure)));
        assert!(check("Chile and Peru each produce 8 Mt", Some(&figure)));
        assert!(check("Chile and Peru produce 8 Mt apiece", Some(&figure)));
        assert!(check("Both Chile and Peru produce 8 Mt", Some(&figure)));
        assert!(!check("Chile and Peru produce 8 Mt each year", Some(&figure)));
        let tokens = tokenize("Chile and Peru produce 8 Mt, both countries said");
        let text = "Chile and Peru produce 8 Mt, both countries said";
        assert!(!distributes(text, &tokens, 0..6, Some(&figure)));
        assert!(!check("Chile and Peru each produce a total of 8 Mt", Some(&figure)));
        assert!(!check("Chile and Peru have a combined 8 Mt", Some(&figure)));
        assert!(!check("Chile and Peru produce 8 Mt in total", Some(&figure)));
    }

    fn figures(sentence: &str) -> Option<Vec<(f64, String)>> {
        let tokens = tokenize(sentence);
        let vocabulary = Vocabulary::none();
        let start = tokens
            .iter()
            .position(|token| token.text(sentence).starts_with(|c: char| c.is_ascii_digit()))?;
        let (end, first) = crate::extract::quantity_in(sentence, &tokens, start, vocabulary)?;
        respective_figures(sentence, &tokens, &first, end, vocabulary)
            .map(|(_, figures)| figures.into_iter().map(|figure| (figure.value, figure.unit)).collect())
    }

    #[test]
    fn respective_figures_are_read_as_a_list() {
        let t = |value: f64| (value, "t".to_owned());
        assert_eq!(
            figures("China and Russia hold 44 Mt and 10 Mt, respectively."),
            Some(vec![t(44e6), t(10e6)])
        );
        assert_eq!(
            figures("China, Brazil and India hold 44 million, 21 million and 6.9 million tonnes, respectively."),
            Some(vec![t(44e6), t(21e6), t(6.9e6)])
        );
        assert_eq!(
            figures("China and Vietnam hold 44 and 22 million tonnes respectively."),
            Some(vec![t(44e6), t(22e6)])
        );
        // Different measures are no list of one measure; one figure is no list.
        assert_eq!(figures("Chile and Peru mine 5 Mt and 12% respectively."), None);
        assert_eq!(figures("Chile and Peru mine 5 Mt, respectively."), None);
    }

    #[test]
    fn ranks_distribute_as_shared_positions() {
        assert!(check("China and Russia are among the largest", Some(&rank(1, 10))));
        assert!(check(
            "Orbis and Kestrel, the world's biggest truck makers",
            Some(&rank(1, 1))
        ));
        assert!(!check(
            "Brewfield and Tamsin, the world's biggest brewer by volume",
            Some(&rank(1, 1))
        ));
        assert!(!check(
            "China and Russia together have the largest reserves",
            Some(&rank(1, 1))
        ));
    }
}
