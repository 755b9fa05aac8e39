#!/usr/bin/env bash
# Finds pdftotext (poppler-utils) or installs Debian's package; prints its path. Used by .ci/run
# and by the printed-pages test, which reads the text of the cycle's PDF pages.
set -euo pipefail
if command -v pdftotext >/dev/null 2>&1; then command -v pdftotext; exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  sudo -n apt-get update -qq >/dev/null
  sudo -n apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
fi
command -v pdftotext || { echo "poppler-utils is not installed and could not be installed (needs apt-get as root)" >&2; exit 1; }
