//! Embedded examples: the texts each rule carries as its own tests, and the notation of their
//! expected values.
//!
//! Expected values are written as `28700000 t` (exact), `2.87e7 t`, `~10000000 t`
//! (approximate), `>20000000 t` / `>=…` / `<…` / `<=…` (bounds), `10000000..12000000 t`
//! (range), `1` or `1..10` (ranks), `> ukraine` / `< china` (orders), or a stance or category
//! label. Numbers compare with a relative precision of 1e-9, so `2.87e7` and `28700000` agree.

use std::fmt::Write as _;
use std::ops::Range;

use crate::claim::{Bound, Claim, Relation, Value};
use crate::matcher::Matcher;

use super::syntax::{CompareMode, ExampleSyntax};

/// An expected value.
#[derive(Clone, Debug, PartialEq)]
pub enum ExpectedValue {
    /// A quantity with its bound, interval ends and canonical unit.
    Quantity {
        /// Bound kind.
        bound: Bound,
        /// The figure (or the low end of a range).
        value: f64,
        /// The high end of a range.
        high: Option<f64>,
        /// Canonical unit.
        unit: String,
    },
    /// A rank interval.
    Rank {
        /// Best position.
        best: u32,
        /// Worst position.
        worst: u32,
    },
    /// An order against another entity id.
    Order {
        /// Greater or less.
        relation: Relation,
        /// The other entity's id.
        than: String,
    },
    /// A stance or category label.
    Label(String),
}

impl ExpectedValue {
    /// Reads the notation for a rule comparing by `compare`.
    pub fn parse(written: &str, compare: CompareMode) -> Result<ExpectedValue, String> {
        let written = written.trim();
        match compare {
            CompareMode::Quantity => parse_quantity(written),
            CompareMode::Rank => {
                let (best, worst) = written.split_once("..").unwrap_or((written, written));
                let best: u32 = best
                    .trim()
                    .parse()
                    .map_err(|_| "a rank is a whole number like `1` or `1..10`".to_string())?;
                let worst: u32 = worst
                    .trim()
                    .parse()
                    .map_err(|_| "a rank is a whole number like `1` or `1..10`".to_string())?;
                if best == 0 || worst < best {
                    return Err("ranks start at 1 and a range goes from best to worst".into());
                }
                Ok(ExpectedValue::Rank { best, worst })
            }
            CompareMode::Order => {
                let (relation, rest) = if let Some(rest) = written.strip_prefix('>') {
                    (Relation::Greater, rest)
                } else if let Some(rest) = written.strip_prefix('<') {
                    (Relation::Less, rest)
                } else {
                    return Err("an order is `> id` or `< id`".into());
                };
                let than = rest.trim();
                if than.is_empty() {
                    return Err("name the entity compared with, e.g. `> ukraine`".into());
                }
                Ok(ExpectedValue::Order {
                    relation,
                    than: than.to_string(),
                })
            }
            CompareMode::Stance | CompareMode::Category | CompareMode::Statement => {
                if written.is_empty() {
                    return Err("the label is empty".into());
                }
                Ok(ExpectedValue::Label(written.to_string()))
            }
        }
    }

    /// Whether `value` is what was expected.
    pub fn matches(&self, value: &Value) -> bool {
        match (self, value) {
            (
                ExpectedValue::Quantity {
                    bound,
                    value: figure,
                    high,
                    unit,
                },
                Value::Quantity(quantity),
            ) => {
                let near = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-12);
                if *bound != quantity.bound || *unit != quantity.unit {
                    return false;
                }
                match bound {
                    Bound::Range => {
                        quantity.low.is_some_and(|low| near(low, *figure))
                            && quantity.high.zip(*high).is_some_and(|(a, b)| near(a, b))
                    }
                    _ => near(quantity.value, *figure),
                }
            }
            (ExpectedValue::Rank { best, worst }, Value::Rank(rank)) => rank.best == *best && rank.worst == *worst,
            (ExpectedValue::Order { relation, than }, Value::Order(order)) => {
                order.relation == *relation && order.than.id == *than
            }
            (ExpectedValue::Label(label), Value::Stance { stance }) => stance == label,
            (ExpectedValue::Label(label), Value::Category { label: actual }) => actual == label,
            _ => false,
        }
    }
}

impl std::fmt::Display for ExpectedValue {
    /// The value in the notation it is written in: `28700000 t`, `~450000 t`, `1..10`,
    /// `> ukraine`, a label.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExpectedValue::Quantity {
                bound,
                value,
                high,
                unit,
            } => {
                let prefix = match bound {
                    Bound::AtLeast => ">=",
                    Bound::AtMost => "<=",
                    Bound::MoreThan => ">",
                    Bound::LessThan => "<",
                    Bound::Approximate => "~",
                    Bound::Exact | Bound::Range => "",
                };
                write!(formatter, "{prefix}{value}")?;
                if let Some(high) = high {
                    write!(formatter, "..{high}")?;
                }
                if !unit.is_empty() {
                    write!(formatter, " {unit}")?;
                }
                Ok(())
            }
            ExpectedValue::Rank { best, worst } if best == worst => write!(formatter, "{best}"),
            ExpectedValue::Rank { best, worst } => write!(formatter, "{best}..{worst}"),
            ExpectedValue::Order { relation, than } => {
                let sign = match relation {
                    Relation::Greater => '>',
                    Relation::Less => '<',
                };
                write!(formatter, "{sign} {than}")
            }
            ExpectedValue::Label(label) => formatter.write_str(label),
        }
    }
}

fn parse_quantity(written: &str) -> Result<ExpectedValue, String> {
    let (bound, rest) = [
        (">=", Bound::AtLeast),
        ("<=", Bound::AtMost),
        (">", Bound::MoreThan),
        ("<", Bound::LessThan),
        ("~", Bound::Approximate),
    ]
    .iter()
    .find_map(|(prefix, bound)| written.strip_prefix(prefix).map(|rest| (*bound, rest.trim_start())))
    .unwrap_or((Bound::Exact, written));
    let (number, unit) = rest
        .split_once(' ')
        .map_or((rest, ""), |(number, unit)| (number, unit.trim()));
    let parse = |text: &str| {
        text.trim()
            .replace('_', "")
            .parse::<f64>()
            .map_err(|_| format!("`{text}` is not a number"))
    };
    if let Some((low, high)) = number.split_once("..") {
        if bound != Bound::Exact {
            return Err("a range takes no bound prefix".into());
        }
        return Ok(ExpectedValue::Quantity {
            bound: Bound::Range,
            value: parse(low)?,
            high: Some(parse(high)?),
            unit: unit.to_string(),
        });
    }
    Ok(ExpectedValue::Quantity {
        bound,
        value: parse(number)?,
        high: None,
        unit: unit.to_string(),
    })
}

/// What a positive example expects; `None` fields are not checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Expectation {
    /// Subject id.
    pub subject: Option<String>,
    /// Object id.
    pub object: Option<String>,
    /// Value.
    pub value: Option<ExpectedValue>,
    /// asserted, negated, hedged or attributed.
    pub modality: Option<String>,
    /// Speaker of an attribution.
    pub speaker: Option<String>,
    /// Scope year.
    pub year: Option<i32>,
    /// Scope region id.
    pub region: Option<String>,
}

impl Expectation {
    /// The first way `claim` differs from the expectation, if any.
    pub fn mismatch(&self, claim: &Claim) -> Option<String> {
        let id = |entity: &Option<crate::claim::Entity>| entity.as_ref().map(|entity| entity.id.clone());
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

/// One embedded example.
#[derive(Clone, Debug)]
pub struct Example {
    /// The text.
    pub text: String,
    /// Whether the rule must match it.
    pub positive: bool,
    /// What a positive example must yield.
    pub expect: Expectation,
    /// Where the example is in its rules file.
    pub span: Range<usize>,
}

impl Example {
    /// A positive example from its syntax.
    pub fn positive(syntax: &ExampleSyntax, value: Option<ExpectedValue>, span: Range<usize>) -> Example {
        let get = |field: &Option<toml::Spanned<String>>| field.as_ref().map(|value| value.get_ref().clone());
        Example {
            text: syntax.text.get_ref().clone(),
            positive: true,
            expect: Expectation {
                subject: get(&syntax.subject),
                object: get(&syntax.object),
                value,
                modality: get(&syntax.modality),
                speaker: get(&syntax.speaker),
                year: syntax.year.as_ref().map(|year| *year.get_ref()),
                region: get(&syntax.region),
            },
            span,
        }
    }

    /// A counterexample.
    pub fn negative(text: String, span: Range<usize>) -> Example {
        Example {
            text,
            positive: false,
            expect: Expectation::default(),
            span,
        }
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
                covered: fired.contains(&rule.id),
            }
        })
        .collect()
}

/// One line describing a claim: subject, object, value, modality, scope.
pub fn describe(claim: &Claim) -> String {
    let id =
        |entity: &Option<crate::claim::Entity>| entity.as_ref().map_or("-".to_string(), |entity| entity.id.clone());
    let mut out = format!(
        "subject={} object={} value={} modality={}",
        id(&claim.subject),
        id(&claim.object),
        crate::matcher::value_text(&claim.value),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_value_notation() {
        let quantity = |text| ExpectedValue::parse(text, CompareMode::Quantity);
        assert_eq!(
            quantity("2.87e7 t"),
            Ok(ExpectedValue::Quantity {
                bound: Bound::Exact,
                value: 2.87e7,
                high: None,
                unit: "t".into()
            })
        );
        assert_eq!(
            quantity(">= 20000000 t"),
            Ok(ExpectedValue::Quantity {
                bound: Bound::AtLeast,
                value: 2e7,
                high: None,
                unit: "t".into()
            })
        );
        assert_eq!(
            quantity("10..12 %"),
            Ok(ExpectedValue::Quantity {
                bound: Bound::Range,
                value: 10.0,
                high: Some(12.0),
                unit: "%".into()
            })
        );
        assert!(quantity("lots t").is_err());
        for written in ["28700000 t", "~450000 t", ">=20000000 t", "10..12 %", "1200"] {
            let value = quantity(written).expect("the notation parses");
            assert_eq!(value.to_string(), written, "{value:?} is written back as it was read");
        }
        assert_eq!(
            ExpectedValue::parse("1..10", CompareMode::Rank),
            Ok(ExpectedValue::Rank { best: 1, worst: 10 })
        );
        assert!(ExpectedValue::parse("0", CompareMode::Rank).is_err());
        assert_eq!(
            ExpectedValue::parse("> ukraine", CompareMode::Order),
            Ok(ExpectedValue::Order {
                relation: Relation::Greater,
                than: "ukraine".into()
            })
        );
    }
}
