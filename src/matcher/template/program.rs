//! Templates as the engine runs them: each literal word a set of numbers, so that a token is
//! looked up once per sentence instead of compared with every form of every word of every
//! template tried there.
//!
//! A rule's compiled [`Element`]s say what a template matches; a [`Step`] sequence matches the
//! same token sequences with the same bindings, in the same order of trial:
//!
//! - a word's forms become the numbers of their ASCII-lowercased spellings in [`Words`], and a
//!   token matches when the number of its ASCII-lowercased text is among them (the same test
//!   as `eq_ignore_ascii_case` against each form, done once per token);
//! - consecutive branches of an alternation that are each one word become one word whose forms
//!   are theirs together. Each such branch takes exactly one token and goes on with the same
//!   continuation, and two of them match one token only when they share a form, so trying
//!   them together finds the first match trying them one by one finds;
//! - an alternation left with a single branch of one word is that word. Every other element
//!   keeps its place, so the top-level steps of a template are its top-level elements, one
//!   for one (`explain`'s near misses count them).

use rustc_hash::FxHashMap;

use crate::rules::{Element, Role, Rule, SlotKind};
use crate::text::token::{Token, TokenKind};

/// The number of a token that is no template's word (or not a word at all).
pub(super) const NO_WORD: u32 = u32::MAX;

/// One element of a template as the engine runs it; see the module's documentation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// A word: the numbers of its forms in [`Words`], sorted.
    Word(Box<[u32]>),
    /// A possessive `'s`.
    Possessive,
    /// A punctuation character.
    Punct(char),
    /// A slot.
    Slot(Role, SlotKind),
    /// Alternatives, tried in order (an empty one makes the group optional).
    Alt(Box<[Box<[Step]>]>),
    /// Skip up to N tokens.
    Gap(usize),
}

impl Step {
    /// Whether this word step takes a token numbered `word`.
    pub(super) fn takes(forms: &[u32], word: u32) -> bool {
        word != NO_WORD && forms.contains(&word)
    }
}

/// The templates' words, numbered: every ASCII-lowercased form of every literal word.
#[derive(Debug, Default)]
pub(crate) struct Words {
    numbers: FxHashMap<Box<str>, u32>,
}

impl Words {
    fn number(&mut self, form: &str) -> u32 {
        let next = u32::try_from(self.numbers.len()).expect("fewer than 2^32 template words");
        *self
            .numbers
            .entry(form.to_ascii_lowercase().into_boxed_str())
            .or_insert(next)
    }

    /// The number of each token of a sentence of `text` ([`NO_WORD`] for tokens that are no
    /// template's word, and for every token that is not a word or a number, which no word step
    /// takes), into `out`.
    pub(super) fn number_tokens(&self, text: &str, tokens: &[Token], out: &mut Vec<u32>) {
        out.clear();
        let mut lowered = String::new();
        out.extend(tokens.iter().map(|token| {
            if token.kind != TokenKind::Word && token.kind != TokenKind::Number {
                return NO_WORD;
            }
            let word = token.text(text);
            let key = if word.bytes().any(|byte| byte.is_ascii_uppercase()) {
                lowered.clear();
                lowered.push_str(word);
                lowered.make_ascii_lowercase();
                lowered.as_str()
            } else {
                word
            };
            self.numbers.get(key).copied().unwrap_or(NO_WORD)
        }));
    }
}

/// Every template of a rule set as steps, with the words they share.
#[derive(Debug, Default)]
pub(crate) struct Programs {
    pub(super) words: Words,
    /// Per rule, per template: its steps.
    rules: Vec<Vec<Box<[Step]>>>,
}

impl Programs {
    /// The programs of `rules`, in order.
    pub(crate) fn new<'r>(rules: impl IntoIterator<Item = &'r Rule>) -> Programs {
        let mut programs = Programs::default();
        for rule in rules {
            let templates = rule
                .patterns
                .iter()
                .map(|pattern| compile(&pattern.elements, &mut programs.words))
                .collect();
            programs.rules.push(templates);
        }
        programs
    }

    /// The templates of rule number `rule` (in the order given to [`Programs::new`]).
    pub(crate) fn rule(&self, rule: usize) -> &[Box<[Step]>] {
        &self.rules[rule]
    }
}

fn compile(elements: &[Element], words: &mut Words) -> Box<[Step]> {
    elements.iter().map(|element| step(element, words)).collect()
}

fn step(element: &Element, words: &mut Words) -> Step {
    match element {
        Element::Word(forms) => word(forms.iter().map(|form| words.number(form)).collect()),
        Element::Possessive => Step::Possessive,
        Element::Punct(character) => Step::Punct(*character),
        Element::Slot(role, kind) => Step::Slot(*role, *kind),
        Element::Gap(size) => Step::Gap(*size),
        Element::Alt(branches) => {
            let mut merged: Vec<Box<[Step]>> = Vec::with_capacity(branches.len());
            for branch in branches {
                let branch = compile(branch, words);
                if let [Step::Word(forms)] = &*branch
                    && let Some(last) = merged.last_mut()
                    && let [Step::Word(before)] = &**last
                {
                    let together = word(before.iter().chain(forms.iter()).copied().collect());
                    *last = Box::new([together]);
                    continue;
                }
                merged.push(branch);
            }
            if let [branch] = &merged[..]
                && let [Step::Word(forms)] = &**branch
            {
                return Step::Word(forms.clone());
            }
            Step::Alt(merged.into_boxed_slice())
        }
    }
}

fn word(mut numbers: Vec<u32>) -> Step {
    numbers.sort_unstable();
    numbers.dedup();
    Step::Word(numbers.into_boxed_slice())
}
