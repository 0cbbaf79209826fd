#!/usr/bin/env bash
# The whole test suite: installs what it needs, starts a real Elasticsearch on 127.0.0.1:9200
# (scripts/elasticsearch.sh) and runs pytest, Elasticsearch contract tests included.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q -e ".[test]"
bash scripts/elasticsearch.sh start
export VNLEX_ES_URL="${VNLEX_ES_URL:-http://127.0.0.1:9200}"
export VNLEX_REQUIRE_ES=1   # an unreachable Elasticsearch fails the run instead of skipping
exec python3 -m pytest -q -p no:cacheprovider "$@"
