#!/usr/bin/env bash
# The preview's own "rebuilt in" lines (bench/README.md, "Live preview"): `simpul serve` on
# the synthetic catalogue of N innovations, the first innovation's title edited EDITS times
# (a rebuild each), the last EDITS-2 rebuild times printed sorted (the first two after a
# start look at every file). With BASE=<another simpul>, both binaries ROUNDS times in turn.
# Usage (from the repository's root): bench/preview/rebuilds.sh [N] [EDITS] [ROUNDS]
set -eu
n=${1:-10000} edits=${2:-9} rounds=${3:-1}
source "$(dirname "$0")/../rebuild/common.sh"  # simpul, content (made when missing)
export SIMPUL_PAGEFIND=off
out=build/bench/$n/out-rebuilds log=build/bench/$n/rebuilds.log
record=$content/innovations/$(ls "$content/innovations" | sort | head -n 1)
original=$(mktemp)
cp "$record" "$original"
trap 'cp "$original" "$record"; rm -f "$original"' EXIT

rebuilds() {  # binary -> its sorted rebuild times (ms)
    rm -rf "$out"
    "$1" serve "$content" -o "$out" --port 0 --templates site-template >"$log" 2>&1 &
    local pid=$! i j
    for i in $(seq 600); do grep -q "^Serving" "$log" && break; sleep 0.1; done
    for i in $(seq "$edits"); do
        sed "s/^title: .*/title: \"Judul Suntingan $i\"/" "$original" >"$record"
        for j in $(seq 300); do [ "$(grep -c '^rebuilt in' "$log")" -gt "$i" ] && break; sleep 0.1; done
        sleep 1
    done
    kill -TERM "$pid"; wait "$pid" || true
    cp "$original" "$record"
    grep '^rebuilt in' "$log" | tail -n $((edits - 2)) | sed 's/rebuilt in \([0-9]*\) ms.*/\1/' |
        sort -n | tr '\n' ' '
}
for r in $(seq "$rounds"); do
    echo "round $r: $simpul: $(rebuilds "$simpul")ms"
    if [ -n "${BASE:-}" ]; then echo "round $r: $BASE: $(rebuilds "$(realpath "$BASE")")ms"; fi
done
grep '^rebuilt in' "$log" | tail -n 1
