//! Ranks: a position in a ranking, as the interval of positions the text allows ("one of the
//! largest" is 1..`top_k`).
//!
//! A rank may hold within a region or group rather than the world ("Asia's largest", "the
//! biggest of the 27 member states": [`Rank::within`]), and may be one side of a disjunction
//! ("either Chile or Peru is the largest": [`Rank::alternatives`]), which conflicts with nothing.
//!
//! Its canonical text (`rank 2`, `rank 1..10`), report label (`rank 2`, `top 10`), JSON form and
//! example notation (`2`, `1..10`) live here. Reading ranks from text is
//! [`crate::extract::rank`]'s.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::SpanDto;
use super::number::ordinal;
use crate::claim::Span;

/// A position in a ranking, as the interval of ranks the text allows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rank {
    /// Best position allowed (1 = first).
    pub best: u32,
    /// Worst position allowed ("one of the largest" allows down to the top-k limit).
    pub worst: u32,
    /// The words the rank was read from, e.g. `the world's second-largest`.
    pub text: String,
    /// Where those words are.
    pub span: Span,
    /// The region or group the ranking is within ("asia" for "Asia's largest", "27 member
    /// states" for "the biggest of the 27 member states"): a lexicon id when a lexicon names
    /// it, else the words in lower case; `None` is the world. The matcher makes it the claim's
    /// region scope, so a rank within Asia is never compared with a world rank.
    pub within: Option<String>,
    /// The other subjects of an "either … or" disjunction ("either Chile or Peru is the
    /// largest"): the rank holds for one of them, so the claim conflicts with nothing.
    pub alternatives: Vec<String>,
}

impl Rank {
    /// A world rank from `best` to `worst` read from `text` at `span`.
    pub fn new(best: u32, worst: u32, text: String, span: Span) -> Self {
        Rank {
            best,
            worst,
            text,
            span,
            ..Rank::default()
        }
    }

    /// Whether the rank is one side of a disjunction, which no other claim is held against.
    pub fn is_disjunctive(&self) -> bool {
        !self.alternatives.is_empty()
    }

    /// Canonical text: `rank 2`, `rank 1..10`, `rank 1 within asia`, `rank 1 or peru`.
    pub fn canonical_text(&self) -> String {
        let mut text = if self.best == self.worst {
            format!("rank {}", self.best)
        } else {
            format!("rank {}..{}", self.best, self.worst)
        };
        self.qualify(&mut text);
        text
    }

    /// The report's label: `rank 2`, `top 10` (from the first), `rank 3–5`, `rank 1 within
    /// asia`, `rank 1 or peru`.
    pub fn label(&self) -> String {
        let mut text = if self.best == self.worst {
            format!("rank {}", self.best)
        } else if self.best == 1 {
            format!("top {}", self.worst)
        } else {
            format!("rank {}–{}", self.best, self.worst)
        };
        self.qualify(&mut text);
        text
    }

    /// Appends the scope and the alternatives (nothing for a plain world rank).
    fn qualify(&self, text: &mut String) {
        if let Some(within) = &self.within {
            text.push_str(" within ");
            text.push_str(within);
        }
        for alternative in &self.alternatives {
            text.push_str(" or ");
            text.push_str(alternative);
        }
    }

    /// The rank as a comparator's reason writes it: `2nd`, `1st–10th`.
    pub fn reason_text(&self) -> String {
        if self.best == self.worst {
            ordinal(self.best)
        } else {
            format!("{}–{}", ordinal(self.best), ordinal(self.worst))
        }
    }
}

/// A rank in the JSON report (`{"type": "rank", "best", "worst", "text", "span"}`, with
/// `"within"` for a rank within a region or group and `"alternatives"` for one side of a
/// disjunction, both left out otherwise), written and read back.
#[derive(Serialize, Deserialize)]
pub struct RankDto<'a> {
    best: u32,
    worst: u32,
    text: Cow<'a, str>,
    span: SpanDto,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    within: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    alternatives: Vec<Cow<'a, str>>,
}

impl<'a> RankDto<'a> {
    /// The JSON form of `rank`.
    pub fn new(rank: &'a Rank) -> Self {
        RankDto {
            best: rank.best,
            worst: rank.worst,
            text: Cow::Borrowed(&rank.text),
            span: rank.span.into(),
            within: rank.within.as_deref().map(Cow::Borrowed),
            alternatives: rank.alternatives.iter().map(|id| Cow::Borrowed(id.as_str())).collect(),
        }
    }

    /// The rank a saved report holds.
    pub fn into_rank(self) -> Rank {
        Rank {
            best: self.best,
            worst: self.worst,
            text: self.text.into_owned(),
            span: self.span.into(),
            within: self.within.map(Cow::into_owned),
            alternatives: self.alternatives.into_iter().map(Cow::into_owned).collect(),
        }
    }
}

/// How the notation error hint shows ranks.
pub(super) const NOTATION: &str = "ranks as `1` or `1..10`";

/// An expected rank in the example notation: `1`, or `1..10` from best to worst.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedRank {
    /// Best position.
    pub best: u32,
    /// Worst position.
    pub worst: u32,
}

impl ExpectedRank {
    /// Reads the notation (already trimmed).
    pub fn parse(written: &str) -> Result<ExpectedRank, String> {
        let (best, worst) = written.split_once("..").unwrap_or((written, written));
        let best: u32 = best
            .trim()
            .parse()
            .map_err(|_| "a rank is a whole number like `1` or `1..10`".to_string())?;
        let worst: u32 = worst
            .trim()
            .parse()
            .map_err(|_| "a rank is a whole number like `1` or `1..10`".to_string())?;
        if best == 0 || worst < best {
            return Err("ranks start at 1 and a range goes from best to worst".into());
        }
        Ok(ExpectedRank { best, worst })
    }

    /// Whether `rank` is the interval expected.
    pub fn matches(&self, rank: &Rank) -> bool {
        rank.best == self.best && rank.worst == self.worst
    }
}

impl std::fmt::Display for ExpectedRank {
    /// The rank in the notation it is written in: `1`, `1..10`.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.best == self.worst {
            write!(formatter, "{}", self.best)
        } else {
            write!(formatter, "{}..{}", self.best, self.worst)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rank(best: u32, worst: u32) -> Rank {
        Rank::new(best, worst, "the second-largest".into(), Span::new(4, 22))
    }

    #[test]
    fn canonical_text_and_label() {
        for (best, worst, canonical, label) in [
            (2, 2, "rank 2", "rank 2"),
            (1, 10, "rank 1..10", "top 10"),
            (3, 5, "rank 3..5", "rank 3–5"),
        ] {
            assert_eq!(rank(best, worst).canonical_text(), canonical);
            assert_eq!(rank(best, worst).label(), label);
        }
    }

    #[test]
    fn the_json_form_is_written_and_read_back() {
        let rank = rank(2, 2);
        let written = serde_json::to_string(&RankDto::new(&rank)).expect("serialises");
        assert_eq!(
            written,
            r#"{"best":2,"worst":2,"text":"the second-largest","span":{"start":4,"end":22}}"#
        );
        let read: RankDto<'_> = serde_json::from_str(&written).expect("reads back");
        assert_eq!(read.into_rank(), rank);
        let scoped = Rank {
            within: Some("asia".into()),
            alternatives: vec!["peru".into()],
            ..rank
        };
        let written = serde_json::to_string(&RankDto::new(&scoped)).expect("serialises");
        assert!(
            written.ends_with(r#""within":"asia","alternatives":["peru"]}"#),
            "{written}"
        );
        let read: RankDto<'_> = serde_json::from_str(&written).expect("reads back");
        assert_eq!(read.into_rank(), scoped);
        assert_eq!(scoped.canonical_text(), "rank 2 within asia or peru");
    }

    #[test]
    fn notation() {
        for written in ["1", "1..10", "3..3"] {
            let expected = ExpectedRank::parse(written).expect("parses");
            assert!(expected.matches(&rank(expected.best, expected.worst)));
        }
        assert_eq!(ExpectedRank::parse("3..3").map(|rank| rank.to_string()), Ok("3".into()));
        assert!(ExpectedRank::parse("first").is_err());
        assert!(ExpectedRank::parse("5..2").is_err());
    }
}
