//! Values: what a claim says about its key — a quantity, a rank, an order, or a label.
//!
//! Design: one file per value type holds everything the type is written as — its data, its
//! canonical text (claim ids, `explain`), its report label, its JSON form and its example
//! notation: [`quantity`], [`rank`], [`order`], and `label` for stances, categories and bare
//! statements. This file is the registry that dispatches over them, one arm per type:
//! [`Value`], the [`CompareMode`] a rule names its value type by, [`ExpectedValue`] and
//! [`ValueDto`]. Numbers in values are written by [`number`].
//!
//! A new value type is a new file here plus one arm in each `match` of this file; the slot that
//! reads it is one row of [`crate::rules::slots`], its reader a file of [`crate::extract`].

mod label;
pub mod number;
pub mod order;
pub mod quantity;
pub mod rank;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::claim::{Entity, Span};

pub use order::{ExpectedOrder, Order, OrderDto, Relation};
pub use quantity::{Bound, ExpectedQuantity, Quantity, QuantityDto};
pub use rank::{ExpectedRank, Rank, RankDto};

/// A normalised claim value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Value {
    /// A number with a unit, as an interval.
    Quantity(Quantity),
    /// A position in a ranking.
    Rank(Rank),
    /// The subject compared with another entity.
    Order(Order),
    /// A stance declared by the rule (e.g. `self-sufficient`); opposed stances are declared in
    /// the rules file.
    Stance {
        /// The stance label.
        stance: String,
    },
    /// A category label; two different labels for one key disagree.
    Category {
        /// The label.
        label: String,
    },
    /// A bare statement with no value beyond its polarity ("Russia exports rare earths").
    Statement,
}

impl Value {
    /// Canonical text, used in claim ids and by `explain`: `28700000 t`, `~450000 t`,
    /// `rank 1..10`, `> ukraine`, `self-sufficient`, `statement`. Nothing is rounded away, so
    /// two values with one text are the same value.
    pub fn canonical_text(&self) -> String {
        match self {
            Value::Quantity(quantity) => quantity.canonical_text(),
            Value::Rank(rank) => rank.canonical_text(),
            Value::Order(order) => order.canonical_text(),
            Value::Stance { stance: label } | Value::Category { label } => label.clone(),
            Value::Statement => label::STATEMENT.to_owned(),
        }
    }

    /// The value in the few characters of a report label: `2.87e7 t`, `~4.4e7 t`, `rank 1`,
    /// `top 5`, `> ukraine`, `self-sufficient`.
    pub fn label(&self) -> String {
        match self {
            Value::Quantity(quantity) => quantity.label(),
            Value::Rank(rank) => rank.label(),
            Value::Order(order) => order.canonical_text(),
            Value::Stance { stance: label } | Value::Category { label } => label.clone(),
            Value::Statement => label::STATEMENT.to_owned(),
        }
    }

    /// The value's JSON form (`{"type": "quantity", …}`), as the report writes it.
    pub fn dto(&self) -> ValueDto<'_> {
        match self {
            Value::Quantity(quantity) => ValueDto::Quantity(quantity.dto()),
            Value::Rank(rank) => ValueDto::Rank(rank.dto()),
            Value::Order(order) => ValueDto::Order(order.dto()),
            Value::Stance { stance } => ValueDto::Stance { stance },
            Value::Category { label } => ValueDto::Category { label },
            Value::Statement => ValueDto::Statement {},
        }
    }
}

// A rule's compare mode names the value type its claims carry; its doc comments are the
// schema's descriptions (`crosscheck schema`), so they stay as the rules file reads them.
/// How a rule's values compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CompareMode {
    /// Numbers with units, as intervals.
    Quantity,
    /// Positions in a ranking.
    Rank,
    /// One subject greater or less than another.
    Order,
    /// A stance label fixed by the rule; opposed stances conflict.
    Stance,
    /// A category label fixed by the rule; different labels conflict.
    Category,
    /// A bare statement: only polarity can conflict.
    Statement,
}

/// An expected value of an embedded example, in the notation of its value type: `28700000 t`,
/// `>=20000000 t`, `10..12 %` (quantities), `1`, `1..10` (ranks), `> ukraine` (orders), or a
/// stance or category label.
#[derive(Clone, Debug, PartialEq)]
pub enum ExpectedValue {
    /// A quantity with its bound, interval ends and canonical unit.
    Quantity(ExpectedQuantity),
    /// A rank interval.
    Rank(ExpectedRank),
    /// An order against another entity id.
    Order(ExpectedOrder),
    /// A stance or category label.
    Label(String),
}

impl ExpectedValue {
    /// Reads the notation for a rule comparing by `compare`.
    pub fn parse(written: &str, compare: CompareMode) -> Result<ExpectedValue, String> {
        let written = written.trim();
        match compare {
            CompareMode::Quantity => ExpectedQuantity::parse(written).map(ExpectedValue::Quantity),
            CompareMode::Rank => ExpectedRank::parse(written).map(ExpectedValue::Rank),
            CompareMode::Order => ExpectedOrder::parse(written).map(ExpectedValue::Order),
            CompareMode::Stance | CompareMode::Category | CompareMode::Statement => {
                label::parse(written).map(ExpectedValue::Label)
            }
        }
    }

    /// Whether `value` is what was expected.
    pub fn matches(&self, value: &Value) -> bool {
        match (self, value) {
            (ExpectedValue::Quantity(expected), Value::Quantity(quantity)) => expected.matches(quantity),
            (ExpectedValue::Rank(expected), Value::Rank(rank)) => expected.matches(rank),
            (ExpectedValue::Order(expected), Value::Order(order)) => expected.matches(order),
            (ExpectedValue::Label(expected), value) => label::matches(expected, value),
            _ => false,
        }
    }

    /// How to write expected values, for the error on one that cannot be read: `write
    /// quantities as …; ranks as …; orders as …`.
    pub fn notation_hint() -> String {
        format!(
            "write {}",
            [quantity::NOTATION, rank::NOTATION, order::NOTATION].join("; ")
        )
    }
}

impl std::fmt::Display for ExpectedValue {
    /// The value in the notation it is written in: `28700000 t`, `~450000 t`, `1..10`,
    /// `> ukraine`, a label.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExpectedValue::Quantity(expected) => expected.fmt(formatter),
            ExpectedValue::Rank(expected) => expected.fmt(formatter),
            ExpectedValue::Order(expected) => expected.fmt(formatter),
            ExpectedValue::Label(label) => formatter.write_str(label),
        }
    }
}

/// A value in the JSON report: `{"type": "quantity", …}` with the fields of its type, every
/// field name and enum string spelt out by the type's DTO.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ValueDto<'a> {
    /// A quantity.
    Quantity(QuantityDto<'a>),
    /// A rank.
    Rank(RankDto<'a>),
    /// An order.
    Order(OrderDto<'a>),
    /// A stance.
    Stance {
        /// The stance label.
        stance: &'a str,
    },
    /// A category.
    Category {
        /// The label.
        label: &'a str,
    },
    /// A bare statement.
    Statement {},
}

/// A span in the JSON report: `{"start", "end"}`.
#[derive(Serialize)]
pub struct SpanDto {
    start: usize,
    end: usize,
}

impl From<Span> for SpanDto {
    fn from(span: Span) -> Self {
        SpanDto {
            start: span.start,
            end: span.end,
        }
    }
}

/// An entity in the JSON report: `{"id", "lexicon", "text", "span"}`.
#[derive(Serialize)]
pub struct EntityDto<'a> {
    id: &'a str,
    lexicon: &'a str,
    text: &'a str,
    span: SpanDto,
}

impl<'a> EntityDto<'a> {
    /// The JSON form of `entity`.
    pub fn new(entity: &'a Entity) -> Self {
        EntityDto {
            id: &entity.id,
            lexicon: &entity.lexicon,
            text: &entity.text,
            span: entity.span.into(),
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
            Ok(ExpectedValue::Quantity(ExpectedQuantity {
                bound: Bound::Exact,
                value: 2.87e7,
                high: None,
                unit: "t".into()
            }))
        );
        assert_eq!(
            quantity(">= 20000000 t"),
            Ok(ExpectedValue::Quantity(ExpectedQuantity {
                bound: Bound::AtLeast,
                value: 2e7,
                high: None,
                unit: "t".into()
            }))
        );
        assert_eq!(
            quantity("10..12 %"),
            Ok(ExpectedValue::Quantity(ExpectedQuantity {
                bound: Bound::Range,
                value: 10.0,
                high: Some(12.0),
                unit: "%".into()
            }))
        );
        assert!(quantity("lots t").is_err());
        for written in ["28700000 t", "~450000 t", ">=20000000 t", "10..12 %", "1200"] {
            let value = quantity(written).expect("the notation parses");
            assert_eq!(value.to_string(), written, "{value:?} is written back as it was read");
        }
        assert_eq!(
            ExpectedValue::parse("1..10", CompareMode::Rank),
            Ok(ExpectedValue::Rank(ExpectedRank { best: 1, worst: 10 }))
        );
        assert!(ExpectedValue::parse("0", CompareMode::Rank).is_err());
        assert_eq!(
            ExpectedValue::parse("> ukraine", CompareMode::Order),
            Ok(ExpectedValue::Order(ExpectedOrder {
                relation: Relation::Greater,
                than: "ukraine".into()
            }))
        );
    }

    #[test]
    fn labels_match_stances_and_categories() {
        let expected = ExpectedValue::parse(" dependent ", CompareMode::Stance).expect("parses");
        assert_eq!(expected.to_string(), "dependent");
        assert!(expected.matches(&Value::Stance {
            stance: "dependent".into()
        }));
        assert!(expected.matches(&Value::Category {
            label: "dependent".into()
        }));
        assert!(!expected.matches(&Value::Statement));
        let rank = ExpectedValue::parse("1", CompareMode::Rank).expect("parses");
        assert!(!rank.matches(&Value::Stance { stance: "1".into() }));
    }

    #[test]
    fn the_notation_hint_names_every_notation() {
        assert_eq!(
            ExpectedValue::notation_hint(),
            "write quantities as `28700000 t`, `>20000000 t`, `~10000000 t` or `10000000..12000000 t`; ranks as `1` or `1..10`; orders as `> ukraine`"
        );
    }

    /// One value of every type.
    fn values() -> Vec<Value> {
        let span = Span::new(5, 12);
        vec![
            Value::Quantity(Quantity {
                value: 2.87e7,
                low: Some(2.87e7),
                high: None,
                unit: "t".into(),
                bound: Bound::AtLeast,
                text: "at least 28.7 Mt".into(),
                span,
                noun: None,
                reading: quantity::Reading::default(),
            }),
            Value::Rank(Rank {
                best: 1,
                worst: 10,
                text: "one of the largest".into(),
                span,
            }),
            Value::Order(Order {
                relation: Relation::Greater,
                than: Entity {
                    id: "ukraine".into(),
                    lexicon: "country".into(),
                    text: "Ukraine".into(),
                    span,
                },
                text: "exceed".into(),
                span,
            }),
            Value::Stance {
                stance: "self-sufficient".into(),
            },
            Value::Category { label: "ally".into() },
            Value::Statement,
        ]
    }

    #[test]
    fn every_type_has_a_canonical_text_and_a_label() {
        let texts: Vec<(String, String)> = values()
            .iter()
            .map(|value| (value.canonical_text(), value.label()))
            .collect();
        let expected = [
            (">=28700000 t", "≥2.87e7 t"),
            ("rank 1..10", "top 10"),
            ("> ukraine", "> ukraine"),
            ("self-sufficient", "self-sufficient"),
            ("ally", "ally"),
            ("statement", "statement"),
        ];
        assert_eq!(
            texts,
            expected.map(|(canonical, label)| (canonical.to_owned(), label.to_owned()))
        );
    }

    #[test]
    fn the_json_form_is_the_serde_form() {
        // The report writes values through their DTOs and a saved report is read back through
        // `Value`'s serde derives: the two must be one layout.
        for value in values() {
            let written = serde_json::to_string(&value.dto()).expect("serialises");
            assert_eq!(written, serde_json::to_string(&value).expect("serialises"));
            let read: Value = serde_json::from_str(&written).expect("reads back");
            assert_eq!(read, value);
        }
        assert_eq!(
            serde_json::to_string(&Value::Statement.dto()).expect("serialises"),
            r#"{"type":"statement"}"#
        );
    }
}
