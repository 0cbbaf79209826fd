"""Figures measured by the reliability tests (requests, errors, durations, bytes), one JSON file
per check under bench/out/reliability/; `python bench/reliability.py` writes them into
bench/RESULTS.md. The tests assert on the same numbers they record."""

from __future__ import annotations

import json
import time
from pathlib import Path

FIGURES_DIR = Path(__file__).resolve().parents[1] / "bench" / "out" / "reliability"


def record(check: str, **figures) -> None:
    FIGURES_DIR.mkdir(parents=True, exist_ok=True)
    data = {"check": check, "recorded_at": time.strftime("%Y-%m-%d %H:%M:%S"), **figures}
    (FIGURES_DIR / f"{check}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
