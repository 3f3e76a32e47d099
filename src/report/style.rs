//! ANSI colour: the one place text is painted, for the text report and for the `warning:` and
//! `error:` words on stderr.
//!
//! Design: painting is a pure function of an explicit [`Style`], never of the terminal or the
//! environment (the caller decides, from `--color` and whether the stream is a terminal), so
//! the same input always gives the same bytes. Without colour the text comes back unchanged.

/// Bold.
pub const BOLD: &str = "1";
/// Bold red: errors.
pub const RED: &str = "1;31";
/// Bold yellow: warnings.
pub const YELLOW: &str = "1;33";
/// Bold green: overlaps, notes, resolved findings.
pub const GREEN: &str = "1;32";
/// Bold cyan: changes, acknowledged findings, rule ids.
pub const CYAN: &str = "1;36";
/// Bold magenta: shared wording.
pub const MAGENTA: &str = "1;35";
/// Bold blue: gutters and locations.
pub const BLUE: &str = "1;34";

/// ANSI styling, or none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// Paint with ANSI escape codes; with `false` text is left as it is.
    pub color: bool,
}

impl Style {
    /// `text` in the SGR colour `code` (one of the constants of this module), or `text` itself
    /// without colour or when it is empty.
    pub fn paint(self, code: &str, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paint_only_with_colour_and_text() {
        let style = Style { color: true };
        assert_eq!(style.paint(RED, "error"), "\x1b[1;31merror\x1b[0m");
        assert_eq!(style.paint(RED, ""), "");
        assert_eq!(Style { color: false }.paint(RED, "error"), "error");
    }
}
