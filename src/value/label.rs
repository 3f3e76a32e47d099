//! Labels: values a rule fixes instead of reading them from the text — a stance
//! (`self-sufficient`), a category label, or a bare statement, which carries none.
//!
//! Their data are the [`Value::Stance`], [`Value::Category`] and [`Value::Statement`] variants
//! themselves; their canonical text and report label are the label (`statement` for a
//! statement), and their example notation is the label as written.

use super::Value;

/// The canonical text and report label of a statement, which has no label of its own.
pub(super) const STATEMENT: &str = "statement";

/// Reads an expected stance or category label (already trimmed): any non-empty text.
pub(super) fn parse(written: &str) -> Result<String, String> {
    if written.is_empty() {
        return Err("the label is empty".into());
    }
    Ok(written.to_string())
}

/// Whether `value` is a stance or category labelled `expected`.
pub(super) fn matches(expected: &str, value: &Value) -> bool {
    match value {
        Value::Stance { stance } => stance == expected,
        Value::Category { label } => label == expected,
        Value::Statement | Value::Quantity(_) | Value::Rank(_) | Value::Order(_) | Value::Change(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_its_own_text() {
        let stance = Value::Stance {
            stance: "self-sufficient".into(),
        };
        assert_eq!(stance.canonical_text(), "self-sufficient");
        assert_eq!(stance.label(), "self-sufficient");
        assert_eq!(Value::Statement.canonical_text(), "statement");
        assert_eq!(Value::Statement.label(), "statement");
        assert!(matches("self-sufficient", &stance));
        assert!(!matches("dependent", &stance));
        assert!(!matches("statement", &Value::Statement));
        assert_eq!(parse("dependent"), Ok("dependent".into()));
        assert!(parse("").is_err());
    }
}
