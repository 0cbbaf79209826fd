#!/usr/bin/env bash
# The whole test suite: installs what it needs (Python packages; Java, Maven, unzip and Debian's
# chromium when missing and run as root), starts a real Elasticsearch on 127.0.0.1:9200
# (scripts/elasticsearch.sh) and runs pytest: Elasticsearch contract tests and browser tests included.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v unzip >/dev/null || missing+=(unzip)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "missing system packages: ${missing[*]} (install them, e.g. sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
python3 -m pip install -q -e ".[test]"
bash scripts/elasticsearch.sh start
export VNLEX_ES_URL="${VNLEX_ES_URL:-http://127.0.0.1:9200}"
export VNLEX_REQUIRE_ES=1        # an unreachable Elasticsearch fails the run instead of skipping
export VNLEX_REQUIRE_BROWSER=1   # so does a missing chromium
exec python3 -m pytest -q -p no:cacheprovider "$@"
