//! `crosscheck diff`: what changed between two saved reports.

use super::{Context, exit};
use crate::cli::DiffArgs;

/// Not built yet.
pub(crate) fn run(_args: &DiffArgs, context: &mut Context) -> u8 {
    context.error("`diff` is not available in this build");
    exit::ERROR
}
