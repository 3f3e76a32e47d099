#!/usr/bin/env bash
# The side-by-side benchmark; its successor bench/bench.py does the work (see its --help):
# bytes from files only, ripgrep finding every match of the rules' phrases and of a fixed
# claim-phrase list, spaCy on the same bytes, interleaved repeats with medians, a load check,
# and three corpora (BBC as many files, BBC as four big files, generated claim-dense text).
#
#   bench/compare.sh [--size-mb N] [--repeat N] [--baseline BIN] [--max-load L] ...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
exec python3 "$root/bench/bench.py" "$@"
