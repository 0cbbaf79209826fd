# Sourced by run.sh and test.sh: make (once) and activate the project's own virtual environment
# in .venv, so nothing is installed into the system Python. Debian's python3 refuses
# `pip install` outside a venv (PEP 668); this works there and anywhere else with Python >= 3.11.
# Usage: source scripts/venv.sh [EXTRA]   (EXTRA: an optional-dependency group such as "test")
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO_ROOT/.venv"
PYTHON="${VNLEX_PYTHON:-python3}"
say() { echo "[vnlex] $*"; }

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "[vnlex] $PYTHON is missing or older than 3.11; install Python 3.11+ or set VNLEX_PYTHON" >&2
    exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment $VENV with $("$PYTHON" --version 2>&1)"
    if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
        rm -rf "$VENV"
        # Debian ships venv's pip bootstrap separately (python3-venv).
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            say "installing Debian's python3-venv"
            DEBIAN_FRONTEND=noninteractive apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
            "$PYTHON" -m venv "$VENV"
        else
            echo "[vnlex] '$PYTHON -m venv' failed: install python3-venv (sudo apt-get install python3-venv)" >&2
            exit 1
        fi
    fi
fi
# shellcheck disable=SC1091
source "$VENV/bin/activate"
target="$REPO_ROOT"
[ -n "${1:-}" ] && target="$REPO_ROOT[$1]"
# Reinstall only when pyproject.toml (the dependency list) or the requested extra changed.
fingerprint="$(python -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest()[:12])' "$REPO_ROOT/pyproject.toml")"
stamp="$VENV/.installed-$fingerprint-${1:-main}"
if [ ! -f "$stamp" ]; then
    say "installing vnlex and its dependencies into .venv (about a minute on a fresh machine) ..."
    python -m pip install --disable-pip-version-check --progress-bar off -q --upgrade pip
    python -m pip install --disable-pip-version-check --progress-bar off -q -e "$target"
    rm -f "$VENV"/.installed-*
    touch "$stamp"
    say "installed"
else
    say "dependencies already installed in .venv (pyproject.toml unchanged)"
fi
