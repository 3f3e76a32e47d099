//! Authoring: what a rule author runs on a rule pack, above the pipeline it checks.
//!
//! - [`examples`] runs every rule's embedded examples and counterexamples through the matcher,
//!   and tells which rules fire on no positive example (`crosscheck test [--coverage]`);
//! - [`cases`] runs a rule pack's cross-article cases — a few articles plus the findings the
//!   comparator must (or must not) draw across them (`crosscheck test`);
//! - [`lint`] flags rule sets that load but look wrong (`crosscheck check`);
//! - [`explain`] shows how the rules read a text, sentence by sentence, with near misses
//!   (`crosscheck explain`).
//!
//! Everything here takes what `commands` read (a compiled rule set, articles, a case's
//! expectations as text) and does no IO of its own.

pub mod cases;
pub mod examples;
pub mod explain;
pub mod lint;
