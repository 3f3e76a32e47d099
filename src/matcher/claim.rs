//! Claim building: a match's token range and bindings, with what its sentence says around it
//! (year and region scope, modality), become a [`Claim`]; then one sentence's duplicates go and
//! every claim of an article gets its stable id.
//!
//! What all the claims of one sentence share is built once, in a [`SentenceClaims`]: the scope
//! inputs and the sentence's attribution are read on first use only, since most candidate
//! sentences yield no claim.

use std::cell::OnceCell;
use std::ops::Range;

use super::template::{Bindings, Bound};
use crate::claim::{Claim, Entity, Evidence, Order, Scope, Span, Value};
use crate::extract::year;
use crate::id::stable_id;
use crate::modality::{self, Sentence};
use crate::rules::lexicon::EntityMatch;
use crate::rules::slots::{self, Reading};
use crate::rules::{CompareMode, Role, Rule, RuleSet};
use crate::text::Article;
use crate::text::token::Token;

/// The speaker-lexicon mentions among `entities`: their token ranges and display names, as
/// [`Sentence`] takes them.
pub(super) fn speakers<'r>(rules: &'r RuleSet, entities: &[EntityMatch]) -> Vec<(Range<usize>, &'r str)> {
    entities
        .iter()
        .filter(|entity| rules.lexicons[entity.lexicon as usize].name == "speaker")
        .map(|entity| {
            (
                entity.start..entity.end,
                rules.entry(entity.lexicon, entity.entry).name.as_str(),
            )
        })
        .collect()
}

/// One sentence of an article, as its matches become claims.
pub(super) struct SentenceClaims<'a> {
    rules: &'a RuleSet,
    article: &'a Article,
    /// The sentence's byte range in the article's text.
    sentence: Range<usize>,
    /// The sentence's tokens.
    tokens: &'a [Token],
    /// The lexicon mentions in them, sorted by start token.
    entities: &'a [EntityMatch],
    /// The sentence as modality reads it; its attribution is found once for all its claims.
    view: Sentence<'a>,
    /// The year the sentence is about ("in 2023"), read on first use.
    scope_year: OnceCell<Option<(i32, Span)>>,
    /// The region the sentence is limited to, read on first use.
    region: OnceCell<Option<String>>,
}

impl<'a> SentenceClaims<'a> {
    /// The sentence `sentence` of `article`, tokenized as `tokens`, with its lexicon mentions
    /// `entities` and the [`speakers`] among them.
    pub(super) fn new(
        rules: &'a RuleSet,
        article: &'a Article,
        sentence: Range<usize>,
        tokens: &'a [Token],
        entities: &'a [EntityMatch],
        speakers: &'a [(Range<usize>, &'a str)],
    ) -> Self {
        SentenceClaims {
            rules,
            article,
            sentence,
            tokens,
            entities,
            view: Sentence::new(&article.text, tokens, speakers),
            scope_year: OnceCell::new(),
            region: OnceCell::new(),
        }
    }

    fn text(&self) -> &'a str {
        &self.article.text
    }

    /// The claim of `rule` matching tokens `matched` with `bindings`, if its value is there.
    pub(super) fn claim(&self, rule: &Rule, matched: Range<usize>, bindings: &Bindings) -> Option<Claim> {
        let (rules, text, tokens) = (self.rules, self.text(), self.tokens);
        let scope_year = *self.scope_year.get_or_init(|| year::scope_year(text, tokens));
        let region = self.region.get_or_init(|| self.region_scope()).as_deref();
        let as_entity = |role: Role| match bindings.get(role) {
            Some(Bound::Entity(found)) => Some(self.entity(found)),
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
            compare if slots::value_from_slot(compare) => match bindings.get(Role::Value) {
                Some(Bound::Read(Reading::Value(value))) => value.clone(),
                _ => return None,
            },
            CompareMode::Order => {
                let (Some(Bound::Read(Reading::Relation(relation, span))), Some(than)) =
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
            // The modes whose value is what their `value` slot read are the first arm.
            _ => return None,
        };
        let year = match bindings.get(Role::Year) {
            Some(Bound::Read(Reading::Year(year))) => Some(*year),
            _ => scope_year.map(|(year, _)| year),
        };
        let region = as_entity(Role::Region)
            .map(|entity| entity.id)
            .or_else(|| region.map(str::to_string));
        let span = Span::new(tokens[matched.start].start, tokens[matched.end - 1].end);
        let article = self.article;
        let (line, column) = article.line_column(span.start);
        let modality = modality::detect(&rules.cues, &self.view, matched);
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
                sentence: text[self.sentence.clone()].to_string(),
                sentence_span: Span::new(self.sentence.start, self.sentence.end),
            },
        })
    }

    /// The region the sentence is limited to: a region-lexicon mention after "in", "across",
    /// "within" or "throughout".
    fn region_scope(&self) -> Option<String> {
        let (rules, text, tokens) = (self.rules, self.text(), self.tokens);
        self.entities.iter().find_map(|entity| {
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

    /// The claim's view of a lexicon mention.
    fn entity(&self, found: &EntityMatch) -> Entity {
        let entry = self.rules.entry(found.lexicon, found.entry);
        let span = Span::new(self.tokens[found.start].start, self.tokens[found.end - 1].end);
        Entity {
            id: entry.id.clone(),
            lexicon: self.rules.lexicons[found.lexicon as usize].name.clone(),
            text: self.text()[span.range()].to_string(),
            span,
        }
    }
}

/// Two rules saying the same thing about the same words of one sentence yield one claim.
pub(super) fn dedup_sentence_claims(claims: &mut Vec<Claim>, from: usize) {
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

/// Stable ids from content: path, rule, key, value and quote, plus an occurrence number for
/// repeats of the same quote in one article. No offsets, so edits elsewhere keep ids.
pub(super) fn assign_ids(claims: &mut [Claim]) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for claim in claims.iter_mut() {
        let key = claim.key();
        let base = stable_id(&[
            claim.evidence.path.as_str(),
            claim.rule.as_str(),
            &key.to_string(),
            &claim.value.canonical_text(),
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
