//! The matcher: (`&RuleSet`, `&Article`) → claims. Pure: no IO, no shared mutable state.
//!
//! A [`Matcher`] is built once per run from a rule set and owns its sentence prefilter
//! (`prefilter.rs`), which skips the blocks, sentences and templates that cannot match. For
//! each sentence left: tokenize once, find every lexicon alias once (one hash lookup per
//! token), then run each rule's compiled templates with the backtracking engine
//! (`template.rs`); each match becomes a claim (`claim.rs`), or one per coordinated subject
//! where the sentence distributes its value over them (`coordination.rs`). A rule yields at
//! most one match per start position, leftmost first, and overlapping matches of one rule only
//! where they read other subjects and values. [`probe`] reports near misses for `explain`.
//!
//! Invariants: every claim's `evidence.quote == article.text[evidence.span]`; claims come out
//! sorted by (article, span, rule); [`Matcher::extract_all`] gives the same bytes for any thread
//! count, since rayon's indexed collect keeps article order; the prefilter never changes a
//! claim ([`Matcher::extract_unfiltered`] finds the same ones).

mod alias;
mod claim;
mod context;
mod coordination;
mod names;
mod prefilter;
mod probe;
mod table;
mod template;

use std::ops::Range;
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use self::alias::{Aliases, Link};
use self::claim::SentenceClaims;
use self::names::Names;
use self::prefilter::{Anchors, Buffers};
pub use self::probe::{PatternProbe, probe, probe_with};
use self::template::{Engine, Programs};
use crate::claim::{Claim, Shared};
use crate::rules::RuleSet;
use crate::rules::lexicon::{AnaphorMatch, EntityMatch};
use crate::text::token::{Token, tokenize_into};
use crate::text::{Article, segment};

/// Articles longer than this (one huge text file, one huge record) are matched on all threads,
/// a run of paragraphs each, so that a few huge files keep every core busy too.
const PARALLEL_ARTICLE_BYTES: usize = 1 << 20;

/// About how many bytes of paragraphs one thread takes at a time in such an article.
const PARALLEL_PIECE_BYTES: usize = 1 << 18;

/// Time spent inside the matcher, summed over threads.
#[derive(Clone, Copy, Debug, Default)]
pub struct MatchTimes {
    /// Sentence segmentation.
    pub segment: Duration,
    /// Tokenizing, alias lookup, templates, claims.
    pub matching: Duration,
    /// Sentences segmented: blocks the prefilter rules out are never split into sentences.
    pub sentences: usize,
}

/// A rule set ready to match: the rules and the prefilter built from them, once. Build one per
/// run and share it between threads.
pub struct Matcher<'r> {
    rules: &'r RuleSet,
    anchors: Anchors,
    /// The rules' names, shared by the claims.
    names: Names,
    /// Whether every template needs a lexicon mention, so sentences without one are skipped.
    needs_entity: bool,
    /// The renaming and apposition cues of the first pass (`alias.rs`).
    cues: alias::Cues,
    /// Whether some rule turns article-local aliases off (`context = { article_aliases = false }`).
    some_rule_without_aliases: bool,
    /// The templates as the engine runs them.
    programs: Programs,
}

impl<'r> Matcher<'r> {
    /// The matcher of `rules`, with its prefilter.
    pub fn new(rules: &'r RuleSet) -> Self {
        Matcher {
            rules,
            anchors: Anchors::new(rules),
            names: Names::new(rules),
            needs_entity: rules.every_template_needs_entity(),
            cues: alias::Cues::new(rules),
            some_rule_without_aliases: rules.rules.iter().any(|rule| !rule.article_aliases),
            programs: Programs::new(&rules.rules),
        }
    }

    /// The rule set this matcher was built from.
    pub fn rules(&self) -> &'r RuleSet {
        self.rules
    }

    /// Extracts the claims of one article, sorted by span and rule.
    pub fn extract(&self, article: &Article) -> Vec<Claim> {
        self.extract_timed(&self.anchors, article).0
    }

    /// Extracts the claims of every article, in parallel, in article order.
    pub fn extract_all(&self, articles: &[Article]) -> Vec<Claim> {
        self.extract_all_timed(articles).0
    }

    /// [`Matcher::extract_all`], also returning the time spent per stage, summed over threads.
    pub fn extract_all_timed(&self, articles: &[Article]) -> (Vec<Claim>, MatchTimes) {
        let per_article: Vec<(Vec<Claim>, MatchTimes)> = articles
            .par_iter()
            .map(|article| self.extract_timed(&self.anchors, article))
            .collect();
        let mut times = MatchTimes::default();
        let mut claims = Vec::new();
        for (article_claims, article_times) in per_article {
            claims.extend(article_claims);
            times.segment += article_times.segment;
            times.matching += article_times.matching;
            times.sentences += article_times.sentences;
        }
        (claims, times)
    }

    /// Extracts the claims of a bare text (used by embedded examples and `explain`).
    pub fn extract_text(&self, path: &str, text: &str) -> Vec<Claim> {
        self.extract(&Article::plain(path, text))
    }

    /// [`Matcher::extract`] without the prefilter: every sentence is segmented, tokenized and
    /// tried with every template. Slow; it exists to test that the prefilter never changes a
    /// claim.
    #[doc(hidden)]
    pub fn extract_unfiltered(&self, article: &Article) -> Vec<Claim> {
        self.extract_timed(&Anchors::none(), article).0
    }

    /// Whether the prefilter skips templates at all: false when its automaton could not be
    /// built, or when no template has a literal word to look for. A test that compares
    /// [`Matcher::extract`] with [`Matcher::extract_unfiltered`] tests nothing unless this holds.
    pub fn prefilter_is_active(&self) -> bool {
        self.anchors.is_active()
    }

    /// For `explain`: each word of the sentence `sentence` of `article` that may refer back to
    /// an entry, and what it resolves to there (or why it does not).
    pub fn anaphora_in(&self, article: &Article, sentence: Range<usize>) -> Vec<AnaphorView> {
        let (rules, text) = (self.rules, article.text.as_str());
        let block = article
            .regions
            .iter()
            .flat_map(|region| segment::blocks(text, region.clone()))
            .find(|block| block.start <= sentence.start && sentence.start < block.end.max(block.start + 1))
            .unwrap_or(sentence.clone());
        let mut tokens = Vec::new();
        tokenize_into(text, sentence.clone(), &mut tokens);
        let (mut entities, mut anaphora, mut scratch) = (Vec::new(), Vec::new(), String::new());
        rules.index.find(text, &tokens, &mut scratch, &mut entities);
        let aliases = self.aliases_in(article);
        aliases.extend(text, &tokens, &mut entities);
        rules
            .index
            .find_anaphora(text, &tokens, &entities, &mut scratch, &mut anaphora);
        let paragraph = context::Paragraph::new(rules, text, block, sentence.start).with_aliases(Some(&aliases));
        anaphora
            .iter()
            .filter_map(|anaphor| {
                let words = &text[tokens[anaphor.start].start..tokens[anaphor.end - 1].end];
                let before: Vec<EntityMatch> = entities
                    .iter()
                    .filter(|entity| entity.end <= anaphor.start)
                    .copied()
                    .collect();
                let outcome = match paragraph.resolve_explained(anaphor.lexicon, &before, &tokens, true) {
                    Ok(found) => {
                        let (line, column) = article.line_column(found.span.start);
                        Ok(format!(
                            "{} (\"{}\" at {line}:{column})",
                            rules.entry(found.entry.0, found.entry.1).id,
                            &text[found.span.range()]
                        ))
                    }
                    // A built-in pronoun with nothing of a lexicon before it is simply not
                    // about that lexicon: not worth a line.
                    Err(context::Unresolved::NoCandidate)
                        if crate::rules::lexicon::PRONOUNS
                            .iter()
                            .any(|pronoun| words.eq_ignore_ascii_case(pronoun)) =>
                    {
                        return None;
                    }
                    Err(context::Unresolved::NoCandidate) => {
                        Err("no antecedent in this sentence or the two before it in the paragraph".to_owned())
                    }
                    Err(context::Unresolved::Ambiguous(entries)) => {
                        let names: Vec<&str> = entries
                            .iter()
                            .map(|(lexicon, entry)| rules.entry(*lexicon, *entry).id.as_str())
                            .collect();
                        Err(format!("two candidates in the nearest sentence: {}", names.join(", ")))
                    }
                };
                Some(AnaphorView {
                    text: words.to_string(),
                    lexicon: rules.lexicons[anaphor.lexicon as usize].name.clone(),
                    outcome,
                })
            })
            .collect()
    }

    /// The names a renaming or apposition in `article` makes aliases of an entry within it
    /// (the matcher's first pass over the article, for `explain`).
    pub fn aliases_in(&self, article: &Article) -> Aliases {
        let lowercase = article.text.to_ascii_lowercase().into_bytes();
        Aliases::of(self.rules, &self.cues, article, &lowercase)
    }

    /// Which templates, in rule order, the prefilter lets the matcher try on `text` taken as
    /// one paragraph. For tests of the prefilter.
    #[doc(hidden)]
    pub fn templates_tried(&self, text: &str) -> Vec<bool> {
        let count = self.rules.rules.iter().map(|rule| rule.patterns.len()).sum();
        self.anchors.admitted_in(text, count)
    }

    fn extract_timed(&self, anchors: &Anchors, article: &Article) -> (Vec<Claim>, MatchTimes) {
        let started = Instant::now();
        let text = article.text.as_str();
        let mut tally = Tally::default();
        let path = Shared::from(article.path.as_str());
        if anchors.runs() {
            // The automata hold lowercase anchors and search an ASCII-lowercased copy, whose
            // offsets are the text's.
            let lowercase = text.to_ascii_lowercase().into_bytes();
            let aliases = LazyAliases::new(Some(&lowercase));
            let work = Work {
                matcher: self,
                anchors,
                article,
                path: &path,
                lowercase: &lowercase,
                aliases: &aliases,
            };
            if text.len() > PARALLEL_ARTICLE_BYTES && rayon::current_num_threads() > 1 {
                tally = work.in_parallel();
            } else {
                let mut buffers = Buffers::default();
                let mut state = State::for_path(&path);
                for region in &article.regions {
                    if anchors.gate(&lowercase, region.clone(), &mut buffers) {
                        for block in segment::blocks(text, region.clone()) {
                            work.block(block, &mut buffers, &mut state, &mut tally);
                        }
                    }
                }
            }
        } else {
            // No prefilter: every sentence is a candidate for every template.
            let aliases = LazyAliases::new(None);
            let mut state = State::for_path(&path);
            for region in &article.regions {
                for block in segment::blocks(text, region.clone()) {
                    for sentence in tally.segment(text, block.clone()) {
                        let place = (block.clone(), sentence);
                        self.match_sentence(article, &aliases, place, None, &mut state, &mut tally.claims);
                    }
                }
            }
        }
        let mut claims = tally.claims;
        if table::reads_structures(self.rules) {
            table::structure_claims(self.rules, article, &mut claims);
        }
        claims.sort_by(|a, b| (a.evidence.span, &a.rule).cmp(&(b.evidence.span, &b.rule)));
        claim::assign_ids(&mut claims);
        let times = MatchTimes {
            segment: tally.segmenting,
            matching: (started.elapsed() + tally.parallel).saturating_sub(tally.segmenting),
            sentences: tally.sentences,
        };
        (claims, times)
    }

    /// Matches one sentence of paragraph `block` of `article` (whose local aliases are
    /// `aliases`) with every rule (with the templates `admitted` marks, in rule order, when
    /// given), pushing its claims onto `claims`.
    fn match_sentence(
        &self,
        article: &Article,
        aliases: &LazyAliases<'_>,
        (block, sentence): (Range<usize>, Range<usize>),
        admitted: Option<&[bool]>,
        state: &mut State,
        claims: &mut Vec<Claim>,
    ) {
        let rules = self.rules;
        let text = article.text.as_str();
        state.tokens.clear();
        tokenize_into(text, sentence.clone(), &mut state.tokens);
        if state.tokens.is_empty() {
            return;
        }
        rules
            .index
            .find(text, &state.tokens, &mut state.scratch, &mut state.entities);
        let aliases = aliases.get(self, article);
        let local = aliases.extend(text, &state.tokens, &mut state.entities);
        rules.index.find_anaphora(
            text,
            &state.tokens,
            &state.entities,
            &mut state.scratch,
            &mut state.anaphora,
        );
        if self.needs_entity && state.entities.is_empty() && state.anaphora.is_empty() {
            // Every template names at least one entity; without one nothing can match.
            return;
        }
        // The rules that turn article-local aliases off read the sentence without them.
        state.plain.clear();
        let split = local && self.some_rule_without_aliases;
        if split {
            let (tokens, entities) = (&state.tokens, &state.entities);
            state.plain.extend(
                entities
                    .iter()
                    .filter(|entity| aliases.link_of(text, tokens, entity).is_none()),
            );
        }
        let (tokens, entities, plain) = (&state.tokens, &state.entities, &state.plain);
        let speakers = claim::speakers(rules, entities);
        let context = SentenceClaims::new(
            (rules, &self.names),
            (article, &state.path),
            block.clone(),
            sentence.clone(),
            tokens,
            entities,
            &speakers,
        )
        .with_aliases(Some(aliases));
        let mut engine = Engine::new(text, tokens, entities, &self.programs)
            .with_context(&state.anaphora, &rules.lexicons)
            .with_vocabulary(&rules.vocabulary);
        let plain_speakers = if split {
            claim::speakers(rules, plain)
        } else {
            Vec::new()
        };
        let mut without_aliases = split.then(|| {
            let context = SentenceClaims::new(
                (rules, &self.names),
                (article, &state.path),
                block,
                sentence,
                tokens,
                plain,
                &plain_speakers,
            );
            let engine = Engine::new(text, tokens, plain, &self.programs)
                .with_context(&state.anaphora, &rules.lexicons)
                .with_vocabulary(&rules.vocabulary);
            (engine, context)
        });
        let before = claims.len();
        let mut next_template = 0;
        for (index, rule) in rules.rules.iter().enumerate() {
            // Which of this rule's templates can match here (`None`: all of them).
            let first_template = next_template;
            next_template += rule.patterns.len();
            let usable = admitted.map(|admitted| &admitted[first_template..next_template]);
            if usable.is_some_and(|usable| !usable.contains(&true)) {
                continue;
            }
            let (engine, context) = match &mut without_aliases {
                Some((engine, context)) if !rule.article_aliases => (engine, &*context),
                _ => (&mut engine, &context),
            };
            engine.for_each_match(rule, self.programs.rule(index), usable, |matched, bindings| {
                claims.extend(context.claims(rule, matched, bindings));
            });
        }
        claim::dedup_sentence_claims(claims, before);
    }
}

/// A word that may refer back, as `explain` shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnaphorView {
    /// The words, e.g. `the country`.
    pub text: String,
    /// The lexicon it refers to an entry of.
    pub lexicon: String,
    /// `id ("antecedent" at line:column)`, or why it is left unresolved.
    pub outcome: Result<String, String>,
}

/// The article-local aliases of one article, found by the first pass over the whole article
/// when the first sentence is matched. They are a function of the article alone, so when they
/// are read changes nothing; an article the prefilter drops whole never needs them.
struct LazyAliases<'a> {
    found: std::sync::OnceLock<Aliases>,
    /// The article's text ASCII-lowercased, when the prefilter made that copy already.
    lowercase: Option<&'a [u8]>,
}

impl<'a> LazyAliases<'a> {
    fn new(lowercase: Option<&'a [u8]>) -> Self {
        LazyAliases {
            found: std::sync::OnceLock::new(),
            lowercase,
        }
    }

    /// The aliases of `article`, found on first use.
    fn get(&self, matcher: &Matcher<'_>, article: &Article) -> &Aliases {
        self.found.get_or_init(|| match self.lowercase {
            Some(lowercase) => Aliases::of(matcher.rules, &matcher.cues, article, lowercase),
            None => matcher.aliases_in(article),
        })
    }
}

/// Reusable per-thread buffers of the sentence step, for one article.
struct State {
    tokens: Vec<Token>,
    entities: Vec<EntityMatch>,
    /// The mentions without the article-local aliases, for the rules that do not read them.
    plain: Vec<EntityMatch>,
    anaphora: Vec<AnaphorMatch>,
    scratch: String,
    /// The article's path, shared by all its claims.
    path: Shared,
}

impl State {
    /// Empty buffers for the article at `path`.
    fn for_path(path: &Shared) -> Self {
        State {
            tokens: Vec::new(),
            entities: Vec::new(),
            plain: Vec::new(),
            anaphora: Vec::new(),
            scratch: String::new(),
            path: path.clone(),
        }
    }
}

/// What matching (part of) an article gave.
#[derive(Default)]
struct Tally {
    claims: Vec<Claim>,
    /// Time spent segmenting.
    segmenting: Duration,
    /// Sentences segmented.
    sentences: usize,
    /// Time other threads spent on the article, beyond the wall time of the caller.
    parallel: Duration,
}

impl Tally {
    /// The sentences of `text[range]`, counted and timed.
    fn segment(&mut self, text: &str, range: Range<usize>) -> Vec<Range<usize>> {
        let began = Instant::now();
        let sentences = segment::segment(text, range);
        self.segmenting += began.elapsed();
        self.sentences += sentences.len();
        sentences
    }
}

/// One article being matched through the prefilter.
struct Work<'a> {
    matcher: &'a Matcher<'a>,
    anchors: &'a Anchors,
    article: &'a Article,
    path: &'a Shared,
    lowercase: &'a [u8],
    /// The article's local aliases, read on the first sentence the prefilter lets through.
    aliases: &'a LazyAliases<'a>,
}

impl Work<'_> {
    /// Steps 2 and 3 of the prefilter and the matcher, for one block of a region that passed
    /// the gate.
    fn block(&self, block: Range<usize>, buffers: &mut Buffers, state: &mut State, tally: &mut Tally) {
        let (anchors, lowercase) = (self.anchors, self.lowercase);
        if !anchors.scan_block(lowercase, block.clone(), buffers) || !anchors.admits(lowercase, block.clone(), buffers)
        {
            return;
        }
        for sentence in tally.segment(&self.article.text, block.clone()) {
            if anchors.admits(lowercase, sentence.clone(), buffers) {
                let only = anchors.per_template.then_some(buffers.admitted.as_slice());
                self.matcher.match_sentence(
                    self.article,
                    self.aliases,
                    (block.clone(), sentence),
                    only,
                    state,
                    &mut tally.claims,
                );
            }
        }
    }
    /// The whole article, in runs of blocks of about [`PARALLEL_PIECE_BYTES`] on all threads,
    /// each block gated on its own; the claims come back in text order.
    fn in_parallel(&self) -> Tally {
        let text = self.article.text.as_str();
        let blocks: Vec<Range<usize>> = self
            .article
            .regions
            .iter()
            .flat_map(|region| segment::blocks(text, region.clone()))
            .collect();
        let mut pieces: Vec<&[Range<usize>]> = Vec::new();
        let mut rest = blocks.as_slice();
        while !rest.is_empty() {
            let mut bytes = 0;
            let length = rest
                .iter()
                .position(|block| {
                    bytes += block.len();
                    bytes >= PARALLEL_PIECE_BYTES
                })
                .map_or(rest.len(), |last| last + 1);
            let (piece, after) = rest.split_at(length);
            pieces.push(piece);
            rest = after;
        }
        let wall = Instant::now();
        let tallies: Vec<(Tally, Duration)> = pieces
            .par_iter()
            .map(|piece| {
                let began = Instant::now();
                let mut tally = Tally::default();
                let mut buffers = Buffers::default();
                let mut state = State::for_path(self.path);
                for block in *piece {
                    if self.anchors.gate(self.lowercase, block.clone(), &mut buffers) {
                        self.block(block.clone(), &mut buffers, &mut state, &mut tally);
                    }
                }
                (tally, began.elapsed())
            })
            .collect();
        let wall = wall.elapsed();
        let mut total = Tally::default();
        let mut busy = Duration::ZERO;
        for (tally, elapsed) in tallies {
            total.claims.extend(tally.claims);
            total.segmenting += tally.segmenting;
            total.sentences += tally.sentences;
            busy += elapsed;
        }
        total.parallel = busy.saturating_sub(wall);
        total
    }
}
