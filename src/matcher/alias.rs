//! Article-local aliases: a renaming or an apposition ("Calder Group, formerly Calder Mining",
//! "the firm, previously known as Harrow Metals", "Calder Mining changed its name to Calder
//! Group") makes a capitalised name an alias of a lexicon entry within one article, before and
//! after the sentence that links them, and never in another article.
//!
//! Key decision: the links are found in one first pass over the whole article, whatever the
//! prefilter drops, so the filtered and the unfiltered matcher see the same aliases (the linking
//! sentence rarely matches a template itself). The pass is a function of the article alone; the
//! matcher runs it when the first sentence reaches the templates, so an article the prefilter
//! rules out whole never pays for it. The pass is cheap: one
//! Aho-Corasick search of the cues' key words over the prefilter's lowercased copy of the text
//! (a few patterns: the SIMD searcher), a byte-level check
//! of the whole cue around each hit, and only then the paragraph around it segmented and the
//! one sentence tokenized. An article without a cue word costs one scan.
//!
//! A link needs, on either side of the cue, one lexicon entry (an alias of any lexicon, or a
//! description such as "the firm" resolved as the anaphora are) and one capitalised name that
//! holds no alias of any lexicon: two entries ("Calder Group, formerly Norrland Metals"), a
//! coordinated side ("Calder Group and Norrland Metals, formerly …"), a possessive ("…, formerly
//! Calder Mining's chief"), or a lower-case word after the cue ("formerly of Calder Mining",
//! "formerly the largest producer") make none. A name linked to two different entries in one
//! article is an alias of neither. The built-in cues are [`BUILT_IN`]; a rules file adds its own
//! (`[aliases] cues`), and a lexicon or a rule can turn the reading off (`article_aliases`).

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::context::Paragraph;
use crate::claim::Span;
use crate::extract::name::name_at;
use crate::rules::RuleSet;
use crate::rules::lexicon::{AnaphorKind, EntityMatch, PRONOUNS};
use crate::text::token::{Token, TokenKind, tokenize, tokenize_into};
use crate::text::{Article, segment};

/// The built-in cues: the words between the two names, and whether the cue is an aside that
/// must follow a comma or an opening parenthesis and be closed right after the second name
/// ("Calder Group (formerly Calder Mining)", "Calder Group, née Calder Mining,").
pub const BUILT_IN: &[(&str, bool)] = &[
    ("formerly", true),
    ("previously", true),
    ("now", true),
    ("née", true),
    ("nee", true),
    ("renamed", true),
    ("formerly known as", false),
    ("previously known as", false),
    ("once known as", false),
    ("now known as", false),
    ("also known as", false),
    ("better known as", false),
    ("formerly called", false),
    ("previously called", false),
    ("now called", false),
    ("trading as", false),
    ("operating as", false),
    ("doing business as", false),
    ("rebranded as", false),
    ("rebranded itself as", false),
    ("renamed itself", false),
    ("was renamed", false),
    ("were renamed", false),
    ("been renamed", false),
    ("be renamed", false),
    ("is renamed", false),
    ("changed its name to", false),
    ("changed its name from", false),
    ("change its name to", false),
    ("changes its name to", false),
    ("changing its name to", false),
];

/// Words that may stand between the first name and a cue that is not an aside: "Calder Mining,
/// which has since changed its name to …".
const BETWEEN: &[&str] = &[
    ",",
    "(",
    "which",
    "that",
    "has",
    "have",
    "had",
    "was",
    "is",
    "been",
    "will",
    "would",
    "be",
    "officially",
    "formally",
    "recently",
    "since",
    "later",
    "then",
    "subsequently",
    "also",
];

/// The most such words.
const MAX_BETWEEN: usize = 4;

/// What may close an aside after its second name.
const CLOSERS: &[&str] = &[",", ")", ".", ";", ":", "—", "–", "!", "?"];

/// Words that coordinate two names: a side after or before one is a list, not one name.
const COORDINATORS: &[&str] = &["and", "or", "nor", "&"];

/// One cue phrase.
#[derive(Clone, Debug)]
struct Cue {
    /// Lowercased words.
    words: Vec<String>,
    /// Which word the key search looks for (the longest).
    key: usize,
    /// Whether it is an aside (see [`BUILT_IN`]).
    aside: bool,
}

/// The cues of a rule set, with the search for their key words. Built once per matcher.
pub(super) struct Cues {
    phrases: Vec<Cue>,
    /// Per pattern of `search`: the cues whose key it is.
    by_key: Vec<Vec<usize>>,
    /// The key words (lowercase); `None` when no lexicon allows article aliases.
    search: Option<AhoCorasick>,
    /// The asides whose first word is shorter than [`SHORT_KEY`] ("now", "nee"): looked for
    /// after each comma and opening parenthesis instead, since such short patterns would slow
    /// the SIMD search of the others down.
    after_mark: Vec<usize>,
    /// The first bytes of those asides, to pass over most marks at once.
    mark_firsts: Vec<u8>,
}

/// Keys shorter than this many bytes are not searched for with the others.
const SHORT_KEY: usize = 4;

impl Cue {
    /// Whether the cue is an aside with a short first word, found from the mark before it.
    fn after_mark(&self) -> bool {
        self.aside && self.words.len() == 1 && self.words[0].len() < SHORT_KEY
    }
}

impl Cues {
    /// The built-in cues and those `rules` add, if some lexicon allows article aliases.
    pub(super) fn new(rules: &RuleSet) -> Self {
        let mut cues: Vec<Cue> = Vec::new();
        let added = rules.alias_cues.iter().map(|cue| (cue.as_str(), false));
        for (phrase, aside) in BUILT_IN.iter().copied().chain(added) {
            let words: Vec<String> = tokenize(phrase)
                .iter()
                .map(|token| token.text(phrase).to_lowercase())
                .collect();
            if words.is_empty() || cues.iter().any(|cue| cue.words == words) {
                continue;
            }
            let key = (0..words.len()).max_by_key(|&at| words[at].len()).unwrap_or(0);
            cues.push(Cue { words, key, aside });
        }
        // Longest first, so that "formerly known as" is tried before "formerly".
        cues.sort_by_key(|cue| std::cmp::Reverse(cue.words.len()));
        // The patterns: the key words, prefix-free ("change" stands for "changed" and
        // "changing" too: text holding one holds it at the same offset), so that a leftmost
        // search finds every key and the SIMD searcher takes them.
        let mut keys: Vec<String> = cues
            .iter()
            .filter(|cue| !cue.after_mark())
            .map(|cue| cue.words[cue.key].clone())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let mut patterns: Vec<String> = Vec::new();
        for key in keys {
            if !patterns.iter().any(|shorter| key.starts_with(shorter.as_str())) {
                patterns.push(key);
            }
        }
        let by_key = patterns
            .iter()
            .map(|pattern| {
                (0..cues.len())
                    .filter(|&index| {
                        !cues[index].after_mark() && cues[index].words[cues[index].key].starts_with(pattern.as_str())
                    })
                    .collect()
            })
            .collect();
        let wanted = rules.lexicons.iter().any(|lexicon| lexicon.article_aliases);
        let search = wanted
            .then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        let after_mark: Vec<usize> = (0..cues.len()).filter(|&index| cues[index].after_mark()).collect();
        let mut mark_firsts: Vec<u8> = after_mark
            .iter()
            .map(|&index| cues[index].words[0].as_bytes()[0])
            .collect();
        mark_firsts.sort_unstable();
        mark_firsts.dedup();
        Cues {
            phrases: cues,
            by_key,
            search,
            after_mark,
            mark_firsts,
        }
    }

    /// The byte ranges of whole cues in the prose of `article`, sorted, each with its cue;
    /// `lowercase` is the article's text ASCII-lowercased.
    fn candidates(&self, article: &Article, lowercase: &[u8]) -> Vec<(Range<usize>, usize)> {
        let Some(search) = &self.search else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for region in &article.regions {
            let input = aho_corasick::Input::new(lowercase).range(region.clone());
            for hit in search.find_iter(input) {
                let start = hit.start();
                if start > 0 && is_word_byte(lowercase[start - 1]) {
                    continue;
                }
                for &index in &self.by_key[hit.pattern().as_usize()] {
                    let cue = &self.phrases[index];
                    let key = start..start + cue.words[cue.key].len();
                    if let Some(range) = cue_around(lowercase, region.clone(), key, cue) {
                        found.push((range, index));
                    }
                }
            }
        }
        if !self.after_mark.is_empty() {
            for region in &article.regions {
                for at in memchr::memchr2_iter(b',', b'(', &lowercase[region.clone()]) {
                    let start = skip_space(lowercase, region.start + at + 1, region.end);
                    if start == region.end || !self.mark_firsts.contains(&lowercase[start]) {
                        continue;
                    }
                    for &index in &self.after_mark {
                        let cue = &self.phrases[index];
                        let key = start..start + cue.words[0].len();
                        if let Some(range) = cue_around(lowercase, region.clone(), key, cue) {
                            found.push((range, index));
                        }
                    }
                }
            }
        }
        found.sort_by_key(|(range, index)| (range.start, *index));
        found
    }
}

/// A byte that may be part of a word: an ASCII letter or digit, or a byte of a non-ASCII
/// character.
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte >= 0x80
}

/// The bytes of `cue` around its key word at `key` (within `region`), words apart by white
/// space only; for an aside, only after a comma or an opening parenthesis.
fn cue_around(bytes: &[u8], region: Range<usize>, key: Range<usize>, cue: &Cue) -> Option<Range<usize>> {
    if key.end > region.end
        || !bytes[key.clone()].eq_ignore_ascii_case(cue.words[cue.key].as_bytes())
        || bytes.get(key.end).copied().is_some_and(is_word_byte)
    {
        return None;
    }
    let mut start = key.start;
    for word in cue.words[..cue.key].iter().rev() {
        let end = skip_space_back(bytes, region.start, start);
        if end == start || end < region.start + word.len() {
            return None;
        }
        let begin = end - word.len();
        if !bytes[begin..end].eq_ignore_ascii_case(word.as_bytes()) || begin > 0 && is_word_byte(bytes[begin - 1]) {
            return None;
        }
        start = begin;
    }
    let mut end = key.end;
    for word in &cue.words[cue.key + 1..] {
        let begin = skip_space(bytes, end, region.end);
        if begin == end || begin + word.len() > region.end {
            return None;
        }
        let after = begin + word.len();
        if !bytes[begin..after].eq_ignore_ascii_case(word.as_bytes())
            || bytes.get(after).copied().is_some_and(is_word_byte)
        {
            return None;
        }
        end = after;
    }
    if cue.aside {
        let before = skip_space_back(bytes, region.start, start);
        if before == region.start || !matches!(bytes[before - 1], b',' | b'(') {
            return None;
        }
    }
    Some(start..end)
}

/// The offset after the last non-space byte before `at` (no further back than `floor`).
fn skip_space_back(bytes: &[u8], floor: usize, mut at: usize) -> usize {
    while at > floor && bytes[at - 1].is_ascii_whitespace() {
        at -= 1;
    }
    at
}

/// The offset of the first non-space byte from `at` (no further than `limit`).
fn skip_space(bytes: &[u8], mut at: usize, limit: usize) -> usize {
    while at < limit && bytes[at].is_ascii_whitespace() {
        at += 1;
    }
    at
}

/// One link: a name made an alias of an entry by a renaming or an apposition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The (lexicon, entry) the name is an alias of.
    pub entry: (u32, u32),
    /// The name's token texts, as written.
    pub words: Vec<String>,
    /// The linking phrase: from the first side's start to the second side's end.
    pub phrase: Span,
}

/// The article-local aliases of one article.
#[derive(Clone, Debug, Default)]
pub struct Aliases {
    /// The links, in text order.
    pub links: Vec<Link>,
}

/// One side of a possible link.
#[derive(Clone, Debug)]
enum Side {
    /// An entry, named or described, over these tokens.
    Entry((u32, u32), Range<usize>),
    /// A capitalised name that is no alias, over these tokens.
    Name(Range<usize>),
}

impl Side {
    fn tokens(&self) -> Range<usize> {
        match self {
            Side::Entry(_, tokens) | Side::Name(tokens) => tokens.clone(),
        }
    }
}

impl Aliases {
    /// The links of `article` under `rules`, found with `cues`; `lowercase` is the article's
    /// text ASCII-lowercased (the prefilter's copy).
    pub(super) fn of(rules: &RuleSet, cues: &Cues, article: &Article, lowercase: &[u8]) -> Self {
        let candidates = cues.candidates(article, lowercase);
        if candidates.is_empty() {
            return Aliases::default();
        }
        let text = article.text.as_str();
        let mut links: Vec<Link> = Vec::new();
        let mut tokens: Vec<Token> = Vec::new();
        let (mut entities, mut anaphora, mut scratch) = (Vec::new(), Vec::new(), String::new());
        let mut next = 0;
        'regions: for region in &article.regions {
            for block in segment::blocks(text, region.clone()) {
                while next < candidates.len() && candidates[next].0.start < block.start {
                    next += 1;
                }
                if next == candidates.len() {
                    break 'regions;
                }
                if candidates[next].0.start >= block.end {
                    continue;
                }
                for sentence in segment::segment(text, block.clone()) {
                    let first = next;
                    while next < candidates.len() && candidates[next].0.start < sentence.end {
                        next += 1;
                    }
                    if first == next {
                        continue;
                    }
                    tokens.clear();
                    tokenize_into(text, sentence.clone(), &mut tokens);
                    rules.index.find(text, &tokens, &mut scratch, &mut entities);
                    rules
                        .index
                        .find_anaphora(text, &tokens, &entities, &mut scratch, &mut anaphora);
                    let paragraph = Paragraph::new(rules, text, block.clone(), sentence.start);
                    let sentence_view = SentenceView {
                        rules,
                        text,
                        tokens: &tokens,
                        entities: &entities,
                        anaphora: &anaphora,
                        paragraph: &paragraph,
                    };
                    for (range, cue) in &candidates[first..next] {
                        let Some(at) = tokens.iter().position(|token| token.start == range.start) else {
                            continue;
                        };
                        if let Some(link) = sentence_view.link(&cues.phrases[*cue], at) {
                            links.push(link);
                        }
                    }
                }
            }
        }
        // A name linked to two different entries is an alias of neither; a repeat adds nothing.
        let mut kept: Vec<Link> = Vec::new();
        for link in &links {
            let conflicting = links
                .iter()
                .any(|other| other.words == link.words && other.entry != link.entry);
            if !conflicting && !kept.iter().any(|known| known.words == link.words) {
                kept.push(link.clone());
            }
        }
        Aliases { links: kept }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }

    /// Adds to `entities` (sorted by start token, and kept so) a mention of its entry at each
    /// occurrence of a linked name in `tokens` that no lexicon mention overlaps; whether it
    /// added any.
    pub fn extend(&self, text: &str, tokens: &[Token], entities: &mut Vec<EntityMatch>) -> bool {
        if self.links.is_empty() {
            return false;
        }
        let before = entities.len();
        for link in &self.links {
            let count = link.words.len();
            for start in 0..tokens.len().saturating_sub(count - 1) {
                if tokens[start].kind != TokenKind::Word
                    || (0..count).any(|offset| tokens[start + offset].text(text) != link.words[offset])
                {
                    continue;
                }
                let mut end = start + count;
                if tokens.get(end).is_some_and(|next| next.kind == TokenKind::Possessive) {
                    end += 1;
                }
                if entities.iter().any(|other| other.start < end && start < other.end) {
                    continue;
                }
                entities.push(EntityMatch {
                    start,
                    end,
                    lexicon: link.entry.0,
                    entry: link.entry.1,
                    fuzzy: false,
                });
            }
        }
        if entities.len() == before {
            return false;
        }
        entities.sort_by_key(|entity| (entity.start, entity.lexicon));
        true
    }

    /// The index of the link that made the mention `entity` of `tokens`, if it is a linked
    /// name. A linked
    /// name holds no alias, so a mention with a link's words is always one [`Aliases::extend`]
    /// added.
    pub fn link_of(&self, text: &str, tokens: &[Token], entity: &EntityMatch) -> Option<usize> {
        let mut end = entity.end;
        if end > entity.start + 1 && tokens[end - 1].kind == TokenKind::Possessive {
            end -= 1;
        }
        let words = &tokens[entity.start..end];
        self.links.iter().position(|link| {
            link.entry == (entity.lexicon, entity.entry)
                && link.words.len() == words.len()
                && words
                    .iter()
                    .zip(&link.words)
                    .all(|(token, word)| token.text(text) == word)
        })
    }
}

/// One sentence that holds a cue, tokenized, with its mentions.
struct SentenceView<'a> {
    rules: &'a RuleSet,
    text: &'a str,
    tokens: &'a [Token],
    entities: &'a [EntityMatch],
    anaphora: &'a [crate::rules::lexicon::AnaphorMatch],
    paragraph: &'a Paragraph<'a>,
}

impl SentenceView<'_> {
    /// The link `cue`, whose first word is token `at`, makes here, if any.
    fn link(&self, cue: &Cue, at: usize) -> Option<Link> {
        let (text, tokens) = (self.text, self.tokens);
        let after = at + cue.words.len();
        if after > tokens.len()
            || !(0..cue.words.len()).all(|offset| tokens[at + offset].text(text).to_lowercase() == cue.words[offset])
        {
            return None;
        }
        // The words between the first side and the cue.
        let mut left_end = at;
        if cue.aside {
            if left_end == 0 || !matches!(tokens[left_end - 1].text(text), "," | "(") {
                return None;
            }
            left_end -= 1;
        } else {
            for _ in 0..MAX_BETWEEN {
                if left_end > 0 && BETWEEN.iter().any(|word| tokens[left_end - 1].is(text, word)) {
                    left_end -= 1;
                } else {
                    break;
                }
            }
        }
        let left = self.left_side(left_end)?;
        let right = self.right_side(after, cue.aside)?;
        let start = left.tokens().start;
        if start > 0 && COORDINATORS.iter().any(|word| tokens[start - 1].is(text, word)) {
            return None;
        }
        let mut end = right.tokens().end;
        let opened = tokens[left_end..at].iter().any(|token| token.text(text) == "(");
        if opened && tokens.get(end).is_some_and(|next| next.text(text) == ")") {
            // "Lindqvist & Sons (now Calder Group)": the aside with its closing parenthesis.
            end += 1;
        }
        let ((Side::Entry(entry, _), Side::Name(name)) | (Side::Name(name), Side::Entry(entry, _))) = (left, right)
        else {
            // Two entries, or two names: nothing to link.
            return None;
        };
        if !self.rules.lexicons[entry.0 as usize].article_aliases {
            return None;
        }
        Some(Link {
            entry,
            words: tokens[name].iter().map(|token| token.text(text).to_string()).collect(),
            phrase: Span::new(tokens[start].start, tokens[end - 1].end),
        })
    }

    /// The side that ends right before token `end`: a mention, a description resolved to an
    /// entry, or a name.
    fn left_side(&self, end: usize) -> Option<Side> {
        let (text, tokens) = (self.text, self.tokens);
        if end == 0 || tokens[end - 1].kind == TokenKind::Possessive {
            return None;
        }
        let mentions: Vec<&EntityMatch> = self.entities.iter().filter(|entity| entity.end == end).collect();
        if let Some(first) = mentions.first() {
            if mentions
                .iter()
                .any(|other| (other.lexicon, other.entry) != (first.lexicon, first.entry))
            {
                return None;
            }
            let start = mentions.iter().map(|entity| entity.start).min().unwrap_or(first.start);
            return Some(Side::Entry((first.lexicon, first.entry), start..end));
        }
        if let Some(anaphor) = self.anaphora.iter().find(|anaphor| {
            anaphor.end == end
                && anaphor.kind == AnaphorKind::Pronoun
                && !PRONOUNS.iter().any(|pronoun| tokens[anaphor.start].is(text, pronoun))
        }) {
            let before: Vec<EntityMatch> = self
                .entities
                .iter()
                .filter(|entity| entity.end <= anaphor.start)
                .copied()
                .collect();
            let found = self.paragraph.resolve(anaphor.lexicon, &before, tokens, false)?;
            return Some(Side::Entry(found.entry, anaphor.start..end));
        }
        // The longest name that ends there.
        let name = (end.saturating_sub(8)..end)
            .find(|&start| name_at(text, tokens, start).is_some_and(|(name_end, _)| name_end == end))?;
        self.is_plain_name(name..end).then_some(Side::Name(name..end))
    }

    /// The side that starts at token `start`; after an aside it must be closed right after.
    fn right_side(&self, start: usize, aside: bool) -> Option<Side> {
        let (text, tokens) = (self.text, self.tokens);
        if start >= tokens.len() {
            return None;
        }
        let closed = |end: usize| {
            let next = tokens.get(end);
            if aside {
                next.is_none_or(|next| CLOSERS.contains(&next.text(text)))
            } else {
                next.is_none_or(|next| {
                    next.kind != TokenKind::Possessive && !COORDINATORS.iter().any(|word| next.is(text, word))
                })
            }
        };
        let mentions: Vec<&EntityMatch> = self.entities.iter().filter(|entity| entity.start == start).collect();
        if let Some(first) = mentions.first() {
            let end = mentions.iter().map(|entity| entity.end).max().unwrap_or(first.end);
            if mentions
                .iter()
                .any(|other| (other.lexicon, other.entry) != (first.lexicon, first.entry))
                || tokens[end - 1].kind == TokenKind::Possessive
                || !closed(end)
            {
                return None;
            }
            return Some(Side::Entry((first.lexicon, first.entry), start..end));
        }
        let (end, _) = name_at(text, tokens, start)?;
        (self.is_plain_name(start..end) && closed(end)).then_some(Side::Name(start..end))
    }

    /// Whether no lexicon mention lies in or across `range`.
    fn is_plain_name(&self, range: Range<usize>) -> bool {
        !self
            .entities
            .iter()
            .any(|entity| entity.start < range.end && range.start < entity.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> RuleSet {
        let source = "[lexicon.company]\nanaphora = [\"the firm\"]\n\
                      [lexicon.company.entries]\ncalder = [\"Calder Group\"]\nnorrland = [\"Norrland Metals\"]\n";
        crate::rules::load_sources(&[("t.toml".into(), source.into())]).expect("rules load")
    }

    /// The links of `text` as `name=entry by "phrase"`.
    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let rules = rules();
        let cues = Cues::new(&rules);
        let article = Article::plain("t.txt", text);
        let lowercase = text.to_ascii_lowercase().into_bytes();
        let links: Vec<String> = Aliases::of(&rules, &cues, &article, &lowercase)
            .links
            .iter()
            .map(|link| {
                let entry = rules.entry(link.entry.0, link.entry.1);
                format!(
                    "{}={} by \"{}\"",
                    link.words.join(" "),
                    entry.id,
                    &text[link.phrase.range()]
                )
            })
            .collect();
        assert_eq!(links, expected, "{text}");
    }

    #[test]
    fn renamings_and_appositions_link_a_name_to_an_entry() {
        check(
            "Shares in Calder Group, formerly Calder Mining, rose.",
            &["Calder Mining=calder by \"Calder Group, formerly Calder Mining\""],
        );
        check(
            "Calder Group (formerly known as Calder Mining) rose.",
            &["Calder Mining=calder by \"Calder Group (formerly known as Calder Mining)\""],
        );
        check(
            "Calder Group (née Calder Mining) rose.",
            &["Calder Mining=calder by \"Calder Group (née Calder Mining)\""],
        );
        check(
            "Calder Mining, which has since changed its name to Calder Group, rose.",
            &["Calder Mining=calder by \"Calder Mining, which has since changed its name to Calder Group\""],
        );
        // A line break inside the cue, as hard-wrapped plain text has it.
        check(
            "Calder Mining changed its\nname to Calder Group in 2021.",
            &["Calder Mining=calder by \"Calder Mining changed its\nname to Calder Group\""],
        );
        check(
            "Calder Mining was renamed Calder Group in 2021.",
            &["Calder Mining=calder by \"Calder Mining was renamed Calder Group\""],
        );
        check(
            "Calder Group trading as Calder Direct sells online.",
            &["Calder Direct=calder by \"Calder Group trading as Calder Direct\""],
        );
        check(
            "Calder Group opened a mill. The firm, previously known as Harrow Mining, listed.",
            &["Harrow Mining=calder by \"The firm, previously known as Harrow Mining\""],
        );
        check(
            "Lindqvist & Sons (now Calder Group) built it.",
            &["Lindqvist & Sons=calder by \"Lindqvist & Sons (now Calder Group)\""],
        );
    }

    #[test]
    fn look_alikes_make_no_link() {
        // A person formerly at an organisation, with "of" or as a modifier.
        check("Jane Doe, formerly of Calder Group, spoke.", &[]);
        check("Jane Doe, formerly Calder Group chief executive, spoke.", &[]);
        // A description, not a name.
        check("Calder Group, formerly the largest producer, rose.", &[]);
        // Two entries, or a name that is already another entry's alias.
        check("Calder Group, formerly Norrland Metals, rose.", &[]);
        // A coordinated side.
        check(
            "Calder Group and Norrland Metals, formerly Brenner Resources, merged.",
            &[],
        );
        check(
            "Brenner Resources, formerly Calder Group and Tarvik Mining, merged.",
            &[],
        );
        // A possessive.
        check("Calder Group, now Tarvik's biggest employer, hired.", &[]);
        // No entry on either side.
        check("Kestrel Holdings (formerly Brenner Resources) rose.", &[]);
        // An active "renamed" renames something else; "now" without a mark is an adverb.
        check("Calder Group renamed Tarvik Mine last year.", &[]);
        check("Calder Group now Tarvik Mining owner rose.", &[]);
        // One name, two entries: an alias of neither.
        check(
            "Calder Group, formerly Tarvik Mining, rose. Norrland Metals, previously known as Tarvik Mining, fell.",
            &[],
        );
    }

    #[test]
    fn linked_names_are_found_as_written() {
        let rules = rules();
        let cues = Cues::new(&rules);
        let text = "Calder Mining's output rose. Calder Group, formerly Calder Mining, said so. calder mining too.";
        let article = Article::plain("t.txt", text);
        let lowercase = text.to_ascii_lowercase().into_bytes();
        let aliases = Aliases::of(&rules, &cues, &article, &lowercase);
        let tokens = tokenize(text);
        let mut entities = Vec::new();
        rules.index.find(text, &tokens, &mut String::new(), &mut entities);
        assert!(aliases.extend(text, &tokens, &mut entities));
        let found: Vec<(&str, bool)> = entities
            .iter()
            .map(|entity| {
                let words = &text[tokens[entity.start].start..tokens[entity.end - 1].end];
                (words, aliases.link_of(text, &tokens, entity).is_some())
            })
            .collect();
        assert_eq!(
            found,
            [
                ("Calder Mining's", true),
                ("Calder Group", false),
                ("Calder Mining", true)
            ]
        );
    }
}
