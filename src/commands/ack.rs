//! `crosscheck ack`: acknowledge a reviewed finding.

use super::{Context, exit};
use crate::cli::AckArgs;

/// Not built yet.
pub(crate) fn run(_args: &AckArgs, context: &mut Context) -> u8 {
    context.error("`ack` is not available in this build");
    exit::ERROR
}
