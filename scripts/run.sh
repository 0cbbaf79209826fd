#!/usr/bin/env bash
# Install vnlex into .venv, ingest ../shared/corpus into the embedded index, serve the web UI on
# http://127.0.0.1:8000. Works from any directory, with Debian's own python3.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
say "ingesting ../shared/corpus into the embedded index (unchanged files are skipped) ..."
vnlex ingest
say "serving http://${VNLEX_HOST:-127.0.0.1}:${VNLEX_PORT:-8000} (Ctrl-C stops)"
exec vnlex serve
