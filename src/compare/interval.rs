//! Intervals and the sweep that splits them into clusters of mutually compatible claims.
//!
//! Two claims are compatible when their (widened) intervals overlap. Sorting by lower bound and
//! keeping the running intersection of the current cluster gives clusters that share a common
//! point, hence are mutually compatible (intervals on a line: pairwise overlap ⇔ common point),
//! in O(n log n) instead of comparing all pairs.

use std::ops::Range;

use crate::claim::{Bound, Claim, Quantity};
use crate::finding::ComparePolicy;

/// One claim's interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Item {
    /// Claim index.
    pub(crate) claim: usize,
    /// Lowest value allowed (may be -∞).
    pub(crate) low: f64,
    /// Highest value allowed (may be +∞).
    pub(crate) high: f64,
}

/// A quantity's interval in its canonical unit: `[low, high]` (an open side is unbounded; a
/// missing side of an exact, approximate or range figure is its value), widened by the
/// `approximate` margin for "about" figures, then by `max(relative·|value|, absolute)`.
///
/// As news means them, "up to X"/"as much as X" state the figure X as a maximum: unless the
/// rule asks for strict bounds, their interval is `[X·(1 − 3·approximate), X]` (70–100% of X by
/// default), so a figure far below X conflicts with them.
///
/// `stated_maximum` says whether the figure's sentence states it so (see [`stated_maximum`]).
pub(crate) fn quantity(claim: usize, quantity: &Quantity, policy: &ComparePolicy, stated_maximum: bool) -> Item {
    let value = quantity.value;
    let low = if quantity.bound == Bound::AtMost && !policy.strict_bounds && stated_maximum {
        value - 3.0 * policy.approximate * value.abs()
    } else {
        quantity.low.unwrap_or(match quantity.bound {
            Bound::AtMost | Bound::LessThan => f64::NEG_INFINITY,
            _ => value,
        })
    };
    let high = quantity.high.unwrap_or(match quantity.bound {
        Bound::AtLeast | Bound::MoreThan => f64::INFINITY,
        _ => value,
    });
    let mut margin = (policy.relative * value.abs()).max(policy.absolute);
    if quantity.bound == Bound::Approximate {
        margin += policy.approximate * value.abs();
    }
    Item {
        claim,
        low: low - margin,
        high: high + margin,
    }
}

/// Whether an "at most" figure is stated as a maximum reached ("up to 30 million tonnes", "as
/// much as $2 billion") rather than as a strict bound ("at most", "no more than"): the words
/// right before the figure in its sentence (or at the start of its own text) say so.
pub(crate) fn stated_maximum(claim: &Claim, quantity: &Quantity) -> bool {
    const CUES: [&str; 5] = ["up to", "as much as", "as many as", "as high as", "as large as"];
    if quantity.bound != Bound::AtMost {
        return false;
    }
    let ends_with = |text: &str| {
        let text = text.trim_end();
        CUES.iter().any(|cue| {
            text.len() >= cue.len()
                && text.is_char_boundary(text.len() - cue.len())
                && text[text.len() - cue.len()..].eq_ignore_ascii_case(cue)
        })
    };
    let starts_with = |text: &str| {
        CUES.iter()
            .any(|cue| text.get(..cue.len()).is_some_and(|head| head.eq_ignore_ascii_case(cue)))
    };
    if starts_with(quantity.text.trim_start()) {
        return true;
    }
    let sentence = claim.evidence.sentence.as_str();
    let Some(offset) = claim
        .evidence
        .span
        .start
        .checked_sub(claim.evidence.sentence_span.start)
    else {
        return false;
    };
    sentence
        .get(offset..)
        .and_then(|rest| rest.find(quantity.text.as_str()))
        .and_then(|at| sentence.get(..offset + at))
        .is_some_and(ends_with)
}

/// Sorts `items` by lower bound (then upper bound, then claim) and returns the clusters as
/// ranges into the sorted slice. Every cluster's items share a common point; the first item
/// of each later cluster starts above that common point of the cluster before it.
pub(super) fn sweep(items: &mut [Item]) -> Vec<Range<usize>> {
    items.sort_unstable_by(|left, right| {
        left.low
            .total_cmp(&right.low)
            .then(left.high.total_cmp(&right.high))
            .then(left.claim.cmp(&right.claim))
    });
    let mut clusters = Vec::new();
    let mut start = 0;
    let mut common_high = f64::INFINITY;
    for (position, item) in items.iter().enumerate() {
        if position > start && item.low > common_high {
            clusters.push(start..position);
            start = position;
            common_high = f64::INFINITY;
        }
        common_high = common_high.min(item.high);
    }
    if !items.is_empty() {
        clusters.push(start..items.len());
    }
    clusters
}

/// How two adjacent clusters disagree.
#[derive(Debug, PartialEq)]
pub(super) struct Disagreement {
    /// The quoted pair: an item of the lower cluster and one of the upper that do not overlap.
    pub(super) quoted: [Item; 2],
    /// Every claim of either cluster that disagrees with some claim of the other, quoted pair
    /// first, the rest ascending.
    pub(super) claims: Vec<usize>,
}

/// The disagreement between adjacent clusters `lower` and `upper` (from [`sweep`]), if a
/// quotable pair exists.
///
/// `class` sorts claims into a few classes (bit 0: firm, i.e. neither hedged nor attributed;
/// other bits as the caller likes); the candidates are the item of each class that ends lowest
/// in `lower` and the item of each class that starts lowest in `upper`. Among the candidate
/// pairs that do not overlap and that `accept` takes, the quoted pair is the one with both
/// claims firm, then the smallest gap, then the lowest claims.
pub(super) fn disagreement(
    lower: &[Item],
    upper: &[Item],
    class: impl Fn(usize) -> u8,
    accept: impl Fn([usize; 2]) -> bool,
) -> Option<Disagreement> {
    let mut ends: Vec<(u8, Item)> = Vec::new();
    let mut starts: Vec<(u8, Item)> = Vec::new();
    for item in lower {
        let own = class(item.claim);
        match ends.iter_mut().find(|(other, _)| *other == own) {
            Some((_, best)) if (item.high, item.claim) < (best.high, best.claim) => *best = *item,
            Some(_) => {}
            None => ends.push((own, *item)),
        }
    }
    for item in upper {
        let own = class(item.claim);
        match starts.iter_mut().find(|(other, _)| *other == own) {
            Some((_, best)) if (item.low, item.claim) < (best.low, best.claim) => *best = *item,
            Some(_) => {}
            None => starts.push((own, *item)),
        }
    }
    let quoted = ends
        .iter()
        .flat_map(|low_end| starts.iter().map(move |high_start| (low_end, high_start)))
        .filter(|((_, low_item), (_, high_item))| {
            low_item.high < high_item.low && accept([low_item.claim, high_item.claim])
        })
        .min_by(
            |((left_low_class, left_low), (left_high_class, left_high)),
             ((right_low_class, right_low), (right_high_class, right_high))| {
                let left_firm = left_low_class & left_high_class & 1;
                let right_firm = right_low_class & right_high_class & 1;
                right_firm
                    .cmp(&left_firm)
                    .then((left_high.low - left_low.high).total_cmp(&(right_high.low - right_low.high)))
                    .then((left_low.claim, left_high.claim).cmp(&(right_low.claim, right_high.claim)))
            },
        )
        .map(|((_, low_item), (_, high_item))| [*low_item, *high_item])?;
    // An item of the lower cluster disagrees with the upper one iff it ends below the upper's
    // highest start (upper items never end below a lower item's start: they start after it).
    let upper_start = upper.iter().map(|item| item.low).fold(f64::NEG_INFINITY, f64::max);
    let lower_end = lower.iter().map(|item| item.high).fold(f64::INFINITY, f64::min);
    let mut rest: Vec<usize> = lower
        .iter()
        .filter(|item| item.high < upper_start)
        .chain(upper.iter().filter(|item| item.low > lower_end))
        .map(|item| item.claim)
        .filter(|&claim| claim != quoted[0].claim && claim != quoted[1].claim)
        .collect();
    rest.sort_unstable();
    rest.dedup();
    let mut claims = vec![quoted[0].claim, quoted[1].claim];
    claims.extend(rest);
    Some(Disagreement { quoted, claims })
}

#[cfg(test)]
mod tests {
    use super::{Item, disagreement, sweep};

    fn item(claim: usize, low: f64, high: f64) -> Item {
        Item { claim, low, high }
    }

    #[test]
    fn sweep_splits_at_gaps_and_keeps_a_common_point() {
        let mut items = vec![
            item(0, 0.0, 10.0),
            item(1, 1.0, 2.0),
            item(2, 5.0, 6.0),
            item(3, 5.5, 7.0),
        ];
        let clusters = sweep(&mut items);
        assert_eq!(clusters, vec![0..2, 2..4]);
        let found = disagreement(&items[0..2], &items[2..4], |_| 1, |_| true).expect("a gap");
        // Claim 0 (0..10) agrees with both sides, so it is not involved.
        assert_eq!(found.claims, vec![1, 2, 3]);
    }

    #[test]
    fn firm_claims_are_quoted_first() {
        let mut items = vec![item(0, 1.0, 2.0), item(1, 1.5, 3.0), item(2, 5.0, 6.0)];
        let clusters = sweep(&mut items);
        assert_eq!(clusters.len(), 2);
        let found = disagreement(&items[0..2], &items[2..3], |claim| u8::from(claim != 0), |_| true).expect("a gap");
        assert_eq!(found.claims, vec![1, 2, 0]);
    }
}
