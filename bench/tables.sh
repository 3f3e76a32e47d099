#!/usr/bin/env bash
# usage: bench/tables.sh [BIN] — times `extract` over one plain-text table of 10,000, 100,000
# and 1,000,000 rows with the bundled rules (median of 5 runs each), to show that reading a
# table is linear in its rows.
set -euo pipefail
BIN=${1:-target/release/crosscheck}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
for rows in 10000 100000 1000000; do
  python3 - "$rows" > "$DIR/t$rows.txt" <<'PY'
import sys
rows = int(sys.argv[1])
countries = ["Chile", "Australia", "Argentina", "Bolivia"]
print("Lithium reserves by country\n\nCountry | Reserves (t)")
for row in range(rows):
    print(f"{countries[row % 4]} | {1000 + row:,}")
PY
  times=()
  for run in 1 2 3 4 5; do
    start=$(date +%s.%N)
    "$BIN" extract "$DIR/t$rows.txt" --rules rules/ --format jsonl --threads 1 > "$DIR/out.jsonl"
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  claims=$(wc -l < "$DIR/out.jsonl")
  echo "$rows rows: $claims claims, median ${median}s"
done
