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

g++ -std=c++20 -O2 -Icore -Igenerator/src bench/dashboard/synth.cpp core/datafile.cpp \
  core/datafile_decode.cpp generator/src/gzip.cpp -o "$out/synth" -ldeflate
# Data sets of another data format version are made again.
version=$(sed -n 's/.*kVersion = \([0-9]*\);.*/\1/p' core/datafile.hpp)
if [ "$(cat "$out/version" 2>/dev/null)" != "$version" ]; then
  rm -f "$out"/data-*.bin* "$out"/texts-*.bin* "$out"/data-*.json
  echo "$version" >"$out/version"
fi
for n in 1000 "${sizes[@]}"; do  # 1000: the warm-up run
  [ -f "$out/texts-$n.bin.gz" ] || "$out/synth" "$n" "$out/data-$n.bin" "$out/texts-$n.bin" "$out/data-$n.json"
done
# The same flags as wasm-app/CMakeLists.txt: the data code and libdeflate's
# decompressor (from Debian's source package, ./dev setup fetches it) at -O2, the rest -Oz.
deflate=${LIBDEFLATE_DIR:-.cache/libdeflate-1.14}
[ -f "$deflate/libdeflate.h" ] || ./dev setup
export NODE_PATH=/usr/share/nodejs
objs=()
for f in deflate_decompress gzip_decompress crc32 utils; do
  emcc ${DEFLATE_OPT:--O2} -mbulk-memory -DNDEBUG -w -I"$deflate" -c "$deflate/lib/$f.c" -o "$out/$f.o"
  objs+=("$out/$f.o")
done
for f in core/datafile.cpp core/datafile_decode.cpp core/filter.cpp core/url.cpp wasm-app/app.cpp \
  wasm-app/app_export.cpp wasm-app/gunzip.cpp; do
  exceptions=()  # as in the app: the data file's decoder throws and catches its own errors
  case "$f" in core/datafile*.cpp) exceptions=(-fwasm-exceptions) ;; esac
  em++ -std=c++20 -O2 -mbulk-memory "${exceptions[@]}" -DNDEBUG -Icore -Iwasm-app -I"$deflate" \
    -c "$f" -o "$out/$(basename "$f").o"
  objs+=("$out/$(basename "$f").o")
done
em++ -std=c++20 -Oz -flto -mbulk-memory -fwasm-exceptions ${LINK_EXTRA:-} -DNDEBUG -Icore -Iwasm-app bench/dashboard/bench_main.cpp "${objs[@]}" \
  -o "$out/bench.js" -sFILESYSTEM=0 -sASSERTIONS=0 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=2GB \
  -sENVIRONMENT=web "-sEXPORTED_FUNCTIONS=[_malloc,_free,_bench_load,_bench_load_texts,_bench_inflate_ms,_bench_texts_inflate_ms,_bench_decode_ms,_bench_app_ms,_bench_toggle,_bench_selected,_bench_rows,_bench_group]" \
  "-sEXPORTED_RUNTIME_METHODS=[UTF8ToString]"
cp bench/dashboard/bench.html node_modules/crossfilter2/crossfilter.min.js "$out/"
[ -n "${BUILD_ONLY:-}" ] && exit 0
node bench/dashboard/run.mjs "$out" "${sizes[@]}"
