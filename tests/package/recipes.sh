#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Usage: recipes.sh CMAKE BUILD_DIR LIBDIR DOC
# Runs the build recipes of DOC (docs/cmake.md) as a user would copy them: installs BUILD_DIR into
# a temporary prefix, then for each recipe (make, meson, cc) writes the files of the blocks tagged
# `recipe=NAME file=F` or `recipe=all file=F` into a directory of its own, runs its
# `recipe=NAME run` block there with the prefix's bin/ on PATH and its pkg-config file found, and
# runs the program it built. Make and Meson must then rebuild the policy when it changes. Prints
# what failed and exits 1.
set -euo pipefail

cmake=$1 build=$2 libdir=$3 doc=$4
work=$(mktemp -d "${TMPDIR:-/tmp}/landlockc-recipes.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

quiet() {
  local log=$work/last.log
  "$@" >"$log" 2>&1 || { cat "$log" >&2; fail "$*"; }
}

# The body of every fenced block of DOC whose info string matches the awk regex $1, concatenated.
blocks() {
  awk -v want="$1" '
    /^```/ && open { open = 0; next }
    /^```/ { open = ($0 ~ want); next }
    open { print }' "$doc"
}

quiet "$cmake" --install "$build" --prefix "$prefix"
export PATH=$prefix/bin:$PATH PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig

for recipe in make meson cc; do
  dir=$work/$recipe
  mkdir "$dir"
  files=$(grep -oE "^\`\`\`[a-z]* recipe=($recipe|all) file=[^ ]+" "$doc" | sed 's/.* file=//' |
    sort -u)
  [[ -n $files ]] || fail "$doc has no files for the $recipe recipe"
  for file in $files; do
    blocks "^\`\`\`[a-z]* recipe=($recipe|all) file=${file//./\\.}\$" >"$dir/$file"
  done
  blocks "^\`\`\`sh recipe=$recipe run\$" >"$dir/run.sh"
  [[ -s $dir/run.sh ]] || fail "$doc has no \`sh recipe=$recipe run\` block"
  (cd "$dir" && quiet bash -euo pipefail run.sh)
  [[ -x $dir/app ]] || fail "$recipe: the recipe built no ./app"
  output=$(cd "$dir" && ./app /usr/include/stdio.h /etc/passwd) ||
    fail "$recipe: ./app failed: $output"
  [[ $output == "/usr/include/stdio.h: readable"$'\n'"/etc/passwd: denied" ]] ||
    fail "$recipe: ./app printed:"$'\n'"$output"
done

# The depfile at work: after a file the policy includes changes, Make and Meson compile it again.
for recipe in make meson; do
  dir=$work/$recipe
  echo 'include "extra.landlock"; use extra;' >>"$dir/app.landlock"
  echo 'rules extra { allow read on "/usr"; }' >"$dir/extra.landlock"
  (cd "$dir" && quiet bash -euo pipefail run.sh)
  output=$(cd "$dir" && ./app /etc/passwd)
  [[ $output == "/etc/passwd: denied" ]] || fail "$recipe: with extra.landlock: $output"
  echo 'rules extra { allow read on "/etc"; }' >"$dir/extra.landlock"
  (cd "$dir" && quiet bash -euo pipefail run.sh)
  output=$(cd "$dir" && ./app /etc/passwd)
  [[ $output == "/etc/passwd: readable" ]] ||
    fail "$recipe: changing the included extra.landlock did not recompile the policy: $output"
done
echo "docs recipes: make, meson, cc build a program that applies its policy: ok"
