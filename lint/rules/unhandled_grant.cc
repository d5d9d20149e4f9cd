// SPDX-License-Identifier: MIT
#include "lint/rules/unhandled_grant.h"

namespace landlockc::lint {

// The compiler finds these grants (compiler/check/layers.cc, LayerBuilder::WarnUnhandled) and
// reports them under this id; the linter passes its warnings on (Lint), so the rule has no `run`
// of its own. It is listed for its page, `--disable`, `# lint:ignore` and SARIF.
constinit const Rule kUnhandledGrantRule = {
    "unhandled-grant",
    diag::Severity::kWarning,
    /*per_target=*/false,
    /*host_only=*/false,
    "A grant names a right its layer does not handle, so it has no effect.",
    "A layer only restricts the rights it handles; granting any other right changes nothing (the "
    "compiler leaves it out of the blob). It usually means the author believed the right was "
    "restricted. Handle the right in that layer, or remove it from the grant. Grants that come "
    "through `use` are generic and are not reported.",
    nullptr,
};

}  // namespace landlockc::lint
