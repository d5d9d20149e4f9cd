// SPDX-License-Identifier: MIT
// Writing a landlockconfig document, JSON or TOML, in the field order of its schema.
#ifndef LANDLOCKC_CONVERT_WRITE_LANDLOCKCONFIG_H_
#define LANDLOCKC_CONVERT_WRITE_LANDLOCKCONFIG_H_

#include <string>

#include "convert/landlockconfig.h"
#include "convert/read_landlockconfig.h"

namespace landlockc::convert {

/// `document` as landlockconfig text in `syntax`, ending with a newline. The `ruleset` holds what
/// the document handles in effect (its rules' rights included), rights are named one by one.
std::string WriteLandlockconfig(const Document& document, Syntax syntax);

}  // namespace landlockc::convert

#endif  // LANDLOCKC_CONVERT_WRITE_LANDLOCKCONFIG_H_
