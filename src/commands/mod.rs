//! The commands: resolve arguments, load rules and articles, run the pipeline, render.
//!
//! One file per subcommand. One bad input file never stops a run: it is reported, remembered,
//! and the run goes on; the exit code says at the end (0 fine, 1 findings or failing examples,
//! 2 any error).

mod ack;
mod check;
mod compare;
pub mod config;
mod diff;
mod docs;
mod explain;
mod extract;
mod init;
mod progress;
mod report;
mod schema;
mod test;

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::cli::{Cli, ColorChoice, Command, InputArgs, RulesArgs};
use crate::config::Config;
use crate::finding::Severity;
use crate::matcher::Matcher;
use crate::report::ArticleInfo;
use crate::report::style::{self, Style};
use crate::rules::{self, Diagnostic, RuleSet, diagnostic};
use crate::text::input::{InputFile, Inputs, WalkOptions};
use crate::text::read::{Limits, Stopped, read_bounded};
use crate::text::{Article, Format as InputFormat, LoadOptions, Reading, load_bytes, load_file_with};

/// Process exit codes.
pub mod exit {
    /// Success, nothing found that fails the run.
    pub const OK: u8 = 0;
    /// Conflicts at or above `--fail-on`, or failing examples.
    pub const FINDINGS: u8 = 1;
    /// Usage, rules or input error.
    pub const ERROR: u8 = 2;
}

/// Resolved global settings and the run's error state.
pub(crate) struct Context {
    /// `--quiet`.
    pub quiet: bool,
    /// Colour on stdout.
    pub color_stdout: bool,
    /// Colour on stderr.
    pub color_stderr: bool,
    /// Set when any error was reported; the run ends with exit 2.
    pub failed: bool,
    /// Per-rule severities of conflicts from the configuration file (`[severity]`).
    pub severity: BTreeMap<String, Severity>,
    /// Page-furniture line patterns from the configuration file (`furniture`), added to the
    /// rules' own when the user's articles are read (not a pack's own cases: `test` stays as
    /// the pack wrote it).
    pub furniture: Vec<String>,
}

impl Context {
    /// The furniture the user's articles are read with: the rules' own, plus the configuration
    /// file's patterns (validated when the file was read, so they compile).
    pub fn furniture(&self, rules: &RuleSet) -> crate::text::Furniture {
        if self.furniture.is_empty() {
            return rules.furniture.clone();
        }
        rules
            .furniture
            .with_lines(&self.furniture)
            .unwrap_or_else(|_| rules.furniture.clone())
    }

    /// Prints a warning on stderr unless `--quiet`.
    pub fn warn(&self, message: &str) {
        if !self.quiet {
            eprintln!("{}: {message}", self.stderr_style().paint(style::YELLOW, "warning"));
        }
    }

    /// Prints an error on stderr and remembers that the run failed.
    pub fn error(&mut self, message: &str) {
        self.failed = true;
        eprintln!("{}: {message}", self.stderr_style().paint(style::RED, "error"));
    }

    fn stderr_style(&self) -> Style {
        Style {
            color: self.color_stderr,
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
    run_configured(cli, Config::default())
}

/// Runs the command line, whose defaults `config` set (see [`config::load`]), and returns the
/// exit code.
pub fn run_configured(cli: Cli, config: Config) -> u8 {
    let mut context = Context {
        quiet: cli.quiet,
        color_stdout: wants_color(cli.color, std::io::stdout().is_terminal()),
        color_stderr: wants_color(cli.color, std::io::stderr().is_terminal()),
        failed: false,
        severity: config.severity,
        furniture: config.furniture,
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
        Command::Check(args) => check::run(&args, &mut context),
        Command::Extract(args) => extract::run(&args, &mut context),
        Command::Report(args) => report::run(&args, &mut context),
        Command::Compare(args) => compare::run(&args, &mut context),
        Command::Test(args) => test::run(&args, &mut context),
        Command::Explain(args) => explain::run(&args, &mut context),
        Command::Schema(args) => schema::run(&args, &mut context),
        Command::Diff(args) => diff::run(&args, &mut context),
        Command::Ack(args) => ack::run(&args, &mut context),
        Command::Init(args) => init::run(&args, &mut context),
        Command::Completions(args) => docs::completions(&args, &mut context),
        Command::Man(args) => docs::man(&args, &mut context),
    };
    if context.failed { exit::ERROR } else { code }
}

/// Loads the rules, printing warnings (unless quiet) or every error.
pub(crate) fn load_rules(args: &RulesArgs, context: &mut Context) -> Option<RuleSet> {
    match load_rules_dir(&args.rules) {
        Ok(set) => {
            if !context.quiet {
                for warning in &set.warnings {
                    eprint!("{}", warning.render(context.color_stderr));
                }
            }
            Some(set)
        }
        Err(problems) => {
            // A directory or file that cannot be read has no text to show a frame of: a plain
            // error says it (with the hint), not an empty code frame.
            let (unread, problems): (Vec<Diagnostic>, Vec<Diagnostic>) =
                problems.into_iter().partition(|problem| problem.source.is_empty());
            for problem in &unread {
                context.error(&format!("{}: {}", problem.path, problem.message));
                if let Some(hint) = &problem.hint {
                    eprintln!("  = help: {hint}");
                }
            }
            if !problems.is_empty() {
                eprint!("{}", diagnostic::render_all(&problems, context.color_stderr));
            }
            context.failed = true;
            None
        }
    }
}

/// Name of the folder of reference tables in a rules directory.
pub const REFERENCE_DIR: &str = "reference";

/// Loads the reference tables for a run: the files or folders of `--reference`, else the
/// `reference/` folder beside the rules (none when there is no such folder). Prints every
/// problem and returns `None` when any file is unreadable or invalid.
pub(crate) fn load_reference(
    given: &[PathBuf],
    rules: &Path,
    set: &RuleSet,
    context: &mut Context,
) -> Option<crate::reference::Reference> {
    match read_reference_tables(given, rules, set) {
        Ok(reference) => Some(reference),
        Err(problems) => {
            eprint!("{}", diagnostic::render_all(&problems, context.color_stderr));
            context.failed = true;
            None
        }
    }
}

/// [`load_reference`] that hands back the problems instead of printing them (`check --format
/// json` puts them in its document).
pub(crate) fn read_reference_tables(
    given: &[PathBuf],
    rules: &Path,
    set: &RuleSet,
) -> Result<crate::reference::Reference, Vec<Diagnostic>> {
    let paths = if given.is_empty() {
        let base = if rules.is_file() {
            rules.parent().unwrap_or(Path::new(".")).to_path_buf()
        } else {
            rules.to_path_buf()
        };
        let folder = base.join(REFERENCE_DIR);
        if !folder.is_dir() {
            return Ok(crate::reference::Reference::default());
        }
        vec![folder]
    } else {
        given.to_vec()
    };
    read_reference(&paths).and_then(|sources| crate::reference::load_sources(&sources, set))
}

/// The text of every reference file named by `paths` (a folder gives its `.csv` and `.toml`
/// files, sorted by name), as (name as shown, text).
fn read_reference(paths: &[PathBuf]) -> Result<Vec<(String, String)>, Vec<Diagnostic>> {
    let empty: Arc<str> = Arc::from("");
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|entries| {
                    entries
                        .flatten()
                        .map(|entry| entry.path())
                        .filter(|path| {
                            path.extension()
                                .is_some_and(|extension| extension == "csv" || extension == "toml")
                        })
                        .collect()
                })
                .unwrap_or_default();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut sources = Vec::new();
    for path in files {
        let name = path.display().to_string();
        match std::fs::read_to_string(&path) {
            Ok(text) => sources.push((name, text)),
            Err(error) => problems.push(
                Diagnostic::error(&name, &empty, 0..0, format!("cannot read reference file: {error}"))
                    .hint("pass --reference with a readable UTF-8 .csv or .toml file (see docs/reference.md)"),
            ),
        }
    }
    if problems.is_empty() {
        Ok(sources)
    } else {
        Err(problems)
    }
}

/// Reads and compiles every `*.toml` file in `dir` (sorted by name; the acknowledgements file
/// left out), or the single file `dir` names.
pub fn load_rules_dir(dir: &Path) -> Result<RuleSet, Vec<Diagnostic>> {
    let empty: Arc<str> = Arc::from("");
    let display = dir.display().to_string();
    let mut paths = Vec::new();
    if dir.is_file() {
        paths.push(dir.to_path_buf());
    } else {
        let entries = std::fs::read_dir(dir).map_err(|error| {
            vec![
                Diagnostic::error(
                    &display,
                    &empty,
                    0..0,
                    format!("cannot read rules directory: {}", lowercase_first(&error.to_string())),
                )
                .hint("pass --rules with a directory of .toml rules files, e.g. --rules rules/"),
            ]
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            // The acknowledgements file lives beside the rules but is not a rules file.
            if path.extension().is_some_and(|extension| extension == "toml")
                && path
                    .file_name()
                    .is_none_or(|name| name != crate::review::ack::FILE_NAME)
            {
                paths.push(path);
            }
        }
        paths.sort();
    }
    if paths.is_empty() {
        return Err(vec![
            Diagnostic::error(&display, &empty, 0..0, "no rules files found")
                .hint("put one or more .toml rules files in the directory (see docs/rules.md)"),
        ]);
    }
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        match std::fs::read_to_string(&path) {
            Ok(text) => sources.push((name, text)),
            Err(error) => problems.push(
                Diagnostic::error(&name, &empty, 0..0, format!("cannot read rules file: {error}"))
                    .hint("check the file exists, is readable and is UTF-8"),
            ),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    rules::load_sources(&sources).map_err(|problems| needs_siblings(dir, problems))
}

/// The problems of the single rules file `file`, or one error saying to pass its directory
/// when the file loads there (its lexicons live in a sibling file): one error, not one per
/// use of each lexicon.
fn needs_siblings(file: &Path, problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let Some(parent) = file.parent().filter(|_| file.is_file()) else {
        return problems;
    };
    let directory = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let (Some(first), Ok(_)) = (problems.first(), load_rules_dir(directory)) else {
        return problems;
    };
    vec![
        Diagnostic::error(
            &first.path,
            &first.source,
            first.span.clone(),
            format!(
                "`{}` needs the other rules files of `{}`: alone it has {} problems (this is the first), with them none",
                file.display(),
                directory.display(),
                problems.len()
            ),
        )
        .label("declared in a sibling file")
        .hint(format!("pass the directory: --rules {}", directory.display())),
    ]
}

/// The claims of a corpus, extracted file by file so that no article's text outlives its own
/// matching: memory holds claims, not texts.
#[derive(Default)]
pub(crate) struct Processed {
    /// Articles (path and metadata only), in path order (stdin first); empty when streamed.
    pub infos: Vec<ArticleInfo>,
    /// Claims, in article order; empty when streamed.
    pub claims: Vec<crate::claim::Claim>,
    /// What was read and found, for `--stats`.
    pub tally: crate::stats::Tally,
}

/// Where a run hands each file's articles and claims, in path order, with what a [`Render`]
/// made of the claims (nothing without one).
type Sink<'a> = dyn FnMut(Vec<ArticleInfo>, Vec<crate::claim::Claim>, Rendered) -> std::io::Result<()> + 'a;

/// How a streamed run writes one file's claims ([`stream_rendered`]), run on the thread that
/// matched them, so that writing the output is not one thread's work while the others wait.
pub(crate) type Render<'a> = dyn Fn(&[crate::claim::Claim], &mut Vec<u8>) -> std::io::Result<()> + Sync + 'a;

/// One file's claims as a [`Render`] wrote them (empty without one), and how long that took.
#[derive(Default)]
pub(crate) struct Rendered {
    pub bytes: Vec<u8>,
    pub took: std::time::Duration,
}

/// What reading and matching one file gave: everything but its text.
struct FileClaims {
    infos: Vec<ArticleInfo>,
    /// The claims; empty once a [`Render`] wrote them.
    claims: Vec<crate::claim::Claim>,
    /// What the file adds to the run's `--stats`, counted where it was matched.
    tally: crate::stats::Tally,
    warnings: Vec<String>,
    errors: Vec<String>,
    /// The claims as the run's [`Render`] wrote them.
    rendered: std::io::Result<Rendered>,
}

impl FileClaims {
    /// Matches the articles of one loaded file, keeping only what the run needs of them, and
    /// writes its claims with `render` when given.
    fn of(matcher: &Matcher<'_>, loaded: crate::text::Loaded, render: Option<&Render<'_>>) -> Self {
        let (claims, times) = matcher.extract_all_timed(&loaded.articles);
        let infos = infos(&loaded.articles);
        let mut tally = crate::stats::Tally::default();
        tally.add_file(loaded.bytes, infos.len(), &claims, times);
        let (claims, rendered) = match render {
            None => (claims, Ok(Rendered::default())),
            Some(render) => {
                let started = Instant::now();
                let mut bytes = Vec::new();
                let rendered = render(&claims, &mut bytes).map(|()| Rendered {
                    bytes,
                    took: started.elapsed(),
                });
                // Written out, the claims are needed no more: only their bytes wait their turn.
                (Vec::new(), rendered)
            }
        };
        FileClaims {
            tally,
            rendered,
            infos,
            claims,
            warnings: loaded.warnings.iter().map(ToString::to_string).collect(),
            errors: loaded.errors,
        }
    }
}

impl Processed {
    /// Counts one file, reporting its warnings and errors, and hands its articles and claims to
    /// `each`.
    fn absorb(&mut self, file: FileClaims, context: &mut Context, each: &mut Sink<'_>) -> std::io::Result<()> {
        for warning in &file.warnings {
            context.warn(warning);
        }
        for error in &file.errors {
            context.error(error);
        }
        self.tally.merge(file.tally);
        each(file.infos, file.claims, file.rendered?)
    }
}

/// Files read and matched in parallel between two hand-overs of their claims, in path order:
/// enough to keep every thread busy, few enough that the claims waiting for their turn stay
/// small whatever the corpus's size.
const CHUNK_FILES: usize = 1024;

/// Checks the paths named on the command line and sets up their walk (`--root`, the walk
/// controls; the rules directory and the output file left out). `None` after reporting every
/// named path that cannot be read: the run must then stop before it writes anything.
pub(crate) fn resolve_inputs(input: &InputArgs, rules: &Path, context: &mut Context) -> Option<Inputs> {
    let paths = if input.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        input.paths.clone()
    };
    let walk = &input.walk;
    let options = WalkOptions {
        hidden: walk.hidden,
        no_ignore: walk.no_ignore,
        follow: walk.follow,
        globs: walk.glob.clone(),
        exclude: walk.exclude.clone(),
        leave_out: [Some(rules.to_path_buf()), input.output.clone()]
            .into_iter()
            .flatten()
            .collect(),
        root: walk.root.clone(),
    };
    match Inputs::resolve(&paths, options) {
        Ok(inputs) => Some(inputs),
        Err(problems) => {
            for problem in &problems {
                context.error(&problem.to_string());
            }
            None
        }
    }
}

/// Reads and matches the inputs' files in parallel, chunk by chunk, keeping only metadata and
/// claims. Output order is path order whatever the thread count.
pub(crate) fn process(inputs: Inputs, input: &InputArgs, rules: &RuleSet, context: &mut Context) -> Processed {
    let (mut infos, mut claims) = (Vec::new(), Vec::new());
    let mut keep = |file_infos: Vec<ArticleInfo>, file_claims: Vec<crate::claim::Claim>, _: Rendered| {
        infos.extend(file_infos);
        claims.extend(file_claims);
        Ok(())
    };
    let mut processed =
        run_files(inputs, input, rules, context, None, &mut keep).expect("keeping the claims in memory cannot fail");
    processed.infos = infos;
    processed.claims = claims;
    processed
}

/// [`process`] that keeps nothing: each file's articles and claims go to `each`, in path order,
/// as soon as the chunk of files around it is done, so memory does not grow with the corpus.
/// Stops at the first error `each` returns.
pub(crate) fn stream(
    inputs: Inputs,
    input: &InputArgs,
    rules: &RuleSet,
    context: &mut Context,
    mut each: impl FnMut(Vec<ArticleInfo>, Vec<crate::claim::Claim>) -> std::io::Result<()>,
) -> std::io::Result<Processed> {
    run_files(inputs, input, rules, context, None, &mut |infos, claims, _| {
        each(infos, claims)
    })
}

/// [`stream`] for a sink that needs only the claims written out: each file's claims are
/// written by `render` on the thread that matched them, and `each` gets the bytes (and how long
/// writing them took), in path order.
pub(crate) fn stream_rendered(
    inputs: Inputs,
    input: &InputArgs,
    rules: &RuleSet,
    context: &mut Context,
    render: &Render<'_>,
    mut each: impl FnMut(Rendered) -> std::io::Result<()>,
) -> std::io::Result<Processed> {
    run_files(inputs, input, rules, context, Some(render), &mut |_, _, rendered| {
        each(rendered)
    })
}

/// Reads standard input in bounded blocks (see [`crate::text::read`]) and loads it as one
/// plain-text article.
fn load_stdin(options: &LoadOptions, limits: Limits) -> Result<crate::text::Loaded, String> {
    let display = "<stdin>";
    let mut bytes = Vec::new();
    let stopped = read_bounded(&mut std::io::stdin().lock(), None, limits, &mut bytes, &|_| false)
        .map_err(|error| format!("{display}: cannot read: {error}"))?;
    match stopped {
        None | Some(Stopped::Binary) => {
            load_bytes(display, &bytes, InputFormat::Text, options).map_err(|error| error.to_string())
        }
        Some(stop) => Ok(crate::text::article::skipped(display, stop, bytes.len())),
    }
}

/// Walks the inputs and reads and matches their files chunk by chunk, handing each file's
/// articles and claims to `each` in path order; `infos` and `claims` of the result stay empty.
fn run_files(
    inputs: Inputs,
    input: &InputArgs,
    rules: &RuleSet,
    context: &mut Context,
    render: Option<&Render<'_>>,
    each: &mut Sink<'_>,
) -> std::io::Result<Processed> {
    let started = Instant::now();
    let options = load_options(input, rules, context);
    let limits = Limits {
        max_bytes: input.walk.max_filesize,
    };
    // Built once for the whole run: every chunk and thread shares its prefilter.
    let matcher = Matcher::new(rules);
    let progress = progress::Progress::new(context.quiet, &inputs);
    let mut processed = Processed::default();
    if inputs.reads_stdin() {
        match load_stdin(&options, limits) {
            Ok(loaded) => processed.absorb(FileClaims::of(&matcher, loaded, render), context, each)?,
            Err(error) => context.error(&error),
        }
    }
    let mut files = inputs.files();
    let read = |chunk: &[InputFile]| -> Vec<Result<FileClaims, String>> {
        chunk
            .par_iter()
            .map(|file| {
                let reading = Reading {
                    limits,
                    skip_saved_reports: !file.named,
                };
                let loaded = load_file_with(&file.path, &file.display, &options, &reading)
                    .map(|loaded| FileClaims::of(&matcher, loaded, render))
                    .map_err(|error| error.to_string());
                progress.file_done(loaded.as_ref().map_or(0, |claims| claims.tally.bytes));
                loaded
            })
            .collect()
    };
    let mut chunk = files.next_chunk(CHUNK_FILES);
    loop {
        for problem in &chunk.problems {
            context.error(&problem.to_string());
        }
        if chunk.files.is_empty() {
            break;
        }
        // The walk goes on to the next chunk while this one is read and matched.
        let (next, results) = rayon::join(|| files.next_chunk(CHUNK_FILES), || read(&chunk.files));
        for result in results {
            match result {
                Ok(file) => processed.absorb(file, context, each)?,
                Err(error) => context.error(&error),
            }
        }
        chunk = next;
    }
    processed.tally.read = started.elapsed();
    Ok(processed)
}

fn load_options(input: &InputArgs, rules: &RuleSet, context: &Context) -> LoadOptions {
    LoadOptions {
        furniture: context.furniture(rules),
        text_field: input.text_field.clone(),
        title_field: input.title_field.clone(),
        outlet_field: input.outlet_field.clone(),
        date_field: input.date_field.clone(),
        url_field: input.url_field.clone(),
        structures: rules.rules.iter().any(|rule| rule.table.is_some()),
    }
}

/// `message` with its first letter in lower case (the operating system's messages start with a
/// capital; ours do not).
fn lowercase_first(message: &str) -> String {
    let mut characters = message.chars();
    characters
        .next()
        .map(|first| first.to_lowercase().chain(characters).collect())
        .unwrap_or_default()
}

/// The report's view of the articles.
pub(crate) fn infos(articles: &[Article]) -> Vec<ArticleInfo> {
    articles
        .iter()
        .map(|article| ArticleInfo {
            path: article.path.clone(),
            meta: article.meta.clone(),
        })
        .collect()
}
