//! Compiling lexicons: entries and aliases with their spans, anaphora, stand-ins and the
//! hierarchy of entries (`parents`), every problem collected as a diagnostic.

use std::sync::Arc;

use toml::Spanned;

use crate::rules::diagnostic::Diagnostic;
use crate::rules::lexicon::{Entry, Lexicon};
use crate::rules::set::RuleSet;
use crate::rules::syntax::{LexiconSyntax, RuleFile};

/// Each lexicon's `parents` table: both sides must be entries of the lexicon, and the hierarchy
/// must have no cycle.
pub(super) fn compile_parents(parsed: &[(usize, RuleFile)], set: &mut RuleSet, problems: &mut Vec<Diagnostic>) {
    for (file_index, file) in parsed {
        let path = &set.files[*file_index].path;
        let source = &set.files[*file_index].source;
        for (name, lexicon) in &file.lexicon {
            let syntax = lexicon.get_ref();
            for (child, parent) in &syntax.parents {
                let known = |id: &str| syntax.entries.contains_key(id);
                let unknown = [
                    (child.as_str(), parent.span()),
                    (parent.get_ref().as_str(), parent.span()),
                ]
                .into_iter()
                .find(|(id, _)| !known(id));
                if let Some((id, span)) = unknown {
                    problems.push(
                        Diagnostic::error(
                            path,
                            source,
                            span,
                            format!("`parents` names `{id}`, which is not an entry of lexicon `{name}`"),
                        )
                        .hint("both sides of `child = \"parent\"` are entry ids of the same lexicon"),
                    );
                    continue;
                }
                set.parents.insert(child.clone(), parent.get_ref().clone());
                // A cycle: walking up from the parent comes back to the child.
                let mut current = parent.get_ref().as_str();
                let mut steps = 0;
                while let Some(next) = set.parents.get(current) {
                    if next == child || steps > set.parents.len() {
                        problems.push(
                            Diagnostic::error(
                                path,
                                source,
                                parent.span(),
                                format!("`parents` puts `{child}` within itself"),
                            )
                            .hint("a hierarchy has no cycle; remove one of the declarations"),
                        );
                        set.parents.remove(child);
                        break;
                    }
                    current = next;
                    steps += 1;
                }
            }
        }
    }
}

/// Fills each lexicon's `stands_for` from the `stands_for` tables of its files, once every
/// lexicon is compiled (an entry may stand for one declared in another file).
pub(super) fn link_stand_ins(parsed: &[(usize, RuleFile)], set: &mut RuleSet, problems: &mut Vec<Diagnostic>) {
    for (file_index, file) in parsed {
        let path = set.files[*file_index].path.clone();
        let source = Arc::clone(&set.files[*file_index].source);
        for (name, lexicon) in &file.lexicon {
            let Some(from) = set
                .lexicons
                .iter()
                .position(|compiled| &compiled.name == name && compiled.file == *file_index)
            else {
                continue;
            };
            for (id, target) in &lexicon.get_ref().stands_for {
                let Some(entry) = set.lexicons[from].entries.iter().position(|entry| &entry.id == id) else {
                    problems.push(
                        Diagnostic::error(
                            &path,
                            &source,
                            target.span(),
                            format!("`stands_for` names `{id}`, which is not an entry of lexicon `{name}`"),
                        )
                        .hint(format!("use the id of one of `{name}`'s entries")),
                    );
                    continue;
                };
                let found = target.get_ref().split_once(':').and_then(|(lexicon, entry)| {
                    let to = set
                        .lexicons
                        .iter()
                        .position(|compiled| compiled.name == lexicon.trim())?;
                    let to_entry = set.lexicons[to]
                        .entries
                        .iter()
                        .position(|candidate| candidate.id == entry.trim())?;
                    Some((to as u32, to_entry as u32))
                });
                match found {
                    Some((to, _)) if to as usize == from => problems.push(
                        Diagnostic::error(&path, &source, target.span(), format!("entry `{id}` stands for an entry of its own lexicon"))
                            .hint("make it an alias of that entry instead"),
                    ),
                    Some(target) => set.lexicons[from].stands_for[entry] = Some(target),
                    None => problems.push(
                        Diagnostic::error(&path, &source, target.span(), format!("unknown entry `{}` in `stands_for`", target.get_ref()))
                            .hint("write it as \"LEXICON:ENTRY\", e.g. \"country:russia\", naming a declared lexicon and one of its entries"),
                    ),
                }
            }
        }
    }
}

pub(super) fn compile_lexicon(
    name: &str,
    lexicon: &Spanned<LexiconSyntax>,
    path: &str,
    source: &Arc<str>,
    problems: &mut Vec<Diagnostic>,
) -> Lexicon {
    let syntax = lexicon.get_ref();
    let mut fuzzy = None;
    if let Some(threshold) = &syntax.fuzzy {
        let value = *threshold.get_ref();
        if value > 0.0 && value <= 1.0 {
            fuzzy = Some(value);
        } else {
            problems.push(
                Diagnostic::error(
                    path,
                    source,
                    threshold.span(),
                    format!("fuzzy threshold {value} is out of range"),
                )
                .hint("use a Jaro-Winkler similarity above 0 and at most 1, e.g. 0.92; leave it out to match exactly"),
            );
        }
    }
    let mut is_region_scope = false;
    if let Some(scope) = &syntax.scope {
        if scope.get_ref() == "region" {
            is_region_scope = true;
        } else {
            problems.push(
                Diagnostic::error(
                    path,
                    source,
                    scope.span(),
                    format!("unknown lexicon scope `{}`", scope.get_ref()),
                )
                .hint("the only scope is \"region\""),
            );
        }
    }
    let mut entries = Vec::new();
    for (id, aliases) in &syntax.entries {
        let mut names = Vec::new();
        let mut alias_spans = Vec::new();
        for alias in aliases.get_ref() {
            if alias.get_ref().trim().is_empty() || crate::text::token::tokenize(alias.get_ref()).is_empty() {
                problems.push(
                    Diagnostic::error(path, source, alias.span(), format!("empty alias in entry `{id}`"))
                        .hint("remove it or write the words it stands for"),
                );
                continue;
            }
            names.push(alias.get_ref().trim().to_string());
            alias_spans.push(alias.span());
        }
        if names.is_empty() {
            problems.push(
                Diagnostic::error(path, source, aliases.span(), format!("entry `{id}` has no aliases"))
                    .hint(format!("write at least one alias, e.g. {id} = [\"{id}\"]")),
            );
            continue;
        }
        entries.push(Entry {
            id: id.clone(),
            name: names[0].clone(),
            aliases: names,
            alias_spans,
        });
    }
    let header = format!("[lexicon.{name}]");
    let span = source
        .find(&header)
        .map_or_else(|| lexicon.span(), |start| start..start + header.len());
    let mut anaphora = Vec::new();
    for phrase in &syntax.anaphora {
        if crate::text::token::tokenize(phrase.get_ref()).is_empty() {
            problems.push(
                Diagnostic::error(
                    path,
                    source,
                    phrase.span(),
                    format!("empty anaphor in lexicon `{name}`"),
                )
                .hint("remove it or write the words that refer back, e.g. \"the country\""),
            );
            continue;
        }
        anaphora.push(phrase.get_ref().trim().to_string());
    }
    let stands_for = vec![None; entries.len()];
    Lexicon {
        name: name.to_string(),
        is_region_scope,
        anaphora,
        pronouns: syntax.pronouns.unwrap_or(true) && !is_region_scope,
        article_aliases: syntax.article_aliases.unwrap_or(true),
        stands_for,
        entries,
        fuzzy,
        fuzzy_min_len: syntax.fuzzy_min_len.unwrap_or(6),
        file: 0,
        span,
    }
}
