//! Text: reading articles, splitting them into sentences and tokens, and locating bytes.
//!
//! An [`Article`] owns the text the matcher searches plus the regions of it that are prose
//! (front matter and page furniture excluded) and the means to turn a byte offset back into a
//! one-based line and column of the original file.

pub mod article;
pub mod lines;
pub mod segment;
pub mod token;

pub use article::{Article, Meta};
pub use lines::LineIndex;
