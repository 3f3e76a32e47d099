//! Slots: the roles a template slot binds and the table of built-in slot types.
//!
//! A slot is `{role:type}`. The type is a lexicon name or one of the built-in types of
//! [`SLOT_TYPES`], one row each: its name, the arguments it takes (`quantity(mass)`), the roles
//! that may hold it, the compare mode whose templates need it, and the [`SlotKind`] the matcher
//! reads it as (each kind has its extractor in [`crate::extract`]).
//!
//! Design: compile's parsing, its "did you mean", its error messages and hints, and `explain`'s
//! rendering of a template are all read off these rows, so a new slot type is one row here (and
//! `docs/rules.md`, which a test below holds to the table).

pub use super::dimension::{Dimension, Noun};
use super::lexicon::Lexicon;
use crate::claim::{Relation, Span, Value};
use crate::extract::{Vocabulary, change, comparative, name, quantity, rank, year};
use crate::text::token::Token;
use crate::value::CompareMode;
#[cfg(test)]
use crate::value::quantity::Quantity;

/// What a slot binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// The claim's subject.
    Subject,
    /// The thing measured.
    Object,
    /// The entity a subject is compared with.
    Other,
    /// The value (quantity or rank).
    Value,
    /// The comparative words of an order.
    Relation,
    /// A region scope.
    Region,
    /// A year scope.
    Year,
}

/// Every role with its name in templates, in the order messages list them.
const ROLES: [(Role, &str); 7] = [
    (Role::Subject, "subject"),
    (Role::Object, "object"),
    (Role::Other, "other"),
    (Role::Value, "value"),
    (Role::Relation, "relation"),
    (Role::Region, "region"),
    (Role::Year, "year"),
];

impl Role {
    /// The role as written in a template: `subject`, `value`, ….
    pub fn name(self) -> &'static str {
        ROLES
            .iter()
            .find(|(role, _)| *role == self)
            .map_or("", |(_, name)| name)
    }

    /// The role written `name`, if there is one.
    pub fn parse(name: &str) -> Option<Role> {
        ROLES
            .iter()
            .find(|(_, written)| *written == name)
            .map(|(role, _)| *role)
    }

    /// Every role's name, in order: `subject, object, other, value, relation, region, year`.
    pub fn names() -> String {
        ROLES.map(|(_, name)| name).join(", ")
    }

    /// Whether the role binds a lexicon entry (rather than a built-in slot type).
    pub fn takes_lexicon(self) -> bool {
        matches!(self, Role::Subject | Role::Object | Role::Other | Role::Region)
    }
}

/// How a count slot names its noun: `quantity(count: NOUN)`.
const COUNT_OF: &str = "count:";

/// What a slot reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotKind {
    /// An entry of the lexicon with this index.
    Lexicon(u32),
    /// A quantity, optionally of one dimension.
    Quantity(Option<Dimension>),
    /// A rank phrase.
    Rank,
    /// A comparative phrase.
    Comparative,
    /// A year.
    Year,
    /// An open-class capitalised name ("Orbis Motors"), unless a lexicon alias covers it.
    Name,
    /// A signed change ("fell by 5%", "rose 3 percent to 44 million tonnes").
    Change,
}

impl SlotKind {
    /// The type as written in a template: the lexicon's name, `quantity`, `quantity(mass)`,
    /// `rank`, ….
    pub fn written(self, lexicons: &[Lexicon]) -> String {
        if let SlotKind::Lexicon(lexicon) = self {
            return lexicons[lexicon as usize].name.clone();
        }
        SLOT_TYPES
            .iter()
            .find_map(|slot_type| slot_type.written(self))
            .unwrap_or_default()
    }
}

/// What a built-in slot read at a token: a claim value, the comparative words of an order, or
/// a year.
#[derive(Clone, Debug)]
pub enum Reading {
    /// A value ("28.7 million tonnes", "the second-largest").
    Value(Value),
    /// A comparative phrase and where its words are.
    Relation(Relation, Span),
    /// A year.
    Year(i32),
    /// A capitalised name.
    Name(name::Name),
}

/// How many built-in readers there are; [`SlotKind::reader`] numbers them, so a matcher can
/// cache each reader's result per token.
pub const READERS: usize = 6;

impl SlotKind {
    /// The number of the built-in reader this kind uses (`quantity` with or without a
    /// dimension shares one), below [`READERS`]; `None` for a lexicon slot.
    pub fn reader(self) -> Option<usize> {
        match self {
            SlotKind::Lexicon(_) => None,
            SlotKind::Quantity(_) => Some(0),
            SlotKind::Rank => Some(1),
            SlotKind::Comparative => Some(2),
            SlotKind::Year => Some(3),
            SlotKind::Name => Some(4),
            SlotKind::Change => Some(5),
        }
    }

    /// Reads a slot of this built-in kind starting exactly at token `start` of a sentence:
    /// the end token and the reading, before [`SlotKind::admits`] narrows it.
    /// `vocabulary` is the rule set's own words for quantities.
    pub fn read(
        self,
        text: &str,
        tokens: &[Token],
        start: usize,
        top_k: u32,
        vocabulary: &Vocabulary,
    ) -> Option<(usize, Reading)> {
        match self {
            SlotKind::Lexicon(_) => None,
            SlotKind::Quantity(_) => quantity::quantity_in(text, tokens, start, vocabulary)
                .map(|(end, quantity)| (end, Reading::Value(Value::Quantity(quantity)))),
            SlotKind::Rank => rank::rank_at(text, tokens, start, top_k, vocabulary)
                .map(|(end, rank)| (end, Reading::Value(Value::Rank(rank)))),
            SlotKind::Comparative => comparative::comparative_at(text, tokens, start)
                .map(|(end, relation, span)| (end, Reading::Relation(relation, span))),
            SlotKind::Year => year::year_at(text, tokens, start).map(|(end, year)| (end, Reading::Year(year))),
            SlotKind::Name => name::name_at(text, tokens, start).map(|(end, name)| (end, Reading::Name(name))),
            SlotKind::Change => change::change_in(text, tokens, start, vocabulary)
                .map(|(end, change)| (end, Reading::Value(Value::Change(Box::new(change))))),
        }
    }

    /// Whether a slot of this kind takes what its reader read: a `quantity(mass)` slot only a
    /// mass.
    pub fn admits(self, reading: &Reading) -> bool {
        match (self, reading) {
            (SlotKind::Quantity(Some(dimension)), Reading::Value(Value::Quantity(quantity))) => {
                dimension.admits(quantity)
            }
            _ => true,
        }
    }
}

/// Whether what reader number `reader` finds depends on the rule's `top_k` ("one of the
/// largest" is 1..`top_k`), so that a cached reading is kept only for rules of the same reach.
pub fn reader_uses_top_k(reader: usize) -> bool {
    SlotKind::Rank.reader() == Some(reader)
}

/// Whether the templates of `compare` must bind the claim's value to a `value` slot (a
/// quantity or rank rule), so the claim's value is what that slot read.
pub fn value_from_slot(compare: CompareMode) -> bool {
    SLOT_TYPES.iter().any(|slot_type| {
        slot_type
            .required
            .as_ref()
            .is_some_and(|required| required.compare == compare && required.role == Role::Value)
    })
}

/// A built-in slot type: one row of [`SLOT_TYPES`].
#[derive(Debug)]
pub struct SlotType {
    /// The name written after the role: `{value:quantity}`.
    pub name: &'static str,
    /// What the slot reads when written without an argument.
    pub kind: SlotKind,
    /// What an argument is called in messages (`dimension`); empty when it takes none.
    pub argument: &'static str,
    /// The arguments it takes, `quantity(mass)`, and what the slot reads with each.
    pub arguments: &'static [(&'static str, SlotKind)],
    /// The roles that may hold it.
    pub roles: &'static [Role],
    /// The compare mode whose templates must have this slot, if any.
    pub required: Option<Required>,
    /// Whether a lexicon of the same name takes precedence: types added after rules files
    /// could already name a lexicon so (`name`) must not change what those files mean.
    pub yields_to_lexicon: bool,
}

/// A slot the templates of one compare mode cannot do without.
#[derive(Debug)]
pub struct Required {
    /// The compare mode.
    pub compare: CompareMode,
    /// The role that must hold the slot type.
    pub role: Role,
    /// Roles that must be bound as well, by a slot of any type.
    pub with: &'static [Role],
    /// The error on a template without them.
    pub message: &'static str,
}

/// The built-in slot types, in the order messages list them.
pub const SLOT_TYPES: &[SlotType] = &[
    SlotType {
        name: "quantity",
        kind: SlotKind::Quantity(None),
        argument: "dimension",
        arguments: &[
            ("mass", SlotKind::Quantity(Some(Dimension::Mass))),
            ("money", SlotKind::Quantity(Some(Dimension::Money))),
            ("percent", SlotKind::Quantity(Some(Dimension::Percent))),
            ("count", SlotKind::Quantity(Some(Dimension::Count))),
            ("length", SlotKind::Quantity(Some(Dimension::Length))),
            ("area", SlotKind::Quantity(Some(Dimension::Area))),
            ("volume", SlotKind::Quantity(Some(Dimension::Volume))),
            ("energy", SlotKind::Quantity(Some(Dimension::Energy))),
            ("power", SlotKind::Quantity(Some(Dimension::Power))),
            ("speed", SlotKind::Quantity(Some(Dimension::Speed))),
            ("rate", SlotKind::Quantity(Some(Dimension::Rate))),
        ],
        roles: &[Role::Value],
        required: Some(Required {
            compare: CompareMode::Quantity,
            role: Role::Value,
            with: &[],
            message: "a quantity rule's template needs a `{value:quantity}` slot",
        }),
        yields_to_lexicon: false,
    },
    SlotType {
        name: "rank",
        kind: SlotKind::Rank,
        argument: "",
        arguments: &[],
        roles: &[Role::Value],
        required: Some(Required {
            compare: CompareMode::Rank,
            role: Role::Value,
            with: &[],
            message: "a rank rule's template needs a `{value:rank}` slot",
        }),
        yields_to_lexicon: false,
    },
    SlotType {
        name: "comparative",
        kind: SlotKind::Comparative,
        argument: "",
        arguments: &[],
        roles: &[Role::Relation],
        required: Some(Required {
            compare: CompareMode::Order,
            role: Role::Relation,
            with: &[Role::Other],
            message: "an order rule's template needs `{relation:comparative}` and an `{other:LEXICON}` slot",
        }),
        yields_to_lexicon: false,
    },
    SlotType {
        name: "year",
        kind: SlotKind::Year,
        argument: "",
        arguments: &[],
        roles: &[Role::Year],
        required: None,
        yields_to_lexicon: false,
    },
    SlotType {
        name: "name",
        kind: SlotKind::Name,
        argument: "",
        arguments: &[],
        roles: &[Role::Subject, Role::Object, Role::Other],
        required: None,
        yields_to_lexicon: true,
    },
    SlotType {
        name: "change",
        kind: SlotKind::Change,
        argument: "",
        arguments: &[],
        roles: &[Role::Value],
        required: Some(Required {
            compare: CompareMode::Change,
            role: Role::Value,
            with: &[],
            message: "a change rule's template needs a `{value:change}` slot",
        }),
        yields_to_lexicon: true,
    },
];

impl SlotType {
    /// Whether a slot of `kind` is of this type (with or without an argument).
    pub fn reads(&self, kind: SlotKind) -> bool {
        self.kind == kind
            || self.arguments.iter().any(|(_, with)| *with == kind)
            || self.name == "quantity" && matches!(kind, SlotKind::Quantity(Some(Dimension::CountOf(_))))
    }

    /// `kind` as written, `quantity` or `quantity(mass)`, if it is of this type.
    fn written(&self, kind: SlotKind) -> Option<String> {
        if self.kind == kind {
            return Some(self.name.to_owned());
        }
        if let SlotKind::Quantity(Some(Dimension::CountOf(noun))) = kind {
            return (self.name == "quantity").then(|| format!("quantity({COUNT_OF} {})", noun.as_str()));
        }
        self.arguments
            .iter()
            .find(|(_, with)| *with == kind)
            .map(|(argument, _)| format!("{}({argument})", self.name))
    }
}

/// The built-in type written `name`.
pub fn slot_type(name: &str) -> Option<&'static SlotType> {
    SLOT_TYPES.iter().find(|slot_type| slot_type.name == name)
}

/// What a slot of type `name`, with `argument` if one is written, reads: a built-in type first,
/// else the lexicon of that name.
pub fn slot_kind(name: &str, argument: Option<&str>, lexicons: &[Lexicon]) -> Option<SlotKind> {
    let built_in = slot_type(name)
        .filter(|slot_type| !(slot_type.yields_to_lexicon && lexicons.iter().any(|lexicon| lexicon.name == name)));
    match (built_in, argument) {
        (Some(slot_type), None) => Some(slot_type.kind),
        (Some(slot_type), Some(argument)) if slot_type.name == "quantity" && argument.starts_with(COUNT_OF) => {
            Noun::parse(argument[COUNT_OF.len()..].trim())
                .map(|noun| SlotKind::Quantity(Some(Dimension::CountOf(noun))))
        }
        (Some(slot_type), Some(argument)) => slot_type
            .arguments
            .iter()
            .find(|(written, _)| *written == argument)
            .map(|(_, kind)| *kind),
        (None, None) => lexicons
            .iter()
            .position(|lexicon| lexicon.name == name)
            .map(|index| SlotKind::Lexicon(index as u32)),
        (None, Some(_)) => None,
    }
}

/// Whether a slot of `kind` may hold `role`.
pub fn fits(role: Role, kind: SlotKind) -> bool {
    match kind {
        SlotKind::Lexicon(_) => role.takes_lexicon(),
        kind => SLOT_TYPES
            .iter()
            .any(|slot_type| slot_type.reads(kind) && slot_type.roles.contains(&role)),
    }
}

/// The error for a slot type that [`slot_kind`] cannot read: an unknown argument of a built-in
/// type (an unknown dimension of `quantity(…)`), else an unknown type.
pub fn unknown_type_message(name: &str, argument: Option<&str>) -> String {
    match (slot_type(name), argument) {
        (Some(slot_type), Some(argument)) if !slot_type.arguments.is_empty() => {
            if name == "quantity" && argument.starts_with(COUNT_OF) {
                return format!(
                    "unknown count noun in `{argument}`: write `count: NOUN` with 1 to {} lower-case letters, e.g. `count: people`",
                    Noun::MAX
                );
            }
            format!("unknown {name} {} `{argument}`", slot_type.argument)
        }
        _ => format!("unknown lexicon or slot type `{name}`"),
    }
}

/// Every slot type a rule set offers, for the hint of an unknown one: `slot types are a lexicon
/// (country, mineral) or quantity, quantity(mass|money|percent|count), rank, comparative, year`.
pub fn types_hint(lexicons: &[&str]) -> String {
    let built_in: Vec<String> = SLOT_TYPES
        .iter()
        .flat_map(|slot_type| {
            let arguments: Vec<&str> = slot_type.arguments.iter().map(|(argument, _)| *argument).collect();
            let noun = if slot_type.name == "quantity" {
                "|count: NOUN"
            } else {
                ""
            };
            let with_arguments =
                (!arguments.is_empty()).then(|| format!("{}({}{noun})", slot_type.name, arguments.join("|")));
            std::iter::once(slot_type.name.to_owned()).chain(with_arguments)
        })
        .collect();
    format!(
        "slot types are a lexicon ({}) or {}",
        lexicons.join(", "),
        built_in.join(", ")
    )
}

/// Which role takes which slot type, for the hint of a slot in the wrong role:
/// `subject/object/other/region take a lexicon; value takes quantity or rank; …`.
pub fn roles_hint() -> String {
    let lexicon_roles: Vec<&str> = ROLES
        .iter()
        .filter(|(role, _)| role.takes_lexicon())
        .map(|(_, name)| *name)
        .collect();
    let open: Vec<&str> = SLOT_TYPES
        .iter()
        .filter(|slot_type| slot_type.roles.iter().any(|role| role.takes_lexicon()))
        .map(|slot_type| slot_type.name)
        .collect();
    let mut parts = vec![if open.is_empty() {
        format!("{} take a lexicon", lexicon_roles.join("/"))
    } else {
        format!("{} take a lexicon (or {})", lexicon_roles.join("/"), open.join(", "))
    }];
    for (role, name) in ROLES.iter().filter(|(role, _)| !role.takes_lexicon()) {
        let types: Vec<&str> = SLOT_TYPES
            .iter()
            .filter(|slot_type| slot_type.roles.contains(role))
            .map(|slot_type| slot_type.name)
            .collect();
        parts.push(format!("{name} takes {}", types.join(" or ")));
    }
    parts.join("; ")
}

/// The error for a template of a `compare` rule that lacks the slots the mode needs, given the
/// (role, kind) of every slot the template has.
pub fn missing_slot(compare: CompareMode, slots: &[(Role, SlotKind)]) -> Option<&'static str> {
    let has = |role: Role, reads: &dyn Fn(SlotKind) -> bool| slots.iter().any(|(r, k)| *r == role && reads(*k));
    SLOT_TYPES.iter().find_map(|slot_type| {
        let required = slot_type
            .required
            .as_ref()
            .filter(|required| required.compare == compare)?;
        let complete =
            has(required.role, &|kind| slot_type.reads(kind)) && required.with.iter().all(|role| has(*role, &|_| true));
        (!complete).then_some(required.message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_off_the_table() {
        assert_eq!(Role::names(), "subject, object, other, value, relation, region, year");
        assert_eq!(
            types_hint(&["country", "mineral"]),
            "slot types are a lexicon (country, mineral) or quantity, quantity(mass|money|percent|count|length|area|volume|energy|power|speed|rate|count: NOUN), rank, comparative, year, name, change"
        );
        assert_eq!(
            roles_hint(),
            "subject/object/other/region take a lexicon (or name); value takes quantity or rank or change; relation takes comparative; year takes year"
        );
        assert_eq!(
            unknown_type_message("quantity", Some("weight")),
            "unknown quantity dimension `weight`"
        );
        assert_eq!(
            unknown_type_message("rank", Some("top")),
            "unknown lexicon or slot type `rank`"
        );
        assert_eq!(
            unknown_type_message("contry", None),
            "unknown lexicon or slot type `contry`"
        );
    }

    #[test]
    fn slot_types_are_read_and_written_back() {
        for (role, name) in ROLES {
            assert_eq!(Role::parse(name), Some(role));
            assert_eq!(role.name(), name);
        }
        assert_eq!(Role::parse("subjct"), None);
        let lexicons = [Lexicon {
            name: "country".into(),
            is_region_scope: false,
            anaphora: Vec::new(),
            pronouns: true,
            article_aliases: true,
            stands_for: Vec::new(),
            entries: Vec::new(),
            fuzzy: None,
            fuzzy_min_len: 6,
            file: 0,
            span: 0..0,
        }];
        for (name, argument, kind, written) in [
            ("quantity", None, SlotKind::Quantity(None), "quantity"),
            (
                "quantity",
                Some("money"),
                SlotKind::Quantity(Some(Dimension::Money)),
                "quantity(money)",
            ),
            ("rank", None, SlotKind::Rank, "rank"),
            ("comparative", None, SlotKind::Comparative, "comparative"),
            ("year", None, SlotKind::Year, "year"),
            ("country", None, SlotKind::Lexicon(0), "country"),
        ] {
            assert_eq!(slot_kind(name, argument, &lexicons), Some(kind));
            assert_eq!(kind.written(&lexicons), written);
        }
        assert_eq!(slot_kind("quantity", Some("weight"), &lexicons), None);
        assert_eq!(slot_kind("rank", Some("top"), &lexicons), None);
        assert_eq!(slot_kind("country", Some("eu"), &lexicons), None);
        assert_eq!(slot_kind("mineral", None, &lexicons), None);
        // Types added later yield to a lexicon of their name, so older rules files keep their
        // meaning: `{subject:name}` reads `[lexicon.name]` where one is declared.
        assert_eq!(slot_kind("name", None, &lexicons), Some(SlotKind::Name));
        assert_eq!(slot_kind("change", None, &lexicons), Some(SlotKind::Change));
        let mut named = lexicons.clone();
        named[0].name = "name".into();
        assert_eq!(slot_kind("name", None, &named), Some(SlotKind::Lexicon(0)));
    }

    #[test]
    fn dimensions_admit_their_units_and_nouns() {
        let quantity = |unit: &str, noun: Option<&str>| Quantity {
            value: 1.0,
            low: Some(1.0),
            high: Some(1.0),
            unit: unit.into(),
            bound: crate::value::Bound::Exact,
            text: String::new(),
            span: crate::claim::Span::default(),
            noun: noun.map(str::to_owned),
            reading: crate::value::quantity::Reading::default(),
        };
        let people = Noun::parse("people").expect("a noun");
        let person = Noun::parse("person").expect("a noun");
        let vehicle = Noun::parse("vehicle").expect("a noun");
        for (dimension, unit, noun, admitted) in [
            (Dimension::Mass, "t", None, true),
            (Dimension::Mass, "t/yr", None, false),
            (Dimension::Length, "m", None, true),
            (Dimension::Area, "m2", None, true),
            (Dimension::Volume, "m3", None, true),
            (Dimension::Energy, "Wh", None, true),
            (Dimension::Power, "W", None, true),
            (Dimension::Power, "Wh", None, false),
            (Dimension::Speed, "km/h", None, true),
            (Dimension::Rate, "USD/m3", None, true),
            (Dimension::Rate, "USD", None, false),
            (Dimension::Money, "USD", None, true),
            (Dimension::Money, "USD/share", None, false),
            (Dimension::Percent, "pp", None, true),
            (Dimension::Count, "", Some("people"), true),
            (Dimension::Count, "", None, true),
            (Dimension::CountOf(people), "", Some("people"), true),
            (Dimension::CountOf(person), "", Some("people"), true),
            (Dimension::CountOf(vehicle), "", Some("vehicles"), true),
            (Dimension::CountOf(people), "", Some("vehicles"), false),
            (Dimension::CountOf(people), "", None, false),
            (Dimension::CountOf(people), "t", Some("people"), false),
        ] {
            assert_eq!(
                dimension.admits(&quantity(unit, noun)),
                admitted,
                "{dimension:?} admits {unit:?} {noun:?}"
            );
        }
        assert_eq!(Noun::parse("People"), None);
        assert_eq!(Noun::parse(""), None);
        assert_eq!(Noun::parse(&"a".repeat(Noun::MAX + 1)), None);
        let kind = slot_kind("quantity", Some("count: people"), &[]).expect("a count of people");
        assert_eq!(kind, SlotKind::Quantity(Some(Dimension::CountOf(people))));
        assert_eq!(kind.written(&[]), "quantity(count: people)");
        assert!(fits(Role::Value, kind));
        assert_eq!(missing_slot(CompareMode::Quantity, &[(Role::Value, kind)]), None);
        assert_eq!(slot_kind("quantity", Some("count: 2"), &[]), None);
        assert!(unknown_type_message("quantity", Some("count: 2")).starts_with("unknown count noun"));
    }

    #[test]
    fn roles_hold_what_the_table_allows() {
        assert!(fits(Role::Subject, SlotKind::Lexicon(0)));
        assert!(fits(Role::Region, SlotKind::Lexicon(0)));
        assert!(!fits(Role::Value, SlotKind::Lexicon(0)));
        assert!(fits(Role::Value, SlotKind::Quantity(Some(Dimension::Mass))));
        assert!(fits(Role::Value, SlotKind::Rank));
        assert!(!fits(Role::Value, SlotKind::Comparative));
        assert!(fits(Role::Relation, SlotKind::Comparative));
        assert!(!fits(Role::Subject, SlotKind::Year));
        assert!(fits(Role::Year, SlotKind::Year));
    }

    #[test]
    fn each_compare_mode_needs_its_slots() {
        let value = (Role::Value, SlotKind::Quantity(Some(Dimension::Percent)));
        assert_eq!(missing_slot(CompareMode::Quantity, &[value]), None);
        assert_eq!(
            missing_slot(CompareMode::Quantity, &[(Role::Value, SlotKind::Rank)]),
            Some("a quantity rule's template needs a `{value:quantity}` slot")
        );
        assert_eq!(
            missing_slot(CompareMode::Rank, &[value]),
            Some("a rank rule's template needs a `{value:rank}` slot")
        );
        let relation = (Role::Relation, SlotKind::Comparative);
        let other = (Role::Other, SlotKind::Lexicon(0));
        assert_eq!(missing_slot(CompareMode::Order, &[relation, other]), None);
        for slots in [&[relation][..], &[other]] {
            assert_eq!(
                missing_slot(CompareMode::Order, slots),
                Some("an order rule's template needs `{relation:comparative}` and an `{other:LEXICON}` slot")
            );
        }
        for compare in [CompareMode::Stance, CompareMode::Category, CompareMode::Statement] {
            assert_eq!(missing_slot(compare, &[]), None);
        }
        let mut modes: Vec<String> = SLOT_TYPES
            .iter()
            .filter_map(|slot_type| slot_type.required.as_ref())
            .map(|required| format!("{:?}", required.compare))
            .collect();
        let count = modes.len();
        modes.sort();
        modes.dedup();
        assert_eq!(modes.len(), count, "one required slot type per compare mode");
    }

    #[test]
    fn docs_describe_every_slot_type() {
        let docs = include_str!("../../docs/rules.md");
        for slot_type in SLOT_TYPES {
            let name = slot_type.name;
            assert!(
                docs.contains(&format!("`{name}`")),
                "docs/rules.md does not name the slot type `{name}`"
            );
            assert!(
                docs.contains(&format!("- **{name}**:")),
                "docs/rules.md lists no built-in extractor `{name}`"
            );
            for (argument, _) in slot_type.arguments {
                assert!(
                    docs.contains(&format!("`{name}({argument})`")),
                    "docs/rules.md does not name `{name}({argument})`"
                );
            }
            for role in slot_type.roles {
                assert!(
                    docs.contains(&format!("`{}` takes", role.name())),
                    "docs/rules.md does not say what `{}` takes",
                    role.name()
                );
            }
        }
    }
}
