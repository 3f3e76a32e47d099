//! The command line: exit codes, stdin, atomic output, usage errors.

use crate::crosscheck;

#[test]
fn usage_errors_exit_2() {
    let run = crosscheck(&["extract", "--format", "yaml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("invalid value 'yaml'"), "{}", run.stderr);
    assert_eq!(crosscheck(&["--threads", "0", "check"]).code, 2);
}

#[test]
fn missing_input_is_reported_and_exits_2() {
    let run = crosscheck(&["extract", "no-such-file.txt", "--rules", "rules"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no-such-file.txt"), "{}", run.stderr);
}

#[test]
fn help_and_version_exit_0() {
    assert_eq!(crosscheck(&["--help"]).code, 0);
    assert_eq!(crosscheck(&["--version"]).code, 0);
}

#[test]
fn output_file_is_written_whole() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let target = directory.path().join("claims.json");
    std::fs::write(&target, "earlier report").expect("seed file");
    let target_text = target.display().to_string();
    let run = crosscheck(&[
        "extract",
        "examples",
        "--rules",
        "rules",
        "--format",
        "json",
        "--output",
        &target_text,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let written = std::fs::read_to_string(&target).expect("report written");
    assert!(written.starts_with('{') && written.contains("\"claims\""));
    // A run that fails before writing leaves the earlier file as it was.
    let failed = crosscheck(&[
        "extract",
        "examples",
        "--rules",
        "no/such/rules",
        "--output",
        &target_text,
    ]);
    assert_eq!(failed.code, 2);
    assert_eq!(std::fs::read_to_string(&target).expect("still there"), written);
    let leftovers = std::fs::read_dir(directory.path()).expect("list").count();
    assert_eq!(leftovers, 1, "temporary files left behind");
}

#[test]
fn stdin_is_read_with_dash() {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["extract", "-", "--rules", "rules", "--format", "jsonl"])
        .current_dir(crate::root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"China's rare-earth reserves total 44 Mt.\n")
        .expect("write stdin");
    let output = child.wait_with_output().expect("run");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.contains("\"<stdin>\"") && stdout.contains("44000000"),
        "{stdout}"
    );
}
