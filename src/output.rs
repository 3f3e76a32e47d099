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
