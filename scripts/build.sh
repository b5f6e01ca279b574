#!/usr/bin/env bash
# Build the browser side:
#   www/gouji/pkg/        the engine (wasm-bindgen glue + optimised .wasm) the served page uses
#   dist/gouji-element/   the element package an embedder copies or installs (scripts/package.mjs)
#   dist/gouji.html       one self-contained file that works from file:// (also copied to
#                         www/download/gouji.html, so the served page can offer it as “下载离线版”)
# and prints a size report.
#   scripts/build.sh --test-hooks   the test build instead: target/www-test/ (a copy of www/
#                                   with an engine built with the cargo feature test-hooks);
#                                   only the e2e tests use it, nothing from it ships.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

if [ "${1:-}" = "--test-hooks" ]; then
  cargo build --release --target wasm32-unknown-unknown --lib --features test-hooks
  rm -rf target/www-test
  mkdir -p target/www-test
  cp -r www/. target/www-test/
  rm -rf target/www-test/gouji/pkg target/www-test/download
  cp www/example.txt target/www-test/gouji/example.txt
  wasm-bindgen --target web --no-typescript --experimental-reset-state-function \
    --out-dir target/www-test/gouji/pkg target/wasm32-unknown-unknown/release/gouji.wasm
  echo "wrote target/www-test/ (engine with test hooks; for the e2e tests only)"
  exit 0
fi

cargo build --release --target wasm32-unknown-unknown --lib
rm -rf www/pkg www/gouji/pkg
# --experimental-reset-state-function: lets www/gouji/gouji.js re-instantiate the module after a trap
wasm-bindgen --target web --no-typescript --experimental-reset-state-function --out-dir www/gouji/pkg \
  target/wasm32-unknown-unknown/release/gouji.wasm
raw_bg=$(stat -c %s www/gouji/pkg/gouji_bg.wasm)
# wasm-opt from the npm 'binaryen' package (v132). NOT Debian's binaryen 108: its output
# validates but breaks at load time.
node_modules/.bin/wasm-opt -Oz www/gouji/pkg/gouji_bg.wasm -o www/gouji/pkg/gouji_bg.wasm
# the library's loadExample() fetches example.txt from beside its modules
cp www/example.txt www/gouji/example.txt
node scripts/package.mjs dist/gouji-element
node scripts/inline.mjs dist/gouji.html
mkdir -p www/download
cp dist/gouji.html www/download/gouji.html

size() { stat -c %s "$1"; }
gz() { gzip -9 -c "$1" | wc -c; }
echo "== sizes (bytes)"
printf '%-40s %10s %10s\n' file raw gzip-9
printf '%-40s %10s %10s\n' "wasm after wasm-bindgen" "$raw_bg" "-"
for f in www/gouji/pkg/gouji_bg.wasm www/gouji/pkg/gouji.js dist/gouji-element/gouji-element.js dist/gouji.html; do
  printf '%-40s %10s %10s\n' "$f" "$(size "$f")" "$(gz "$f")"
done
# what a visitor's browser transfers for the served page (every file it loads, gzip -9)
total=0
# (app.js imports every www/*.js; batch-worker.js is loaded when a batch runs)
for f in www/index.html www/style.css www/favicon.svg www/*.js www/gouji/*.js www/gouji/example.txt www/gouji/pkg/gouji.js www/gouji/pkg/gouji_bg.wasm; do
  total=$((total + $(gz "$f")))
done
printf '%-40s %10s %10s\n' "served page, all files" "-" "$total"
