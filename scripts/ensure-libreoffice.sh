#!/usr/bin/env bash
# Finds LibreOffice (soffice) or installs Debian's headless Calc; prints the soffice path.
# Used by .ci/run and by the LibreOffice test, so both find it the same way.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then command -v soffice; exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  sudo -n apt-get update -qq >/dev/null
  sudo -n apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
fi
command -v soffice || { echo "LibreOffice is not installed and could not be installed (needs apt-get as root)" >&2; exit 1; }
