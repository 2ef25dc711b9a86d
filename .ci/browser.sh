#!/usr/bin/env bash
# Install Debian's Chromium for the browser test (tests/test_app_browser.py).
# Idempotent: does nothing when /usr/bin/chromium is already there.
# fonts-dejavu-core: Vietnamese glyphs for the screenshot on a bare image.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    echo "browser.sh: /usr/bin/chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown')"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "browser.sh: not root and no sudo; cannot install chromium (the browser test will be skipped)" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core
echo "browser.sh: installed $(/usr/bin/chromium --version 2>/dev/null)"
