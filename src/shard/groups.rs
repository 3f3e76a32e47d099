//! The comparison split into groups: which claims the comparator must see together, and the
//! comparison of each group apart.
//!
//! The comparator ([`crate::compare`]) groups claims by (kind, subject, object, region) and by
//! (kind, object, region), and it also looks across those groups: ranks and orders of a kind
//! are held against the quantities of the kind `measured_by` names, claims about an object
//! against claims about its ancestors (a lexicon's `parents`), and shared wording joins the
//! sentences of every claim that has the same text. So the unit a query engine can hand it
//! whole is the **group** (region, kind class, object class), where a kind class joins kinds
//! `measured_by` links and an object class joins objects a parent links, and groups whose
//! claims share a sentence are one (when the policy checks shared wording). Every check reads
//! claims of one such group only, so comparing each group apart and putting the findings back
//! in report order gives the findings of one comparison over all claims (a test holds them
//! equal); a group of one claim can give no finding and is left out.
//!
//! [`partition`] forms the groups in this process (the reference for the SQL of
//! [`super::datafusion`]); [`compare_groups`] compares them.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::claim::Claim;
use crate::finding::{Finding, Policy};

/// The kind and object classes of a policy: each kind or object that shares its group with
/// another is mapped to its class (the least name among those joined); every other one is a
/// class of its own and is not listed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Classes {
    /// Kind → class, for kinds `measured_by` joins.
    pub kinds: BTreeMap<String, String>,
    /// Object id → class, for objects a `parents` entry joins.
    pub objects: BTreeMap<String, String>,
}

impl Classes {
    /// The classes `policy` implies.
    pub fn of(policy: &Policy) -> Classes {
        Classes {
            kinds: joined(policy.measured_by.iter()),
            objects: joined(policy.parents.iter()),
        }
    }

    /// The class of `kind`.
    pub fn kind<'a>(&'a self, kind: &'a str) -> &'a str {
        self.kinds.get(kind).map_or(kind, String::as_str)
    }

    /// The class of `object`.
    pub fn object<'a>(&'a self, object: &'a str) -> &'a str {
        self.objects.get(object).map_or(object, String::as_str)
    }
}

/// Each name of the pairs mapped to the least name of the names the pairs join.
fn joined<'a>(pairs: impl Iterator<Item = (&'a String, &'a String)>) -> BTreeMap<String, String> {
    let mut numbers: BTreeMap<&str, usize> = BTreeMap::new();
    let pairs: Vec<(&str, &str)> = pairs.map(|(left, right)| (left.as_str(), right.as_str())).collect();
    for (left, right) in &pairs {
        for name in [left, right] {
            let next = numbers.len();
            numbers.entry(name).or_insert(next);
        }
    }
    let mut sets = UnionFind::new(numbers.len());
    for (left, right) in &pairs {
        sets.join(numbers[left], numbers[right]);
    }
    // Names in order: the first name met of a set is its least.
    let mut least: HashMap<usize, &str> = HashMap::new();
    let mut classes = BTreeMap::new();
    for (&name, &number) in &numbers {
        let class = *least.entry(sets.root(number)).or_insert(name);
        classes.insert(name.to_owned(), class.to_owned());
    }
    classes
}

/// Disjoint sets over `0..n`, each set named by its least member.
pub struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` sets of one member each.
    pub fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    /// The least member of the set of `node`.
    pub fn root(&mut self, mut node: usize) -> usize {
        while self.parent[node] != node {
            let up = self.parent[self.parent[node]];
            self.parent[node] = up;
            node = up;
        }
        node
    }

    /// Joins the sets of `left` and `right`.
    pub fn join(&mut self, left: usize, right: usize) {
        let (left, right) = (self.root(left), self.root(right));
        if left != right {
            let (keep, join) = (left.min(right), left.max(right));
            self.parent[join] = keep;
        }
    }

    /// The sets of two or more members, each ascending, in order of their least member.
    pub fn sets(mut self) -> Vec<Vec<usize>> {
        let mut sets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for node in 0..self.parent.len() {
            let root = self.root(node);
            sets.entry(root).or_default().push(node);
        }
        sets.into_values().filter(|set| set.len() > 1).collect()
    }
}

/// The groups of `claims` (indices, each group ascending) that can give findings, formed in
/// this process: claims of one (region, kind class, object class) together, and, when the
/// policy checks shared wording, claims with the same sentence together.
pub fn partition(claims: &[Claim], policy: &Policy) -> Vec<Vec<usize>> {
    let classes = Classes::of(policy);
    let mut sets = UnionFind::new(claims.len());
    let mut first: HashMap<(Option<&str>, &str, Option<&str>), usize> = HashMap::new();
    let mut sentences: HashMap<&str, usize> = HashMap::new();
    for (index, claim) in claims.iter().enumerate() {
        let key = claim.key_text();
        let group = (
            key.region,
            classes.kind(key.kind),
            key.object.map(|object| classes.object(object)),
        );
        let to = *first.entry(group).or_insert(index);
        sets.join(to, index);
        if policy.shared_wording.is_some() {
            let to = *sentences.entry(claim.evidence.sentence.as_str()).or_insert(index);
            sets.join(to, index);
        }
    }
    sets.sets()
}

/// Compares each group of `claims` apart (`groups` as [`partition`] forms them: indices into
/// `claims`, each group ascending, no claim in two groups) and returns the findings in report
/// order, their claims indices into `claims`.
pub fn compare_groups(claims: &[Claim], groups: &[Vec<usize>], policy: &Policy) -> Vec<Finding> {
    let mut findings: Vec<Finding> = groups
        .par_iter()
        .flat_map_iter(|group| {
            let members: Vec<Claim> = group.iter().map(|&index| claims[index].clone()).collect();
            let mut findings = crate::compare::compare(&members, policy);
            for finding in &mut findings {
                for claim in &mut finding.claims {
                    *claim = group[*claim];
                }
            }
            findings
        })
        .collect();
    crate::compare::sort(&mut findings);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_join_what_the_policy_links() {
        let mut policy = Policy::default();
        policy.measured_by.insert("rank".into(), "reserves".into());
        policy.measured_by.insert("order".into(), "reserves".into());
        policy.parents.insert("neodymium".into(), "rare-earths".into());
        policy.parents.insert("rare-earths".into(), "critical".into());
        let classes = Classes::of(&policy);
        assert_eq!(classes.kind("rank"), "order");
        assert_eq!(classes.kind("reserves"), "order");
        assert_eq!(classes.kind("output"), "output");
        assert_eq!(classes.object("neodymium"), "critical");
        assert_eq!(classes.object("copper"), "copper");
    }

    #[test]
    fn groups_compared_apart_give_the_findings_of_one_comparison() {
        let claims = crate::report::fixture_claims();
        let policy = Policy {
            shared_wording: Some(0.9),
            ..Policy::default()
        };
        let whole = crate::compare::compare(&claims, &policy);
        assert!(!whole.is_empty(), "the fixture has findings");
        let groups = partition(&claims, &policy);
        assert_eq!(compare_groups(&claims, &groups, &policy), whole);
    }
}
