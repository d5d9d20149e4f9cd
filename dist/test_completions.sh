#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Usage: test_completions.sh COMPLETIONS_DIR WORDS
# Drives the generated completions as the shells do: bash's function with COMP_WORDS, COMP_CWORD,
# COMP_LINE and COMP_POINT set as bash sets them; fish with `complete -C`; zsh is syntax-checked
# (its _arguments needs an interactive completion widget). Prints what failed, exits 1.
set -uo pipefail
dir=$1 words=$2
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

work=$(mktemp -d "${TMPDIR:-/tmp}/landlockc-completions.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/policies/sub" "$work/bin"
printf '#!/bin/sh\n' >"$work/bin/landlockc-test-tool"
chmod +x "$work/bin/landlockc-test-tool"
PATH=$work/bin:$PATH
touch "$work/policies/web.landlock" "$work/policies/web.llpb" "$work/policies/notes.txt" \
  "$work/policies/web.json" "$work/policies/web.toml"
cd "$work"

# shellcheck source=/dev/null
source "$dir/bash/landlockc"

# complete LINE: the replies for the cursor at the end of LINE, sorted, one line.
complete_bash() {
  COMP_LINE=$1 COMP_POINT=${#1}
  local IFS=$' \t\n'
  # bash splits words at spaces and at the COMP_WORDBREAKS characters `=` and `:`.
  read -ra COMP_WORDS <<<"$(sed -e 's/\([=:]\)/ \1 /g' <<<"$1")"
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  [[ $1 == *" " ]] && COMP_CWORD=$((COMP_CWORD + 1)) COMP_WORDS+=("")
  COMPREPLY=()
  _landlockc
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}

expect_bash() {
  local got
  got=$(complete_bash "$1")
  [[ $got == "$2" ]] || fail "bash: \`$1\` completed to \`$got\`, expected \`$2\`"
}

# Names from the tool's own tables.
rules=$(awk -F'\t' '$1 == "rule" {print $2}' "$words" | sort | tr '\n' ' ' | sed 's/ $//')
[[ -n $rules ]] || fail "no lint rules in $words"
debian=$(awk -F'\t' '$1 == "target" && $2 ~ /^debian-/ {print $2}' "$words" | sort | tr '\n' ' ' |
  sed 's/ $//')
[[ -n $debian ]] || fail "no debian targets in $words"

expect_bash "landlockc " "check compile convert diff exec explain fmt inspect learn lint lsp probe"
expect_bash "landlockc com" "compile"
expect_bash "landlockc con" "convert"
expect_bash "landlockc convert --to=" "landlock landlockconfig-json landlockconfig-toml"
expect_bash "landlockc convert --l" "--lossy"
expect_bash "landlockc convert policies/w" "policies/web.json policies/web.landlock policies/web.llpb policies/web.toml"
expect_bash "landlockc -" "--help --version"
expect_bash "landlockc fmt -" "--check --color= --help -i"
expect_bash "landlockc lint --f" "--fail-on= --format="
expect_bash "landlockc lint --format=" "json sarif text"
expect_bash "landlockc lint --format=s" "sarif"
expect_bash "landlockc lint --disable=" "$rules"
expect_bash "landlockc lint --disable " "$rules"
expect_bash "landlockc lint --target=debian" "$debian"
# After `abi:` readline replaces only what follows the colon.
expect_bash "landlockc lint --target=abi:1" "1 10"
expect_bash "landlockc explain p --access=connect" "connect_send_udp connect_tcp"
expect_bash "landlockc explain p --kind=" "dir file"
expect_bash "landlockc compile --emit=" "blob c json"
expect_bash "landlockc compile policies/" "policies/sub policies/web.landlock"
expect_bash "landlockc inspect policies/w" "policies/web.landlock policies/web.llpb"
expect_bash "landlockc compile -I pol" "policies"
expect_bash "landlockc lint -I policies/" "policies/sub"
expect_bash "landlockc probe " ""
expect_bash "landlockc ls" "lsp"
expect_bash "landlockc lsp " ""
expect_bash "landlockc exec policies/web.llpb -- landlockc-test-t" "landlockc-test-tool"
expect_bash "landlockc exec policies/web.llpb -- landlockc-test-tool pol" "policies"

# fish: the same questions through its own completion engine.
if command -v fish >/dev/null; then
  expect_fish() {
    local got
    got=$(fish --no-config -c "source $dir/fish/landlockc.fish; complete -C '$1'" | cut -f1 | sort |
      tr '\n' ' ' | sed 's/ $//')
    [[ $got == "$2" ]] || fail "fish: \`$1\` completed to \`$got\`, expected \`$2\`"
  }
  expect_fish "landlockc li" "lint"
  expect_fish "landlockc ls" "lsp"
  expect_fish "landlockc lint --format=" "--format=json --format=sarif --format=text"
  expect_fish "landlockc lint --disable=write" "--disable=write-execute"
  expect_fish "landlockc lint --target=debian-1" "--target=debian-11 --target=debian-12 --target=debian-13"
  expect_fish "landlockc fmt --ch" "--check"
  expect_fish "landlockc check policies/" "policies/sub/ policies/web.landlock"
  expect_fish "landlockc inspect policies/w" "policies/web.landlock policies/web.llpb"
  expect_fish "landlockc convert policies/web." "policies/web.json policies/web.landlock policies/web.llpb policies/web.toml"
else
  fail "fish is not installed (scripts/install-deps.sh installs it)"
fi

if command -v zsh >/dev/null; then
  zsh -n "$dir/zsh/_landlockc" || fail "zsh: syntax error in _landlockc"
  # Loaded as zsh loads it (an autoloaded function), it defines _landlockc.
  zsh -f -c "fpath=($dir/zsh \$fpath); autoload -Uz _landlockc; whence -w _landlockc" |
    grep -q "function" || fail "zsh: _landlockc does not load"
else
  fail "zsh is not installed (scripts/install-deps.sh installs it)"
fi

((failures == 0)) || exit 1
echo "completions: bash, fish, zsh: ok"
