#!/usr/bin/env bash
# Build, then serve www/ on http://127.0.0.1:${PORT:-8000}/ with the strict CSP header.
# The page opens with the example report loaded (add ?blank for an empty box). Ctrl-C stops.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
PORT=${PORT:-8000}
if command -v xdg-open >/dev/null && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  (sleep 1; xdg-open "http://127.0.0.1:$PORT/") &
fi
echo "offline single file (open directly, no server needed): dist/gouji.html"
exec node scripts/serve.mjs "$PORT" www
