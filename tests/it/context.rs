//! Context beyond the sentence: publication dates and effective time, subjects resolved from
//! the sentences before, entities that stand for others, attribution, negation and hedges in
//! their scope. Fixtures in `tests/fixtures/context/` (rules in `rules/`), each with a
//! snapshot of `extract` and of `explain`; the must-not-resolve cases sit beside the others.

use crosscheck::matcher::Matcher;
use crosscheck::text::{LoadOptions, load_file};

use crate::{crosscheck, fixture, root, snapshot};

const RULES: &str = "tests/fixtures/context/rules";

/// Every fixture article, one `extract` snapshot and one `explain` snapshot each.
#[test]
fn fixtures_extract_and_explain() {
    insta::glob!(root(), "tests/fixtures/context/*.{txt,md,html,jsonl}", |path| {
        let relative = crate::relative(path);
        let stem = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default()
            .replace('.', "_");
        let rules = if stem.starts_with("seed") { "rules" } else { RULES };
        let run = crosscheck(&["extract", &relative, "--rules", rules]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        snapshot!(format!("context__extract_{stem}"), run.stdout);
        if path.extension().is_none_or(|extension| extension != "jsonl") {
            let run = crosscheck(&["explain", &relative, "--rules", rules]);
            assert_eq!(run.code, 0, "{}", run.stderr);
            snapshot!(format!("context__explain_{stem}"), run.stdout);
        }
    });
}

/// The JSON of claims carries the new fields; claims without context carry none of them.
#[test]
fn json_fields() {
    let run = crosscheck(&[
        "extract",
        "tests/fixtures/context/anaphora.txt",
        "tests/fixtures/context/stand-ins.txt",
        "tests/fixtures/context/time.md",
        "--rules",
        RULES,
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snapshot!("context__extract_json", run.stdout);
    let plain = crosscheck(&[
        "extract",
        "tests/fixtures/context/negation.txt",
        "--rules",
        RULES,
        "--format",
        "jsonl",
    ]);
    for field in [
        "\"time\"",
        "\"antecedent\"",
        "\"alias_link\"",
        "\"stand_in\"",
        "\"source\"",
        "\"edition\"",
    ] {
        assert!(
            !plain.stdout.contains(field),
            "{field} in a claim with no context:\n{}",
            plain.stdout
        );
    }
}

/// A report over articles dated 2023 and 2025 whose sentences name no year shows each claim's
/// effective year.
#[test]
fn report_shows_effective_years() {
    let run = crosscheck(&[
        "report",
        "--no-reference",
        "tests/fixtures/context/dated",
        "--rules",
        "rules",
        "--fail-on",
        "never",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("· 2023 (published) ·"), "{}", run.stdout);
    assert!(run.stdout.contains("· 2025 (published) ·"), "{}", run.stdout);
    let summary = run.stdout.find("summary:").unwrap_or(run.stdout.len());
    snapshot!("context__report_dated", &run.stdout[..summary]);
    let json = crosscheck(&[
        "report",
        "--no-reference",
        "tests/fixtures/context/dated",
        "--rules",
        "rules",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).expect("the report is JSON");
    let years: Vec<(i64, &str)> = report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|claim| {
            (
                claim["time"]["year"].as_i64().expect("year"),
                claim["time"]["basis"].as_str().expect("basis"),
            )
        })
        .collect();
    assert_eq!(years, [(2023, "published"), (2025, "published")]);
}

/// Resolution reads sentences the prefilter drops: the filtered matcher finds exactly the
/// claims of the unfiltered one on every context fixture.
#[test]
fn prefilter_stays_exact_with_context() {
    let set = crosscheck::commands::load_rules_dir(&root().join(RULES)).expect("context rules load");
    let matcher = Matcher::new(&set);
    assert!(matcher.prefilter_is_active());
    let mut resolved = 0;
    let mut linked = 0;
    for name in [
        "anaphora.txt",
        "stand-ins.txt",
        "attribution.txt",
        "seed-like.txt",
        "renaming.txt",
        "renaming-not.txt",
    ] {
        let path = fixture(&format!("context/{name}"));
        let loaded = load_file(&path, name, &LoadOptions::default()).expect("fixture loads");
        for article in &loaded.articles {
            let filtered = matcher.extract(article);
            assert_eq!(filtered, matcher.extract_unfiltered(article), "{name}");
            resolved += filtered.iter().filter(|claim| claim.antecedent.is_some()).count();
            linked += filtered.iter().filter(|claim| claim.alias_link.is_some()).count();
        }
    }
    assert!(resolved >= 3, "the fixtures resolve antecedents: {resolved}");
    // The renaming fixture's link sentences match no template: the prefilter drops them, and
    // the aliases they make must still be read.
    assert!(linked >= 5, "the fixtures read article-local aliases: {linked}");
}

/// A broken `stands_for` is an error naming file, line and column, exit 2.
#[test]
fn bad_stands_for_is_located() {
    let run = crosscheck(&["check", "--rules", "tests/fixtures/context/bad-rules"]);
    assert_eq!(run.code, 2);
    snapshot!("context__bad_stands_for", run.stderr);
}

/// A report quotes where context came from: the antecedent of "This", the stand-in "Putin".
#[test]
fn report_quotes_antecedents_and_stand_ins() {
    let run = crosscheck(&[
        "report",
        "--no-reference",
        "tests/fixtures/context/report",
        "--rules",
        "rules",
        "--no-timing",
        "--fail-on",
        "never",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("context: \"This\" refers back to \"Moscow\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("context: \"Putin\" stands for russia"),
        "{}",
        run.stdout
    );
    snapshot!("context__report_context", run.stdout);
    let markdown = crosscheck(&[
        "report",
        "--no-reference",
        "tests/fixtures/context/report",
        "--rules",
        "rules",
        "--no-timing",
        "--fail-on",
        "never",
        "--format",
        "markdown",
    ]);
    snapshot!("context__report_context_markdown", markdown.stdout);
}

/// A claim read through an article-local alias records the linking phrase (the article's text
/// at its span, with its line and column); a link in one article makes no alias in another,
/// and none of the must-not-link cases links.
#[test]
fn article_aliases_are_recorded_and_stay_in_their_article() {
    let run = crosscheck(&[
        "extract",
        "tests/fixtures/context/renaming.txt",
        "tests/fixtures/context/renaming-not.txt",
        "--rules",
        RULES,
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let parsed: serde_json::Value = serde_json::from_str(&run.stdout).expect("the claims are JSON");
    let claims = parsed["claims"].as_array().expect("claims");
    let text = std::fs::read_to_string(fixture("context/renaming.txt")).expect("the fixture");
    let mut links = Vec::new();
    for claim in claims {
        let path = claim["evidence"]["path"].as_str().expect("a path");
        let link = &claim["alias_link"];
        if path.ends_with("renaming-not.txt") {
            assert!(
                link.is_null(),
                "a link in another article or a must-not-link case: {claim:#}"
            );
            continue;
        }
        if link.is_null() {
            continue;
        }
        let span = |key: &str| usize::try_from(link["span"][key].as_u64().expect("a span")).expect("fits");
        let phrase = link["text"].as_str().expect("the phrase");
        assert_eq!(&text[span("start")..span("end")], phrase);
        links.push(format!(
            "{} {} <- {phrase} ({}:{})",
            claim["rule"].as_str().unwrap_or_default(),
            claim["subject"]["id"].as_str().unwrap_or_default(),
            link["line"],
            link["column"]
        ));
    }
    assert_eq!(
        links,
        [
            "shipments calder <- Calder Group, formerly Calder Mining (3:11)",
            "output calder <- Calder Group, formerly Calder Mining (3:11)",
            "shipments norrland <- Harrow Metals changed its name to Norrland Metals (9:1)",
            "shipments ostvik <- The firm, previously known as Brenner Resources (11:56)",
            "shipments calder <- Lindqvist & Sons (now Calder Group) (15:32)",
        ]
    );
    let only = crosscheck(&[
        "extract",
        "tests/fixtures/context/renaming.txt",
        "--rules",
        RULES,
        "--format",
        "json",
    ]);
    snapshot!("context__extract_renaming_json", only.stdout);
}

/// A lexicon can turn article-local aliases off, a rules file can add cues, and a rule set
/// without either reads the built-in ones.
#[test]
fn article_aliases_follow_the_rules_files() {
    let rules = |extra: &str| {
        let source = format!(
            "{extra}\n[lexicon.company.entries]\ncalder = [\"Calder Group\"]\n\
             [lexicon.mineral.entries]\nphosphate = [\"phosphate\"]\n\
             [[rule]]\nid = \"shipments\"\nkind = \"shipments\"\ncompare = \"quantity\"\n\
             patterns = [\"{{subject:company}} ..3 shipped ..4 {{value:quantity(mass)}} [of] {{object:mineral}}\"]\n"
        );
        crosscheck::rules::load_sources(&[("t.toml".into(), source)]).expect("rules load")
    };
    let subjects = |set: &crosscheck::rules::RuleSet, text: &str| -> Vec<String> {
        let matcher = Matcher::new(set);
        let article = crosscheck::text::Article::plain("a.txt", text);
        let claims = matcher.extract(&article);
        assert_eq!(claims, matcher.extract_unfiltered(&article));
        claims
            .iter()
            .map(|claim| {
                let subject = claim.subject.as_ref().expect("a subject");
                format!("{} {}", subject.id, subject.text)
            })
            .collect()
    };
    let renamed =
        "Calder Group, formerly Harrow Mining, opened a plant. Harrow Mining shipped 300 tonnes of phosphate.";
    let rebadged = "Calder Group rebadged as Tarvik Works last year. Tarvik Works shipped 200 tonnes of phosphate.";
    let plain = rules("");
    assert_eq!(subjects(&plain, renamed), ["calder Harrow Mining"]);
    assert!(subjects(&plain, rebadged).is_empty());
    let off = rules("[lexicon.company]\narticle_aliases = false\n");
    assert!(subjects(&off, renamed).is_empty());
    let cued = rules("[aliases]\ncues = [\"rebadged as\"]\n");
    assert_eq!(subjects(&cued, rebadged), ["calder Tarvik Works"]);
    assert_eq!(subjects(&cued, renamed), ["calder Harrow Mining"]);
}
