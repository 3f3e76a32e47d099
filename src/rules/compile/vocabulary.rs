//! `[vocabulary]`: a pack's unit aliases, scale words, bound phrases and rank phrases, validated
//! and added to the rule set's [`Vocabulary`].

use std::sync::Arc;

use super::template::closest;
use crate::claim::Bound;
use crate::extract::Vocabulary;
use crate::rules::diagnostic::Diagnostic;
use crate::rules::syntax::VocabularySyntax;

/// The bound names a `[vocabulary]` bound phrase may give, as the JSON report writes them.
const BOUNDS: &[(&str, Bound)] = &[
    ("at_least", Bound::AtLeast),
    ("more_than", Bound::MoreThan),
    ("at_most", Bound::AtMost),
    ("less_than", Bound::LessThan),
    ("approximate", Bound::Approximate),
];

/// Adds one file's `[vocabulary]` to `vocabulary`, each bad entry an error at it.
pub(super) fn compile_vocabulary(
    syntax: &VocabularySyntax,
    path: &str,
    source: &Arc<str>,
    vocabulary: &mut Vocabulary,
    problems: &mut Vec<Diagnostic>,
) {
    for entry in &syntax.units {
        let (alias, unit) = (&entry.get_ref().alias, &entry.get_ref().unit);
        if let Err(message) = vocabulary.add_unit(alias.get_ref(), unit.get_ref()) {
            let (span, hint) = if message.starts_with("unknown unit") {
                let names: Vec<String> = crate::extract::quantity::unit_names().collect();
                let hint = match closest(unit.get_ref(), names.iter().map(String::as_str)) {
                    Some(near) => format!(
                        "did you mean `{near}`? name a unit the quantity reader knows (t, kt, Mt, tonnes, GWh, USD …)"
                    ),
                    None => "name a unit the quantity reader knows (t, kt, Mt, tonnes, GWh, USD …)".to_string(),
                };
                (unit.span(), hint)
            } else if message.ends_with("declared twice") {
                (
                    alias.span(),
                    "keep one entry for the alias, in one file of the rule set".to_string(),
                )
            } else {
                (
                    alias.span(),
                    "write the unit as the sources write it after a number, e.g. \"MT\"".to_string(),
                )
            };
            problems.push(Diagnostic::error(path, source, span, format!("unit alias: {message}")).hint(hint));
        }
    }
    for entry in &syntax.scales {
        let (word, factor) = (&entry.get_ref().word, &entry.get_ref().factor);
        if let Err(message) = vocabulary.add_scale(word.get_ref(), *factor.get_ref()) {
            let span = if message.starts_with("factor") {
                factor.span()
            } else {
                word.span()
            };
            let hint = if message.ends_with("declared twice") {
                "keep one entry for the word, in one file of the rule set"
            } else {
                "a scale word is one word and a positive factor, e.g. { word = \"cr\", factor = 1e7 }"
            };
            problems.push(Diagnostic::error(path, source, span, format!("scale word: {message}")).hint(hint));
        }
    }
    for entry in &syntax.bounds {
        let cue = entry.get_ref();
        let Some(&(_, bound)) = BOUNDS.iter().find(|(name, _)| name == cue.bound.get_ref()) else {
            let names = BOUNDS.iter().map(|(name, _)| *name);
            let hint = match closest(cue.bound.get_ref(), names) {
                Some(near) => {
                    format!("did you mean `{near}`? use at_least, more_than, at_most, less_than or approximate")
                }
                None => "use at_least, more_than, at_most, less_than or approximate".to_string(),
            };
            problems.push(
                Diagnostic::error(
                    path,
                    source,
                    cue.bound.span(),
                    format!("unknown bound `{}`", cue.bound.get_ref()),
                )
                .hint(hint),
            );
            continue;
        };
        if let Err(message) = vocabulary.add_bound(cue.phrase.get_ref(), bound, cue.after.unwrap_or(false)) {
            problems.push(
                Diagnostic::error(path, source, cue.phrase.span(), format!("bound phrase: {message}")).hint(
                    "write the words that stand before the figure, or after it with `after = true`, e.g. \"so far\"",
                ),
            );
        }
    }
    for entry in &syntax.ranks {
        let cue = entry.get_ref();
        let positions = match (&cue.rank, &cue.top) {
            (Some(rank), None) => Ok((*rank.get_ref(), *rank.get_ref())),
            (None, Some(top)) => Ok((1, *top.get_ref())),
            (Some(_), Some(top)) => Err((top.span(), "a rank phrase gives `rank` or `top`, not both")),
            (None, None) => Err((
                entry.span(),
                "a rank phrase needs `rank` (one position) or `top` (the first N)",
            )),
        };
        let (best, worst) = match positions {
            Ok(positions) => positions,
            Err((span, message)) => {
                problems.push(
                    Diagnostic::error(path, source, span, format!("rank phrase: {message}")).hint(
                        "e.g. { phrase = \"in pole position\", rank = 1 } or { phrase = \"in the top tier\", top = 5 }",
                    ),
                );
                continue;
            }
        };
        if let Err(message) = vocabulary.add_rank(cue.phrase.get_ref(), best, worst) {
            let span = if message.starts_with("positions") {
                cue.rank
                    .as_ref()
                    .or(cue.top.as_ref())
                    .map_or(cue.phrase.span(), toml::Spanned::span)
            } else {
                cue.phrase.span()
            };
            let hint = if message.ends_with("declared twice") {
                "keep one entry for the phrase, in one file of the rule set"
            } else if message.starts_with("positions") {
                "use rank = 1 for the first place, or top = N for the first N places"
            } else {
                "write the words the sources use for the position, e.g. \"in pole position\", with rank = 1"
            };
            problems.push(Diagnostic::error(path, source, span, format!("rank phrase: {message}")).hint(hint));
        }
    }
}
