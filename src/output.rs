//! Output destinations: stdout, or a file written atomically (temporary file in the same
//! directory, then rename), so a failed or interrupted run never leaves a half-written report
//! in place of an earlier one.

use std::io::{self, Write};
use std::path::Path;

/// Runs `write` against the destination: stdout when `path` is `None`, else a temporary file
/// that replaces `path` only once `write` has succeeded.
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
        Some(path) => {
            let directory = match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            let mut temporary = tempfile::Builder::new().prefix(".crosscheck-").tempfile_in(directory)?;
            {
                let mut buffered = io::BufWriter::new(temporary.as_file_mut());
                write(&mut buffered)?;
                buffered.flush()?;
            }
            temporary.as_file().sync_all()?;
            temporary.persist(path).map_err(|error| error.error)?;
            Ok(())
        }
    }
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
