//! The template language: parsing pattern strings into a small tree, compiled once.
//!
//! ```text
//! {subject:country} ..3 (hold|has|have) ..4 {value:quantity(mass)} [of] {object:mineral}
//! ```
//! - `word` matches the word case-insensitively, with its regular inflections (`hold` also
//!   matches `holds`, `holding`; `reserve` matches `reserves`); `rare-earth` is two words;
//!   `'s` matches a possessive;
//! - `{role:type}` is a slot: `type` is a lexicon name or a built-in extractor (`quantity`,
//!   `quantity(mass|money|percent|count)`, `rank`, `comparative`, `year`);
//! - `(a b|c)` alternation, `[a b]` optional, `..N` skips up to N tokens (N ≤ 20);
//! - any other single character (`,` `:` `%`) matches that punctuation mark; a backslash makes
//!   a syntax character literal: `\(` `\)` `\|` `\[` `\]` `\{` `\}` `\:` `\.` `\\` (in a TOML
//!   basic string write `\\(`, or use a literal string `'…'`);
//! - a gap never skips a clause break: by default `;` `—` `(` `)` `but` `whereas`
//!   ([`crate::text::token::GAP_STOPS`]); a rule's `gap_stops` replaces that list.
//!
//! Parsing reports the byte range of the fault inside the template, so the caller can point at
//! it in the rules file. A hostile template cannot exhaust memory or the stack: templates are at
//! most [`MAX_TEMPLATE_BYTES`] long, compile to at most [`MAX_ELEMENTS`] elements, and nest
//! groups at most [`MAX_DEPTH`] deep; each limit is an error with its place and a hint.

use std::ops::Range;

/// Largest gap a template may ask for.
pub const MAX_GAP: usize = 20;
/// Largest number of elements one template may compile to (a guard against hostile files).
pub const MAX_ELEMENTS: usize = 512;
/// Longest template, in bytes.
pub const MAX_TEMPLATE_BYTES: usize = 4 * 1024;
/// Deepest nesting of `( … )` and `[ … ]` groups (the parser and compiler recurse per level).
pub const MAX_DEPTH: usize = 16;

/// The characters a backslash makes literal in a template.
pub const ESCAPABLE: &str = "()|[]{}:.\\";

/// A parsed template element.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// A literal word, lowercased as written.
    Word(String),
    /// A possessive `'s`.
    Possessive,
    /// A punctuation character.
    Punct(char),
    /// `{role:type}` or `{role:type(argument)}`.
    Slot {
        /// Role name as written.
        role: String,
        /// Type name as written.
        kind: String,
        /// Argument in parentheses, if any.
        argument: Option<String>,
        /// Where the slot is in the template.
        span: Range<usize>,
    },
    /// Alternatives; an empty alternative makes the group optional.
    Alt(Vec<Vec<Node>>),
    /// Skip up to N tokens.
    Gap(usize),
}

/// A problem in a template, located inside it.
#[derive(Clone, Debug, PartialEq)]
pub struct PatternError {
    /// Bytes of the template at fault.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub hint: String,
}

/// Parses a template.
pub fn parse(template: &str) -> Result<Vec<Node>, PatternError> {
    if template.len() > MAX_TEMPLATE_BYTES {
        let mut end = MAX_TEMPLATE_BYTES;
        while !template.is_char_boundary(end) {
            end -= 1;
        }
        return Err(PatternError {
            span: end..template.len(),
            message: format!(
                "template is {} bytes long, more than the limit of {MAX_TEMPLATE_BYTES}",
                template.len()
            ),
            hint: "split it into several patterns".into(),
        });
    }
    let mut parser = Parser {
        text: template,
        position: 0,
        count: 0,
        depth: 0,
    };
    let alternatives = parser.alternatives(None)?;
    let nodes = if alternatives.len() == 1 {
        alternatives.into_iter().next().expect("one alternative")
    } else {
        vec![Node::Alt(alternatives)]
    };
    if !nodes.iter().any(|node| !matches!(node, Node::Gap(_))) {
        return Err(PatternError {
            span: 0..template.len(),
            message: "template matches nothing".into(),
            hint: "write at least one word or slot, e.g. \"{subject:country} holds {value:quantity}\"".into(),
        });
    }
    if matches!(nodes.first(), Some(Node::Gap(_))) || matches!(nodes.last(), Some(Node::Gap(_))) {
        return Err(PatternError {
            span: 0..template.len(),
            message: "template starts or ends with a gap".into(),
            hint: "a leading or trailing `..N` changes nothing; remove it".into(),
        });
    }
    Ok(nodes)
}

struct Parser<'a> {
    text: &'a str,
    position: usize,
    count: usize,
    /// Groups open around the current position.
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.position..].chars().next()
    }

    #[allow(clippy::unused_self, reason = "keeps every error site reading `self.error(…)`")]
    fn error(&self, span: Range<usize>, message: impl Into<String>, hint: impl Into<String>) -> PatternError {
        PatternError {
            span,
            message: message.into(),
            hint: hint.into(),
        }
    }

    fn push(&mut self, sequence: &mut Vec<Node>, node: Node, start: usize) -> Result<(), PatternError> {
        self.count += 1;
        if self.count > MAX_ELEMENTS {
            return Err(self.error(
                start..self.position,
                format!("template has more than {MAX_ELEMENTS} elements"),
                "split it into several patterns",
            ));
        }
        sequence.push(node);
        Ok(())
    }

    /// Parses `seq ('|' seq)*` up to `close` (or the end).
    fn alternatives(&mut self, close: Option<(char, usize)>) -> Result<Vec<Vec<Node>>, PatternError> {
        let mut alternatives = vec![Vec::new()];
        loop {
            let start = self.position;
            let Some(character) = self.peek() else {
                if let Some((close, open_at)) = close {
                    return Err(self.error(
                        open_at..open_at + 1,
                        format!("unclosed group: missing `{close}`"),
                        format!("add `{close}` where the group ends"),
                    ));
                }
                break;
            };
            match character {
                c if c.is_whitespace() => self.position += c.len_utf8(),
                '|' => {
                    self.position += 1;
                    alternatives.push(Vec::new());
                }
                ')' | ']' => {
                    if close.is_some_and(|(expected, _)| expected == character) {
                        self.position += 1;
                        break;
                    }
                    return Err(self.error(
                        start..start + 1,
                        format!("unexpected `{character}`"),
                        "brackets must pair up: `( … | … )` for alternatives, `[ … ]` for optional words",
                    ));
                }
                '(' | '[' => {
                    self.position += 1;
                    if self.depth >= MAX_DEPTH {
                        return Err(self.error(
                            start..start + 1,
                            format!("groups nested more than {MAX_DEPTH} deep"),
                            "flatten the template, or split it into several patterns",
                        ));
                    }
                    let closing = if character == '(' { ')' } else { ']' };
                    self.depth += 1;
                    let inner = self.alternatives(Some((closing, start)));
                    self.depth -= 1;
                    let mut inner = inner?;
                    if inner.iter().all(Vec::is_empty) {
                        return Err(self.error(
                            start..self.position,
                            "empty group",
                            "put words inside the brackets or remove them",
                        ));
                    }
                    if character == '[' {
                        inner.push(Vec::new());
                    }
                    let mut sequence = std::mem::take(alternatives.last_mut().expect("one"));
                    self.push(&mut sequence, Node::Alt(inner), start)?;
                    *alternatives.last_mut().expect("one") = sequence;
                }
                '{' => {
                    let node = self.slot()?;
                    let mut sequence = std::mem::take(alternatives.last_mut().expect("one"));
                    self.push(&mut sequence, node, start)?;
                    *alternatives.last_mut().expect("one") = sequence;
                }
                '}' => {
                    return Err(self.error(
                        start..start + 1,
                        "unexpected `}`",
                        "a slot is written `{role:type}`; write `\\}` for a literal brace",
                    ));
                }
                '\\' => {
                    self.position += 1;
                    let Some(escaped) = self.peek().filter(|c| ESCAPABLE.contains(*c)) else {
                        return Err(self.error(
                            start..(start + 1 + self.peek().map_or(0, char::len_utf8)),
                            "unknown escape",
                            format!("a backslash makes one of {ESCAPABLE} literal, e.g. `\\(`"),
                        ));
                    };
                    self.position += escaped.len_utf8();
                    let mut sequence = std::mem::take(alternatives.last_mut().expect("one"));
                    self.push(&mut sequence, Node::Punct(escaped), start)?;
                    *alternatives.last_mut().expect("one") = sequence;
                }
                '.' if self.text[self.position..].starts_with("..") => {
                    self.position += 2;
                    let digits_start = self.position;
                    while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        self.position += 1;
                    }
                    let digits = &self.text[digits_start..self.position];
                    let Ok(size) = digits.parse::<usize>() else {
                        return Err(self.error(
                            start..self.position,
                            "gap without a size",
                            "write `..N` with the most tokens to skip, e.g. `..3`",
                        ));
                    };
                    if size == 0 || size > MAX_GAP {
                        return Err(self.error(
                            start..self.position,
                            format!("gap of {size} tokens is out of range"),
                            format!("use a gap between 1 and {MAX_GAP}"),
                        ));
                    }
                    let mut sequence = std::mem::take(alternatives.last_mut().expect("one"));
                    self.push(&mut sequence, Node::Gap(size), start)?;
                    *alternatives.last_mut().expect("one") = sequence;
                }
                c if c.is_alphanumeric() || c == '\'' || c == '’' => {
                    let nodes = self.word();
                    let mut sequence = std::mem::take(alternatives.last_mut().expect("one"));
                    for node in nodes {
                        self.push(&mut sequence, node, start)?;
                    }
                    *alternatives.last_mut().expect("one") = sequence;
                }
                c => {
                    self.position += c.len_utf8();
                    let mut sequence = std::mem::take(alternatives.last_mut().expect("one"));
                    self.push(&mut sequence, Node::Punct(c), start)?;
                    *alternatives.last_mut().expect("one") = sequence;
                }
            }
        }
        Ok(alternatives)
    }

    /// A word, possibly hyphenated (`rare-earth` → two words) or a possessive `'s`.
    fn word(&mut self) -> Vec<Node> {
        let start = self.position;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'))
        {
            self.position += self.peek().map_or(1, char::len_utf8);
        }
        let raw = &self.text[start..self.position];
        let mut nodes = Vec::new();
        let (body, possessive) = match raw.strip_suffix("'s").or_else(|| raw.strip_suffix("’s")) {
            Some(body) => (body, true),
            None => (raw, false),
        };
        for part in body.split('-').filter(|part| !part.is_empty()) {
            nodes.push(Node::Word(part.to_lowercase()));
        }
        if possessive {
            nodes.push(Node::Possessive);
        }
        nodes
    }

    fn slot(&mut self) -> Result<Node, PatternError> {
        let start = self.position;
        let Some(length) = self.text[start..].find('}') else {
            return Err(self.error(
                start..start + 1,
                "unclosed slot: missing `}`",
                "a slot is written `{role:type}`",
            ));
        };
        let end = start + length + 1;
        let inside = &self.text[start + 1..end - 1];
        self.position = end;
        let Some((role, kind)) = inside.split_once(':') else {
            return Err(self.error(
                start..end,
                format!("slot `{{{inside}}}` has no type"),
                "write `{role:type}`, e.g. `{subject:country}` or `{value:quantity}`",
            ));
        };
        let role = role.trim();
        let kind = kind.trim();
        if role.is_empty() || kind.is_empty() || inside.contains(['{', '|', '[']) {
            return Err(self.error(
                start..end,
                format!("malformed slot `{{{inside}}}`"),
                "write `{role:type}`",
            ));
        }
        let (kind, argument) = match kind.split_once('(') {
            Some((kind, rest)) => {
                let Some(argument) = rest.strip_suffix(')') else {
                    return Err(self.error(
                        start..end,
                        "unclosed `(` in slot type",
                        "write `{value:quantity(mass)}`",
                    ));
                };
                (kind.trim(), Some(argument.trim().to_string()))
            }
            None => (kind, None),
        };
        Ok(Node::Slot {
            role: role.to_string(),
            kind: kind.to_string(),
            argument,
            span: start..end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_slots_groups_and_gaps() {
        let nodes = parse("{subject:country} ..3 (hold|has) [the] rare-earth reserves's , 5").expect("parses");
        assert_eq!(nodes.len(), 10, "{nodes:?}");
        assert!(matches!(&nodes[0], Node::Slot { role, kind, .. } if role == "subject" && kind == "country"));
        assert_eq!(nodes[1], Node::Gap(3));
        assert_eq!(
            nodes[2],
            Node::Alt(vec![vec![Node::Word("hold".into())], vec![Node::Word("has".into())]])
        );
        assert_eq!(nodes[3], Node::Alt(vec![vec![Node::Word("the".into())], vec![]]));
        assert_eq!(nodes[4], Node::Word("rare".into()));
        assert_eq!(nodes[6], Node::Word("reserves".into()));
        assert_eq!(nodes[7], Node::Possessive);
    }

    #[test]
    fn escapes_make_syntax_literal() {
        let nodes = parse(r"{subject:country} \( {value:quantity} \) \| \[ \] \{ \} \: \\").expect("parses");
        let marks: Vec<&Node> = nodes.iter().skip(1).collect();
        assert_eq!(marks[0], &Node::Punct('('));
        assert_eq!(marks[2], &Node::Punct(')'));
        let rest: Vec<Node> = "|[]{}:\\".chars().map(Node::Punct).collect();
        assert_eq!(nodes[4..].to_vec(), rest);
        check_error(r"a \q", "unknown escape", 2..4);
    }

    #[track_caller]
    fn check_error(template: &str, message: &str, span: Range<usize>) {
        let error = parse(template).expect_err("must fail");
        assert_eq!((error.message.as_str(), error.span), (message, span), "{template}");
    }

    #[test]
    fn reports_faults_with_their_place() {
        check_error("{subject:country} (holds", "unclosed group: missing `)`", 18..19);
        check_error("a ..0 b", "gap of 0 tokens is out of range", 2..5);
        check_error("a .. b", "gap without a size", 2..4);
        check_error("a {subject} b", "slot `{subject}` has no type", 2..11);
        check_error("a ) b", "unexpected `)`", 2..3);
        check_error("a {subject:country", "unclosed slot: missing `}`", 2..3);
        check_error("..3", "template matches nothing", 0..3);
        check_error("a ()", "empty group", 2..4);
    }

    #[test]
    fn enforces_size_limits() {
        let deep = format!("{}a{}", "(".repeat(MAX_DEPTH + 1), ")".repeat(MAX_DEPTH + 1));
        check_error(&deep, "groups nested more than 16 deep", MAX_DEPTH..MAX_DEPTH + 1);
        let just_deep_enough = format!("{}a{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&just_deep_enough).is_ok());
        let long = "word ".repeat(1000);
        check_error(
            &long,
            "template is 5000 bytes long, more than the limit of 4096",
            4096..5000,
        );
        let wide = "a ".repeat(MAX_ELEMENTS + 1);
        check_error(&wide, "template has more than 512 elements", 1024..1025);
        let groups = "(a) ".repeat(MAX_ELEMENTS / 2 + 1);
        let error = parse(&groups).expect_err("too many elements");
        assert_eq!(error.message, "template has more than 512 elements");
    }
}
