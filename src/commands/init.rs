//! `crosscheck init`: scaffold a rule pack that `check` and `test` pass as it is.
//!
//! The pack holds a lexicon file, one rule with examples and counterexamples, and one
//! cross-article case (two articles and the conflict expected across them), so each piece of
//! the format has a working model to copy. The files are templates compiled into the binary;
//! a file that already exists is never overwritten.

use std::path::Path;

use super::{Context, exit};
use crate::cli::InitArgs;

/// The pack's files: path inside the pack, contents.
const FILES: [(&str, &str); 5] = [
    ("lexicons.toml", include_str!("init/lexicons.toml")),
    ("population.toml", include_str!("init/population.toml")),
    (
        "cases/porto-population/expect.toml",
        include_str!("init/case/expect.toml"),
    ),
    ("cases/porto-population/one.md", include_str!("init/case/one.md")),
    ("cases/porto-population/two.md", include_str!("init/case/two.md")),
];

/// Writes the pack into `args.dir`; exit 2, writing nothing, when one of its files exists.
pub(crate) fn run(args: &InitArgs, context: &mut Context) -> u8 {
    let dir = &args.dir;
    let existing: Vec<String> = FILES
        .iter()
        .map(|(path, _)| dir.join(path))
        .filter(|path| path.exists())
        .map(|path| path.display().to_string())
        .collect();
    if !existing.is_empty() {
        context.error(&format!(
            "{} already exists; pick another directory with `crosscheck init DIR`, or move it away",
            existing.join(", ")
        ));
        return exit::ERROR;
    }
    for (path, contents) in FILES {
        let path = dir.join(path);
        if let Err(error) = write(&path, contents) {
            context.error(&format!("{}: cannot write: {error}", path.display()));
            return exit::ERROR;
        }
    }
    if !context.quiet {
        let rules = dir.display();
        eprintln!(
            "created a rule pack in {rules}; next: `crosscheck check --rules {rules}` and `crosscheck test --rules {rules}`"
        );
    }
    exit::OK
}

fn write(path: &Path, contents: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    crate::output::write_to(Some(path), |out| out.write_all(contents.as_bytes()))
}
