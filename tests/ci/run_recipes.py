#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs every command of the CI recipes in docs/ci.md on a scratch repository of policies.

The YAML cannot run here, so this takes the commands out of it: each `run` step of a GitHub
Actions job, each `script` line of a GitLab CI job, and each pre-commit hook (its `entry` with
the files it matches). The `toml` block becomes the repository's `.landlockc.toml`.

  run_recipes.py --landlockc BIN --source SRC [--diff]

Without --diff it runs every recipe but the pull-request diff one; with --diff only that one (it
needs `landlockc diff`). Exits 1 on the first command that does not do what the recipe says.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

import check_sarif as check_sarif_log  # beside this script

# A policy with a finding at warning level: write access to a top-level system directory.
BROAD = 'abi 7;\nlayer main {\n    allow read_write on "/srv";\n}\n'


def blocks(text, language):
    return re.findall(r"^```" + language + r"\n(.*?)^```", text, re.S | re.M)


def is_diff(commands):
    return any("landlockc diff" in command for command in commands)


def published_hooks(source):
    """The hooks this repository publishes (.pre-commit-hooks.yaml), by id."""
    with open(os.path.join(source, ".pre-commit-hooks.yaml")) as hooks:
        return {hook["id"]: hook for hook in yaml.safe_load(hooks)}


def recipes(text, source):
    """(name, [commands], kind) for every YAML block."""
    found = []
    for block in blocks(text, "yaml"):
        document = yaml.safe_load(block)
        if "jobs" in document:  # GitHub Actions
            for name, job in document["jobs"].items():
                commands = [step["run"] for step in job["steps"] if "run" in step]
                found.append(("github:" + name, commands, "shell"))
        elif "repos" in document:  # pre-commit
            published = published_hooks(source)
            for repo in document["repos"]:
                for hook in repo["hooks"]:
                    # A hook of this repository: its published definition, with the overrides.
                    if repo["repo"] != "local":
                        if hook["id"] not in published:
                            fail("pre-commit hook %r is not in .pre-commit-hooks.yaml" % hook["id"])
                        hook = dict(published[hook["id"]], **hook)
                    found.append(("pre-commit:" + hook["id"], [hook], "hook"))
        else:  # GitLab CI: each top-level job with a script
            for name, job in document.items():
                if isinstance(job, dict) and "script" in job:
                    found.append(("gitlab:" + name, list(job["script"]), "shell"))
    return found


def git(repo, *arguments):
    subprocess.run(["git", "-C", repo, *arguments], check=True, capture_output=True)


def shell(command, cwd, env):
    """Runs a command as GitHub Actions and GitLab runners do: bash -e with pipefail."""
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command],
                          cwd=cwd, env=env, capture_output=True, text=True)


def hook_command(hook, repo):
    pattern = re.compile(hook["files"])
    files = subprocess.run(["git", "-C", repo, "ls-files"], check=True, capture_output=True,
                           text=True).stdout.split()
    arguments = hook.get("args", [])
    return " ".join([hook["entry"], *arguments, *(f for f in files if pattern.search(f))])


def run(name, commands, kind, repo, env):
    """Runs a recipe's commands in order; returns the status of the last."""
    for command in commands:
        text = hook_command(command, repo) if kind == "hook" else command
        result = shell(text, repo, env)
        if result.returncode != 0:
            return result
    return result


def make_repository(root, source, config):
    origin = os.path.join(root, "origin.git")
    repo = os.path.join(root, "work")
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", origin], check=True)
    subprocess.run(["git", "clone", "-q", origin, repo], check=True, capture_output=True)
    git(repo, "config", "user.email", "ci@example.org")
    git(repo, "config", "user.name", "ci")
    os.makedirs(os.path.join(repo, "policies"))
    for name in sorted(os.listdir(os.path.join(source, "examples"))):
        if name.endswith(".landlock"):
            shutil.copy(os.path.join(source, "examples", name), os.path.join(repo, "policies"))
    with open(os.path.join(repo, ".landlockc.toml"), "w") as out:
        out.write(config)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "policies")
    git(repo, "push", "-q", "origin", "main")
    return repo


def fail(message, result=None):
    if result is not None:
        message += "\n$ status %d\nstdout:\n%s\nstderr:\n%s" % (result.returncode, result.stdout,
                                                                result.stderr)
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def check_sarif(path, expect_results):
    with open(path) as sarif_file:
        log = json.load(sarif_file)
    # The log the recipe uploads is what code scanning gets: schema and upload requirements.
    check_sarif_log.check_schema(check_sarif_log.schema_validator(), log, path)
    check_sarif_log.check_code_scanning(log, path)
    results = log["runs"][0]["results"]
    if bool(results) != expect_results:
        fail("%s: expected %s results, found %d" % (path, "some" if expect_results else "no",
                                                    len(results)))


def lint_recipes(recipes_found, repo, env):
    ran = 0
    for name, commands, kind in recipes_found:
        result = run(name, commands, kind, repo, env)
        if result.returncode != 0:
            fail(name + " fails on clean policies", result)
        ran += 1
    if os.path.exists(os.path.join(repo, "landlockc.sarif")):
        check_sarif(os.path.join(repo, "landlockc.sarif"), expect_results=False)
    # A warning: the SARIF steps still succeed and hold it, the lint steps and hooks fail.
    with open(os.path.join(repo, "policies", "broad.landlock"), "w") as out:
        out.write(BROAD)
    git(repo, "add", "-A")
    for name, commands, kind in recipes_found:
        for command in commands:
            text = hook_command(command, repo) if kind == "hook" else command
            result = shell(text, repo, env)
            writes_sarif = "--format=sarif" in text
            if writes_sarif and result.returncode != 0:
                fail(name + ": the SARIF step must not fail on findings", result)
            if not writes_sarif and "lint" in text and result.returncode == 0:
                fail(name + ": the lint step must fail on a warning", result)
            if writes_sarif:
                with open(os.path.join(repo, "landlockc.sarif")) as sarif_file:
                    if "broad-grant" not in sarif_file.read():
                        fail(name + ": the SARIF log lacks the broad-grant finding")
    return ran


def diff_recipes(recipes_found, repo, env):
    git(repo, "checkout", "-q", "-b", "widen")
    path = os.path.join(repo, "policies", "static-web-server.landlock")
    with open(path) as policy:
        text = policy.read()
    with open(path, "w") as policy:
        policy.write(text.replace("allow bind_tcp on port 8080, 8443;",
                                  "allow bind_tcp on port 8080, 8443, 9000;"))
    git(repo, "commit", "-q", "-am", "widen")
    env = dict(env, GITHUB_BASE_REF="main")
    for name, commands, kind in recipes_found:
        result = run(name, commands, kind, repo, env)
        if result.returncode != 1:
            fail(name + " must fail when the pull request widens a policy", result)
        with open(os.path.join(repo, "landlockc-diff.md")) as table:
            markdown = table.read()
        if "static-web-server.landlock" not in markdown or "9000" not in markdown:
            fail(name + ": the comment does not show the widening:\n" + markdown)
    return len(recipes_found)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--landlockc", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--diff", action="store_true")
    options = parser.parse_args()
    with open(os.path.join(options.source, "docs", "ci.md")) as docs:
        text = docs.read()
    configs = blocks(text, "toml")
    if len(configs) != 1:
        fail("docs/ci.md must have exactly one toml block, found %d" % len(configs))
    found = recipes(text, options.source)
    selected = [r for r in found if is_diff(r[1] if r[2] == "shell" else []) == options.diff]
    if not selected:
        fail("docs/ci.md has no %s recipe" % ("diff" if options.diff else "lint"))
    env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(options.landlockc)) + os.pathsep +
               os.environ.get("PATH", ""), NO_COLOR="")
    with tempfile.TemporaryDirectory(prefix="landlockc-ci-") as root:
        repo = make_repository(root, options.source, configs[0])
        ran = (diff_recipes if options.diff else lint_recipes)(selected, repo, env)
    print("ran %d recipes" % ran)


if __name__ == "__main__":
    main()
