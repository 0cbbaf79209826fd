"""ARCHITECTURE.md stays true: every module path it names in backticks exists in the repository."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "ARCHITECTURE.md"


def named_paths() -> list[str]:
    return sorted(set(re.findall(r"`([\w./]+\.(?:py|json|md))`", DOC.read_text(encoding="utf-8"))))


def test_architecture_names_modules():
    # Guards against the pattern silently matching nothing (the test below would then pass vacuously).
    assert len(named_paths()) >= 20


def test_every_named_module_exists():
    missing = [path for path in named_paths() if not (ROOT / path).is_file()]
    assert missing == [], f"ARCHITECTURE.md names files that do not exist: {missing}"


def test_readme_links_architecture():
    assert "(ARCHITECTURE.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_named_function_or_class_exists():
    """Backticked names such as `parse_bytes` or `CorpusStore.snapshot` are defined in the code."""
    sources = "\n".join(
        path.read_text(encoding="utf-8")
        for folder in ("ingest", "search_api", "web")
        for path in (ROOT / folder).rglob("*.py")
    )
    names = set(re.findall(r"`([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)`", DOC.read_text(encoding="utf-8")))
    missing = []
    for name in sorted(names):
        last = name.split(".")[-1]
        defined = rf"(?m)^\s*(?:async\s+)?(?:def|class)\s+{last}\b|^\s*{last}\s*(?::[^=\n]*)?="
        if not re.search(defined, sources):
            missing.append(name)
    assert missing == [], f"ARCHITECTURE.md names functions or classes that do not exist: {missing}"
