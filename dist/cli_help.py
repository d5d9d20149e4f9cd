# SPDX-License-Identifier: MIT
"""Reads the option tables of `landlockc` from its `--help` output (llvm::cl's format): the one
source the man pages, the completions and their tests share."""

import re
import subprocess


class Option:
    def __init__(self, name, placeholder, description):
        self.name = name  # "--emit", "-I"
        self.placeholder = placeholder  # "value", "dir", ... or None for a flag
        self.description = description
        self.values = []  # [(value, description)] for an option with a fixed set of values

    def spelling(self):
        """How the page and the completions show it: `--emit=<value>`, `-I <dir>`, `--check`."""
        if not self.placeholder:
            return self.name
        joiner = " " if len(self.name) == 2 else "="
        return "%s%s<%s>" % (self.name, joiner, self.placeholder)


class Command:
    def __init__(self, name, summary):
        self.name = name
        self.summary = summary
        self.usage = ""
        self.options = []


def run_help(landlockc, *args):
    return subprocess.run([landlockc, *args, "--help"], check=True, capture_output=True,
                          text=True).stdout


def parse_options(text):
    """The options of one `--help` text, `--help` itself last, without llvm's other generic ones."""
    options = []
    generic = False
    for line in text.splitlines():
        if line.startswith("Generic Options:"):
            generic = True
        option = re.match(r"^  (-{1,2}[\w-]+)(?:=<([^>]+)>)?\s+- (.*)$", line)
        value = re.match(r"^    =([\w-]+)\s+-   (.*)$", line)
        if option and (not generic or option.group(1) in ("--help", "--version")):
            options.append(Option(option.group(1), option.group(2), option.group(3).strip()))
        elif value and options and not generic:
            options[-1].values.append((value.group(1), value.group(2).strip()))
    return options


def read(landlockc):
    """The subcommands, each with its usage line and options, from the tool's `--help`."""
    overview = run_help(landlockc)
    commands = []
    in_list = False
    for line in overview.splitlines():
        if line.startswith("SUBCOMMANDS:"):
            in_list = True
        elif line.startswith("OPTIONS:"):
            in_list = False
        entry = re.match(r"^  ([a-z][\w-]*)\s+- (.*)$", line)
        if in_list and entry:
            commands.append(Command(entry.group(1), entry.group(2).strip()))
    for command in commands:
        text = run_help(landlockc, command.name)
        usage = re.search(r"^USAGE: (.*)$", text, re.M)
        command.usage = usage.group(1).strip() if usage else "landlockc " + command.name
        command.options = parse_options(text)
    return commands, parse_options(overview)


def read_words(path):
    """The words file landlockc_words writes: {kind: [(name, summary)]}."""
    words = {}
    with open(path) as file:
        for line in file:
            fields = line.rstrip("\n").split("\t")
            words.setdefault(fields[0], []).append((fields[1], fields[2] if len(fields) > 2 else ""))
    return words
