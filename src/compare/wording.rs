//! Shared wording: near-identical sentences of claims that share a value group, across
//! articles.
//!
//! Only sentences of one group are compared (never all sentence pairs of the corpus). Pairs are
//! pruned soundly before the exact similarity: `strsim::normalized_levenshtein(a, b) ≥ t` means
//! an edit distance of at most `k = (1 − t)·max(len)` characters, which rules out pairs whose
//! lengths differ by more than `k` (sorted by length, a sliding window) and pairs whose
//! bag-of-characters distance (a lower bound of the edit distance, here over 32 buckets)
//! exceeds `k`; the survivors get a banded edit distance that gives up as soon as it exceeds
//! `k` (Ukkonen), which equals `strsim::levenshtein` whenever it is within `k`.

use super::Context;
use crate::finding::{Finding, FindingKind, Severity};

const BUCKETS: usize = 32;

/// One distinct sentence of the group.
struct Sentence<'a> {
    claim: usize,
    article: u32,
    text: &'a str,
    /// Whether `text` is ASCII (then characters are bytes).
    ascii: bool,
    /// Length in characters.
    length: usize,
    histogram: [u16; BUCKETS],
}

/// Appends a shared-wording finding per pair of near-identical sentences of different
/// articles among the claims of `members` (when the policy enables the check).
pub(super) fn check(context: &Context<'_>, members: &[usize], findings: &mut Vec<Finding>) {
    let Some(threshold) = context.policy.shared_wording else {
        return;
    };
    let mut distinct: Vec<(u32, crate::claim::Span, usize)> = members
        .iter()
        .map(|&index| {
            (
                context.articles[index],
                context.claims[index].evidence.sentence_span,
                index,
            )
        })
        .collect();
    distinct.sort_unstable();
    distinct.dedup_by_key(|(article, span, _)| (*article, *span));
    if distinct.len() < 2 || distinct.iter().all(|entry| entry.0 == distinct[0].0) {
        return;
    }
    let mut sentences: Vec<Sentence<'_>> = distinct
        .iter()
        .filter_map(|&(article, _, claim)| {
            let text = context.claims[claim].evidence.sentence.as_str();
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
                claim,
                article,
                text,
                ascii,
                length,
                histogram,
            })
        })
        .collect();
    sentences.sort_unstable_by_key(|sentence| (sentence.length, sentence.article, sentence.claim));

    for (position, longer) in sentences.iter().enumerate() {
        let budget = (1.0 - threshold) * longer.length as f64;
        for shorter in sentences[..position].iter().rev() {
            if (longer.length - shorter.length) as f64 > budget {
                break;
            }
            if shorter.article == longer.article || bag_distance(shorter, longer) as f64 > budget {
                continue;
            }
            let budget_edits = budget.floor() as usize;
            let distance = if shorter.text == longer.text {
                Some(0)
            } else if shorter.ascii && longer.ascii {
                bounded_levenshtein(shorter.text.as_bytes(), longer.text.as_bytes(), budget_edits)
            } else {
                let shorter: Vec<char> = shorter.text.chars().collect();
                let longer: Vec<char> = longer.text.chars().collect();
                bounded_levenshtein(&shorter, &longer, budget_edits)
            };
            let similarity = distance.map(|distance| 1.0 - distance as f64 / longer.length as f64);
            if let Some(similarity) = similarity.filter(|&similarity| similarity >= threshold) {
                findings.push(finding(context, shorter.claim, longer.claim, similarity));
            }
        }
    }
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

fn finding(context: &Context<'_>, left: usize, right: usize, similarity: f64) -> Finding {
    let (first, second) = (left.min(right), left.max(right));
    let how = if similarity >= 1.0 {
        "identical sentences".to_owned()
    } else {
        format!("near-identical sentences ({}% similar)", (similarity * 100.0).floor())
    };
    let reason = format!(
        "{} and {} contain {how}, which suggests copied text",
        context.claims[first].evidence.path, context.claims[second].evidence.path
    );
    let key = context.key(first, context.claims[first].scope.year, true);
    context.finding(
        FindingKind::SharedWording,
        Severity::Info,
        key,
        reason,
        vec![first, second],
    )
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
