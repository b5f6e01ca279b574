#!/usr/bin/env bash
# Every test: format, lints, native tests, wasm tests (Node + headless Chromium), page e2e.
# Fails loudly on the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."
trap 'echo "scripts/test.sh: FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR
scripts/setup.sh --test
# wasm-bindgen-test-runner drives Chromium through chromedriver (flags in webdriver.json;
# chromedriver finds the browser itself)
CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver)}
export CHROMEDRIVER

echo "== cargo fmt --check";          cargo fmt --all -- --check
echo "== clippy (native)";            cargo clippy --all-targets -- -D warnings
echo "== clippy (wasm32)";            cargo clippy --target wasm32-unknown-unknown --lib --test wasm_node --test wasm_browser -- -D warnings
echo "== clippy (wasm32, test hooks)"; cargo clippy --target wasm32-unknown-unknown --lib --features test-hooks -- -D warnings
echo "== native tests";               cargo test --release
# Node (tests/wasm_node.rs) and headless Chromium (tests/wasm_browser.rs); never pass -q here.
echo "== wasm tests (node + browser)"; cargo test --target wasm32-unknown-unknown --test wasm_node --test wasm_browser

# ---- more steps go here (engine side: fuzz smoke, corpus test, …) -------------------------
echo "== CLI JSON against the generated schemas (schema/*.schema.json)"
python3 -c 'import jsonschema' 2>/dev/null || pip install -q jsonschema
cargo build --release --bin gouji
# every output kind: exit 0/1/2/3, 2019 and 2021, partial reads, hostile input, the rules
python3 scripts/validate-schema.py www/example.txt tests/fixtures/*.txt tests/fixtures/*.md \
  tests/fixtures/*.html tests/fixtures/flat/*.txt tests/fixtures/column-major/*.txt \
  tests/e2e/fixtures/*.txt tests/fuzz_regressions/*
if [ -x ../shared/tools/score-corpus ]; then
  echo "== real reports (../shared/corpus; informational, asserted in tests/it/corpus.rs)"
  ../shared/tools/score-corpus target/release/gouji || true
else
  echo "== real reports: SKIPPED (../shared/corpus not present)"
fi
echo "== fuzz smoke run (cargo-fuzz, \${FUZZ_SECONDS:-60}s per target)"
scripts/fuzz.sh
# ---- end of the engine-side steps ----------------------------------------------------------

echo "== build page";                 scripts/build.sh
echo "== build the page's test build (engine with test hooks, target/www-test/)"; scripts/build.sh --test-hooks
echo "== e2e (headless chromium)";    node --test tests/e2e/*.test.mjs
echo "scripts/test.sh: all steps passed"
