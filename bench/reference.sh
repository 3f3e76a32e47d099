#!/usr/bin/env bash
# Reference tables at scale: a table of 100,000 rows loaded (CSV text → validated, indexed rows)
# and 1,000,000 claims checked against it, medians of five runs (benches/reference.rs).
# Sizes: REFERENCE_ROWS=… REFERENCE_CLAIMS=… bench/reference.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --bench reference --quiet 2>/dev/null | grep '^reference:'
