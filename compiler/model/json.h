// SPDX-License-Identifier: MIT
// The checked model as JSON: what `landlockc compile --emit=json` prints and what tests assert.
#ifndef LANDLOCKC_COMPILER_MODEL_JSON_H_
#define LANDLOCKC_COMPILER_MODEL_JSON_H_

#include "compiler/model/model.h"
#include "llvm/Support/JSON.h"

namespace landlockc::model {

/// The version every JSON document landlockc prints carries at its top level (`"version": 1`):
/// `lint`, `compile --emit=json`, `inspect --format=json`, `probe --format=json`. Raised when a
/// key changes meaning; docs/json.md describes each field.
inline constexpr int kJsonVersion = 1;

/// `document` (an object) with `"version": kJsonVersion` added.
llvm::json::Value Versioned(llvm::json::Value document);

/// A port range as every JSON output gives it: a single port as a number (`443`), a range as
/// `{"from": 8000, "to": 8100}`.
llvm::json::Value PortsToJson(const PortRange& ports);

/// The policy as a JSON object: `abi`, `abi_pinned`, `requires_abi` (0 for none), `threads`
/// (a boolean), `highest_abi_used`
/// and `layers`, each layer with `name`, `deny_by_default`, `handled` and `explicit` (right
/// names per category), `log` (settings as written, e.g. "same_exec off"), `fs_grants` (`path`,
/// `rights`, `requested`, `optional`, `via`, `file`, `line`, `column`) and `net_grants` (`ports`
/// as PortsToJson gives them, `rights`, `requested`, `via`, `file`, `line`, `column`). `via` is the
/// `rules` block a grant came through, or null.
llvm::json::Value PolicyToJson(const Policy& policy);

}  // namespace landlockc::model

#endif  // LANDLOCKC_COMPILER_MODEL_JSON_H_
