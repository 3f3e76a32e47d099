//! Context beyond the sentence: what a pronoun, a description or a continuation ("He added")
//! refers back to, read from the paragraph around the sentence.
//!
//! Key decision: the sentences before are read lazily, only when a claim needs an antecedent.
//! The prefilter may have dropped them (they need not match any template to name the subject),
//! so they are segmented, tokenized and searched for mentions from the paragraph's text here,
//! at most once per sentence that needs them. Claims that need no context cost nothing.
//!
//! Resolution: the nearest sentence with a compatible mention decides — first the sentence
//! itself before the anaphor, then each of the two sentences before it in the same paragraph.
//! It resolves only when every compatible mention there names the same entry; two candidates
//! (Russia and China) leave the anaphor unresolved, and so does a paragraph break.

use std::cell::OnceCell;
use std::ops::Range;

use super::alias::Aliases;
use crate::claim::Span;
use crate::rules::RuleSet;
use crate::rules::lexicon::EntityMatch;
use crate::text::segment;
use crate::text::token::{Token, tokenize_into};

/// How many sentences before the current one an antecedent may be in.
const SENTENCES_BACK: usize = 2;

/// A lexicon mention in a sentence before, by bytes.
#[derive(Clone, Copy, Debug)]
struct Mention {
    lexicon: u32,
    entry: u32,
    span: Span,
    /// The article-local alias link it was read through, by index.
    link: Option<usize>,
}

/// What an anaphor was resolved to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Found {
    /// The (lexicon, entry) referred to.
    pub(super) entry: (u32, u32),
    /// The mention it was read from.
    pub(super) span: Span,
    /// The (lexicon, entry) of that mention when it stands for the entry ("Putin" → Russia).
    pub(super) via: Option<(u32, u32)>,
    /// The article-local alias link that mention was read through, by index in the article's
    /// [`Aliases`].
    pub(super) link: Option<usize>,
}

/// Why an anaphor was left unresolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Unresolved {
    /// No compatible mention in the sentence or the sentences before, in the same paragraph.
    NoCandidate,
    /// The nearest sentence with a compatible mention names these different entries.
    Ambiguous(Vec<(u32, u32)>),
}

/// The paragraph around one sentence, with the mentions of the sentences before it read on
/// first use.
pub(super) struct Paragraph<'a> {
    rules: &'a RuleSet,
    text: &'a str,
    /// From the paragraph's start to the sentence's start.
    before: Range<usize>,
    /// Mentions of up to [`SENTENCES_BACK`] sentences before, the nearest first.
    previous: OnceCell<Vec<Vec<Mention>>>,
    /// The article's local aliases, read as mentions too.
    aliases: Option<&'a Aliases>,
}

impl<'a> Paragraph<'a> {
    /// The paragraph `block` of `text` around the sentence starting at byte `sentence_start`.
    pub(super) fn new(rules: &'a RuleSet, text: &'a str, block: Range<usize>, sentence_start: usize) -> Self {
        let start = block.start.min(sentence_start);
        Paragraph {
            rules,
            text,
            before: start..sentence_start,
            previous: OnceCell::new(),
            aliases: None,
        }
    }

    /// The same paragraph, with the names `aliases` links read as mentions of their entries.
    #[must_use]
    pub(super) fn with_aliases(mut self, aliases: Option<&'a Aliases>) -> Self {
        self.aliases = aliases.filter(|aliases| !aliases.is_empty());
        self
    }

    /// The mentions `entities` of `tokens`, by bytes, with the link each was read through.
    fn mentions(&self, tokens: &[Token], entities: &[EntityMatch]) -> Vec<Mention> {
        entities
            .iter()
            .map(|entity| Mention {
                lexicon: entity.lexicon,
                entry: entity.entry,
                span: Span::new(tokens[entity.start].start, tokens[entity.end - 1].end),
                link: self
                    .aliases
                    .and_then(|aliases| aliases.link_of(self.text, tokens, entity)),
            })
            .collect()
    }

    fn previous(&self) -> &[Vec<Mention>] {
        self.previous.get_or_init(|| {
            let sentences = segment::segment(self.text, self.before.clone());
            let mut tokens: Vec<Token> = Vec::new();
            let mut entities = Vec::new();
            let mut scratch = String::new();
            sentences
                .iter()
                .rev()
                .take(SENTENCES_BACK)
                .map(|sentence| {
                    tokens.clear();
                    tokenize_into(self.text, sentence.clone(), &mut tokens);
                    self.rules.index.find(self.text, &tokens, &mut scratch, &mut entities);
                    if let Some(aliases) = self.aliases {
                        aliases.extend(self.text, &tokens, &mut entities);
                    }
                    self.mentions(&tokens, &entities)
                })
                .collect()
        })
    }

    /// The entry of `lexicon` that an anaphor refers back to, given the mentions of its own
    /// sentence before it (`before`, tokenized as `tokens`); stand-ins count when `stand_ins`.
    /// `None` when no sentence in reach names one, or the nearest that does names two.
    pub(super) fn resolve(
        &self,
        lexicon: u32,
        before: &[EntityMatch],
        tokens: &[Token],
        stand_ins: bool,
    ) -> Option<Found> {
        self.resolve_explained(lexicon, before, tokens, stand_ins).ok()
    }

    /// [`Paragraph::resolve`], saying why when it does not resolve.
    pub(super) fn resolve_explained(
        &self,
        lexicon: u32,
        before: &[EntityMatch],
        tokens: &[Token],
        stand_ins: bool,
    ) -> Result<Found, Unresolved> {
        let here = self.mentions(tokens, before);
        std::iter::once(here.as_slice())
            .chain(self.previous().iter().map(Vec::as_slice))
            .find_map(|mentions| self.decide(lexicon, mentions, stand_ins))
            .unwrap_or(Err(Unresolved::NoCandidate))
    }

    /// `None` when `mentions` hold no candidate (look further back); an error when they hold
    /// two different ones; the entry at its last mention when they all name one.
    fn decide(&self, lexicon: u32, mentions: &[Mention], stand_ins: bool) -> Option<Result<Found, Unresolved>> {
        let lexicons = &self.rules.lexicons;
        let candidates: Vec<Found> = mentions
            .iter()
            .filter_map(|mention| {
                if mention.lexicon == lexicon {
                    return Some(Found {
                        entry: (lexicon, mention.entry),
                        span: mention.span,
                        via: None,
                        link: mention.link,
                    });
                }
                let target = lexicons[mention.lexicon as usize].stands_for[mention.entry as usize]?;
                (stand_ins && target.0 == lexicon).then_some(Found {
                    entry: target,
                    span: mention.span,
                    via: Some((mention.lexicon, mention.entry)),
                    link: mention.link,
                })
            })
            .collect();
        let last = *candidates.last()?;
        if candidates.iter().all(|candidate| candidate.entry == last.entry) {
            return Some(Ok(last));
        }
        let mut entries: Vec<(u32, u32)> = candidates.iter().map(|candidate| candidate.entry).collect();
        entries.sort_unstable();
        entries.dedup();
        Some(Err(Unresolved::Ambiguous(entries)))
    }
}
