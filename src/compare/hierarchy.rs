//! Objects in a hierarchy: claims about an entry and about an ancestor of it (a lexicon entry's
//! `parents`, e.g. neodymium within rare earths within critical minerals) are compared softly.
//!
//! Nothing a part says strictly contradicts what its whole says about ranks or orders, so these
//! checks give overlaps ("Russia is among the largest for critical minerals" and "Russia's rare
//! earths exceed Ukraine's" agree) and, for figures, a warning when a part's figure exceeds its
//! whole's — never an error. Every reason says that the objects are related.

use super::cross::{self, Edges, Group};
use super::{Context, Slice, phrase};
use crate::claim::Value;
use crate::finding::{ConflictKind, Finding, Severity};

/// Soft checks between the cross group `members` (kind, object, region) and the groups of the
/// same kind and region about each ancestor of its object.
pub(super) fn check(
    context: &Context<'_>,
    group: &Group<'_>,
    members: &[usize],
    findings: &mut Vec<Finding>,
    overlaps: &mut Vec<Finding>,
) {
    let Some(object) = group.object else {
        return;
    };
    let ancestors = context.policy.ancestors(object);
    if ancestors.is_empty() {
        return;
    }
    let first = &context.claims[members[0]];
    let region = first.scope.region.as_deref();
    let usable = |index: &usize| context.is_asserted(*index) && context.claims[*index].subject.is_some();
    let split = |claims: &[usize]| {
        let (mut ranks, mut orders, mut quantities) = (Vec::new(), Vec::new(), Vec::new());
        for &index in claims.iter().filter(|index| usable(index)) {
            match &context.claims[index].value {
                Value::Rank(_) => ranks.push(index),
                Value::Order(_) => orders.push(index),
                Value::Quantity(quantity) if quantity.value.is_finite() => quantities.push(index),
                _ => {}
            }
        }
        (ranks, orders, quantities)
    };
    let (ranks, orders, quantities) = split(members);
    for ancestor in ancestors {
        let Some(parent_members) = context.cross_group((group.kind, Some(ancestor), region)) else {
            continue;
        };
        let (parent_ranks, parent_orders, parent_quantities) = split(parent_members);
        let related = format!(
            "{} are within {}, so the two are compared softly",
            context.policy.name(object),
            context.policy.name(ancestor)
        );
        let parent_group = Group {
            kind: group.kind,
            object: Some(ancestor),
            what: phrase::describe(context.policy, group.kind, None, Some(ancestor)),
        };
        let mut all: Vec<usize> = members.iter().chain(parent_members).copied().collect();
        all.sort_unstable();
        let slice = Slice {
            year: None,
            members: all,
            reports_undated: true,
        };
        // A rank in one, an order in the other: they agree.
        let child_edges: Edges = cross::edges(context, &orders);
        let parent_edges: Edges = cross::edges(context, &parent_orders);
        cross::rank_and_order(
            context,
            &parent_group,
            &slice,
            &parent_ranks,
            &child_edges,
            Some(&related),
            overlaps,
        );
        cross::rank_and_order(context, group, &slice, &ranks, &parent_edges, Some(&related), overlaps);
        parts_above_wholes(
            context,
            group,
            &parent_group,
            &quantities,
            &parent_quantities,
            &related,
            findings,
        );
    }
}

/// A subject's figure for a part entirely above its figure for the whole (same unit): a
/// warning, since the whole holds at least the part.
fn parts_above_wholes(
    context: &Context<'_>,
    group: &Group<'_>,
    parent: &Group<'_>,
    quantities: &[usize],
    parent_quantities: &[usize],
    related: &str,
    findings: &mut Vec<Finding>,
) {
    if quantities.is_empty() || parent_quantities.is_empty() {
        return;
    }
    let parts = cross::extents(context, quantities);
    let wholes = cross::extents(context, parent_quantities);
    for (unit, subjects) in &parts {
        let Some(whole_subjects) = wholes.get(unit) else {
            continue;
        };
        let mut ordered: Vec<_> = subjects.iter().collect();
        ordered.sort_by_key(|(subject, _)| **subject);
        for (subject, part) in ordered {
            let Some(whole) = whole_subjects.get(subject) else {
                continue;
            };
            if part.low <= whole.high {
                continue;
            }
            let quoted = [part.low_claim, whole.high_claim];
            let name = cross::name(context, *subject);
            let reason = format!(
                "{name}'s {} {} put at {}, above its {} at {}; {related}",
                group.what,
                phrase::be(group.kind),
                cross::quantity_quote(context, part.low_claim),
                parent.what,
                cross::quantity_quote(context, whole.high_claim),
            );
            let key = context.key(quoted[0], None, true);
            let mut finding = context.conflict_as(
                ConflictKind::Quantity,
                Severity::Warning,
                key,
                reason,
                &quoted,
                quoted.to_vec(),
            );
            finding.severity = finding.severity.min(Severity::Warning);
            findings.push(finding);
        }
    }
}
