#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs real editors against `landlockc lsp` with the configuration docs/editors.md shows.

  run_editors.py neovim     --landlockc BIN --doc docs/editors.md
  run_editors.py emacs      --landlockc BIN --doc docs/editors.md
  run_editors.py transcript --landlockc BIN --doc docs/editors.md [--update]

`neovim` and `emacs` take the editor's snippet out of the doc as it is written, start the editor
headless on a policy with an error (a `use` of an unknown `rules` block), with `landlockc` on the
PATH as the doc assumes, and check what the editor received from the server: the diagnostic (its
message and line), a hover text and completion items. A small driver script, which is not part
of the doc, plays the user: it waits for the diagnostics, asks for hover and completion through
the editor's LSP client, writes what came back as JSON, and quits.

`transcript` replays the `-->` messages of the doc's "What the server says" session to the server
and compares every answer with the doc's `<--` line, byte for byte (the server's JSON with its keys
sorted, as the doc prints it); --update rewrites the doc's `<--` lines with the answers instead.

Exits 1, saying what differs, when the editor or the server does not do what the doc says.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# The document the editors open: the doc's session example, before its fix.
POLICY = ('abi 7;\nrules tls {\n    allow read on "/etc/ssl";\n}\nlayer main {\n'
          '    allow read on "/srv/www";\n    use tsl;\n}\n')
# What the server must have told the editor about it (lines and columns 0-based, as LSP counts).
DIAGNOSTIC = {"line": 6, "message": "unknown `rules` block `tsl`"}
# The user's fix, as the line that replaces the wrong one; hover and completion need a policy that
# checks.
FIX_LINE, FIX_TEXT = 6, "    use tls;"
HOVER_AT = (5, 20)  # on "/srv/www"
HOVER_TEXT = ("`/srv/www` under ABI 7\n\n- layer `main`: allows `read_file, read_dir`\n"
              "  - by allow `read_file, read_dir` on `/srv/www` (line 6)\n\n"
              "allowed: `read_file, read_dir`\n")
COMPLETION_AT = (6, 8)  # after `use `: the policy's `rules` names
COMPLETION_LABEL = "tls"
TIMEOUT_SECONDS = 60


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def section(doc, heading):
    """The text of the doc under the heading that starts with `heading`, up to the next one."""
    match = re.search(r"^#+ " + re.escape(heading) + r".*?\n(.*?)(?=^#|\Z)", doc, re.S | re.M)
    if not match:
        fail("docs/editors.md has no heading starting with %r" % heading)
    return match.group(1)


def snippet(doc, heading, language):
    """The one ```language block under `heading`."""
    found = re.findall(r"^```" + language + r"\n(.*?)^```", section(doc, heading), re.S | re.M)
    if len(found) != 1:
        fail("expected one ```%s block under %r, found %d" % (language, heading, len(found)))
    return found[0]


def editor_environment(landlockc, scratch):
    """A PATH on which `landlockc` is the binary under test, and a home of its own."""
    bin_dir = os.path.join(scratch, "bin")
    os.makedirs(bin_dir)
    os.symlink(os.path.abspath(landlockc), os.path.join(bin_dir, "landlockc"))
    home = os.path.join(scratch, "home")
    os.makedirs(home)
    environment = dict(os.environ, HOME=home, PATH=bin_dir + os.pathsep + os.environ["PATH"])
    environment.pop("XDG_CONFIG_HOME", None)
    return environment


def write_policy(scratch):
    project = os.path.join(scratch, "policies")
    os.makedirs(project)
    path = os.path.join(project, "web.landlock")
    with open(path, "w") as policy:
        policy.write(POLICY)
    return path


def run_editor(command, environment, cwd, results_path):
    try:
        run = subprocess.run(command, env=environment, cwd=cwd, capture_output=True, text=True,
                             timeout=TIMEOUT_SECONDS, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        fail("%s did not finish in %d s" % (command[0], TIMEOUT_SECONDS))
    if not os.path.exists(results_path):
        fail("%s wrote no results (status %d)\nstdout:\n%s\nstderr:\n%s"
             % (command[0], run.returncode, run.stdout, run.stderr))
    with open(results_path) as results:
        return json.load(results), run


def check_results(editor, results):
    """What the driver wrote: {"diagnostics": [{line, message}], "hover": str, "completion": [str]}."""
    problems = []
    if "error" in results:
        problems.append("the driver failed: %s" % results["error"])
    diagnostics = results.get("diagnostics", [])
    # Editors may prefix the server's message (Flymake adds the source and the code).
    if not any(shown.get("line") == DIAGNOSTIC["line"]
               and str(shown.get("message")).endswith(DIAGNOSTIC["message"])
               for shown in diagnostics):
        problems.append("diagnostics %r lack %r" % (diagnostics, DIAGNOSTIC))
    if results.get("hover") != HOVER_TEXT:
        problems.append("hover %r is not %r" % (results.get("hover"), HOVER_TEXT))
    completion = results.get("completion", [])
    if COMPLETION_LABEL not in completion:
        problems.append("completion %r lacks %r" % (completion, COMPLETION_LABEL))
    if problems:
        fail("%s:\n  %s" % (editor, "\n  ".join(problems)))
    print("%s: received diagnostics %r, the hover text and completion items %r"
          % (editor, diagnostics, completion))


# --- Neovim -------------------------------------------------------------------------------------

NEOVIM_DRIVER = r"""
local results_path, hover_line, hover_character, completion_line, completion_character, fix_line = ...
fix_line = tonumber(fix_line)
local fix_text = FIX_TEXT
local results = {}
local function finish()
  local file = io.open(results_path, "w")
  file:write(vim.fn.json_encode(results))
  file:close()
  vim.cmd("qall!")
end
local ok, message = pcall(function()
  local buffer = vim.api.nvim_get_current_buf()
  if not vim.wait(20000, function() return #vim.diagnostic.get(buffer) > 0 end, 50) then
    error("no diagnostics arrived")
  end
  if vim.bo[buffer].omnifunc ~= "v:lua.vim.lsp.omnifunc" then
    error("omnifunc is " .. vim.inspect(vim.bo[buffer].omnifunc) .. ", not the LSP client's")
  end
  results.diagnostics = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(results.diagnostics, { line = diagnostic.lnum, message = diagnostic.message })
  end
  -- The user fixes the error; hover and completion need a policy that checks.
  vim.api.nvim_buf_set_lines(buffer, fix_line, fix_line + 1, true, { fix_text })
  local function fixed()
    for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
      if diagnostic.severity == vim.diagnostic.severity.ERROR then return false end
    end
    return true
  end
  if not vim.wait(20000, fixed, 50) then error("the error stayed after the fix") end
  local function ask(method, line, character)
    local params = { textDocument = vim.lsp.util.make_text_document_params(),
                     position = { line = line, character = character } }
    local answers, err = vim.lsp.buf_request_sync(buffer, method, params, 10000)
    if not answers then error(method .. ": " .. tostring(err)) end
    for _, answer in pairs(answers) do
      if answer.err then error(method .. ": " .. vim.inspect(answer.err)) end
      return answer.result
    end
    error(method .. ": no client answered")
  end
  local hover = ask("textDocument/hover", tonumber(hover_line), tonumber(hover_character))
  results.hover = hover.contents.value
  local completion = ask("textDocument/completion", tonumber(completion_line),
                         tonumber(completion_character))
  results.completion = {}
  for _, item in ipairs(completion.items or completion) do
    table.insert(results.completion, item.label)
  end
end)
if not ok then results.error = message end
finish()
"""


def neovim_version():
    try:
        first = subprocess.run(["nvim", "--version"], capture_output=True, text=True).stdout
    except FileNotFoundError:
        fail("nvim is not installed (scripts/install-deps.sh installs it)")
    match = re.match(r"NVIM v(\d+)\.(\d+)", first)
    if not match:
        fail("cannot read the Neovim version from %r" % first.splitlines()[:1])
    return int(match.group(1)), int(match.group(2))


def run_neovim(landlockc, doc):
    version = neovim_version()
    # The doc gives one configuration per Neovim generation; the installed one picks which runs.
    heading = "Neovim 0.8" if version >= (0, 8) else "Neovim 0.7"
    config = snippet(doc, heading, "lua")
    with tempfile.TemporaryDirectory() as scratch:
        environment = editor_environment(landlockc, scratch)
        init = os.path.join(scratch, "init.lua")
        with open(init, "w") as file:
            file.write(config)
        driver = os.path.join(scratch, "driver.lua")
        with open(driver, "w") as file:
            file.write(NEOVIM_DRIVER.replace("FIX_TEXT", json.dumps(FIX_TEXT)))
        policy = write_policy(scratch)
        results_path = os.path.join(scratch, "results.json")
        arguments = " ".join(str(value) for value in
                             (results_path,) + HOVER_AT + COMPLETION_AT + (FIX_LINE,))
        command = ["nvim", "--headless", "-n", "-i", "NONE", "-u", init, policy,
                   "-c", "lua loadfile(%r)(unpack(vim.split(%r, ' ')))" % (driver, arguments)]
        results, _ = run_editor(command, environment, os.path.dirname(policy), results_path)
    check_results("Neovim %d.%d, the `%s` snippet" % (version + (heading,)), results)


# --- Emacs --------------------------------------------------------------------------------------

# Emacs 28 has no eglot of its own: Debian's elpa-eglot provides it, through package.el. Flymake
# shows a diagnostic as `landlockc [code]: message`, hence the suffix match.
EMACS_DRIVER = r"""
(require 'json)
(defun landlockc-test-finish (results)
  (with-temp-file landlockc-test-results (insert (json-encode results)))
  (kill-emacs 0))
(defvar landlockc-test-published 0 "How many publishDiagnostics notifications arrived.")
(advice-add 'eglot-handle-notification :after
            (lambda (_server method &rest _)
              (when (eq method 'textDocument/publishDiagnostics)
                (setq landlockc-test-published (1+ landlockc-test-published)))))
(defun landlockc-test-error-shown ()
  (seq-some (lambda (diagnostic)
              (string-suffix-p landlockc-test-error (flymake-diagnostic-text diagnostic)))
            (flymake-diagnostics)))
(defun landlockc-test-position (line character)
  (goto-char (point-min))
  (forward-line line)
  (forward-char character))
(condition-case failure
    (let (diagnostics published hover completion)
      (find-file landlockc-test-policy)
      (unless (eq major-mode 'landlock-mode) (error "major mode %s, not landlock-mode" major-mode))
      ;; eglot-ensure connects when the command that opened the file is over.
      (run-hooks 'post-command-hook)
      (let ((waited 0))
        (while (and (null (flymake-diagnostics)) (< waited 200))
          (accept-process-output nil 0.1)
          (setq waited (1+ waited))))
      (unless (flymake-diagnostics) (error "flymake has no diagnostics"))
      (dolist (diagnostic (flymake-diagnostics))
        (push `((line . ,(1- (line-number-at-pos (flymake-diagnostic-beg diagnostic))))
                (message . ,(flymake-diagnostic-text diagnostic)))
              diagnostics))
      ;; The user fixes the error; hover and completion need a policy that checks.
      (setq published landlockc-test-published)
      (goto-char (point-min))
      (forward-line landlockc-test-fix-line)
      (delete-region (point) (line-end-position))
      (insert landlockc-test-fix-text)
      ;; Eglot sends the change when Emacs is idle, which a batch Emacs never is: send it as the
      ;; idle timer would.
      (eglot--signal-textDocument/didChange)
      ;; Flymake drops a diagnostic whose text is deleted at once: wait for the server's answer.
      (let ((waited 0))
        (while (and (or (= published landlockc-test-published) (landlockc-test-error-shown))
                    (< waited 200))
          (accept-process-output nil 0.1)
          (setq waited (1+ waited))))
      (when (or (= published landlockc-test-published) (landlockc-test-error-shown))
        (error "no diagnostics without the error after the fix"))
      (apply #'landlockc-test-position landlockc-test-hover-at)
      (setq hover (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                                   (eglot--TextDocumentPositionParams)))
      (apply #'landlockc-test-position landlockc-test-completion-at)
      ;; What completion-at-point offers: eglot's table asks the server.
      (setq completion (all-completions "" (nth 2 (eglot-completion-at-point))))
      (landlockc-test-finish
       `((diagnostics . ,(vconcat diagnostics))
         (hover . ,(or (plist-get (plist-get hover :contents) :value) (format "%S" hover)))
         (completion . ,(vconcat (mapcar #'substring-no-properties completion))))))
  (error (landlockc-test-finish `((error . ,(error-message-string failure))))))
"""


def run_emacs(landlockc, doc):
    if not shutil.which("emacs"):
        fail("emacs is not installed (scripts/install-deps.sh installs emacs-nox and elpa-eglot)")
    config = snippet(doc, "Emacs", "elisp")
    with tempfile.TemporaryDirectory() as scratch:
        environment = editor_environment(landlockc, scratch)
        init_dir = os.path.join(environment["HOME"], ".emacs.d")
        os.makedirs(init_dir)
        with open(os.path.join(init_dir, "init.el"), "w") as file:
            file.write(config)
        policy = write_policy(scratch)
        results_path = os.path.join(scratch, "results.json")
        settings = ("(setq landlockc-test-policy %s landlockc-test-results %s"
                    " landlockc-test-hover-at '(%d %d) landlockc-test-completion-at '(%d %d)"
                    " landlockc-test-fix-line %d landlockc-test-fix-text %s landlockc-test-error %s)"
                    % ((json.dumps(policy), json.dumps(results_path)) + HOVER_AT + COMPLETION_AT
                       + (FIX_LINE, json.dumps(FIX_TEXT), json.dumps(DIAGNOSTIC["message"]))))
        driver = os.path.join(scratch, "driver.el")
        with open(driver, "w") as file:
            file.write(settings + "\n" + EMACS_DRIVER)
        # --batch alone skips the init file and package.el; `-u ""` has this user's init file
        # loaded after the packages are activated, as an interactive Emacs starts.
        command = ["emacs", "--batch", "-u", "", "--load", driver]
        results, _ = run_editor(command, environment, os.path.dirname(policy), results_path)
    check_results("Emacs (eglot)", results)


# --- The transcript -----------------------------------------------------------------------------

def frame(body):
    data = body.encode()
    return b"Content-Length: %d\r\n\r\n" % len(data) + data


def read_messages(output):
    """The bodies of the framed messages in `output`."""
    messages = []
    while output:
        header, separator, rest = output.partition(b"\r\n\r\n")
        match = re.search(rb"Content-Length: (\d+)", header)
        if not separator or not match:
            fail("the server wrote something that is not a framed message: %r" % output[:200])
        length = int(match.group(1))
        messages.append(rest[:length].decode())
        output = rest[length:]
    return messages


def printed(body):
    """A server message as the doc prints it."""
    return json.dumps(json.loads(body), sort_keys=True)


def run_transcript(landlockc, doc_path, update):
    with open(doc_path) as file:
        doc = file.read()
    block = snippet(doc, "What the server says", "")
    lines = block.splitlines()
    sent = [line[4:] for line in lines if line.startswith("--> ")]
    shown = [line[4:] for line in lines if line.startswith("<-- ")]
    if not sent or not shown or len(sent) + len(shown) != len(lines):
        fail("the transcript block has lines that are neither `--> ` nor `<-- `, or is empty")
    for body in sent:
        json.loads(body)  # the doc shows valid JSON
    run = subprocess.run([landlockc, "lsp"], input=b"".join(frame(body) for body in sent),
                         capture_output=True, timeout=TIMEOUT_SECONDS)
    if run.returncode != 0:
        fail("landlockc lsp exited with status %d (the doc says 0): %s"
             % (run.returncode, run.stderr.decode()))
    answers = [printed(body) for body in read_messages(run.stdout)]
    if update:
        answer = iter(answers)
        rewritten = "\n".join(line if not line.startswith("<-- ") else "<-- " + next(answer, "")
                              for line in lines) + "\n"
        if len(answers) != len(shown):
            fail("the server answered %d messages, the doc shows %d: arrange the `<--` lines"
                 % (len(answers), len(shown)))
        with open(doc_path, "w") as file:
            file.write(doc.replace(block, rewritten, 1))
        print("rewrote %d answers in %s" % (len(answers), doc_path))
        return
    # The order between a request and the notifications is the server's: compare in sequence.
    for number, (expected, actual) in enumerate(zip(shown, answers), 1):
        if expected != actual:
            fail("answer %d differs from the doc (run with --update to rewrite it):\n"
                 "doc:    %s\nserver: %s" % (number, expected, actual))
    if len(answers) != len(shown):
        fail("the server answered %d messages, the doc shows %d" % (len(answers), len(shown)))
    print("transcript: %d messages sent, %d answers as the doc shows" % (len(sent), len(shown)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["neovim", "emacs", "transcript"])
    parser.add_argument("--landlockc", required=True)
    parser.add_argument("--doc", required=True)
    parser.add_argument("--update", action="store_true", help="transcript: rewrite the doc")
    arguments = parser.parse_args()
    if arguments.what == "transcript":
        run_transcript(arguments.landlockc, arguments.doc, arguments.update)
        return
    with open(arguments.doc) as file:
        doc = file.read()
    (run_neovim if arguments.what == "neovim" else run_emacs)(arguments.landlockc, doc)


if __name__ == "__main__":
    main()
