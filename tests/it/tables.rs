//! Tables, lists and parentheticals: one `extract` snapshot per shape, spans and line:column
//! checked against the file, bad tables read as prose with a warning, a report between a table
//! and prose, and a 100,000-row table read in linear time.

use std::fmt::Write as _;
use std::time::Instant;

use crosscheck::claim::Value;
use crosscheck::matcher::Matcher;
use crosscheck::text::{Format, LoadOptions, load_bytes, load_file};

use crate::{crosscheck, fixture, root, snapshot};

/// The shapes, each a fixture of its own, and how many claims each must give.
const SHAPES: &[(&str, usize)] = &[
    ("markdown-table.md", 6),
    ("html-thead.html", 6),
    ("html-list.html", 6),
    ("pipe-table.txt", 3),
    ("tab-table.txt", 4),
    ("ranking-list.md", 6),
    ("label-figure.txt", 3),
    ("emoji-flags.md", 6),
    ("footnotes.txt", 3),
    // Two figures in parentheses, and "second only to China's" (rank 2).
    ("parenthetical-figure.txt", 4),
    ("parenthetical-conversion.txt", 1),
];

fn bundled() -> crosscheck::rules::RuleSet {
    crosscheck::commands::load_rules_dir(&root().join("rules")).expect("bundled rules load")
}

#[test]
fn every_shape_has_its_snapshot() {
    for (name, claims) in SHAPES {
        let path = format!("tests/fixtures/tables/{name}");
        let run = crosscheck(&["extract", &path, "--rules", "rules"]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert!(run.stderr.is_empty(), "{name}: {}", run.stderr);
        assert!(
            run.stdout.contains(&format!("{claims} claims in 1 article"))
                || (*claims == 1 && run.stdout.contains("1 claim in 1 article")),
            "{name}: {}",
            run.stdout
        );
        let stem = name.split('.').next().unwrap_or(name);
        snapshot!(format!("tables__{stem}"), run.stdout);
    }
}

/// `text[span] == quote` for every claim, and the file at the claim's line:column starts with
/// the quote (its first run of letters or digits, for HTML, where `&#8239;` stands for a space).
#[test]
fn spans_and_positions_point_at_the_cell() {
    let set = bundled();
    let matcher = Matcher::new(&set);
    let options = LoadOptions {
        structures: true,
        ..LoadOptions::default()
    };
    let mut checked = 0;
    for (name, _) in SHAPES {
        let path = fixture(&format!("tables/{name}"));
        let loaded = load_file(&path, name, &options).expect("fixture loads");
        let article = &loaded.articles[0];
        let source = std::fs::read_to_string(&path).expect("fixture reads");
        for claim in matcher.extract(article) {
            let evidence = &claim.evidence;
            assert_eq!(&article.text[evidence.span.range()], evidence.quote, "{name}");
            let line = source.lines().nth(evidence.line as usize - 1).expect("line exists");
            let at: String = line.chars().skip(evidence.column as usize - 1).collect();
            let lead: String = evidence.quote.chars().take_while(|c| c.is_alphanumeric()).collect();
            assert!(
                !lead.is_empty() && at.starts_with(&lead),
                "{name}: {at:?} does not start with {lead:?}"
            );
            if let Some(cell) = &claim.cell {
                assert!(cell.row >= 1 && cell.column >= 1, "{name}: {cell:?}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, SHAPES.iter().map(|(_, claims)| claims).sum::<usize>());
}

#[test]
fn decorations_are_kept_in_the_quote_and_ignored_for_the_value() {
    let set = bundled();
    let matcher = Matcher::new(&set);
    let loaded = load_file(
        &fixture("tables/footnotes.txt"),
        "footnotes.txt",
        &LoadOptions::default(),
    )
    .expect("loads");
    let claims = matcher.extract(&loaded.articles[0]);
    let read: Vec<(String, f64, String)> = claims
        .iter()
        .map(|claim| {
            let Value::Quantity(quantity) = &claim.value else {
                panic!("a quantity: {claim:?}")
            };
            (
                claim.subject.as_ref().expect("subject").id.to_string(),
                quantity.value,
                claim.evidence.quote.clone(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("indonesia".to_string(), 55_000_000.0, "55 000 000".to_string()),
            ("australia".to_string(), 24_000_000.0, "24'000'000".to_string()),
            ("brazil".to_string(), 16_000_000.0, "16.000.000 [2]".to_string()),
        ]
    );
}

#[test]
fn a_conversion_is_an_alternate_never_a_second_claim() {
    let set = bundled();
    let matcher = Matcher::new(&set);
    let text = "Australia holds 7 million tonnes (15.4 billion pounds) of lithium reserves.";
    let claims = matcher.extract_text("a.txt", text);
    assert_eq!(claims.len(), 1, "{claims:?}");
    let alternate = claims[0].alternate.as_ref().expect("the pounds are an alternate");
    assert_eq!(alternate.text, "15.4 billion pounds");
    // A year or a share in parentheses is not a restatement of the figure.
    let claims = matcher.extract_text("b.txt", "Australia holds 7 million tonnes (2024) of lithium reserves.");
    assert!(claims.iter().all(|claim| claim.alternate.is_none()), "{claims:?}");
}

#[test]
fn bad_tables_warn_and_are_read_as_prose() {
    for (name, warning) in [
        ("ragged.txt", "4:1: table row has 3 cells but the header has 2"),
        ("no-header.txt", "3:1: table has no header row"),
        ("merged.html", "3:9: table has merged cells"),
    ] {
        let path = format!("tests/fixtures/tables/{name}");
        let run = crosscheck(&["extract", &path, "--rules", "rules"]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert!(run.stderr.contains(warning), "{name}: {}", run.stderr);
        snapshot!(
            format!("tables__bad_{}", name.replace('.', "_")),
            format!("{}{}", run.stderr, run.stdout)
        );
    }
    // The ragged row is skipped, the good row is still read, with the right column.
    let run = crosscheck(&["extract", "tests/fixtures/tables/ragged.txt", "--rules", "rules"]);
    assert!(run.stdout.contains("australia  lithium  7e6 t"), "{}", run.stdout);
    assert!(!run.stdout.contains("chile"), "{}", run.stdout);
}

#[test]
fn report_between_a_table_and_prose() {
    let run = crosscheck(&[
        "report",
        "--no-reference",
        "tests/fixtures/tables/report",
        "--rules",
        "rules",
        "--fail-on",
        "never",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = run
        .stdout
        .rsplit_once(" in ")
        .map_or(run.stdout.as_str(), |(report, _)| report);
    assert!(report.contains("overlap: 2 articles agree that China's rare earths reserves are about 44 million tonnes"));
    assert!(report.contains("warning[quantity]: Russia's rare earths reserves"));
    assert!(report.contains("error[rank]: India's rare earths reserves"));
    snapshot!("tables__report", report);
}

/// A table of `rows` rows as plain text.
fn big_table(rows: usize) -> String {
    let mut text = String::from("Lithium reserves by country\n\nCountry | Reserves (t)\n");
    for row in 0..rows {
        let country = ["Chile", "Australia", "Argentina", "Bolivia"][row % 4];
        writeln!(text, "{country} | {}", 1000 + row).expect("writing to a String");
    }
    text
}

fn time_table(rows: usize, matcher: &Matcher<'_>) -> (usize, f64) {
    let text = big_table(rows);
    let options = LoadOptions {
        structures: true,
        ..LoadOptions::default()
    };
    let started = Instant::now();
    let loaded = load_bytes("big.txt", text.as_bytes(), Format::Text, &options).expect("loads");
    let claims = matcher.extract(&loaded.articles[0]).len();
    (claims, started.elapsed().as_secs_f64())
}

/// A 100,000-row table is read whole, and ten times the rows take about ten times as long
/// (not a hundred): linear time.
#[test]
fn a_huge_table_is_read_in_linear_time() {
    let set = bundled();
    let matcher = Matcher::new(&set);
    let (small_claims, small) = time_table(10_000, &matcher);
    let (claims, large) = time_table(100_000, &matcher);
    assert_eq!((small_claims, claims), (10_000, 100_000));
    assert!(
        large < small * 30.0 + 0.5,
        "10,000 rows took {small:.3}s, 100,000 rows {large:.3}s"
    );
}

/// A rule's own gap stops and escaped template marks: `\(` and `\)` match the brackets, and a
/// gap crosses `(` only when the rule lets it.
#[test]
fn escapes_and_gap_stops_in_a_rule() {
    let rules = |gap_stops: &str| {
        format!(
            r#"
[lexicon.country.entries]
brazil = ["Brazil"]

[[rule]]
id = "bracketed"
kind = "reserves"
compare = "quantity"
{gap_stops}
patterns = ['{{subject:country}} \( {{value:quantity(mass)}} \)', '{{subject:country}} ..5 {{value:quantity(mass)}} \| total']
"#
        )
    };
    let text = "Brazil (21 million tonnes) leads. Brazil (est.) 21 Mt | total";
    let default = crosscheck::rules::load_sources(&[("r.toml".into(), rules(""))]).expect("rules load");
    let claims = Matcher::new(&default).extract_text("a.txt", text);
    let quotes: Vec<&str> = claims.iter().map(|claim| claim.evidence.quote.as_str()).collect();
    assert_eq!(
        quotes,
        ["Brazil (21 million tonnes)"],
        "the default stops keep the gap out of `(est.)`"
    );
    let own = crosscheck::rules::load_sources(&[("r.toml".into(), rules("gap_stops = [\";\"]"))]).expect("rules load");
    let claims = Matcher::new(&own).extract_text("a.txt", text);
    let quotes: Vec<&str> = claims.iter().map(|claim| claim.evidence.quote.as_str()).collect();
    assert_eq!(quotes, ["Brazil (21 million tonnes)", "Brazil (est.) 21 Mt | total"]);
    let broken = crosscheck::rules::load_sources(&[("r.toml".into(), rules("gap_stops = [\"not one\"]"))])
        .expect_err("a two-word stop is an error");
    let rendered = broken[0].render(false);
    assert!(
        rendered.contains("gap stop `not one` is neither one word nor one mark"),
        "{rendered}"
    );
}
