//! Signed changes within one value group: "output fell 5%" against "output rose 2%" (the
//! directions disagree), against "output fell 9%" (the magnitudes do not overlap), or against
//! "output fell to 4 million tonnes" and "… to 6 million tonnes" (the figures after disagree).
//!
//! Decisions: a direction alone ("output fell") agrees with any change in that direction; a
//! magnitude is compared only with one of the same kind (a percentage with a percentage,
//! "doubled" counting as +100%, tonnes with tonnes); figures before and after are compared as
//! quantities are, with the loosest tolerance of the rules involved. Changes in different
//! years are different changes (the group's year slices keep them apart), and a disagreement
//! between editions of one source is a revision, as for quantities.

use std::borrow::Cow;

use super::changes::revision;
use super::interval::{self, Item};
use super::values::{Group, asserted};
use super::{Context, Slice, phrase};
use crate::claim::{Quantity, Value};
use crate::finding::{ConflictKind, Finding, FindingKind, Severity};
use crate::value::{Change, Direction};

/// The findings of the signed changes of `slice`.
pub(super) fn signed_changes(
    context: &Context<'_>,
    group: &Group<'_>,
    slice: &Slice,
    findings: &mut Vec<Finding>,
    overlaps: &mut Vec<Finding>,
) {
    let by_direction = asserted(context, &slice.members, |value| match value {
        Value::Change(change) => Some(change.direction),
        _ => None,
    });
    if let (Some(up), Some(down)) = (by_direction.get(&Direction::Up), by_direction.get(&Direction::Down)) {
        let all: Vec<usize> = up.iter().chain(down).copied().collect();
        if slice.reports(context, &all) {
            let quoted = [context.representative(up), context.representative(down)];
            let claims = super::quoted_first(&quoted, all);
            if let Some(change) = revision(context, group, &quoted, &claims) {
                findings.push(change);
            } else {
                let reason = format!(
                    "{} {} given as a rise, {}, and as a fall, {}",
                    group.described,
                    phrase::be(group.kind),
                    describe(context, quoted[0]),
                    describe(context, quoted[1]),
                );
                let key = group.key(context, slice, &claims);
                findings.push(context.conflict(ConflictKind::Change, key, reason, &quoted, claims));
            }
            return;
        }
    }
    for claims in by_direction.values() {
        if let Some(conflict) = disagreement(context, group, slice, claims) {
            findings.push(conflict);
        } else if context.article_count(claims) >= 2 && slice.reports(context, claims) {
            let representative = context.representative(claims);
            let reason = group.agree(context.article_count(claims), &describe(context, representative));
            let key = group.key(context, slice, claims);
            let mut ordered = vec![representative];
            ordered.extend(claims.iter().copied().filter(|&index| index != representative));
            overlaps.push(context.finding(FindingKind::Overlap, Severity::Info, key, reason, ordered));
        }
    }
}

fn change_of<'a>(context: &Context<'a>, index: usize) -> &'a Change {
    match &context.claims[index].value {
        Value::Change(change) => change,
        _ => unreachable!("only change claims are compared here"),
    }
}

/// `"fell 5%" (a fall of 5%)`, with the speaker or hedge when not plain.
fn describe(context: &Context<'_>, index: usize) -> String {
    let change = change_of(context, index);
    context.quote_with(index, &change.text, &change.reason_text())
}

/// One part of a change: (what and unit, the noun a count counts, interval).
type Part<'a> = (String, Option<Cow<'a, str>>, Item);

/// Which part of two changes of one direction disagree, if any: (what, interval of each).
fn parts<'a>(context: &Context<'a>, policy: &crate::finding::ComparePolicy, index: usize) -> [Option<Part<'a>>; 3] {
    let change = change_of(context, index);
    let figure = |quantity: &'a Option<Quantity>, part: &str| {
        quantity.as_ref().map(|quantity| {
            (
                format!("{part}:{}", quantity.unit),
                quantity.measure().noun,
                interval::quantity(index, quantity, policy, false),
            )
        })
    };
    let magnitude = match change.percent() {
        Some((low, high)) => {
            let margin = policy.relative * high.abs();
            Some((
                "by:%".to_string(),
                None,
                Item {
                    claim: index,
                    low: low - margin,
                    high: high + margin,
                },
            ))
        }
        None => figure(&change.by, "by"),
    };
    [magnitude, figure(&change.from, "from"), figure(&change.to, "to")]
}

/// The first pair of `claims` (one direction) whose magnitudes, or figures before or after,
/// do not overlap, as a conflict (or a revision).
fn disagreement(context: &Context<'_>, group: &Group<'_>, slice: &Slice, claims: &[usize]) -> Option<Finding> {
    let policy = context.loosest(claims);
    let all: Vec<[Option<Part<'_>>; 3]> = claims.iter().map(|&index| parts(context, &policy, index)).collect();
    for (position, first) in all.iter().enumerate() {
        for (offset, second) in all[position + 1..].iter().enumerate() {
            let disjoint = first.iter().zip(second).any(|pair| match pair {
                // Counts of two different nouns are different measures.
                (Some((what, noun, left)), Some((other, other_noun, right))) => {
                    what == other
                        && (noun.is_none() || other_noun.is_none() || noun == other_noun)
                        && (left.high < right.low || right.high < left.low)
                }
                _ => false,
            });
            let quoted = [claims[position], claims[position + 1 + offset]];
            if !disjoint || !slice.reports(context, &quoted) {
                continue;
            }
            let claims = super::quoted_first(&quoted, claims.iter().copied());
            if let Some(change) = revision(context, group, &quoted, &claims) {
                return Some(change);
            }
            let reason = format!(
                "{} {} given as {} and {}, which do not overlap {}",
                group.described,
                phrase::be(group.kind),
                describe(context, quoted[0]),
                describe(context, quoted[1]),
                phrase::tolerance(&policy, "%"),
            );
            let key = group.key(context, slice, &claims);
            return Some(context.conflict(ConflictKind::Change, key, reason, &quoted, claims));
        }
    }
    None
}
