//! Near misses for `explain`: how far each template of a rule gets in one sentence.
//!
//! A probe runs the template engine on ever shorter prefixes of a template's top-level
//! elements until one matches somewhere; the first element after that prefix is what stopped
//! the template. It needs the rule set's lexicon index only, not the prefilter, so it takes the
//! [`RuleSet`] rather than a [`super::Matcher`].

use super::template::{Engine, Programs};
use crate::rules::lexicon::EntityMatch;
use crate::rules::{Rule, RuleSet};
use crate::text::token::Token;

/// How far one template of a rule got in a sentence, for `explain`'s near misses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternProbe {
    /// Index of the template in the rule.
    pub pattern: usize,
    /// How many of the template's top-level elements matched in a row (all of them: a match).
    pub matched: usize,
    /// Token where the best partial match started.
    pub start: usize,
    /// Token after the last element that matched (where the next element failed).
    pub end: usize,
}

/// Runs every template of `rule` over one sentence `text` (tokenized as `tokens`) and reports,
/// per template, the longest run of leading top-level elements that matches anywhere.
pub fn probe(rules: &RuleSet, rule: &Rule, text: &str, tokens: &[Token]) -> Vec<PatternProbe> {
    let mut entities = Vec::new();
    rules.index.find(text, tokens, &mut String::new(), &mut entities);
    probe_with(rules, rule, text, tokens, &entities)
}

/// [`probe`] with the sentence's mentions given (the lexicons' and the article-local aliases').
pub fn probe_with(
    rules: &RuleSet,
    rule: &Rule,
    text: &str,
    tokens: &[Token],
    entities: &[EntityMatch],
) -> Vec<PatternProbe> {
    let programs = Programs::new([rule]);
    let mut engine = Engine::new(text, tokens, entities, &programs).with_vocabulary(&rules.vocabulary);
    engine.read_ranks_with(rule.top_k);
    let mut probes = Vec::new();
    for (pattern_index, steps) in programs.rule(0).iter().enumerate() {
        let mut best = PatternProbe {
            pattern: pattern_index,
            matched: 0,
            start: 0,
            end: 0,
        };
        'prefixes: for length in (1..=steps.len()).rev() {
            for start in 0..tokens.len() {
                if let Some(end) = engine.match_at(&steps[..length], start) {
                    best = PatternProbe {
                        pattern: pattern_index,
                        matched: length,
                        start,
                        end,
                    };
                    break 'prefixes;
                }
            }
        }
        probes.push(best);
    }
    probes
}
