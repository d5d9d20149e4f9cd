// SPDX-License-Identifier: MIT
// Real kernel outcomes of converted policies: a policy and its round trip through landlockconfig,
// and a landlockconfig document converted to a policy, applied by the runtime in forked children
// that try accesses. Each access must come out as the source says. Skipped, saying why, on a
// kernel without Landlock.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <functional>

#include "compiler/check/check.h"
#include "compiler/codegen/codegen.h"
#include "convert/convert.h"
#include "gtest/gtest.h"
#include "landlockc/runtime.h"
#include "llvm/Support/MemoryBuffer.h"
#include "tests/support/free_port.h"
#include "tests/support/scratch_dir.h"

namespace landlockc::convert {
namespace {

using test_support::FreePort;

constexpr int kApplyFailed = 100;

// The child's exit code after applying `blob` and running `access`: 0 allowed, else the errno.
int Applied(const std::vector<uint8_t>& blob, const std::function<int()>& access) {
  pid_t pid = fork();
  if (pid == 0) {
    landlockc_report report;
    _exit(landlockc_apply(blob.data(), blob.size(), nullptr, &report) ? kApplyFailed : access());
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 200;
}

int Open(const std::string& path, int flags) {
  int fd = open(path.c_str(), flags | O_CLOEXEC, 0644);
  if (fd < 0) return errno;
  close(fd);
  return 0;
}

int Bind(uint16_t port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  int error = bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 ? 0 : errno;
  close(fd);
  return error;
}

std::vector<uint8_t> CompileToBlob(const std::string& text) {
  llvm::SourceMgr sources;
  diag::DiagnosticEngine diags(sources);
  std::optional<model::Policy> policy = check::CheckSource("p.landlock", text, {}, diags);
  EXPECT_TRUE(policy.has_value()) << text;
  return policy ? codegen::EmitBlob(*policy) : std::vector<uint8_t>{};
}

// landlockconfig text as policy source.
std::string ToSource(const std::string& text) {
  llvm::SourceMgr sources;
  unsigned buffer = sources.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, "c.json"),
                                               llvm::SMLoc());
  diag::DiagnosticEngine diags(sources);
  std::optional<std::string> source =
      ConvertLandlockconfig(buffer, DetectForm(text), Target::kLandlock, false, diags);
  EXPECT_TRUE(source.has_value()) << text;
  return source.value_or("");
}

// A policy's source as landlockconfig JSON.
std::string ToLandlockconfig(const std::string& text) {
  llvm::SourceMgr sources;
  diag::DiagnosticEngine diags(sources);
  std::optional<model::Policy> policy = check::CheckSource("p.landlock", text, {}, diags);
  EXPECT_TRUE(policy.has_value()) << text;
  if (!policy) return "";
  std::optional<std::string> json =
      ConvertPolicy(*policy, Target::kLandlockconfigJson, false, diags);
  EXPECT_TRUE(json.has_value());
  return json.value_or("");
}

class ConvertApplyTest : public test_support::ScratchTest {
 protected:
  void SetUp() override {
    landlockc_probe_info info;
    if (landlockc_probe(&info) < 4)
      GTEST_SKIP() << "the kernel has no Landlock with network rules (ABI 4)";
    Write("readable/file", "r");
    Write("writable/file", "w");
    Write("hidden/file", "h");
  }
};

TEST_F(ConvertApplyTest, PolicyThroughLandlockconfigAllowsAndDeniesAsItsSource) {
  uint16_t allowed_port = FreePort();
  uint16_t other_port = FreePort();
  std::string source =
      "abi 5;\nhandle fs: all;\nhandle net: bind_tcp;\n"
      "allow read on \"" +
      Path("readable") +
      "\";\n"
      "allow read_file + write_file + truncate + make_reg + remove_file on \"" +
      Path("writable") +
      "\";\n"
      "allow bind_tcp on port " +
      std::to_string(allowed_port) + ";\n";
  std::string converted = ToSource(ToLandlockconfig(source));
  std::vector<uint8_t> original_blob = CompileToBlob(source);
  std::vector<uint8_t> converted_blob = CompileToBlob(converted);
  struct Access {
    const char* what;
    std::function<int()> run;
    int expected;
  };
  const Access accesses[] = {
      {"read a readable file", [&] { return Open(Path("readable/file"), O_RDONLY); }, 0},
      {"write a readable file", [&] { return Open(Path("readable/file"), O_WRONLY); }, EACCES},
      {"write a writable file", [&] { return Open(Path("writable/file"), O_WRONLY); }, 0},
      {"create in the writable folder",
       [&] { return Open(Path("writable/new"), O_WRONLY | O_CREAT); }, 0},
      {"create in the readable folder",
       [&] { return Open(Path("readable/new"), O_WRONLY | O_CREAT); }, EACCES},
      {"read a hidden file", [&] { return Open(Path("hidden/file"), O_RDONLY); }, EACCES},
      {"bind the allowed port", [&] { return Bind(allowed_port); }, 0},
      {"bind another port", [&] { return Bind(other_port); }, EACCES},
  };
  for (const Access& access : accesses) {
    SCOPED_TRACE(access.what);
    int original = Applied(original_blob, access.run);
    EXPECT_EQ(original, access.expected);
    EXPECT_EQ(Applied(converted_blob, access.run), original) << converted;
  }
}

// A landlockconfig document converted to a policy enforces what landlockconfig defines: `abi.*`
// groups, variables, rules that add to the handled rights.
TEST_F(ConvertApplyTest, LandlockconfigDocumentEnforcesItsRules) {
  uint16_t allowed_port = FreePort();
  std::string document =
      "abi = 5\n"
      "[[variable]]\nname = \"ro\"\nliteral = [\"" +
      Path("readable") +
      "\"]\n"
      "[[ruleset]]\nhandled_access_fs = [\"abi.all\"]\n"
      "[[path_beneath]]\nallowed_access = [\"abi.read_execute\"]\n"
      "parent = [\"${ro}\"]\n"
      "[[path_beneath]]\nallowed_access = [\"abi.read_write\"]\n"
      "parent = [\"" +
      Path("writable") +
      "\"]\n"
      "[[net_port]]\nallowed_access = [\"bind_tcp\"]\n"
      "port = [" +
      std::to_string(allowed_port) + "]\n";
  std::vector<uint8_t> blob = CompileToBlob(ToSource(document));
  EXPECT_EQ(Applied(blob, [&] { return Open(Path("readable/file"), O_RDONLY); }), 0);
  EXPECT_EQ(Applied(blob, [&] { return Open(Path("readable/file"), O_WRONLY); }), EACCES);
  EXPECT_EQ(Applied(blob, [&] { return Open(Path("writable/file"), O_RDWR); }), 0);
  EXPECT_EQ(Applied(blob, [&] { return Open(Path("hidden/file"), O_RDONLY); }), EACCES);
  // The net_port rule alone makes bind_tcp handled (landlockconfig adds it to the ruleset).
  EXPECT_EQ(Applied(blob, [&] { return Bind(allowed_port); }), 0);
  EXPECT_EQ(Applied(blob, [&] { return Bind(FreePort()); }), EACCES);
}

}  // namespace
}  // namespace landlockc::convert
