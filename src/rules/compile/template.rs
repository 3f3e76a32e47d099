//! Compiling templates: the parsed nodes into matcher elements (words with their inflections,
//! slots checked against the slot table), and the slots each compare mode needs.

use toml::Spanned;

use super::Context;
use crate::rules::diagnostic::Diagnostic;
use crate::rules::pattern::{self, Node};
use crate::rules::set::{CompiledPattern, Element};
use crate::rules::slots::{self, Role, SlotKind};
use crate::rules::syntax::CompareMode;

pub(super) fn compile_pattern(
    template: &Spanned<String>,
    compare: CompareMode,
    context: &Context<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Option<CompiledPattern> {
    let text = template.get_ref();
    let literal = template.span();
    let nodes = match pattern::parse(text) {
        Ok(nodes) => nodes,
        Err(error) => {
            problems.push(
                context
                    .error(
                        context.inner_span(&literal, text, &error.span),
                        format!("malformed template: {}", error.message),
                    )
                    .hint(error.hint),
            );
            return None;
        }
    };
    let mut roles = Vec::new();
    let before = problems.len();
    let elements = compile_nodes(&nodes, &literal, text, context, &mut roles, problems);
    if problems.len() > before {
        return None;
    }
    if let Some(message) = slots::missing_slot(compare, &roles) {
        problems.push(
            context
                .error(literal, message)
                .hint("add the slot, or change `compare` to match what the template reads"),
        );
        return None;
    }
    Some(CompiledPattern {
        elements,
        source: text.clone(),
        nodes,
        span: literal,
    })
}

fn compile_nodes(
    nodes: &[Node],
    literal: &std::ops::Range<usize>,
    text: &str,
    context: &Context<'_>,
    roles: &mut Vec<(Role, SlotKind)>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Element> {
    let mut elements = Vec::new();
    for node in nodes {
        match node {
            Node::Word(word) => elements.push(Element::Word(inflections(word).into_boxed_slice())),
            Node::Possessive => elements.push(Element::Possessive),
            Node::Punct(character) => elements.push(Element::Punct(*character)),
            Node::Gap(size) => elements.push(Element::Gap(*size)),
            Node::Alt(branches) => elements.push(Element::Alt(
                branches
                    .iter()
                    .map(|branch| compile_nodes(branch, literal, text, context, roles, problems))
                    .collect(),
            )),
            Node::Slot {
                role,
                kind,
                argument,
                span,
            } => {
                let file_span = context.inner_span(literal, text, span);
                let Some(parsed_role) = Role::parse(role) else {
                    problems.push(
                        context
                            .error(file_span, format!("unknown slot role `{role}`"))
                            .label("unknown role")
                            .hint(format!("roles are: {}", Role::names())),
                    );
                    continue;
                };
                let Some(slot_kind) = slots::slot_kind(kind, argument.as_deref(), &context.set.lexicons) else {
                    let lexicons: Vec<&str> = context
                        .set
                        .lexicons
                        .iter()
                        .map(|lexicon| lexicon.name.as_str())
                        .collect();
                    let suggestion = closest(
                        kind,
                        lexicons
                            .iter()
                            .copied()
                            .chain(slots::SLOT_TYPES.iter().map(|slot_type| slot_type.name)),
                    );
                    let message = slots::unknown_type_message(kind, argument.as_deref());
                    let mut hint = slots::types_hint(&lexicons);
                    if let Some(suggestion) = suggestion {
                        hint = format!("did you mean `{suggestion}`? {hint}");
                    }
                    problems.push(
                        context
                            .error(file_span, message)
                            .label("not a lexicon or built-in type")
                            .hint(hint),
                    );
                    continue;
                };
                if !slots::fits(parsed_role, slot_kind) {
                    problems.push(
                        context
                            .error(file_span, format!("slot role `{role}` cannot hold a `{kind}`"))
                            .hint(slots::roles_hint()),
                    );
                    continue;
                }
                roles.push((parsed_role, slot_kind));
                elements.push(Element::Slot(parsed_role, slot_kind));
            }
        }
    }
    elements
}

/// The closest candidate to `word` by Jaro-Winkler, if it is close.
pub(super) fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// A literal word and its regular inflections: `hold` → hold, holds, holding, holded(!); the
/// over-generation is harmless since only real words occur in text.
pub fn inflections(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_string()];
    if word.chars().count() < 3 || !word.chars().all(char::is_alphabetic) {
        return forms;
    }
    let mut add = |form: String| {
        if !forms.contains(&form) {
            forms.push(form);
        }
    };
    add(format!("{word}s"));
    add(format!("{word}es"));
    add(format!("{word}ed"));
    add(format!("{word}ing"));
    if let Some(stem) = word.strip_suffix('e') {
        add(format!("{word}d"));
        add(format!("{stem}ing"));
    }
    if let Some(stem) = word.strip_suffix('y') {
        add(format!("{stem}ies"));
        add(format!("{stem}ied"));
    }
    if let Some(stem) = word.strip_suffix('s') {
        add(stem.to_string());
    }
    let last = word.chars().last().unwrap_or('a');
    if !"aeiouwxy".contains(last) {
        add(format!("{word}{last}ed"));
        add(format!("{word}{last}ing"));
    }
    forms
}
