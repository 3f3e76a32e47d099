//! Input walking: the paths a user names → the files to load, in a deterministic order, each
//! with the one name it has in ids and reports.
//!
//! Key decisions:
//! - **Named paths are checked first.** [`Inputs::resolve`] stats (and opens) every path named on
//!   the command line before anything is read, so a typo fails the run before it writes any
//!   output; a character device, block device, FIFO or socket is refused (a read from it may
//!   never end): standard input (`-`) is how to read one.
//! - **One root.** Every file's name in ids and reports is its path relative to one root:
//!   `--root` when given, else the top of the git work tree that holds the inputs, else their
//!   common base (the deepest directory holding every named path; a named directory keeps its
//!   own name). Named paths are made absolute with their parent directory's symbolic links
//!   resolved (the name itself is kept), so `x`, `./x`, `$PWD/x` and `../here/x` from another
//!   directory give the same names, and so the same ids. A git work tree is preferred because
//!   its names do not change when more inputs are named, and are the ones code-scanning tools
//!   expect.
//! - **Each file once.** A file reached twice (two spellings, a symbolic link, a hard link) is
//!   read once, under the name that sorts first: files are told apart by device and inode.
//! - **Walks as ripgrep does them**, with the `ignore` crate: hidden files and directories
//!   skipped, `.gitignore`, `.ignore` and git excludes respected (also outside a git repository,
//!   so a corpus directory behaves the same wherever it lives), symbolic links not followed,
//!   each of which [`WalkOptions`] can turn off (`--hidden`, `--no-ignore`, `--follow`), with
//!   `--glob`/`--exclude` overrides; only files with a supported extension
//!   ([`Format::EXTENSIONS`]) are taken. The rules directory is left out of walks (its `cases/`
//!   are test articles), and so is the run's own output file. A file named explicitly is always
//!   taken.
//! - One bad entry never stops the walk: it becomes an [`InputProblem`] and the walk goes on.
//!   Unreadable *files* found by a walk are reported when they are loaded
//!   ([`super::LoadError::Read`]); unreadable *directories* are problems here.

use std::collections::HashSet;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use ignore::WalkBuilder;
use ignore::overrides::{Override, OverrideBuilder};

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

/// One file to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    /// Where to open it (as named, or as the walk reached it).
    pub path: PathBuf,
    /// Its name in ids, reports and messages: relative to the root, `/`-separated.
    pub display: String,
    /// Whether it was named on the command line (not found by a walk).
    pub named: bool,
}

/// The result of a whole walk ([`walk`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Walked {
    /// Files to load, sorted by name, each file once.
    pub files: Vec<PathBuf>,
    /// Paths that could not be walked, sorted by path.
    pub problems: Vec<InputProblem>,
}

/// Some of the files of a run, with their names ([`Files::next_chunk`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chunk {
    /// Files to load, in name order, each file once.
    pub files: Vec<InputFile>,
    /// Paths that could not be walked, sorted by path.
    pub problems: Vec<InputProblem>,
}

/// How directories are walked: the walk controls of the command line.
#[derive(Clone, Debug, Default)]
pub struct WalkOptions {
    /// Walk hidden files and directories too (`--hidden`).
    pub hidden: bool,
    /// Do not read `.gitignore`, `.ignore` or git excludes (`--no-ignore`).
    pub no_ignore: bool,
    /// Follow symbolic links (`--follow`); a broken one is then a problem.
    pub follow: bool,
    /// ripgrep's `--glob`: only files matching one of these (gitignore syntax, relative to the
    /// current directory) are taken; `!GLOB` leaves matches out.
    pub globs: Vec<String>,
    /// Paths matching these globs are left out (`--exclude`, the same as `--glob '!GLOB'`).
    pub exclude: Vec<String>,
    /// Directories and files that walks leave out (the rules directory, the output file).
    pub leave_out: Vec<PathBuf>,
    /// The root names are relative to (`--root`); see the module docs for the default.
    pub root: Option<PathBuf>,
}

/// Whether `path` has an extension of a supported format.
pub fn is_supported(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .and_then(Format::from_extension)
        .is_some()
}

/// What tells two names of one file apart from two files.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum FileId {
    /// Device and inode.
    #[cfg(unix)]
    Inode(u64, u64),
    /// The canonical path, where there are no inodes.
    #[cfg(not(unix))]
    Path(PathBuf),
}

#[cfg(unix)]
fn file_id(metadata: &fs::Metadata, _path: &Path) -> FileId {
    use std::os::unix::fs::MetadataExt;
    FileId::Inode(metadata.dev(), metadata.ino())
}

#[cfg(not(unix))]
fn file_id(_metadata: &fs::Metadata, path: &Path) -> FileId {
    FileId::Path(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// A path named on the command line, checked.
#[derive(Clone, Debug)]
struct Named {
    /// As named.
    path: PathBuf,
    /// Its name relative to the root (empty for the root itself).
    display: String,
    /// Its identity; `None` for a directory.
    id: Option<FileId>,
}

/// The inputs of a run: the named paths checked, the root chosen, the walk set up.
#[derive(Clone)]
pub struct Inputs {
    named: Vec<Named>,
    root: PathBuf,
    stdin: bool,
    walk: Arc<Walker>,
}

/// Everything a walk needs, shared by the walks of one run.
struct Walker {
    options: WalkOptions,
    overrides: Option<Override>,
    /// Directories left out of walks.
    left_out_directories: HashSet<FileId>,
    /// Files left out of walks.
    left_out_files: HashSet<FileId>,
}

impl Inputs {
    /// Checks the named `paths` and sets up their walk. `Err` holds a problem for every named
    /// path that cannot be read (nothing has been read then); a bad `--glob` or `--root` is an
    /// `Err` too.
    pub fn resolve(paths: &[PathBuf], options: WalkOptions) -> Result<Inputs, Vec<InputProblem>> {
        let (inputs, problems) = Inputs::resolve_all(paths, options);
        if problems.is_empty() { Ok(inputs) } else { Err(problems) }
    }

    /// [`Inputs::resolve`] that keeps going: the inputs of the paths that can be read, and the
    /// problems of the others (sorted by path).
    fn resolve_all(paths: &[PathBuf], options: WalkOptions) -> (Inputs, Vec<InputProblem>) {
        let mut problems = Vec::new();
        let mut checked = Vec::new();
        for path in paths.iter().filter(|path| path.as_os_str() != "-") {
            match check_named(path) {
                Ok(check) => checked.push(check),
                Err(problem) => problems.push(problem),
            }
        }
        let overrides = overrides(&options).unwrap_or_else(|problem| {
            problems.push(problem);
            None
        });
        let root = root(&checked, options.root.as_deref()).unwrap_or_else(|problem| {
            problems.push(problem);
            PathBuf::new()
        });
        let mut named = Vec::new();
        for check in checked {
            match check.anchor.strip_prefix(&root) {
                Ok(relative) => named.push(Named {
                    display: slashed(relative),
                    path: check.path,
                    id: check.id,
                }),
                Err(_) => problems.push(InputProblem {
                    message: format!(
                        "outside the root {}; name a --root that holds every input",
                        root.display()
                    ),
                    path: check.path,
                }),
            }
        }
        problems.sort_by(|left, right| left.path.cmp(&right.path));
        problems.dedup();
        let identities = |kind: fn(&fs::Metadata) -> bool| -> HashSet<FileId> {
            options
                .leave_out
                .iter()
                .filter_map(|path| {
                    let metadata = fs::metadata(path).ok()?;
                    kind(&metadata).then(|| file_id(&metadata, path))
                })
                .collect()
        };
        let walker = Walker {
            left_out_directories: identities(fs::Metadata::is_dir),
            left_out_files: identities(fs::Metadata::is_file),
            overrides,
            options,
        };
        let inputs = Inputs {
            named,
            root,
            stdin: paths.iter().any(|path| path.as_os_str() == "-"),
            walk: Arc::new(walker),
        };
        (inputs, problems)
    }

    /// The directory every name is relative to.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether `-` (standard input) was named.
    pub fn reads_stdin(&self) -> bool {
        self.stdin
    }

    /// The files, a chunk at a time (see [`Files`]).
    pub fn files(self) -> Files {
        let source = match self.named.as_slice() {
            [named] if named.id.is_none() => Source::Walking {
                walk: Box::new(self.walk.builder(&named.path).sort_by_file_path(Ord::cmp).build()),
                named: named.clone(),
                walker: Arc::clone(&self.walk),
            },
            _ => {
                let walked = self.walk_whole();
                Source::Listed(walked.files.into_iter(), walked.problems)
            }
        };
        Files {
            source,
            seen: HashSet::new(),
        }
    }

    /// The bytes of every file the walk will hand out, by a walk of its own: what progress
    /// needs for an ETA, since the run's walk goes only a chunk ahead of reading.
    pub fn total_bytes(&self) -> u64 {
        self.walk_whole()
            .files
            .iter()
            .filter_map(|file| fs::metadata(&file.path).ok())
            .map(|metadata| metadata.len())
            .sum()
    }

    /// Every file of every named path, sorted by name, each file once.
    fn walk_whole(&self) -> Chunk {
        let mut found: Vec<(InputFile, FileId)> = Vec::new();
        let mut problems = Vec::new();
        for named in &self.named {
            match &named.id {
                Some(id) => found.push((
                    InputFile {
                        path: named.path.clone(),
                        display: named.display.clone(),
                        named: true,
                    },
                    id.clone(),
                )),
                None => {
                    for entry in self.walk.builder(&named.path).build() {
                        self.walk.take(named, entry, &mut found, &mut problems);
                    }
                }
            }
        }
        // Path order (by component), as a walk of one directory gives it.
        found.sort_by(|left, right| Path::new(&left.0.display).cmp(Path::new(&right.0.display)));
        let mut seen = HashSet::new();
        let files = found
            .into_iter()
            .filter(|(_, id)| seen.insert(id.clone()))
            .map(|(file, _)| file)
            .collect();
        problems.sort_by(|left: &InputProblem, right| left.path.cmp(&right.path));
        problems.dedup();
        Chunk { files, problems }
    }
}

/// Walks `paths` whole with the default [`WalkOptions`] (see [`walk_with`]).
pub fn walk(paths: &[PathBuf]) -> Walked {
    walk_with(paths, &WalkOptions::default())
}

/// Walks `paths` whole: the problems of named paths are listed with those of the walk, which
/// goes on with the other paths.
pub fn walk_with(paths: &[PathBuf], options: &WalkOptions) -> Walked {
    let (inputs, mut problems) = Inputs::resolve_all(paths, options.clone());
    let walked = inputs.walk_whole();
    problems.extend(walked.problems);
    problems.sort_by(|left, right| left.path.cmp(&right.path));
    Walked {
        files: walked.files.into_iter().map(|file| file.path).collect(),
        problems,
    }
}

/// The files of a run's inputs in the order of a whole walk, a chunk at a time, so that reading
/// can start before the walk ends.
///
/// A single directory is walked as files are asked for, depth first with each directory's
/// entries sorted by path, which is name order. Anything else (several paths, a file) is walked
/// whole first.
pub struct Files {
    source: Source,
    /// Files handed out so far, for a walk that goes as files are asked for.
    seen: HashSet<FileId>,
}

enum Source {
    Listed(std::vec::IntoIter<InputFile>, Vec<InputProblem>),
    Walking {
        named: Named,
        walk: Box<ignore::Walk>,
        walker: Arc<Walker>,
    },
}

impl Files {
    /// Up to `limit` more files, with the problems met on the way to them; no files means the
    /// walk is over.
    pub fn next_chunk(&mut self, limit: usize) -> Chunk {
        let mut chunk = Chunk::default();
        match &mut self.source {
            Source::Listed(files, problems) => {
                chunk.problems = std::mem::take(problems);
                chunk.files.extend(files.take(limit));
            }
            Source::Walking { named, walk, walker } => {
                let mut found = Vec::new();
                while found.len() < limit {
                    let Some(entry) = walk.next() else { break };
                    let before = found.len();
                    walker.take(named, entry, &mut found, &mut chunk.problems);
                    // A file reached again (through a link, or a hard link) keeps its first name.
                    if found.len() > before && !self.seen.insert(found[before].1.clone()) {
                        found.pop();
                    }
                }
                chunk.files = found.into_iter().map(|(file, _)| file).collect();
            }
        }
        chunk
    }
}

impl Walker {
    /// How every directory is walked (see the module docs).
    fn builder(&self, directory: &Path) -> WalkBuilder {
        let options = &self.options;
        let mut builder = WalkBuilder::new(directory);
        builder
            .follow_links(options.follow)
            .require_git(false)
            .hidden(!options.hidden);
        if options.no_ignore {
            builder
                .ignore(false)
                .git_ignore(false)
                .git_global(false)
                .git_exclude(false)
                .parents(false);
        }
        if let Some(overrides) = &self.overrides {
            builder.overrides(overrides.clone());
        }
        if !self.left_out_directories.is_empty() {
            let left_out = self.left_out_directories.clone();
            builder.filter_entry(move |entry| {
                entry.depth() == 0
                    || !entry.file_type().is_some_and(|kind| kind.is_dir())
                    || entry
                        .metadata()
                        .is_ok_and(|metadata| !left_out.contains(&file_id(&metadata, entry.path())))
            });
        }
        builder
    }

    /// Adds one entry of the walk of `named`: a supported file (with its identity), or a
    /// problem.
    fn take(
        &self,
        named: &Named,
        entry: Result<ignore::DirEntry, ignore::Error>,
        found: &mut Vec<(InputFile, FileId)>,
        problems: &mut Vec<InputProblem>,
    ) {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|kind| kind.is_file());
                if !is_file || !is_supported(entry.path()) {
                    return;
                }
                let id = match entry.metadata() {
                    Ok(metadata) => file_id(&metadata, entry.path()),
                    Err(error) => {
                        problems.push(InputProblem {
                            path: entry.path().to_path_buf(),
                            message: describe(&error),
                        });
                        return;
                    }
                };
                if self.left_out_files.contains(&id) {
                    return;
                }
                let display = match entry.path().strip_prefix(&named.path) {
                    Ok(inside) if named.display.is_empty() => slashed(inside),
                    Ok(inside) => format!("{}/{}", named.display, slashed(inside)),
                    Err(_) => slashed(entry.path()),
                };
                let file = InputFile {
                    path: entry.into_path(),
                    display,
                    named: false,
                };
                found.push((file, id));
            }
            Err(error) => {
                let path = error_path(&error).unwrap_or(&named.path).to_path_buf();
                let message = describe(&error);
                problems.push(InputProblem { path, message });
            }
        }
    }
}

/// A named path that can be read.
struct Checked {
    /// As named.
    path: PathBuf,
    /// Absolute, its parent's links resolved, its own name kept ([`anchor`]).
    anchor: PathBuf,
    /// A file's identity; `None` for a directory.
    id: Option<FileId>,
}

/// Checks one named path: it exists, can be opened, and is a file or a directory.
fn check_named(path: &Path) -> Result<Checked, InputProblem> {
    let at = |message: String| InputProblem {
        path: path.to_path_buf(),
        message,
    };
    let metadata = fs::metadata(path).map_err(|error| problem(path, &error))?;
    let id = if metadata.is_dir() {
        fs::read_dir(path).map_err(|error| problem(path, &error))?;
        None
    } else if metadata.is_file() {
        fs::File::open(path).map_err(|error| problem(path, &error))?;
        Some(file_id(&metadata, path))
    } else {
        let kind = special_kind(&metadata);
        return Err(at(format!(
            "{kind}, not a file: reading it may never end; to read it anyway, pipe it to standard input: `… - < {}`",
            path.display()
        )));
    };
    let anchor = anchor(path).map_err(|error| problem(path, &error))?;
    Ok(Checked {
        path: path.to_path_buf(),
        anchor,
        id,
    })
}

/// What a path that is neither a file nor a directory is, for messages.
#[cfg_attr(not(unix), allow(unused_variables))]
fn special_kind(metadata: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

/// `path` made absolute, with the symbolic links of its parent directories resolved but its own
/// name kept (so a link named on the command line keeps its name, as a file does).
fn anchor(path: &Path) -> std::io::Result<PathBuf> {
    match path.file_name() {
        Some(name) => {
            let parent = path
                .parent()
                .filter(|parent| !parent.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            Ok(fs::canonicalize(parent)?.join(name))
        }
        None => fs::canonicalize(path),
    }
}

/// The root of the names (see the module docs).
fn root(checked: &[Checked], explicit: Option<&Path>) -> Result<PathBuf, InputProblem> {
    if let Some(explicit) = explicit {
        return fs::canonicalize(explicit)
            .ok()
            .filter(|root| root.is_dir())
            .ok_or_else(|| InputProblem {
                path: explicit.to_path_buf(),
                message: "--root must name an existing directory".to_owned(),
            });
    }
    let mut base: Option<PathBuf> = None;
    for Checked { anchor, .. } in checked {
        let parent = anchor.parent().unwrap_or(anchor).to_path_buf();
        base = Some(match base {
            None => parent,
            Some(base) => base
                .components()
                .zip(parent.components())
                .take_while(|(left, right)| left == right)
                .map(|(left, _)| left)
                .collect(),
        });
    }
    let Some(base) = base else {
        return Ok(std::env::current_dir().unwrap_or_default());
    };
    Ok(base
        .ancestors()
        .find(|directory| directory.join(".git").exists())
        .unwrap_or(&base)
        .to_path_buf())
}

/// `path`'s normal components joined with `/` (`.` left out).
fn slashed(path: &Path) -> String {
    let mut text = String::new();
    for component in path.components() {
        let part = match component {
            Component::Normal(part) => part.to_string_lossy(),
            Component::ParentDir => "..".into(),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => continue,
        };
        if !text.is_empty() {
            text.push('/');
        }
        text.push_str(&part);
    }
    if path.is_absolute() {
        text.insert(0, '/');
    }
    text
}

/// The `--glob` and `--exclude` overrides, relative to the current directory (as ripgrep's).
fn overrides(options: &WalkOptions) -> Result<Option<Override>, InputProblem> {
    if options.globs.is_empty() && options.exclude.is_empty() {
        return Ok(None);
    }
    let directory = std::env::current_dir().unwrap_or_default();
    let mut builder = OverrideBuilder::new(&directory);
    let excluded = options
        .exclude
        .iter()
        .map(|glob| (format!("!{glob}"), "--exclude", glob));
    let globs = options.globs.iter().map(|glob| (glob.clone(), "--glob", glob));
    for (pattern, flag, glob) in globs.chain(excluded) {
        builder.add(&pattern).map_err(|error| InputProblem {
            path: PathBuf::from(flag),
            message: format!("invalid glob `{glob}`: {}", lowercase_first(&error.to_string())),
        })?;
    }
    builder.build().map(Some).map_err(|error| InputProblem {
        path: PathBuf::from("--glob"),
        message: lowercase_first(&error.to_string()),
    })
}

/// Whether the first block of a file a walk found shows it is one of crosscheck's own saved
/// outputs, which the walk leaves out (reading one would find every claim it quotes again):
/// a JSON report or claim list (`{"version": N, "tool": "crosscheck"` or `{"version": N,
/// "articles"`), JSON Lines of claims (`{"id":"…","rule":`), a Markdown report (first line
/// `# crosscheck report`), a text report (a finding header such as `error[quantity]: ` then
/// `= key: `), a text claim list (`PATH:LINE:COLUMN  RULE  …` then `  | `), an HTML report
/// (`<meta name="generator" content="crosscheck">` in its head) or a SARIF log whose tool is
/// crosscheck (`"driver": {"name": "crosscheck"` near its start).
pub fn is_saved_report(first: &[u8], format: Format) -> bool {
    let first = &first[..first.len().min(4096)];
    if !could_be_saved_report(first.strip_prefix(b"\xef\xbb\xbf").unwrap_or(first), format) {
        return false;
    }
    let text = String::from_utf8_lossy(first);
    let text = text.trim_start_matches('\u{feff}');
    match format {
        Format::Json => {
            let compact: String = text
                .chars()
                .filter(|character| !character.is_whitespace())
                .take(64)
                .collect();
            let sarif = || {
                let start: String = text
                    .chars()
                    .filter(|character| !character.is_whitespace())
                    .take(400)
                    .collect();
                start.starts_with("{\"$schema\":")
                    && start.contains("sarif")
                    && start.contains("\"driver\":{\"name\":\"crosscheck\"")
            };
            let Some(rest) = compact.strip_prefix("{\"version\":") else {
                return sarif();
            };
            let rest = rest.trim_start_matches(|character: char| character.is_ascii_digit());
            rest.starts_with(",\"tool\":\"crosscheck\"") || rest.starts_with(",\"articles\":[")
        }
        Format::JsonLines => text
            .strip_prefix("{\"id\":\"")
            .and_then(|rest| rest.get(16..))
            .is_some_and(|rest| rest.starts_with("\",\"rule\":\"")),
        Format::Markdown => text.lines().next() == Some("# crosscheck report"),
        Format::Text => {
            let mut lines = text.lines();
            let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
                return false;
            };
            let finding = ["error[", "warning[", "info["]
                .iter()
                .any(|severity| first.starts_with(severity) && first.contains("]: "))
                || ["overlap: ", "change: ", "shared wording: "]
                    .iter()
                    .any(|kind| first.starts_with(kind));
            let claim = second.starts_with("  | ")
                && first.split("  ").count() >= 5
                && first
                    .split("  ")
                    .next()
                    .and_then(|location| location.rsplit(':').nth(1))
                    .is_some_and(|line| !line.is_empty() && line.bytes().all(|byte| byte.is_ascii_digit()));
            // The gutter before `= key:` and `-->` is as wide as the largest line number.
            let second_trimmed = second.trim_start();
            (finding && (second_trimmed.starts_with("= key: ") || second_trimmed.starts_with("--> "))) || claim
        }
        Format::Html => {
            let head = text.get(..text.find("</head>").unwrap_or(text.len())).unwrap_or(text);
            head.contains("<meta name=\"generator\" content=\"crosscheck\">")
        }
    }
}

/// A check on the bytes that rules out almost every article before [`is_saved_report`] decodes
/// and reads them: it is run on every file a walk finds.
fn could_be_saved_report(first: &[u8], format: Format) -> bool {
    match format {
        Format::Json | Format::JsonLines => first.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'{'),
        Format::Markdown => first.starts_with(b"# crosscheck report"),
        Format::Text => {
            let line = first.split(|&byte| byte == b'\n').next().unwrap_or_default();
            // A finding header, or a claim line (`PATH:LINE:COLUMN  RULE  …`, two-space gaps).
            [
                &b"error["[..],
                b"warning[",
                b"info[",
                b"overlap: ",
                b"change: ",
                b"shared wording: ",
            ]
            .iter()
            .any(|start| line.starts_with(start))
                || memchr::memmem::find(line, b"  ").is_some()
        }
        Format::Html => memchr::memmem::find(first, b"content=\"crosscheck\"").is_some(),
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
        check_with(&WalkOptions::default(), root, inputs, expected_files, expected_problems);
    }

    #[track_caller]
    fn check_with(
        options: &WalkOptions,
        root: &Path,
        inputs: &[&str],
        expected_files: &[&str],
        expected_problems: &[(&str, &str)],
    ) {
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
        let walked = walk_with(&paths, options);
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
        let whole = Inputs::resolve(std::slice::from_ref(&root), WalkOptions::default())
            .expect("the corpus resolves")
            .walk_whole();
        for limit in [1, 2, 3, 100] {
            let mut files = Inputs::resolve(std::slice::from_ref(&root), WalkOptions::default())
                .expect("the corpus resolves")
                .files();
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
            assert!(streamed.iter().all(|file| file.display.starts_with("corpus/")));
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
        let follow = WalkOptions {
            follow: true,
            ..WalkOptions::default()
        };
        check(
            root,
            &["corpus", "named.txt"],
            &["corpus/ok.txt"],
            &[("named.txt", "broken symbolic link; fix or remove the link")],
        );
        check_with(
            &follow,
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
        let follow = WalkOptions {
            follow: true,
            ..WalkOptions::default()
        };
        check_with(
            &follow,
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
