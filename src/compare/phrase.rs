//! Wording of reasons: display names, tolerances, modality qualifiers, lists. Values and
//! numbers are written by each value type's reason text ([`crate::value::Value::reason_text`]).
//!
//! Everything here is pure formatting; no check depends on it.

use crate::claim::Modality;
use crate::finding::{ComparePolicy, Policy};
use crate::value::quantity::reason_amount;

/// "China's rare earths reserves": subject's object kind, with display names from the policy.
pub(crate) fn describe(policy: &Policy, kind: &str, subject: Option<&str>, object: Option<&str>) -> String {
    let kind = kind.replace(['-', '_'], " ");
    let mut words = String::new();
    if let Some(subject) = subject {
        let name = policy.name(subject);
        words.push_str(name);
        // "United States' reserves", "China's reserves".
        words.push_str(if name.ends_with('s') { "' " } else { "'s " });
    }
    if let Some(object) = object {
        words.push_str(policy.name(object));
        words.push(' ');
    }
    words.push_str(&kind);
    words
}

/// "are" for a plural-looking kind ("reserves"), else "is" ("production").
pub(crate) fn be(kind: &str) -> &'static str {
    if kind.ends_with('s') && !kind.ends_with("ss") {
        "are"
    } else {
        "is"
    }
}

/// "within 5%", "within 5% or 1,000 t", "within 1,000 t", or "with no tolerance".
pub(crate) fn tolerance(policy: &ComparePolicy, unit: &str) -> String {
    let relative = (policy.relative > 0.0).then(|| reason_amount(policy.relative * 100.0, "%"));
    let absolute = (policy.absolute > 0.0).then(|| reason_amount(policy.absolute, unit));
    match (relative, absolute) {
        (Some(relative), Some(absolute)) => format!("within {relative} or {absolute}"),
        (Some(one), None) | (None, Some(one)) => format!("within {one}"),
        (None, None) => "with no tolerance".to_owned(),
    }
}

/// Who said it or how it was hedged: `attributed to Putin`, `hedged: "could"`.
pub(crate) fn qualifier(modality: &Modality) -> Option<String> {
    match (&modality.attribution, &modality.hedge) {
        (Some(attribution), Some(hedge)) => Some(format!(
            "attributed to {}, hedged: \"{}\"",
            attribution.speaker, hedge.text
        )),
        (Some(attribution), None) => Some(format!("attributed to {}", attribution.speaker)),
        (None, Some(hedge)) => Some(format!("hedged: \"{}\"", hedge.text)),
        (None, None) => None,
    }
}

/// `A`, `A and B`, `A, B and C`.
pub(crate) fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::list;

    #[test]
    fn lists() {
        assert_eq!(list(&["A".into(), "B".into(), "C".into()]), "A, B and C");
    }
}
