//! Modality: whether a matched claim is asserted, negated, hedged or attributed to a speaker.
//!
//! Cues are looked for in the clause that holds the match: from the last clause boundary
//! (`;`, `but`, `while`, `whereas`, `although`, `however`) before the match up to its end, so
//! "Russia is not the largest" is negated but "China leads, but Russia is the largest" is not.
//! A negation or hedge before the match counts only when it governs the match's clause: a
//! subordinating word between them ("may not happen *as* Russia, the world's leading producer,
//! …") ends its reach. Hedges after the match count when set off by a comma ("…, by some
//! measures", "…, reportedly"). Attribution keeps the speaker and is scoped to its clause:
//! "Putin said …", "… according to (estimates by) the USGS", "the USGS has said", "X puts it at",
//! "Putin's assertion of …", "X's data show" apply to the claims of their clause (a speech verb
//! governs the clause after it), never across a clause break. The built-in cue lists are
//! domain-neutral English; a rules file's `[modality]` table adds to them, phrases of several
//! words included. A capitalised unit or abbreviation ("5 million MT reported") is no speaker.

use std::ops::Range;

use crate::claim::{Attribution, Cue, Modality, Polarity, Span};
use crate::text::token::{ClauseReader, Token, TokenKind, tokenize};

/// Cue phrases, each as lowercased token texts.
#[derive(Clone, Debug)]
pub struct Cues {
    negation: Phrases,
    hedge: Phrases,
    /// Speech verbs ("said", "claimed", "puts it at") whose subject is the speaker, as
    /// lowercased token texts.
    verbs: Phrases,
    /// Nouns of assertion ("assertion", "claim") owned by the speaker: "Putin's assertion of".
    nouns: Vec<String>,
}

const NEGATION: &[&str] = &[
    "not",
    "no longer",
    "never",
    "neither",
    "nor",
    "denied",
    "denies",
    "deny",
    "denying",
    "rejected",
    "rejects",
    "refuted",
    "refutes",
    "cannot",
    "no",
    "none",
    "nowhere",
    "hardly",
    "false that",
    "untrue that",
];
const HEDGE: &[&str] = &[
    "could",
    "may",
    "might",
    "possibly",
    "perhaps",
    "reportedly",
    "allegedly",
    "apparently",
    "likely",
    "probably",
    "potentially",
    "presumably",
    "purportedly",
    "supposedly",
    "some of",
    "by some measures",
    "by some estimates",
    "by some accounts",
    "it is believed",
    "it is thought",
    "it is said",
    "it is estimated",
    "is thought to",
    "are thought to",
    "is believed to",
    "are believed to",
    "is said to",
    "are said to",
    "appears to",
    "appear to",
    "seems to",
    "seem to",
    "suggests",
    "suggest",
    "suggested",
    "speculated",
    "rumoured",
    "rumored",
    "unconfirmed",
];
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "claimed",
    "claims",
    "claim",
    "asserted",
    "asserts",
    "assert",
    "stated",
    "told",
    "argued",
    "argues",
    "insisted",
    "insists",
    "noted",
    "announced",
    "announces",
    "declared",
    "declares",
    "boasted",
    "boasts",
    "maintained",
    "maintains",
    "contended",
    "contends",
    "estimated",
    "estimates",
    "reported",
    "reports",
    "wrote",
    "writes",
    "added",
    "explained",
    "stressed",
    "emphasised",
    "emphasized",
    "suggested",
    "believes",
    "believe",
    "predicted",
    "forecast",
    "projected",
    "puts it at",
    "put it at",
    "puts the figure at",
    "put the figure at",
];
const NOUNS: &[&str] = &[
    "assertion",
    "assertions",
    "claim",
    "claims",
    "statement",
    "statements",
    "estimate",
    "estimates",
    "view",
    "contention",
    "remarks",
    "comments",
    "boast",
    "figures",
    "data",
    "report",
    "assessment",
    "announcement",
];
/// Common nouns that name a speaker when they come right before a speech verb.
const SOURCE_NOUNS: &[&str] = &[
    "officials",
    "analysts",
    "experts",
    "economists",
    "sources",
    "critics",
    "observers",
    "researchers",
    "scientists",
    "executives",
    "diplomats",
    "investors",
    "traders",
    "authorities",
    "ministers",
    "lawmakers",
    "geologists",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "analyst",
    "expert",
    "minister",
    "government",
    "ministry",
    "company",
    "report",
    "study",
    "survey",
    "agency",
];

fn phrases(list: &[&str]) -> Vec<Vec<String>> {
    list.iter().map(|phrase| phrase_tokens(phrase)).collect()
}

fn phrase_tokens(phrase: &str) -> Vec<String> {
    tokenize(phrase)
        .iter()
        .map(|token| token.text(phrase).to_lowercase())
        .collect()
}

impl Default for Cues {
    fn default() -> Self {
        Cues {
            negation: Phrases::new(phrases(NEGATION)),
            hedge: Phrases::new(phrases(HEDGE)),
            verbs: Phrases::new(phrases(VERBS)),
            nouns: NOUNS.iter().map(|noun| (*noun).to_string()).collect(),
        }
    }
}

impl Cues {
    /// Adds cue phrases from a rules file.
    pub fn extend<'a>(
        &mut self,
        negation: impl Iterator<Item = &'a str>,
        hedge: impl Iterator<Item = &'a str>,
        verbs: impl Iterator<Item = &'a str>,
    ) {
        self.negation
            .extend(negation.map(phrase_tokens).filter(|phrase| !phrase.is_empty()));
        self.hedge
            .extend(hedge.map(phrase_tokens).filter(|phrase| !phrase.is_empty()));
        self.verbs
            .extend(verbs.map(phrase_tokens).filter(|phrase| !phrase.is_empty()));
    }
}

/// A list of cue phrases with the filter of the words they start with, built once with the
/// list rather than at each sentence or claim that is searched for them.
#[derive(Clone, Debug)]
struct Phrases {
    phrases: Vec<Vec<String>>,
    starts: FirstWords,
}

impl Phrases {
    fn new(phrases: Vec<Vec<String>>) -> Self {
        let starts = FirstWords::of(&phrases);
        Phrases { phrases, starts }
    }

    fn extend(&mut self, more: impl Iterator<Item = Vec<String>>) {
        self.phrases.extend(more);
        self.starts = FirstWords::of(&self.phrases);
    }

    fn iter(&self) -> std::slice::Iter<'_, Vec<String>> {
        self.phrases.iter()
    }
}

impl<'a> IntoIterator for &'a Phrases {
    type Item = &'a Vec<String>;
    type IntoIter = std::slice::Iter<'a, Vec<String>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The sentence a match is in: its text, tokens and the speakers found in it.
pub struct Sentence<'a> {
    /// The whole article text.
    pub text: &'a str,
    /// The sentence's tokens.
    pub tokens: &'a [Token],
    /// Token ranges of speaker-lexicon mentions with their display names.
    pub speakers: &'a [(Range<usize>, &'a str)],
    /// The sentence's attributions with the token ranges of their cues, found once and shared
    /// by all its claims.
    pub attributions: std::cell::OnceCell<Vec<(Range<usize>, Attribution)>>,
}

impl<'a> Sentence<'a> {
    /// A sentence view with nothing computed yet.
    pub fn new(text: &'a str, tokens: &'a [Token], speakers: &'a [(Range<usize>, &'a str)]) -> Self {
        Sentence {
            text,
            tokens,
            speakers,
            attributions: std::cell::OnceCell::new(),
        }
    }
}

/// How far back from a match negation and hedge cues are looked for: bounds the work per claim
/// in very long unpunctuated "sentences".
const CUE_WINDOW: usize = 40;

/// The modality of the match covering tokens `matched` of `sentence`.
pub fn detect(cues: &Cues, sentence: &Sentence<'_>, matched: Range<usize>) -> Modality {
    let tokens = sentence.tokens;
    let text = sentence.text;
    let window_start = matched.start.saturating_sub(CUE_WINDOW);
    let clause_start = (window_start..matched.start)
        .rev()
        .find(|&index| tokens[index].breaks_clause(text, ClauseReader::Cues))
        .map_or(window_start, |index| index + 1);
    // A cue before the match governs it unless a subordinating word stands between them.
    let governed = |cue: &Cue| {
        cue.span.end > tokens[matched.start].start
            || !(0..matched.start)
                .filter(|&index| tokens[index].start >= cue.span.end)
                .any(|index| subordinates_at(text, tokens, index))
    };
    let mut modality = Modality::default();
    if let Some(cue) =
        find_cue(&cues.negation, text, tokens, clause_start..matched.end, is_negation_at).filter(|cue| governed(cue))
    {
        modality.polarity = Polarity::Negated;
        modality.negation = Some(Box::new(cue));
    }
    modality.hedge = find_cue(&cues.hedge, text, tokens, clause_start..matched.end, is_hedge_at)
        .filter(|cue| governed(cue))
        .or_else(|| hedge_after(cues, text, tokens, matched.end))
        .map(Box::new);
    let attributions = sentence.attributions.get_or_init(|| find_attributions(cues, sentence));
    modality.attribution = attributions
        .iter()
        .filter(|(cue, _)| {
            let between = if cue.end <= matched.start {
                cue.end..matched.start
            } else if cue.start >= matched.end {
                matched.end..cue.start
            } else {
                0..0
            };
            !tokens[between]
                .iter()
                .any(|token| token.breaks_clause(text, ClauseReader::Cues))
        })
        .min_by_key(|(cue, _)| {
            if cue.end <= matched.start {
                matched.start - cue.end
            } else {
                cue.start.saturating_sub(matched.end)
            }
        })
        .map(|(_, attribution)| Box::new(attribution.clone()));
    modality
}

/// Words that open a subordinate clause: a negation or hedge before one does not reach a
/// match after it ("may not happen as Russia, the world's leading producer, …").
const SUBORDINATORS: &[&str] = &[
    "as", "because", "since", "when", "after", "before", "if", "unless", "until", "once", "whether",
];

/// Whether token `index` opens a subordinate clause ("as" but not "as of", "such as", "as well").
fn subordinates_at(text: &str, tokens: &[Token], index: usize) -> bool {
    let token = tokens[index];
    if !SUBORDINATORS.iter().any(|word| token.is(text, word)) {
        return false;
    }
    if token.is(text, "as") {
        let next = tokens.get(index + 1);
        let previous = index.checked_sub(1).map(|previous| tokens[previous]);
        let fixed = next.is_some_and(|next| {
            ["of", "well", "much", "many", "a", "to"]
                .iter()
                .any(|word| next.is(text, word))
        }) || previous
            .is_some_and(|previous| ["such", "as", "so"].iter().any(|word| previous.is(text, word)));
        return !fixed;
    }
    true
}

/// A hedge set off after the match within its clause: "…, by some measures", "…, reportedly".
fn hedge_after(cues: &Cues, text: &str, tokens: &[Token], end: usize) -> Option<Cue> {
    let clause_end = (end..tokens.len())
        .find(|&index| tokens[index].breaks_clause(text, ClauseReader::Cues))
        .unwrap_or(tokens.len())
        .min(end + CUE_WINDOW);
    (end..clause_end)
        .filter(|&index| index > 0 && tokens[index - 1].text(text) == ",")
        .find_map(|index| find_cue(&cues.hedge, text, tokens, index..index + 1, is_hedge_at))
}

/// Guards against false cues: "not only", a capitalised month "May", "No. 5".
fn is_negation_at(text: &str, tokens: &[Token], index: usize, phrase: &[String]) -> bool {
    let next = tokens.get(index + phrase.len());
    match phrase {
        [word] if word == "not" => !next.is_some_and(|next| next.is(text, "only") || next.is(text, "just")),
        [word] if word == "no" => !next.is_some_and(|next| next.kind != TokenKind::Word || next.is(text, "doubt")),
        _ => true,
    }
}

fn is_hedge_at(text: &str, tokens: &[Token], index: usize, phrase: &[String]) -> bool {
    if phrase.len() == 1 && phrase[0] == "may" {
        let token = tokens[index];
        let capitalised = token.text(text).starts_with('M');
        let next_is_number = tokens.get(index + 1).is_some_and(|next| next.kind == TokenKind::Number);
        return !(capitalised && (index > 0 || next_is_number));
    }
    true
}

/// Which words can start one of a list of cue phrases, by first byte (ASCII case folded) and
/// byte length: a word that starts none is passed over without comparing it with every phrase,
/// which is most words of a claim-dense sentence. A filter only: it admits every word that
/// starts a phrase (the comparison is `eq_ignore_ascii_case`, equal lengths and first bytes).
#[derive(Clone, Debug)]
struct FirstWords {
    /// Bit `min(length, 31)` of entry `first byte` is set when some phrase starts so.
    lengths: [u32; 256],
    /// An empty phrase matches anywhere: then every word is admitted.
    admits_all: bool,
}

impl FirstWords {
    fn of(phrases: &[Vec<String>]) -> Self {
        let mut starts = FirstWords {
            lengths: [0; 256],
            admits_all: false,
        };
        for phrase in phrases {
            match phrase
                .first()
                .and_then(|word| word.as_bytes().first().map(|first| (word, *first)))
            {
                Some((word, first)) => starts.lengths[first.to_ascii_lowercase() as usize] |= 1 << word.len().min(31),
                None => starts.admits_all |= phrase.is_empty(),
            }
        }
        starts
    }

    fn may_start(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return self.admits_all;
        };
        self.admits_all || self.lengths[first.to_ascii_lowercase() as usize] & (1 << word.len().min(31)) != 0
    }
}

fn find_cue(
    phrases: &Phrases,
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    accept: fn(&str, &[Token], usize, &[String]) -> bool,
) -> Option<Cue> {
    let starts = &phrases.starts;
    for index in range.clone() {
        let token = tokens[index];
        if token.kind == TokenKind::Word {
            let word = token.text(text);
            // Contracted negations: "doesn't", "isn’t", "can't".
            if (word.ends_with("n't") || word.ends_with("n’t")) && phrases.iter().any(|p| p.len() == 1 && p[0] == "not")
            {
                return Some(Cue {
                    text: word.to_string(),
                    span: Span::new(token.start, token.end),
                });
            }
        }
        if !starts.may_start(token.text(text)) {
            continue;
        }
        for phrase in phrases {
            let end = index + phrase.len();
            if end > range.end.max(index + 1) && end > tokens.len() {
                continue;
            }
            if end > tokens.len() {
                continue;
            }
            let matches = phrase
                .iter()
                .enumerate()
                .all(|(offset, word)| tokens[index + offset].text(text).eq_ignore_ascii_case(word));
            if matches && accept(text, tokens, index, phrase) {
                let span = Span::new(tokens[index].start, tokens[end - 1].end);
                return Some(Cue {
                    text: text[span.range()].to_string(),
                    span,
                });
            }
        }
    }
    None
}

fn find_attributions(cues: &Cues, sentence: &Sentence<'_>) -> Vec<(Range<usize>, Attribution)> {
    let tokens = sentence.tokens;
    let text = sentence.text;
    let mut found = Vec::new();
    let verbs = &cues.verbs.starts;
    let cue = |range: Range<usize>| {
        let span = Span::new(tokens[range.start].start, tokens[range.end - 1].end);
        Cue {
            text: text[span.range()].to_string(),
            span,
        }
    };
    let mut index = 0;
    while index < tokens.len() {
        let token = tokens[index];
        if token.kind != TokenKind::Word {
            index += 1;
            continue;
        }
        // "according to X", "according to estimates by X", "according to data from X"
        if token.is(text, "according") && tokens.get(index + 1).is_some_and(|next| next.is(text, "to")) {
            let speaker = speaker_after(sentence, index + 2, false).or_else(|| {
                (index + 3..tokens.len().min(index + 7))
                    .find(|&at| ["by", "from", "of"].iter().any(|word| tokens[at].is(text, word)))
                    .and_then(|at| speaker_after(sentence, at + 1, false))
            });
            if let Some(speaker) = speaker {
                found.push((
                    index..index + 2,
                    Attribution {
                        speaker,
                        cue: cue(index..index + 2),
                    },
                ));
            }
            index += 2;
            continue;
        }
        // "X said", "X has said", "said X", "X puts it at"
        // A speech verb is never capitalised ("Said" starts a headline, not an attribution).
        let verb = if token.text(text).starts_with(char::is_uppercase) || !verbs.may_start(token.text(text)) {
            None
        } else {
            cues.verbs
                .iter()
                .filter(|phrase| phrase_at(text, tokens, index, phrase))
                .map(Vec::len)
                .max()
        };
        if let Some(length) = verb {
            let speaker = speaker_before(sentence, index).or_else(|| speaker_after(sentence, index + length, true));
            if let Some(speaker) = speaker {
                found.push((
                    index..index + length,
                    Attribution {
                        speaker,
                        cue: cue(index..index + length),
                    },
                ));
                index += length;
                continue;
            }
        }
        // "X's assertion of/that", "X's data show"
        if index >= 2
            && tokens[index - 1].kind == TokenKind::Possessive
            && cues.nouns.contains(&token.text(text).to_lowercase())
            && let Some(speaker) = speaker_before(sentence, index - 1)
        {
            found.push((
                index - 1..index + 1,
                Attribution {
                    speaker,
                    cue: cue(index - 1..index + 1),
                },
            ));
        }
        index += 1;
    }
    found
}

/// Whether the lowercased `phrase` is at token `index`.
fn phrase_at(text: &str, tokens: &[Token], index: usize, phrase: &[String]) -> bool {
    index + phrase.len() <= tokens.len()
        && phrase
            .iter()
            .enumerate()
            .all(|(offset, word)| tokens[index + offset].text(text).eq_ignore_ascii_case(word))
}

/// Words that may stand between a speaker and a speech verb: "the USGS has said", "the
/// agency also said".
const BETWEEN_SPEAKER_AND_VERB: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "further",
    "later",
    "previously",
    "recently",
    "again",
    "separately",
    "then",
    "once",
    "now",
];

/// Capitalised unit codes that follow figures ("5 million MT reported", "the GW added"):
/// never a speaker.
const UNIT_CODES: &[&str] = &[
    "MT", "MMT", "KT", "GT", "TPA", "MTPA", "GW", "MW", "KW", "TW", "GWH", "MWH", "KWH", "TWH", "BPD", "BCM", "LB",
    "LBS", "OZ", "KG", "KM", "HA", "PCT",
];

/// The speaker whose words end just before token `end`: a speaker-lexicon mention, a run of
/// capitalised words, or a plain noun ("officials").
fn speaker_before(sentence: &Sentence<'_>, end: usize) -> Option<String> {
    let mut end = end;
    while end > 1
        && BETWEEN_SPEAKER_AND_VERB
            .iter()
            .any(|word| sentence.tokens[end - 1].is(sentence.text, word))
    {
        end -= 1;
    }
    if end == 0 {
        return None;
    }
    if let Some((_, name)) = sentence
        .speakers
        .iter()
        .find(|(range, _)| range.end == end || range.end == end + 1)
    {
        return Some((*name).to_string());
    }
    let tokens = sentence.tokens;
    let text = sentence.text;
    let mut start = end;
    while start > 0 && end - start < 5 {
        let token = tokens[start - 1];
        let capitalised = token.kind == TokenKind::Word && token.text(text).starts_with(char::is_uppercase);
        if capitalised || (token.kind == TokenKind::Punct && token.text(text) == "." && start >= 2) {
            start -= 1;
        } else {
            break;
        }
    }
    // "The Kremlin said" → "Kremlin"; a lone sentence-initial "The" is no speaker.
    if start + 1 < end && tokens[start].is(text, "the") {
        start += 1;
    }
    if start < end && tokens[start].kind == TokenKind::Word {
        // "5 million MT reported", "the GW added": a unit after a figure is no speaker.
        let unit = end - start == 1
            && UNIT_CODES
                .iter()
                .any(|code| tokens[start].text(text).eq_ignore_ascii_case(code));
        let after_figure = start > 0
            && (tokens[start - 1].kind == TokenKind::Number
                || SCALE_WORDS.iter().any(|word| tokens[start - 1].is(text, word)));
        if unit || after_figure {
            return None;
        }
        return Some(text[tokens[start].start..tokens[end - 1].end].to_string());
    }
    // A plain noun names a speaker only if it is one of the usual sources: "analysts said";
    // a personal pronoun is kept for the matcher to resolve: "…, she said".
    let previous = tokens[end - 1];
    if ["he", "she", "they"].iter().any(|pronoun| previous.is(text, pronoun)) {
        return Some(previous.text(text).to_string());
    }
    SOURCE_NOUNS
        .iter()
        .find(|noun| previous.is(text, noun))
        .map(|_| previous.text(text).to_string())
}

/// Words of a figure's size: a capitalised word right after one is its unit.
const SCALE_WORDS: &[&str] = &["thousand", "million", "billion", "trillion", "mln", "bn", "m", "k"];

/// The speaker named from token `start` on ("the USGS", "Putin").
fn speaker_after(sentence: &Sentence<'_>, start: usize, must_close: bool) -> Option<String> {
    let tokens = sentence.tokens;
    let text = sentence.text;
    let mut begin = start;
    if tokens.get(begin).is_some_and(|token| token.is(text, "the")) {
        begin += 1;
    }
    if let Some((_, name)) = sentence
        .speakers
        .iter()
        .find(|(range, _)| range.start == begin || range.start == start)
    {
        return Some((*name).to_string());
    }
    let mut end = begin;
    while end < tokens.len() && end - begin < 6 {
        let token = tokens[end];
        let capitalised = token.kind == TokenKind::Word && token.text(text).starts_with(char::is_uppercase);
        let connector = token.kind == TokenKind::Word && token.is(text, "of") && end > begin;
        if capitalised || connector {
            end += 1;
        } else {
            break;
        }
    }
    while end > begin && tokens[end - 1].is(text, "of") {
        end -= 1;
    }
    // "…, said Putin." names a speaker; "said Chapter 11 protection would …" does not.
    let closes = !must_close || tokens.get(end).is_none_or(|next| next.kind == TokenKind::Punct);
    (end > begin && closes).then(|| text[tokens[begin].start..tokens[end - 1].end].to_string())
}

#[cfg(test)]
mod tests;
