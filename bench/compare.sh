#!/usr/bin/env bash
# Side-by-side throughput of crosscheck, ripgrep and spaCy on the same corpora, in one run.
#
#   bench/compare.sh [--size-mb N] [--spacy-mb N] [--repeat N] [--workdir DIR] [--baseline BIN]
#
# Builds the release binary, then builds two corpora of at least N MB (default 200) in a
# temporary directory: the BBC news corpus (../shared/corpus/bbc, real text, few matches)
# repeated, and the bundled examples/ repeated (dense in matches). On each it runs:
#   - crosscheck extract --rules rules --format jsonl, with --threads 1 and all threads;
#   - ripgrep counting the lines that match ONE case-insensitive alternation of every alias
#     and template word of the bundled rules, with ASCII word boundaries (-j1 and all threads):
#     the cost of merely finding the words;
#   - spaCy (blank "en" tokenizer + PhraseMatcher on LOWER with the same phrases) on the first
#     --spacy-mb MB (default 20) of the corpus, timing reading + tokenizer + matcher (like
#     crosscheck's run, start-up left out), extrapolated as MB/s.
# and prints MB/s, ratios and peak RSS (/usr/bin/time -v). Not part of `cargo test` or CI.
# --repeat N (default 3) runs each crosscheck and ripgrep measurement N times in a row and
# reports the median time (and the largest RSS): on a shared machine a single run can be off by
# a third. spaCy runs once.
# --workdir keeps the corpora and the spaCy venv between runs (reused when present).
# --baseline BIN also runs another crosscheck binary (e.g. one built from an older commit) with
# one thread right after the current one, for before/after ratios from the same run.
set -euo pipefail

size_mb=200
spacy_mb=20
repeat=3
workdir=""
baseline=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --size-mb) size_mb="$2"; shift 2 ;;
        --spacy-mb) spacy_mb="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        --workdir) workdir="$2"; shift 2 ;;
        --baseline) baseline="$2"; shift 2 ;;
        -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
bbc=${BBC_CORPUS:-$root/../shared/corpus/bbc}
target=${CARGO_TARGET_DIR:-$root/target}
bin=$target/release/crosscheck
threads=$(nproc)

if [[ -z "$workdir" ]]; then
    workdir=$(mktemp -d /tmp/crosscheck-bench.XXXXXX)
    trap 'rm -rf "$workdir"' EXIT
fi
mkdir -p "$workdir"

echo "== build" >&2
cargo build --release --quiet --manifest-path "$root/Cargo.toml"

if ! command -v rg >/dev/null; then
    echo "== installing ripgrep" >&2
    apt-get install -y ripgrep >/dev/null 2>&1 || cargo install ripgrep --quiet
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "== installing time" >&2
    apt-get install -y time >/dev/null 2>&1
fi
if [[ ! -x "$workdir/venv/bin/python" ]] || ! "$workdir/venv/bin/python" -c 'import spacy' 2>/dev/null; then
    echo "== installing spaCy into $workdir/venv" >&2
    python3 -m venv "$workdir/venv"
    "$workdir/venv/bin/pip" install --quiet spacy
fi

# Copies $1 into $2/copy-NNNN until $2 holds at least $3 MB (apparent size).
build_corpus() {
    local source=$1 destination=$2 megabytes=$3
    local want=$((megabytes * 1000000)) unit copies
    if [[ -f "$destination/.size" && $(cat "$destination/.size") -ge $want ]]; then
        return
    fi
    rm -rf "$destination"
    mkdir -p "$destination"
    unit=$(du -sb "$source" | cut -f1)
    copies=$(((want + unit - 1) / unit))
    for ((index = 1; index <= copies; index++)); do
        cp -r "$source" "$destination/copy-$(printf %05d "$index")"
    done
    du -sb --exclude=.size "$destination" | cut -f1 >"$destination/.size"
}

corpora=(examples)
if [[ -d "$bbc" ]]; then
    corpora=(bbc examples)
else
    echo "note: $bbc not found; BBC corpus skipped" >&2
fi
echo "== corpora (${size_mb} MB each) in $workdir" >&2
for corpus in "${corpora[@]}"; do
    source=$root/examples
    [[ "$corpus" == bbc ]] && source=$bbc
    build_corpus "$source" "$workdir/$corpus" "$size_mb"
done

python3 "$root/bench/rules_words.py" "$root/rules" >"$workdir/phrases.txt"
python3 - "$workdir/phrases.txt" >"$workdir/pattern.txt" <<'EOF'
import re, sys
phrases = [line.strip() for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
escape = lambda phrase: re.sub(r"([\\.+*?()|\[\]{}^$#])", r"\\\1", phrase)
print(r"(?-u:\b)(?:" + "|".join(escape(phrase) for phrase in phrases) + r")(?-u:\b)")
EOF

# Runs a command once under /usr/bin/time -v; sets seconds and rss_mb.
measure_once() {
    local started ended
    started=$(date +%s.%N)
    /usr/bin/time -v -o "$workdir/time.txt" "$@" >"$workdir/out.txt" 2>"$workdir/err.txt"
    ended=$(date +%s.%N)
    seconds=$(python3 -c "print(f'{$ended - $started:.3f}')")
    rss_mb=$(awk '/Maximum resident set size/ {printf "%.1f", $6 / 1024}' "$workdir/time.txt")
}

# Runs a command $repeat times; sets seconds (the median) and rss_mb (the largest).
measure() {
    local times=() largest=0 run
    for ((run = 0; run < repeat; run++)); do
        measure_once "$@"
        times+=("$seconds")
        largest=$(python3 -c "print(max($largest, $rss_mb))")
    done
    seconds=$(python3 -c "import statistics, sys; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "${times[@]}")
    rss_mb=$largest
}

mbps() { python3 -c "print(f'{$1 / 1e6 / $2:.1f}')"; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

rg_count() {
    rg "$@" -c -i --no-filename --no-messages -f "$workdir/pattern.txt" "$corpus_dir" | awk '{ sum += $1 } END { print sum + 0 }'
}
export -f rg_count
export workdir

printf '\n| corpus | tool | MB | seconds | MB/s | peak RSS MB | output |\n|---|---|---|---|---|---|---|\n'
summary=""
for corpus in "${corpora[@]}"; do
    corpus_dir=$workdir/$corpus
    export corpus_dir
    bytes=$(cat "$corpus_dir/.size")
    mb=$(python3 -c "print(f'{$bytes / 1e6:.0f}')")
    # Warm the page cache so every tool reads from memory.
    cat $(find "$corpus_dir" -type f) >/dev/null 2>&1 || find "$corpus_dir" -type f -exec cat {} + >/dev/null

    measure "$bin" --quiet --threads 1 extract --rules "$root/rules" --format jsonl "$corpus_dir"
    one=$seconds
    printf '| %s | crosscheck --threads 1 | %s | %s | %s | %s | %s claims |\n' "$corpus" "$mb" "$seconds" "$(mbps "$bytes" "$seconds")" "$rss_mb" "$(wc -l <"$workdir/out.txt")"
    if [[ -n "$baseline" ]]; then
        measure "$baseline" --quiet --threads 1 extract --rules "$root/rules" --format jsonl "$corpus_dir"
        printf '| %s | baseline --threads 1 | %s | %s | %s | %s | %s claims |\n' "$corpus" "$mb" "$seconds" "$(mbps "$bytes" "$seconds")" "$rss_mb" "$(wc -l <"$workdir/out.txt")"
        summary+="$corpus: current / baseline, 1 thread = $(ratio "$seconds" "$one")"$'\n'
    fi
    measure "$bin" --quiet --threads "$threads" extract --rules "$root/rules" --format jsonl "$corpus_dir"
    all=$seconds
    printf '| %s | crosscheck --threads %s | %s | %s | %s | %s | %s claims |\n' "$corpus" "$threads" "$mb" "$seconds" "$(mbps "$bytes" "$seconds")" "$rss_mb" "$(wc -l <"$workdir/out.txt")"
    measure bash -c 'rg_count -j1'
    rg_one=$seconds
    printf '| %s | rg -j1 | %s | %s | %s | %s | %s lines |\n' "$corpus" "$mb" "$seconds" "$(mbps "$bytes" "$seconds")" "$rss_mb" "$(cat "$workdir/out.txt")"
    measure bash -c "rg_count -j$threads"
    printf '| %s | rg -j%s | %s | %s | %s | %s | %s lines |\n' "$corpus" "$threads" "$mb" "$seconds" "$(mbps "$bytes" "$seconds")" "$rss_mb" "$(cat "$workdir/out.txt")"
    measure_once "$workdir/venv/bin/python" "$root/bench/spacy_match.py" "$workdir/phrases.txt" "$spacy_mb" "$corpus_dir"
    read -r spacy_bytes spacy_seconds spacy_found <"$workdir/out.txt"
    printf '| %s | spaCy tokenizer + PhraseMatcher (first %s MB) | %s | %s | %s | %s | %s matches |\n' "$corpus" "$spacy_mb" "$(python3 -c "print(f'{$spacy_bytes / 1e6:.0f}')")" "$spacy_seconds" "$(mbps "$spacy_bytes" "$spacy_seconds")" "$rss_mb" "$spacy_found"
    one_mbps=$(mbps "$bytes" "$one")
    spacy_mbps=$(mbps "$spacy_bytes" "$spacy_seconds")
    summary+="$corpus: 1 thread / rg -j1 = $(ratio "$rg_one" "$one") (target >= 0.33); 1 thread / spaCy = $(ratio "$one_mbps" "$spacy_mbps") (target >= 50); $threads threads / 1 thread = $(ratio "$one" "$all") (target >= 1.8)"$'\n'
done
printf '\n%s' "$summary"
echo "crosscheck and rg: median of $repeat runs each; spaCy: one run"
echo "rg pattern: $(wc -l <"$workdir/phrases.txt") phrases, $(wc -c <"$workdir/pattern.txt") bytes; rg $(rg --version | head -1 | cut -d' ' -f2)"
