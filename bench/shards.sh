#!/usr/bin/env bash
# The shard benchmarks of docs/scale-out.md: Parquet writing against JSON Lines, and `compare`
# over N synthetic claims in-process and through DataFusion (time and peak memory).
#
#   bench/shards.sh WORKDIR N [N…]      (e.g. bench/shards.sh /tmp/shards 1000000 3000000)
#
# Needs a release build with DataFusion (`cargo build --release --features datafusion`) and GNU
# time; BINARY names another build, say a copy kept apart from a later plain `cargo bench`,
# which rebuilds target/release/crosscheck without the feature. Repeats are interleaved; the
# medians are printed. ENGINES picks the compare runs (default "jsonl inprocess datafusion";
# the JSON Lines run holds the whole file in memory, so leave it out at ten million claims),
# REPEATS their number (default 3), MEASURE the claims the writing benchmark times (default
# 3,000,000; fewer at ten million claims, where it runs three times over).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$1"
shift
repeats="${REPEATS:-3}"
engines="${ENGINES:-jsonl inprocess datafusion}"
binary="${BINARY:-target/release/crosscheck}"
mkdir -p "$work"
"$binary" extract examples/ --rules rules/ -f jsonl -o "$work/examples.jsonl"

median() { sort -n | awk '{ values[NR] = $1 } END { print values[int((NR + 1) / 2)] }'; }

for count in "$@"; do
  claims="$work/claims-$count.jsonl"
  shards="$work/shards-$count"
  [ -f "$claims" ] || python3 bench/synthetic_claims.py "$work/examples.jsonl" "$count" "$claims"
  echo "== $count claims: writing (median of 3 in memory, at most ${MEASURE:-3000000} claims)"
  [ -d "$shards" ] && shards_flag=() || shards_flag=(--shards "$shards")
  # No DataFusion here: the bench needs only the Parquet writer, and with the feature `cargo bench`
  # would build the whole DataFusion stack a second time (dev-dependencies change its features).
  cargo bench --quiet --bench shards -- "$claims" --repeats 3 --measure "${MEASURE:-3000000}" "${shards_flag[@]}"
  du -sh "$claims" "$shards"
  echo "== $count claims: compare (seconds, peak RSS in MB; median of $repeats)"
  : > "$work/times-$count"
  for _ in $(seq "$repeats"); do
    for engine in $engines; do
      case "$engine" in
        jsonl) args=("$claims") ;;
        inprocess) args=("$shards") ;;
        datafusion) args=("$shards" --engine datafusion) ;;
      esac
      /usr/bin/time -f "$engine %e %M" -a -o "$work/times-$count" \
        "$binary" compare "${args[@]}" --rules rules/ --no-timing --fail-on never -f github -o "$work/findings-$engine"
    done
    # One line per finding: the engines must agree line for line.
    for engine in $engines; do
      cmp -s "$work/findings-inprocess" "$work/findings-$engine" || { echo "$engine's findings differ"; exit 1; }
    done
  done
  echo "findings: $(wc -l < "$work/findings-inprocess")"
  for engine in $engines; do
    seconds=$(grep "^$engine " "$work/times-$count" | awk '{ print $2 }' | median)
    kilobytes=$(grep "^$engine " "$work/times-$count" | awk '{ print $3 }' | median)
    printf '%-11s %8.1f s %8.0f MB\n' "$engine" "$seconds" "$((kilobytes / 1024))"
  done
done
