//! Embedded examples as compiled with their rule: the texts each rule carries as its own tests
//! and what they expect. Running them is `authoring::examples`.
//!
//! Expected values are written in the notation of their value type, which lives with the type
//! in [`crate::value`] ([`ExpectedValue`]): `28700000 t`, `>20000000 t`, `10000000..12000000 t`
//! (quantities), `1` or `1..10` (ranks), `> ukraine` (orders), or a stance or category label.

use std::ops::Range;

pub use crate::value::ExpectedValue;

use super::syntax::ExampleSyntax;

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
