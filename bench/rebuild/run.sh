#!/usr/bin/env bash
# The rebuild benchmark (bench/README.md, the rebuild rows of "Build"): a copy of the synthetic
# content of N innovations is built twice (the output and its spare), then one
# innovation's title is edited before each of ROUNDS rebuilds. With BASE set to
# another simpul binary, that binary rebuilds its own copy after each edit too,
# alternating, so both see the same machine. Prints each side's median and all times.
# Usage: bench/rebuild/run.sh [N] [ROUNDS]   (default 10000 7; env SIMPUL_BINARY, BASE)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
rounds=${2:-7}
. bench/rebuild/common.sh  # simpul, content
work=build/bench-rebuild
rm -rf "$work"
sides=(new)
[ -n "${BASE:-}" ] && sides+=(base)
export SIMPUL_PAGEFIND=off  # Pagefind indexes the whole site on every build
for side in "${sides[@]}"; do
  mkdir -p "$work/$side"
  cp -r "$content" "$work/$side/content"
  cp -r site-template "$work/$side/site-template"
done
binary() { if [ "$1" = base ]; then realpath "$BASE"; else echo "$simpul"; fi; }
build_ms() {  # side: builds, prints the "Built in N ms" figure
  (cd "$work/$1" && "$(binary "$1")" build content -o out) | sed -n 's/^Built in \([0-9]*\) ms$/\1/p'
}
for side in "${sides[@]}"; do build_ms "$side" >/dev/null; build_ms "$side" >/dev/null; done
file=content/innovations/$(ls "$work/new/content/innovations" | sed -n "$(( n / 2 ))p")
declare -A times
for _ in $(seq "$rounds"); do
  for side in "${sides[@]}"; do
    sed -i '0,/^title: /s/^\(title: .*\)"$/\1 x"/' "$work/$side/$file"
    times[$side]+="$(build_ms "$side") "
  done
done
echo "$n innovations, $rounds rebuilds after a title edit ($file), SIMPUL_PAGEFIND=off:"
for side in "${sides[@]}"; do
  sorted=$(tr ' ' '\n' <<<"${times[$side]}" | sed '/^$/d' | sort -n | tr '\n' ' ')
  median=$(cut -d' ' -f$(( (rounds + 1) / 2 )) <<<"$sorted")
  echo "$side ($(binary "$side")): median $median ms; all: $sorted"
done
