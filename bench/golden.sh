#!/usr/bin/env bash
# Byte-identical output check for speed work: runs `report` and `extract` in every format of the
# reference binary over examples/, the BBC corpus and the seeds with two binaries, and diffs.
#
#   bench/golden.sh [NEW_BIN] [REFERENCE_BIN]
#
# Also over a 1 MB claim-dense corpus made by bench/dense_corpus.py. Run times are masked.
# NEW_BIN defaults to target/release/crosscheck, REFERENCE_BIN to /tmp/cc-main-speed (a copy of
# main's release binary). Prints nothing but "golden: identical (N files)" when every output
# (stdout, stderr and exit code) agrees; otherwise shows `diff -r` and exits 1. An optimisation
# is kept only when this passes.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
new=${1:-${CARGO_TARGET_DIR:-$root/target}/release/crosscheck}
reference=${2:-/tmp/cc-main-speed}
shared=${SHARED:-$root/../shared}
out=$(mktemp -d /tmp/crosscheck-golden.XXXXXX)
trap 'rm -rf "$out"' EXIT

inputs=("examples=$root/examples")
[[ -d "$shared/corpus/bbc" ]] && inputs+=("bbc=$shared/corpus/bbc")
[[ -d "$shared/seeds" ]] && inputs+=("seeds=$shared/seeds")
# A claim-dense corpus of 1 MB (bench/dense_corpus.py), where claims crowd every paragraph.
python3 "$root/bench/dense_corpus.py" "$out/dense" 1 --files 10 >/dev/null
inputs+=("dense=$out/dense")

# Runs both binaries with the same arguments; $1 names the output file.
both() {
    local name=$1
    shift
    for side in new reference; do
        local bin=$new
        [[ $side == reference ]] && bin=$reference
        mkdir -p "$out/$side"
        (cd "$root" && "$bin" --quiet "$@" >"$out/$side/$name.out" 2>"$out/$side/$name.err"; echo $? >"$out/$side/$name.rc") || true
        # Run times are the one thing allowed to differ.
        sed -i -E 's/("elapsed_ms": )[0-9]+/\1N/; s/(\| Time \| )[0-9]+ ms/\1N ms/; s/ in [0-9]+ ms$/ in N ms/' "$out/$side/$name.out"
    done
}

for input in "${inputs[@]}"; do
    label=${input%%=*}
    dir=${input#*=}
    for format in text json markdown; do
        both "report-$label-$format" report --rules rules --format "$format" --color never "$dir"
    done
    for format in text json jsonl; do
        both "extract-$label-$format" extract --rules rules --format "$format" --color never "$dir"
    done
done

if diff -r "$out/reference" "$out/new" >"$out/diff.txt"; then
    echo "golden: identical ($(find "$out/new" -type f | wc -l) files)"
else
    head -100 "$out/diff.txt"
    echo "golden: outputs differ" >&2
    exit 1
fi
