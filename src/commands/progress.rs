//! Progress on stderr for long runs: files read, bytes, throughput and time so far.
//!
//! Shown only when stderr is a terminal and `--quiet` is off, and only once a run has taken
//! more than [`DELAY`], so short runs and pipes (CI logs, `2> file`) never see it. The bar is
//! cleared when the run ends, leaving the terminal as the report found it. The walk hands files
//! over a chunk at a time, so the total is not known in advance: the bar counts up rather than
//! guessing an ETA.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before its progress is shown.
const DELAY: Duration = Duration::from_secs(1);

/// The progress of one read → match pass; safe to update from the worker threads.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: AtomicBool,
    files: AtomicU64,
}

impl Progress {
    /// A progress display that shows itself after [`DELAY`] when `quiet` is off and stderr is
    /// a terminal, and otherwise does nothing.
    pub(crate) fn new(quiet: bool) -> Progress {
        let bar = wanted(quiet, std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg} · {bytes} · {binary_bytes_per_sec} · {elapsed}")
                    .expect("the template is valid"),
            );
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            shown: AtomicBool::new(false),
            files: AtomicU64::new(0),
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
        }
    }
}

/// The bar goes when the pass ends, however it ends, before the report is written.
impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
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
        let progress = Progress::new(true);
        progress.file_done(10);
        assert!(progress.bar.is_none());
    }
}
