#!/usr/bin/env bash
# Installs Debian's chromium for the web UI's browser tests (tests/Storyline.Web.Tests, Playwright drives
# /usr/bin/chromium; Playwright itself never downloads a browser). Skips the install when it is already there.
set -uo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
mkdir -p /var/tmp/apt-tmp
export TMPDIR=/var/tmp/apt-tmp
apt-get update -qq && apt-get install -y -qq chromium >/var/tmp/chromium-install.log 2>&1 \
  || { echo "chromium: install failed (the browser tests will fail under CI=true):"; tail -20 /var/tmp/chromium-install.log; }
