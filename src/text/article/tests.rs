//! Loading articles: every format, encoding and furniture rule, with what it produced.

use std::fmt::Write as _;

use super::*;

/// Renders what loading produced: each article with its metadata and its regions (with the
/// line:column of their first byte), then each warning.
fn render(loaded: &Loaded) -> String {
    let mut out = String::new();
    for article in &loaded.articles {
        let meta = &article.meta;
        let fields = [
            ("title", &meta.title),
            ("outlet", &meta.outlet),
            ("date", &meta.date),
            ("url", &meta.url),
        ];
        let _ = write!(out, "article {} ({})", article.path, article.format.name());
        for (name, value) in fields {
            if let Some(value) = value {
                let _ = write!(out, " {name}={value:?}");
            }
        }
        out.push('\n');
        for region in &article.regions {
            let (line, column) = article.line_column(region.start);
            let _ = writeln!(out, "  {line}:{column} {:?}", &article.text[region.clone()]);
        }
    }
    for warning in &loaded.warnings {
        let _ = writeln!(out, "warning {warning} (offset {:?})", warning.offset);
    }
    out
}

#[track_caller]
fn check(path: &str, bytes: &[u8], expected: &str) {
    let format = Format::from_path(Path::new(path));
    let loaded = load_bytes(path, bytes, format, &LoadOptions::default()).expect("loads");
    assert_eq!(render(&loaded), expected, "loading {path}");
}

/// Line and column in the original file of the first occurrence of `needle` in the text.
#[track_caller]
fn position(article: &Article, needle: &str) -> (u32, u32) {
    let offset = article.text.find(needle).expect("needle in the text");
    article.line_column(offset)
}

#[test]
fn plain_text_with_furniture() {
    check(
        "a.txt",
        b"Menu\nRussia holds 28.7 million tonnes.\nComments\nShare this article\nChina leads.\n",
        "article a.txt (txt)\n  2:1 \"Russia holds 28.7 million tonnes.\"\n  5:1 \"China leads.\"\n",
    );
    check("empty.txt", b"", "article empty.txt (txt)\n");
}

#[test]
fn line_endings_and_encodings() {
    check(
        "crlf.txt",
        b"One.\r\nTwo.\r\n\r\nThree.",
        "article crlf.txt (txt)\n  1:1 \"One.\\r\\nTwo.\\r\\n\\r\\nThree.\"\n",
    );
    let loaded = load_bytes(
        "cr.txt",
        b"One.\rTwo \xC3\xA9t\xC3\xA9.\rThree.",
        Format::Text,
        &LoadOptions::default(),
    )
    .expect("loads");
    let article = &loaded.articles[0];
    assert_eq!(
        [
            position(article, "Two"),
            position(article, "été"),
            position(article, "Three")
        ],
        [(2, 1), (2, 5), (3, 1)]
    );
    check(
        "bom.txt",
        b"\xEF\xBB\xBFFirst.\nSecond.",
        "article bom.txt (txt)\n  1:1 \"First.\\nSecond.\"\n",
    );
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("Rüssia.\r\nChina.".encode_utf16().flat_map(u16::to_le_bytes));
    check(
        "u16.txt",
        &utf16,
        "article u16.txt (txt)\n  1:1 \"Rüssia.\\r\\nChina.\"\n",
    );
    check(
        "bbc.txt",
        b"Chelsea paid a transfer fee of \xa315.8m.\nNext line.",
        "article bbc.txt (txt)\n  1:1 \"Chelsea paid a transfer fee of \u{FFFD}15.8m.\\nNext line.\"\n\
         warning bbc.txt: invalid UTF-8 at byte 31, decoded lossily (offset Some(31))\n",
    );
    let loaded = load_bytes("bin.txt", b"\x7fELF\x00\x01", Format::Text, &LoadOptions::default()).expect("loads");
    assert!(loaded.skipped() && loaded.articles.is_empty());
    assert_eq!(
        loaded.warnings[0].to_string(),
        "bin.txt: binary file (NUL byte at byte 4), skipped"
    );
}

#[test]
fn positions_after_a_bom_and_lone_carriage_returns() {
    let loaded = load_bytes(
        "x.txt",
        "\u{FEFF}ab\rcé d\r\ne".as_bytes(),
        Format::Text,
        &LoadOptions::default(),
    )
    .expect("loads");
    let article = &loaded.articles[0];
    assert_eq!(
        [position(article, "b"), position(article, "d"), position(article, "e")],
        [(1, 2), (2, 4), (3, 1)]
    );
}

#[test]
fn markdown_front_matter_and_code() {
    check(
        "a.md",
        b"---\ntitle: \"Rare earths\"\nsource: The Post\ndate: 2024-03-01\nurl: https://x.test\n---\n# Rare earths\n\nRussia holds reserves.\n\n```\ncode. Not prose.\n```\nAdvertisement\nEnd.\n",
        "article a.md (md) title=\"Rare earths\" outlet=\"The Post\" date=\"2024-03-01\" url=\"https://x.test\"\n  \
         7:1 \"# Rare earths\\n\\nRussia holds reserves.\"\n  15:1 \"End.\"\n",
    );
    check(
        "b.markdown",
        b"+++\ntitle = \n+++\nBody.",
        "article b.markdown (md)\n  4:1 \"Body.\"\nwarning b.markdown: invalid TOML front matter (string values must be quoted, expected literal string); metadata ignored (offset Some(4))\n",
    );
}

#[test]
fn html_visible_text_and_original_positions() {
    let html = "<!doctype html>\n<html><head><title>Rare &amp; earths</title>\n\
                <meta property=\"og:site_name\" content=\"The Post\">\n\
                <meta property=\"article:published_time\" content=\"2024-03-01\">\n\
                <script>var x = \"<p>Russia</p>\";</script></head>\n<body>\n\
                <nav><a href=\"/\">Home</a> | <a>World</a></nav>\n\
                <p>Russia&#8217;s reserves: 28.7&nbsp;million\n   tonnes.</p>\n\
                <p>Comments</p>\n<p>China &#x2019;leads&#x2019;.</p>\n</body></html>\n";
    check(
        "page.html",
        html.as_bytes(),
        "article page.html (html) title=\"Rare & earths\" outlet=\"The Post\" date=\"2024-03-01\"\n  \
         2:20 \"Rare & earths\\n\\nRussia’s reserves: 28.7\\u{a0}million tonnes.\"\n  11:4 \"China ’leads’.\"\n",
    );
    let loaded = load_bytes("page.html", html.as_bytes(), Format::Html, &LoadOptions::default()).expect("loads");
    let article = &loaded.articles[0];
    assert_eq!(position(article, "’s"), (8, 10));
    assert_eq!(position(article, "28.7"), (8, 29));
    assert_eq!(position(article, "tonnes"), (9, 4));
    assert_eq!(position(article, "leads"), (11, 18));
    assert_eq!(
        &article.source()[article.source_offset(article.text.find("tonnes").expect("found"))..][..6],
        "tonnes"
    );
}

#[test]
fn json_lines_records() {
    let text = "{\"title\": \"One\", \"source\": {\"name\": \"Wire\"}, \"text\": \"Russia holds\\n28.7 Mt.\"}\n\n\
                {\"body\": \"Menu\\nChina leads.\", \"date\": \"2024-01-02\", \"url\": \"https://x.test\"}\n\
                [1]\n{\"headline\": \"no text\"}\n";
    check(
        "feed.jsonl",
        text.as_bytes(),
        "article feed.jsonl#1 (jsonl) title=\"One\" outlet=\"Wire\"\n  1:55 \"Russia holds\\n28.7 Mt.\"\n\
         article feed.jsonl#2 (jsonl) date=\"2024-01-02\" url=\"https://x.test\"\n  3:17 \"China leads.\"\n\
         warning feed.jsonl#3: record 3 (line 4) is an array, not an object; record skipped (offset Some(158))\n\
         warning feed.jsonl#4: record 4 (line 5) has no string field `text`, `body` or `content` (set the text field to read another one); record skipped (offset Some(162))\n",
    );
    let loaded = load_bytes(
        "feed.jsonl",
        text.as_bytes(),
        Format::JsonLines,
        &LoadOptions::default(),
    )
    .expect("loads");
    assert_eq!(position(&loaded.articles[0], "28.7"), (1, 69));
    let partial = load_bytes(
        "bad.ndjson",
        b"{\"text\": \"ok\"}\n{\"text\": \"Russia\" \"x\"}\n{\"text\": \"third\"}\n",
        Format::JsonLines,
        &LoadOptions::default(),
    )
    .expect("a bad line does not stop the file");
    assert_eq!(
        partial.errors,
        ["bad.ndjson:2:19: invalid JSON: expected `,` or `}`; fix the record or remove it"]
    );
    let paths: Vec<&str> = partial.articles.iter().map(|article| article.path.as_str()).collect();
    assert_eq!(paths, ["bad.ndjson#1", "bad.ndjson#3"]);
}

/// Path, title, outlet and position of the first byte of an article.
type Summary = (String, Option<String>, Option<String>, (u32, u32));

#[test]
fn json_arrays_and_configured_fields() {
    let text = "[\n  {\"headline\": \"A\", \"story\": \"First.\", \"site\": \"S\"},\n  {\"story\": \"Second.\"}\n]";
    let options = LoadOptions {
        text_field: Some("story".into()),
        outlet_field: Some("site".into()),
        ..LoadOptions::default()
    };
    let loaded = load_bytes("all.json", text.as_bytes(), Format::Json, &options).expect("loads");
    let summary: Vec<Summary> = loaded
        .articles
        .iter()
        .map(|article| {
            (
                article.path.clone(),
                article.meta.title.clone(),
                article.meta.outlet.clone(),
                article.line_column(0),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("all.json#1".into(), Some("A".into()), Some("S".into()), (2, 31)),
            ("all.json#2".into(), None, None, (3, 14)),
        ]
    );
    let error = load_bytes("n.json", b"42", Format::Json, &LoadOptions::default()).expect_err("not records");
    assert_eq!(
        error.to_string(),
        "n.json: expected a JSON object or an array of objects, found a number; give one object per article"
    );
    let single = load_bytes(
        "one.json",
        b"{\"content\": \"Only.\"}",
        Format::Json,
        &LoadOptions::default(),
    )
    .expect("loads");
    assert_eq!(single.articles[0].path, "one.json#1");
    let empty = load_bytes("empty.json", b" \n", Format::Json, &LoadOptions::default()).expect("loads");
    assert!(empty.articles.is_empty() && empty.warnings.is_empty());
}

#[test]
fn formats_and_files() {
    let formats = [
        "a.TXT",
        "b.md",
        "c.markdown",
        "d.htm",
        "e.html",
        "f.jsonl",
        "g.ndjson",
        "h.json",
        "i.csv",
        "noextension",
    ]
    .map(|path| Format::from_path(Path::new(path)).name());
    assert_eq!(
        formats,
        [
            "txt", "md", "md", "html", "html", "jsonl", "jsonl", "json", "txt", "txt"
        ]
    );
    let directory = tempfile::tempdir().expect("temporary directory");
    let missing = directory.path().join("missing.txt");
    let error = load_file(&missing, "missing.txt", &LoadOptions::default()).expect_err("missing");
    assert!(
        error.to_string().starts_with("missing.txt: cannot read the file: "),
        "{error}"
    );
    assert!(
        error.to_string().ends_with("; check that it exists and is readable"),
        "{error}"
    );
    let page = directory.path().join("page.HTM");
    std::fs::write(&page, "<p>Hi.</p>").expect("write");
    let loaded = load_file(&page, "page.HTM", &LoadOptions::default()).expect("loads");
    assert_eq!(
        (loaded.articles[0].format, loaded.articles[0].text.as_str()),
        (Format::Html, "Hi.")
    );
}

/// Deterministic pseudo-random inputs from tricky pieces: loading and segmenting never
/// panic, and every region and sentence is a valid, trimmed range on character boundaries.
#[test]
fn arbitrary_inputs_never_break_invariants() {
    const PIECES: &[&str] = &[
        ".",
        "!",
        "?",
        "…",
        " ",
        "\u{a0}",
        "\n",
        "\r",
        "\r\n",
        "é",
        "🌍",
        "U.S.",
        "Dr.",
        "\"",
        "”",
        "#",
        "- ",
        "1. ",
        "<p>",
        "</p>",
        "<script>",
        "<!--",
        "&amp;",
        "&#x2019;",
        "&",
        "<",
        "{",
        "}",
        "\"text\": ",
        "\\u00e9",
        "---",
        "Comments",
        "Russia",
        "holds",
        "28.7",
        "\u{0}",
        "\u{feff}",
        "`",
        "```",
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    let options = LoadOptions::default();
    for round in 0..400 {
        let length = next() % 60;
        let input: String = (0..length).map(|_| PIECES[next() % PIECES.len()]).collect();
        let mut bytes = input.into_bytes();
        if round % 7 == 0 && !bytes.is_empty() {
            let at = next() % bytes.len();
            bytes[at] = 0xFF;
        }
        for format in [
            Format::Text,
            Format::Markdown,
            Format::Html,
            Format::JsonLines,
            Format::Json,
        ] {
            let Ok(loaded) = load_bytes("x", &bytes, format, &options) else {
                continue;
            };
            for article in &loaded.articles {
                let text = &article.text;
                for range in article.regions.iter().chain(&crate::text::sentences(article)) {
                    assert!(
                        range.start <= range.end && range.end <= text.len(),
                        "{range:?} in {text:?}"
                    );
                    assert!(
                        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
                        "{range:?} in {text:?}"
                    );
                }
                for sentence in crate::text::sentences(article) {
                    let slice = &text[sentence];
                    assert!(!slice.is_empty() && slice.trim() == slice, "{slice:?}");
                }
                for (offset, _) in text.char_indices() {
                    let (line, column) = article.line_column(offset);
                    assert!(line >= 1 && column >= 1);
                    assert!(article.source().is_char_boundary(article.source_offset(offset)));
                }
            }
        }
    }
}

#[test]
fn a_plain_text_header_block_is_metadata() {
    let text = "Title: Reserves\nDATE: March 3, 2025\nSource: Norland Wire\nurl: https://example.org/a\n\nRussia holds 3.8 Mt.\n";
    let loaded = load_bytes("a.txt", text.as_bytes(), Format::Text, &LoadOptions::default()).expect("loads");
    let article = &loaded.articles[0];
    assert_eq!(article.meta.title.as_deref(), Some("Reserves"));
    assert_eq!(article.meta.outlet.as_deref(), Some("Norland Wire"));
    assert_eq!(article.meta.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(
        article.meta.published().map(|date| date.to_string()).as_deref(),
        Some("2025-03-03")
    );
    let prose: Vec<&str> = article
        .regions
        .iter()
        .map(|region| &article.text[region.clone()])
        .collect();
    assert_eq!(prose.concat().trim(), "Russia holds 3.8 Mt.");
    // Not a header: a line that is no known key, a header with no body after it, prose first.
    for text in [
        "Title: Reserves\nSummary: short\n\nBody.\n",
        "Title: Reserves\nDate: 2025-03-03\n",
        "Russia holds 3.8 Mt.\nDate: 2025\n\nMore.\n",
    ] {
        assert_eq!(header_block(text), None, "{text:?}");
    }
}
