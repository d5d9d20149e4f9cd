#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Usage: tests/fuzz/make_blob_seeds.sh LANDLOCKC
# Rewrites the blob target's seeds (tests/fuzz/corpus/blob/) with LANDLOCKC (a built `landlockc`):
# the blob of every example policy, and of a one-layer policy using each std block. Run it when the
# blob format or the examples change.
set -euo pipefail
landlockc=$(realpath "$1")
cd "$(dirname "$0")/../.."
out=tests/fuzz/corpus/blob
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$out"/*.llpb
for policy in examples/*.landlock examples/*/*.landlock; do
  [[ -f $policy ]] || continue
  name=$(basename "$(dirname "$policy")")-$(basename "$policy" .landlock)
  includes=()
  [[ -d $(dirname "$policy")/rules ]] && includes=(-I "$(dirname "$policy")/rules")
  "$landlockc" compile "$policy" "${includes[@]}" -o "$out/example-${name#examples-}.llpb"
done
for block in std/*.landlock; do
  name=$(basename "$block" .landlock)
  printf 'abi 7;\ninclude "std/%s.landlock";\nlayer %s {\n    use %s;\n}\n' "$name" "$name" "$name" \
    >"$work/$name.landlock"
  "$landlockc" compile "$work/$name.landlock" -o "$out/std-$name.llpb"
done
ls "$out"
