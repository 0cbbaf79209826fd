"""Bring the scale collections of bench/scale_data.py up to date without rebuilding them.

Two things go stale between runs: the stored answer data (ingest.answer_data.VERSION hashes the
extraction rules, so a vocabulary change makes every server recompute it at start-up: tens of minutes
at 100x), and, on Elasticsearch, the documents index's mapping (the title stored apart from _source,
es_query.TITLE_IN_DOC_VALUES). This rewrites the answer data of every stored document with the current rules
(computed once per distinct text: the variants share their original's, as in scale_data.variant_answer_data)
and, on Elasticsearch, copies each documents index into a new concrete index with the current mapping
and swaps its alias, as ElasticsearchBackend.rebuild does (articles, relations and files untouched).

    python bench/scale_refresh.py --sizes 1 10 100 --es http://127.0.0.1:9206
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scale_data import WORK_DIR  # noqa: E402
from ingest.answer_data import VERSION, answer_data  # noqa: E402
from ingest.model import Document  # noqa: E402

_BY_TEXT: dict[str, dict[str, Any]] = {}


def current_answer_data(document_dict: dict[str, Any]) -> dict[str, Any]:
    """ingest.answer_data of the document, computed once per text (number and file set aside)."""
    key = json.dumps({k: v for k, v in document_dict.items() if k not in ("number", "source_file")}, sort_keys=True)
    base = _BY_TEXT.get(key)
    if base is None:
        base = _BY_TEXT[key] = answer_data(Document.from_dict(document_dict))
    number = document_dict["number"]
    return {**base, "provisions": [{**p, "doc_number": number} for p in base["provisions"]]}


def refresh_sqlite(path: Path) -> int:
    db = sqlite3.connect(path)
    rows = db.execute("SELECT key, json, answer_data FROM documents").fetchall()
    changed = 0
    with db:
        for key, document_json, stored in rows:
            if stored is not None and json.loads(stored).get("version") == VERSION:
                continue
            data = current_answer_data(json.loads(document_json))
            db.execute(
                "UPDATE documents SET answer_data = ? WHERE key = ?", (json.dumps(data, ensure_ascii=False), key)
            )
            changed += 1
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return changed


def refresh_elasticsearch(server: str, prefix: str) -> str:
    from elasticsearch import Elasticsearch
    from elasticsearch.helpers import bulk, scan

    from search_api.backends.elasticsearch import ElasticsearchBackend
    from search_api.backends.es_query import MAPPINGS

    client = Elasticsearch(server, request_timeout=600)
    backend = ElasticsearchBackend(server, index_prefix=prefix)
    alias = backend.alias("documents")
    old = next(iter(client.indices.get_alias(name=alias).body))
    new = backend._new_index_name("documents")
    client.indices.create(index=new, mappings=MAPPINGS["documents"], settings=backend.index_settings)

    def actions():
        for hit in scan(client, index=old, query={"query": {"match_all": {}}}, size=50):
            source = hit["_source"]
            if (source.get("answer_data") or {}).get("version") != VERSION:
                source["answer_data"] = current_answer_data(source["document"])
            yield {"_index": new, "_id": hit["_id"], "_source": source}

    bulk(client, actions(), chunk_size=50, refresh=True)
    client.indices.update_aliases(
        actions=[{"remove": {"index": old, "alias": alias}}, {"add": {"index": new, "alias": alias}}]
    )
    client.indices.delete(index=old)
    return new


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--es", default="", help="Elasticsearch server of the scale indexes ('' to skip)")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    for size in args.sizes:
        if not args.no_sqlite:
            started = time.perf_counter()
            changed = refresh_sqlite(WORK_DIR / f"scale{size}.sqlite")
            print(f"sqlite {size}x: {changed} documents' answer data rewritten, {time.perf_counter() - started:.0f} s")
        if args.es:
            started = time.perf_counter()
            new = refresh_elasticsearch(args.es, f"scale{size}")
            print(f"elasticsearch {size}x: documents now in {new}, {time.perf_counter() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
