//! Rule diagnostics: a problem in a rules file, with the file, byte span, message and hint.
//!
//! Rendering goes through annotate-snippets so every problem prints as a compiler would:
//! `error: …`, `--> file:line:column`, the offending line with a caret under the fault, and a
//! `help:` line that says what to do.
//!
//! Rendering is linear in the number of diagnostics: each renders only the lines its span
//! touches, and line numbers come from one index of line starts per rules file, built on first
//! use (a rules file with 100,000 aliases and as many warnings must not be read once per
//! warning).

use std::cell::RefCell;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How serious a rules problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The rule set cannot be used.
    Error,
    /// The rule set works but something looks wrong.
    Warning,
}

/// One problem in one rules file.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// Error or warning.
    pub level: Severity,
    /// The rules file as the user named it.
    pub path: String,
    /// The file's text, shared between its diagnostics.
    pub source: Arc<str>,
    /// Bytes of `source` at fault.
    pub span: Range<usize>,
    /// What is wrong, lowercase, naming the offending value.
    pub message: String,
    /// Short label under the caret.
    pub label: String,
    /// One line saying what to do.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at `span` of `path`.
    pub fn error(path: &str, source: &Arc<str>, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            level: Severity::Error,
            path: path.to_string(),
            source: Arc::clone(source),
            span: clamp(source, span),
            message: message.into(),
            label: String::new(),
            hint: None,
        }
    }

    /// A warning at `span` of `path`.
    pub fn warning(path: &str, source: &Arc<str>, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            level: Severity::Warning,
            ..Diagnostic::error(path, source, span, message)
        }
    }

    /// Sets the caret label.
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Sets the hint.
    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// One-based line and column (in characters) of the start of the span.
    pub fn line_column(&self) -> (usize, usize) {
        let (line, line_start) = line_of(&self.source, self.span.start);
        (line, self.source[line_start..self.span.start].chars().count() + 1)
    }

    /// Renders the diagnostic as a compiler would, with ANSI colour when `color`.
    pub fn render(&self, color: bool) -> String {
        let level = match self.level {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        // Only the lines the span touches: the renderer reads all the text it is handed.
        let (line, start) = line_of(&self.source, self.span.start);
        let end = self.source[self.span.end..]
            .find('\n')
            .map_or(self.source.len(), |offset| self.span.end + offset);
        let mut annotation = AnnotationKind::Primary.span(self.span.start - start..self.span.end - start);
        if !self.label.is_empty() {
            annotation = annotation.label(&self.label);
        }
        let mut group: Group<'_> = level.primary_title(&self.message).element(
            Snippet::source(&self.source[start..end])
                .path(&self.path)
                .line_start(line)
                .annotation(annotation),
        );
        if let Some(hint) = &self.hint {
            group = group.element(Level::HELP.message(hint));
        }
        let renderer = if color { Renderer::styled() } else { Renderer::plain() };
        let mut out = renderer.render(&[group]);
        out.push('\n');
        out
    }
}

thread_local! {
    /// The line starts of the rules file last asked about (kept alive by its `Arc`, so a new
    /// file can never be taken for it).
    static LINES: RefCell<Option<(Arc<str>, Vec<usize>)>> = const { RefCell::new(None) };
}

/// The one-based line of byte `offset` of `source` and the offset where that line starts,
/// from an index of `source`'s line starts built once per file.
pub fn line_of(source: &Arc<str>, offset: usize) -> (usize, usize) {
    LINES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if !cache.as_ref().is_some_and(|(cached, _)| Arc::ptr_eq(cached, source)) {
            let starts = std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', source.as_bytes()).map(|index| index + 1))
                .collect();
            *cache = Some((Arc::clone(source), starts));
        }
        let (_, starts) = cache.as_ref().expect("the cache was just filled");
        let line = starts.partition_point(|&start| start <= offset);
        (line, starts[line - 1])
    })
}

/// Keeps a span inside the text and on character boundaries, so rendering never panics.
fn clamp(source: &str, span: Range<usize>) -> Range<usize> {
    let mut start = span.start.min(source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, source.len());
    while !source.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// Renders several diagnostics and a closing count line.
pub fn render_all(diagnostics: &[Diagnostic], color: bool) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&diagnostic.render(color));
        out.push('\n');
    }
    let errors = diagnostics.iter().filter(|d| d.level == Severity::Error).count();
    let warnings = diagnostics.len() - errors;
    let _ = write!(
        out,
        "{errors} error{}, {warnings} warning{}",
        plural(errors),
        plural(warnings)
    );
    out.push('\n');
    out
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}
