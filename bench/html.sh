#!/usr/bin/env bash
# Rendering the HTML report for about 10,000 findings, beside the text report, in one run.
#
#   bench/html.sh [--years N] [--repeat N] [--workdir DIR]
#
# Builds the release binary, then writes a synthetic corpus into a temporary directory: for
# each of N years (default 3) two plain-text articles, each stating every country's reserves of
# every mineral of the bundled lexicons in different words and with figures that disagree:
# 44 countries × 42 minerals × N conflicts, plus changes over time and shared wording between
# the years (13,376 findings for N = 3). It runs
# `crosscheck report --format html` and `--format text` on it --repeat times (default 5),
# interleaved, and prints the median of the render stage (from --stats), the finding count and
# the HTML file's size. Not part of `cargo test` or CI.
set -euo pipefail

years=3
repeat=5
workdir=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --years) years="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        --workdir) workdir="$2"; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/crosscheck"
if [[ -z "$workdir" ]]; then
    workdir="$(mktemp -d)"
    trap 'rm -rf "$workdir"' EXIT
fi
corpus="$workdir/corpus"
rm -rf "$corpus" && mkdir -p "$corpus"

python3 - "$root/rules/lexicons.toml" "$corpus" "$years" <<'PY'
import pathlib, sys, tomllib
lexicons = tomllib.loads(pathlib.Path(sys.argv[1]).read_text())["lexicon"]
corpus, years = pathlib.Path(sys.argv[2]), int(sys.argv[3])
countries = [aliases[0] for aliases in lexicons["country"]["entries"].values()]
minerals = [aliases[0] for aliases in lexicons["mineral"]["entries"].values()]
for offset in range(years):
    year = 2010 + offset
    for side, factor in (("a", 1.0), ("b", 3.0)):
        lines = []
        for c, country in enumerate(countries):
            for m, mineral in enumerate(minerals):
                figure = (c + 1) * (m + 1) * (offset + 1) * factor
                if side == "a":
                    lines.append(f"In {year}, {country} had {figure:g} million tonnes of {mineral} reserves.")
                else:
                    lines.append(f"{mineral.capitalize()} reserves in {country} amounted to {figure:g} million tonnes in {year}.")
        (corpus / f"{year}-{side}.txt").write_text("\n\n".join(lines) + "\n")
PY

render_ms() {  # FORMAT OUTPUT -> the render stage of --stats, in milliseconds
    "$bin" report "$corpus" --rules "$root/rules" --format "$1" --output "$2" --fail-on never --quiet --stats 2>&1 \
        | awk '$1 == "render" { for (i = 2; i <= NF; i++) if ($i ~ /^[0-9.]+$/) { v = $i; u = $(i + 1); break }
                                if (u ~ /^s/) v *= 1000; print v; exit }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

html_times=(); text_times=()
for _ in $(seq "$repeat"); do
    html_times+=("$(render_ms html "$workdir/report.html")")
    text_times+=("$(render_ms text "$workdir/report.txt")")
done
"$bin" report "$corpus" --rules "$root/rules" --format json --output "$workdir/report.json" --fail-on never --quiet
findings=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$workdir/report.json")
html_ms=$(printf '%s\n' "${html_times[@]}" | median)
text_ms=$(printf '%s\n' "${text_times[@]}" | median)
size=$(stat -c %s "$workdir/report.html")
echo "findings:        $findings"
echo "html render:     ${html_ms} ms (median of $repeat; runs: ${html_times[*]})"
echo "text render:     ${text_ms} ms (median of $repeat; runs: ${text_times[*]})"
echo "html file size:  $((size / 1024)) KiB ($size bytes)"
