//! Explanations: how the rules read a text, sentence by sentence (`crosscheck explain`).
//!
//! For each sentence: its tokens, the lexicon mentions found in them, the claims the rules
//! made (with the slots they bound and the modality cues that decided polarity, hedging and
//! attribution), and the *near misses*: rules that made no claim although the sentence mentions
//! a lexicon one of their slots reads or contains one of their literal words. For a near miss
//! the best template is probed ([`matcher::probe`]): the explanation names the first element
//! that stopped it and the token where it failed.
//!
//! The explanation is plain data ([`Explanation`], serialisable as versioned JSON) built by
//! [`explain`], which does no IO; [`render_text`] prints it for people.

use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use crate::claim::{Claim, Entity, Value};
use crate::matcher::{self, Matcher, PatternProbe};
use crate::rules::{Element, Rule, RuleSet, SlotKind};
use crate::text::token::{Token, TokenKind, tokenize_into};
use crate::text::{Article, segment};

/// Version of the JSON explanation; bumped on incompatible changes.
pub const VERSION: u32 = 1;

/// Near misses the text output explains per sentence (closest first); JSON has them all.
const SHOWN_NEAR_MISSES: usize = 3;

/// Literal words too common to make a rule a near miss on their own.
const COMMON: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "is", "are", "was", "were", "be", "has",
    "have", "had", "its", "it", "as", "by", "with", "from", "that", "this", "than", "s",
];

/// The explanation of some articles.
#[derive(Clone, Debug, Serialize)]
pub struct Explanation {
    /// [`VERSION`].
    pub version: u32,
    /// One entry per article (a JSON Lines file holds several).
    pub articles: Vec<ArticleExplanation>,
}

/// The explanation of one article.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleExplanation {
    /// The article's path (`<text>` for `--text`).
    pub path: String,
    /// The names a renaming or apposition made aliases of an entry within the article.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<AliasExplained>,
    /// The sentences explained, in order.
    pub sentences: Vec<SentenceExplanation>,
}

/// A name made an alias of an entry within the article, and the words that linked them.
#[derive(Clone, Debug, Serialize)]
pub struct AliasExplained {
    /// The name, e.g. `Calder Mining`.
    pub name: String,
    /// The lexicon of the entry.
    pub lexicon: String,
    /// The entry's id.
    pub id: String,
    /// The linking phrase, e.g. `Calder Group, formerly Calder Mining`.
    pub phrase: String,
    /// One-based line of the phrase's start.
    pub line: u32,
    /// One-based column of the phrase's start.
    pub column: u32,
}

/// How the rules read one sentence.
#[derive(Clone, Debug, Serialize)]
pub struct SentenceExplanation {
    /// One-based line of the sentence's start in the original file.
    pub line: u32,
    /// One-based column of the sentence's start.
    pub column: u32,
    /// The sentence.
    pub text: String,
    /// Its tokens.
    pub tokens: Vec<TokenView>,
    /// Lexicon aliases found in it.
    pub mentions: Vec<Mention>,
    /// Words that may refer back to an entry ("it", "the country"), each with what it
    /// resolves to or why not.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub anaphora: Vec<String>,
    /// Claims the rules made.
    pub matches: Vec<MatchView>,
    /// Rules that came close but made no claim, closest first.
    pub near_misses: Vec<NearMiss>,
}

/// One token.
#[derive(Clone, Debug, Serialize)]
pub struct TokenView {
    /// The token's text.
    pub text: String,
    /// `word`, `number`, `punct` or `possessive`.
    pub kind: &'static str,
}

/// One lexicon mention.
#[derive(Clone, Debug, Serialize)]
pub struct Mention {
    /// The words, as in the text.
    pub text: String,
    /// Lexicon name.
    pub lexicon: String,
    /// Entry id.
    pub id: String,
    /// Whether the alias matched only fuzzily (a misspelling).
    pub fuzzy: bool,
    /// Whether the name is an alias within this article only (a renaming or apposition).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub article_alias: bool,
    /// Zero-based tokens covered.
    pub tokens: Range<usize>,
}

/// One claim, with the slots it bound and why its modality is what it is.
#[derive(Clone, Debug, Serialize)]
pub struct MatchView {
    /// Rule id.
    pub rule: String,
    /// The matched words.
    pub quote: String,
    /// Subject slot: `id ("text")`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<EntityView>,
    /// Object slot (or the rule's default object).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<EntityView>,
    /// The value, in the notation of examples (`28700000 t`, `rank 1`, `> ukraine`).
    pub value: String,
    /// How a quantity was read: its words, canonical value and dimension, and the decision on
    /// an ambiguous unit or sign (`"480 kt" → 888.96 km/h (speed); kt read as knots: …`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// Scope year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Scope region id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// `asserted`, `negated`, `hedged` or `attributed`.
    pub modality: &'static str,
    /// The cue words that decided the modality.
    pub cues: Vec<CueView>,
    /// The effective time: `2025 (stated: "last year")`, `2025-03-04 (published)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// How context filled a slot: `"This" refers back to "Russia" (12:3)`, `"Putin" stands
    /// for russia`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resolutions: Vec<String>,
    /// The claim's edition: source and year ("USGS, 2025").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
}

/// A bound entity.
#[derive(Clone, Debug, Serialize)]
pub struct EntityView {
    /// Entry id.
    pub id: String,
    /// The words in the sentence (empty for a rule's default object).
    pub text: String,
}

/// A modality cue found in the sentence.
#[derive(Clone, Debug, Serialize)]
pub struct CueView {
    /// `negation`, `hedge` or `attribution`.
    pub kind: &'static str,
    /// The cue words.
    pub text: String,
    /// The speaker, for attribution.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// A rule that made no claim in a sentence it looked relevant to.
#[derive(Clone, Debug, Serialize)]
pub struct NearMiss {
    /// Rule id.
    pub rule: String,
    /// Why it was considered: the lexicons and words of the rule found in the sentence.
    pub because: Vec<String>,
    /// One-based number of the best template in the rule.
    pub pattern: usize,
    /// The template as written.
    pub template: String,
    /// Top-level elements of the template.
    pub elements: usize,
    /// How many leading elements matched.
    pub matched: usize,
    /// The words those elements matched.
    pub matched_text: String,
    /// The element that stopped the template, as written (`{value:quantity(mass)}`); `None`
    /// when the whole template matched but no claim came of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed_element: Option<String>,
    /// Zero-based token where that element was tried (`None`: nowhere, or past the end).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed_at: Option<usize>,
    /// One line saying what happened.
    pub reason: String,
}

/// Explains every sentence of `article`, or only those touching one-based `line` of the
/// original file.
pub fn explain(matcher: &Matcher<'_>, article: &Article, line: Option<u32>) -> ArticleExplanation {
    let rules = matcher.rules();
    let claims = matcher.extract(article);
    let aliases = matcher.aliases_in(article);
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    let mut mentions = Vec::new();
    for region in &article.regions {
        for sentence in segment(&article.text, region.clone()) {
            let (first_line, column) = article.line_column(sentence.start);
            if let Some(line) = line {
                let (last_line, _) = article.line_column(sentence.end.saturating_sub(1).max(sentence.start));
                if line < first_line || line > last_line {
                    continue;
                }
            }
            tokens.clear();
            tokenize_into(&article.text, sentence.clone(), &mut tokens);
            rules
                .index
                .find(&article.text, &tokens, &mut String::new(), &mut mentions);
            aliases.extend(&article.text, &tokens, &mut mentions);
            let in_sentence: Vec<&Claim> = claims
                .iter()
                .filter(|claim| claim.evidence.sentence_span.start == sentence.start)
                .collect();
            sentences.push(SentenceExplanation {
                line: first_line,
                column,
                text: article.text[sentence.clone()].to_string(),
                tokens: tokens
                    .iter()
                    .map(|token| TokenView {
                        text: token.text(&article.text).to_string(),
                        kind: kind_name(token.kind),
                    })
                    .collect(),
                mentions: mentions
                    .iter()
                    .map(|mention| Mention {
                        text: article.text[tokens[mention.start].start..tokens[mention.end - 1].end].to_string(),
                        lexicon: rules.lexicons[mention.lexicon as usize].name.clone(),
                        id: rules.entry(mention.lexicon, mention.entry).id.clone(),
                        fuzzy: mention.fuzzy,
                        article_alias: aliases.link_of(&article.text, &tokens, mention).is_some(),
                        tokens: mention.start..mention.end,
                    })
                    .collect(),
                anaphora: matcher
                    .anaphora_in(article, sentence.clone())
                    .into_iter()
                    .map(|view| match view.outcome {
                        Ok(resolved) => format!("\"{}\" ({}) refers back to {resolved}", view.text, view.lexicon),
                        Err(reason) => format!("\"{}\" ({}) not resolved: {reason}", view.text, view.lexicon),
                    })
                    .collect(),
                matches: in_sentence.iter().map(|claim| match_view(claim)).collect(),
                near_misses: near_misses(rules, (&article.text, &tokens), (&mentions, &aliases), &in_sentence),
            });
        }
    }
    ArticleExplanation {
        path: article.path.clone(),
        aliases: aliases
            .links
            .iter()
            .map(|link| {
                let (line, column) = article.line_column(link.phrase.start);
                AliasExplained {
                    name: link.words.join(" "),
                    lexicon: rules.lexicons[link.entry.0 as usize].name.clone(),
                    id: rules.entry(link.entry.0, link.entry.1).id.clone(),
                    phrase: article.text[link.phrase.range()].to_string(),
                    line,
                    column,
                }
            })
            .collect(),
        sentences,
    }
}

fn kind_name(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Word => "word",
        TokenKind::Number => "number",
        TokenKind::Punct => "punct",
        TokenKind::Possessive => "possessive",
    }
}

fn entity_view(entity: &Entity) -> EntityView {
    EntityView {
        id: entity.id.to_string(),
        text: entity.text.clone(),
    }
}

fn match_view(claim: &Claim) -> MatchView {
    let modality = &claim.modality;
    let mut cues = Vec::new();
    if let Some(cue) = &modality.negation {
        cues.push(CueView {
            kind: "negation",
            text: cue.text.clone(),
            speaker: None,
        });
    }
    if let Some(cue) = &modality.hedge {
        cues.push(CueView {
            kind: "hedge",
            text: cue.text.clone(),
            speaker: None,
        });
    }
    if let Some(attribution) = &modality.attribution {
        cues.push(CueView {
            kind: "attribution",
            text: attribution.cue.text.clone(),
            speaker: Some(attribution.speaker.clone()),
        });
    }
    MatchView {
        rule: claim.rule.to_string(),
        quote: claim.evidence.quote.clone(),
        subject: claim.subject.as_ref().map(entity_view),
        object: claim.object.as_ref().map(entity_view),
        value: claim.value.canonical_text(),
        reading: match &claim.value {
            Value::Quantity(quantity) => Some(quantity.reading()),
            _ => None,
        },
        year: claim.scope.year,
        region: claim.scope.region.clone(),
        modality: modality.label(),
        cues,
        time: claim.time.as_ref().map(|time| match &time.text {
            Some(words) => format!("{} ({}: \"{words}\")", time.year, time.basis.label()),
            None => time.to_string(),
        }),
        resolutions: resolutions(claim),
        edition: claim.edition.clone(),
    }
}

/// How context filled the claim's slots, one line each.
fn resolutions(claim: &Claim) -> Vec<String> {
    let mut lines = Vec::new();
    if let (Some(antecedent), Some(subject)) = (&claim.antecedent, &claim.subject) {
        lines.push(format!(
            "\"{}\" refers back to \"{}\" at {}:{}",
            subject.text, antecedent.text, antecedent.line, antecedent.column
        ));
    }
    if let (Some(stand_in), Some(subject)) = (&claim.stand_in, &claim.subject) {
        lines.push(format!(
            "\"{}\" ({}:{}) stands for {}:{}",
            stand_in.text, stand_in.lexicon, stand_in.id, subject.lexicon, subject.id
        ));
    }
    if let (Some(link), Some(subject)) = (&claim.alias_link, &claim.subject) {
        lines.push(format!(
            "{}:{} through the article-local alias linked by \"{}\" at {}:{}",
            subject.lexicon, subject.id, link.text, link.line, link.column
        ));
    }
    lines
}

/// What makes a rule relevant to a sentence: lexicons its slots read that are mentioned, and
/// its uncommon literal words that occur.
fn relevance(rules: &RuleSet, rule: &Rule, text: &str, tokens: &[Token], mentions: &[u32]) -> Vec<String> {
    let mut lexicons = Vec::new();
    let mut words = Vec::new();
    for pattern in &rule.patterns {
        collect(&pattern.elements, &mut lexicons, &mut words);
    }
    let mut because = Vec::new();
    for lexicon in lexicons {
        let name = format!("lexicon {}", rules.lexicons[lexicon as usize].name);
        if mentions.contains(&lexicon) && !because.contains(&name) {
            because.push(name);
        }
    }
    for forms in words {
        if forms.first().is_none_or(|word| COMMON.contains(&word.as_str())) {
            continue;
        }
        let Some(found) = tokens
            .iter()
            .map(|token| token.text(text))
            .find(|token| forms.iter().any(|form| token.eq_ignore_ascii_case(form)))
        else {
            continue;
        };
        let word = format!("word \"{}\"", found.to_lowercase());
        if !because.contains(&word) {
            because.push(word);
        }
    }
    because
}

fn collect<'r>(elements: &'r [Element], lexicons: &mut Vec<u32>, words: &mut Vec<&'r [String]>) {
    for element in elements {
        match element {
            Element::Slot(_, SlotKind::Lexicon(lexicon)) => lexicons.push(*lexicon),
            Element::Word(forms) => words.push(forms),
            Element::Alt(branches) => branches.iter().for_each(|branch| collect(branch, lexicons, words)),
            _ => {}
        }
    }
}

fn near_misses(
    rules: &RuleSet,
    (text, tokens): (&str, &[Token]),
    (mentions, aliases): (&[crate::rules::lexicon::EntityMatch], &matcher::Aliases),
    claims: &[&Claim],
) -> Vec<NearMiss> {
    // The rules that do not read article-local aliases probe the sentence without them.
    let plain: Vec<crate::rules::lexicon::EntityMatch> = mentions
        .iter()
        .filter(|mention| aliases.link_of(text, tokens, mention).is_none())
        .copied()
        .collect();
    let mentioned: Vec<u32> = mentions.iter().map(|mention| mention.lexicon).collect();
    let mut misses = Vec::new();
    for rule in &rules.rules {
        if claims.iter().any(|claim| claim.rule == rule.id) {
            continue;
        }
        let because = relevance(rules, rule, text, tokens, &mentioned);
        if because.is_empty() {
            continue;
        }
        let entities = if rule.article_aliases { mentions } else { &plain };
        let probes = matcher::probe_with(rules, rule, text, tokens, entities);
        let Some(best) = probes.iter().max_by(|a, b| {
            // Most elements matched; among equals the first template.
            a.matched.cmp(&b.matched).then(b.pattern.cmp(&a.pattern))
        }) else {
            continue;
        };
        misses.push(near_miss(rule, text, tokens, best, because, rules));
    }
    // Closest first: the largest share of the template matched; ties keep rule order.
    misses.sort_by(|a, b| (b.matched * a.elements.max(1)).cmp(&(a.matched * b.elements.max(1))));
    misses
}

fn near_miss(
    rule: &Rule,
    text: &str,
    tokens: &[Token],
    probe: &PatternProbe,
    because: Vec<String>,
    rules: &RuleSet,
) -> NearMiss {
    let pattern = &rule.patterns[probe.pattern];
    let elements = &pattern.elements;
    let matched_text = if probe.matched > 0 && probe.end > probe.start {
        text[tokens[probe.start].start..tokens[probe.end - 1].end].to_string()
    } else {
        String::new()
    };
    let mut failed_element = None;
    let mut failed_at = None;
    let reason = if probe.matched >= elements.len() {
        "the template matches, but no claim came of it: another rule made the same claim here, or the slots gave no usable value"
            .to_string()
    } else {
        let element = render_element(rules, &elements[probe.matched]);
        let position = elements.len();
        let number = probe.matched + 1;
        let reason = if probe.matched == 0 {
            format!("stopped at element 1 of {position}, `{element}`: found nowhere in the sentence")
        } else {
            let after_gap = match probe.matched.checked_sub(1).map(|index| &elements[index]) {
                Some(Element::Gap(1)) => " within 1 token".to_string(),
                Some(Element::Gap(size)) => format!(" within {size} tokens"),
                _ => String::new(),
            };
            let place = match tokens.get(probe.end) {
                Some(token) => {
                    failed_at = Some(probe.end);
                    let from = if after_gap.is_empty() { "at" } else { "from" };
                    format!("{from} token {} \"{}\"", probe.end + 1, token.text(text))
                }
                None => "at the end of the sentence".to_string(),
            };
            format!(
                "matched \"{matched_text}\", then stopped at element {number} of {position}, `{element}`: not found{after_gap} {place}"
            )
        };
        failed_element = Some(element);
        reason
    };
    NearMiss {
        rule: rule.id.clone(),
        because,
        pattern: probe.pattern + 1,
        template: pattern.source.clone(),
        elements: elements.len(),
        matched: probe.matched,
        matched_text,
        failed_element,
        failed_at,
        reason,
    }
}

/// A compiled template element written back in template syntax: `{value:quantity(mass)}`,
/// `(hold|has)`, `[of]`, `..4`.
pub fn render_element(rules: &RuleSet, element: &Element) -> String {
    match element {
        Element::Word(forms) => forms.first().cloned().unwrap_or_default(),
        Element::Possessive => "'s".into(),
        Element::Punct(character) => character.to_string(),
        Element::Gap(size) => format!("..{size}"),
        Element::Slot(role, kind) => format!("{{{}:{}}}", role.name(), kind.written(&rules.lexicons)),
        Element::Alt(branches) => {
            let optional = branches.last().is_some_and(Vec::is_empty);
            let written: Vec<String> = branches
                .iter()
                .filter(|branch| !branch.is_empty())
                .map(|branch| {
                    branch
                        .iter()
                        .map(|element| render_element(rules, element))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            if optional {
                format!("[{}]", written.join("|"))
            } else {
                format!("({})", written.join("|"))
            }
        }
    }
}

/// Prints an explanation for people.
pub fn render_text(explanation: &Explanation, out: &mut dyn Write) -> io::Result<()> {
    for article in &explanation.articles {
        if explanation.articles.len() > 1 || article.path != "<text>" {
            writeln!(out, "{}", article.path)?;
        }
        for alias in &article.aliases {
            writeln!(
                out,
                "article alias: \"{}\" = {}:{} within this article, linked by \"{}\" at {}:{}",
                alias.name, alias.lexicon, alias.id, alias.phrase, alias.line, alias.column
            )?;
        }
        if article.sentences.is_empty() {
            writeln!(out, "  no sentences")?;
        }
        for (index, sentence) in article.sentences.iter().enumerate() {
            if index > 0 {
                writeln!(out)?;
            }
            render_sentence(sentence, out)?;
        }
    }
    Ok(())
}

fn render_sentence(sentence: &SentenceExplanation, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "sentence at {}:{}: {}",
        sentence.line, sentence.column, sentence.text
    )?;
    let tokens: Vec<String> = sentence
        .tokens
        .iter()
        .map(|token| match token.kind {
            "word" => token.text.clone(),
            "number" => format!("{}/num", token.text),
            "possessive" => format!("{}/poss", token.text),
            _ => format!("{}/punct", token.text),
        })
        .collect();
    writeln!(out, "  tokens: {}", tokens.join(" "))?;
    if sentence.mentions.is_empty() {
        writeln!(out, "  mentions: none")?;
    } else {
        let mentions: Vec<String> = sentence
            .mentions
            .iter()
            .map(|mention| {
                let fuzzy = if mention.fuzzy { " (fuzzy)" } else { "" };
                let local = if mention.article_alias { " (article alias)" } else { "" };
                format!(
                    "\"{}\" = {}:{}{fuzzy}{local}",
                    mention.text, mention.lexicon, mention.id
                )
            })
            .collect();
        writeln!(out, "  mentions: {}", mentions.join(", "))?;
    }
    for anaphor in &sentence.anaphora {
        writeln!(out, "  anaphora: {anaphor}")?;
    }
    if sentence.matches.is_empty() {
        writeln!(out, "  matches: none")?;
    }
    for found in &sentence.matches {
        writeln!(out, "  match {}: \"{}\"", found.rule, found.quote)?;
        let mut slots = Vec::new();
        for (name, entity) in [("subject", &found.subject), ("object", &found.object)] {
            if let Some(entity) = entity {
                if entity.text.is_empty() {
                    slots.push(format!("{name} {} (rule default)", entity.id));
                } else {
                    slots.push(format!("{name} {} (\"{}\")", entity.id, entity.text));
                }
            }
        }
        slots.push(format!("value {}", found.value));
        if let Some(year) = found.year {
            slots.push(format!("year {year}"));
        }
        if let Some(region) = &found.region {
            slots.push(format!("region {region}"));
        }
        writeln!(out, "    slots: {}", slots.join(", "))?;
        if let Some(reading) = &found.reading {
            writeln!(out, "    reading: {reading}")?;
        }
        for resolution in &found.resolutions {
            writeln!(out, "    context: {resolution}")?;
        }
        if let Some(time) = &found.time {
            writeln!(out, "    time: {time}")?;
        }
        if let Some(edition) = &found.edition {
            writeln!(out, "    edition: {edition}")?;
        }
        if found.cues.is_empty() {
            writeln!(out, "    modality: {} (no cue words)", found.modality)?;
        } else {
            let cues: Vec<String> = found
                .cues
                .iter()
                .map(|cue| match &cue.speaker {
                    Some(speaker) => format!("{} \"{}\" by {speaker}", cue.kind, cue.text),
                    None => format!("{} \"{}\"", cue.kind, cue.text),
                })
                .collect();
            writeln!(out, "    modality: {} ({})", found.modality, cues.join("; "))?;
        }
    }
    for miss in sentence.near_misses.iter().take(SHOWN_NEAR_MISSES) {
        writeln!(
            out,
            "  near miss {}, template {}: {}",
            miss.rule, miss.pattern, miss.template
        )?;
        writeln!(out, "    {}", miss.reason)?;
    }
    if sentence.near_misses.len() > SHOWN_NEAR_MISSES {
        let rest: Vec<&str> = sentence.near_misses[SHOWN_NEAR_MISSES..]
            .iter()
            .map(|miss| miss.rule.as_str())
            .collect();
        writeln!(
            out,
            "  further near misses (--format json explains them): {}",
            rest.join(", ")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = r#"
[lexicon.country.entries]
russia = ["Russia"]
[lexicon.mineral.entries]
lithium = ["lithium"]

[[rule]]
id = "reserve-size"
kind = "reserves"
compare = "quantity"
patterns = ["{subject:country} ..2 (hold|has) ..4 {value:quantity(mass)} [of] {object:mineral} reserve"]
examples = [{ text = "Russia holds 5 million tonnes of lithium reserves.", subject = "russia" }]
"#;

    fn rules() -> RuleSet {
        crate::rules::load_sources(&[("rules.toml".into(), RULES.into())]).expect("rules load")
    }

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let rules = rules();
        let explained = explain(&Matcher::new(&rules), &Article::plain("<text>", text), None);
        let mut actual = Vec::new();
        for sentence in &explained.sentences {
            for found in &sentence.matches {
                actual.push(format!("match {} {} {}", found.rule, found.value, found.modality));
            }
            for miss in &sentence.near_misses {
                actual.push(format!("miss {} {:?}", miss.rule, miss.failed_element));
            }
        }
        assert_eq!(actual, expected, "{text}");
    }

    #[test]
    fn matches_near_misses_and_silence() {
        check(
            "Russia holds 5 million tonnes of lithium reserves.",
            &["match reserve-size 5000000 t asserted"],
        );
        check(
            "Russia does not hold 5 million tonnes of lithium reserves.",
            &["match reserve-size 5000000 t negated"],
        );
        check(
            "Russia holds 5 percent of lithium reserves.",
            &["miss reserve-size Some(\"{value:quantity(mass)}\")"],
        );
        check("The weather was fine.", &[]);
    }

    #[test]
    fn elements_render_as_written() {
        let rules = rules();
        let rendered: Vec<String> = rules.rules[0].patterns[0]
            .elements
            .iter()
            .map(|element| render_element(&rules, element))
            .collect();
        assert_eq!(
            rendered.join(" "),
            "{subject:country} ..2 (hold|has) ..4 {value:quantity(mass)} [of] {object:mineral} reserve"
        );
    }
}
