//! The rules file as written: a serde mirror of the TOML, with spans kept for diagnostics.
//!
//! Nothing here is validated beyond what TOML and serde check (types, unknown keys). Every table
//! denies unknown fields, which is what the schema says; the loader finds unknown keys itself
//! first (`compile/keys.rs`), reports each and leaves it out, so one typo does not hide the
//! file's other problems. Validation and compilation live in [`super::compile`].
//!
//! The same types derive [`JsonSchema`], so `crosscheck schema` describes exactly what parses:
//! `Spanned<T>` fields are described as `T` (`#[schemars(with = "T")]`), and
//! `deny_unknown_fields` becomes `additionalProperties: false`.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

pub use crate::value::CompareMode;

/// One rules file.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// Lexicons by name.
    #[serde(default)]
    #[schemars(with = "IndexMap<String, LexiconSyntax>")]
    pub lexicon: IndexMap<String, Spanned<LexiconSyntax>>,
    /// Rules, in file order.
    #[serde(default)]
    #[schemars(with = "Vec<RuleSyntax>")]
    pub rule: Vec<Spanned<RuleSyntax>>,
    /// Extra modality cue words.
    #[serde(default)]
    pub modality: Option<ModalitySyntax>,
    /// Settings that apply to the whole rule set.
    #[serde(default)]
    pub settings: Option<SettingsSyntax>,
    /// Words the pack adds to the built-in readers, for this rule set only.
    #[serde(default)]
    pub vocabulary: Option<VocabularySyntax>,
    /// Cue phrases added to the built-in renaming and apposition cues ("formerly", "changed its
    /// name to") that make a name an alias of an entry within one article.
    #[serde(default)]
    pub aliases: Option<AliasesSyntax>,
}

/// `[aliases]`: renaming cues added to the built-in list.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AliasesSyntax {
    /// Phrases that link the name before them to the name right after them within an article
    /// ("better known as", "rebadged as"), besides the built-in ones.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub cues: Vec<Spanned<String>>,
}

/// `[lexicon.NAME]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LexiconSyntax {
    /// What the lexicon holds.
    #[serde(default)]
    pub description: Option<String>,
    /// Jaro-Winkler similarity (0–1) at which a misspelt word still matches an alias.
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 1.0))]
    pub fuzzy: Option<Spanned<f64>>,
    /// Aliases shorter than this (in characters) only match exactly (default 6).
    #[serde(default)]
    pub fuzzy_min_len: Option<usize>,
    /// `"region"`: a mention after "in"/"across" sets the claim's region scope.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("enum" = ["region"]))]
    pub scope: Option<Spanned<String>>,
    /// Canonical id → aliases; the first alias is the display name.
    #[serde(default)]
    #[schemars(with = "IndexMap<String, Vec<String>>")]
    pub entries: IndexMap<String, Spanned<Vec<Spanned<String>>>>,
    /// Entry id → the id of the entry it lies within (`neodymium = "rare-earths"`): claims about
    /// an entry and its ancestors are compared softly.
    #[serde(default)]
    #[schemars(with = "IndexMap<String, String>")]
    pub parents: IndexMap<String, Spanned<String>>,
    /// Words that refer back to an entry of this lexicon named earlier in the paragraph
    /// ("the country", "the company", "he"), besides the built-in pronouns.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub anaphora: Vec<Spanned<String>>,
    /// Whether the built-in English pronouns and determiners ("it", "its", "they", "their",
    /// "this", "these") refer back to this lexicon's entries (default true; never for a scope
    /// lexicon).
    #[serde(default)]
    pub pronouns: Option<bool>,
    /// Entry id → the entry of another lexicon it stands for, as `"LEXICON:ENTRY"`
    /// (`putin = "country:russia"`): a mention of the entry fills a slot of that lexicon.
    #[serde(default)]
    #[schemars(with = "IndexMap<String, String>")]
    pub stands_for: IndexMap<String, Spanned<String>>,
    /// Whether a renaming or apposition ("Calder Group, formerly Calder Mining") makes a name an
    /// alias of this lexicon's entry within the article (default true).
    #[serde(default)]
    pub article_aliases: Option<bool>,
}

/// `[rule.tolerance]`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ToleranceSyntax {
    /// Fraction of the value (default 0.05).
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0.0))]
    pub relative: Option<Spanned<f64>>,
    /// In the canonical unit (default 0).
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0.0))]
    pub absolute: Option<Spanned<f64>>,
    /// Margin of "about"/"nearly" figures, as a fraction (default 0.1).
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0.0))]
    pub approximate: Option<Spanned<f64>>,
}

/// `[[rule]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSyntax {
    /// Unique id across the rule set.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Claim kind; claims of one kind are compared with each other.
    #[schemars(with = "String")]
    pub kind: Spanned<String>,
    /// What the rule catches.
    #[serde(default)]
    pub description: Option<String>,
    /// How values compare.
    #[schemars(with = "CompareMode")]
    pub compare: Spanned<CompareMode>,
    /// Quantity tolerances.
    #[serde(default)]
    pub tolerance: Option<ToleranceSyntax>,
    /// The stance a `compare = "stance"` rule asserts.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub stance: Option<Spanned<String>>,
    /// Stances of the same kind that contradict this rule's stance.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub opposes: Vec<Spanned<String>>,
    /// The label a `compare = "category"` rule assigns.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub label: Option<Spanned<String>>,
    /// Object id used when a pattern binds none, e.g. `"rare-earths"`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub object: Option<Spanned<String>>,
    /// How far "one of the largest" reaches (default 10).
    #[serde(default)]
    pub top_k: Option<u32>,
    /// Severity of this rule's conflicts: `"note"`, `"warning"` or `"error"` (default: an error
    /// between plain claims, a warning when hedged or attributed).
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("enum" = ["note", "warning", "error"]))]
    pub severity: Option<Spanned<String>>,
    /// `"strict"`: "up to X" is the interval up to X; by default (`"news"`) it is the figure X
    /// stated as a maximum.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("enum" = ["news", "strict"]))]
    pub bounds: Option<Spanned<String>>,
    /// Templates; a sentence matching any of them yields a claim (may be empty when the rule
    /// has a `table` block).
    #[serde(default = "no_patterns")]
    #[schemars(with = "Vec<String>")]
    pub patterns: Spanned<Vec<Spanned<String>>>,
    /// How the rule reads tables, lists and parenthetical figures.
    #[serde(default)]
    pub table: Option<TableSyntax>,
    /// Words and marks a gap (`..N`) never skips, replacing the built-in list
    /// (`;` `—` `(` `)` `but` `whereas`).
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub gap_stops: Option<Spanned<Vec<Spanned<String>>>>,
    /// Whether the rule's slots read context: pronouns and descriptions resolved to an entity
    /// named before, and entities that stand for others (both on by default).
    #[serde(default)]
    pub context: Option<ContextSyntax>,
    /// Texts that must match, with the expected result.
    #[serde(default)]
    #[schemars(with = "Vec<ExampleSyntax>")]
    pub examples: Vec<Spanned<ExampleSyntax>>,
    /// Texts that must not match.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub counterexamples: Vec<Spanned<String>>,
}

fn no_patterns() -> Spanned<Vec<Spanned<String>>> {
    Spanned::new(0..0, Vec::new())
}

/// `[rule.table]`: how a rule's slots map to table columns and list parts.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableSyntax {
    /// Lexicon whose entries name a row's subject (read from any cell of the row but the value).
    #[schemars(with = "String")]
    pub subject: Spanned<String>,
    /// Header words selecting the value column, e.g. `["reserves", "reserve"]`; for a list, its
    /// heading or introducing sentence must hold one of them.
    #[schemars(with = "Vec<String>")]
    pub columns: Spanned<Vec<Spanned<String>>>,
    /// Words of which one must also appear in the caption, heading, introducing sentence or
    /// header (default: none required).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub context: Vec<Spanned<String>>,
    /// Lexicon the object is read from, in the caption, heading or header (the rule's `object`
    /// is used when none is found; without either the table is skipped).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub object: Option<Spanned<String>>,
    /// Value type: `quantity`, `quantity(mass|money|percent|count)` (quantity rules) or `rank`
    /// (rank rules); default from `compare`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub value: Option<Spanned<String>>,
    /// Words saying a table or a numbered list is a ranking (default: largest, biggest, top,
    /// leading, ranking, ranked, most).
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub ranking: Option<Vec<Spanned<String>>>,
    /// Read "Entity (figure)" in sentences that name a column word (default true for quantity
    /// rules).
    #[serde(default)]
    pub parenthetical: Option<bool>,
}

/// `context = { anaphora = false, stand_ins = false }` of a rule.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContextSyntax {
    /// Whether a slot may read a pronoun or description ("it", "the country") as the entity
    /// it refers back to (default true).
    #[serde(default)]
    pub anaphora: Option<bool>,
    /// Whether a slot may read an entity that stands for one of its lexicon ("Putin" for a
    /// country slot) (default true).
    #[serde(default)]
    pub stand_ins: Option<bool>,
    /// Whether a slot may read a name that a renaming or apposition in the same article made an
    /// alias of an entry ("Calder Mining" after "Calder Group, formerly Calder Mining")
    /// (default true).
    #[serde(default)]
    pub article_aliases: Option<bool>,
}

/// One embedded example: `{ text = "…", subject = "russia", value = "28700000 t" }`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExampleSyntax {
    /// The sentence.
    #[schemars(with = "String")]
    pub text: Spanned<String>,
    /// Expected subject id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub subject: Option<Spanned<String>>,
    /// Expected object id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub object: Option<Spanned<String>>,
    /// Expected value, in the notation of `docs/rules.md` (`28700000 t`, `>20000000 t`,
    /// `1..10`, `> ukraine`, `self-sufficient`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub value: Option<Spanned<String>>,
    /// Expected modality: asserted, negated, hedged or attributed.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("enum" = ["asserted", "negated", "hedged", "attributed"]))]
    pub modality: Option<Spanned<String>>,
    /// Expected speaker of an attributed claim.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub speaker: Option<Spanned<String>>,
    /// Expected scope year.
    #[serde(default)]
    #[schemars(with = "Option<i32>")]
    pub year: Option<Spanned<i32>>,
    /// Expected scope region id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub region: Option<Spanned<String>>,
}

/// `[modality]`: cue words added to the built-in lists.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModalitySyntax {
    /// Extra negation cues ("not", "no longer", "denied" are built in).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub negation: Vec<Spanned<String>>,
    /// Extra hedge cues ("could", "may", "reportedly" are built in).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub hedge: Vec<Spanned<String>>,
    /// Extra speech verbs for attribution ("said", "claimed" are built in).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub attribution: Vec<Spanned<String>>,
}

/// `[settings]`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingsSyntax {
    /// Similarity (0–1) at which sentences of two articles count as shared wording; 0 turns it
    /// off (default 0.9).
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 1.0))]
    pub shared_wording: Option<Spanned<f64>>,
    /// Line patterns (regular expressions, case-insensitive, whole trimmed line) that replace
    /// the built-in page-furniture list.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub furniture: Option<Spanned<Vec<String>>>,
    /// Line patterns added to the built-in page-furniture list.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub furniture_extend: Vec<Spanned<String>>,
}

/// `[vocabulary]`: words a rule pack adds to the built-in quantity reader, for this rule set
/// only (every file's entries add up).
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VocabularySyntax {
    /// Unit aliases: `{ alias = "MT", unit = "Mt" }` reads "1.2 MT" as 1.2 million tonnes.
    #[serde(default)]
    #[schemars(with = "Vec<UnitAliasSyntax>")]
    pub units: Vec<Spanned<UnitAliasSyntax>>,
    /// Scale words: `{ word = "cr", factor = 1e7 }` reads "Rs 500 cr" as 5 billion rupees.
    #[serde(default)]
    #[schemars(with = "Vec<ScaleWordSyntax>")]
    pub scales: Vec<Spanned<ScaleWordSyntax>>,
    /// Bound phrases: `{ phrase = "so far", bound = "at_least", after = true }` reads "1,200 so
    /// far" as at least 1,200.
    #[serde(default)]
    #[schemars(with = "Vec<BoundCueSyntax>")]
    pub bounds: Vec<Spanned<BoundCueSyntax>>,
    /// Rank phrases: `{ phrase = "in pole position", rank = 1 }` reads "Chile is in pole
    /// position" as 1st; `{ phrase = "in the top tier", top = 5 }` as 1st to 5th.
    #[serde(default)]
    #[schemars(with = "Vec<RankPhraseSyntax>")]
    pub ranks: Vec<Spanned<RankPhraseSyntax>>,
}

/// One rank phrase of `[vocabulary]`: a `{value:rank}` slot reads it as the positions given by
/// `rank` (one position) or `top` (the first `top` positions), one of the two.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankPhraseSyntax {
    /// The words, matched ignoring case (`in pole position`, `the runaway leader`).
    #[schemars(with = "String")]
    pub phrase: Spanned<String>,
    /// The one position the phrase gives (`1`).
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub rank: Option<Spanned<u32>>,
    /// The phrase puts its subject among the first `top` positions (`5`).
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub top: Option<Spanned<u32>>,
}

/// One unit alias of `[vocabulary]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitAliasSyntax {
    /// The unit as the pack's sources write it, matched with its exact case (`MT`).
    #[schemars(with = "String")]
    pub alias: Spanned<String>,
    /// A unit the quantity reader knows, which the alias stands for (`Mt`, `million tonnes`,
    /// `GWh`, `USD`).
    #[schemars(with = "String")]
    pub unit: Spanned<String>,
}

/// One scale word of `[vocabulary]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleWordSyntax {
    /// One word, matched ignoring case (`cr`).
    #[schemars(with = "String")]
    pub word: Spanned<String>,
    /// What the figure before it is multiplied by (`1e7`).
    #[schemars(with = "f64", range(min = 0.0))]
    pub factor: Spanned<f64>,
}

/// One bound phrase of `[vocabulary]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BoundCueSyntax {
    /// The words, matched ignoring case (`so far`, `a confirmed`).
    #[schemars(with = "String")]
    pub phrase: Spanned<String>,
    /// What the phrase makes of the figure: `at_least`, `more_than`, `at_most`, `less_than` or
    /// `approximate`.
    #[schemars(with = "String", extend("enum" = ["at_least", "more_than", "at_most", "less_than", "approximate"]))]
    pub bound: Spanned<String>,
    /// Whether the phrase follows the figure ("1,200 so far") rather than precedes it (default
    /// false).
    #[serde(default)]
    pub after: Option<bool>,
}
