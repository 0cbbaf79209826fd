"""Backend selection is configuration: the index URL's scheme picks the implementation."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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
        server = f"{parts.scheme}://{parts.netloc}"
        return ElasticsearchBackend(
            server, index_prefix=prefix, username=username, password=password, ca_certs=ca_certs
        )
    raise BackendError(f"unsupported index URL {index_url!r}: use sqlite:///FILE or http://HOST:9200")
