//! `crosscheck explain`: how the rules read a text, sentence by sentence.
//!
//! The text comes from `--text` or from a file in any supported format (`FILE`, or
//! `FILE:LINE` for the sentences touching one line of it). The work is done by
//! [`crate::authoring::explain`]; this file resolves the arguments, loads the input and renders.

use std::path::Path;

use super::{Context, exit, load_rules};
use crate::authoring::explain::{self, Explanation, VERSION};
use crate::cli::{ExplainArgs, ExplainFormat};
use crate::text::{Article, LoadOptions, load_file};

/// What to explain: a file and maybe one line of it.
struct Target<'a> {
    path: &'a str,
    line: Option<u32>,
}

/// Splits `FILE[:LINE]`: a trailing `:N` is a line number unless the whole string names an
/// existing file.
fn parse_target(target: &str) -> Result<Target<'_>, String> {
    if Path::new(target).exists() {
        return Ok(Target {
            path: target,
            line: None,
        });
    }
    if let Some((path, line)) = target.rsplit_once(':')
        && !line.is_empty()
        && line.bytes().all(|byte| byte.is_ascii_digit())
    {
        let line: u32 = line.parse().map_err(|_| format!("line number `{line}` is too large"))?;
        if line == 0 {
            return Err(format!("{target}: line numbers start at 1"));
        }
        return Ok(Target { path, line: Some(line) });
    }
    Ok(Target {
        path: target,
        line: None,
    })
}

/// Loads the rules and the text, explains it, prints text or JSON.
pub(crate) fn run(args: &ExplainArgs, context: &mut Context) -> u8 {
    let Some(rules) = load_rules(&args.rules, context) else {
        return exit::ERROR;
    };
    let matcher = crate::matcher::Matcher::new(&rules);
    let mut explanation = Explanation {
        version: VERSION,
        articles: Vec::new(),
    };
    if let Some(text) = &args.text {
        let article = Article::plain("<text>", text.as_str());
        explanation.articles.push(explain::explain(&matcher, &article, None));
    } else if let Some(target) = &args.target {
        let target = match parse_target(target) {
            Ok(target) => target,
            Err(message) => {
                context.error(&message);
                return exit::ERROR;
            }
        };
        let options = LoadOptions {
            furniture: context.furniture(&rules),
            ..LoadOptions::default()
        };
        let loaded = match load_file(Path::new(target.path), target.path, &options) {
            Ok(loaded) => loaded,
            Err(error) => {
                context.error(&error.to_string());
                return exit::ERROR;
            }
        };
        for warning in &loaded.warnings {
            context.warn(&warning.to_string());
        }
        if let Some(line) = target.line {
            let lines = loaded
                .articles
                .first()
                .map_or(0, |article| article.source().lines().count());
            if line as usize > lines {
                context.error(&format!(
                    "{}: line {line} is out of range: the file has {lines} line{}",
                    target.path,
                    if lines == 1 { "" } else { "s" }
                ));
                return exit::ERROR;
            }
        }
        for article in &loaded.articles {
            explanation
                .articles
                .push(explain::explain(&matcher, article, target.line));
        }
    } else {
        context.error("nothing to explain: pass FILE, FILE:LINE or --text \"…\"");
        return exit::ERROR;
    }
    let result = crate::output::write_to(args.output.as_deref(), |out| match args.format {
        ExplainFormat::Text => explain::render_text(&explanation, out),
        ExplainFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &explanation)?;
            writeln!(out)
        }
    });
    if let Err(error) = result {
        context.error(&format!("cannot write output: {error}"));
        return exit::ERROR;
    }
    exit::OK
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_split_at_a_trailing_line_number() {
        let target = parse_target("no/such/file.md:12").expect("parses");
        assert_eq!((target.path, target.line), ("no/such/file.md", Some(12)));
        let target = parse_target("no/such/file.md").expect("parses");
        assert_eq!((target.path, target.line), ("no/such/file.md", None));
        assert!(parse_target("file.md:0").is_err());
    }
}
