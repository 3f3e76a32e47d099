//! Changes over time within one value group: the same key's figures in different years or
//! editions of one source, and the former figure of a stated revision ("revised down from 18
//! million to 4 million tonnes"), which is a change, never a conflict.

use std::collections::BTreeMap;

use super::interval::{self, Item};
use super::values::{Group, asserted, rank_item};
use super::{Context, phrase, quoted_first};
use crate::claim::{Polarity, Value};
use crate::finding::{Finding, FindingKind, Severity};
use crate::value::quantity::Measure;

/// Disagreeing figures that one source gives in different articles are a revision between
/// editions of that source, not a contradiction: a change (note) rather than a conflict.
pub(super) fn revision(
    context: &Context<'_>,
    group: &Group<'_>,
    quoted: &[usize],
    claims: &[usize],
) -> Option<Finding> {
    let source = context.one_source(quoted)?;
    if context.article_count(quoted) < quoted.len() {
        return None;
    }
    let values: Vec<String> = quoted
        .iter()
        .map(|&index| {
            let shown = match &context.claims[index].value {
                value @ (Value::Quantity(_) | Value::Rank(_)) => value.reason_text(),
                _ => String::new(),
            };
            format!("{shown} ({})", context.claims[index].evidence.path)
        })
        .collect();
    let reason = format!(
        "{}: {source} puts {} at {}, a revision between editions of one source rather than a \
         contradiction (scope: {})",
        group.described,
        if phrase::be(group.kind) == "are" { "them" } else { "it" },
        phrase::list(&values),
        context.scope(quoted),
    );
    let key = context.key(group.first, None, true);
    Some(context.finding(FindingKind::Change, Severity::Info, key, reason, claims.to_vec()))
}

/// Figures their own sentence marks as former ("revised down from 22 million tonnes to 3.5
/// million"): one change per group and figure, naming the words that say so.
pub(super) fn former(context: &Context<'_>, group: &Group<'_>, members: &[usize], findings: &mut Vec<Finding>) {
    let mut by_figure: BTreeMap<(u64, Measure<'_>), Vec<usize>> = BTreeMap::new();
    for &index in members {
        if !context.former[index] || context.claims[index].modality.polarity != Polarity::Asserted {
            continue;
        }
        if let Value::Quantity(quantity) = &context.claims[index].value {
            by_figure
                .entry((quantity.value.to_bits(), group.measures.of(quantity)))
                .or_default()
                .push(index);
        }
    }
    for claims in by_figure.into_values() {
        let first = claims[0];
        let claim = &context.claims[first];
        let Value::Quantity(quantity) = &claim.value else {
            continue;
        };
        let words = super::edition::superseded(claim, &quantity.text).unwrap_or_default();
        let articles = context.article_count(&claims);
        let place = if articles > 1 {
            format!("{} and {} other articles", claim.evidence.path, articles - 1)
        } else {
            claim.evidence.path.to_string()
        };
        let reason = format!(
            "{}: {} is stated as a former figure, revised in the same sentence (\"{words}\" in {place}); \
             not compared as a current one (scope: {})",
            group.described,
            claim.value.reason_text(),
            context.scope(&claims),
        );
        let key = context.key(group.first, context.time(first), true);
        findings.push(context.finding(FindingKind::Change, Severity::Info, key, reason, claims));
    }
}

/// One year's representative value: its largest cluster of compatible claims.
struct YearValue {
    year: i32,
    representative: usize,
    claims: Vec<usize>,
    shown: String,
}

/// Changes over time between consecutive explicit years (dated claims only).
pub(super) fn changes(context: &Context<'_>, group: &Group<'_>, members: &[usize], findings: &mut Vec<Finding>) {
    let dated: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&index| context.time(index).is_some() && context.is_asserted(index))
        .collect();
    if dated.len() < 2 {
        return;
    }
    let year = |index: usize| context.time(index).unwrap_or_default();

    // Quantities per unit and ranks: the largest cluster per year; a change when the
    // representatives of consecutive years do not overlap.
    let measured = asserted(context, &dated, |value| match value {
        Value::Quantity(quantity) if quantity.value.is_finite() => Some(Some(group.measures.of(quantity))),
        Value::Rank(_) => Some(None),
        _ => None,
    });
    for claims in measured.values() {
        let policy = context.loosest(claims);
        let item = |index: usize| match &context.claims[index].value {
            Value::Quantity(quantity) => Some(interval::quantity(index, quantity, &policy, context.maximum[index])),
            Value::Rank(rank) => Some(rank_item(index, rank.best, rank.worst)),
            _ => None,
        };
        let mut by_year: BTreeMap<i32, Vec<Item>> = BTreeMap::new();
        for &index in claims {
            if let Some(item) = item(index) {
                by_year.entry(year(index)).or_default().push(item);
            }
        }
        let mut values = Vec::new();
        for (&year, items) in &mut by_year {
            let clusters = interval::sweep(items);
            let largest = clusters
                .iter()
                .max_by(|left, right| left.len().cmp(&right.len()).then(right.start.cmp(&left.start)))
                .expect("a year has claims");
            let mut claims: Vec<usize> = items[largest.clone()].iter().map(|item| item.claim).collect();
            claims.sort_unstable();
            let representative = context.representative(&claims);
            let shown = match &context.claims[representative].value {
                value @ (Value::Quantity(_) | Value::Rank(_)) => value.reason_text(),
                _ => String::new(),
            };
            values.push(YearValue {
                year,
                representative,
                claims,
                shown,
            });
        }
        for pair in values.windows(2) {
            // Any difference between years is shown, even one within tolerance: a figure that
            // moved from 500,000 t (2023) to 450,000 t (2025) is news, not noise.
            let disagree = match (
                &context.claims[pair[0].representative].value,
                &context.claims[pair[1].representative].value,
            ) {
                (Value::Quantity(before), Value::Quantity(after)) => {
                    (before.value, before.low, before.high, before.bound)
                        != (after.value, after.low, after.high, after.bound)
                }
                (Value::Rank(before), Value::Rank(after)) => (before.best, before.worst) != (after.best, after.worst),
                _ => false,
            };
            if disagree {
                findings.push(change(context, group, &pair[0], &pair[1]));
            }
        }
    }

    // Categories (any different label) and stances (opposed labels): the most frequent label
    // per year.
    let labelled = asserted(context, &dated, |value| match value {
        Value::Stance { stance } => Some((true, stance.as_str())),
        Value::Category { label } => Some((false, label.as_str())),
        _ => None,
    });
    for is_stance in [false, true] {
        let mut by_year: BTreeMap<i32, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
        for ((stance, label), claims) in &labelled {
            if *stance == is_stance {
                for &index in claims {
                    by_year
                        .entry(year(index))
                        .or_default()
                        .entry(label)
                        .or_default()
                        .push(index);
                }
            }
        }
        let values: Vec<(YearValue, &str)> = by_year
            .into_iter()
            .filter_map(|(year, labels)| {
                let (label, claims) = labels.into_iter().rev().max_by_key(|(_, claims)| claims.len())?;
                let representative = context.representative(&claims);
                Some((
                    YearValue {
                        year,
                        representative,
                        claims,
                        shown: label.to_owned(),
                    },
                    label,
                ))
            })
            .collect();
        for pair in values.windows(2) {
            let (first, first_label) = &pair[0];
            let (second, second_label) = &pair[1];
            let differ = if is_stance {
                context.policy.are_opposed(group.kind, first_label, second_label)
            } else {
                first_label != second_label
            };
            if differ {
                findings.push(change(context, group, first, second));
            }
        }
    }
}

fn change(context: &Context<'_>, group: &Group<'_>, before: &YearValue, after: &YearValue) -> Finding {
    let reason = format!(
        "{}: {} ({}) → {} ({})",
        group.described, before.shown, before.year, after.shown, after.year
    );
    let quoted = [before.representative, after.representative];
    let claims = quoted_first(&quoted, before.claims.iter().chain(&after.claims).copied());
    let key = context.key(group.first, None, true);
    context.finding(FindingKind::Change, Severity::Info, key, reason, claims)
}
