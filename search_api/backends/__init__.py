"""Backend selection is configuration: the index URL's scheme picks the implementation."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from ingest.index_contract import BackendError, SearchBackend


def open_backend(
    index_url: str, *, username: str | None = None, password: str | None = None, ca_certs: str | None = None
) -> SearchBackend:
    """'sqlite:///path/to/file.sqlite' or 'http(s)://host:9200' -> a backend (nothing connects yet)."""
    scheme = urlsplit(index_url).scheme
    if scheme == "sqlite":
        from search_api.backends.sqlite import SQLiteBackend

        path = index_url[len("sqlite:///") :] if index_url.startswith("sqlite:///") else index_url[len("sqlite:") :]
        if not path:
            raise BackendError(f"no file in index URL {index_url!r}; use sqlite:///path/to/index.sqlite")
        # sqlite:////abs/path and sqlite:///rel/path, as in SQLAlchemy
        return SQLiteBackend(path)
    if scheme in ("http", "https"):
        from search_api.backends.elasticsearch import ElasticsearchBackend

        # An optional path names the index prefix: http://host:9200/alqac keeps an evaluation
        # corpus apart from the default 'vnlex' indexes on the same cluster.
        parts = urlsplit(index_url)
        prefix = parts.path.strip("/") or "vnlex"
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,60}", prefix):
            raise BackendError(f"index prefix {prefix!r} in {index_url!r}: use lower-case letters, digits, '-' or '_'")
        # Several nodes of one cluster: http://host1:9200,host2:9200/prefix
        servers = [f"{parts.scheme}://{node}" for node in parts.netloc.split(",") if node]
        shards, replicas = _shard_settings(index_url, parse_qs(parts.query))
        return ElasticsearchBackend(
            servers,
            index_prefix=prefix,
            username=username,
            password=password,
            ca_certs=ca_certs,
            shards=shards,
            replicas=replicas,
        )
    raise BackendError(f"unsupported index URL {index_url!r}: use sqlite:///FILE or http://HOST:9200")


def _shard_settings(index_url: str, params: dict[str, list[str]]) -> tuple[int | None, int | None]:
    """?shards=3&replicas=1 in the index URL (None: VNLEX_ES_SHARDS / VNLEX_ES_REPLICAS or the default)."""
    unknown = set(params) - {"shards", "replicas"}
    if unknown:
        raise BackendError(f"unknown option {sorted(unknown)[0]!r} in {index_url!r}: only shards and replicas")
    values = []
    for name in ("shards", "replicas"):
        text = params.get(name, [""])[-1]
        if text and not (text.isascii() and text.isdigit()):
            raise BackendError(f"{name}={text!r} in {index_url!r}: expected a whole number")
        values.append(int(text) if text else None)
    return values[0], values[1]
