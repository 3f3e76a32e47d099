//! `crosscheck completions SHELL` and `crosscheck man`: shell completion scripts and the man
//! page, both generated from the clap definition in [`crate::cli`], so they cannot drift from
//! the flags the program accepts.

use clap::CommandFactory;

use super::{Context, exit};
use crate::cli::{Cli, CompletionsArgs, ManArgs};

/// Writes the completion script for `args.shell`.
pub(crate) fn completions(args: &CompletionsArgs, context: &mut Context) -> u8 {
    let mut command = Cli::command();
    let written = crate::output::write_to(args.output.as_deref(), |out| {
        clap_complete::generate(args.shell, &mut command, "crosscheck", out);
        Ok(())
    });
    finish(written, context)
}

/// Writes the man page: crosscheck(1) with its exit codes, or with a subcommand's name that
/// subcommand's page, crosscheck-report(1), as git has git-commit(1).
pub(crate) fn man(args: &ManArgs, context: &mut Context) -> u8 {
    let command = Cli::command();
    let page = match &args.subcommand {
        None => command,
        Some(name) => {
            let Some(subcommand) = command.find_subcommand(name) else {
                let names: Vec<&str> = command.get_subcommands().map(clap::Command::get_name).collect();
                context.error(&format!(
                    "there is no subcommand `{name}`; pick one of: {}",
                    names.join(", ")
                ));
                return exit::ERROR;
            };
            subcommand.clone().name(format!("crosscheck-{name}"))
        }
    };
    let main = args.subcommand.is_none();
    let written = crate::output::write_to(args.output.as_deref(), |out| {
        clap_mangen::Man::new(page).render(out)?;
        if main {
            out.write_all(EXIT_STATUS.as_bytes())?;
        }
        Ok(())
    });
    finish(written, context)
}

/// The exit codes, as the README's table gives them.
const EXIT_STATUS: &str = r#".SH \"EXIT STATUS\"
.TP
0
Success; no conflict at or above \fB\-\-fail\-on\fR.
.TP
1
\fBreport\fR and \fBdiff\fR: conflicts at or above \fB\-\-fail\-on\fR (default error); \fBtest\fR: an example or case failed.
.TP
2
Usage error, broken rules file, unreadable input (the run still reports what it could).
.SH \"SEE ALSO\"
\fBcrosscheck\-report\fR(1), \fBcrosscheck\-check\fR(1), \fBcrosscheck\-test\fR(1); \fBcrosscheck man SUBCOMMAND\fR prints each.
"#;

fn finish(written: std::io::Result<()>, context: &mut Context) -> u8 {
    match written {
        Ok(()) => exit::OK,
        Err(error) => {
            context.error(&format!("cannot write output: {error}"));
            exit::ERROR
        }
    }
}
