#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Whole-process cost of `landlockc learn` (tracing, proposal, lint) on two system-call-heavy jobs,
# against the same job untraced and under `strace -f -e trace=%file,%network -o /dev/null`:
# a 20-file C build with make, and `tar czf` of a tree of 2,000 files. Prints the median wall time
# of RUNS runs of each, interleaved. The in-process tracer alone: bench/learn/learn_bench.cc.
#
#   scripts/bench-learn.sh [LANDLOCKC] [RUNS]
set -euo pipefail

landlockc=${1:-build/cli/landlockc}
runs=${2:-5}
landlockc=$(realpath "$landlockc")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/proj"
printf 'OBJS := $(patsubst %%.c,%%.o,$(wildcard *.c))\nprog: $(OBJS)\n\tcc -o $@ $^\n' >"$work/proj/Makefile"
echo 'int main(void) { return 0; }' >"$work/proj/f0.c"
for i in $(seq 1 19); do
  printf '#include <string.h>\nint f%d(const char* s) { return (int)strlen(s) + %d; }\n' "$i" "$i" \
    >"$work/proj/f$i.c"
done
for d in $(seq 0 19); do
  mkdir -p "$work/tree/d$d"
  for f in $(seq 0 99); do echo "file $d/$f" >"$work/tree/d$d/f$f.txt"; done
done

# Seconds one run of "$@" takes, output discarded.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

bench() {
  local name=$1
  shift
  local untraced=() learned=() straced=()
  for _ in $(seq "$runs"); do
    untraced+=("$(seconds "$@")")
    learned+=("$(seconds "$landlockc" learn -o "$work/learned.landlock" -- "$@")")
    straced+=("$(seconds strace -f -e trace=%file,%network -o /dev/null "$@")")
  done
  local u l s
  u=$(printf '%s\n' "${untraced[@]}" | median)
  l=$(printf '%s\n' "${learned[@]}" | median)
  s=$(printf '%s\n' "${straced[@]}" | median)
  printf '%-22s untraced %6.2fs  learn %6.2fs (%.2fx)  strace %6.2fs (%.2fx)\n' "$name" "$u" "$l" \
    "$(echo "$l / $u" | bc -l)" "$s" "$(echo "$s / $u" | bc -l)"
}

bench "make, 20 C files" make -s -B -C "$work/proj"
bench "tar czf, 2000 files" tar czf "$work/tree.tgz" -C "$work" tree
