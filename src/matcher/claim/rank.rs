//! Rank claims as news writes them, after a match became claims: a rank within a region or
//! group names it by its lexicon id and limits the claim to it ("Asia's largest" is a claim
//! in Asia, never compared with a world rank); coordinated subjects share a plural rank
//! ("Orbis and Kestrel, the world's biggest truck makers" puts each in the top two, not both
//! first); and an "either … or" subject ("either Chile or Peru is the largest") gives a claim
//! per alternative, each naming the others, which conflicts with nothing.

use super::SentenceClaims;
use crate::claim::{Claim, Entity, Span, Value};
use crate::rules::lexicon::EntityMatch;
use crate::text::token::TokenKind;

impl SentenceClaims<'_> {
    /// Adjusts the rank claims of one match ending before token `end`: `subject` is the bound
    /// subject mention (one, or `members` coordinated ones).
    pub(super) fn adjust_ranks(
        &self,
        claims: &mut Vec<Claim>,
        end: usize,
        subject: Option<&EntityMatch>,
        members: usize,
    ) {
        if !claims.iter().any(|claim| matches!(claim.value, Value::Rank(_))) {
            return;
        }
        // "the biggest truck maker of the 27 member states": the group after the match.
        let group = crate::extract::rank::group_after(self.text(), self.tokens, end);
        for claim in claims.iter_mut() {
            let Value::Rank(rank) = &mut claim.value else {
                continue;
            };
            if rank.within.is_none() {
                rank.within.clone_from(&group);
            }
            if let Some(within) = rank.within.take() {
                let within = self.scope_entity(rank.span, &within).unwrap_or(within);
                claim.scope.region = Some(within.clone());
                rank.within = Some(within);
            }
            // Coordinated subjects of one rank hold the positions from its best on between
            // them: "the world's biggest" for two names is the top two.
            if members > 1 {
                let members = u32::try_from(members).unwrap_or(u32::MAX);
                rank.worst = rank.worst.max(rank.best.saturating_add(members - 1));
            }
        }
        if let Some(subject) = subject
            && members <= 1
        {
            self.disjunction(claims, subject);
        }
    }

    /// The id of the lexicon entry named by the scope words `within` inside `span`.
    fn scope_entity(&self, span: Span, within: &str) -> Option<String> {
        let (text, tokens) = (self.text(), self.tokens);
        self.entities
            .iter()
            .filter(|entity| tokens[entity.start].start >= span.start && tokens[entity.end - 1].end <= span.end)
            .filter(|entity| {
                let last = if tokens[entity.end - 1].kind == TokenKind::Possessive && entity.end - 1 > entity.start {
                    entity.end - 1
                } else {
                    entity.end
                };
                text[tokens[entity.start].start..tokens[last - 1].end].eq_ignore_ascii_case(within)
            })
            .max_by_key(|entity| entity.end - entity.start)
            .map(|entity| self.names.entry(entity.lexicon, entity.entry).to_string())
    }

    /// Mentions of the subject's lexicon joined to `subject` by "or" ("either Chile or Peru",
    /// "Chile, Peru or Bolivia"): the subject's rank becomes one side of a disjunction, and
    /// each other mention gets the same claim with the sides swapped.
    fn disjunction(&self, claims: &mut Vec<Claim>, subject: &EntityMatch) {
        let members = self.alternatives(subject);
        if members.len() < 2 {
            return;
        }
        let entity = |found: &EntityMatch| {
            let span = Span::new(self.tokens[found.start].start, self.tokens[found.end - 1].end);
            Entity {
                id: self.names.entry(found.lexicon, found.entry),
                lexicon: self.names.lexicon(found.lexicon),
                text: self.text()[span.range()].to_string(),
                span,
            }
        };
        let mut added = Vec::new();
        for claim in claims.iter_mut() {
            let is_subject = claim
                .subject
                .as_ref()
                .is_some_and(|bound| *bound.id == *self.names.entry(subject.lexicon, subject.entry));
            if !is_subject || !matches!(claim.value, Value::Rank(_)) {
                continue;
            }
            for member in &members {
                let mut copy = claim.clone();
                let own = entity(member);
                if let Value::Rank(rank) = &mut copy.value {
                    rank.alternatives = members
                        .iter()
                        .filter(|other| other.entry != member.entry)
                        .map(|other| self.names.entry(other.lexicon, other.entry).to_string())
                        .collect();
                    rank.alternatives.dedup();
                }
                if member.start == subject.start {
                    *claim = copy;
                } else {
                    copy.subject = Some(own);
                    added.push(copy);
                }
            }
        }
        claims.extend(added);
    }

    /// `subject` and the mentions of its lexicon listed with it by commas and one "or", in
    /// text order; just `subject` when there is no "or".
    fn alternatives(&self, subject: &EntityMatch) -> Vec<EntityMatch> {
        let (text, tokens) = (self.text(), self.tokens);
        let is = |index: usize, word: &str| tokens.get(index).is_some_and(|token| token.is(text, word));
        let same = |entity: &&EntityMatch| entity.lexicon == subject.lexicon;
        let starting = |index: usize| self.entities.iter().filter(same).find(|entity| entity.start == index);
        let ending = |index: usize| self.entities.iter().filter(same).find(|entity| entity.end == index);
        let mut before = Vec::new();
        let mut after = Vec::new();
        let mut or = false;
        // Backwards: "Chile, Peru or [subject]".
        let mut start = subject.start;
        while start >= 2 {
            let connector = if is(start - 1, "or") {
                or = true;
                1
            } else if is(start - 1, ",") {
                1
            } else {
                break;
            };
            let Some(found) = ending(start - connector) else {
                break;
            };
            before.push(*found);
            start = found.start;
        }
        // Forwards: "[subject] or Peru", "[subject], Peru or Bolivia".
        let mut end = subject.end;
        loop {
            let connector = if is(end, "or") {
                or = true;
                1
            } else if is(end, ",") && is(end + 1, "or") {
                or = true;
                2
            } else if is(end, ",") {
                1
            } else {
                break;
            };
            let Some(found) = starting(end + connector) else {
                break;
            };
            after.push(*found);
            end = found.end;
        }
        if !or {
            return vec![*subject];
        }
        before.reverse();
        before.push(*subject);
        before.extend(after);
        before.sort_by_key(|entity| entity.start);
        before.dedup_by_key(|entity| entity.entry);
        before
    }
}
