//! Ids, files and memory that never surprise (issue 17), and the walk controls (issue 19, item
//! 7): each test reproduces one way a run used to lose or corrupt work, with a real child
//! process, and checks what happens now. `docs/robustness.md` lists them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{Run, crosscheck, crosscheck_in, root};

/// A sentence the bundled rules read as China's reserves of 44 million tonnes.
const CLAIM: &str = "China's rare-earth reserves total 44 Mt.";
/// The same claim with a figure that conflicts with [`CLAIM`].
const CONFLICTING: &str = "China's rare-earth reserves total 10 Mt.";

/// The bundled rules directory, absolute (for runs in a temporary directory).
fn rules() -> String {
    root().join("rules").display().to_string()
}

/// `dir/corpus` with `a.txt` ([`CLAIM`]) and `b.txt` ([`CONFLICTING`]): one conflict.
fn corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    fs::create_dir_all(&corpus).expect("create corpus");
    fs::write(corpus.join("a.txt"), CLAIM).expect("write article");
    fs::write(corpus.join("b.txt"), CONFLICTING).expect("write article");
    corpus
}

/// The last line of stdout (the summary).
fn summary(run: &Run) -> &str {
    run.stdout.lines().last().unwrap_or_default()
}

/// `summary` without the elapsed time.
fn untimed(run: &Run) -> String {
    summary(run).split(" in ").next().unwrap_or_default().to_owned()
}

/// The names in a directory, sorted.
fn entries(directory: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(directory)
        .expect("read directory")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The finding ids of a saved JSON report.
fn finding_ids(path: &Path) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_str(&fs::read_to_string(path).expect("report")).expect("JSON");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|finding| finding["id"].as_str().expect("id").to_owned())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 1, 2: names and ids
// ---------------------------------------------------------------------------------------------

/// `examples`, `./examples`, the absolute path, and `.` from inside it give the same ids: the
/// baseline saved with one spelling matches every other (it used to be "15 new, 17 resolved").
#[test]
fn ids_do_not_depend_on_how_a_path_is_spelt() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let saved = directory.path().join("r.json");
    let saved_arg = saved.display().to_string();
    let first = crosscheck(&["report", "examples", "-f", "json", "-o", &saved_arg]);
    assert_eq!(first.code, 1, "{}", first.stderr);
    let absolute = root().join("examples").display().to_string();
    let rules = rules();
    let runs = [
        crosscheck(&["report", "./examples", "--baseline", &saved_arg]),
        crosscheck(&["report", "examples/", "--baseline", &saved_arg]),
        crosscheck_in(
            directory.path(),
            &["report", &absolute, "--rules", &rules, "--baseline", &saved_arg],
        ),
        crosscheck_in(
            &root().join("examples"),
            &["report", ".", "--rules", &rules, "--baseline", &saved_arg],
        ),
        crosscheck_in(
            &root().join("src"),
            &["report", "../examples", "--rules", &rules, "--baseline", &saved_arg],
        ),
    ];
    let findings = finding_ids(&saved).len();
    assert!(findings > 10, "the examples hold many findings");
    for run in runs {
        assert_eq!(
            untimed(&run),
            format!("summary: 0 new, 0 acknowledged, 0 resolved, {findings} unchanged since the baseline"),
            "{}",
            run.stderr
        );
    }
}

/// An acknowledgement made from one spelling applies to every other (`corpus` used to exit 0
/// and `./corpus` 1), in a corpus outside any git work tree too.
#[test]
fn acknowledgements_apply_whatever_the_spelling() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let corpus = corpus(directory.path());
    let rules = rules();
    let saved = crosscheck_in(
        directory.path(),
        &[
            "report",
            "corpus",
            "--rules",
            &rules,
            "--no-reference",
            "-f",
            "json",
            "-o",
            "r.json",
        ],
    );
    assert_eq!(saved.code, 1, "{}", saved.stderr);
    let ids = finding_ids(&directory.path().join("r.json"));
    let conflict = &ids[0];
    let acked = crosscheck_in(
        directory.path(),
        &[
            "ack", conflict, "--reason", "checked", "--report", "r.json", "--file", "ack.toml",
        ],
    );
    assert_eq!(acked.code, 0, "{}", acked.stderr);
    let ack = directory.path().join("ack.toml").display().to_string();
    let absolute = corpus.display().to_string();
    for (cwd, input) in [
        (directory.path().to_path_buf(), "corpus"),
        (directory.path().to_path_buf(), "./corpus"),
        (directory.path().to_path_buf(), absolute.as_str()),
        (corpus.clone(), "."),
        (corpus.clone(), "../corpus"),
    ] {
        let run = crosscheck_in(
            &cwd,
            &[
                "report",
                input,
                "--rules",
                &rules,
                "--no-reference",
                "--acknowledged",
                &ack,
            ],
        );
        assert_eq!(
            run.code,
            0,
            "{input} from {}: {}{}",
            cwd.display(),
            run.stdout,
            run.stderr
        );
        assert!(run.stdout.contains("corpus/a.txt"), "{}", run.stdout);
    }
}

/// The same directory named twice, a symbolic link followed to a file already walked, and a
/// hard link are each read once (`examples ./examples` used to give 16 articles, 25 overlaps).
#[cfg(unix)]
#[test]
fn a_file_reached_twice_is_read_once() {
    let once = crosscheck(&["report", "examples", "--no-timing"]);
    let twice = crosscheck(&["report", "examples", "./examples", "--no-timing"]);
    assert_eq!(summary(&twice), summary(&once));
    let articles = fs::read_dir(root().join("examples")).expect("examples").count();
    assert!(
        summary(&once).starts_with(&format!("summary: {articles} articles, ")),
        "{}",
        once.stdout
    );

    let directory = tempfile::tempdir().expect("temporary directory");
    let corpus = directory.path().join("corpus");
    fs::create_dir(&corpus).expect("create corpus");
    fs::write(corpus.join("a.txt"), CLAIM).expect("write article");
    fs::hard_link(corpus.join("a.txt"), corpus.join("b-hard.txt")).expect("hard link");
    std::os::unix::fs::symlink(corpus.join("a.txt"), corpus.join("c-link.txt")).expect("symlink");
    let rules = rules();
    for args in [
        vec!["extract", "corpus", "--follow"],
        vec!["extract", "corpus", "corpus/a.txt", "./corpus/c-link.txt"],
    ] {
        let mut args = args;
        args.extend(["--rules", &rules]);
        let run = crosscheck_in(directory.path(), &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(summary(&run), "1 claim in 1 article", "{args:?}: {}", run.stdout);
        assert!(run.stdout.starts_with("corpus/a.txt:1:1"), "{}", run.stdout);
    }
}

// ---------------------------------------------------------------------------------------------
// 3, 4, 5, 9: output files
// ---------------------------------------------------------------------------------------------

/// A typo in an input path fails the run before it writes anything: the reviewed report is
/// kept (it used to be replaced by a 0-article report).
#[test]
fn a_missing_input_fails_before_any_output_is_written() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let reviewed = directory.path().join("reviewed.json");
    fs::write(&reviewed, "the reviewed report\n").expect("write report");
    let reviewed_arg = reviewed.display().to_string();
    for inputs in [vec!["examplez"], vec!["examples", "examplez"]] {
        for command in ["report", "extract"] {
            let mut args = vec![command];
            args.extend(&inputs);
            args.extend(["-f", "json", "-o", &reviewed_arg]);
            let run = crosscheck(&args);
            assert_eq!(run.code, 2, "{args:?}");
            assert_eq!(
                run.stderr,
                "error: examplez: no such file or directory; check the path\n"
            );
            assert_eq!(run.stdout, "");
            assert_eq!(fs::read_to_string(&reviewed).expect("report"), "the reviewed report\n");
        }
    }
    assert_eq!(entries(directory.path()), ["reviewed.json"]);
    // On stdout neither: nothing is printed before the error.
    let run = crosscheck(&["report", "examples", "examplez"]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
}

/// The mode of a file crosscheck writes: a new one follows the umask, an existing one keeps its
/// own, and a symbolic link has its target replaced (they all used to become 0600 regular
/// files).
#[cfg(unix)]
#[test]
fn written_files_keep_their_mode_and_links() {
    use std::os::unix::fs::{PermissionsExt, symlink};

    let directory = tempfile::tempdir().expect("temporary directory");
    let binary = env!("CARGO_BIN_EXE_crosscheck");
    let mode = |path: &Path| fs::metadata(path).expect("metadata").permissions().mode() & 0o777;
    let run_with_umask = |umask: &str, args: &str| {
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask}; exec \"$0\" {args}"))
            .arg(binary)
            .current_dir(directory.path())
            .stderr(Stdio::null())
            .stdout(Stdio::null())
            .status()
            .expect("sh runs");
        status.code()
    };
    let rules = rules();
    let corpus = corpus(directory.path());
    let corpus = corpus.display().to_string();
    for (name, args) in [
        ("schema.json", "schema -o schema.json".to_owned()),
        (
            "report.json",
            format!("report {corpus} --rules {rules} -f json -o report.json"),
        ),
        (
            "claims.jsonl",
            format!("extract {corpus} --rules {rules} -f jsonl -o claims.jsonl"),
        ),
    ] {
        let path = directory.path().join(name);
        run_with_umask("027", &args);
        assert_eq!(mode(&path), 0o640, "{name}: new file under umask 027");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).expect("chmod");
        run_with_umask("077", &args);
        assert_eq!(mode(&path), 0o664, "{name}: an existing file keeps its mode");
    }
    // A link: its target is replaced and the link stays.
    fs::create_dir(directory.path().join("kept")).expect("create directory");
    let target = directory.path().join("kept/schema.json");
    fs::write(&target, "old").expect("write target");
    fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).expect("chmod");
    symlink("kept/schema.json", directory.path().join("link.json")).expect("symlink");
    assert_eq!(run_with_umask("077", "schema -o link.json"), Some(0));
    let link = fs::symlink_metadata(directory.path().join("link.json")).expect("link");
    assert!(link.file_type().is_symlink(), "the link is kept");
    assert!(fs::read_to_string(&target).expect("target").contains("\"$schema\""));
    assert_eq!(mode(&target), 0o644);
    // `ack` rewrites the acknowledgements file the same way.
    let ack = directory.path().join("ack.toml");
    let ids = finding_ids(&directory.path().join("report.json"));
    let ack_args = format!("ack {} --reason checked --report report.json --file ack.toml", ids[0]);
    assert_eq!(run_with_umask("022", &ack_args), Some(0));
    assert_eq!(mode(&ack), 0o644);
}

/// A FIFO (as `/dev/null` or `/dev/stdout`) named as the output is written into, not replaced
/// by a regular file (run as root, `-o /dev/null` used to put a 0600 file in place of the
/// device).
#[cfg(unix)]
#[test]
fn a_device_or_fifo_output_is_written_in_place() {
    use std::os::unix::fs::FileTypeExt;

    let directory = tempfile::tempdir().expect("temporary directory");
    let fifo = directory.path().join("pipe.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs")
            .success()
    );
    let mut reader = Command::new("cat")
        .arg(&fifo)
        .stdout(Stdio::piped())
        .spawn()
        .expect("cat starts");
    let run = crosscheck(&["schema", "-o", &fifo.display().to_string()]);
    let kind = fs::symlink_metadata(&fifo).expect("the FIFO").file_type();
    if !kind.is_fifo() {
        // Replaced: nobody will write into the pipe `cat` waits on.
        reader.kill().expect("kill cat");
    }
    assert!(kind.is_fifo(), "the FIFO is still a FIFO: {}", run.stderr);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let read = reader.wait_with_output().expect("cat ends");
    assert!(String::from_utf8_lossy(&read.stdout).contains("\"$schema\""));
    assert_eq!(entries(directory.path()), ["pipe.json"]);
    let run = crosscheck(&["schema", "-o", "/dev/null"]);
    assert_eq!(run.code, 0);
    assert!(
        fs::metadata("/dev/null")
            .expect("/dev/null")
            .file_type()
            .is_char_device()
    );
}

/// SIGINT or SIGTERM in the middle of writing a large `-o` file: the earlier file is kept and
/// no temporary file is left beside it (a 183 MB `.crosscheck-XXXX` used to stay).
#[cfg(unix)]
#[test]
fn a_signal_mid_write_removes_the_temporary_file() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let corpus = directory.path().join("corpus");
    fs::create_dir(&corpus).expect("create corpus");
    // Three claims a file, in more files than one chunk (1,024) holds: the output of the first
    // chunk is being written while the second is read.
    let article = format!("{CLAIM} {CONFLICTING} Russia holds 28.7 million tonnes of rare-earth reserves.\n");
    for index in 0..4000 {
        fs::write(corpus.join(format!("{index:05}.txt")), &article).expect("write article");
    }
    let output = directory.path().join("out");
    fs::create_dir(&output).expect("create output directory");
    let claims = output.join("claims.jsonl");
    for signal in ["INT", "TERM"] {
        fs::write(&claims, "the earlier claims\n").expect("write earlier output");
        let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args([
                "extract",
                "corpus",
                "--rules",
                &rules(),
                "-f",
                "jsonl",
                "-o",
                "out/claims.jsonl",
            ])
            .current_dir(directory.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("crosscheck starts");
        // Wait until the temporary file exists and holds part of the output: mid-write.
        let started = Instant::now();
        let temporary = loop {
            let found = fs::read_dir(&output)
                .expect("read output directory")
                .filter_map(Result::ok)
                .find(|entry| entry.file_name().to_string_lossy().starts_with(".crosscheck-"))
                .filter(|entry| entry.metadata().is_ok_and(|metadata| metadata.len() > 0));
            if let Some(entry) = found {
                break entry.path();
            }
            assert!(
                child.try_wait().expect("poll").is_none(),
                "the run ended before it could be interrupted"
            );
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "no temporary file appeared"
            );
            std::thread::sleep(Duration::from_millis(5));
        };
        let killed = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let status = child.wait().expect("the child ends");
        assert_eq!(status.code(), Some(130), "SIG{signal}");
        assert!(!temporary.exists(), "SIG{signal}: {} is left", temporary.display());
        assert_eq!(entries(&output), ["claims.jsonl"], "SIG{signal}");
        assert_eq!(fs::read_to_string(&claims).expect("output"), "the earlier claims\n");
    }
}

/// `-o` into a directory that does not exist names the user's path, not the temporary file;
/// a missing rules directory is one plain error, without an empty code frame.
#[test]
fn errors_name_the_users_paths() {
    let run = crosscheck(&["report", "examples", "-o", "/missing/dir/x.json"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: cannot write output: /missing/dir/x.json: the directory /missing/dir does not exist; create it first or write elsewhere\n"
    );
    let run = crosscheck(&["schema", "-o", "/missing/dir/x.json"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "error: cannot write the schema: /missing/dir/x.json: the directory /missing/dir does not exist; create it first or write elsewhere\n"
        )
    );
    let run = crosscheck(&["report", "examples", "--rules", "no/such/rules"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: no/such/rules: cannot read rules directory: no such file or directory (os error 2)\n  = help: pass --rules with a directory of .toml rules files, e.g. --rules rules/\n"
    );
}

// ---------------------------------------------------------------------------------------------
// 6: binary files, sizes, devices
// ---------------------------------------------------------------------------------------------

/// A 4 GB all-NUL file (sparse, so it costs no disk) is skipped after its first block: the run
/// fits in a 1 GB address space (it used to read the whole file into memory first).
#[cfg(target_os = "linux")]
#[test]
fn a_huge_binary_file_is_skipped_after_its_first_block() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let huge = directory.path().join("zeros.txt");
    fs::File::create(&huge)
        .and_then(|file| file.set_len(4 << 30))
        .expect("create a sparse file");
    let started = Instant::now();
    let output = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1000000; exec \"$0\" extract zeros.txt --rules \"$1\"")
        .arg(env!("CARGO_BIN_EXE_crosscheck"))
        .arg(rules())
        .current_dir(directory.path())
        .output()
        .expect("sh runs");
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "warning: zeros.txt: binary file (NUL byte at byte 0), skipped\n"
    );
    assert_eq!(output.status.code(), Some(0));
}

/// `extract /dev/zero` and a named FIFO are refused at once with a message (the first used to
/// grow past 5 GB and never stop; the second to wait for a writer); standard input reads an
/// endless NUL stream up to its first block only.
#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_unless_read_from_stdin() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let fifo = directory.path().join("pipe.txt");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs")
            .success()
    );
    let rules = rules();
    for (input, kind) in [("/dev/zero", "a character device"), ("pipe.txt", "a named pipe (FIFO)")] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(["extract", input, "--rules", &rules])
            .current_dir(directory.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("crosscheck starts");
        let started = Instant::now();
        while child.try_wait().expect("poll").is_none() {
            if started.elapsed() > Duration::from_secs(30) {
                child.kill().expect("kill");
                panic!("extract {input} did not stop");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let output = child.wait_with_output().expect("output");
        assert_eq!(output.status.code(), Some(2), "{input}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            format!(
                "error: {input}: {kind}, not a file: reading it may never end; to read it anyway, pipe it to standard input: `… - < {input}`\n"
            )
        );
    }
    let output = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["extract", "-", "--rules", &rules])
        .stdin(fs::File::open("/dev/zero").expect("open /dev/zero"))
        .output()
        .expect("crosscheck runs");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "warning: <stdin>: binary file (NUL byte at byte 0), skipped\n"
    );
}

/// `--max-filesize` skips larger files with a warning (the run still exits 0), on standard
/// input too.
#[test]
fn max_filesize_skips_larger_files_with_a_warning() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let corpus = directory.path().join("corpus");
    fs::create_dir(&corpus).expect("create corpus");
    fs::write(corpus.join("small.txt"), CLAIM).expect("write article");
    fs::write(corpus.join("large.txt"), format!("{CLAIM} {}", "word ".repeat(400))).expect("write article");
    let rules = rules();
    let run = crosscheck_in(
        directory.path(),
        &["extract", "corpus", "--rules", &rules, "--max-filesize", "1K"],
    );
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr,
        "warning: corpus/large.txt: larger than --max-filesize (1024 bytes), skipped\n"
    );
    assert!(run.stdout.starts_with("corpus/small.txt:1:1"), "{}", run.stdout);
    assert_eq!(summary(&run), "1 claim in 1 article");
    let bad = crosscheck_in(
        directory.path(),
        &["extract", "corpus", "--rules", &rules, "--max-filesize", "lots"],
    );
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("`lots` is not a size"), "{}", bad.stderr);

    let output = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["extract", "-", "--rules", &rules, "--max-filesize", "10"])
        .stdin(fs::File::open(corpus.join("small.txt")).expect("open"))
        .output()
        .expect("crosscheck runs");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "warning: <stdin>: larger than --max-filesize (10 bytes), skipped\n"
    );
}

// ---------------------------------------------------------------------------------------------
// 8: diff summaries
// ---------------------------------------------------------------------------------------------

/// A diff whose findings were all resolved counts no conflict (it used to say "Conflicts 3 (3
/// errors)" with none new).
#[test]
fn diff_summaries_count_only_what_is_current() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let corpus = corpus(directory.path());
    let rules = rules();
    let old = crosscheck_in(
        directory.path(),
        &[
            "report",
            "corpus",
            "--rules",
            &rules,
            "--no-reference",
            "-f",
            "json",
            "-o",
            "old.json",
        ],
    );
    assert_eq!(old.code, 1);
    fs::write(corpus.join("b.txt"), CLAIM).expect("settle the conflict");
    let new = crosscheck_in(
        directory.path(),
        &[
            "report",
            "corpus",
            "--rules",
            &rules,
            "--no-reference",
            "-f",
            "json",
            "-o",
            "new.json",
        ],
    );
    assert_eq!(new.code, 0);
    let markdown = crosscheck_in(directory.path(), &["diff", "old.json", "new.json", "-f", "markdown"]);
    assert_eq!(markdown.code, 0);
    assert!(
        markdown.stdout.contains("| Conflicts | 0 (0 errors, 0 warnings) |"),
        "{}",
        markdown.stdout
    );
    // The conflict and the shared wording of the two old sentences.
    assert!(markdown.stdout.contains("| Resolved | 2 |"), "{}", markdown.stdout);
    let json = crosscheck_in(directory.path(), &["diff", "old.json", "new.json", "-f", "json"]);
    let document: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let summary = &document["summary"];
    assert_eq!(
        (&summary["conflicts"], &summary["errors"], &summary["resolved"]),
        (&serde_json::json!(0), &serde_json::json!(0), &serde_json::json!(2))
    );
}

// ---------------------------------------------------------------------------------------------
// Walk controls (issue 19, item 7)
// ---------------------------------------------------------------------------------------------

/// A corpus with one article of each kind the walk controls are about.
fn walk_corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    for file in [
        "a.md",
        "b.txt",
        "drafts/c.txt",
        ".hidden.txt",
        "ignored.txt",
        "target/t.txt",
    ] {
        let path = corpus.join(file);
        fs::create_dir_all(path.parent().expect("parent")).expect("create directory");
        fs::write(path, CLAIM).expect("write article");
    }
    fs::write(corpus.join(".gitignore"), "ignored.txt\n").expect("write .gitignore");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("outside.txt"), corpus.join("linked.txt")).expect("symlink");
    fs::write(dir.join("outside.txt"), CLAIM).expect("write article");
    corpus
}

/// The articles `extract corpus ARGS` reads, by name.
fn walked(dir: &Path, args: &[&str]) -> Vec<String> {
    let rules = rules();
    let mut all = vec!["extract", "corpus", "--rules", &rules, "-f", "json"];
    all.extend_from_slice(args);
    let run = crosscheck_in(dir, &all);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    report["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|article| article["path"].as_str().expect("path").to_owned())
        .collect()
}

#[test]
fn walk_controls_work_as_ripgreps() {
    let directory = tempfile::tempdir().expect("temporary directory");
    walk_corpus(directory.path());
    let dir = directory.path();
    let default = [
        "corpus/a.md",
        "corpus/b.txt",
        "corpus/drafts/c.txt",
        "corpus/target/t.txt",
    ];
    assert_eq!(walked(dir, &[]), default);
    assert_eq!(walked(dir, &["--glob", "*.md"]), ["corpus/a.md"]);
    assert_eq!(
        walked(dir, &["-g", "!drafts"]),
        ["corpus/a.md", "corpus/b.txt", "corpus/target/t.txt"]
    );
    assert_eq!(
        walked(dir, &["--exclude", "drafts", "--exclude", "target/"]),
        ["corpus/a.md", "corpus/b.txt"]
    );
    assert_eq!(
        walked(dir, &["--no-ignore"]),
        [
            "corpus/a.md",
            "corpus/b.txt",
            "corpus/drafts/c.txt",
            "corpus/ignored.txt",
            "corpus/target/t.txt"
        ]
    );
    assert_eq!(
        walked(dir, &["--hidden"]),
        [
            "corpus/.hidden.txt",
            "corpus/a.md",
            "corpus/b.txt",
            "corpus/drafts/c.txt",
            "corpus/target/t.txt"
        ]
    );
    #[cfg(unix)]
    assert_eq!(
        walked(dir, &["--follow"]),
        [
            "corpus/a.md",
            "corpus/b.txt",
            "corpus/drafts/c.txt",
            "corpus/linked.txt",
            "corpus/target/t.txt"
        ]
    );
    assert_eq!(walked(dir, &["--max-filesize", "10"]), Vec::<String>::new());
    // Named explicitly, a file is read whatever the controls say.
    assert_eq!(
        walked(dir, &["--glob", "*.md", "corpus/.hidden.txt"]),
        ["corpus/.hidden.txt", "corpus/a.md"]
    );
    let bad = crosscheck_in(dir, &["extract", "corpus", "--rules", &rules(), "--glob", "a[b"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.starts_with("error: --glob: invalid glob `a[b`"),
        "{}",
        bad.stderr
    );
}

/// `--root` sets what names are relative to; an input outside it is an error.
#[test]
fn root_sets_what_names_are_relative_to() {
    let directory = tempfile::tempdir().expect("temporary directory");
    walk_corpus(directory.path());
    let dir = directory.path();
    assert_eq!(
        walked(dir, &["--root", "corpus"]),
        ["a.md", "b.txt", "drafts/c.txt", "target/t.txt"]
    );
    let run = crosscheck_in(
        dir,
        &["extract", "corpus", "--rules", &rules(), "--root", "corpus/drafts"],
    );
    let drafts = fs::canonicalize(dir.join("corpus/drafts")).expect("canonical path");
    assert_eq!(
        (run.code, run.stderr),
        (
            2,
            format!(
                "error: corpus: outside the root {}; name a --root that holds every input\n",
                drafts.display()
            )
        )
    );
}

/// The default walk leaves out the rules directory (its `cases/` hold test articles) and
/// crosscheck's own saved reports in every format; named explicitly, they are read.
#[test]
fn the_walk_leaves_out_the_rules_and_saved_reports() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let project = directory.path();
    let corpus = corpus(project);
    let rules = project.join("corpus/rules");
    fs::create_dir_all(rules.join("cases/conflict")).expect("create cases");
    for entry in fs::read_dir(root().join("rules")).expect("bundled rules") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|extension| extension == "toml") {
            fs::copy(&path, rules.join(path.file_name().expect("name"))).expect("copy rules file");
        }
    }
    fs::write(rules.join("cases/conflict/one.txt"), CONFLICTING).expect("write case article");
    let rules = "corpus/rules";
    let baseline = crosscheck_in(project, &["report", "corpus", "--rules", rules, "--no-timing"]);
    assert_eq!(
        summary(&baseline),
        "summary: 2 articles, 2 claims, 0 overlaps, 1 conflict (1 error, 0 warnings), 0 changes over time, 1 shared wording",
        "{}",
        baseline.stderr
    );
    for (command, format, name) in [
        ("report", "json", "report.json"),
        ("report", "markdown", "report.md"),
        ("report", "text", "report.txt"),
        ("extract", "json", "claims.json"),
        ("extract", "jsonl", "claims.jsonl"),
        ("extract", "text", "claims.txt"),
        ("report", "html", "report.html"),
        ("report", "sarif", "report.json"),
    ] {
        let saved = crosscheck_in(
            project,
            &[command, "corpus", "--rules", rules, "-f", format, "-o", "saved"],
        );
        assert!(saved.code <= 1, "{}", saved.stderr);
        // Saved into the corpus under another name, so only its content tells what it is.
        fs::rename(project.join("saved"), corpus.join(name)).expect("move the saved output");
        let again = crosscheck_in(project, &["report", "corpus", "--rules", rules, "--no-timing"]);
        assert_eq!(summary(&again), summary(&baseline), "{name}: {}", again.stdout);
        fs::remove_file(corpus.join(name)).expect("remove the saved output");
    }
    // The run's own output file is left out too, whatever its format.
    fs::write(corpus.join("out.txt"), CLAIM).expect("write an output to replace");
    let run = crosscheck_in(
        project,
        &[
            "report",
            "corpus",
            "--rules",
            rules,
            "-o",
            "corpus/out.txt",
            "--no-timing",
        ],
    );
    assert_eq!(run.code, 1);
    let written = fs::read_to_string(corpus.join("out.txt")).expect("report");
    assert_eq!(written.lines().last(), Some(summary(&baseline)));
    fs::remove_file(corpus.join("out.txt")).expect("remove output");
    // Named explicitly, a case article is read.
    let named = crosscheck_in(
        project,
        &["extract", "corpus/rules/cases/conflict/one.txt", "--rules", rules],
    );
    assert_eq!(summary(&named), "1 claim in 1 article");
}
