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

use std::ops::Range;

use crate::claim::Value;
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
