//! The template engine, one table row a case: gaps, optionals, alternation, inflections,
//! longest match, overlapping matches, coordinated subjects, slot binding.

use std::fmt::Write as _;

use super::{Bound, Engine, Programs, Reading};
use crate::claim::Value;
use crate::rules::RuleSet;
use crate::text::token::tokenize_into;

const LEXICONS: &str = r#"
[lexicon.country.entries]
russia = ["Russia"]
china = ["China"]
united-states = ["United States"]
[lexicon.mineral.entries]
lithium = ["lithium"]
rare-earth = ["rare earth"]
"#;

/// One statement rule with `templates`, over [`LEXICONS`].
fn rules(templates: &[&str]) -> RuleSet {
    let quoted: Vec<String> = templates.iter().map(|template| format!("{template:?}")).collect();
    let source = format!(
        "{LEXICONS}\n[[rule]]\nid = \"r\"\nkind = \"k\"\ncompare = \"statement\"\npatterns = [{}]\n",
        quoted.join(", ")
    );
    crate::rules::load_sources(&[("t.toml".into(), source)]).expect("rules load")
}

/// Every match of the rule with `templates` in `sentence`, in order, each as its words and
/// then its bindings (`role=value`).
fn matches(templates: &[&str], sentence: &str) -> Vec<String> {
    let rules = rules(templates);
    let mut tokens = Vec::new();
    tokenize_into(sentence, 0..sentence.len(), &mut tokens);
    let mut entities = Vec::new();
    rules.index.find(sentence, &tokens, &mut String::new(), &mut entities);
    let programs = Programs::new(&rules.rules);
    let mut engine = Engine::new(sentence, &tokens, &entities, &programs);
    let mut found = Vec::new();
    engine.for_each_match(&rules.rules[0], programs.rule(0), None, |matched, bindings| {
        let mut shown = sentence[tokens[matched.start].start..tokens[matched.end - 1].end].to_string();
        for (role, bound, _) in &bindings.slots {
            let value = match bound {
                Bound::Entity(entity) => rules.entry(entity.lexicon, entity.entry).id.clone(),
                Bound::Read(reading) => match &**reading {
                    Reading::Value(Value::Quantity(quantity)) => format!("{} {}", quantity.value, quantity.unit),
                    Reading::Value(Value::Rank(rank)) => format!("{}..{}", rank.best, rank.worst),
                    Reading::Value(value) => value.canonical_text(),
                    Reading::Relation(relation, _) => format!("{relation:?}"),
                    Reading::Year(year) => year.to_string(),
                    Reading::Name(name) => format!("name:{}", name.id),
                },
                Bound::Respective(figures) => figures
                    .iter()
                    .map(|figure| format!("{} {}", figure.value, figure.unit))
                    .collect::<Vec<_>>()
                    .join(" / "),
                Bound::Coordinated(members) => members
                    .iter()
                    .map(|member| match member {
                        Bound::Entity(entity) => rules.entry(entity.lexicon, entity.entry).id.clone(),
                        Bound::Read(reading) => match &**reading {
                            Reading::Name(name) => format!("name:{}", name.id),
                            other => format!("{other:?}"),
                        },
                        other => format!("{other:?}"),
                    })
                    .collect::<Vec<_>>()
                    .join("+"),
                Bound::Anaphor(anaphor) => format!("anaphor@{}", anaphor.start),
                Bound::StandIn(entity, target) => format!(
                    "{}({})",
                    rules.entry(target.0, target.1).id,
                    rules.entry(entity.lexicon, entity.entry).id
                ),
            };
            let _ = write!(shown, " {}={value}", format!("{role:?}").to_lowercase());
        }
        found.push(shown);
    });
    found
}

/// Each row: templates of one rule, a sentence, and the matches expected in it.
#[track_caller]
fn check(table: &[(&[&str], &str, &[&str])]) {
    for (templates, sentence, expected) in table {
        assert_eq!(matches(templates, sentence), *expected, "{templates:?} on {sentence:?}");
    }
}

#[test]
fn gaps_skip_up_to_their_size_lazily_within_a_clause() {
    check(&[
        (
            &["{subject:country} ..2 hold"],
            "Russia holds",
            &["Russia holds subject=russia"],
        ),
        (
            &["{subject:country} ..2 hold"],
            "Russia still holds",
            &["Russia still holds subject=russia"],
        ),
        (
            &["{subject:country} ..2 hold"],
            "Russia surely still holds",
            &["Russia surely still holds subject=russia"],
        ),
        (&["{subject:country} ..2 hold"], "Russia quite surely still holds", &[]),
        // The fewest tokens first: the first "holds" ends the match.
        (
            &["{subject:country} ..3 hold"],
            "Russia holds holds",
            &["Russia holds subject=russia"],
        ),
        // A gap never skips a clause break; a comma is none.
        (&["{subject:country} ..2 hold"], "Russia, but holds", &[]),
        (&["{subject:country} ..2 hold"], "Russia; holds", &[]),
        (&["{subject:country} ..2 hold"], "Russia (holds", &[]),
        (
            &["{subject:country} ..2 hold"],
            "Russia, holds",
            &["Russia, holds subject=russia"],
        ),
        (
            &["{subject:country} ..2 hold"],
            "Russia: holds",
            &["Russia: holds subject=russia"],
        ),
    ]);
}

#[test]
fn optional_groups_match_with_or_without_their_words() {
    check(&[
        (
            &["{subject:country} [still] hold"],
            "Russia holds",
            &["Russia holds subject=russia"],
        ),
        (
            &["{subject:country} [still] hold"],
            "Russia still holds",
            &["Russia still holds subject=russia"],
        ),
        (&["{subject:country} [still] hold"], "Russia never holds", &[]),
        (
            &["{subject:country} [still|now] hold"],
            "Russia now holds",
            &["Russia now holds subject=russia"],
        ),
    ]);
}

#[test]
fn alternations_take_the_first_branch_that_lets_the_rest_match() {
    check(&[
        (
            &["{subject:country} (own|sit on) lithium"],
            "Russia owns lithium",
            &["Russia owns lithium subject=russia"],
        ),
        (
            &["{subject:country} (own|sit on) lithium"],
            "Russia sits on lithium",
            &["Russia sits on lithium subject=russia"],
        ),
        (&["{subject:country} (own|sit on) lithium"], "Russia sits lithium", &[]),
        (&["{subject:country} (own|sit on) lithium"], "Russia sells lithium", &[]),
        // Within one template the order of branches decides, not their length.
        (
            &["{subject:country} (hold|hold lithium)"],
            "Russia holds lithium",
            &["Russia holds subject=russia"],
        ),
        // A branch that fails later is backtracked out of.
        (
            &["{subject:country} (hold|hold lithium) reserve"],
            "Russia holds lithium reserves",
            &["Russia holds lithium reserves subject=russia"],
        ),
    ]);
}

#[test]
fn words_match_their_regular_inflections_in_any_case() {
    check(&[
        (
            &["{subject:country} hold"],
            "Russia holds",
            &["Russia holds subject=russia"],
        ),
        (
            &["{subject:country} hold"],
            "Russia holding",
            &["Russia holding subject=russia"],
        ),
        (
            &["{subject:country} hold"],
            "Russia HOLDS",
            &["Russia HOLDS subject=russia"],
        ),
        (&["{subject:country} hold"], "Russia held", &[]),
        (
            &["{subject:country} supply"],
            "Russia supplies",
            &["Russia supplies subject=russia"],
        ),
        (
            &["{subject:country} mine"],
            "Russia mined",
            &["Russia mined subject=russia"],
        ),
        (
            &["{subject:country} mine"],
            "Russia mining",
            &["Russia mining subject=russia"],
        ),
        (
            &["{subject:country} ship"],
            "Russia shipped",
            &["Russia shipped subject=russia"],
        ),
        // Words shorter than three letters have no inflections.
        (&["{subject:country} is"], "Russia iss", &[]),
    ]);
}

#[test]
fn the_longest_template_wins_at_a_start_and_the_first_on_a_tie() {
    check(&[
        (
            &["{subject:country} hold", "{subject:country} hold {object:mineral}"],
            "Russia holds lithium",
            &["Russia holds lithium subject=russia object=lithium"],
        ),
        (
            &["{subject:country} hold", "{other:country} hold"],
            "Russia holds lithium",
            &["Russia holds subject=russia"],
        ),
        (
            &["{other:country} hold", "{subject:country} hold"],
            "Russia holds lithium",
            &["Russia holds other=russia"],
        ),
    ]);
}

#[test]
fn overlapping_matches_of_one_rule_read_other_subjects_and_values() {
    check(&[
        // A match starting inside another counts only if its subject and value are other
        // words: none starting at "China", whose mention the coordinated subject read.
        (
            &["{subject:country} ..3 {object:mineral}"],
            "Russia and China hold lithium",
            &["Russia and China hold lithium subject=russia+china object=lithium"],
        ),
        (
            &["{subject:country} hold {object:mineral}"],
            "Russia holds lithium and China holds rare earth",
            &[
                "Russia holds lithium subject=russia object=lithium",
                "China holds rare earth subject=china object=rare-earth",
            ],
        ),
        // The second figure inside the first match is a claim of its own: both share "lithium".
        (
            &[
                "{subject:country} hold {value:quantity(mass)} of ..6 {object:mineral}",
                "{subject:country} ['s] {value:quantity(mass)} of {object:mineral}",
            ],
            "Russia holds 5 million tonnes of China's 9 million tonnes of lithium",
            &[
                "Russia holds 5 million tonnes of China's 9 million tonnes of lithium subject=russia value=5000000 t object=lithium",
                "China's 9 million tonnes of lithium subject=china value=9000000 t object=lithium",
            ],
        ),
        // One figure never gives two claims: "China" inside the match reads Russia's figure.
        (
            &["{subject:country} ..4 hold {value:quantity(mass)}"],
            "Russia, not China, holds 5 million tonnes",
            &["Russia, not China, holds 5 million tonnes subject=russia value=5000000 t"],
        ),
    ]);
}

#[test]
fn slots_bind_what_they_read() {
    check(&[
        // A lexicon slot may start at a leading "the" and reads the longest alias.
        (
            &["{subject:country} hold {object:mineral}"],
            "the United States holds rare earth",
            &["the United States holds rare earth subject=united-states object=rare-earth"],
        ),
        (
            &["{subject:country} hold {value:quantity(mass)}"],
            "Russia holds 5 million tonnes",
            &["Russia holds 5 million tonnes subject=russia value=5000000 t"],
        ),
        // A quantity slot of one dimension reads no other.
        (
            &["{subject:country} hold {value:quantity(mass)}"],
            "Russia holds 5 percent",
            &[],
        ),
        (
            &["{subject:country} is {value:rank}"],
            "Russia is the largest",
            &["Russia is the largest subject=russia value=1..1"],
        ),
        (
            &["{subject:country} in {year:year}"],
            "Russia in 2023",
            &["Russia in 2023 subject=russia year=2023"],
        ),
        (
            &["{subject:country} {relation:comparative} {other:country}"],
            "Russia exceeds China",
            &["Russia exceeds China subject=russia relation=Greater other=china"],
        ),
    ]);
}

#[test]
fn name_slots_read_capitalised_names_and_yield_to_a_whole_alias() {
    check(&[
        (
            &["{subject:name} , the world's biggest"],
            "Halden Re, the world's biggest reinsurer",
            &["Halden Re, the world's biggest subject=name:halden-re"],
        ),
        // An alias covering the whole name wins: the lexicon's entity.
        (
            &["{subject:name} ..2 hold"],
            "The United States holds",
            &["United States holds subject=united-states"],
        ),
        // A name containing an alias is not that alias's entity.
        (
            &["{subject:name} ..2 hold"],
            "Russia Gold Trust holds",
            &["Russia Gold Trust holds subject=name:russia-gold-trust"],
        ),
        (
            &["{subject:name} ..2 hold"],
            "Pryce & Lindqvist still holds",
            &["Pryce & Lindqvist still holds subject=name:pryce-and-lindqvist"],
        ),
        // Must stay silent: a lower-case phrase, a sentence-initial function word.
        (&["{subject:name} ..2 hold"], "the firm holds", &[]),
        (&["{subject:name} hold"], "It holds", &[]),
    ]);
}

#[test]
fn subjects_read_coordinated_mentions_and_fall_back_to_one() {
    check(&[
        (
            &["{subject:country} ..2 hold"],
            "China and Russia each hold",
            &["China and Russia each hold subject=china+russia"],
        ),
        // The single mention when the template reads on after the subject.
        (
            &["{subject:country} and {other:country} hold"],
            "China and Russia hold",
            &["China and Russia hold subject=china other=russia"],
        ),
        // A list needs its closing "and".
        (
            &["{subject:country} , {other:country} hold"],
            "China, Russia hold",
            &["China, Russia hold subject=china other=russia"],
        ),
        // A member may start at "the"; a list of three with or without the serial comma.
        (
            &["{subject:country} ..2 hold"],
            "Russia, China and the United States each hold",
            &["Russia, China and the United States each hold subject=russia+china+united-states"],
        ),
        // Open-class names coordinate too, and a name and an alias mix.
        (
            &["{subject:name} , the world's biggest"],
            "Brewfield and Tamsin, the world's biggest",
            &["Brewfield and Tamsin, the world's biggest subject=name:brewfield+name:tamsin"],
        ),
        (
            &["{subject:name} ..2 hold"],
            "Orbis Motors, Kel-Mart, and China hold",
            &["Orbis Motors, Kel-Mart, and China hold subject=name:orbis-motors+name:kel-mart+china"],
        ),
    ]);
}

/// The bundled rules: lexicons with stand-ins, anaphora and multi-word aliases.
fn bundled() -> RuleSet {
    let sources = [
        (
            "rules/lexicons.toml".to_string(),
            include_str!("../../../rules/lexicons.toml").to_string(),
        ),
        (
            "rules/critical-minerals.toml".to_string(),
            include_str!("../../../rules/critical-minerals.toml").to_string(),
        ),
    ];
    crate::rules::load_sources(&sources).expect("the bundled rules load")
}

/// The engine tries a template that starts with a lexicon slot only where
/// `lexicon_can_start` says one may start, so it must say so wherever the slot reads a
/// mention, a stand-in, or an anaphor, after a leading "the" too.
#[test]
fn a_lexicon_slot_is_tried_wherever_it_can_read_something() {
    let rules = bundled();
    let programs = Programs::new(&rules.rules);
    let sentences = [
        "The United States holds 1.9 million tonnes of rare earth reserves.",
        "Putin said the Kremlin would back the miners, and the Russian ministry agreed.",
        "The country holds the world's fifth-largest reserves of lithium, it said.",
        "China, Russia and the US dominate; the Chinese share of processing is 90%.",
    ];
    let (mut mentions, mut stand_ins, mut anaphora_read) = (0, 0, 0);
    for sentence in sentences {
        let mut tokens = Vec::new();
        tokenize_into(sentence, 0..sentence.len(), &mut tokens);
        let (mut entities, mut anaphora, mut scratch) = (Vec::new(), Vec::new(), String::new());
        rules.index.find(sentence, &tokens, &mut scratch, &mut entities);
        rules
            .index
            .find_anaphora(sentence, &tokens, &entities, &mut scratch, &mut anaphora);
        let mut engine = Engine::new(sentence, &tokens, &entities, &programs).with_context(&anaphora, &rules.lexicons);
        engine.read_anaphora = true;
        engine.read_stand_ins = true;
        for position in 0..tokens.len() {
            for lexicon in 0..u32::try_from(rules.lexicons.len()).expect("few lexicons") {
                let candidates = engine.slot_candidates(crate::rules::SlotKind::Lexicon(lexicon), position);
                for (_, bound) in &candidates {
                    match bound {
                        Bound::Entity(_) => mentions += 1,
                        Bound::StandIn(..) => stand_ins += 1,
                        Bound::Anaphor(_) => anaphora_read += 1,
                        _ => {}
                    }
                }
                assert!(
                    candidates.is_empty() || engine.lexicon_can_start(lexicon, position),
                    "{sentence:?}: lexicon {lexicon} reads {candidates:?} at token {position}, \
                     which the start test rules out"
                );
            }
        }
    }
    // Every way of reading was exercised.
    assert!(
        mentions > 0 && stand_ins > 0 && anaphora_read > 0,
        "{mentions} {stand_ins} {anaphora_read}"
    );
}

/// A template's alternation of single words runs as one word step; a branch of more words
/// keeps its place between them, and the top-level steps stay one for one with the elements.
#[test]
fn alternations_of_single_words_run_as_one_word() {
    use super::Step;
    let rules = rules(&["{subject:country} (hold|has|sit on|own|boast) (reserve|deposit) [of]"]);
    let programs = Programs::new(&rules.rules);
    let steps = &programs.rule(0)[0];
    assert_eq!(steps.len(), rules.rules[0].patterns[0].elements.len());
    let Step::Alt(verbs) = &steps[1] else {
        panic!("the verbs are an alternation: {:?}", steps[1]);
    };
    let shapes: Vec<usize> = verbs.iter().map(|branch| branch.len()).collect();
    assert_eq!(shapes, [1, 2, 1], "{verbs:?}");
    assert!(matches!(steps[2], Step::Word(_)), "{:?}", steps[2]);
    assert!(
        matches!(&steps[3], Step::Alt(branches) if branches.len() == 2),
        "{:?}",
        steps[3]
    );
    // Each word step takes every form of every word it merged, in any ASCII case.
    let sentence = "Reserves DEPOSITS hold Holds own boasted , sit";
    let mut tokens = Vec::new();
    tokenize_into(sentence, 0..sentence.len(), &mut tokens);
    let mut numbers = Vec::new();
    programs.words.number_tokens(sentence, &tokens, &mut numbers);
    let (Step::Word(nouns), [Step::Word(first), ..], [Step::Word(last)]) = (&steps[2], &*verbs[0], &*verbs[2]) else {
        panic!("word steps expected: {steps:?}");
    };
    let takes = |forms: &[u32]| {
        numbers
            .iter()
            .map(|&number| Step::takes(forms, number))
            .collect::<Vec<_>>()
    };
    assert_eq!(takes(nouns), [true, true, false, false, false, false, false, false]);
    assert_eq!(takes(first), [false, false, true, true, false, false, false, false]);
    assert_eq!(takes(last), [false, false, false, false, true, true, false, false]);
}
