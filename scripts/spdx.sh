#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Gives every source file of the repository the line `SPDX-License-Identifier: MIT` as its first
# line (second after a `#!` line), in the file's comment syntax. Run it after adding files; it
# changes only files that lack the line.
# Usage: scripts/spdx.sh [--check]   --check: change nothing, list the files that lack it, exit 1
# if any does (ctest `license.spdx`).
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
[[ ${1:-} == --check ]] && check=true

# Tracked files in a checkout; every file outside build trees otherwise (a source archive).
list_files() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files --cached --others --exclude-standard
  else
    find . -type f -not -path './.git/*' -not -path './build*' | sed 's|^\./||'
  fi
}

# The SPDX line in the comment syntax of file $1, or nothing for a file that carries none.
spdx_line() {
  case "$1" in
    runtime/include/*.h | *.c) echo "/* SPDX-License-Identifier: MIT */" ;;
    *.h | *.cc | *.g4) echo "// SPDX-License-Identifier: MIT" ;;
    *.cmake | */CMakeLists.txt | CMakeLists.txt | *.sh | *.py) echo "# SPDX-License-Identifier: MIT" ;;
    *) ;;
  esac
}

missing=()
while IFS= read -r file; do
  [[ -f $file ]] || continue
  line=$(spdx_line "$file")
  [[ -n $line ]] || continue
  head -n 2 "$file" | grep -q "SPDX-License-Identifier: MIT" && continue
  missing+=("$file")
  $check && continue
  if [[ $(head -c 2 "$file") == "#!" ]]; then
    { head -n 1 "$file"; echo "$line"; tail -n +2 "$file"; } >"$file.spdx"
  else
    { echo "$line"; cat "$file"; } >"$file.spdx"
  fi
  chmod --reference="$file" "$file.spdx"
  mv "$file.spdx" "$file"
done < <(list_files)

if $check; then
  if ((${#missing[@]})); then
    printf 'missing `SPDX-License-Identifier: MIT` (scripts/spdx.sh adds it): %s\n' "${missing[@]}" >&2
    exit 1
  fi
  echo "spdx: every source file carries SPDX-License-Identifier: MIT"
elif ((${#missing[@]})); then
  echo "spdx: added the line to ${#missing[@]} files"
fi
