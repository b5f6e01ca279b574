#!/usr/bin/env python3
"""Checks that two gouji CLI builds give the same output: for a behaviour-preserving change
(an optimisation), build the CLI before it and copy it aside, then compare.

Usage (from the project root):
  cargo build --release && cp target/release/gouji /tmp/gouji-base
  ... change, cargo build --release ...
  scripts/same-output.py /tmp/gouji-base target/release/gouji [DIR_OR_FILE ...]

Every file under the given paths (default: tests/, www/example.txt) is checked as it is
and with its line breaks turned into spaces (a page's text pasted on one line), with
`check --format json`, the default text output and `--lang en`; stdout and the exit
status must be byte-identical. Exit 0 when they all are.
"""
import os, subprocess, sys, tempfile, hashlib
from concurrent.futures import ThreadPoolExecutor

SKIP = ('.rs', '.mjs', '.py', '.png')


def files(paths):
    out = []
    for p in paths:
        if os.path.isfile(p):
            out.append(p)
        for dp, _, fn in os.walk(p):
            out += [os.path.join(dp, f) for f in fn if not f.endswith(SKIP)]
    return sorted(set(out))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    base, new = sys.argv[1], sys.argv[2]
    srcs = files(sys.argv[3:] or ['tests', 'www/example.txt'])
    flat_dir = tempfile.mkdtemp(prefix='gouji-same-')
    flat = []
    for p in srcs:
        b = open(p, 'rb').read()
        ext = os.path.splitext(p)[1] or '.txt'
        q = os.path.join(flat_dir, hashlib.md5(p.encode()).hexdigest()[:10] + ext)
        open(q, 'wb').write(b.replace(b'\r\n', b' ').replace(b'\n', b' '))
        flat.append(q)
    modes = [['--format', 'json'], [], ['--lang', 'en']]

    def run(binary, args, f):
        r = subprocess.run([binary, 'check', '-j', '1'] + args + [f], capture_output=True, timeout=300)
        return r.returncode, r.stdout

    def one(job):
        f, m = job
        return f, m, run(base, m, f) == run(new, m, f)

    jobs = [(f, m) for f in srcs + flat for m in modes]
    with ThreadPoolExecutor(2) as ex:
        bad = [(f, m) for f, m, ok in ex.map(one, jobs) if not ok]
    for f, m in bad:
        print('DIFF', ' '.join(m) or '(text)', f)
    print('%d files (%d as given + %d on one line), %d runs per build, %d differences'
          % (len(srcs) + len(flat), len(srcs), len(flat), len(jobs), len(bad)))
    sys.exit(1 if bad else 0)


main()
