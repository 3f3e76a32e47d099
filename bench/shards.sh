#!/usr/bin/env bash
# The shard benchmarks of docs/scale-out.md: Parquet writing against JSON Lines, and `compare`
# over N synthetic claims in-process and through DataFusion (time and peak memory).
#
#   bench/shards.sh WORKDIR N [N…]      (e.g. bench/shards.sh /tmp/shards 1000000 3000000)
#
# Needs a release build with DataFusion (`cargo build --release --features datafusion`) and
# GNU time. Repeats are interleaved; the medians are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$1"
shift
repeats="${REPEATS:-3}"
binary=target/release/crosscheck
mkdir -p "$work"
"$binary" extract examples/ --rules rules/ -f jsonl -o "$work/examples.jsonl"

median() { sort -n | awk '{ values[NR] = $1 } END { print values[int((NR + 1) / 2)] }'; }

for count in "$@"; do
  claims="$work/claims-$count.jsonl"
  shards="$work/shards-$count"
  [ -f "$claims" ] || python3 bench/synthetic_claims.py "$work/examples.jsonl" "$count" "$claims"
  echo "== $count claims: writing (median of 3 in memory)"
  cargo bench --quiet --features datafusion --bench shards -- "$claims" --repeats 3 --shards "$shards"
  du -sh "$claims" "$shards"
  echo "== $count claims: compare (seconds, peak RSS in MB; median of $repeats)"
  : > "$work/times-$count"
  for _ in $(seq "$repeats"); do
    for engine in jsonl inprocess datafusion; do
      case "$engine" in
        jsonl) args=("$claims") ;;
        inprocess) args=("$shards") ;;
        datafusion) args=("$shards" --engine datafusion) ;;
      esac
      /usr/bin/time -f "$engine %e %M" -a -o "$work/times-$count" \
        "$binary" compare "${args[@]}" --rules rules/ --no-timing --fail-on never -f json -o "$work/report-$engine.json"
    done
    cmp -s <(python3 -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1]))['findings']))" "$work/report-inprocess.json") \
           <(python3 -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1]))['findings']))" "$work/report-datafusion.json") \
      || { echo "the engines' findings differ"; exit 1; }
  done
  for engine in jsonl inprocess datafusion; do
    seconds=$(grep "^$engine " "$work/times-$count" | awk '{ print $2 }' | median)
    kilobytes=$(grep "^$engine " "$work/times-$count" | awk '{ print $3 }' | median)
    printf '%-11s %8.1f s %8.0f MB\n' "$engine" "$seconds" "$((kilobytes / 1024))"
  done
done
