"""The document lists the search service keeps (search_api.search._Refreshed): loaded once, then refreshed in the
background so that no request waits for a reload and concurrent requests start one reload, not one each (at 100x
the collection on Elasticsearch a reload took 15 s, and eight at once 96 s: bench/RESULTS.md "Load and scale")."""

from __future__ import annotations

import threading
import time

from search_api import search


def test_an_expired_list_is_served_while_one_background_reload_runs(monkeypatch):
    monkeypatch.setattr(search, "KNOWN_DOCUMENTS_TTL", 0.05)
    release, loads = threading.Event(), []

    def load() -> list[str]:
        loads.append(time.monotonic())
        if len(loads) > 1:
            release.wait(5)  # a slow reload
        return [f"v{len(loads)}"]

    refreshed = search._Refreshed(load)
    assert refreshed.get() == ["v1"] and len(loads) == 1  # the first caller loads
    time.sleep(0.1)  # expired
    started = time.monotonic()
    served = [refreshed.get() for _ in range(8)]  # eight requests while the reload is blocked
    assert time.monotonic() - started < 0.5  # none of them waited for it
    assert served == [["v1"]] * 8 and len(loads) == 2  # the old list, and a single reload
    release.set()
    deadline = time.monotonic() + 5
    while refreshed.get() != ["v2"] and time.monotonic() < deadline:
        time.sleep(0.01)
    assert refreshed.get() == ["v2"]


def test_a_failed_reload_keeps_the_last_list(monkeypatch):
    monkeypatch.setattr(search, "KNOWN_DOCUMENTS_TTL", 0.01)
    calls = []

    def load() -> list[str]:
        calls.append(1)
        if len(calls) > 1:
            raise ConnectionError("index unreachable")
        return ["kept"]

    refreshed = search._Refreshed(load)
    assert refreshed.get() == ["kept"]
    time.sleep(0.05)
    assert refreshed.get() == ["kept"]
    time.sleep(0.1)
    assert refreshed.get() == ["kept"] and len(calls) >= 2
    refreshed.forget()  # after an ingest: the next caller loads again (and here sees the error)
    try:
        refreshed.get()
    except ConnectionError:
        pass
    else:
        raise AssertionError("forget() should make the next call load")
