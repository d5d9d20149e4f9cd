// SPDX-License-Identifier: MIT
// `convert` end to end in memory: landlockconfig read, written as source, compiled by the real
// checker and compared rule by rule with what the document describes; policies written as
// landlockconfig and read back; refusals and bad input with their exact messages.
#include "convert/convert.h"

#include <gtest/gtest.h>

#include <map>

#include "compiler/check/check.h"
#include "compiler/codegen/codegen.h"
#include "compiler/codegen/decode.h"
#include "convert/landlockconfig.h"
#include "convert/read_landlockconfig.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "runtime/uapi.h"
#include "tests/support/test_files.h"

namespace landlockc::convert {
namespace {

using test_support::FilesIn;
using test_support::ReadTestFile;

const std::string kSourceDir = LANDLOCKC_SOURCE_DIR;
const std::string kUpstream = kSourceDir + "/tests/landlockconfig/upstream";

constexpr uint64_t kExecute = LANDLOCK_ACCESS_FS_EXECUTE;
constexpr uint64_t kReadFile = LANDLOCK_ACCESS_FS_READ_FILE;
constexpr uint64_t kReadDir = LANDLOCK_ACCESS_FS_READ_DIR;
constexpr uint64_t kRefer = LANDLOCK_ACCESS_FS_REFER;
constexpr uint64_t kBindTcp = LANDLOCK_ACCESS_NET_BIND_TCP;
constexpr uint64_t kConnectTcp = LANDLOCK_ACCESS_NET_CONNECT_TCP;
constexpr uint64_t kScopes = LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET | LANDLOCK_SCOPE_SIGNAL;
// The ABI 1 filesystem rights, spelled out (not taken from the table under test).
constexpr uint64_t kFsV1 =
    LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE |
    LANDLOCK_ACCESS_FS_READ_DIR | LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |
    LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |
    LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |
    LANDLOCK_ACCESS_FS_MAKE_SYM;
constexpr uint64_t kFsV4 = kFsV1 | LANDLOCK_ACCESS_FS_REFER | LANDLOCK_ACCESS_FS_TRUNCATE;
constexpr uint64_t kFsV5 = kFsV4 | LANDLOCK_ACCESS_FS_IOCTL_DEV;

// What the kernel is told: the handled sets and, per path and port, the rights granted (grants of
// one path added up, as the kernel does).
struct Rules {
  model::AccessSet handled;
  std::map<std::string, uint64_t> paths;
  std::map<uint64_t, uint64_t> ports;
  friend bool operator==(const Rules&, const Rules&) = default;
};

std::ostream& operator<<(std::ostream& os, const Rules& rules) {
  os << "handled fs=" << rules.handled.fs << " net=" << rules.handled.net
     << " scope=" << rules.handled.scope << "\n";
  for (const auto& [path, rights] : rules.paths) os << "  " << path << " " << rights << "\n";
  for (const auto& [port, rights] : rules.ports) os << "  port " << port << " " << rights << "\n";
  return os;
}

Rules RulesOf(const model::Policy& policy) {
  EXPECT_EQ(policy.layers.size(), 1u);
  Rules rules;
  if (policy.layers.empty()) return rules;
  const model::Layer& layer = policy.layers.front();
  rules.handled = layer.handled;
  for (const model::FsGrant& grant : layer.fs_grants)
    if (grant.rights) rules.paths[grant.path] |= grant.rights;
  for (const model::NetGrant& grant : layer.net_grants)
    for (uint32_t port = grant.ports.low; port <= grant.ports.high; ++port)
      if (grant.rights) rules.ports[port] |= grant.rights;
  return rules;
}

// One conversion's result and what it reported (rendered without colors).
struct Outcome {
  std::optional<std::string> output;
  std::string diagnostics;
};

Outcome FromLandlockconfig(const std::string& name, const std::string& text, Target target,
                           bool lossy) {
  llvm::SourceMgr sources;
  unsigned buffer =
      sources.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, name), llvm::SMLoc());
  diag::DiagnosticEngine diags(sources);
  Outcome outcome;
  Form form = DetectForm(text);
  EXPECT_NE(form, Form::kPolicySource) << name;
  if (form == Form::kPolicySource) return outcome;
  outcome.output = ConvertLandlockconfig(buffer, form, target, lossy, diags);
  llvm::raw_string_ostream os(outcome.diagnostics);
  diags.Render(os, /*colors=*/false);
  return outcome;
}

check::Options StdOptions() {
  check::Options options;
  options.stdlib_dir = kSourceDir;
  return options;
}

// Checks policy source; fails the test on any diagnostic.
model::Policy Compile(const std::string& name, const std::string& text) {
  llvm::SourceMgr sources;
  diag::DiagnosticEngine diags(sources);
  std::optional<model::Policy> policy = check::CheckSource(name, text, StdOptions(), diags);
  std::string rendered;
  llvm::raw_string_ostream os(rendered);
  diags.Render(os, false);
  EXPECT_TRUE(policy.has_value()) << text << rendered;
  EXPECT_EQ(rendered, "") << text;
  return policy.value_or(model::Policy{});
}

Outcome FromPolicySource(const std::string& name, const std::string& text, Target target,
                         bool lossy) {
  llvm::SourceMgr sources;
  diag::DiagnosticEngine diags(sources);
  Outcome outcome;
  std::optional<model::Policy> policy = check::CheckSource(name, text, StdOptions(), diags);
  EXPECT_TRUE(policy.has_value()) << name;
  if (policy) outcome.output = ConvertPolicy(*policy, target, lossy, diags);
  llvm::raw_string_ostream os(outcome.diagnostics);
  diags.Render(os, false);
  return outcome;
}

// landlockconfig text to the rules its converted source compiles to.
Rules CompiledRules(const std::string& name, const std::string& text, bool lossy = false) {
  Outcome outcome = FromLandlockconfig(name, text, Target::kLandlock, lossy);
  EXPECT_TRUE(outcome.output.has_value()) << outcome.diagnostics;
  if (!outcome.output) return {};
  return RulesOf(Compile(name + ".landlock", *outcome.output));
}

TEST(ResolveAbiGroupTest, MatchesLandlockconfigDefinitions) {
  // landlockconfig's own tests: read_execute has refer from ABI 2, read_write never execute.
  EXPECT_EQ(ResolveAbiGroup(abi::Category::kFs, "abi.read_execute", 1),
            kExecute | kReadFile | kReadDir);
  EXPECT_EQ(ResolveAbiGroup(abi::Category::kFs, "abi.read_execute", 2),
            kExecute | kReadFile | kReadDir | kRefer);
  EXPECT_EQ(ResolveAbiGroup(abi::Category::kFs, "abi.read_write", 1), kFsV1 & ~kExecute);
  EXPECT_EQ(ResolveAbiGroup(abi::Category::kFs, "abi.all", 5), kFsV5);
  // Rights landlockconfig cannot name stay out, however high the ABI.
  EXPECT_EQ(ResolveAbiGroup(abi::Category::kFs, "abi.all", 2147483647), kFsV5);
  EXPECT_EQ(ResolveAbiGroup(abi::Category::kNet, "abi.all", 3), 0u);
  EXPECT_EQ(ResolveAbiGroup(abi::Category::kNet, "abi.all", 10), kBindTcp | kConnectTcp);
  EXPECT_EQ(ResolveAbiGroup(abi::Category::kScope, "abi.all", 6), kScopes);
  EXPECT_EQ(ResolveAbiGroup(abi::Category::kNet, "abi.read_write", 6), std::nullopt);
}

TEST(VocabularyTest, IsTheVendoredSchemasEnums) {
  std::string text = ReadTestFile(kUpstream + "/schema/landlockconfig.json");
  llvm::Expected<llvm::json::Value> schema = llvm::json::parse(text);
  ASSERT_TRUE(bool(schema)) << llvm::toString(schema.takeError());
  const llvm::json::Object* definitions = schema->getAsObject()->getObject("definitions");
  ASSERT_NE(definitions, nullptr);
  const std::pair<const char*, abi::Category> enums[] = {{"accessFs", abi::Category::kFs},
                                                         {"accessNet", abi::Category::kNet},
                                                         {"scope", abi::Category::kScope}};
  for (const auto& [definition, category] : enums) {
    std::set<std::string> schema_names;
    for (const llvm::json::Value& name : *definitions->getObject(definition)->getArray("enum"))
      if (!name.getAsString()->startswith("abi.")) schema_names.insert(name.getAsString()->str());
    std::set<std::string> ours;
    for (const abi::Right& right : abi::kRights)
      if (right.category == category && (right.bit & LandlockconfigRights(category)))
        ours.insert(right.name);
    EXPECT_EQ(schema_names, ours) << definition;
  }
}

TEST(DetectFormTest, TellsFormsByContent) {
  EXPECT_EQ(DetectForm("  {\"abi\": 1}"), Form::kLandlockconfigJson);
  EXPECT_EQ(DetectForm("# comment\n\nabi = 5\n"), Form::kLandlockconfigToml);
  EXPECT_EQ(DetectForm("[[path_beneath]]\n"), Form::kLandlockconfigToml);
  EXPECT_EQ(DetectForm("# comment\nabi 5;\n"), Form::kPolicySource);
  EXPECT_EQ(DetectForm("let x = \"/a\";\n"), Form::kPolicySource);
  EXPECT_EQ(DetectForm("layer a {\n}\n"), Form::kPolicySource);
  EXPECT_EQ(DetectForm(""), Form::kPolicySource);
}

TEST(ExpandTemplateTest, ExpandsVariablesAndEscapes) {
  std::vector<Variable> variables = {{"a", {"/x", "/y"}}, {"b", {"1", "2"}}};
  llvm::Expected<std::vector<std::string>> paths = ExpandTemplate("${a}/d${b}", variables);
  ASSERT_TRUE(bool(paths));
  EXPECT_EQ(*paths, (std::vector<std::string>{"/x/d1", "/x/d2", "/y/d1", "/y/d2"}));
  paths = ExpandTemplate("/p$${a}$$b$c", variables);
  ASSERT_TRUE(bool(paths));
  EXPECT_EQ(*paths, (std::vector<std::string>{"/p${a}$b$c"}));
  paths = ExpandTemplate("${c}", variables);
  ASSERT_FALSE(bool(paths));
  EXPECT_EQ(llvm::toString(paths.takeError()),
            "variable `c` is not defined by any `variable` entry");
  std::vector<Variable> wide = {{"w", std::vector<std::string>(20, "x")}};
  paths = ExpandTemplate("/${w}${w}${w}", wide);
  ASSERT_FALSE(bool(paths));
  EXPECT_EQ(llvm::toString(paths.takeError()), "`/${w}${w}${w}` stands for more than 4096 paths");
  paths = ExpandTemplate("/${a", variables);
  ASSERT_FALSE(bool(paths));
  EXPECT_EQ(llvm::toString(paths.takeError()),
            "`/${a` opens a variable with `${` but never closes it");
}

// The rules each vendored example describes, from landlockconfig's definitions (the `.` parent is
// dropped: a policy has absolute paths only).
Rules MiniWriteTmp() {
  Rules rules;
  rules.handled = {kFsV5, kBindTcp, 0};
  for (const char* path : {"/bin", "/lib", "/usr", "/dev", "/etc", "/proc"})
    rules.paths[path] = kExecute | kReadFile | kReadDir | kRefer;
  rules.paths["/tmp"] = kFsV5 & ~kExecute;
  rules.ports = {{80, kBindTcp}, {443, kBindTcp}};
  return rules;
}

Rules Composition() {
  Rules rules;
  rules.handled = {kFsV4, 0, 0};
  for (const char* path : {"/bin", "/lib", "/usr", "/dev", "/proc", "/etc", "/home/user/bin"})
    rules.paths[path] = kExecute | kReadFile | kReadDir | kRefer;
  for (const char* path : {"/tmp", "/var/tmp", "/home/user/tmp"})
    rules.paths[path] = kFsV4 & ~kExecute;
  return rules;
}

Rules Expected(const std::string& file) {
  std::string name = llvm::sys::path::filename(file).str();
  if (name == "mini-write-tmp.json" || name == "mini-write-tmp.toml") return MiniWriteTmp();
  if (name == "micro-write-tmp.toml") {
    Rules rules = MiniWriteTmp();
    rules.handled.net = 0;
    rules.ports.clear();
    return rules;
  }
  if (name == "mini-scoped.json") return Rules{{0, kBindTcp | kConnectTcp, kScopes}, {}, {}};
  if (name == "s.json" || name == "s.toml") return Composition();
  ADD_FAILURE() << "no expectation for " << file;
  return {};
}

std::vector<std::string> UpstreamFiles() {
  std::vector<std::string> files = FilesIn(kUpstream + "/examples", ".json");
  for (const std::string& dir : {kUpstream + "/examples", kUpstream + "/composition"})
    for (const char* extension : {".toml", ".json"})
      for (const std::string& file : FilesIn(dir, extension))
        if (!llvm::is_contained(files, file)) files.push_back(file);
  return files;
}

TEST(UpstreamExamplesTest, CompileToTheRulesTheyDescribe) {
  std::vector<std::string> files = UpstreamFiles();
  ASSERT_EQ(files.size(), 6u);
  for (const std::string& file : files) {
    SCOPED_TRACE(file);
    std::string text = ReadTestFile(file);
    bool has_relative = text.find("\".\"") != std::string::npos;
    EXPECT_EQ(CompiledRules(file, text, /*lossy=*/has_relative), Expected(file));
  }
}

TEST(UpstreamExamplesTest, RelativeParentIsRefusedUnlessLossy) {
  std::string file = kUpstream + "/examples/mini-write-tmp.toml";
  Outcome strict =
      FromLandlockconfig("mini-write-tmp.toml", ReadTestFile(file), Target::kLandlock, false);
  EXPECT_FALSE(strict.output.has_value());
  EXPECT_EQ(strict.diagnostics,
            "mini-write-tmp.toml:10:11: error: the relative path `.` cannot be expressed in a "
            ".landlock policy; `--lossy` drops it with a warning [not-convertible]\n"
            "parent = [\".\", \"/bin\", \"/lib\", \"/usr\", \"/dev\", \"/etc\", \"/proc\",]\n"
            "          ^~~\n");
  Outcome lossy =
      FromLandlockconfig("mini-write-tmp.toml", ReadTestFile(file), Target::kLandlock, true);
  EXPECT_TRUE(lossy.output.has_value());
  EXPECT_EQ(lossy.diagnostics.substr(0, lossy.diagnostics.find('\n')),
            "mini-write-tmp.toml:10:11: warning: the relative path `.` cannot be expressed in a "
            ".landlock policy; dropped (`--lossy`) [dropped-in-conversion]");
}

// landlockconfig -> .landlock -> landlockconfig (JSON and TOML) -> .landlock: the same rules.
TEST(RoundTripTest, LandlockconfigThroughPolicyKeepsTheRules) {
  for (const std::string& file : UpstreamFiles()) {
    SCOPED_TRACE(file);
    std::string text = ReadTestFile(file);
    bool lossy = text.find("\".\"") != std::string::npos;
    Rules first = CompiledRules(file, text, lossy);
    Outcome source = FromLandlockconfig(file, text, Target::kLandlock, lossy);
    ASSERT_TRUE(source.output.has_value());
    for (Target back : {Target::kLandlockconfigJson, Target::kLandlockconfigToml}) {
      Outcome written = FromPolicySource("converted.landlock", *source.output, back, false);
      ASSERT_TRUE(written.output.has_value()) << written.diagnostics;
      EXPECT_EQ(written.diagnostics, "");
      EXPECT_EQ(CompiledRules("again", *written.output), first) << *written.output;
    }
    // And landlockconfig to itself, across syntaxes.
    Outcome other = FromLandlockconfig(file, text, Target::kLandlockconfigToml, false);
    ASSERT_TRUE(other.output.has_value()) << other.diagnostics;
    EXPECT_EQ(CompiledRules("as-toml", *other.output, lossy), first) << *other.output;
  }
}

// Every repository policy (our examples; each std/ file's rules in a layer of their own) converts
// under --lossy, and back to source it compiles to the same rules, but for the grants dropped.
std::vector<std::pair<std::string, std::string>> RepositoryPolicies() {
  std::vector<std::pair<std::string, std::string>> policies;
  for (const std::string& file : FilesIn(kSourceDir + "/examples", ".landlock"))
    policies.emplace_back(file, ReadTestFile(file));
  for (const std::string& file : FilesIn(kSourceDir + "/std", ".landlock")) {
    std::string name = llvm::sys::path::stem(file).str();
    policies.emplace_back("uses-" + name + ".landlock", "abi 7;\ninclude \"std/" + name +
                                                            ".landlock\";\nlayer main {\n"
                                                            "    use " +
                                                            name + ";\n}\n");
  }
  return policies;
}

TEST(RepositoryPoliciesTest, ConvertUnderLossyWithTheSameRules) {
  std::vector<std::pair<std::string, std::string>> policies = RepositoryPolicies();
  ASSERT_GE(policies.size(), 11u);
  for (const auto& [file, text] : policies) {
    SCOPED_TRACE(file);
    Rules source = RulesOf(Compile(file, text));
    // Grants on environment variables are what --lossy drops.
    for (auto it = source.paths.begin(); it != source.paths.end();)
      it = it->first.find('$') != std::string::npos ? source.paths.erase(it) : std::next(it);
    Outcome written = FromPolicySource(file, text, Target::kLandlockconfigJson, true);
    ASSERT_TRUE(written.output.has_value()) << written.diagnostics;
    EXPECT_EQ(written.diagnostics.find("error:"), std::string::npos) << written.diagnostics;
    EXPECT_EQ(CompiledRules("converted.json", *written.output), source) << *written.output;
  }
}

// The first line of each diagnostic, with the file reduced to its name.
std::vector<std::string> Headlines(const std::string& rendered) {
  std::vector<std::string> lines;
  llvm::SmallVector<llvm::StringRef, 16> all;
  llvm::StringRef(rendered).split(all, '\n', -1, false);
  for (llvm::StringRef line : all)
    if (line.contains(": error: ") || line.contains(": warning: "))
      lines.push_back(llvm::sys::path::filename(line.split(' ').first).str() + " " +
                      line.split(' ').second.str());
  return lines;
}

TEST(RepositoryPoliciesTest, StrictConversionNamesWhatLandlockconfigCannotSay) {
  std::string file = kSourceDir + "/examples/cat-public.landlock";
  Outcome strict = FromPolicySource(file, ReadTestFile(file), Target::kLandlockconfigJson, false);
  EXPECT_FALSE(strict.output.has_value());
  const std::string tail =
      " cannot be expressed in landlockconfig; `--lossy` drops it with a warning "
      "[not-convertible]";
  EXPECT_EQ(
      Headlines(strict.diagnostics),
      (std::vector<std::string>{"cat-public.landlock:5:1: error: `requires abi 1`" + tail,
                                "runtime.landlock:13:5: error: `optional`" + tail,
                                "runtime.landlock:17:5: error: `optional`" + tail,
                                "runtime.landlock:23:5: error: `optional`" + tail,
                                "runtime.landlock:26:5: error: `optional`" + tail,
                                "runtime.landlock:27:5: error: `optional`" + tail,
                                "runtime.landlock:36:5: error: `optional`" + tail,
                                "cat-public.landlock:12:5: error: `optional`" + tail,
                                "cat-public.landlock:13:19: error: the environment variable in "
                                "`${DEMO_DIR}/public`" +
                                    tail}));
}

TEST(PolicyToLandlockconfigTest, RefusesEachConstructAtItsLine) {
  const std::string policy =
      "abi 10;\n"
      "requires abi 8;\n"
      "threads all;\n"
      "layer one {\n"
      "    handle fs: read + resolve_unix;\n"
      "    log new_exec on;\n"
      "    allow read on \"/usr\" optional;\n"
      "}\n"
      "layer two {\n"
      "    handle net: tcp + bind_udp;\n"
      "}\n";
  Outcome strict = FromPolicySource("p.landlock", policy, Target::kLandlockconfigJson, false);
  EXPECT_FALSE(strict.output.has_value());
  const std::string tail =
      " cannot be expressed in landlockconfig; `--lossy` drops it with a warning "
      "[not-convertible]";
  EXPECT_EQ(Headlines(strict.diagnostics),
            (std::vector<std::string>{
                "p.landlock:2:1: error: `requires abi 8`" + tail,
                "p.landlock:3:1: error: `threads all`" + tail,
                "p.landlock:9:1: error: a second layer (`layer two`)" + tail,
                "p.landlock:6:5: error: `log new_exec on`" + tail,
                "p.landlock:4:1: error: handling the fs right `resolve_unix`" + tail,
                "p.landlock:7:5: error: `optional`" + tail}));
  Outcome lossy = FromPolicySource("p.landlock", policy, Target::kLandlockconfigJson, true);
  ASSERT_TRUE(lossy.output.has_value());
  EXPECT_EQ(Headlines(lossy.diagnostics).size(), 6u);
  EXPECT_EQ(*lossy.output,
            "{\n  \"abi\": 10,\n  \"ruleset\": [\n    {\n      \"handledAccessFs\": [\n"
            "        \"read_file\",\n        \"read_dir\"\n      ]\n    }\n  ],\n"
            "  \"pathBeneath\": [\n    {\n      \"allowedAccess\": [\n        \"read_file\",\n"
            "        \"read_dir\"\n      ],\n      \"parent\": [\n        \"/usr\"\n      ]\n"
            "    }\n  ]\n}\n");
}

// A blob stores each layer's paths sorted (docs/blob-format.md), so its conversion lists them
// sorted; a source that lists them sorted converts to the same text.
TEST(PolicyToLandlockconfigTest, BlobConvertsAsItsSource) {
  const std::string policy =
      "abi 6;\nhandle fs: all;\nhandle net: tcp;\nhandle scope: signal;\n"
      "allow read + execute on \"/bin\", \"/usr\";\nallow connect_tcp on port 443, 8000..8002;\n";
  model::Policy checked = Compile("p.landlock", policy);
  llvm::Expected<model::Policy> decoded = codegen::DecodeBlob(codegen::EmitBlob(checked));
  ASSERT_TRUE(bool(decoded)) << llvm::toString(decoded.takeError());
  llvm::SourceMgr sources;
  diag::DiagnosticEngine diags(sources);
  std::optional<std::string> from_blob =
      ConvertPolicy(*decoded, Target::kLandlockconfigToml, false, diags);
  Outcome from_source = FromPolicySource("p.landlock", policy, Target::kLandlockconfigToml, false);
  ASSERT_TRUE(from_blob.has_value());
  EXPECT_EQ(from_blob, from_source.output);
  EXPECT_EQ(
      *from_blob,
      "abi = 6\n\n[[net_port]]\nallowed_access = [ 'connect_tcp' ]\n"
      "port = [ 443, 8000, 8001, 8002 ]\n\n[[path_beneath]]\n"
      "allowed_access = [ 'execute', 'read_file', 'read_dir' ]\nparent = [ '/bin', '/usr' ]\n\n"
      "[[ruleset]]\nhandled_access_fs = [\n    'execute',\n    'write_file',\n"
      "    'read_file',\n    'read_dir',\n    'remove_dir',\n    'remove_file',\n"
      "    'make_char',\n    'make_dir',\n    'make_reg',\n    'make_sock',\n"
      "    'make_fifo',\n    'make_block',\n    'make_sym',\n    'refer',\n"
      "    'truncate',\n    'ioctl_dev'\n]\nhandled_access_net = [ 'bind_tcp', 'connect_tcp' ]\n"
      "scoped = [ 'signal' ]\n");
}

struct BadInput {
  const char* name;
  const char* text;
  const char* expected;
};

TEST(BadInputTest, ClearErrorsNeverACrash) {
  const BadInput cases[] = {
      {"a.json", "{\"ruleset\": [}",
       "a.json:1:15: error: invalid JSON: invalid JSON value [landlockconfig-syntax]\n"
       "{\"ruleset\": [}\n              ^\n"},
      {"a.toml", "abi = \n",
       "a.toml:1:7: error: invalid TOML: Error while parsing key-value pair: expected value, saw "
       "'\\n' [landlockconfig-syntax]\n"
       "abi = \n      ^\n"},
      {"a.json", "{\"pathBeneath\": [{\"allowedAccess\": [\"read_file\"], \"parents\": [\"/\"]}]}",
       "a.json:1:51: error: unknown field `parents` in a `pathBeneath` entry; expected "
       "`allowedAccess`, `parent` [landlockconfig-unknown-field]\n"
       "{\"pathBeneath\": [{\"allowedAccess\": [\"read_file\"], \"parents\": [\"/\"]}]}\n"
       "                                                  ^~~~~~~~~\n"
       "a.json:1:18: error: `pathBeneath[0]`: the rule needs `parent` "
       "[landlockconfig-invalid-value]\n"
       "{\"pathBeneath\": [{\"allowedAccess\": [\"read_file\"], \"parents\": [\"/\"]}]}\n"
       "                 ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"},
      {"a.toml", "[[ruleset]]\nhandledAccessFs = [\"execute\"]\n",
       "a.toml:2:1: error: unknown field `handledAccessFs` in a `ruleset` entry; expected "
       "`handled_access_fs`, `handled_access_net`, `scoped` [landlockconfig-unknown-field]\n"
       "handledAccessFs = [\"execute\"]\n^~~~~~~~~~~~~~~\n"},
      // toml++ 3.3 reached __builtin_unreachable() on this (tests/fuzz/regressions/landlockconfig).
      {"a.toml", "abi = 4 \xcd\x9e\n",
       "a.toml:1:9: error: invalid TOML: a character outside ASCII belongs only in a string or a "
       "comment [landlockconfig-syntax]\nabi = 4 \xcd\x9e\n        ^\n"},
      // ... and on this, after a bad value (config::ParseToml's stand-ins spare it).
      {"a.toml", "abi = 58!'\xc3\xa9'\n",
       "a.toml:1:9: error: invalid TOML: Error while parsing decimal integer: expected digit, saw "
       "'!' [landlockconfig-syntax]\nabi = 58!'\xc3\xa9'\n        ^\n"},
      {"a.toml", "[[ruleset]]\n",
       "a.toml:1:1: error: `ruleset[0]`: a `ruleset` entry must handle something "
       "[landlockconfig-invalid-value]\n[[ruleset]]\n^~~~~~~~~~~\n"},
      {"a.toml", "abi = \"5\"\n[[ruleset]]\nscoped = \"signal\"\n",
       "a.toml:1:1: error: `abi` must be an integer [landlockconfig-wrong-type]\n"
       "abi = \"5\"\n^~~\n"
       "a.toml:3:1: error: `ruleset[0].scoped` must be a list [landlockconfig-wrong-type]\n"
       "scoped = \"signal\"\n^~~~~~\n"},
      {"a.json", "{\"ruleset\": [{\"handledAccessFs\": [\"abi.all\", \"red_file\"]}]}",
       "a.json:1:35: error: `ruleset[0].handledAccessFs[0]`: `abi.all` needs the top-level "
       "`abi` to say which rights it means [landlockconfig-invalid-value]\n"
       "{\"ruleset\": [{\"handledAccessFs\": [\"abi.all\", \"red_file\"]}]}\n"
       "                                  ^~~~~~~~~\n"
       "a.json:1:46: error: `ruleset[0].handledAccessFs[1]`: unknown filesystem access right "
       "`red_file` [landlockconfig-invalid-value]\n"
       "{\"ruleset\": [{\"handledAccessFs\": [\"abi.all\", \"red_file\"]}]}\n"
       "                                             ^~~~~~~~~~\n"},
      {"a.json", "{\"abi\": 0, \"netPort\": [{\"allowedAccess\": [\"bind_udp\"], \"port\": [-1]}]}",
       "a.json:1:2: error: `abi`: ABI 0 is outside 1..2147483647 [landlockconfig-invalid-value]\n"
       "{\"abi\": 0, \"netPort\": [{\"allowedAccess\": [\"bind_udp\"], \"port\": [-1]}]}\n"
       " ^~~~~\n"
       "a.json:1:43: error: `netPort[0].allowedAccess[0]`: unknown network access right "
       "`bind_udp` [landlockconfig-invalid-value]\n"
       "{\"abi\": 0, \"netPort\": [{\"allowedAccess\": [\"bind_udp\"], \"port\": [-1]}]}\n"
       "                                          ^~~~~~~~~~\n"
       "a.json:1:65: error: `netPort[0].port[0]` must be an integer from 0 to "
       "18446744073709551615 [landlockconfig-wrong-type]\n"
       "{\"abi\": 0, \"netPort\": [{\"allowedAccess\": [\"bind_udp\"], \"port\": [-1]}]}\n"
       "                                                                ^~\n"},
      {"a.json",
       "{\"pathBeneath\": [{\"allowedAccess\": [\"read_file\"], \"parent\": [\"${x}\"]}]}",
       "a.json:1:62: error: `pathBeneath[0].parent[0]`: variable `x` is not defined by any "
       "`variable` entry [landlockconfig-invalid-value]\n"
       "{\"pathBeneath\": [{\"allowedAccess\": [\"read_file\"], \"parent\": [\"${x}\"]}]}\n"
       "                                                             ^~~~~~\n"},
      {"a.json", "{\"abi\": 1, \"abi\": 2}",
       "a.json:1:12: error: invalid JSON: key `abi` is given twice in one object "
       "[landlockconfig-syntax]\n{\"abi\": 1, \"abi\": 2}\n           ^~~~~\n"},
      {"a.json", "{}",
       "a.json:1:1: error: `(root)`: the configuration is empty: it needs `ruleset`, "
       "`pathBeneath`, `netPort` or `variable` [landlockconfig-invalid-value]\n{}\n^\n"},
      {"a.json", "{\"ruleset\": {}}",
       "a.json:1:2: error: `ruleset` must be a list [landlockconfig-wrong-type]\n"
       "{\"ruleset\": {}}\n ^~~~~~~~~\n"},
      {"a.json", "{\"variable\": [{\"name\": \"1x\"}]}",
       "a.json:1:16: error: `variable[0].name`: variable name `1x` must start with an ASCII "
       "letter and hold only ASCII letters, digits and `_` [landlockconfig-invalid-value]\n"
       "{\"variable\": [{\"name\": \"1x\"}]}\n               ^~~~~~\n"},
  };
  for (const BadInput& input : cases) {
    SCOPED_TRACE(input.text);
    Outcome outcome = FromLandlockconfig(input.name, input.text, Target::kLandlock, false);
    EXPECT_FALSE(outcome.output.has_value());
    EXPECT_EQ(outcome.diagnostics, input.expected);
  }
}

// Broken documents, made from every landlockconfig input of the repository by cutting it at each
// byte and by overwriting each byte with characters that matter to JSON and TOML: each converts
// or is refused with at least one error, and never crashes (the sanitizer build runs this too).
// (tests/fuzz/landlockconfig_fuzzer.cc fuzzes the reader itself.)
TEST(BadInputTest, CutAndMutatedDocumentsConvertOrFailCleanly) {
  std::vector<std::string> files = UpstreamFiles();
  for (const char* extension : {".json", ".toml"})
    llvm::append_range(files, FilesIn(kSourceDir + "/tests/diagnostics", extension));
  ASSERT_GE(files.size(), 10u);
  size_t documents = 0;
  for (const std::string& file : files) {
    std::string text = ReadTestFile(file);
    std::vector<std::string> variants;
    for (size_t cut = 0; cut < text.size(); ++cut) variants.push_back(text.substr(0, cut));
    for (size_t at = 0; at < text.size(); ++at)
      for (char c : {'"', '{', ']', '$', '\\', '\0', '9', '\n', '\xff'}) {
        std::string mutated = text;
        mutated[at] = c;
        variants.push_back(mutated);
      }
    for (const std::string& variant : variants) {
      if (DetectForm(variant) == Form::kPolicySource) continue;
      ++documents;
      for (Target target : {Target::kLandlock, Target::kLandlockconfigToml}) {
        Outcome outcome = FromLandlockconfig(file, variant, target, /*lossy=*/true);
        if (!outcome.output) {
          EXPECT_NE(outcome.diagnostics.find("error: "), std::string::npos) << variant;
        }
      }
    }
  }
  EXPECT_GT(documents, 10000u);
}

// Characters outside ASCII are refused outside strings and comments only: every kind of TOML
// string keeps them, and the quotes that end a multi-line string are told from those inside it.
// The last path starts its second line with one that toml++ 3.3 cannot tell from whitespace
// (tests/fuzz/regressions/landlockconfig/line-ending-backslash-then-non-ascii.toml).
TEST(BadInputTest, NonAsciiInTomlStringsAndCommentsIsRead) {
  const std::string text =
      "# caf\xc3\xa9\nabi = 4  # \xc3\xa9\n[[path_beneath]]\nallowed_access = [\"read_file\"]\n"
      "parent = [\"/srv/caf\xc3\xa9\", '/srv/\xc3\xa9t\xc3\xa9', \"\"\"/srv/a\"\"\"\"\", "
      "'''/srv/b'''', \"/srv/\\\"\xc3\xa9\", \"\"\"/srv/\\\"\"\"\xc3\xa9\"\"\", "
      "\"\"\"/srv/\\\n  \xe2\xbb\xbf\xc3\xa9\"\"\"]\n";
  Outcome outcome = FromLandlockconfig("a.toml", text, Target::kLandlockconfigToml, false);
  ASSERT_TRUE(outcome.output.has_value()) << outcome.diagnostics;
  EXPECT_EQ(*outcome.output,
            "abi = 4\n\n[[path_beneath]]\nallowed_access = [ 'read_file' ]\n"
            "parent = [ '/srv/caf\xc3\xa9', '/srv/\xc3\xa9t\xc3\xa9', '/srv/a\"\"', \"/srv/b'\", "
            "'/srv/\"\xc3\xa9', '/srv/\"\"\"\xc3\xa9', '/srv/\xe2\xbb\xbf\xc3\xa9' ]\n\n"
            "[[ruleset]]\nhandled_access_fs = [ 'read_file' ]\n");
}

TEST(LandlockconfigToSourceTest, RefusesWhatAPolicyCannotSay) {
  const std::string text =
      "[[variable]]\nname = \"v\"\nliteral = [\"/a$b\"]\n"
      "[[path_beneath]]\nallowed_access = [\"read_file\"]\nparent = [\"${v}\", \"/ok\"]\n"
      "[[net_port]]\nallowed_access = [\"bind_tcp\"]\nport = [80, 70000]\n";
  Outcome strict = FromLandlockconfig("c.toml", text, Target::kLandlock, false);
  EXPECT_FALSE(strict.output.has_value());
  EXPECT_EQ(Headlines(strict.diagnostics),
            (std::vector<std::string>{
                "c.toml:6:11: error: the `$` in path `/a$b`, which .landlock reads as an "
                "environment variable, cannot be expressed in a .landlock policy; `--lossy` "
                "drops it with a warning [not-convertible]",
                "c.toml:9:13: error: port 70000 (ports stop at 65535) cannot be expressed in a "
                ".landlock policy; `--lossy` drops it with a warning [not-convertible]"}));
  Outcome lossy = FromLandlockconfig("c.toml", text, Target::kLandlock, true);
  ASSERT_TRUE(lossy.output.has_value());
  EXPECT_EQ(*lossy.output,
            "# Converted from landlockconfig by `landlockc convert`.\nabi 4;\n"
            "handle fs: read_file;\nhandle net: bind_tcp;\nallow read_file on \"/ok\";\n"
            "allow bind_tcp on port 80;\n");
  Outcome nothing =
      FromLandlockconfig("n.json", "{\"variable\": [{\"name\": \"v\"}]}", Target::kLandlock, true);
  EXPECT_FALSE(nothing.output.has_value());
  EXPECT_EQ(nothing.diagnostics,
            "error: `(root)`: the configuration handles no access right: as a policy it would "
            "restrict nothing [landlockconfig-invalid-value]\n");
}

}  // namespace
}  // namespace landlockc::convert
