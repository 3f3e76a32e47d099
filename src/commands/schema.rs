//! `crosscheck schema`: the JSON Schema of the rules file format.

use super::{Context, exit};
use crate::cli::SchemaArgs;

/// Not built yet.
pub(crate) fn run(_args: &SchemaArgs, context: &mut Context) -> u8 {
    context.error("`schema` is not available in this build");
    exit::ERROR
}
