#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Usage: default_configure.sh CMAKE SOURCE_DIR
# Configures SOURCE_DIR as `cmake -S . -B build` does, with GoogleTest and Google Benchmark made
# unfindable, and checks the result: a Release build without tests or benchmarks.
set -euo pipefail
cmake=$1 source=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/landlockc-configure.XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

"$cmake" -S "$source" -B "$work/build" -DCMAKE_DISABLE_FIND_PACKAGE_GTest=ON \
  -DCMAKE_DISABLE_FIND_PACKAGE_benchmark=ON >"$work/log" 2>&1 ||
  { cat "$work/log" >&2; fail "a plain configure failed without GoogleTest and Google Benchmark"; }
cache=$work/build/CMakeCache.txt
grep -qx "CMAKE_BUILD_TYPE:STRING=Release" "$cache" || fail "$(grep CMAKE_BUILD_TYPE: "$cache")"
grep -qx "LANDLOCKC_BUILD_TESTS:BOOL=OFF" "$cache" || fail "tests are built by default"
grep -qx "LANDLOCKC_BUILD_BENCHMARKS:BOOL=OFF" "$cache" || fail "benchmarks are built by default"
[[ ! -e $work/build/CTestTestfile.cmake ]] || fail "a plain configure registered tests"
echo "default configure: Release, no tests, no benchmarks, no GoogleTest needed: ok"
