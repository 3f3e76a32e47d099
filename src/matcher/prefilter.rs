//! The sentence prefilter: which blocks, sentences and templates the template engine may skip.
//!
//! Built once per [`super::Matcher`] from its rule set (see [`Anchors`] for the three steps and
//! why they are exact). A template with no literal word outside optional groups has no anchor:
//! it is tried on every sentence, so every block is segmented, while every other template is
//! still skipped in the sentences that lack its anchors.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::rules::{Element, RuleSet};
use crate::text::segment;

/// Anchors shorter than this ("of", "on", "for") occur in nearly every sentence: a template is
/// filtered on its longer ones only, unless it has no other.
const MIN_ANCHOR_BYTES: usize = 4;

/// The most patterns Aho-Corasick's SIMD searcher (Teddy) takes: a gate of more is merged into
/// shared prefixes until it fits ([`fit_gate`]).
const GATE_PATTERNS: usize = 64;

/// A gate of more patterns than this is left as it is: merging it down to [`GATE_PATTERNS`]
/// would cost more time than it saves, and cut its words down to short, common prefixes.
const GATE_MERGE_LIMIT: usize = 16 * GATE_PATTERNS;

/// Patterns of up to this many bytes in all are searched with a DFA (a few hundred KB at most).
const DFA_PATTERN_BYTES: usize = 1 << 14;

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
/// 1. **Gate.** Each template's rarest-looking anchor (the one the fewest common words of news
///    start with, then the one whose shortest form is longest) goes into a small automaton,
///    few enough patterns for Aho-Corasick's SIMD search (Teddy, which takes at most 64: more
///    give way to the prefixes they share, [`fit_gate`]), several GB/s where the full
///    automaton runs below 1 GB/s.
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
///
/// A template with no anchor (only slots, gaps, punctuation and optional words) is tried in
/// every sentence: while one exists, steps 1 and 2 drop nothing and step 3 admits every
/// sentence, but still with only the anchored templates whose anchors are there.
pub(super) struct Anchors {
    /// All anchor forms. `None` when there is no prefilter (the automaton would be too large, or
    /// none was asked for): then every sentence is a candidate for every template.
    searcher: Option<Search>,
    /// One anchor per template; `None` when it would hold every form anyway, or when some
    /// template has no anchor (then no region or block may be dropped).
    gate: Option<Search>,
    /// Per pattern of `searcher`: the anchors it satisfies (its own and those of every pattern
    /// that is a prefix of it, since the longest pattern at an offset hides those).
    satisfies: Vec<Vec<usize>>,
    /// Per template: the anchors it needs, all of them (none: it is tried in every sentence).
    templates: Vec<Vec<usize>>,
    /// Whether some template has no anchor: then every block and every sentence is admitted,
    /// with that template and those whose anchors are there.
    anchorless: bool,
    /// How many anchors there are.
    count: usize,
    /// Whether the matcher may skip, in an admitted sentence, the templates whose anchors are
    /// not all there. Always true now that the rank cache is dropped whenever `top_k` changes
    /// between rules; kept as a switch for measurements.
    pub(super) per_template: bool,
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
    /// `None` if the automaton cannot be built (too large). Up to [`DFA_PATTERN_BYTES`] of
    /// patterns it is a DFA: Aho-Corasick picks one by itself only up to 100 patterns, and the
    /// NFA it picks above that scans several times slower (one state lookup per byte through
    /// sparse transitions), a cliff a rule pack falls off by adding a few words.
    fn new(patterns: &[String]) -> Option<Search> {
        let build = |kind: Option<AhoCorasickKind>| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(kind)
                .build(patterns)
                .ok()
        };
        let small = patterns.iter().map(String::len).sum::<usize>() <= DFA_PATTERN_BYTES;
        let automaton = small
            .then(|| build(Some(AhoCorasickKind::DFA)))
            .flatten()
            .or_else(|| build(None))?;
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
    /// No prefilter: every sentence is a candidate for every template.
    pub(super) fn none() -> Self {
        Anchors {
            searcher: None,
            gate: None,
            satisfies: Vec::new(),
            templates: Vec::new(),
            anchorless: false,
            count: 0,
            per_template: false,
        }
    }

    /// The prefilter of `rules`' templates (none if its automaton cannot be built).
    pub(super) fn new(rules: &RuleSet) -> Self {
        let shortest = |forms: &Vec<String>| forms.iter().map(String::len).min().unwrap_or(0);
        // Each anchor as its sorted, prefix-free forms.
        let mut anchors: Vec<Vec<String>> = Vec::new();
        let mut templates = Vec::new();
        let mut anchorless = false;
        for pattern in rules.rules.iter().flat_map(|rule| &rule.patterns) {
            let mut needed: Vec<Vec<String>> = Vec::new();
            collect_anchors(&pattern.elements, &mut needed);
            let long: Vec<Vec<String>> = needed
                .iter()
                .filter(|forms| shortest(forms) >= MIN_ANCHOR_BYTES)
                .cloned()
                .collect();
            let chosen = if long.is_empty() {
                let best = needed.into_iter().max_by_key(shortest);
                // No anchor: the template is tried in every sentence.
                anchorless |= best.is_none();
                best.into_iter().collect()
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
        // The gate: per template the anchor that common words start with least ("holder", not
        // "import", which starts "important"), then the one whose shortest form is longest
        // (fewer forms on a tie), as long words tend to be rarer than short ones. Any of a
        // template's anchors would be exact: this choice only decides how much text passes.
        let commonness: Vec<u64> = anchors.iter().map(|forms| commonness(forms)).collect();
        let rarest = |needed: &Vec<usize>| {
            needed.iter().copied().min_by_key(|&id| {
                (
                    commonness[id],
                    std::cmp::Reverse(shortest(&anchors[id])),
                    anchors[id].len(),
                )
            })
        };
        let gate_patterns = fit_gate(prefix_free(
            templates
                .iter()
                .filter_map(rarest)
                .flat_map(|id| anchors[id].iter().cloned()),
        ));
        let Some(searcher) = Search::new(&patterns) else {
            return Anchors::none();
        };
        let gate = if !anchorless && gate_patterns.len() < patterns.len() {
            Search::new(&gate_patterns)
        } else {
            None
        };
        Anchors {
            searcher: Some(searcher),
            gate,
            satisfies,
            templates,
            anchorless,
            count: anchors.len(),
            per_template: true,
        }
    }

    /// Whether there is a prefilter to run at all; if not, every sentence of every region is
    /// tried with every template.
    pub(super) fn runs(&self) -> bool {
        self.searcher.is_some()
    }

    /// Whether some template is skipped in the sentences that lack its anchors.
    pub(super) fn is_active(&self) -> bool {
        self.searcher.is_some() && self.per_template && self.templates.iter().any(|needed| !needed.is_empty())
    }

    /// Which of the `count` templates (in rule order) the three steps let the matcher try on
    /// `text`, taken as one block of prose.
    pub(super) fn admitted_in(&self, text: &str, count: usize) -> Vec<bool> {
        if !self.runs() {
            return vec![true; count];
        }
        let lowercase = text.to_ascii_lowercase().into_bytes();
        let mut buffers = Buffers::default();
        let whole = 0..text.len();
        if self.gate(&lowercase, whole.clone(), &mut buffers)
            && self.scan_block(&lowercase, whole.clone(), &mut buffers)
            && self.admits(&lowercase, whole, &mut buffers)
        {
            buffers.admitted
        } else {
            vec![false; count]
        }
    }

    /// Step 1 for one region of prose: whether some template's gate anchor occurs in it. Leaves
    /// the starts of the gate's hits in `buffers.gate_hits`, sorted: the first of each line
    /// that has one.
    pub(super) fn gate(&self, lowercase: &[u8], region: Range<usize>, buffers: &mut Buffers) -> bool {
        buffers.gate_hits.clear();
        let Some(gate) = &self.gate else {
            return true;
        };
        // Steps 2 and 3 only ask whether a block has a hit, and a block starts at a line: after
        // a hit, the rest of its line is skipped (a news paragraph is often one long line).
        let mut from = region.start;
        while from < region.end {
            let mut found = None;
            gate.scan(lowercase, from..region.end, |start, _| {
                found = Some(start);
                false
            });
            let Some(start) = found else {
                break;
            };
            buffers.gate_hits.push(start);
            from = memchr::memchr2(b'\n', b'\r', &lowercase[start..region.end]).map_or(region.end, |at| start + at);
        }
        // Only a block longer than this can hold a sentence cut inside a word, which may start
        // with an anchor right after a letter (see `admits`).
        !buffers.gate_hits.is_empty() || region.len() > segment::MAX_SENTENCE_BYTES
    }

    /// Step 2 for one block of a region that passed the gate: whether the gate found a hit in
    /// it; if so, the block's hits (start, pattern of the full automaton), sorted by start,
    /// are left in `buffers.hits`.
    pub(super) fn scan_block(&self, lowercase: &[u8], block: Range<usize>, buffers: &mut Buffers) -> bool {
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
    pub(super) fn admits(&self, lowercase: &[u8], range: Range<usize>, buffers: &mut Buffers) -> bool {
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
        if !any && !self.anchorless {
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

/// The gate's `patterns` (sorted, prefix-free), made few enough for the SIMD searcher if they
/// are not: while there are more than [`GATE_PATTERNS`], the patterns that share the longest
/// prefix (of at least [`MIN_ANCHOR_BYTES`]) give way to it ("monopolies", "monopoly" →
/// "monopol"). The gate stays exact: text that holds a pattern holds its prefix at the same
/// offset, so no block with a hit loses it; it only lets a few more blocks through to step 2,
/// which is exact on its own. If no such merges get the patterns under the limit they are left
/// as they are.
fn fit_gate(patterns: Vec<String>) -> Vec<String> {
    if patterns.len() <= GATE_PATTERNS || patterns.len() > GATE_MERGE_LIMIT {
        return patterns;
    }
    // Bytes of the characters two patterns start with alike.
    let shared = |a: &str, b: &str| -> usize {
        a.chars()
            .zip(b.chars())
            .take_while(|(x, y)| x == y)
            .map(|(x, _)| x.len_utf8())
            .sum()
    };
    let mut merged = patterns.clone();
    while merged.len() > GATE_PATTERNS {
        // Sorted, so the patterns with a given prefix are adjacent, and the longest prefix two
        // of them share is that of two neighbours.
        let Some((at, length)) = merged
            .windows(2)
            .enumerate()
            .map(|(at, pair)| (at, shared(&pair[0], &pair[1])))
            .filter(|&(_, length)| length >= MIN_ANCHOR_BYTES)
            .max_by_key(|&(at, length)| (length, std::cmp::Reverse(at)))
        else {
            return patterns;
        };
        let prefix = merged[at][..length].to_owned();
        let end = at + merged[at..].iter().take_while(|form| form.starts_with(&prefix)).count();
        merged.splice(at..end, [prefix]);
    }
    merged
}

/// The most common words of English news, most common first (see the file's head).
const COMMON_WORDS: &str = include_str!("common-words.txt");

/// How often, about, a word of news starts with one of `forms`: the sum of 1/rank over the
/// [`COMMON_WORDS`] that do (Zipf's law), scaled to an integer. Zero for rarer words, and for
/// any language other than English, where the length rule alone decides.
fn commonness(forms: &[String]) -> u64 {
    COMMON_WORDS
        .lines()
        .filter(|line| !line.starts_with('#'))
        .enumerate()
        .filter(|(_, word)| forms.iter().any(|form| word.starts_with(form.as_str())))
        .map(|(rank, _)| 1_000_000 / (rank as u64 + 1))
        .sum()
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
pub(super) struct Buffers {
    /// Where the gate's hits in the current region start, sorted.
    gate_hits: Vec<usize>,
    /// The current block's hits: (start, pattern of the full automaton), by start.
    hits: Vec<(usize, usize)>,
    /// Patterns found by a sentence's own search.
    own: Vec<usize>,
    /// Per anchor: whether it was found.
    present: Vec<bool>,
    /// Per template (in rule order): whether all its anchors were found.
    pub(super) admitted: Vec<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Article;

    /// `count` words that share long prefixes in runs of ten: `holdoutaa` … `holdoutgj`.
    fn numbered(count: usize) -> Vec<String> {
        (0..count as u8)
            .map(|index| {
                let letters = [b'a' + index / 10, b'a' + index % 10];
                format!("holdout{}", String::from_utf8_lossy(&letters))
            })
            .collect()
    }

    #[test]
    fn a_gate_within_the_limit_is_left_as_it_is() {
        let patterns = numbered(GATE_PATTERNS);
        assert_eq!(fit_gate(patterns.clone()), patterns);
    }

    #[test]
    fn a_wide_gate_gives_way_to_its_longest_shared_prefixes() {
        let patterns = numbered(70);
        let merged = fit_gate(patterns.clone());
        assert!(merged.len() <= GATE_PATTERNS, "{merged:?}");
        // The fewest merges, each of the longest prefix: one run of ten gives way to `holdouta`.
        assert_eq!(merged.len(), 61, "{merged:?}");
        assert_eq!(merged[0], "holdouta");
        for pattern in &patterns {
            assert!(
                merged.iter().any(|kept| pattern.starts_with(kept.as_str())),
                "{pattern} lost"
            );
        }
        assert_eq!(prefix_free(merged.iter().cloned()), merged, "sorted and prefix-free");
    }

    #[test]
    fn a_wide_gate_without_long_shared_prefixes_is_left_as_it_is() {
        // Two letters, then the same two letters again: no two share four bytes.
        let patterns: Vec<String> = (0..70_u8)
            .map(|index| {
                let pair = [b'a' + index / 26, b'a' + index % 26];
                String::from_utf8(pair.repeat(3)).expect("ASCII")
            })
            .collect();
        assert_eq!(fit_gate(patterns.clone()), patterns);
        // Shared prefixes are cut at characters, never inside one: "é" and "è" share their
        // first byte.
        let mut wide: Vec<String> = patterns[..63].to_vec();
        wide.extend(["dépéche".to_owned(), "dépèche".to_owned()]);
        wide.sort();
        let merged = fit_gate(wide);
        assert_eq!(merged.len(), GATE_PATTERNS);
        assert!(merged.contains(&"dép".to_owned()), "{merged:?}");
    }

    /// A template whose rarest word has 70 forms: the gate still fits the SIMD searcher, and
    /// the claims are those of the unfiltered matcher, near misses of a shared prefix included.
    #[test]
    fn a_wide_gate_fits_the_simd_searcher_and_stays_exact() {
        let forms = numbered(70).join("|");
        let source = format!(
            "[lexicon.country.entries]\nrussia = [\"Russia\"]\nchina = [\"China\"]\n\
             [[rule]]\nid = \"r\"\nkind = \"k\"\ncompare = \"quantity\"\n\
             patterns = [\"{{subject:country}} ({forms}) with {{value:quantity}}\"]\n"
        );
        let rules = crate::rules::load_sources(&[("t.toml".into(), source)]).expect("rules load");
        let anchors = Anchors::new(&rules);
        let gate = anchors.gate.as_ref().expect("a gate apart from the full automaton");
        assert!(gate.automaton.patterns_len() <= GATE_PATTERNS);
        let text = "Russia holdoutah with 5 tonnes.\n\nChina holdouth with 3 tonnes.\n\n\
                    China holdouta with 4 tonnes.\n\nNothing here at all.\n\nRussia holdoutgf with 2 tonnes.";
        let matcher = super::super::Matcher::new(&rules);
        assert!(matcher.prefilter_is_active());
        let article = Article::plain("wide.txt", text);
        let claims = matcher.extract(&article);
        assert_eq!(claims.len(), 2, "{claims:#?}");
        assert_eq!(claims, matcher.extract_unfiltered(&article));
        assert_eq!(matcher.templates_tried("China holdouta with 4 tonnes."), vec![false]);
    }

    /// The gate looks for the anchor that common words start with least: "holder", not
    /// "imports", which "important" and "import" start as well, though it is the longer word.
    #[test]
    fn the_gate_looks_for_the_anchor_common_words_start_with_least() {
        assert!(commonness(&["import".to_owned()]) > commonness(&["holder".to_owned()]));
        assert_eq!(commonness(&["zyxwvu".to_owned()]), 0);
        let source = "[lexicon.country.entries]\nrussia = [\"Russia\"]\n\
                      [[rule]]\nid = \"r\"\nkind = \"k\"\ncompare = \"quantity\"\n\
                      patterns = [\"{subject:country} holder of imports worth {value:quantity}\"]\n";
        let rules = crate::rules::load_sources(&[("t.toml".into(), source.to_owned())]).expect("rules load");
        let anchors = Anchors::new(&rules);
        let gate = anchors.gate.as_ref().expect("a gate apart from the full automaton");
        let text = b"an important holder of imports";
        let found: Vec<&[u8]> = gate
            .automaton
            .find_iter(text.as_slice())
            .map(|hit| &text[hit.range()])
            .collect();
        assert_eq!(found, [b"holder".as_slice()]);
    }
}
