#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds landlockc with its tests and runs them all with ctest (installs missing packages first).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLANDLOCKC_BUILD_TESTS=ON -DLANDLOCKC_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build
cd build
ctest --no-tests=error --output-on-failure --timeout 600 -j"$(nproc)"
