"""Write one named section of bench/RESULTS.md, leaving the other sections as they are."""

from __future__ import annotations

import os
import platform
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def machine() -> str:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        memory = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.split("\n")[1].split()[1]
    except (OSError, IndexError):
        pass
    return f"{platform.machine()}, {os.cpu_count()} cores, {cpu}, {memory} RAM, Python {platform.python_version()}"


def update_section(name: str, body: str, command: str) -> None:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = (
        f"<!-- {name}:start -->\n## {name}\n\nCommand: `{command}`  \nMachine: {machine()}  \n"
        f"Run: {stamp}\n\n{body.strip()}\n<!-- {name}:end -->"
    )
    text = (
        RESULTS.read_text(encoding="utf-8")
        if RESULTS.exists()
        else "# Benchmark and evaluation results\n\n"
        "Every figure here is written by a script in bench/ (or `vnlex eval`); "
        "ratios are measured side by side in one run.\n"
    )
    pattern = re.compile(rf"<!-- {re.escape(name)}:start -->.*?<!-- {re.escape(name)}:end -->", re.S)
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section + "\n"
    RESULTS.write_text(text, encoding="utf-8")
