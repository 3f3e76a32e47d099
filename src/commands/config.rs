//! Finding and reading the configuration file (the format is [`crate::config`]'s).
//!
//! Before the command line is parsed, [`load`] looks at it for `--isolated` (no configuration)
//! and `--config FILE` (that file, which must exist); otherwise it walks up from the current
//! directory and takes the first `crosscheck.toml`, `.crosscheck.toml` or `pyproject.toml` with
//! a `[tool.crosscheck]` table. Paths in the file are relative to its directory, so they are
//! resolved as the current directory sees them (`../../rules` for a file two levels up).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::config::{Config, FILE_NAMES};

/// The configuration the command line `args` asks for; an error message naming the file and
/// the place in it when one cannot be used.
pub fn load(args: &[OsString]) -> Result<Config, String> {
    let (isolated, explicit) = scan(args);
    if isolated {
        return Ok(Config::default());
    }
    if let Some(path) = explicit {
        let base = path
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
            .map_or_else(PathBuf::new, Path::to_path_buf);
        return match read(&path, &base)? {
            Some(config) => Ok(config),
            None => Err(format!(
                "{}: has no [tool.crosscheck] table; add one, or pass a crosscheck.toml",
                path.display()
            )),
        };
    }
    let cwd = std::env::current_dir().map_err(|error| format!("cannot read the current directory: {error}"))?;
    for (levels, dir) in cwd.ancestors().enumerate() {
        let base: PathBuf = std::iter::repeat_n("..", levels).collect();
        for name in FILE_NAMES {
            if dir.join(name).is_file()
                && let Some(config) = read(&base.join(name), &base)?
            {
                return Ok(config);
            }
        }
    }
    Ok(Config::default())
}

/// `--isolated` and the `--config` file, read off the raw command line (up to a `--`).
fn scan(args: &[OsString]) -> (bool, Option<PathBuf>) {
    let mut isolated = false;
    let mut explicit = None;
    let mut words = args.iter().skip(1);
    while let Some(word) = words.next() {
        let Some(text) = word.to_str() else { continue };
        match text {
            "--" => break,
            "--isolated" => isolated = true,
            "--config" => explicit = words.next().map(PathBuf::from),
            _ => {
                if let Some(path) = text.strip_prefix("--config=") {
                    explicit = Some(PathBuf::from(path));
                }
            }
        }
    }
    (isolated, explicit)
}

fn read(path: &Path, base: &Path) -> Result<Option<Config>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("{}: cannot read the configuration file: {error}", path.display()))?;
    Config::parse(path, base, &text).map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn config_flags_are_read_before_parsing() {
        assert_eq!(scan(&args(&["crosscheck", "report"])), (false, None));
        assert_eq!(scan(&args(&["crosscheck", "--isolated", "report"])), (true, None));
        assert_eq!(
            scan(&args(&["crosscheck", "report", "--config", "a.toml"])),
            (false, Some(PathBuf::from("a.toml")))
        );
        assert_eq!(
            scan(&args(&["crosscheck", "--config=b.toml", "report"])),
            (false, Some(PathBuf::from("b.toml")))
        );
        assert_eq!(
            scan(&args(&["crosscheck", "report", "--", "--isolated"])),
            (false, None)
        );
    }
}
