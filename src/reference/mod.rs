//! Reference tables: what an authority (a geological survey, a statistics office, a filing)
//! says, one row per fact, and the check of claims against them.
//!
//! A [`Reference`] is read from the text of CSV and TOML files (`rules/reference/*.csv|toml`
//! beside the rules, or `--reference FILE…`; `docs/reference.md` specifies the format) by
//! [`load_sources`]: `commands` reads the files, this module only parses and validates what it
//! is handed. Every row names an entity, a claim kind and an object by the ids of the rule set
//! (an unknown id is an error with a did-you-mean), a value (a quantity of the dimension the
//! kind's rules read, or a rank), the year it holds for and its source; every problem of every
//! file is collected and reported with `file:line:column`.
//!
//! [`check`] holds each claim whose key (kind, subject, object; world scope) has rows against
//! the row of its time: it agrees (within the claim's rule tolerance, through the comparator's
//! own intervals), disagrees, or refers to another time. Ranks and orders are checked against
//! the ranking the rows' values imply, unless a row states the rank itself.
//!
//! Design: rows are indexed once by interned ids, so checking a claim is a few hash lookups and
//! a binary search, whatever the size of the table; the ranking of each (kind, object, year,
//! unit) group is computed once at load time, not per claim.

mod check;
mod load;

use std::collections::HashMap;

pub use check::check;
pub use load::{TomlFile, load_sources};

use crate::claim::Quantity;
use crate::finding::Citation;

/// The value of a reference row.
#[derive(Clone, Debug, PartialEq)]
pub enum RowValue {
    /// A figure in its canonical unit (an exact quantity).
    Quantity(Quantity),
    /// A stated rank (1 = first).
    Rank(u32),
}

/// One row of a reference table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The file as the user named it.
    pub file: String,
    /// One-based line of the row.
    pub line: u32,
    /// Entity id (a claim's subject).
    pub entity: String,
    /// Claim kind.
    pub kind: String,
    /// Object id, if any.
    pub object: Option<String>,
    /// The value.
    pub value: RowValue,
    /// The year the value holds for.
    pub year: i32,
    /// Source name (`USGS`).
    pub source: String,
    /// The source's edition, if given.
    pub edition: Option<String>,
    /// Where the source is published, if given.
    pub url: Option<String>,
    /// A note, if given.
    pub note: Option<String>,
}

impl Row {
    /// The value in words: `3,800,000 t`, `rank 2`.
    pub fn value_text(&self) -> String {
        match &self.value {
            RowValue::Quantity(quantity) => crate::value::quantity::reason_amount(quantity.value, &quantity.unit),
            RowValue::Rank(rank) => format!("rank {rank}"),
        }
    }

    /// `USGS, Mineral Commodity Summaries 2025`, or the source alone.
    pub fn source_text(&self) -> String {
        match &self.edition {
            Some(edition) => format!("{}, {edition}", self.source),
            None => self.source.clone(),
        }
    }

    /// The row as a finding cites it.
    pub fn citation(&self) -> Citation {
        Citation {
            file: self.file.clone(),
            line: self.line,
            entity: self.entity.clone(),
            kind: self.kind.clone(),
            object: self.object.clone(),
            value: self.value_text(),
            year: self.year,
            source: self.source.clone(),
            edition: self.edition.clone(),
            url: self.url.clone(),
            note: self.note.clone(),
        }
    }
}

/// (kind, entity, object) as interned numbers; `u32::MAX` for no object.
type RowKey = (u32, u32, u32);
/// (kind, object) as interned numbers.
type GroupKey = (u32, u32);

/// The rows of every reference file, indexed for the check.
#[derive(Clone, Debug, Default)]
pub struct Reference {
    /// Every row, in file and line order.
    pub rows: Vec<Row>,
    /// Interned ids of kinds, entities and objects.
    names: HashMap<String, u32>,
    /// Row positions per (kind, entity, object), by year.
    by_key: HashMap<RowKey, Vec<usize>>,
    /// Per quantity row: its place in the ranking of its (kind, object, year, unit) group,
    /// best and worst (ties share a range), and the group's rows in ranking order.
    ranking: HashMap<usize, (u32, u32, usize)>,
    /// The ranked groups: row positions, largest value first.
    groups: Vec<Vec<usize>>,
}

/// No id: the object of a row or claim without one.
const NONE: u32 = u32::MAX;

impl Reference {
    /// A reference of `rows` (already validated), indexed.
    pub fn new(rows: Vec<Row>) -> Self {
        let mut reference = Reference {
            rows,
            ..Reference::default()
        };
        for position in 0..reference.rows.len() {
            let row = &reference.rows[position];
            let (kind, entity, object) = (row.kind.clone(), row.entity.clone(), row.object.clone());
            let key = (
                reference.intern(&kind),
                reference.intern(&entity),
                object.map_or(NONE, |object| reference.intern(&object)),
            );
            reference.by_key.entry(key).or_default().push(position);
        }
        let rows = &reference.rows;
        for positions in reference.by_key.values_mut() {
            positions.sort_by_key(|&position| (rows[position].year, position));
        }
        reference.rank_groups();
        reference
    }

    /// Whether there is no row at all.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn intern(&mut self, name: &str) -> u32 {
        let next = self.names.len() as u32;
        *self.names.entry(name.to_owned()).or_insert(next)
    }

    /// The interned number of `name`, if any row uses it.
    fn id(&self, name: &str) -> Option<u32> {
        self.names.get(name).copied()
    }

    /// The rows of (kind, entity, object), by year.
    fn rows_of(&self, kind: &str, entity: &str, object: Option<&str>) -> &[usize] {
        let key = (|| {
            let object = match object {
                Some(object) => self.id(object)?,
                None => NONE,
            };
            Some((self.id(kind)?, self.id(entity)?, object))
        })();
        key.and_then(|key| self.by_key.get(&key)).map_or(&[], Vec::as_slice)
    }

    /// Ranks every quantity row within its (kind, object, year, unit) group.
    fn rank_groups(&mut self) {
        let mut groups: HashMap<(GroupKey, i32, &str), Vec<usize>> = HashMap::new();
        for (position, row) in self.rows.iter().enumerate() {
            if let RowValue::Quantity(quantity) = &row.value {
                let kind = self.names[&row.kind];
                let object = row.object.as_ref().map_or(NONE, |object| self.names[object]);
                groups
                    .entry(((kind, object), row.year, quantity.unit.as_str()))
                    .or_default()
                    .push(position);
            }
        }
        let value = |position: usize| match &self.rows[position].value {
            RowValue::Quantity(quantity) => quantity.value,
            RowValue::Rank(_) => f64::NAN,
        };
        let mut ranking = HashMap::new();
        let mut ranked = Vec::with_capacity(groups.len());
        let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
        groups.sort_unstable();
        for mut members in groups {
            members.sort_by(|&left, &right| value(right).total_cmp(&value(left)).then(left.cmp(&right)));
            let group = ranked.len();
            let mut start = 0;
            while start < members.len() {
                let tied = members[start..]
                    .iter()
                    .take_while(|&&position| value(position) == value(members[start]))
                    .count();
                for &position in &members[start..start + tied] {
                    ranking.insert(position, (start as u32 + 1, (start + tied) as u32, group));
                }
                start += tied;
            }
            ranked.push(members);
        }
        self.ranking = ranking;
        self.groups = ranked;
    }
}

#[cfg(test)]
mod tests {
    use super::{Reference, Row, RowValue};
    use crate::claim::{Bound, Quantity, Span};

    fn row(entity: &str, value: f64, year: i32) -> Row {
        Row {
            file: "t.csv".into(),
            line: 2,
            entity: entity.into(),
            kind: "reserves".into(),
            object: Some("ore".into()),
            value: RowValue::Quantity(Quantity {
                value,
                low: None,
                high: None,
                unit: "t".into(),
                bound: Bound::Exact,
                text: String::new(),
                span: Span::default(),
                noun: None,
                reading: crate::value::quantity::Reading::default(),
            }),
            year,
            source: "Survey".into(),
            edition: None,
            url: None,
            note: None,
        }
    }

    /// Ranks are per year; tied values share a range; a row of another year does not count.
    #[test]
    fn rankings_are_per_year_and_ties_share_a_range() {
        let reference = Reference::new(vec![
            row("a", 10.0, 2024),
            row("b", 10.0, 2024),
            row("c", 5.0, 2024),
            row("c", 50.0, 2023),
        ]);
        let rank = |position: usize| {
            let (best, worst, _) = reference.ranking[&position];
            (best, worst)
        };
        assert_eq!([rank(0), rank(1), rank(2), rank(3)], [(1, 2), (1, 2), (3, 3), (1, 1)]);
        let (_, _, group) = reference.ranking[&2];
        assert_eq!(
            reference.groups[group],
            vec![0, 1, 2],
            "largest first, ties in file order"
        );
        assert_eq!(reference.rows_of("reserves", "c", Some("ore")), &[3, 2], "by year");
        assert!(reference.rows_of("reserves", "c", None).is_empty());
        assert!(reference.rows_of("reserves", "zz", Some("ore")).is_empty());
    }
}
