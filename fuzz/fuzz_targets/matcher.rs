//! Fuzz target: any string matched against the bundled rules (compiled once). Every claim's
//! spans must be inside the text, on character boundaries, and quote what they point at.

#![no_main]

use std::sync::LazyLock;

use crosscheck::matcher::Matcher;
use crosscheck::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let sources = [
        (
            "rules/critical-minerals.toml",
            include_str!("../../rules/critical-minerals.toml"),
        ),
        ("rules/lexicons.toml", include_str!("../../rules/lexicons.toml")),
    ]
    .map(|(path, text)| (path.to_owned(), text.to_owned()));
    crosscheck::rules::load_sources(&sources).expect("the bundled rules load")
});

/// The matcher of [`RULES`], its prefilter built once.
static MATCHER: LazyLock<Matcher<'static>> = LazyLock::new(|| Matcher::new(&RULES));

fuzz_target!(|text: &str| {
    for claim in MATCHER.extract_text("fuzz.txt", text) {
        let evidence = &claim.evidence;
        assert_eq!(&text[evidence.span.range()], evidence.quote);
        assert_eq!(&text[evidence.sentence_span.range()], evidence.sentence);
    }
});
