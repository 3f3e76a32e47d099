//! Command-line arguments (clap derive), kept apart from what the commands do.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::report::{ClaimFormat, Format};

/// crosscheck: find where news articles agree and where they contradict each other.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Worker threads (default: one per core).
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// Print no warnings or progress on stderr, only errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// When to colour output: auto follows `NO_COLOR` and whether stdout is a terminal.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Read this configuration file instead of looking for `crosscheck.toml` upward.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Read no configuration file.
    #[arg(long, global = true)]
    pub isolated: bool,
}

/// When to use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report overlaps and conflicts between articles (the main job).
    Report(ReportArgs),
    /// Report overlaps and conflicts between claims extracted earlier (`extract` shards).
    Compare(CompareArgs),
    /// List the claims the rules find in articles.
    Extract(ExtractArgs),
    /// Validate rules files.
    Check(CheckArgs),
    /// Run every rule's embedded examples and cross-article cases.
    Test(TestArgs),
    /// Show, sentence by sentence, how the rules read a text: tokens, matches, near misses.
    Explain(ExplainArgs),
    /// Print the JSON Schema of the rules file format.
    Schema(SchemaArgs),
    /// Show what is new and what was resolved between two saved JSON reports.
    Diff(DiffArgs),
    /// Mark a finding as reviewed, with a reason, in an acknowledgements file.
    Ack(AckArgs),
    /// Scaffold a rule pack: a lexicon, one rule with examples and a cross-article case.
    Init(InitArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(CompletionsArgs),
    /// Print the man page (roff), for `man -l` or a `man1` directory.
    Man(ManArgs),
}

/// `crosscheck check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Rules.
    #[command(flatten)]
    pub rules: RulesArgs,
    /// Output format: text diagnostics on stderr, or one JSON document on stdout.
    #[arg(long, short, value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
}

/// `crosscheck init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Directory to create the rule pack in (created if missing; must hold none of its files).
    #[arg(value_name = "DIR", default_value = "rules")]
    pub dir: PathBuf,
}

/// `crosscheck completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_name = "SHELL", value_enum)]
    pub shell: clap_complete::Shell,
    /// Write the script to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `crosscheck man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// A subcommand whose page to print (`crosscheck-report(1)`); default: crosscheck(1).
    #[arg(value_name = "SUBCOMMAND")]
    pub subcommand: Option<String>,
    /// Write the page to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Where the rules are.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Directory of rules files (or one file).
    #[arg(long, short, value_name = "DIR", default_value = "rules")]
    pub rules: PathBuf,
}

/// What to read.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files and directories to read; `-` reads one article from stdin. Default: `.`.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Write the output to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// JSON/JSONL record field holding the article text (default: text, body, content…).
    #[arg(long, value_name = "NAME")]
    pub text_field: Option<String>,
    /// JSON/JSONL record field holding the title.
    #[arg(long, value_name = "NAME")]
    pub title_field: Option<String>,
    /// JSON/JSONL record field holding the publication date.
    #[arg(long, value_name = "NAME")]
    pub date_field: Option<String>,
    /// JSON/JSONL record field holding the URL.
    #[arg(long, value_name = "NAME")]
    pub url_field: Option<String>,
    /// JSON/JSONL record field holding the outlet.
    #[arg(long, value_name = "NAME")]
    pub outlet_field: Option<String>,
    /// Print per-stage times, throughput and hits per rule on stderr.
    #[arg(long)]
    pub stats: bool,
    /// Walk controls and the root of file names (see `crate::text::input`).
    #[command(flatten)]
    pub walk: WalkArgs,
}

/// How directories are walked, as ripgrep's flags; and the root file names are relative to.
#[derive(Debug, Args)]
pub struct WalkArgs {
    /// Names in ids and reports are relative to DIR (default: the git work tree holding the
    /// inputs, else their common directory).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Only walk files matching GLOB (gitignore syntax; `!GLOB` leaves matches out); repeatable.
    #[arg(long, short = 'g', value_name = "GLOB")]
    pub glob: Vec<String>,
    /// Leave paths matching GLOB out of walks; repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Skip files larger than NUM bytes, with a warning (suffixes K, M, G: `--max-filesize 50M`).
    #[arg(long, value_name = "NUM[KMG]", value_parser = parse_size)]
    pub max_filesize: Option<u64>,
    /// Do not respect `.gitignore`, `.ignore` or git exclude files.
    #[arg(long)]
    pub no_ignore: bool,
    /// Walk hidden files and directories too.
    #[arg(long, short = '.')]
    pub hidden: bool,
    /// Follow symbolic links while walking.
    #[arg(long, short = 'L')]
    pub follow: bool,
}

/// Reads `--max-filesize`: a number of bytes with an optional K, M or G suffix (powers of 1024).
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, shift) = match text.char_indices().last() {
        Some((at, 'k' | 'K')) => (&text[..at], 10),
        Some((at, 'm' | 'M')) => (&text[..at], 20),
        Some((at, 'g' | 'G')) => (&text[..at], 30),
        _ => (text, 0),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|number| number.checked_mul(1 << shift))
        .ok_or_else(|| format!("`{text}` is not a size; give a number of bytes, optionally with K, M or G (e.g. 50M)"))
}

/// `crosscheck extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Inputs and output.
    #[command(flatten)]
    pub input: InputArgs,
    /// Rules.
    #[command(flatten)]
    pub rules: RulesArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
    /// With `--format parquet`: the files whose claims go into one shard.
    #[arg(long, value_name = "N", default_value_t = crate::shard::parquet::DEFAULT_SHARD_FILES, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub shard_files: usize,
}

/// Output format of `crosscheck extract`: a claim format, or Parquet shards.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One compact block per claim: location, rule, subject, value, modality, then the quote.
    #[default]
    Text,
    /// One pretty-printed JSON document: `{"version": 1, "articles": [...], "claims": [...]}`.
    Json,
    /// One claim per line, as compact JSON.
    Jsonl,
    /// Parquet shards in the directory `-o` names (`claims-00000.parquet`, …; schema
    /// `claims/1`, see docs/claims-parquet.md), one per `--shard-files` files.
    Parquet,
}

impl ExtractFormat {
    /// The claim format it writes, `None` for Parquet shards.
    pub fn claim_format(self) -> Option<ClaimFormat> {
        match self {
            ExtractFormat::Text => Some(ClaimFormat::Text),
            ExtractFormat::Json => Some(ClaimFormat::Json),
            ExtractFormat::Jsonl => Some(ClaimFormat::Jsonl),
            ExtractFormat::Parquet => None,
        }
    }
}

/// Where `compare` groups the claims.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Engine {
    /// In this process, by hash of the key.
    #[default]
    Inprocess,
    /// `DataFusion` SQL over the Parquet shards, each group then handed to the comparator (a
    /// build with the `datafusion` feature; see docs/scale-out.md).
    Datafusion,
}

/// The lowest severity that makes `report` exit 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Conflicts between plain assertions.
    Error,
    /// Any conflict, hedged or attributed ones included.
    Warning,
    /// Never exit 1.
    Never,
}

/// `crosscheck report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Inputs and output.
    #[command(flatten)]
    pub input: InputArgs,
    /// Rules.
    #[command(flatten)]
    pub rules: RulesArgs,
    /// What is compared and how the findings are shown.
    #[command(flatten)]
    pub findings: FindingArgs,
}

/// `crosscheck compare`: the report over claims extracted earlier.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Claim files written by `extract` (`--format jsonl`, `--format json`, Parquet shards of
    /// `--format parquet`) or JSON reports; a directory is read for its `.jsonl`, `.json` and
    /// `.parquet` files, by name.
    #[arg(value_name = "CLAIMS", required = true)]
    pub paths: Vec<PathBuf>,
    /// Where the claims are grouped for comparison; `datafusion` reads Parquet shards only.
    #[arg(long, value_enum, default_value_t = Engine::Inprocess)]
    pub engine: Engine,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Rules (their compare modes, tolerances, names and reference tables).
    #[command(flatten)]
    pub rules: RulesArgs,
    /// What is compared and how the findings are shown.
    #[command(flatten)]
    pub findings: FindingArgs,
}

/// The options `report` and `compare` share: how findings are made, shown and judged.
#[derive(Debug, Args)]
pub struct FindingArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Exit 1 when a conflict at or above this severity is found.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Leave the elapsed time out of the summary (for reproducible output).
    #[arg(long)]
    pub no_timing: bool,
    /// A saved JSON report: show only what is new and what was resolved since.
    #[arg(long, value_name = "OLD.json")]
    pub baseline: Option<PathBuf>,
    /// Acknowledged findings (default: `acknowledged.toml` in the rules directory, if present).
    #[arg(long, value_name = "FILE")]
    pub acknowledged: Option<PathBuf>,
    /// Reference tables to check claims against: CSV or TOML files, or folders of them; repeat
    /// for several (default: `reference/` in the rules directory, if present; see
    /// docs/reference.md).
    #[arg(long, value_name = "FILE")]
    pub reference: Vec<PathBuf>,
    /// Check no claim against reference tables, not even the rules directory's.
    #[arg(long, conflicts_with = "reference")]
    pub no_reference: bool,
    /// Run only the rules whose id matches one of these globs (`reserve-*`; comma-separated or repeated).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Leave out the rules whose id matches one of these globs (comma-separated or repeated).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub ignore: Vec<String>,
}

/// `crosscheck test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Rules.
    #[command(flatten)]
    pub rules: RulesArgs,
    /// Only rules whose id contains this text.
    #[arg(long, value_name = "RULE")]
    pub filter: Option<String>,
    /// Fail for every rule that no example makes fire.
    #[arg(long)]
    pub coverage: bool,
}

/// Output format of `explain` and `diff`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    /// For people.
    #[default]
    Text,
    /// For machines.
    Json,
}

/// `crosscheck explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Rules.
    #[command(flatten)]
    pub rules: RulesArgs,
    /// The text to explain.
    #[arg(long, value_name = "TEXT", conflicts_with = "target")]
    pub text: Option<String>,
    /// A file to explain, optionally one line of it: `FILE` or `FILE:LINE`.
    #[arg(value_name = "FILE[:LINE]", required_unless_present = "text")]
    pub target: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
    /// Write the output to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `crosscheck schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Print the schema of a TOML reference table (docs/reference.md) instead of a rules file.
    #[arg(long)]
    pub reference: bool,
    /// Write the schema to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `crosscheck diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier JSON report.
    #[arg(value_name = "OLD.json")]
    pub old: PathBuf,
    /// The later JSON report.
    #[arg(value_name = "NEW.json")]
    pub new: PathBuf,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Exit 1 when a new conflict at or above this severity appears.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Write the output to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `crosscheck ack`.
#[derive(Debug, Args)]
pub struct AckArgs {
    /// The finding's stable id, as shown in reports, or a unique prefix of it (6 characters or more).
    #[arg(value_name = "FINDING")]
    pub finding: String,
    /// Why the finding is acceptable.
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
    /// The acknowledgements file (default: `acknowledged.toml` in the rules directory).
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// A saved JSON report the finding comes from (so its claims can be recorded).
    #[arg(long, value_name = "REPORT.json")]
    pub report: PathBuf,
    /// Rules directory.
    #[command(flatten)]
    pub rules: RulesArgs,
}
