//! Sentence segmentation: prose regions → trimmed sentence byte ranges.
//!
//! Key decisions:
//! - Two levels. Lines are grouped into blocks (separated by blank lines); inside a block a line
//!   break ends a sentence when the line is a heading (`#`) or a list item (`-`, `*`, `+`, `•`,
//!   `1.`, `1)`), when the next line is one, when the line ends with `:`, or when the line has no
//!   terminal punctuation and is not soft-wrapped. A line followed by one starting in lower case
//!   continues the sentence; so does one ending in `,` `;` `(` or a dash. A block where such
//!   soft wraps occur is *hard-wrapped*, and there a line without terminal punctuation continues
//!   the sentence unless it is shorter than half the block's longest line (a headline).
//! - Inside the lines that belong together, a sentence ends after `.`, `!`, `?` or `…` (runs
//!   like `?!` and `...` included, with closing quotes and brackets kept in the sentence) that is
//!   followed by white space (non-breaking space too) and a word that does not start in lower
//!   case. A full stop after a decimal's digits is never followed by white space, so "28.7"
//!   stays whole. A full stop after an abbreviation that normally precedes a name or number
//!   ([`PREFIX_ABBREVIATIONS`]: Dr., No., St., e.g.) or after a single capital initial (J. K.
//!   Rowling) never ends a sentence; after another abbreviation ([`ABBREVIATIONS`]: Inc., Jan.)
//!   it does only before a capitalised word, and after a dotted one (U.S., U.K., U.N.) only
//!   before a word that commonly starts sentences ("The", "It", "But"), so "the U.S. Geological
//!   Survey" stays one sentence.
//! - Work is linear in the input: every byte is visited a bounded number of times (look-back is
//!   capped at [`MAX_WORD_BYTES`]), and a sentence longer than [`MAX_SENTENCE_BYTES`] is split at
//!   white space (or anywhere, at a character boundary, if there is none), so a megabyte of text
//!   without punctuation costs the same as a megabyte of short sentences.

use std::ops::Range;

use super::Article;
use super::lines::{Line, lines};

/// The longest sentence produced, in bytes; longer runs are split at white space.
pub const MAX_SENTENCE_BYTES: usize = 20_000;

/// How far back from a full stop the word before it is looked for.
pub const MAX_WORD_BYTES: usize = 40;

/// Abbreviations that precede a name or a number and so never end a sentence.
pub const PREFIX_ABBREVIATIONS: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "No", "Nos", "Nr", "St", "Gen", "Gov", "Sen", "Rep", "Sgt", "Capt", "Lt",
    "Col", "Maj", "Adm", "Cmdr", "Rev", "Hon", "Pres", "Supt", "Fig", "Figs", "Vol", "Vols", "Art", "Sec", "pp", "vs",
    "Vs", "v", "e.g", "E.g", "i.e", "I.e", "cf", "Cf", "approx", "Approx", "est", "Est", "ca", "viz", "Messrs",
];

/// Abbreviations that end a sentence only when the next word is capitalised.
pub const ABBREVIATIONS: &[&str] = &[
    "Inc", "Ltd", "Co", "Corp", "Plc", "plc", "Jr", "Sr", "Bros", "etc", "al", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ave", "Blvd", "Rd", "Dept", "Univ", "Mon", "Tue", "Tues", "Wed",
    "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
];

/// Words that commonly start a sentence: after a dotted abbreviation (U.S.) only these end it.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "according",
    "after",
    "all",
    "also",
    "an",
    "and",
    "another",
    "as",
    "at",
    "before",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "earlier",
    "for",
    "from",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "last",
    "later",
    "many",
    "meanwhile",
    "moreover",
    "most",
    "my",
    "now",
    "on",
    "one",
    "our",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "under",
    "we",
    "what",
    "when",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yet",
    "you",
];

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(character: char) -> bool {
    matches!(
        character,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '*' | '_'
    )
}

/// Opening quotes and brackets before a word.
fn is_opener(character: char) -> bool {
    matches!(
        character,
        '"' | '\'' | '“' | '‘' | '„' | '«' | '‹' | '(' | '[' | '{' | '*' | '_'
    )
}

fn is_terminal(character: char) -> bool {
    matches!(character, '.' | '!' | '?' | '…')
}

/// The sentences of every region of `article`, in order.
pub fn sentences(article: &Article) -> Vec<Range<usize>> {
    article
        .regions
        .iter()
        .flat_map(|region| segment(&article.text, region.clone()))
        .collect()
}

/// Splits `text[region]` into sentences, returned as trimmed, non-empty byte ranges into `text`
/// (see the module docs for the rules).
pub fn segment(text: &str, region: Range<usize>) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    for_each_block(text, region, |block| segment_block(text, block, &mut sentences));
    sentences
}

/// The blocks of `text[region]`: runs of non-blank lines, from the first line's content to the
/// last line's. No sentence crosses a block, so segmenting each block gives the sentences of
/// the region, in order; a caller can segment only the blocks it needs.
pub fn blocks(text: &str, region: Range<usize>) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    for_each_block(text, region, |block| {
        blocks.push(block[0].content.start..block[block.len() - 1].content.end);
    });
    blocks
}

/// Calls `visit` with the lines of each block (non-empty, none blank) of `text[region]`.
fn for_each_block(text: &str, region: Range<usize>, mut visit: impl FnMut(&[Line])) {
    let all: Vec<Line> = lines(text, region).collect();
    let blank = |line: &Line| text[line.content.clone()].trim().is_empty();
    let mut index = 0;
    while index < all.len() {
        if blank(&all[index]) {
            index += 1;
            continue;
        }
        let end = all[index..]
            .iter()
            .position(blank)
            .map_or(all.len(), |found| index + found);
        visit(&all[index..end]);
        index = end;
    }
}

/// One block of non-blank lines.
fn segment_block(text: &str, block: &[Line], sentences: &mut Vec<Range<usize>>) {
    let trimmed = |line: &Line| text[line.content.clone()].trim();
    let wrapped = block.windows(2).any(|pair| {
        let (current, next) = (trimmed(&pair[0]), trimmed(&pair[1]));
        starts_lowercase(next) && !ends_sentence_like(current) && !is_heading(current) && !is_list_item(current)
    });
    let longest = block.iter().map(|line| trimmed(line).len()).max().unwrap_or(0);
    let mut start = block[0].content.start;
    for pair in block.windows(2) {
        if line_ends_sentence(trimmed(&pair[0]), trimmed(&pair[1]), wrapped, longest) {
            split_unit(text, start..pair[0].content.end, sentences);
            start = pair[1].content.start;
        }
    }
    split_unit(text, start..block[block.len() - 1].content.end, sentences);
}

/// Whether the break between the trimmed lines `current` and `next` ends a sentence by itself.
/// (A break after terminal punctuation is left to the punctuation rules.)
fn line_ends_sentence(current: &str, next: &str, wrapped: bool, longest: usize) -> bool {
    if is_heading(next) || is_list_item(next) {
        return true;
    }
    if starts_lowercase(next) {
        return false;
    }
    if is_heading(current) || is_list_item(current) {
        return true;
    }
    let last = current.trim_end_matches(is_closer).chars().next_back();
    match last {
        Some(character) if is_terminal(character) => false,
        Some(',' | ';' | '(' | '-' | '–' | '—' | '&' | '/') => false,
        Some(':') | None => true,
        Some(_) => !wrapped || current.len() * 2 < longest,
    }
}

/// Whether a trimmed line ends with punctuation that ends or continues a sentence (not a
/// headline-like bare word).
fn ends_sentence_like(line: &str) -> bool {
    line.trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(|last| is_terminal(last) || last == ':')
}

fn is_heading(line: &str) -> bool {
    let rest = line.trim_start_matches('#');
    rest.len() < line.len()
        && line.len() - rest.len() <= 6
        && (rest.is_empty() || rest.starts_with(char::is_whitespace))
}

fn is_list_item(line: &str) -> bool {
    let mut characters = line.chars();
    match characters.next() {
        Some('-' | '*' | '+' | '•' | '·') => characters.next().is_some_and(char::is_whitespace),
        Some(first) if first.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            digits <= 3
                && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
                && line[digits + 1..].chars().next().is_some_and(char::is_whitespace)
        }
        _ => false,
    }
}

fn starts_lowercase(line: &str) -> bool {
    line.trim_start_matches(is_opener)
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Splits lines that belong together at sentence-ending punctuation.
fn split_unit(text: &str, range: Range<usize>, sentences: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let limit = range.end;
    let mut start = range.start;
    let mut position = range.start;
    let char_at = |at: usize| {
        if at < limit {
            text[at..limit].chars().next()
        } else {
            None
        }
    };
    let mut stops = Stops::new(bytes, limit);
    while position < limit {
        // `.`, `!`, `?` are ASCII and 0xE2 is a lead byte, so `position` is a char boundary.
        position = stops.next_from(position);
        if position >= limit {
            break;
        }
        if !char_at(position).is_some_and(is_terminal) {
            position += 1;
            continue;
        }
        let run_start = position;
        let mut run_end = position;
        while let Some(character) = char_at(run_end).filter(|&character| is_terminal(character)) {
            run_end += character.len_utf8();
        }
        let mut end = run_end;
        while let Some(character) = char_at(end).filter(|&character| is_closer(character)) {
            end += character.len_utf8();
        }
        position = end;
        if char_at(end).is_some_and(|character| !character.is_whitespace()) {
            continue;
        }
        if ends_sentence(text, start, run_start..run_end, end, limit) {
            push_sentence(text, start..end, sentences);
            start = end;
        }
    }
    push_sentence(text, start..limit, sentences);
}

/// Where terminal punctuation may be: the next `.`, `!` or `?` (memchr3) or 0xE2, the lead byte
/// of `…` (memchr), each found once and kept until passed, so the scan runs at memchr speed
/// instead of one comparison chain per byte.
struct Stops<'t> {
    bytes: &'t [u8],
    limit: usize,
    /// Next `.`, `!`, `?` at or after the last query (`limit` if none); `None` before the first.
    ascii: Option<usize>,
    /// Next 0xE2 likewise.
    lead: Option<usize>,
}

impl<'t> Stops<'t> {
    fn new(bytes: &'t [u8], limit: usize) -> Self {
        Stops {
            bytes,
            limit,
            ascii: None,
            lead: None,
        }
    }

    /// The first offset at or after `position` holding a candidate byte, or `limit`.
    fn next_from(&mut self, position: usize) -> usize {
        if position >= self.limit {
            return self.limit;
        }
        let haystack = &self.bytes[position..self.limit];
        if self.ascii.is_none_or(|found| found < position) {
            self.ascii = Some(memchr::memchr3(b'.', b'!', b'?', haystack).map_or(self.limit, |at| position + at));
        }
        if self.lead.is_none_or(|found| found < position) {
            self.lead = Some(memchr::memchr(0xE2, haystack).map_or(self.limit, |at| position + at));
        }
        self.ascii.unwrap_or(self.limit).min(self.lead.unwrap_or(self.limit))
    }
}

/// Whether the terminal punctuation `text[run]`, whose closers end at `after`, ends the sentence
/// that started at `start`.
fn ends_sentence(text: &str, start: usize, run: Range<usize>, after: usize, limit: usize) -> bool {
    let following = text[after..limit].trim_start().trim_start_matches(is_opener);
    let Some(next) = following.chars().next() else {
        return true;
    };
    if next.is_lowercase() {
        return false;
    }
    if &text[run.clone()] != "." {
        return true;
    }
    let word = word_before(text, start, run.start);
    if word.is_empty() || word.ends_with(|character: char| character.is_ascii_digit()) {
        return true;
    }
    if PREFIX_ABBREVIATIONS.contains(&word) {
        return false;
    }
    let mut characters = word.chars();
    if characters.next().is_some_and(char::is_uppercase) && characters.next().is_none() {
        return false;
    }
    if is_dotted(word) {
        let next_word: String = following
            .chars()
            .take_while(|character| character.is_alphabetic())
            .take(20)
            .collect();
        return SENTENCE_STARTERS.contains(&next_word.to_lowercase().as_str());
    }
    if ABBREVIATIONS.contains(&word) {
        return next.is_uppercase();
    }
    true
}

/// The word just before `end` (at most [`MAX_WORD_BYTES`] back, never before `start`), without
/// opening quotes or brackets; empty when there is none or it is too long to be a word.
fn word_before(text: &str, start: usize, end: usize) -> &str {
    let mut lower = end.saturating_sub(MAX_WORD_BYTES).max(start);
    while !text.is_char_boundary(lower) {
        lower += 1;
    }
    let window = &text[lower..end];
    let word = match window
        .char_indices()
        .rev()
        .find(|(_, character)| character.is_whitespace())
    {
        Some((at, character)) => &window[at + character.len_utf8()..],
        None if lower == start => window,
        None => "",
    };
    word.trim_start_matches(is_opener)
}

/// "U.S", "e.g", "Ph.D": letters in groups of one or two separated by full stops.
fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|part| (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic))
}

/// Pushes the trimmed `range` (if not empty), split into pieces of at most
/// [`MAX_SENTENCE_BYTES`].
fn push_sentence(text: &str, range: Range<usize>, sentences: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let mut start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    while end.saturating_sub(start) > MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut lower = start + MAX_SENTENCE_BYTES / 2;
        while !text.is_char_boundary(lower) {
            lower += 1;
        }
        if let Some((at, _)) = text[lower..cut]
            .char_indices()
            .rev()
            .find(|(_, character)| character.is_whitespace())
        {
            cut = lower + at;
        }
        let piece = &text[start..cut];
        sentences.push(start..start + piece.trim_end().len());
        let rest = &text[cut..end];
        start = cut + (rest.len() - rest.trim_start().len());
    }
    if start < end {
        sentences.push(start..end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let ranges = segment(text, 0..text.len());
        let actual: Vec<&str> = ranges.iter().map(|range| &text[range.clone()]).collect();
        assert_eq!(actual, expected, "sentences of {text:?}");
    }

    #[test]
    fn full_stops_and_other_terminators() {
        check(
            "Russia holds reserves. China leads! Does it? Yes.",
            &["Russia holds reserves.", "China leads!", "Does it?", "Yes."],
        );
        check("Really?! No... Maybe… Then", &["Really?!", "No...", "Maybe…", "Then"]);
        check(
            "It grew in 2023. 28.7 million tonnes remain.",
            &["It grew in 2023.", "28.7 million tonnes remain."],
        );
        check("Wait... what happened", &["Wait... what happened"]);
    }

    #[test]
    fn abbreviations() {
        check(
            "Dr. Smith met Mr. Jones and Mrs. Lee at St. Paul's.",
            &["Dr. Smith met Mr. Jones and Mrs. Lee at St. Paul's."],
        );
        check(
            "It ranks No. 5 in the world. China is No. 1. Russia follows.",
            &["It ranks No. 5 in the world.", "China is No. 1.", "Russia follows."],
        );
        check(
            "U.S. officials and the U.N. agreed. The E.U. did too.",
            &["U.S. officials and the U.N. agreed.", "The E.U. did too."],
        );
        check(
            "Reserves in the U.S. The U.K. has fewer.",
            &["Reserves in the U.S.", "The U.K. has fewer."],
        );
        check(
            "According to the U.S. Geological Survey, it is large.",
            &["According to the U.S. Geological Survey, it is large."],
        );
        check(
            "Minerals, e.g. lithium, i.e. metals. Gov. Newsom and Sen. Warren agreed.",
            &[
                "Minerals, e.g. lithium, i.e. metals.",
                "Gov. Newsom and Sen. Warren agreed.",
            ],
        );
        check(
            "Rosatom Corp. and Nornickel Ltd. said so. Acme Inc. Its shares fell.",
            &[
                "Rosatom Corp. and Nornickel Ltd. said so.",
                "Acme Inc.",
                "Its shares fell.",
            ],
        );
        check(
            "On Jan. 5 it fell, approx. 5 Mt vs. 3 Mt est. in Dec. The rest.",
            &["On Jan. 5 it fell, approx. 5 Mt vs. 3 Mt est. in Dec.", "The rest."],
        );
        check(
            "Prof. Gen. Rep. Co. see J. K. Rowling wrote it. Next.",
            &["Prof. Gen. Rep. Co. see J. K. Rowling wrote it.", "Next."],
        );
    }

    #[test]
    fn quotes_brackets_and_spaces() {
        check(
            "He said “it is large.” Then he left.",
            &["He said “it is large.”", "Then he left."],
        );
        check(
            "\"Yes.\" (See below.) 'No!' Done",
            &["\"Yes.\"", "(See below.)", "'No!'", "Done"],
        );
        check("“Why?” he asked. “Because.”", &["“Why?” he asked.", "“Because.”"]);
        check(
            "Dr.\u{a0}Smith said so.\u{a0}Then\u{a0}left.",
            &["Dr.\u{a0}Smith said so.", "Then\u{a0}left."],
        );
        check("the site example.com says so", &["the site example.com says so"]);
    }

    #[test]
    fn headlines_and_list_items() {
        check(
            "Russia's Rare Earth Gambit\nPutin spoke on Monday.",
            &["Russia's Rare Earth Gambit", "Putin spoke on Monday."],
        );
        check(
            "# Heading\nText here.\n## Another heading\nMore.",
            &["# Heading", "Text here.", "## Another heading", "More."],
        );
        check(
            "Reasons:\n- cheap energy\n- large reserves\n1. first\n2) second",
            &[
                "Reasons:",
                "- cheap energy",
                "- large reserves",
                "1. first",
                "2) second",
            ],
        );
        check("Title\n\nBody text\n\n\nEnd", &["Title", "Body text", "End"]);
        check(
            "A Novel Geopolitical Gambit: Putin's Overture to American Capital in Ukrainian Minerals\nThe recent pronouncements were long.",
            &[
                "A Novel Geopolitical Gambit: Putin's Overture to American Capital in Ukrainian Minerals",
                "The recent pronouncements were long.",
            ],
        );
    }

    #[test]
    fn soft_wrapped_paragraphs_continue() {
        check(
            "Russia holds the largest\nreserves in the world.\nChina follows.",
            &["Russia holds the largest\nreserves in the world.", "China follows."],
        );
        check(
            "The deposits are among the largest in\nthe world, according to remarks made by\nVladimir Putin on Tuesday in the capital.\nShort title\n",
            &[
                "The deposits are among the largest in\nthe world, according to remarks made by\nVladimir Putin on Tuesday in the capital.",
                "Short title",
            ],
        );
        check(
            "Reserves total 28.7\nmillion tonnes, said\nVladimir Putin.",
            &["Reserves total 28.7\nmillion tonnes, said\nVladimir Putin."],
        );
    }

    #[test]
    fn line_endings() {
        check(
            "First line.\r\nSecond line.\r\n\r\nHeadline\r\nBody.",
            &["First line.", "Second line.", "Headline", "Body."],
        );
        check(
            "Headline\rBody one.\rBody two.",
            &["Headline", "Body one.", "Body two."],
        );
    }

    #[test]
    fn regions_and_offsets() {
        let text = "skip. Keep this. And this.";
        let ranges = segment(text, 6..text.len());
        assert_eq!(ranges, [6..16, 17..26]);
        assert!(segment("   \n\t ", 0..6).is_empty());
        let mut article = Article::plain("a.txt", "One. Two.\nThree.");
        article.regions = vec![0..4, 10..16];
        assert_eq!(sentences(&article), [0..4, 10..16]);
    }

    #[test]
    fn blocks_segment_like_their_region() {
        let texts = [
            "One. Two.\n\nThree here\ncontinues. Four.\n\n\n# Heading\n- item one\n- item two",
            "  \n\nLead line\r\nwrapped on. End.\r\n\r\n  \r\nLast block without stop",
            "Only one block, no break at all",
            "",
            "\n\n\n",
        ];
        for text in texts {
            let blocks = blocks(text, 0..text.len());
            let by_block: Vec<Range<usize>> = blocks.iter().flat_map(|block| segment(text, block.clone())).collect();
            assert_eq!(by_block, segment(text, 0..text.len()), "{text:?}");
            for block in &blocks {
                let inner = &text[block.clone()];
                assert!(!inner.contains("\n\n") && !inner.trim().is_empty(), "{inner:?}");
            }
        }
        assert_eq!(blocks("a\n\nb c\n", 0..7), [0..1, 3..6]);
    }

    #[test]
    fn long_sentences_are_capped_in_linear_time() {
        let text = "word ".repeat(200_000);
        let started = std::time::Instant::now();
        let ranges = segment(&text, 0..text.len());
        assert!(started.elapsed().as_secs() < 5, "took {:?}", started.elapsed());
        assert!(
            ranges
                .iter()
                .all(|range| range.len() <= MAX_SENTENCE_BYTES && !text[range.clone()].ends_with(' '))
        );
        assert_eq!(
            ranges
                .iter()
                .map(|range| text[range.clone()].split_whitespace().count())
                .sum::<usize>(),
            200_000
        );
        let unbroken = "é".repeat(30_000);
        let pieces = segment(&unbroken, 0..unbroken.len());
        assert_eq!(pieces.iter().map(ExactSizeIterator::len).sum::<usize>(), unbroken.len());
        let dots = ". ".repeat(100_000);
        assert_eq!(segment(&dots, 0..dots.len()).len(), 100_000);
    }
}
