"""Where a request's time goes, under load: py-spy samples `vnlex serve` while wrk drives it.

For each (index, endpoint) given, it starts one server process, warms it up, runs wrk with
8 connections for --seconds while `py-spy record` samples the process (all threads), and
reports the share of busy samples spent in each vnlex function (inclusive) and in each leaf
(self time; a C call such as SQLite's shows as the Python function calling it).

    pip install py-spy; apt-get install wrk
    python bench/profile_server.py --index sqlite:////tmp/vnlex-scale/scale10.sqlite --endpoint search
    # an earlier commit first, into a section of its own:
    python bench/profile_server.py --index ... --before /tmp/old-checkout --section "..."
"""

from __future__ import annotations

import argparse
import collections
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load_server import start_server, stop_server, warm_request  # noqa: E402
from bench.load_texts import query_texts  # noqa: E402
from bench.results import update_section  # noqa: E402
from bench.wrk import INSTALL_HINT, lua_script, run_wrk  # noqa: E402

PORT = 8112
# py-spy names files relative to the working directory: 'search (search_api/search.py:38)'
VNLEX_FRAME = re.compile(r"\((?:[^()]*/)?(?:search_api|ingest)/[^()]*\)")
TOP = 12


def py_spy() -> str:
    found = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(found).exists():
        raise SystemExit("py-spy is not installed: `pip install py-spy`")
    return found


def summarise(raw: Path) -> tuple[int, list[tuple[float, str]], list[tuple[float, str]]]:
    inclusive: collections.Counter[str] = collections.Counter()
    leaves: collections.Counter[str] = collections.Counter()
    busy = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        mine = [f for f in frames if VNLEX_FRAME.search(f)]
        if not mine:
            continue  # the event loop and idle pool threads
        busy += int(count)
        for name in dict.fromkeys(f.split(" (")[0] for f in mine):
            inclusive[name] += int(count)
        leaves[frames[-1].split(" (")[0]] += int(count)

    def share(counter):
        return [(100 * n / busy, name) for name, n in counter.most_common(TOP)]

    return busy, share(inclusive), share(leaves)


def profile(index: str, endpoint: str, seconds: int, folder: Path, root: Path = ROOT) -> str:
    texts, warm = query_texts()
    process = start_server(index, PORT, workers=1, root=root)
    base = f"http://127.0.0.1:{PORT}"
    raw = folder / f"{endpoint}.raw"
    try:
        for text in warm[:4]:
            warm_request(base, endpoint, text)
        sampler = subprocess.Popen(
            [py_spy(), "record", "-p", str(process.pid), "-d", str(seconds), "-r", "50", "-f", "raw", "-o", str(raw)]
            + ["--nonblocking"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        result = run_wrk(base, lua_script(folder, endpoint, texts), 8, seconds)
        sampler.wait(seconds + 60)
    finally:
        stop_server(process)
    busy, inclusive, leaves = summarise(raw)
    return part(index, endpoint, root, seconds, result, busy, inclusive, leaves)


def part(index, endpoint, root, seconds, result, busy, inclusive, leaves) -> str:
    """One profile's paragraph and table; the checkout is named when it is not this one (--before)."""
    rows = "\n".join(f"| {a:.1f}% `{n}` | {b:.1f}% `{m}` |" for (a, n), (b, m) in zip(inclusive, leaves, strict=False))
    checkout = "" if root == ROOT else f" (code of {root})"
    return (
        f"**{index}, /api/{endpoint}**{checkout}, 1 server process, wrk 8 connections {seconds} s: "
        f"{result['requests']} requests, p50 {result['p50']:.0f} ms, p95 {result['p95']:.0f} ms; "
        f"{busy} busy samples.\n\n| inclusive (vnlex functions) | self (leaf) |\n|---|---|\n{rows}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", action="append", required=True)
    parser.add_argument("--endpoint", action="append", default=None)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument(
        "--before", type=Path, help="another checkout (e.g. `git archive` of an earlier commit), profiled first"
    )
    parser.add_argument("--section", default="Load and scale: where the time goes (py-spy)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit(INSTALL_HINT)
    parts = []
    with tempfile.TemporaryDirectory(prefix="vnlex-profile-") as tmp:
        for index in args.index:
            for endpoint in args.endpoint or ["search"]:
                for root in [args.before.resolve()] if args.before else []:
                    parts.append(profile(index, endpoint, args.seconds, Path(tmp), root))
                    print(parts[-1], flush=True)
                parts.append(profile(index, endpoint, args.seconds, Path(tmp)))
                print(parts[-1], flush=True)
    update_section(
        args.section,
        "\n".join(parts),
        "python bench/profile_server.py " + " ".join(sys.argv[1:]),
    )


if __name__ == "__main__":
    main()
