//! Orders: the subject compared with another entity ("Russia's reserves exceed Ukraine's" is
//! russia > ukraine).
//!
//! Its canonical text and report label (`> ukraine`), JSON form and example notation
//! (`> ukraine`, `< china`) live here. Reading comparative words is
//! [`crate::extract::comparative`]'s.

use serde::{Deserialize, Serialize};

use super::{EntityDto, SpanDto};
use crate::claim::{Entity, Span};

/// Which way an order goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The subject exceeds the other entity.
    Greater,
    /// The subject falls short of the other entity.
    Less,
}

impl Relation {
    /// The relation's name in the JSON report: `greater`, `less`.
    pub fn name(self) -> &'static str {
        match self {
            Relation::Greater => "greater",
            Relation::Less => "less",
        }
    }

    /// `>` or `<`.
    fn sign(self) -> char {
        match self {
            Relation::Greater => '>',
            Relation::Less => '<',
        }
    }
}

/// The subject compared with another entity: "Russia's reserves exceed Ukraine's".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Order {
    /// Greater or less.
    pub relation: Relation,
    /// The entity compared against.
    pub than: Entity,
    /// The comparative words, e.g. `exceeding`.
    pub text: String,
    /// Where they are.
    pub span: Span,
}

impl Order {
    /// Canonical text, which is also the report's label: the sign and the other entity's id,
    /// `> ukraine`.
    pub fn canonical_text(&self) -> String {
        format!("{} {}", self.relation.sign(), self.than.id)
    }

    /// The order's JSON form.
    pub fn dto(&self) -> OrderDto<'_> {
        OrderDto {
            relation: self.relation.name(),
            than: EntityDto::new(&self.than),
            text: &self.text,
            span: self.span.into(),
        }
    }
}

/// An order in the JSON report.
#[derive(Serialize)]
pub struct OrderDto<'a> {
    relation: &'static str,
    than: EntityDto<'a>,
    text: &'a str,
    span: SpanDto,
}

/// How the notation error hint shows orders.
pub(super) const NOTATION: &str = "orders as `> ukraine`";

/// An expected order in the example notation: `> ukraine`, `< china` (the other entity's id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedOrder {
    /// Greater or less.
    pub relation: Relation,
    /// The other entity's id.
    pub than: String,
}

impl ExpectedOrder {
    /// Reads the notation (already trimmed).
    pub fn parse(written: &str) -> Result<ExpectedOrder, String> {
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
        Ok(ExpectedOrder {
            relation,
            than: than.to_string(),
        })
    }

    /// Whether `order` goes the expected way against the expected entity.
    pub fn matches(&self, order: &Order) -> bool {
        order.relation == self.relation && order.than.id == self.than
    }
}

impl std::fmt::Display for ExpectedOrder {
    /// The order in the notation it is written in: `> ukraine`.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{} {}", self.relation.sign(), self.than)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(relation: Relation, than: &str) -> Order {
        Order {
            relation,
            than: Entity {
                id: than.into(),
                lexicon: "country".into(),
                text: "Ukraine".into(),
                span: Span::new(30, 37),
            },
            text: "exceed".into(),
            span: Span::new(17, 23),
        }
    }

    #[test]
    fn canonical_text() {
        assert_eq!(order(Relation::Greater, "ukraine").canonical_text(), "> ukraine");
        assert_eq!(order(Relation::Less, "china").canonical_text(), "< china");
    }

    #[test]
    fn the_json_form_is_the_serde_form() {
        let order = order(Relation::Less, "ukraine");
        assert_eq!(
            serde_json::to_string(&order.dto()).expect("serialises"),
            r#"{"relation":"less","than":{"id":"ukraine","lexicon":"country","text":"Ukraine","span":{"start":30,"end":37}},"text":"exceed","span":{"start":17,"end":23}}"#
        );
        assert_eq!(
            serde_json::to_value(order.dto()).expect("serialises"),
            serde_json::to_value(&order).expect("serialises")
        );
    }

    #[test]
    fn notation() {
        let expected = ExpectedOrder::parse("<  china").expect("parses");
        assert_eq!(expected.to_string(), "< china");
        assert!(expected.matches(&order(Relation::Less, "china")));
        assert!(!expected.matches(&order(Relation::Greater, "china")));
        assert!(!expected.matches(&order(Relation::Less, "ukraine")));
        assert!(ExpectedOrder::parse("ukraine").is_err());
        assert!(ExpectedOrder::parse(">").is_err());
    }
}
