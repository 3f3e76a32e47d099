//! Tidy: the code keeps the shape ARCHITECTURE.md gives it.
//!
//! The layer order is written once, in ARCHITECTURE.md's "Layer order" section; this test reads
//! it from there and fails on any `crate::…` path in `src/` that reaches up the order (a module
//! may name its own layer and the layers below it, never one above). So the document and the
//! code cannot drift apart: moving a module or adding an upward import fails here, with the
//! file and line. A second check holds the file-system invariant: only `commands` and `text`
//! read files and only `output` writes them.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::root;

/// The layers, lowest first: each a list of top-level module names.
fn layers(architecture: &str) -> Vec<Vec<String>> {
    let section = architecture
        .split("\n## ")
        .find(|section| section.starts_with("Layer order"))
        .expect("ARCHITECTURE.md has a `## Layer order` section");
    // Numbered lines, highest layer first: "1. `commands` — …", "2. `cli` — …".
    let mut layers: Vec<Vec<String>> = section
        .lines()
        .filter(|line| {
            line.split_once(". ")
                .is_some_and(|(number, _)| number.trim().parse::<u32>().is_ok())
        })
        .map(|line| {
            let names = line.split_once(" — ").map_or(line, |(names, _)| names);
            names
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect::<Vec<String>>()
        })
        .collect();
    layers.reverse();
    layers
}

/// The top-level module a source file belongs to: `src/matcher/template.rs` → `matcher`.
fn module_of(relative: &Path) -> String {
    let first = relative
        .components()
        .next()
        .expect("a path under src/")
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    first.strip_suffix(".rs").unwrap_or(&first).to_owned()
}

/// Every `crate::NAME` a source names outside comments: (line, NAME). In
/// `crate::{a, b::{c, d}}` the names are `a` and `b`, across lines too.
fn crate_paths(source: &str) -> Vec<(usize, String)> {
    let code: String = source
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let line_at = |offset: usize| code[..offset].matches('\n').count() + 1;
    let ident = |text: &str| -> String { text.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect() };
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("crate::").map(|at| from + at) {
        from = at + "crate::".len();
        if code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue; // `mycrate::`
        }
        let after = &code[from..];
        if let Some(braced) = after.strip_prefix('{') {
            let mut depth = 1;
            let mut item_start = true;
            for (offset, c) in braced.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 1 => item_start = true,
                    c if item_start && depth == 1 && !c.is_whitespace() => {
                        item_start = false;
                        let name = ident(&braced[offset..]);
                        if !name.is_empty() {
                            found.push((line_at(from + 1 + offset), name));
                        }
                    }
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
            }
        } else {
            let name = ident(after);
            if !name.is_empty() {
                found.push((line_at(at), name));
            }
        }
    }
    found
}

/// Every import against the layer order in `files` (path relative to `src/`, source).
fn violations(layers: &[Vec<String>], files: &[(String, String)]) -> Vec<String> {
    let layer_of: BTreeMap<&str, usize> = layers
        .iter()
        .enumerate()
        .flat_map(|(index, names)| names.iter().map(move |name| (name.as_str(), index)))
        .collect();
    let mut problems = Vec::new();
    for (path, source) in files {
        let module = module_of(Path::new(path));
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(&own) = layer_of.get(module.as_str()) else {
            problems.push(format!(
                "src/{path}: module `{module}` is in no layer of ARCHITECTURE.md"
            ));
            continue;
        };
        for (line, name) in crate_paths(source) {
            match layer_of.get(name.as_str()) {
                Some(&target) if target > own => problems.push(format!(
                    "src/{path}:{line}: `{module}` imports `{name}`, a layer above it in ARCHITECTURE.md's order"
                )),
                Some(_) => {}
                None => problems.push(format!(
                    "src/{path}:{line}: `crate::{name}` is in no layer of ARCHITECTURE.md"
                )),
            }
        }
    }
    problems
}

fn sources(dir: &Path, base: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, base, out);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            let relative = path
                .strip_prefix(base)
                .expect("under src/")
                .to_string_lossy()
                .into_owned();
            out.push((
                relative,
                std::fs::read_to_string(&path).expect("a source file is readable"),
            ));
        }
    }
}

#[test]
fn imports_follow_the_layer_order() {
    let architecture = std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md is readable");
    let layers = layers(&architecture);
    assert!(
        layers.len() >= 5,
        "ARCHITECTURE.md's layer order has too few layers: {layers:?}"
    );
    let mut files = Vec::new();
    sources(&root().join("src"), &root().join("src"), &mut files);
    let mut modules: Vec<String> = files.iter().map(|(path, _)| module_of(Path::new(path))).collect();
    modules.dedup();
    let problems = violations(&layers, &files);
    let mut report = String::new();
    for problem in &problems {
        let _ = writeln!(report, "  {problem}");
    }
    assert!(problems.is_empty(), "imports against the layer order:\n{report}");
    // Every layer names modules that exist, so the order cannot list stale names.
    for name in layers.iter().flatten() {
        assert!(
            modules.contains(name),
            "ARCHITECTURE.md's layer order names `{name}`, which is no module in src/"
        );
    }
}

#[test]
fn the_tidy_check_catches_an_upward_import() {
    let layers = vec![
        vec!["text".to_owned()],
        vec!["rules".to_owned()],
        vec!["matcher".to_owned()],
    ];
    let file = |path: &str, source: &str| (path.to_owned(), source.to_owned());
    let clean = [
        file(
            "matcher/mod.rs",
            "use crate::rules::RuleSet;\nuse crate::{text, rules::Rule};\n",
        ),
        file(
            "rules/compile.rs",
            "// crate::matcher in a comment is fine\nuse crate::text::Furniture;\n",
        ),
    ];
    assert_eq!(violations(&layers, &clean), Vec::<String>::new());
    let upward = [file(
        "rules/compile.rs",
        "use std::fmt;\n\nuse crate::matcher::Matcher;\n",
    )];
    assert_eq!(
        violations(&layers, &upward),
        ["src/rules/compile.rs:3: `rules` imports `matcher`, a layer above it in ARCHITECTURE.md's order"]
    );
    let inline = [file("text/mod.rs", "fn f() { let _ = crate::rules::load(); }\n")];
    assert_eq!(violations(&layers, &inline).len(), 1);
    let braced = [file("text/mod.rs", "use crate::{id, matcher};\n")];
    assert_eq!(
        violations(&layers, &braced).len(),
        2,
        "an unknown and an upward name in braces"
    );
    let nested = [file(
        "rules/mod.rs",
        "use crate::{\n    text::{Token, tokenize},\n    matcher::{self, Matcher},\n};\n",
    )];
    assert_eq!(
        violations(&layers, &nested),
        ["src/rules/mod.rs:3: `rules` imports `matcher`, a layer above it in ARCHITECTURE.md's order"]
    );
}

/// The modules ARCHITECTURE.md allows to touch the file system: `commands` and `text` read,
/// `output` writes.
const FILE_SYSTEM_MODULES: [&str; 3] = ["commands", "text", "output"];

/// Every use of the file system outside [`FILE_SYSTEM_MODULES`] in `files`.
fn file_system_uses(files: &[(String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (path, source) in files {
        let module = module_of(Path::new(path));
        if FILE_SYSTEM_MODULES.contains(&module.as_str()) {
            continue;
        }
        for (number, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if ["std::fs", "fs::", "File::open", "File::create", "OpenOptions"]
                .iter()
                .any(|needle| code.contains(needle))
            {
                problems.push(format!("src/{path}:{}: `{module}` uses the file system", number + 1));
            }
        }
    }
    problems
}

#[test]
fn only_commands_text_and_output_touch_files() {
    let mut files = Vec::new();
    sources(&root().join("src"), &root().join("src"), &mut files);
    let problems = file_system_uses(&files);
    assert!(
        problems.is_empty(),
        "file system access outside commands, text and output:\n  {}",
        problems.join("\n  ")
    );
    let reading = [(
        "rules/compile.rs".to_owned(),
        "let text = std::fs::read_to_string(path)?;\n".to_owned(),
    )];
    assert_eq!(
        file_system_uses(&reading),
        ["src/rules/compile.rs:1: `rules` uses the file system"]
    );
}
