#!/usr/bin/env bash
# Renders the HTML report of the bundled examples in headless Chromium and saves a picture of
# it as docs/report-html.png (the one README.md shows).
#
#   docs/screenshot.sh [--width PX] [--height PX] [--output FILE]
#
# Needs Chromium (`apt-get install -y chromium`). The browser runs with a throwaway profile and
# with every background service off, so it fetches nothing: the page is self-contained. Look
# at the picture before committing it.
set -euo pipefail

width=1280
height=1500
root="$(cd "$(dirname "$0")/.." && pwd)"
output="$root/docs/report-html.png"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --width) width="$2"; shift 2 ;;
        --height) height="$2"; shift 2 ;;
        --output) output="$2"; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
    echo "chromium is not installed: apt-get install -y chromium" >&2
    exit 2
fi

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$root" && target/release/crosscheck report examples --rules rules --format html --no-timing \
    --fail-on never --output "$work/report.html")
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$work/profile" --window-size="$width,$height" \
    --screenshot="$output" "file://$work/report.html" 2> "$work/chromium.log" \
    || { cat "$work/chromium.log" >&2; exit 1; }
echo "wrote $output"
