#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages landlockc needs to build and test, skipping those present.
# Uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  antlr4 libantlr4-runtime-dev default-jre-headless
  llvm-14-dev zlib1g-dev libncurses-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  clang-format-14 binutils
  ca-certificates openssl git python3
  libtomlplusplus-dev python3-yaml python3-jsonschema python3-rfc3987
  libseccomp-dev strace curl tar gzip make bc
  man-db groff-base zsh fish vim dpkg-dev meson
  clang-16 libclang-rt-16-dev
  apparmor  # apparmor_parser: the compile baseline of scripts/bench-compare
  gnuplot-nox  # scripts/bench-report's plots
  neovim emacs-nox elpa-eglot  # tests/editors: the language server in real editors
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
