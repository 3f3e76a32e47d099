//! Checks within one value group (kind, subject, object, region): quantities, ranks of one
//! subject, stances, categories, polarity, overlaps and changes over time.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::changes::{changes, former, revision};
use super::interval::{self, Item};
use super::{Context, Slice, is_firm, phrase, quoted_first};
use crate::claim::{Claim, Polarity, Relation, Value};
use crate::finding::{ConflictKind, Finding, FindingKind, Severity};
use crate::value::quantity::{Measure, Quantity};

/// All findings of one value group (at least two claims, ascending).
pub(super) fn check(context: &Context<'_>, members: &[usize]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut overlaps = Vec::new();
    let group = Group::new(context, members);
    for slice in context.slices(members) {
        quantities(context, &group, &slice, &mut findings, &mut overlaps);
        ranks(context, &group, &slice, &mut findings, &mut overlaps);
        super::signed::signed_changes(context, &group, &slice, &mut findings, &mut overlaps);
        labels(context, &group, &slice, &mut findings, &mut overlaps);
        statements(context, &group, &slice, &mut overlaps);
        polarity(context, &group, &slice, &mut findings);
    }
    changes(context, &group, members, &mut findings);
    former(context, &group, members, &mut findings);
    findings.extend(drop_subsumed(overlaps));
    findings
}

/// What every finding of the group says about it.
pub(super) struct Group<'a> {
    /// A claim of the group (for its key).
    pub(super) first: usize,
    /// The claim kind.
    pub(super) kind: &'a str,
    /// "Russia's rare earths reserves".
    pub(super) described: String,
    /// What each of the group's quantities measures.
    pub(super) measures: Measures<'a>,
}

impl<'a> Group<'a> {
    fn new(context: &Context<'a>, members: &[usize]) -> Self {
        let first = members[0];
        let claim = &context.claims[first];
        Group {
            first,
            measures: Measures::new(context, members),
            kind: &claim.kind,
            described: phrase::describe(
                context.policy,
                &claim.kind,
                claim.subject.as_ref().map(|entity| entity.id.as_str()),
                claim.object.as_ref().map(|entity| entity.id.as_str()),
            ),
        }
    }

    pub(super) fn key(&self, context: &Context<'_>, slice: &Slice, claims: &[usize]) -> String {
        context.key(self.first, slice.year_of(context, claims), true)
    }

    /// "3 articles agree that Russia's rare earths reserves are …".
    pub(super) fn agree(&self, articles: usize, what: &str) -> String {
        format!(
            "{articles} articles agree that {} {} {what}",
            self.described,
            phrase::be(self.kind)
        )
    }
}

/// The measure ([`Measure`]) each quantity of a group is compared in: its unit and, for a count,
/// the noun it counts, so that "4,000 people" and "4,000 trucks" never agree and never conflict.
/// A noun the rule's own template matches ("{value:quantity(count)} (residents|inhabitants)")
/// is the rule's choice, not the claim's: such a count counts no noun of its own. A bare count
/// ("employs 4,000") is taken to count what the group's other counts count when they all count
/// one noun, and is a measure of its own when they count several.
pub(super) struct Measures<'a> {
    /// The one noun the group's counts count, if they count exactly one.
    sole: Option<Cow<'a, str>>,
    /// The counts whose noun their template matched, by address (ascending): few, often none.
    matched: Vec<usize>,
}

/// Whether `claim`'s own words run over the noun its count counts: the template matched it.
fn matches_noun(claim: &Claim, quantity: &Quantity) -> bool {
    let Some(noun) = quantity.noun.as_deref() else {
        return false;
    };
    let span = claim.evidence.span;
    quantity.span.end >= span.start
        && quantity.span.end < span.end
        && claim
            .evidence
            .quote
            .get(quantity.span.end - span.start..)
            .is_some_and(|after| {
                let after = after.trim_start();
                after.len() >= noun.len() && after[..noun.len()].eq_ignore_ascii_case(noun)
            })
}

impl<'a> Measures<'a> {
    /// The measures of the quantities among `claims`.
    pub(super) fn new(context: &Context<'a>, claims: &[usize]) -> Self {
        let mut sole: Option<Cow<'a, str>> = None;
        let mut several = false;
        let mut matched = Vec::new();
        for &index in claims {
            let claim = &context.claims[index];
            let Value::Quantity(quantity) = &claim.value else {
                continue;
            };
            if matches_noun(claim, quantity) {
                matched.push(std::ptr::from_ref(quantity) as usize);
                continue;
            }
            let Some(noun) = quantity.measure().noun else {
                continue;
            };
            match &sole {
                None => sole = Some(noun),
                Some(known) if *known == noun => {}
                Some(_) => several = true,
            }
        }
        matched.sort_unstable();
        Measures {
            sole: sole.filter(|_| !several),
            matched,
        }
    }

    /// What `quantity` (a claim's value or alternate) measures within the group.
    pub(super) fn of(&self, quantity: &'a Quantity) -> Measure<'a> {
        let mut measure = quantity.measure();
        if measure.noun.is_some()
            && !self.matched.is_empty()
            && self
                .matched
                .binary_search(&(std::ptr::from_ref(quantity) as usize))
                .is_ok()
        {
            measure.noun = None;
        }
        if measure.unit.is_empty() && measure.noun.is_none() {
            measure.noun.clone_from(&self.sole);
        }
        measure
    }
}

/// How the items of an interval check were measured.
enum Scale<'s> {
    Quantity {
        /// "within 5%": the tolerance of the unit's loosest policy, worded once.
        tolerance: String,
        /// The claims compared by their figure restated in this measure ("$4.2bn (£3.3bn)" in
        /// GBP), ascending.
        restated: &'s [usize],
        /// What the check reports.
        report: Report,
    },
    Rank,
}

/// The quantities of a slice compared in one measure: the claims whose figure is of that
/// measure, and those that take part by their figure restated in it.
#[derive(Default)]
struct MeasureGroup {
    /// Every member, ascending.
    members: Vec<usize>,
    /// The members taking part by their alternate, ascending.
    restated: Vec<usize>,
}

impl Scale<'_> {
    /// What the check reports: ranks report both overlaps and conflicts.
    fn report(&self) -> Report {
        match self {
            Scale::Quantity { report, .. } => *report,
            Scale::Rank => Report::Both,
        }
    }

    /// The figure claim `index` is compared by: its value, or its restatement.
    fn figure<'c>(&self, context: &Context<'c>, index: usize) -> Option<&'c Quantity> {
        let claim = &context.claims[index];
        match (self, &claim.value) {
            (Scale::Quantity { restated, .. }, Value::Quantity(quantity)) => {
                if restated.binary_search(&index).is_ok() {
                    claim.alternate.as_deref()
                } else {
                    Some(quantity)
                }
            }
            _ => None,
        }
    }
}

/// What an interval check reports: overlaps, conflicts, or both.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Report {
    Overlaps,
    Conflicts,
    Both,
}

/// The claims of `slice` whose (asserted) value `select` accepts, by a grouping label.
pub(super) fn asserted<'a, T: Ord>(
    context: &Context<'a>,
    claims: &[usize],
    mut select: impl FnMut(&'a Value) -> Option<T>,
) -> BTreeMap<T, Vec<usize>> {
    let mut selected: BTreeMap<T, Vec<usize>> = BTreeMap::new();
    for &index in claims {
        if !context.is_asserted(index) {
            continue;
        }
        if let Some(label) = select(&context.claims[index].value) {
            selected.entry(label).or_default().push(index);
        }
    }
    selected
}

fn quantities(
    context: &Context<'_>,
    group: &Group<'_>,
    slice: &Slice,
    findings: &mut Vec<Finding>,
    overlaps: &mut Vec<Finding>,
) {
    // Figures of different measures (units, or nouns counted) are never compared. A figure
    // restated in another measure ("$4.2bn (£3.3bn)") is one claim: its restatement agrees
    // with the figures of that measure (an overlap), but never conflicts with them, as a
    // conversion depends on the day's rate; its own figure is compared as any other.
    let mut by_measure: BTreeMap<Measure<'_>, MeasureGroup> = BTreeMap::new();
    for &index in &slice.members {
        let claim = &context.claims[index];
        let Value::Quantity(quantity) = &claim.value else {
            continue;
        };
        if !quantity.value.is_finite() || !context.is_asserted(index) {
            continue;
        }
        let measure = group.measures.of(quantity);
        if let Some(alternate) = &claim.alternate
            && alternate.value.is_finite()
        {
            let restated = group.measures.of(alternate);
            if restated != measure {
                let entry = by_measure.entry(restated).or_default();
                entry.members.push(index);
                entry.restated.push(index);
            }
        }
        by_measure.entry(measure).or_default().members.push(index);
    }
    // Claims with the same words (a figure and its conversion, read twice) are one claim.
    for members in by_measure.values_mut() {
        let mut seen = std::collections::BTreeSet::new();
        members
            .members
            .retain(|&index| seen.insert((context.articles[index], context.claims[index].evidence.span)));
        let kept = &members.members;
        members.restated.retain(|index| kept.binary_search(index).is_ok());
    }
    // The measures most claims are compared in by their own figure first, so that an overlap
    // found in two measures is kept in that one.
    let mut measures: Vec<(Measure<'_>, MeasureGroup)> = by_measure.into_iter().collect();
    measures.sort_by_key(|(_, members)| std::cmp::Reverse(members.members.len() - members.restated.len()));
    let (units, groups): (Vec<Measure<'_>>, Vec<MeasureGroup>) = measures.into_iter().unzip();
    for (measure, members) in units.iter().zip(&groups) {
        let policy = context.loosest(&members.members);
        let restated = members.restated.as_slice();
        let scale = |report| Scale::Quantity {
            tolerance: phrase::tolerance(&policy, measure.unit),
            restated,
            report,
        };
        let both = scale(Report::Both);
        let mut items: Vec<Item> = members
            .members
            .iter()
            .filter_map(|&index| {
                let quantity = both.figure(context, index)?;
                Some(interval::quantity(index, quantity, &policy, context.maximum[index]))
            })
            .collect();
        if restated.is_empty() {
            intervals(context, group, slice, &both, &mut items, findings, overlaps);
        } else {
            // Overlaps over every figure, conflicts over the claims' own figures only.
            intervals(
                context,
                group,
                slice,
                &scale(Report::Overlaps),
                &mut items,
                findings,
                overlaps,
            );
            items.retain(|item| restated.binary_search(&item.claim).is_err());
            intervals(
                context,
                group,
                slice,
                &scale(Report::Conflicts),
                &mut items,
                findings,
                overlaps,
            );
        }
    }
}

fn ranks(
    context: &Context<'_>,
    group: &Group<'_>,
    slice: &Slice,
    findings: &mut Vec<Finding>,
    overlaps: &mut Vec<Finding>,
) {
    let mut items: Vec<Item> = slice
        .members
        .iter()
        .filter(|&&index| context.is_asserted(index))
        .filter_map(|&index| match &context.claims[index].value {
            Value::Rank(rank) => Some(rank_item(index, rank.best, rank.worst)),
            _ => None,
        })
        .collect();
    if !items.is_empty() {
        intervals(context, group, slice, &Scale::Rank, &mut items, findings, overlaps);
    }
}

pub(super) fn rank_item(claim: usize, best: u32, worst: u32) -> Item {
    Item {
        claim,
        low: f64::from(best.min(worst)),
        high: f64::from(worst.max(best)),
    }
}

/// Sweeps `items` into compatible clusters: an overlap per cluster of two or more articles, a
/// conflict per pair of adjacent clusters (as `report` asks).
fn intervals(
    context: &Context<'_>,
    group: &Group<'_>,
    slice: &Slice,
    measure: &Scale<'_>,
    items: &mut [Item],
    findings: &mut Vec<Finding>,
    overlaps: &mut Vec<Finding>,
) {
    let report = measure.report();
    let clusters = interval::sweep(items);
    for cluster in clusters.iter().filter(|_| report != Report::Conflicts) {
        let mut claims: Vec<usize> = items[cluster.clone()].iter().map(|item| item.claim).collect();
        claims.sort_unstable();
        let articles = context.article_count(&claims);
        if articles < 2 || !slice.reports(context, &claims) {
            continue;
        }
        let representative = context.representative(&claims);
        let what = match (measure, &context.claims[representative].value) {
            (Scale::Quantity { tolerance, .. }, Value::Quantity(_)) => {
                let Some(quantity) = measure.figure(context, representative) else {
                    continue;
                };
                format!("{} ({}, {tolerance})", quantity.text, quantity.reason_text())
            }
            (_, value @ Value::Rank(rank)) => {
                format!("{} ({})", rank.text, value.reason_text())
            }
            _ => continue,
        };
        let reason = group.agree(articles, &what);
        let key = group.key(context, slice, &claims);
        overlaps.push(overlap(context, key, reason, representative, claims));
    }
    if report == Report::Overlaps {
        return;
    }
    if clusters.len() > 2 {
        disjoint(context, group, slice, measure, items, &clusters, findings);
        return;
    }
    for pair in clusters.windows(2) {
        let class = |index: usize| {
            let claim = &context.claims[index];
            u8::from(is_firm(&claim.modality)) | (u8::from(context.time(index).is_some()) << 1)
        };
        let Some(found) = interval::disagreement(&items[pair[0].clone()], &items[pair[1].clone()], class, |quoted| {
            slice.reports(context, &quoted)
        }) else {
            continue;
        };
        let quoted = [found.quoted[0].claim, found.quoted[1].claim];
        if let Some(change) = revision(context, group, &quoted, &found.claims) {
            findings.push(change);
            continue;
        }
        let involved = if found.claims.len() > 2 {
            format!(" ({} claims involved)", found.claims.len())
        } else {
            String::new()
        };
        let (kind, reason) = match measure {
            Scale::Quantity { tolerance, .. } => (
                ConflictKind::Quantity,
                format!(
                    "{} {} given as {} and {}, which do not overlap {}{involved}",
                    group.described,
                    phrase::be(group.kind),
                    describe(context, quoted[0]),
                    describe(context, quoted[1]),
                    tolerance,
                ),
            ),
            Scale::Rank => (
                ConflictKind::Rank,
                format!(
                    "{} {} ranked {} and {}, which cannot both hold{involved}",
                    group.described,
                    phrase::be(group.kind),
                    describe(context, quoted[0]),
                    describe(context, quoted[1]),
                ),
            ),
        };
        let key = group.key(context, slice, &found.claims);
        findings.push(context.conflict(kind, key, reason, &quoted, found.claims));
    }
}

/// `"28.7 million tonnes" (28,700,000 t)`, with the speaker or hedge when not plain.
fn describe(context: &Context<'_>, index: usize) -> String {
    match &context.claims[index].value {
        value @ Value::Quantity(quantity) => context.quote_with(index, &quantity.text, &value.reason_text()),
        value @ Value::Rank(rank) => context.quote_with(index, &rank.text, &value.reason_text()),
        _ => String::new(),
    }
}

/// Three or more clusters that do not overlap: every pair of them disagrees, reported as one
/// finding that quotes one claim per cluster (the one that ends lowest, which is disjoint from
/// every claim of the later clusters), so that the report stays readable.
fn disjoint(
    context: &Context<'_>,
    group: &Group<'_>,
    slice: &Slice,
    measure: &Scale<'_>,
    items: &[Item],
    clusters: &[std::ops::Range<usize>],
    findings: &mut Vec<Finding>,
) {
    let quoted: Vec<usize> = clusters
        .iter()
        .map(|cluster| {
            items[cluster.clone()]
                .iter()
                .min_by(|left, right| {
                    let firm = |item: &Item| !is_firm(&context.claims[item.claim].modality);
                    left.high
                        .total_cmp(&right.high)
                        .then(firm(left).cmp(&firm(right)))
                        .then(left.claim.cmp(&right.claim))
                })
                .expect("a cluster is not empty")
                .claim
        })
        .collect();
    if !slice.reports(context, &quoted) {
        return;
    }
    // Every claim that disagrees with some quoted one.
    let lowest_high = items
        .iter()
        .filter(|item| quoted.contains(&item.claim))
        .map(|item| item.high)
        .fold(f64::INFINITY, f64::min);
    let highest_low = items
        .iter()
        .filter(|item| quoted.contains(&item.claim))
        .map(|item| item.low)
        .fold(f64::NEG_INFINITY, f64::max);
    let involved = items
        .iter()
        .filter(|item| item.high < highest_low || item.low > lowest_high)
        .map(|item| item.claim);
    let claims = quoted_first(&quoted, involved);
    if let Some(change) = revision(context, group, &quoted, &claims) {
        findings.push(change);
        return;
    }
    let values: Vec<String> = quoted.iter().map(|&index| describe(context, index)).collect();
    let (kind, reason) = match measure {
        Scale::Quantity { tolerance, .. } => (
            ConflictKind::Quantity,
            format!(
                "{} {} given as {} different figures, no two of which overlap {tolerance}: {} ({} claims involved)",
                group.described,
                phrase::be(group.kind),
                quoted.len(),
                phrase::list(&values),
                claims.len(),
            ),
        ),
        Scale::Rank => (
            ConflictKind::Rank,
            format!(
                "{} {} given {} different ranks, no two of which can both hold: {} ({} claims involved)",
                group.described,
                phrase::be(group.kind),
                quoted.len(),
                phrase::list(&values),
                claims.len(),
            ),
        ),
    };
    // An error when at least two firm claims disagree, else a warning.
    let firm = quoted
        .iter()
        .filter(|&&index| is_firm(&context.claims[index].modality))
        .count();
    let severity = if firm >= 2 { Severity::Error } else { Severity::Warning };
    let key = group.key(context, slice, &claims);
    findings.push(context.conflict_as(kind, severity, key, reason, &quoted, claims));
}

/// An overlap finding: the representative first, then the other claims ascending.
fn overlap(context: &Context<'_>, key: String, reason: String, representative: usize, claims: Vec<usize>) -> Finding {
    let mut ordered = Vec::with_capacity(claims.len());
    ordered.push(representative);
    ordered.extend(claims.into_iter().filter(|&index| index != representative));
    context.finding(FindingKind::Overlap, Severity::Info, key, reason, ordered)
}

/// Stances and categories: overlaps per label, conflicts per opposed (stance) or different
/// (category) pair of labels.
fn labels(
    context: &Context<'_>,
    group: &Group<'_>,
    slice: &Slice,
    findings: &mut Vec<Finding>,
    overlaps: &mut Vec<Finding>,
) {
    let labelled = asserted(context, &slice.members, |value| match value {
        Value::Stance { stance } => Some((ConflictKind::Stance, stance.as_str())),
        Value::Category { label } => Some((ConflictKind::Category, label.as_str())),
        _ => None,
    });
    for ((_, label), claims) in &labelled {
        let articles = context.article_count(claims);
        if articles >= 2 && slice.reports(context, claims) {
            let reason = group.agree(articles, label);
            let key = group.key(context, slice, claims);
            let representative = context.representative(claims);
            overlaps.push(overlap(context, key, reason, representative, claims.clone()));
        }
    }
    let labelled: Vec<_> = labelled.iter().collect();
    for (position, ((kind, first_label), first_claims)) in labelled.iter().enumerate() {
        for ((other_kind, second_label), second_claims) in &labelled[position + 1..] {
            let opposed = match kind {
                ConflictKind::Stance => context.policy.are_opposed(group.kind, first_label, second_label),
                _ => true,
            };
            if kind != other_kind || !opposed {
                continue;
            }
            let all: Vec<usize> = first_claims.iter().chain(second_claims.iter()).copied().collect();
            if !slice.reports(context, &all) {
                continue;
            }
            let quoted = [
                context.representative(first_claims),
                context.representative(second_claims),
            ];
            let quote =
                |index: usize, label: &str| context.quote_with(index, &context.claims[index].evidence.quote, label);
            let reason = match kind {
                ConflictKind::Stance => format!(
                    "{} {} described both as {} and as {}, stances the rules declare opposed",
                    group.described,
                    phrase::be(group.kind),
                    quote(quoted[0], first_label),
                    quote(quoted[1], second_label),
                ),
                _ => format!(
                    "{} {} labelled both {} and {}",
                    group.described,
                    phrase::be(group.kind),
                    quote(quoted[0], first_label),
                    quote(quoted[1], second_label),
                ),
            };
            let key = group.key(context, slice, &all);
            findings.push(context.conflict(*kind, key, reason, &quoted, quoted_first(&quoted, all)));
        }
    }
}

/// Bare statements: an overlap when two or more articles assert the same one.
fn statements(context: &Context<'_>, group: &Group<'_>, slice: &Slice, overlaps: &mut Vec<Finding>) {
    let stated = asserted(context, &slice.members, |value| match value {
        Value::Statement => Some(()),
        _ => None,
    });
    if let Some(claims) = stated.get(&()) {
        let articles = context.article_count(claims);
        if articles >= 2 && slice.reports(context, claims) {
            let representative = context.representative(claims);
            let reason = format!(
                "{articles} articles agree on {} (\"{}\")",
                group.described, context.claims[representative].evidence.quote
            );
            let key = group.key(context, slice, claims);
            overlaps.push(overlap(context, key, reason, representative, claims.clone()));
        }
    }
}

/// What a claim says, for polarity: equal signatures are the same claim.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Signature<'a> {
    Statement,
    Stance(&'a str),
    Category(&'a str),
    Rank(u32, u32),
    Order(bool, &'a str),
    Quantity(Measure<'a>, u64, u64),
    Change(crate::value::Direction),
}

fn signature<'a>(measures: &Measures<'a>, value: &'a Value) -> Signature<'a> {
    match value {
        Value::Statement => Signature::Statement,
        Value::Stance { stance } => Signature::Stance(stance),
        Value::Category { label } => Signature::Category(label),
        Value::Rank(rank) => Signature::Rank(rank.best, rank.worst),
        Value::Order(order) => Signature::Order(order.relation == Relation::Greater, &order.than.id),
        Value::Quantity(quantity) => Signature::Quantity(
            measures.of(quantity),
            quantity.low.unwrap_or(quantity.value).to_bits(),
            quantity.high.unwrap_or(quantity.value).to_bits(),
        ),
        Value::Change(change) => Signature::Change(change.direction),
    }
}

/// What a polarity reason says the claim asserts: "" for a statement, " as 2nd", ….
fn asserted_as(context: &Context<'_>, value: &Value) -> String {
    match value {
        Value::Statement => String::new(),
        Value::Stance { .. } | Value::Category { .. } | Value::Rank(_) | Value::Quantity(_) | Value::Change(_) => {
            format!(" as {}", value.reason_text())
        }
        Value::Order(order) => format!(
            " as {} {}'s",
            if order.relation == Relation::Greater {
                "exceeding"
            } else {
                "below"
            },
            context.policy.name(&order.than.id)
        ),
    }
}

/// The same value asserted in one place and negated in another.
fn polarity(context: &Context<'_>, group: &Group<'_>, slice: &Slice, findings: &mut Vec<Finding>) {
    let negated = |index: &usize| context.claims[*index].modality.polarity == Polarity::Negated;
    let members: Vec<usize> = slice
        .members
        .iter()
        .copied()
        .filter(|&index| !super::is_disjunctive(&context.claims[index].value))
        .collect();
    if !members.iter().any(negated) {
        return;
    }
    let mut by_signature: BTreeMap<Signature<'_>, [Vec<usize>; 2]> = BTreeMap::new();
    for index in members.iter().filter(|index| negated(index)) {
        by_signature
            .entry(signature(&group.measures, &context.claims[*index].value))
            .or_default()[1]
            .push(*index);
    }
    for index in members.iter().filter(|index| !negated(index)) {
        if let Some(sides) = by_signature.get_mut(&signature(&group.measures, &context.claims[*index].value)) {
            sides[0].push(*index);
        }
    }
    for [asserted, negated] in by_signature.values() {
        if asserted.is_empty() || negated.is_empty() {
            continue;
        }
        let all: Vec<usize> = asserted.iter().chain(negated).copied().collect();
        if !slice.reports(context, &all) {
            continue;
        }
        let quoted = [context.representative(asserted), context.representative(negated)];
        let quote = |index: usize| context.quote(index, &context.claims[index].evidence.quote);
        let reason = format!(
            "{} {} asserted{} in {} and denied in {}",
            group.described,
            phrase::be(group.kind),
            asserted_as(context, &context.claims[quoted[0]].value),
            quote(quoted[0]),
            quote(quoted[1]),
        );
        let key = group.key(context, slice, &all);
        findings.push(context.conflict(ConflictKind::Polarity, key, reason, &quoted, quoted_first(&quoted, all)));
    }
}

/// Drops overlaps whose claims are all in a larger (or equal, earlier) overlap: undated claims
/// appear in every year slice.
pub(super) fn drop_subsumed(overlaps: Vec<Finding>) -> Vec<Finding> {
    let sets: Vec<Vec<usize>> = overlaps
        .iter()
        .map(|finding| {
            let mut claims = finding.claims.clone();
            claims.sort_unstable();
            claims
        })
        .collect();
    let is_subset = |small: &[usize], large: &[usize]| small.iter().all(|claim| large.binary_search(claim).is_ok());
    // Only sets that hold an overlap's first claim can contain it: index them by claim.
    let mut holding: super::FxMap<usize, Vec<usize>> = super::FxMap::default();
    for (position, set) in sets.iter().enumerate() {
        for &claim in set {
            holding.entry(claim).or_default().push(position);
        }
    }
    overlaps
        .into_iter()
        .enumerate()
        .filter(|(position, _)| {
            let own = &sets[*position];
            let Some(first) = own.first() else {
                return true;
            };
            !holding[first].iter().any(|&other| {
                let set = &sets[other];
                other != *position
                    && (set.len() > own.len() || (set.len() == own.len() && other < *position))
                    && is_subset(own, set)
            })
        })
        .map(|(_, finding)| finding)
        .collect()
}
