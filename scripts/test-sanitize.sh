#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The sanitizer job (docs/security.md): builds everything with AddressSanitizer and
# UndefinedBehaviorSanitizer (LANDLOCKC_SANITIZE=address,undefined, no benchmarks) and runs the whole
# suite, stopping at the first finding; then builds the libFuzzer targets with clang-16 (the phases
# built with clang) and runs each target's regression inputs and a smoke run of
# LANDLOCKC_FUZZ_SMOKE_SECONDS seconds (default: the CMake option's, 60). Run it from a clone,
# after scripts/test.sh (.ci/run does).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
# -O1 -g1 (line tables only): what the sanitizers' documentation recommends, and half the compile
# time of -O2 -g (docs/security.md, "CI time"); stack traces keep their file:line.
quick_flags=(-DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG")

cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${quick_flags[@]}" \
  -DLANDLOCKC_SANITIZE=address,undefined -DLANDLOCKC_BUILD_TESTS=ON -DLANDLOCKC_BUILD_BENCHMARKS=OFF \
  >/dev/null
cmake --build build-sanitize
(cd build-sanitize && ctest --no-tests=error --output-on-failure --timeout 600 -j"$(nproc)")

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${quick_flags[@]}" \
  -DCMAKE_C_COMPILER=clang-16 -DCMAKE_CXX_COMPILER=clang++-16 -DLANDLOCKC_FUZZ=ON \
  -DLANDLOCKC_SANITIZE=address,undefined -DLANDLOCKC_BUILD_TESTS=OFF \
  -DLANDLOCKC_BUILD_BENCHMARKS=OFF \
  ${LANDLOCKC_FUZZ_SMOKE_SECONDS:+-DLANDLOCKC_FUZZ_SMOKE_SECONDS="$LANDLOCKC_FUZZ_SMOKE_SECONDS"} >/dev/null
cmake --build build-fuzz --target landlockc_fuzzers
(cd build-fuzz && ctest --no-tests=error --output-on-failure -L fuzz -j"$(nproc)")
