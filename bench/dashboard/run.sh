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

g++ -std=c++20 -O2 -Icore bench/dashboard/synth.cpp core/datafile.cpp -o "$out/synth"
for n in 1000 "${sizes[@]}"; do  # 1000: the warm-up run
  if [ ! -f "$out/texts-$n.bin" ]; then  # (data sets of the one-file layout are made again)
    "$out/synth" "$n" "$out/data-$n.bin" "$out/texts-$n.bin" "$out/data-$n.json"
    rm -f "$out/data-$n.bin.gz" "$out/texts-$n.bin.gz"
  fi
  for f in data texts; do  # gzip -9, as simpul build writes them
    [ -f "$out/$f-$n.bin.gz" ] || gzip -9 -n -k "$out/$f-$n.bin"
  done
done
# The same flags as wasm-app/CMakeLists.txt: the data code at -O2, the rest -Oz.
export NODE_PATH=/usr/share/nodejs
objs=()
for f in core/datafile.cpp core/filter.cpp core/url.cpp wasm-app/app.cpp wasm-app/app_export.cpp; do
  em++ -std=c++20 -O2 -DNDEBUG -Icore -Iwasm-app -c "$f" -o "$out/$(basename "$f").o"
  objs+=("$out/$(basename "$f").o")
done
em++ -std=c++20 -Oz -flto -DNDEBUG -Icore -Iwasm-app bench/dashboard/bench_main.cpp "${objs[@]}" \
  -o "$out/bench.js" -sFILESYSTEM=0 -sASSERTIONS=0 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=2GB \
  -sENVIRONMENT=web "-sEXPORTED_FUNCTIONS=[_malloc,_free,_bench_load,_bench_load_texts,_bench_decode_ms,_bench_app_ms,_bench_toggle,_bench_selected,_bench_rows,_bench_group]" \
  "-sEXPORTED_RUNTIME_METHODS=[UTF8ToString]"
cp bench/dashboard/bench.html node_modules/crossfilter2/crossfilter.min.js "$out/"
node bench/dashboard/run.mjs "$out" "${sizes[@]}"
