#!/usr/bin/env bash
# Install gift-pegjs (a PEG parser for Moodle GIFT) into tools/gift-check/ for the
# independent GIFT check (tools/gift-check/check.js, tests/quiz/test_gift_pegjs.py).
# Idempotent: does nothing when the pinned version is already installed.
# Without npm it says so and exits 0; the test is then skipped and says why.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=tools/gift-check

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "gift.sh: npm/node not found; gift-pegjs not installed (the GIFT cross-check will be skipped)"
    exit 0
fi

want=$(node -p "require('./$DIR/package.json').dependencies['gift-pegjs']")
if [ -f "$DIR/node_modules/gift-pegjs/package.json" ]; then
    have=$(node -p "require('./$DIR/node_modules/gift-pegjs/package.json').version")
    if [ "$have" = "$want" ]; then
        echo "gift.sh: gift-pegjs $have already installed in $DIR"
        exit 0
    fi
    echo "gift.sh: gift-pegjs $have installed, $want pinned; reinstalling"
fi

# No lockfile: the only dependency below the pin is pegjs ^0.10.x, whose last release is 0.10.0.
(cd "$DIR" && npm install --no-audit --no-fund --no-package-lock)
echo "gift.sh: installed gift-pegjs $(node -p "require('./$DIR/node_modules/gift-pegjs/package.json').version") in $DIR"
