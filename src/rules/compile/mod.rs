//! Validation and compilation of parsed rules files into a [`RuleSet`].
//!
//! Lexicons are global: a rule in one file may use a lexicon declared in another. All problems
//! are collected (unknown lexicon, unknown slot type, malformed template, duplicate rule id,
//! malformed example, …), each pointing at its place in the file.
//!
//! A hostile file cannot make compilation unbounded: besides the per-template limits of
//! [`super::pattern`], one file holds at most [`MAX_PATTERNS_PER_FILE`] templates and
//! [`MAX_ALIASES_PER_FILE`] aliases; a file over a limit is reported and not compiled further.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use toml::Spanned;

mod keys;
mod lexicon;
mod template;
mod vocabulary;

use lexicon::{compile_lexicon, compile_parents, link_stand_ins};
use template::compile_pattern;
pub use template::inflections;

use super::diagnostic::Diagnostic;
use super::example::{Example, ExpectedValue};
use super::lexicon::LexiconIndex;
use super::set::{CompiledPattern, Rule, RuleSet, SourceFile};
use super::syntax::{CompareMode, ExampleSyntax, RuleFile, RuleSyntax};
use crate::finding::ComparePolicy;
use crate::value::ExpectedQuantity;

pub use super::slots::{Dimension, Role, SlotKind};

/// Most templates one rules file may hold (all rules together).
pub const MAX_PATTERNS_PER_FILE: usize = 10_000;
/// Most aliases one rules file may hold (all lexicons together).
pub const MAX_ALIASES_PER_FILE: usize = 100_000;

/// Compiles rules files given as (path, contents) pairs.
pub fn load_sources(sources: &[(String, String)]) -> Result<RuleSet, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    let mut set = RuleSet {
        shared_wording: Some(0.9),
        ..RuleSet::default()
    };
    let schema = keys::schema();
    let mut misspelt_patterns: Vec<(usize, usize)> = Vec::new();
    for (path, text) in sources {
        let source: Arc<str> = Arc::from(text.as_str());
        match keys::parse(text, &schema) {
            Ok((file, unknown)) => {
                problems.extend(unknown.iter().map(|key| unknown_key(key, path, &source)));
                // A misspelt `patterns` is reported once, not again as a rule without patterns.
                misspelt_patterns.extend(
                    unknown
                        .iter()
                        .filter(|key| template::closest(&key.key, ["patterns"].into_iter()).is_some())
                        .map(|key| (set.files.len(), key.span.start)),
                );
                match over_limits(&file, path, &source) {
                    Some(problem) => problems.push(problem),
                    None => parsed.push((set.files.len(), file)),
                }
            }
            Err(errors) => {
                for error in errors {
                    let span = error.span().unwrap_or(0..0);
                    let message = error.message().trim().to_string();
                    let first_line = message.lines().next().unwrap_or("invalid TOML").to_string();
                    problems
                        .push(Diagnostic::error(path, &source, span, first_line.clone()).hint(toml_hint(&first_line)));
                }
            }
        }
        set.files.push(SourceFile {
            path: path.clone(),
            source,
        });
    }
    // Lexicons first: rules anywhere may use them.
    let mut lexicon_names: HashMap<String, (usize, std::ops::Range<usize>)> = HashMap::new();
    for (file_index, file) in &parsed {
        let path = set.files[*file_index].path.clone();
        let source = Arc::clone(&set.files[*file_index].source);
        for (name, lexicon) in &file.lexicon {
            let span = lexicon.span();
            if let Some((other_file, _)) = lexicon_names.get(name) {
                problems.push(
                    Diagnostic::error(
                        &path,
                        &source,
                        span.start..span.start,
                        format!("lexicon `{name}` is declared twice"),
                    )
                    .hint(format!(
                        "the first is in {}; merge the two or rename one",
                        set.files[*other_file].path
                    )),
                );
                continue;
            }
            lexicon_names.insert(name.clone(), (*file_index, span));
            let mut compiled = compile_lexicon(name, lexicon, &path, &source, &mut problems);
            compiled.file = *file_index;
            set.lexicons.push(compiled);
        }
        if let Some(modality) = &file.modality {
            set.cues.extend(
                modality.negation.iter().map(|cue| cue.get_ref().as_str()),
                modality.hedge.iter().map(|cue| cue.get_ref().as_str()),
                modality.attribution.iter().map(|cue| cue.get_ref().as_str()),
            );
        }
        if let Some(aliases) = &file.aliases {
            for cue in &aliases.cues {
                let words = cue.get_ref().trim();
                if words.is_empty() {
                    problems.push(
                        Diagnostic::error(&path, &source, cue.span(), "empty renaming cue")
                            .hint("remove it or write the words between the two names, e.g. \"better known as\""),
                    );
                } else if !set.alias_cues.iter().any(|known| known.eq_ignore_ascii_case(words)) {
                    set.alias_cues.push(words.to_string());
                }
            }
        }
        if let Some(syntax) = &file.vocabulary {
            vocabulary::compile_vocabulary(syntax, &path, &source, &mut set.vocabulary, &mut problems);
        }
        if let Some(settings) = &file.settings
            && let Some(threshold) = &settings.shared_wording
        {
            let value = *threshold.get_ref();
            if !(0.0..=1.0).contains(&value) {
                problems.push(
                    Diagnostic::error(
                        &path,
                        &source,
                        threshold.span(),
                        format!("shared_wording {value} is out of range"),
                    )
                    .hint("use a similarity between 0 and 1; 0 turns the check off"),
                );
            }
            set.shared_wording = (value > 0.0).then_some(value);
        }
        if let Some(settings) = &file.settings
            && (settings.furniture.is_some() || !settings.furniture_extend.is_empty())
        {
            let (patterns, replace, span) = match &settings.furniture {
                Some(patterns) => (patterns.get_ref().clone(), true, patterns.span()),
                None => (
                    settings
                        .furniture_extend
                        .iter()
                        .map(|pattern| pattern.get_ref().clone())
                        .collect(),
                    false,
                    settings.furniture_extend.first().map_or(0..0, Spanned::span),
                ),
            };
            let built = if replace {
                crate::text::Furniture::new(&patterns)
            } else {
                crate::text::Furniture::extended(&patterns)
            };
            match built {
                Ok(furniture) => set.furniture = furniture,
                Err(error) => problems.push(
                    Diagnostic::error(&path, &source, span, format!("invalid furniture pattern: {error}"))
                        .hint("furniture patterns are regular expressions matched against whole trimmed lines"),
                ),
            }
        }
    }
    link_stand_ins(&parsed, &mut set, &mut problems);
    set.index = LexiconIndex::new(&set.lexicons);
    compile_parents(&parsed, &mut set, &mut problems);
    let mut rule_ids: HashMap<String, (usize, std::ops::Range<usize>)> = HashMap::new();
    for (file_index, file) in &parsed {
        let path = set.files[*file_index].path.clone();
        let source = Arc::clone(&set.files[*file_index].source);
        for (rule_index, rule) in file.rule.iter().enumerate() {
            let id = rule.get_ref().id.get_ref();
            let id_span = rule.get_ref().id.span();
            if let Some((other_file, other_span)) = rule_ids.get(id) {
                let (line, _) =
                    Diagnostic::error("", &set.files[*other_file].source, other_span.clone(), "").line_column();
                problems.push(
                    Diagnostic::error(&path, &source, id_span.clone(), format!("duplicate rule id `{id}`"))
                        .label("used again here")
                        .hint(format!(
                            "rule ids must be unique; the first `{id}` is at {}:{line}",
                            set.files[*other_file].path
                        )),
                );
                continue;
            }
            rule_ids.insert(id.clone(), (*file_index, id_span));
            // The rule's stretch of the file: from its table to the next rule's.
            let rule_span = rule.span().start
                ..file
                    .rule
                    .get(rule_index + 1)
                    .map_or(usize::MAX, |next| next.span().start);
            let context = Context {
                set: &set,
                path: &path,
                source: &source,
                misspelt_patterns: misspelt_patterns
                    .iter()
                    .any(|(file, offset)| file == file_index && rule_span.contains(offset)),
            };
            if let Some(compiled) = compile_rule(rule.get_ref(), *file_index, &context, &mut problems) {
                set.rules.push(compiled);
            }
        }
    }
    check_opposes(&set, &mut problems);
    if problems.iter().any(|problem| problem.level == super::Severity::Error) {
        return Err(problems);
    }
    set.warnings = problems;
    Ok(set)
}

/// The first size limit `file` breaks, as an error at the template or alias that breaks it.
fn over_limits(file: &RuleFile, path: &str, source: &Arc<str>) -> Option<Diagnostic> {
    let mut templates = file.rule.iter().flat_map(|rule| rule.get_ref().patterns.get_ref());
    if let Some(template) = templates.nth(MAX_PATTERNS_PER_FILE) {
        let count = file
            .rule
            .iter()
            .map(|rule| rule.get_ref().patterns.get_ref().len())
            .sum::<usize>();
        return Some(
            Diagnostic::error(
                path,
                source,
                template.span(),
                format!("file has {count} templates, more than the limit of {MAX_PATTERNS_PER_FILE}"),
            )
            .hint("split the rules over several files"),
        );
    }
    let mut aliases = file
        .lexicon
        .values()
        .flat_map(|lexicon| lexicon.get_ref().entries.values())
        .flat_map(Spanned::get_ref);
    if let Some(alias) = aliases.nth(MAX_ALIASES_PER_FILE) {
        let count = file
            .lexicon
            .values()
            .flat_map(|lexicon| lexicon.get_ref().entries.values())
            .map(|entry| entry.get_ref().len())
            .sum::<usize>();
        return Some(
            Diagnostic::error(
                path,
                source,
                alias.span(),
                format!("file has {count} aliases, more than the limit of {MAX_ALIASES_PER_FILE}"),
            )
            .hint("split the lexicons over several files"),
        );
    }
    None
}

/// An unknown key as an error at the key, with the keys its table may hold.
fn unknown_key(key: &keys::UnknownKey, path: &str, source: &Arc<str>) -> Diagnostic {
    let expected = key
        .expected
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let hint = match template::closest(&key.key, key.expected.iter().map(String::as_str)) {
        Some(near) => format!("did you mean `{near}`? remove or correct the key; docs/rules.md lists every key"),
        None => "remove or correct the key; docs/rules.md lists every key".into(),
    };
    Diagnostic::error(
        path,
        source,
        key.span.clone(),
        format!("unknown field `{}`, expected one of {expected}", key.key),
    )
    .hint(hint)
}

fn toml_hint(message: &str) -> String {
    if message.contains("unknown field") {
        match misspelt_key(message) {
            Some(key) => format!("did you mean `{key}`? remove or correct the key; docs/rules.md lists every key"),
            None => "remove or correct the key; docs/rules.md lists every key".into(),
        }
    } else if message.contains("missing field") {
        "add the missing key; docs/rules.md lists the required keys".into()
    } else if message.contains("unknown variant") {
        "use one of the values listed".into()
    } else if message.contains("invalid type") {
        "check the value's type against docs/rules.md".into()
    } else {
        "fix the TOML syntax here (strings need quotes, tables `[name]`, arrays `[a, b]`)".into()
    }
}

/// The key an "unknown field `pattern`, expected one of `id`, …, `patterns`" message most
/// likely meant, when one is close.
fn misspelt_key(message: &str) -> Option<&str> {
    let mut quoted = message.split('`').skip(1).step_by(2);
    let unknown = quoted.next()?;
    template::closest(unknown, quoted)
}

/// The entry id of any lexicon closest to `id`, for a did-you-mean.
fn closest_entry<'s>(set: &'s RuleSet, id: &str) -> Option<&'s str> {
    template::closest(
        id,
        set.lexicons
            .iter()
            .flat_map(|lexicon| lexicon.entries.iter().map(|entry| entry.id.as_str())),
    )
}

pub(super) struct Context<'a> {
    pub(super) set: &'a RuleSet,
    pub(super) path: &'a str,
    pub(super) source: &'a Arc<str>,
    /// Whether the rule has a misspelt `patterns` key, already reported.
    pub(super) misspelt_patterns: bool,
}

impl Context<'_> {
    pub(super) fn error(&self, span: std::ops::Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.path, self.source, span, message)
    }

    pub(super) fn inner_span(
        &self,
        literal: &std::ops::Range<usize>,
        value: &str,
        inner: &std::ops::Range<usize>,
    ) -> std::ops::Range<usize> {
        inner_span(self.source, literal, value, inner)
    }
}

/// The file span of byte range `inner` of a string value whose TOML literal is at `literal`,
/// when the literal holds the value verbatim (no escapes); otherwise the whole literal.
pub fn inner_span(
    source: &str,
    literal: &std::ops::Range<usize>,
    value: &str,
    inner: &std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let raw = source.get(literal.start + 1..literal.end.saturating_sub(1));
    if raw == Some(value) {
        literal.start + 1 + inner.start..literal.start + 1 + inner.end
    } else {
        literal.clone()
    }
}

fn compile_rule(rule: &RuleSyntax, file: usize, context: &Context<'_>, problems: &mut Vec<Diagnostic>) -> Option<Rule> {
    let before = problems.len();
    let id = rule.id.get_ref().clone();
    if id.trim().is_empty() || id.contains(char::is_whitespace) {
        problems.push(
            context
                .error(rule.id.span(), format!("rule id `{id}` is empty or has spaces"))
                .hint("use a kebab-case id like \"reserve-size\""),
        );
    }
    let compare = *rule.compare.get_ref();
    let mut policy = ComparePolicy::default();
    if let Some(tolerance) = &rule.tolerance {
        for (field, slot) in [
            (&tolerance.relative, &mut policy.relative),
            (&tolerance.absolute, &mut policy.absolute),
            (&tolerance.approximate, &mut policy.approximate),
        ] {
            if let Some(value) = field {
                if *value.get_ref() < 0.0 || !value.get_ref().is_finite() {
                    problems.push(
                        context
                            .error(value.span(), format!("tolerance {} is negative", value.get_ref()))
                            .hint("tolerances are 0 or more"),
                    );
                }
                *slot = *value.get_ref();
            }
        }
    }
    if let Some(severity) = &rule.severity {
        policy.severity = match severity.get_ref().as_str() {
            "note" => Some(crate::finding::Severity::Info),
            "warning" => Some(crate::finding::Severity::Warning),
            "error" => Some(crate::finding::Severity::Error),
            other => {
                problems.push(
                    context
                        .error(severity.span(), format!("unknown severity `{other}`"))
                        .hint("use \"note\", \"warning\" or \"error\""),
                );
                None
            }
        };
    }
    if let Some(bounds) = &rule.bounds {
        match bounds.get_ref().as_str() {
            "strict" => policy.strict_bounds = true,
            "news" => policy.strict_bounds = false,
            other => problems.push(
                context
                    .error(bounds.span(), format!("unknown bounds `{other}`"))
                    .hint("use \"news\" (\"up to X\" is X stated as a maximum) or \"strict\" (any figure up to X)"),
            ),
        }
    }
    match compare {
        CompareMode::Stance if rule.stance.is_none() => problems.push(
            context
                .error(rule.compare.span(), "a stance rule needs a `stance`")
                .hint("add stance = \"…\" naming the position this rule detects, e.g. \"self-sufficient\""),
        ),
        CompareMode::Category if rule.label.is_none() => problems.push(
            context
                .error(rule.compare.span(), "a category rule needs a `label`")
                .hint("add label = \"…\""),
        ),
        _ => {}
    }
    let object = rule.object.as_ref().and_then(|object| {
        let found = context.set.entry_by_id(object.get_ref());
        if found.is_none() {
            problems.push(
                context
                    .error(object.span(), format!("unknown entity `{}`", object.get_ref()))
                    .hint(match closest_entry(context.set, object.get_ref()) {
                        Some(entry) => format!("did you mean `{entry}`? name the canonical id of a lexicon entry"),
                        None => "name the canonical id of a lexicon entry, e.g. \"rare-earths\"".to_string(),
                    }),
            );
        }
        found
    });
    let table = super::table::compile(rule, context, problems);
    let gap_stops = super::table::gap_stops(rule, context, problems);
    if rule.patterns.get_ref().is_empty() && rule.table.is_none() && !context.misspelt_patterns {
        // A rule without the key (or with it misspelt) is pointed at by its id.
        let span = Some(rule.patterns.span())
            .filter(|span| !span.is_empty())
            .unwrap_or_else(|| rule.id.span());
        problems.push(
            context
                .error(span, "rule has no patterns")
                .hint("add at least one template to `patterns`, or a `table` block"),
        );
    }
    let mut patterns = Vec::new();
    for template in rule.patterns.get_ref() {
        if let Some(pattern) = compile_pattern(template, compare, context, problems) {
            patterns.push(pattern);
        }
    }
    let mut examples = Vec::new();
    let named = |role: Role| {
        patterns
            .iter()
            .any(|pattern: &CompiledPattern| pattern.binds_name(role))
    };
    let open = [named(Role::Subject), named(Role::Object), false];
    for example in &rule.examples {
        examples.push(compile_example(example, compare, open, context, problems));
    }
    for counter in &rule.counterexamples {
        examples.push(Example::negative(counter.get_ref().clone(), counter.span()));
    }
    if problems.len() > before {
        return None;
    }
    Some(Rule {
        id,
        kind: rule.kind.get_ref().clone(),
        description: rule.description.clone(),
        compare,
        policy,
        stance: rule.stance.as_ref().map(|stance| stance.get_ref().clone()),
        opposes: rule.opposes.iter().map(|stance| stance.get_ref().clone()).collect(),
        label: rule.label.as_ref().map(|label| label.get_ref().clone()),
        object,
        top_k: rule.top_k.unwrap_or(10).max(1),
        patterns,
        table,
        gap_stops,
        anaphora: rule
            .context
            .as_ref()
            .and_then(|context| context.anaphora)
            .unwrap_or(true),
        stand_ins: rule
            .context
            .as_ref()
            .and_then(|context| context.stand_ins)
            .unwrap_or(true),
        article_aliases: rule
            .context
            .as_ref()
            .and_then(|context| context.article_aliases)
            .unwrap_or(true),
        examples,
        file,
        span: rule.id.span(),
    })
}

fn compile_example(
    example: &Spanned<ExampleSyntax>,
    compare: CompareMode,
    open: [bool; 3],
    context: &Context<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Example {
    let syntax = example.get_ref();
    let mut value = None;
    if let Some(written) = &syntax.value {
        let vocabulary = &context.set.vocabulary;
        match ExpectedValue::parse(written.get_ref(), compare).and_then(|value| normalise_units(value, vocabulary)) {
            Ok(parsed) => value = Some(parsed),
            Err(message) => {
                problems.push(
                    context
                        .error(
                            written.span(),
                            format!("cannot read expected value `{}`: {message}", written.get_ref()),
                        )
                        .hint(ExpectedValue::notation_hint()),
                );
            }
        }
    }
    if let Some(modality) = &syntax.modality
        && !["asserted", "negated", "hedged", "attributed"].contains(&modality.get_ref().as_str())
    {
        problems.push(
            context
                .error(modality.span(), format!("unknown modality `{}`", modality.get_ref()))
                .hint("use asserted, negated, hedged or attributed"),
        );
    }
    // Subject and object: a lexicon id, or any name id when a name slot of the rule binds them.
    for (id, open) in [&syntax.subject, &syntax.object, &syntax.region].into_iter().zip(open) {
        let Some(id) = id else { continue };
        if open && is_name_id(id.get_ref()) {
            continue;
        }
        if context.set.entry_by_id(id.get_ref()).is_none() {
            problems.push(
                context
                    .error(id.span(), format!("unknown entity `{}` in example", id.get_ref()))
                    .hint({
                        let ids = if open {
                            "expected ids are canonical lexicon ids, e.g. \"russia\", or a name's words lower-cased and joined by `-`, e.g. \"orbis-motors\""
                        } else {
                            "expected ids are canonical lexicon ids, e.g. \"russia\""
                        };
                        match closest_entry(context.set, id.get_ref()) {
                            Some(entry) => format!("did you mean `{entry}`? {ids}"),
                            None => ids.to_string(),
                        }
                    }),
            );
        }
    }
    Example::positive(syntax, value, example.span())
}

/// An expected value with every quantity in its canonical unit: `270 kt` is `270000 t`,
/// `5 GW` is `5000000000 W`; a unit neither canonical nor read by the quantity reader
/// (`5 XYZ`) is an error.
fn normalise_units(value: ExpectedValue, vocabulary: &crate::extract::Vocabulary) -> Result<ExpectedValue, String> {
    match value {
        ExpectedValue::Quantity(quantity) => canonical_quantity(quantity, vocabulary).map(ExpectedValue::Quantity),
        ExpectedValue::Change(mut change) => {
            for part in [&mut change.by, &mut change.from, &mut change.to] {
                if let Some(quantity) = part.take() {
                    *part = Some(canonical_quantity(quantity, vocabulary)?);
                }
            }
            Ok(ExpectedValue::Change(change))
        }
        other => Ok(other),
    }
}

/// `quantity` in its canonical unit (see [`normalise_units`]).
fn canonical_quantity(
    mut quantity: ExpectedQuantity,
    vocabulary: &crate::extract::Vocabulary,
) -> Result<ExpectedQuantity, String> {
    use crate::value::quantity::dimension_of;
    // Three capitals look like a currency code, but only the reader knows which ones are.
    if !matches!(dimension_of(&quantity.unit), "other" | "money") {
        return Ok(quantity);
    }
    let probe = format!("1 {}", quantity.unit);
    let tokens = crate::text::token::tokenize(&probe);
    match crate::extract::quantity_in(&probe, &tokens, 0, vocabulary) {
        Some((end, read)) if end == tokens.len() && dimension_of(&read.unit) != "other" => {
            quantity.value *= read.value;
            quantity.high = quantity.high.map(|high| high * read.value);
            quantity.unit = read.unit;
            Ok(quantity)
        }
        _ => Err(format!(
            "unknown unit `{}`: write a canonical unit (t, m, m2, m3, Wh, W, km/h, %, pp, an ISO currency code such as USD, or none for a count) or one the quantity reader knows (kt, Mt, GW, TWh …)",
            quantity.unit
        )),
    }
}

/// Whether `id` is an id a name slot can give: lower-case words joined by single `-`.
fn is_name_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|word| !word.is_empty() && word.chars().all(|c| c.is_alphanumeric() && !c.is_uppercase()))
}

fn check_opposes(set: &RuleSet, problems: &mut Vec<Diagnostic>) {
    let mut stances: BTreeSet<(&str, &str)> = BTreeSet::new();
    for rule in &set.rules {
        if let Some(stance) = &rule.stance {
            stances.insert((rule.kind.as_str(), stance.as_str()));
        }
    }
    for rule in &set.rules {
        for opposed in &rule.opposes {
            if !stances.contains(&(rule.kind.as_str(), opposed.as_str())) {
                let file = &set.files[rule.file];
                problems.push(
                    Diagnostic::warning(
                        &file.path,
                        &file.source,
                        rule.span.clone(),
                        format!(
                            "rule `{}` opposes stance `{opposed}`, which no rule of kind `{}` asserts",
                            rule.id, rule.kind
                        ),
                    )
                    .hint("add a rule with that stance and the same kind, or correct the name"),
                );
            }
        }
    }
}
