//! Checks across subjects within one cross group (kind, object, region): the same exact rank
//! for two subjects, order claims (opposite edges and cycles), and ranks or orders that the
//! quantities of the measured kind contradict.

use std::collections::{BTreeMap, BTreeSet};

use super::interval::{self, Item};
use super::orders::{self, Edges, edges};
use super::values::{Measures, drop_subsumed};
use super::{Context, FxMap, Slice, Symbol, is_firm, phrase, quoted_first};
use crate::claim::Value;
use crate::finding::{ConflictKind, Finding, FindingKind, Severity};
use crate::value::number::ordinal;
use crate::value::quantity::Measure;

/// All findings of one cross group (claims ascending).
pub(super) fn check(context: &Context<'_>, members: &[usize]) -> Vec<Finding> {
    let claim = &context.claims[members[0]];
    let kind = claim.kind.as_str();
    let object = claim.object.as_ref().map(|entity| entity.id.as_str());
    let region = claim.scope.region.as_deref();
    let measured_kind = context.policy.measured_by.get(kind).map_or(kind, String::as_str);

    // The claims each check reads: asserted, with a subject.
    let usable = |index: &&usize| context.is_asserted(**index) && context.claims[**index].subject.is_some();
    let same_kind = measured_kind == kind;
    let (mut ranks, mut orders, mut quantities) = (Vec::new(), Vec::new(), Vec::new());
    for &index in members.iter().filter(usable) {
        match &context.claims[index].value {
            Value::Rank(_) => ranks.push(index),
            Value::Order(_) => orders.push(index),
            Value::Quantity(quantity) if same_kind && quantity.value.is_finite() => {
                quantities.push(index);
            }
            _ => {}
        }
    }
    let group = Group {
        kind,
        object,
        what: phrase::describe(context.policy, kind, None, object),
    };
    let mut findings = Vec::new();
    let mut overlaps = Vec::new();
    super::hierarchy::check(context, &group, members, &mut findings, &mut overlaps);
    if ranks.is_empty() && orders.is_empty() {
        findings.extend(drop_subsumed(overlaps));
        return findings;
    }
    if !same_kind && let Some(measured) = context.cross_group((measured_kind, object, region)) {
        quantities.extend(measured.iter().filter(usable).filter(
            |&&index| matches!(&context.claims[index].value, Value::Quantity(quantity) if quantity.value.is_finite()),
        ));
    }

    let mut all: Vec<usize> = ranks.iter().chain(&orders).chain(&quantities).copied().collect();
    all.sort_unstable();
    for slice in context.slices(&all) {
        let within = |list: &[usize]| -> Vec<usize> {
            list.iter()
                .copied()
                .filter(|&index| {
                    let year = context.time(index);
                    year.is_none() || year == slice.year
                })
                .collect()
        };
        let (ranks, orders, quantities) = (within(&ranks), within(&orders), within(&quantities));
        let extents = extents(context, &quantities);
        same_rank(context, &group, &slice, &ranks, &mut findings);
        rank_vs_quantities(context, &group, &slice, &ranks, &extents, &mut findings);
        orders::orders(context, &group, &slice, &orders, &extents, &mut findings, &mut overlaps);
        let edges = edges(context, &orders);
        rank_vs_above(context, &group, &slice, &ranks, &edges, &extents, &mut findings);
        rank_and_order(context, &group, &slice, &ranks, &edges, None, &mut overlaps);
    }
    findings.extend(drop_subsumed(overlaps));
    findings
}

/// What the findings of a cross group say about it.
pub(super) struct Group<'a> {
    pub(super) kind: &'a str,
    pub(super) object: Option<&'a str>,
    /// "rare earths reserves".
    pub(super) what: String,
}

pub(super) fn subject(context: &Context<'_>, index: usize) -> Option<Symbol> {
    context.subject(index)
}

/// The display name of an entity.
pub(super) fn name<'a>(context: &Context<'a>, entity: Symbol) -> &'a str {
    context.policy.name(context.entity(entity))
}

pub(super) fn key(context: &Context<'_>, slice: &Slice, claims: &[usize]) -> String {
    context.key(claims[0], slice.year_of(context, claims), false)
}

/// Two or more subjects given the same exact rank ("the largest" for Russia and for China).
fn same_rank(context: &Context<'_>, group: &Group<'_>, slice: &Slice, ranks: &[usize], findings: &mut Vec<Finding>) {
    let mut exact: BTreeMap<u32, BTreeMap<Symbol, Vec<usize>>> = BTreeMap::new();
    for &index in ranks {
        let claim = &context.claims[index];
        if let (Value::Rank(rank), Some(subject)) = (&claim.value, subject(context, index))
            && rank.best == rank.worst
        {
            exact
                .entry(rank.best)
                .or_default()
                .entry(subject)
                .or_default()
                .push(index);
        }
    }
    for (rank, subjects) in exact {
        if subjects.len() < 2 {
            continue;
        }
        let all: Vec<usize> = subjects.values().flatten().copied().collect();
        if !slice.reports(context, &all) {
            continue;
        }
        let representatives: Vec<usize> = subjects.values().map(|claims| context.representative(claims)).collect();
        let firm: Vec<usize> = representatives
            .iter()
            .copied()
            .filter(|&index| is_firm(&context.claims[index].modality))
            .collect();
        let quoted = if firm.len() >= 2 { firm } else { representatives };
        let names: Vec<String> = quoted
            .iter()
            .filter_map(|&index| subject(context, index))
            .map(|subject| name(context, subject).to_owned())
            .collect();
        let quotes: Vec<String> = quoted
            .iter()
            .map(|&index| match &context.claims[index].value {
                Value::Rank(rank) => context.quote(index, &rank.text),
                _ => String::new(),
            })
            .collect();
        let reason = format!(
            "{} are each ranked {} for {}: {}",
            phrase::list(&names),
            ordinal(rank),
            group.what,
            phrase::list(&quotes)
        );
        let claims = quoted_first(&quoted, all);
        let key = key(context, slice, &claims);
        findings.push(context.conflict(ConflictKind::Rank, key, reason, &quoted, claims));
    }
}

/// A subject's quantities in one unit, widened: the lowest low and highest high.
pub(super) struct Extent {
    pub(super) low: f64,
    pub(super) low_claim: usize,
    pub(super) high: f64,
    pub(super) high_claim: usize,
}

/// measure (unit, noun counted) → subject → extent of the asserted quantities of the measured
/// kind in `slice`.
pub(super) type Extents<'a> = BTreeMap<Measure<'a>, FxMap<Symbol, Extent>>;

pub(super) fn extents<'a>(context: &Context<'a>, quantities: &[usize]) -> Extents<'a> {
    let measures = Measures::new(context, quantities);
    let mut by_measure: BTreeMap<Measure<'a>, Vec<usize>> = BTreeMap::new();
    for &index in quantities {
        if let Value::Quantity(quantity) = &context.claims[index].value {
            by_measure.entry(measures.of(quantity)).or_default().push(index);
        }
    }
    let mut extents = Extents::new();
    for (measure, claims) in by_measure {
        let policy = context.loosest(&claims);
        let subjects = extents.entry(measure).or_default();
        for index in claims {
            let (Value::Quantity(quantity), Some(subject)) = (&context.claims[index].value, subject(context, index))
            else {
                continue;
            };
            let Item { low, high, .. } = interval::quantity(index, quantity, &policy, context.maximum[index]);
            let extent = subjects.entry(subject).or_insert(Extent {
                low,
                low_claim: index,
                high,
                high_claim: index,
            });
            // On a tie, quote a plain assertion rather than a hedged or attributed one, so the
            // severity reflects the firmest evidence the corpus has.
            let plain = |claim: usize| context.claims[claim].modality.is_plain();
            if low < extent.low || (low == extent.low && plain(index) && !plain(extent.low_claim)) {
                extent.low = low;
                extent.low_claim = index;
            }
            if high > extent.high || (high == extent.high && plain(index) && !plain(extent.high_claim)) {
                extent.high = high;
                extent.high_claim = index;
            }
        }
    }
    extents
}

/// `"28.7 million tonnes" (28,700,000 t)`.
pub(super) fn quantity_quote(context: &Context<'_>, index: usize) -> String {
    match &context.claims[index].value {
        value @ Value::Quantity(quantity) => context.quote_with(index, &quantity.text, &value.reason_text()),
        _ => String::new(),
    }
}

/// A subject ranked at worst `k` while `k` or more other subjects have quantities entirely
/// above all of its own.
fn rank_vs_quantities(
    context: &Context<'_>,
    group: &Group<'_>,
    slice: &Slice,
    ranks: &[usize],
    extents: &Extents<'_>,
    findings: &mut Vec<Finding>,
) {
    if extents.is_empty() {
        return;
    }
    let mut ranked: BTreeMap<Symbol, Vec<usize>> = BTreeMap::new();
    for &index in ranks {
        if let Some(subject) = subject(context, index) {
            ranked.entry(subject).or_default().push(index);
        }
    }
    for (subject, claims) in ranked {
        for subjects in extents.values() {
            let Some(own) = subjects.get(&subject) else {
                continue;
            };
            let above: Vec<(Symbol, &Extent)> = subjects
                .iter()
                .filter(|(other, extent)| **other != subject && extent.low > own.high)
                .map(|(other, extent)| (*other, extent))
                .collect();
            let contradicted: Vec<usize> = claims
                .iter()
                .copied()
                .filter(|&index| match &context.claims[index].value {
                    Value::Rank(rank) => rank.worst as usize <= above.len(),
                    _ => false,
                })
                .collect();
            let Some((other, strongest)) = above
                .iter()
                .copied()
                .max_by(|left, right| left.1.low.total_cmp(&right.1.low).then(right.0.cmp(&left.0)))
            else {
                continue;
            };
            if contradicted.is_empty() {
                continue;
            }
            let representative = context.representative(&contradicted);
            let quoted = [representative, strongest.low_claim, own.high_claim];
            if !slice.reports(context, &quoted) {
                continue;
            }
            let Value::Rank(rank) = &context.claims[representative].value else {
                continue;
            };
            let name = name(context, subject);
            let others = if rank.worst <= 1 {
                String::new()
            } else {
                format!("{} others above it, such as ", above.len())
            };
            let reason = format!(
                "{name} is called {} for {}, but the corpus puts {others}{} at {} against \
                 {name}'s {}",
                context.quote(representative, &rank.text),
                group.what,
                self::name(context, other),
                quantity_quote(context, strongest.low_claim),
                quantity_quote(context, own.high_claim),
            );
            let claims = quoted_first(&quoted, contradicted);
            let key = key(context, slice, &claims);
            findings.push(context.conflict(ConflictKind::RankVsQuantity, key, reason, &quoted, claims));
            break;
        }
    }
}

/// Why one subject is above another: order claims, or quantities that do not overlap.
enum Above {
    /// The order claims "A exceeds B".
    Order(Vec<usize>),
    /// A's lowest and B's highest quantity.
    Quantities(usize, usize),
}

/// Ranks against what the corpus says is above what ("ranked too low"): when A is above B and
/// B is ranked at worst `j`, A ranks better than `j`, so a rank of A at best `j` or worse cannot
/// hold ("Russia ranks fifth" against figures putting Russia above the second); an unranked A
/// above a B called the first contradicts that ("China is the largest" against "Russia's
/// reserves exceed China's").
fn rank_vs_above(
    context: &Context<'_>,
    group: &Group<'_>,
    slice: &Slice,
    ranks: &[usize],
    edges: &Edges,
    extents: &Extents<'_>,
    findings: &mut Vec<Finding>,
) {
    if ranks.is_empty() {
        return;
    }
    let mut ranked: BTreeMap<Symbol, Vec<usize>> = BTreeMap::new();
    for &index in ranks {
        if let Some(subject) = subject(context, index) {
            ranked.entry(subject).or_default().push(index);
        }
    }
    let rank_of = |index: usize| match &context.claims[index].value {
        Value::Rank(rank) => Some((rank.best.min(rank.worst), rank.worst.max(rank.best))),
        _ => None,
    };
    // Pairs (A above B) with B ranked: from orders, then from quantities.
    let mut pairs: Vec<(Symbol, Symbol, Above)> = Vec::new();
    for (&(greater, smaller), claims) in edges {
        if ranked.contains_key(&smaller) {
            pairs.push((greater, smaller, Above::Order(claims.clone())));
        }
    }
    for subjects in extents.values() {
        for (&smaller, low) in subjects {
            if !ranked.contains_key(&smaller) {
                continue;
            }
            for (&greater, high) in subjects {
                if greater != smaller && ranked.contains_key(&greater) && high.low > low.high {
                    pairs.push((greater, smaller, Above::Quantities(high.low_claim, low.high_claim)));
                }
            }
        }
    }
    pairs.sort_by_key(|(greater, smaller, _)| (*greater, *smaller));
    let mut reported: BTreeSet<Symbol> = BTreeSet::new();
    for (greater, smaller, above) in pairs {
        if reported.contains(&greater) {
            continue;
        }
        // A's best rank (an unranked A counts as "at best first"), and B's claims that A being
        // above contradicts: ranked at worst `j` with `j` ≤ that.
        let greater_best = ranked.get(&greater).map_or(1, |claims| {
            claims
                .iter()
                .filter_map(|&index| rank_of(index))
                .map(|rank| rank.0)
                .max()
                .unwrap_or(1)
        });
        let smaller_claims: Vec<usize> = ranked[&smaller]
            .iter()
            .copied()
            .filter(|&index| rank_of(index).is_some_and(|rank| rank.1 <= greater_best))
            .collect();
        let Some(worst) = smaller_claims
            .iter()
            .filter_map(|&index| rank_of(index))
            .map(|rank| rank.1)
            .min()
        else {
            continue;
        };
        // B called the first against quantities above it: `rank_vs_quantities` reports that.
        if worst <= 1 && matches!(above, Above::Quantities(..)) {
            continue;
        }
        let smaller_claim = context.representative(&smaller_claims);
        // A's claims at best `worst` or worse.
        let greater_claims: Vec<usize> = ranked.get(&greater).map_or_else(Vec::new, |claims| {
            claims
                .iter()
                .copied()
                .filter(|&index| rank_of(index).is_some_and(|rank| rank.0 >= worst))
                .collect()
        });
        if greater_claims.is_empty() && ranked.contains_key(&greater) {
            continue;
        }
        let evidence: Vec<usize> = match &above {
            Above::Order(claims) => vec![context.representative(claims)],
            Above::Quantities(high, low) => vec![*high, *low],
        };
        let mut quoted: Vec<usize> = Vec::new();
        if !greater_claims.is_empty() {
            quoted.push(context.representative(&greater_claims));
        }
        quoted.push(smaller_claim);
        quoted.extend(&evidence);
        if !slice.reports(context, &quoted) {
            continue;
        }
        let rank_words = |index: usize| match &context.claims[index].value {
            value @ Value::Rank(rank) => context.quote_with(index, &rank.text, &value.reason_text()),
            _ => String::new(),
        };
        let why = match &above {
            Above::Order(_) => context.quote(evidence[0], &context.claims[evidence[0]].evidence.quote),
            Above::Quantities(high, low) => format!(
                "{} against {}",
                quantity_quote(context, *high),
                quantity_quote(context, *low)
            ),
        };
        let (greater_name, smaller_name) = (name(context, greater), name(context, smaller));
        let reason = match greater_claims.first() {
            Some(_) => format!(
                "{greater_name} is ranked {} for {}, yet the corpus puts it above {smaller_name}, which is \
                 ranked {}: {why}",
                rank_words(quoted[0]),
                group.what,
                rank_words(smaller_claim),
            ),
            None => format!(
                "{smaller_name} is called {} for {}, yet the corpus puts {greater_name} above it: {why}",
                rank_words(smaller_claim),
                group.what,
            ),
        };
        let mut all = greater_claims.clone();
        all.extend(&smaller_claims);
        if let Above::Order(claims) = &above {
            all.extend(claims);
        }
        let claims = quoted_first(&quoted, all);
        let key = key(context, slice, &claims);
        findings.push(context.conflict(ConflictKind::RankVsQuantity, key, reason, &quoted, claims));
        reported.insert(greater);
    }
}

/// A rank of A and an order "A exceeds B" from different articles agree: an overlap listing
/// both values ("Russia is among the largest" and "Russia's reserves exceed Ukraine's").
/// `related` names the objects when the two come from objects in a hierarchy.
pub(super) fn rank_and_order(
    context: &Context<'_>,
    group: &Group<'_>,
    slice: &Slice,
    ranks: &[usize],
    edges: &Edges,
    related: Option<&str>,
    overlaps: &mut Vec<Finding>,
) {
    if ranks.is_empty() || edges.is_empty() {
        return;
    }
    let mut ranked: BTreeMap<Symbol, Vec<usize>> = BTreeMap::new();
    for &index in ranks {
        if let Some(subject) = subject(context, index) {
            ranked.entry(subject).or_default().push(index);
        }
    }
    // Per subject A: its rank claims and the order claims "A exceeds B" that no rank of B
    // contradicts; one overlap per A (not per edge), so the findings stay linear.
    let mut agreeing: BTreeMap<Symbol, Vec<(Symbol, &Vec<usize>)>> = BTreeMap::new();
    for (&(greater, smaller), orders) in edges {
        let Some(rank_claims) = ranked.get(&greater) else {
            continue;
        };
        // B ranked at least as well as every rank of A: they conflict (reported above).
        let best = rank_claims
            .iter()
            .filter_map(|&index| match &context.claims[index].value {
                Value::Rank(rank) => Some(rank.best.min(rank.worst)),
                _ => None,
            })
            .min()
            .unwrap_or(1);
        let contradicted = ranked.get(&smaller).is_some_and(|claims| {
            claims.iter().any(
                |&index| matches!(&context.claims[index].value, Value::Rank(rank) if rank.worst.max(rank.best) <= best),
            )
        });
        if !contradicted {
            agreeing.entry(greater).or_default().push((smaller, orders));
        }
    }
    for (greater, sides) in agreeing {
        let rank_claims = &ranked[&greater];
        let orders: Vec<usize> = sides.iter().flat_map(|(_, orders)| orders.iter().copied()).collect();
        let mut claims: Vec<usize> = rank_claims.iter().chain(&orders).copied().collect();
        claims.sort_unstable();
        if context.article_count(&claims) < 2 || !slice.reports(context, &claims) {
            continue;
        }
        let (smaller, first_orders) = sides[0];
        let quoted = [
            context.representative(rank_claims),
            context.representative(first_orders),
        ];
        let Value::Rank(rank) = &context.claims[quoted[0]].value else {
            continue;
        };
        let greater_name = name(context, greater);
        let order_what = phrase::describe(
            context.policy,
            &context.claims[quoted[1]].kind,
            None,
            context.claims[quoted[1]]
                .object
                .as_ref()
                .map(|entity| entity.id.as_str()),
        );
        let others = match sides.len() {
            1 => String::new(),
            2 => " and 1 other".to_owned(),
            more => format!(" and {} others", more - 1),
        };
        let relation = related.map_or_else(String::new, |words| format!(" ({words})"));
        let reason = format!(
            "{greater_name} is ranked {} for {} and said to exceed {}'s{others} {order_what} in {}: the \
             two agree{relation}",
            context.quote_with(quoted[0], &rank.text, &context.claims[quoted[0]].value.reason_text()),
            group.what,
            name(context, smaller),
            context.quote(quoted[1], &context.claims[quoted[1]].evidence.quote),
        );
        let claims = quoted_first(&quoted, claims);
        let key = key(context, slice, &claims);
        overlaps.push(context.finding(FindingKind::Overlap, Severity::Info, key, reason, claims));
    }
}
