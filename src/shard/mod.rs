//! Claims past one process: Parquet shards, and the comparison split into groups that an
//! engine other than this process can form.
//!
//! Extraction is a map (article → claims) and comparison a group-by on the claim key, so both
//! can be handed to established engines. [`parquet`] writes and reads claims as Parquet shards
//! (schema `claims/1`, documented in `docs/claims-parquet.md`), built on the JSON wire model:
//! a claim is written as the JSON value of its `--format jsonl` line, reshaped into columns,
//! and read back through the same conversion `report::read_claims` uses, so the layout of
//! [`crate::claim::Claim`] in memory is no concern of this module. [`groups`] says which
//! claims the comparator must see together (the partition a query engine computes), and
//! compares each group apart; [`datafusion`] (feature `datafusion`) forms those groups with
//! `DataFusion` SQL over the shards.

#[cfg(feature = "datafusion")]
pub mod datafusion;
pub mod groups;
pub mod parquet;

/// The schema of the claims a Parquet shard holds, as written in its key-value metadata under
/// [`SCHEMA_KEY`]. Additive changes (a new nullable column) keep it; renaming, removing or
/// retyping a column bumps it.
pub const SCHEMA_VERSION: &str = "claims/1";

/// The key-value metadata entry that names a shard's [`SCHEMA_VERSION`].
pub const SCHEMA_KEY: &str = "crosscheck.schema";

/// Why a shard could not be written or read: what is wrong and, where known, at which row.
#[derive(Debug, thiserror::Error)]
#[error("{}{message}", row.map(|row| format!("row {row}: ")).unwrap_or_default())]
pub struct ShardError {
    /// One-based row of the claim at fault, when one is.
    pub row: Option<usize>,
    /// What is wrong and what to do.
    pub message: String,
}

impl ShardError {
    fn new(message: impl Into<String>) -> Self {
        ShardError {
            row: None,
            message: message.into(),
        }
    }

    fn at(row: usize, message: impl Into<String>) -> Self {
        ShardError {
            row: Some(row),
            message: message.into(),
        }
    }
}
