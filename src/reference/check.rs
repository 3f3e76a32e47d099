//! Claims against reference rows: one finding per checked claim.
//!
//! Which row a claim is held against follows the claim's edition (the comparator's one reader
//! of a claim's time): a year the sentence states must be a year of the table, else the claim
//! refers to another time (a note); a claim dated only by its article's publication takes the
//! latest row up to that year (the edition a writer could have read); an undated one the latest
//! row. Quantities agree when the reference value lies in the claim's interval as the
//! comparator builds it under the claim's rule tolerance ([`interval::quantity`]); ranks when
//! the stated or implied rank lies in the claim's rank range; orders when the two rows' values
//! stand in the claimed relation. Negated, regional and superseded claims are not checked, nor
//! ranks within a region or group ("Asia's largest") or one side of an "either … or".

use rayon::prelude::*;

use super::{Reference, Row, RowValue};
use crate::claim::{Claim, Polarity, Quantity, Rank, Relation, Value};
use crate::compare::edition::{self, Basis};
use crate::compare::{interval, phrase};
use crate::finding::{Finding, FindingKind, Policy, Severity, Verdict};
use crate::id::StableHasher;

/// Checks every claim against `reference` and returns one finding per claim that has rows,
/// sorted in claim order. Pure and deterministic; parallel over claims.
pub fn check(claims: &[Claim], reference: &Reference, policy: &Policy) -> Vec<Finding> {
    if reference.is_empty() {
        return Vec::new();
    }
    claims
        .par_iter()
        .enumerate()
        .filter_map(|(index, claim)| check_claim(reference, policy, index, claim))
        .collect()
}

/// What a claim was held against, before the finding is worded.
struct Outcome<'a> {
    verdict: Verdict,
    row: &'a Row,
    reason: String,
}

fn check_claim(reference: &Reference, policy: &Policy, index: usize, claim: &Claim) -> Option<Finding> {
    if claim.modality.polarity == Polarity::Negated || claim.scope.region.is_some() {
        // A regional claim (a rank within Asia included) is not held against world rows.
        return None;
    }
    if let Value::Rank(rank) = &claim.value
        && (rank.is_disjunctive() || rank.within.is_some())
    {
        return None;
    }
    let subject = claim.subject.as_ref()?.id.as_str();
    let object = claim.object.as_ref().map(|entity| entity.id.as_str());
    let outcome = match &claim.value {
        Value::Quantity(quantity) => check_quantity(reference, policy, claim, subject, object, quantity)?,
        Value::Rank(rank) => check_rank(reference, policy, claim, subject, object, rank)?,
        Value::Order(order) => check_order(
            reference,
            policy,
            claim,
            subject,
            order.than.id.as_str(),
            object,
            order.relation,
        )?,
        _ => return None,
    };
    Some(finding(index, claim, outcome))
}

/// The row of `rows` that `claim`'s time picks ([`pick`]), or the "another time" outcome when
/// the table has no row for it; `None` when there are no rows.
fn row_for<'a>(
    reference: &'a Reference,
    rows: &[usize],
    claim: &Claim,
    described: &str,
) -> Option<Result<&'a Row, Outcome<'a>>> {
    Some(match pick(reference, rows, claim)? {
        Ok(position) => Ok(&reference.rows[position]),
        Err(nearest) => Err(other_time(reference, claim, rows, described, &reference.rows[nearest])),
    })
}

/// The position of the row of `rows` (sorted by year) that `claim`'s time picks, or `Err`
/// with the nearest row's when the claim refers to a year the table does not have; `None`
/// when there are no rows.
fn pick(reference: &Reference, rows: &[usize], claim: &Claim) -> Option<Result<usize, usize>> {
    let year_of = |position: usize| reference.rows[position].year;
    let latest = *rows.last()?;
    let edition = edition::edition(claim);
    Some(match (edition.time, edition.basis) {
        (Some(year), Basis::Stated) => rows
            .iter()
            .copied()
            .find(|&position| year_of(position) == year)
            .ok_or_else(|| {
                rows.iter()
                    .copied()
                    .min_by_key(|&position| ((year_of(position) - year).abs(), -year_of(position)))
                    .unwrap_or(latest)
            }),
        (Some(year), _) => rows
            .iter()
            .rev()
            .copied()
            .find(|&position| year_of(position) <= year)
            .ok_or(rows[0]),
        (None, _) => Ok(latest),
    })
}

/// "for 2019", "published in 2025", "undated".
fn claim_time(claim: &Claim) -> String {
    let edition = edition::edition(claim);
    match (edition.time, edition.basis) {
        (Some(year), Basis::Stated) => format!("for {year}"),
        (Some(year), _) => format!("published in {year}"),
        (None, _) => "undated".to_owned(),
    }
}

/// The years the table has for `rows`: "2023 and 2024".
fn years(reference: &Reference, rows: &[usize]) -> String {
    let mut years: Vec<String> = rows
        .iter()
        .map(|&position| reference.rows[position].year.to_string())
        .collect();
    years.dedup();
    phrase::list(&years)
}

fn other_time<'a>(
    reference: &Reference,
    claim: &Claim,
    rows: &[usize],
    described: &str,
    nearest: &'a Row,
) -> Outcome<'a> {
    Outcome {
        verdict: Verdict::OtherTime,
        row: nearest,
        reason: format!(
            "{} is {}, but the reference gives {described} for {} only (nearest: {} for {}, {})",
            quote(claim),
            claim_time(claim),
            years(reference, rows),
            nearest.value_text(),
            nearest.year,
            nearest.source_text()
        ),
    }
}

/// `"3.8 million tonnes"`, with the speaker or hedge when the claim is not plain.
fn quote(claim: &Claim) -> String {
    let text = match &claim.value {
        Value::Quantity(quantity) => quantity.text.as_str(),
        Value::Rank(rank) => rank.text.as_str(),
        Value::Order(order) => order.text.as_str(),
        _ => claim.evidence.quote.as_str(),
    };
    match phrase::qualifier(&claim.modality) {
        Some(qualifier) => format!("\"{text}\" ({qualifier})"),
        None => format!("\"{text}\""),
    }
}

fn check_quantity<'a>(
    reference: &'a Reference,
    policy: &Policy,
    claim: &Claim,
    subject: &str,
    object: Option<&str>,
    quantity: &Quantity,
) -> Option<Outcome<'a>> {
    if !quantity.value.is_finite() || edition::superseded(claim, &quantity.text).is_some() {
        return None;
    }
    let rows: Vec<usize> = reference
        .rows_of(&claim.kind, subject, object)
        .iter()
        .copied()
        .filter(
            |&position| matches!(&reference.rows[position].value, RowValue::Quantity(row) if row.unit == quantity.unit),
        )
        .collect();
    let described = phrase::describe(policy, &claim.kind, Some(subject), object);
    let row = match row_for(reference, &rows, claim, &described)? {
        Ok(row) => row,
        Err(other_time) => return Some(other_time),
    };
    let RowValue::Quantity(expected) = &row.value else {
        return None;
    };
    let rule = policy.for_rule(&claim.rule);
    let item = interval::quantity(0, quantity, &rule, interval::stated_maximum(claim, quantity));
    let tolerance = phrase::tolerance(&rule, &quantity.unit);
    let agrees = item.low <= expected.value && expected.value <= item.high;
    let given = format!("{} ({})", quote(claim), claim.value.reason_text());
    let reason = if agrees {
        format!(
            "{described} {} given as {given}, which agrees with {} for {} ({}, {tolerance})",
            phrase::be(&claim.kind),
            row.value_text(),
            row.year,
            row.source_text()
        )
    } else {
        format!(
            "{described} {} given as {given}, but {} gives {} for {}, which does not overlap {tolerance}",
            phrase::be(&claim.kind),
            row.source_text(),
            row.value_text(),
            row.year
        )
    };
    Some(Outcome {
        verdict: if agrees { Verdict::Agrees } else { Verdict::Disagrees },
        row,
        reason,
    })
}

/// The kind whose quantities rank and order claims of `kind` are measured by.
fn measured<'a>(policy: &'a Policy, kind: &'a str) -> &'a str {
    policy.measured_by.get(kind).map_or(kind, String::as_str)
}

/// The rows of `entity` that imply a ranking: quantities, by year.
fn quantity_rows(reference: &Reference, kind: &str, entity: &str, object: Option<&str>) -> Vec<usize> {
    reference
        .rows_of(kind, entity, object)
        .iter()
        .copied()
        .filter(|position| reference.ranking.contains_key(position))
        .collect()
}

fn check_rank<'a>(
    reference: &'a Reference,
    policy: &Policy,
    claim: &Claim,
    subject: &str,
    object: Option<&str>,
    rank: &Rank,
) -> Option<Outcome<'a>> {
    let described = phrase::describe(policy, &claim.kind, Some(subject), object);
    let claimed = format!("{} ({})", quote(claim), rank.reason_text());
    let (best, worst) = (rank.best.min(rank.worst), rank.worst.max(rank.best));
    let stated: Vec<usize> = reference
        .rows_of(&claim.kind, subject, object)
        .iter()
        .copied()
        .filter(|&position| matches!(reference.rows[position].value, RowValue::Rank(_)))
        .collect();
    if !stated.is_empty() {
        let row = match pick(reference, &stated, claim)? {
            Ok(position) => &reference.rows[position],
            Err(nearest) => {
                return Some(other_time(
                    reference,
                    claim,
                    &stated,
                    &described,
                    &reference.rows[nearest],
                ));
            }
        };
        let RowValue::Rank(expected) = row.value else {
            return None;
        };
        let agrees = (best..=worst).contains(&expected);
        return Some(Outcome {
            verdict: if agrees { Verdict::Agrees } else { Verdict::Disagrees },
            row,
            reason: format!(
                "{described} {} ranked {claimed}, {} {} ranks them {} for {}",
                phrase::be(&claim.kind),
                if agrees { "and" } else { "but" },
                row.source_text(),
                crate::value::number::ordinal(expected),
                row.year
            ),
        });
    }
    let kind = measured(policy, &claim.kind);
    let rows = quantity_rows(reference, kind, subject, object);
    let position = match pick(reference, &rows, claim)? {
        Ok(position) => position,
        Err(nearest) => {
            return Some(other_time(
                reference,
                claim,
                &rows,
                &described,
                &reference.rows[nearest],
            ));
        }
    };
    let row = &reference.rows[position];
    let (implied_best, implied_worst, group) = reference.ranking[&position];
    let agrees = implied_best <= worst && best <= implied_worst;
    let implied = if implied_best == implied_worst {
        crate::value::number::ordinal(implied_best)
    } else {
        format!("joint {}", crate::value::number::ordinal(implied_best))
    };
    let ahead: Vec<String> = reference.groups[group]
        .iter()
        .take(implied_best as usize - 1)
        .take(5)
        .map(|&position| policy.name(&reference.rows[position].entity).to_owned())
        .collect();
    let behind = match (implied_best as usize - 1, ahead.len()) {
        (0, _) => String::new(),
        (all, shown) if all == shown => format!(", behind {}", phrase::list(&ahead)),
        (all, shown) => format!(", behind {} and {} more", ahead.join(", "), all - shown),
    };
    Some(Outcome {
        verdict: if agrees { Verdict::Agrees } else { Verdict::Disagrees },
        row,
        reason: format!(
            "{described} {} ranked {claimed}, {} the figures of {} for {} put {} {implied} ({}{behind})",
            phrase::be(&claim.kind),
            if agrees { "and" } else { "but" },
            row.source_text(),
            row.year,
            policy.name(subject),
            row.value_text(),
        ),
    })
}

#[allow(clippy::too_many_arguments)]
fn check_order<'a>(
    reference: &'a Reference,
    policy: &Policy,
    claim: &Claim,
    subject: &str,
    than: &str,
    object: Option<&str>,
    relation: Relation,
) -> Option<Outcome<'a>> {
    let kind = measured(policy, &claim.kind);
    let rows = quantity_rows(reference, kind, subject, object);
    let others = quantity_rows(reference, kind, than, object);
    if others.is_empty() {
        return None;
    }
    let described = phrase::describe(policy, &claim.kind, Some(subject), object);
    let row = match row_for(reference, &rows, claim, &described)? {
        Ok(row) => row,
        Err(other_time) => return Some(other_time),
    };
    let other = others
        .iter()
        .map(|&position| &reference.rows[position])
        .find(|other| other.year == row.year)?;
    let (RowValue::Quantity(own), RowValue::Quantity(theirs)) = (&row.value, &other.value) else {
        return None;
    };
    if own.unit != theirs.unit {
        return None;
    }
    let agrees = match relation {
        Relation::Greater => own.value > theirs.value,
        Relation::Less => own.value < theirs.value,
    };
    let side = if relation == Relation::Greater {
        "larger"
    } else {
        "smaller"
    };
    Some(Outcome {
        verdict: if agrees { Verdict::Agrees } else { Verdict::Disagrees },
        row,
        reason: format!(
            "{} says {described} {} {side} than {}'s, {} {} gives {} against {} for {} ({}:{})",
            quote(claim),
            phrase::be(&claim.kind),
            policy.name(than),
            if agrees { "and" } else { "but" },
            row.source_text(),
            row.value_text(),
            other.value_text(),
            row.year,
            other.file,
            other.line,
        ),
    })
}

/// The finding of one checked claim: severity from the verdict and the claim's firmness, a
/// content id from the claim's id and the row's content (never its line).
fn finding(index: usize, claim: &Claim, outcome: Outcome<'_>) -> Finding {
    let severity = match outcome.verdict {
        Verdict::Disagrees if claim.modality.hedge.is_none() && claim.modality.attribution.is_none() => Severity::Error,
        Verdict::Disagrees => Severity::Warning,
        Verdict::OtherTime | Verdict::Agrees => Severity::Info,
    };
    let row = outcome.row;
    let mut id = StableHasher::new();
    id.write(b"reference:");
    id.write(outcome.verdict.name().as_bytes());
    id.end_part();
    id.part(&claim.id);
    for part in [
        &row.entity,
        &row.kind,
        row.object.as_deref().unwrap_or_default(),
        &row.source,
    ] {
        id.part(part);
    }
    id.part(&row.year.to_string());
    id.part(&row.value_text());
    let mut key = claim.key_text();
    key.year = (edition::edition(claim).basis == Basis::Stated)
        .then_some(claim.scope.year.or(edition::edition(claim).time))
        .flatten();
    let key = key.to_string();
    Finding {
        id: id.finish(),
        kind: FindingKind::Reference(outcome.verdict),
        severity,
        key,
        reason: outcome.reason,
        claims: vec![index],
        articles: 1,
        reference: Some(Box::new(row.citation())),
    }
}
