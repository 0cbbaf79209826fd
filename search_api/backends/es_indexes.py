"""Index management of the Elasticsearch backend: the versioned concrete indexes behind their
aliases, created on the first write, checked against INDEX_VERSION before reads and writes, copied
into staging indexes and swapped in with one atomic alias move, merged, health-checked, dropped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, Self

from ingest.index_contract import INDEX_VERSION, BackendError, HealthCheck
from search_api.backends.es_connection import BULK_CHUNK, KINDS, ElasticsearchConnection, translating_errors
from search_api.backends.es_query import MAPPINGS

STALE_STAGING_SECONDS = 3600


class ElasticsearchIndexes(ElasticsearchConnection):
    """The aliases, their concrete indexes and their version; writes and reads call the checks first."""

    def _new_index_name(self, kind: str) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        return f"{self.alias(kind)}-v{INDEX_VERSION}-{stamp}"

    def _concrete_index_pattern(self) -> re.Pattern[str]:
        return re.compile(rf"^{re.escape(self.index_prefix)}-({'|'.join(KINDS)})-v(\d+)-\d+$")

    def _aliased_indexes(self) -> dict[str, str]:
        """kind -> concrete index currently behind its alias (missing kinds left out)."""
        from elasticsearch import NotFoundError

        try:
            response = self.client.indices.get_alias(name=",".join(self.alias(k) for k in KINDS))
        except NotFoundError:
            return {}
        found = {}
        for index, info in response.body.items():
            for alias in info.get("aliases", {}):
                found[alias[len(self.index_prefix) + 1 :]] = index
        return found

    def _check_version(self) -> dict[str, str]:
        """Refuse indexes of another INDEX_VERSION (their fields differ: searching or mixing
        them would silently degrade results), like the SQLite backend's schema check."""
        existing = self._aliased_indexes()
        pattern = self._concrete_index_pattern()
        for index in existing.values():
            match = pattern.match(index)
            if match and int(match.group(2)) != INDEX_VERSION:
                raise BackendError(
                    f"Elasticsearch index {index} has index version {match.group(2)}, this vnlex needs "
                    f"{INDEX_VERSION}: run `vnlex ingest --recreate` to rebuild it"
                )
        self._version_checked = bool(existing)
        return existing

    def _check_version_once(self) -> None:
        # Before reads; indexes that do not exist yet read as empty and are checked again later.
        if not self._version_checked:
            self._check_version()

    def _ensure_indexes(self) -> None:
        """Before writes: check the version and create missing indexes behind their aliases."""
        if self._indexes_ready:
            return
        existing = self._check_version()
        for kind in KINDS:
            if kind not in existing:
                self.client.indices.create(
                    index=self._new_index_name(kind),
                    mappings=MAPPINGS[kind],
                    settings=self.index_settings,
                    aliases={self.alias(kind): {}},
                )
        self._indexes_ready = self._version_checked = True

    @translating_errors
    def rebuild(self) -> str:
        """Copy every index into a fresh concrete index with the current mappings and switch
        the aliases over; returns the new articles index name.

        The four alias moves (remove old, add new, per kind) go in ONE `_aliases` request,
        which Elasticsearch applies atomically: a reader sees either all old or all new
        indexes, never a mix and never a missing alias, so search keeps answering
        throughout. The old indexes are deleted only after the swap. Documents are copied
        client-side (scroll + bulk) because the minimal distribution has no _reindex.
        Writes made to the old indexes while the copy runs are lost: do not ingest during
        a rebuild. A changed INDEX_VERSION needs `vnlex ingest` instead, since tokens are
        analysed in Python and a copy cannot add new fields.
        """
        with self.staging() as stage:
            return stage.alias("articles")

    @contextmanager
    def staging(self, rewritten: Collection[str] = ()) -> Iterator[Self]:
        """New concrete indexes holding a copy of the current ones, written through a backend
        bound to them; swapped in behind the aliases in one atomic `_aliases` call when the
        block ends without error, deleted otherwise. `vnlex ingest --force` and /api/reindex
        write through this, so searches never see the half-replaced files (during a plain
        re-ingest "NĐ 09/2013" went from 29 hits to 0, and deleted documents piled up)."""
        old, new = self._copy_into_new_indexes(list(rewritten))
        # type(self): the whole backend (ElasticsearchBackend), of which this class is one layer.
        stage = type(self)(self.url, index_prefix=self.index_prefix)
        stage._client, stage._targets = self.client, new
        stage._indexes_ready = stage._version_checked = True
        try:
            yield stage
            self._swap_aliases(old, new)
        except BaseException:
            self.client.options(ignore_status=404).indices.delete(index=",".join(new.values()))
            raise

    @translating_errors
    def _copy_into_new_indexes(self, leave_out: list[str]) -> tuple[dict[str, str], dict[str, str]]:
        """New concrete indexes holding the current records, except those of the `leave_out` files
        (about to be written again: copying then replacing them would leave deleted documents,
        which Elasticsearch keeps counting in its scores for a while)."""
        from elasticsearch.helpers import bulk, scan

        self._ensure_indexes()
        self._remove_abandoned_staging_indexes()
        old = self._aliased_indexes()
        new = {kind: self._new_index_name(kind) for kind in KINDS}
        query: dict[str, Any] = {"query": {"match_all": {}}}
        if leave_out:
            query = {"query": {"bool": {"must_not": [{"terms": {"source_file": leave_out}}]}}}
        try:
            for kind in KINDS:
                self.client.indices.create(index=new[kind], mappings=MAPPINGS[kind], settings=self.index_settings)
                copies = (
                    {"_index": new[kind], "_id": hit["_id"], "_source": hit["_source"]}
                    for hit in scan(self.client, index=old[kind], query=query)
                )
                bulk(self.client, copies, chunk_size=BULK_CHUNK)
            self.client.indices.refresh(index=",".join(new.values()))
        except BaseException:
            self.client.options(ignore_status=404).indices.delete(index=",".join(new.values()))
            raise
        return old, new

    def _remove_abandoned_staging_indexes(self) -> list[str]:
        """Concrete indexes of this prefix behind no alias and older than STALE_STAGING_SECONDS are
        the copies of a rebuild whose process died (kill -9 mid-rebuild): delete them. Younger ones
        may belong to a rebuild still running elsewhere and are left alone."""
        pattern = self._concrete_index_pattern()
        found = self.client.indices.get(
            index=f"{self.index_prefix}-*", filter_path="*.aliases,*.settings.index.creation_date"
        )
        cutoff_ms = (datetime.now(UTC).timestamp() - STALE_STAGING_SECONDS) * 1000
        abandoned = [
            name
            for name, info in found.body.items()
            if pattern.match(name)
            and not info.get("aliases")
            and int(info.get("settings", {}).get("index", {}).get("creation_date", cutoff_ms + 1)) < cutoff_ms
        ]
        if abandoned:
            self.client.options(ignore_status=404).indices.delete(index=",".join(abandoned))
        return abandoned

    @translating_errors
    def _swap_aliases(self, old: dict[str, str], new: dict[str, str]) -> None:
        names = ",".join(new.values())
        self.client.indices.refresh(index=names)
        # Replacing files in the copy leaves deleted documents, which still count in BM25's
        # statistics: merged away, the new index scores exactly like a fresh ingest (the top 10
        # changed for 5 of 15 queries after a reindex that skipped this).
        self.client.options(request_timeout=300).indices.forcemerge(index=names, max_num_segments=1)
        self.client.indices.refresh(index=names)
        actions = []
        for kind in KINDS:
            actions.append({"remove": {"index": old[kind], "alias": self.alias(kind)}})
            actions.append({"add": {"index": new[kind], "alias": self.alias(kind)}})
        self.client.indices.update_aliases(actions=actions)
        self.client.indices.delete(index=",".join(old.values()))

    @translating_errors
    def checkpoint(self) -> None:
        """After a batch of writes: merge away deleted documents. They still count in BM25's
        statistics, so without this an index that saw replacements scores differently from a
        fresh one, and a rebuild (which merges) would change the ranking."""
        names = ",".join(self.alias(kind) for kind in KINDS)
        self.client.options(request_timeout=300, ignore_status=404).indices.forcemerge(index=names, max_num_segments=1)
        self.client.options(ignore_status=404).indices.refresh(index=names)

    def health_checks(self) -> list[HealthCheck]:
        """Cluster health, every alias behind exactly one index of this version, a real query."""
        checks = []
        for name, probe in (("cluster", self._check_cluster), ("aliases", self._check_aliases)):
            try:
                checks.append(probe())
            except BackendError as error:
                checks.append(HealthCheck(name, False, str(error)))
        try:
            self.client.options(request_timeout=5).search(index=self.alias("articles"), size=1, query={"match_all": {}})
            checks.append(HealthCheck("query", True))
        except Exception as error:  # any failure of the probe query is the finding itself
            checks.append(HealthCheck("query", False, f"{type(error).__name__}: {str(error)[:200]}"))
        return checks

    @translating_errors
    def _check_cluster(self) -> HealthCheck:
        health = self.client.options(request_timeout=5).cluster.health()
        status = health["status"]
        return HealthCheck("cluster", status in ("green", "yellow"), f"cluster status {status}")

    @translating_errors
    def _check_aliases(self) -> HealthCheck:
        found = self._aliased_indexes()
        missing = [kind for kind in KINDS if kind not in found]
        if missing:
            return HealthCheck("aliases", False, f"no index behind {', '.join(self.alias(k) for k in missing)}")
        pattern = self._concrete_index_pattern()
        stale = [index for index in found.values() if (m := pattern.match(index)) and int(m.group(2)) != INDEX_VERSION]
        if stale:
            return HealthCheck("aliases", False, f"index version differs: {', '.join(stale)}")
        return HealthCheck("aliases", True)

    @translating_errors
    def drop(self) -> None:
        """Delete every index of this prefix (tests, and starting over). Names are listed
        explicitly because wildcard deletes are refused by default (destructive_requires_name)."""
        pattern = self._concrete_index_pattern()
        names = [name for name in self.client.indices.get(index=f"{self.index_prefix}-*").body if pattern.match(name)]
        if names:
            self.client.indices.delete(index=",".join(names))
        self._indexes_ready = self._version_checked = False
