"""Background write jobs (reindex, ingest of uploads): one at a time, off the event loop, with progress.

POST /api/reindex used to run the whole re-ingest inside the request: under 8 search clients it
never answered, and `vnlex serve` could not be stopped with SIGTERM while it ran. Now every write
runs on one worker thread (writes are serialised, so two jobs never race on the index) and the
request returns a job id at once; GET /api/jobs/{id} reports the stage and progress. Parsing and
analysis run in a process pool started through a fork server (forking the threaded server itself
can copy a held lock into the workers, which then idle forever), and the workers die with their
parent (ingest.pipeline.die_with_parent), so a kill -9 of the server leaves no orphans.
`shutdown()` asks the running job to stop at its next progress step; its staging copy is then
discarded and the index stays as it was.
"""

from __future__ import annotations

import itertools
import queue
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

JobState = Literal["queued", "running", "done", "failed", "cancelled"]
KEEP_FINISHED = 50
Progress = Callable[[str, int, int], None]


class JobCancelled(Exception):
    """Raised inside a job's progress callback when the server is shutting down."""


class JobView(BaseModel):
    """What GET /api/jobs/{id} answers."""

    id: str
    kind: str
    state: JobState
    stage: str = ""
    done: int = 0
    total: int = 0
    queued_at: float
    started_at: float | None = None
    finished_at: float | None = None
    result: dict[str, Any] | None = None
    error: str | None = None


@dataclass
class Job:
    id: str
    kind: str
    work: Callable[[Progress], dict[str, Any]]
    state: JobState = "queued"
    stage: str = ""
    done: int = 0
    total: int = 0
    queued_at: float = field(default_factory=time.time)
    started_at: float | None = None
    finished_at: float | None = None
    result: dict[str, Any] | None = None
    error: str | None = None
    finished: threading.Event = field(default_factory=threading.Event)

    def view(self) -> JobView:
        return JobView(
            id=self.id,
            kind=self.kind,
            state=self.state,
            stage=self.stage,
            done=self.done,
            total=self.total,
            queued_at=self.queued_at,
            started_at=self.started_at,
            finished_at=self.finished_at,
            result=self.result,
            error=self.error,
        )


class JobRunner:
    def __init__(self) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._counter = itertools.count(1)

    def submit(self, kind: str, work: Callable[[Progress], dict[str, Any]]) -> Job:
        if self._stopping.is_set():
            raise RuntimeError("the server is shutting down")
        job = Job(id=f"{next(self._counter)}-{secrets.token_hex(6)}", kind=kind, work=work)
        with self._lock:
            self._jobs[job.id] = job
            finished = [k for k, j in self._jobs.items() if j.finished.is_set()]
            for key in finished[: max(0, len(finished) - KEEP_FINISHED)]:
                del self._jobs[key]
            if self._thread is None:
                # A daemon thread: a job must never keep a stopping server alive.
                self._thread = threading.Thread(target=self._run, name="vnlex-jobs", daemon=True)
                self._thread.start()
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def active(self, kind: str | None = None) -> Job | None:
        """A queued or running job (of this kind): a second reindex joins it instead of queueing."""
        with self._lock:
            return next(
                (j for j in self._jobs.values() if not j.finished.is_set() and kind in (None, j.kind)),
                None,
            )

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop taking jobs, cancel the running one at its next progress step, wait for it."""
        self._stopping.set()
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            if self._stopping.is_set():
                self._finish(job, "cancelled", error="the server stopped before the job ran")
                continue
            job.state, job.started_at = "running", time.time()
            try:
                result = job.work(self._progress_of(job))
            except JobCancelled:
                self._finish(job, "cancelled", error="the server stopped; the index was left as it was")
            except Exception as error:  # the job's failure is its result, never the thread's end
                self._finish(job, "failed", error=f"{type(error).__name__}: {error}")
            else:
                self._finish(job, "done", result=result)
        while not self._queue.empty():  # jobs queued behind the shutdown marker
            if (job := self._queue.get_nowait()) is not None:
                self._finish(job, "cancelled", error="the server stopped before the job ran")

    def _progress_of(self, job: Job) -> Progress:
        def progress(stage: str, done: int, total: int) -> None:
            if self._stopping.is_set():
                raise JobCancelled
            job.stage, job.done, job.total = stage, done, total

        return progress

    @staticmethod
    def _finish(job: Job, state: JobState, result: dict | None = None, error: str | None = None) -> None:
        job.state, job.result, job.error, job.finished_at = state, result, error, time.time()
        job.finished.set()
