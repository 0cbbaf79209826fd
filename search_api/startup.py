"""Start-up work that a SIGTERM can interrupt.

The app's lifespan builds the answer layer before the server accepts a request: seconds at 1x the
collection, minutes at 100x or when the stored answer data is stale. uvicorn installs its SIGTERM and
SIGINT handlers before the lifespan starts; they only set `Server.should_exit`, which uvicorn reads once
start-up is over. A worker asked to stop during start-up therefore finished the whole build first, and
`vnlex serve --workers 2` (whose parent waits for every worker without a bound) took as long to stop.

`run_start_up_work` runs the build in a daemon thread and returns as soon as the server has been asked to
stop, leaving the thread behind: it only reads the index, and a daemon thread neither keeps the process
alive nor is joined at exit (`asyncio.to_thread`'s executor threads are, by `asyncio.run` and at
interpreter exit, so abandoning one of those would not help).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import signal
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
POLL_SECONDS = 0.1


class StartUpInterrupted(Exception):
    """The server was asked to stop before the start-up work finished."""


def stop_requested() -> bool:
    """Whether the uvicorn server running this process has been asked to stop.

    uvicorn's handler for SIGTERM is the bound method `Server.handle_exit`; its server's `should_exit`
    is set by the signal, whenever it came (also before the lifespan began, while the app was imported).
    Without such a handler (TestClient, another server) nothing can be asked and the answer is False."""
    server = getattr(signal.getsignal(signal.SIGTERM), "__self__", None)
    return bool(getattr(server, "should_exit", False))


async def run_start_up_work(work: Callable[[], T], name: str = "vnlex-start-up") -> T:
    """work() in a daemon thread, awaited without blocking the event loop; raises StartUpInterrupted
    as soon as stop_requested() (checked every POLL_SECONDS), leaving the thread to die with the process."""
    future: concurrent.futures.Future[T] = concurrent.futures.Future()

    def target() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(work())
        except BaseException as error:  # handed to the awaiting coroutine, which re-raises it
            future.set_exception(error)

    threading.Thread(target=target, name=name, daemon=True).start()
    waiting = asyncio.wrap_future(future)
    while not stop_requested():
        done, _ = await asyncio.wait({waiting}, timeout=POLL_SECONDS)
        if done:
            return waiting.result()
    waiting.cancel()
    raise StartUpInterrupted
