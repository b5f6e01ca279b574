#!/usr/bin/env python3
"""Checks the CLI's JSON against the generated schemas (used by scripts/test.sh).

    python3 scripts/validate-schema.py FILE...

For every FILE, `gouji check --format json FILE` must exit with a result status (0 pass,
1 error found, 2 nothing recognised, 3 read only partly; anything else — a crash, 64 bad
usage — fails), print exactly one JSON document that validates against
schema/report.schema.json, and exit with the status that document implies. The only
result without a document is a file the CLI cannot read (exit 2 and a "cannot read"
message on stderr). Then all FILEs in one run (one document per line, the worst status),
a file that is not text, and `gouji rules --format json` against schema/rules.schema.json.

The FILEs together must cover every kind of output: exit statuses 0, 1, 2 and 3, and
reports of both formats (2019 and 2021); a missing kind fails the run, so the check
cannot pass by having too little to look at. The binary is target/release/gouji, or
$GOUJI_BIN.
"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

BIN = os.environ.get('GOUJI_BIN', 'target/release/gouji')
RESULT_STATUSES = {0, 1, 2, 3}
# With several files the worst wins: 1 > 2 > 3 > 0 (src/main.rs).
RANK = {0: 0, 3: 1, 2: 2, 1: 3}

passed = 0
failed = 0


def ok(what):
    global passed
    passed += 1
    print(f'ok: {what}')


def fail(what):
    global failed
    failed += 1
    print(f'FAILED: {what}')


def validator(path):
    schema = json.load(open(path, encoding='utf-8'))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def problems(v, doc):
    errs = sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path))
    return [f'{e.message} at {list(e.absolute_path)}' for e in errs[:3]]


def implied_status(doc):
    """The exit status a report implies (src/main.rs, Exit::of)."""
    if not doc['recognised']:
        return 2
    if doc['summary']['errors'] > 0:
        return 1
    return 3 if doc['partial'] else 0


def run(args):
    p = subprocess.run([BIN, *args], capture_output=True)
    return p.returncode, p.stdout.decode('utf-8'), p.stderr.decode('utf-8', 'replace')


def main(files):
    if not files:
        print('usage: scripts/validate-schema.py FILE...', file=sys.stderr)
        return 64
    report = validator('schema/report.schema.json')
    rules = validator('schema/rules.schema.json')
    seen_status, seen_format = set(), set()
    documents = 0

    for path in files:
        rc, out, err = run(['check', '--format', 'json', path])
        docs = [line for line in out.splitlines() if line.strip()]
        if rc not in RESULT_STATUSES:
            fail(f'{path}: exit status {rc} is not a result (0-3); stderr: {err.strip()[:300]}')
            continue
        if not docs:
            if rc == 2 and 'cannot read' in err:
                seen_status.add(rc)
                ok(f'{path}: unreadable, exit 2, no document')
            else:
                fail(f'{path}: exit {rc} but no JSON output; stderr: {err.strip()[:300]}')
            continue
        if len(docs) != 1:
            fail(f'{path}: {len(docs)} documents for one file')
            continue
        try:
            doc = json.loads(docs[0])
        except json.JSONDecodeError as e:
            fail(f'{path}: output is not JSON: {e}')
            continue
        bad = problems(report, doc)
        if bad:
            fail(f'{path}: {"; ".join(bad)}')
            continue
        if implied_status(doc) != rc:
            fail(f'{path}: exit {rc}, but the report implies {implied_status(doc)}')
            continue
        documents += 1
        seen_status.add(rc)
        if doc['format']:
            seen_format.add(doc['format'])
        ok(f'{path}: exit {rc}, format {doc["format"]}, partial {str(doc["partial"]).lower()}')

    # All files in one run: one document per readable file, the worst status.
    rc, out, err = run(['check', '--format', 'json', *files])
    docs = [json.loads(line) for line in out.splitlines() if line.strip()]
    bad = [p for d in docs for p in problems(report, d)]
    worst = max((implied_status(d) for d in docs), key=RANK.get, default=0)
    if 'cannot read' in err and RANK[2] > RANK[worst]:
        worst = 2
    if len(docs) != documents or rc != worst or bad:
        fail(f'{len(files)} files in one run: {len(docs)} documents (expected {documents}), '
             f'exit {rc} (expected {worst}) {"; ".join(bad[:3])}')
    else:
        ok(f'{len(files)} files in one run: {len(docs)} documents, exit {rc}')

    # A file that is not text: exit 2, a message, no document.
    with tempfile.TemporaryDirectory() as tmp:
        binary = os.path.join(tmp, 'not-text.txt')
        with open(binary, 'wb') as f:
            f.write(b'\x80\x81\x82 not UTF-8 \xfe\x00')
        rc, out, err = run(['check', '--format', 'json', binary])
        if rc == 2 and not out.strip() and 'cannot read' in err:
            ok('a file that is not text: exit 2, no document')
        else:
            fail(f'a file that is not text: exit {rc}, output {out[:100]!r}, stderr {err[:200]!r}')

    # The rule catalogue.
    rc, out, err = run(['rules', '--format', 'json'])
    try:
        catalogue = json.loads(out)
        bad = problems(rules, catalogue)
    except json.JSONDecodeError as e:
        catalogue, bad = [], [f'not JSON: {e}']
    if rc != 0 or bad or not catalogue:
        fail(f'rules --format json: exit {rc}, {len(catalogue)} rules; {"; ".join(bad)}')
    else:
        ok(f'rules --format json: {len(catalogue)} rules')

    # Coverage: every kind of output was looked at.
    missing = [f'exit {s}' for s in sorted(RESULT_STATUSES - seen_status)]
    missing += [f'a {f} report' for f in ('2019', '2021') if f not in seen_format]
    if missing:
        fail(f'not covered by the files: {", ".join(missing)} (add a fixture)')
    else:
        ok('the files cover exit 0, 1, 2, 3 and both formats')

    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
