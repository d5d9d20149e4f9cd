// SPDX-License-Identifier: MIT
// Every system call the runtime makes, made to fail (runtime/fault_injection.h): landlockc_apply
// returns the documented error and message, leaks no descriptor, and restricts nothing when the
// failure comes before the first landlock_restrict_self; a later layer's restrict failing is
// reported exactly as partial. Each case runs in a forked child, which then tries an access the
// policy denies.
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/codegen/codegen.h"
#include "gtest/gtest.h"
#include "landlockc/runtime.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include "runtime/fault_injection.h"

namespace landlockc::runtime {
namespace {

using fault::Call;

// The open descriptors of this process, by number (the listing's own left out), read through
// `proc_fd`, /proc/self/fd opened before the policy was applied (it may deny opening it after).
std::string OpenDescriptors(int proc_fd) {
  std::string fds;
  DIR* dir = fdopendir(dup(proc_fd));
  if (!dir) return "cannot list /proc/self/fd";
  rewinddir(dir);
  while (dirent* entry = readdir(dir))
    if (entry->d_name[0] != '.' && atoi(entry->d_name) != dirfd(dir))
      fds += std::string(entry->d_name) + " ";
  closedir(dir);
  return fds;
}

class FaultInjectionTest : public testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/landlockc-faults-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    root_ = pattern;
    allowed_ = root_ + "/allowed";
    secret_ = root_ + "/secret";
    ASSERT_EQ(mkdir(allowed_.c_str(), 0755), 0);
    ASSERT_EQ(close(open(secret_.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644)), 0);
    // Three layers; the first also has a port rule. The calls, in order: create_ruleset 1 is the
    // ABI probe, 2-4 the layers; open/fstat 1-3 the layers' paths; add_rule 1 the first layer's
    // path, 2 its port, 3-4 the other layers' paths; prctl 1; restrict_self 1-3 the layers.
    std::string text = llvm::formatv(R"(abi 7;
layer first {{
    handle fs: read_file + read_dir;
    handle net: bind_tcp;
    allow read_file + read_dir on "{0}";
    allow bind_tcp on port 8080;
}
layer second {{
    handle fs: read_file;
    allow read_file on "{0}";
}
layer third {{
    handle fs: read_file;
    allow read_file on "{0}";
}
)",
                                     allowed_);
    llvm::SourceMgr source_mgr;
    diag::DiagnosticEngine diags(source_mgr);
    std::optional<model::Policy> policy = check::CheckSource("faults.landlock", text, {}, diags);
    std::string rendered;
    llvm::raw_string_ostream os(rendered);
    diags.Render(os, false);
    ASSERT_TRUE(policy.has_value()) << rendered;
    blob_ = codegen::EmitBlob(*policy);
  }

  void TearDown() override {
    rmdir(allowed_.c_str());
    unlink(secret_.c_str());
    rmdir(root_.c_str());
  }

  // Applies the policy in a child with `call`'s `nth` call failing with `error`; says what came
  // of it: "<return> <status> layers=<applied> error_layer=<i> errno=<sys_errno> fds=<same|leaked>
  // secret=<readable|EACCES>: <message>".
  std::string Apply(Call call, unsigned nth, int error) {
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) return "no pipe";
    pid_t pid = fork();
    if (pid == 0) {
      close(out[0]);
      int proc_fd = open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      std::string before = OpenDescriptors(proc_fd);
      fault::FailNth(call, nth, error);
      landlockc_report report;
      int result = landlockc_apply(blob_.data(), blob_.size(), nullptr, &report);
      fault::Reset();
      std::string after = OpenDescriptors(proc_fd);
      int fd = open(secret_.c_str(), O_RDONLY | O_CLOEXEC);
      std::string secret = fd >= 0 ? "readable" : errno == EACCES ? "EACCES" : "other error";
      std::string said = llvm::formatv(
          "{0} {1} layers={2} error_layer={3} errno={4} fds={5} secret={6}: {7}", result,
          landlockc_status_name(report.status), report.layers_applied, report.error_layer,
          report.sys_errno, before == after ? "same" : "leaked " + before + "-> " + after, secret,
          report.message);
      ssize_t written = write(out[1], said.data(), said.size());
      _exit(written == static_cast<ssize_t>(said.size()) ? 0 : 1);
    }
    close(out[1]);
    std::string said;
    char buffer[512];
    for (ssize_t n; (n = read(out[0], buffer, sizeof(buffer))) > 0;) said.append(buffer, n);
    close(out[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) said += " (child failed)";
    return said;
  }

  // What a failure in layer `layer` before any restriction must say.
  std::string NothingApplied(int error, unsigned layer, int sys_errno, const std::string& message) {
    return llvm::formatv(
        "{0} not enforced layers=0 error_layer={1} errno={2} fds=same "
        "secret=readable: {3}",
        error, layer, sys_errno, message);
  }

  std::string root_, allowed_, secret_;
  std::vector<uint8_t> blob_;
};

TEST_F(FaultInjectionTest, NoFaultEnforcesEveryLayer) {
  EXPECT_EQ(Apply(Call::kOpen, 0, 0),
            "0 fully enforced layers=3 error_layer=-1 errno=0 fds=same secret=EACCES: ");
}

TEST_F(FaultInjectionTest, OpenFailuresNameThePath) {
  for (auto [error, name] :
       {std::pair{ENOENT, "ENOENT"}, {EACCES, "EACCES"}, {ELOOP, "ELOOP"}, {EMFILE, "EMFILE"}}) {
    for (unsigned nth : {1u, 3u}) {
      SCOPED_TRACE(llvm::formatv("{0}, open {1}", name, nth).str());
      const char* layer = nth == 1 ? "first" : "third";
      EXPECT_EQ(Apply(Call::kOpen, nth, error),
                NothingApplied(LANDLOCKC_ERR_PATH, nth - 1, error,
                               llvm::formatv("layer {0} `{1}`: cannot open `{2}`: {3}", nth - 1,
                                             layer, allowed_, name)));
    }
  }
}

TEST_F(FaultInjectionTest, FstatFailureNamesThePath) {
  EXPECT_EQ(Apply(Call::kFstat, 2, EACCES),
            NothingApplied(LANDLOCKC_ERR_PATH, 1, EACCES,
                           "layer 1 `second`: cannot open `" + allowed_ + "`: EACCES"));
}

TEST_F(FaultInjectionTest, ProbeFailureMeansNoLandlock) {
  // Not built in (ENOSYS) or disabled at boot (EOPNOTSUPP): a best-effort policy applies nothing
  // and says so; the report tells the two apart by the probe's errno.
  for (int error : {ENOSYS, EOPNOTSUPP}) {
    SCOPED_TRACE(error);
    EXPECT_EQ(Apply(Call::kCreateRuleset, 1, error),
              "0 not enforced layers=0 error_layer=-1 errno=0 fds=same secret=readable: ");
  }
}

TEST_F(FaultInjectionTest, RulesetCreationFailureNamesTheLayer) {
  for (auto [error, name] :
       {std::pair{EINVAL, "EINVAL"}, {E2BIG, "E2BIG"}, {ENOMSG, "ENOMSG"}, {ENOMEM, "ENOMEM"}}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(
        Apply(Call::kCreateRuleset, 3, error),
        NothingApplied(LANDLOCKC_ERR_RULESET, 1, error,
                       std::string("layer 1 `second`: landlock_create_ruleset failed: ") + name));
  }
}

TEST_F(FaultInjectionTest, RuleFailureNamesThePathOrPort) {
  for (auto [error, name] :
       {std::pair{EINVAL, "EINVAL"}, {EBADFD, "EBADFD"}, {ENOMSG, "ENOMSG"}, {ENOMEM, "ENOMEM"}}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(Apply(Call::kAddRule, 1, error),
              NothingApplied(LANDLOCKC_ERR_RULE, 0, error,
                             llvm::formatv("layer 0 `first`: landlock_add_rule failed for `{0}`: "
                                           "{1}",
                                           allowed_, name)));
    EXPECT_EQ(Apply(Call::kAddRule, 2, error),
              NothingApplied(LANDLOCKC_ERR_RULE, 0, error,
                             std::string("layer 0 `first`: landlock_add_rule failed for port "
                                         "8080: ") +
                                 name));
  }
}

TEST_F(FaultInjectionTest, NoNewPrivsFailureRestrictsNothing) {
  EXPECT_EQ(Apply(Call::kPrctl, 1, EINVAL),
            "-40 not enforced layers=0 error_layer=-1 errno=22 fds=same secret=readable: "
            "prctl(PR_SET_NO_NEW_PRIVS) failed: EINVAL");
}

TEST_F(FaultInjectionTest, FirstRestrictFailureRestrictsNothing) {
  EXPECT_EQ(Apply(Call::kRestrictSelf, 1, EPERM),
            "-41 not enforced layers=0 error_layer=0 errno=1 fds=same secret=readable: "
            "layer 0: landlock_restrict_self failed: EPERM");
}

TEST_F(FaultInjectionTest, LaterRestrictFailureIsReportedAsPartial) {
  // The first layer is in force (the secret is denied); the second and third are not.
  for (auto [error, name] : {std::pair{EPERM, "EPERM"}, {E2BIG, "E2BIG"}}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(Apply(Call::kRestrictSelf, 2, error),
              llvm::formatv("-41 partially enforced layers=1 error_layer=1 errno={0} fds=same "
                            "secret=EACCES: layer 1: landlock_restrict_self failed: {1}",
                            error, name)
                  .str());
  }
}

}  // namespace
}  // namespace landlockc::runtime
