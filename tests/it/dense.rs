//! Claim-dense text: claims share their sentence's words and the rules' names in memory, and
//! outputs show a long sentence only as a window around each claim (the whole sentence's span
//! stays in the JSON), so memory and output grow with the claims, not with claims × sentence.

use serde_json::Value as Json;

use crate::{crosscheck, root};

/// One run-on "sentence" of `count` comma-joined clauses, each a reserves claim, as a table
/// pasted into prose without full stops reads: about 60 bytes a clause.
fn run_on(count: usize) -> String {
    let countries = ["Brazil", "Vietnam", "India", "Australia", "Greenland", "Canada"];
    let clauses: Vec<String> = (0..count)
        .map(|index| {
            let country = countries[index % countries.len()];
            format!(
                "{country} holds {} million tonnes of rare earth reserves",
                index % 40 + 1
            )
        })
        .collect();
    format!("{}.\n", clauses.join(", while "))
}

#[test]
fn claims_of_one_sentence_share_its_words_and_the_rules_names() {
    let set = crosscheck::commands::load_rules_dir(&root().join("rules")).expect("bundled rules load");
    let matcher = crosscheck::matcher::Matcher::new(&set);
    let text = "Brazil holds 21 million tonnes of rare earth reserves, while India holds 6.9 million \
                tonnes of rare earth reserves. Vietnam holds 22 million tonnes of rare earth reserves.";
    let claims = matcher.extract_text("dense.md", text);
    assert_eq!(claims.len(), 3, "{claims:#?}");
    let (first, second, third) = (&claims[0].evidence, &claims[1].evidence, &claims[2].evidence);
    assert!(
        first.sentence.shares_with(&second.sentence),
        "one sentence, one copy of its words"
    );
    assert!(!first.sentence.shares_with(&third.sentence));
    assert!(first.path.shares_with(&third.path), "one copy of the path per article");
    assert!(
        claims[0].rule.shares_with(&claims[2].rule),
        "one copy of a rule id per run"
    );
    assert!(claims[0].kind.shares_with(&claims[2].kind));
    let subject = |index: usize| &claims[index].subject.as_ref().expect("a subject").lexicon;
    assert!(subject(0).shares_with(subject(2)), "one copy of a lexicon name per run");
}

#[test]
fn a_long_sentence_is_shown_as_a_window_around_each_claim() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let text = run_on(400);
    assert!(text.len() > 20_000, "{}", text.len());
    std::fs::write(directory.path().join("run-on.txt"), &text).expect("fixture written");
    let path = directory.path().to_str().expect("UTF-8 path");
    let run = crosscheck(&["--quiet", "extract", "--rules", "rules", "--format", "json", path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document: Json = serde_json::from_str(&run.stdout).expect("JSON");
    let claims = document["claims"].as_array().expect("claims");
    assert!(claims.len() >= 350, "{} claims", claims.len());
    let span = |value: &Json| {
        (
            value["start"].as_u64().expect("start") as usize,
            value["end"].as_u64().expect("end") as usize,
        )
    };
    for claim in claims {
        let evidence = &claim["evidence"];
        let sentence = evidence["sentence"].as_str().expect("sentence");
        let quote = evidence["quote"].as_str().expect("quote");
        let (whole_start, whole_end) = span(&evidence["sentence_span"]);
        // The segmenter cuts a sentence at 20 KB; either piece is far longer than a window.
        assert!(
            whole_end - whole_start > 4_000,
            "the whole sentence's span: {whole_start}..{whole_end}"
        );
        let (start, end) = span(&evidence["sentence_window"]);
        assert!(
            whole_start <= start && end <= whole_end,
            "the window lies in the sentence"
        );
        assert_eq!(&text[start..end], sentence, "the window is the text at its span");
        assert!(sentence.contains(quote));
        assert!(
            sentence.len() <= quote.len() + 2 * crosscheck::claim::SENTENCE_CONTEXT,
            "{}",
            sentence.len()
        );
    }
    // Output linear in the claims: a few hundred bytes of sentence each, not 24 KB.
    assert!(
        run.stdout.len() < claims.len() * 3_000,
        "{} bytes for {} claims",
        run.stdout.len(),
        claims.len()
    );
    for format in ["text", "jsonl"] {
        let run = crosscheck(&["--quiet", "extract", "--rules", "rules", "--format", format, path]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stdout.len() < claims.len() * 3_000,
            "{format}: {} bytes",
            run.stdout.len()
        );
    }
    let run = crosscheck(&["--quiet", "report", "--rules", "rules", "--format", "markdown", path]);
    assert!(run.stdout.contains('…'), "a cut sentence is marked");
    assert!(
        run.stdout.len() < claims.len() * 3_000,
        "markdown: {} bytes",
        run.stdout.len()
    );
}

#[test]
fn a_report_read_back_keeps_the_window_and_the_whole_span() {
    let directory = tempfile::tempdir().expect("temporary directory");
    std::fs::write(directory.path().join("run-on.txt"), run_on(60)).expect("fixture written");
    let articles = directory.path().to_str().expect("UTF-8 path");
    let saved = directory.path().join("report.json");
    let saved = saved.to_str().expect("UTF-8 path");
    let run = crosscheck(&[
        "--quiet", "report", "--rules", "rules", "--format", "json", "-o", saved, articles,
    ]);
    assert!(run.code <= 1, "{}", run.stderr);
    let written = std::fs::read_to_string(saved).expect("report written");
    let report = crosscheck::report::read_report(written.as_bytes()).expect("the report reads back");
    let windowed = report
        .claims
        .iter()
        .filter(|claim| claim.evidence.whole_sentence.is_some())
        .count();
    assert_eq!(
        windowed,
        report.claims.len(),
        "every claim of the run-on sentence is windowed"
    );
    let mut again = Vec::new();
    let options = crosscheck::report::RenderOptions::default();
    crosscheck::report::render_claims(
        &report.articles,
        &report.claims,
        crosscheck::report::ClaimFormat::Json,
        &mut again,
        &options,
    )
    .expect("rendered to memory");
    let claims = |json: &[u8]| -> Json {
        let document: Json = serde_json::from_slice(json).expect("JSON");
        document["claims"].clone()
    };
    assert_eq!(
        claims(written.as_bytes()),
        claims(&again),
        "read back and written out, the same claims"
    );
}
