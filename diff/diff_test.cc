// SPDX-License-Identifier: MIT
// The table of policy pairs: for each, the exact differences `diff` reports (its text form).
#include "diff/diff.h"

#include <gtest/gtest.h>

#include "diff/output.h"
#include "diff/testing/diff_testing.h"

namespace landlockc::diff {
namespace {

struct Pair {
  const char* name;
  const char* old_text;
  const char* new_text;
  /// The text output, exactly ("" for no difference).
  const char* expected;
};

constexpr const char* kWeb = R"(abi 10;
requires abi 4;
layer web {
    allow read on "/srv/www", "/etc/web";
    allow read_write on "/var/log/web";
    allow bind_tcp on port 8080;
}
)";

// Refactors that change the text only: no output at all.
const Pair kNoDifference[] = {
    {"Reformatted", kWeb, R"(# the same policy, laid out differently
abi 10;   requires abi 4;
layer web { allow read on "/srv/www",
                 "/etc/web";   # two paths
  allow read_write on "/var/log/web"; allow bind_tcp on port 8080; }
)",
     ""},
    {"LayerRenamed", kWeb, R"(abi 10;
requires abi 4;
layer server {
    allow read on "/srv/www", "/etc/web";
    allow read_write on "/var/log/web";
    allow bind_tcp on port 8080;
}
)",
     ""},
    {"GrantsReordered", kWeb, R"(abi 10;
requires abi 4;
layer web {
    allow bind_tcp on port 8080;
    allow read_write on "/var/log/web";
    allow read on "/etc/web", "/srv/www";
}
)",
     ""},
    {"MovedIntoRulesBlock", kWeb, R"(abi 10;
requires abi 4;
rules site {
    allow read on "/srv/www", "/etc/web";
}
rules logs {
    use site;
    allow read_write on "/var/log/web";
}
layer web {
    use logs;
    allow bind_tcp on port 8080;
}
)",
     ""},
    {"LetNames", kWeb, R"(abi 10;
requires abi 4;
let site = "/srv/www", "/etc/web";
let rw = read + write;
let web_ports = port 8080;
layer web {
    allow read on site;
    allow rw on "/var/log/web";
    allow bind_tcp on web_ports;
}
)",
     ""},
    {"SetsSplit", kWeb, R"(abi 10;
requires abi 4;
layer web {
    allow read_file on "/srv/www";
    allow read_dir on "/srv/www";
    allow read on "/etc/web";
    allow read on "/var/log/web";
    allow write on "/var/log/web";
    allow bind_tcp on port 8080;
}
)",
     ""},
    {"SetsMerged",
     R"(layer a {
    allow read_file on "/a";
    allow read_dir on "/a";
    allow read_file on "/b";
    allow read_dir on "/b";
    allow connect_tcp on port 80;
    allow connect_tcp on port 81;
}
)",
     R"(layer a {
    allow read on "/a", "/b";
    allow connect_tcp on port 80..81;
}
)",
     ""},
    {"RedundantGrantAdded", kWeb, R"(abi 10;
requires abi 4;
layer web {
    allow read on "/srv/www", "/etc/web";
    allow read_file on "/srv/www/index.html";
    allow read_write on "/var/log/web";
    allow write_file on "/var/log/web/access.log";
    allow bind_tcp on port 8080;
}
)",
     ""},
    {"VariableSpellings", R"(layer a {
    allow read on "$HOME/notes";
}
)",
     R"(layer a {
    allow read on "${HOME}//notes/";
}
)",
     ""},
    {"TopLevelRulesAreLayerMain", R"(handle fs: read_file;
allow read_file on "/usr";
)",
     R"(layer everything_else {
    handle fs: read_file;
    allow read_file on "/usr";
}
)",
     ""},
    {"LayersReordered",
     R"(layer exec {
    handle fs: execute;
    allow execute on "/usr/bin";
}
layer files {
    handle fs: read_file;
    allow read_file on "/usr";
}
)",
     R"(layer files {
    handle fs: read_file;
    allow read_file on "/usr";
}
layer exec {
    handle fs: execute;
    allow execute on "/usr/bin";
}
)",
     ""},
    {"GrantMovedBetweenStackedLayers",
     R"(layer one {
    handle fs: read_file;
    allow read_file on "/usr";
}
layer two {
    handle fs: execute;
    allow execute on "/usr/bin";
}
)",
     R"(layer one {
    handle fs: execute;
    allow execute on "/usr/bin";
}
layer two {
    handle fs: read_file;
    allow read_file on "/usr";
}
)",
     ""},
    {"LayersRenamedAndReorderedWithTheirLogSettings",
     R"(abi 7;
layer exec {
    handle fs: execute;
    log same_exec off;
    allow execute on "/usr/bin";
}
layer files {
    handle fs: read_file;
    allow read_file on "/usr";
}
)",
     R"(abi 7;
layer reading {
    handle fs: read_file;
    allow read_file on "/usr";
}
layer running {
    handle fs: execute;
    log same_exec off;
    allow execute on "/usr/bin";
}
)",
     ""},
    {"DenyByDefaultSpelledOut",
     R"(abi 6;
layer a {
    allow read on "/usr";
}
)",
     R"(abi 6;
layer a {
    handle fs: all;
    handle net: all;
    handle scope: all;
    allow read on "/usr";
}
)",
     ""},
};

// Each kind of widening, narrowing and policy-level change, with its exact report.
const Pair kDifferences[] = {
    {"WidenedByPath", kWeb, R"(abi 10;
requires abi 4;
layer web {
    allow read on "/srv", "/etc/web";
    allow read_write on "/var/log/web";
    allow bind_tcp on port 8080;
}
)",
     "new.landlock:4:5: widened: `read_file`, `read_dir` on `/srv` (was only `/srv/www`) in layer "
     "`web`\n"
     "1 widened, 0 narrowed\n"},
    {"WidenedByRight", kWeb, R"(abi 10;
requires abi 4;
layer web {
    allow read + execute on "/srv/www", "/etc/web";
    allow read_write on "/var/log/web";
    allow bind_tcp on port 8080;
}
)",
     "new.landlock:4:5: widened: `execute` on `/etc/web` in layer `web`\n"
     "new.landlock:4:5: widened: `execute` on `/srv/www` in layer `web`\n"
     "2 widened, 0 narrowed\n"},
    {"WidenedByPort", kWeb, R"(abi 10;
requires abi 4;
layer web {
    allow read on "/srv/www", "/etc/web";
    allow read_write on "/var/log/web";
    allow bind_tcp on port 8080, 8443;
    allow connect_tcp on port 5000..5010;
}
)",
     "new.landlock:7:5: widened: `connect_tcp` on ports 5000..5010 in layer `web`\n"
     "new.landlock:6:5: widened: `bind_tcp` on port 8443 in layer `web`\n"
     "2 widened, 0 narrowed\n"},
    {"WidenedByDroppedHandleLine",
     R"(layer files {
    handle fs: read_file;
    handle fs: write_file;
    allow read_file + write_file on "/data";
}
)",
     R"(layer files {
    handle fs: read_file;
    allow read_file + write_file on "/data";
}
)",
     "widened: `write_file` on `/` (was only `/data`) as no layer handles it\n"
     "changed: `write_file` no longer handled by any layer (old.landlock:1:1)\n"
     "1 widened, 0 narrowed, 1 changed\n"},
    {"WidenedByRemovedLayer",
     R"(layer files {
    handle fs: read_file + execute;
    allow read_file + execute on "/usr";
}
layer no_exec {
    handle fs: execute;
    allow execute on "/usr/bin";
}
)",
     R"(layer files {
    handle fs: read_file + execute;
    allow read_file + execute on "/usr";
}
)",
     "new.landlock:3:5: widened: `execute` on `/usr` (was only `/usr/bin`) in layer `files`\n"
     "changed: layer `no_exec` removed (old.landlock:5:1)\n"
     "1 widened, 0 narrowed, 1 changed\n"},
    {"WidenedToTheRootCoversVariables",
     R"(layer a {
    allow read on "$HOME/notes";
    allow read_file on "/etc/hosts";
}
)",
     R"(layer a {
    allow read on "/";
}
)",
     "new.landlock:2:5: widened: `read_file`, `read_dir` on `/` (was only `${HOME}/notes`, "
     "`/etc/hosts`) in layer `a`\n"
     "1 widened, 0 narrowed\n"},
    {"WidenedByOneStatementOnSeveralPorts",
     R"(layer a {
    allow bind_tcp on port 80;
}
)",
     R"(layer a {
    allow bind_tcp on port 80, 81, 82;
}
)",
     "new.landlock:2:5: widened: `bind_tcp` on ports 81..82 in layer `a`\n"
     "1 widened, 0 narrowed\n"},
    {"RequiresAbiLowered", kWeb, R"(abi 10;
requires abi 2;
layer web {
    allow read on "/srv/www", "/etc/web";
    allow read_write on "/var/log/web";
    allow bind_tcp on port 8080;
}
)",
     "new.landlock:2:1: widened: `requires abi` lowered from 4 to 2\n"
     "1 widened, 0 narrowed\n"},
    {"RequiresAbiRemovedAndThreadsDropped",
     R"(abi 8;
requires abi 8;
threads all;
layer a {
    allow read on "/usr";
}
)",
     R"(abi 8;
layer a {
    allow read on "/usr";
}
)",
     "widened: `requires abi 8` removed (old.landlock:2:1)\n"
     "widened: `threads all` removed (old.landlock:3:1)\n"
     "2 widened, 0 narrowed\n"},
    {"NarrowedOnly", kWeb, R"(abi 10;
requires abi 4;
layer web {
    allow read on "/srv/www/public", "/etc/web";
    allow read_write - truncate on "/var/log/web";
}
)",
     "narrowed: `read_file`, `read_dir` on `/srv/www` (old.landlock:4:5)\n"
     "narrowed: `truncate` on `/var/log/web` (old.landlock:5:5)\n"
     "narrowed: `bind_tcp` on port 8080 (old.landlock:6:5)\n"
     "0 widened, 3 narrowed\n"},
    {"ScopeAndAbi",
     R"(abi 6;
layer a {
    allow read on "/usr";
}
)",
     R"(abi 7;
layer a {
    handle fs: all;
    handle net: all;
    handle scope: abstract_unix_socket;
    log same_exec off;
    allow read on "/usr";
}
)",
     "widened: scope `signal` as no layer handles it\n"
     "new.landlock:1:1: changed: `abi` raised from 6 to 7\n"
     "new.landlock:6:5: changed: `log` of layer `a` was none, now `same_exec off`\n"
     "changed: scope `signal` no longer handled by any layer (old.landlock:2:1)\n"
     "1 widened, 0 narrowed, 3 changed\n"},
};

std::string PairName(const ::testing::TestParamInfo<Pair>& pair) { return pair.param.name; }

class NoDifferenceTest : public ::testing::TestWithParam<Pair> {};

TEST_P(NoDifferenceTest, ReportsNothing) {
  Report report = CompareTexts(GetParam().old_text, GetParam().new_text);
  EXPECT_TRUE(report.Empty());
  EXPECT_EQ(Text(report), GetParam().expected);
  EXPECT_EQ(ExitCode(report, FailOn::kChange), 0);
}

INSTANTIATE_TEST_SUITE_P(Refactors, NoDifferenceTest, ::testing::ValuesIn(kNoDifference), PairName);

class DifferenceTest : public ::testing::TestWithParam<Pair> {};

TEST_P(DifferenceTest, ReportsExactly) {
  Report report = CompareTexts(GetParam().old_text, GetParam().new_text);
  EXPECT_EQ(Text(report), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Changes, DifferenceTest, ::testing::ValuesIn(kDifferences), PairName);

}  // namespace
}  // namespace landlockc::diff
