//! `--stats`: per-stage times, throughput and hits per rule, printed on stderr.
//!
//! Read and render are wall times (when files are read and matched in one pass, "read" covers
//! both); segment and match are summed over worker threads (CPU time), so with N threads they
//! can exceed the wall time of the run.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

/// Time spent inside the matcher, summed over threads.
#[derive(Clone, Copy, Debug, Default)]
pub struct MatchTimes {
    /// Sentence segmentation.
    pub segment: Duration,
    /// Tokenizing, alias lookup, templates, claims.
    pub matching: Duration,
    /// Sentences segmented: blocks the prefilter rules out are never split into sentences.
    pub sentences: usize,
}

/// Figures for one run.
#[derive(Clone, Debug)]
pub struct Stats {
    articles: usize,
    bytes: u64,
    claims: usize,
    read: Duration,
    times: MatchTimes,
    compare: Option<Duration>,
    render: Duration,
    total: Duration,
    per_rule: BTreeMap<String, usize>,
}

impl Stats {
    /// Collects the figures of a run that read and matched file by file.
    pub(crate) fn from_processed(
        processed: &crate::commands::Processed,
        compare: Option<Duration>,
        render: Duration,
        total: Duration,
    ) -> Self {
        Stats {
            articles: processed.articles,
            bytes: processed.bytes,
            claims: processed.claim_count,
            read: processed.read,
            times: processed.times,
            compare,
            render,
            total,
            per_rule: processed.per_rule.clone(),
        }
    }

    /// The figures as aligned text.
    pub fn render(&self) -> String {
        let megabytes = self.bytes as f64 / 1_000_000.0;
        let rate = |duration: Duration| {
            let seconds = duration.as_secs_f64();
            if seconds > 0.0 {
                format!("{:>9.1} MB/s", megabytes / seconds)
            } else {
                String::new()
            }
        };
        let mut out = String::new();
        let _ = writeln!(
            out,
            "stats: {} articles, {:.2} MB, {} sentences segmented, {} claims",
            self.articles, megabytes, self.times.sentences, self.claims
        );
        let mut stage = |name: &str, duration: Duration| {
            let _ = writeln!(
                out,
                "  {name:<9} {:>10.3} ms {}",
                duration.as_secs_f64() * 1000.0,
                rate(duration)
            );
        };
        stage("read", self.read);
        stage("segment", self.times.segment);
        stage("match", self.times.matching);
        if let Some(compare) = self.compare {
            stage("compare", compare);
        }
        stage("render", self.render);
        stage("total", self.total);
        let _ = writeln!(out, "  hits per rule:");
        for (rule, hits) in &self.per_rule {
            let _ = writeln!(out, "    {hits:>7}  {rule}");
        }
        out
    }
}
