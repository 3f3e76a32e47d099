//! Review workflow for report reviewers: what changed between two runs and which findings were
//! reviewed and accepted.
//!
//! - [`baseline`] compares two reports by stable finding id and keeps only what is new and what
//!   was resolved (`crosscheck diff`, `crosscheck report --baseline`);
//! - [`ack`] reads and appends the acknowledgements file (`acknowledged.toml`), which marks
//!   individual findings as reviewed (`crosscheck ack`);
//!
//! Key decision: findings are matched across runs by id only. A finding id is a hash of its kind
//! and its claims' ids, and a claim id is a hash of content (path, rule, key, value, modality,
//! quote), never of offsets, so an edit elsewhere in an article changes no id, while a change to
//! either claim makes a new finding: exactly when a reviewer should look again. Nothing here does
//! IO: `commands` reads the files and hands their text in.

pub mod ack;
pub mod baseline;
