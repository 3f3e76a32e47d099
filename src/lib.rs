//! crosscheck: extract factual claims from news articles with rule files, and report where the
//! articles agree and where they contradict each other.
//!
//! The pipeline: [`rules`] (parse → validate → compile) → [`text`] (load → segment → tokenize)
//! → [`matcher`] (sentences → [`claim::Claim`]s, in parallel) → [`compare`] (claims →
//! findings) → [`report`] (findings → text, JSON, Markdown).

pub mod authoring;
pub mod claim;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod config;
pub mod extract;
pub mod finding;
pub mod id;
pub mod matcher;
pub mod modality;
pub mod output;
pub mod reference;
pub mod report;
pub mod review;
pub mod rules;
pub mod shard;
pub mod stats;
pub mod text;
pub mod value;
