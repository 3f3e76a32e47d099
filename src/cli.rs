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
    /// When to colour output: auto follows NO_COLOR and whether stdout is a terminal.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// When to use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is not set.
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
    /// Run every rule's embedded examples.
    Test(TestArgs),
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
}
