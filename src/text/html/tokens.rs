//! The bridge from html5gum's tokenizer to the page scanner: tags, attributes and text, each
//! with the bytes of the page it came from.
//!
//! Key decision: a hand-written [`Emitter`] instead of html5gum's token iterator. The tokenizer
//! moves the emitter's position over every byte it consumes and calls `emit_string` when the
//! position is just past the bytes the string stands for (a character reference, a `\r`, or a
//! run of text). So a string whose bytes are the page's bytes just before the position is a
//! *verbatim* run of the page (copied, mapped one to one), and any other is *decoded* from the
//! bytes since the last token (mapped to where its reference starts). Verbatim runs that touch
//! are joined before the scanner sees them: a run is then only cut by markup or a reference,
//! never inside a character. Tag names come lower-cased; attributes are kept only for the few
//! elements whose attributes the scanner reads, with character references decoded by the
//! tokenizer.

use std::convert::Infallible;
use std::ops::Range;

use html5gum::{Emitter, Error, State};

/// What the scanner is told, in page order.
pub(super) trait Sink {
    /// Page bytes `range` are text, copied as they are.
    fn verbatim(&mut self, range: Range<usize>);
    /// `text` was decoded from the page bytes starting at `source` (a character reference, a
    /// carriage return, a NUL in raw text).
    fn decoded(&mut self, text: &str, source: usize);
    /// A start tag; returns the tokenizer state its content is read in, if not the data state.
    fn start_tag(&mut self, tag: &Tag) -> Option<State>;
    /// An end tag.
    fn end_tag(&mut self, tag: &Tag);
    /// Whether the attributes of the start tag `name` are read.
    fn wants_attributes(&self, name: &[u8]) -> bool;
    /// Whether the tokenizer is inside `<svg>` or `<math>`, where `<![CDATA[` opens a section.
    fn in_foreign_content(&self) -> bool;
}

/// A start or end tag.
#[derive(Default)]
pub(super) struct Tag {
    /// Lower-cased by the tokenizer.
    pub name: Vec<u8>,
    /// Where its `<` is.
    pub start: usize,
    pub self_closing: bool,
    /// Names (lower-cased) and decoded values, the first of each name; only when the sink
    /// wants them.
    pub attributes: Vec<(String, String)>,
    end: bool,
}

impl Tag {
    /// The value of attribute `name`, if the tag has it.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// Runs the tokenizer over `html`, telling `sink` what it finds.
pub(super) fn tokenize(html: &str, sink: &mut impl Sink) {
    let emitter = Tokens {
        html: html.as_bytes(),
        sink,
        position: 0,
        mark: 0,
        pending: None,
        held: Vec::new(),
        held_end: 0,
        tag: Tag::default(),
        last_start_tag: Vec::new(),
        attribute: None,
    };
    let Ok(()) = html5gum::Tokenizer::new_with_emitter(html, emitter).finish();
}

struct Tokens<'s, 'a, S: Sink> {
    html: &'a [u8],
    sink: &'s mut S,
    /// The page offset the tokenizer has consumed up to.
    position: usize,
    /// Where the bytes not yet accounted for by a string or a token start.
    mark: usize,
    /// A verbatim run not yet handed to the sink.
    pending: Option<Range<usize>>,
    /// A string that is not a verbatim run by itself, emitted with the position at `held_end`,
    /// held back in case the rest of it comes at the same position.
    held: Vec<u8>,
    held_end: usize,
    tag: Tag,
    last_start_tag: Vec<u8>,
    /// The attribute being read, when the tag's attributes are kept.
    attribute: Option<(Vec<u8>, Vec<u8>)>,
}

impl<S: Sink> Tokens<'_, '_, S> {
    fn flush_text(&mut self) {
        self.resolve_held();
        self.flush_verbatim();
    }

    fn flush_verbatim(&mut self) {
        if let Some(range) = self.pending.take() {
            self.sink.verbatim(range);
        }
    }

    /// Takes `string`, emitted with the position at `end`, as a verbatim run if the page's bytes
    /// before `end` are its bytes.
    fn take_verbatim(&mut self, string: &[u8], end: usize) -> bool {
        let start = end.saturating_sub(string.len()).max(self.mark);
        // Skipped bytes before the run (the `\n` of a `\r\n`) are fine; a `&` there means the
        // string came from a character reference.
        // The reader hands over slices of the page itself: the same address is the same bytes.
        let verbatim = self.html.get(start..end).is_some_and(|page| {
            (page.len() == string.len() && std::ptr::eq(page.as_ptr(), string.as_ptr())) || page == string
        }) && !self
            .html
            .get(self.mark..start)
            .is_some_and(|skipped| skipped.contains(&b'&'));
        if !verbatim {
            return false;
        }
        match &mut self.pending {
            Some(pending) if pending.end == start => pending.end = end,
            _ => {
                self.flush_verbatim();
                self.pending = Some(start..end);
            }
        }
        self.mark = end;
        true
    }

    /// Hands over the string held back, verbatim if it is, else as decoded from the bytes since
    /// the last token: from the `&` of a character reference, or the byte before the position.
    fn resolve_held(&mut self) {
        if self.held.is_empty() {
            return;
        }
        let held = std::mem::take(&mut self.held);
        let end = self.held_end;
        if !self.take_verbatim(&held, end) {
            self.flush_verbatim();
            let since = self.html.get(self.mark..end).unwrap_or_default();
            let source = memchr::memrchr(b'&', since).map_or(end.saturating_sub(1), |at| self.mark + at);
            match std::str::from_utf8(&held) {
                Ok(text) => self.sink.decoded(text, source),
                Err(_) => self.sink.decoded(&String::from_utf8_lossy(&held), source),
            }
            self.mark = end;
        }
        // Keep the allocation.
        self.held = held;
        self.held.clear();
    }

    /// Everything up to the position is accounted for.
    fn settle(&mut self) {
        self.flush_text();
        self.mark = self.position;
    }

    fn finish_attribute(&mut self) {
        let Some((name, value)) = self.attribute.take() else {
            return;
        };
        let name = String::from_utf8_lossy(&name).into_owned();
        // The first of two attributes with one name wins, as in a browser.
        if !name.is_empty() && self.tag.attribute(&name).is_none() {
            let value =
                String::from_utf8(value).unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
            self.tag.attributes.push((name, value));
        }
    }

    fn init_tag(&mut self, end: bool) {
        self.tag.name.clear();
        self.tag.attributes.clear();
        self.tag.self_closing = false;
        self.tag.end = end;
        self.attribute = None;
    }
}

impl<S: Sink> Emitter for Tokens<'_, '_, S> {
    type Token = Infallible;

    fn move_position(&mut self, offset: isize) {
        self.position = self.position.saturating_add_signed(offset);
    }

    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn emit_error(&mut self, _error: Error) {}

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start_tag.clear();
        self.last_start_tag
            .extend_from_slice(last_start_tag.unwrap_or_default());
    }

    fn emit_eof(&mut self) {
        self.flush_text();
    }

    fn pop_token(&mut self) -> Option<Infallible> {
        None
    }

    fn emit_string(&mut self, string: &[u8]) {
        let end = self.position.min(self.html.len());
        if !self.held.is_empty() {
            // The tokenizer hands over some runs in parts at one position (`</` and a name).
            if end == self.held_end {
                self.held.extend_from_slice(string);
                return;
            }
            self.resolve_held();
        }
        if !self.take_verbatim(string, end) {
            self.held.extend_from_slice(string);
            self.held_end = end;
        }
    }

    fn start_open_tag(&mut self) {
        // The position is just past the `<`.
        self.tag.start = self.position.saturating_sub(1);
    }

    fn init_start_tag(&mut self) {
        self.init_tag(false);
    }

    fn init_end_tag(&mut self) {
        self.init_tag(true);
    }

    fn push_tag_name(&mut self, name: &[u8]) {
        self.tag.name.extend_from_slice(name);
    }

    fn set_self_closing(&mut self) {
        self.tag.self_closing = true;
    }

    fn init_attribute(&mut self) {
        self.finish_attribute();
        if !self.tag.end && self.sink.wants_attributes(&self.tag.name) {
            self.attribute = Some((Vec::new(), Vec::new()));
        }
    }

    fn push_attribute_name(&mut self, name: &[u8]) {
        if let Some((attribute, _)) = &mut self.attribute {
            attribute.extend(name.iter().map(u8::to_ascii_lowercase));
        }
    }

    fn push_attribute_value(&mut self, value: &[u8]) {
        if let Some((_, attribute)) = &mut self.attribute {
            attribute.extend_from_slice(value);
        }
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        self.finish_attribute();
        self.settle();
        if self.tag.end {
            self.sink.end_tag(&self.tag);
            None
        } else {
            self.last_start_tag.clear();
            self.last_start_tag.extend_from_slice(&self.tag.name);
            self.sink.start_tag(&self.tag)
        }
    }

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.tag.end && !self.last_start_tag.is_empty() && self.tag.name == self.last_start_tag
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&mut self) -> bool {
        self.sink.in_foreign_content()
    }

    fn init_comment(&mut self) {
        self.flush_text();
    }

    fn push_comment(&mut self, _text: &[u8]) {}

    fn emit_current_comment(&mut self) {
        self.settle();
    }

    fn init_doctype(&mut self) {
        self.flush_text();
    }

    fn push_doctype_name(&mut self, _name: &[u8]) {}

    fn set_force_quirks(&mut self) {}

    fn set_doctype_public_identifier(&mut self, _value: &[u8]) {}

    fn set_doctype_system_identifier(&mut self, _value: &[u8]) {}

    fn push_doctype_public_identifier(&mut self, _value: &[u8]) {}

    fn push_doctype_system_identifier(&mut self, _value: &[u8]) {}

    fn emit_current_doctype(&mut self) {
        self.settle();
    }
}
