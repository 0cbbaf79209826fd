"""The Elasticsearch backend's connection: its settings, the lazily made client, the alias each
kind of record is read and written through, and the translation of engine and network failures
into BackendError. The layers above build on this one: index management (es_indexes.py), writes
(es_writes.py), reads (elasticsearch.py, whose ElasticsearchBackend is the whole backend).
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ingest.index_contract import BackendError
from search_api.backends.es_query import MAPPINGS, index_settings

if TYPE_CHECKING:  # imported lazily at run time: the client is only needed once a request arrives
    from elasticsearch import Elasticsearch

KINDS = tuple(MAPPINGS)  # articles, documents, relations, files
BULK_CHUNK = 500
# Scroll pages: rows of a few fields a thousand at a time (Elasticsearch's scan default); whole stored documents
# (every article, or the answer data) WHOLE_DOCUMENTS_PAGE at a time. At 100x the collection a page of 1,000
# documents' answer data was 165 MB of JSON: 23 s for the node to send, 3.6 s of a server worker parsing it with
# the GIL held, so workers missed uvicorn's 5 s health ping and were replaced (bench/RESULTS.md, session 10).
SCAN_PAGE = 1000
WHOLE_DOCUMENTS_PAGE = 20


def translating_errors(method):
    """Engine and network failures become BackendError naming the server, so the API can
    answer 503 with a message an operator can act on."""

    @functools.wraps(method)
    def wrapper(self: ElasticsearchConnection, *args, **kwargs):
        from elastic_transport import ConnectionError as TransportConnectionError
        from elastic_transport import TransportError
        from elasticsearch import ApiError
        from elasticsearch.helpers import BulkIndexError

        try:
            return method(self, *args, **kwargs)
        except BackendError:
            raise
        except TransportConnectionError as error:  # includes ConnectionTimeout
            raise BackendError(f"Elasticsearch at {self.url} is unreachable: {error}") from error
        except BulkIndexError as error:
            raise BackendError(
                f"Elasticsearch at {self.url} rejected {len(error.errors)} documents; first: {error.errors[0]}"
            ) from error
        except ApiError as error:
            raise BackendError(
                f"Elasticsearch at {self.url} refused {method.__name__}: {error.meta.status} {error.message}"
                f" {_reason(error)}"
            ) from error
        except TransportError as error:
            raise BackendError(f"Elasticsearch at {self.url} failed during {method.__name__}: {error}") from error

    return wrapper


def _reason(error: Any) -> str:
    """The most specific reason Elasticsearch gave (root causes name the failing clause)."""
    body = getattr(error, "body", None)
    if not (isinstance(body, dict) and isinstance(body.get("error"), dict)):
        return ""
    causes = body["error"].get("root_cause") or [body["error"]]
    return "; ".join(f"{cause.get('type', '')}: {cause.get('reason', '')}" for cause in causes[:3])


def _setting(value: int | None, variable: str, default: int) -> int:
    if value is not None:
        return value
    text = os.environ.get(variable, "").strip()
    if not text:
        return default
    if not text.isascii() or not text.isdigit():
        raise BackendError(f"{variable}={text!r}: expected a whole number")
    return int(text)


class ElasticsearchConnection:
    """Holds no index logic: the layers above (es_indexes, es_writes, elasticsearch) add it."""

    def __init__(
        self,
        url: str | list[str],
        *,
        index_prefix: str = "vnlex",
        username: str | None = None,
        password: str | None = None,
        ca_certs: str | None = None,
        request_timeout: float = 10,
        shards: int | None = None,
        replicas: int | None = None,
    ):
        # Several node URLs: the client spreads requests over them and retries another node
        # when one is down, so a cluster keeps answering with a node gone.
        self.nodes = [url] if isinstance(url, str) else list(url)
        self.url = ",".join(self.nodes)
        self.index_prefix = index_prefix
        # Shards and replicas of indexes created from now on (existing indexes keep theirs):
        # arguments, else VNLEX_ES_SHARDS / VNLEX_ES_REPLICAS, else one shard and no replica.
        self.shards = _setting(shards, "VNLEX_ES_SHARDS", 1)
        self.replicas = _setting(replicas, "VNLEX_ES_REPLICAS", 0)
        if self.shards < 1 or self.replicas < 0:
            raise BackendError(
                f"Elasticsearch shards must be >= 1 and replicas >= 0, not {self.shards}/{self.replicas}"
            )
        self.index_settings = index_settings(self.shards, self.replicas)
        self._client_options: dict[str, Any] = {
            "basic_auth": (username, password or "") if username else None,
            "ca_certs": ca_certs,
            "request_timeout": request_timeout,
            # One retry per other node (one for a single node): an unreachable server must
            # fail fast, but a cluster with a node gone must still answer.
            "max_retries": max(1, len(self.nodes) - 1),
            "retry_on_timeout": False,
        }
        self._client: Elasticsearch | None = None
        self._client_lock = threading.Lock()  # the API calls one backend from a thread pool
        self._indexes_ready = False
        self._version_checked = False
        self._warned_title = False
        self._targets: dict[str, str] | None = None  # set on staging backends only

    @property
    def client(self):
        with self._client_lock:
            if self._client is None:
                from elasticsearch import Elasticsearch

                self._client = Elasticsearch(self.nodes, **self._client_options)
            return self._client

    def alias(self, kind: str) -> str:
        if self._targets is not None:  # a staging backend writes to its new concrete indexes
            return self._targets[kind]
        return f"{self.index_prefix}-{kind}"

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # Here rather than with the reads: update_documents (es_writes) scans the articles too.
    def _scan(self, kind: str, query: dict[str, Any], size: int = SCAN_PAGE) -> Iterable[dict[str, Any]]:
        from elasticsearch import helpers

        return helpers.scan(self.client, index=self.alias(kind), query=query, ignore_unavailable=True, size=size)
