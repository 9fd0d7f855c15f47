#!/usr/bin/env bash
# The dashboard benchmark (bench/README.md, "Dashboard"): builds the synthetic data
# generator (native) and the dashboard's data code (Emscripten, the app's release
# flags), makes the data sets once, and runs both sides in Chromium.
# Usage: bench/dashboard/run.sh [N...]   (default: 10000 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=build/bench-dashboard
mkdir -p "$out"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)

g++ -std=c++20 -O2 -Icore bench/dashboard/synth.cpp core/datafile.cpp core/model.cpp -o "$out/synth"
for n in "${sizes[@]}"; do
  [ -f "$out/data-$n.bin" ] || "$out/synth" "$n" "$out/data-$n.bin" "$out/data-$n.json"
done
NODE_PATH=/usr/share/nodejs em++ -std=c++20 -Oz -flto -Icore -Iwasm-app \
  bench/dashboard/bench_main.cpp core/datafile.cpp core/filter.cpp core/model.cpp wasm-app/app.cpp \
  -o "$out/bench.js" -sFILESYSTEM=0 -sASSERTIONS=0 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=2GB \
  -sENVIRONMENT=web "-sEXPORTED_FUNCTIONS=[_malloc,_free,_bench_load,_bench_toggle,_bench_selected,_bench_rows,_bench_group]" \
  "-sEXPORTED_RUNTIME_METHODS=[UTF8ToString]"
cp bench/dashboard/bench.html node_modules/crossfilter2/crossfilter.min.js "$out/"
node bench/dashboard/run.mjs "$out" "${sizes[@]}"
