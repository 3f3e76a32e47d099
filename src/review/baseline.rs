//! Comparing a report with a baseline: which findings are new, which were resolved.
//!
//! [`compare`] matches the findings of two reports by stable id. A finding of the new report
//! that the baseline lacks is *new* (or *acknowledged*, when the run that wrote the new report
//! had it in its acknowledgements file); a finding of the baseline that the new report lacks is
//! *resolved*; findings in both are *unchanged* and only counted. The result is itself a report —
//! the listed findings, their claims (from whichever report holds them) and their articles —
//! with a [`Review`] that the renderers print as statuses.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Duration;

use crate::claim::Claim;
use crate::finding::Finding;
use crate::report::{Annotation, ArticleInfo, BaselineCounts, Report, Review, SavedReport, Status, Summary};

/// The findings that differ between a baseline and a new report, as a report of their own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// Articles of the listed claims, by path.
    pub articles: Vec<ArticleInfo>,
    /// Claims of the listed findings.
    pub claims: Vec<Claim>,
    /// New findings, then acknowledged ones, then resolved ones, each in report order.
    pub findings: Vec<Finding>,
    /// Statuses of [`Comparison::findings`] and the counts.
    pub review: Review,
}

impl Comparison {
    /// The comparison as a report for the renderers.
    pub fn report(&self, elapsed: Option<Duration>) -> Report<'_> {
        Report {
            articles: &self.articles,
            claims: &self.claims,
            findings: &self.findings,
            summary: Summary {
                articles: self.articles.len(),
                claims: self.claims.len(),
                elapsed,
            },
        }
    }
}

/// Compares `new` with the baseline `old` (see the module docs).
pub fn compare(old: &SavedReport, new: &SavedReport) -> Comparison {
    let old_ids: HashSet<&str> = old.findings.iter().map(|finding| finding.id.as_str()).collect();
    let new_ids: HashSet<&str> = new.findings.iter().map(|finding| finding.id.as_str()).collect();
    let mut builder = Builder::default();
    let mut unchanged = 0;
    let mut acknowledged = Vec::new();
    for (index, finding) in new.findings.iter().enumerate() {
        if old_ids.contains(finding.id.as_str()) {
            unchanged += 1;
            continue;
        }
        match new.acknowledged.get(index).cloned().flatten() {
            Some(reason) => acknowledged.push((finding, reason)),
            None => builder.add(new, finding, Status::New, None),
        }
    }
    let new_count = builder.findings.len();
    for (finding, reason) in acknowledged {
        builder.add(new, finding, Status::Acknowledged, Some(reason));
    }
    let mut resolved = 0;
    for (index, finding) in old.findings.iter().enumerate() {
        if !new_ids.contains(finding.id.as_str()) {
            let reason = old.acknowledged.get(index).cloned().flatten();
            builder.add(old, finding, Status::Resolved, reason);
            resolved += 1;
        }
    }
    let mut articles: BTreeMap<&str, &ArticleInfo> = BTreeMap::new();
    for source in [old, new] {
        for article in &source.articles {
            articles.insert(article.path.as_str(), article);
        }
    }
    let used: HashSet<&str> = builder
        .claims
        .iter()
        .map(|claim| claim.evidence.path.as_str())
        .collect();
    let articles = articles
        .into_iter()
        .filter(|(path, _)| used.contains(path))
        .map(|(_, article)| article.clone())
        .collect();
    Comparison {
        articles,
        claims: builder.claims,
        findings: builder.findings,
        review: Review {
            annotations: builder.annotations,
            baseline: Some(BaselineCounts {
                new: new_count,
                resolved,
                unchanged,
            }),
        },
    }
}

/// Collects findings with their claims, renumbering claim indices into one list.
#[derive(Default)]
struct Builder {
    claims: Vec<Claim>,
    /// Claim id → index in `claims`. A claim id is a content hash, so a claim that both
    /// reports hold is listed once, as the first report added gives it (the new one).
    positions: HashMap<String, usize>,
    findings: Vec<Finding>,
    annotations: Vec<Annotation>,
}

impl Builder {
    fn add(&mut self, source: &SavedReport, finding: &Finding, status: Status, reason: Option<String>) {
        let mut listed = finding.clone();
        listed.claims = finding
            .claims
            .iter()
            .filter_map(|&index| {
                let claim = source.claims.get(index)?;
                Some(*self.positions.entry(claim.id.clone()).or_insert_with(|| {
                    self.claims.push(claim.clone());
                    self.claims.len() - 1
                }))
            })
            .collect();
        self.findings.push(listed);
        self.annotations.push(Annotation {
            status: Some(status),
            acknowledged: reason,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Evidence, Modality, Scope, Span, Value};
    use crate::finding::{ConflictKind, FindingKind, Severity};

    fn claim(id: &str, path: &str) -> Claim {
        Claim {
            id: id.to_owned(),
            rule: "rule".into(),
            kind: "kind".into(),
            subject: None,
            object: None,
            scope: Scope::default(),
            value: Value::Statement,
            modality: Modality::default(),
            evidence: Evidence {
                path: path.into(),
                span: Span::new(0, 1),
                line: 1,
                column: 1,
                quote: "x".to_owned(),
                sentence: "x".into(),
                sentence_span: Span::new(0, 1),
                whole_sentence: None,
            },
            alternate: None,
            cell: None,
            time: None,
            antecedent: None,
            alias_link: None,
            stand_in: None,
            source: None,
            edition: None,
        }
    }

    fn finding(id: &str, claims: Vec<usize>) -> Finding {
        Finding {
            id: id.to_owned(),
            kind: FindingKind::Conflict(ConflictKind::Polarity),
            severity: Severity::Error,
            key: "kind".to_owned(),
            reason: format!("reason {id}"),
            claims,
            articles: 2,
            reference: None,
        }
    }

    fn report(claims: &[(&str, &str)], findings: Vec<Finding>, acknowledged: Vec<Option<String>>) -> SavedReport {
        let articles = claims
            .iter()
            .map(|(_, path)| ArticleInfo {
                path: (*path).to_owned(),
                meta: crate::text::Meta::default(),
            })
            .collect();
        SavedReport {
            articles,
            claims: claims.iter().map(|(id, path)| claim(id, path)).collect(),
            findings,
            acknowledged,
            is_comparison: false,
        }
    }

    #[test]
    fn only_new_acknowledged_and_resolved_findings_are_listed() {
        let old = report(
            &[("a", "one.md"), ("b", "two.md"), ("c", "three.md")],
            vec![finding("kept", vec![0, 1]), finding("gone", vec![1, 2])],
            vec![None, None],
        );
        let new = report(
            &[("a", "one.md"), ("b", "two.md"), ("d", "four.md")],
            vec![
                finding("kept", vec![0, 1]),
                finding("fresh", vec![0, 2]),
                finding("accepted", vec![1, 2]),
            ],
            vec![None, None, Some("checked".to_owned())],
        );
        let comparison = compare(&old, &new);
        let listed: Vec<(&str, Option<Status>)> = comparison
            .findings
            .iter()
            .zip(&comparison.review.annotations)
            .map(|(finding, annotation)| (finding.id.as_str(), annotation.status))
            .collect();
        assert_eq!(
            listed,
            [
                ("fresh", Some(Status::New)),
                ("accepted", Some(Status::Acknowledged)),
                ("gone", Some(Status::Resolved)),
            ]
        );
        assert_eq!(
            comparison.review.baseline,
            Some(BaselineCounts {
                new: 1,
                resolved: 1,
                unchanged: 1
            })
        );
        // Claims are renumbered into one list, each claim id once.
        let ids: Vec<&str> = comparison.claims.iter().map(|claim| claim.id.as_str()).collect();
        assert_eq!(ids, ["a", "d", "b", "c"]);
        assert_eq!(comparison.findings[1].claims, [2, 1]);
        assert_eq!(comparison.findings[2].claims, [2, 3]);
        assert!(comparison.review.fails(&comparison.findings, Severity::Error));
        let paths: Vec<&str> = comparison
            .articles
            .iter()
            .map(|article| article.path.as_str())
            .collect();
        assert_eq!(paths, ["four.md", "one.md", "three.md", "two.md"]);
    }

    #[test]
    fn identical_reports_have_nothing_to_show() {
        let old = report(
            &[("a", "one.md"), ("b", "two.md")],
            vec![finding("kept", vec![0, 1])],
            vec![None],
        );
        let comparison = compare(&old, &old);
        assert!(comparison.findings.is_empty());
        assert!(!comparison.review.fails(&comparison.findings, Severity::Info));
        assert_eq!(comparison.review.baseline.map(|counts| counts.unchanged), Some(1));
    }
}
