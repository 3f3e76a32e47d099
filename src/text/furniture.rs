//! Page furniture: menus, share buttons, ads, link lists and credit lines that yield no claims.
//!
//! Key decision: furniture is recognised line by line, never inside prose. A line is furniture
//! when its trimmed text (with a leading Markdown list or heading marker removed) matches one of
//! the patterns *as a whole*, case-insensitively; lines longer than
//! [`MAX_FURNITURE_LINE_BYTES`] are always prose. A *section* pattern ("Related articles",
//! "From our network") also excludes the block of lines under it, up to the next blank line.
//! Excluded lines are simply left out of an article's regions; the text itself is never changed.

use std::ops::Range;
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::{RegexSet, RegexSetBuilder};

use super::lines::lines;

/// Lines longer than this are never furniture (and are not matched against the patterns).
pub const MAX_FURNITURE_LINE_BYTES: usize = 300;

/// The default furniture line patterns (regular expressions matched against the whole trimmed
/// line, case-insensitively).
///
/// "Then a word boundary" after a word is written `(\W.*)?` ("then nothing, or a non-word
/// character and anything"), which means the same inside a whole-line match: a Unicode `\b`
/// would send every line with a non-ASCII byte to the regex crate's slowest engine.
pub const DEFAULT_FURNITURE: &[&str] = &[
    // Navigation and chrome.
    r"skip to (main )?content|menu|main menu|navigation|home|search|contact( us)?|about( us)?",
    r"(log|sign) ?(in|out)|register|my account|close|back to top|top|next|previous|print|e-?mail",
    r"(next|previous|prev) (article|story|post|page)",
    // Engagement.
    r"(\d+ )?comments?( \(\d+\))?|leave a (comment|reply)|add (a )?comment|view comments",
    r"read more\W*|continue reading\W*|read the full (article|story)\W*|click here(\W.*)?",
    r"(share|share this( article| story| page| post)?|share on \w+|tweet|follow us( on .*)?)\W*",
    r"(subscribe|sign up|newsletter|get our newsletter|join our)(\W.*)?",
    r"listen to this article.*|\d+ min(ute)?s? read|print this (article|page)",
    // Advertising.
    r"advertisement|advert|ads?|sponsored( content)?|promoted|paid (content|post)|reclam[aă](\W.*)?",
    // Credits and legal lines.
    r"sources?\s*(\([^)]*\))?\s*:.*|sursa( [^:]{0,40})?:.*|via:.*",
    r"(image|photo|picture|video) (caption|credit|source)s?(\W.*)?|(photo|image|foto|credit)s?:.*",
    r"tags?:.*|filed under:?.*|categor(y|ies):.*|topics?:.*",
    r"(we use )?cookies?(\W.*)?|accept( all)? cookies|privacy policy|terms (of use|and conditions)",
    r".*all rights reserved\.?|©.*|\(c\) \d{4}.*|copyright (©|\(c\)|\d{4}).*",
    // Link lists: three or more short items separated by |, · or •.
    r"[^|·•]{1,40}(\s*[|·•]\s*[^|·•]{1,40}){2,}",
];

/// The default section patterns: a line matching one of these is furniture, and so is the block
/// of lines under it up to the next blank line.
pub const DEFAULT_FURNITURE_SECTIONS: &[&str] = &[
    r"related( articles| stories| content| posts| coverage| news| reading)?\s*:?",
    r"from our network\s*:?|more from .{1,40}|more (stories|news|articles)( from .*)?\s*:?",
    r"(you (may|might) )?(also )?like\s*:?|recommended( for you| stories| reading)?\s*:?",
    r"most (read|popular|viewed|shared)\s*:?|trending( now| stories)?\s*:?|read next\s*:?",
    r"see also\s*:?|latest (news|articles|stories|posts)\s*:?|ultimele articole\s*:?",
];

/// Lines inside a furniture section longer than this end the section (they read as prose).
const MAX_SECTION_LINE_CHARS: usize = 160;

/// Compiled furniture patterns.
#[derive(Clone, Debug)]
pub struct Furniture {
    lines: RegexSet,
    sections: RegexSet,
}

/// A furniture pattern that does not compile.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid furniture pattern `{pattern}`: {message}; fix the regular expression")]
pub struct FurnitureError {
    /// The pattern as given.
    pub pattern: String,
    /// What the regex compiler said.
    pub message: String,
}

impl Default for Furniture {
    /// [`DEFAULT_FURNITURE`] and [`DEFAULT_FURNITURE_SECTIONS`], compiled once per process
    /// (clones share the compiled automata).
    fn default() -> Self {
        static DEFAULT: LazyLock<Furniture> = LazyLock::new(|| {
            Furniture::build(DEFAULT_FURNITURE, DEFAULT_FURNITURE_SECTIONS)
                .expect("the default furniture patterns are valid regular expressions")
        });
        DEFAULT.clone()
    }
}

impl Furniture {
    /// Exactly the given line patterns (no defaults, no sections).
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> Result<Self, FurnitureError> {
        Furniture::build(patterns, &[] as &[&str])
    }

    /// The defaults plus the given line patterns.
    pub fn extended<S: AsRef<str>>(patterns: &[S]) -> Result<Self, FurnitureError> {
        let mut all: Vec<&str> = DEFAULT_FURNITURE.to_vec();
        all.extend(patterns.iter().map(AsRef::as_ref));
        Furniture::build(&all, DEFAULT_FURNITURE_SECTIONS)
    }

    /// These patterns plus the given line patterns (sections unchanged): how a configuration
    /// file's `furniture` adds to what the rules files set.
    pub fn with_lines<S: AsRef<str>>(&self, patterns: &[S]) -> Result<Self, FurnitureError> {
        let mut all: Vec<&str> = unanchored(&self.lines).collect();
        all.extend(patterns.iter().map(AsRef::as_ref));
        let sections: Vec<&str> = unanchored(&self.sections).collect();
        Furniture::build(&all, &sections)
    }

    /// No furniture at all: every line is prose.
    pub fn none() -> Self {
        Furniture::build(&[] as &[&str], &[] as &[&str]).expect("an empty pattern set compiles")
    }

    /// Line patterns and section patterns, each validated separately so an error names the
    /// offending pattern.
    pub fn build<S: AsRef<str>, T: AsRef<str>>(lines: &[S], sections: &[T]) -> Result<Self, FurnitureError> {
        Ok(Furniture {
            lines: compile(lines)?,
            sections: compile(sections)?,
        })
    }

    /// Whether `line` (one line, without its ending) is furniture by itself.
    pub fn is_furniture(&self, line: &str) -> bool {
        self.verdict(line) != Verdict::Prose
    }

    /// The prose regions of `text[range]`: the range minus furniture lines and sections, with
    /// `keep(line)` able to drop further lines (for example fenced code blocks). Consecutive kept
    /// lines form one region, which ends at the end of its last line's content.
    pub fn regions(&self, text: &str, range: Range<usize>, mut keep: impl FnMut(&str) -> bool) -> Vec<Range<usize>> {
        let mut regions: Vec<Range<usize>> = Vec::new();
        let mut current: Option<Range<usize>> = None;
        // Inside a section: `Some(seen_content)` until the blank line that ends it.
        let mut section: Option<bool> = None;
        // A huge text has its lines judged on all threads first; the walk below stays in order.
        let judged: Option<Vec<Verdict>> =
            (range.len() > PARALLEL_BYTES && rayon::current_num_threads() > 1).then(|| {
                let contents: Vec<Range<usize>> = lines(text, range.clone()).map(|line| line.content).collect();
                contents
                    .par_iter()
                    .map(|content| self.verdict(&text[content.clone()]))
                    .collect()
            });
        for (index, line) in lines(text, range).enumerate() {
            let content = &text[line.content.clone()];
            let blank = content.trim().is_empty();
            let mut excluded = !keep(content);
            if let Some(seen_content) = section {
                if (blank && seen_content) || content.chars().count() > MAX_SECTION_LINE_CHARS {
                    section = None;
                } else {
                    section = Some(seen_content || !blank);
                    excluded = true;
                }
            }
            if !excluded {
                let verdict = match &judged {
                    Some(verdicts) => verdicts[index],
                    None => self.verdict(content),
                };
                match verdict {
                    Verdict::Section => {
                        section = Some(false);
                        excluded = true;
                    }
                    Verdict::Furniture => excluded = true,
                    Verdict::Prose => {}
                }
            }
            if excluded {
                regions.extend(current.take());
            } else if !blank {
                let region = current.get_or_insert(line.content.clone());
                region.end = line.content.end;
            }
        }
        regions.extend(current);
        regions
    }

    /// What one line is by itself: a section heading, a furniture line, or prose
    /// (the section patterns run first, the line patterns only when they do not match).
    fn verdict(&self, line: &str) -> Verdict {
        let key = key(line);
        if key.is_empty() || key.len() > MAX_FURNITURE_LINE_BYTES {
            Verdict::Prose
        } else if self.sections.is_match(key) {
            Verdict::Section
        } else if self.lines.is_match(key) {
            Verdict::Furniture
        } else {
            Verdict::Prose
        }
    }
}

/// What a line is by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Prose,
    Furniture,
    Section,
}

/// Texts longer than this have their lines judged in parallel.
const PARALLEL_BYTES: usize = 1 << 20;

/// The patterns `set` was compiled from, without the anchors [`compile`] put around them.
fn unanchored(set: &RegexSet) -> impl Iterator<Item = &str> {
    set.patterns().iter().map(|pattern| {
        pattern
            .strip_prefix("^(?:")
            .and_then(|pattern| pattern.strip_suffix(")$"))
            .unwrap_or(pattern)
    })
}

fn compile<S: AsRef<str>>(patterns: &[S]) -> Result<RegexSet, FurnitureError> {
    let anchored = |pattern: &str| format!("^(?:{pattern})$");
    for pattern in patterns {
        let pattern = pattern.as_ref();
        regex::RegexBuilder::new(&anchored(pattern))
            .case_insensitive(true)
            .size_limit(1 << 20)
            .build()
            .map_err(|error| FurnitureError {
                pattern: pattern.to_owned(),
                message: error.to_string(),
            })?;
    }
    RegexSetBuilder::new(patterns.iter().map(|pattern| anchored(pattern.as_ref())))
        .case_insensitive(true)
        .size_limit(8 << 20)
        .build()
        .map_err(|error| FurnitureError {
            pattern: "(all patterns together)".to_owned(),
            message: error.to_string(),
        })
}

/// The part of a line the patterns see: trimmed, with one leading list or heading marker removed.
fn key(line: &str) -> &str {
    let trimmed = line.trim();
    let stripped = trimmed
        .trim_start_matches('#')
        .trim_start_matches(['-', '*', '+', '•', '>', '–']);
    if stripped.len() < trimmed.len() && (stripped.is_empty() || stripped.starts_with(char::is_whitespace)) {
        stripped.trim()
    } else {
        trimmed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected_prose: &[&str]) {
        let furniture = Furniture::default();
        let regions = furniture.regions(text, 0..text.len(), |_| true);
        let actual: Vec<&str> = regions.iter().map(|region| &text[region.clone()]).collect();
        assert_eq!(actual, expected_prose, "regions of {text:?}");
    }

    #[test]
    fn furniture_lines_are_left_out() {
        check("Menu\nRussia holds reserves.\nComments\n", &["Russia holds reserves."]);
        check(
            "Home | World | Business | Tech\nFirst.\nSecond.\n\nShare this article\nAdvertisement\nThird.",
            &["First.\nSecond.", "Third."],
        );
        check(
            "Read more\n- Reclama - web design\nSource: USGS, 2024\n© 2024 The Paper\nEnd.",
            &["End."],
        );
        check(
            "## Comments (3)\nTags: mining, Russia\nSkip to content\nBody.",
            &["Body."],
        );
        check("Sursa articol / foto: https://news.example\nAll rights reserved.", &[]);
        check(
            "Subscribe to our newsletter\nSign up for alerts\nText.\r\nMore text.",
            &["Text.\r\nMore text."],
        );
    }

    #[test]
    fn added_lines_keep_what_was_there() {
        let base = Furniture::extended(&["Brought to you by .*"]).expect("valid");
        let more = base.with_lines(&["Sponsored by .*"]).expect("valid");
        for line in ["Sponsored by Acme", "Brought to you by Acme", "Menu"] {
            assert!(more.is_furniture(line), "{line}");
        }
        assert!(!base.is_furniture("Sponsored by Acme"));
        assert!(!more.is_furniture("Output rose, sponsored by Acme"));
        // The default sections (a heading that takes the block under it) are still there.
        let text = "Related articles\nChina cuts quotas\n\nBody.";
        assert_eq!(more.regions(text, 0..text.len(), |_| true).len(), 1);
        let none = Furniture::none().with_lines(&["Sponsored by .*"]).expect("valid");
        assert!(none.is_furniture("sponsored by x") && !none.is_furniture("Menu"));
    }

    #[test]
    fn prose_is_kept() {
        check(
            "Sources said Russia holds reserves.\nThe share of China is 60%.",
            &["Sources said Russia holds reserves.\nThe share of China is 60%."],
        );
        check("Russia | China", &["Russia | China"]);
        check(
            "Menu items are cheap, the sources said: fine.",
            &["Menu items are cheap, the sources said: fine."],
        );
    }

    #[test]
    fn a_pattern_ends_at_a_word_boundary_also_before_non_ascii_text() {
        let furniture = Furniture::default();
        for line in [
            "Click here",
            "Click here — für mehr",
            "Reclamă",
            "Reclamă: ofertă",
            "Subscribe…",
            "Photo credits © Ana Pérez",
            "Cookies",
            "Cookies: ¿aceptar?",
        ] {
            assert!(furniture.is_furniture(line), "{line:?} is furniture");
        }
        for line in [
            "Click herewith",
            "Subscribers grew",
            "Cookiesé",
            "Reclamație",
            "Photo creditsé",
        ] {
            assert!(!furniture.is_furniture(line), "{line:?} is prose");
        }
    }

    #[test]
    fn huge_texts_judged_in_parallel_give_the_same_regions() {
        let page = "Menu\nRussia holds reserves.\nRelated articles\n- One\n- Two\n\nStill prose.\n\
                    Share this article\nChina leads.\n\n";
        let text = page.repeat(PARALLEL_BYTES / page.len() + 2);
        let regions = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("thread pool");
            pool.install(|| Furniture::default().regions(&text, 0..text.len(), |_| true))
        };
        let sequential = regions(1);
        assert_eq!(sequential.len(), 3 * (PARALLEL_BYTES / page.len() + 2));
        assert_eq!(regions(2), sequential);
    }

    #[test]
    fn sections_exclude_their_block() {
        check(
            "Body.\nFrom our network :\nRecursive SQL in DB2\nTesla Crashes: Rule Removal?\n\nAfter.",
            &["Body.", "After."],
        );
        check("Related articles\n\n- One\n- Two\n\nStill prose.", &["Still prose."]);
    }

    #[test]
    fn custom_patterns() {
        let furniture = Furniture::new(&["x+"]).expect("valid");
        assert!(furniture.is_furniture("  XXX "));
        assert!(!furniture.is_furniture("Comments"));
        assert!(Furniture::extended(&["zz"]).expect("valid").is_furniture("Comments"));
        let error = Furniture::new(&["(unclosed"]).expect_err("invalid");
        assert_eq!(error.pattern, "(unclosed");
        assert!(error.to_string().starts_with("invalid furniture pattern `(unclosed`: "));
        assert!(!Furniture::none().is_furniture("Comments"));
    }
}
