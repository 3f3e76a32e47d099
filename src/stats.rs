//! `--stats`: per-stage times, throughput and hits per rule, printed on stderr.
//!
//! Read and render are wall times (when files are read and matched in one pass, "read" covers
//! both); segment and match are summed over worker threads (CPU time), so with N threads they
//! can exceed the wall time of the run. So is render for `extract --format jsonl`, whose files
//! are written out on the threads that matched them (inside "read").

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use crate::claim::Claim;
use crate::matcher::MatchTimes;

/// What the read → match pass counts as it hands each file's claims on.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// Articles read.
    pub articles: usize,
    /// Bytes read.
    pub bytes: u64,
    /// Claims found.
    pub claims: usize,
    /// Claims found per rule id.
    pub per_rule: BTreeMap<String, usize>,
    /// Wall time of reading, matching included (files are read and matched in one pass).
    pub read: Duration,
    /// Matcher stage times, summed over threads.
    pub times: MatchTimes,
}

impl Tally {
    /// Counts one file: its bytes, its `articles`, its `claims` and the matcher's `times`.
    pub fn add_file(&mut self, bytes: u64, articles: usize, claims: &[Claim], times: MatchTimes) {
        self.bytes += bytes;
        self.articles += articles;
        self.claims += claims.len();
        for claim in claims {
            match self.per_rule.get_mut(claim.rule.as_str()) {
                Some(count) => *count += 1,
                None => {
                    self.per_rule.insert(claim.rule.to_string(), 1);
                }
            }
        }
        self.times.segment += times.segment;
        self.times.matching += times.matching;
        self.times.sentences += times.sentences;
    }

    /// Adds what `other` counted (files counted on the threads that matched them).
    pub fn merge(&mut self, other: Tally) {
        self.bytes += other.bytes;
        self.articles += other.articles;
        self.claims += other.claims;
        for (rule, count) in other.per_rule {
            *self.per_rule.entry(rule).or_insert(0) += count;
        }
        self.read += other.read;
        self.times.segment += other.times.segment;
        self.times.matching += other.times.matching;
        self.times.sentences += other.times.sentences;
    }
}

/// Figures for one run.
#[derive(Clone, Debug)]
pub struct Stats {
    tally: Tally,
    compare: Option<Duration>,
    render: Duration,
    total: Duration,
}

impl Stats {
    /// The figures of a run: what reading and matching counted, and the times of the stages
    /// after it (`compare` is `None` when the run compared nothing).
    pub fn new(tally: &Tally, compare: Option<Duration>, render: Duration, total: Duration) -> Self {
        Stats {
            tally: tally.clone(),
            compare,
            render,
            total,
        }
    }

    /// The figures as aligned text.
    pub fn render(&self) -> String {
        let tally = &self.tally;
        let megabytes = tally.bytes as f64 / 1_000_000.0;
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
            tally.articles, megabytes, tally.times.sentences, tally.claims
        );
        let mut stage = |name: &str, duration: Duration| {
            let _ = writeln!(
                out,
                "  {name:<9} {:>10.3} ms {}",
                duration.as_secs_f64() * 1000.0,
                rate(duration)
            );
        };
        stage("read", tally.read);
        stage("segment", tally.times.segment);
        stage("match", tally.times.matching);
        if let Some(compare) = self.compare {
            stage("compare", compare);
        }
        stage("render", self.render);
        stage("total", self.total);
        let _ = writeln!(out, "  hits per rule:");
        for (rule, hits) in &tally.per_rule {
            let _ = writeln!(out, "    {hits:>7}  {rule}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files counted apart (on the threads that matched them) and merged give the counts of
    /// counting them all in one tally.
    #[test]
    fn merged_tallies_count_what_one_tally_counts() {
        let claims = crate::report::fixture_claims();
        let (first, second) = claims.split_at(claims.len() / 2);
        let times = MatchTimes {
            segment: Duration::from_millis(3),
            matching: Duration::from_millis(5),
            sentences: 7,
        };
        let mut whole = Tally::default();
        whole.add_file(100, 2, first, times);
        whole.add_file(50, 1, second, times);
        let mut merged = Tally::default();
        for (bytes, articles, claims) in [(100, 2, first), (50, 1, second)] {
            let mut file = Tally::default();
            file.add_file(bytes, articles, claims, times);
            merged.merge(file);
        }
        assert_eq!(format!("{merged:?}"), format!("{whole:?}"));
        assert!(whole.per_rule.len() > 1 && whole.claims == claims.len());
    }
}
