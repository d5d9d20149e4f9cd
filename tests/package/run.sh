#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Usage: run.sh CMAKE BUILD_DIR EXAMPLE_DIR LIBDIR CC
# Installs BUILD_DIR into a temporary prefix and uses it as a project would (tests/package/
# CMakeLists.txt). Prints what failed and exits 1 on the first failed check.
set -euo pipefail

cmake=$1 build=$2 example=$3 libdir=$4 cc=$5
work=$(mktemp -d "${TMPDIR:-/tmp}/landlockc-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# Runs a command quietly, showing its output only when it fails.
quiet() {
  local log=$work/last.log
  "$@" >"$log" 2>&1 || { cat "$log" >&2; fail "$*"; }
}

# Builds the example in $1; succeeds when that build compiled the policy.
build_compiles_policy() {
  local log=$work/build.log
  "$cmake" --build "$1" >"$log" 2>&1 || { cat "$log" >&2; fail "building the example in $1"; }
  grep -q "Compiling Landlock policy" "$log"
}

quiet "$cmake" --install "$build" --prefix "$prefix"
for installed in bin/landlockc "$libdir/liblandlockc_runtime.a" include/landlockc/runtime.h \
  share/landlockc/std/runtime.landlock "$libdir/cmake/landlockc/landlockcConfig.cmake" \
  "$libdir/pkgconfig/landlockc.pc"; do
  [[ -f $prefix/$installed ]] || fail "not installed: $installed"
done

cp -r "$example" "$work/src"
mkdir "$work/data"
echo "hello from the data folder" >"$work/data/allowed.txt"
echo "a secret" >"$work/secret.txt"

# Every build of the example, per generator: the first compiles the policy; a second does nothing;
# touching a file the policy includes (the project's own, then the installed std one) recompiles it.
for generator in Ninja "Unix Makefiles"; do
  dir=$work/build-${generator// /-}
  quiet "$cmake" -S "$work/src" -B "$dir" -G "$generator" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_C_COMPILER="$cc"
  generated=$dir/landlockc_policies/embedded/embedded_policy.c
  build_compiles_policy "$dir" ||
    fail "$generator: the first build did not compile the policy"
  [[ -f $dir/landlockc_policies/embedded/include/embedded_policy.h ]] ||
    fail "$generator: no embedded_policy.h"
  ! build_compiles_policy "$dir" ||
    fail "$generator: an up-to-date build compiled the policy again"
  for included in "$work/src/rules/data.landlock" "$prefix/share/landlockc/std/runtime.landlock"; do
    touch "$included"
    build_compiles_policy "$dir" ||
      fail "$generator: touching $included did not recompile the policy"
    [[ $generated -nt $included ]] || fail "$generator: $generated is older than $included"
  done
done

# The program applies its policy: it reads under $EMBEDDED_DATA and is refused anything else
# (EACCES, whose text is "Permission denied").
status=0
output=$(EMBEDDED_DATA=$work/data "$work/build-Ninja/embedded" "$work/data/allowed.txt" \
  "$work/secret.txt") || status=$?
[[ $status == 2 ]] || fail "embedded exited $status (expected 2: one file refused): $output"
expected_reads="$work/data/allowed.txt: hello from the data folder
$work/secret.txt: Permission denied"
[[ $output =~ ^policy\ fully\ enforced\ \(Landlock\ ABI\ [0-9]+\)$'\n'(.*)$ ]] ||
  fail "unexpected first line: $output"
[[ ${BASH_REMATCH[1]} == "$expected_reads" ]] ||
  fail "expected:"$'\n'"$expected_reads"$'\n'"got:"$'\n'"${BASH_REMATCH[1]}"

# Without its variable the policy cannot be applied, and the program says why.
status=0
output=$(env -u EMBEDDED_DATA "$work/build-Ninja/embedded" 2>&1) || status=$?
[[ $status == 1 && $output == "embedded: cannot apply the policy: "*EMBEDDED_DATA* ]] ||
  fail "without EMBEDDED_DATA: exit $status, $output"

# Other build systems: pkg-config for the runtime, the compiler it names for the header.
export PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig
landlockc=$(pkg-config --variable=landlockc landlockc)
[[ $landlockc == "$prefix/bin/landlockc" ]] ||
  fail "pkg-config names the compiler $landlockc"
quiet "$landlockc" compile "$work/src/embedded.landlock" -I "$work/src/rules" --emit=c \
  -o "$work/policy.h"
cat >"$work/validate.c" <<'EOF'
#include <stdio.h>

#include <landlockc/runtime.h>

#include "policy.h"

int main(void) {
  int error = landlockc_validate(embedded_policy, embedded_policy_size, NULL);
  printf("%s\n", landlockc_strerror(error));
  return error != 0;
}
EOF
read -ra flags <<<"$(pkg-config --cflags --libs landlockc)"
[[ ${flags[*]} == "-I$prefix/include -L$prefix/$libdir -llandlockc_runtime" ]] ||
  fail "pkg-config --cflags --libs landlockc: ${flags[*]}"
# CFLAGS and LDFLAGS (set in a sanitizer build) reach the CMake builds above through the environment.
read -ra extra_flags <<<"${CFLAGS:-} ${LDFLAGS:-}"
quiet "$cc" "${extra_flags[@]}" -I"$work" "$work/validate.c" "${flags[@]}" -o "$work/validate"
output=$("$work/validate") || fail "validate: $output"
[[ $output == success ]] || fail "validate printed: $output"
echo "package: install, CMake package (Ninja, Makefiles), depfile and pkg-config: ok"
