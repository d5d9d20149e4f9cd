#!/bin/sh
# SPDX-License-Identifier: MIT
# Prints the runtime's size as a program linking it pays: the library's objects linked into one
# (`ld -r`, which merges what several objects share), then `size`: Berkeley text (machine code
# plus read-only data) and the machine code alone (.text sections); then the largest functions and
# tables, where any growth shows first. Fails when the text passes the budget (docs/performance.md):
# the ctest landlockc_runtime_text_budget runs it too.
# Usage: measure_size.sh liblandlockc_runtime.a
set -eu
budget=8192
library=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
ar x "$library"
ld -r -o runtime.o ./*.o
size runtime.o
text=$(size runtime.o | awk 'NR == 2 { print $1 }')
size -A runtime.o | awk '$1 ~ /^\.text/ { code += $2 } $1 ~ /^\.rodata/ { rodata += $2 }
  END { printf "machine code (.text): %d bytes\nread-only data (.rodata): %d bytes\n", code, rodata }'
echo "largest symbols (bytes):"
nm --size-sort --reverse-sort -S -C runtime.o | awk '$3 ~ /^[TtRr]$/' | head -12 |
  while read -r address size type name; do printf "%6d  %s\n" "0x$size" "$name"; done
if [ "$text" -gt "$budget" ]; then
  echo "runtime text: $text bytes, over the budget of $budget" >&2
  exit 1
fi
echo "runtime text: $text bytes, within the budget of $budget"
