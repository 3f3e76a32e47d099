//! The commands: resolve arguments, load rules and articles, run the pipeline, render.
//!
//! One bad input file never stops a run: it is reported, remembered, and the run goes on; the
//! exit code says at the end (0 fine, 1 conflicts or failing examples, 2 any error).

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

use crate::cli::{Cli, ColorChoice, Command, ExtractArgs, FailOn, InputArgs, ReportArgs, RulesArgs, TestArgs};
use crate::finding::{FindingKind, Severity};
use crate::report::{self, ArticleInfo, RenderOptions, Summary};
use crate::rules::{self, RuleSet, diagnostic};
use crate::text::{Article, Format as InputFormat, LoadOptions, load_bytes, load_file, walk};

/// Process exit codes.
pub mod exit {
    /// Success, nothing found that fails the run.
    pub const OK: u8 = 0;
    /// Conflicts at or above `--fail-on`, or failing examples.
    pub const FINDINGS: u8 = 1;
    /// Usage, rules or input error.
    pub const ERROR: u8 = 2;
}

/// Resolved global settings.
struct Context {
    quiet: bool,
    color_stdout: bool,
    color_stderr: bool,
    /// Set when any error was reported; the run ends with exit 2.
    failed: bool,
}

impl Context {
    fn warn(&self, message: &str) {
        if !self.quiet {
            eprintln!("{}: {message}", self.paint_stderr("warning", "33"));
        }
    }

    fn error(&mut self, message: &str) {
        self.failed = true;
        eprintln!("{}: {message}", self.paint_stderr("error", "31"));
    }

    fn paint_stderr(&self, word: &str, code: &str) -> String {
        if self.color_stderr {
            format!("\x1b[1;{code}m{word}\x1b[0m")
        } else {
            word.to_string()
        }
    }
}

fn wants_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty()),
    }
}

/// Runs the command line and returns the exit code.
pub fn run(cli: Cli) -> u8 {
    let mut context = Context {
        quiet: cli.quiet,
        color_stdout: wants_color(cli.color, std::io::stdout().is_terminal()),
        color_stderr: wants_color(cli.color, std::io::stderr().is_terminal()),
        failed: false,
    };
    if let Some(threads) = cli.threads {
        if threads == 0 {
            context.error("--threads must be at least 1");
            return exit::ERROR;
        }
        if let Err(error) = rayon::ThreadPoolBuilder::new().num_threads(threads).build_global() {
            context.error(&format!("cannot start {threads} threads: {error}"));
            return exit::ERROR;
        }
    }
    let code = match cli.command {
        Command::Check(args) => check(&args, &mut context),
        Command::Extract(args) => extract(&args, &mut context),
        Command::Report(args) => report(&args, &mut context),
        Command::Test(args) => test(&args, &mut context),
    };
    if context.failed { exit::ERROR } else { code }
}

fn load_rules(args: &RulesArgs, context: &mut Context) -> Option<RuleSet> {
    match rules::load_dir(&args.rules) {
        Ok(set) => {
            if !context.quiet {
                for warning in &set.warnings {
                    eprint!("{}", warning.render(context.color_stderr));
                }
            }
            Some(set)
        }
        Err(problems) => {
            eprint!("{}", diagnostic::render_all(&problems, context.color_stderr));
            context.failed = true;
            None
        }
    }
}

fn check(args: &RulesArgs, context: &mut Context) -> u8 {
    let Some(set) = load_rules(args, context) else {
        return exit::ERROR;
    };
    if !context.quiet {
        let examples: usize = set.rules.iter().map(|rule| rule.examples.len()).sum();
        eprintln!(
            "{} ok: {} files, {} lexicons, {} rules, {} examples, {} warnings",
            args.rules.display(),
            set.files.len(),
            set.lexicons.len(),
            set.rules.len(),
            examples,
            set.warnings.len()
        );
    }
    exit::OK
}

fn test(args: &TestArgs, context: &mut Context) -> u8 {
    let Some(set) = load_rules(&args.rules, context) else {
        return exit::ERROR;
    };
    let outcomes = rules::examples::run(&set, args.filter.as_deref());
    let failed: Vec<_> = outcomes.iter().filter(|outcome| outcome.failure.is_some()).collect();
    let result = crate::output::write_to(None, |out| {
        for outcome in &failed {
            writeln!(
                out,
                "FAIL {} ({}:{}) {} example",
                outcome.rule,
                outcome.path,
                outcome.line,
                if outcome.positive { "positive" } else { "negative" }
            )?;
            writeln!(out, "  text: {}", outcome.text)?;
            writeln!(out, "  {}", outcome.failure.as_deref().unwrap_or_default())?;
        }
        writeln!(out, "{} passed, {} failed", outcomes.len() - failed.len(), failed.len())
    });
    if let Err(error) = result {
        context.error(&format!("cannot write output: {error}"));
    }
    if failed.is_empty() { exit::OK } else { exit::FINDINGS }
}

/// Walks and loads the inputs in parallel, in path order. Problems are reported and the run
/// goes on.
fn load_articles(input: &InputArgs, context: &mut Context) -> Vec<Article> {
    let paths = if input.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        input.paths.clone()
    };
    let walked = walk(&paths);
    for problem in &walked.problems {
        context.error(&problem.to_string());
    }
    let options = LoadOptions::default();
    let loaded: Vec<_> = walked
        .files
        .par_iter()
        .map(|path| load_file(path, &path.display().to_string(), &options))
        .collect();
    let mut articles = Vec::new();
    if paths.iter().any(|path| path.as_os_str() == "-") {
        let mut bytes = Vec::new();
        match std::io::stdin().read_to_end(&mut bytes) {
            Ok(_) => match load_bytes("<stdin>", &bytes, InputFormat::Text, &options) {
                Ok(loaded) => {
                    for warning in &loaded.warnings {
                        context.warn(&warning.to_string());
                    }
                    articles.extend(loaded.articles);
                }
                Err(error) => context.error(&error.to_string()),
            },
            Err(error) => context.error(&format!("<stdin>: cannot read: {error}")),
        }
    }
    for result in loaded {
        match result {
            Ok(loaded) => {
                for warning in &loaded.warnings {
                    context.warn(&warning.to_string());
                }
                articles.extend(loaded.articles);
            }
            Err(error) => context.error(&error.to_string()),
        }
    }
    articles
}

fn infos(articles: &[Article]) -> Vec<ArticleInfo> {
    articles
        .iter()
        .map(|article| ArticleInfo {
            path: article.path.clone(),
            meta: article.meta.clone(),
        })
        .collect()
}

fn extract(args: &ExtractArgs, context: &mut Context) -> u8 {
    let Some(set) = load_rules(&args.rules, context) else {
        return exit::ERROR;
    };
    let articles = load_articles(&args.input, context);
    let claims = crate::matcher::extract_all(&set, &articles);
    let options = RenderOptions {
        color: args.input.output.is_none() && context.color_stdout,
    };
    let infos = infos(&articles);
    if let Err(error) = crate::output::write_to(args.input.output.as_deref(), |out| {
        report::render_claims(&infos, &claims, args.format, out, &options)
    }) {
        context.error(&format!("cannot write output: {error}"));
    }
    exit::OK
}

fn report(args: &ReportArgs, context: &mut Context) -> u8 {
    let started = Instant::now();
    let Some(set) = load_rules(&args.rules, context) else {
        return exit::ERROR;
    };
    let articles = load_articles(&args.input, context);
    let claims = crate::matcher::extract_all(&set, &articles);
    let findings = crate::compare::compare(&claims, &set.policy());
    let infos = infos(&articles);
    let summary = Summary {
        articles: articles.len(),
        claims: claims.len(),
        elapsed: (!args.no_timing).then(|| started.elapsed()),
    };
    let document = report::Report {
        articles: &infos,
        claims: &claims,
        findings: &findings,
        summary,
    };
    let options = RenderOptions {
        color: args.input.output.is_none() && context.color_stdout,
    };
    if let Err(error) = crate::output::write_to(args.input.output.as_deref(), |out| {
        report::render(&document, args.format, out, &options)
    }) {
        context.error(&format!("cannot write output: {error}"));
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let fails = threshold.is_some_and(|threshold| {
        findings
            .iter()
            .any(|finding| matches!(finding.kind, FindingKind::Conflict(_)) && finding.severity >= threshold)
    });
    if fails { exit::FINDINGS } else { exit::OK }
}
