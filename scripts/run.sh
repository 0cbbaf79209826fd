#!/usr/bin/env bash
# Install vnlex, ingest ../shared/corpus into the embedded index and serve the web UI on 127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q -e .
vnlex ingest
exec vnlex serve
