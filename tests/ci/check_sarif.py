#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks a `landlockc lint --format=sarif` log against the SARIF 2.1.0 schema (the subset of its
definitions that the log uses, written down below from the OASIS specification: each object's
allowed and required properties and value constraints), and against what GitHub code scanning
documents for uploads ("SARIF support for code scanning"): the required fields, the values it
accepts for the properties it ranks alerts by, its limits, and the links from messages to related
locations.

  check_sarif.py --landlockc BIN

Lints a set of policies with findings of every kind (and one that does not compile), then checks
the log. Exits 1 naming the first problem.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

POLICIES = {
    "broad.landlock": 'abi 10;\nlayer main {\n    allow read_write on "/";\n'
                      '    allow read on "/usr";\n    allow read on "/usr/lib";\n}\n',
    "home.landlock": 'abi 7;\nlayer main {\n    handle fs: all - truncate;\n'
                     '    allow read_write on "$HOME";\n    allow bind_tcp on port 1..65535;\n}\n',
    "bad.landlock": 'abi 4;\nallow read on "relative";\n',
}
LEVELS = {"none", "note", "warning", "error"}
PRECISIONS = {"very-high", "high", "medium", "low"}
PROBLEM_SEVERITIES = {"error", "warning", "recommendation"}
# GitHub's upload limits (beyond them data is dropped or the upload refused).
MAX_RUNS, MAX_RULES, MAX_RESULTS, MAX_TAGS, MAX_LOCATIONS, MAX_RELATED = 20, 25000, 25000, 20, 1000, 1000


# SARIF 2.1.0 object definitions the log uses: (allowed properties, required properties), and the
# definition of each property that is itself an object or an array of objects.
SCHEMA = {
    "sarifLog": ({"$schema", "version", "runs", "inlineExternalProperties", "properties"},
                 {"version", "runs"}),
    "run": ({"tool", "invocations", "conversion", "language", "versionControlProvenance",
             "originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results",
             "automationDetails", "runAggregates", "baselineGuid", "redactionTokens",
             "defaultEncoding", "defaultSourceLanguage", "newlineSequences", "columnKind",
             "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses",
             "translations", "policies", "webRequests", "webResponses", "specialLocations",
             "properties"}, {"tool"}),
    "tool": ({"driver", "extensions", "properties"}, {"driver"}),
    "toolComponent": ({"guid", "name", "organization", "product", "productSuite",
                       "shortDescription", "fullDescription", "fullName", "version",
                       "semanticVersion", "dottedQuadFileVersion", "releaseDateUtc", "downloadUri",
                       "informationUri", "globalMessageStrings", "notifications", "rules", "taxa",
                       "locations", "language", "contents", "isComprehensive",
                       "localizedDataSemanticVersion",
                       "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent",
                       "translationMetadata", "supportedTaxonomies", "properties"}, {"name"}),
    "reportingDescriptor": ({"id", "deprecatedIds", "guid", "deprecatedGuids", "name",
                             "deprecatedNames", "shortDescription", "fullDescription",
                             "messageStrings", "defaultConfiguration", "helpUri", "help",
                             "relationships", "properties"}, {"id"}),
    "multiformatMessageString": ({"text", "markdown", "properties"}, {"text"}),
    "reportingConfiguration": ({"enabled", "level", "rank", "parameters", "properties"}, set()),
    "result": ({"ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget",
                "locations", "guid", "correlationGuid", "occurrenceCount",
                "partialFingerprints", "fingerprints", "stacks", "codeFlows", "graphs",
                "graphTraversals", "relatedLocations", "suppressions", "baselineState", "rank",
                "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa",
                "webRequest", "webResponse", "properties"}, {"message"}),
    "message": ({"text", "markdown", "id", "arguments", "properties"}, set()),
    "location": ({"id", "physicalLocation", "logicalLocations", "message", "annotations",
                  "relationships", "properties"}, set()),
    "physicalLocation": ({"address", "artifactLocation", "region", "contextRegion", "properties"},
                         set()),
    "artifactLocation": ({"uri", "uriBaseId", "index", "description", "properties"}, set()),
    "region": ({"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength",
                "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"},
               set()),
}
CHILDREN = {
    "sarifLog": {"runs": ["run"]},
    "run": {"tool": "tool", "results": ["result"], "originalUriBaseIds": {"*": "artifactLocation"}},
    "tool": {"driver": "toolComponent"},
    "toolComponent": {"rules": ["reportingDescriptor"]},
    "reportingDescriptor": {"shortDescription": "multiformatMessageString",
                            "fullDescription": "multiformatMessageString",
                            "help": "multiformatMessageString",
                            "defaultConfiguration": "reportingConfiguration"},
    "result": {"message": "message", "locations": ["location"], "relatedLocations": ["location"]},
    "location": {"physicalLocation": "physicalLocation", "message": "message"},
    "physicalLocation": {"artifactLocation": "artifactLocation", "region": "region"},
}
INTEGER_MINIMUMS = {("region", "startLine"): 1, ("region", "startColumn"): 1,
                    ("region", "endLine"): 1, ("region", "endColumn"): 1,
                    ("location", "id"): -1, ("result", "ruleIndex"): -1}


def validate(value, definition, where):
    """Validates `value` as the SARIF definition `definition`."""
    require(isinstance(value, dict), where + ": must be an object")
    allowed, required = SCHEMA[definition]
    for key in value:
        require(key in allowed, "%s: property %r is not allowed in %s" % (where, key, definition))
    for key in required:
        require(key in value, "%s: %s requires %r" % (where, definition, key))
    for (owner, key), minimum in INTEGER_MINIMUMS.items():
        if owner == definition and key in value:
            require(isinstance(value[key], int) and value[key] >= minimum,
                    "%s.%s: an integer >= %d" % (where, key, minimum))
    if definition == "message":
        require("text" in value or "id" in value, where + ": message needs text or id")
    if definition == "physicalLocation":
        require("address" in value or "artifactLocation" in value, where + ": no artifact")
    if definition == "reportingConfiguration" and "level" in value:
        require(value["level"] in LEVELS, where + ": level")
    if definition == "result" and "level" in value:
        require(value["level"] in LEVELS, where + ": level")
    if "properties" in value:
        tags = value["properties"].get("tags", [])
        require(isinstance(tags, list) and len(set(tags)) == len(tags), where + ": tags unique")
    for key, child in CHILDREN.get(definition, {}).items():
        if key not in value:
            continue
        if isinstance(child, list):
            require(isinstance(value[key], list), "%s.%s: must be an array" % (where, key))
            for i, item in enumerate(value[key]):
                validate(item, child[0], "%s.%s[%d]" % (where, key, i))
        elif isinstance(child, dict):
            for name, item in value[key].items():
                validate(item, child["*"], "%s.%s.%s" % (where, key, name))
        else:
            validate(value[key], child, where + "." + key)


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def require(condition, message):
    if not condition:
        fail(message)


def check_rule(rule):
    name = rule.get("id", "?")
    require(isinstance(rule.get("id"), str) and rule["id"], "a rule without an id")
    for key in ("shortDescription", "fullDescription", "help"):
        require(isinstance(rule.get(key, {}).get("text"), str) and rule[key]["text"],
                name + ": no " + key + ".text")
    require("{0}" not in rule["shortDescription"]["text"], name + ": placeholder in description")
    require(rule.get("defaultConfiguration", {}).get("level") in LEVELS, name + ": bad level")
    require(re.match(r"https://", rule.get("helpUri", "")), name + ": no helpUri")
    properties = rule.get("properties", {})
    tags = properties.get("tags", [])
    require(0 < len(tags) <= MAX_TAGS and all(isinstance(t, str) for t in tags), name + ": tags")
    require(properties.get("precision") in PRECISIONS, name + ": precision")
    require(properties.get("problem.severity") in PROBLEM_SEVERITIES, name + ": problem.severity")
    if "security-severity" in properties:
        require("security" in tags, name + ": security-severity needs the `security` tag")
        score = float(properties["security-severity"])
        require(isinstance(properties["security-severity"], str) and 0.0 <= score <= 10.0,
                name + ": security-severity must be a string between 0.0 and 10.0")


def check_result(result, rules):
    rule_id = result.get("ruleId")
    require(rule_id in rules, "result of unknown rule %r" % rule_id)
    index = result.get("ruleIndex")
    require(index is None or rules[rule_id] == index, rule_id + ": ruleIndex")
    require(result.get("level") in LEVELS, rule_id + ": level")
    text = result.get("message", {}).get("text")
    require(isinstance(text, str) and text, rule_id + ": no message.text")
    locations = result.get("locations", [])
    require(0 < len(locations) <= MAX_LOCATIONS, rule_id + ": needs a location")
    for location in locations:
        physical = location["physicalLocation"]
        require(physical["artifactLocation"].get("uri"), rule_id + ": no uri")
        require(physical.get("region", {}).get("startLine", 0) >= 1, rule_id + ": no startLine")
    related = result.get("relatedLocations", [])
    require(len(related) <= MAX_RELATED, rule_id + ": too many related locations")
    ids = [location.get("id") for location in related]
    links = sorted(int(n) for n in re.findall(r"(?<!\\)\]\((\d+)\)", text))
    require(sorted(ids) == links, rule_id + ": message links %s, related ids %s" % (links, ids))
    fingerprints = result.get("partialFingerprints", {})
    require(fingerprints and all(isinstance(v, str) for v in fingerprints.values()),
            rule_id + ": partialFingerprints")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--landlockc", required=True)
    options = parser.parse_args()
    landlockc = os.path.abspath(options.landlockc)
    with tempfile.TemporaryDirectory(prefix="landlockc-sarif-") as root:
        for name, text in POLICIES.items():
            with open(os.path.join(root, name), "w") as out:
                out.write(text)
        result = subprocess.run([landlockc, "lint", "--format=sarif", "--no-config",
                                 "--target=debian-12", "--target=abi:10", *sorted(POLICIES)],
                                cwd=root, capture_output=True, text=True)
    require(result.returncode == 1, "lint exits %d: %s" % (result.returncode, result.stderr))
    log = json.loads(result.stdout)
    validate(log, "sarifLog", "log")
    require(log.get("version") == "2.1.0", "version must be 2.1.0")
    require(log.get("$schema", "").endswith("sarif-2.1.0.json"), "$schema")
    runs = log.get("runs", [])
    require(0 < len(runs) <= MAX_RUNS, "runs")
    for run in runs:
        driver = run["tool"]["driver"]
        require(driver.get("name") == "landlockc" and driver.get("version"), "tool.driver")
        rules = {}
        for position, rule in enumerate(driver.get("rules", [])):
            check_rule(rule)
            require(rule["id"] not in rules, rule["id"] + ": listed twice")
            rules[rule["id"]] = position
        require(len(rules) <= MAX_RULES, "too many rules")
        results = run.get("results", [])
        require(0 < len(results) <= MAX_RESULTS, "results")
        for one in results:
            check_result(one, rules)
        seen = {one["ruleId"] for one in results}
        for expected in ("broad-grant", "sensitive-path", "redundant-grant", "relative-path",
                         "unhandled-fs", "broad-port"):
            require(expected in seen, "no %s result to check" % expected)
        require(any(one.get("relatedLocations") for one in results), "no related location")
        keys = [(one["ruleId"], json.dumps(one["partialFingerprints"], sort_keys=True),
                 json.dumps(one["locations"], sort_keys=True)) for one in results]
        require(len(set(keys)) == len(keys), "two results share a fingerprint and location")
    print("checked %d results" % sum(len(run["results"]) for run in runs))


if __name__ == "__main__":
    main()
