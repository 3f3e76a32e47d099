//! Running embedded examples: every rule's examples and counterexamples through the matcher,
//! and which rules fire on some positive example (`test --coverage`). The examples themselves
//! and their value notation are compiled with the rules ([`crate::rules::example`]).

use std::fmt::Write as _;

use crate::claim::Claim;
use crate::matcher::Matcher;
use crate::rules::example::Expectation;

impl Expectation {
    /// The first way `claim` differs from the expectation, if any.
    pub fn mismatch(&self, claim: &Claim) -> Option<String> {
        let id = |entity: &Option<crate::claim::Entity>| entity.as_ref().map(|entity| entity.id.to_string());
        if self.subject.is_some() && self.subject != id(&claim.subject) {
            return Some(format!("subject {:?}", id(&claim.subject)));
        }
        if self.object.is_some() && self.object != id(&claim.object) {
            return Some(format!("object {:?}", id(&claim.object)));
        }
        if let Some(value) = &self.value
            && !value.matches(&claim.value)
        {
            return Some("value".into());
        }
        if let Some(modality) = &self.modality
            && modality != claim.modality.label()
        {
            return Some(format!("modality {}", claim.modality.label()));
        }
        if let Some(speaker) = &self.speaker {
            let actual = claim
                .modality
                .attribution
                .as_ref()
                .map(|attribution| attribution.speaker.as_str());
            if actual != Some(speaker.as_str()) {
                return Some(format!("speaker {actual:?}"));
            }
        }
        if self.year.is_some() && self.year != claim.scope.year {
            return Some(format!("year {:?}", claim.scope.year));
        }
        if self.region.is_some() && self.region != claim.scope.region {
            return Some(format!("region {:?}", claim.scope.region));
        }
        None
    }
}

/// The outcome of one example.
#[derive(Clone, Debug)]
pub struct ExampleOutcome {
    /// Rule id.
    pub rule: String,
    /// Rules file path.
    pub path: String,
    /// One-based line of the example in the file.
    pub line: usize,
    /// The example text.
    pub text: String,
    /// Whether it was a positive example.
    pub positive: bool,
    /// `None` when it passed; otherwise what went wrong.
    pub failure: Option<String>,
}

/// Runs the embedded examples of every rule (or of the rules whose id contains `filter`).
pub fn run(matcher: &Matcher<'_>, filter: Option<&str>) -> Vec<ExampleOutcome> {
    let rules = matcher.rules();
    let mut outcomes = Vec::new();
    for rule in &rules.rules {
        if filter.is_some_and(|filter| !rule.id.contains(filter)) {
            continue;
        }
        let file = &rules.files[rule.file];
        for example in &rule.examples {
            let line = file.source[..example.span.start.min(file.source.len())]
                .matches('\n')
                .count()
                + 1;
            let claims: Vec<Claim> = matcher
                .extract_text("<example>", &example.text)
                .into_iter()
                .filter(|claim| claim.rule == rule.id)
                .collect();
            let failure = if example.positive {
                if claims.is_empty() {
                    Some("expected a match, found none".to_string())
                } else if claims.iter().any(|claim| example.expect.mismatch(claim).is_none()) {
                    None
                } else {
                    let described: Vec<String> = claims.iter().map(describe).collect();
                    Some(format!(
                        "expected {}, extracted {}",
                        example.expect.describe(),
                        described.join("; ")
                    ))
                }
            } else if claims.is_empty() {
                None
            } else {
                let described: Vec<String> = claims.iter().map(describe).collect();
                Some(format!("expected no match, extracted {}", described.join("; ")))
            };
            outcomes.push(ExampleOutcome {
                rule: rule.id.clone(),
                path: file.path.clone(),
                line,
                text: example.text.clone(),
                positive: example.positive,
                failure,
            });
        }
    }
    outcomes
}

/// Whether a rule fires on a positive example.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// Rule id.
    pub rule: String,
    /// Rules file path.
    pub path: String,
    /// One-based line of the rule's id in the file.
    pub line: usize,
    /// Whether some positive example (of any rule) makes the rule fire.
    pub covered: bool,
}

/// For every rule (or every rule whose id contains `filter`), whether a positive example of the
/// rule set makes it fire. A rule that fires on no positive example is untested: its patterns
/// could be broken and no example would notice.
pub fn coverage(matcher: &Matcher<'_>, filter: Option<&str>) -> Vec<Coverage> {
    let rules = matcher.rules();
    let mut fired = std::collections::HashSet::new();
    for rule in &rules.rules {
        for example in rule.examples.iter().filter(|example| example.positive) {
            for claim in matcher.extract_text("<example>", &example.text) {
                fired.insert(claim.rule);
            }
        }
    }
    rules
        .rules
        .iter()
        .filter(|rule| filter.is_none_or(|filter| rule.id.contains(filter)))
        .map(|rule| {
            let file = &rules.files[rule.file];
            Coverage {
                rule: rule.id.clone(),
                path: file.path.clone(),
                line: file.source[..rule.span.start.min(file.source.len())]
                    .matches('\n')
                    .count()
                    + 1,
                covered: fired.contains(rule.id.as_str()),
            }
        })
        .collect()
}

/// One line describing a claim: subject, object, value, modality, scope.
pub fn describe(claim: &Claim) -> String {
    let id =
        |entity: &Option<crate::claim::Entity>| entity.as_ref().map_or("-".to_string(), |entity| entity.id.to_string());
    let mut out = format!(
        "subject={} object={} value={} modality={}",
        id(&claim.subject),
        id(&claim.object),
        claim.value.canonical_text(),
        claim.modality.label()
    );
    if let Some(attribution) = &claim.modality.attribution {
        let _ = write!(out, " speaker={}", attribution.speaker);
    }
    if let Some(year) = claim.scope.year {
        let _ = write!(out, " year={year}");
    }
    if let Some(region) = &claim.scope.region {
        let _ = write!(out, " region={region}");
    }
    out
}

impl Expectation {
    /// The expectation in the notation of [`describe`].
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let mut push = |name: &str, value: Option<String>| {
            if let Some(value) = value {
                parts.push(format!("{name}={value}"));
            }
        };
        push("subject", self.subject.clone());
        push("object", self.object.clone());
        push("value", self.value.as_ref().map(ToString::to_string));
        push("modality", self.modality.clone());
        push("speaker", self.speaker.clone());
        push("year", self.year.map(|year| year.to_string()));
        push("region", self.region.clone());
        if parts.is_empty() {
            "a match".to_string()
        } else {
            parts.join(" ")
        }
    }
}
