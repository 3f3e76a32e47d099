//! Tokens: words, numbers and single punctuation marks with their byte spans.
//!
//! The tokenizer allocates nothing per token beyond the output vector and never changes byte
//! offsets: a token's text is always `text[token.start..token.end]`. Design decisions:
//! - a hyphen or dash between two letters joins words and is dropped ("rare-earth" gives the
//!   same tokens as "rare earth"); between two digits it is kept as a [`TokenKind::Punct`] so
//!   "10–12" reads as a range;
//! - a trailing `'s`, `’s` or a lone apostrophe after a plural `s` is its own
//!   [`TokenKind::Possessive`] token, so "Russia's" matches the alias "Russia";
//! - digits and letters split apart ("1.2bn" → `1.2`, `bn`; "44Mt" → `44`, `Mt`), and a number
//!   keeps its inner separators ("44,000,000", "28.7").

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of letters (and marks), e.g. `Russia`, `bn`.
    Word,
    /// Digits with inner `,` or `.` separators, e.g. `28.7`, `44,000,000`.
    Number,
    /// `'s`, `’s`, or a bare apostrophe closing a plural possessive.
    Possessive,
    /// Any other single character that is not white space: `%`, `$`, `–`, `,`, `(`.
    Punct,
}

/// One token: a kind and a byte span into the text it was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Whether white space separates this token from the previous one.
    pub space_before: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }

    /// Whether the token is `word`, ignoring ASCII case.
    pub fn is(&self, source: &str, word: &str) -> bool {
        self.text(source).eq_ignore_ascii_case(word)
    }

    /// Whether a gap stops before this token: at one of `stops` when a rule sets its own
    /// (lowercase words or marks), at the built-in [`GAP_STOPS`] otherwise.
    pub(crate) fn stops_gap(&self, source: &str, stops: Option<&[String]>) -> bool {
        match stops {
            None => self.breaks_clause(source, ClauseReader::Gap),
            Some(stops) => {
                matches!(self.kind, TokenKind::Word | TokenKind::Punct)
                    && stops.iter().any(|stop| self.is(source, stop))
            }
        }
    }

    /// Whether the token ends a clause for `reader` (see [`CLAUSE_BREAKS`]).
    pub(crate) fn breaks_clause(&self, source: &str, reader: ClauseReader) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Punct)
            && CLAUSE_BREAKS.iter().any(|&(text, gap, cues)| {
                let breaks = match reader {
                    ClauseReader::Gap => gap,
                    ClauseReader::Cues => cues,
                };
                breaks && self.is(source, text)
            })
    }
}

/// Who asks where a clause ends: the two readers differ on some breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ClauseReader {
    /// A template's gap (`..N`), which never skips into another clause.
    Gap,
    /// Negation and hedge cues, looked for from the last clause break before a match.
    Cues,
}

/// The words and marks a template's gap (`..N`) never skips unless a rule sets its own
/// `gap_stops`: the gap column of [`CLAUSE_BREAKS`], for documentation and `explain`.
pub const GAP_STOPS: &[&str] = &[";", "—", "(", ")", "but", "whereas"];

/// The clause breaks, one place for both readers: (word or punctuation mark, ASCII case
/// ignored; whether a gap stops before it; whether cues are looked for only after it).
const CLAUSE_BREAKS: &[(&str, bool, bool)] = &[
    (";", true, true),
    (":", false, true),
    ("—", true, false),
    ("(", true, false),
    (")", true, false),
    ("but", true, true),
    ("whereas", true, true),
    ("while", false, true),
    ("although", false, true),
    ("though", false, true),
    ("however", false, true),
    ("yet", false, true),
];

#[cfg(test)]
#[test]
fn gap_stops_are_the_gap_column_of_the_clause_breaks() {
    let gap: Vec<&str> = CLAUSE_BREAKS
        .iter()
        .filter(|(_, gap, _)| *gap)
        .map(|(text, ..)| *text)
        .collect();
    assert_eq!(gap, GAP_STOPS);
}

fn is_word_char(character: char) -> bool {
    character.is_alphabetic() || is_mark(character)
}

fn is_mark(character: char) -> bool {
    // Combining marks keep accented words whole even in decomposed form.
    matches!(character as u32, 0x0300..=0x036F)
}

fn is_apostrophe(character: char) -> bool {
    matches!(character, '\'' | '’' | 'ʼ')
}

fn is_joiner(character: char) -> bool {
    matches!(character, '-' | '‐' | '‑' | '–' | '—')
}

/// Splits `text[range]` into tokens whose spans are offsets into `text`.
pub fn tokenize_into(text: &str, range: std::ops::Range<usize>, tokens: &mut Vec<Token>) {
    let base = range.start;
    let slice = &text[range];
    let mut chars = slice.char_indices().peekable();
    let mut space_before = true;
    while let Some((offset, character)) = chars.next() {
        let start = base + offset;
        if character.is_whitespace() {
            space_before = true;
            continue;
        }
        let kind;
        let mut end = start + character.len_utf8();
        if character.is_ascii_digit() {
            kind = TokenKind::Number;
            while let Some(&(next_offset, next)) = chars.peek() {
                if next.is_ascii_digit() {
                    end = base + next_offset + 1;
                    chars.next();
                } else if matches!(next, ',' | '.') {
                    // A separator counts only when a digit follows it.
                    let after = slice[next_offset + 1..].chars().next();
                    if after.is_some_and(|c| c.is_ascii_digit()) {
                        chars.next();
                        end = base + next_offset + 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
        } else if is_word_char(character) {
            kind = TokenKind::Word;
            while let Some(&(next_offset, next)) = chars.peek() {
                if is_word_char(next) {
                    end = base + next_offset + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
        } else if is_apostrophe(character) {
            // `'s` after a word, or a bare `'` after a word ending in s: possessive.
            let previous_is_word = tokens
                .last()
                .is_some_and(|last| last.kind == TokenKind::Word && last.end == start);
            let next = slice[offset + character.len_utf8()..].chars().next();
            let after_next = slice[offset + character.len_utf8()..].chars().nth(1);
            if previous_is_word && next.is_some_and(|c| c == 's' || c == 'S') && !after_next.is_some_and(is_word_char) {
                chars.next();
                end += 1;
                kind = TokenKind::Possessive;
            } else if previous_is_word
                && tokens.last().is_some_and(|last| last.text(text).ends_with(['s', 'S']))
                && !next.is_some_and(is_word_char)
            {
                kind = TokenKind::Possessive;
            } else if previous_is_word && next.is_some_and(is_word_char) {
                // Inner apostrophe ("don't", "O'Neil"): part of the word.
                let last = tokens.last_mut().expect("previous_is_word checked a last token");
                end = last.end;
                while let Some(&(next_offset, next)) = chars.peek() {
                    if is_word_char(next) {
                        end = base + next_offset + next.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                last.end = end;
                space_before = false;
                continue;
            } else {
                kind = TokenKind::Punct;
            }
        } else if is_joiner(character) {
            let previous = tokens.last().filter(|last| last.end == start);
            let next = slice[offset + character.len_utf8()..].chars().next();
            let joins_words =
                previous.is_some_and(|last| last.kind == TokenKind::Word) && next.is_some_and(is_word_char);
            if joins_words {
                // "rare-earth": drop the hyphen, the next word follows with no space.
                space_before = false;
                continue;
            }
            kind = TokenKind::Punct;
        } else {
            kind = TokenKind::Punct;
        }
        tokens.push(Token {
            kind,
            start,
            end,
            space_before,
        });
        space_before = false;
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, 0..text.len(), &mut tokens);
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let tokens = tokenize(text);
        let actual: Vec<String> = tokens
            .iter()
            .map(|token| match token.kind {
                TokenKind::Word => token.text(text).to_string(),
                TokenKind::Number => format!("#{}", token.text(text)),
                TokenKind::Possessive => format!("~{}", token.text(text)),
                TokenKind::Punct => format!("[{}]", token.text(text)),
            })
            .collect();
        assert_eq!(actual, expected, "tokens of {text:?}");
    }

    #[test]
    fn words_numbers_and_punctuation() {
        check(
            "Russia holds 28.7 million tonnes.",
            &["Russia", "holds", "#28.7", "million", "tonnes", "[.]"],
        );
        check("44,000,000 tons, 5%", &["#44,000,000", "tons", "[,]", "#5", "[%]"]);
        check(
            "$260 million and £600m",
            &["[$]", "#260", "million", "and", "[£]", "#600", "m"],
        );
        check("1.2bn tons or 44Mt", &["#1.2", "bn", "tons", "or", "#44", "Mt"]);
        check("in 2023.", &["in", "#2023", "[.]"]);
    }

    #[test]
    fn hyphens_join_words_but_not_numbers() {
        check("rare-earth second–largest", &["rare", "earth", "second", "largest"]);
        check("10–12 million", &["#10", "[–]", "#12", "million"]);
        check("a - b", &["a", "[-]", "b"]);
    }

    #[test]
    fn possessives_and_apostrophes() {
        check("Russia's and China’s", &["Russia", "~'s", "and", "China", "~’s"]);
        check("the countries' reserves", &["the", "countries", "~'", "reserves"]);
        check("don't 'quoted'", &["don't", "[']", "quoted", "[']"]);
    }

    #[test]
    fn spans_are_exact() {
        let text = "Ünïcode – Россия’s 3.5\u{a0}Mt";
        for token in tokenize(text) {
            assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
            assert!(!token.text(text).is_empty());
        }
    }
}
