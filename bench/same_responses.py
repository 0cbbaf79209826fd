"""Do two checkouts answer the same? Every /api/search and /api/ask response of one checkout,
for real query texts, dumped without timing fields, then compared with another checkout's dump.

A speed-up must not change a byte of what users get: run this with the old checkout (--root)
and the new one against the same index, then --compare the two dumps.

Texts: the load texts of bench/load.py (dev and ALQAC questions, with and without diacritics,
and cut to keywords), every question of bench/answers/*.json, and for the first 60 load texts a
second page, a document-type, a year and an in-force filter (the backend's other query plans).

    python bench/same_responses.py --root ../before --index sqlite:///x.sqlite --dump /tmp/old.json
    python bench/same_responses.py --index sqlite:///x.sqlite --dump /tmp/new.json
    python bench/same_responses.py --compare /tmp/old.json /tmp/new.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMING_FIELDS = {"took_ms", "elapsed_ms", "timings"}


def scrub(data):
    # The same as bench/request_cost.scrub, kept apart on purpose: importing request_cost would import
    # this checkout's ingest/search_api before dump() puts the compared checkout first on sys.path.
    if isinstance(data, dict):
        return {k: scrub(v) for k, v in data.items() if k not in TIMING_FIELDS}
    if isinstance(data, list):
        return [scrub(v) for v in data]
    return data


def requests(root: Path) -> list[tuple[str, dict]]:
    # bench.load, not bench.load_texts: a checkout compared with --root may predate that module.
    from bench.load import query_texts

    texts, _ = query_texts()
    for path in sorted((root / "bench" / "answers").glob("*.json")):
        texts += [q["text"] for q in json.loads(path.read_text(encoding="utf-8"))]
    texts = list(dict.fromkeys(texts))
    out = [(endpoint, {"q": t}) for endpoint in ("search", "ask") for t in texts]
    for text in texts[:60]:
        out += [
            ("search", {"q": text, "page": 2}),
            ("search", {"q": text, "type": "Nghị định"}),
            ("search", {"q": text, "year_from": 2012}),
            ("search", {"q": text, "in_force_on": "2020-01-01"}),
        ]
    return out


def dump(root: Path, index: str, target: Path) -> None:
    sys.path.insert(0, str(root))  # that checkout's packages, not the installed ones
    from fastapi.testclient import TestClient

    import search_api
    from search_api.app import create_app
    from search_api.settings import Settings

    print(f"code from {Path(search_api.__file__).parent}", flush=True)
    responses = {}
    app = create_app(Settings(index_url=index))
    with TestClient(app) as client:
        for endpoint, params in requests(root):
            response = client.get(f"/api/{endpoint}", params=params)
            key = f"{endpoint}\t{json.dumps(params, ensure_ascii=False, sort_keys=True)}"
            responses[key] = [response.status_code, scrub(response.json())]
    target.write_text(json.dumps(responses, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
    print(f"{len(responses)} responses written to {target}")


def compare(old: Path, new: Path) -> int:
    a = json.loads(old.read_text(encoding="utf-8"))
    b = json.loads(new.read_text(encoding="utf-8"))
    differ = sorted(k for k in a.keys() & b.keys() if a[k] != b[k])
    missing = sorted(a.keys() ^ b.keys())
    for key in differ[:20]:
        print("DIFFERS:", key.replace("\t", " "))
    print(f"compared {len(a.keys() & b.keys())} responses: {len(differ)} differ, {len(missing)} in one dump only")
    return 1 if differ or missing else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout whose code answers (default: this one)")
    parser.add_argument("--index")
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--compare", type=Path, nargs=2)
    args = parser.parse_args()
    if args.compare:
        raise SystemExit(compare(*args.compare))
    dump(args.root.resolve(), args.index, args.dump)


if __name__ == "__main__":
    main()
