//! The `crosscheck` binary: parse arguments, run, exit with 0, 1 or 2.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match crosscheck::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() {
                crosscheck::commands::exit::ERROR
            } else {
                crosscheck::commands::exit::OK
            };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    ExitCode::from(crosscheck::commands::run(cli))
}
