//! Comparator: claims → findings (conflicts, changes over time, overlaps, shared wording).
//!
//! [`compare`] is pure (no IO, no clock) and deterministic: the same claims and policy always
//! give the same findings in the same order, whatever the thread count.
//!
//! # Design: grouping by the key's numbers
//!
//! Claims are never compared all-pairs over the corpus. Each claim goes into two groups:
//!
//! - its **value group**, (kind, subject, object, region): quantities, ranks of one subject,
//!   stances, categories, polarity, overlaps, changes over time and shared wording;
//! - its **cross group**, (kind, object, region): ranks across subjects, order claims (a graph
//!   of "A exceeds B" edges) and ranks or orders checked against the quantities of
//!   `policy.measured_by[kind]` (default: the same kind).
//!
//! The key strings are read once per claim and numbered ([`symbols`]); the groups are then
//! formed by sorting numbers, with no string compared or hashed again. Groups are checked in
//! parallel (rayon); the findings are then sorted by a total order, so no hash or thread order
//! leaks into the output. Entity ids (subjects and the other side of orders) are numbered in
//! string order, so the cross-subject checks compare and hash numbers yet iterate in the order
//! the ids would.
//!
//! # Scope
//!
//! A different region is a different group: never compared. Within a group, claims are split
//! into **year slices**: a claim without a year is presumed current and is compared with claims
//! of every year, while claims with two different explicit years are never a conflict. With
//! explicit years Y1 < Y2 < …, slice Yn holds the claims of Yn plus the undated ones; a finding
//! that involves only undated claims is reported from the first slice only, so it is not
//! repeated. When the values of two consecutive explicit years disagree, a
//! [`FindingKind::Change`] (info) shows them as a change over time (quantities, ranks of one
//! subject, categories and opposed stances; the representative of a year is its largest cluster
//! of mutually compatible claims).
//!
//! # Checks
//!
//! - **quantity**: same measure only: the same canonical unit (t vs % is not comparable and
//!   stays silent) and, for counts, the same noun counted ("4,000 deaths" and "4,000 injuries"
//!   neither agree nor conflict; "people" and "persons" are one noun; a bare count counts the
//!   group's one noun when its other counts count only one, see `values::Measures`). A
//!   figure restated in another currency ("$4.2bn (£3.3bn)", the claim's `alternate`) also
//!   takes part in that currency's overlaps, never in its conflicts (a conversion depends on
//!   the day's rate). A
//!   claim's interval is `[low, high]` (open sides unbounded), widened by the rule's
//!   `approximate` margin for "about", then by `max(relative·|value|, absolute)`. Tolerances
//!   come from the loosest compare policy among the group's claims of that unit (for two claims:
//!   the looser of their two rules). Intervals are sorted and swept into clusters that share a
//!   common point (so every cluster is mutually compatible); each pair of adjacent clusters
//!   gives one conflict that quotes the closest disagreeing pair (plain claims preferred) and
//!   lists every claim of the two clusters that disagrees with the other cluster.
//! - **rank**: one subject's rank intervals `[best, worst]` are swept the same way ("one of the
//!   largest" = 1..k agrees with "the largest"). Across subjects, two different subjects given
//!   the same exact rank ("the largest" for both) conflict.
//! - **order**: "A exceeds B" is the edge A→B ("A is smaller than B" is B→A). A→B with B→A is a
//!   conflict; cycles over three or more entities (strongly connected components of the
//!   remaining one-way edges, Tarjan) give one conflict naming the shortest cycle through the
//!   first entity.
//! - **rank vs quantities**: a subject ranked at worst `k` while at least `k` other subjects
//!   have quantities (same unit, with tolerance) whose lowest value exceeds the subject's highest
//!   value. An order "A exceeds B" is likewise contradicted when A's highest quantity is below
//!   B's lowest (reported as an order conflict).
//! - **stance**: stances declared opposed by the policy. **category**: any two labels differ.
//! - **polarity**: the same value (statement, stance, category, rank interval, order, or the
//!   identical quantity interval) asserted in one place and negated in another. Negated claims
//!   take part in no other check.
//!
//! # Severity and wording
//!
//! A conflict is an error when every quoted claim is neither hedged nor attributed (negation
//! does not lower severity: a polarity conflict between two plain sentences is an error), and a
//! warning otherwise; the reason then names the speaker or the hedge next to the quote.
//! Conflicts inside one article say that the article contradicts itself. Overlaps (asserted
//! claims of two or more articles in one compatible cluster; a cluster contained in a larger
//! reported one is dropped), changes and shared wording are info. Reasons are one plain sentence
//! without a trailing period, using display names from the policy, the original wording and
//! the normalised values.
//!
//! # Shared wording
//!
//! Only sentences of claims that share a value group are compared, and only across articles.
//! Candidate pairs are pruned soundly (length window, then a bag-of-characters lower bound on
//! the edit distance) before `strsim::normalized_levenshtein` decides; a sentence pair is
//! reported once even when its claims share several groups.

mod changes;
mod cross;
pub(crate) mod edition;
mod hierarchy;
pub(crate) mod interval;
mod orders;
pub(crate) mod phrase;
mod signed;
mod symbols;
mod values;
mod wording;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use crate::claim::{Claim, Modality};
use crate::finding::{ComparePolicy, ConflictKind, Finding, FindingKind, Policy, Severity};
use crate::id::StableHasher;

/// Compares `claims` under `policy` and returns every conflict, change over time, overlap and
/// shared wording found, conflicts first (errors before warnings, then by conflict kind, key and
/// first claim), then changes, overlaps and shared wording.
///
/// [`Finding::claims`] are indices into `claims`. The function is pure and deterministic; the
/// module documentation describes the semantics.
pub fn compare(claims: &[Claim], policy: &Policy) -> Vec<Finding> {
    let context = Context::new(claims, policy);
    let mut findings: Vec<Finding> = context
        .value_groups
        .par_iter()
        .filter(|members| members.len() > 1)
        .flat_map_iter(|members| values::check(&context, members))
        .chain(
            context
                .cross_groups
                .par_iter()
                .flat_map_iter(|members| cross::check(&context, members)),
        )
        .collect();
    wording::check_all(&context, &mut findings);

    sort(&mut findings);
    findings
}

/// A finding's claim list: the quoted claims first, then the rest ascending, without repeats.
fn quoted_first(quoted: &[usize], claims: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut rest: Vec<usize> = claims.into_iter().filter(|index| !quoted.contains(index)).collect();
    rest.sort_unstable();
    rest.dedup();
    let mut ordered = quoted.to_vec();
    ordered.extend(rest);
    ordered
}

/// Sorts `findings` into the report order: section (conflicts, reference checks, changes,
/// overlaps, shared wording), severity (errors first), conflict kind, key, claims, then reason and id. A total
/// order, so that the output never depends on hash or thread order.
///
/// The leading fields are packed into one byte and borrowed into a compact sort key, so the
/// sort moves small keys rather than whole findings; the findings are then permuted once.
/// Public so that findings added or changed after comparison (reference checks, a
/// configuration's per-rule severities) can be put back in this order.
pub fn sort(findings: &mut Vec<Finding>) {
    fn head(finding: &Finding) -> u8 {
        // (section, Reverse(severity), conflict kind): the derived orders of the enums.
        let (section, conflict) = match finding.kind {
            FindingKind::Conflict(conflict) => (0, conflict as u8 + 1),
            FindingKind::Reference(verdict) => (1, verdict as u8),
            FindingKind::Change => (2, 0),
            FindingKind::Overlap => (3, 0),
            FindingKind::SharedWording => (4, 0),
        };
        let severity = match finding.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        (section << 5) | (severity << 3) | conflict
    }
    let mut keys: Vec<(u8, &str, &[usize], usize)> = findings
        .par_iter()
        .enumerate()
        .map(|(position, finding)| (head(finding), finding.key.as_str(), finding.claims.as_slice(), position))
        .collect();
    keys.par_sort_unstable_by(|left, right| {
        (left.0, left.1, left.2)
            .cmp(&(right.0, right.1, right.2))
            .then_with(|| {
                let (left, right) = (&findings[left.3], &findings[right.3]);
                (&left.reason, &left.id).cmp(&(&right.reason, &right.id))
            })
    });
    let permutation: Vec<usize> = keys.into_iter().map(|key| key.3).collect();
    let mut slots: Vec<Option<Finding>> = std::mem::take(findings).into_iter().map(Some).collect();
    findings.extend(
        permutation
            .into_iter()
            .map(|position| slots[position].take().expect("a permutation takes each finding once")),
    );
}

/// A fast, fixed (unkeyed) hasher for grouping keys: the `FxHash` mixing step. Grouping keys
/// come from the rule set and lexicons, not from arbitrary text, so hash flooding is no concern.
#[derive(Default, Clone, Copy)]
struct FxHasher {
    hash: u64,
}

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, value: u8) {
        self.add(u64::from(value));
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Everything the checks share: the claims, the policy, article numbers and the groups.
struct Context<'a> {
    claims: &'a [Claim],
    policy: &'a Policy,
    /// Article number of each claim (same path, same number).
    articles: Vec<u32>,
    /// Claim indices (ascending) per value key.
    value_groups: Vec<Vec<usize>>,
    /// Claim indices (ascending) per cross key.
    cross_groups: Vec<Vec<usize>>,
    /// Position in `cross_groups` of each cross key.
    cross_index: FxMap<symbols::CrossKey, usize>,
    /// Each claim's key strings as numbers, and the entity ids: an entity's [`Symbol`] is its
    /// position in the sorted ids, so symbols compare as the ids do.
    symbols: symbols::Symbols<'a>,
    /// Whether each claim's figure is one its own sentence marks as former ("revised down from
    /// X to Y", "up from X the previous year"): such claims take part in no conflict.
    former: Vec<bool>,
    /// Whether each claim's "at most" figure is stated as a maximum reached ("up to X").
    maximum: Vec<bool>,
    /// The year each claim holds for ([`edition`]'s time), read once: the checks ask for it
    /// per claim per slice, and a dense array beats a walk into each claim.
    times: Vec<Option<i32>>,
    /// Whether each claim is asserted (see [`Context::is_asserted`]), read once likewise.
    asserted: Vec<bool>,
}

/// An entity id as its position in [`Context::entities`]: compared, hashed and stored as a
/// number in the cross-subject checks, never as a string.
pub(super) type Symbol = u32;

impl<'a> Context<'a> {
    fn new(claims: &'a [Claim], policy: &'a Policy) -> Self {
        let mut paths: FxMap<&str, u32> = FxMap::default();
        let mut articles = Vec::with_capacity(claims.len());
        let mut previous: Option<(&str, u32)> = None;
        for claim in claims {
            let path = claim.evidence.path.as_str();
            let article = match previous {
                // Claims arrive sorted by path: most lookups are this shortcut.
                Some((previous_path, article)) if previous_path == path => article,
                _ => {
                    let next = paths.len() as u32;
                    *paths.entry(path).or_insert(next)
                }
            };
            previous = Some((path, article));
            articles.push(article);
        }
        let symbols = symbols::Symbols::new(claims);
        let (value_groups, cross_groups) = rayon::join(
            || symbols::group_by(&symbols.rows, symbols::value_key),
            || symbols::group_by(&symbols.rows, symbols::cross_key),
        );
        let cross_index = cross_groups
            .iter()
            .enumerate()
            .map(|(position, members)| (symbols::cross_key(&symbols.rows[members[0]]), position))
            .collect();
        let (former, maximum): (Vec<bool>, Vec<bool>) = claims
            .par_iter()
            .map(|claim| match &claim.value {
                crate::claim::Value::Quantity(quantity) => (
                    edition::superseded(claim, &quantity.text).is_some(),
                    interval::stated_maximum(claim, quantity),
                ),
                _ => (false, false),
            })
            .unzip();
        let (times, asserted) = claims
            .par_iter()
            .zip(&former)
            .map(|(claim, &former)| {
                (
                    edition::edition(claim).time,
                    claim.modality.polarity == crate::claim::Polarity::Asserted
                        && !former
                        && !is_disjunctive(&claim.value),
                )
            })
            .unzip();
        Context {
            claims,
            policy,
            articles,
            value_groups,
            cross_groups,
            cross_index,
            symbols,
            former,
            maximum,
            times,
            asserted,
        }
    }

    /// The time `claim` holds for, if known (see [`edition`]).
    fn time(&self, claim: usize) -> Option<i32> {
        self.times[claim]
    }

    /// The source `claim` is attributed to, if any (see [`edition`]).
    fn source(&self, claim: usize) -> Option<&'a str> {
        edition::edition(&self.claims[claim]).source
    }

    /// Whether every claim of `claims` has a source and all are the same one.
    fn one_source(&self, claims: &[usize]) -> Option<&'a str> {
        let first = self.source(*claims.first()?)?;
        claims
            .iter()
            .all(|&index| {
                self.source(index)
                    .is_some_and(|source| edition::same_source(first, source))
            })
            .then_some(first)
    }

    /// "the world, 2024" / "Europe, undated": the scope of a finding about `claims`.
    fn scope(&self, claims: &[usize]) -> String {
        let claim = &self.claims[claims[0]];
        let region = claim
            .scope
            .region
            .as_deref()
            .map_or_else(|| "the world".to_owned(), |region| self.policy.name(region).to_owned());
        let mut years: Vec<i32> = claims.iter().filter_map(|&index| self.time(index)).collect();
        years.sort_unstable();
        years.dedup();
        let years = if years.is_empty() {
            "undated".to_owned()
        } else {
            years.iter().map(ToString::to_string).collect::<Vec<_>>().join(" and ")
        };
        format!("{region}, {years}")
    }

    /// "USGS in a.txt and b.txt": who gives `claims` (a speaker, else the article).
    fn sources(&self, claims: &[usize]) -> String {
        let mut seen: Vec<String> = Vec::with_capacity(claims.len());
        for &index in claims {
            let path = &self.claims[index].evidence.path;
            let named = match self.source(index) {
                Some(source) => format!("{source} in {path}"),
                None => path.to_string(),
            };
            if !seen.contains(&named) {
                seen.push(named);
            }
        }
        phrase::list(&seen)
    }

    /// The symbol of `claim`'s subject, if it has one.
    fn subject(&self, claim: usize) -> Option<Symbol> {
        self.symbols.subject(claim)
    }

    /// The symbol of the other side of `claim`, if it is an order claim.
    fn than(&self, claim: usize) -> Option<Symbol> {
        self.symbols.than(claim)
    }

    /// The entity id of `symbol`.
    fn entity(&self, symbol: Symbol) -> &'a str {
        self.symbols.entities[symbol as usize]
    }

    /// The members of the cross group (kind, object, region), if any claim has that key.
    fn cross_group(&self, (kind, object, region): (&str, Option<&str>, Option<&str>)) -> Option<&[usize]> {
        let key = self.symbols.cross_key(kind, object, region)?;
        self.cross_index
            .get(&key)
            .map(|&position| self.cross_groups[position].as_slice())
    }

    /// Splits a group into year slices (see the module documentation).
    fn slices(&self, members: &[usize]) -> Vec<Slice> {
        let mut years: Vec<i32> = members.iter().filter_map(|&index| self.time(index)).collect();
        years.sort_unstable();
        years.dedup();
        if years.is_empty() {
            return vec![Slice {
                year: None,
                members: members.to_vec(),
                reports_undated: true,
            }];
        }
        years
            .iter()
            .enumerate()
            .map(|(position, &year)| Slice {
                year: Some(year),
                members: members
                    .iter()
                    .copied()
                    .filter(|&index| self.time(index).is_none_or(|own| own == year))
                    .collect(),
                reports_undated: position == 0,
            })
            .collect()
    }

    /// Number of distinct articles among `claims`.
    fn article_count(&self, claims: &[usize]) -> usize {
        fn distinct(articles: &mut [u32]) -> usize {
            articles.sort_unstable();
            articles.windows(2).filter(|pair| pair[0] != pair[1]).count() + usize::from(!articles.is_empty())
        }
        // Most findings have a few claims: count them on the stack.
        const SMALL: usize = 32;
        if claims.len() <= SMALL {
            let mut buffer = [0_u32; SMALL];
            let articles = &mut buffer[..claims.len()];
            for (article, &index) in articles.iter_mut().zip(claims) {
                *article = self.articles[index];
            }
            return distinct(articles);
        }
        distinct(&mut claims.iter().map(|&index| self.articles[index]).collect::<Vec<u32>>())
    }

    /// The loosest compare policy among the rules of `claims` (per field).
    fn loosest(&self, claims: &[usize]) -> ComparePolicy {
        let mut loosest: Option<ComparePolicy> = None;
        let mut previous: Option<&str> = None;
        for &index in claims {
            let rule = self.claims[index].rule.as_str();
            if previous == Some(rule) {
                continue;
            }
            previous = Some(rule);
            let policy = self.policy.for_rule(rule);
            loosest = Some(match loosest {
                None => policy,
                Some(loosest) => ComparePolicy {
                    relative: loosest.relative.max(policy.relative),
                    absolute: loosest.absolute.max(policy.absolute),
                    approximate: loosest.approximate.max(policy.approximate),
                    strict_bounds: loosest.strict_bounds || policy.strict_bounds,
                    severity: None,
                },
            });
        }
        loosest.unwrap_or_default()
    }

    /// The display key of a finding about `claim`'s group, with `year` as its scope year and
    /// without the subject when `with_subject` is false (cross-subject findings).
    fn key(&self, claim: usize, year: Option<i32>, with_subject: bool) -> String {
        // Borrowed from the claim: no clones of the key's strings for each of possibly hundreds
        // of thousands of findings.
        let mut text = self.claims[claim].key_text();
        text.year = year;
        if !with_subject {
            text.subject = None;
        }
        let mut key = String::with_capacity(64);
        let _ = write!(key, "{text}");
        key
    }

    /// `"text"`, followed by the speaker or hedge when the claim is not plain.
    fn quote(&self, claim: usize, text: &str) -> String {
        match phrase::qualifier(&self.claims[claim].modality) {
            Some(qualifier) => format!("\"{text}\" ({qualifier})"),
            None => format!("\"{text}\""),
        }
    }

    /// `"text" (extra)`, with the speaker or hedge after `extra` when the claim is not plain.
    fn quote_with(&self, claim: usize, text: &str, extra: &str) -> String {
        match phrase::qualifier(&self.claims[claim].modality) {
            Some(qualifier) => format!("\"{text}\" ({extra}, {qualifier})"),
            None => format!("\"{text}\" ({extra})"),
        }
    }

    /// Builds a finding: stable id, article count.
    fn finding(
        &self,
        kind: FindingKind,
        severity: Severity,
        key: String,
        reason: String,
        claims: Vec<usize>,
    ) -> Finding {
        let mut ids: Vec<&str> = claims.iter().map(|&index| self.claims[index].id.as_str()).collect();
        ids.sort_unstable();
        // The parts "conflict:<kind>" (or the kind's name), then the sorted claim ids.
        let mut id = StableHasher::new();
        match kind {
            FindingKind::Conflict(conflict) => {
                id.write(b"conflict:");
                id.write(conflict.name().as_bytes());
                id.end_part();
            }
            FindingKind::Overlap => id.part("overlap"),
            FindingKind::Change => id.part("change"),
            FindingKind::SharedWording => id.part("shared-wording"),
            FindingKind::Reference(_) => unreachable!("reference findings are built by `reference::check`"),
        }
        for claim_id in ids {
            id.part(claim_id);
        }
        Finding {
            id: id.finish(),
            kind,
            severity,
            key,
            reason,
            articles: self.article_count(&claims),
            claims,
            reference: None,
        }
    }

    /// Builds a conflict whose severity follows the `quoted` claims; `claims` must start with
    /// them. When all quoted claims come from one article, the reason says so.
    fn conflict(
        &self,
        kind: ConflictKind,
        key: String,
        reason: String,
        quoted: &[usize],
        claims: Vec<usize>,
    ) -> Finding {
        let severity = if quoted.iter().all(|&index| is_firm(&self.claims[index].modality)) {
            Severity::Error
        } else {
            Severity::Warning
        };
        self.conflict_as(kind, severity, key, reason, quoted, claims)
    }

    /// Builds a conflict of `severity` (unless the rules of the quoted claims set one); `claims`
    /// must start with the `quoted` ones. The reason gets the scope and the sources, and says
    /// when all quoted claims come from one article.
    fn conflict_as(
        &self,
        kind: ConflictKind,
        severity: Severity,
        key: String,
        mut reason: String,
        quoted: &[usize],
        claims: Vec<usize>,
    ) -> Finding {
        let severity = quoted
            .iter()
            .filter_map(|&index| self.policy.for_rule(&self.claims[index].rule).severity)
            .max()
            .unwrap_or(severity);
        let first = quoted[0];
        let _ = write!(
            reason,
            " (scope: {}; sources: {})",
            self.scope(quoted),
            self.sources(quoted)
        );
        if quoted.len() > 1 && quoted.iter().all(|&index| self.articles[index] == self.articles[first]) {
            reason.push_str("; ");
            reason.push_str(&self.claims[first].evidence.path);
            reason.push_str(" contradicts itself");
        }
        self.finding(FindingKind::Conflict(kind), severity, key, reason, claims)
    }

    /// Whether the claim is asserted (negated claims only take part in polarity checks).
    fn is_asserted(&self, claim: usize) -> bool {
        self.asserted[claim]
    }

    /// The first firm claim of `claims`, else the first one.
    fn representative(&self, claims: &[usize]) -> usize {
        claims
            .iter()
            .copied()
            .filter(|&index| is_firm(&self.claims[index].modality))
            .min()
            .or_else(|| claims.iter().copied().min())
            .expect("a representative is only asked of a non-empty list")
    }
}

/// Neither hedged nor attributed (negation aside): such claims make a conflict an error.
fn is_firm(modality: &Modality) -> bool {
    modality.hedge.is_none() && modality.attribution.is_none()
}

/// The claims of a group compared for one explicit year (plus the undated ones).
struct Slice {
    /// The explicit year, or `None` when the group has no dated claim.
    year: Option<i32>,
    /// Claim indices, ascending.
    members: Vec<usize>,
    /// Whether findings about undated claims only are reported from this slice.
    reports_undated: bool,
}

impl Slice {
    /// Whether a finding quoting `claims` belongs to this slice (and not to an earlier one).
    fn reports(&self, context: &Context<'_>, claims: &[usize]) -> bool {
        self.reports_undated || claims.iter().any(|&index| context.time(index).is_some())
    }

    /// The year to show in the key of a finding about `claims`.
    /// Only a stated year shows in the key: a publication year is no scope of the claim.
    fn year_of(&self, context: &Context<'_>, claims: &[usize]) -> Option<i32> {
        let stated = |index: usize| edition::edition(&context.claims[index]).basis == edition::Basis::Stated;
        if claims.iter().any(|&index| stated(index)) {
            self.year
        } else {
            None
        }
    }
}

/// Whether `value` is one side of an "either … or" disjunction, held against no other claim.
fn is_disjunctive(value: &crate::claim::Value) -> bool {
    matches!(value, crate::claim::Value::Rank(rank) if rank.is_disjunctive())
}
