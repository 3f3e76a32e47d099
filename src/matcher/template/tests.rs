//! The template engine, one table row a case: gaps, optionals, alternation, inflections,
//! longest match, overlapping matches, coordinated subjects, slot binding.

use std::fmt::Write as _;

use super::{Bound, Engine, Reading};
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
    let mut engine = Engine::new(sentence, &tokens, &entities);
    let mut found = Vec::new();
    engine.for_each_match(&rules.rules[0], None, |matched, bindings| {
        let mut shown = sentence[tokens[matched.start].start..tokens[matched.end - 1].end].to_string();
        for (role, bound, _) in &bindings.slots {
            let value = match bound {
                Bound::Entity(entity) => rules.entry(entity.lexicon, entity.entry).id.clone(),
                Bound::Read(Reading::Value(Value::Quantity(quantity))) => {
                    format!("{} {}", quantity.value, quantity.unit)
                }
                Bound::Read(Reading::Value(Value::Rank(rank))) => format!("{}..{}", rank.best, rank.worst),
                Bound::Read(Reading::Value(value)) => value.canonical_text(),
                Bound::Read(Reading::Relation(relation, _)) => format!("{relation:?}"),
                Bound::Read(Reading::Year(year)) => year.to_string(),
                Bound::Read(Reading::Name(name)) => format!("name:{}", name.id),
                Bound::Respective(figures) => figures
                    .iter()
                    .map(|figure| format!("{} {}", figure.value, figure.unit))
                    .collect::<Vec<_>>()
                    .join(" / "),
                Bound::Coordinated(members) => members
                    .iter()
                    .map(|member| match member {
                        Bound::Entity(entity) => rules.entry(entity.lexicon, entity.entry).id.clone(),
                        Bound::Read(Reading::Name(name)) => format!("name:{}", name.id),
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
