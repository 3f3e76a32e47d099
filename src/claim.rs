//! Claims: the structured facts the matcher extracts from articles.
//!
//! A [`Claim`] is what one rule found in one sentence: who ([`Claim::subject`]) says what about
//! which thing ([`Claim::object`]), in which [`Scope`], with which normalised [`Value`], how
//! firmly ([`Modality`]) and exactly where ([`Evidence`]). Claims are plain data that feed the
//! comparator; their JSON form (`crosscheck extract --format json`, saved reports) is the
//! report's wire model (`report/json.rs`), so these types can change without changing it.
//!
//! Values are [`crate::value`]'s, one file per value type; they are re-exported here.
//!
//! Invariant: `article.text[evidence.span]` is `evidence.quote`, byte for byte.
//!
//! Memory: what many claims repeat is [`Shared`] — one allocation per article path, rule id,
//! kind, lexicon name and entry id, and one per sentence however many claims it holds — so a
//! claim costs its own struct, its quote and a few short strings. The optional parts (an
//! alternate figure, a table cell, the effective time, an antecedent, an alias link, a
//! stand-in, modality cues) are boxed: an absent one costs a pointer, not its size (the struct
//! is 632 bytes, was 1,160). Outputs show a sentence only as [`Evidence::window`], at most
//! [`SENTENCE_CONTEXT`] bytes either side of the match.

use std::sync::Arc;

pub use crate::value::{Bound, Order, Quantity, Rank, Relation, Value};

/// Text that many claims hold the same: cloning it copies a pointer, not the words. It reads
/// like a `String` (`as_str`, `==` with `str` and `String`, `Display`, `Debug` as a string), so
/// code that reads claims does not care that the words are shared.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Shared(Arc<str>);

impl Shared {
    /// The words.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `self` and `other` are one allocation, not merely equal words (what tests of
    /// sharing check).
    pub fn shares_with(&self, other: &Shared) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Default for Shared {
    fn default() -> Self {
        Shared::from("")
    }
}

impl std::ops::Deref for Shared {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Shared {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Shared {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Shared {
    fn from(text: &str) -> Self {
        Shared(Arc::from(text))
    }
}

impl From<String> for Shared {
    fn from(text: String) -> Self {
        Shared(Arc::from(text))
    }
}

impl From<&String> for Shared {
    fn from(text: &String) -> Self {
        Shared(Arc::from(text.as_str()))
    }
}

impl From<Shared> for String {
    fn from(text: Shared) -> Self {
        text.0.to_string()
    }
}

impl PartialEq<str> for Shared {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Shared {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Shared> for String {
    fn eq(&self, other: &Shared) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Shared> for &str {
    fn eq(&self, other: &Shared) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Shared> for str {
    fn eq(&self, other: &Shared) -> bool {
        *self == *other.0
    }
}

impl std::fmt::Display for Shared {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, formatter)
    }
}

/// Bytes of a sentence that outputs show before and after a claim's match: a claim in a
/// 20 KB run-on sentence carries a window of a few hundred bytes, not the whole of it.
pub const SENTENCE_CONTEXT: usize = 240;

/// How far inwards a window's cut may move to fall between words.
const WORD_SLACK: usize = 24;

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// The range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Number of bytes covered.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// One claim extracted from one sentence of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Stable identifier: a hash of the article path, rule, key, value and quote. It does not
    /// depend on line numbers or byte offsets, so it survives edits elsewhere in the article.
    pub id: String,
    /// Id of the rule that produced the claim.
    pub rule: Shared,
    /// What the claim is about (`reserves`, `production-share`, ...), from the rule.
    pub kind: Shared,
    /// The entity the claim is made about, e.g. Russia.
    pub subject: Option<Entity>,
    /// The thing measured or discussed, e.g. rare earths.
    pub object: Option<Entity>,
    /// Year and region the claim is limited to.
    pub scope: Scope,
    /// The normalised value.
    pub value: Value,
    /// Asserted, negated, hedged and/or attributed.
    pub modality: Modality,
    /// Where the claim was found.
    pub evidence: Evidence,
    /// The same figure restated in parentheses in another unit or currency ("$4.2bn (£3.3bn)"):
    /// an alternate of this claim's value, never a claim of its own.
    pub alternate: Option<Box<Quantity>>,
    /// The table cell or list item the claim was read from, when it was not a sentence.
    pub cell: Option<Box<Cell>>,
    /// When the claim holds: the year its sentence states or, failing that, the article's
    /// publication date. `None` when neither is known.
    pub time: Option<Box<Time>>,
    /// The words the subject was resolved to when the sentence names it by a pronoun or a
    /// description ("it", "the country", "this self-sufficiency").
    pub antecedent: Option<Box<Antecedent>>,
    /// The renaming or apposition that made the subject's name an alias of its entry within the
    /// article ("Calder Group, formerly Calder Mining"), when the subject was read through one
    /// (directly or as an antecedent).
    pub alias_link: Option<Box<AliasLink>>,
    /// The entity the text names when it stands for the subject: a head of state for their
    /// country ("Putin" for Russia), as a lexicon's `stands_for` declares.
    pub stand_in: Option<Box<Entity>>,
    /// Who the claim comes from: the speaker of its attribution, or its stand-in.
    pub source: Option<String>,
    /// The source and effective year together ("USGS, 2025"): what tells a revision by one
    /// source from a contradiction between two.
    pub edition: Option<String>,
}

/// Where in a table or list a claim was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// `table`, `list` or `parenthetical`.
    pub structure: String,
    /// One-based data row (list item) number.
    pub row: u32,
    /// One-based column of the cell the value was read from (a list item's figure is column 2).
    pub column: u32,
    /// The header of that column (for a list, its heading or introducing sentence), if any.
    pub header: Option<String>,
}

/// What an effective [`Time`] rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeBasis {
    /// The sentence states it ("in 2024", "2023 figures", "last year" read against the
    /// publication date).
    Stated,
    /// The article's publication date, the sentence naming no time.
    Published,
}

impl TimeBasis {
    /// `stated` or `published`.
    pub fn label(self) -> &'static str {
        match self {
            TimeBasis::Stated => "stated",
            TimeBasis::Published => "published",
        }
    }
}

/// When a claim holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Time {
    /// The year.
    pub year: i32,
    /// The date, ISO 8601 as precise as known (`2025-03-04`, `2025-03`), when the time is the
    /// publication date.
    pub date: Option<String>,
    /// Whether the sentence states it or the publication date gives it.
    pub basis: TimeBasis,
    /// The words that state it ("last year", "as of 2023"), when stated.
    pub text: Option<String>,
    /// Where those words are.
    pub span: Option<Span>,
}

impl std::fmt::Display for Time {
    /// `2025 (stated)`, `2025-03-04 (published)`.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.date {
            Some(date) => write!(formatter, "{date} ({})", self.basis.label()),
            None => write!(formatter, "{} ({})", self.year, self.basis.label()),
        }
    }
}

/// The mention a pronoun or description was resolved to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Antecedent {
    /// The words as in the text, e.g. `Russia`.
    pub text: String,
    /// Where they are in the article's text.
    pub span: Span,
    /// One-based line of `span.start` in the original file.
    pub line: u32,
    /// One-based column of `span.start`, in characters.
    pub column: u32,
}

/// The words that linked a name to a lexicon entry within one article: a renaming or an
/// apposition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AliasLink {
    /// The linking phrase as in the text, e.g. `Calder Group, formerly Calder Mining`.
    pub text: String,
    /// Where it is in the article's text.
    pub span: Span,
    /// One-based line of `span.start` in the original file.
    pub line: u32,
    /// One-based column of `span.start`, in characters.
    pub column: u32,
}

/// The edition of a claim: its source and effective year together ("USGS, 2025").
pub fn edition(source: Option<&str>, time: Option<&Time>) -> Option<String> {
    source
        .zip(time)
        .map(|(source, time)| format!("{source}, {}", time.year))
}

impl Claim {
    /// The grouping key: kind, subject, object and scope.
    pub fn key(&self) -> Key {
        Key {
            kind: self.kind.to_string(),
            subject: self.subject.as_ref().map(|entity| entity.id.to_string()),
            object: self.object.as_ref().map(|entity| entity.id.to_string()),
            scope: self.scope.clone(),
        }
    }

    /// The grouping key, borrowed, for writing its display text ([`Key`]'s, without clones).
    pub fn key_text(&self) -> KeyText<'_> {
        KeyText {
            kind: &self.kind,
            subject: self.subject.as_ref().map(|entity| entity.id.as_str()),
            object: self.object.as_ref().map(|entity| entity.id.as_str()),
            region: self.scope.region.as_deref(),
            year: self.scope.year,
        }
    }
}

/// What claims are grouped by when they are compared.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    /// Claim kind.
    pub kind: String,
    /// Canonical subject id.
    pub subject: Option<String>,
    /// Canonical object id.
    pub object: Option<String>,
    /// Scope.
    pub scope: Scope,
}

impl std::fmt::Display for Key {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        KeyText {
            kind: &self.kind,
            subject: self.subject.as_deref(),
            object: self.object.as_deref(),
            region: self.scope.region.as_deref(),
            year: self.scope.year,
        }
        .fmt(formatter)
    }
}

/// A key's parts, borrowed, and the one place its display text is written:
/// `reserves · russia · rare-earths · in europe · 2023` (kind, subject, object, `in` region,
/// year; absent parts left out). [`Key`] displays through it, and so does the comparator, which
/// writes a finding's key straight from a claim ([`Claim::key_text`]) without cloning it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyText<'a> {
    /// Claim kind.
    pub kind: &'a str,
    /// Canonical subject id.
    pub subject: Option<&'a str>,
    /// Canonical object id.
    pub object: Option<&'a str>,
    /// Canonical region id.
    pub region: Option<&'a str>,
    /// Scope year.
    pub year: Option<i32>,
}

impl std::fmt::Display for KeyText<'_> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.kind)?;
        if let Some(subject) = self.subject {
            write!(formatter, " · {subject}")?;
        }
        if let Some(object) = self.object {
            write!(formatter, " · {object}")?;
        }
        if let Some(region) = self.region {
            write!(formatter, " · in {region}")?;
        }
        if let Some(year) = self.year {
            write!(formatter, " · {year}")?;
        }
        Ok(())
    }
}

/// A lexicon entry as it was found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Canonical id from the lexicon, e.g. `russia`.
    pub id: Shared,
    /// Lexicon the entry belongs to, e.g. `country`.
    pub lexicon: Shared,
    /// The words as they appear in the text, e.g. `the Kremlin`.
    pub text: String,
    /// Where they appear.
    pub span: Span,
}

/// The limits of a claim: an as-of year, a region.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Scope {
    /// The year the figure is given for ("as of 2023", "in 2024").
    pub year: Option<i32>,
    /// Canonical id of a region the claim is limited to ("in Europe"); `None` is the world.
    pub region: Option<String>,
}

/// Whether a claim is stated or denied.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Polarity {
    /// Stated.
    #[default]
    Asserted,
    /// Denied: "not", "no longer", "denied that".
    Negated,
}

/// A cue word found in the sentence and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// The words, as in the text.
    pub text: String,
    /// Where they are.
    pub span: Span,
}

/// Who a claim is attributed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker, e.g. `Putin`, `the USGS`.
    pub speaker: String,
    /// The attribution words, e.g. `according to`, `said`.
    pub cue: Cue,
}

/// How firmly a claim is made.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Modality {
    /// Asserted or negated.
    pub polarity: Polarity,
    /// The negation cue, when negated.
    pub negation: Option<Box<Cue>>,
    /// The hedge cue ("could", "reportedly", "some of"), when hedged.
    pub hedge: Option<Box<Cue>>,
    /// The speaker, when the claim is attributed.
    pub attribution: Option<Box<Attribution>>,
}

impl Modality {
    /// A plain assertion, neither hedged nor attributed.
    pub fn is_plain(&self) -> bool {
        self.polarity == Polarity::Asserted && self.hedge.is_none() && self.attribution.is_none()
    }

    /// One word for the modality: `asserted`, `negated`, `hedged` or `attributed`.
    pub fn label(&self) -> &'static str {
        if self.polarity == Polarity::Negated {
            "negated"
        } else if self.attribution.is_some() {
            "attributed"
        } else if self.hedge.is_some() {
            "hedged"
        } else {
            "asserted"
        }
    }
}

/// Where a claim was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// The article's path as given on the command line (or `<stdin>`), with `#N` for the N-th
    /// record of a JSON Lines file.
    pub path: Shared,
    /// Bytes of the matched words in the article text.
    pub span: Span,
    /// One-based line of `span.start` in the original file.
    pub line: u32,
    /// One-based column of `span.start`, in characters.
    pub column: u32,
    /// `text[span]`.
    pub quote: String,
    /// The whole sentence (`text[sentence_span]`), shared by every claim of the sentence; for a
    /// claim read back from a report, the window the report showed.
    pub sentence: Shared,
    /// Where `sentence` is.
    pub sentence_span: Span,
    /// Where the whole sentence is, when `sentence` holds only a window of it (a claim read
    /// back from a report that cut a long sentence); `None` when `sentence` is whole.
    pub whole_sentence: Option<Span>,
}

impl Evidence {
    /// Where the whole sentence is, whether or not `sentence` holds all of it.
    pub fn whole_sentence_span(&self) -> Span {
        self.whole_sentence.unwrap_or(self.sentence_span)
    }

    /// The part of the sentence outputs show, and where it is: the whole sentence when it is
    /// short, else the match with up to [`SENTENCE_CONTEXT`] bytes either side, cut between
    /// words where a space is near and always on character boundaries. A window of a window
    /// is itself, so a report read back and written again shows the same words.
    pub fn window(&self) -> (Span, &str) {
        let sentence = &*self.sentence;
        let base = self.sentence_span.start;
        let matched = self.span.start.saturating_sub(base).min(sentence.len())
            ..self.span.end.saturating_sub(base).min(sentence.len());
        if sentence.len() <= matched.len() + 2 * SENTENCE_CONTEXT {
            return (self.sentence_span, sentence);
        }
        let start = cut_before(sentence, matched.start.saturating_sub(SENTENCE_CONTEXT), matched.start);
        let end = cut_after(
            sentence,
            (matched.end + SENTENCE_CONTEXT).min(sentence.len()),
            matched.end,
        );
        (Span::new(base + start, base + end), &sentence[start..end])
    }
}

/// A window's start at or after `at` (and at most `limit`): the character boundary after a
/// space within [`WORD_SLACK`] bytes, else the first character boundary.
fn cut_before(text: &str, at: usize, limit: usize) -> usize {
    if at == 0 {
        return 0;
    }
    let bytes = text.as_bytes();
    let slack = (at + WORD_SLACK).min(limit);
    if let Some(space) = (at..slack).find(|&index| bytes[index] == b' ') {
        return space + 1;
    }
    (at..=limit)
        .find(|&index| text.is_char_boundary(index))
        .unwrap_or(limit)
}

/// A window's end at or before `at` (and at least `limit`): a space within [`WORD_SLACK`]
/// bytes, else the last character boundary.
fn cut_after(text: &str, at: usize, limit: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let bytes = text.as_bytes();
    let slack = at.saturating_sub(WORD_SLACK).max(limit);
    if let Some(space) = (slack..at).rev().find(|&index| bytes[index] == b' ') {
        return space;
    }
    (limit..=at)
        .rev()
        .find(|&index| text.is_char_boundary(index))
        .unwrap_or(limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Evidence for the match `quote` (its first occurrence) in the sentence `sentence`, which
    /// starts at byte 1000 of its article.
    fn evidence(sentence: &str, quote: &str) -> Evidence {
        let start = 1000 + sentence.find(quote).expect("quote in sentence");
        Evidence {
            path: "a.md".into(),
            span: Span::new(start, start + quote.len()),
            line: 1,
            column: 1,
            quote: quote.to_owned(),
            sentence: sentence.into(),
            sentence_span: Span::new(1000, 1000 + sentence.len()),
            whole_sentence: None,
        }
    }

    /// The window of the match `quote` in `sentence`, and checks of what every window holds:
    /// its text is the sentence's at its span, and it contains the match.
    #[track_caller]
    fn window(sentence: &str, quote: &str) -> (Span, String) {
        let evidence = evidence(sentence, quote);
        let (span, text) = evidence.window();
        assert_eq!(&sentence[span.start - 1000..span.end - 1000], text);
        assert!(span.start <= evidence.span.start && evidence.span.end <= span.end);
        (span, text.to_owned())
    }

    #[test]
    fn a_short_sentence_is_shown_whole() {
        let sentence = "Russia holds 28.7 million tonnes of rare-earth reserves.";
        let (span, text) = window(sentence, "28.7 million tonnes");
        assert_eq!(span, Span::new(1000, 1000 + sentence.len()));
        assert_eq!(text, sentence);
    }

    #[test]
    fn a_long_sentence_is_cut_between_words_around_the_match() {
        let padding = "and the ministry added more detail ".repeat(40);
        let sentence = format!("{padding}Russia holds 28.7 million tonnes of reserves {padding}today.");
        let (span, text) = window(&sentence, "Russia holds 28.7 million tonnes");
        assert!(
            text.len() <= "Russia holds 28.7 million tonnes".len() + 2 * SENTENCE_CONTEXT,
            "{}",
            text.len()
        );
        assert!(text.len() >= 2 * (SENTENCE_CONTEXT - WORD_SLACK), "{}", text.len());
        assert!(!text.starts_with(' ') && !text.ends_with(' '), "{text:?}");
        assert!(sentence.as_bytes()[span.start - 1000 - 1] == b' ', "cut after a space");
        assert!(sentence.as_bytes()[span.end - 1000] == b' ', "cut before a space");
    }

    #[test]
    fn a_cut_without_spaces_falls_on_character_boundaries() {
        let padding = "é".repeat(400);
        let sentence = format!("{padding}Russia holds 28.7 Mt{padding}");
        let (_, text) = window(&sentence, "Russia holds 28.7 Mt");
        assert!(text.contains("Russia holds 28.7 Mt"));
        assert!(text.len() < sentence.len());
    }

    #[test]
    fn a_match_at_the_edge_keeps_the_window_inside_the_sentence() {
        let sentence = format!("Russia holds 28.7 Mt {}", "of which more ".repeat(60));
        let (span, text) = window(&sentence, "Russia holds 28.7 Mt");
        assert_eq!(span.start, 1000);
        assert!(text.starts_with("Russia holds"));
        let sentence = format!("{}Russia holds 28.7 Mt", "of which more ".repeat(60));
        let (span, _) = window(&sentence, "Russia holds 28.7 Mt");
        assert_eq!(span.end, 1000 + sentence.len());
    }

    #[test]
    fn a_window_of_a_window_is_itself() {
        let padding = "and the ministry added more detail ".repeat(40);
        let sentence = format!("{padding}Russia holds 28.7 million tonnes of reserves {padding}today.");
        let whole = evidence(&sentence, "Russia holds 28.7 million tonnes");
        let (span, text) = whole.window();
        let read_back = Evidence {
            sentence: text.into(),
            sentence_span: span,
            whole_sentence: Some(whole.sentence_span),
            ..whole.clone()
        };
        assert_eq!(read_back.window(), (span, text));
        assert_eq!(read_back.whole_sentence_span(), whole.sentence_span);
    }

    /// A claim's inline size is what every held claim costs before its strings: the optional
    /// parts most claims leave empty are boxed, so adding one inline (an `Option<Quantity>` is
    /// 152 bytes) shows here rather than as 20% more memory on a dense corpus.
    #[test]
    fn a_claim_keeps_its_rarely_present_parts_out_of_line() {
        assert!(
            std::mem::size_of::<Claim>() <= 640,
            "size_of::<Claim>() = {}",
            std::mem::size_of::<Claim>()
        );
        assert!(
            std::mem::size_of::<Modality>() <= 32,
            "{}",
            std::mem::size_of::<Modality>()
        );
    }

    #[test]
    fn shared_text_reads_like_a_string() {
        let shared = Shared::from("russia");
        assert_eq!(shared, "russia");
        assert_eq!(shared, "russia".to_string());
        assert_eq!(format!("{shared} {shared:?}"), "russia \"russia\"");
        assert!(shared.shares_with(&shared.clone()));
        assert!(!shared.shares_with(&Shared::from("russia")));
    }
}
