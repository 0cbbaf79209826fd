"""The SQLite integrity check behind /api/health, kept off the request path.

`PRAGMA quick_check` reads every page of the file: about a second at 1x, minutes at 100x (3.4 GB),
and /api/health used to run it on the request (cached for 30 s), so a load balancer's probe read
the whole index twice a minute. Now it runs in a background thread once per index state: at the
first health request after start-up, again after each write (the index's meta generation changes,
whoever wrote it) and at most every RECHECK_SECONDS otherwise; one check at a time, on its own
read-only connection, at low CPU priority. A health request costs a few indexed reads: it reports
the last result with its age.

While no result for the current state exists yet, a request waits for it when the file is small
enough for the check to be quick (WAIT_BELOW_BYTES, bounded by WAIT_SECONDS); on a large file it
says the check is running (and keeps reporting a failure found before the write) instead of
blocking the probe for minutes.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ingest.index_contract import HealthCheck

RECHECK_SECONDS = 3600.0
WAIT_BELOW_BYTES = 256 * 1024 * 1024  # quick_check of such a file takes a few seconds at most
WAIT_SECONDS = 20.0
ERRORS_SHOWN = 5


@dataclass(frozen=True)
class Checked:
    check: HealthCheck
    stamp: object  # the index state it verified (sqlite_stats.index_stamp)
    at: float  # time.time() when it finished
    seconds: float  # how long it ran


def quick_check(path: str) -> HealthCheck:
    """The whole-file check, on a read-only connection of its own (never the request threads' ones)."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        try:
            rows = [row[0] for row in connection.execute(f"PRAGMA quick_check({ERRORS_SHOWN})")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return HealthCheck("integrity", False, f"quick_check failed: {error}")
    return HealthCheck("integrity", rows == ["ok"], "" if rows == ["ok"] else "; ".join(rows)[:300])


def _lower_priority() -> None:
    # Linux: a thread's nice value is its own, so the check yields the CPU to searches.
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except (AttributeError, OSError):
        pass


class IntegrityMonitor:
    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._last: Checked | None = None
        self._running: threading.Thread | None = None

    def check(self, stamp: object) -> HealthCheck:
        """The integrity check of the index state `stamp`, from the background check's last result."""
        with self._lock:
            last = self._last
            if last is not None and last.stamp == stamp and time.time() - last.at < RECHECK_SECONDS:
                return self._report(last, current=True)
            running = self._running or self._start(stamp)
        if self._small():
            running.join(WAIT_SECONDS)
        with self._lock:
            last = self._last
        if last is not None and last.stamp == stamp:
            return self._report(last, current=True)
        if last is not None:
            return self._report(last, current=False)
        return HealthCheck("integrity", True, "quick_check running since start-up: not verified yet")

    def _start(self, stamp: object) -> threading.Thread:
        thread = threading.Thread(target=self._run, args=(stamp,), name="vnlex-integrity", daemon=True)
        self._running = thread
        thread.start()
        return thread

    def _run(self, stamp: object) -> None:
        _lower_priority()
        started = time.monotonic()
        check = HealthCheck("integrity", False, "quick_check did not finish")
        try:
            check = quick_check(self.path)
        finally:
            with self._lock:
                self._last = Checked(check, stamp, time.time(), time.monotonic() - started)
                self._running = None

    def _small(self) -> bool:
        try:
            return Path(self.path).stat().st_size <= WAIT_BELOW_BYTES
        except OSError:
            return True

    @staticmethod
    def _report(last: Checked, current: bool) -> HealthCheck:
        age = f"checked {time.time() - last.at:.0f} s ago (took {last.seconds:.1f} s)"
        if not current:
            age += "; the index changed since, re-checking"
        detail = f"{last.check.detail}; {age}" if last.check.detail else age
        return HealthCheck("integrity", last.check.ok, detail)
