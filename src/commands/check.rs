//! `crosscheck check`: validate rules files, then lint them.
//!
//! Errors (the rule set cannot load) exit 2. Lints ([`crate::authoring::lint`]) are warnings,
//! rendered like errors with `file:line:column`, and keep exit 0. With `--format json` the same
//! diagnostics and counts go to stdout as one document (`version`, `ok`, `counts`,
//! `diagnostics`), for editors and CI.

use serde::Serialize;

use super::{Context, exit, load_rules, load_rules_dir};
use crate::authoring::lint;
use crate::cli::{CheckArgs, ExplainFormat};
use crate::rules::RuleSet;
use crate::rules::diagnostic::{Diagnostic, Severity};

/// Loads the rules, prints every lint warning and a one-line summary (or every problem).
pub(crate) fn run(args: &CheckArgs, context: &mut Context) -> u8 {
    if args.format == ExplainFormat::Json {
        return run_json(args, context);
    }
    let Some(set) = load_rules(&args.rules, context) else {
        return exit::ERROR;
    };
    // The reference tables beside the rules are part of the pack: a broken one fails `check`.
    let Some(reference) = super::load_reference(&[], &args.rules.rules, &set, context) else {
        return exit::ERROR;
    };
    let lints = lint::lint(&set);
    if !context.quiet {
        for warning in &lints {
            eprintln!("{}", warning.diagnostic.render(context.color_stderr));
        }
        let counts = Counts::new(&set, lints.len());
        eprintln!(
            "{} ok: {}, {}, {}, {}, {}",
            args.rules.rules.display(),
            counted(counts.files, "file"),
            counted(counts.lexicons, "lexicon"),
            counted(counts.rules, "rule"),
            counted(counts.examples, "example"),
            counted(counts.warnings, "warning")
        );
        if !reference.is_empty() {
            eprintln!("{} reference rows ok", reference.rows.len());
        }
    }
    exit::OK
}

/// Version of the `check --format json` document.
const VERSION: u32 = 1;

#[derive(Serialize)]
struct CheckDocument<'a> {
    version: u32,
    rules: String,
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    counts: Option<Counts>,
    diagnostics: Vec<DiagnosticDto<'a>>,
}

#[derive(Serialize)]
struct Counts {
    files: usize,
    lexicons: usize,
    rules: usize,
    examples: usize,
    warnings: usize,
    /// Rows of the reference tables beside the rules; left out when there are none.
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_rows: Option<usize>,
}

impl Counts {
    fn new(set: &RuleSet, lints: usize) -> Counts {
        Counts {
            files: set.files.len(),
            lexicons: set.lexicons.len(),
            rules: set.rules.len(),
            examples: set.rules.iter().map(|rule| rule.examples.len()).sum(),
            warnings: set.warnings.len() + lints,
            reference_rows: None,
        }
    }
}

/// One problem: where (one-based line and column), what, and what to do.
#[derive(Serialize)]
struct DiagnosticDto<'a> {
    level: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lint: Option<&'static str>,
    file: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<&'a str>,
}

impl<'a> DiagnosticDto<'a> {
    fn new(diagnostic: &'a Diagnostic, lint: Option<&'static str>) -> Self {
        let (line, column) = diagnostic.line_column();
        DiagnosticDto {
            level: match diagnostic.level {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            lint,
            file: &diagnostic.path,
            line,
            column,
            message: &diagnostic.message,
            label: &diagnostic.label,
            hint: diagnostic.hint.as_deref(),
        }
    }
}

/// `check --format json`: the document on stdout; exit 2 when the rules cannot load.
fn run_json(args: &CheckArgs, context: &mut Context) -> u8 {
    let rules = args.rules.rules.display().to_string();
    // The reference tables beside the rules are part of the pack, as in the text output: a
    // broken one makes the document `ok: false` with its problems.
    let loaded = load_rules_dir(&args.rules.rules)
        .and_then(|set| super::read_reference_tables(&[], &args.rules.rules, &set).map(|reference| (set, reference)));
    let lints = loaded.as_ref().map(|(set, _)| lint::lint(set)).unwrap_or_default();
    let document = match &loaded {
        Ok((set, reference)) => CheckDocument {
            version: VERSION,
            rules,
            ok: true,
            counts: Some(Counts {
                reference_rows: (!reference.is_empty()).then_some(reference.rows.len()),
                ..Counts::new(set, lints.len())
            }),
            diagnostics: set
                .warnings
                .iter()
                .map(|warning| DiagnosticDto::new(warning, None))
                .chain(
                    lints
                        .iter()
                        .map(|warning| DiagnosticDto::new(&warning.diagnostic, Some(warning.lint.code()))),
                )
                .collect(),
        },
        Err(errors) => CheckDocument {
            version: VERSION,
            rules,
            ok: false,
            counts: None,
            diagnostics: errors.iter().map(|error| DiagnosticDto::new(error, None)).collect(),
        },
    };
    let written = crate::output::write_to(None, |out| {
        serde_json::to_writer_pretty(&mut *out, &document)?;
        writeln!(out)
    });
    if let Err(error) = written {
        context.error(&format!("cannot write output: {error}"));
        return exit::ERROR;
    }
    if loaded.is_ok() { exit::OK } else { exit::ERROR }
}

/// `1 warning`, `2 warnings`: a count and its noun in agreement.
fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
