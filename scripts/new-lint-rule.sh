#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Scaffolds a new lint rule: lint/rules/<id>.{h,cc}, lint/rules/<id>_test.cc, docs/lint/<id>.md, its
# line in lint/rules/rules.def (kept in alphabetical order of id; CMake reads sources and tests
# from that list) and its row in the rule table of docs/lint/README.md. Then: write the rule, its
# positive and negative tests, and its page.
#
#   scripts/new-lint-rule.sh <id> <error|warning|note>
#   e.g. scripts/new-lint-rule.sh world-writable warning
set -euo pipefail

usage() {
  echo "usage: $0 <id> <error|warning|note>" >&2
  echo "  <id>: lower-case words joined by '-', e.g. world-writable" >&2
  exit 2
}

[[ $# -eq 2 ]] || usage
id="$1"
severity="$2"
[[ "$id" =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]] || { echo "$0: invalid rule id '$id'" >&2; usage; }
case "$severity" in
  error) severity_enum=kError ;;
  warning) severity_enum=kWarning ;;
  note) severity_enum=kNote ;;
  *) echo "$0: invalid severity '$severity'" >&2; usage ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
file="${id//-/_}"
name="$(echo "$file" | sed -E 's/(^|_)([a-z0-9])/\U\2/g')"
guard="LANDLOCKC_LINT_RULES_$(echo "$file" | tr '[:lower:]' '[:upper:]')_H_"
def="$root/lint/rules/rules.def"

for path in "$root/lint/rules/$file.h" "$root/lint/rules/$file.cc" \
            "$root/lint/rules/${file}_test.cc" "$root/docs/lint/$id.md"; do
  [[ ! -e "$path" ]] || { echo "$0: $path already exists" >&2; exit 1; }
done
if grep -q "^LANDLOCKC_LINT_RULE($file," "$def"; then
  echo "$0: '$id' is already registered" >&2
  exit 1
fi

cat > "$root/lint/rules/$file.h" <<HEADER
// The \`$id\` lint rule. See docs/lint/$id.md.
#ifndef $guard
#define $guard

#include "lint/rule.h"

namespace landlockc::lint {

/// \`$id\`.
extern const Rule k${name}Rule;

}  // namespace landlockc::lint

#endif  // $guard
HEADER

cat > "$root/lint/rules/$file.cc" <<SOURCE
#include "lint/rules/$file.h"

#include "lint/describe.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

// Looks at context.policy (and context.model for what the kernel allows on context.target) and
// reports each finding with context.Report(severity, range, statement, message, notes): the range
// the caret points at (a grant's path_location), the statement \`# lint:ignore\` attaches to (the
// grant's location), and a message in lower case, without a final period, quoting policy text in
// backticks, naming context.target.Describe() when it depends on the target.
void Run(const RuleContext& context) {
  for (const model::Layer& layer : context.policy.layers) {
    for (const model::FsGrant& grant : layer.fs_grants) {
      (void)grant;
    }
  }
}

}  // namespace

constinit const Rule k${name}Rule = {
    "$id",
    diag::Severity::$severity_enum,
    /*per_target=*/false,
    /*host_only=*/false,
    "One sentence: what the rule finds.",
    "Why it matters, and what to do instead.",
    Run,
};

}  // namespace landlockc::lint
SOURCE

cat > "$root/lint/rules/${file}_test.cc" <<TEST
#include "lint/rules/$file.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using ${name}Test = LintTest;

TEST_F(${name}Test, Reports) {
  auto findings = Findings("$id",
                           "abi 10;\\n"
                           "layer main {\\n"
                           "    allow read on \\"/usr\\";\\n"
                           "}\\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "$id", Severity::$severity_enum, 3, 19, "the message");
}

TEST_F(${name}Test, QuietOnAGoodPolicy) {
  EXPECT_TRUE(Findings("$id",
                       "abi 10;\\n"
                       "layer main {\\n"
                       "    allow read on \\"/usr\\";\\n"
                       "}\\n")
                  .empty())
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
TEST

cat > "$root/docs/lint/$id.md" <<DOC
# \`$id\`

**Severity:** $severity. **Target:** target-independent.

## What it finds

One paragraph: when the rule fires.

## Why it matters

What goes wrong for the sandboxed program or the system.

## Failing example

\`\`\`
abi 10;
layer main {
    allow read on "/usr";
}
\`\`\`

\`landlockc lint p.landlock\` reports:

\`\`\`
p.landlock:3:19: $severity: the message [$id]
\`\`\`

## Passing example

\`\`\`
abi 10;
layer main {
    allow read on "/usr";
}
\`\`\`

## What to do instead

How to fix the policy.

Silence one statement with \`# lint:ignore $id reason\` at the end of its line or alone on the
line above it; disable the rule everywhere with \`--disable=$id\`.
DOC

# Insert the registration, keeping the list sorted by id.
python3 - "$def" "$file" "$name" <<'PY'
import re, sys
path, file, name = sys.argv[1:]
lines = open(path).read().split("\n")
entry = f"LANDLOCKC_LINT_RULE({file}, {name})"
rule = re.compile(r"^LANDLOCKC_LINT_RULE\(([a-z0-9_]+),")
positions = [i for i, line in enumerate(lines) if rule.match(line)]
key = lambda f: f.replace("_", "-")
at = positions[-1] + 1
for i in positions:
    if key(rule.match(lines[i]).group(1)) > key(file):
        at = i
        break
lines.insert(at, entry)
open(path, "w").write("\n".join(lines))
PY

# Add the rule's row to the table in docs/lint/README.md, keeping it sorted by id.
python3 - "$root/docs/lint/README.md" "$id" "$severity" <<'PY'
import re, sys
path, id, severity = sys.argv[1:]
lines = open(path).read().split("\n")
row = re.compile(r"^\| `([a-z0-9-]+)` \|")
positions = [i for i, line in enumerate(lines) if row.match(line)]
entry = f"| `{id}` | {severity} | [{id}.md]({id}.md) |"
at = positions[-1] + 1
for i in positions:
    if row.match(lines[i]).group(1) > id:
        at = i
        break
lines.insert(at, entry)
open(path, "w").write("\n".join(lines))
PY

if command -v clang-format > /dev/null; then
  clang-format -i "$root/lint/rules/$file.h" "$root/lint/rules/$file.cc" \
    "$root/lint/rules/${file}_test.cc"
fi

echo "created lint/rules/$file.{h,cc}, lint/rules/${file}_test.cc, docs/lint/$id.md"
echo "registered in lint/rules/rules.def and the table of docs/lint/README.md"
