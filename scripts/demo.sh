#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The main job, end to end: build everything, compile a policy, lint it, probe the kernel, run `cat`
# under the policy (one allowed and one denied read), and ask `explain` why the denied one was.
# BUILD_DIR picks the build tree (default: build).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
scripts/install-deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLANDLOCKC_BUILD_TESTS=ON -DLANDLOCKC_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build"

landlockc=$build/cli/landlockc
if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold="" plain=""; fi
step() { printf '\n%s$ %s%s\n' "$bold" "$*" "$plain"; }

export DEMO_DIR
DEMO_DIR=$(mktemp -d /tmp/landlockc-demo.XXXXXX)
trap 'rm -rf "$DEMO_DIR"' EXIT
mkdir "$DEMO_DIR/public" "$DEMO_DIR/private"
echo "hello from the public folder" >"$DEMO_DIR/public/hello.txt"
echo "a secret" >"$DEMO_DIR/private/secret.txt"

step landlockc compile examples/cat-public.landlock -o cat-public.llpb
"$landlockc" compile examples/cat-public.landlock -o "$DEMO_DIR/cat-public.llpb"
echo "wrote a $(wc -c <"$DEMO_DIR/cat-public.llpb")-byte blob"

step landlockc lint examples/cat-public.landlock --target host --target debian-12
"$landlockc" lint examples/cat-public.landlock --target host --target debian-12
echo "(no findings: exit 0)"

step landlockc probe
"$landlockc" probe

step landlockc exec cat-public.llpb -- cat public/hello.txt
"$landlockc" exec "$DEMO_DIR/cat-public.llpb" -- cat "$DEMO_DIR/public/hello.txt"

step landlockc exec cat-public.llpb -- cat private/secret.txt
if "$landlockc" exec "$DEMO_DIR/cat-public.llpb" -- cat "$DEMO_DIR/private/secret.txt"; then
  echo "demo: the secret was readable: the policy was not enforced" >&2
  exit 1
fi
echo "(denied by Landlock, as the policy says)"

step "landlockc explain examples/cat-public.landlock --path '\${DEMO_DIR}/private/secret.txt' --access read_file"
"$landlockc" explain examples/cat-public.landlock --path '${DEMO_DIR}/private/secret.txt' \
  --access read_file || true
