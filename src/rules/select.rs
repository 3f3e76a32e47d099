//! Run-time rule selection: `report --select GLOB --ignore GLOB` keeps the rules whose id
//! matches a selected glob (all rules when none is given) and drops those matching an ignored
//! one. Globs are `*` (any run of characters) and `?` (one character), matched against the
//! whole id.
//!
//! Design: selection is a new [`RuleSet`] with fewer rules (lexicons and settings unchanged),
//! built before the matcher, so a left-out rule costs nothing, and its policy goes with it. A
//! glob that matches no rule is an error, not an empty run: a typo must not pass silently.

use super::set::RuleSet;

/// Whether `glob` (`*`, `?`) matches the whole of `id`.
pub fn glob_matches(glob: &str, id: &str) -> bool {
    let (glob, id): (Vec<char>, Vec<char>) = (glob.chars().collect(), id.chars().collect());
    // Iterative matching with one backtrack point: the last `*` seen.
    let (mut g, mut i) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while i < id.len() {
        if g < glob.len() && (glob[g] == '?' || glob[g] == id[i]) {
            g += 1;
            i += 1;
        } else if g < glob.len() && glob[g] == '*' {
            star = Some((g, i));
            g += 1;
        } else if let Some((star_glob, star_id)) = star {
            g = star_glob + 1;
            i = star_id + 1;
            star = Some((star_glob, star_id + 1));
        } else {
            return false;
        }
    }
    glob[g..].iter().all(|&character| character == '*')
}

/// The rules of `set` that `select` (every rule when empty) and `ignore` leave, or the error
/// for a glob that matches no rule, naming the flag and the rule ids.
pub fn select(set: RuleSet, select: &[String], ignore: &[String]) -> Result<RuleSet, String> {
    if select.is_empty() && ignore.is_empty() {
        // No flags: the rule set as loaded, not a copy of it.
        return Ok(set);
    }
    for (flag, globs) in [("--select", select), ("--ignore", ignore)] {
        if let Some(glob) = globs
            .iter()
            .find(|glob| !set.rules.iter().any(|rule| glob_matches(glob, &rule.id)))
        {
            return Err(no_match(&set, flag, glob));
        }
    }
    let kept = set
        .rules
        .iter()
        .filter(|rule| select.is_empty() || select.iter().any(|glob| glob_matches(glob, &rule.id)))
        .filter(|rule| !ignore.iter().any(|glob| glob_matches(glob, &rule.id)))
        .cloned()
        .collect();
    Ok(set.with_rules(kept))
}

/// `` `--select reserv-size` matches no rule; did you mean `reserve-size`? rule ids: … ``.
fn no_match(set: &RuleSet, flag: &str, glob: &str) -> String {
    let ids: Vec<&str> = set.rules.iter().map(|rule| rule.id.as_str()).collect();
    let closest = ids
        .iter()
        .map(|id| (strsim::jaro_winkler(glob, id), *id))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| format!("did you mean `{id}`? "))
        .unwrap_or_default();
    format!(
        "`{flag} {glob}` matches no rule; {closest}rule ids are: {} (globs: `*` any characters, `?` one)",
        ids.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_whole_ids() {
        for (glob, id, matches) in [
            ("reserve-size", "reserve-size", true),
            ("reserve-*", "reserve-size", true),
            ("*-size", "reserve-size", true),
            ("*", "x", true),
            ("re*e-s?ze", "reserve-size", true),
            ("reserve", "reserve-size", false),
            ("reserve-?", "reserve-size", false),
            ("*rank", "reserve-size", false),
            ("", "", true),
            ("a*b*c", "aXbYc", true),
            ("a*b*c", "aXbY", false),
        ] {
            assert_eq!(glob_matches(glob, id), matches, "{glob} on {id}");
        }
    }

    #[test]
    fn selection_keeps_and_drops_rules_and_names_a_typo() {
        let source = r#"
[lexicon.country.entries]
chile = ["Chile"]
[[rule]]
id = "reserve-size"
kind = "reserves"
compare = "statement"
patterns = ["{subject:country} holds"]
[[rule]]
id = "reserve-rank"
kind = "reserves"
compare = "statement"
patterns = ["{subject:country} leads"]
[[rule]]
id = "output-size"
kind = "output"
compare = "statement"
patterns = ["{subject:country} mines"]
"#;
        let set = crate::rules::load_sources(&[("r.toml".into(), source.into())]).expect("rules load");
        let ids = |set: &RuleSet| set.rules.iter().map(|rule| rule.id.clone()).collect::<Vec<_>>();
        let strings = |globs: &[&str]| globs.iter().map(|glob| (*glob).to_string()).collect::<Vec<_>>();
        let kept = select(set.clone(), &strings(&["reserve-*"]), &[]).expect("a match");
        assert_eq!(ids(&kept), ["reserve-size", "reserve-rank"]);
        let kept = select(set.clone(), &[], &strings(&["*-rank"])).expect("a match");
        assert_eq!(ids(&kept), ["reserve-size", "output-size"]);
        let kept = select(set.clone(), &strings(&["reserve-*"]), &strings(&["*-rank"])).expect("a match");
        assert_eq!(ids(&kept), ["reserve-size"]);
        assert_eq!(kept.policy().rules.len(), 1);
        assert_eq!(
            select(set.clone(), &strings(&["reserv-size"]), &[]).err().as_deref(),
            Some(
                "`--select reserv-size` matches no rule; did you mean `reserve-size`? rule ids are: reserve-size, reserve-rank, output-size (globs: `*` any characters, `?` one)"
            )
        );
    }
}
