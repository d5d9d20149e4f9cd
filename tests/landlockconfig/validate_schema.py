#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""What `landlockc convert` writes as landlockconfig JSON validates against landlockconfig's own
schema (vendored in upstream/schema): every repository policy (examples/, and each std/ block in a
layer of its own) converted with --lossy, and every vendored landlockconfig example converted to
JSON and TOML and back. Also that the vendored examples themselves validate, so that the schema
is the one they were written for.

Usage: validate_schema.py LANDLOCKC SOURCE_DIR"""

import glob
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

landlockc, source_dir = sys.argv[1], sys.argv[2]
here = os.path.join(source_dir, "tests", "landlockconfig")
with open(os.path.join(here, "upstream", "schema", "landlockconfig.json")) as file:
    validator = jsonschema.Draft7Validator(json.load(file))
failures = []


def convert(path, *options):
    """landlockc convert PATH OPTIONS: its stdout, or None (and a failure) when it fails."""
    run = subprocess.run([landlockc, "convert", path, *options], capture_output=True, text=True)
    if run.returncode != 0:
        failures.append("%s %s: exit %d: %s" % (path, " ".join(options), run.returncode,
                                                run.stderr))
        return None
    return run.stdout


def validate(name, text):
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        failures.append("%s: not JSON: %s" % (name, error))
        return
    for error in validator.iter_errors(document):
        failures.append("%s: %s at %s" % (name, error.message, list(error.absolute_path)))


policies = sorted(glob.glob(os.path.join(source_dir, "examples", "*.landlock")))
upstream = sorted(glob.glob(os.path.join(here, "upstream", "examples", "*.json")) +
                  glob.glob(os.path.join(here, "upstream", "composition", "*.json")))
upstream_toml = sorted(glob.glob(os.path.join(here, "upstream", "examples", "*.toml")) +
                       glob.glob(os.path.join(here, "upstream", "composition", "*.toml")))
std_blocks = sorted(glob.glob(os.path.join(source_dir, "std", "*.landlock")))
if len(policies) < 4 or len(upstream) < 3 or len(upstream_toml) < 3 or len(std_blocks) < 7:
    sys.exit("FAIL: the test inputs are missing (examples/, std/, tests/landlockconfig/upstream/)")

for path in upstream:
    with open(path) as file:
        validate(path + " (as vendored)", file.read())

with tempfile.TemporaryDirectory() as work:
    for block in std_blocks:
        name = os.path.splitext(os.path.basename(block))[0]
        wrapper = os.path.join(work, "uses-%s.landlock" % name)
        with open(wrapper, "w") as file:
            file.write('abi 7;\ninclude "std/%s.landlock";\nlayer main {\n    use %s;\n}\n'
                       % (name, name))
        policies.append(wrapper)
    for path in policies:
        output = convert(path, "--lossy")
        if output is not None:
            validate(path, output)
    for path in upstream + upstream_toml:
        output = convert(path, "--to", "landlockconfig-json")
        if output is not None:
            validate(path + " (to JSON)", output)
        toml = convert(path, "--to", "landlockconfig-toml")
        if toml is not None:
            toml_path = os.path.join(work, os.path.basename(path) + ".toml")
            with open(toml_path, "w") as file:
                file.write(toml)
            again = convert(toml_path, "--to", "landlockconfig-json")
            if again is not None:
                validate(path + " (through TOML)", again)

for failure in failures:
    print("FAIL:", failure)
if failures:
    sys.exit(1)
print("landlockconfig schema: %d policies and %d landlockconfig files valid"
      % (len(policies), len(upstream) + len(upstream_toml)))
