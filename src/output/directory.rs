//! A directory written atomically: its files go into a temporary directory beside the target,
//! which is put in the target's place only once every file is written (`extract --format
//! parquet -o DIR`). Dropped without [`Directory::commit`] — an error, a panic — the temporary
//! directory is removed and the target is as it was; on SIGINT, SIGTERM or SIGHUP the signal
//! handler removes it. An existing target is replaced only if it holds nothing but files the
//! caller says an earlier run wrote, so a directory of the user's own is never written over.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use super::Registered;

/// A directory being written; see the module documentation.
pub struct Directory {
    target: PathBuf,
    temporary: tempfile::TempDir,
    _registered: Registered,
}

impl Directory {
    /// Starts writing `target`: a new directory, or one that holds only files whose names
    /// `replaceable` accepts (an earlier run's), which [`Directory::commit`] replaces whole.
    /// Errors name `target`.
    pub fn create(target: &Path, replaceable: fn(&str) -> bool) -> Result<Directory, String> {
        let shown = target.display();
        if let Ok(metadata) = std::fs::symlink_metadata(target) {
            if !metadata.is_dir() {
                return Err(format!("{shown}: exists and is not a directory"));
            }
            let entries = std::fs::read_dir(target).map_err(|error| format!("{shown}: cannot read: {error}"))?;
            for entry in entries {
                let entry = entry.map_err(|error| format!("{shown}: cannot read: {error}"))?;
                if !entry.file_name().to_str().is_some_and(replaceable) {
                    return Err(format!(
                        "{shown}: holds {}, which this run would not have written; name a new directory, or one an earlier run wrote",
                        entry.path().display()
                    ));
                }
            }
        }
        let parent = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let temporary = tempfile::Builder::new()
            .prefix(".crosscheck-")
            .tempdir_in(parent)
            .map_err(|error| format!("{shown}: cannot create a directory beside it: {error}"))?;
        let registered = Registered::new(temporary.path());
        Ok(Directory {
            target: target.to_owned(),
            temporary,
            _registered: registered,
        })
    }

    /// Creates the file `name` in the directory being written.
    pub fn create_file(&self, name: &str) -> io::Result<File> {
        File::create(self.temporary.path().join(name))
    }

    /// Puts the directory in place of the target (an earlier one is removed).
    pub fn commit(self) -> Result<(), String> {
        let shown = self.target.display();
        let failed = |error: io::Error| format!("{shown}: cannot put the new directory in place: {error}");
        // The mode a new directory gets from the umask, not the temporary one's 0700.
        let mode = tempfile::Builder::new()
            .prefix(".crosscheck-")
            .tempdir_in(self.temporary.path())
            .and_then(|probe| std::fs::metadata(probe.path()))
            .map(|metadata| metadata.permissions());
        let written = self.temporary.keep();
        if let Ok(mode) = mode {
            let _ = std::fs::set_permissions(&written, mode);
        }
        let previous = if self.target.exists() {
            let aside = written.with_extension("old");
            if let Err(error) = std::fs::rename(&self.target, &aside) {
                let _ = std::fs::remove_dir_all(&written);
                return Err(failed(error));
            }
            Some(aside)
        } else {
            None
        };
        if let Err(error) = std::fs::rename(&written, &self.target) {
            if let Some(aside) = &previous {
                let _ = std::fs::rename(aside, &self.target);
            }
            let _ = std::fs::remove_dir_all(&written);
            return Err(failed(error));
        }
        if let Some(aside) = previous {
            let _ = std::fs::remove_dir_all(aside);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(directory: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(directory)
            .expect("read the directory")
            .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_directory_replaces_its_target_only_when_committed() {
        let base = tempfile::tempdir().expect("a temporary directory");
        let target = base.path().join("out");
        std::fs::create_dir(&target).expect("the target");
        std::fs::write(target.join("a.part"), "old").expect("an earlier file");
        let part = |name: &str| {
            std::path::Path::new(name)
                .extension()
                .is_some_and(|extension| extension == "part")
        };
        {
            let directory = Directory::create(&target, part).expect("started");
            std::fs::write(directory.temporary.path().join("b.part"), "new").expect("a file");
        }
        assert_eq!(names(&target), ["a.part"], "dropped: the target is as it was");
        assert_eq!(names(base.path()), ["out"], "and nothing is left beside it");
        let directory = Directory::create(&target, part).expect("started");
        std::io::Write::write_all(&mut directory.create_file("b.part").expect("a file"), b"new").expect("written");
        directory.commit().expect("committed");
        assert_eq!(names(&target), ["b.part"]);
        assert_eq!(names(base.path()), ["out"]);
        std::fs::write(target.join("mine.txt"), "mine").expect("a file of the user's");
        let error = Directory::create(&target, part).err().expect("not written over");
        assert!(error.contains("mine.txt"), "{error}");
    }
}
