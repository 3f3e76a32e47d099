//! Text: reading articles, splitting them into sentences and tokens, and locating bytes.
//!
//! An [`Article`] owns the text the matcher searches plus the regions of it that are prose
//! (front matter, code blocks and page furniture excluded) and the means to turn a byte offset
//! back into a one-based line and column of the original file. Loading ([`load_file`],
//! [`load_bytes`]) never panics and reports problems as values; [`input::Inputs`] turns the paths
//! a user gives into the files to load; [`segment`] splits prose into sentences.
//!
//! Files: `article` (the article type and loading), `decode` (encodings), `markdown`, `html`
//! and `json` (one per format), `date` (publication dates, relative years), `furniture` (page furniture), `offsets` (extracted text → file
//! offsets), `lines` (line index), `segment` (sentences), `token` (tokens), `input` (walking), `read`
//! (reading in bounded blocks).

pub mod article;
pub mod date;
mod decode;
pub mod furniture;
mod html;
pub mod input;
mod json;
pub mod lines;
mod markdown;
mod offsets;
pub mod read;
pub mod segment;
pub mod structure;
pub mod token;

pub use article::{
    Article, Format, LoadError, LoadOptions, Loaded, Meta, Reading, Warning, WarningKind, load_bytes, load_file,
    load_file_with,
};
pub use furniture::{DEFAULT_FURNITURE, DEFAULT_FURNITURE_SECTIONS, Furniture, FurnitureError};
pub use input::{Chunk, Files, InputFile, InputProblem, Inputs, WalkOptions, Walked, walk, walk_with};
pub use lines::LineIndex;
pub use segment::{segment, sentences};
