#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Usage: test_man.py LANDLOCKC WORDS MAN_DIR DOCS_DIR

Renders every generated man page with `man -l` (groff when man is absent) and fails when one does
not render cleanly, when a subcommand `--help` lists has no page or no section in docs/cli.md, or
when an option (or option value) that `--help` lists is missing from its page, or a lint rule id
from the pages of the commands whose `--disable` takes it."""

import os
import re
import shutil
import subprocess
import sys

import cli_help

failures = []


def render(page):
    """The page as plain text, as a user reads it."""
    environment = dict(os.environ, LC_ALL="C", MANWIDTH="100", MAN_KEEP_FORMATTING="0")
    if shutil.which("man"):
        command = ["man", "--warnings", "-l", page]
    else:
        command = ["groff", "-man", "-Tascii", "-ww", page]
    result = subprocess.run(command, capture_output=True, text=True, env=environment)
    if result.returncode != 0 or result.stderr.strip():
        failures.append("%s does not render cleanly: %s" % (page, result.stderr.strip()))
    # Overstrike bold and underline (groff's ascii output) back to plain characters.
    return re.sub(r".\x08", "", result.stdout)


def section(text, name):
    match = re.search(r"^%s\n(.*?)(?=^[A-Z][A-Z ]+\n|\Z)" % name, text, re.M | re.S)
    return match.group(1) if match else ""


def check_options(page_name, text, options, rules=()):
    options_text = section(text, "OPTIONS")
    if not options_text:
        failures.append("%s has no OPTIONS section" % page_name)
    for option in options:
        if not re.search(r"^\s+%s" % re.escape(option.spelling()) + "(?!\\S)", options_text, re.M):
            failures.append("%s does not describe %s" % (page_name, option.spelling()))
        values = list(option.values) + (list(rules) if option.placeholder == "id" else [])
        for value, _ in values:
            if not re.search(r"^\s+%s" % re.escape(value) + "(?!\\S)", options_text, re.M):
                failures.append("%s does not describe %s=%s" % (page_name, option.name, value))


def main():
    landlockc, words_path, man_dir, docs_dir = sys.argv[1:5]
    commands, global_options = cli_help.read(landlockc)
    rules = cli_help.read_words(words_path).get("rule", [])
    if not rules:
        failures.append("no lint rules in " + words_path)
    if not commands:
        failures.append("`landlockc --help` lists no subcommand")
    with open(os.path.join(docs_dir, "cli.md")) as file:
        cli_md = file.read()
    pages = {os.path.join(root, name) for root, _, names in os.walk(man_dir) for name in names}
    expected = {os.path.join(man_dir, "man1", "landlockc.1"),
                os.path.join(man_dir, "man5", "landlockc.landlock.5")}
    expected |= {os.path.join(man_dir, "man1", "landlockc-%s.1" % c.name) for c in commands}
    for missing in sorted(expected - pages):
        failures.append("no man page %s" % missing)
    for page in sorted(pages & expected):
        text = render(page)
        if not section(text, "NAME").strip():
            failures.append("%s has no NAME" % page)
    overview = render(os.path.join(man_dir, "man1", "landlockc.1"))
    check_options("landlockc(1)", overview, global_options)
    for command in commands:
        if not re.search(r"^## %s$" % command.name, cli_md, re.M):
            failures.append("docs/cli.md has no `## %s` section for its page" % command.name)
        if "landlockc-%s(1)" % command.name not in overview:
            failures.append("landlockc(1) does not list landlockc-%s(1)" % command.name)
        page = os.path.join(man_dir, "man1", "landlockc-%s.1" % command.name)
        if os.path.exists(page):
            check_options("landlockc-%s(1)" % command.name, render(page), command.options, rules)
    language = render(os.path.join(man_dir, "man5", "landlockc.landlock.5"))
    for heading in re.findall(r"^## (.*)$", open(os.path.join(docs_dir, "language.md")).read(), re.M):
        plain = re.sub(r"[`*]", "", heading).upper()
        if not re.search(r"^%s$" % re.escape(plain), language, re.M):
            failures.append("landlockc.landlock(5) lacks the section %s" % plain)
    for failure in failures:
        print("FAIL: " + failure, file=sys.stderr)
    if failures:
        sys.exit(1)
    print("man pages: %d pages render; every option --help lists is described" % len(expected))


if __name__ == "__main__":
    main()
