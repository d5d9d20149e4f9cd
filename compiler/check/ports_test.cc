// SPDX-License-Identifier: MIT
#include "compiler/check/ports.h"

#include <gtest/gtest.h>

namespace landlockc::check {
namespace {

class PortsTest : public ::testing::Test {
 protected:
  std::optional<model::PortRange> Check(uint32_t low, std::optional<uint32_t> high = {}) {
    ast::Expr port;
    port.kind = high ? ast::Expr::Kind::kPortRange : ast::Expr::Kind::kPort;
    port.low = low;
    port.high = high.value_or(low);
    return CheckPort(port, diags_);
  }
  std::vector<std::string> Messages() const {
    std::vector<std::string> messages;
    for (const diag::Diagnostic& diagnostic : diags_.diagnostics())
      messages.push_back(diagnostic.id + ": " + diagnostic.message);
    return messages;
  }

  llvm::SourceMgr source_mgr_;
  diag::DiagnosticEngine diags_{source_mgr_};
};

TEST_F(PortsTest, SinglePorts) {
  auto zero = Check(0);
  ASSERT_TRUE(zero);
  EXPECT_EQ(zero->low, 0);
  EXPECT_EQ(zero->high, 0);
  auto top = Check(65535);
  ASSERT_TRUE(top);
  EXPECT_EQ(top->low, 65535);
  EXPECT_EQ(top->high, 65535);
  EXPECT_TRUE(diags_.diagnostics().empty());
}

TEST_F(PortsTest, Ranges) {
  auto range = Check(9000, 9010);
  ASSERT_TRUE(range);
  EXPECT_EQ(range->low, 9000);
  EXPECT_EQ(range->high, 9010);
  auto one = Check(80, 80);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->low, one->high);
  EXPECT_TRUE(diags_.diagnostics().empty());
}

TEST_F(PortsTest, OutOfRange) {
  EXPECT_FALSE(Check(65536));
  EXPECT_FALSE(Check(1, 70000));
  EXPECT_FALSE(Check(70000, 80000));
  EXPECT_EQ(Messages(), (std::vector<std::string>{
                            "port-out-of-range: port 65536 is outside 0..65535",
                            "port-out-of-range: port 70000 is outside 0..65535",
                            "port-out-of-range: port 70000 is outside 0..65535",
                            "port-out-of-range: port 80000 is outside 0..65535",
                        }));
}

TEST_F(PortsTest, Reversed) {
  EXPECT_FALSE(Check(9010, 9000));
  EXPECT_EQ(Messages(), (std::vector<std::string>{
                            "reversed-port-range: port range 9010..9000 is reversed; write "
                            "9000..9010"}));
}

}  // namespace
}  // namespace landlockc::check
