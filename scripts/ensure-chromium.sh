#!/usr/bin/env bash
# Finds Chromium or installs Debian's package; prints its path. Used by .ci/run before the browser
# tests (test/browser), which drive it with playwright-core. Never downloads a browser of its own.
set -euo pipefail
find_chromium() {
  for p in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$p" ] && [ -x "$p" ]; then echo "$p"; return 0; fi
  done
  return 1
}
if find_chromium; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  sudo -n apt-get update -qq >/dev/null
  sudo -n apt-get install -y -qq chromium >/dev/null
fi
find_chromium || { echo "Chromium is not installed and could not be installed (needs apt-get as root)" >&2; exit 1; }
