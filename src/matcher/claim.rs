//! Claim building: a match's token range and bindings, with what its sentence says around it
//! (year and region scope, modality), become a [`Claim`]; then one sentence's duplicates go and
//! every claim of an article gets its stable id.
//!
//! What all the claims of one sentence share is built once, in a [`SentenceClaims`]: the scope
//! inputs and the sentence's attribution are read on first use only, since most candidate
//! sentences yield no claim.

mod rank;

use std::cell::OnceCell;
use std::ops::Range;
use std::rc::Rc;

use super::alias::{Aliases, Link};
use super::context::{Found, Paragraph};
use super::names::Names;
use super::template::{Bindings, Bound};
use crate::claim::{
    AliasLink, Antecedent, Attribution, Claim, Cue, Entity, Evidence, Order, Scope, Shared, Span, Time, TimeBasis,
    Value,
};
use crate::extract::year;
use crate::id::stable_id;
use crate::modality::{self, Sentence};
use crate::rules::lexicon::EntityMatch;
use crate::rules::slots::{self, Reading};
use crate::rules::{CompareMode, Role, Rule, RuleSet};
use crate::text::Article;
use crate::text::date;
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
    /// The shared names of `rules`.
    names: &'a Names,
    article: &'a Article,
    /// The article's path, shared by all its claims.
    path: &'a Shared,
    /// The sentence's words, shared by all its claims, copied on the first claim.
    words: OnceCell<Shared>,
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
    /// The effective time of a claim the sentence dates by no slot or year of its own
    /// (a relative year such as "last year", else the publication date), read on first use.
    undated_time: OnceCell<Option<Time>>,
    /// The paragraph around the sentence, for antecedents and continuation speakers.
    paragraph: Paragraph<'a>,
    /// The article's local aliases, when the claims may read them.
    aliases: Option<&'a Aliases>,
}

impl<'a> SentenceClaims<'a> {
    /// The sentence `sentence` of `article`, tokenized as `tokens`, with its lexicon mentions
    /// `entities` and the [`speakers`] among them.
    pub(super) fn new(
        (rules, names): (&'a RuleSet, &'a Names),
        (article, path): (&'a Article, &'a Shared),
        block: Range<usize>,
        sentence: Range<usize>,
        tokens: &'a [Token],
        entities: &'a [EntityMatch],
        speakers: &'a [(Range<usize>, &'a str)],
    ) -> Self {
        SentenceClaims {
            rules,
            names,
            article,
            path,
            words: OnceCell::new(),
            paragraph: Paragraph::new(rules, &article.text, block, sentence.start),
            sentence,
            tokens,
            entities,
            view: Sentence::new(&article.text, tokens, speakers),
            scope_year: OnceCell::new(),
            region: OnceCell::new(),
            undated_time: OnceCell::new(),
            aliases: None,
        }
    }

    /// The same sentence, with the article-local aliases its claims read (the names among
    /// `entities` that a renaming or apposition linked, and those of the sentences before).
    #[must_use]
    pub(super) fn with_aliases(mut self, aliases: Option<&'a Aliases>) -> Self {
        self.aliases = aliases.filter(|aliases| !aliases.is_empty());
        self.paragraph = self.paragraph.with_aliases(self.aliases);
        self
    }

    fn text(&self) -> &'a str {
        &self.article.text
    }

    /// The claims of `rule` matching tokens `matched` with `bindings`: one, or one per
    /// coordinated subject where the sentence says the value of each ("China and Russia each
    /// hold …"), none where it says it of them together ("… together hold 50 Mt").
    pub(super) fn claims(&self, rule: &Rule, matched: Range<usize>, bindings: &Bindings) -> Vec<Claim> {
        let end = matched.end;
        let mut claims = self.bound_claims(rule, matched, bindings);
        match bindings.get(Role::Subject) {
            Some(Bound::Coordinated(members)) => self.adjust_ranks(&mut claims, end, None, members.len()),
            Some(Bound::Entity(subject)) => self.adjust_ranks(&mut claims, end, Some(subject), 1),
            _ => self.adjust_ranks(&mut claims, end, None, 1),
        }
        claims
    }

    /// [`Self::claims`] before ranks are adjusted to their scope, plural and disjunction.
    fn bound_claims(&self, rule: &Rule, matched: Range<usize>, bindings: &Bindings) -> Vec<Claim> {
        match bindings.get(Role::Subject) {
            Some(Bound::Coordinated(members)) => {
                // "China and Russia hold 44 Mt and 10 Mt, respectively": each its own figure,
                // and no claim at all when the counts differ.
                if let Some(Bound::Respective(figures)) = bindings.get(Role::Value) {
                    if figures.len() != members.len() {
                        return Vec::new();
                    }
                    return members
                        .iter()
                        .zip(figures)
                        .filter_map(|(member, figure)| {
                            let value = Bound::Read(Rc::new(Reading::Value(Value::Quantity(figure.clone()))));
                            let bindings = bindings.with(Role::Subject, member.clone()).with(Role::Value, value);
                            self.claim(rule, matched.clone(), &bindings)
                        })
                        .collect();
                }
                let value = match bindings.reading(Role::Value) {
                    Some(Reading::Value(value)) => Some(value),
                    _ => None,
                };
                if !super::coordination::distributes(self.text(), self.tokens, matched.clone(), value) {
                    return Vec::new();
                }
                members
                    .iter()
                    .filter_map(|member| {
                        self.claim(rule, matched.clone(), &bindings.with(Role::Subject, member.clone()))
                    })
                    .collect()
            }
            _ => self.claim(rule, matched, bindings).into_iter().collect(),
        }
    }

    /// The claim of `rule` matching tokens `matched` with `bindings`, if its value is there.
    fn claim(&self, rule: &Rule, matched: Range<usize>, bindings: &Bindings) -> Option<Claim> {
        let (rules, text, tokens) = (self.rules, self.text(), self.tokens);
        let scope_year = *self.scope_year.get_or_init(|| year::scope_year(text, tokens));
        let region = self.region.get_or_init(|| self.region_scope()).as_deref();
        let mut antecedent = None;
        let mut stand_in = None;
        let mut unresolved = false;
        let mut subject_link = None;
        let mut as_entity = |role: Role| match bindings.get(role) {
            Some(Bound::Entity(found)) => Some(self.entity(found)),
            Some(Bound::StandIn(found, target)) => {
                let named = self.entity(found);
                let entity = self.as_entry(*target, &named);
                stand_in.get_or_insert(named);
                Some(entity)
            }
            Some(Bound::Anaphor(anaphor)) => {
                let before: Vec<EntityMatch> = self
                    .entities
                    .iter()
                    .filter(|entity| entity.end <= anaphor.start)
                    .copied()
                    .collect();
                let Some(found) = self.paragraph.resolve(anaphor.lexicon, &before, tokens, rule.stand_ins) else {
                    unresolved = true;
                    return None;
                };
                let span = Span::new(tokens[anaphor.start].start, tokens[anaphor.end - 1].end);
                let words = Entity {
                    id: Shared::from(""),
                    lexicon: Shared::from(""),
                    text: text[span.range()].to_string(),
                    span,
                };
                antecedent.get_or_insert_with(|| self.antecedent(found));
                if role == Role::Subject {
                    subject_link = found.link;
                }
                Some(self.as_entry(found.entry, &words))
            }
            Some(Bound::Read(reading)) => match &**reading {
                Reading::Name(name) => Some(Entity {
                    id: Shared::from(name.id.as_str()),
                    lexicon: Shared::from("name"),
                    text: text[name.span.range()].to_string(),
                    span: name.span,
                }),
                _ => None,
            },
            _ => None,
        };
        let subject = as_entity(Role::Subject);
        let object_bound = as_entity(Role::Object);
        let than_bound = as_entity(Role::Other);
        if let (Some(aliases), Some(Bound::Entity(found))) = (self.aliases, bindings.get(Role::Subject)) {
            subject_link = aliases.link_of(text, tokens, found);
        }
        if unresolved {
            // A pronoun with no antecedent in reach, or with two: the claim is about nobody.
            return None;
        }
        let object = object_bound.or_else(|| {
            rule.object.map(|(lexicon, entry)| Entity {
                id: self.names.entry(lexicon, entry),
                lexicon: self.names.lexicon(lexicon),
                text: String::new(),
                span: Span::default(),
            })
        });
        let value = match rule.compare {
            compare if slots::value_from_slot(compare) => match bindings.reading(Role::Value) {
                Some(Reading::Value(value)) => value.clone(),
                _ => return None,
            },
            CompareMode::Order => {
                let (Some(Reading::Relation(relation, span)), Some(than)) =
                    (bindings.reading(Role::Relation), than_bound)
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
        let year = match bindings.reading(Role::Year) {
            Some(Reading::Year(year)) => Some(*year),
            _ => scope_year.map(|(year, _)| year),
        };
        let region = match bindings.get(Role::Region) {
            Some(Bound::Entity(found)) => Some(self.entity(found).id.to_string()),
            _ => None,
        }
        .or_else(|| region.map(str::to_string));
        let span = Span::new(tokens[matched.start].start, tokens[matched.end - 1].end);
        let article = self.article;
        let (line, column) = article.line_column(span.start);
        let mut modality = modality::detect(&rules.cues, &self.view, matched);
        if let Some(attribution) = &mut modality.attribution {
            self.resolve_speaker(attribution);
        }
        if modality.attribution.is_none()
            && let Some(named) = &stand_in
        {
            // "Putin acknowledged …" is a claim about Russia, attributed to Putin.
            modality.attribution = Some(Box::new(Attribution {
                speaker: self.speaker_name(named),
                cue: Cue {
                    text: named.text.clone(),
                    span: named.span,
                },
            }));
        }
        let time = self.time(bindings, scope_year);
        let source = modality
            .attribution
            .as_ref()
            .map(|attribution| attribution.speaker.clone());
        let edition = crate::claim::edition(source.as_deref(), time.as_ref());
        let alternate = match &value {
            Value::Quantity(quantity) => super::table::alternate_after(text, tokens, quantity.span.end, &quantity.unit),
            _ => None,
        };
        let (rule_id, kind) = self.names.rule(rules, rule);
        Some(Claim {
            id: String::new(),
            rule: rule_id,
            kind,
            subject,
            object,
            scope: Scope { year, region },
            value,
            modality,
            evidence: Evidence {
                path: self.path.clone(),
                span,
                line,
                column,
                quote: text[span.range()].to_string(),
                sentence: self.words.get_or_init(|| text[self.sentence.clone()].into()).clone(),
                sentence_span: Span::new(self.sentence.start, self.sentence.end),
                whole_sentence: None,
            },
            alternate: alternate.map(Box::new),
            cell: None,
            time: time.map(Box::new),
            antecedent: antecedent.map(Box::new),
            alias_link: subject_link.and_then(|link| {
                self.aliases
                    .map(|aliases| Box::new(self.alias_link(&aliases.links[link])))
            }),
            stand_in: stand_in.map(Box::new),
            source,
            edition,
        })
    }

    /// The effective time of a claim: the year a slot bound or the sentence states ("in 2024",
    /// "last year" read against the publication date), else the publication date.
    fn time(&self, bindings: &Bindings, scope_year: Option<(i32, Span)>) -> Option<Time> {
        let text = self.text();
        let stated = |year: i32, span: Option<Span>| Time {
            year,
            date: None,
            basis: TimeBasis::Stated,
            text: span.map(|span| text[span.range()].to_string()),
            span,
        };
        if let Some(Reading::Year(year)) = bindings.reading(Role::Year) {
            return Some(stated(*year, None));
        }
        if let Some((year, span)) = scope_year {
            return Some(stated(year, Some(span)));
        }
        self.undated_time
            .get_or_init(|| {
                let published = self.article.meta.published()?;
                if let Some(relative) = date::relative_year(text, self.tokens) {
                    return Some(stated(
                        published.year + relative.offset,
                        Some(Span::new(relative.span.start, relative.span.end)),
                    ));
                }
                Some(published_time_of(published))
            })
            .clone()
    }

    /// The entity `(lexicon, entry)` as named by the words of `named`.
    fn as_entry(&self, (lexicon, entry): (u32, u32), named: &Entity) -> Entity {
        Entity {
            id: self.names.entry(lexicon, entry),
            lexicon: self.names.lexicon(lexicon),
            text: named.text.clone(),
            span: named.span,
        }
    }

    /// The antecedent evidence of a resolution.
    fn antecedent(&self, found: Found) -> Antecedent {
        let (line, column) = self.article.line_column(found.span.start);
        Antecedent {
            text: self.text()[found.span.range()].to_string(),
            span: found.span,
            line,
            column,
        }
    }

    /// The evidence of an article-local alias link.
    fn alias_link(&self, link: &Link) -> AliasLink {
        let (line, column) = self.article.line_column(link.phrase.start);
        AliasLink {
            text: self.text()[link.phrase.range()].to_string(),
            span: link.phrase,
            line,
            column,
        }
    }

    /// The display name of a mentioned entity's entry.
    fn speaker_name(&self, named: &Entity) -> String {
        self.rules
            .lexicons
            .iter()
            .find(|lexicon| lexicon.name == named.lexicon)
            .and_then(|lexicon| lexicon.entries.iter().find(|entry| entry.id == named.id))
            .map_or_else(|| named.text.clone(), |entry| entry.name.clone())
    }

    /// A continuation ("He added …", "The agency also said …"): a speaker that is a pronoun
    /// or description of the speaker lexicon becomes the speaker named in the sentences before.
    fn resolve_speaker(&self, attribution: &mut Attribution) {
        let rules = self.rules;
        let Some(lexicon) = rules.lexicons.iter().position(|lexicon| lexicon.name == "speaker") else {
            return;
        };
        let words = attribution.speaker.to_lowercase();
        let words = words.strip_prefix("the ").unwrap_or(&words);
        let speakers = &rules.lexicons[lexicon];
        let refers_back = ["he", "she", "they", "it"].contains(&words) && speakers.pronouns
            || speakers.anaphora.iter().any(|anaphor| {
                let anaphor = anaphor.to_lowercase();
                anaphor.strip_prefix("the ").unwrap_or(&anaphor) == words
            });
        if !refers_back {
            return;
        }
        if let Some(found) = self.paragraph.resolve(lexicon as u32, &[], self.tokens, false) {
            attribution
                .speaker
                .clone_from(&rules.entry(found.entry.0, found.entry.1).name);
        }
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
        let span = Span::new(self.tokens[found.start].start, self.tokens[found.end - 1].end);
        Entity {
            id: self.names.entry(found.lexicon, found.entry),
            lexicon: self.names.lexicon(found.lexicon),
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
        let base = stable_id(&[
            claim.evidence.path.as_str(),
            claim.rule.as_str(),
            &claim.key_text().to_string(),
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

/// The time of a claim that states none: its article's publication date, when known.
pub(super) fn published_time(article: &Article) -> Option<Time> {
    article.meta.published().map(published_time_of)
}

/// The time of a claim that states none, from its article's publication date.
fn published_time_of(published: date::Date) -> Time {
    Time {
        year: published.year,
        date: Some(published.to_string()),
        basis: TimeBasis::Published,
        text: None,
        span: None,
    }
}
