#!/usr/bin/env bash
# Idempotent toolchain setup (Debian 12). Re-running is a no-op (~1 s).
#   scripts/setup.sh          -> what the build needs (wasm32 target, wasm-bindgen CLI, npm deps)
#   scripts/setup.sh --test   -> plus headless Chromium + chromedriver (Debian packages)
# Why these tools: the build is plain cargo + wasm-bindgen-cli + wasm-opt, without wasm-pack
# (which would pick up any wasm-opt on PATH); wasm-opt comes from the npm `binaryen` package,
# never Debian's binaryen 108, whose output validates but breaks at load time
# (`WebAssembly.Table.set(): Argument 1 is invalid for table`).
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo

# 1. Rust target (fresh machine: ~5 s)
rustup target list --installed | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown

# 2. wasm-bindgen CLI, exactly the version of the wasm-bindgen crate in Cargo.lock
#    (fresh: ~2 min on 2 cores). Installs wasm-bindgen and wasm-bindgen-test-runner.
[ -f Cargo.lock ] || cargo generate-lockfile   # Cargo.lock is committed; this is only a fallback
WBG_VERSION=$(cargo pkgid wasm-bindgen | sed 's/.*[@#]//')
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WBG_VERSION" ]; then
  # --locked can fail when the registry mirror lacks a crate version pinned in the CLI's own
  # lockfile (seen: webpki-roots 1.0.11 for wasm-bindgen-cli 0.2.130): fall back without it.
  cargo install wasm-bindgen-cli --version "=$WBG_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "=$WBG_VERSION" --force
fi

# 3. npm dev deps: binaryen (wasm-opt 132 inside the package), playwright-core, axe-core
if ! { [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] && [ -d node_modules/axe-core ]; }; then
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi
# Never Debian's binaryen 108: its wasm-opt output breaks at load time.

# 4. Browser for the tests (fresh: apt-get update + ~20 s, 164 MB), plus a CJK font so the
#    e2e screenshots show Chinese text instead of empty boxes
if [ "${1:-}" = "--test" ] && ! { command -v chromium >/dev/null && command -v chromedriver >/dev/null \
  && [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]; }; then
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver fonts-noto-cjk
fi
