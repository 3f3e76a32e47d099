//! `crosscheck compare`: the report over claims extracted earlier.
//!
//! Extraction is a map (article → claims) and comparison a group-by on the claim key, so the
//! two can run apart: `extract --format jsonl -o shard` on many machines or chunks of an
//! archive, then `compare shard…` here. The claims are read back through the JSON model that
//! wrote them (`report::read_claims`), put back in report order (by path, each file's claims in
//! their own order, each claim once however many shards hold it), and handed to the same
//! comparison, reference check and renderers as `report` (`report::Setup::conclude`), so the
//! findings are the ones `report` gives for the same articles.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::report::{Output, Setup};
use super::{Context, Processed, exit};
use crate::claim::Claim;
use crate::cli::{CompareArgs, Engine};
use crate::report::ArticleInfo;

/// Reads the claim files, compares and renders; exits as `report` does.
pub(crate) fn run(args: &CompareArgs, context: &mut Context) -> u8 {
    let started = Instant::now();
    let Some(setup) = Setup::load(&args.findings, &args.rules, context) else {
        return exit::ERROR;
    };
    let files = claim_files(&args.paths, context);
    let mut articles: Vec<ArticleInfo> = Vec::new();
    let mut claims: Vec<Claim> = Vec::new();
    for file in &files {
        if is_parquet(file) {
            let read = std::fs::File::open(file)
                .map_err(|error| format!("cannot read: {error}"))
                .and_then(|opened| crate::shard::parquet::read(opened).map_err(|error| error.to_string()));
            match read {
                Ok(read) => claims.extend(read),
                Err(error) => context.error(&format!("{}: {error}", file.display())),
            }
            continue;
        }
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(error) => {
                context.error(&format!("{}: cannot read: {error}", file.display()));
                continue;
            }
        };
        match crate::report::read_claims(&bytes) {
            Ok(saved) => {
                articles.extend(saved.articles);
                claims.extend(saved.claims);
            }
            Err(error) => context.error(&format!(
                "{}:{}:{}: {}",
                file.display(),
                error.line,
                error.column,
                error.message
            )),
        }
    }
    let claims = in_report_order(claims, &setup, context);
    let articles = articles_of(articles, &claims);
    let findings = match args.engine {
        Engine::Inprocess => None,
        Engine::Datafusion => match grouped(&files, &claims, &setup) {
            Ok(findings) => Some(findings),
            Err(message) => {
                context.error(&message);
                return exit::ERROR;
            }
        },
    };
    let processed = Processed {
        infos: articles,
        claims,
        tally: crate::stats::Tally::default(),
    };
    let output = Output {
        path: args.output.as_deref(),
        stats: false,
        started,
    };
    match findings {
        None => setup.conclude(&args.findings, &processed, &output, context),
        Some(findings) => setup.conclude_with(&args.findings, &processed, &output, context, |_, _| findings),
    }
}

/// Whether `file` is read as a Parquet shard (by name).
fn is_parquet(file: &Path) -> bool {
    file.extension().is_some_and(|extension| extension == "parquet")
}

/// `--engine datafusion`: the groups formed by `DataFusion` SQL over the Parquet shards, each
/// compared apart (`shard::groups`).
#[cfg(feature = "datafusion")]
fn grouped(files: &[PathBuf], claims: &[Claim], setup: &Setup) -> Result<Vec<crate::finding::Finding>, String> {
    if let Some(file) = files.iter().find(|file| !is_parquet(file)) {
        return Err(format!(
            "{}: `--engine datafusion` reads Parquet shards only; write them with `crosscheck extract --format parquet -o DIR`",
            file.display()
        ));
    }
    let policy = setup.set.policy();
    let groups = crate::shard::datafusion::groups(files, claims, &policy)?;
    Ok(crate::shard::groups::compare_groups(claims, &groups, &policy))
}

/// `--engine datafusion` in a build without `DataFusion`.
#[cfg(not(feature = "datafusion"))]
fn grouped(_: &[PathBuf], _: &[Claim], _: &Setup) -> Result<Vec<crate::finding::Finding>, String> {
    Err("this crosscheck was built without DataFusion: build it with `cargo build --features datafusion`, or leave out `--engine datafusion`".into())
}

/// The files named, and the `.jsonl`, `.json` and `.parquet` files under the directories named (by name,
/// depth first); a path that is neither is an error.
fn claim_files(paths: &[PathBuf], context: &mut Context) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect(path, &mut files, context);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            context.error(&format!(
                "{}: no such file or directory; name claim files written by `crosscheck extract`",
                path.display()
            ));
        }
    }
    files
}

fn collect(directory: &Path, files: &mut Vec<PathBuf>, context: &mut Context) {
    let entries = match std::fs::read_dir(directory) {
        Ok(entries) => entries,
        Err(error) => {
            context.error(&format!("{}: cannot read: {error}", directory.display()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|entry| entry.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, files, context);
        } else if path
            .extension()
            .is_some_and(|extension| extension == "jsonl" || extension == "json" || extension == "parquet")
        {
            files.push(path);
        }
    }
}

/// The claims as `report` orders them: by article path (component by component, as a walk
/// gives them), each article's claims in the order they were written, each claim id once.
/// Claims of rules left out by `--select`/`--ignore` are dropped; claims of rules the rules
/// directory does not have are kept (compared with the default policy) and named in a warning.
fn in_report_order(claims: Vec<Claim>, setup: &Setup, context: &Context) -> Vec<Claim> {
    let rules: HashSet<&str> = setup.set.rules.iter().map(|rule| rule.id.as_str()).collect();
    let mut seen = HashSet::new();
    let mut unknown: Vec<String> = Vec::new();
    let mut kept: Vec<Claim> = Vec::with_capacity(claims.len());
    for claim in claims {
        if !rules.contains(claim.rule.as_str()) {
            if setup.left_out.contains(claim.rule.as_str()) {
                continue;
            }
            if !unknown.iter().any(|rule| rule == claim.rule.as_str()) {
                unknown.push(claim.rule.to_string());
            }
        }
        if seen.insert(claim.id.clone()) {
            kept.push(claim);
        }
    }
    if !unknown.is_empty() {
        context.warn(&format!(
            "claims of {} not in the rules ({}) are compared with the default policy; pass the --rules they were extracted with",
            if unknown.len() == 1 { "a rule" } else { "rules" },
            unknown.join(", ")
        ));
    }
    kept.sort_by(|left, right| Path::new(left.evidence.path.as_str()).cmp(Path::new(right.evidence.path.as_str())));
    kept
}

/// The articles the claim files list, each once, plus a bare entry (path only) for every
/// article a claim names that no file lists (JSON Lines holds claims only), in path order.
fn articles_of(mut articles: Vec<ArticleInfo>, claims: &[Claim]) -> Vec<ArticleInfo> {
    let mut seen: HashSet<String> = HashSet::new();
    articles.retain(|article| seen.insert(article.path.clone()));
    for claim in claims {
        if seen.insert(claim.evidence.path.to_string()) {
            articles.push(ArticleInfo {
                path: claim.evidence.path.to_string(),
                meta: crate::text::Meta::default(),
            });
        }
    }
    articles.sort_by(|left, right| Path::new(&left.path).cmp(Path::new(&right.path)));
    articles
}
