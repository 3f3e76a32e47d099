//! The `crosscheck` binary: read the configuration file, parse arguments, run, exit with 0, 1
//! or 2.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use crosscheck::cli::Cli;
use crosscheck::commands::{self, exit};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let config = match commands::config::load(&args) {
        Ok(config) => config,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(exit::ERROR);
        }
    };
    // The configuration's values become the flags' defaults, so flags override them.
    let parsed = config
        .apply_defaults(Cli::command())
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { exit::ERROR } else { exit::OK };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    ExitCode::from(commands::run_configured(cli, config))
}
