// The checked model as JSON: what `landlockc compile --emit=json` prints and what tests assert.
#ifndef LANDLOCKC_COMPILER_MODEL_JSON_H_
#define LANDLOCKC_COMPILER_MODEL_JSON_H_

#include "compiler/model/model.h"
#include "llvm/Support/JSON.h"

namespace landlockc::model {

/// The policy as a JSON object: `abi`, `abi_pinned`, `requires`, `threads`, `highest_abi_used`
/// and `layers`, each layer with `name`, `deny_by_default`, `handled` and `explicit` (right
/// names per category), `log` (settings as written, e.g. "same_exec off"), `fs_grants` (`path`,
/// `rights`, `requested`, `optional`, `via`, `file`, `line`, `column`) and `net_grants` (`ports`
/// as "80" or "9000-9010", `rights`, `requested`, `via`, `file`, `line`, `column`). `via` is the
/// `rules` block a grant came through, or null.
llvm::json::Value PolicyToJson(const Policy& policy);

}  // namespace landlockc::model

#endif  // LANDLOCKC_COMPILER_MODEL_JSON_H_
