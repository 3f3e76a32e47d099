//! The template engine: a small backtracking matcher of one rule's compiled templates over
//! the tokens of one sentence.
//!
//! Elements are matched left to right; gaps (`..N`, never across a clause break), alternations
//! and optional groups (an alternation with an empty branch) backtrack through a chain of
//! [`Continuation`]s, so no element sequence is ever copied. Slots read the sentence's lexicon
//! mentions (found once per sentence) or the built-in readers of [`crate::rules::slots`],
//! whose results are cached per reader and start token. Each template gets at most [`STEP_LIMIT`] steps per
//! start position, which bounds the work of hostile templates on hostile sentences.
//!
//! A rule yields at most one match per start position: the longest of its templates there
//! (the first template on a tie). The search goes on at the next token; a match that starts
//! inside an earlier one counts only if its subject and value slots read other words than every
//! earlier match of the rule, so overlapping matches are claims about other things ("China holds
//! 44 Mt of the world's 110 Mt"), never a second claim of one subject or one figure.

use std::ops::Range;
use std::rc::Rc;

use crate::extract::Vocabulary;
use crate::rules::lexicon::{AnaphorKind, AnaphorMatch, EntityMatch, Lexicon};
use crate::rules::slots::{self, READERS, Reading};
use crate::rules::{Role, Rule, SlotKind};
use crate::text::token::{Token, TokenKind};

pub(crate) use program::{Programs, Step};

mod program;

/// Most backtracking steps spent on one template at one start position; bounds the work of
/// hostile templates on hostile sentences.
const STEP_LIMIT: usize = 20_000;

/// Cached results of the built-in readers ([`SlotKind::reader`]), per reader and start token:
/// `None` not read yet, `Some(None)` nothing there. A reader's line is allocated when a slot
/// first uses it.
struct Builtins {
    length: usize,
    readings: [Vec<Cached>; READERS],
}

/// One reader's result at one token.
#[allow(clippy::option_option)]
type Cached = Option<Option<(usize, Rc<Reading>)>>;

impl Builtins {
    fn new(length: usize) -> Self {
        Builtins {
            length,
            readings: std::array::from_fn(|_| Vec::new()),
        }
    }
}

/// What a slot bound.
#[derive(Clone, Debug)]
pub(super) enum Bound {
    /// A lexicon mention.
    Entity(EntityMatch),
    /// What a built-in reader read: a value, a comparative phrase, a year. Shared with the
    /// reader's cache, so that trying a template again at a token copies no figure.
    Read(Rc<Reading>),
    /// A pronoun or description that refers back to an entry of the slot's lexicon, still to
    /// be resolved against the sentences before.
    Anaphor(AnaphorMatch),
    /// A mention of an entry that stands for the (lexicon, entry) of the slot's lexicon.
    StandIn(EntityMatch, (u32, u32)),
    /// Coordinated subjects ("China and Russia", "Chile, Peru and Bolivia", "Brewfield and
    /// Tamsin"): each member an [`Bound::Entity`] or a name ([`Reading::Name`]); one claim each
    /// where the sentence distributes the value over them (`coordination.rs`).
    Coordinated(Vec<Bound>),
    /// The figures of a "respectively" list ("44 Mt and 10 Mt, respectively"), to be paired in
    /// order with coordinated subjects (`coordination.rs`).
    Respective(Vec<crate::claim::Quantity>),
}

impl Bound {
    /// What a built-in reader read, if this is that.
    pub(super) fn reading(&self) -> Option<&Reading> {
        match self {
            Bound::Read(reading) => Some(reading),
            _ => None,
        }
    }

    /// Whether this is a lexicon mention or a name: what a coordination's members are.
    fn is_entity_or_name(&self) -> bool {
        matches!(self, Bound::Entity(_)) || matches!(self.reading(), Some(Reading::Name(_)))
    }
}

/// The values a match bound, in the order its slots were read, each with the tokens it read.
#[derive(Clone, Debug, Default)]
pub(super) struct Bindings {
    slots: Vec<(Role, Bound, Range<usize>)>,
}

impl Bindings {
    /// The same bindings with `role`'s last value replaced by `bound`.
    pub(super) fn with(&self, role: Role, bound: Bound) -> Bindings {
        let mut slots = self.slots.clone();
        if let Some(slot) = slots.iter_mut().rev().find(|(bound_role, ..)| *bound_role == role) {
            slot.1 = bound;
        }
        Bindings { slots }
    }

    /// What a built-in reader read for `role` (the last one if the role was bound twice).
    pub(super) fn reading(&self, role: Role) -> Option<&Reading> {
        self.get(role).and_then(Bound::reading)
    }

    /// The value bound to `role` (the last one if the role was bound twice).
    pub(super) fn get(&self, role: Role) -> Option<&Bound> {
        self.slots
            .iter()
            .rev()
            .find(|(bound_role, ..)| *bound_role == role)
            .map(|(_, bound, _)| bound)
    }

    /// The tokens of the words that make a match a claim of its own: what its subject and value
    /// slots read. Another match of the rule that overlaps it is a claim of its own only if its
    /// own words are others ([`Engine::for_each_match`]).
    fn own_words(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.slots
            .iter()
            .filter(|(role, ..)| matches!(role, Role::Subject | Role::Value))
            .map(|(.., tokens)| tokens.clone())
    }
}

/// The engine over one sentence: its tokens, their lexicon mentions and the extractor cache.
pub(super) struct Engine<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// Each token's number among the templates' words ([`program::NO_WORD`]: none).
    words: Vec<u32>,
    /// Lexicon mentions, sorted by start token.
    entities: &'a [EntityMatch],
    /// Alias matches by start token: `entity_starts[i]` is the range of `entities` starting at i.
    entity_starts: Vec<Range<usize>>,
    /// Per token, the lexicons a slot may read something of there ([`Starts`]), filled on
    /// first use.
    starts: Vec<Starts>,
    /// Words that may refer back to an entry, sorted by start token (see [`Engine::with_context`]).
    anaphora: &'a [AnaphorMatch],
    /// Anaphora by start token, like `entity_starts` (empty without context).
    anaphor_starts: Vec<Range<usize>>,
    /// The lexicons, for the entries that stand for others (empty: no stand-ins).
    lexicons: &'a [Lexicon],
    /// Whether the current rule's slots read anaphora and stand-ins.
    read_anaphora: bool,
    read_stand_ins: bool,
    builtins: Builtins,
    /// The reach of "one of the largest" the cached ranks were read with.
    top_k: u32,
    /// Steps spent on the current template at the current start position.
    steps: usize,
    /// The current rule's own gap stops (`None`: the built-in ones).
    gap_stops: Option<&'a [String]>,
    /// The rule set's own words for quantities.
    vocabulary: &'a Vocabulary,
    /// The token of the sentence's last "respectively", found on first use.
    respectively: std::cell::OnceCell<Option<usize>>,
}

/// A link in the chain of element sequences still to match after the current one.
struct Continuation<'c> {
    elements: &'c [Step],
    next: Option<&'c Continuation<'c>>,
}

impl<'a> Engine<'a> {
    /// The engine over the sentence of `text` tokenized as `tokens`, with its lexicon mentions
    /// `entities` (sorted by start token), to run templates of `programs`.
    pub(super) fn new(text: &'a str, tokens: &'a [Token], entities: &'a [EntityMatch], programs: &Programs) -> Self {
        let mut numbers = Vec::with_capacity(tokens.len());
        programs.words.number_tokens(text, tokens, &mut numbers);
        Engine {
            text,
            tokens,
            words: numbers,
            entities,
            entity_starts: index_entities(tokens.len(), entities),
            starts: Vec::new(),
            anaphora: &[],
            anaphor_starts: Vec::new(),
            lexicons: &[],
            read_anaphora: false,
            read_stand_ins: false,
            builtins: Builtins::new(tokens.len()),
            // No rank is cached yet, so any reach will do until `read_ranks_with` sets one.
            top_k: 0,
            steps: 0,
            gap_stops: None,
            vocabulary: Vocabulary::none(),
            respectively: std::cell::OnceCell::new(),
        }
    }

    /// The engine reading quantities with the rule set's `vocabulary` as well.
    pub(super) fn with_vocabulary(mut self, vocabulary: &'a Vocabulary) -> Self {
        self.vocabulary = vocabulary;
        self
    }

    /// The engine reading context too: `anaphora` (sorted by start token) may fill a slot of
    /// their lexicon, and mentions of entries that stand for another lexicon's (as `lexicons`
    /// declare) may fill a slot of that lexicon, in the rules that allow it.
    pub(super) fn with_context(mut self, anaphora: &'a [AnaphorMatch], lexicons: &'a [Lexicon]) -> Self {
        self.anaphora = anaphora;
        if !anaphora.is_empty() {
            self.anaphor_starts = vec![0..0; self.tokens.len()];
            let mut index = 0;
            while index < anaphora.len() {
                let start = anaphora[index].start;
                let mut end = index;
                while end < anaphora.len() && anaphora[end].start == start {
                    end += 1;
                }
                self.anaphor_starts[start] = index..end;
                index = end;
            }
        }
        self.lexicons = lexicons;
        self
    }

    /// Fills [`Engine::starts`] from the sentence's mentions, anaphora and stand-ins.
    fn index_starts(&mut self) {
        let (text, tokens) = (self.text, self.tokens);
        let bit = |lexicon: u32| 1u64.checked_shl(lexicon).unwrap_or(0);
        let mut starts = vec![Starts::default(); tokens.len()];
        for (position, start) in starts.iter_mut().enumerate() {
            for entity in &self.entities[self.entity_starts[position].clone()] {
                start.mention |= bit(entity.lexicon);
                if let Some(Some(target)) = self
                    .lexicons
                    .get(entity.lexicon as usize)
                    .and_then(|lexicon| lexicon.stands_for.get(entity.entry as usize))
                {
                    start.stand_in |= bit(target.0);
                }
            }
            for anaphor in self.anaphora_at(position) {
                start.anaphor |= bit(anaphor.lexicon);
            }
        }
        // "the United States": a slot may read the mention or stand-in after a leading "the".
        for position in (0..tokens.len().saturating_sub(1)).rev() {
            if tokens[position].is(text, "the") {
                starts[position].mention |= starts[position + 1].mention;
                starts[position].stand_in |= starts[position + 1].stand_in;
            }
        }
        self.starts = starts;
    }

    /// The anaphora starting at token `position`.
    fn anaphora_at(&self, position: usize) -> &'a [AnaphorMatch] {
        match self.anaphor_starts.get(position) {
            Some(range) => &self.anaphora[range.clone()],
            None => &[],
        }
    }

    /// Reads rank phrases with reach `top_k` from now on. Ranks read with another rule's
    /// `top_k` ("one of the largest" → 1..k) must not be reused: the cached ranks are dropped.
    pub(super) fn read_ranks_with(&mut self, top_k: u32) {
        if self.top_k != top_k {
            for (reader, line) in self.builtins.readings.iter_mut().enumerate() {
                if slots::reader_uses_top_k(reader) {
                    line.fill(None);
                }
            }
            self.top_k = top_k;
        }
    }

    /// Hands every match of `rule` in the sentence to `found`, leftmost first, as its token
    /// range and bindings: at each start position the longest match of its templates (of those
    /// `usable` marks, when given; the first template on a tie). A match that starts inside an
    /// earlier one is handed on only if its subject and value read other words than every
    /// earlier match's ("China holds 44 Mt of the world's 110 Mt": the world's figure too), so
    /// one subject or one figure never gives two claims of a rule.
    pub(super) fn for_each_match(
        &mut self,
        rule: &'a Rule,
        program: &[Box<[Step]>],
        usable: Option<&[bool]>,
        mut found: impl FnMut(Range<usize>, &Bindings),
    ) {
        self.read_ranks_with(rule.top_k);
        self.gap_stops = rule.gap_stops.as_deref();
        self.read_anaphora = rule.anaphora && !self.anaphora.is_empty();
        self.read_stand_ins = rule.stand_ins && !self.lexicons.is_empty();
        let tokens = self.tokens;
        // The end of the furthest match so far, and the words the matches so far own.
        let mut reach = 0;
        let mut owned: Vec<Range<usize>> = Vec::new();
        let mut position = 0;
        while position < tokens.len() {
            let inside = position < reach;
            let mut best: Option<(usize, Bindings)> = None;
            for (template, steps) in program.iter().enumerate() {
                if usable.is_some_and(|usable| !usable[template]) {
                    continue;
                }
                let Some(first) = steps.first() else {
                    continue;
                };
                if !self.can_start(first, position) {
                    continue;
                }
                let mut bindings = Bindings::default();
                self.steps = 0;
                if let Some(end) = self.match_sequence(steps, None, position, &mut bindings)
                    && end > position
                    && best.as_ref().is_none_or(|(best_end, _)| end > *best_end)
                    && (!inside || owns_other_words(&bindings, &owned))
                {
                    best = Some((end, bindings));
                }
            }
            if let Some((end, bindings)) = best {
                found(position..end, &bindings);
                owned.extend(bindings.own_words());
                reach = reach.max(end);
            }
            position += 1;
        }
    }

    /// Where a match of `elements` starting at token `start` ends, if there is one.
    pub(super) fn match_at(&mut self, elements: &[Step], start: usize) -> Option<usize> {
        self.steps = 0;
        self.match_sequence(elements, None, start, &mut Bindings::default())
    }

    fn match_sequence(
        &mut self,
        elements: &[Step],
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
            Step::Word(forms) => {
                if Step::takes(forms, *self.words.get(position)?) {
                    self.match_sequence(rest, next, position + 1, bindings)
                } else {
                    None
                }
            }
            Step::Possessive => {
                let token = tokens.get(position)?;
                (token.kind == TokenKind::Possessive).then_some(())?;
                self.match_sequence(rest, next, position + 1, bindings)
            }
            Step::Punct(character) => {
                let token = tokens.get(position)?;
                let mut chars = token.text(text).chars();
                (chars.next() == Some(*character) && chars.next().is_none()).then_some(())?;
                self.match_sequence(rest, next, position + 1, bindings)
            }
            Step::Gap(size) => {
                for skip in 0..=*size {
                    if position + skip > tokens.len() {
                        break;
                    }
                    if skip > 0 && tokens[position + skip - 1].stops_gap(text, self.gap_stops) {
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
            Step::Alt(branches) => {
                let continuation = Continuation { elements: rest, next };
                for branch in branches {
                    if let Some(end) = self.match_sequence(branch, Some(&continuation), position, bindings) {
                        return Some(end);
                    }
                }
                None
            }
            Step::Slot(role, kind) => {
                let mut candidates = self.slot_candidates(*kind, position);
                if *role == Role::Subject && matches!(kind, SlotKind::Lexicon(_) | SlotKind::Name) {
                    // Longest first: "China and Russia each hold" before "China".
                    let coordinated: Vec<(usize, Bound)> = candidates
                        .iter()
                        .filter(|(_, bound)| bound.is_entity_or_name())
                        .filter_map(|(end, bound)| self.coordinated(*kind, *end, bound))
                        .collect();
                    candidates.splice(0..0, coordinated);
                }
                for (end, bound) in candidates {
                    // A determiner refers back only as the head of the noun phrase the template
                    // reads right after it: "this self-sufficiency", not "this … holds".
                    if let Bound::Anaphor(anaphor) = &bound
                        && anaphor.kind == AnaphorKind::Determiner
                        && rest.first().is_none_or(|element| matches!(element, Step::Gap(_)))
                    {
                        continue;
                    }
                    // A stand-in or an anaphor gives way to a name of the slot's own lexicon
                    // that the gap after it would skip: in "Putin said Russia holds …" the
                    // subject is Russia, not Putin standing for it.
                    if let (Bound::Anaphor(_) | Bound::StandIn(..), SlotKind::Lexicon(lexicon), Some(Step::Gap(size))) =
                        (&bound, kind, rest.first())
                        && self.entities.iter().any(|entity| {
                            entity.lexicon == *lexicon && entity.start >= end && entity.start <= end + size
                        })
                    {
                        continue;
                    }
                    bindings.slots.push((*role, bound, position..end));
                    if let Some(found) = self.match_sequence(rest, next, end, bindings) {
                        return Some(found);
                    }
                    bindings.slots.pop();
                }
                None
            }
        }
    }

    /// Whether a template whose first step is `first` can start at token `position`: a cheap
    /// test that holds wherever [`Engine::match_sequence`] could take a token with that step.
    fn can_start(&mut self, first: &Step, position: usize) -> bool {
        let token = &self.tokens[position];
        match first {
            Step::Word(forms) => Step::takes(forms, self.words[position]),
            Step::Slot(_, SlotKind::Lexicon(lexicon)) => self.lexicon_can_start(*lexicon, position),
            Step::Punct(character) => token.text(self.text).starts_with(*character),
            Step::Possessive => token.kind == TokenKind::Possessive,
            _ => true,
        }
    }

    /// Whether a slot of lexicon `lexicon` may read anything at `position`: wherever
    /// [`Engine::slot_candidates`] finds a candidate there, and a few places more (a mention
    /// after "the" where one starts at the "the" too, a stand-in of the lexicon's own entries),
    /// without building them: a filter, which `slot_candidates` then decides.
    fn lexicon_can_start(&mut self, lexicon: u32, position: usize) -> bool {
        // Lexicons numbered 64 and above have no bit: every token may start them.
        let Some(bit) = 1u64.checked_shl(lexicon) else {
            return true;
        };
        if self.starts.is_empty() {
            self.index_starts();
        }
        let start = self.starts[position];
        start.mention & bit != 0
            || self.read_stand_ins && start.stand_in & bit != 0
            || self.read_anaphora && start.anaphor & bit != 0
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
                let after_the = self.tokens[position].is(self.text, "the") && position + 1 < self.tokens.len();
                if found.is_empty() && after_the {
                    let range = self.entity_starts[position + 1].clone();
                    found = self.entities[range]
                        .iter()
                        .filter(|entity| entity.lexicon == lexicon)
                        .map(|entity| (entity.end, Bound::Entity(*entity)))
                        .collect();
                }
                if self.read_stand_ins {
                    let lexicons = self.lexicons;
                    let starts = [Some(position), after_the.then_some(position + 1)];
                    for start in starts.into_iter().flatten() {
                        for entity in &self.entities[self.entity_starts[start].clone()] {
                            if let Some(Some(target)) =
                                lexicons[entity.lexicon as usize].stands_for.get(entity.entry as usize)
                                && target.0 == lexicon
                                && entity.lexicon != lexicon
                            {
                                found.push((entity.end, Bound::StandIn(*entity, *target)));
                            }
                        }
                    }
                }
                if self.read_anaphora {
                    found.extend(
                        self.anaphora_at(position)
                            .iter()
                            .filter(|anaphor| anaphor.lexicon == lexicon)
                            .map(|anaphor| (anaphor.end, Bound::Anaphor(*anaphor))),
                    );
                }
                found
            }
            kind => {
                let Some(reader) = kind.reader() else {
                    return Vec::new();
                };
                let (text, tokens, top_k, length) = (self.text, self.tokens, self.top_k, self.builtins.length);
                let respectively = *self
                    .respectively
                    .get_or_init(|| super::coordination::last_respectively(text, tokens));
                let vocabulary = self.vocabulary;
                let line = &mut self.builtins.readings[reader];
                if line.is_empty() {
                    line.resize(length, None);
                }
                let Some((end, reading)) = line[position]
                    .get_or_insert_with(|| {
                        kind.read(text, tokens, position, top_k, vocabulary)
                            .map(|(end, reading)| (end, Rc::new(reading)))
                    })
                    .as_ref()
                else {
                    return Vec::new();
                };
                let (end, reading) = (*end, Rc::clone(reading));
                // "44 and 10 million tonnes, respectively": the list is read even when its first
                // figure alone is not what the slot admits (a bare "44").
                let mut found = Vec::with_capacity(2);
                if let Reading::Value(crate::claim::Value::Quantity(quantity)) = &*reading
                    && respectively.is_some_and(|at| at >= end)
                    && let Some((after, figures)) =
                        super::coordination::respective_figures(text, tokens, quantity, end, vocabulary)
                    && figures
                        .iter()
                        .all(|figure| kind.admits(&Reading::Value(crate::claim::Value::Quantity(figure.clone()))))
                {
                    found.push((after, Bound::Respective(figures)));
                }
                if !kind.admits(&reading) {
                    return found;
                }
                if let Reading::Name(_) = &*reading {
                    return self.name_or_entity(position, end, reading);
                }
                // "$4.2bn (£3.3bn)": the figure restated in parentheses belongs to the value (it
                // becomes the claim's alternate), so the slot may also end after it.
                if let Reading::Value(crate::claim::Value::Quantity(quantity)) = &*reading
                    && let Some((after, _)) =
                        super::table::restated_after(text, tokens, quantity.span.end, &quantity.unit)
                {
                    found.push((after, Bound::Read(Rc::clone(&reading))));
                }
                found.push((end, Bound::Read(reading)));
                found
            }
        }
    }
}

impl Engine<'_> {
    /// Subjects coordinated with `first`, which a slot of `kind` read up to token `end`
    /// ("China and Russia", "Chile, Peru and Bolivia", "Chile, Peru, and Bolivia", "Brewfield
    /// and Tamsin"): the end token and the members, when an `and` closes the list.
    fn coordinated(&mut self, kind: SlotKind, end: usize, first: &Bound) -> Option<(usize, Bound)> {
        let (text, tokens) = (self.text, self.tokens);
        let is = |index: usize, word: &str| tokens.get(index).is_some_and(|token| token.is(text, word));
        // What follows a member: the next member's start, and whether it is the last.
        let separator = |end: usize| {
            if is(end, ",") && is(end + 1, "and") {
                Some((end + 2, true))
            } else if is(end, ",") {
                Some((end + 1, false))
            } else if is(end, "and") {
                Some((end + 1, true))
            } else {
                None
            }
        };
        // Most subjects stand alone: nothing is allocated for them.
        let (mut next, mut last) = separator(end)?;
        let mut members = vec![first.clone()];
        loop {
            let (member_end, member) = self.member_at(kind, next)?;
            members.push(member);
            if last {
                return Some((member_end, Bound::Coordinated(members)));
            }
            (next, last) = separator(member_end)?;
        }
    }

    /// One member of a coordination at token `position`: the longest mention of the slot's
    /// lexicon (after a leading "the": "and the United States"), or a name.
    fn member_at(&mut self, kind: SlotKind, position: usize) -> Option<(usize, Bound)> {
        match kind {
            SlotKind::Lexicon(lexicon) => {
                let the = usize::from(self.tokens.get(position)?.is(self.text, "the"));
                [position, position + 1]
                    .into_iter()
                    .take(1 + the)
                    .find_map(|start| {
                        self.entities[self.entity_starts.get(start)?.clone()]
                            .iter()
                            .filter(|entity| entity.lexicon == lexicon)
                            .max_by_key(|entity| entity.end)
                    })
                    .map(|entity| (entity.end, Bound::Entity(*entity)))
            }
            SlotKind::Name => self
                .slot_candidates(kind, position)
                .into_iter()
                .find(|(_, bound)| bound.is_entity_or_name()),
            _ => None,
        }
    }

    /// What a name slot binds for the name `reading` over tokens `position..end`: a lexicon
    /// mention starting there that covers the whole name wins (the alias's entity, "China"),
    /// one inside it does not ("Kenya" in "Vodacom Kenya" is no mention of Kenya).
    fn name_or_entity(&self, position: usize, end: usize, reading: Rc<Reading>) -> Vec<(usize, Bound)> {
        let covering = self.entities[self.entity_starts[position].clone()]
            .iter()
            .filter(|entity| entity.end >= end)
            .max_by_key(|entity| entity.end);
        match covering {
            Some(entity) => vec![(entity.end, Bound::Entity(*entity))],
            None => vec![(end, Bound::Read(reading))],
        }
    }
}

/// Whether the subject and value of a match, `bindings`, read none of the words `owned` by the
/// matches before it. A match with neither owns nothing and is never a claim of its own inside
/// another.
fn owns_other_words(bindings: &Bindings, owned: &[Range<usize>]) -> bool {
    let mut own = bindings.own_words().peekable();
    own.peek().is_some()
        && own.all(|words| {
            owned
                .iter()
                .all(|taken| words.end <= taken.start || taken.end <= words.start)
        })
}

/// What lexicon slots may read at one token, as sets of lexicon numbers (bit `l` for lexicon
/// `l`, below 64), counting what a leading "the" lets a slot read after it.
#[derive(Clone, Copy, Debug, Default)]
struct Starts {
    /// Mentions of the lexicon.
    mention: u64,
    /// Mentions of entries that stand for an entry of the lexicon.
    stand_in: u64,
    /// Words that may refer back to an entry of the lexicon.
    anaphor: u64,
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

#[cfg(test)]
mod tests;
