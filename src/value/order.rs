//! Orders: the subject compared with another entity ("Russia's reserves exceed Ukraine's" is
//! russia > ukraine).
//!
//! Its canonical text and report label (`> ukraine`), JSON form and example notation
//! (`> ukraine`, `< china`) live here. Reading comparative words is
//! [`crate::extract::comparative`]'s.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::{EntityDto, SpanDto};
use crate::claim::{Entity, Span};

/// Which way an order goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The subject exceeds the other entity.
    Greater,
    /// The subject falls short of the other entity.
    Less,
}

impl Relation {
    /// `>` or `<`.
    fn sign(self) -> char {
        match self {
            Relation::Greater => '>',
            Relation::Less => '<',
        }
    }
}

/// The subject compared with another entity: "Russia's reserves exceed Ukraine's".
#[derive(Clone, Debug, PartialEq)]
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
}

/// An order in the JSON report (`{"type": "order", "relation", "than", "text", "span"}`),
/// written and read back.
#[derive(Serialize, Deserialize)]
pub struct OrderDto<'a> {
    relation: RelationDto,
    than: EntityDto<'a>,
    text: Cow<'a, str>,
    span: SpanDto,
}

impl<'a> OrderDto<'a> {
    /// The JSON form of `order`.
    pub fn new(order: &'a Order) -> Self {
        OrderDto {
            relation: order.relation.into(),
            than: EntityDto::new(&order.than),
            text: Cow::Borrowed(&order.text),
            span: order.span.into(),
        }
    }

    /// The order a saved report holds.
    pub fn into_order(self) -> Order {
        Order {
            relation: self.relation.into(),
            than: self.than.into_entity(),
            text: self.text.into_owned(),
            span: self.span.into(),
        }
    }
}

/// A relation in the JSON report: `greater` or `less`.
#[derive(Clone, Copy, Serialize, Deserialize)]
enum RelationDto {
    #[serde(rename = "greater")]
    Greater,
    #[serde(rename = "less")]
    Less,
}

impl From<Relation> for RelationDto {
    fn from(relation: Relation) -> Self {
        match relation {
            Relation::Greater => RelationDto::Greater,
            Relation::Less => RelationDto::Less,
        }
    }
}

impl From<RelationDto> for Relation {
    fn from(relation: RelationDto) -> Self {
        match relation {
            RelationDto::Greater => Relation::Greater,
            RelationDto::Less => Relation::Less,
        }
    }
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
    fn the_json_form_is_written_and_read_back() {
        let order = order(Relation::Less, "ukraine");
        let written = serde_json::to_string(&OrderDto::new(&order)).expect("serialises");
        assert_eq!(
            written,
            r#"{"relation":"less","than":{"id":"ukraine","lexicon":"country","text":"Ukraine","span":{"start":30,"end":37}},"text":"exceed","span":{"start":17,"end":23}}"#
        );
        let read: OrderDto<'_> = serde_json::from_str(&written).expect("reads back");
        assert_eq!(read.into_order(), order);
        for (relation, name) in [(Relation::Greater, "greater"), (Relation::Less, "less")] {
            let written = serde_json::to_value(RelationDto::from(relation)).expect("serialises");
            assert_eq!(written, name);
            let read: RelationDto = serde_json::from_value(written).expect("reads back");
            assert_eq!(Relation::from(read), relation);
        }
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
