//! Review workflow for rule authors and report reviewers: what changed between two runs,
//! which findings were reviewed and accepted, and whether a rule pack's cross-article cases
//! still hold.
//!
//! - [`baseline`] compares two reports by stable finding id and keeps only what is new and what
//!   was resolved (`crosscheck diff`, `crosscheck report --baseline`);
//! - [`ack`] reads and appends the acknowledgements file (`acknowledged.toml`), which marks
//!   individual findings as reviewed (`crosscheck ack`);
//! - [`cases`] runs a rule pack's case folders — a few articles plus the findings expected
//!   across them — so the comparator is tested, not only single sentences (`crosscheck test`).
//!
//! Key decision: findings are matched across runs by id only. A finding id is a hash of its kind
//! and its claims' ids, and a claim id is a hash of content (path, rule, key, value, modality,
//! quote), never of offsets, so an edit elsewhere in an article changes no id, while a change to
//! either claim makes a new finding: exactly when a reviewer should look again. Nothing here does
//! IO except [`ack::Acknowledgements::load`] and [`cases::run`], which read their files.

pub mod ack;
pub mod baseline;
pub mod cases;
