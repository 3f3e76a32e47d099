//! The configuration file: `crosscheck.toml` (or `.crosscheck.toml`, or `[tool.crosscheck]` in
//! a `pyproject.toml`), found upward from the current directory as ruff finds its own.
//!
//! ```toml
//! rules = "rules"                 # the rules directory, relative to this file
//! paths = ["articles"]            # what to read when no PATHS are given, relative to this file
//! format = "markdown"             # report's default --format
//! fail-on = "warning"             # report's and diff's default --fail-on
//! exclude = ["drafts/**"]         # --exclude globs, relative to this file when they hold a `/`
//! furniture = ["Sponsored by .*"] # page-furniture line patterns added to the rules' own
//!
//! [severity]                      # per-rule severity of conflicts, applied after comparison
//! reserve-rank = "warning"
//! ```
//!
//! Design: the file supplies *defaults*, not values. [`Config::apply_defaults`] writes them into
//! the clap definition before the command line is parsed, so a flag given on the command line
//! overrides the file with no second merge step, and `--help` shows the defaults in force.
//! Per-rule severities are one map applied to the comparator's findings by
//! [`override_severities`], after any severity the rules files set themselves, so the two
//! compose. Reading and discovering files is `commands/config.rs`'s job; this module only
//! parses text and applies what it holds. Unknown keys are errors with line and column, as in
//! rules files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::claim::Claim;
use crate::finding::{Finding, FindingKind, Severity};

/// The file names looked for in each directory, in order.
pub const FILE_NAMES: [&str; 3] = ["crosscheck.toml", ".crosscheck.toml", "pyproject.toml"];

/// What a configuration file says, with paths already resolved against its directory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// The file it was read from; `None` when there is none.
    pub path: Option<PathBuf>,
    /// The rules directory.
    pub rules: Option<PathBuf>,
    /// What to read when the command line names nothing.
    pub paths: Vec<PathBuf>,
    /// Default output format of `report`.
    pub format: Option<String>,
    /// Default `--fail-on` of `report` and `diff`.
    pub fail_on: Option<String>,
    /// Severity of the conflicts each rule (by id) takes part in.
    pub severity: BTreeMap<String, Severity>,
    /// Globs walks leave out (the defaults of `--exclude`).
    pub exclude: Vec<String>,
    /// Page-furniture line patterns added to those of the rules files (see
    /// [`crate::text::Furniture::with_lines`]); validated when the file is read.
    pub furniture: Vec<String>,
}

/// The file's keys, as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    rules: Option<String>,
    #[serde(default)]
    paths: Vec<String>,
    format: Option<Format>,
    fail_on: Option<FailOn>,
    #[serde(default)]
    severity: BTreeMap<String, SeverityName>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    furniture: Vec<toml::Spanned<String>>,
}

/// `pyproject.toml`: only `[tool.crosscheck]` is read, everything else is left alone.
#[derive(Debug, Deserialize)]
struct PyProject {
    tool: Option<PyProjectTools>,
}

#[derive(Debug, Deserialize)]
struct PyProjectTools {
    crosscheck: Option<toml::Value>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Format {
    Text,
    Json,
    Markdown,
    Md,
    Html,
    Sarif,
    Github,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum FailOn {
    Error,
    Warning,
    Never,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum SeverityName {
    Error,
    Warning,
    Note,
}

/// A configuration file that cannot be used: where, and what to do.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct ConfigError {
    /// The file as found or named.
    pub path: String,
    /// One-based line of the problem.
    pub line: usize,
    /// One-based column of the problem, in characters.
    pub column: usize,
    /// What is wrong and what to do.
    pub message: String,
}

impl Config {
    /// Parses the text of the file at `path`, whose relative paths are relative to `base` (the
    /// file's directory as seen from the current directory). For a `pyproject.toml`, `Ok(None)`
    /// when it has no `[tool.crosscheck]` table.
    pub fn parse(path: &Path, base: &Path, text: &str) -> Result<Option<Config>, ConfigError> {
        let error = |error: &toml::de::Error| {
            let offset = error.span().map_or(0, |span| span.start);
            let (line, column) = line_column(text, offset);
            ConfigError {
                path: path.display().to_string(),
                line,
                column,
                message: format!(
                    "{}; the keys are rules, paths, format, fail-on, exclude, furniture and [severity] (see README.md, \"Configuration\")",
                    error.message().trim_end()
                ),
            }
        };
        let is_pyproject = path.file_name().is_some_and(|name| name == "pyproject.toml");
        let file: ConfigFile = if is_pyproject {
            let project: PyProject = toml::from_str(text).map_err(|e| error(&e))?;
            let Some(table) = project.tool.and_then(|tool| tool.crosscheck) else {
                return Ok(None);
            };
            // Re-read the table alone so unknown keys are still errors (positions within
            // `[tool.crosscheck]` are not kept through `toml::Value`, so point at the table).
            table.try_into().map_err(|e: toml::de::Error| {
                let (line, column) = text
                    .find("[tool.crosscheck]")
                    .map_or((1, 1), |offset| line_column(text, offset));
                ConfigError {
                    path: path.display().to_string(),
                    line,
                    column,
                    message: format!("in [tool.crosscheck]: {}", e.message().trim_end()),
                }
            })?
        } else {
            toml::from_str(text).map_err(|e| error(&e))?
        };
        // A furniture pattern that does not compile is an error here, at its place in the file,
        // not later in every command that reads articles.
        for pattern in &file.furniture {
            if let Err(problem) = crate::text::Furniture::new(&[pattern.get_ref()]) {
                let (line, column) = line_column(text, pattern.span().start);
                return Err(ConfigError {
                    path: path.display().to_string(),
                    line,
                    column,
                    message: format!("{problem} (furniture patterns are matched against whole trimmed lines)"),
                });
            }
        }
        Ok(Some(Config {
            path: Some(path.to_path_buf()),
            rules: file.rules.map(|rules| base.join(rules)),
            paths: file.paths.iter().map(|path| base.join(path)).collect(),
            format: file.format.map(|format| format_name(format).to_owned()),
            fail_on: file.fail_on.map(|fail_on| fail_on_name(fail_on).to_owned()),
            severity: file
                .severity
                .into_iter()
                .map(|(rule, severity)| (rule, severity_of(severity)))
                .collect(),
            exclude: file.exclude.iter().map(|glob| anchored_glob(base, glob)).collect(),
            furniture: file.furniture.into_iter().map(toml::Spanned::into_inner).collect(),
        }))
    }

    /// `command` with this configuration's values as the defaults of the flags they stand for:
    /// `--rules` and `PATHS` wherever a subcommand has them, `--format` of `report`, and
    /// `--fail-on` of `report` and `diff`.
    #[must_use]
    pub fn apply_defaults(&self, mut command: clap::Command) -> clap::Command {
        let names: Vec<String> = command
            .get_subcommands()
            .map(|subcommand| subcommand.get_name().to_owned())
            .collect();
        for name in names {
            command = command.mut_subcommand(&name, |mut subcommand| {
                let has =
                    |subcommand: &clap::Command, id: &str| subcommand.get_arguments().any(|arg| arg.get_id() == id);
                if let Some(rules) = &self.rules
                    && has(&subcommand, "rules")
                {
                    let rules = rules.display().to_string();
                    subcommand = subcommand.mut_arg("rules", |arg| arg.default_value(rules));
                }
                // `compare` reads claim files, not articles: the articles' paths are no default there.
                if !self.paths.is_empty()
                    && has(&subcommand, "paths")
                    && !["explain", "compare"].contains(&name.as_str())
                {
                    let paths: Vec<String> = self.paths.iter().map(|path| path.display().to_string()).collect();
                    subcommand = subcommand.mut_arg("paths", |arg| arg.default_values(paths));
                }
                if let Some(format) = &self.format
                    && (name == "report" || name == "compare")
                {
                    let format = format.clone();
                    subcommand = subcommand.mut_arg("format", |arg| arg.default_value(format));
                }
                if !self.exclude.is_empty() && has(&subcommand, "exclude") {
                    let exclude = self.exclude.clone();
                    subcommand = subcommand.mut_arg("exclude", |arg| arg.default_values(exclude));
                }
                if let Some(fail_on) = &self.fail_on
                    && has(&subcommand, "fail_on")
                {
                    let fail_on = fail_on.clone();
                    subcommand = subcommand.mut_arg("fail_on", |arg| arg.default_value(fail_on));
                }
                subcommand
            });
        }
        command
    }
}

/// Gives each conflict the severity `overrides` sets for the rules of its claims; when its
/// claims come from several rules with different overrides, the most severe one wins, so an
/// override can never hide a conflict another override wants to see. Findings that are not
/// conflicts, and conflicts of rules without an override, keep theirs.
pub fn override_severities(findings: &mut [Finding], claims: &[Claim], overrides: &BTreeMap<String, Severity>) {
    override_by_rule(
        findings,
        |index| claims.get(index).map(|claim| claim.rule.as_str()),
        overrides,
    );
}

/// [`override_severities`] with the rule of claim `index` given by `rule_of`.
fn override_by_rule<'a>(
    findings: &mut [Finding],
    rule_of: impl Fn(usize) -> Option<&'a str>,
    overrides: &BTreeMap<String, Severity>,
) {
    if overrides.is_empty() {
        return;
    }
    for finding in findings {
        if !matches!(finding.kind, FindingKind::Conflict(_)) {
            continue;
        }
        let chosen = finding
            .claims
            .iter()
            .filter_map(|&index| rule_of(index))
            .filter_map(|rule| overrides.get(rule))
            .max();
        if let Some(&severity) = chosen {
            finding.severity = severity;
        }
    }
}

/// A configuration file's `exclude` glob as `--exclude` reads it (relative to the current
/// directory): a glob with a `/` is anchored at the file's directory `base`, as gitignore anchors
/// such a pattern at its file; one without (`*.draft.md`, `drafts`) matches at any depth and is
/// left as it is.
fn anchored_glob(base: &Path, glob: &str) -> String {
    let glob = glob.strip_prefix("./").unwrap_or(glob);
    if !glob.contains('/') || base.as_os_str().is_empty() || base == Path::new(".") {
        return glob.to_owned();
    }
    let relative = glob.strip_prefix('/').unwrap_or(glob);
    format!("{}/{relative}", base.display().to_string().trim_end_matches('/'))
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Text => "text",
        Format::Json => "json",
        Format::Markdown | Format::Md => "markdown",
        Format::Html => "html",
        Format::Sarif => "sarif",
        Format::Github => "github",
    }
}

fn fail_on_name(fail_on: FailOn) -> &'static str {
    match fail_on {
        FailOn::Error => "error",
        FailOn::Warning => "warning",
        FailOn::Never => "never",
    }
}

fn severity_of(name: SeverityName) -> Severity {
    match name {
        SeverityName::Error => Severity::Error,
        SeverityName::Warning => Severity::Warning,
        SeverityName::Note => Severity::Info,
    }
}

/// One-based line and character column of byte `offset` of `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |index| index + 1);
    (line, before[start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::ConflictKind;

    fn parse(name: &str, text: &str) -> Result<Option<Config>, ConfigError> {
        Config::parse(Path::new(name), Path::new("../.."), text)
    }

    #[test]
    fn paths_are_relative_to_the_file() {
        let config = parse(
            "../../crosscheck.toml",
            "rules = \"pack\"\npaths = [\"news\"]\nformat = \"md\"\nfail-on = \"warning\"\n[severity]\nreserve-rank = \"note\"\n",
        )
        .expect("valid")
        .expect("a config");
        assert_eq!(config.rules, Some(PathBuf::from("../../pack")));
        assert_eq!(config.paths, vec![PathBuf::from("../../news")]);
        assert_eq!(config.format.as_deref(), Some("markdown"));
        assert_eq!(config.fail_on.as_deref(), Some("warning"));
        assert_eq!(config.severity.get("reserve-rank"), Some(&Severity::Info));
    }

    #[test]
    fn exclude_globs_are_anchored_at_the_file_and_furniture_is_checked() {
        let config = parse(
            "../../crosscheck.toml",
            "exclude = [\"drafts/**\", \"*.draft.md\", \"/wire/old\"]\nfurniture = [\"Sponsored by .*\"]\n",
        )
        .expect("valid")
        .expect("a config");
        assert_eq!(config.exclude, ["../../drafts/**", "*.draft.md", "../../wire/old"]);
        assert_eq!(config.furniture, ["Sponsored by .*"]);
        let here = Config::parse(Path::new("crosscheck.toml"), Path::new(""), "exclude = [\"a/b\"]\n")
            .expect("valid")
            .expect("a config");
        assert_eq!(
            here.exclude,
            ["a/b"],
            "in the current directory a glob stays as written"
        );
        let error = parse(
            "crosscheck.toml",
            "rules = \"r\"\nfurniture = [\"ok\", \"(unclosed\"]\n",
        )
        .expect_err("a pattern that does not compile");
        assert_eq!(
            (error.line, error.column),
            (2, 20),
            "at the pattern's opening quote: {error}"
        );
        assert!(error.message.contains("(unclosed"), "{error}");
    }

    #[test]
    fn unknown_keys_are_errors_with_a_place() {
        let error = parse("crosscheck.toml", "rules = \"r\"\nfial-on = \"never\"\n").expect_err("unknown key");
        assert_eq!((error.line, error.column), (2, 1), "{error}");
        assert!(error.message.contains("fial-on"), "{error}");
        let error = parse("crosscheck.toml", "[severity]\nx = \"fatal\"\n").expect_err("unknown severity");
        assert_eq!(error.line, 2, "{error}");
    }

    #[test]
    fn pyproject_needs_a_tool_crosscheck_table() {
        assert_eq!(
            parse("pyproject.toml", "[project]\nname = \"x\"\n").expect("valid"),
            None
        );
        let config = parse(
            "pyproject.toml",
            "[project]\nname = \"x\"\n[tool.crosscheck]\nformat = \"html\"\n",
        )
        .expect("valid")
        .expect("a config");
        assert_eq!(config.format.as_deref(), Some("html"));
        let error = parse("pyproject.toml", "[tool.crosscheck]\nformats = \"html\"\n").expect_err("unknown key");
        assert_eq!(error.line, 1, "{error}");
    }

    fn conflict(severity: Severity, claims: Vec<usize>) -> Finding {
        Finding {
            id: String::new(),
            kind: FindingKind::Conflict(ConflictKind::Rank),
            severity,
            key: String::new(),
            reason: String::new(),
            claims,
            articles: 2,
            reference: None,
        }
    }

    #[test]
    fn overrides_set_conflict_severities_by_rule() {
        let rules = ["reserve-rank", "reserve-size", "stance"];
        let rule_of = |index: usize| rules.get(index).copied();
        let mut findings = vec![
            conflict(Severity::Error, vec![0]),
            conflict(Severity::Error, vec![0, 1]),
            conflict(Severity::Error, vec![2]),
        ];
        let mut overlap = conflict(Severity::Info, vec![0]);
        overlap.kind = FindingKind::Overlap;
        findings.push(overlap);
        let overrides = BTreeMap::from([("reserve-rank".to_owned(), Severity::Warning)]);
        override_by_rule(&mut findings, rule_of, &overrides);
        let severities: Vec<Severity> = findings.iter().map(|finding| finding.severity).collect();
        assert_eq!(
            severities,
            [Severity::Warning, Severity::Warning, Severity::Error, Severity::Info],
            "by the claims' rules; other rules and overlaps keep theirs"
        );
        let overrides = BTreeMap::from([
            ("reserve-rank".to_owned(), Severity::Info),
            ("reserve-size".to_owned(), Severity::Error),
        ]);
        override_by_rule(&mut findings, rule_of, &overrides);
        assert_eq!(findings[0].severity, Severity::Info);
        assert_eq!(findings[1].severity, Severity::Error, "the most severe override wins");
    }
}
