//! Modality: whether a matched claim is asserted, negated, hedged or attributed to a speaker.
//!
//! Cues are looked for in the clause that holds the match: from the last clause boundary
//! (`;`, `but`, `while`, `whereas`, `although`, `however`) before the match up to its end, so
//! "Russia is not the largest" is negated but "China leads, but Russia is the largest" is not.
//! Attribution is sentence-wide ("Putin said …", "… according to the USGS", "Putin's
//! assertion of …") and keeps the speaker. The built-in cue lists are domain-neutral English;
//! a rules file's `[modality]` table adds to them.

use std::ops::Range;

use crate::claim::{Attribution, Cue, Modality, Polarity, Span};
use crate::text::token::{ClauseReader, Token, TokenKind, tokenize};

/// Cue phrases, each as lowercased token texts.
#[derive(Clone, Debug)]
pub struct Cues {
    negation: Vec<Vec<String>>,
    hedge: Vec<Vec<String>>,
    /// Speech verbs ("said", "claimed") whose subject is the speaker.
    verbs: Vec<String>,
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
            negation: phrases(NEGATION),
            hedge: phrases(HEDGE),
            verbs: VERBS.iter().map(|verb| (*verb).to_string()).collect(),
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
        self.verbs.extend(verbs.map(str::to_lowercase));
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
    /// The sentence's attribution, found once and shared by all its claims.
    pub attribution: std::cell::OnceCell<Option<Attribution>>,
}

impl<'a> Sentence<'a> {
    /// A sentence view with nothing computed yet.
    pub fn new(text: &'a str, tokens: &'a [Token], speakers: &'a [(Range<usize>, &'a str)]) -> Self {
        Sentence {
            text,
            tokens,
            speakers,
            attribution: std::cell::OnceCell::new(),
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
    let mut modality = Modality::default();
    if let Some(cue) = find_cue(&cues.negation, text, tokens, clause_start..matched.end, is_negation_at) {
        modality.polarity = Polarity::Negated;
        modality.negation = Some(cue);
    }
    modality.hedge = find_cue(&cues.hedge, text, tokens, clause_start..matched.end, is_hedge_at);
    modality
        .attribution
        .clone_from(sentence.attribution.get_or_init(|| find_attribution(cues, sentence)));
    modality
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

fn find_cue(
    phrases: &[Vec<String>],
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    accept: fn(&str, &[Token], usize, &[String]) -> bool,
) -> Option<Cue> {
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

fn find_attribution(cues: &Cues, sentence: &Sentence<'_>) -> Option<Attribution> {
    let tokens = sentence.tokens;
    let text = sentence.text;
    for index in 0..tokens.len() {
        let token = tokens[index];
        if token.kind != TokenKind::Word {
            continue;
        }
        // "according to X"
        if token.is(text, "according") && tokens.get(index + 1).is_some_and(|next| next.is(text, "to")) {
            if let Some(speaker) = speaker_after(sentence, index + 2, false) {
                let span = Span::new(token.start, tokens[index + 1].end);
                return Some(Attribution {
                    speaker,
                    cue: Cue {
                        text: text[span.range()].to_string(),
                        span,
                    },
                });
            }
            continue;
        }
        let word = token.text(text);
        let lower = word.to_lowercase();
        // "X said", "said X"
        if cues.verbs.contains(&lower) && !word.starts_with(char::is_uppercase) {
            let speaker = speaker_before(sentence, index).or_else(|| speaker_after(sentence, index + 1, true));
            if let Some(speaker) = speaker {
                let span = Span::new(token.start, token.end);
                return Some(Attribution {
                    speaker,
                    cue: Cue {
                        text: word.to_string(),
                        span,
                    },
                });
            }
        }
        // "X's assertion of/that"
        if cues.nouns.contains(&lower)
            && index >= 2
            && tokens[index - 1].kind == TokenKind::Possessive
            && let Some(speaker) = speaker_before(sentence, index - 1)
        {
            let span = Span::new(tokens[index - 1].start, token.end);
            return Some(Attribution {
                speaker,
                cue: Cue {
                    text: text[span.range()].to_string(),
                    span,
                },
            });
        }
    }
    None
}

/// The speaker whose words end just before token `end`: a speaker-lexicon mention, a run of
/// capitalised words, or a plain noun ("officials").
fn speaker_before(sentence: &Sentence<'_>, end: usize) -> Option<String> {
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
        return Some(text[tokens[start].start..tokens[end - 1].end].to_string());
    }
    // A plain noun names a speaker only if it is one of the usual sources: "analysts said".
    let previous = tokens[end - 1];
    SOURCE_NOUNS
        .iter()
        .find(|noun| previous.is(text, noun))
        .map(|_| previous.text(text).to_string())
}

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
mod tests {
    use super::*;
    use std::fmt::Write as _;

    #[track_caller]
    fn check(sentence: &str, matched: &str, expected: &str) {
        let tokens = tokenize(sentence);
        let start_byte = sentence.find(matched).expect("matched text in sentence");
        let end_byte = start_byte + matched.len();
        let start = tokens.iter().position(|t| t.start >= start_byte).expect("start");
        let end = tokens.iter().rposition(|t| t.end <= end_byte).expect("end") + 1;
        let speakers = [];
        let modality = detect(
            &Cues::default(),
            &Sentence::new(sentence, &tokens, &speakers),
            start..end,
        );
        let mut actual = modality.label().to_string();
        if let Some(hedge) = &modality.hedge {
            let _ = write!(actual, " hedge={}", hedge.text);
        }
        if let Some(attribution) = &modality.attribution {
            let _ = write!(actual, " speaker={} cue={}", attribution.speaker, attribution.cue.text);
        }
        assert_eq!(actual, expected, "{sentence}");
    }

    #[test]
    fn polarity() {
        check(
            "Russia holds the largest reserves.",
            "Russia holds the largest reserves",
            "asserted",
        );
        check(
            "Russia does not hold the largest reserves.",
            "Russia does not hold the largest reserves",
            "negated",
        );
        check(
            "Russia doesn't hold the largest reserves.",
            "Russia doesn't hold the largest reserves",
            "negated",
        );
        check(
            "The EU no longer depends on China.",
            "EU no longer depends on China",
            "negated",
        );
        check(
            "Officials denied that Russia holds the largest reserves.",
            "Russia holds the largest reserves",
            "negated",
        );
        check(
            "Not only does Russia hold large reserves.",
            "Russia hold large reserves",
            "asserted",
        );
        check(
            "China is not first, but Russia holds the largest reserves.",
            "Russia holds the largest reserves",
            "asserted",
        );
    }

    #[test]
    fn hedges() {
        check(
            "Russia could hold the largest reserves.",
            "Russia could hold the largest reserves",
            "hedged hedge=could",
        );
        check(
            "Russia reportedly holds 5 Mt.",
            "Russia reportedly holds 5 Mt",
            "hedged hedge=reportedly",
        );
        check("In May 2024 Russia held 5 Mt.", "Russia held 5 Mt", "asserted");
    }

    #[test]
    fn attribution_keeps_the_speaker() {
        check(
            "Putin said Russia holds 28.7 million tonnes.",
            "Russia holds 28.7 million tonnes",
            "attributed speaker=Putin cue=said",
        );
        check(
            "Russia holds 3.8 Mt, according to the USGS.",
            "Russia holds 3.8 Mt",
            "attributed speaker=USGS cue=according to",
        );
        check(
            "Putin's assertion of Russia's superior reserves.",
            "Russia's superior reserves",
            "attributed speaker=Putin cue='s assertion",
        );
        check(
            "Russia holds 5 Mt, analysts said.",
            "Russia holds 5 Mt",
            "attributed speaker=analysts cue=said",
        );
        check(
            "President Vladimir Putin claimed Russia leads.",
            "Russia leads",
            "attributed speaker=President Vladimir Putin cue=claimed",
        );
    }
}
