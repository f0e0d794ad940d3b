#!/usr/bin/env bash
# Set up and run the whole test suite (unit, page, export and real-browser tests).
# Usage: bash scripts/test.sh [extra pytest arguments]
# Fast loop while developing (no real Chromium): bash scripts/test.sh -m "not browser"; CI runs everything.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest -q "$@"
