//! The HTML reader on pages as sites publish them: text, metadata, tables and lists.

use super::*;

#[track_caller]
fn check(html: &str, expected: &str) {
    let extracted = extract(html);
    assert_eq!(extracted.text, expected, "text of {html:?}");
}

#[test]
fn visible_text_only() {
    check(
        "<html><head><title>T</title><style>p{}</style><script>if (a<b) {}</script></head>\n<body>\
         <nav><a href=/>Home</a> | <a>World</a></nav><header><p>Site</p></header>\
         <p>Russia   holds\n<b>large</b> reserves.</p><!-- <p>hidden</p> --><aside>Ad</aside>\
         <footer>© 2024</footer></body></html>",
        "T\n\nRussia holds large reserves.",
    );
    check("<div>a<br>b</div><ul><li>one</li><li>two</li></ul>", "a\nb\n\none\ntwo");
    check("<table><tr><td>1</td><td>2</td></tr></table>", "1 2");
    // `</ p>` is a bogus comment to a browser, and an unclosed tag at the end is dropped.
    check("a < b and c<3 </ p> <notclosed", "a < b and c<3");
    check("<SCRIPT type=x>var s = '</scripts>';</Script >after", "after");
    check("<p>x</p><template><p>t</p></template><noscript>n</noscript>y", "x\n\ny");
}

#[test]
fn entities_are_decoded() {
    check("AT&amp;T&nbsp;&#8217;&#x2019;&rsquo;&hellip;&shy;", "AT&T\u{a0}’’’…");
    check("&#146;&#0;&#xD800;&#65&unknown; &amp", "’\u{FFFD}\u{FFFD}A&unknown; &");
    let attribute = extract("<meta property=\"og:site_name\" content=\"a &amp; b &c &copy=x\">");
    assert_eq!(attribute.meta.outlet.as_deref(), Some("a & b &c &copy=x"));
}

#[test]
fn metadata_from_head() {
    let extracted = extract(
        "<head><title> Rare  &amp; earths </title><meta property=\"og:site_name\" content=\"The Post\">\
         <meta name=\"date\" content=\"2024-01-02\"><meta property='og:title' content='OG'>\
         <link rel=\"canonical\" href=\"https://x.test/a\"/></head>",
    );
    let expected = Meta {
        title: Some("Rare & earths".into()),
        outlet: Some("The Post".into()),
        date: Some("2024-01-02".into()),
        url: Some("https://x.test/a".into()),
    };
    assert_eq!(extracted.meta, expected);
    let og = extract("<meta property=\"article:published_time\" content=\"2025\"><meta property=og:title content=OG>");
    assert_eq!(
        (og.meta.title.as_deref(), og.meta.date.as_deref()),
        (Some("OG"), Some("2025"))
    );
}

#[test]
fn tables_are_recorded_with_their_cells() {
    let html = "<p>Reserves by country</p><table><caption>Rare earths, 2024</caption><thead><tr><th>Country</th><th>Reserves (t)</th></tr></thead>\
                <tbody><tr><td>China</td><td>44,000,000</td></tr><tr><td>Brazil</td><td>21,000,000</td></tr></tbody></table>\
                <table><tr><td colspan=2>x</td></tr><tr><td>a</td><td>1</td></tr></table>";
    let extracted = extract(html);
    assert_eq!(extracted.tables.items.len(), 1, "{:?}", extracted.tables);
    let table = &extracted.tables.items[0];
    let text = &extracted.text;
    let cell = |range: &Range<usize>| &text[range.clone()];
    assert_eq!(
        table.header.iter().map(cell).collect::<Vec<_>>(),
        ["Country", "Reserves (t)"]
    );
    assert_eq!(
        table.rows[1].cells.iter().map(cell).collect::<Vec<_>>(),
        ["Brazil", "21,000,000"]
    );
    assert_eq!(table.context.as_ref().map(cell), Some("Rare earths, 2024"));
    assert_eq!(
        &html[extracted.map.original(table.rows[1].cells[1].start)..][..10],
        "21,000,000"
    );
    assert!(extracted.tables.problems[0].message.contains("merged cells"));
}

#[test]
fn lists_are_recorded_with_their_numbers() {
    let html = "<h2>Largest lithium reserves</h2><ol start=\"2\"><li>Australia &mdash; 7 million tonnes</li>\
                <li>Argentina &mdash; 4 million tonnes<ul><li>a: 1</li><li>b: 2</li></ul></li></ol><ul><li>no figure</li></ul>";
    let extracted = extract(html);
    assert_eq!(extracted.tables.items.len(), 1, "{:?}", extracted.tables);
    let list = &extracted.tables.items[0];
    let text = &extracted.text;
    let cell = |range: &Range<usize>| &text[range.clone()];
    assert_eq!(
        list.rows.iter().map(|row| row.number).collect::<Vec<_>>(),
        [Some(2), Some(3)]
    );
    assert_eq!(
        list.rows[1].cells.iter().map(cell).collect::<Vec<_>>(),
        ["Argentina", "4 million tonnes"]
    );
    assert_eq!(list.context.as_ref().map(cell), Some("Largest lithium reserves"));
}

#[test]
fn offsets_map_back_to_the_original() {
    let html = "<p>a &amp;\n  b</p>\n<p>c</p>";
    let extracted = extract(html);
    assert_eq!(extracted.text, "a & b\n\nc");
    let originals: Vec<usize> = (0..extracted.text.len())
        .map(|offset| extracted.map.original(offset))
        .collect();
    assert_eq!(originals, [3, 4, 5, 10, 13, 14, 14, 22]);
}
