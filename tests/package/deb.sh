#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Usage: deb.sh BUILD_DIR EXAMPLE_DIR VERSION
# The Debian package as a user meets it (tests/package/CMakeLists.txt): `cpack -G DEB` from the
# build tree makes landlockc_<version>_<arch>.deb with dpkg-shlibdeps' Depends and every install
# component in it, the tool stripped. As root (CI) it is installed with `dpkg -i` and removed with
# `dpkg -r` afterwards, even on failure; otherwise it is unpacked into a scratch root with
# `dpkg-deb -x`. Either way examples/embedded is built against it and run, and the man pages and
# completions are found where man and the shells look. Exits 1 on the first failed check.
set -euo pipefail

build=$1 example=$2 version=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/landlockc-deb.XXXXXX")
installed=false
cleanup() {
  if $installed; then dpkg -r landlockc >/dev/null 2>&1 || echo "FAIL: dpkg -r landlockc" >&2; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# Runs a command quietly, showing its output only when it fails.
quiet() {
  local log=$work/last.log
  "$@" >"$log" 2>&1 || { cat "$log" >&2; fail "$*"; }
}

quiet cpack --config "$build/CPackConfig.cmake" -B "$work/out" -G DEB
deb=$work/out/landlockc_${version}_$(dpkg --print-architecture).deb
[[ -f $deb ]] || fail "cpack made no $(basename "$deb"): $(ls "$work/out")"

# Contents: every component.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
for path in /usr/bin/landlockc /usr/bin/landlockc-exec /usr/lib/liblandlockc_runtime.a /usr/include/landlockc/runtime.h \
  /usr/share/landlockc/std/runtime.landlock /usr/lib/cmake/landlockc/landlockcConfig.cmake \
  /usr/lib/pkgconfig/landlockc.pc /usr/share/man/man1/landlockc.1 \
  /usr/share/man/man1/landlockc-lint.1 /usr/share/man/man1/landlockc-compile.1 \
  /usr/share/man/man5/landlockc.landlock.5 /usr/share/bash-completion/completions/landlockc \
  /usr/share/zsh/vendor-completions/_landlockc /usr/share/fish/vendor_completions.d/landlockc.fish \
  /usr/share/vim/vimfiles/syntax/landlock.vim /usr/share/vim/vimfiles/ftdetect/landlock.vim \
  /usr/share/landlockc/editors/vscode/syntaxes/landlock.tmLanguage.json \
  /usr/share/doc/landlockc/LICENSE /usr/share/doc/landlockc/cli.md; do
  grep -qxF "$path" "$work/contents" || fail "the package lacks $path"
done

# Control: the name, version and architecture it was built for; Depends from dpkg-shlibdeps
# (the tool links libc dynamically, and the C++ library statically: cli/CMakeLists.txt).
[[ $(dpkg-deb -f "$deb" Package) == landlockc ]] || fail "Package: $(dpkg-deb -f "$deb" Package)"
[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "Version: $(dpkg-deb -f "$deb" Version)"
depends=$(dpkg-deb -f "$deb" Depends)
[[ $depends == *"libc6 (>= "* ]] || fail "Depends is not dpkg-shlibdeps': $depends"
[[ $depends != *"libstdc++6"* && $depends != *"libgcc-s1"* ]] ||
  fail "Depends names the C++ library the tool links statically: $depends"

# The tool is stripped.
dpkg-deb -x "$deb" "$work/root"
for tool in landlockc landlockc-exec; do
  if readelf -S "$work/root/usr/bin/$tool" | grep -qE '\.symtab|\.debug_'; then
    fail "usr/bin/$tool is not stripped"
  fi
done

# Install it: for real as root, else use the unpacked tree (the CMake package is relocatable).
if [[ $(id -u) == 0 ]] && ! dpkg-query -W landlockc >/dev/null 2>&1; then
  installed=true
  quiet dpkg -i "$deb"
  prefix=/usr
  [[ $(dpkg-query -W -f='${Status}' landlockc) == "install ok installed" ]] ||
    fail "dpkg does not list landlockc as installed"
  # What `man landlockc-lint` opens.
  if command -v man >/dev/null; then
    [[ $(man -w landlockc-lint) == /usr/share/man/man1/landlockc-lint.1* ]] ||
      fail "man -w landlockc-lint: $(man -w landlockc-lint 2>&1)"
    LC_ALL=C MANWIDTH=80 man landlockc-lint 2>&1 | grep -q -- "--disable=<id>" ||
      fail "man landlockc-lint does not show --disable"
  fi
  [[ $(/usr/bin/landlockc --version) == "landlockc $version"* ]] || fail "/usr/bin/landlockc --version"
  cmake_prefix=()
else
  echo "not root or landlockc already installed: testing the unpacked package (dpkg-deb -x)"
  prefix=$work/root/usr
  cmake_prefix=(-DCMAKE_PREFIX_PATH="$prefix")
fi

# The launcher finds the driver beside it: given no policy, it hands over and the driver says so.
status=0
message=$("$prefix/bin/landlockc-exec" 2>&1) || status=$?
[[ $status == 125 && $message == "landlockc: error: no policy given"* ]] ||
  fail "landlockc-exec does not hand over to the packaged landlockc ($status): $message"

# The completions load in each shell, from where the package put them.
bash -c "source $prefix/share/bash-completion/completions/landlockc && complete -p landlockc" \
  >/dev/null || fail "the bash completion does not load"
if command -v zsh >/dev/null; then
  zsh -n "$prefix/share/zsh/vendor-completions/_landlockc" || fail "the zsh completion"
fi
if command -v fish >/dev/null; then
  fish --no-execute "$prefix/share/fish/vendor_completions.d/landlockc.fish" ||
    fail "the fish completion"
fi

# examples/embedded against the package: find_package(landlockc), the policy compiled by the
# packaged compiler, the program sandboxes itself.
cp -r "$example" "$work/src"
mkdir "$work/data"
echo "hello from the data folder" >"$work/data/allowed.txt"
echo "a secret" >"$work/secret.txt"
quiet cmake -S "$work/src" -B "$work/embedded" "${cmake_prefix[@]}"
quiet cmake --build "$work/embedded"
grep -q "landlockc_EXECUTABLE:FILEPATH=$prefix/bin/landlockc\|landlockc_DIR:PATH=$prefix/lib/cmake/landlockc" \
  "$work/embedded/CMakeCache.txt" || fail "the example did not use the package under $prefix"
status=0
output=$(EMBEDDED_DATA=$work/data "$work/embedded/embedded" "$work/data/allowed.txt" \
  "$work/secret.txt") || status=$?
[[ $status == 2 ]] || fail "embedded exited $status (expected 2: one file refused): $output"
[[ $output == *"$work/data/allowed.txt: hello from the data folder"* &&
  $output == *"$work/secret.txt: Permission denied"* ]] || fail "embedded printed: $output"
echo "package: $(basename "$deb") (Depends: $depends) builds, installs and embeds: ok"
