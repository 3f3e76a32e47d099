//! Output destinations: stdout, or a file written atomically (temporary file in the same
//! directory, then rename), so a failed or interrupted run never leaves a half-written report
//! in place of an earlier one.
//!
//! Key decisions: the file that is replaced is the one the user would edit — a symbolic link is
//! followed and its target replaced, the link kept; an existing file keeps its permissions, a
//! new one gets those the umask gives (not the temporary file's 0600). Every temporary file is
//! listed in a registry while it exists, and a SIGINT, SIGTERM or SIGHUP handler (installed with
//! the first one) removes the listed files before the process exits, so Ctrl-C leaves no
//! `.crosscheck-*` file behind. Errors name the path the user gave, never the temporary file.
//! A device or FIFO (`-o /dev/null`) is written in place: renaming over it would replace it.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

mod directory;
pub use directory::Directory;

/// Exit status after a signal ended the run (128 + SIGINT, as shells report Ctrl-C).
const INTERRUPTED: i32 = 130;

/// Temporary files that exist now, removed by the signal handler.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Runs `write` against the destination: stdout when `path` is `None`, else a temporary file
/// that replaces `path` only once `write` has succeeded. Errors other than `write`'s own name
/// `path`.
pub fn write_to(path: Option<&Path>, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    match path {
        None => {
            let stdout = io::stdout();
            let mut lock = io::BufWriter::new(stdout.lock());
            match write(&mut lock).and_then(|()| lock.flush()) {
                Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            }
        }
        Some(path) => write_file(path, write),
    }
}

fn write_file(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    if let Ok(metadata) = std::fs::metadata(path)
        && !metadata.is_file()
        && !metadata.is_dir()
    {
        return write_special(path, write);
    }
    let target = resolve_links(path);
    let directory = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let named = |error: io::Error, doing: &str| {
        if error.kind() == io::ErrorKind::NotFound && !directory.is_dir() {
            let message = format!(
                "{}: the directory {} does not exist; create it first or write elsewhere",
                path.display(),
                directory.display()
            );
            return io::Error::new(error.kind(), message);
        }
        io::Error::new(
            error.kind(),
            format!("{}: cannot {doing}: {}", path.display(), innermost(&error)),
        )
    };
    let existing = std::fs::metadata(&target).ok().filter(std::fs::Metadata::is_file);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".crosscheck-");
    #[cfg(unix)]
    {
        // 0666, which the kernel reduces by the umask, as for any file a program creates.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let temporary = builder
        .tempfile_in(directory)
        .map_err(|error| named(error, "create a file beside it"))?;
    let registered = Registered::new(temporary.path());
    let mut temporary = temporary;
    if let Some(existing) = &existing {
        // The temporary file was created 0666 less the umask; an existing file keeps its mode.
        std::fs::set_permissions(temporary.path(), existing.permissions())
            .map_err(|error| named(error, "keep its permissions"))?;
    }
    {
        let mut buffered = io::BufWriter::new(temporary.as_file_mut());
        write(&mut buffered)?;
        buffered.flush().map_err(|error| named(error, "write it"))?;
    }
    temporary
        .as_file()
        .sync_all()
        .map_err(|error| named(error, "write it"))?;
    temporary
        .persist(&target)
        .map_err(|error| named(error.error, "replace it"))?;
    drop(registered);
    Ok(())
}

/// Writes straight into a device or a FIFO (`-o /dev/null`, `-o /dev/stdout`, a named pipe):
/// there is nothing to replace atomically, and renaming a temporary file over it would put a
/// regular file in place of the device.
fn write_special(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let named =
        |error: io::Error| io::Error::new(error.kind(), format!("{}: cannot write it: {error}", path.display()));
    let file = std::fs::OpenOptions::new().write(true).open(path).map_err(named)?;
    let mut buffered = io::BufWriter::new(file);
    write(&mut buffered)?;
    buffered.flush().map_err(named)
}

/// The file `path` leads to: a symbolic link is followed (a relative target is relative to the
/// link's directory), even to a file that does not exist yet; anything else is `path` itself.
fn resolve_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // As many hops as the kernel allows before ELOOP.
    for _ in 0..40 {
        let Ok(target) = std::fs::read_link(&current) else {
            return current;
        };
        current = match current.parent() {
            Some(parent) => parent.join(target),
            None => target,
        };
    }
    current
}

/// The operating system's own words for `error`, without the temporary file's path that
/// `tempfile` adds to them.
fn innermost(error: &io::Error) -> String {
    let mut current: &dyn std::error::Error = error;
    if let Some(inner) = error.get_ref() {
        current = inner;
    }
    while let Some(source) = current.source() {
        current = source;
    }
    current.to_string()
}

/// A temporary file's place in [`TEMPORARIES`] for as long as the value lives.
struct Registered(PathBuf);

impl Registered {
    fn new(path: &Path) -> Self {
        static HANDLER: Once = Once::new();
        HANDLER.call_once(|| {
            // If a handler cannot be installed (another one is), temporary files are still
            // removed on every other path out; only a signal could leave one.
            let _ = ctrlc::set_handler(remove_temporaries_and_exit);
        });
        let path = path.to_path_buf();
        temporaries().push(path.clone());
        Registered(path)
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        temporaries().retain(|path| path != &self.0);
    }
}

fn temporaries() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the list was held leaves it as it was: still a list of paths.
    TEMPORARIES.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The signal handler: remove every temporary file, then end the process.
fn remove_temporaries_and_exit() {
    for path in temporaries().iter() {
        // A directory of shards being written (`Directory`), else a file.
        let _ = if path.is_dir() {
            std::fs::remove_dir_all(path)
        } else {
            std::fs::remove_file(path)
        };
    }
    std::process::exit(INTERRUPTED);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entries of `directory`, by name, sorted.
    fn entries(directory: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(directory)
            .expect("read the directory")
            .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_write_that_fails_half_way_leaves_the_earlier_file_alone() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let path = directory.path().join("report.json");
        std::fs::write(&path, "the earlier report\n").expect("write the earlier report");

        let result = write_to(Some(&path), |out| {
            out.write_all(b"half of a new rep")?;
            out.flush()?;
            Err(io::Error::other("the disk is full"))
        });

        let error = result.expect_err("the writer's error is returned");
        assert_eq!(error.to_string(), "the disk is full");
        assert_eq!(
            std::fs::read_to_string(&path).expect("the earlier report is still there"),
            "the earlier report\n"
        );
        assert_eq!(entries(directory.path()), ["report.json"], "no temporary file is left");
    }

    #[test]
    fn a_write_that_succeeds_replaces_the_file() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let path = directory.path().join("report.json");
        std::fs::write(&path, "the earlier report\n").expect("write the earlier report");

        write_to(Some(&path), |out| out.write_all(b"the new report\n")).expect("the write succeeds");

        assert_eq!(
            std::fs::read_to_string(&path).expect("the new report"),
            "the new report\n"
        );
        assert_eq!(entries(directory.path()), ["report.json"], "no temporary file is left");
    }
}
