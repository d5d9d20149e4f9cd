// SPDX-License-Identifier: MIT
// Reading landlockconfig, JSON or TOML, with its schema's checks: unknown fields, wrong types and
// refused values are diagnostics (TOML ones at their line; JSON ones name the field's path).
#ifndef LANDLOCKC_CONVERT_READ_LANDLOCKCONFIG_H_
#define LANDLOCKC_CONVERT_READ_LANDLOCKCONFIG_H_

#include <optional>

#include "compiler/diag/diagnostics.h"
#include "convert/landlockconfig.h"
#include "llvm/Support/Error.h"

namespace landlockc::convert {

enum class Syntax { kJson, kToml };

/// Reads the landlockconfig document in buffer `buffer_id` of `diags`' SourceMgr. Returns nullopt
/// after reporting every problem found.
std::optional<Document> ReadLandlockconfig(unsigned buffer_id, Syntax syntax,
                                           diag::DiagnosticEngine& diags);

/// The paths `text` (a landlockconfig template: `${name}` and `$$`) stands for with `variables`,
/// or the reason it stands for none.
llvm::Expected<std::vector<std::string>> ExpandTemplate(llvm::StringRef text,
                                                        const std::vector<Variable>& variables);

}  // namespace landlockc::convert

#endif  // LANDLOCKC_CONVERT_READ_LANDLOCKCONFIG_H_
