//! Integration tests: the `crosscheck` binary and the library end to end, over the bundled
//! rules and examples and over focused fixtures. Snapshots live in the top-level `snapshots/`.

mod authoring;
mod cli;
mod compare;
mod config;
mod context;
mod dense;
mod extract;
mod formats;
mod language;
mod parquet;
mod quantities;
mod reference;
mod review;
mod robustness;
mod rules;
mod shards;
mod tables;
mod tidy;
mod trust;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Output of one run of the binary, from the repository root.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `crosscheck ARGS` in the repository root with colour off.
pub fn crosscheck(args: &[&str]) -> Run {
    crosscheck_in(root(), args)
}

/// Runs `crosscheck ARGS` in `dir` with colour off.
pub fn crosscheck_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the crosscheck binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Asserts a snapshot stored in the top-level `snapshots/` directory.
#[macro_export]
macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({
            snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

/// `path` (a file under the repository root, as `insta::glob!` hands it over) relative to the
/// root, as the binary run from the root is given it.
pub fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .expect("fixture under root")
        .display()
        .to_string()
}

/// A path under `tests/fixtures`.
pub fn fixture(path: &str) -> PathBuf {
    root().join("tests/fixtures").join(path)
}
