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
//! reads it is one row of [`crate::rules::slots`] (which also calls its reader, a file of
//! [`crate::extract`]), and how two of its values agree is the comparator's.

pub mod change;
mod label;
pub mod number;
pub mod order;
pub mod quantity;
pub mod rank;

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::claim::{Entity, Span};

pub use change::{Change, ChangeDto, Direction, ExpectedChange};
pub use order::{ExpectedOrder, Order, OrderDto, Relation};
pub use quantity::{Bound, ExpectedQuantity, Quantity, QuantityDto};
pub use rank::{ExpectedRank, Rank, RankDto};

/// A normalised claim value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A number with a unit, as an interval.
    Quantity(Quantity),
    /// A position in a ranking.
    Rank(Rank),
    /// The subject compared with another entity.
    Order(Order),
    /// A figure that rose or fell (boxed: its three figures would triple every value's size).
    Change(Box<Change>),
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
            Value::Change(change) => change.canonical_text(),
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
            Value::Change(change) => change.label(),
            Value::Stance { stance: label } | Value::Category { label } => label.clone(),
            Value::Statement => label::STATEMENT.to_owned(),
        }
    }

    /// Where the value's own words are ("28.7 million tonnes", "the second-largest",
    /// "exceeding"); `None` for values without words of their own (stance, category,
    /// statement), which are the whole match.
    pub fn span(&self) -> Option<Span> {
        match self {
            Value::Quantity(quantity) => Some(quantity.span),
            Value::Rank(rank) => Some(rank.span),
            Value::Order(order) => Some(order.span),
            Value::Change(change) => Some(change.span),
            Value::Stance { .. } | Value::Category { .. } | Value::Statement => None,
        }
    }

    /// The value as a comparator's reason writes it: `28,700,000 t`, `≈ 450,000 t`, `2nd`,
    /// `> ukraine`, `self-sufficient`.
    pub fn reason_text(&self) -> String {
        match self {
            Value::Quantity(quantity) => quantity.reason_text(),
            Value::Rank(rank) => rank.reason_text(),
            Value::Order(order) => order.canonical_text(),
            Value::Change(change) => change.reason_text(),
            Value::Stance { stance: label } | Value::Category { label } => label.clone(),
            Value::Statement => label::STATEMENT.to_owned(),
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
    /// A figure that rose or fell: direction, magnitude, from and to.
    Change,
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
    /// A signed change.
    Change(ExpectedChange),
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
            CompareMode::Change => ExpectedChange::parse(written).map(ExpectedValue::Change),
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
            (ExpectedValue::Change(expected), Value::Change(change)) => expected.matches(change),
            (ExpectedValue::Label(expected), value) => label::matches(expected, value),
            _ => false,
        }
    }

    /// How to write expected values, for the error on one that cannot be read: `write
    /// quantities as …; ranks as …; orders as …`.
    pub fn notation_hint() -> String {
        format!(
            "write {}",
            [quantity::NOTATION, rank::NOTATION, order::NOTATION, change::NOTATION].join("; ")
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
            ExpectedValue::Change(expected) => expected.fmt(formatter),
            ExpectedValue::Label(label) => formatter.write_str(label),
        }
    }
}

/// A value in the JSON report: `{"type": "quantity", …}` with the fields of its type's DTO,
/// written by the report and read back from saved reports.
#[derive(Serialize, Deserialize)]
#[serde(tag = "type", expecting = "internally tagged enum Value")]
pub enum ValueDto<'a> {
    /// A quantity.
    #[serde(rename = "quantity")]
    Quantity(QuantityDto<'a>),
    /// A rank.
    #[serde(rename = "rank")]
    Rank(RankDto<'a>),
    /// An order.
    #[serde(rename = "order")]
    Order(OrderDto<'a>),
    /// A signed change.
    #[serde(rename = "change")]
    Change(Box<ChangeDto<'a>>),
    /// A stance.
    #[serde(rename = "stance")]
    Stance {
        /// The stance label.
        stance: Cow<'a, str>,
    },
    /// A category.
    #[serde(rename = "category")]
    Category {
        /// The label.
        label: Cow<'a, str>,
    },
    /// A bare statement.
    #[serde(rename = "statement")]
    Statement {},
}

impl<'a> ValueDto<'a> {
    /// The JSON form of `value`.
    pub fn new(value: &'a Value) -> Self {
        match value {
            Value::Quantity(quantity) => ValueDto::Quantity(QuantityDto::new(quantity)),
            Value::Rank(rank) => ValueDto::Rank(RankDto::new(rank)),
            Value::Order(order) => ValueDto::Order(OrderDto::new(order)),
            Value::Change(change) => ValueDto::Change(Box::new(ChangeDto::new(change))),
            Value::Stance { stance } => ValueDto::Stance {
                stance: Cow::Borrowed(stance),
            },
            Value::Category { label } => ValueDto::Category {
                label: Cow::Borrowed(label),
            },
            Value::Statement => ValueDto::Statement {},
        }
    }

    /// The value a saved report holds.
    pub fn into_value(self) -> Value {
        match self {
            ValueDto::Quantity(quantity) => Value::Quantity(quantity.into_quantity()),
            ValueDto::Rank(rank) => Value::Rank(rank.into_rank()),
            ValueDto::Order(order) => Value::Order(order.into_order()),
            ValueDto::Change(change) => Value::Change(Box::new(change.into_change())),
            ValueDto::Stance { stance } => Value::Stance {
                stance: stance.into_owned(),
            },
            ValueDto::Category { label } => Value::Category {
                label: label.into_owned(),
            },
            ValueDto::Statement {} => Value::Statement,
        }
    }
}

/// A span in the JSON report: `{"start", "end"}`.
#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct Span")]
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

impl From<SpanDto> for Span {
    fn from(span: SpanDto) -> Self {
        // Not `Span::new`: a saved report is read as it is, not checked.
        Span {
            start: span.start,
            end: span.end,
        }
    }
}

/// An entity in the JSON report: `{"id", "lexicon", "text", "span"}`.
#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct Entity")]
pub struct EntityDto<'a> {
    id: Cow<'a, str>,
    lexicon: Cow<'a, str>,
    text: Cow<'a, str>,
    span: SpanDto,
}

impl<'a> EntityDto<'a> {
    /// The JSON form of `entity`.
    pub fn new(entity: &'a Entity) -> Self {
        EntityDto {
            id: Cow::Borrowed(&entity.id),
            lexicon: Cow::Borrowed(&entity.lexicon),
            text: Cow::Borrowed(&entity.text),
            span: entity.span.into(),
        }
    }

    /// The entity a saved report holds.
    pub fn into_entity(self) -> Entity {
        Entity {
            id: self.id.as_ref().into(),
            lexicon: self.lexicon.as_ref().into(),
            text: self.text.into_owned(),
            span: self.span.into(),
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
            "write quantities as `28700000 t`, `>20000000 t`, `~10000000 t` or `10000000..12000000 t`; ranks as `1` or `1..10`; orders as `> ukraine`; changes as `down 5 %`, `up 3 % to 44000000 t`, `down from 18000000 t to 4000000 t` or `up x2`"
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
                ..Rank::default()
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
    fn the_json_form_is_written_and_read_back() {
        for value in values() {
            let written = serde_json::to_string(&ValueDto::new(&value)).expect("serialises");
            let read: ValueDto<'_> = serde_json::from_str(&written).expect("reads back");
            assert_eq!(read.into_value(), value, "{written}");
        }
        assert_eq!(
            serde_json::to_string(&ValueDto::new(&Value::Statement)).expect("serialises"),
            r#"{"type":"statement"}"#
        );
    }

    fn a_rank(best: u32, worst: u32) -> Value {
        Value::Rank(Rank {
            best,
            worst,
            text: String::new(),
            span: Span::default(),
            ..Rank::default()
        })
    }

    fn a_quantity(value: f64, low: Option<f64>, high: Option<f64>, unit: &str, bound: Bound) -> Value {
        Value::Quantity(Quantity {
            value,
            low,
            high,
            unit: unit.to_owned(),
            bound,
            text: String::new(),
            span: Span::default(),
            noun: None,
            reading: quantity::Reading::default(),
        })
    }

    /// Each value in the three notations: canonical, label, reason.
    #[test]
    fn values_in_every_notation() {
        let greater = Value::Order(Order {
            relation: Relation::Greater,
            than: Entity {
                id: "ukraine".into(),
                lexicon: "country".into(),
                text: "Ukraine".to_owned(),
                span: Span::default(),
            },
            text: String::new(),
            span: Span::default(),
        });
        let cases = [
            (
                a_quantity(28.7 * 1e6, Some(28.7 * 1e6), Some(28.7 * 1e6), "t", Bound::Exact),
                ["28700000 t", "2.87e7 t", "28,700,000 t"],
            ),
            (
                a_quantity(44e6, Some(39.6e6), Some(48.4e6), "t", Bound::Approximate),
                ["~44000000 t", "~4.4e7 t", "≈ 44,000,000 t"],
            ),
            (
                a_quantity(20e6, Some(20e6), None, "t", Bound::AtLeast),
                [">=20000000 t", "≥2e7 t", "≥ 20,000,000 t"],
            ),
            (
                a_quantity(35.0, Some(35.0), None, "%", Bound::MoreThan),
                [">35 %", ">35%", "> 35%"],
            ),
            (
                a_quantity(5.0, None, Some(5.0), "USD", Bound::AtMost),
                ["<=5 USD", "≤5 USD", "≤ 5 USD"],
            ),
            (
                a_quantity(1200.0, None, Some(1200.0), "", Bound::LessThan),
                ["<1200", "<1200", "< 1,200"],
            ),
            (
                a_quantity(11e6, Some(10e6), Some(12e6), "t", Bound::Range),
                ["10000000..12000000 t", "1e7–1.2e7 t", "10,000,000–12,000,000 t"],
            ),
            (
                a_quantity(11e6, None, Some(12e6), "t", Bound::Range),
                ["11000000..12000000 t", "1.1e7–1.2e7 t", "11,000,000 t"],
            ),
            (a_rank(2, 2), ["rank 2", "rank 2", "2nd"]),
            (a_rank(1, 5), ["rank 1..5", "top 5", "1st–5th"]),
            (a_rank(2, 3), ["rank 2..3", "rank 2–3", "2nd–3rd"]),
            (greater, ["> ukraine", "> ukraine", "> ukraine"]),
            (
                Value::Stance {
                    stance: "self-sufficient".to_owned(),
                },
                ["self-sufficient", "self-sufficient", "self-sufficient"],
            ),
            (
                Value::Category {
                    label: "monopoly".to_owned(),
                },
                ["monopoly", "monopoly", "monopoly"],
            ),
            (Value::Statement, ["statement", "statement", "statement"]),
        ];
        for (value, expected) in cases {
            let actual = [value.canonical_text(), value.label(), value.reason_text()];
            assert_eq!(actual, expected, "{value:?}");
        }
    }
}
