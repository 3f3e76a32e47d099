//! Text report: findings as compiler-style diagnostics, for people at a terminal.
//!
//! Each finding becomes a header (`error[quantity]: <reason>`, `warning[rank]: …`,
//! `overlap: …`, `change: …`, `shared wording: …`), its key, and one code frame per quoted
//! claim: `--> path:line:col (Outlet, date)`, the sentence behind a line-number gutter, and
//! carets under the value labelled with the normalised value and the modality. A summary line
//! closes the report.
//!
//! Design: the frame is drawn here rather than by a snippet library because it must show a
//! *sentence* (newlines folded to spaces, long sentences cut to a window around the value) and
//! align carets by characters, not bytes, so non-ASCII text lines up. Colour is applied by
//! [`super::style::Style`] only when asked; without it the output holds no escape codes.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::claim::Claim;
use crate::finding::{Finding, FindingKind, Severity};

use super::style::{BLUE, BOLD, CYAN, GREEN, MAGENTA, RED, Style, YELLOW};
use super::{
    Annotation, ArticleIndex, ArticleInfo, Counts, RenderOptions, Report, Review, Status, claim_label, context_notes,
    count, describe_modality, finding_claims, format_elapsed, one_line, value_location, value_range,
};

/// Characters of a sentence shown before it is cut to a window around the value.
const MAX_WIDTH: usize = 110;
/// How far a cut may move to land between words instead of inside one.
const WORD_SLACK: usize = 16;
/// Claims quoted for a conflict (the two sides).
const CONFLICT_QUOTES: usize = 2;
/// Claims quoted for an overlap, change or shared wording.
const OTHER_QUOTES: usize = 5;
/// Claims beyond the quoted ones listed by location; more are only counted.
const MAX_LISTED: usize = 3;

/// Writes the text report, with review annotations when `review` has any.
pub(super) fn render(report: &Report, review: &Review, out: &mut dyn Write, options: RenderOptions) -> io::Result<()> {
    let style = Style { color: options.color };
    let articles = ArticleIndex::new(report.articles);
    for (index, finding) in report.findings.iter().enumerate() {
        render_finding(finding, review.annotation(index), report.claims, &articles, style, out)?;
        writeln!(out)?;
    }
    if report.findings.is_empty() {
        if review.baseline.is_some() {
            writeln!(out, "nothing new or resolved since the baseline")?;
        } else {
            writeln!(out, "no overlaps or conflicts found")?;
        }
    }
    render_summary(report, review, style, out)
}

/// The status word before a header (`new `, `resolved `, `acknowledged `) and its colour.
fn status_word(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::New => ("new", BOLD),
        Status::Acknowledged => ("acknowledged", CYAN),
        Status::Resolved => ("resolved", GREEN),
    }
}

/// The header word and its colour: `error[quantity]`, `overlap`, ...
fn header(finding: &Finding) -> (String, &'static str) {
    match finding.kind {
        FindingKind::Conflict(kind) => match finding.severity {
            Severity::Error => (format!("error[{}]", kind.name()), RED),
            Severity::Warning => (format!("warning[{}]", kind.name()), YELLOW),
            Severity::Info => (format!("note[{}]", kind.name()), GREEN),
        },
        FindingKind::Overlap => ("overlap".to_owned(), GREEN),
        FindingKind::Change => ("change".to_owned(), CYAN),
        FindingKind::SharedWording => ("shared wording".to_owned(), MAGENTA),
    }
}

fn render_finding(
    finding: &Finding,
    annotation: Option<&Annotation>,
    claims: &[Claim],
    articles: &ArticleIndex,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (word, color) = header(finding);
    let status = annotation.and_then(|annotation| annotation.status);
    let prefix = status.map_or_else(String::new, |status| {
        let (status_word, status_color) = status_word(status);
        format!("{} ", style.paint(status_color, status_word))
    });
    writeln!(
        out,
        "{prefix}{}{}",
        style.paint(color, &word),
        style.paint(BOLD, &format!(": {}", one_line(&finding.reason)))
    )?;

    let limit = if matches!(finding.kind, FindingKind::Conflict(_)) {
        CONFLICT_QUOTES
    } else {
        OTHER_QUOTES
    };
    let quoted: Vec<&Claim> = finding_claims(finding, claims).take(limit).collect();
    let frames: Vec<Frame> = quoted.iter().map(|claim| Frame::new(claim, finding.kind)).collect();
    let width = frames
        .iter()
        .map(|frame| frame.line.to_string().len())
        .max()
        .unwrap_or(1);
    let pad = " ".repeat(width);
    let bar = style.paint(BLUE, "|");

    writeln!(out, "{pad} {} key: {}", style.paint(BLUE, "="), one_line(&finding.key))?;
    if status.is_some() {
        writeln!(
            out,
            "{pad} {} finding: {}",
            style.paint(BLUE, "="),
            one_line(&finding.id)
        )?;
    }
    if let Some(reason) = annotation.and_then(|annotation| annotation.acknowledged.as_deref()) {
        writeln!(
            out,
            "{pad} {} acknowledged: {}",
            style.paint(BLUE, "="),
            one_line(reason)
        )?;
    }
    for (claim, frame) in quoted.iter().zip(&frames) {
        let (line, column) = value_location(claim);
        let source = match articles.meta(&claim.evidence.path) {
            Some(meta) => match (&meta.outlet, &meta.date) {
                (Some(outlet), Some(date)) => {
                    format!(" ({}, {})", one_line(outlet), one_line(date))
                }
                (Some(single), None) | (None, Some(single)) => format!(" ({})", one_line(single)),
                (None, None) => String::new(),
            },
            None => String::new(),
        };
        writeln!(
            out,
            "{pad}{} {}:{line}:{column}{source}",
            style.paint(BLUE, "-->"),
            one_line(&claim.evidence.path)
        )?;
        writeln!(out, "{pad} {bar}")?;
        let number = style.paint(BLUE, &format!("{:>width$}", frame.line));
        writeln!(out, "{number} {bar} {}", frame.text)?;
        let carets = style.paint(color, &"^".repeat(frame.caret_len));
        let label = style.paint(color, &frame.label);
        writeln!(out, "{pad} {bar} {}{carets} {label}", " ".repeat(frame.caret_start))?;
        writeln!(out, "{pad} {bar}")?;
    }
    let equals = style.paint(BLUE, "=");
    for claim in finding_claims(finding, claims).take(quoted.len()) {
        for note in context_notes(claim) {
            writeln!(out, "{pad} {equals} context: {note}")?;
        }
    }
    let unquoted: Vec<&Claim> = finding_claims(finding, claims).skip(quoted.len()).collect();
    if unquoted.len() <= MAX_LISTED {
        for claim in &unquoted {
            let (line, column) = value_location(claim);
            let path = one_line(&claim.evidence.path);
            let label = claim_label(claim, finding.kind);
            writeln!(out, "{pad} {equals} also: {path}:{line}:{column} · {label}")?;
        }
    } else {
        let more = count(unquoted.len(), "more claim", "more claims");
        writeln!(out, "{pad} {equals} and {more}")?;
    }
    let all: Vec<&Claim> = finding_claims(finding, claims).collect();
    if let Some(why) = why(finding, &all) {
        writeln!(out, "{pad} {equals} why: {why}")?;
    }
    Ok(())
}

/// A short explanation when the header alone could mislead: why a conflict is only a warning,
/// why a change is not a conflict.
fn why(finding: &Finding, claims: &[&Claim]) -> Option<String> {
    match (finding.kind, finding.severity) {
        (FindingKind::Conflict(_), Severity::Warning) => {
            let mut softened: Vec<String> = claims
                .iter()
                .filter(|claim| !claim.modality.is_plain())
                .map(|claim| describe_modality(&claim.modality))
                .collect();
            softened.dedup();
            if softened.is_empty() {
                // Softened by the rules (a rule's severity) or by the comparator (objects in a
                // hierarchy): the reason says which.
                return Some("a warning, not an error: the reason says why it is softened".to_owned());
            }
            let sides = softened.join("; ");
            Some(format!(
                "a warning, not an error: one side is not a plain assertion ({sides})"
            ))
        }
        (FindingKind::Change, _) => Some(
            "the values differ by time or by edition of one source, so this is a change, not a conflict".to_owned(),
        ),
        _ => None,
    }
}

/// One quoted claim, laid out: the (windowed) sentence and where the carets go, in characters.
struct Frame {
    line: u32,
    text: String,
    caret_start: usize,
    caret_len: usize,
    label: String,
}

impl Frame {
    fn new(claim: &Claim, kind: FindingKind) -> Frame {
        let sentence = one_line(super::shown_sentence(claim).1);
        let (caret_start, caret_len) = match value_range(claim) {
            Some(range) => (sentence[..range.start].chars().count(), sentence[range].chars().count()),
            None => (0, 0),
        };
        let (text, caret_start, caret_len) = window(&sentence, caret_start, caret_len.max(1));
        let (line, _) = value_location(claim);
        Frame {
            line,
            text,
            caret_start,
            caret_len,
            label: claim_label(claim, kind),
        }
    }
}

/// Cuts `sentence` to at most [`MAX_WIDTH`] characters around the caret, preferably between
/// words, marking each cut with `…`; returns the text and the caret's new start and length, in
/// characters.
fn window(sentence: &str, caret_start: usize, caret_len: usize) -> (String, usize, usize) {
    let chars: Vec<char> = sentence.chars().collect();
    let total = chars.len();
    if total <= MAX_WIDTH {
        return (sentence.trim_end().to_owned(), caret_start, caret_len);
    }
    let caret_start = caret_start.min(total);
    let caret_end = (caret_start + caret_len).min(total);
    let shown = (caret_end - caret_start).min(MAX_WIDTH);
    let mut start = caret_start.saturating_sub((MAX_WIDTH - shown) / 2);
    let mut end = (start + MAX_WIDTH).min(total);
    start = end.saturating_sub(MAX_WIDTH);
    // Move each cut inwards to the nearest space, if one is close and the caret stays whole.
    if start > 0 {
        let limit = (start + WORD_SLACK).min(caret_start);
        if let Some(space) = (start..limit).find(|&index| chars[index] == ' ') {
            start = space + 1;
        }
    }
    if end < total {
        let limit = end.saturating_sub(WORD_SLACK).max(caret_end);
        if let Some(space) = (limit..end).rev().find(|&index| chars[index] == ' ') {
            end = space;
        }
    }
    let mut text = String::new();
    let mut offset = 0;
    if start > 0 {
        text.push('…');
        offset = 1;
    }
    text.extend(&chars[start..end]);
    if end < total {
        text.push('…');
    }
    let visible_start = caret_start.max(start);
    let visible_end = caret_end.min(end);
    (
        text.trim_end().to_owned(),
        visible_start - start + offset,
        visible_end.saturating_sub(visible_start).max(1),
    )
}

fn render_summary(report: &Report, review: &Review, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let elapsed = report
        .summary
        .elapsed
        .map(|elapsed| format!(" in {}", format_elapsed(elapsed)))
        .unwrap_or_default();
    if let Some(baseline) = review.baseline {
        let new = if baseline.new > 0 {
            style.paint(BOLD, &format!("{} new", baseline.new))
        } else {
            format!("{} new", baseline.new)
        };
        return writeln!(
            out,
            "{}: {new}, {} acknowledged, {} resolved, {} unchanged since the baseline{elapsed}",
            style.paint(BOLD, "summary"),
            review.acknowledged(),
            baseline.resolved,
            baseline.unchanged,
        );
    }
    let counts = Counts::new(report.findings);
    let mut parts = vec![
        count(report.summary.articles, "article", "articles"),
        count(report.summary.claims, "claim", "claims"),
        count(counts.overlaps, "overlap", "overlaps"),
    ];
    let errors = count(counts.errors, "error", "errors");
    let warnings = count(counts.warnings, "warning", "warnings");
    let errors = if counts.errors > 0 {
        style.paint(RED, &errors)
    } else {
        errors
    };
    let warnings = if counts.warnings > 0 {
        style.paint(YELLOW, &warnings)
    } else {
        warnings
    };
    parts.push(format!(
        "{} ({errors}, {warnings})",
        count(counts.conflicts, "conflict", "conflicts")
    ));
    parts.push(count(counts.changes, "change over time", "changes over time"));
    parts.push(format!("{} shared wording", counts.shared_wording));
    let acknowledged = review.acknowledged();
    if acknowledged > 0 {
        parts.push(format!("{acknowledged} acknowledged"));
    }
    writeln!(out, "{}: {}{elapsed}", style.paint(BOLD, "summary"), parts.join(", "))
}

/// Writes the claim list of `crosscheck extract` as text: per claim a location line
/// `path:line:col  rule  subject  value  modality`, then the quote behind a gutter bar.
pub(super) fn render_claims(
    articles: &[ArticleInfo],
    claims: &[Claim],
    out: &mut dyn Write,
    options: RenderOptions,
) -> io::Result<()> {
    let style = Style { color: options.color };
    let bar = style.paint(BLUE, "|");
    for claim in claims {
        let evidence = &claim.evidence;
        let location = format!("{}:{}:{}", one_line(&evidence.path), evidence.line, evidence.column);
        let subject = claim.subject.as_ref().map_or("-", |entity| entity.id.as_str());
        let object = claim.object.as_ref().map_or("-", |entity| entity.id.as_str());
        let mut scope = String::new();
        if let Some(region) = &claim.scope.region {
            let _ = write!(scope, "  in {}", one_line(region));
        }
        if let Some(year) = claim.scope.year {
            let _ = write!(scope, "  ({year})");
        }
        writeln!(
            out,
            "{}  {}  {}  {}  {}  {}{}",
            style.paint(BOLD, &location),
            style.paint(CYAN, &claim.rule),
            one_line(subject),
            one_line(object),
            claim.value.label(),
            describe_modality(&claim.modality),
            scope
        )?;
        writeln!(out, "  {bar} {}", one_line(&evidence.quote))?;
        if claim
            .cell
            .as_ref()
            .is_some_and(|cell| cell.structure == "parenthetical")
        {
            writeln!(out, "  {bar} figure in parentheses after the subject")?;
        } else if let Some(cell) = &claim.cell {
            let header = cell.header.as_deref().map(|header| format!(" ({})", one_line(header)));
            writeln!(
                out,
                "  {bar} {} row {}, column {}{}",
                cell.structure,
                cell.row,
                cell.column,
                header.unwrap_or_default()
            )?;
        }
        if let Some(alternate) = &claim.alternate {
            writeln!(out, "  {bar} also given as {}", one_line(&alternate.text))?;
        }
        if claim.scope.year.is_none()
            && let Some(time) = &claim.time
        {
            match &time.text {
                Some(words) => writeln!(
                    out,
                    "  = time: {} ({}: \"{}\")",
                    time.year,
                    time.basis.label(),
                    one_line(words)
                )?,
                None => writeln!(out, "  = time: {time}")?,
            }
        }
        for note in context_notes(claim) {
            writeln!(out, "  = context: {note}")?;
        }
    }
    writeln!(
        out,
        "{} in {}",
        count(claims.len(), "claim", "claims"),
        count(articles.len(), "article", "articles")
    )
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{self, assert_snapshot};
    use super::*;
    use crate::report::{ClaimFormat, Format, render, render_claims};

    fn text(color: bool) -> String {
        let mut out = Vec::new();
        render(&fixture::report(), Format::Text, &mut out, &RenderOptions { color }).expect("writing to a Vec");
        String::from_utf8(out).expect("the text report is UTF-8")
    }

    #[test]
    fn text_report() {
        assert_snapshot("text", &text(false));
    }

    #[test]
    fn claims_text() {
        let report = fixture::report();
        let mut out = Vec::new();
        render_claims(
            report.articles,
            report.claims,
            ClaimFormat::Text,
            &mut out,
            &RenderOptions::default(),
        )
        .expect("writing to a Vec");
        assert_snapshot("claims_text", &String::from_utf8(out).expect("UTF-8"));
    }

    #[test]
    fn colour_only_when_asked() {
        assert!(!text(false).contains('\x1b'));
        let colored = text(true);
        assert!(colored.contains("\x1b[1;31merror[rank]\x1b[0m"));
        assert!(colored.contains("\x1b[1;33mwarning[quantity]\x1b[0m"));
    }

    #[test]
    fn elapsed_time_is_printed_only_when_given() {
        let mut report = fixture::report();
        report.summary.elapsed = Some(std::time::Duration::from_millis(42));
        let mut out = Vec::new();
        render(&report, Format::Text, &mut out, &RenderOptions::default()).expect("writing to a Vec");
        let output = String::from_utf8(out).expect("UTF-8");
        assert!(output.trim_end().ends_with(" in 42 ms"), "{output}");
        assert!(!text(false).contains(" ms"));
    }

    /// Carets sit under the value's characters, whatever the bytes before them.
    #[test]
    fn carets_align_by_characters() {
        let output = text(false);
        let lines: Vec<&str> = output.lines().collect();
        let mut checked = 0;
        for (index, line) in lines.iter().enumerate() {
            let Some(caret) = line.find('^') else {
                continue;
            };
            let caret_column = line[..caret].chars().count();
            let carets = line[caret..].chars().take_while(|&character| character == '^').count();
            let code = lines[index - 1];
            let under: String = code.chars().skip(caret_column).take(carets).collect();
            let label = &line[caret + carets..];
            let expected = [
                ("~4.4e7 t", "about 44 Mt"),
                ("2.87e7 t", "28.7 million tonnes"),
                ("3.8e6 t", "3.8 million tonnes"),
                ("rank 1 ·", "the largest"),
                ("top 10", "some of the largest"),
                ("2600 t", "2,600 tonnes"),
                ("2900 t", "2,900 tonnes"),
                ("4.4e7 t", "44,000,000 tons"),
            ];
            let (_, words) = expected
                .iter()
                .find(|(value, _)| label.trim_start().starts_with(value))
                .unwrap_or_else(|| panic!("unexpected label {label:?}"));
            assert_eq!(&under, words, "carets in {line:?} under {code:?}");
            checked += 1;
        }
        assert_eq!(checked, 12);
    }

    #[test]
    fn claims_beyond_the_quoted_ones_are_listed_or_counted() {
        let report = fixture::report();
        let mut findings = report.findings.to_vec();
        findings[1].claims.push(10);
        findings[2].claims = (0..report.claims.len()).collect();
        let report = Report {
            findings: &findings,
            ..report
        };
        let mut out = Vec::new();
        render(&report, Format::Text, &mut out, &RenderOptions::default()).expect("writing to a Vec");
        let output = String::from_utf8(out).expect("UTF-8");
        assert!(
            output.contains("= also: examples/ledger.md:12:30 · > ukraine · attributed to analysts\n"),
            "{output}"
        );
        assert!(
            output.contains("attributed to Putin; attributed to analysts)"),
            "{output}"
        );
        assert!(output.contains("= and 7 more claims\n"), "{output}");
    }

    #[test]
    fn long_sentences_are_cut_around_the_value() {
        let sentence = "a".repeat(150) + "VALUE" + &"b".repeat(150);
        let (text, start, len) = window(&sentence, 150, 5);
        assert_eq!(text.chars().count(), MAX_WIDTH + 2, "no spaces to cut at");
        assert!(text.starts_with('…') && text.ends_with('…'));
        let under: String = text.chars().skip(start).take(len).collect();
        assert_eq!(under, "VALUE");

        let (text, start, len) = window(&sentence, 300, 5);
        assert!(text.starts_with('…') && text.ends_with('b'));
        assert_eq!(text.chars().skip(start).take(len).collect::<String>(), "bbbbb");

        let words = "word ".repeat(40) + "VALUE" + &" word".repeat(40);
        let (text, start, len) = window(&words, 200, 5);
        assert!(text.starts_with("…word ") && text.ends_with(" word…"), "{text}");
        assert_eq!(text.chars().skip(start).take(len).collect::<String>(), "VALUE");
    }
}
