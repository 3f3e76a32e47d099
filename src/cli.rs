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
    /// List the claims the rules find in articles.
    Extract(ExtractArgs),
    /// Validate rules files.
    Check(RulesArgs),
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
    #[arg(long, short, value_enum, default_value_t = ClaimFormat::Text)]
    pub format: ClaimFormat,
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
}

/// `crosscheck schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
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
}

/// `crosscheck ack`.
#[derive(Debug, Args)]
pub struct AckArgs {
    /// The finding's stable id, as shown in reports.
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
