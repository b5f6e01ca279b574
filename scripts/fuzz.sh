#!/usr/bin/env bash
# Fuzz smoke run: each cargo-fuzz target (text, grids, the native HTML reader) for
# FUZZ_SECONDS (default 60), seeded with the project's own fixtures (tests/fixtures,
# tests/fuzz_regressions, the page's example).
# Needs a nightly toolchain and cargo-fuzz; installs both when missing (~1.5 min).
# A crash fails the run and leaves the input under fuzz/artifacts/: add it to
# tests/fuzz_regressions/ so it stays fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked || cargo install cargo-fuzz
# libFuzzer's log of each run goes to a private temporary folder, removed on exit.
logs=$(mktemp -d "${TMPDIR:-/tmp}/gouji-fuzz.XXXXXX")
trap 'rm -rf "$logs"' EXIT
cd fuzz
# Limits of each run: inputs up to 16 KiB (the seed reports are a few KiB; longer inputs
# mostly slow the search down, and tests/it/html_hostile.rs covers huge ones); one input
# taking over 10 s counts as a hang and a process over 2 GiB as a blow-up, both failures
# (a real report is checked in milliseconds).
for target in check_text check_grid check_html; do
  mkdir -p "corpus/$target"
  echo "== fuzz $target for ${SECONDS_PER_TARGET}s"
  status=0
  cp ../www/example.txt "corpus/$target/"
  if [ "$target" = check_html ]; then cp ../tests/e2e/fixtures/example.html "corpus/$target/"; fi
  cargo +nightly fuzz run -O "$target" "corpus/$target" ../tests/fixtures ../tests/fuzz_regressions -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 > "$logs/$target.log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done|SUMMARY|.*panicked|Test unit written)" \
    "$logs/$target.log" || true
  if [ "$status" -ne 0 ]; then tail -n 40 "$logs/$target.log"; echo "fuzz $target FAILED"; exit 1; fi
done
