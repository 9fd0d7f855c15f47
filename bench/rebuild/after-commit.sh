#!/usr/bin/env bash
# The rebuild after a git commit (bench/README.md, thirteenth session): the synthetic
# content of N innovations in a git repository of COMMITS+1 commits (one adding every
# file, then one-file edits; made once in build/bench-git-N-COMMITS), built once, then
# ROUNDS times: a title edited, committed, built again. Prints each build's stages.
# With BASE set to another simpul binary, that binary does the same on its own copy after.
# Usage: bench/rebuild/after-commit.sh [N] [COMMITS] [ROUNDS]   (default 10000 300 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
commits=${2:-300}
rounds=${3:-3}
. bench/rebuild/common.sh  # simpul, content
templates=$(realpath site-template)
git_() { git -c user.name=Bench -c user.email=bench@example.org "$@"; }
repo=build/bench-git-$n-$commits
if [ ! -f "$repo/.done" ]; then
  rm -rf "$repo"
  mkdir -p "$repo"
  cp -r "$content" "$repo/content"
  (
    cd "$repo"
    git_ init -q .
    git_ add -A
    git_ commit -qm "Katalog"
    mapfile -t files < <(ls content/innovations | head -n "$commits")
    for i in "${!files[@]}"; do
      echo "<!-- $i -->" >>"content/innovations/${files[$i]}"
      git_ commit -qam "Ubah ${files[$i]}"
    done
  )
  touch "$repo/.done"
fi
export SIMPUL_PAGEFIND=off  # Pagefind indexes the whole site on every build
for binary in "$simpul" ${BASE:+"$(realpath "$BASE")"}; do
  work=build/bench-git-work
  rm -rf "$work"
  cp -r "$repo" "$work"
  echo "$binary:"
  (
    cd "$work"
    file=content/innovations/$(ls content/innovations | sed -n "$((n / 2))p")
    "$binary" build content -o out --templates "$templates" | grep -E '^(stages|Built)' | tr '\n' ' '
    echo "(first build)"
    for i in $(seq "$rounds"); do
      sed -i "0,/^title: /s/^\(title: .*\)\"$/\1 c$i\"/" "$file"
      git_ commit -qam "Judul $i"
      "$binary" build content -o out --templates "$templates" | grep -E '^(stages|Built)' | tr '\n' ' '
      echo
    done
  )
done
rm -rf build/bench-git-work
