#!/usr/bin/env bash
# How long `crosscheck check` takes on a rule set with a very large lexicon, and how that time
# grows with it (issue 21, item 9: 194 s for 100,000 aliases before, target under 2 s).
#
#   bench/check_lexicon.sh [--binary BIN] [--baseline BIN] [--aliases N] [--repeat N]
#
# Writes, in a temporary directory, one rules file with one rule and a lexicon of N aliases
# (default 100,000) in which every alias belongs to two entries, so that `check` warns about
# N/2 ambiguous aliases — the case that used to be quadratic, since each warning re-read the
# whole file — and one with N/10 aliases, for the growth ratio (linear: about 10). Runs
# `check --rules DIR` on each (--repeat N times, default 3, median), with BIN (default
# target/release/crosscheck) and, with --baseline, another binary right after it (a baseline
# run is cut off after 300 s). Not part of `cargo test` or CI.
set -euo pipefail

binary=target/release/crosscheck
baseline=""
aliases=100000
repeat=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    --aliases) aliases=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A rule set in $1 with $2 aliases, each shared by two entries.
write_rules() {
  local dir=$1 count=$2
  mkdir -p "$dir"
  python3 - "$dir" "$count" <<'PY'
import sys
directory, count = sys.argv[1], int(sys.argv[2])
syllables = ["ka", "lo", "mi", "ra", "to", "ve", "zu", "pe", "ni", "so", "da", "gu", "fe", "hi", "jo", "wa"]
def name(number):
    letters = []
    for _ in range(5):
        number, digit = divmod(number, len(syllables))
        letters.append(syllables[digit])
    return "".join(letters).capitalize() + " Holdings"
lines = ["[lexicon.company]", "[lexicon.company.entries]"]
lines += [f'c{index} = ["{name(index % (count // 2))}"]' for index in range(count)]
with open(f"{directory}/lexicons.toml", "w") as out:
    out.write("\n".join(lines) + "\n")
with open(f"{directory}/rules.toml", "w") as out:
    out.write('[[rule]]\nid = "company-rank"\nkind = "company-rank"\ncompare = "rank"\n'
              'patterns = ["{subject:company} , {value:rank} (miner|bank)"]\n'
              f'examples = [{{ text = "{name(0)}, the largest bank, grew.", subject = "c0" }}]\n')
PY
}

# Median wall time of `check` with binary $1 on rules $2, in seconds (cut off after $3 s).
median_check() {
  local bin=$1 dir=$2 limit=$3 times=()
  for _ in $(seq "$repeat"); do
    local start end
    start=$(date +%s.%N)
    # Not --quiet: printing every warning is the part that used to be quadratic.
    timeout "$limit" "$bin" check --rules "$dir" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (repeat + 1) / 2 ))p"
}

write_rules "$work/large" "$aliases"
write_rules "$work/small" $(( aliases / 10 ))
for bin in "$binary" $baseline; do
  limit=300
  large=$(median_check "$bin" "$work/large" "$limit")
  small=$(median_check "$bin" "$work/small" "$limit")
  printf '%s: %d aliases %.2f s, %d aliases %.2f s, ratio %.1f\n' \
    "$bin" "$aliases" "$large" $(( aliases / 10 )) "$small" "$(echo "$large / $small" | bc -l)"
done
