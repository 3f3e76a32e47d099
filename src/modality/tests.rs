//! Unit tests of modality cues.

use super::*;
use std::fmt::Write as _;

#[track_caller]
fn check(sentence: &str, matched: &str, expected: &str) {
    let tokens = tokenize(sentence);
    let start_byte = sentence.find(matched).expect("matched text in sentence");
    let end_byte = start_byte + matched.len();
    let start = tokens.iter().position(|t| t.start >= start_byte).expect("start");
    let end = tokens.iter().rposition(|t| t.end <= end_byte).expect("end") + 1;
    let speakers = [];
    let modality = detect(
        &Cues::default(),
        &Sentence::new(sentence, &tokens, &speakers),
        start..end,
    );
    let mut actual = modality.label().to_string();
    if let Some(hedge) = &modality.hedge {
        let _ = write!(actual, " hedge={}", hedge.text);
    }
    if let Some(attribution) = &modality.attribution {
        let _ = write!(actual, " speaker={} cue={}", attribution.speaker, attribution.cue.text);
    }
    assert_eq!(actual, expected, "{sentence}");
}

#[test]
fn polarity() {
    check(
        "Russia holds the largest reserves.",
        "Russia holds the largest reserves",
        "asserted",
    );
    check(
        "Russia does not hold the largest reserves.",
        "Russia does not hold the largest reserves",
        "negated",
    );
    check(
        "Russia doesn't hold the largest reserves.",
        "Russia doesn't hold the largest reserves",
        "negated",
    );
    check(
        "The EU no longer depends on China.",
        "EU no longer depends on China",
        "negated",
    );
    check(
        "Officials denied that Russia holds the largest reserves.",
        "Russia holds the largest reserves",
        "negated",
    );
    check(
        "Not only does Russia hold large reserves.",
        "Russia hold large reserves",
        "asserted",
    );
    check(
        "China is not first, but Russia holds the largest reserves.",
        "Russia holds the largest reserves",
        "asserted",
    );
}

#[test]
fn hedges() {
    check(
        "Russia could hold the largest reserves.",
        "Russia could hold the largest reserves",
        "hedged hedge=could",
    );
    check(
        "Russia reportedly holds 5 Mt.",
        "Russia reportedly holds 5 Mt",
        "hedged hedge=reportedly",
    );
    check("In May 2024 Russia held 5 Mt.", "Russia held 5 Mt", "asserted");
}

#[test]
fn attribution_keeps_the_speaker() {
    check(
        "Putin said Russia holds 28.7 million tonnes.",
        "Russia holds 28.7 million tonnes",
        "attributed speaker=Putin cue=said",
    );
    check(
        "Russia holds 3.8 Mt, according to the USGS.",
        "Russia holds 3.8 Mt",
        "attributed speaker=USGS cue=according to",
    );
    check(
        "Putin's assertion of Russia's superior reserves.",
        "Russia's superior reserves",
        "attributed speaker=Putin cue='s assertion",
    );
    check(
        "Russia holds 5 Mt, analysts said.",
        "Russia holds 5 Mt",
        "attributed speaker=analysts cue=said",
    );
    check(
        "President Vladimir Putin claimed Russia leads.",
        "Russia leads",
        "attributed speaker=President Vladimir Putin cue=claimed",
    );
}

#[test]
fn negation_and_hedges_in_their_scope() {
    check(
        "Production may not happen as Russia, the world's leading producer, waits.",
        "Russia, the world's leading producer",
        "asserted",
    );
    check(
        "Russia does not, as of 2023, hold the largest reserves.",
        "Russia does not, as of 2023, hold the largest reserves",
        "negated",
    );
    check(
        "Russia holds the largest reserves, by some measures.",
        "Russia holds the largest reserves",
        "hedged hedge=by some measures",
    );
    check(
        "Russia holds the largest reserves, it is believed.",
        "Russia holds the largest reserves",
        "hedged hedge=it is believed",
    );
    check(
        "Russia holds the largest reserves and could double output.",
        "Russia holds the largest reserves",
        "asserted",
    );
}

#[test]
fn attribution_as_articles_write_it() {
    check(
        "Russia holds 3.8 Mt, according to estimates by the USGS.",
        "Russia holds 3.8 Mt",
        "attributed speaker=USGS cue=according to",
    );
    check(
        "The USGS has said Russia holds 3.8 Mt.",
        "Russia holds 3.8 Mt",
        "attributed speaker=USGS cue=said",
    );
    check(
        "Rosnedra puts it at 28 Mt for Russia.",
        "28 Mt for Russia",
        "attributed speaker=Rosnedra cue=puts it at",
    );
    check(
        "The USGS's data show Russia holds 3.8 Mt.",
        "Russia holds 3.8 Mt",
        "attributed speaker=USGS cue='s data",
    );
    check(
        "Output hit 5 million MT reported last year as Russia holds 3.8 Mt.",
        "Russia holds 3.8 Mt",
        "asserted",
    );
    // Scoped to its clause: the speaker of one clause is not the source of the next.
    check(
        "China holds 44 Mt, analysts said; Russia holds 3.8 Mt.",
        "Russia holds 3.8 Mt",
        "asserted",
    );
    check(
        "China holds 44 Mt, analysts said; Russia holds 3.8 Mt.",
        "China holds 44 Mt",
        "attributed speaker=analysts cue=said",
    );
}

#[test]
fn multi_word_attribution_cues_from_rules_work() {
    let mut cues = Cues::default();
    cues.extend(std::iter::empty(), std::iter::empty(), ["pointed out"].into_iter());
    let sentence = "Kozlov pointed out Russia holds 3.8 Mt.";
    let tokens = tokenize(sentence);
    let speakers = [];
    let modality = detect(&cues, &Sentence::new(sentence, &tokens, &speakers), 3..tokens.len() - 1);
    let attribution = modality.attribution.expect("attributed");
    assert_eq!(
        (attribution.speaker.as_str(), attribution.cue.text.as_str()),
        ("Kozlov", "pointed out")
    );
}

#[test]
fn the_first_word_filter_admits_every_phrase_start_in_any_case() {
    let cues = Cues::default();
    for phrases in [&cues.negation, &cues.hedge, &cues.verbs] {
        let starts = &phrases.starts;
        for phrase in phrases {
            let first = &phrase[0];
            for word in [first.clone(), first.to_ascii_uppercase(), first.to_ascii_lowercase()] {
                assert!(starts.may_start(&word), "{word:?} starts {phrase:?}");
            }
        }
        assert!(
            !starts.may_start("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"),
            "a word no phrase starts with"
        );
    }
    let with_empty = [Vec::new()];
    assert!(
        FirstWords::of(&with_empty).may_start("anything"),
        "an empty phrase matches anywhere"
    );
}
