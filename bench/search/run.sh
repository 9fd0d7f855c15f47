#!/usr/bin/env bash
# The search benchmark (bench/README.md, "Search"): synthetic content of N
# innovations (bench/synth), built by simpul with its Pagefind index, then
# measured in Chromium (bench/search/measure.mjs).
# Usage: bench/search/run.sh [N]   (default 10000; SIMPUL_BINARY to pick the binary)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
out=build/bench-search/$n
simpul=${SIMPUL_BINARY:-build/dev/generator/simpul}
[ -d "$out/content" ] || node bench/synth/synth.mjs "$n" "$out"
"$simpul" build "$out/content" -o "$out/public" --templates site-template | tail -4
node bench/search/measure.mjs "$out/public"
