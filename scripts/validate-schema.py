#!/usr/bin/env python3
"""Validates `gouji check --format json` output against schema/report.schema.json for every
fixture given on the command line (used by scripts/test.sh)."""
import json, subprocess, sys

import jsonschema

schema = json.load(open('schema/report.schema.json', encoding='utf-8'))
bad = 0
for path in sys.argv[1:]:
    out = subprocess.run(['target/release/gouji', 'check', '--format', 'json', path], capture_output=True)
    for line in out.stdout.decode('utf-8').splitlines():
        try:
            jsonschema.validate(json.loads(line), schema)
            print(f'schema ok: {path}')
        except jsonschema.ValidationError as e:
            bad += 1
            print(f'schema FAILED: {path}: {e.message} at {list(e.absolute_path)}')
print(f'{len(sys.argv) - 1 - bad} passed, {bad} failed')
sys.exit(1 if bad else 0)
