#!/usr/bin/env bash
# The whole test suite, from any directory: installs what it needs (the Python packages into .venv;
# Java, Maven, unzip, Debian's chromium, Tesseract with its Vietnamese model and poppler-utils when missing
# and run as root), starts a real
# Elasticsearch on 127.0.0.1:${VNLEX_ES_PORT:-9200} (scripts/elasticsearch.sh), then runs the
# linters and pytest: Elasticsearch contract tests and browser tests included (with axe-core,
# installed from npm into the ignored .cache/npm).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v unzip >/dev/null || missing+=(unzip)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v tesseract >/dev/null || missing+=(tesseract-ocr)
[ -n "$(ls /usr/share/tesseract-ocr/*/tessdata/vie.traineddata 2>/dev/null)" ] || missing+=(tesseract-ocr-vie)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "[vnlex] installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "missing system packages: ${missing[*]} (install them, e.g. sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
source scripts/venv.sh test
# axe-core (the browser tests' accessibility check) from npm, into the ignored .cache/npm.
if [ ! -f .cache/npm/node_modules/axe-core/axe.min.js ]; then
  say "installing axe-core from npm into .cache/npm ..."
  npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@4
fi
say "starting Elasticsearch (scripts/elasticsearch.sh) ..."
bash scripts/elasticsearch.sh start
# The tests talk to the node this script started: its URL follows VNLEX_ES_PORT.
export VNLEX_ES_URL="http://127.0.0.1:${VNLEX_ES_PORT:-9200}"
export VNLEX_REQUIRE_ES=1        # an unreachable Elasticsearch fails the run instead of skipping
export VNLEX_REQUIRE_BROWSER=1   # so does a missing chromium
export VNLEX_REQUIRE_OCR=1       # and a missing Tesseract / Vietnamese model / pdftoppm (scanned PDFs)
say "running pytest against $VNLEX_ES_URL ..."
exec python -m pytest -q -p no:cacheprovider "$@"
