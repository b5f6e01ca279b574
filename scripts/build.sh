#!/usr/bin/env bash
# Build the browser side: the wasm module into www/pkg/, and dist/gouji.html (one
# self-contained file that works from file://, also copied to www/pkg/gouji.html so the
# served page can offer it as “下载离线版”). Prints a size report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release --target wasm32-unknown-unknown --lib
rm -rf www/pkg
# --experimental-reset-state-function: lets www/gouji.js re-instantiate the module after a trap
wasm-bindgen --target web --no-typescript --experimental-reset-state-function --out-dir www/pkg \
  target/wasm32-unknown-unknown/release/gouji.wasm
raw_bg=$(stat -c %s www/pkg/gouji_bg.wasm)
# wasm-opt from the npm 'binaryen' package (v132). NOT Debian's binaryen 108: its output
# validates but breaks at load time.
node_modules/.bin/wasm-opt -Oz www/pkg/gouji_bg.wasm -o www/pkg/gouji_bg.wasm
node scripts/inline.mjs dist/gouji.html
cp dist/gouji.html www/pkg/gouji.html

size() { stat -c %s "$1"; }
gz() { gzip -9 -c "$1" | wc -c; }
echo "== sizes (bytes)"
printf '%-34s %10s %10s\n' file raw gzip-9
printf '%-34s %10s %10s\n' "wasm after wasm-bindgen" "$raw_bg" "-"
for f in www/pkg/gouji_bg.wasm www/pkg/gouji.js dist/gouji.html; do
  printf '%-34s %10s %10s\n' "$f" "$(size "$f")" "$(gz "$f")"
done
