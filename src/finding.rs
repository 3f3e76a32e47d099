//! Findings: what the comparator concludes about groups of claims.
//!
//! A [`Finding`] is an overlap (articles agree), a conflict (they contradict each other), a
//! change over time, shared wording, or a claim checked against a reference table. It names its claims by index into the claim list it was
//! computed from and carries a stable id derived from the claims' stable ids, so that saved
//! reports can be matched across runs. [`Policy`] is what the comparator needs to know from the
//! rules: how each rule's values compare and which stances are opposed.

use std::collections::BTreeMap;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Information (a note): overlaps, changes over time, shared wording.
    Info,
    /// A conflict in which either side is hedged or attributed.
    Warning,
    /// A conflict between two plain assertions.
    Error,
}

/// Which kind of contradiction a conflict is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ConflictKind {
    /// Two quantities whose intervals do not overlap after normalisation and tolerance.
    Quantity,
    /// Two subjects each said to be first, or one subject given incompatible ranks.
    Rank,
    /// A > B in one place and B > A (or a longer cycle) elsewhere.
    Order,
    /// A rank that quantity claims of the same corpus contradict.
    RankVsQuantity,
    /// Stances the rules declare opposed.
    Stance,
    /// Two different category labels for one key.
    Category,
    /// The same claim asserted in one place and negated in another.
    Polarity,
    /// Two signed changes that disagree on direction or size ("fell 5%" and "rose 2%").
    Change,
}

impl ConflictKind {
    /// Every conflict kind, in report order.
    pub const ALL: [ConflictKind; 8] = [
        ConflictKind::Quantity,
        ConflictKind::Rank,
        ConflictKind::Order,
        ConflictKind::RankVsQuantity,
        ConflictKind::Stance,
        ConflictKind::Category,
        ConflictKind::Polarity,
        ConflictKind::Change,
    ];

    /// Kebab-case name, as used in reports.
    pub fn name(self) -> &'static str {
        match self {
            ConflictKind::Quantity => "quantity",
            ConflictKind::Rank => "rank",
            ConflictKind::Order => "order",
            ConflictKind::RankVsQuantity => "rank-vs-quantity",
            ConflictKind::Stance => "stance",
            ConflictKind::Category => "category",
            ConflictKind::Polarity => "polarity",
            ConflictKind::Change => "change",
        }
    }
}

/// What a finding says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    /// The claims contradict each other.
    Conflict(ConflictKind),
    /// Two or more articles agree.
    Overlap,
    /// The same key with values that differ only by year: a change over time, not a conflict.
    Change,
    /// Near-identical sentences in two articles.
    SharedWording,
    /// A claim checked against a row of a reference table (`--reference`).
    Reference(Verdict),
}

/// What a reference table says of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// The claim disagrees with the reference's value, rank or order for its time.
    Disagrees,
    /// The claim refers to a time the reference has no row for (a note).
    OtherTime,
    /// The claim agrees with the reference, within the rule's tolerance.
    Agrees,
}

impl Verdict {
    /// Every verdict, in report order.
    pub const ALL: [Verdict; 3] = [Verdict::Disagrees, Verdict::OtherTime, Verdict::Agrees];

    /// Kebab-case name, as used in reports: `disagrees`, `other-time`, `agrees`.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Disagrees => "disagrees",
            Verdict::OtherTime => "other-time",
            Verdict::Agrees => "agrees",
        }
    }
}

/// The reference row a finding of kind [`FindingKind::Reference`] holds its claim against.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Citation {
    /// The reference file as the user named it.
    pub file: String,
    /// One-based line of the row in it.
    pub line: u32,
    /// Entity id of the row (the claim's subject).
    pub entity: String,
    /// Claim kind of the row.
    pub kind: String,
    /// Object id of the row, if any.
    pub object: Option<String>,
    /// The row's value in words: `3,800,000 t`, `rank 2`.
    pub value: String,
    /// The year the row's value holds for.
    pub year: i32,
    /// The source that gives it (`USGS`).
    pub source: String,
    /// The source's edition (`Mineral Commodity Summaries 2025`), if given.
    pub edition: Option<String>,
    /// Where the source is published, if given.
    pub url: Option<String>,
    /// A note on the row, if given.
    pub note: Option<String>,
}

/// One conclusion about a group of claims.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Stable id: a hash of the finding kind and the sorted stable ids of its claims.
    pub id: String,
    /// Conflict, overlap, change or shared wording.
    pub kind: FindingKind,
    /// Error, warning or info.
    pub severity: Severity,
    /// The group the claims share, e.g. `reserves · russia · rare-earths` (display form of the
    /// key; for cross-subject findings the subject is left out).
    pub key: String,
    /// One plain sentence saying why.
    pub reason: String,
    /// Indices into the claim list the finding was computed from, in report order.
    pub claims: Vec<usize>,
    /// Number of distinct articles among the claims.
    pub articles: usize,
    /// The reference row, for a finding of kind [`FindingKind::Reference`].
    pub reference: Option<Box<Citation>>,
}

/// How a rule's values compare; set per rule in the rules file.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparePolicy {
    /// Relative tolerance for quantities: intervals are widened by this fraction of their value
    /// before testing for overlap (default 0.05).
    pub relative: f64,
    /// Absolute tolerance for quantities, in the canonical unit (default 0).
    pub absolute: f64,
    /// Margin applied to "about"/"nearly" figures, as a fraction (default 0.1).
    pub approximate: f64,
    /// Whether "up to X"/"as much as X" is the strict interval `[-∞, X]` (`bounds = "strict"`)
    /// rather than, as news means it, the figure X stated as a maximum (default false).
    pub strict_bounds: bool,
    /// Severity of the rule's conflicts, overriding the default (`severity = "note"`, …).
    pub severity: Option<Severity>,
}

impl Default for ComparePolicy {
    fn default() -> Self {
        ComparePolicy {
            relative: 0.05,
            absolute: 0.0,
            approximate: 0.1,
            strict_bounds: false,
            severity: None,
        }
    }
}

/// What the comparator needs to know from the rule set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Policy {
    /// Per rule id.
    pub rules: BTreeMap<String, ComparePolicy>,
    /// Pairs of opposed stances per claim kind: `(kind, stance, stance)`.
    pub opposed: Vec<(String, String, String)>,
    /// Quantity kind that rank and order claims of a kind are measured by: `rank kind →
    /// quantity kind` (often the same kind).
    pub measured_by: BTreeMap<String, String>,
    /// Normalised similarity (0–1, strsim) at or above which two sentences of different articles
    /// are reported as shared wording (default 0.9); `None` turns the check off.
    pub shared_wording: Option<f64>,
    /// Display names of canonical entity ids (`russia` → `Russia`), for reasons.
    pub names: BTreeMap<String, String>,
    /// The parent of an entity id in a lexicon hierarchy (`neodymium` → `rare-earths`): claims
    /// about an entry and an ancestor are compared softly (overlaps and warnings only).
    pub parents: BTreeMap<String, String>,
}

impl Policy {
    /// The compare policy of `rule`, or the defaults.
    pub fn for_rule(&self, rule: &str) -> ComparePolicy {
        self.rules.get(rule).cloned().unwrap_or_default()
    }

    /// Display name of an entity id: its name from the rules, or the id itself.
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.get(id).map_or(id, String::as_str)
    }

    /// The ancestors of `id`, nearest first (a cycle in the declarations stops the walk).
    pub fn ancestors<'a>(&'a self, id: &'a str) -> Vec<&'a str> {
        let mut ancestors: Vec<&str> = Vec::new();
        let mut current = id;
        while let Some(parent) = self.parents.get(current) {
            if parent == id || ancestors.contains(&parent.as_str()) {
                break;
            }
            ancestors.push(parent);
            current = parent;
        }
        ancestors
    }

    /// Whether stances `a` and `b` of `kind` are declared opposed (in either order).
    pub fn are_opposed(&self, kind: &str, a: &str, b: &str) -> bool {
        self.opposed.iter().any(|(opposed_kind, first, second)| {
            opposed_kind == kind && ((first == a && second == b) || (first == b && second == a))
        })
    }
}
