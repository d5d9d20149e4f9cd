#!/usr/bin/env bash
# Builds landlockc and runs the main job: compile a policy, lint it, then run `cat` under it and
# show one allowed and one denied access.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build

landlockc=build/cli/landlockc
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

export DEMO_DIR
DEMO_DIR=$(mktemp -d /tmp/landlockc-demo.XXXXXX)
trap 'rm -rf "$DEMO_DIR"' EXIT
mkdir "$DEMO_DIR/public" "$DEMO_DIR/private"
echo "hello from the public folder" >"$DEMO_DIR/public/hello.txt"
echo "a secret" >"$DEMO_DIR/private/secret.txt"

step landlockc compile examples/cat-public.landlock -o "$DEMO_DIR/cat-public.llpb"
"$landlockc" compile examples/cat-public.landlock -o "$DEMO_DIR/cat-public.llpb"
ls -l "$DEMO_DIR/cat-public.llpb"

step landlockc lint examples/cat-public.landlock --target host --target debian-12
"$landlockc" lint examples/cat-public.landlock --target host --target debian-12 --fail-on=error

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

step landlockc explain examples/cat-public.landlock --path '${DEMO_DIR}/private/secret.txt' --access read_file
"$landlockc" explain examples/cat-public.landlock --path '${DEMO_DIR}/private/secret.txt' \
  --access read_file || true
