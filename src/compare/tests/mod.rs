//! Fixture pairs for every conflict kind and for the cases that must stay silent.

mod cross;
mod labels;
mod news;
mod symbols;
mod values;

use super::compare;
use crate::claim::{
    Attribution, Bound, Claim, Cue, Entity, Evidence, Modality, Order, Polarity, Quantity, Rank, Relation, Scope, Span,
    Value,
};
use crate::finding::{ConflictKind, Finding, FindingKind, Policy, Severity};
use crate::id::stable_id;

fn entity(id: &str) -> Entity {
    Entity {
        id: id.into(),
        lexicon: "test".into(),
        text: id.to_owned(),
        span: Span::default(),
    }
}

/// A claim builder: `claim("a.md", "reserves", "russia", exact("28.7 Mt", 28.7e6, "t"))`.
struct Build(Claim);

fn claim(path: &str, kind: &str, subject: &str, value: Value) -> Build {
    let quote = match &value {
        Value::Quantity(quantity) => quantity.text.clone(),
        Value::Rank(rank) => rank.text.clone(),
        Value::Order(order) => order.text.clone(),
        Value::Change(change) => change.text.clone(),
        Value::Stance { stance } => stance.clone(),
        Value::Category { label } => label.clone(),
        Value::Statement => format!("{subject} {kind}"),
    };
    Build(Claim {
        id: String::new(),
        rule: format!("{kind}-rule").into(),
        kind: kind.into(),
        subject: Some(entity(subject)),
        object: Some(entity("rare-earths")),
        scope: Scope::default(),
        value,
        modality: Modality::default(),
        evidence: Evidence {
            path: path.into(),
            span: Span::new(0, quote.len()),
            line: 1,
            column: 1,
            sentence: format!("In {path}, {subject} has {quote} of {kind}.").into(),
            whole_sentence: None,
            quote,
            sentence_span: Span::new(0, 1),
        },
        alternate: None,
        cell: None,
        time: None,
        antecedent: None,
        alias_link: None,
        stand_in: None,
        source: None,
        edition: None,
    })
}

impl Build {
    fn year(mut self, year: i32) -> Self {
        self.0.scope.year = Some(year);
        self
    }
    fn region(mut self, region: &str) -> Self {
        self.0.scope.region = Some(region.to_owned());
        self
    }
    fn object(mut self, object: &str) -> Self {
        self.0.object = Some(entity(object));
        self
    }
    fn negated(mut self) -> Self {
        self.0.modality.polarity = Polarity::Negated;
        self.0.modality.negation = Some(Box::new(Cue {
            text: "not".to_owned(),
            span: Span::default(),
        }));
        self
    }
    fn hedged(mut self, cue: &str) -> Self {
        self.0.modality.hedge = Some(Box::new(Cue {
            text: cue.to_owned(),
            span: Span::default(),
        }));
        self
    }
    fn attributed(mut self, speaker: &str) -> Self {
        let cue = Cue {
            text: "said".to_owned(),
            span: Span::default(),
        };
        self.0.modality.attribution = Some(Box::new(Attribution {
            speaker: speaker.to_owned(),
            cue,
        }));
        self
    }
    fn alternate(mut self, value: Value) -> Self {
        let Value::Quantity(quantity) = value else {
            unreachable!("an alternate is a quantity")
        };
        self.0.alternate = Some(Box::new(quantity));
        self
    }
    fn sentence(mut self, sentence: &str, start: usize) -> Self {
        self.0.evidence.sentence = sentence.into();
        self.0.evidence.sentence_span = Span::new(start, start + sentence.len());
        self
    }
}

/// Finishes the builders: ids from content and position, as the matcher would.
fn claims(builds: Vec<Build>) -> Vec<Claim> {
    builds
        .into_iter()
        .enumerate()
        .map(|(position, Build(mut claim))| {
            claim.id = stable_id(&[
                claim.evidence.path.to_string(),
                format!("{:?}", claim.value),
                claim.evidence.sentence.to_string(),
                position.to_string(),
            ]);
            claim
        })
        .collect()
}

fn quantity(text: &str, value: f64, unit: &str, bound: Bound) -> Value {
    let (low, high) = match bound {
        Bound::AtLeast | Bound::MoreThan => (Some(value), None),
        Bound::AtMost | Bound::LessThan => (None, Some(value)),
        _ => (Some(value), Some(value)),
    };
    Value::Quantity(Quantity {
        value,
        low,
        high,
        unit: unit.to_owned(),
        bound,
        text: text.to_owned(),
        span: Span::default(),
        noun: None,
        reading: crate::value::quantity::Reading::default(),
    })
}

fn exact(text: &str, value: f64) -> Value {
    quantity(text, value, "t", Bound::Exact)
}

fn rank(text: &str, best: u32, worst: u32) -> Value {
    Value::Rank(Rank {
        best,
        worst,
        text: text.to_owned(),
        span: Span::default(),
        ..Rank::default()
    })
}

fn order(relation: Relation, than: &str, text: &str) -> Value {
    Value::Order(Order {
        relation,
        than: entity(than),
        text: text.to_owned(),
        span: Span::default(),
    })
}

fn stance(stance: &str) -> Value {
    Value::Stance {
        stance: stance.to_owned(),
    }
}

fn policy() -> Policy {
    let names = [
        ("russia", "Russia"),
        ("china", "China"),
        ("ukraine", "Ukraine"),
        ("rare-earths", "rare earths"),
        ("lithium", "lithium"),
    ];
    Policy {
        names: names
            .iter()
            .map(|(id, name)| ((*id).to_owned(), (*name).to_owned()))
            .collect(),
        opposed: vec![(
            "supply".to_owned(),
            "self-sufficient".to_owned(),
            "dependent".to_owned(),
        )],
        // Off by default: the builder's sentences are all alike.
        shared_wording: None,
        ..Policy::default()
    }
}

fn conflicts(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|finding| matches!(finding.kind, FindingKind::Conflict(_)))
        .collect()
}

/// Compares `builds` and checks that there is exactly one conflict, of `kind` and `severity`;
/// returns it.
#[track_caller]
fn check_conflict(builds: Vec<Build>, kind: ConflictKind, severity: Severity) -> Finding {
    let claims = claims(builds);
    let findings = compare(&claims, &policy());
    let found = conflicts(&findings);
    assert_eq!(found.len(), 1, "expected one conflict, got {findings:#?}");
    assert_eq!(found[0].kind, FindingKind::Conflict(kind), "{findings:#?}");
    assert_eq!(found[0].severity, severity, "{findings:#?}");
    found[0].clone()
}

/// Checks that `builds` give no conflict at all.
#[track_caller]
fn check_silent(builds: Vec<Build>) -> Vec<Finding> {
    let claims = claims(builds);
    let findings = compare(&claims, &policy());
    assert!(
        conflicts(&findings).is_empty(),
        "expected no conflict, got {findings:#?}"
    );
    findings
}
