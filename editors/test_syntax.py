#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Usage: test_syntax.py WORDS SOURCE_DIR

The editor syntax files against the repository's policies:
- they are what editors/generate.py makes from today's word lists (nothing edited by hand, nothing
  stale);
- the TextMate grammar, run by a small TextMate engine below, and the Vim syntax, run by vim in
  batch mode, give every token of every policy in the repository (every `.landlock` file and
  every `landlock` block of docs/), and of a line holding every reserved word, right, set and log
  setting, the scope its kind calls for: reserved words are keywords, rights and sets constants,
  names variables, and so on. A token left without a scope fails the test."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402

failures = []

# --- The policies and their tokens (the lexer's token kinds, after grammar/Landlock.g4) ---------

TOKEN = re.compile(r"""
    (?P<space>[ \t\r\n]+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>"(?:[^"\\\r\n]|\\[^\r\n])*"?\\?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<int>[0-9]+)
  | (?P<operator>\.\.|[-+=])
  | (?P<punctuation>[;:,(){}])
  | (?P<invalid>.)""", re.X | re.S)


def tokens(text, lists):
    """(kind, start, end) of each token; a word's kind says which list it belongs to."""
    result = []
    previous_word = None
    for match in TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "space":
            continue
        if kind == "word":
            word = match.group()
            if previous_word in generate.DECLARING:
                kind = "declared"
            else:
                for list_name in ("keyword", "right", "set", "flag"):
                    if word in lists[list_name]:
                        kind = list_name
                        break
                else:
                    kind = "name"
            previous_word = word
        elif kind != "comment":
            previous_word = None
        result.append((kind, match.start(), match.end()))
    return result


def policies(source_dir, lists):
    """{name: text} of every policy in the repository, and a line of every word."""
    found = {}
    for root, directories, files in os.walk(source_dir):
        directories[:] = [d for d in directories
                          if d != ".git" and not os.path.exists(os.path.join(root, d, "CMakeCache.txt"))]
        for name in files:
            path = os.path.join(root, name)
            if name.endswith(".landlock") and os.path.isfile(path):
                with open(path, "rb") as file:
                    found[os.path.relpath(path, source_dir)] = file.read()
    for name in sorted(os.listdir(os.path.join(source_dir, "docs"))):
        if name.endswith(".md"):
            with open(os.path.join(source_dir, "docs", name), "rb") as file:
                blocks = re.findall(rb"^```landlock[^\n]*\n(.*?)^```", file.read(), re.M | re.S)
            for index, block in enumerate(blocks):
                found["docs/%s#%d" % (name, index + 1)] = block
    every_word = " ; ".join(word for key in ("keyword", "right", "set", "flag") for word in lists[key])
    found["(every word)"] = (every_word + "\n").encode()
    if len(found) < 10:
        failures.append("found only %d policies under %s" % (len(found), source_dir))
    return found


# What each token kind must be highlighted as: TextMate scope prefixes, Vim groups.
EXPECTED = {
    "comment": (("comment.line",), ("landlockComment",)),
    "string": (("string.quoted", "constant.character.escape", "variable.other.environment",
                "punctuation.definition.string"),
               ("landlockString", "landlockEscape", "landlockVariable")),
    "keyword": (("keyword.other",), ("landlockKeyword",)),
    "right": (("support.constant.right",), ("landlockRight",)),
    "set": (("support.constant.set",), ("landlockSet",)),
    "flag": (("support.constant.flag",), ("landlockFlag",)),
    "declared": (("entity.name", "variable.other.definition"),
                 ("landlockDeclared", "landlockKeyword", "landlockRight", "landlockSet",
                  "landlockFlag")),
    "name": (("variable.other.landlock",), ("landlockIdentifier",)),
    "int": (("constant.numeric",), ("landlockNumber",)),
    "operator": (("keyword.operator",), ("landlockOperator",)),
    "punctuation": (("punctuation.",), ("landlockDelimiter",)),
    "invalid": (("invalid.illegal",), ("landlockError",)),
}


def check(engine, name, text, lists, scopes_at):
    """Fails every token of `text` whose characters are not all given the expected scope."""
    which = 0 if engine == "TextMate" else 1
    for kind, start, end in tokens(text, lists):
        for index in range(start, end):
            scope = scopes_at(index)
            if not scope or not any(scope.startswith(prefix) for prefix in EXPECTED[kind][which]):
                failures.append("%s: %s: %s token `%s` at offset %d has scope %r" % (
                    engine, name, kind, text[start:end][:40], index, scope))
                break


# --- A TextMate engine: match, begin/end, captures, include (what the grammar uses) -------------

class TextMate:
    def __init__(self, grammar):
        self.repository = grammar["repository"]
        self.top = self.expand(grammar["patterns"])
        self.regexes = {}

    def expand(self, patterns):
        result = []
        for pattern in patterns:
            if "include" in pattern:
                result += self.expand([self.repository[pattern["include"][1:]]])
            elif "match" not in pattern and "begin" not in pattern:
                result += self.expand(pattern.get("patterns", []))
            else:
                result.append(pattern)
        return result

    def regex(self, text):
        if text not in self.regexes:
            self.regexes[text] = re.compile(text)
        return self.regexes[text]

    def scopes(self, text):
        """The innermost scope of every character of `text`."""
        result = [None] * len(text)
        stack = []
        for line_match in re.finditer(r"[^\n]*\n?", text):
            line = line_match.group().rstrip("\n")
            offset = line_match.start()
            position = 0
            while position <= len(line):
                candidates = []
                if stack:
                    candidates.append(("end", stack[-1]["end"], stack[-1]))
                    candidates += [("rule", p.get("match") or p["begin"], p)
                                   for p in self.expand(stack[-1].get("patterns", []))]
                else:
                    candidates = [("rule", p.get("match") or p["begin"], p) for p in self.top]
                best = None
                for kind, pattern, rule in candidates:
                    match = self.regex(pattern).search(line, position)
                    if match and (best is None or match.start() < best[0].start()):
                        best = (match, kind, rule)
                enclosing = stack[-1].get("name") if stack else None
                stop = best[0].start() if best else len(line)
                for index in range(position, stop):
                    result[offset + index] = enclosing
                if not best:
                    break
                match, kind, rule = best
                if kind == "end":
                    self.paint(result, offset, match, enclosing, rule.get("endCaptures", {}))
                    stack.pop()
                elif "match" in rule:
                    self.paint(result, offset, match, rule.get("name", enclosing),
                               rule.get("captures", {}))
                else:
                    self.paint(result, offset, match, rule.get("name", enclosing),
                               rule.get("beginCaptures", {}))
                    stack.append(rule)
                position = match.end() + (1 if match.end() == match.start() and kind != "end"
                                          else 0)
                if kind == "end" and match.end() == match.start() and match.end() == len(line):
                    break
        return result

    @staticmethod
    def paint(result, offset, match, name, captures):
        for index in range(match.start(), match.end()):
            result[offset + index] = name
        for group, capture in captures.items():
            if match.start(int(group)) >= 0:
                for index in range(match.start(int(group)), match.end(int(group))):
                    result[offset + index] = capture["name"]


# --- Vim, in batch mode: the syntax group of every byte ------------------------------------------

VIM_SCRIPT = r"""
set nocompatible
" Highlight long lines to their end (tests/diagnostics has a 4 KiB path); Vim stops at 3000.
set synmaxcol=0
let &runtimepath = g:editors . ',' . &runtimepath
filetype on
syntax on
let s:out = []
for s:file in readfile(g:list)
  execute 'edit ' . fnameescape(s:file)
  call add(s:out, 'FILE ' . s:file . ' ' . &filetype)
  for s:line in range(1, line('$'))
    let s:groups = []
    for s:column in range(1, col([s:line, '$']) - 1)
      call add(s:groups, synIDattr(synID(s:line, s:column, 1), 'name'))
    endfor
    call add(s:out, join(s:groups, ' '))
  endfor
endfor
call writefile(s:out, g:out)
qall!
"""


def vim_groups(editors_dir, files):
    """{path: [group of each byte]} from vim."""
    with tempfile.TemporaryDirectory() as work:
        script = os.path.join(work, "dump.vim")
        listing = os.path.join(work, "files")
        out = os.path.join(work, "out")
        with open(script, "w") as file:
            file.write(VIM_SCRIPT)
        with open(listing, "w") as file:
            file.write("\n".join(files) + "\n")
        subprocess.run(["vim", "-N", "-u", "NONE", "-i", "NONE", "-n", "-es",
                        "--cmd", "let g:editors = '%s' | let g:list = '%s' | let g:out = '%s'"
                        % (editors_dir, listing, out), "-S", script],
                       check=False, stdin=subprocess.DEVNULL, timeout=120)
        if not os.path.exists(out):
            failures.append("vim wrote no syntax dump")
            return {}
        groups = {}
        current = None
        with open(out, encoding="utf-8") as file:
            for line in file.read().split("\n")[:-1]:
                if line.startswith("FILE "):
                    _, current, filetype = (line.split(" ") + [""])[:3]
                    if filetype != "landlock":
                        failures.append("vim: %s: filetype `%s`, not `landlock`" % (current, filetype))
                    groups[current] = []
                else:
                    groups[current].append(line.split(" ") if line else [])
        return groups


def main():
    words_path, source_dir = sys.argv[1:3]
    editors_dir = os.path.join(source_dir, "editors")
    grammar_path = os.path.join(source_dir, "grammar", "Landlock.g4")
    lists = generate.word_lists(words_path, grammar_path)

    # Generated files are up to date.
    with tempfile.TemporaryDirectory() as fresh:
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), words_path, grammar_path,
                        fresh], check=True)
        for root, _, names in os.walk(fresh):
            for name in names:
                relative = os.path.relpath(os.path.join(root, name), fresh)
                kept = os.path.join(editors_dir, relative)
                with open(os.path.join(fresh, relative)) as new:
                    if not os.path.exists(kept) or open(kept).read() != new.read():
                        failures.append("editors/%s is stale: run editors/generate.py "
                                        "build/dist/words.txt grammar/Landlock.g4 editors" % relative)

    found = policies(source_dir, lists)
    with open(os.path.join(editors_dir, "vscode", "syntaxes", "landlock.tmLanguage.json")) as file:
        textmate = TextMate(json.load(file))
    for name, data in sorted(found.items()):
        text = data.decode("utf-8", errors="replace")
        scopes = textmate.scopes(text)
        check("TextMate", name, text, lists, lambda index, scopes=scopes: scopes[index])

    if not shutil.which("vim"):
        failures.append("vim is not installed (scripts/install-deps.sh installs it)")
    else:
        with tempfile.TemporaryDirectory() as work:
            paths = {}
            for index, (name, data) in enumerate(sorted(found.items())):
                try:
                    data.decode("utf-8")
                except UnicodeDecodeError:
                    continue  # vim reads a file that is not UTF-8 as Latin-1: offsets differ
                path = os.path.join(work, "%03d.landlock" % index)
                with open(path, "wb") as file:
                    file.write(data)
                paths[path] = name
            groups = vim_groups(os.path.join(editors_dir, "vim"), sorted(paths))
            for path, name in sorted(paths.items()):
                text = found[name].decode("utf-8")
                by_byte = [group for line in groups.get(path, []) for group in line + [""]]
                # Vim reports per byte; map character offsets to byte offsets.
                byte_of = []
                count = 0
                for character in text:
                    byte_of.append(count)
                    count += len(character.encode("utf-8"))
                check("Vim", name, text, lists,
                      lambda index, b=by_byte, o=byte_of: b[o[index]] if o[index] < len(b) else "")
    for failure in failures[:40]:
        print("FAIL: " + failure, file=sys.stderr)
    if failures:
        sys.exit(1)
    print("editors: %d policies, every token scoped by the TextMate grammar and by Vim" % len(found))


if __name__ == "__main__":
    main()
