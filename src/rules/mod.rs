//! Rules: rules files (parse → validate → compile) into a [`RuleSet`], and nothing else: no
//! file is read here (the caller hands in each file's path and text) and nothing is matched.
//! Running the examples, linting and explaining are [`crate::authoring`]'s.
//!
//! Every problem in every file is collected before giving up, each as a [`Diagnostic`] with the
//! file, byte span and a hint, so an author fixes a rules directory in one pass.

pub mod compile;
pub mod diagnostic;
pub mod dimension;
pub mod example;
pub mod lexicon;
pub mod pattern;
pub mod select;
pub mod set;
pub mod slots;
pub mod syntax;
pub mod table;

pub use compile::load_sources;
pub use diagnostic::{Diagnostic, Severity};
pub use set::{CompiledPattern, Element, Rule, RuleSet, SourceFile};
pub use slots::{Role, SlotKind};
pub use syntax::CompareMode;
