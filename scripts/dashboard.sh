#!/usr/bin/env bash
# Set up, regenerate the statements, events and documents frames when the seeds, data or extractor changed, and
# start the dashboard on http://127.0.0.1:${PORT:-8501}. Usage: bash scripts/dashboard.sh [ARTICLES_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
articles=${1:-seeds}
statements=data/statements.parquet
newest_input=$(find "$articles" data/sources.csv data/actors.csv extract -type f -newer "$statements" 2>/dev/null | head -n 1 || true)
if [ ! -f "$statements" ] || [ ! -f data/events.parquet ] || [ ! -f data/documents.parquet ] || [ -n "$newest_input" ] \
    || [ "$articles" != seeds ]; then
  .venv/bin/python -m extract "$articles" --out "$statements"
fi
exec .venv/bin/python -m streamlit run app.py --server.address 127.0.0.1 --server.port "${PORT:-8501}" \
  --server.headless true --browser.gatherUsageStats false
