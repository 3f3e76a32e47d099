//! Lints: rule sets that load but look wrong, reported as warnings by `crosscheck check`.
//!
//! Loading ([`crate::rules::compile`]) rejects what cannot work; the lints here flag what works
//! but probably not as the author meant. Each lint is one function over the compiled
//! [`RuleSet`], which keeps the spans of what it was compiled from, and each warning points at
//! `file:line:column`:
//!
//! - [`Lint::AmbiguousAlias`]: two entries have an alias that reads the same (same tokens,
//!   ignoring case: "rare-earth" = "rare earth", "U.S." = "U. S."), within one lexicon (only
//!   the first entry is ever found) or across lexicons (one mention names two things);
//! - [`Lint::ShadowedAlias`]: an alias that, read on its own as a sentence, is not found as its
//!   own entry: another entry's alias always wins over it, or it cannot start a mention
//!   (mentions start at a word, so "3M" never matches). The matcher takes the longest alias at
//!   each position, so a *strictly* longer alias only wins where its extra words are present;
//!   an alias is shadowed only when it loses on its own words;
//! - [`Lint::UnusedLexicon`]: no slot of any rule reads the lexicon, no rule names one of its
//!   entries as its `object`, and it is neither `speaker` nor a `scope = "region"` lexicon;
//! - [`Lint::ImpossibleTemplate`]: an element no sentence can satisfy: a slot of a lexicon
//!   with no entries, a literal word the tokenizer never produces as one token (`co2` is
//!   read as `co` `2`), or a word right after a `{value:quantity}` slot that the quantity
//!   reader takes into the figure (`tonnes`, `million`, `per cent`); the whole template, or one
//!   alternative of it, can never match;
//! - [`Lint::DuplicateRule`]: two rules that, run alone over every example and counterexample
//!   of every rule, match exactly the same non-empty set of them;
//! - [`Lint::NoExamples`]: a rule without a positive example.
//!
//! Lints never fail a run: `check` exits 0 with warnings.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use crate::rules::compile::inner_span;
use crate::rules::diagnostic::Diagnostic;
use crate::rules::pattern::Node;
use crate::rules::{Element, RuleSet, SlotKind};
use crate::text::token::{TokenKind, tokenize};

/// The kinds of lint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Lint {
    /// An alias shared by two entries.
    AmbiguousAlias,
    /// An alias that is never found as its own entry.
    ShadowedAlias,
    /// A lexicon nothing reads.
    UnusedLexicon,
    /// A template element no sentence can satisfy.
    ImpossibleTemplate,
    /// Two rules that match the same examples.
    DuplicateRule,
    /// A rule with no positive example.
    NoExamples,
}

impl Lint {
    /// The lint's name, kebab-case.
    pub fn code(self) -> &'static str {
        match self {
            Lint::AmbiguousAlias => "ambiguous-alias",
            Lint::ShadowedAlias => "shadowed-alias",
            Lint::UnusedLexicon => "unused-lexicon",
            Lint::ImpossibleTemplate => "impossible-template",
            Lint::DuplicateRule => "duplicate-rule",
            Lint::NoExamples => "no-examples",
        }
    }
}

/// One lint warning.
#[derive(Clone, Debug)]
pub struct LintWarning {
    /// Which lint.
    pub lint: Lint,
    /// The warning, with file, span, message and hint.
    pub diagnostic: Diagnostic,
}

/// Runs every lint over a loaded rule set; warnings come sorted by file and position.
pub fn lint(set: &RuleSet) -> Vec<LintWarning> {
    let files = Files::read(set);
    let mut warnings = Vec::new();
    aliases(set, &files, &mut warnings);
    unused_lexicons(set, &files, &mut warnings);
    impossible_templates(set, &files, &mut warnings);
    duplicate_rules(set, &files, &mut warnings);
    no_examples(set, &files, &mut warnings);
    warnings.sort_by_key(|warning| {
        let file = files.index(&warning.diagnostic.path);
        (file, warning.diagnostic.span.start, warning.lint)
    });
    warnings
}

/// Where things are in the rules files of a set.
struct Files<'s> {
    set: &'s RuleSet,
}

impl<'s> Files<'s> {
    fn read(set: &'s RuleSet) -> Self {
        Files { set }
    }

    fn index(&self, path: &str) -> usize {
        self.set
            .files
            .iter()
            .position(|file| file.path == path)
            .unwrap_or(usize::MAX)
    }

    fn warning(&self, file: usize, span: Range<usize>, message: String) -> Diagnostic {
        let source_file = &self.set.files[file];
        Diagnostic::warning(&source_file.path, &source_file.source, span, message)
    }

    fn line(&self, file: usize, offset: usize) -> usize {
        let source = &self.set.files[file].source;
        crate::rules::diagnostic::line_of(source, offset.min(source.len())).0
    }

    fn place(&self, file: usize, offset: usize) -> String {
        format!("{}:{}", self.set.files[file].path, self.line(file, offset))
    }
}

/// One alias as written: where it is and whose it is.
struct AliasSite {
    lexicon: usize,
    entry: String,
    text: String,
    file: usize,
    span: Range<usize>,
}

fn alias_sites(set: &RuleSet) -> Vec<AliasSite> {
    let mut sites = Vec::new();
    for (lexicon_index, lexicon) in set.lexicons.iter().enumerate() {
        for entry in &lexicon.entries {
            for (alias, span) in entry.aliases.iter().zip(&entry.alias_spans) {
                sites.push(AliasSite {
                    lexicon: lexicon_index,
                    entry: entry.id.clone(),
                    text: alias.clone(),
                    file: lexicon.file,
                    span: span.clone(),
                });
            }
        }
    }
    sites
}

/// Ambiguous and shadowed aliases.
fn aliases(set: &RuleSet, files: &Files<'_>, warnings: &mut Vec<LintWarning>) {
    let sites = alias_sites(set);
    // Ambiguous: the first site of each reading, then every later site of another entry.
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut ambiguous = vec![false; sites.len()];
    for (index, site) in sites.iter().enumerate() {
        let tokens = tokenize(&site.text);
        let key: Vec<String> = tokens
            .iter()
            .map(|token| token.text(&site.text).to_lowercase())
            .collect();
        let key = key.join(" ");
        let Some(&earlier) = first.get(&key) else {
            first.insert(key, index);
            continue;
        };
        let other = &sites[earlier];
        if other.lexicon == site.lexicon && other.entry == site.entry {
            continue;
        }
        ambiguous[index] = true;
        let lexicon = &set.lexicons[site.lexicon].name;
        let other_lexicon = &set.lexicons[other.lexicon].name;
        let (message, hint) = if other.lexicon == site.lexicon {
            (
                format!(
                    "alias `{}` belongs to two entries of lexicon `{lexicon}`: `{}` and `{}`",
                    site.text, other.entry, site.entry
                ),
                format!(
                    "only `{}` (the first, at {}) is ever found; keep the alias in one entry",
                    other.entry,
                    files.place(other.file, other.span.start)
                ),
            )
        } else {
            (
                format!(
                    "alias `{}` belongs to two entries: `{other_lexicon}.{}` and `{lexicon}.{}`",
                    site.text, other.entry, site.entry
                ),
                format!(
                    "one mention would name both (the other is at {}); keep the alias in one lexicon",
                    files.place(other.file, other.span.start)
                ),
            )
        };
        warnings.push(LintWarning {
            lint: Lint::AmbiguousAlias,
            diagnostic: files
                .warning(site.file, site.span.clone(), message)
                .label("also an alias of another entry")
                .hint(hint),
        });
    }
    // Shadowed: read on its own, the alias is not found as its own entry.
    let mut found = Vec::new();
    for (index, site) in sites.iter().enumerate() {
        if ambiguous[index] {
            continue;
        }
        let tokens = tokenize(&site.text);
        let Some(first_token) = tokens.first() else {
            continue;
        };
        set.index.find(&site.text, &tokens, &mut String::new(), &mut found);
        let lexicon = &set.lexicons[site.lexicon];
        let own = found.iter().any(|mention| {
            mention.start == 0
                && mention.end >= tokens.len()
                && mention.lexicon as usize == site.lexicon
                && lexicon.entries[mention.entry as usize].id == site.entry
        });
        if own {
            continue;
        }
        let (message, hint) = if first_token.kind == TokenKind::Word {
            let winner = found
                .iter()
                .filter(|mention| mention.start == 0)
                .max_by_key(|mention| mention.end)
                .map_or_else(
                    || "another entry".to_string(),
                    |mention| {
                        let entry = set.entry(mention.lexicon, mention.entry);
                        format!("`{}.{}`", set.lexicons[mention.lexicon as usize].name, entry.id)
                    },
                );
            (
                format!(
                    "alias `{}` of `{}.{}` is shadowed: on its own words the matcher finds {winner}",
                    site.text, lexicon.name, site.entry
                ),
                "remove the alias, or make it longer than the alias that wins".to_string(),
            )
        } else {
            (
                format!(
                    "alias `{}` of `{}.{}` can never be found: it starts with `{}`, and mentions start at a word",
                    site.text,
                    lexicon.name,
                    site.entry,
                    first_token.text(&site.text)
                ),
                "start the alias with a word, or remove it".to_string(),
            )
        };
        warnings.push(LintWarning {
            lint: Lint::ShadowedAlias,
            diagnostic: files
                .warning(site.file, site.span.clone(), message)
                .label("never found as this entry")
                .hint(hint),
        });
    }
}

/// Visits every slot kind of a compiled template.
fn slot_kinds(elements: &[Element], out: &mut Vec<SlotKind>) {
    for element in elements {
        match element {
            Element::Slot(_, kind) => out.push(*kind),
            Element::Alt(branches) => branches.iter().for_each(|branch| slot_kinds(branch, out)),
            Element::Word(_) | Element::Possessive | Element::Punct(_) | Element::Gap(_) => {}
        }
    }
}

fn unused_lexicons(set: &RuleSet, files: &Files<'_>, warnings: &mut Vec<LintWarning>) {
    let mut used: BTreeSet<u32> = BTreeSet::new();
    for rule in &set.rules {
        let mut kinds = Vec::new();
        for pattern in &rule.patterns {
            slot_kinds(&pattern.elements, &mut kinds);
        }
        used.extend(kinds.into_iter().filter_map(|kind| match kind {
            SlotKind::Lexicon(lexicon) => Some(lexicon),
            _ => None,
        }));
        if let Some((lexicon, _)) = rule.object {
            used.insert(lexicon);
        }
    }
    for (index, lexicon) in set.lexicons.iter().enumerate() {
        if used.contains(&(index as u32)) || lexicon.name == "speaker" || lexicon.is_region_scope {
            continue;
        }
        warnings.push(LintWarning {
            lint: Lint::UnusedLexicon,
            diagnostic: files
                .warning(lexicon.file, lexicon.span.clone(), format!("lexicon `{}` is not used by any rule", lexicon.name))
                .label("no slot reads it")
                .hint(format!(
                    "use it in a slot (`{{subject:{}}}`), name it `speaker` or give it `scope = \"region\"`, or remove it",
                    lexicon.name
                )),
        });
    }
}

/// Why a template element can never be satisfied, if it cannot: (reason, hint).
fn impossible_leaf(set: &RuleSet, node: &Node) -> Option<(String, String)> {
    match node {
        Node::Word(word) => {
            let tokens = tokenize(word);
            let whole = tokens.len() == 1
                && matches!(tokens[0].kind, TokenKind::Word | TokenKind::Number)
                && tokens[0].text(word) == word;
            (!whole).then(|| {
                let read: Vec<&str> = tokens.iter().map(|token| token.text(word)).collect();
                if read.len() == 1 {
                    (
                        format!("the word `{word}` is never a token of its own: text reads it as part of a word"),
                        "write the whole word as it appears in text".to_string(),
                    )
                } else {
                    (
                        format!(
                            "the word `{word}` is never one token: text reads it as `{}`",
                            read.join("` `")
                        ),
                        format!("write it as separate elements, `{}`", read.join(" ")),
                    )
                }
            })
        }
        Node::Slot {
            role,
            kind,
            argument: None,
            ..
        } => {
            let lexicon = set.lexicons.iter().find(|lexicon| &lexicon.name == kind)?;
            let findable = lexicon.entries.iter().flat_map(|entry| &entry.aliases).any(|alias| {
                tokenize(alias)
                    .first()
                    .is_some_and(|token| token.kind == TokenKind::Word)
            });
            (!findable).then(|| {
                let reason = if lexicon.entries.is_empty() {
                    format!("the slot `{{{role}:{kind}}}` reads lexicon `{kind}`, which has no entries")
                } else {
                    format!("the slot `{{{role}:{kind}}}` reads lexicon `{kind}`, none of whose aliases can be found")
                };
                (
                    reason,
                    format!("add entries to lexicon `{kind}`, or read another lexicon"),
                )
            })
        }
        _ => None,
    }
}

/// Why the word that starts `rest` can never be matched when it follows a `{value:quantity}`
/// slot directly (`previous`): the quantity reader takes it as part of the figure
/// ("5 tonnes", "5 million", "5 a year", "5 or more"), so no token is left for the template.
fn absorbed_by_slot(set: &RuleSet, previous: Option<&Node>, rest: &[Node]) -> Option<(String, String)> {
    let Some(Node::Slot {
        role, kind, argument, ..
    }) = previous
    else {
        return None;
    };
    if kind != "quantity" {
        return None;
    }
    let words: Vec<&str> = rest
        .iter()
        .map_while(|node| match node {
            Node::Word(word) => Some(word.as_str()),
            _ => None,
        })
        .collect();
    let first = words.first()?;
    let probe = format!("5 {}", words.join(" "));
    let tokens = tokenize(&probe);
    let (end, _) = crate::extract::quantity::quantity_in(&probe, &tokens, 0, &set.vocabulary)?;
    (end > 1).then(|| {
        let slot = match argument {
            Some(argument) => format!("{{{role}:{kind}({argument})}}"),
            None => format!("{{{role}:{kind}}}"),
        };
        (
            format!(
                "the word `{first}` right after `{slot}` is read as part of the quantity (\"{}\"), so it is never left for the template",
                &probe[..tokens[end - 1].end]
            ),
            format!("drop `{first}` (the slot already reads it), or name the dimension instead: `{{{role}:quantity(mass)}}`"),
        )
    })
}

/// A template element that can never be satisfied, and where it is in the template.
struct Dead {
    reason: String,
    hint: String,
    span: Range<usize>,
    /// Whether the whole template fails with it (not just one alternative).
    whole: bool,
}

/// Walks nodes in text order; returns whether the sequence can never match.
// The recursion threads the template, its cursor and what leads into a branch; a struct for
// them would be built and torn down at every alternation.
#[allow(clippy::too_many_arguments)]
fn walk(
    set: &RuleSet,
    template: &str,
    lower: &str,
    nodes: &[Node],
    cursor: &mut usize,
    required: bool,
    lead: Option<&Node>,
    dead: &mut Vec<Dead>,
) -> bool {
    let mut impossible = false;
    for (index, node) in nodes.iter().enumerate() {
        // The element matched just before this one, when it is in this sequence or leads into it.
        let previous = if index == 0 { lead } else { nodes.get(index - 1) };
        let span = match node {
            Node::Slot { span, .. } => {
                *cursor = span.end;
                span.clone()
            }
            Node::Word(word) => match lower.get(*cursor..).and_then(|rest| rest.find(word.as_str())) {
                Some(offset) => {
                    let start = *cursor + offset;
                    *cursor = start + word.len();
                    start..start + word.len()
                }
                None => 0..template.len(),
            },
            Node::Alt(branches) => {
                let mut marks = Vec::new();
                let mut all = true;
                for branch in branches {
                    let before = dead.len();
                    let branch_dead =
                        !branch.is_empty() && walk(set, template, lower, branch, cursor, false, previous, dead);
                    all &= branch_dead;
                    marks.push(before..dead.len());
                }
                if all && required {
                    for range in marks {
                        for found in &mut dead[range] {
                            found.whole = true;
                        }
                    }
                }
                impossible |= all;
                continue;
            }
            _ => continue,
        };
        let found = impossible_leaf(set, node).or_else(|| absorbed_by_slot(set, previous, &nodes[index..]));
        if let Some((reason, hint)) = found {
            dead.push(Dead {
                reason,
                hint,
                span,
                whole: required,
            });
            impossible = true;
        }
    }
    impossible
}

fn impossible_templates(set: &RuleSet, files: &Files<'_>, warnings: &mut Vec<LintWarning>) {
    for rule in &set.rules {
        let source = &set.files[rule.file].source;
        for template in &rule.patterns {
            let text = &template.source;
            let lower = text.to_lowercase();
            let lower = if lower.len() == text.len() { lower } else { text.clone() };
            let mut dead = Vec::new();
            walk(set, text, &lower, &template.nodes, &mut 0, true, None, &mut dead);
            for found in dead {
                let span = inner_span(source, &template.span, text, &found.span);
                let message = if found.whole {
                    format!("a template of rule `{}` can never match: {}", rule.id, found.reason)
                } else {
                    format!(
                        "an alternative in a template of rule `{}` can never match: {}",
                        rule.id, found.reason
                    )
                };
                warnings.push(LintWarning {
                    lint: Lint::ImpossibleTemplate,
                    diagnostic: files
                        .warning(rule.file, span, message)
                        .label("no sentence can match this")
                        .hint(found.hint),
                });
            }
        }
    }
}

fn duplicate_rules(set: &RuleSet, files: &Files<'_>, warnings: &mut Vec<LintWarning>) {
    let texts: Vec<&str> = set
        .rules
        .iter()
        .flat_map(|rule| rule.examples.iter().map(|example| example.text.as_str()))
        .collect();
    let mut matched: Vec<BTreeSet<usize>> = Vec::new();
    for rule in &set.rules {
        // A matcher of its own per rule, so its prefilter is built once, not per example.
        let alone = set.with_rules(vec![rule.clone()]);
        let matcher = crate::matcher::Matcher::new(&alone);
        let hits = texts
            .iter()
            .enumerate()
            .filter(|(_, text)| !matcher.extract_text("<example>", text).is_empty())
            .map(|(index, _)| index)
            .collect();
        matched.push(hits);
    }
    for (index, rule) in set.rules.iter().enumerate() {
        if matched[index].is_empty() {
            continue;
        }
        // Rules of different compare modes say different things of one match (a rise and its
        // size, a rank and a figure): matching alike does not make them duplicates.
        let Some(earlier) =
            (0..index).find(|&other| matched[other] == matched[index] && set.rules[other].compare == rule.compare)
        else {
            continue;
        };
        let other = &set.rules[earlier];
        warnings.push(LintWarning {
            lint: Lint::DuplicateRule,
            diagnostic: files
                .warning(
                    rule.file,
                    rule.span.clone(),
                    format!(
                        "rule `{}` matches exactly the same examples as rule `{}` ({} of {})",
                        rule.id,
                        other.id,
                        matched[index].len(),
                        texts.len()
                    ),
                )
                .label("same matches")
                .hint(format!(
                    "merge the two rules, or add an example one matches and the other does not (`{}` is at {})",
                    other.id,
                    files.place(other.file, other.span.start)
                )),
        });
    }
}

fn no_examples(set: &RuleSet, files: &Files<'_>, warnings: &mut Vec<LintWarning>) {
    for rule in &set.rules {
        if rule.examples.iter().any(|example| example.positive) {
            continue;
        }
        warnings.push(LintWarning {
            lint: Lint::NoExamples,
            diagnostic: files
                .warning(rule.file, rule.span.clone(), format!("rule `{}` has no examples", rule.id))
                .label("untested")
                .hint("add `examples = [{ text = \"…\", subject = \"…\" }]`: a sentence the rule must match, with what it must find"),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(source: &str, expected: &[(Lint, &str)]) {
        let set = crate::rules::load_sources(&[("rules.toml".to_string(), source.to_string())])
            .unwrap_or_else(|problems| panic!("rules load: {problems:?}"));
        let actual: Vec<(Lint, String)> = lint(&set)
            .into_iter()
            .map(|warning| (warning.lint, warning.diagnostic.message))
            .collect();
        let expected: Vec<(Lint, String)> = expected
            .iter()
            .map(|(lint, message)| (*lint, (*message).to_string()))
            .collect();
        assert_eq!(actual, expected);
    }

    const LEXICONS: &str = r#"
[lexicon.country.entries]
russia = ["Russia"]
china = ["China"]
[lexicon.mineral.entries]
lithium = ["lithium"]
"#;

    fn with_rule(rule: &str) -> String {
        format!("{LEXICONS}\n{rule}")
    }

    const RULE: &str = r#"
[[rule]]
id = "holds"
kind = "holdings"
compare = "statement"
patterns = ["{subject:country} holds {object:mineral}"]
examples = [{ text = "Russia holds lithium.", subject = "russia" }]
"#;

    #[test]
    fn clean_rules_are_silent() {
        check(&with_rule(RULE), &[]);
    }

    #[test]
    fn each_lint_fires() {
        check(
            &with_rule(&format!(
                "{RULE}\n[lexicon.region]\nscope = \"region\"\n[lexicon.region.entries]\nasia = [\"China\"]"
            )),
            &[(
                Lint::AmbiguousAlias,
                "alias `China` belongs to two entries: `country.china` and `region.asia`",
            )],
        );
        check(
            &with_rule(&RULE.replace("holds {object", "co2 {object")),
            &[(
                Lint::ImpossibleTemplate,
                "a template of rule `holds` can never match: the word `co2` is never one token: text reads it as `co` `2`",
            )],
        );
        check(
            &with_rule(&format!("{RULE}\n[lexicon.unused.entries]\nx = [\"Xanadu\"]")),
            &[(Lint::UnusedLexicon, "lexicon `unused` is not used by any rule")],
        );
        check(
            &with_rule(&RULE.replace("examples =", "counterexamples = [\"China sells lithium.\"]\n#")),
            &[(Lint::NoExamples, "rule `holds` has no examples")],
        );
        check(
            &with_rule(&format!("{RULE}{}", RULE.replace("\"holds\"", "\"holds-again\""))),
            &[(
                Lint::DuplicateRule,
                "rule `holds-again` matches exactly the same examples as rule `holds` (2 of 2)",
            )],
        );
    }

    #[test]
    fn aliases_that_never_start_a_mention_are_shadowed() {
        let source = with_rule(RULE).replace("china = [\"China\"]", "china = [\"China\", \"5G\"]");
        check(
            &source,
            &[(
                Lint::ShadowedAlias,
                "alias `5G` of `country.china` can never be found: it starts with `5`, and mentions start at a word",
            )],
        );
    }

    #[test]
    fn rules_of_different_compare_modes_are_never_duplicates() {
        let category = RULE
            .replace("\"holds\"\nkind", "\"holds-category\"\nkind")
            .replace("compare = \"statement\"", "compare = \"category\"\nlabel = \"holder\"");
        check(&with_rule(&format!("{RULE}{category}")), &[]);
    }

    #[test]
    fn words_the_quantity_reader_takes_are_dead() {
        let value_only = |template: &str| {
            format!(
                "[[rule]]\nid = \"tax\"\nkind = \"tax\"\ncompare = \"quantity\"\npatterns = [\"{template}\"]\nexamples = [{{ text = \"A levy of 5 tonnes of tax.\" }}]\n"
            )
        };
        check(
            &value_only("{value:quantity} tonnes ..3 tax"),
            &[(
                Lint::ImpossibleTemplate,
                "a template of rule `tax` can never match: the word `tonnes` right after `{value:quantity}` is read as part of the quantity (\"5 tonnes\"), so it is never left for the template",
            )],
        );
        check(
            &value_only("{value:quantity} (per cent|of) ..3 tax"),
            &[(
                Lint::ImpossibleTemplate,
                "an alternative in a template of rule `tax` can never match: the word `per` right after `{value:quantity}` is read as part of the quantity (\"5 per cent\"), so it is never left for the template",
            )],
        );
        // Must stay silent: words the reader leaves alone, and a unit after a gap.
        check(&value_only("{value:quantity} of ..3 tax"), &[]);
        check(&value_only("{value:quantity} ..1 tonnes ..3 tax"), &[]);
        // A pack's own bound phrase is taken by the reader too, in that pack only.
        check(&value_only("{value:quantity} so far ..3 tax"), &[]);
        check(
            &format!(
                "[vocabulary]\nbounds = [{{ phrase = \"so far\", bound = \"at_least\", after = true }}]\n{}",
                value_only("{value:quantity} so far ..3 tax")
            ),
            &[(
                Lint::ImpossibleTemplate,
                "a template of rule `tax` can never match: the word `so` right after `{value:quantity}` is read as part of the quantity (\"5 so far\"), so it is never left for the template",
            )],
        );
    }

    #[test]
    fn alternatives_only_fail_their_branch() {
        check(
            &with_rule(&RULE.replace("holds {object", "(holds|co2) {object")),
            &[(
                Lint::ImpossibleTemplate,
                "an alternative in a template of rule `holds` can never match: the word `co2` is never one token: text reads it as `co` `2`",
            )],
        );
    }
}
