//! The compiled rules: a [`RuleSet`] of lexicons, rules and settings, each keeping where it
//! was written so that diagnostics and lints point into the rules files.

use std::sync::Arc;

use super::diagnostic::Diagnostic;
use super::example::Example;
use super::lexicon::{Entry, Lexicon, LexiconIndex};
use super::pattern::Node;
use super::slots::{Role, SlotKind};
use super::syntax::CompareMode;
use crate::finding::{ComparePolicy, Policy};
use crate::modality::Cues;

/// A compiled template element.
#[derive(Clone, Debug)]
pub enum Element {
    /// A word and its inflections, lowercased.
    Word(Box<[String]>),
    /// A possessive `'s`.
    Possessive,
    /// A punctuation character.
    Punct(char),
    /// A slot.
    Slot(Role, SlotKind),
    /// Alternatives (an empty one makes the group optional).
    Alt(Vec<Vec<Element>>),
    /// Skip up to N tokens.
    Gap(usize),
}

/// A compiled template.
#[derive(Clone, Debug)]
pub struct CompiledPattern {
    /// The elements.
    pub elements: Vec<Element>,
    /// The template as written.
    pub source: String,
    /// The template's syntax tree, with spans into `source`.
    pub nodes: Vec<Node>,
    /// Where the template's string literal is in its rules file.
    pub span: std::ops::Range<usize>,
}

impl CompiledPattern {
    /// Whether every match of the template binds a lexicon slot, so that a sentence without a
    /// lexicon mention (or a word referring back to one) cannot match it. A value-only template
    /// (`{value:quantity} ..3 tax`) does not.
    pub fn needs_entity(&self) -> bool {
        needs_entity(&self.elements)
    }

    /// Whether some slot of the template binds `role` to an open-class name.
    pub fn binds_name(&self, role: Role) -> bool {
        binds_name(&self.elements, role)
    }
}

fn binds_name(elements: &[Element], role: Role) -> bool {
    elements.iter().any(|element| match element {
        Element::Slot(bound, SlotKind::Name) => *bound == role,
        Element::Alt(branches) => branches.iter().any(|branch| binds_name(branch, role)),
        _ => false,
    })
}

/// Whether every way through `elements` passes a lexicon slot (an optional group does not count).
fn needs_entity(elements: &[Element]) -> bool {
    elements.iter().any(|element| match element {
        Element::Slot(_, SlotKind::Lexicon(_)) => true,
        Element::Alt(branches) => branches.iter().all(|branch| needs_entity(branch)),
        _ => false,
    })
}

/// A compiled rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// Unique id.
    pub id: String,
    /// Claim kind.
    pub kind: String,
    /// What it catches.
    pub description: Option<String>,
    /// How values compare.
    pub compare: CompareMode,
    /// Tolerances.
    pub policy: ComparePolicy,
    /// Stance asserted (stance rules).
    pub stance: Option<String>,
    /// Stances this one contradicts.
    pub opposes: Vec<String>,
    /// Category label (category rules).
    pub label: Option<String>,
    /// Default object: (lexicon, entry).
    pub object: Option<(u32, u32)>,
    /// Reach of "one of the largest".
    pub top_k: u32,
    /// Templates.
    pub patterns: Vec<CompiledPattern>,
    /// How the rule reads tables, lists and parenthetical figures (`[rule.table]`).
    pub table: Option<super::table::TableRule>,
    /// Words and marks its gaps never skip; `None` is the built-in list
    /// ([`crate::text::token::GAP_STOPS`]).
    pub gap_stops: Option<Vec<String>>,
    /// Whether slots resolve pronouns and descriptions to an entity named before.
    pub anaphora: bool,
    /// Whether slots accept entities that stand for an entry of their lexicon.
    pub stand_ins: bool,
    /// Whether slots read names that a renaming or apposition made aliases within the article.
    pub article_aliases: bool,
    /// Embedded examples (positive and negative).
    pub examples: Vec<Example>,
    /// Index of the file the rule came from in [`RuleSet::files`].
    pub file: usize,
    /// Byte span of the rule's id in that file.
    pub span: std::ops::Range<usize>,
}

/// A loaded rules file.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path as named by the user.
    pub path: String,
    /// Contents.
    pub source: Arc<str>,
}

/// Everything the matcher and comparator need from the rules.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    /// Files, in load order.
    pub files: Vec<SourceFile>,
    /// All lexicons.
    pub lexicons: Vec<Lexicon>,
    /// Alias index over all lexicons.
    pub index: LexiconIndex,
    /// All rules, in file order.
    pub rules: Vec<Rule>,
    /// Modality cues.
    pub cues: Cues,
    /// Renaming cue phrases the rules files add (`[aliases] cues`), trimmed; the built-in ones
    /// live with the matcher's first pass (`matcher/alias.rs`).
    pub alias_cues: Vec<String>,
    /// The pack's own words for quantities (`[vocabulary]`): unit aliases, scale words and
    /// bound phrases added to the built-in tables.
    pub vocabulary: crate::extract::Vocabulary,
    /// Similarity for shared wording (None = off).
    pub shared_wording: Option<f64>,
    /// Entry id → the id of the entry it lies within, from the lexicons' `parents`.
    pub parents: std::collections::BTreeMap<String, String>,
    /// Page furniture: lines left out of every article.
    pub furniture: crate::text::Furniture,
    /// Warnings found while loading.
    pub warnings: Vec<Diagnostic>,
}

impl RuleSet {
    /// The same lexicons and settings with other rules.
    #[must_use]
    pub fn with_rules(&self, rules: Vec<Rule>) -> RuleSet {
        RuleSet { rules, ..self.clone() }
    }

    /// The comparator's view of the rules.
    pub fn policy(&self) -> Policy {
        let mut policy = Policy {
            shared_wording: self.shared_wording,
            parents: self.parents.clone(),
            ..Policy::default()
        };
        for rule in &self.rules {
            policy.rules.insert(rule.id.clone(), rule.policy.clone());
            if let Some(stance) = &rule.stance {
                for opposed in &rule.opposes {
                    let pair = (rule.kind.clone(), stance.clone(), opposed.clone());
                    if !policy.opposed.contains(&pair) {
                        policy.opposed.push(pair);
                    }
                }
            }
        }
        for lexicon in &self.lexicons {
            for entry in &lexicon.entries {
                policy
                    .names
                    .entry(entry.id.clone())
                    .or_insert_with(|| entry.name.clone());
            }
        }
        policy
    }

    /// Whether every template of every rule needs a lexicon mention to match
    /// ([`CompiledPattern::needs_entity`]): then a sentence without one can be skipped.
    pub fn every_template_needs_entity(&self) -> bool {
        self.rules
            .iter()
            .flat_map(|rule| &rule.patterns)
            .all(CompiledPattern::needs_entity)
    }

    /// Finds an entry by id in any lexicon (first lexicon wins).
    pub fn entry_by_id(&self, id: &str) -> Option<(u32, u32)> {
        self.lexicons.iter().enumerate().find_map(|(lexicon_index, lexicon)| {
            lexicon
                .entries
                .iter()
                .position(|entry| entry.id == id)
                .map(|entry_index| (lexicon_index as u32, entry_index as u32))
        })
    }

    /// The entry at (lexicon, entry).
    pub fn entry(&self, lexicon: u32, entry: u32) -> &Entry {
        &self.lexicons[lexicon as usize].entries[entry as usize]
    }
}
