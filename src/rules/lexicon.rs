//! Compiled lexicons and the index that finds their aliases in a sentence's tokens.
//!
//! Aliases are tokenized with the same tokenizer as articles, so "rare-earth" and "rare earth"
//! are one alias and "U.S." is the token sequence `U . S .`. One hash lookup per token finds
//! every alias starting there (all lexicons share the index); matching is case-insensitive,
//! except that an alias written in capitals ("US", "EU", "PRC") only matches capitals, so the
//! pronoun "us" is not the United States. The last word tolerates a plural (`s`, `es`,
//! `y`→`ies`) and a following possessive (`'s`) is taken into the match. Optional fuzzy
//! matching (Jaro-Winkler, per lexicon threshold) catches misspelt single words of at least
//! `fuzzy_min_len` characters.

use std::cell::RefCell;
use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::text::token::{Token, TokenKind, tokenize};

/// One lexicon entry.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Canonical id, e.g. `russia`.
    pub id: String,
    /// Display name: the first alias.
    pub name: String,
    /// All aliases as written (trimmed).
    pub aliases: Vec<String>,
    /// Where each alias is written in the lexicon's file (parallel to `aliases`).
    pub alias_spans: Vec<std::ops::Range<usize>>,
}

/// A compiled lexicon.
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// Name, e.g. `country`.
    pub name: String,
    /// Whether mentions after "in"/"across" set a claim's region scope.
    pub is_region_scope: bool,
    /// Declared words that refer back to an entry ("the country", "he"), trimmed.
    pub anaphora: Vec<String>,
    /// Whether the built-in pronouns ([`PRONOUNS`]) refer back to this lexicon's entries.
    pub pronouns: bool,
    /// Whether a renaming or apposition may make a name an alias of an entry within an article.
    pub article_aliases: bool,
    /// Per entry (parallel to `entries`): the (lexicon, entry) it stands for, if any.
    pub stands_for: Vec<Option<(u32, u32)>>,
    /// Entries in file order.
    pub entries: Vec<Entry>,
    /// Jaro-Winkler threshold for misspelt aliases, if fuzzy matching is on.
    pub fuzzy: Option<f64>,
    /// Shortest alias (in characters) that may match fuzzily.
    pub fuzzy_min_len: usize,
    /// Index of the file it is declared in, in [`crate::rules::RuleSet::files`].
    pub file: usize,
    /// Where it is declared: its `[lexicon.NAME]` header, or its table when written inline.
    pub span: std::ops::Range<usize>,
}

#[derive(Clone, Debug)]
struct Alias {
    /// Lowercased token texts.
    words: Vec<String>,
    /// Whether the alias must match case-sensitively (written in capitals).
    exact_case: bool,
    /// Original token texts, for case-sensitive matching.
    original: Vec<String>,
    lexicon: u32,
    entry: u32,
}

/// The English pronouns and determiners that refer back to an entry of every lexicon that is
/// not a scope and does not turn them off: language, not domain.
pub const PRONOUNS: &[&str] = &["it", "its", "they", "their", "this", "these"];

/// How a word refers back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnaphorKind {
    /// A pronoun or a description ("it", "its", "he", "the country"): it takes the place of
    /// the name.
    Pronoun,
    /// A demonstrative determiner ("this", "these", "that", "those"): it refers back only as
    /// the first word of the noun phrase a template reads right after it ("this
    /// technological self-sufficiency"), never across a gap.
    Determiner,
}

/// A word (or words) in a sentence that may refer back to an entry of a lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnaphorMatch {
    /// First token.
    pub start: usize,
    /// One past the last token (including a possessive).
    pub end: usize,
    /// The lexicon whose entries it may refer to.
    pub lexicon: u32,
    /// Pronoun or determiner.
    pub kind: AnaphorKind,
}

#[derive(Clone, Debug)]
struct AnaphorAlias {
    words: Vec<String>,
    lexicon: u32,
    kind: AnaphorKind,
}

/// An alias found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityMatch {
    /// First token.
    pub start: usize,
    /// One past the last token (including a possessive).
    pub end: usize,
    /// Lexicon index in the rule set.
    pub lexicon: u32,
    /// Entry index in the lexicon.
    pub entry: u32,
    /// Whether it matched only fuzzily.
    pub fuzzy: bool,
}

/// Finds aliases of every lexicon in token sequences.
#[derive(Clone, Debug, Default)]
pub struct LexiconIndex {
    /// Fx hashing: one lookup per word of every sentence tried, of keys from the rules files.
    by_first_word: FxHashMap<String, Vec<Alias>>,
    /// Single-word fuzzy-eligible aliases: (lowercased word, lexicon, entry, threshold).
    fuzzy: Vec<(String, u32, u32, f64)>,
    fuzzy_min_len: usize,
    /// Tells this index's fuzzy aliases apart from any other's in [`FUZZY_SEEN`]: a number
    /// no other index built in this process has (clones share it, and their fuzzy aliases).
    fuzzy_id: u64,
    /// Anaphora by first lowercased word, longest first.
    anaphora: FxHashMap<String, Vec<AnaphorAlias>>,
    /// Bytes of the longest first word of an anaphor: longer tokens are not looked up.
    anaphor_first_len: usize,
}

impl LexiconIndex {
    /// Indexes the aliases of `lexicons`.
    pub fn new(lexicons: &[Lexicon]) -> Self {
        let mut index = LexiconIndex {
            fuzzy_min_len: usize::MAX,
            ..LexiconIndex::default()
        };
        for (lexicon_index, lexicon) in lexicons.iter().enumerate() {
            for (entry_index, entry) in lexicon.entries.iter().enumerate() {
                for alias in &entry.aliases {
                    let tokens = tokenize(alias);
                    if tokens.is_empty() {
                        continue;
                    }
                    let original: Vec<String> = tokens.iter().map(|t| t.text(alias).to_string()).collect();
                    let words: Vec<String> = original.iter().map(|word| word.to_lowercase()).collect();
                    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
                    let exact_case = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
                    if let Some(threshold) = lexicon.fuzzy
                        && words.len() == 1
                        && !exact_case
                        && alias.chars().count() >= lexicon.fuzzy_min_len
                    {
                        index
                            .fuzzy
                            .push((words[0].clone(), lexicon_index as u32, entry_index as u32, threshold));
                        index.fuzzy_min_len = index.fuzzy_min_len.min(lexicon.fuzzy_min_len);
                    }
                    index.by_first_word.entry(words[0].clone()).or_default().push(Alias {
                        words,
                        exact_case,
                        original,
                        lexicon: lexicon_index as u32,
                        entry: entry_index as u32,
                    });
                }
            }
        }
        for aliases in index.by_first_word.values_mut() {
            // Longest alias first, so the first that matches is the longest.
            aliases.sort_by_key(|alias| std::cmp::Reverse(alias.words.len()));
        }
        for (lexicon_index, lexicon) in lexicons.iter().enumerate() {
            let builtin = PRONOUNS
                .iter()
                .filter(|_| lexicon.pronouns)
                .map(|word| (*word).to_string());
            for phrase in builtin.chain(lexicon.anaphora.iter().cloned()) {
                let words: Vec<String> = tokenize(&phrase)
                    .iter()
                    .map(|token| token.text(&phrase).to_lowercase())
                    .collect();
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                let kind = if words.len() == 1 && ["this", "these", "that", "those"].contains(&first.as_str()) {
                    AnaphorKind::Determiner
                } else {
                    AnaphorKind::Pronoun
                };
                index.anaphor_first_len = index.anaphor_first_len.max(first.len());
                let list = index.anaphora.entry(first).or_default();
                if !list
                    .iter()
                    .any(|known| known.words == words && known.lexicon == lexicon_index as u32)
                {
                    list.push(AnaphorAlias {
                        words,
                        lexicon: lexicon_index as u32,
                        kind,
                    });
                }
            }
        }
        for anaphora in index.anaphora.values_mut() {
            anaphora.sort_by_key(|anaphor| std::cmp::Reverse(anaphor.words.len()));
        }
        index.fuzzy_id = NEXT_INDEX_ID.fetch_add(1, Ordering::Relaxed);
        index
    }

    /// Whether any lexicon has words that refer back.
    pub fn has_anaphora(&self) -> bool {
        !self.anaphora.is_empty()
    }

    /// Every word in `tokens` that may refer back to an entry, by start token: at each start,
    /// the longest of each lexicon; none where a mention of `entities` starts. `scratch` is a
    /// reusable buffer.
    pub fn find_anaphora(
        &self,
        text: &str,
        tokens: &[Token],
        entities: &[EntityMatch],
        scratch: &mut String,
        out: &mut Vec<AnaphorMatch>,
    ) {
        out.clear();
        if self.anaphora.is_empty() {
            return;
        }
        for start in 0..tokens.len() {
            let token = tokens[start];
            // Lowercasing never shortens an ASCII word much, and anaphora start with short
            // words ("it", "the", "these"): most tokens need no lookup.
            if token.kind != TokenKind::Word || token.end - token.start > self.anaphor_first_len * 2 {
                continue;
            }
            lowercase_into(token.text(text), scratch);
            let Some(anaphora) = self.anaphora.get(scratch.as_str()) else {
                continue;
            };
            if entities.iter().any(|entity| entity.start == start) {
                continue;
            }
            let before = out.len();
            for anaphor in anaphora {
                if out[before..].iter().any(|found| found.lexicon == anaphor.lexicon) {
                    continue;
                }
                let count = anaphor.words.len();
                let matches = start + count <= tokens.len()
                    && anaphor
                        .words
                        .iter()
                        .enumerate()
                        .all(|(offset, word)| tokens[start + offset].text(text).eq_ignore_ascii_case(word));
                if matches {
                    let mut end = start + count;
                    if tokens.get(end).is_some_and(|next| next.kind == TokenKind::Possessive) {
                        end += 1;
                    }
                    out.push(AnaphorMatch {
                        start,
                        end,
                        lexicon: anaphor.lexicon,
                        kind: anaphor.kind,
                    });
                }
            }
        }
    }

    /// Every lowercased word that starts an alias (for prefilters).
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first_word.keys().map(String::as_str)
    }

    /// Every alias match in `tokens`, by start token; at each start, the longest alias of each
    /// lexicon. `scratch` is a reusable buffer.
    pub fn find(&self, text: &str, tokens: &[Token], scratch: &mut String, out: &mut Vec<EntityMatch>) {
        out.clear();
        for start in 0..tokens.len() {
            let token = tokens[start];
            if token.kind != TokenKind::Word {
                continue;
            }
            let before = out.len();
            let word = token.text(text);
            // The word lowercased, then its singular guesses (`earths` → `earth`, `ies` → `y`),
            // looked up in that order without allocating (but for the rare `ies`).
            lowercase_into(word, scratch);
            let lower = scratch.as_str();
            self.push_aliases(lower, text, tokens, start, before, out);
            if let Some(stem) = lower.strip_suffix("ies") {
                self.push_aliases(&format!("{stem}y"), text, tokens, start, before, out);
            }
            if let Some(stem) = lower.strip_suffix("es") {
                self.push_aliases(stem, text, tokens, start, before, out);
            }
            if let Some(stem) = lower.strip_suffix('s') {
                self.push_aliases(stem, text, tokens, start, before, out);
            }
            if out.len() == before && !self.fuzzy.is_empty() {
                self.find_fuzzy(word, start, tokens, out);
            }
        }
        // "US" inside "US Geological Survey", "Africa" inside "South Africa": a mention covered
        // by a longer mention of another lexicon is part of that one, not a name of its own.
        let all = out.clone();
        out.retain(|found| {
            !all.iter().any(|other| {
                other.start <= found.start
                    && found.end <= other.end
                    && other.end - other.start > found.end - found.start
            })
        });
    }

    /// Pushes the longest alias of each lexicon (not yet found at `start`) that starts with
    /// the lowercased word `first` and matches at `start`.
    fn push_aliases(
        &self,
        first: &str,
        text: &str,
        tokens: &[Token],
        start: usize,
        before: usize,
        out: &mut Vec<EntityMatch>,
    ) {
        let Some(aliases) = self.by_first_word.get(first) else {
            return;
        };
        for alias in aliases {
            if out[before..].iter().any(|found| found.lexicon == alias.lexicon) {
                continue;
            }
            if let Some(end) = alias_matches(alias, text, tokens, start) {
                out.push(EntityMatch {
                    start,
                    end,
                    lexicon: alias.lexicon,
                    entry: alias.entry,
                    fuzzy: false,
                });
            }
        }
    }

    fn find_fuzzy(&self, word: &str, start: usize, tokens: &[Token], out: &mut Vec<EntityMatch>) {
        let length = word.chars().count();
        if length < self.fuzzy_min_len || !word.chars().next().is_some_and(char::is_uppercase) {
            return;
        }
        // News repeats its capitalised words ("Government", "Minister", a name) from article to
        // article, and each costs one Jaro-Winkler score per alias of a like length: the best
        // entry for a word is remembered per thread, for this index's aliases only.
        let best = FUZZY_SEEN.with_borrow_mut(|seen| {
            if seen.0 != self.fuzzy_id || seen.1.len() >= FUZZY_SEEN_MAX {
                seen.0 = self.fuzzy_id;
                seen.1.clear();
            }
            if let Some(&best) = seen.1.get(word) {
                return best;
            }
            let best = self.best_fuzzy(word);
            seen.1.insert(word.into(), best);
            best
        });
        if let Some((lexicon, entry)) = best {
            let mut end = start + 1;
            if tokens.get(end).is_some_and(|t| t.kind == TokenKind::Possessive) {
                end += 1;
            }
            out.push(EntityMatch {
                start,
                end,
                lexicon,
                entry,
                fuzzy: true,
            });
        }
    }

    /// The entry whose fuzzy alias is most like `word` at or above its threshold (the first of
    /// equals), as (lexicon, entry).
    fn best_fuzzy(&self, word: &str) -> Option<(u32, u32)> {
        let lower = word.to_lowercase();
        let mut best: Option<(f64, u32, u32)> = None;
        for (alias, lexicon, entry, threshold) in &self.fuzzy {
            if alias.chars().next() != lower.chars().next() || alias.len().abs_diff(lower.len()) > 2 {
                continue;
            }
            let similarity = strsim::jaro_winkler(alias, &lower);
            if similarity >= *threshold && best.is_none_or(|(score, _, _)| similarity > score) {
                best = Some((similarity, *lexicon, *entry));
            }
        }
        best.map(|(_, lexicon, entry)| (lexicon, entry))
    }
}

/// Words a thread has scored against one index's fuzzy aliases, with their best entry:
/// (the index's `fuzzy_id`, word → entry). Emptied when another index asks or it is full.
/// (The standard hasher, as article words are its keys.)
type FuzzySeen = (u64, HashMap<Box<str>, Option<(u32, u32)>>);

thread_local! {
    static FUZZY_SEEN: RefCell<FuzzySeen> = RefCell::new((0, HashMap::new()));
}

/// The next [`LexiconIndex`]'s `fuzzy_id`.
static NEXT_INDEX_ID: AtomicU64 = AtomicU64::new(1);

/// Words remembered per thread at most: a few megabytes.
const FUZZY_SEEN_MAX: usize = 1 << 16;

/// `word` lowercased into `out`, by bytes when it is ASCII (most news words).
fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Whether the token text is the alias word, allowing a plural on the last word.
fn word_matches(alias_word: &str, original: &str, exact_case: bool, token: &str, last: bool) -> bool {
    if exact_case {
        return token == original || last && token.strip_suffix('s') == Some(original);
    }
    if token.eq_ignore_ascii_case(alias_word) || token.to_lowercase() == alias_word {
        return true;
    }
    if !last || alias_word.len() < 3 {
        return false;
    }
    let lower = token.to_lowercase();
    lower.strip_suffix('s') == Some(alias_word)
        || lower.strip_suffix("es") == Some(alias_word)
        || alias_word
            .strip_suffix('y')
            .is_some_and(|stem| lower.strip_suffix("ies") == Some(stem))
}

fn alias_matches(alias: &Alias, text: &str, tokens: &[Token], start: usize) -> Option<usize> {
    let count = alias.words.len();
    if start + count > tokens.len() {
        return None;
    }
    for (offset, word) in alias.words.iter().enumerate() {
        let token = tokens[start + offset];
        if !word_matches(
            word,
            &alias.original[offset],
            alias.exact_case,
            token.text(text),
            offset + 1 == count,
        ) {
            return None;
        }
    }
    let mut end = start + count;
    if tokens.get(end).is_some_and(|next| next.kind == TokenKind::Possessive) {
        end += 1;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Vec<Lexicon> {
        let entry = |id: &str, aliases: &[&str]| Entry {
            id: id.into(),
            name: aliases[0].into(),
            aliases: aliases.iter().map(|alias| (*alias).to_string()).collect(),
            alias_spans: vec![0..0; aliases.len()],
        };
        vec![
            Lexicon {
                name: "country".into(),
                is_region_scope: false,
                anaphora: Vec::new(),
                pronouns: true,
                article_aliases: true,
                stands_for: vec![None; 2],
                entries: vec![
                    entry("russia", &["Russia", "Russian Federation", "the Kremlin"]),
                    entry("united-states", &["United States", "US", "U.S."]),
                ],
                fuzzy: Some(0.9),
                fuzzy_min_len: 6,
                file: 0,
                span: 0..0,
            },
            Lexicon {
                name: "mineral".into(),
                is_region_scope: false,
                anaphora: Vec::new(),
                pronouns: true,
                article_aliases: true,
                stands_for: vec![None],
                entries: vec![entry("rare-earths", &["rare earth", "rare earth element"])],
                fuzzy: None,
                fuzzy_min_len: 6,
                file: 0,
                span: 0..0,
            },
        ]
    }

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let lexicons = lexicon();
        let index = LexiconIndex::new(&lexicons);
        let tokens = tokenize(text);
        let mut found = Vec::new();
        index.find(text, &tokens, &mut String::new(), &mut found);
        let actual: Vec<String> = found
            .iter()
            .map(|m| {
                let span = &text[tokens[m.start].start..tokens[m.end - 1].end];
                format!("{}={span}", lexicons[m.lexicon as usize].entries[m.entry as usize].id)
            })
            .collect();
        assert_eq!(actual, expected, "{text}");
    }

    #[test]
    fn aliases_match_with_variants() {
        check(
            "the Russian Federation's rare-earth reserves",
            &["russia=Russian Federation's", "rare-earths=rare-earth"],
        );
        check(
            "Rare Earths in the Kremlin",
            &["rare-earths=Rare Earths", "russia=the Kremlin"],
        );
        check("rare earth elements", &["rare-earths=rare earth elements"]);
        check(
            "the U.S. and the US but not us",
            &["united-states=U.S.", "united-states=US"],
        );
        check("Russsia holds", &["russia=Russsia"]);
        check("Rusty holds", &[]);
    }

    #[test]
    fn anaphora_are_found_longest_first_and_never_on_a_name() {
        let mut lexicons = lexicon();
        lexicons[0].anaphora = vec!["the country".into()];
        lexicons[1].pronouns = false;
        let index = LexiconIndex::new(&lexicons);
        let text = "The country's output and its reserves: this, not Russia";
        let tokens = tokenize(text);
        let mut entities = Vec::new();
        index.find(text, &tokens, &mut String::new(), &mut entities);
        let mut found = Vec::new();
        index.find_anaphora(text, &tokens, &entities, &mut String::new(), &mut found);
        let shown: Vec<String> = found
            .iter()
            .map(|anaphor| {
                let words = &text[tokens[anaphor.start].start..tokens[anaphor.end - 1].end];
                format!("{}:{words}:{:?}", lexicons[anaphor.lexicon as usize].name, anaphor.kind)
            })
            .collect();
        assert_eq!(
            shown,
            [
                "country:The country's:Pronoun",
                "country:its:Pronoun",
                "country:this:Determiner"
            ]
        );
    }

    #[test]
    fn a_remembered_fuzzy_match_belongs_to_its_own_index() {
        let ids = |index: &LexiconIndex, text: &str| -> Vec<u32> {
            let tokens = tokenize(text);
            let mut found = Vec::new();
            index.find(text, &tokens, &mut String::new(), &mut found);
            found.iter().filter(|m| m.fuzzy).map(|m| m.entry).collect()
        };
        let with_russia = LexiconIndex::new(&lexicon());
        let mut other = lexicon();
        other[0].entries.swap(0, 1);
        let swapped = LexiconIndex::new(&other);
        let mut unfuzzy = lexicon();
        unfuzzy[0].fuzzy = None;
        let exact = LexiconIndex::new(&unfuzzy);
        // One thread, one misspelt word, three indexes in turn: each answers from its own aliases.
        for _ in 0..2 {
            assert_eq!(ids(&with_russia, "Russsia holds"), [0]);
            assert_eq!(ids(&swapped, "Russsia holds"), [1]);
            assert_eq!(ids(&exact, "Russsia holds"), Vec::<u32>::new());
            assert_eq!(ids(&with_russia.clone(), "Russsia holds"), [0]);
        }
    }

    #[test]
    fn words_are_lowercased_alike_with_and_without_the_ascii_path() {
        let mut out = String::new();
        for word in ["Russia", "RUSSIA", "Émigré", "İstanbul", "ΣΊΣΥΦΟΣ", "straße", ""] {
            lowercase_into(word, &mut out);
            assert_eq!(out, word.chars().flat_map(char::to_lowercase).collect::<String>());
        }
    }
}
