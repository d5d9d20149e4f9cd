// The JSON, markdown and SARIF forms of a report, and the exit status for each --fail-on.
#include "diff/output.h"

#include <gtest/gtest.h>

#include "diff/testing/diff_testing.h"

namespace landlockc::diff {
namespace {}  // namespace
}  // namespace landlockc::diff
