#!/usr/bin/env python3
"""Side-by-side throughput of crosscheck, ripgrep and spaCy on the same bytes, in one run.

Usage: bench.py [--size-mb N] [--repeat N] [--bin BIN] [--baseline BIN] [--workdir DIR]
                [--max-load L] [--no-spacy] [--spacy PYTHON] [--spacy-repeat N] [--corpora LIST]

Three corpora of about N MB each (default 20), built once in --workdir and reused:
  bbc-files  the BBC news corpus (../shared/corpus/bbc) copied until N MB: many small files;
  bbc-big    the same bytes concatenated into 4 files: few big files;
  dense      bench/dense_corpus.py's generated articles, where most paragraphs hold claims.
Bytes are counted from regular files only (`os.path.getsize`), never directories.

Tools, each on every corpus:
  crosscheck extract --format jsonl with --threads 1 and --threads 2 (and --baseline BIN with
  one thread, when given, for before/after ratios from the same run);
  ripgrep finding every match (`rg --count-matches -i -F -f LIST`) of two phrase lists with
  -j1 and -j2: `rules`, every lexicon alias and template word of the bundled rules less
  function words (bench/rules_words.py), and `claims`, the fixed list bench/claim_phrases.txt;
  spaCy's blank English tokenizer + PhraseMatcher over the `rules` list (bench/spacy_match.py),
  reading the same files, when its Python (--spacy, default /tmp/speed-venv/bin/python or
  `python3` with spacy importable) is there.
Every tool writes its output to a file in the work directory: no pipe shares the cores.
Repeats are interleaved (round 1 runs every tool once, then round 2 ...) and the median wall
time and CPU time (user + sys) are reported with the largest peak RSS (from wait4); spaCy, slow,
runs in the first --spacy-repeat rounds only (default 1). Ratios are printed from wall and
from CPU time: on a machine other jobs share, CPU time is the steadier of the two for one
thread, and wall time is what the 2-thread ratio needs. Before each round the 1-minute load
average is read; a round that starts above --max-load (default: 0.5 per core) is waited for up
to a minute, and if the machine stays busy the script refuses to print ratios (exit 3) unless
--max-load is raised; the loads seen are printed with the table either way.
"""
import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--bin", default=str(ROOT / "target/release/crosscheck"))
    parser.add_argument("--baseline")
    parser.add_argument("--workdir", default="/tmp/crosscheck-bench")
    parser.add_argument("--max-load", type=float, default=0.5 * os.cpu_count())
    parser.add_argument("--no-spacy", action="store_true")
    parser.add_argument("--spacy-repeat", type=int, default=1)
    parser.add_argument("--spacy")
    parser.add_argument("--corpora", default="bbc-files,bbc-big,dense")
    return parser.parse_args()


def files_under(directory):
    found = []
    for parent, subdirs, names in os.walk(directory):
        subdirs.sort()
        found.extend(os.path.join(parent, name) for name in sorted(names) if not name.startswith("."))
    return [path for path in found if os.path.isfile(path)]


def corpus_bytes(directory):
    return sum(os.path.getsize(path) for path in files_under(directory))


def build_corpora(workdir, megabytes, names):
    want = int(megabytes * 1_000_000)
    bbc = pathlib.Path(os.environ.get("BBC_CORPUS", ROOT.parent / "shared/corpus/bbc"))
    stamp = f"{want}\n"
    corpora = {}
    for name in names:
        directory = workdir / name
        corpora[name] = directory
        marker = directory / ".built"
        if marker.exists() and marker.read_text() == stamp:
            continue
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
        if name == "dense":
            subprocess.run([sys.executable, BENCH / "dense_corpus.py", directory, str(megabytes), "--files", str(max(1, want // 50_000))], check=True, stdout=subprocess.DEVNULL)
        elif name == "bbc-files":
            unit = corpus_bytes(bbc)
            for copy in range(-(-want // unit)):
                shutil.copytree(bbc, directory / f"copy-{copy:04d}")
        elif name == "bbc-big":
            sources = files_under(bbc)
            unit = corpus_bytes(bbc)
            copies = -(-want // unit)
            chunks = [open(directory / f"part-{part}.txt", "wb") for part in range(4)]
            for index, path in enumerate(sources * copies):
                with open(path, "rb") as handle:
                    chunks[index * 4 // (len(sources) * copies)].write(handle.read() + b"\n\n")
            for chunk in chunks:
                chunk.close()
        marker.write_text(stamp)
    return corpora


def run(command, output):
    """Runs `command` with stdout to `output`; returns (wall seconds, CPU seconds, peak RSS in
    MB, exit status). The peak RSS comes from GNU time around the command: a child's own
    `ru_maxrss` starts at the RSS of the process it was forked from, this script."""
    peak_file = str(output) + ".rss"
    command = ["/usr/bin/time", "-f", "%M", "-o", peak_file, *command]
    with open(output, "wb") as out, open(str(output) + ".err", "wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    peak = pathlib.Path(peak_file).read_text().split()
    peak_mb = int(peak[-1]) / 1024 if peak and peak[-1].isdigit() else float("nan")
    return seconds, usage.ru_utime + usage.ru_stime, peak_mb, os.waitstatus_to_exitcode(status)


def wait_for_quiet(max_load):
    load = os.getloadavg()[0]
    deadline = time.monotonic() + 60
    while load > max_load and time.monotonic() < deadline:
        time.sleep(5)
        load = os.getloadavg()[0]
    return load


def spacy_python(args):
    if args.no_spacy:
        return None
    for candidate in [args.spacy, "/tmp/speed-venv/bin/python", "python3"]:
        if candidate and shutil.which(candidate) or (candidate and os.path.exists(candidate)):
            probe = subprocess.run([candidate, "-c", "import spacy"], capture_output=True)
            if probe.returncode == 0:
                return candidate
    return None


def tools(args, corpus, lists, python):
    rules = str(ROOT / "rules")
    found = [
        ("crosscheck -t1", [args.bin, "--quiet", "--threads", "1", "extract", "--rules", rules, "--format", "jsonl", corpus]),
        ("crosscheck -t2", [args.bin, "--quiet", "--threads", "2", "extract", "--rules", rules, "--format", "jsonl", corpus]),
    ]
    if args.baseline:
        found.append(("baseline -t1", [args.baseline, "--quiet", "--threads", "1", "extract", "--rules", rules, "--format", "jsonl", corpus]))
    for list_name, path in lists.items():
        for jobs in (1, 2):
            found.append((f"rg {list_name} -j{jobs}", ["rg", "--count-matches", "-i", "-F", "--no-filename", "--no-messages", f"-j{jobs}", "-f", path, corpus]))
    if python:
        found.append(("spaCy", [python, BENCH / "spacy_match.py", lists["rules"], "0", corpus]))
    return found


def summarise(name, output):
    """What the tool found, read from its output file after timing."""
    text = pathlib.Path(output).read_text(encoding="utf-8", errors="replace")
    if name.startswith("rg"):
        return f"{sum(int(line) for line in text.split()):,} matches"
    if name == "spaCy":
        return f"{int(text.split()[2]):,} matches"
    return f"{text.count(chr(10)):,} claims"


def main():
    args = arguments()
    workdir = pathlib.Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    if not os.path.exists(args.bin):
        subprocess.run(["cargo", "build", "--release", "--quiet", "--manifest-path", ROOT / "Cargo.toml"], check=True)
    lists = {"rules": workdir / "rules-phrases.txt", "claims": workdir / "claim-phrases.txt"}
    with open(lists["rules"], "w") as handle:
        subprocess.run([sys.executable, BENCH / "rules_words.py", ROOT / "rules"], stdout=handle, check=True)
    lists["claims"].write_text("".join(line + "\n" for line in (BENCH / "claim_phrases.txt").read_text().splitlines() if line and not line.startswith("#")))
    python = spacy_python(args)
    corpora = build_corpora(workdir, args.size_mb, args.corpora.split(","))
    for directory in corpora.values():  # warm the page cache, a block at a time
        for path in files_under(directory):
            with open(path, "rb") as handle:
                while handle.read(1 << 20):
                    pass
    plan = [(name, directory, tool, command) for name, directory in corpora.items() for tool, command in tools(args, directory, lists, python)]
    times = {(name, tool): [] for name, _, tool, _ in plan}
    cpu = {key: [] for key in times}
    rss = {key: 0.0 for key in times}
    found = {}
    loads = []
    for round_index in range(args.repeat):
        loads.append(wait_for_quiet(args.max_load))
        for name, directory, tool, command in plan:
            if tool == "spaCy" and round_index >= args.spacy_repeat:
                continue
            output = workdir / f"out-{name}-{tool.replace(' ', '_')}.txt"
            seconds, cpu_seconds, peak, status = run([str(part) for part in command], output)
            if status not in (0, 1):
                sys.exit(f"{tool} on {name} failed with exit {status}; see {output}.err")
            if tool == "spaCy":  # spacy_match.py times itself, start-up (imports) left out
                seconds = float(output.read_text().split()[1])
            times[(name, tool)].append(seconds)
            cpu[(name, tool)].append(cpu_seconds)
            rss[(name, tool)] = max(rss[(name, tool)], peak)
            found[(name, tool)] = summarise(tool, output)
        print(f"round {round_index + 1}/{args.repeat} done (load {loads[-1]:.2f})", file=sys.stderr)

    median = {key: statistics.median(values) for key, values in times.items()}
    median_cpu = {key: statistics.median(values) for key, values in cpu.items()}
    print("| corpus | MB | files | tool | median s | MB/s | CPU s | peak RSS MB | found |")
    print("|---|---|---|---|---|---|---|---|---|")
    sizes = {name: (corpus_bytes(directory), len(files_under(directory))) for name, directory in corpora.items()}
    for name, _, tool, _ in plan:
        size, count = sizes[name]
        seconds = median[(name, tool)]
        print(f"| {name} | {size / 1e6:.1f} | {count} | {tool} | {seconds:.3f} | {size / 1e6 / seconds:.1f} | {median_cpu[(name, tool)]:.3f} | {rss[(name, tool)]:.0f} | {found[(name, tool)]} |")
    print()
    for name in corpora:
        line = []
        for label, table in (("wall", median), ("CPU", median_cpu)):
            one = table[(name, "crosscheck -t1")]
            for list_name in lists:
                line.append(f"{label} 1 thread / rg {list_name} -j1 = {table[(name, f'rg {list_name} -j1')] / one:.2f}")
            if python:
                line.append(f"{label} 1 thread / spaCy = {table[(name, 'spaCy')] / one:.1f}")
            if args.baseline:
                line.append(f"{label} baseline / current = {table[(name, 'baseline -t1')] / one:.2f}")
        line.append(f"wall 2 threads / 1 = {median[(name, 'crosscheck -t1')] / median[(name, 'crosscheck -t2')]:.2f}")
        print(f"{name}: " + "; ".join(line))
    print(f"\nmedians of {args.repeat} interleaved rounds (spaCy: {min(args.spacy_repeat, args.repeat)}); CPU s = user + sys of the process; loads at round start: {', '.join(f'{load:.2f}' for load in loads)} (max {args.max_load:.2f}, {os.cpu_count()} cores)")
    version = subprocess.run(["rg", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    print(f"lists: rules {sum(1 for _ in open(lists['rules']))} phrases, claims {sum(1 for _ in open(lists['claims']))} phrases; {version}" + ("" if python else "; spaCy left out (--no-spacy, or not installed: pip install spacy)"))
    if statistics.median(loads) > args.max_load:
        print(f"machine busy: median load {statistics.median(loads):.2f} above {args.max_load:.2f}; ratios above are not to be trusted", file=sys.stderr)
        sys.exit(3)


if __name__ == "__main__":
    main()
