//! Claims as Parquet shards: `extract --format parquet -o DIR` and `compare DIR`, the shards
//! read back by pyarrow and `DuckDB`, and `compare --engine datafusion`.

use std::fs;
use std::path::Path;

use crate::{crosscheck, root};

fn findings(json: &str) -> serde_json::Value {
    let report: serde_json::Value = serde_json::from_str(json).expect("a JSON report");
    report["findings"].clone()
}

fn utf8(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// `extract examples --format parquet -o dir` with `extra` arguments.
fn extract(dir: &Path, extra: &[&str]) {
    let mut args = vec!["extract", "examples", "-f", "parquet", "-o", utf8(dir)];
    args.extend(extra);
    let run = crosscheck(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

fn shard_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the shard directory")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn parquet_shards_compared_give_the_reports_findings() {
    let report = crosscheck(&["report", "examples", "-f", "json", "--no-timing"]);
    assert_eq!(report.code, 1, "{}", report.stderr);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let shards = dir.path().join("shards");
    extract(&shards, &["--shard-files", "4"]);
    let names = shard_names(&shards);
    assert!(names.len() > 2, "{names:?}");
    assert_eq!(names[0], "claims-00000.parquet");
    let compared = crosscheck(&["compare", utf8(&shards), "-f", "json", "--no-timing"]);
    assert_eq!(compared.code, 1, "{}", compared.stderr);
    assert_eq!(findings(&compared.stdout), findings(&report.stdout));
    let expected: serde_json::Value = serde_json::from_str(&report.stdout).expect("JSON");
    let got: serde_json::Value = serde_json::from_str(&compared.stdout).expect("JSON");
    assert_eq!(got["claims"], expected["claims"], "the claims read back as written");
    // JSON Lines and Parquet shards mixed: each claim is compared once.
    let jsonl = dir.path().join("all.jsonl");
    let run = crosscheck(&["extract", "examples", "-f", "jsonl", "-o", utf8(&jsonl)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mixed = crosscheck(&["compare", utf8(&shards), utf8(&jsonl), "-f", "json", "--no-timing"]);
    assert_eq!(findings(&mixed.stdout), findings(&report.stdout));
}

#[test]
fn shards_are_the_same_bytes_whatever_the_run_and_thread_count() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (one, four) = (dir.path().join("one"), dir.path().join("four"));
    extract(&one, &["--threads", "1", "--shard-files", "3"]);
    extract(&four, &["--threads", "4", "--shard-files", "3"]);
    let names = shard_names(&one);
    assert_eq!(names, shard_names(&four));
    for name in &names {
        assert_eq!(
            fs::read(one.join(name)).expect("a shard"),
            fs::read(four.join(name)).expect("a shard"),
            "{name}"
        );
    }
}

#[test]
fn a_failed_run_leaves_the_earlier_shards_and_a_new_one_replaces_them() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let shards = dir.path().join("shards");
    extract(&shards, &["--shard-files", "2"]);
    let before = shard_names(&shards);
    let first = fs::read(shards.join(&before[0])).expect("a shard");
    // A broken rules directory stops the run before anything is written.
    let run = crosscheck(&[
        "extract",
        "examples",
        "--rules",
        "no/such/rules",
        "-f",
        "parquet",
        "-o",
        utf8(&shards),
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(shard_names(&shards), before);
    // A directory holding something else is not written over.
    let other = dir.path().join("other");
    fs::create_dir(&other).expect("a directory");
    fs::write(other.join("notes.txt"), "mine").expect("a file");
    let run = crosscheck(&["extract", "examples", "-f", "parquet", "-o", utf8(&other)]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("which this run would not have written"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(other.join("notes.txt")).expect("kept"), "mine");
    // A file is not a directory of shards, and `-o` is needed.
    let file = dir.path().join("file.parquet");
    fs::write(&file, "x").expect("a file");
    let run = crosscheck(&["extract", "examples", "-f", "parquet", "-o", utf8(&file)]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is not a directory"), "{}", run.stderr);
    let run = crosscheck(&["extract", "examples", "-f", "parquet"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("-o DIR"), "{}", run.stderr);
    // A successful run replaces the shards whole: fewer, larger shards, none left over.
    extract(&shards, &["--shard-files", "1000"]);
    assert_eq!(shard_names(&shards), ["claims-00000.parquet"]);
    assert_ne!(fs::read(shards.join("claims-00000.parquet")).expect("a shard"), first);
    let leftovers: Vec<String> = shard_names(dir.path())
        .into_iter()
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_bad_parquet_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let shards = dir.path().join("shards");
    extract(&shards, &[]);
    fs::write(shards.join("claims-00001.parquet"), b"not parquet").expect("a file");
    let run = crosscheck(&["compare", utf8(&shards), "--no-timing"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("claims-00001.parquet: not a Parquet file"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("summary:"), "the good shard is still compared");
}

#[test]
fn pyarrow_and_duckdb_read_the_shards() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let shards = dir.path().join("shards");
    extract(&shards, &["--shard-files", "5"]);
    let jsonl = dir.path().join("all.jsonl");
    let run = crosscheck(&["extract", "examples", "-f", "jsonl", "-o", utf8(&jsonl)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let output = std::process::Command::new("python3")
        .arg(root().join("tests/parquet_read.py"))
        .args([&shards, &jsonl])
        .output();
    let ci = std::env::var("CI").is_ok_and(|value| value == "true");
    let output = match output {
        Ok(output) => output,
        Err(error) if !ci => {
            eprintln!("skipped: no python3 ({error})");
            return;
        }
        Err(error) => panic!("python3 is needed under CI=true: {error}"),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.code() == Some(77) && !ci {
        eprintln!("skipped: {stderr}");
        return;
    }
    assert!(output.status.success(), "{stderr}");
}

#[cfg(not(feature = "datafusion"))]
#[test]
fn the_datafusion_engine_needs_its_feature() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let shards = dir.path().join("shards");
    extract(&shards, &[]);
    let run = crosscheck(&["compare", utf8(&shards), "--engine", "datafusion"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--features datafusion"), "{}", run.stderr);
}

#[cfg(feature = "datafusion")]
#[test]
fn datafusion_groups_give_the_in_process_findings() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let shards = dir.path().join("shards");
    extract(&shards, &["--shard-files", "3"]);
    let report = crosscheck(&["report", "examples", "-f", "json", "--no-timing"]);
    let engine = crosscheck(&[
        "compare",
        utf8(&shards),
        "--engine",
        "datafusion",
        "-f",
        "json",
        "--no-timing",
    ]);
    assert_eq!(engine.code, 1, "{}", engine.stderr);
    let expected = findings(&report.stdout);
    assert!(expected.as_array().is_some_and(|findings| findings.len() > 20));
    assert_eq!(findings(&engine.stdout), expected);
    let text = crosscheck(&["compare", utf8(&shards), "--no-timing"]);
    let engine = crosscheck(&["compare", utf8(&shards), "--engine", "datafusion", "--no-timing"]);
    assert_eq!(engine.stdout, text.stdout);
    // JSON Lines are not for the engine.
    let jsonl = dir.path().join("all.jsonl");
    let run = crosscheck(&["extract", "examples", "-f", "jsonl", "-o", utf8(&jsonl)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = crosscheck(&["compare", utf8(&jsonl), "--engine", "datafusion"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("reads Parquet shards only"), "{}", run.stderr);
}
