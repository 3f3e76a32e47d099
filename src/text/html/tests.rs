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

/// What the HTML5 tokenizer reads as a browser does, where the old tag scanner did not.
#[test]
fn markup_is_read_as_a_browser_reads_it() {
    // Legacy references without `;`, longest match first.
    check("<p>&copy 2024 &notit; &amp;c &ampx</p>", "© 2024 ¬it; &c &x");
    // A `<title>` is text (RCDATA): a tag inside it is its text, references are decoded.
    let titled = extract("<title>A <b>B</b> &amp; C</title><p>x");
    assert_eq!(titled.meta.title.as_deref(), Some("A <b>B</b> & C"));
    assert_eq!(titled.text, "A <b>B</b> & C\n\nx");
    // A script that writes a script: its `</script>` ends the inner one only.
    check(
        "<script>document.write('<!--<script>');</script>hidden</script>shown",
        "shown",
    );
    // `<script/>` opens a script all the same; a textarea is no prose.
    check("<script src=a.js/>x = 1;</script>y<textarea><p>t</p></textarea>", "y");
    // In `<svg>` a CDATA section is text, so its `</svg>` ends nothing.
    check("<svg><![CDATA[</svg><p>x]]></svg><p>y", "y");
    // A decoded space is white space like any other.
    check("a&#32; &#10;b", "a b");
}

#[test]
fn line_ends_and_references_map_to_their_source() {
    let html = "<p>a\r\n&mdash;b&#8212;</p>";
    let extracted = extract(html);
    assert_eq!(extracted.text, "a —b—");
    let originals: Vec<usize> = extracted
        .text
        .char_indices()
        .map(|(offset, _)| extracted.map.original(offset))
        .collect();
    assert_eq!(originals, [3, 4, 6, 13, 14]);
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

/// Pieces of pages as sites and broken generators write them: text in several scripts, white
/// space and line ends, every kind of character reference, tags the scanner acts on, raw-text
/// elements, comments and bogus markup.
const FRAGMENTS: &[&str] = &[
    "Russia",
    "holds",
    "44,000,000",
    "tonnes",
    "Zürich",
    "東京",
    "naïve",
    "€4.2bn",
    "😀",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u{a0}",
    "&amp;",
    "&amp",
    "&ampx",
    "&AMP;",
    "&nbsp;",
    "&nbsp",
    "&#8212;",
    "&#x2014;",
    "&#X2014",
    "&#146;",
    "&#0;",
    "&#65",
    "&#59;",
    "&semi;",
    "&#32;",
    "&#10;",
    "&#13;",
    "&#xD800;",
    "&#1114112;",
    "&notit;",
    "&notin;",
    "&copy",
    "&unknown;",
    "&",
    "&#",
    "&#x;",
    "&;",
    "&shy;",
    "&zwj;",
    "&NotEqualTilde;",
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "</br>",
    "<b>",
    "</b>",
    "<div class=\"a&amp;b\">",
    "</div>",
    "<h2>",
    "</h2>",
    "<table>",
    "</table>",
    "<caption>",
    "</caption>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th>",
    "<td colspan=2>",
    "<td rowspan='1'>",
    "<ol start=3>",
    "<ol>",
    "</ol>",
    "<ul>",
    "</ul>",
    "<li>",
    "</li>",
    "<script>",
    "</script>",
    "</script >",
    "<script/>",
    "<script><!--<script>",
    "-->",
    "<style>",
    "</style>",
    "<title>",
    "</title>",
    "<textarea>",
    "</textarea>",
    "<noscript>",
    "</noscript>",
    "<nav>",
    "</nav>",
    "<nav/>",
    "<aside>",
    "</aside>",
    "<svg>",
    "</svg>",
    "<math>",
    "<![CDATA[x<y]]>",
    "<!-- c -->",
    "<!-->",
    "<!--",
    "--!>",
    "<!DOCTYPE html>",
    "<?xml x?>",
    "</ p>",
    "</>",
    "<",
    "</",
    ">",
    "<a href='x&amp;y&copy=1'>",
    "</a>",
    "<plaintext>",
    "\0",
    "<meta name=date content='2024-01-02'>",
    "<meta property=\"og:title\" content=\"A &amp; B\">",
    "<link rel=canonical href=/x>",
    "<p title=\"a>b\">",
    "<img alt='<p>'>",
    "<é>",
    "<a<b>",
    "\u{feff}",
];

fn html_like() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let piece = prop_oneof![
        10 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => "[<>&;#x/=\"' a-z0-9\u{e9}\r\n]{0,6}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

/// Checks that every piece of the map is exact: on char boundaries, in page order, a verbatim
/// run the page's own bytes, and a produced character what its source can make (a decoded
/// reference from its `&`, a line break from its tag's `<`, a space from white space, a tag or
/// a reference, U+FFFD from a NUL).
fn check_map(html: &str, extracted: &Extracted) -> Result<(), String> {
    let text = &extracted.text;
    let pieces: Vec<(usize, usize, bool)> = extracted.map.pieces().collect();
    let mut last_original = 0;
    for (index, &(start, original, verbatim)) in pieces.iter().enumerate() {
        if start >= text.len() {
            break;
        }
        let end = pieces.get(index + 1).map_or(text.len(), |next| next.0.min(text.len()));
        let piece = text
            .get(start..end)
            .ok_or(format!("text piece {start}..{end} is not on char boundaries"))?;
        if !html.is_char_boundary(original) {
            return Err(format!("{piece:?} maps to {original}, inside a character of the page"));
        }
        if original < last_original {
            return Err(format!("{piece:?} maps to {original}, before {last_original}"));
        }
        last_original = original;
        let source = &html.as_bytes()[original..];
        if verbatim {
            if html.get(original..original + piece.len()) != Some(piece) {
                return Err(format!("{piece:?} at {start} maps to {:?}", html.get(original..)));
            }
            continue;
        }
        let mut characters = piece.chars();
        let (Some(character), None) = (characters.next(), characters.next()) else {
            return Err(format!("produced piece {piece:?} is not one character"));
        };
        let first = source.first().copied();
        let fits = match character {
            '\n' => first == Some(b'<'),
            ' ' => matches!(first, Some(b'\t' | b'\n' | b'\r' | b'\x0C' | b'&' | b'<')),
            '\u{FFFD}' => matches!(first, Some(b'&' | 0)),
            _ => first == Some(b'&'),
        };
        if !fits {
            return Err(format!("{character:?} at {start} maps to {:?}", html.get(original..)));
        }
    }
    Ok(())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// On any HTML-ish page: no panic, and every byte of the text maps back exactly.
    #[test]
    fn every_piece_of_the_text_maps_back_exactly(html in html_like()) {
        let extracted = extract(&html);
        if let Err(problem) = check_map(&html, &extracted) {
            proptest::prop_assert!(false, "{problem}\npage: {html:?}\ntext: {:?}", extracted.text);
        }
        for structure in &extracted.tables.items {
            for range in structure.rows.iter().flat_map(|row| row.cells.iter().chain([&row.span])) {
                proptest::prop_assert!(extracted.text.get(range.clone()).is_some(), "{range:?} in {:?}", extracted.text);
            }
        }
    }
}
