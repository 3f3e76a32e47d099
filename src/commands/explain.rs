//! `crosscheck explain`: how the rules read a text, sentence by sentence.

use super::{Context, exit};
use crate::cli::ExplainArgs;

/// Not built yet.
pub(crate) fn run(_args: &ExplainArgs, context: &mut Context) -> u8 {
    context.error("`explain` is not available in this build");
    exit::ERROR
}
