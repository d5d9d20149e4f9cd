#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Validates every kind of SARIF log landlockc writes (`lint --format=sarif` with findings of every
kind and with none, `diff --format=sarif` with widenings and with none):

- against the official SARIF 2.1.0 JSON schema (sarif-schema-2.1.0.json beside this script, from
  the OASIS SARIF TC; its terms are in sarif-schema-2.1.0.LICENSE.md), with python3-jsonschema,
  formats included (python3-rfc3987 checks the `uri` and `uri-reference` ones);
- against what GitHub code scanning documents for uploads ("SARIF support for code scanning") and
  the schema does not say: the properties it ranks alerts by and their values, its limits,
  fingerprints, one location per result with a line, and the links from message text to related
  locations;
- for lint, against the CI contract: every rule links its documentation.

  check_sarif.py --landlockc BIN     writes the logs above with BIN and checks them
  check_sarif.py --log FILE...       checks logs other tests wrote (tests/cli: SarifProblems)

Exits 1 naming the first problem. It first makes sure the validator rejects a broken log, so that
it cannot pass by checking nothing.
"""
import argparse
import copy
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema

SCHEMA_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sarif-schema-2.1.0.json")
LINT_POLICIES = {
    "broad.landlock": 'abi 10;\nlayer main {\n    allow read_write on "/";\n'
                      '    allow read on "/usr";\n    allow read on "/usr/lib";\n}\n',
    "home.landlock": 'abi 7;\nlayer main {\n    handle fs: all - truncate;\n'
                     '    allow read_write on "$HOME";\n    allow bind_tcp on port 1..65535;\n}\n',
    "bad.landlock": 'abi 4;\nallow read on "relative";\n',
}
CLEAN_POLICY = 'abi 10;\nlayer main {\n    allow read on "/usr/share/doc";\n}\n'
DIFF_OLD = 'abi 7;\nlayer main {\n    allow read on "/srv/a";\n}\n'
DIFF_NEW = 'abi 7;\nlayer main {\n    allow read on "/srv";\n    allow bind_tcp on port 8080;\n}\n'
LINT_RULES_EXPECTED = ("broad-grant", "sensitive-path", "redundant-grant", "relative-path",
                       "unhandled-fs", "broad-port")
LEVELS = {"none", "note", "warning", "error"}
PRECISIONS = {"very-high", "high", "medium", "low"}
PROBLEM_SEVERITIES = {"error", "warning", "recommendation"}
# GitHub's upload limits (beyond them data is dropped or the upload refused).
MAX_RUNS, MAX_RULES, MAX_RESULTS, MAX_TAGS, MAX_LOCATIONS, MAX_RELATED = 20, 25000, 25000, 20, 1000, 1000


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def require(condition, message):
    if not condition:
        fail(message)


def schema_validator():
    """A draft-4 validator for the SARIF schema that checks formats too."""
    with open(SCHEMA_PATH, encoding="utf-8") as schema_file:
        schema = json.load(schema_file)
    jsonschema.Draft4Validator.check_schema(schema)
    checker = jsonschema.FormatChecker()
    for known in ("uri", "uri-reference"):  # the formats of the properties landlockc writes
        require(known in checker.checkers,
                "jsonschema cannot check the %r format: install python3-rfc3987 "
                "(scripts/install-deps.sh)" % known)
    return jsonschema.Draft4Validator(schema, format_checker=checker)


def schema_errors(validator, log):
    """Each way `log` breaks the schema, as "path: message"."""
    return ["/".join(str(part) for part in error.absolute_path) + ": " + error.message
            for error in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))]


def check_schema(validator, log, name):
    errors = schema_errors(validator, log)
    require(not errors, "%s breaks the SARIF 2.1.0 schema:\n  %s" % (name, "\n  ".join(errors)))


def check_validator_rejects(validator, log):
    """The schema check itself: a log broken in three known ways gets exactly those errors."""
    broken = copy.deepcopy(log)
    result = broken["runs"][0]["results"][0]
    result["level"] = "fatal"
    result["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    broken["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "not a uri"
    paths = {error.split(":")[0] for error in schema_errors(validator, broken)}
    expected = {"runs/0/results/0/level",
                "runs/0/results/0/locations/0/physicalLocation/region/startLine",
                "runs/0/tool/driver/rules/0/helpUri"}
    require(paths == expected, "the schema check found %s in a log broken at %s"
            % (sorted(paths), sorted(expected)))


def check_rule(rule, log_name):
    name = "%s: rule %s" % (log_name, rule.get("id", "?"))
    require(isinstance(rule.get("id"), str) and rule["id"], log_name + ": a rule without an id")
    for key in ("shortDescription", "fullDescription", "help"):
        require(rule.get(key, {}).get("text"), name + ": no " + key + ".text")
    require("{0}" not in rule["shortDescription"]["text"], name + ": placeholder in description")
    require(rule.get("defaultConfiguration", {}).get("level") in LEVELS, name + ": level")
    properties = rule.get("properties", {})
    tags = properties.get("tags", [])
    require(0 < len(tags) <= MAX_TAGS, name + ": tags")
    require(properties.get("precision") in PRECISIONS, name + ": precision")
    require(properties.get("problem.severity") in PROBLEM_SEVERITIES, name + ": problem.severity")
    if "security-severity" in properties:
        require("security" in tags, name + ": security-severity needs the `security` tag")
        require(isinstance(properties["security-severity"], str) and
                0.0 <= float(properties["security-severity"]) <= 10.0,
                name + ": security-severity must be a string between 0.0 and 10.0")


def check_result(result, rules, log_name):
    rule_id = result.get("ruleId")
    name = "%s: result of %s" % (log_name, rule_id)
    require(rule_id in rules, "%s: result of unknown rule %r" % (log_name, rule_id))
    require(result.get("ruleIndex", rules[rule_id]) == rules[rule_id], name + ": ruleIndex")
    text = result["message"].get("text")
    require(text, name + ": no message.text")
    locations = result.get("locations", [])
    require(0 < len(locations) <= MAX_LOCATIONS, name + ": needs a location")
    for location in locations:
        physical = location["physicalLocation"]
        require(physical["artifactLocation"].get("uri"), name + ": no uri")
        require("startLine" in physical.get("region", {}), name + ": no startLine")
    related = result.get("relatedLocations", [])
    require(len(related) <= MAX_RELATED, name + ": too many related locations")
    ids = [location.get("id") for location in related]
    links = sorted(int(n) for n in re.findall(r"(?<!\\)\]\((\d+)\)", text))
    require(sorted(ids) == links, name + ": message links %s, related ids %s" % (links, ids))
    require(result.get("partialFingerprints"), name + ": partialFingerprints")


def check_code_scanning(log, log_name):
    """GitHub code scanning's documented requirements that the schema leaves open."""
    require(log["$schema"].endswith("sarif-2.1.0.json"), log_name + ": $schema")
    runs = log["runs"]
    require(0 < len(runs) <= MAX_RUNS, log_name + ": runs")
    for run in runs:
        driver = run["tool"]["driver"]
        require(driver["name"] == "landlockc" and driver.get("version"), log_name + ": driver")
        rules = {}
        for position, rule in enumerate(driver.get("rules", [])):
            check_rule(rule, log_name)
            require(rule["id"] not in rules, "%s: rule %s listed twice" % (log_name, rule["id"]))
            rules[rule["id"]] = position
        require(len(rules) <= MAX_RULES, log_name + ": too many rules")
        require("results" in run, log_name + ": a scan's run has `results`, even empty")
        results = run["results"]
        require(len(results) <= MAX_RESULTS, log_name + ": too many results")
        for result in results:
            check_result(result, rules, log_name)
        keys = [(one["ruleId"], json.dumps(one["partialFingerprints"], sort_keys=True),
                 json.dumps(one["locations"], sort_keys=True)) for one in results]
        require(len(set(keys)) == len(keys), log_name + ": two results share a fingerprint")


def run_landlockc(landlockc, root, arguments, exit_code):
    completed = subprocess.run([landlockc, *arguments], cwd=root, capture_output=True, text=True)
    require(completed.returncode == exit_code, "landlockc %s exits %d, not %d: %s" % (
        " ".join(arguments), completed.returncode, exit_code, completed.stderr))
    return json.loads(completed.stdout)


def write(root, name, text):
    with open(os.path.join(root, name), "w", encoding="utf-8") as out:
        out.write(text)


def check_files(validator, paths):
    for path in paths:
        with open(path, encoding="utf-8") as log_file:
            log = json.load(log_file)
        check_schema(validator, log, path)
        check_code_scanning(log, path)
    print("checked %d logs against the SARIF 2.1.0 schema and code scanning's requirements"
          % len(paths))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--landlockc")
    parser.add_argument("--log", action="append", default=[])
    options = parser.parse_args()
    require(bool(options.landlockc) != bool(options.log), "give --landlockc BIN or --log FILE...")
    validator = schema_validator()
    if options.log:
        check_files(validator, options.log)
        return
    landlockc = os.path.abspath(options.landlockc)
    with tempfile.TemporaryDirectory(prefix="landlockc-sarif-") as root:
        for name, text in LINT_POLICIES.items():
            write(root, name, text)
        write(root, "clean.landlock", CLEAN_POLICY)
        write(root, "old.landlock", DIFF_OLD)
        write(root, "new.landlock", DIFF_NEW)
        lint = ["lint", "--format=sarif", "--no-config"]
        logs = {
            "lint with findings": run_landlockc(
                landlockc, root, lint + ["--target=debian-12", "--target=abi:10",
                                         *sorted(LINT_POLICIES)], 1),
            "lint without findings": run_landlockc(landlockc, root, lint + ["clean.landlock"], 0),
            "diff with widenings": run_landlockc(
                landlockc, root, ["diff", "old.landlock", "new.landlock", "--format=sarif"], 1),
            "diff without differences": run_landlockc(
                landlockc, root, ["diff", "old.landlock", "old.landlock", "--format=sarif"], 0),
        }
    check_validator_rejects(validator, logs["lint with findings"])
    for name, log in logs.items():
        check_schema(validator, log, name)
        check_code_scanning(log, name)

    # What each log must hold for the checks above to have checked something.
    findings = logs["lint with findings"]["runs"][0]["results"]
    seen = {result["ruleId"] for result in findings}
    for expected in LINT_RULES_EXPECTED:
        require(expected in seen, "no %s result to check" % expected)
    require(any(result.get("relatedLocations") for result in findings), "no related location")
    for rule in logs["lint with findings"]["runs"][0]["tool"]["driver"]["rules"]:
        require(rule.get("helpUri", "").startswith("https://"),
                "lint rule %s links no documentation" % rule["id"])
    require(logs["lint without findings"]["runs"][0]["results"] == [], "the clean lint found")
    widenings = logs["diff with widenings"]["runs"][0]["results"]
    require(len(widenings) == 2 and all(r["ruleId"] == "widened" for r in widenings),
            "the diff log holds %d widenings, not 2" % len(widenings))
    require(logs["diff without differences"]["runs"][0]["results"] == [], "diff of one policy")
    print("checked %d logs against the SARIF 2.1.0 schema and code scanning's requirements, "
          "%d results" % (len(logs), sum(len(run["results"]) for log in logs.values()
                                        for run in log["runs"])))


if __name__ == "__main__":
    main()
