//! The dimensions a `quantity(…)` slot may be limited to — `quantity(mass)`, `quantity(rate)`,
//! `quantity(count: people)` — and which quantities each admits. The dimensions and their
//! canonical units are the unit model's ([`CANONICAL_UNITS`]); the slot table of
//! [`super::slots`] names them.

use crate::value::quantity::{CANONICAL_UNITS, Quantity, dimension_of, singular};

/// The dimension a quantity slot may be limited to: one of the unit model's dimensions
/// ([`CANONICAL_UNITS`]), money, percent, rates, counts, or counts of one noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    /// Tonnes and other masses.
    Mass,
    /// Currencies.
    Money,
    /// Percentages.
    Percent,
    /// Plain counts, of any noun or none.
    Count,
    /// Counts of one noun: `quantity(count: people)`.
    CountOf(Noun),
    /// Metres and other lengths.
    Length,
    /// Square metres, hectares, acres.
    Area,
    /// Cubic metres, litres, barrels.
    Volume,
    /// Watt-hours.
    Energy,
    /// Watts.
    Power,
    /// Km/h, knots, mph.
    Speed,
    /// A rate, one unit per another: `$80 a barrel`, `5m barrels a day`.
    Rate,
}

impl Dimension {
    /// Whether a quantity belongs to this dimension: its canonical unit does, and for
    /// [`Dimension::CountOf`] it counts that noun (singular or plural).
    pub fn admits(self, quantity: &Quantity) -> bool {
        let unit = quantity.unit.as_str();
        let canonical = |name: &str| {
            CANONICAL_UNITS
                .iter()
                .any(|(dimension, code)| *dimension == name && *code == unit)
        };
        match self {
            Dimension::Mass => canonical("mass"),
            Dimension::Length => canonical("length"),
            Dimension::Area => canonical("area"),
            Dimension::Volume => canonical("volume"),
            Dimension::Energy => canonical("energy"),
            Dimension::Power => canonical("power"),
            Dimension::Speed => canonical("speed"),
            Dimension::Rate => dimension_of(unit) == "rate",
            Dimension::Percent => unit == "%" || unit == "pp",
            Dimension::Count => unit.is_empty(),
            Dimension::CountOf(noun) => {
                unit.is_empty() && quantity.noun.as_deref().is_some_and(|written| noun.names(written))
            }
            Dimension::Money => dimension_of(unit) == "money",
        }
    }
}

/// The noun a count slot requires, as written in `quantity(count: people)`: lower-case ASCII
/// letters, at most [`Noun::MAX`] of them, kept inline so slot kinds stay `Copy`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    letters: [u8; Noun::MAX],
    length: u8,
}

impl Noun {
    /// The longest noun a slot may require.
    pub const MAX: usize = 24;

    /// The noun `written`, if it is 1 to [`Noun::MAX`] lower-case ASCII letters.
    pub fn parse(written: &str) -> Option<Noun> {
        let bytes = written.as_bytes();
        if bytes.is_empty() || bytes.len() > Noun::MAX || !bytes.iter().all(u8::is_ascii_lowercase) {
            return None;
        }
        let mut letters = [0; Noun::MAX];
        letters[..bytes.len()].copy_from_slice(bytes);
        Some(Noun {
            letters,
            length: bytes.len() as u8,
        })
    }

    /// The noun as written.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.letters[..usize::from(self.length)]).unwrap_or_default()
    }

    /// Whether a count's noun (`people`, `vehicles`) is this noun, singular or plural: `vehicle`
    /// names `vehicles`, `person` names `people`.
    pub fn names(&self, counted: &str) -> bool {
        let noun = self.as_str();
        counted == noun || singular(counted) == singular(noun)
    }
}

impl std::fmt::Debug for Noun {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "Noun({:?})", self.as_str())
    }
}
