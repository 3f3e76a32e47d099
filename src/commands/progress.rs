//! Progress on stderr for long runs: files read, bytes, throughput and time so far.
//!
//! Shown only when stderr is a terminal and `--quiet` is off, and only once a run has taken
//! more than [`DELAY`], so short runs and pipes (CI logs, `2> file`) never see it. The bar is
//! cleared when the run ends, leaving the terminal as the report found it. The walk hands files
//! over a chunk at a time, so the total is not known in advance: once the bar shows, a thread
//! of its own walks the inputs again, summing file sizes, and when it is done the bar turns from
//! a counter into a bar with a percentage and an ETA. Short runs never pay for that walk.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::text::input::Inputs;

/// How long a run goes before its progress is shown.
const DELAY: Duration = Duration::from_secs(1);

/// The progress of one read → match pass; safe to update from the worker threads.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: AtomicBool,
    files: AtomicU64,
    /// The inputs, for the walk that sizes the run once the bar shows.
    inputs: Mutex<Option<Inputs>>,
    /// Set when the bar is cleared, so a late total never draws it again.
    ended: std::sync::Arc<Mutex<bool>>,
}

impl Progress {
    /// A progress display that shows itself after [`DELAY`] when `quiet` is off and stderr is
    /// a terminal, and otherwise does nothing.
    pub(crate) fn new(quiet: bool, inputs: &Inputs) -> Progress {
        let bar = wanted(quiet, std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg} · {bytes} · {binary_bytes_per_sec} · {elapsed}")
                    .expect("the template is valid"),
            );
            bar
        });
        Progress {
            started: Instant::now(),
            shown: AtomicBool::new(false),
            files: AtomicU64::new(0),
            inputs: Mutex::new(bar.as_ref().map(|_| inputs.clone())),
            ended: std::sync::Arc::new(Mutex::new(false)),
            bar,
        }
    }

    /// Counts one file of `bytes` read and matched.
    pub(crate) fn file_done(&self, bytes: u64) {
        let Some(bar) = &self.bar else { return };
        let files = self.files.fetch_add(1, Ordering::Relaxed) + 1;
        bar.inc(bytes);
        bar.set_message(format!("{files} files read"));
        if !self.shown.load(Ordering::Relaxed) && self.started.elapsed() >= DELAY {
            self.shown.store(true, Ordering::Relaxed);
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(120));
            self.size_in_background(bar);
        }
    }

    /// Walks the inputs on a thread of its own and, when it knows their size, gives the bar a
    /// length, a percentage and an ETA (unless the run has ended first).
    fn size_in_background(&self, bar: &ProgressBar) {
        let Some(inputs) = self.inputs.lock().ok().and_then(|mut inputs| inputs.take()) else {
            return;
        };
        let (bar, ended) = (bar.clone(), std::sync::Arc::clone(&self.ended));
        let spawned = std::thread::Builder::new().name("progress-size".into()).spawn(move || {
            let total = inputs.total_bytes();
            let ended = ended.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if !*ended && total > 0 {
                bar.set_length(total.max(bar.position()));
                bar.set_style(sized_style());
            }
        });
        // Without the thread the bar simply keeps counting up.
        drop(spawned);
    }
}

/// The bar once the run's size is known.
fn sized_style() -> ProgressStyle {
    ProgressStyle::with_template(
        "{spinner} {msg} · {bytes}/{total_bytes} ({percent}%) · {binary_bytes_per_sec} · {elapsed}, about {eta} left",
    )
    .expect("the template is valid")
}

/// The bar goes when the pass ends, however it ends, before the report is written.
impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            // Held while the bar is cleared, so the sizing thread cannot draw it again after.
            let mut ended = self.ended.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            *ended = true;
            bar.finish_and_clear();
        }
    }
}

/// Whether a run may show progress at all.
fn wanted(quiet: bool, stderr_is_terminal: bool) -> bool {
    !quiet && stderr_is_terminal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_only_for_a_terminal_and_never_when_quiet() {
        assert!(wanted(false, true));
        assert!(!wanted(true, true));
        assert!(!wanted(false, false));
        assert!(!wanted(true, false));
        // Off, it counts nothing and draws nothing.
        let inputs = Inputs::resolve(
            &[std::path::PathBuf::from(".")],
            crate::text::input::WalkOptions::default(),
        )
        .expect("inputs");
        let progress = Progress::new(true, &inputs);
        progress.file_done(10);
        assert!(progress.bar.is_none());
    }

    #[test]
    fn the_sizing_walk_counts_the_files_the_run_reads() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let path = directory.path();
        std::fs::write(path.join("a.txt"), "abc").expect("write");
        std::fs::create_dir(path.join("sub")).expect("mkdir");
        std::fs::write(path.join("sub/b.md"), "hello").expect("write");
        std::fs::write(path.join("image.png"), [0_u8; 100]).expect("write");
        std::fs::write(path.join(".hidden.txt"), "not walked").expect("write");
        let inputs =
            Inputs::resolve(&[path.to_path_buf()], crate::text::input::WalkOptions::default()).expect("inputs");
        assert_eq!(inputs.total_bytes(), 8, "a.txt and sub/b.md only");
    }
}
