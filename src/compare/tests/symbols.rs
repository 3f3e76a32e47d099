//! The key strings as numbers: groups equal to grouping by the strings themselves, across the
//! chunks the strings are numbered in, and entity symbols in string order.

use std::collections::BTreeMap;

use super::{claim, entity};
use crate::claim::{Claim, Order, Relation, Span, Value};
use crate::compare::symbols::{self, NONE, Symbols};

/// More claims than one chunk numbers, every string its own allocation (nothing may rest on
/// shared pointers), some without a region, some orders.
fn claims() -> Vec<Claim> {
    (0..40_000)
        .map(|index| {
            let kind = ["reserves", "production", "exports"][index % 3];
            let subject = format!("country-{}", (index * 7919) % 101);
            let value = if index % 7 == 0 {
                Value::Order(Order {
                    relation: Relation::Greater,
                    than: entity(&format!("country-{}", (index * 31) % 103)),
                    text: "exceeding".to_owned(),
                    span: Span::default(),
                })
            } else {
                Value::Statement
            };
            let mut build =
                claim(&format!("a{}.md", index / 50), kind, &subject, value).object(&format!("m{}", index % 5));
            if index % 4 == 0 {
                build = build.region("europe");
            }
            build.0
        })
        .collect()
}

/// (kind, subject, object, region) as strings.
type Key = (String, Option<String>, Option<String>, Option<String>);

fn sorted(mut groups: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    groups.sort();
    groups
}

#[test]
fn groups_are_those_of_the_key_strings() {
    let claims = claims();
    let symbols = Symbols::new(&claims);
    let mut by_value: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    let mut by_cross: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    for (index, claim) in claims.iter().enumerate() {
        let kind = claim.kind.to_string();
        let subject = claim.subject.as_ref().map(|entity| entity.id.to_string());
        let object = claim.object.as_ref().map(|entity| entity.id.to_string());
        let region = claim.scope.region.clone();
        by_cross
            .entry((kind.clone(), None, object.clone(), region.clone()))
            .or_default()
            .push(index);
        by_value.entry((kind, subject, object, region)).or_default().push(index);
    }
    let value_groups = symbols::group_by(&symbols.rows, symbols::value_key);
    let cross_groups = symbols::group_by(&symbols.rows, symbols::cross_key);
    assert!(value_groups.len() > 1000, "{} value groups", value_groups.len());
    // (Not `assert_eq!`: a failure would print 40,000 indices.)
    let expected = sorted(by_value.into_values().collect());
    assert!(
        sorted(value_groups) == expected,
        "value groups differ from the strings' groups"
    );
    let expected = sorted(by_cross.into_values().collect());
    assert!(
        sorted(cross_groups.clone()) == expected,
        "cross groups differ from the strings' groups"
    );
    // A cross group found by its strings, and none for strings no claim has.
    let key = symbols
        .cross_key("reserves", Some("m3"), Some("europe"))
        .expect("a key of the claims");
    let members = cross_groups
        .iter()
        .find(|members| symbols::cross_key(&symbols.rows[members[0]]) == key)
        .expect("the group of that key");
    assert!(members.iter().all(|&index| {
        let claim = &claims[index];
        claim.kind == "reserves"
            && claim.object.as_ref().is_some_and(|object| object.id == "m3")
            && claim.scope.region.as_deref() == Some("europe")
    }));
    assert_eq!(symbols.cross_key("reserves", Some("m9"), None), None);
    assert_eq!(symbols.cross_key("imports", Some("m3"), None), None);
}

#[test]
fn entity_symbols_are_positions_in_the_sorted_ids() {
    let claims = claims();
    let symbols = Symbols::new(&claims);
    assert!(symbols.entities.windows(2).all(|pair| pair[0] < pair[1]));
    for (claim, row) in claims.iter().zip(&symbols.rows) {
        assert_eq!(
            symbols.entities[row[1] as usize],
            claim.subject.as_ref().expect("a subject").id.as_str()
        );
        match &claim.value {
            Value::Order(order) => assert_eq!(symbols.entities[row[4] as usize], order.than.id.as_str()),
            _ => assert_eq!(row[4], NONE),
        }
    }
}
