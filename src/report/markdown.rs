//! Markdown report: for pasting into an issue or a newsroom chat.
//!
//! A title, a summary table, then `## Conflicts` (one `###` per finding, **Error** or
//! **Warning**), `## Overlaps`, `## Changes over time` and `## Shared wording`, each quote a
//! blockquote with the value in bold and its `path:line:col`, outlet and date underneath.
//!
//! Design: every piece of article-derived text (sentences, paths, outlets, reasons, keys) goes
//! through [`escape`], which turns `<`, `>` and `&` into entities and backslash-escapes every
//! Markdown special character, so an article can neither inject HTML nor a link nor break the
//! layout. Code spans are never used for such text because a backtick cannot be escaped inside
//! one.

use std::io::{self, Write};

use crate::claim::Claim;
use crate::finding::{Finding, FindingKind, Severity};

use super::{
    Annotation, ArticleIndex, Counts, Report, Review, Status, claim_label, context_notes, count, finding_claims,
    format_elapsed, one_line, value_range,
};

/// Claims quoted per finding before "and N more".
const MAX_QUOTES: usize = 5;

/// Section titles, in order; conflicts always get a section, the others only when not empty.
const SECTIONS: [&str; 5] = [
    "Conflicts",
    "Against the reference",
    "Overlaps",
    "Changes over time",
    "Shared wording",
];

/// Index into [`SECTIONS`] of the section a finding of `kind` goes into.
fn section(kind: FindingKind) -> usize {
    match kind {
        FindingKind::Conflict(_) => 0,
        FindingKind::Reference(_) => 1,
        FindingKind::Overlap => 2,
        FindingKind::Change => 3,
        FindingKind::SharedWording => 4,
    }
}

/// Status sections of a comparison with a baseline, in order.
const STATUS_SECTIONS: [(Status, &str); 3] = [
    (Status::New, "New"),
    (Status::Acknowledged, "Acknowledged"),
    (Status::Resolved, "Resolved"),
];

/// Writes the Markdown report: sections by finding kind, or by status for a comparison with a
/// baseline.
pub(super) fn render(report: &Report, review: &Review, out: &mut dyn Write) -> io::Result<()> {
    let counts = Counts::new(report.findings, review);
    let articles = ArticleIndex::new(report.articles);
    writeln!(out, "# crosscheck report")?;
    writeln!(out)?;
    writeln!(out, "| | |")?;
    writeln!(out, "|---|---:|")?;
    writeln!(out, "| Articles | {} |", report.summary.articles)?;
    writeln!(out, "| Claims | {} |", report.summary.claims)?;
    writeln!(
        out,
        "| Conflicts | {} ({}, {}) |",
        counts.conflicts,
        count(counts.errors, "error", "errors"),
        count(counts.warnings, "warning", "warnings")
    )?;
    writeln!(out, "| Overlaps | {} |", counts.overlaps)?;
    writeln!(out, "| Changes over time | {} |", counts.changes)?;
    writeln!(out, "| Shared wording | {} |", counts.shared_wording)?;
    if counts.references > 0 {
        writeln!(
            out,
            "| Against the reference | {} ({} disagreeing) |",
            counts.references, counts.disagreements
        )?;
    }
    let acknowledged = review.acknowledged();
    if let Some(baseline) = review.baseline {
        writeln!(out, "| New since the baseline | {} |", baseline.new)?;
        writeln!(out, "| Acknowledged | {acknowledged} |")?;
        writeln!(out, "| Resolved | {} |", baseline.resolved)?;
        writeln!(out, "| Unchanged | {} |", baseline.unchanged)?;
    } else if acknowledged > 0 {
        writeln!(out, "| Acknowledged | {acknowledged} |")?;
    }
    if let Some(elapsed) = report.summary.elapsed {
        writeln!(out, "| Time | {} |", format_elapsed(elapsed))?;
    }

    let indexed: Vec<(&Finding, Option<&Annotation>)> = report
        .findings
        .iter()
        .enumerate()
        .map(|(index, finding)| (finding, review.annotation(index)))
        .collect();
    if review.baseline.is_some() {
        for (status, title) in STATUS_SECTIONS {
            let findings: Vec<_> = indexed
                .iter()
                .filter(|(_, annotation)| annotation.and_then(|annotation| annotation.status) == Some(status))
                .collect();
            if findings.is_empty() && status != Status::New {
                continue;
            }
            writeln!(out)?;
            writeln!(out, "## {title}")?;
            if findings.is_empty() {
                writeln!(out)?;
                writeln!(out, "Nothing new since the baseline.")?;
            }
            for (finding, annotation) in findings {
                render_finding(finding, *annotation, report.claims, &articles, out)?;
            }
        }
        return Ok(());
    }
    for (index, title) in SECTIONS.iter().enumerate() {
        let findings: Vec<_> = indexed
            .iter()
            .filter(|(finding, _)| section(finding.kind) == index)
            .collect();
        if findings.is_empty() && index != 0 {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "## {title}")?;
        if findings.is_empty() {
            writeln!(out)?;
            writeln!(out, "No conflicts found.")?;
        }
        for (finding, annotation) in findings {
            render_finding(finding, *annotation, report.claims, &articles, out)?;
        }
    }
    Ok(())
}

fn render_finding(
    finding: &Finding,
    annotation: Option<&Annotation>,
    claims: &[Claim],
    articles: &ArticleIndex,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out)?;
    let reason = escape(&finding.reason);
    let heading = match (finding.kind, finding.severity) {
        (FindingKind::Conflict(kind), Severity::Error) => {
            format!("**Error** ({}): {reason}", kind.name())
        }
        (FindingKind::Conflict(kind), Severity::Warning) => {
            format!("**Warning** ({}): {reason}", kind.name())
        }
        (FindingKind::Conflict(kind), Severity::Info) => {
            format!("Note ({}): {reason}", kind.name())
        }
        (FindingKind::Reference(verdict), Severity::Error) => {
            format!("**Error** (reference: {}): {reason}", verdict.name())
        }
        (FindingKind::Reference(verdict), Severity::Warning) => {
            format!("**Warning** (reference: {}): {reason}", verdict.name())
        }
        (FindingKind::Reference(verdict), Severity::Info) => {
            format!("Note (reference: {}): {reason}", verdict.name())
        }
        _ => reason,
    };
    let status = annotation.and_then(|annotation| annotation.status);
    match status {
        Some(status) => {
            let word = match status {
                Status::New => "New",
                Status::Acknowledged => "Acknowledged",
                Status::Resolved => "Resolved",
            };
            writeln!(out, "### {word} · {heading}")?;
        }
        None => writeln!(out, "### {heading}")?,
    }
    writeln!(out)?;
    writeln!(
        out,
        "Key: {} · {}",
        escape_inline(&finding.key),
        count(finding.articles, "article", "articles")
    )?;
    writeln!(out)?;
    writeln!(out, "Finding: {}", escape_inline(&finding.id))?;
    if let Some(reason) = annotation.and_then(|annotation| annotation.acknowledged.as_deref()) {
        writeln!(out)?;
        writeln!(out, "Acknowledged: {}", escape_inline(reason))?;
    }
    let total = finding_claims(finding, claims).count();
    for claim in finding_claims(finding, claims).take(MAX_QUOTES) {
        writeln!(out)?;
        writeln!(out, "> {}", quote(claim))?;
        writeln!(out, ">")?;
        let evidence = &claim.evidence;
        let mut source = vec![format!(
            "{}:{}:{}",
            escape_inline(&evidence.path),
            evidence.line,
            evidence.column
        )];
        if let Some(meta) = articles.meta(&evidence.path) {
            if let Some(outlet) = meta
                .outlet
                .as_deref()
                .map(str::trim)
                .filter(|outlet| !outlet.is_empty())
            {
                source.push(format!("*{}*", escape_inline(outlet)));
            }
            source.extend(meta.date.as_deref().map(escape_inline));
        }
        let source = source.join(", ");
        writeln!(
            out,
            "> — {source} · {}",
            escape_inline(&claim_label(claim, finding.kind))
        )?;
        for note in context_notes(claim) {
            writeln!(out, ">")?;
            writeln!(out, "> context: {}", escape_inline(&note))?;
        }
    }
    if let Some(citation) = &finding.reference {
        writeln!(out)?;
        writeln!(out, "Reference: {}", escape_inline(&super::citation_text(citation)))?;
    }
    if total > MAX_QUOTES {
        writeln!(out)?;
        writeln!(out, "…and {}.", count(total - MAX_QUOTES, "more claim", "more claims"))?;
    }
    Ok(())
}

/// The claim's sentence, escaped, with its value in bold; a long sentence's window marked
/// `…` where it is cut.
fn quote(claim: &Claim) -> String {
    let (shown, sentence) = super::shown_sentence(claim);
    let whole = claim.evidence.whole_sentence_span();
    let before = if shown.start > whole.start { "…" } else { "" };
    let after = if shown.end < whole.end { "…" } else { "" };
    format!("{before}{}{after}", quote_in(claim, sentence))
}

/// [`quote`] within `sentence`, the words shown.
fn quote_in(claim: &Claim, full: &str) -> String {
    let sentence = full.trim_end();
    let Some(range) = value_range(claim) else {
        return escape(sentence.trim_start());
    };
    // Whitespace just inside the bold markers would stop them from being read as emphasis.
    let raw = &full[range.clone()];
    let start = range.start + (raw.len() - raw.trim_start().len());
    let end = (range.end - (raw.len() - raw.trim_end().len())).min(sentence.len());
    if start >= end {
        return escape(sentence.trim_start());
    }
    format!(
        "{}**{}**{}",
        escape(sentence[..start].trim_start()),
        escape_inline(&sentence[start..end]),
        escape_inline(&sentence[end..])
    )
}

/// `text` made inert at the start of a line: [`escape_inline`], and a leading list or heading
/// marker (`-`, `+`, `=`, `#`, `1.`) neutralised.
pub(super) fn escape(text: &str) -> String {
    let mut escaped = escape_inline(text);
    if escaped.starts_with(['-', '+', '=', '#']) {
        escaped.insert(0, '\\');
    } else if let Some(digits) = escaped.find(|character: char| !character.is_ascii_digit()) {
        if digits > 0 && escaped[digits..].starts_with('.') {
            escaped.insert(digits, '\\');
        }
    }
    escaped
}

/// `text` made inert inside a line: on one line, `<`, `>` and `&` as entities, the characters
/// that open emphasis, code or a link backslash-escaped, and `~` and `|` as numeric entities.
///
/// Only what `CommonMark` and Python-Markdown (`MkDocs`) both read as an escape is backslashed:
/// Python-Markdown has no `\~` or `\|` and would print the backslash, so those two become
/// `&#126;` and `&#124;`, which both read as the plain character (and which a GFM table does not
/// split on). Characters that are markup only after an escaped one (`(` after `]`, `!` before
/// `[`) or only at the start of a line (`#`, handled by [`escape`]) are left as they are, so
/// the text stays readable in the source too.
fn escape_inline(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + text.len() / 8);
    for character in one_line(text).chars() {
        match character {
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '&' => escaped.push_str("&amp;"),
            '~' => escaped.push_str("&#126;"),
            '|' => escaped.push_str("&#124;"),
            '\\' | '`' | '*' | '_' | '[' | ']' => {
                escaped.push('\\');
                escaped.push(character);
            }
            _ => escaped.push(character),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{self, Source, Spec, assert_snapshot};
    use super::*;
    use crate::claim::{Bound, Modality};
    use crate::report::{ArticleInfo, Format, RenderOptions, Summary, render};

    fn markdown(report: &Report) -> String {
        let mut out = Vec::new();
        render(report, Format::Markdown, &mut out, &RenderOptions::default()).expect("writing to a Vec");
        String::from_utf8(out).expect("Markdown is UTF-8")
    }

    #[test]
    fn markdown_report() {
        assert_snapshot("markdown", &markdown(&fixture::report()));
    }

    /// `markdown` rendered as `CommonMark` with GFM tables and strikethrough, as GitHub does.
    fn to_html(markdown: &str) -> String {
        let options = pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(markdown, options));
        html
    }

    /// What a reader sees of rendered HTML: tags dropped, character references decoded.
    fn visible(html: &str) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for character in html.chars() {
            match character {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => text.push(character),
                _ => {}
            }
        }
        for (entity, character) in [
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&quot;", "\""),
            ("&#39;", "'"),
            ("&#126;", "~"),
            ("&#124;", "|"),
            ("&amp;", "&"),
        ] {
            text = text.replace(entity, character);
        }
        text
    }

    /// Text that Markdown would read as markup if it were pasted in as it is.
    const TRICKY: [&str; 16] = [
        "<script>alert(1)</script>",
        "[click](javascript:evil)",
        "AT&T *bold* _it_ `code` a|b #1 ~x~ !img \\",
        "# title",
        "- item",
        "+ item",
        "12. item",
        "~4.4e7 t",
        "a ~~strike~~ b",
        "![img](x.png)",
        "snake_case_word and x * y * z",
        "São Paulo’s “view” (about 44 Mt)",
        "50% of {x} at a\\b",
        "&amp; is an entity",
        "**bold** and __bold__",
        "| a | b |",
    ];

    /// Each tricky text, escaped, renders as exactly itself: no markup, no visible backslash.
    #[test]
    fn escaped_text_reads_as_itself_in_commonmark() {
        for text in TRICKY {
            let rendered = visible(&to_html(&escape(text)));
            assert_eq!(rendered.trim(), text, "escape({text:?}) = {:?}", escape(text));
        }
    }

    /// The same under Python-Markdown (what `MkDocs` uses), when `python3 -m markdown` is there.
    #[test]
    fn escaped_text_reads_as_itself_in_python_markdown() {
        let input: Vec<String> = TRICKY.iter().map(|text| escape(text)).collect();
        let Some(html) = python_markdown(&input.join("\n\n")) else {
            // CI installs Python-Markdown (`.ci/run`), so there its absence is a failure.
            assert!(
                std::env::var_os("CI").is_none(),
                "python3 -m markdown is not available under CI; `.ci/run` installs it"
            );
            eprintln!("python3 -m markdown is not available; only CommonMark was checked");
            return;
        };
        let paragraphs: Vec<String> = html
            .split("</p>")
            .map(|paragraph| visible(paragraph).trim().to_owned())
            .filter(|paragraph| !paragraph.is_empty())
            .collect();
        assert_eq!(paragraphs, TRICKY, "Python-Markdown's HTML:\n{html}");
    }

    /// The whole report renders with no backslash left visible.
    #[test]
    fn the_report_shows_no_backslash() {
        let output = markdown(&fixture::report());
        let shown = visible(&to_html(&output));
        assert!(!shown.contains('\\'), "{shown}");
        if let Some(html) = python_markdown(&output) {
            assert!(!visible(&html).contains('\\'), "{html}");
        }
    }

    /// `markdown` through `python3 -m markdown -x tables`; `None` when Python-Markdown is missing.
    fn python_markdown(markdown: &str) -> Option<String> {
        use std::io::Write as _;
        use std::process::{Command, Stdio};
        let mut child = Command::new("python3")
            .args(["-m", "markdown", "-x", "tables"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        child.stdin.take()?.write_all(markdown.as_bytes()).ok()?;
        let output = child.wait_with_output().ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }

    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(escape(input), expected, "escape({input:?})");
    }

    #[test]
    fn escape_makes_text_inert() {
        check("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;");
        check("[click](javascript:evil)", "\\[click\\](javascript:evil)");
        check(
            "AT&T *bold* _it_ `code` a|b #1 ~x~ !img \\",
            "AT&amp;T \\*bold\\* \\_it\\_ \\`code\\` a&#124;b #1 &#126;x&#126; !img \\\\",
        );
        check("# title", "\\# title");
        check("- item", "\\- item");
        check("12. item", "12\\. item");
        check("line\nbreak", "line break");
        check("São Paulo’s “view”", "São Paulo’s “view”");
    }

    #[test]
    fn hostile_articles_come_out_inert() {
        let text = "<script>alert(1)</script> Russia holds 5 Mt of rare earths, see [click](javascript:evil).\n";
        let sentence = text.trim_end();
        let source = Source::new("evil<b>.md", text);
        let claim = fixture::claim(
            &source,
            Spec {
                rule: "reserve-size",
                kind: "reserves",
                sentence,
                quote: "Russia holds 5 Mt of rare earths",
                subject: ("russia", "Russia"),
                object: ("rare-earths", "rare earths"),
                year: None,
                value: fixture::quantity(&source, sentence, "5 Mt", 5e6, Bound::Exact),
                modality: Modality::default(),
            },
        );
        let claims = vec![claim.clone(), claim];
        let findings = vec![fixture::finding(
            FindingKind::Overlap,
            Severity::Info,
            "reserves · russia · rare-earths",
            "<img src=x onerror=alert(1)> agree",
            &claims,
            &[0, 1],
        )];
        let mut article = fixture::article("evil<b>.md", "[t](javascript:x)", "<i>Outlet</i>", "2024");
        article.meta.url = Some("javascript:alert(1)".to_owned());
        let articles: Vec<ArticleInfo> = vec![article];
        let report = Report {
            articles: &articles,
            claims: &claims,
            findings: &findings,
            summary: Summary {
                articles: 1,
                claims: 2,
                elapsed: None,
            },
        };
        let output = markdown(&report);
        for forbidden in ["<script", "<img", "<i>", "<b>", "[click]"] {
            assert!(!output.contains(forbidden), "{forbidden:?} survived in:\n{output}");
        }
        let rendered = to_html(&output);
        for forbidden in ["<a ", "<script", "<img", "<i>", "<b>"] {
            assert!(
                !rendered.contains(forbidden),
                "{forbidden:?} in the rendered page:\n{rendered}"
            );
        }
        assert!(output.contains("&lt;script&gt;alert(1)&lt;/script&gt; Russia holds **5 Mt** of rare earths"));
        assert!(output.contains("\\[click\\](javascript:evil)"));
        assert!(output.contains("evil&lt;b&gt;.md:1:27, *&lt;i&gt;Outlet&lt;/i&gt;*, 2024"));
    }
}
