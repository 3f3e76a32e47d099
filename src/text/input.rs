//! Input walking: the paths a user names → the files to load, in a deterministic order.
//!
//! Key decision: directories are walked with the `ignore` crate as ripgrep does (hidden files and
//! directories skipped, `.gitignore`, `.ignore` and git excludes respected — also outside a git
//! repository, so a corpus directory behaves the same wherever it lives) and yield only files
//! with a supported extension ([`Format::EXTENSIONS`]); a file named explicitly is always taken.
//! Symbolic links are followed, so a broken one is reported. One bad entry never stops the walk:
//! it becomes an [`InputProblem`] and the walk goes on. Files come out sorted by path and without
//! duplicates, whatever the file system's order. The path `-` (standard input) is left to the
//! caller and skipped here. Unreadable *files* are found when they are loaded
//! ([`super::LoadError::Read`]); unreadable *directories* are problems here.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

use super::Format;

/// A path that could not be walked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputProblem {
    /// The offending path.
    pub path: PathBuf,
    /// Lowercase message saying what went wrong.
    pub message: String,
}

impl std::fmt::Display for InputProblem {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{}: {}", self.path.display(), self.message)
    }
}

/// The result of a walk.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Walked {
    /// Files to load, sorted by path, without duplicates.
    pub files: Vec<PathBuf>,
    /// Paths that could not be walked, sorted by path.
    pub problems: Vec<InputProblem>,
}

/// Whether `path` has an extension of a supported format.
pub fn is_supported(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .and_then(Format::from_extension)
        .is_some()
}

/// Walks `paths` (see the module docs); `-` entries are skipped.
pub fn walk(paths: &[PathBuf]) -> Walked {
    let mut walked = Walked::default();
    for path in paths {
        if path.as_os_str() == "-" {
            continue;
        }
        match std::fs::metadata(path) {
            Err(error) => walked.problems.push(problem(path, &error)),
            Ok(metadata) if metadata.is_dir() => walk_directory(path, &mut walked),
            Ok(_) => walked.files.push(path.clone()),
        }
    }
    walked.files.sort();
    walked.files.dedup();
    walked.problems.sort_by(|left, right| left.path.cmp(&right.path));
    walked.problems.dedup();
    walked
}

/// The files of the paths a user names, in the order [`walk`] gives them, a chunk at a time, so
/// that reading can start before the walk ends.
///
/// A single directory is walked as files are asked for, depth first with each directory's
/// entries sorted by path, which is path order. Anything else (several paths, a file, `-`) is
/// walked whole by [`walk`] first.
pub struct Files {
    source: Source,
}

enum Source {
    Listed(std::vec::IntoIter<PathBuf>, Vec<InputProblem>),
    Walking(PathBuf, Box<ignore::Walk>),
}

/// The files of `paths` (see [`Files`]).
pub fn files(paths: &[PathBuf]) -> Files {
    let named: Vec<&PathBuf> = paths.iter().filter(|path| path.as_os_str() != "-").collect();
    if let [root] = named.as_slice()
        && std::fs::metadata(root).is_ok_and(|metadata| metadata.is_dir())
    {
        let walk = walker(root).sort_by_file_path(Ord::cmp).build();
        return Files {
            source: Source::Walking((*root).clone(), Box::new(walk)),
        };
    }
    let walked = walk(paths);
    Files {
        source: Source::Listed(walked.files.into_iter(), walked.problems),
    }
}

impl Files {
    /// Up to `limit` more files, with the problems met on the way to them; no files means the
    /// walk is over.
    pub fn next_chunk(&mut self, limit: usize) -> Walked {
        let mut chunk = Walked::default();
        match &mut self.source {
            Source::Listed(files, problems) => {
                chunk.problems = std::mem::take(problems);
                chunk.files.extend(files.take(limit));
            }
            Source::Walking(root, walk) => {
                while chunk.files.len() < limit {
                    let Some(entry) = walk.next() else { break };
                    take(root, entry, &mut chunk);
                }
            }
        }
        chunk
    }
}

fn walk_directory(root: &Path, walked: &mut Walked) {
    for entry in walker(root).build() {
        take(root, entry, walked);
    }
}

/// How every directory is walked (see the module docs).
fn walker(root: &Path) -> WalkBuilder {
    let mut builder = WalkBuilder::new(root);
    builder.follow_links(true).require_git(false);
    builder
}

/// Adds one entry of a walk of `root`: a supported file, or a problem.
fn take(root: &Path, entry: Result<ignore::DirEntry, ignore::Error>, walked: &mut Walked) {
    match entry {
        Ok(entry) => {
            let is_file = entry.file_type().is_some_and(|kind| kind.is_file());
            if is_file && is_supported(entry.path()) {
                walked.files.push(entry.into_path());
            }
        }
        Err(error) => {
            let path = error_path(&error).unwrap_or(root).to_path_buf();
            let message = describe(&error);
            walked.problems.push(InputProblem { path, message });
        }
    }
}

fn problem(path: &Path, error: &std::io::Error) -> InputProblem {
    let message = match error.kind() {
        std::io::ErrorKind::NotFound if path.symlink_metadata().is_ok() => {
            "broken symbolic link; fix or remove the link".to_owned()
        }
        std::io::ErrorKind::NotFound => "no such file or directory; check the path".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied; check the file's permissions".to_owned(),
        _ => format!("cannot read: {}", lowercase_first(&innermost(error))),
    };
    InputProblem {
        path: path.to_path_buf(),
        message,
    }
}

fn error_path(error: &ignore::Error) -> Option<&Path> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::Loop { child, .. } => Some(child),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error_path(err),
        ignore::Error::Partial(errors) => errors.iter().find_map(error_path),
        _ => None,
    }
}

fn describe(error: &ignore::Error) -> String {
    match error {
        ignore::Error::WithPath { path, err } => match err.io_error() {
            Some(io) => problem(path, io).message,
            None => describe(err),
        },
        ignore::Error::WithDepth { err, .. } => describe(err),
        ignore::Error::Loop { ancestor, .. } => {
            format!("symbolic link loop back to {}; skipped", ancestor.display())
        }
        other => match other.io_error() {
            Some(io) => format!("cannot read: {}", lowercase_first(&innermost(io))),
            None => lowercase_first(&other.to_string()),
        },
    }
}

/// The operating system's own words for `error`. The walker wraps its errors in an
/// `io::Error` whose message repeats the path ("IO error for operation on PATH: …"); the path
/// is printed already, so only the innermost cause is kept.
fn innermost(error: &std::io::Error) -> String {
    let mut current: &dyn std::error::Error = error;
    if let Some(inner) = error.get_ref() {
        current = inner;
    }
    while let Some(source) = current.source() {
        current = source;
    }
    current.to_string()
}

fn lowercase_first(message: &str) -> String {
    let mut characters = message.chars();
    characters
        .next()
        .map(|first| first.to_lowercase().chain(characters).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    fn relative(root: &Path, paths: &[PathBuf]) -> Vec<String> {
        paths
            .iter()
            .map(|path| {
                path.strip_prefix(root)
                    .unwrap_or(path)
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect()
    }

    #[track_caller]
    fn check(root: &Path, inputs: &[&str], expected_files: &[&str], expected_problems: &[(&str, &str)]) {
        let paths: Vec<PathBuf> = inputs
            .iter()
            .map(|input| {
                if *input == "-" {
                    PathBuf::from("-")
                } else {
                    root.join(input)
                }
            })
            .collect();
        let walked = walk(&paths);
        assert_eq!(relative(root, &walked.files), expected_files);
        let problems: Vec<(String, String)> = walked
            .problems
            .iter()
            .map(|problem| {
                (
                    relative(root, std::slice::from_ref(&problem.path)).remove(0),
                    problem.message.clone(),
                )
            })
            .collect();
        let expected: Vec<(String, String)> = expected_problems
            .iter()
            .map(|(path, message)| ((*path).to_owned(), (*message).to_owned()))
            .collect();
        assert_eq!(problems, expected);
    }

    /// One directory is walked chunk by chunk in exactly the order of a whole walk, however
    /// names sort against their directories (`b` before `b-c` before `b.txt`, capitals first).
    #[test]
    fn one_directory_streams_in_path_order() {
        let directory = tempfile::tempdir().expect("temporary directory");
        let root = directory.path().join("corpus");
        for file in [
            "b/x.txt",
            "b.txt",
            "b-c/y.md",
            "b-c.txt",
            "B/z.txt",
            "a b/q.txt",
            "ab.txt",
            "a/deep/er/w.txt",
            "a.txt",
            "sub/skip.png",
            "é/v.txt",
        ] {
            let path = root.join(file);
            fs::create_dir_all(path.parent().expect("has a parent")).expect("create directory");
            fs::write(path, "x").expect("write file");
        }
        let whole = walk(std::slice::from_ref(&root));
        for limit in [1, 2, 3, 100] {
            let mut files = files(std::slice::from_ref(&root));
            let mut streamed = Vec::new();
            loop {
                let chunk = files.next_chunk(limit);
                assert!(chunk.problems.is_empty());
                assert!(chunk.files.len() <= limit);
                if chunk.files.is_empty() {
                    break;
                }
                streamed.extend(chunk.files);
            }
            assert_eq!(streamed, whole.files, "chunks of {limit}");
        }
        assert_eq!(whole.files.len(), 10);
    }

    #[test]
    fn walks_directories_like_ripgrep() {
        let directory = tempfile::tempdir().expect("temporary directory");
        let root = directory.path();
        for file in [
            "b.txt",
            "a.md",
            "c.html",
            "d.jsonl",
            "e.json",
            "skip.png",
            "notes.rs",
            ".hidden.txt",
            "ignored.txt",
            "sub/f.htm",
            "sub/g.NDJSON",
        ] {
            let path = root.join("corpus").join(file);
            fs::create_dir_all(path.parent().expect("has a parent")).expect("create directory");
            fs::write(path, "x").expect("write file");
        }
        fs::write(root.join("corpus/.gitignore"), "ignored.txt\n").expect("write .gitignore");
        fs::write(root.join("explicit.rs"), "x").expect("write file");
        check(
            root,
            &[
                "corpus",
                "explicit.rs",
                "corpus/ignored.txt",
                "-",
                "missing.txt",
                "corpus/b.txt",
            ],
            &[
                "corpus/a.md",
                "corpus/b.txt",
                "corpus/c.html",
                "corpus/d.jsonl",
                "corpus/e.json",
                "corpus/ignored.txt",
                "corpus/sub/f.htm",
                "corpus/sub/g.NDJSON",
                "explicit.rs",
            ],
            &[("missing.txt", "no such file or directory; check the path")],
        );
    }

    #[cfg(unix)]
    #[test]
    fn broken_links_are_problems() {
        let directory = tempfile::tempdir().expect("temporary directory");
        let root = directory.path();
        fs::create_dir(root.join("corpus")).expect("create directory");
        fs::write(root.join("corpus/ok.txt"), "x").expect("write file");
        std::os::unix::fs::symlink(root.join("nowhere.txt"), root.join("corpus/broken.txt")).expect("symlink");
        std::os::unix::fs::symlink(root.join("nowhere.txt"), root.join("named.txt")).expect("symlink");
        check(
            root,
            &["corpus", "named.txt"],
            &["corpus/ok.txt"],
            &[
                ("corpus/broken.txt", "broken symbolic link; fix or remove the link"),
                ("named.txt", "broken symbolic link; fix or remove the link"),
            ],
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn symbolic_link_loops_name_the_path_once() {
        let directory = tempfile::tempdir().expect("temporary directory");
        let root = directory.path();
        fs::create_dir(root.join("corpus")).expect("create directory");
        std::os::unix::fs::symlink(root.join("corpus/loop.txt"), root.join("corpus/loop.txt")).expect("symlink");
        check(
            root,
            &["corpus"],
            &[],
            &[(
                "corpus/loop.txt",
                "cannot read: too many levels of symbolic links (os error 40)",
            )],
        );
    }
}
