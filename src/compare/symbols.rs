//! The comparator's key strings as numbers, read in one pass over the claims.
//!
//! Grouping needs each claim's kind, subject, object and region, and the cross-subject checks
//! its subject and order target. Those strings live in separate allocations per claim, so each
//! pass that reads them costs a cache miss per string per claim: at a million claims that, not
//! the hashing, is what grouping spent its time on. Here each claim's five strings are read
//! once, in parallel chunks, each chunk numbering the strings it meets in a small table of its
//! own (the claim's string and the table's are both in cache when they are compared, so the
//! numbering is exact, with no hash taken for identity). The chunks' tables are then merged,
//! and every later step groups and compares numbers only.
//!
//! Entity ids (subjects and order targets) are numbered in string order, so that symbols
//! compare as the ids do; kinds, objects and regions are numbered in first-seen order, which
//! nothing depends on but determinism.

use rayon::prelude::*;

use super::{FxMap, Symbol};
use crate::claim::{Claim, Value};

/// "No string": a claim without a subject, object, region or order target.
pub(super) const NONE: Symbol = Symbol::MAX;

/// Claims per chunk: enough that a chunk's tables are small next to its claims.
const CHUNK: usize = 16 * 1024;

/// Distinct strings numbered in first-seen order.
#[derive(Default)]
struct Table<'a> {
    numbers: FxMap<&'a str, Symbol>,
    strings: Vec<&'a str>,
}

impl<'a> Table<'a> {
    fn intern(&mut self, text: Option<&'a str>) -> Symbol {
        let Some(text) = text else {
            return NONE;
        };
        let next = Symbol::try_from(self.strings.len()).expect("fewer than 2^32 distinct key strings");
        let number = *self.numbers.entry(text).or_insert(next);
        if number == next {
            self.strings.push(text);
        }
        number
    }
}

/// The five key strings of a claim.
fn strings(claim: &Claim) -> [Option<&str>; 5] {
    let than = match &claim.value {
        Value::Order(order) => Some(order.than.id.as_str()),
        _ => None,
    };
    [
        Some(claim.kind.as_str()),
        claim.subject.as_ref().map(|entity| entity.id.as_str()),
        claim.object.as_ref().map(|entity| entity.id.as_str()),
        claim.scope.region.as_deref(),
        than,
    ]
}

/// The fields of a row, in [`strings`]' order.
const KIND_FIELD: usize = 0;
const SUBJECT_FIELD: usize = 1;
const OBJECT_FIELD: usize = 2;
const REGION_FIELD: usize = 3;
const THAN_FIELD: usize = 4;

/// Which table each of [`strings`]' five takes its number from.
const TABLE: [usize; 5] = [KIND, ENTITY, OBJECT, REGION, ENTITY];
const KIND: usize = 0;
const ENTITY: usize = 1;
const OBJECT: usize = 2;
const REGION: usize = 3;

/// One chunk's tables and its claims' numbers in them.
struct Chunk<'a> {
    tables: [Table<'a>; 4],
    rows: Vec<[Symbol; 5]>,
}

fn chunk(claims: &[Claim]) -> Chunk<'_> {
    let mut tables: [Table<'_>; 4] = Default::default();
    let rows = claims
        .iter()
        .map(|claim| {
            let strings = strings(claim);
            std::array::from_fn(|field| tables[TABLE[field]].intern(strings[field]))
        })
        .collect();
    Chunk { tables, rows }
}

/// Every claim's key strings as numbers, and the tables to read them back.
pub(super) struct Symbols<'a> {
    /// Per claim: kind, subject, object, region, order target ([`NONE`] when absent).
    pub(super) rows: Vec<[Symbol; 5]>,
    /// Entity ids (subjects and order targets), sorted: a symbol is a position here.
    pub(super) entities: Vec<&'a str>,
    /// Kind, entity, object and region numbers by string, for lookups by name.
    numbers: [FxMap<&'a str, Symbol>; 4],
}

impl<'a> Symbols<'a> {
    pub(super) fn new(claims: &'a [Claim]) -> Self {
        let chunks: Vec<Chunk<'a>> = claims.par_chunks(CHUNK).map(chunk).collect();
        // The global tables: first-seen order over the chunks, taken in order (deterministic);
        // entities re-numbered in string order.
        let mut global: [Table<'a>; 4] = Default::default();
        for chunk in &chunks {
            for (table, local) in global.iter_mut().zip(&chunk.tables) {
                for &text in &local.strings {
                    table.intern(Some(text));
                }
            }
        }
        let mut entities = global[ENTITY].strings.clone();
        entities.sort_unstable();
        global[ENTITY].numbers = entities
            .iter()
            .enumerate()
            .map(|(position, &id)| (id, position as Symbol))
            .collect();
        let numbers = global.map(|table| table.numbers);
        let rows: Vec<[Symbol; 5]> = chunks
            .into_par_iter()
            .flat_map_iter(|chunk| {
                let remap: [Vec<Symbol>; 4] = std::array::from_fn(|table| {
                    chunk.tables[table]
                        .strings
                        .iter()
                        .map(|text| numbers[table][text])
                        .collect()
                });
                chunk.rows.into_iter().map(move |row| {
                    std::array::from_fn(|field| {
                        let local = row[field];
                        if local == NONE {
                            NONE
                        } else {
                            remap[TABLE[field]][local as usize]
                        }
                    })
                })
            })
            .collect();
        Symbols {
            rows,
            entities,
            numbers,
        }
    }

    /// The subject of claim `index`, if it has one.
    pub(super) fn subject(&self, index: usize) -> Option<Symbol> {
        Some(self.rows[index][SUBJECT_FIELD]).filter(|&symbol| symbol != NONE)
    }

    /// The other side of claim `index`, if it is an order claim.
    pub(super) fn than(&self, index: usize) -> Option<Symbol> {
        Some(self.rows[index][THAN_FIELD]).filter(|&symbol| symbol != NONE)
    }

    /// The number of a kind, object or region, or [`NONE`] for `None`; `None` when no claim
    /// has that string (so no group has that key).
    fn lookup(&self, table: usize, text: Option<&str>) -> Option<Symbol> {
        match text {
            None => Some(NONE),
            Some(text) => self.numbers[table].get(text).copied(),
        }
    }

    /// The cross key (kind, object, region) of these strings, if any claim has them.
    pub(super) fn cross_key(&self, kind: &str, object: Option<&str>, region: Option<&str>) -> Option<CrossKey> {
        Some([
            self.lookup(KIND, Some(kind))?,
            self.lookup(OBJECT, object)?,
            self.lookup(REGION, region)?,
        ])
    }
}

/// (kind, subject, object, region) as symbols.
pub(super) type ValueKey = [Symbol; 4];
/// (kind, object, region) as symbols.
pub(super) type CrossKey = [Symbol; 3];

pub(super) fn value_key(row: &[Symbol; 5]) -> ValueKey {
    [
        row[KIND_FIELD],
        row[SUBJECT_FIELD],
        row[OBJECT_FIELD],
        row[REGION_FIELD],
    ]
}

pub(super) fn cross_key(row: &[Symbol; 5]) -> CrossKey {
    [row[KIND_FIELD], row[OBJECT_FIELD], row[REGION_FIELD]]
}

/// Claim indices (ascending) per distinct key, in key order.
pub(super) fn group_by<K: Copy + Ord + Send>(
    rows: &[[Symbol; 5]],
    key: impl Fn(&[Symbol; 5]) -> K + Sync,
) -> Vec<Vec<usize>> {
    // Sorting (key, index) pairs: parallel, and each group's members come out ascending.
    let mut keyed: Vec<(K, usize)> = rows
        .par_iter()
        .enumerate()
        .map(|(index, row)| (key(row), index))
        .collect();
    keyed.par_sort_unstable();
    keyed
        .chunk_by(|left, right| left.0 == right.0)
        .map(|run| run.iter().map(|&(_, index)| index).collect())
        .collect()
}
