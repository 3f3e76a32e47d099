//! Shared wording: near-identical sentences of claims across articles, reported once per group
//! of articles that share a sentence, never pairwise.
//!
//! Sentences are first made distinct by their text (each hashed in parallel, then one lookup of
//! the hash per claim, the words compared again only where a hash repeats), so 50 copies of a
//! wire story are one text found in 50 articles: a single finding, whatever the number of
//! copies. Near-identical texts are then looked for only among the distinct texts of
//! claims that share a value group (never all sentence pairs of the corpus), and joined with a
//! union-find; each joined set of texts found in two or more articles is one finding. Pairs are
//! pruned soundly before the exact similarity: `strsim::normalized_levenshtein(a, b) ≥ t` means
//! an edit distance of at most `k = (1 − t)·max(len)` characters, which rules out pairs whose
//! lengths differ by more than `k` (sorted by length, a sliding window) and pairs whose
//! bag-of-characters distance (a lower bound of the edit distance, here over 32 buckets)
//! exceeds `k`; the survivors get a banded edit distance that gives up as soon as it exceeds
//! `k` (Ukkonen), which equals `strsim::levenshtein` whenever it is within `k`.

use rayon::prelude::*;

use std::hash::{BuildHasher, BuildHasherDefault};

use super::{Context, FxHasher, FxMap};
use crate::claim::Claim;
use crate::finding::{Finding, FindingKind, Severity};

const BUCKETS: usize = 32;

/// The text number of a claim read from a table row or list item: two editions of one chart
/// repeat rows such as "| 1 | China | 44,000,000 |", which is data, not copied prose. (A
/// parenthetical figure sits in a sentence, which can be copied.)
const NOT_PROSE: u32 = u32::MAX;

/// The end of a chain of texts with the same hash.
const LAST: u32 = u32::MAX;

/// One distinct sentence text of a value group.
struct Sentence<'a> {
    /// Number of the distinct text.
    text_id: u32,
    text: &'a str,
    /// Whether `text` is ASCII (then characters are bytes).
    ascii: bool,
    /// Length in characters.
    length: usize,
    histogram: [u16; BUCKETS],
}

/// The distinct sentence texts of the corpus's claims: each claim's text number, and per text
/// its first claim in each article (ascending).
struct Texts<'a> {
    distinct: Vec<&'a str>,
    /// Text number of each claim; `NOT_PROSE` for a claim read from a table row or list item.
    of_claim: Vec<u32>,
    /// Per text: (article, first claim of that article with this sentence text).
    places: Places,
}

fn texts<'a>(context: &Context<'a>) -> Texts<'a> {
    let prose = |claim: &Claim| claim.cell.as_ref().is_none_or(|cell| cell.structure == "parenthetical");
    // Each sentence is hashed in parallel, and only the hashes are looked up one by one: a
    // sentence's words are read again only to confirm a repeat (a text whose hash was seen).
    let hasher = BuildHasherDefault::<FxHasher>::default();
    let hashes: Vec<u64> = context
        .claims
        .par_iter()
        .map(|claim| {
            if prose(claim) {
                hasher.hash_one(claim.evidence.sentence.as_str())
            } else {
                0
            }
        })
        .collect();
    // The first text of each hash, and after each text the next one of the same hash.
    let mut first: FxMap<u64, u32> =
        FxMap::with_capacity_and_hasher(context.claims.len(), BuildHasherDefault::default());
    let mut same_hash: Vec<u32> = Vec::new();
    let mut texts: Vec<&str> = Vec::new();
    let mut places = Places::default();
    let mut of_claim = Vec::with_capacity(context.claims.len());
    let mut previous: Option<(u64, &str, u32)> = None;
    for ((index, claim), hash) in context.claims.iter().enumerate().zip(hashes) {
        if !prose(claim) {
            of_claim.push(NOT_PROSE);
            continue;
        }
        let text = claim.evidence.sentence.as_str();
        let same = |known: &str| std::ptr::eq(known, text) || known == text;
        let article = context.articles[index];
        let number = match previous {
            // A sentence's claims are consecutive: most repeats are the claim before.
            Some((known_hash, known, number)) if known_hash == hash && same(known) => number,
            _ => {
                let next = u32::try_from(texts.len()).expect("fewer than 2^32 sentences");
                let mut number = *first.entry(hash).or_insert(next);
                if number != next {
                    // Walk the texts of this hash; a new one goes at the end of the chain.
                    loop {
                        if same(texts[number as usize]) {
                            break;
                        }
                        match same_hash[number as usize] {
                            LAST => {
                                same_hash[number as usize] = next;
                                number = next;
                                break;
                            }
                            later => number = later,
                        }
                    }
                }
                if number == next {
                    texts.push(text);
                    same_hash.push(LAST);
                    places.first.push((article, index));
                }
                number
            }
        };
        previous = Some((hash, text, number));
        of_claim.push(number);
        places.add(number, article, index);
    }
    Texts {
        distinct: texts,
        of_claim,
        places,
    }
}

/// Per distinct text, the (article, first claim of that article with the text) places: the
/// first inline, the others apart, as most texts are found in one article only.
#[derive(Default)]
struct Places {
    first: Vec<(u32, usize)>,
    others: FxMap<u32, Vec<(u32, usize)>>,
}

impl Places {
    /// Records claim `index` of `article` as a place of `text`, whose first place is known.
    fn add(&mut self, text: u32, article: u32, index: usize) {
        let first = self.first[text as usize];
        let last = self
            .others
            .get(&text)
            .and_then(|others| others.last())
            .unwrap_or(&first);
        // Claims come sorted by article: one article's claims are consecutive.
        if last.0 != article {
            self.others.entry(text).or_default().push((article, index));
        }
    }

    /// The number of articles `text` is found in.
    fn count(&self, text: u32) -> usize {
        1 + self.others.get(&text).map_or(0, Vec::len)
    }

    /// The places of `text`, by article.
    fn of(&self, text: u32) -> impl Iterator<Item = (u32, usize)> + '_ {
        std::iter::once(self.first[text as usize]).chain(self.others.get(&text).into_iter().flatten().copied())
    }
}

/// Appends one shared-wording finding per group of articles that share a sentence (identical
/// or near-identical), when the policy enables the check.
pub(super) fn check_all(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let Some(threshold) = context.policy.shared_wording else {
        return;
    };
    let texts = texts(context);
    // Near-identical distinct texts within each value group, joined.
    let links: Vec<(u32, u32, f64)> = context
        .value_groups
        .par_iter()
        .filter(|members| members.len() > 1)
        .flat_map_iter(|members| similar(&texts, members, threshold))
        .collect();
    let mut parent: Vec<u32> = (0..texts.distinct.len() as u32).collect();
    let mut least: Vec<f64> = vec![1.0; texts.distinct.len()];
    let mut linked: Vec<bool> = vec![false; texts.distinct.len()];
    for (left, right, similarity) in links {
        linked[left as usize] = true;
        linked[right as usize] = true;
        let (left, right) = (root(&mut parent, left), root(&mut parent, right));
        let lowest = least[left as usize].min(least[right as usize]).min(similarity);
        if left != right {
            let (keep, join) = (left.min(right), left.max(right));
            parent[join as usize] = keep;
        }
        let keep = left.min(right) as usize;
        least[keep] = lowest;
    }
    let mut groups: FxMap<u32, Vec<u32>> = FxMap::default();
    for text in 0..texts.distinct.len() as u32 {
        if texts.places.count(text) > 1 || linked[text as usize] {
            let top = root(&mut parent, text);
            groups.entry(top).or_default().push(text);
        }
    }
    for (top, members) in groups {
        // First claim per article over the joined texts.
        let mut places: Vec<(u32, usize)> = members.iter().flat_map(|&text| texts.places.of(text)).collect();
        places.sort_unstable();
        places.dedup_by_key(|place| place.0);
        if places.len() < 2 {
            continue;
        }
        let claims: Vec<usize> = places.iter().map(|&(_, claim)| claim).collect();
        findings.push(finding(context, claims, least[top as usize]));
    }
}

/// The root of `node` in the union-find `parent`, halving the path on the way.
fn root(parent: &mut [u32], mut node: u32) -> u32 {
    while parent[node as usize] != node {
        let up = parent[parent[node as usize] as usize];
        parent[node as usize] = up;
        node = up;
    }
    node
}

/// Pairs of distinct, near-identical texts among the sentences of `members` (one value group).
fn similar(texts: &Texts<'_>, members: &[usize], threshold: f64) -> Vec<(u32, u32, f64)> {
    let mut distinct: Vec<u32> = members
        .iter()
        .map(|&index| texts.of_claim[index])
        .filter(|&text| text != NOT_PROSE)
        .collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut links = Vec::new();
    if distinct.len() < 2 {
        return links;
    }
    let mut sentences: Vec<Sentence<'_>> = distinct
        .iter()
        .filter_map(|&text_id| {
            let text = texts.distinct[text_id as usize];
            let ascii = text.is_ascii();
            // Counted wide, then saturated to the stored width.
            let mut wide = [0_usize; BUCKETS];
            let mut count = |character: usize| wide[character % BUCKETS] += 1;
            let length = if ascii {
                text.bytes().for_each(|byte| count(usize::from(byte)));
                text.len()
            } else {
                let mut length = 0;
                for character in text.chars() {
                    count(character as usize);
                    length += 1;
                }
                length
            };
            let histogram = wide.map(|count| u16::try_from(count).unwrap_or(u16::MAX));
            (length > 0).then_some(Sentence {
                text_id,
                text,
                ascii,
                length,
                histogram,
            })
        })
        .collect();
    sentences.sort_unstable_by_key(|sentence| (sentence.length, sentence.text_id));

    for (position, longer) in sentences.iter().enumerate() {
        let budget = (1.0 - threshold) * longer.length as f64;
        for shorter in sentences[..position].iter().rev() {
            if (longer.length - shorter.length) as f64 > budget {
                break;
            }
            if bag_distance(shorter, longer) as f64 > budget {
                continue;
            }
            let budget_edits = budget.floor() as usize;
            let distance = if shorter.ascii && longer.ascii {
                bounded_levenshtein(shorter.text.as_bytes(), longer.text.as_bytes(), budget_edits)
            } else {
                let shorter: Vec<char> = shorter.text.chars().collect();
                let longer: Vec<char> = longer.text.chars().collect();
                bounded_levenshtein(&shorter, &longer, budget_edits)
            };
            let similarity = distance.map(|distance| 1.0 - distance as f64 / longer.length as f64);
            if let Some(similarity) = similarity.filter(|&similarity| similarity >= threshold) {
                links.push((shorter.text_id, longer.text_id, similarity));
            }
        }
    }
    links
}

/// The Levenshtein distance of `shorter` and `longer` (in characters, as `strsim::levenshtein`)
/// if it is at most `limit`, computed in the diagonal band `|i − j| ≤ limit` and abandoned as
/// soon as a whole row exceeds `limit`.
fn bounded_levenshtein<T: PartialEq>(shorter: &[T], longer: &[T], limit: usize) -> Option<usize> {
    const FAR: usize = usize::MAX / 2;
    let width = longer.len();
    if width - shorter.len() > limit {
        return None;
    }
    let mut previous = vec![FAR; width + 1];
    let mut current = vec![FAR; width + 1];
    for (column, cell) in previous.iter_mut().enumerate().take(limit.min(width) + 1) {
        *cell = column;
    }
    for (row, character) in shorter.iter().enumerate() {
        let row = row + 1;
        let first = row.saturating_sub(limit).max(1);
        let last = (row + limit).min(width);
        current[first - 1] = if first == 1 { row } else { FAR };
        let mut best = current[first - 1];
        for column in first..=last {
            let substitution = previous[column - 1] + usize::from(longer[column - 1] != *character);
            let value = substitution.min(previous[column] + 1).min(current[column - 1] + 1);
            current[column] = value;
            best = best.min(value);
        }
        if last < width {
            current[last + 1] = FAR;
        }
        if best > limit {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[width]).filter(|&distance| distance <= limit)
}

/// A lower bound of the edit distance: characters (by bucket) one side has in excess.
fn bag_distance(left: &Sentence<'_>, right: &Sentence<'_>) -> usize {
    // Branch-free over the fixed-size histograms, so that it compiles to vector code.
    let (mut surplus, mut deficit) = (0_u32, 0_u32);
    for (&ours, &theirs) in left.histogram.iter().zip(&right.histogram) {
        surplus += u32::from(ours.saturating_sub(theirs));
        deficit += u32::from(theirs.saturating_sub(ours));
    }
    surplus.max(deficit) as usize
}

/// One finding for the articles of `claims` (one claim per article, ascending), whose
/// sentences are at least `similarity` alike.
fn finding(context: &Context<'_>, claims: Vec<usize>, similarity: f64) -> Finding {
    let how = if similarity >= 1.0 {
        "identical sentences".to_owned()
    } else {
        format!("near-identical sentences ({}% similar)", (similarity * 100.0).floor())
    };
    let path = |index: usize| context.claims[index].evidence.path.as_str();
    let reason = if let [first, second] = claims[..] {
        format!(
            "{} and {} contain {how}, which suggests copied text",
            path(first),
            path(second)
        )
    } else {
        const SHOWN: usize = 3;
        let shown: Vec<&str> = claims.iter().take(SHOWN).map(|&index| path(index)).collect();
        format!(
            "{} articles contain {how}, which suggests copied text: {}{}",
            claims.len(),
            shown.join(", "),
            if claims.len() > SHOWN {
                format!(" and {} others", claims.len() - SHOWN)
            } else {
                String::new()
            }
        )
    };
    let first = claims[0];
    let key = context.key(first, context.time(first), true);
    context.finding(FindingKind::SharedWording, Severity::Info, key, reason, claims)
}

#[cfg(test)]
mod tests {
    use super::bounded_levenshtein;

    #[test]
    fn bounded_distance_matches_strsim_within_the_limit() {
        let pairs = [
            ("kitten", "sitting"),
            ("", "abc"),
            ("flaw", "lawn"),
            ("same sentence here.", "same sentence here!"),
            ("China holds 44 Mt of reserves.", "China holds 44 Mt of rare reserves."),
            ("abc", "xyzabc"),
        ];
        for (left, right) in pairs {
            let (shorter, longer) = if left.chars().count() <= right.chars().count() {
                (left, right)
            } else {
                (right, left)
            };
            let shorter: Vec<char> = shorter.chars().collect();
            let longer: Vec<char> = longer.chars().collect();
            let exact = strsim::levenshtein(left, right);
            for limit in 0..10 {
                let expected = (exact <= limit).then_some(exact);
                assert_eq!(
                    bounded_levenshtein(&shorter, &longer, limit),
                    expected,
                    "{left} / {right} / {limit}"
                );
            }
        }
    }
}
