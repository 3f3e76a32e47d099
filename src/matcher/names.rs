//! The names claims repeat — rule ids and kinds, lexicon names, entry ids — as [`Shared`]
//! strings built once per [`super::Matcher`], so a million claims of one rule about one country
//! hold one copy of each name, not a million.

use crate::claim::Shared;
use crate::rules::{Rule, RuleSet};

/// Every rule's id and kind and every lexicon's name and entry ids, shared.
pub(super) struct Names {
    /// `(id, kind)` of each rule, in rule-set order.
    rules: Vec<(Shared, Shared)>,
    /// Each lexicon's name, in rule-set order.
    lexicons: Vec<Shared>,
    /// Each lexicon's entry ids, in entry order.
    entries: Vec<Vec<Shared>>,
}

impl Names {
    /// The names of `rules`.
    pub(super) fn new(rules: &RuleSet) -> Self {
        Names {
            rules: rules
                .rules
                .iter()
                .map(|rule| (Shared::from(rule.id.as_str()), Shared::from(rule.kind.as_str())))
                .collect(),
            lexicons: rules
                .lexicons
                .iter()
                .map(|lexicon| Shared::from(lexicon.name.as_str()))
                .collect(),
            entries: rules
                .lexicons
                .iter()
                .map(|lexicon| {
                    lexicon
                        .entries
                        .iter()
                        .map(|entry| Shared::from(entry.id.as_str()))
                        .collect()
                })
                .collect(),
        }
    }

    /// The id and kind of `rule`, one of `rules`' (the rule set these names were built from);
    /// fresh copies for a rule from elsewhere. A scan of pointers: rule sets hold tens of rules,
    /// and a claim is built far less often than a template is tried.
    pub(super) fn rule(&self, rules: &RuleSet, rule: &Rule) -> (Shared, Shared) {
        match rules.rules.iter().position(|candidate| std::ptr::eq(candidate, rule)) {
            Some(index) if index < self.rules.len() => self.rules[index].clone(),
            _ => (rule.id.as_str().into(), rule.kind.as_str().into()),
        }
    }

    /// The name of lexicon `lexicon`.
    pub(super) fn lexicon(&self, lexicon: u32) -> Shared {
        self.lexicons[lexicon as usize].clone()
    }

    /// The id of entry `entry` of lexicon `lexicon`.
    pub(super) fn entry(&self, lexicon: u32, entry: u32) -> Shared {
        self.entries[lexicon as usize][entry as usize].clone()
    }
}
