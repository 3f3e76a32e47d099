//! HTML report: one self-contained page for editors to look at in a browser.
//!
//! The page holds the summary, an article × key matrix (one row per article with its outlet and
//! date, one column per finding key, each cell coloured by the worst finding involving that
//! article and key and linking to it), filters by severity, kind and entity, one card per
//! finding with every quote highlighted inside its sentence, and, for changes over time, a small
//! inline SVG timeline. CSS and the filter script are inline constants; nothing is fetched.
//!
//! Design: every piece of article-derived text (sentences, paths, front matter, reasons, keys,
//! entity ids) goes through [`escape`], which turns `&`, `<`, `>`, `"` and `'` into entities,
//! and every attribute value is double-quoted, so no input can open a tag or an attribute. A
//! front-matter URL becomes a link only when its scheme is `http` or `https` ([`safe_url`]);
//! any other URL (`javascript:`, `data:`) is shown as text. A Content-Security-Policy meta tag
//! allows only the page's own inline style and script, as a second line of defence.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::claim::Claim;
use crate::finding::{Finding, FindingKind, Severity, Verdict};

use super::{
    Annotation, ArticleIndex, Counts, Report, Review, Status, claim_label, context_notes, count, finding_claims,
    format_elapsed, one_line, sentence_range, value_range,
};

/// Matrix columns (keys) shown before the rest are summed up in a note; a page with thousands of
/// columns helps no one.
const MAX_MATRIX_KEYS: usize = 60;
/// Matrix rows (articles) shown before the rest are summed up in a note.
const MAX_MATRIX_ARTICLES: usize = 300;
/// Claims quoted per finding before "and N more".
const MAX_QUOTES: usize = 6;

const STYLE: &str = include_str!("html/style.css");
const SCRIPT: &str = include_str!("html/filter.js");

/// Writes the HTML report.
pub(super) fn render(report: &Report, review: &Review, out: &mut dyn Write) -> io::Result<()> {
    let articles = ArticleIndex::new(report.articles);
    let mut page = String::with_capacity(4096 + report.findings.len() * 1500);
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // Marks the page as crosscheck's, so a walk that meets a saved report leaves it out
    // (`text::input::is_saved_report`).
    page.push_str("<meta name=\"generator\" content=\"crosscheck\">\n");
    page.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n",
    );
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str("<title>crosscheck report</title>\n<style>\n");
    page.push_str(STYLE);
    page.push_str("</style>\n</head>\n<body>\n<h1>crosscheck report</h1>\n");
    summary(report, review, &mut page);
    matrix(report, &mut page);
    filters(report, &mut page);
    page.push_str("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if report.findings.is_empty() {
        page.push_str("<p>No findings.</p>\n");
    }
    for (index, finding) in report.findings.iter().enumerate() {
        card(finding, review.annotation(index), report.claims, &articles, &mut page);
    }
    page.push_str("</section>\n<script>\n");
    page.push_str(SCRIPT);
    page.push_str("</script>\n</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

/// `text` safe as HTML text and as a double- or single-quoted attribute value.
pub(super) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut escaped, text);
    escaped
}

fn push_escaped(page: &mut String, text: &str) {
    for character in text.chars() {
        match character {
            '&' => page.push_str("&amp;"),
            '<' => page.push_str("&lt;"),
            '>' => page.push_str("&gt;"),
            '"' => page.push_str("&quot;"),
            '\'' => page.push_str("&#39;"),
            _ => page.push(character),
        }
    }
}

/// `url` if it may be a link: an absolute `http` or `https` URL without control characters.
pub(super) fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme = url.split_once(':')?.0;
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    (web && url[scheme.len()..].starts_with("://") && !url.chars().any(char::is_control)).then_some(url)
}

/// The anchor of a finding's card.
fn anchor(finding: &Finding) -> String {
    format!("f-{}", escape(&finding.id))
}

/// CSS class and filter value of a finding: `error`, `warning`, `info`.
fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// Filter value of a finding's kind.
fn kind_class(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Conflict(_) => "conflict",
        FindingKind::Overlap => "overlap",
        FindingKind::Change => "change",
        FindingKind::SharedWording => "shared-wording",
        FindingKind::Reference(_) => "reference",
    }
}

/// The heading word of a finding: `error[rank]`, `overlap`, …
fn heading_word(finding: &Finding) -> String {
    match finding.kind {
        FindingKind::Conflict(kind) => format!("{}[{}]", severity_class(finding.severity), kind.name()),
        FindingKind::Overlap => "overlap".to_owned(),
        FindingKind::Change => "change".to_owned(),
        FindingKind::SharedWording => "shared wording".to_owned(),
        FindingKind::Reference(verdict) => {
            format!("{}[reference:{}]", severity_class(finding.severity), verdict.name())
        }
    }
}

/// How bad a finding looks in the matrix, higher is worse: conflicts by severity, then changes,
/// overlaps and shared wording; a disagreement with a reference table counts as a conflict, the
/// other reference checks least.
fn weight(finding: &Finding) -> u8 {
    match (finding.kind, finding.severity) {
        (FindingKind::Conflict(_) | FindingKind::Reference(Verdict::Disagrees), Severity::Error) => 6,
        (FindingKind::Conflict(_) | FindingKind::Reference(Verdict::Disagrees), Severity::Warning) => 5,
        (FindingKind::Conflict(_) | FindingKind::Reference(Verdict::Disagrees), Severity::Info) => 4,
        (FindingKind::Reference(_), _) => 0,
        (FindingKind::Change, _) => 3,
        (FindingKind::Overlap, _) => 2,
        (FindingKind::SharedWording, _) => 1,
    }
}

/// The matrix class of a finding: its severity for a conflict, else its kind.
fn cell_class(finding: &Finding) -> &'static str {
    match finding.kind {
        FindingKind::Conflict(_) | FindingKind::Reference(Verdict::Disagrees) => severity_class(finding.severity),
        kind => kind_class(kind),
    }
}

fn summary(report: &Report, review: &Review, page: &mut String) {
    let counts = Counts::new(report.findings, review);
    let mut rows = vec![
        ("Articles", report.summary.articles.to_string()),
        ("Claims", report.summary.claims.to_string()),
        (
            "Conflicts",
            format!(
                "{} ({}, {})",
                counts.conflicts,
                count(counts.errors, "error", "errors"),
                count(counts.warnings, "warning", "warnings")
            ),
        ),
        ("Overlaps", counts.overlaps.to_string()),
        ("Changes over time", counts.changes.to_string()),
        ("Shared wording", counts.shared_wording.to_string()),
    ];
    if counts.references > 0 {
        rows.push((
            "Reference checks",
            format!("{} ({} disagreeing)", counts.references, counts.disagreements),
        ));
    }
    if let Some(baseline) = review.baseline {
        rows.push(("New since the baseline", baseline.new.to_string()));
        rows.push(("Resolved", baseline.resolved.to_string()));
        rows.push(("Unchanged", baseline.unchanged.to_string()));
    }
    let acknowledged = review.acknowledged();
    if acknowledged > 0 {
        rows.push(("Acknowledged", acknowledged.to_string()));
    }
    if let Some(elapsed) = report.summary.elapsed {
        rows.push(("Time", format_elapsed(elapsed)));
    }
    page.push_str("<section id=\"summary\">\n<dl class=\"summary\">\n");
    for (name, value) in rows {
        let _ = writeln!(page, "<div><dt>{name}</dt><dd>{value}</dd></div>");
    }
    page.push_str("</dl>\n</section>\n");
}

/// The worst finding per (article, key), as an index into the findings.
type Cells<'a> = HashMap<(&'a str, &'a str), usize>;

/// The article × key matrix: rows are the articles that take part in a finding, columns the
/// keys with the worst findings first.
fn matrix(report: &Report, page: &mut String) {
    let mut cells: Cells = HashMap::new();
    let mut key_weight: BTreeMap<&str, (u8, usize)> = BTreeMap::new();
    for (index, finding) in report.findings.iter().enumerate() {
        let entry = key_weight.entry(finding.key.as_str()).or_default();
        entry.0 = entry.0.max(weight(finding));
        entry.1 += 1;
        for claim in finding_claims(finding, report.claims) {
            let cell = cells
                .entry((claim.evidence.path.as_str(), finding.key.as_str()))
                .or_insert(index);
            if weight(finding) > weight(&report.findings[*cell]) {
                *cell = index;
            }
        }
    }
    if key_weight.is_empty() {
        return;
    }
    let mut keys: Vec<(&str, (u8, usize))> = key_weight.into_iter().collect();
    keys.sort_by(|left, right| right.1.cmp(&left.1).then(left.0.cmp(right.0)));
    let shown_keys: Vec<&str> = keys.iter().take(MAX_MATRIX_KEYS).map(|(key, _)| *key).collect();
    let involved: BTreeSet<&str> = cells.keys().map(|(path, _)| *path).collect();
    let rows: Vec<_> = report
        .articles
        .iter()
        .filter(|article| involved.contains(article.path.as_str()))
        .collect();

    page.push_str("<section id=\"matrix\">\n<h2>Articles × keys</h2>\n");
    page.push_str(
        "<p class=\"note\">Each cell shows the worst finding involving the article and the key; \
         click it to jump there.</p>\n<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th>Article</th>",
    );
    for key in &shown_keys {
        let _ = write!(page, "<th class=\"key\"><span>{}</span></th>", escape(&one_line(key)));
    }
    page.push_str("</tr></thead>\n<tbody>\n");
    for article in rows.iter().take(MAX_MATRIX_ARTICLES) {
        page.push_str("<tr><th class=\"article\">");
        article_name(article, page);
        page.push_str("</th>");
        for key in &shown_keys {
            match cells.get(&(article.path.as_str(), *key)) {
                Some(&index) => {
                    let finding = &report.findings[index];
                    let _ = write!(
                        page,
                        "<td class=\"cell {class}\"><a href=\"#{anchor}\" title=\"{title}\">{symbol}</a></td>",
                        class = cell_class(finding),
                        anchor = anchor(finding),
                        title = escape(&heading_word(finding)),
                        symbol = cell_symbol(finding),
                    );
                }
                None => page.push_str("<td></td>"),
            }
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody>\n</table></div>\n");
    let hidden_keys = keys.len().saturating_sub(shown_keys.len());
    let hidden_rows = rows.len().saturating_sub(MAX_MATRIX_ARTICLES);
    if hidden_keys > 0 || hidden_rows > 0 {
        let _ = writeln!(
            page,
            "<p class=\"note\">Not shown in the matrix: {} and {}; every finding is listed below.</p>",
            count(hidden_keys, "key", "keys"),
            count(hidden_rows, "article", "articles")
        );
    }
    page.push_str("</section>\n");
}

/// The letter in a matrix cell, so the matrix reads without colour too.
fn cell_symbol(finding: &Finding) -> &'static str {
    match (finding.kind, finding.severity) {
        (FindingKind::Conflict(_) | FindingKind::Reference(Verdict::Disagrees), Severity::Error) => "E",
        (FindingKind::Conflict(_) | FindingKind::Reference(Verdict::Disagrees), _) => "W",
        (FindingKind::Reference(_), _) => "R",
        (FindingKind::Change, _) => "C",
        (FindingKind::Overlap, _) => "O",
        (FindingKind::SharedWording, _) => "S",
    }
}

/// An article's outlet and date, falling back to its path; the path in a tooltip.
fn article_name(article: &super::ArticleInfo, page: &mut String) {
    let meta = &article.meta;
    let outlet = meta
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|outlet| !outlet.is_empty());
    let _ = write!(page, "<span title=\"{}\">", escape(&one_line(&article.path)));
    match outlet {
        Some(outlet) => push_escaped(page, &one_line(outlet)),
        None => push_escaped(page, &one_line(&article.path)),
    }
    page.push_str("</span>");
    if let Some(date) = &meta.date {
        page.push_str(" <span class=\"date\">");
        push_escaped(page, &one_line(date));
        page.push_str("</span>");
    }
}

/// The filter bar: severities, kinds and the entities that occur in findings.
fn filters(report: &Report, page: &mut String) {
    if report.findings.is_empty() {
        return;
    }
    let entities: BTreeSet<&str> = report
        .findings
        .iter()
        .flat_map(|finding| finding_claims(finding, report.claims))
        .flat_map(|claim| [&claim.subject, &claim.object])
        .flatten()
        .map(|entity| entity.id.as_str())
        .collect();
    page.push_str("<section id=\"filters\" class=\"filters\">\n<h2>Filters</h2>\n<fieldset><legend>Severity</legend>");
    for severity in ["error", "warning", "info"] {
        let _ = write!(
            page,
            "<label><input type=\"checkbox\" name=\"severity\" value=\"{severity}\" checked> {severity}</label>"
        );
    }
    page.push_str("</fieldset>\n<fieldset><legend>Kind</legend>");
    let checked = report
        .findings
        .iter()
        .any(|finding| matches!(finding.kind, FindingKind::Reference(_)));
    let kinds: &[&str] = if checked {
        &["conflict", "overlap", "change", "shared-wording", "reference"]
    } else {
        &["conflict", "overlap", "change", "shared-wording"]
    };
    for kind in kinds {
        let label = kind.replace('-', " ");
        let _ = write!(
            page,
            "<label><input type=\"checkbox\" name=\"kind\" value=\"{kind}\" checked> {label}</label>"
        );
    }
    page.push_str(
        "</fieldset>\n<fieldset><legend>Entity</legend><select name=\"entity\">\
         <option value=\"\">any</option>",
    );
    for entity in entities {
        let entity = escape(&one_line(entity));
        let _ = write!(page, "<option value=\"{entity}\">{entity}</option>");
    }
    page.push_str("</select></fieldset>\n<p class=\"note\" id=\"shown\"></p>\n</section>\n");
}

/// One finding: heading, key and id, a timeline for a change, then its quotes.
fn card(
    finding: &Finding,
    annotation: Option<&Annotation>,
    claims: &[Claim],
    articles: &ArticleIndex,
    page: &mut String,
) {
    let quoted: Vec<&Claim> = finding_claims(finding, claims).collect();
    let entities: BTreeSet<&str> = quoted
        .iter()
        .flat_map(|claim| [&claim.subject, &claim.object])
        .flatten()
        .map(|entity| entity.id.as_str())
        .collect();
    let entities: Vec<String> = entities.into_iter().map(|entity| escape(&one_line(entity))).collect();
    let _ = writeln!(
        page,
        "<article class=\"finding {class}\" id=\"{anchor}\" data-severity=\"{severity}\" data-kind=\"{kind}\" \
         data-entities=\" {entities} \">",
        class = cell_class(finding),
        anchor = anchor(finding),
        severity = severity_class(finding.severity),
        kind = kind_class(finding.kind),
        entities = entities.join(" "),
    );
    let status = annotation.and_then(|annotation| annotation.status);
    page.push_str("<h3>");
    if let Some(status) = status {
        let _ = write!(page, "<span class=\"status {0}\">{0}</span> ", status_word(status));
    }
    let _ = write!(page, "<span class=\"word\">{}</span> ", escape(&heading_word(finding)));
    push_escaped(page, &one_line(&finding.reason));
    page.push_str("</h3>\n<p class=\"meta\">key: <span class=\"key\">");
    push_escaped(page, &one_line(&finding.key));
    let _ = writeln!(
        page,
        "</span> · {} · id <code>{}</code></p>",
        count(finding.articles, "article", "articles"),
        escape(&finding.id)
    );
    if let Some(reason) = annotation.and_then(|annotation| annotation.acknowledged.as_deref()) {
        page.push_str("<p class=\"meta\">acknowledged: ");
        push_escaped(page, &one_line(reason));
        page.push_str("</p>\n");
    }
    if finding.kind == FindingKind::Change {
        timeline(&quoted, page);
    }
    for claim in quoted.iter().take(MAX_QUOTES) {
        quote(claim, finding.kind, articles, page);
    }
    if quoted.len() > MAX_QUOTES {
        let _ = writeln!(
            page,
            "<p class=\"note\">…and {}.</p>",
            count(quoted.len() - MAX_QUOTES, "more claim", "more claims")
        );
    }
    if let Some(citation) = &finding.reference {
        citation_line(citation, page);
    }
    page.push_str("</article>\n");
}

/// The reference row a claim was held against: where it is, what it says, and its source (a
/// link only for an http(s) URL).
fn citation_line(citation: &crate::finding::Citation, page: &mut String) {
    page.push_str("<p class=\"meta reference\">reference: <span class=\"location\">");
    push_escaped(page, &one_line(&format!("{}:{}", citation.file, citation.line)));
    page.push_str("</span> · ");
    push_escaped(page, &one_line(&format!("{} for {}", citation.value, citation.year)));
    page.push_str(" · ");
    push_escaped(page, &one_line(&citation.source));
    if let Some(edition) = &citation.edition {
        page.push_str(", ");
        push_escaped(page, &one_line(edition));
    }
    if let Some(url) = citation.url.as_deref().and_then(safe_url) {
        let _ = write!(
            page,
            " · <a href=\"{0}\" rel=\"noopener noreferrer\" target=\"_blank\">{0}</a>",
            escape(url)
        );
    }
    if let Some(note) = &citation.note {
        page.push_str(" · ");
        push_escaped(page, &one_line(note));
    }
    page.push_str("</p>\n");
}

fn status_word(status: Status) -> &'static str {
    status.name()
}

/// One quote: the sentence with the match marked and the value in bold, then where it is from.
fn quote(claim: &Claim, kind: FindingKind, articles: &ArticleIndex, page: &mut String) {
    let evidence = &claim.evidence;
    page.push_str("<figure class=\"quote\"><blockquote>");
    highlighted_sentence(claim, page);
    page.push_str("</blockquote>\n<figcaption>");
    let _ = write!(
        page,
        "<span class=\"location\">{}:{}:{}</span>",
        escape(&one_line(&evidence.path)),
        evidence.line,
        evidence.column
    );
    if let Some(meta) = articles.meta(&evidence.path) {
        if let Some(outlet) = meta
            .outlet
            .as_deref()
            .map(str::trim)
            .filter(|outlet| !outlet.is_empty())
        {
            page.push_str(", <cite>");
            push_escaped(page, &one_line(outlet));
            page.push_str("</cite>");
        }
        if let Some(date) = &meta.date {
            page.push_str(", ");
            push_escaped(page, &one_line(date));
        }
        if let Some(url) = &meta.url {
            page.push_str(" · ");
            if let Some(url) = safe_url(url) {
                let _ = write!(
                    page,
                    "<a href=\"{0}\" rel=\"noopener noreferrer\" target=\"_blank\">{0}</a>",
                    escape(url)
                );
            } else {
                page.push_str("<span class=\"unsafe-url\" title=\"not an http(s) URL, so not a link\">");
                push_escaped(page, &one_line(url));
                page.push_str("</span>");
            }
        }
    }
    page.push_str(" · <span class=\"label\">");
    push_escaped(page, &claim_label(claim, kind));
    page.push_str("</span>");
    for note in context_notes(claim) {
        page.push_str("<br><span class=\"context\">context: ");
        push_escaped(page, &note);
        page.push_str("</span>");
    }
    page.push_str("</figcaption></figure>\n");
}

/// The claim's sentence with the matched words in `<mark>` and the value in `<strong>`; a
/// value outside the match is marked on its own.
fn highlighted_sentence(claim: &Claim, page: &mut String) {
    let sentence = claim.evidence.sentence.as_str();
    let matched = sentence_range(claim, claim.evidence.span);
    let value = value_range(claim);
    // Byte offsets where a tag opens or closes, in order; ties close before they open.
    let mut marks: Vec<(usize, u8, &str)> = Vec::new();
    match (&matched, &value) {
        (Some(matched), Some(value)) if matched.start <= value.start && value.end <= matched.end => {
            marks.push((matched.start, 2, "<mark>"));
            marks.push((value.start, 3, "<strong>"));
            marks.push((value.end, 0, "</strong>"));
            marks.push((matched.end, 1, "</mark>"));
        }
        (_, Some(value)) => {
            marks.push((value.start, 2, "<mark><strong>"));
            marks.push((value.end, 0, "</strong></mark>"));
        }
        (Some(matched), None) => {
            marks.push((matched.start, 2, "<mark>"));
            marks.push((matched.end, 0, "</mark>"));
        }
        (None, None) => {}
    }
    marks.sort_by_key(|&(offset, order, _)| (offset, order));
    let mut at = 0;
    for (offset, _, tag) in marks {
        push_escaped(page, &one_line(&sentence[at..offset]));
        page.push_str(tag);
        at = offset;
    }
    push_escaped(page, &one_line(&sentence[at..]));
}

/// A change over time as a line of dated points, each labelled with its value, in inline SVG.
fn timeline(claims: &[&Claim], page: &mut String) {
    let mut points: Vec<(i32, String)> = claims
        .iter()
        .filter_map(|claim| {
            let year = claim.scope.year.or(claim.time.as_ref().map(|time| time.year))?;
            Some((year, claim.value.label()))
        })
        .collect();
    points.sort();
    points.dedup();
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return;
    };
    let (first, last) = (first.0, last.0);
    let width = 560.0;
    let margin = 70.0;
    let span = f64::from((last - first).max(1));
    let x = |year: i32| margin + f64::from(year - first) / span * (width - 2.0 * margin);
    let _ = write!(
        page,
        "<svg class=\"timeline\" viewBox=\"0 0 {width} 64\" width=\"{width}\" height=\"64\" role=\"img\" \
         aria-label=\"change over time\"><line x1=\"{margin}\" y1=\"32\" x2=\"{end}\" y2=\"32\"/>",
        end = width - margin
    );
    for (year, label) in &points {
        let position = x(*year);
        let _ = write!(
            page,
            "<circle cx=\"{position:.1}\" cy=\"32\" r=\"5\"/>\
             <text x=\"{position:.1}\" y=\"20\" text-anchor=\"middle\">{}</text>\
             <text x=\"{position:.1}\" y=\"54\" text-anchor=\"middle\" class=\"year\">{year}</text>",
            escape(&one_line(label))
        );
    }
    page.push_str("</svg>\n");
}

#[cfg(test)]
mod tests {
    use scraper::{Html, Selector};

    use super::super::fixture::{self, Source, Spec, assert_snapshot};
    use super::*;
    use crate::claim::{Bound, Modality};
    use crate::report::{ArticleInfo, Format, RenderOptions, Summary, render};

    /// Every element the renderer itself writes; any other one came from the input.
    const OWN_ELEMENTS: [&str; 41] = [
        "html",
        "head",
        "body",
        "meta",
        "title",
        "style",
        "script",
        "h1",
        "h2",
        "h3",
        "section",
        "dl",
        "div",
        "dt",
        "dd",
        "p",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "a",
        "span",
        "fieldset",
        "legend",
        "label",
        "input",
        "select",
        "option",
        "article",
        "code",
        "figure",
        "blockquote",
        "figcaption",
        "mark",
        "strong",
        "cite",
        "br",
        "svg",
        "circle",
    ];

    /// A report in which every piece of text an article or a rules file supplies is hostile.
    fn hostile_report(render_it: impl FnOnce(&Report) -> String) -> String {
        let text = "<script>alert(1)</script> Russia holds 5 Mt of rare earths <img src=x onerror=alert(2)>.\n";
        let sentence = text.trim_end();
        let path = "evil\"><img src=x onerror=alert(3)>.md";
        let source = Source::new(path, text);
        let claim = fixture::claim(
            &source,
            Spec {
                rule: "reserve-size",
                kind: "reserves",
                sentence,
                quote: "Russia holds 5 Mt of rare earths",
                subject: ("ru\" onclick=\"alert(4)", "Russia"),
                object: ("rare-earths", "rare earths"),
                year: None,
                value: fixture::quantity(&source, sentence, "5 Mt", 5e6, Bound::Exact),
                modality: Modality::default(),
            },
        );
        let claims = vec![claim.clone(), claim];
        let mut findings = vec![fixture::finding(
            FindingKind::Overlap,
            Severity::Info,
            "reserves' onmouseover='alert(5)",
            "<svg onload=alert(6)> agree</h3><script>alert(7)</script>",
            &claims,
            &[0, 1],
        )];
        findings[0].id = "\"><script>alert(8)</script>".to_owned();
        let mut article = fixture::article(
            path,
            "<title>x</title>",
            "<i onclick=alert(9)>Outlet</i>",
            "<b>2024</b>",
        );
        article.meta.url = Some("javascript:alert(10)".to_owned());
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
        render_it(&report)
    }

    /// What came from the input is text: parsed as a browser would, the page holds only the
    /// renderer's own elements, its one script, no event handler and no link but a web URL or
    /// an anchor of its own.
    #[track_caller]
    fn assert_inert(page: &str) {
        let document = Html::parse_document(page);
        let all = Selector::parse("*").expect("a valid selector");
        let mut elements = 0;
        for element in document.select(&all) {
            elements += 1;
            let name = element.value().name();
            assert!(OWN_ELEMENTS.contains(&name), "<{name}> came from the input");
            for (attribute, value) in element.value().attrs() {
                assert!(
                    !attribute.to_ascii_lowercase().starts_with("on"),
                    "event handler {attribute}={value:?} on <{name}>"
                );
                if ["href", "src", "action", "formaction", "xlink:href"].contains(&attribute) {
                    let lower = value.trim().to_ascii_lowercase();
                    assert!(
                        lower.starts_with('#') || lower.starts_with("https://") || lower.starts_with("http://"),
                        "unsafe URL {attribute}={value:?} on <{name}>"
                    );
                }
            }
        }
        assert!(elements > 20, "the page parsed into {elements} elements");
        let scripts: Vec<_> = document
            .select(&Selector::parse("script").expect("a valid selector"))
            .collect();
        assert_eq!(scripts.len(), 1, "only the page's own script");
        assert_eq!(scripts[0].text().collect::<String>().trim(), SCRIPT.trim());
        let metas = document
            .select(&Selector::parse("meta").expect("a valid selector"))
            .count();
        assert_eq!(metas, 4, "only the page's own meta tags");
    }

    #[test]
    fn hostile_articles_come_out_inert() {
        let page = hostile_report(html);
        assert_inert(&page);
        let document = Html::parse_document(&page);
        let text: String = document.root_element().text().collect();
        // Escaped, not dropped: a reader sees what the article said.
        for shown in [
            "<script>alert(1)</script> Russia holds 5 Mt of rare earths <img src=x onerror=alert(2)>.",
            "<svg onload=alert(6)> agree</h3><script>alert(7)</script>",
            "javascript:alert(10)",
            "<i onclick=alert(9)>Outlet</i>",
        ] {
            assert!(text.contains(shown), "{shown:?} is not shown as text");
        }
    }

    /// The inertness test catches a renderer that forgets to escape: with `escape` replaced by
    /// the identity, the same hostile report fails it.
    #[test]
    fn the_inertness_check_fails_without_escaping() {
        let unescaped = hostile_report(html)
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"");
        let failed = std::panic::catch_unwind(|| assert_inert(&unescaped)).is_err();
        assert!(failed, "assert_inert accepted a page with the input's markup in it");
    }

    fn html(report: &Report) -> String {
        let mut out = Vec::new();
        render(report, Format::Html, &mut out, &RenderOptions::default()).expect("writing to a Vec");
        String::from_utf8(out).expect("HTML is UTF-8")
    }

    #[test]
    fn html_report() {
        assert_snapshot("html", &html(&fixture::report()));
    }

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(
            escape("<a href='x' onclick=\"y\">&</a>"),
            "&lt;a href=&#39;x&#39; onclick=&quot;y&quot;&gt;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn only_web_urls_are_links() {
        assert_eq!(safe_url(" https://example.org/a "), Some("https://example.org/a"));
        assert_eq!(safe_url("HTTP://example.org"), Some("HTTP://example.org"));
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "//example.org",
            "http:evil",
            "https://a\n.org",
            "vbscript:x",
        ] {
            assert_eq!(safe_url(url), None, "{url:?}");
        }
    }

    #[test]
    fn the_page_is_self_contained() {
        let page = html(&fixture::report());
        for remote in ["src=", "<link", "@import", "url("] {
            assert!(!page.contains(remote), "{remote:?} would fetch something");
        }
    }
}
