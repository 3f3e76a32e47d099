//! Rules: loading rules files (parse → validate → compile) into a [`RuleSet`].
//!
//! Every problem in every file is collected before giving up, each as a [`Diagnostic`] with the
//! file, byte span and a hint, so an author fixes a rules directory in one pass.

pub mod compile;
pub mod diagnostic;
pub mod examples;
pub mod lexicon;
pub mod lint;
pub mod pattern;
pub mod syntax;

pub use compile::{CompiledPattern, Element, Role, Rule, RuleSet, SlotKind, load_dir, load_sources};
pub use diagnostic::{Diagnostic, Severity};
pub use syntax::CompareMode;
