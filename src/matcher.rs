//! The matcher: (`&RuleSet`, `&Article`) → claims. Pure: no IO, no shared mutable state.
//!
//! For each sentence: tokenize once, find every lexicon alias once (one hash lookup per
//! token), skip the sentence if no pattern can start there, then run each rule's compiled
//! templates with a small backtracking matcher (bounded gaps, alternation, slots read by the
//! lexicon index or the built-in extractors, whose results are cached per token). A rule yields
//! at most one claim per start position, leftmost first, and matches of one rule do not overlap.
//!
//! Invariants: every claim's `evidence.quote == article.text[evidence.span]`; claims come out
//! sorted by (article, span, rule); [`extract_all`] gives the same bytes for any thread count,
//! since rayon's indexed collect keeps article order.

use std::cell::LazyCell;
use std::ops::Range;
use std::sync::Arc;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;

use crate::claim::{Claim, Entity, Evidence, Order, Quantity, Rank, Relation, Scope, Span, Value};
use crate::extract::{comparative, quantity, rank, year};
use crate::id::stable_id;
use crate::modality::{self, Sentence};
use crate::rules::lexicon::EntityMatch;
use crate::rules::{CompareMode, Element, Role, Rule, RuleSet, SlotKind};
use crate::stats::MatchTimes;
use crate::text::token::{ClauseReader, Token, TokenKind, tokenize_into};
use crate::text::{Article, segment};

/// Most backtracking steps spent on one template at one start position; bounds the work of
/// hostile templates on hostile sentences.
const STEP_LIMIT: usize = 20_000;

/// Extracts the claims of every article, in parallel, in article order.
pub fn extract_all(rules: &RuleSet, articles: &[Article]) -> Vec<Claim> {
    extract_all_timed(rules, articles).0
}

/// [`extract_all`], also returning the time spent per stage, summed over threads.
pub fn extract_all_timed(rules: &RuleSet, articles: &[Article]) -> (Vec<Claim>, MatchTimes) {
    let anchors = Anchors::of(rules);
    let per_article: Vec<(Vec<Claim>, MatchTimes)> = articles
        .par_iter()
        .map(|article| extract_timed(rules, &anchors, article))
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

/// Extracts the claims of one article, sorted by span and rule.
pub fn extract(rules: &RuleSet, article: &Article) -> Vec<Claim> {
    extract_timed(rules, &Anchors::of(rules), article).0
}

/// [`extract`] without the prefilter: every sentence is segmented, tokenized and tried with
/// every template. Slow; it exists to test that the prefilter never changes a claim.
#[doc(hidden)]
pub fn extract_unfiltered(rules: &RuleSet, article: &Article) -> Vec<Claim> {
    extract_timed(rules, &Anchors::none(rules), article).0
}

/// Articles longer than this (one huge text file, one huge record) are matched on all threads,
/// a run of paragraphs each, so that a few huge files keep every core busy too.
const PARALLEL_ARTICLE_BYTES: usize = 1 << 20;

/// About how many bytes of paragraphs one thread takes at a time in such an article.
const PARALLEL_PIECE_BYTES: usize = 1 << 18;

fn extract_timed(rules: &RuleSet, anchors: &Anchors, article: &Article) -> (Vec<Claim>, MatchTimes) {
    let started = Instant::now();
    let text = article.text.as_str();
    let mut tally = Tally::default();
    if anchors.searcher.is_none() {
        // Some template has no anchor: every sentence is a candidate.
        let mut state = State::default();
        for region in &article.regions {
            for sentence in tally.segment(text, region.clone()) {
                match_sentence(rules, article, sentence, None, &mut state, &mut tally.claims);
            }
        }
    } else {
        // The automata hold lowercase anchors and search an ASCII-lowercased copy, whose offsets
        // are the text's.
        let lowercase = text.to_ascii_lowercase().into_bytes();
        let work = Work {
            rules,
            anchors,
            article,
            lowercase: &lowercase,
        };
        if text.len() > PARALLEL_ARTICLE_BYTES && rayon::current_num_threads() > 1 {
            tally = work.in_parallel();
        } else {
            let mut buffers = Buffers::default();
            let mut state = State::default();
            for region in &article.regions {
                if anchors.gate(&lowercase, region.clone(), &mut buffers) {
                    for block in segment::blocks(text, region.clone()) {
                        work.block(block, &mut buffers, &mut state, &mut tally);
                    }
                }
            }
        }
    }
    let mut claims = tally.claims;
    claims.sort_by(|a, b| (a.evidence.span, &a.rule).cmp(&(b.evidence.span, &b.rule)));
    assign_ids(&mut claims);
    let times = MatchTimes {
        segment: tally.segmenting,
        matching: (started.elapsed() + tally.parallel).saturating_sub(tally.segmenting),
        sentences: tally.sentences,
    };
    (claims, times)
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
    rules: &'a RuleSet,
    anchors: &'a Anchors,
    article: &'a Article,
    lowercase: &'a [u8],
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
        for sentence in tally.segment(&self.article.text, block) {
            if anchors.admits(lowercase, sentence.clone(), buffers) {
                let only = anchors.per_template.then_some(buffers.admitted.as_slice());
                match_sentence(self.rules, self.article, sentence, only, state, &mut tally.claims);
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
                let mut state = State::default();
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

/// Extracts the claims of a bare text (used by embedded examples and `explain`).
pub fn extract_text(rules: &RuleSet, path: &str, text: &str) -> Vec<Claim> {
    extract(rules, &Article::plain(path, text))
}

/// Anchors shorter than this ("of", "on", "for") occur in nearly every sentence: a template is
/// filtered on its longer ones only, unless it has no other.
const MIN_ANCHOR_BYTES: usize = 4;

/// The sentence prefilter. A template cannot match a sentence unless, for each of its literal
/// words (or alternations of words) outside optional groups, one of the word's forms occurs in
/// the sentence; these words are its *anchors*. The test is exact, not a heuristic: a template
/// word matches a token with `eq_ignore_ascii_case`, a token's text is a substring of its
/// sentence, and a word token is never preceded by an ASCII letter (the tokenizer reads letters
/// greedily). So a sentence is dropped only when no substring could be such a token.
///
/// It runs in three steps, each cheaper than the next and each run only where the one before
/// let text through, over an ASCII-lowercased copy of the text (the same as matching ASCII
/// case-insensitively, and measured faster):
///
/// 1. **Gate.** Each template's rarest-looking anchor (the one whose shortest form is longest)
///    goes into a small automaton, usually few enough patterns for Aho-Corasick's SIMD search
///    (Teddy, which takes at most 64), several GB/s where the full automaton runs below 1 GB/s.
///    A region of prose with no gate hit is dropped whole, and so is each block (paragraph) of
///    it without one.
/// 2. **Block.** One automaton over every anchor form lists the hits of each block left; a
///    block where no template finds all its anchors is dropped. Only the blocks left are
///    segmented into sentences (no sentence crosses a block).
/// 3. **Sentence.** The hits inside each sentence say which templates may match there; the
///    sentence is tokenized only if one may, and only those templates are tried.
///
/// Searching a block rather than each sentence finds every hit a per-sentence search would (a
/// hit can only start where a token can), and may credit a sentence with a hit that runs past
/// its end, which only admits more. The one place the two differ is a sentence that starts
/// right after a letter (a sentence longer than [`segment::MAX_SENTENCE_BYTES`] cut inside a
/// word): such a sentence is searched on its own, and blocks long enough to hold one are never
/// dropped by steps 1 and 2.
pub(crate) struct Anchors {
    /// Which templates this was built from: (address, length) of each template's source, so a
    /// rule set changed after the first use is noticed.
    built_from: Vec<(usize, usize)>,
    /// All anchor forms. `None` when some template has no anchor: then every sentence is a
    /// candidate.
    searcher: Option<Search>,
    /// One anchor per template; `None` when it would hold every form anyway.
    gate: Option<Search>,
    /// Per pattern of `searcher`: the anchors it satisfies (its own and those of every pattern
    /// that is a prefix of it, since the longest pattern at an offset hides those).
    satisfies: Vec<Vec<usize>>,
    /// Per template: the anchors it needs, all of them.
    templates: Vec<Vec<usize>>,
    /// How many anchors there are.
    count: usize,
    /// Whether the matcher may skip, in an admitted sentence, the templates whose anchors are
    /// not all there. Always true now that the rank cache is dropped whenever `top_k` changes
    /// between rules; kept as a switch for measurements.
    per_template: bool,
}

/// A literal automaton and what the prefilter needs to know of its patterns.
struct Search {
    automaton: AhoCorasick,
    /// Per pattern: whether it may follow a letter (it starts with a digit: numbers follow
    /// letters, as in "FY2024").
    after_letter: Vec<bool>,
    /// Per pattern: whether it is all ASCII letters (then no other hit can start inside it at a
    /// place where a token could start).
    letters_only: Vec<bool>,
}

impl Search {
    /// `None` if the automaton cannot be built (too large).
    fn new(patterns: &[String]) -> Option<Search> {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .ok()?;
        Some(Search {
            automaton,
            after_letter: patterns
                .iter()
                .map(|pattern| pattern.as_bytes()[0].is_ascii_digit())
                .collect(),
            letters_only: patterns
                .iter()
                .map(|pattern| pattern.bytes().all(|byte| byte.is_ascii_alphabetic()))
                .collect(),
        })
    }

    /// Calls `hit(start, pattern)` for each hit in `lowercase[range]` that starts where a token
    /// could (at `range.start`, after a byte that is not an ASCII letter, or with a digit),
    /// until `hit` returns false.
    fn scan(&self, lowercase: &[u8], range: Range<usize>, mut hit: impl FnMut(usize, usize) -> bool) {
        let mut from = range.start;
        while let Some(found) = self
            .automaton
            .find(aho_corasick::Input::new(lowercase).range(from..range.end))
        {
            let (start, pattern) = (found.start(), found.pattern().as_usize());
            if (start == range.start || !lowercase[start - 1].is_ascii_alphabetic() || self.after_letter[pattern])
                && !hit(start, pattern)
            {
                return;
            }
            // Inside a hit of letters only, every offset follows a letter.
            from = if self.letters_only[pattern] {
                found.end()
            } else {
                start + 1
            };
        }
    }
}

impl Anchors {
    /// The prefilter of `rules`: built once per rule set and kept with it. A rule set whose
    /// `rules` were replaced after first use (they are public) gets a fresh one.
    fn of(rules: &RuleSet) -> Arc<Anchors> {
        let cached = rules.prefilter.get_or_init(|| Anchors::new(rules));
        if cached.built_from == fingerprint(rules) {
            cached
        } else {
            Arc::new(Anchors::new(rules))
        }
    }

    /// No prefilter: every sentence is a candidate for every template.
    fn none(rules: &RuleSet) -> Self {
        Anchors {
            built_from: fingerprint(rules),
            searcher: None,
            gate: None,
            satisfies: Vec::new(),
            templates: Vec::new(),
            count: 0,
            per_template: false,
        }
    }

    fn new(rules: &RuleSet) -> Self {
        let disabled = Anchors::none(rules);
        let shortest = |forms: &Vec<String>| forms.iter().map(String::len).min().unwrap_or(0);
        // Each anchor as its sorted, prefix-free forms.
        let mut anchors: Vec<Vec<String>> = Vec::new();
        let mut templates = Vec::new();
        for pattern in rules.rules.iter().flat_map(|rule| &rule.patterns) {
            let mut needed: Vec<Vec<String>> = Vec::new();
            collect_anchors(&pattern.elements, &mut needed);
            let long: Vec<Vec<String>> = needed
                .iter()
                .filter(|forms| shortest(forms) >= MIN_ANCHOR_BYTES)
                .cloned()
                .collect();
            let chosen = if long.is_empty() {
                match needed.into_iter().max_by_key(shortest) {
                    Some(best) => vec![best],
                    None => return disabled,
                }
            } else {
                long
            };
            let mut ids = Vec::new();
            for forms in chosen {
                let id = anchors.iter().position(|known| *known == forms).unwrap_or_else(|| {
                    anchors.push(forms);
                    anchors.len() - 1
                });
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            templates.push(ids);
        }
        let mut patterns: Vec<String> = anchors.iter().flatten().cloned().collect();
        patterns.sort_unstable();
        patterns.dedup();
        let satisfies = patterns
            .iter()
            .map(|pattern| {
                (0..anchors.len())
                    .filter(|&id| anchors[id].iter().any(|form| pattern.starts_with(form.as_str())))
                    .collect()
            })
            .collect();
        // The gate: per template the anchor whose shortest form is longest (fewer forms on a
        // tie), as long words tend to be rarer than short ones.
        let rarest = |needed: &Vec<usize>| {
            needed
                .iter()
                .copied()
                .max_by_key(|&id| (shortest(&anchors[id]), std::cmp::Reverse(anchors[id].len())))
        };
        let gate_patterns = prefix_free(
            templates
                .iter()
                .filter_map(rarest)
                .flat_map(|id| anchors[id].iter().cloned()),
        );
        let Some(searcher) = Search::new(&patterns) else {
            return disabled;
        };
        let gate = if gate_patterns.len() < patterns.len() {
            Search::new(&gate_patterns)
        } else {
            None
        };
        Anchors {
            built_from: fingerprint(rules),
            searcher: Some(searcher),
            gate,
            satisfies,
            templates,
            count: anchors.len(),
            per_template: true,
        }
    }

    /// Step 1 for one region of prose: whether some template's gate anchor occurs in it. Leaves
    /// the starts of the gate's hits in `buffers.gate_hits`, sorted.
    fn gate(&self, lowercase: &[u8], region: Range<usize>, buffers: &mut Buffers) -> bool {
        buffers.gate_hits.clear();
        let Some(gate) = &self.gate else {
            return true;
        };
        gate.scan(lowercase, region.clone(), |start, _| {
            buffers.gate_hits.push(start);
            true
        });
        // Only a block longer than this can hold a sentence cut inside a word, which may start
        // with an anchor right after a letter (see `admits`).
        !buffers.gate_hits.is_empty() || region.len() > segment::MAX_SENTENCE_BYTES
    }

    /// Step 2 for one block of a region that passed the gate: whether the gate found a hit in
    /// it; if so, the block's hits (start, pattern of the full automaton), sorted by start,
    /// are left in `buffers.hits`.
    fn scan_block(&self, lowercase: &[u8], block: Range<usize>, buffers: &mut Buffers) -> bool {
        buffers.hits.clear();
        let Some(searcher) = &self.searcher else {
            return true;
        };
        if self.gate.is_some() && block.len() <= segment::MAX_SENTENCE_BYTES {
            let first = buffers.gate_hits.partition_point(|&start| start < block.start);
            if buffers.gate_hits.get(first).is_none_or(|&start| start >= block.end) {
                return false;
            }
        }
        searcher.scan(lowercase, block, |start, pattern| {
            buffers.hits.push((start, pattern));
            true
        });
        true
    }

    /// Steps 2 and 3: whether some template finds all its anchors in `range` (the block last
    /// scanned or one of its sentences), from the block's hits. `buffers.admitted` is set to
    /// which templates (in rule order) do. A range that starts right after a letter (a sentence
    /// cut inside a word) is searched on its own; one that may hold such a sentence (a block
    /// longer than [`segment::MAX_SENTENCE_BYTES`]) is always admitted, with every template.
    fn admits(&self, lowercase: &[u8], range: Range<usize>, buffers: &mut Buffers) -> bool {
        let Buffers {
            hits,
            own,
            present,
            admitted,
            ..
        } = buffers;
        let Some(searcher) = &self.searcher else {
            admitted.clear();
            return true;
        };
        if range.len() > segment::MAX_SENTENCE_BYTES {
            admitted.clear();
            admitted.resize(self.templates.len(), true);
            return true;
        }
        if range.start > 0 && lowercase[range.start - 1].is_ascii_alphabetic() {
            own.clear();
            searcher.scan(lowercase, range, |_, pattern| {
                own.push(pattern);
                true
            });
            return self.admit(own.iter().copied(), present, admitted);
        }
        let first = hits.partition_point(|&(start, _)| start < range.start);
        let end = hits.partition_point(|&(start, _)| start < range.end);
        self.admit(hits[first..end].iter().map(|&(_, pattern)| pattern), present, admitted)
    }

    /// Whether the automaton patterns `found` satisfy every anchor of some template; sets
    /// `admitted` to which templates they do.
    fn admit(&self, found: impl Iterator<Item = usize>, present: &mut Vec<bool>, admitted: &mut Vec<bool>) -> bool {
        admitted.clear();
        present.clear();
        present.resize(self.count, false);
        let mut any = false;
        for pattern in found {
            for &anchor in &self.satisfies[pattern] {
                present[anchor] = true;
            }
            any = true;
        }
        if !any {
            return false;
        }
        admitted.extend(
            self.templates
                .iter()
                .map(|needed| needed.iter().all(|&anchor| present[anchor])),
        );
        admitted.contains(&true)
    }
}

fn fingerprint(rules: &RuleSet) -> Vec<(usize, usize)> {
    rules
        .rules
        .iter()
        .flat_map(|rule| &rule.patterns)
        .map(|pattern| (pattern.source.as_ptr() as usize, pattern.source.len()))
        .collect()
}

/// Pushes the anchors of a sequence of elements: its words and its alternations whose every
/// branch has an anchor (one forms set: the union of one anchor per branch, the longest).
fn collect_anchors(elements: &[Element], out: &mut Vec<Vec<String>>) {
    for element in elements {
        match element {
            Element::Word(forms) => out.push(prefix_free(forms.iter().cloned())),
            Element::Alt(branches) => {
                let mut union = Vec::new();
                let mut complete = true;
                for branch in branches {
                    let mut inner = Vec::new();
                    collect_anchors(branch, &mut inner);
                    let best = inner
                        .into_iter()
                        .max_by_key(|forms| forms.iter().map(String::len).min().unwrap_or(0));
                    let Some(best) = best else {
                        complete = false;
                        break;
                    };
                    union.extend(best);
                }
                if complete && !union.is_empty() {
                    out.push(prefix_free(union.into_iter()));
                }
            }
            Element::Possessive | Element::Punct(_) | Element::Slot(..) | Element::Gap(_) => {}
        }
    }
}

/// Lowercased forms, sorted, without those that start with another (any text holding one holds
/// the shorter one at the same offset).
fn prefix_free(forms: impl Iterator<Item = String>) -> Vec<String> {
    let mut forms: Vec<String> = forms
        .map(|form| form.to_ascii_lowercase())
        .filter(|form| !form.is_empty())
        .collect();
    forms.sort_unstable();
    forms.dedup();
    let mut kept: Vec<String> = Vec::with_capacity(forms.len());
    for form in forms {
        if !kept.iter().any(|shorter| form.starts_with(shorter.as_str())) {
            kept.push(form);
        }
    }
    kept
}

/// The prefilter's reusable buffers.
#[derive(Default)]
struct Buffers {
    /// Where the gate's hits in the current region start, sorted.
    gate_hits: Vec<usize>,
    /// The current block's hits: (start, pattern of the full automaton), by start.
    hits: Vec<(usize, usize)>,
    /// Patterns found by a sentence's own search.
    own: Vec<usize>,
    /// Per anchor: whether it was found.
    present: Vec<bool>,
    /// Per template (in rule order): whether all its anchors were found.
    admitted: Vec<bool>,
}

/// Reusable per-thread buffers.
#[derive(Default)]
struct State {
    tokens: Vec<Token>,
    entities: Vec<EntityMatch>,
    scratch: String,
}

/// Cached results of the built-in extractors, per start token: `None` not read yet,
/// `Some(None)` nothing there.
#[allow(clippy::option_option)]
struct Builtins {
    quantity: Vec<Option<Option<(usize, Quantity)>>>,
    rank: Vec<Option<Option<(usize, Rank)>>>,
}

impl Builtins {
    fn new(length: usize) -> Self {
        Builtins {
            quantity: vec![None; length],
            rank: vec![None; length],
        }
    }
}

/// A value bound by a slot.
#[derive(Clone, Debug)]
enum Bound {
    Entity(EntityMatch),
    Quantity(Quantity),
    Rank(Rank),
    Relation(Relation, Span),
    Year(i32),
}

#[derive(Clone, Debug, Default)]
struct Bindings {
    slots: Vec<(Role, Bound)>,
}

impl Bindings {
    fn get(&self, role: Role) -> Option<&Bound> {
        self.slots
            .iter()
            .rev()
            .find(|(bound_role, _)| *bound_role == role)
            .map(|(_, bound)| bound)
    }
}

struct Matcher<'a> {
    rules: &'a RuleSet,
    text: &'a str,
    tokens: &'a [Token],
    /// Alias matches by start token: `entity_starts[i]` is the range of `entities` starting at i.
    entities: &'a [EntityMatch],
    entity_starts: Vec<Range<usize>>,
    builtins: Builtins,
    top_k: u32,
    steps: usize,
}

/// A link in the chain of element sequences still to match after the current one.
struct Continuation<'c> {
    elements: &'c [Element],
    next: Option<&'c Continuation<'c>>,
}

impl Matcher<'_> {
    fn match_sequence(
        &mut self,
        elements: &[Element],
        next: Option<&Continuation<'_>>,
        position: usize,
        bindings: &mut Bindings,
    ) -> Option<usize> {
        let Some((first, rest)) = elements.split_first() else {
            return match next {
                None => Some(position),
                Some(continuation) => self.match_sequence(continuation.elements, continuation.next, position, bindings),
            };
        };
        self.steps += 1;
        if self.steps > STEP_LIMIT {
            return None;
        }
        let tokens = self.tokens;
        let text = self.text;
        match first {
            Element::Word(forms) => {
                let token = tokens.get(position)?;
                if token.kind != TokenKind::Word && token.kind != TokenKind::Number {
                    return None;
                }
                let word = token.text(text);
                if forms.iter().any(|form| word.eq_ignore_ascii_case(form)) {
                    self.match_sequence(rest, next, position + 1, bindings)
                } else {
                    None
                }
            }
            Element::Possessive => {
                let token = tokens.get(position)?;
                (token.kind == TokenKind::Possessive).then_some(())?;
                self.match_sequence(rest, next, position + 1, bindings)
            }
            Element::Punct(character) => {
                let token = tokens.get(position)?;
                let mut chars = token.text(text).chars();
                (chars.next() == Some(*character) && chars.next().is_none()).then_some(())?;
                self.match_sequence(rest, next, position + 1, bindings)
            }
            Element::Gap(size) => {
                for skip in 0..=*size {
                    if position + skip > tokens.len() {
                        break;
                    }
                    if skip > 0 && tokens[position + skip - 1].breaks_clause(text, ClauseReader::Gap) {
                        // A gap never skips into another clause: "China is not first, but
                        // Russia holds …" says nothing about China's holdings.
                        break;
                    }
                    if let Some(end) = self.match_sequence(rest, next, position + skip, bindings) {
                        return Some(end);
                    }
                }
                None
            }
            Element::Alt(branches) => {
                let continuation = Continuation { elements: rest, next };
                for branch in branches {
                    if let Some(end) = self.match_sequence(branch, Some(&continuation), position, bindings) {
                        return Some(end);
                    }
                }
                None
            }
            Element::Slot(role, kind) => {
                let candidates = self.slot_candidates(*kind, position);
                for (end, bound) in candidates {
                    bindings.slots.push((*role, bound));
                    if let Some(found) = self.match_sequence(rest, next, end, bindings) {
                        return Some(found);
                    }
                    bindings.slots.pop();
                }
                None
            }
        }
    }

    /// What a slot of `kind` can read at `position`: (end token, value), longest first.
    fn slot_candidates(&mut self, kind: SlotKind, position: usize) -> Vec<(usize, Bound)> {
        if position >= self.tokens.len() {
            return Vec::new();
        }
        match kind {
            SlotKind::Lexicon(lexicon) => {
                let range = self.entity_starts[position].clone();
                let mut found: Vec<(usize, Bound)> = self.entities[range]
                    .iter()
                    .filter(|entity| entity.lexicon == lexicon)
                    .map(|entity| (entity.end, Bound::Entity(*entity)))
                    .collect();
                // "the United States": let a slot start at a leading "the".
                if found.is_empty() && self.tokens[position].is(self.text, "the") && position + 1 < self.tokens.len() {
                    let range = self.entity_starts[position + 1].clone();
                    found = self.entities[range]
                        .iter()
                        .filter(|entity| entity.lexicon == lexicon)
                        .map(|entity| (entity.end, Bound::Entity(*entity)))
                        .collect();
                }
                found
            }
            SlotKind::Quantity(dimension) => {
                let cached = self.builtins.quantity[position]
                    .get_or_insert_with(|| quantity::quantity_at(self.text, self.tokens, position))
                    .clone();
                cached
                    .filter(|(_, quantity)| dimension.is_none_or(|dimension| dimension.admits(&quantity.unit)))
                    .map(|(end, quantity)| (end, Bound::Quantity(quantity)))
                    .into_iter()
                    .collect()
            }
            SlotKind::Rank => {
                let top_k = self.top_k;
                let cached = self.builtins.rank[position]
                    .get_or_insert_with(|| rank::rank_at(self.text, self.tokens, position, top_k))
                    .clone();
                cached.map(|(end, rank)| (end, Bound::Rank(rank))).into_iter().collect()
            }
            SlotKind::Comparative => comparative::comparative_at(self.text, self.tokens, position)
                .map(|(end, relation, span)| (end, Bound::Relation(relation, span)))
                .into_iter()
                .collect(),
            SlotKind::Year => year::year_at(self.text, self.tokens, position)
                .map(|(end, year)| (end, Bound::Year(year)))
                .into_iter()
                .collect(),
        }
    }
}

/// Whether a template can possibly start at a token: a cheap check on its first element.
fn can_start(element: &Element, token: &Token, text: &str, has_entity: bool) -> bool {
    match element {
        Element::Word(forms) => forms.iter().any(|form| token.text(text).eq_ignore_ascii_case(form)),
        Element::Slot(_, SlotKind::Lexicon(_)) => has_entity || token.is(text, "the"),
        Element::Punct(character) => token.text(text).starts_with(*character),
        Element::Possessive => token.kind == TokenKind::Possessive,
        _ => true,
    }
}

fn match_sentence(
    rules: &RuleSet,
    article: &Article,
    sentence: Range<usize>,
    admitted: Option<&[bool]>,
    state: &mut State,
    claims: &mut Vec<Claim>,
) {
    let text = article.text.as_str();
    state.tokens.clear();
    tokenize_into(text, sentence.clone(), &mut state.tokens);
    if state.tokens.is_empty() {
        return;
    }
    rules
        .index
        .find(text, &state.tokens, &mut state.scratch, &mut state.entities);
    if state.entities.is_empty() {
        // Every useful template names at least one entity; without one nothing can match.
        return;
    }
    let tokens = &state.tokens;
    let entities = &state.entities;
    let entity_starts = index_entities(tokens.len(), entities);
    let speakers: Vec<(Range<usize>, &str)> = entities
        .iter()
        .filter(|entity| rules.lexicons[entity.lexicon as usize].name == "speaker")
        .map(|entity| {
            (
                entity.start..entity.end,
                rules.entry(entity.lexicon, entity.entry).name.as_str(),
            )
        })
        .collect();
    let sentence_view = Sentence::new(text, tokens, &speakers);
    // Both are needed only once a template matches, which most candidate sentences never do.
    let scope_year = LazyCell::new(|| year::scope_year(text, tokens));
    let region = LazyCell::new(|| region_scope(rules, text, tokens, entities));
    let mut matcher = Matcher {
        rules,
        text,
        tokens,
        entities,
        entity_starts,
        builtins: Builtins::new(tokens.len()),
        top_k: 10,
        steps: 0,
    };
    let before = claims.len();
    let mut next_template = 0;
    for rule in &rules.rules {
        // Which of this rule's templates can match here (`None`: all of them).
        let first_template = next_template;
        next_template += rule.patterns.len();
        let usable = admitted.map(|admitted| &admitted[first_template..next_template]);
        if usable.is_some_and(|usable| !usable.contains(&true)) {
            continue;
        }
        if matcher.top_k != rule.top_k {
            // Rank phrases read with another rule's `top_k` ("one of the largest" → 1..k) must
            // not be reused: drop the cached ranks.
            matcher.builtins.rank.iter_mut().for_each(|cached| *cached = None);
            matcher.top_k = rule.top_k;
        }
        let mut position = 0;
        while position < tokens.len() {
            let token = tokens[position];
            let has_entity = !matcher.entity_starts[position].is_empty();
            let mut best: Option<(usize, Bindings)> = None;
            for (template, pattern) in rule.patterns.iter().enumerate() {
                if usable.is_some_and(|usable| !usable[template]) {
                    continue;
                }
                let Some(first) = pattern.elements.first() else {
                    continue;
                };
                if !can_start(first, &token, text, has_entity) {
                    continue;
                }
                let mut bindings = Bindings::default();
                matcher.steps = 0;
                if let Some(end) = matcher.match_sequence(&pattern.elements, None, position, &mut bindings)
                    && end > position
                    && best.as_ref().is_none_or(|(best_end, _)| end > *best_end)
                {
                    best = Some((end, bindings));
                }
            }
            if let Some((end, bindings)) = best {
                if let Some(claim) = build_claim(
                    &matcher,
                    rule,
                    article,
                    &sentence,
                    &sentence_view,
                    position..end,
                    &bindings,
                    *scope_year,
                    region.as_deref(),
                ) {
                    claims.push(claim);
                }
                position = end;
            } else {
                position += 1;
            }
        }
    }
    dedup_sentence_claims(claims, before);
}

/// For each token, the range of `entities` (sorted by start) that start there.
fn index_entities(length: usize, entities: &[EntityMatch]) -> Vec<Range<usize>> {
    let mut entity_starts = vec![0..0; length];
    let mut index = 0;
    while index < entities.len() {
        let start = entities[index].start;
        let mut end = index;
        while end < entities.len() && entities[end].start == start {
            end += 1;
        }
        entity_starts[start] = index..end;
        index = end;
    }
    entity_starts
}

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
    let mut matcher = Matcher {
        rules,
        text,
        tokens,
        entities: &entities,
        entity_starts: index_entities(tokens.len(), &entities),
        builtins: Builtins::new(tokens.len()),
        top_k: rule.top_k,
        steps: 0,
    };
    let mut probes = Vec::new();
    for (pattern_index, pattern) in rule.patterns.iter().enumerate() {
        let mut best = PatternProbe {
            pattern: pattern_index,
            matched: 0,
            start: 0,
            end: 0,
        };
        'prefixes: for length in (1..=pattern.elements.len()).rev() {
            for start in 0..tokens.len() {
                matcher.steps = 0;
                let mut bindings = Bindings::default();
                if let Some(end) = matcher.match_sequence(&pattern.elements[..length], None, start, &mut bindings) {
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

/// The region a sentence is limited to: a region-lexicon mention after "in", "across",
/// "within" or "throughout".
fn region_scope(rules: &RuleSet, text: &str, tokens: &[Token], entities: &[EntityMatch]) -> Option<String> {
    entities.iter().find_map(|entity| {
        let lexicon = &rules.lexicons[entity.lexicon as usize];
        if !lexicon.is_region_scope || entity.start == 0 {
            return None;
        }
        let mut before = entity.start - 1;
        if tokens[before].is(text, "the") && before > 0 {
            before -= 1;
        }
        ["in", "across", "within", "throughout"]
            .iter()
            .any(|word| tokens[before].is(text, word))
            .then(|| lexicon.entries[entity.entry as usize].id.clone())
    })
}

fn entity(rules: &RuleSet, text: &str, tokens: &[Token], found: &EntityMatch) -> Entity {
    let entry = rules.entry(found.lexicon, found.entry);
    let span = Span::new(tokens[found.start].start, tokens[found.end - 1].end);
    Entity {
        id: entry.id.clone(),
        lexicon: rules.lexicons[found.lexicon as usize].name.clone(),
        text: text[span.range()].to_string(),
        span,
    }
}

#[allow(clippy::too_many_arguments)]
fn build_claim(
    matcher: &Matcher<'_>,
    rule: &Rule,
    article: &Article,
    sentence: &Range<usize>,
    sentence_view: &Sentence<'_>,
    matched: Range<usize>,
    bindings: &Bindings,
    scope_year: Option<(i32, Span)>,
    region: Option<&str>,
) -> Option<Claim> {
    let rules = matcher.rules;
    let text = matcher.text;
    let tokens = matcher.tokens;
    let as_entity = |role: Role| match bindings.get(role) {
        Some(Bound::Entity(found)) => Some(entity(rules, text, tokens, found)),
        _ => None,
    };
    let subject = as_entity(Role::Subject);
    let object = as_entity(Role::Object).or_else(|| {
        rule.object.map(|(lexicon, entry)| {
            let entry = rules.entry(lexicon, entry);
            Entity {
                id: entry.id.clone(),
                lexicon: rules.lexicons[lexicon as usize].name.clone(),
                text: String::new(),
                span: Span::default(),
            }
        })
    });
    let value = match rule.compare {
        CompareMode::Quantity => match bindings.get(Role::Value) {
            Some(Bound::Quantity(quantity)) => Value::Quantity(quantity.clone()),
            _ => return None,
        },
        CompareMode::Rank => match bindings.get(Role::Value) {
            Some(Bound::Rank(rank)) => Value::Rank(rank.clone()),
            _ => return None,
        },
        CompareMode::Order => {
            let (Some(Bound::Relation(relation, span)), Some(than)) =
                (bindings.get(Role::Relation), as_entity(Role::Other))
            else {
                return None;
            };
            if subject.as_ref().is_some_and(|subject| subject.id == than.id) {
                // "Russia's reserves exceed Russia's production" is not an order between two subjects.
                return None;
            }
            Value::Order(Order {
                relation: *relation,
                than,
                text: text[span.range()].to_string(),
                span: *span,
            })
        }
        CompareMode::Stance => Value::Stance {
            stance: rule.stance.clone().unwrap_or_default(),
        },
        CompareMode::Category => Value::Category {
            label: rule.label.clone().unwrap_or_default(),
        },
        CompareMode::Statement => Value::Statement,
    };
    let year = match bindings.get(Role::Year) {
        Some(Bound::Year(year)) => Some(*year),
        _ => scope_year.map(|(year, _)| year),
    };
    let region = as_entity(Role::Region)
        .map(|entity| entity.id)
        .or_else(|| region.map(str::to_string));
    let span = Span::new(tokens[matched.start].start, tokens[matched.end - 1].end);
    let (line, column) = article.line_column(span.start);
    let modality = modality::detect(&rules.cues, sentence_view, matched);
    Some(Claim {
        id: String::new(),
        rule: rule.id.clone(),
        kind: rule.kind.clone(),
        subject,
        object,
        scope: Scope { year, region },
        value,
        modality,
        evidence: Evidence {
            path: article.path.clone(),
            span,
            line,
            column,
            quote: text[span.range()].to_string(),
            sentence: text[sentence.clone()].to_string(),
            sentence_span: Span::new(sentence.start, sentence.end),
        },
    })
}

/// Two rules saying the same thing about the same words of one sentence yield one claim.
fn dedup_sentence_claims(claims: &mut Vec<Claim>, from: usize) {
    let mut index = from + 1;
    while index < claims.len() {
        let duplicate = claims[from..index].iter().any(|earlier| {
            earlier.kind == claims[index].kind
                && earlier.subject.as_ref().map(|e| &e.id) == claims[index].subject.as_ref().map(|e| &e.id)
                && earlier.object.as_ref().map(|e| &e.id) == claims[index].object.as_ref().map(|e| &e.id)
                && earlier.value == claims[index].value
                && earlier.evidence.span.start < claims[index].evidence.span.end
                && claims[index].evidence.span.start < earlier.evidence.span.end
        });
        if duplicate {
            claims.remove(index);
        } else {
            index += 1;
        }
    }
}

/// Canonical text of a value, used in ids and by `explain`.
pub fn value_text(value: &Value) -> String {
    use crate::extract::number::format_value;
    match value {
        Value::Quantity(quantity) => {
            let unit = if quantity.unit.is_empty() {
                String::new()
            } else {
                format!(" {}", quantity.unit)
            };
            match quantity.bound {
                crate::claim::Bound::Exact => format!("{}{unit}", format_value(quantity.value)),
                crate::claim::Bound::Approximate => format!("~{}{unit}", format_value(quantity.value)),
                crate::claim::Bound::AtLeast => format!(">={}{unit}", format_value(quantity.value)),
                crate::claim::Bound::MoreThan => format!(">{}{unit}", format_value(quantity.value)),
                crate::claim::Bound::AtMost => format!("<={}{unit}", format_value(quantity.value)),
                crate::claim::Bound::LessThan => format!("<{}{unit}", format_value(quantity.value)),
                crate::claim::Bound::Range => format!(
                    "{}..{}{unit}",
                    format_value(quantity.low.unwrap_or(quantity.value)),
                    format_value(quantity.high.unwrap_or(quantity.value))
                ),
            }
        }
        Value::Rank(rank) if rank.best == rank.worst => format!("rank {}", rank.best),
        Value::Rank(rank) => format!("rank {}..{}", rank.best, rank.worst),
        Value::Order(order) => {
            let sign = if order.relation == Relation::Greater { ">" } else { "<" };
            format!("{sign} {}", order.than.id)
        }
        Value::Stance { stance } => stance.clone(),
        Value::Category { label } => label.clone(),
        Value::Statement => "statement".into(),
    }
}

/// Stable ids from content: path, rule, key, value and quote, plus an occurrence number for
/// repeats of the same quote in one article. No offsets, so edits elsewhere keep ids.
fn assign_ids(claims: &mut [Claim]) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for claim in claims.iter_mut() {
        let key = claim.key();
        let base = stable_id(&[
            claim.evidence.path.as_str(),
            claim.rule.as_str(),
            &key.to_string(),
            &value_text(&claim.value),
            claim.modality.label(),
            &claim.evidence.quote,
        ]);
        let occurrence = seen.entry(base.clone()).or_insert(0);
        *occurrence += 1;
        claim.id = if *occurrence == 1 {
            base
        } else {
            stable_id(&[base.as_str(), &occurrence.to_string()])
        };
    }
}
