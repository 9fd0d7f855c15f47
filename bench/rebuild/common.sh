# Sourced by the rebuild benchmarks (run from the repository's root, with `n`
# set): `simpul`, the binary measured (SIMPUL_BINARY, else the release build),
# and `content`, the synthetic content of n innovations, made when missing.
simpul=$(realpath "${SIMPUL_BINARY:-build/release/generator/simpul}")
[ -x "$simpul" ] || { echo "bench: no simpul at $simpul (cmake --build build/release)" >&2; exit 1; }
content=build/bench/$n/content
[ -d "$content" ] || node bench/synth/synth.mjs "$n" "build/bench/$n"
