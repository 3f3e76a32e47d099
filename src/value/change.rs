//! Signed changes: a figure that rose or fell, by how much, from what and to what — "fell by
//! 5%", "rose 3 percent to 44 million tonnes", "down 0.6%", "was revised down from 18 million to
//! 4 million tonnes", "doubled" — as one value, so that one rule catches direction and magnitude
//! together.
//!
//! Its canonical text (`down 5 %`, `up 3 % to 44000000 t`, `down from 18000000 t to 4000000 t`,
//! `up x2`), report label (`−5%`, `+3% → 4.4e7 t`, `×2`), reason text (`a fall of 5%`), JSON
//! form and example notation (the canonical text) live here. Reading changes from text is
//! [`crate::extract::change`]'s; how two agree is the comparator's (`compare/signed.rs`).

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::SpanDto;
use super::number::format_value;
use super::quantity::{ExpectedQuantity, Quantity, QuantityDto};
use crate::claim::Span;

/// Which way a figure moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Rose, grew, increased, was revised up, doubled.
    Up,
    /// Fell, dropped, declined, was revised down, halved.
    Down,
}

impl Direction {
    /// `up` or `down`, as the notation writes it.
    pub fn word(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }

    /// "rise" or "fall", as a reason writes it.
    pub fn noun(self) -> &'static str {
        match self {
            Direction::Up => "rise",
            Direction::Down => "fall",
        }
    }
}

/// A signed change.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Which way the figure moved.
    pub direction: Direction,
    /// By how much, always positive ("by 5%", "3 percent", "20,000 tonnes").
    pub by: Option<Quantity>,
    /// The multiple the figure was multiplied by ("doubled" 2, "halved" 0.5).
    pub factor: Option<f64>,
    /// The figure before ("from 18 million tonnes").
    pub from: Option<Quantity>,
    /// The figure after ("to 44 million tonnes").
    pub to: Option<Quantity>,
    /// The words the change was read from.
    pub text: String,
    /// Where those words are.
    pub span: Span,
}

impl Change {
    /// Canonical text: `down 5 %`, `up 3 % to 44000000 t`, `down from 18000000 t to 4000000 t`,
    /// `up x2`, `down` (a direction alone).
    pub fn canonical_text(&self) -> String {
        self.written(Quantity::canonical_text, |factor| format!("x{}", format_value(factor)))
    }

    /// The report's label: `−5%`, `+3% → 4.4e7 t`, `down 1.8e7 t → 4e6 t`, `×2`, `down`.
    pub fn label(&self) -> String {
        let sign = match self.direction {
            Direction::Up => '+',
            Direction::Down => '−',
        };
        let mut label = match (&self.by, self.factor) {
            (Some(by), _) => format!("{sign}{}", by.label()),
            (None, Some(factor)) => format!("×{}", format_value(factor)),
            (None, None) => self.direction.word().to_string(),
        };
        match (&self.from, &self.to) {
            (Some(from), Some(to)) => {
                let _ = write!(label, " {} → {}", from.label(), to.label());
            }
            (None, Some(to)) => {
                let _ = write!(label, " → {}", to.label());
            }
            (Some(from), None) => {
                let _ = write!(label, " from {}", from.label());
            }
            (None, None) => {}
        }
        label
    }

    /// The change as a comparator's reason writes it: `a fall of 5%`, `a rise of 3% to
    /// 44,000,000 t`, `a fall from 18,000,000 t to 4,000,000 t`, `a rise by a factor of 2`.
    pub fn reason_text(&self) -> String {
        let noun = self.direction.noun();
        let mut reason = match (&self.by, self.factor) {
            (Some(by), _) => format!("a {noun} of {}", by.reason_text()),
            (None, Some(factor)) => format!("a {noun} by a factor of {}", format_value(factor)),
            (None, None) => format!("a {noun}"),
        };
        if let Some(from) = &self.from {
            let _ = write!(reason, " from {}", from.reason_text());
        }
        if let Some(to) = &self.to {
            let _ = write!(reason, " to {}", to.reason_text());
        }
        reason
    }

    /// The change written with `quantity` for its figures and `factor` for a multiple.
    fn written(&self, quantity: impl Fn(&Quantity) -> String, factor: impl Fn(f64) -> String) -> String {
        let mut parts = vec![self.direction.word().to_string()];
        if let Some(by) = &self.by {
            parts.push(quantity(by));
        } else if let Some(multiple) = self.factor {
            parts.push(factor(multiple));
        }
        if let Some(from) = &self.from {
            parts.push(format!("from {}", quantity(from)));
        }
        if let Some(to) = &self.to {
            parts.push(format!("to {}", quantity(to)));
        }
        parts.join(" ")
    }

    /// The magnitude as a percentage when it can be one: "by 5%" is 5, "doubled" 100, "halved"
    /// 50 (a fall). Absolute magnitudes ("by 20,000 tonnes") have none.
    pub fn percent(&self) -> Option<(f64, f64)> {
        if let Some(by) = &self.by {
            return (by.unit == "%").then(|| (by.low.unwrap_or(by.value), by.high.unwrap_or(by.value)));
        }
        let factor = self.factor?;
        let percent = (factor - 1.0).abs() * 100.0;
        Some((percent, percent))
    }
}

/// A change in the JSON report (`{"type": "change", "direction", "by", "factor", "from", "to",
/// "text", "span"}`; the figures are quantities' JSON forms, absent when not stated).
#[derive(Serialize, Deserialize)]
pub struct ChangeDto<'a> {
    direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    by: Option<QuantityDto<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    factor: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<QuantityDto<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    to: Option<QuantityDto<'a>>,
    text: Cow<'a, str>,
    span: SpanDto,
}

impl<'a> ChangeDto<'a> {
    /// The JSON form of `change`.
    pub fn new(change: &'a Change) -> Self {
        ChangeDto {
            direction: change.direction,
            by: change.by.as_ref().map(QuantityDto::new),
            factor: change.factor,
            from: change.from.as_ref().map(QuantityDto::new),
            to: change.to.as_ref().map(QuantityDto::new),
            text: Cow::Borrowed(&change.text),
            span: change.span.into(),
        }
    }

    /// The change a saved report holds.
    pub fn into_change(self) -> Change {
        Change {
            direction: self.direction,
            by: self.by.map(QuantityDto::into_quantity),
            factor: self.factor,
            from: self.from.map(QuantityDto::into_quantity),
            to: self.to.map(QuantityDto::into_quantity),
            text: self.text.into_owned(),
            span: self.span.into(),
        }
    }
}

/// How the notation error hint shows changes.
pub(super) const NOTATION: &str =
    "changes as `down 5 %`, `up 3 % to 44000000 t`, `down from 18000000 t to 4000000 t` or `up x2`";

/// An expected change in the example notation: a direction, then optionally a magnitude (a
/// quantity, or `xN` for a multiple), `from` a quantity and `to` a quantity.
#[derive(Clone, Debug, PartialEq)]
pub struct ExpectedChange {
    /// Which way.
    pub direction: Direction,
    /// By how much.
    pub by: Option<ExpectedQuantity>,
    /// A multiple.
    pub factor: Option<f64>,
    /// From what.
    pub from: Option<ExpectedQuantity>,
    /// To what.
    pub to: Option<ExpectedQuantity>,
}

impl ExpectedChange {
    /// Reads the notation (already trimmed).
    pub fn parse(written: &str) -> Result<ExpectedChange, String> {
        let (direction, rest) = match written.split_once(' ').unwrap_or((written, "")) {
            ("up", rest) => (Direction::Up, rest),
            ("down", rest) => (Direction::Down, rest),
            _ => return Err("a change starts with `up` or `down`, e.g. `down 5 %`".into()),
        };
        // Split at the words `from` and `to`: `3 % from 2 t to 5 t`.
        let mut by_text = String::new();
        let (mut from_text, mut to_text) = (None::<String>, None::<String>);
        let mut current = &mut by_text;
        for word in rest.split_whitespace() {
            match word {
                "from" => current = from_text.insert(String::new()),
                "to" => current = to_text.insert(String::new()),
                word => {
                    if !current.is_empty() {
                        current.push(' ');
                    }
                    current.push_str(word);
                }
            }
        }
        let quantity = |text: &str, part: &str| {
            ExpectedQuantity::parse(text).map_err(|message| format!("cannot read the {part} `{text}`: {message}"))
        };
        let (mut by, mut factor) = (None, None);
        if let Some(multiple) = by_text.strip_prefix('x') {
            factor = Some(
                multiple
                    .parse::<f64>()
                    .ok()
                    .filter(|multiple| multiple.is_finite() && *multiple > 0.0)
                    .ok_or_else(|| format!("cannot read the multiple `{by_text}`: write `x2` for doubled"))?,
            );
        } else if !by_text.is_empty() {
            by = Some(quantity(&by_text, "magnitude")?);
        }
        let from = from_text
            .as_deref()
            .map(|text| quantity(text, "figure before"))
            .transpose()?;
        let to = to_text
            .as_deref()
            .map(|text| quantity(text, "figure after"))
            .transpose()?;
        Ok(ExpectedChange {
            direction,
            by,
            factor,
            from,
            to,
        })
    }

    /// Whether `change` is the change expected: the same direction, and every part the
    /// notation names as the change has it.
    pub fn matches(&self, change: &Change) -> bool {
        let part = |expected: &Option<ExpectedQuantity>, found: &Option<Quantity>| match (expected, found) {
            (None, _) => true,
            (Some(expected), Some(found)) => expected.matches(found),
            (Some(_), None) => false,
        };
        let factor = match (self.factor, change.factor) {
            (None, _) => true,
            (Some(expected), Some(found)) => (expected - found).abs() < 1e-9,
            (Some(_), None) => false,
        };
        self.direction == change.direction
            && factor
            && part(&self.by, &change.by)
            && part(&self.from, &change.from)
            && part(&self.to, &change.to)
    }
}

impl std::fmt::Display for ExpectedChange {
    /// The change in the notation it is written in: `down 5 %`, `up x2 to 44000000 t`.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.direction.word())?;
        if let Some(by) = &self.by {
            write!(formatter, " {by}")?;
        } else if let Some(factor) = self.factor {
            write!(formatter, " x{}", format_value(factor))?;
        }
        if let Some(from) = &self.from {
            write!(formatter, " from {from}")?;
        }
        if let Some(to) = &self.to {
            write!(formatter, " to {to}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Bound;

    fn quantity(value: f64, unit: &str) -> Quantity {
        Quantity {
            value,
            low: Some(value),
            high: Some(value),
            unit: unit.into(),
            bound: Bound::Exact,
            text: String::new(),
            span: Span::default(),
            noun: None,
            reading: crate::value::quantity::Reading::default(),
        }
    }

    fn change(direction: Direction, by: Option<Quantity>, from: Option<Quantity>, to: Option<Quantity>) -> Change {
        Change {
            direction,
            by,
            factor: None,
            from,
            to,
            text: "fell".into(),
            span: Span::new(3, 7),
        }
    }

    #[test]
    fn every_notation() {
        let fell = change(Direction::Down, Some(quantity(5.0, "%")), None, None);
        assert_eq!(
            [fell.canonical_text(), fell.label(), fell.reason_text()],
            ["down 5 %", "−5%", "a fall of 5%"]
        );
        let rose = change(Direction::Up, Some(quantity(3.0, "%")), None, Some(quantity(44e6, "t")));
        assert_eq!(
            [rose.canonical_text(), rose.label(), rose.reason_text()],
            ["up 3 % to 44000000 t", "+3% → 4.4e7 t", "a rise of 3% to 44,000,000 t"]
        );
        let revised = change(
            Direction::Down,
            None,
            Some(quantity(18e6, "t")),
            Some(quantity(4e6, "t")),
        );
        assert_eq!(
            [revised.canonical_text(), revised.label(), revised.reason_text()],
            [
                "down from 18000000 t to 4000000 t",
                "down 1.8e7 t → 4e6 t",
                "a fall from 18,000,000 t to 4,000,000 t"
            ]
        );
        let doubled = Change {
            factor: Some(2.0),
            ..change(Direction::Up, None, None, None)
        };
        assert_eq!(
            [doubled.canonical_text(), doubled.label(), doubled.reason_text()],
            ["up x2", "×2", "a rise by a factor of 2"]
        );
        assert_eq!(doubled.percent(), Some((100.0, 100.0)));
    }

    #[test]
    fn the_notation_reads_back_and_matches() {
        for written in [
            "down 5 %",
            "up 3 % to 44000000 t",
            "down from 18000000 t to 4000000 t",
            "up x2",
            "down",
        ] {
            let expected = ExpectedChange::parse(written).expect("parses");
            assert_eq!(expected.to_string(), written);
        }
        let rose = change(Direction::Up, Some(quantity(3.0, "%")), None, Some(quantity(44e6, "t")));
        assert!(ExpectedChange::parse("up 3 %").expect("parses").matches(&rose));
        assert!(
            ExpectedChange::parse("up to 44000000 t")
                .expect("parses")
                .matches(&rose)
        );
        assert!(!ExpectedChange::parse("down 3 %").expect("parses").matches(&rose));
        assert!(!ExpectedChange::parse("up 4 %").expect("parses").matches(&rose));
        assert!(!ExpectedChange::parse("up from 1 t").expect("parses").matches(&rose));
        assert!(ExpectedChange::parse("sideways").is_err());
        assert!(ExpectedChange::parse("up xx").is_err());
    }

    #[test]
    fn the_json_form_is_written_and_read_back() {
        let rose = change(Direction::Up, Some(quantity(3.0, "%")), None, Some(quantity(44e6, "t")));
        let written = serde_json::to_string(&ChangeDto::new(&rose)).expect("serialises");
        let read: ChangeDto<'_> = serde_json::from_str(&written).expect("reads back");
        assert_eq!(read.into_change(), rose);
        assert!(written.starts_with(r#"{"direction":"up","by":{"#), "{written}");
        assert!(!written.contains("\"from\""), "{written}");
    }
}
