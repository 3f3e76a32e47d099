//! Compiling a rule's `[rule.table]` block (how its slots map to table columns and list parts)
//! and its `gap_stops`.
//!
//! A table block names the subject lexicon, the header words that select the value column, the
//! words the context must hold, the lexicon the object is read from and the value type. Every
//! problem is a diagnostic at its place in the file, like the rest of compilation.

use super::compile::Context;
use super::diagnostic::Diagnostic;
use super::slots::{Dimension, SlotKind, slot_kind};
use super::syntax::{CompareMode, RuleSyntax};

/// Words that say a table or a numbered list is a ranking, when a rule names none.
pub const RANKING_WORDS: &[&str] = &["largest", "biggest", "top", "leading", "ranking", "ranked", "most"];

/// Header words of a rank column (compared ignoring case, whole header).
pub const RANK_HEADERS: &[&str] = &["rank", "#", "no", "no.", "position", "pos.", "place", "№"];

/// What a table or list cell is read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableValue {
    /// A quantity, optionally of one dimension; a bare number takes its unit from the header.
    Quantity(Option<Dimension>),
    /// A rank: a rank column, or the order of a table or numbered list titled as a ranking.
    Rank,
}

/// A compiled `[rule.table]` block.
#[derive(Clone, Debug)]
pub struct TableRule {
    /// Lexicon of the row subjects.
    pub subject: u32,
    /// Lexicon the object is read from in the context, if any.
    pub object: Option<u32>,
    /// Phrases (lowercase words) of which one selects the value column.
    pub columns: Vec<Vec<String>>,
    /// Phrases of which one must appear in the context (empty: none required).
    pub context: Vec<Vec<String>>,
    /// Phrases that say the structure is a ranking.
    pub ranking: Vec<Vec<String>>,
    /// What the value cell is read as.
    pub value: TableValue,
    /// Whether "Entity (figure)" in sentences is read too.
    pub parenthetical: bool,
}

/// The lowercase words of a phrase or header (`%` and `#` count as words).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '%' && c != '#')
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Compiles the table block of `rule`, if it has one.
pub(super) fn compile(rule: &RuleSyntax, context: &Context<'_>, problems: &mut Vec<Diagnostic>) -> Option<TableRule> {
    let table = rule.table.as_ref()?;
    let compare = *rule.compare.get_ref();
    let lexicon = |name: &toml::Spanned<String>, problems: &mut Vec<Diagnostic>| {
        let found = context
            .set
            .lexicons
            .iter()
            .position(|lexicon| lexicon.name == *name.get_ref());
        if found.is_none() {
            let names: Vec<&str> = context
                .set
                .lexicons
                .iter()
                .map(|lexicon| lexicon.name.as_str())
                .collect();
            problems.push(
                context
                    .error(name.span(), format!("unknown lexicon `{}`", name.get_ref()))
                    .hint(format!("name one of the lexicons: {}", names.join(", "))),
            );
        }
        found.map(|index| index as u32)
    };
    let subject = lexicon(&table.subject, problems);
    let object = table.object.as_ref().and_then(|name| lexicon(name, problems));
    let value = match (compare, table.value.as_ref()) {
        (CompareMode::Quantity, None) => Some(TableValue::Quantity(None)),
        (CompareMode::Rank, None) => Some(TableValue::Rank),
        (_, Some(written)) => {
            let text = written.get_ref().trim();
            let (kind, argument) = match text.split_once('(') {
                Some((kind, rest)) => (kind.trim(), rest.strip_suffix(')').map(str::trim)),
                None => (text, None),
            };
            match (compare, slot_kind(kind, argument, &context.set.lexicons)) {
                (CompareMode::Quantity, Some(SlotKind::Quantity(dimension))) => Some(TableValue::Quantity(dimension)),
                (CompareMode::Rank, Some(SlotKind::Rank)) => Some(TableValue::Rank),
                _ => {
                    problems.push(
                        context
                            .error(written.span(), format!("table value `{text}` does not fit this rule"))
                            .hint("a quantity rule reads `quantity` or `quantity(mass|money|percent|count)`; a rank rule reads `rank`"),
                    );
                    None
                }
            }
        }
        (_, None) => {
            problems.push(
                context
                    .error(rule.compare.span(), "only quantity and rank rules can read tables")
                    .hint("remove the `table` block, or use compare = \"quantity\" or \"rank\""),
            );
            None
        }
    };
    let columns: Vec<Vec<String>> = table
        .columns
        .get_ref()
        .iter()
        .map(|column| words(column.get_ref()))
        .filter(|words| !words.is_empty())
        .collect();
    if columns.is_empty() {
        problems.push(
            context
                .error(table.columns.span(), "a table block needs header words in `columns`")
                .hint("name the words of the value column's header, e.g. columns = [\"reserves\"]"),
        );
    }
    let ranking = match &table.ranking {
        Some(listed) => listed.iter().map(|word| words(word.get_ref())).collect(),
        None => RANKING_WORDS.iter().map(|word| words(word)).collect(),
    };
    let value = value?;
    Some(TableRule {
        subject: subject?,
        object,
        columns,
        context: table.context.iter().map(|word| words(word.get_ref())).collect(),
        ranking,
        value,
        parenthetical: table.parenthetical.unwrap_or(matches!(value, TableValue::Quantity(_))),
    })
}

/// Compiles a rule's `gap_stops` (lowercase), if it sets them.
pub(super) fn gap_stops(
    rule: &RuleSyntax,
    context: &Context<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Vec<String>> {
    let stops = rule.gap_stops.as_ref()?;
    let mut compiled = Vec::new();
    for stop in stops.get_ref() {
        let text = stop.get_ref().trim();
        let one_mark = text.chars().count() == 1 && !text.chars().all(char::is_alphanumeric);
        let one_word = !text.is_empty() && text.chars().all(char::is_alphabetic);
        if one_mark || one_word {
            compiled.push(text.to_lowercase());
        } else {
            problems.push(
                context
                    .error(
                        stop.span(),
                        format!("gap stop `{text}` is neither one word nor one mark"),
                    )
                    .hint("a gap stop is a single word (\"but\") or a single punctuation mark (\";\")"),
            );
        }
    }
    Some(compiled)
}
