"""`python tests/slow_start_serve.py serve ...`: the real `vnlex serve`, with start-up made longer for a test.

A test seam, in tests/ only: nothing in the product reads these variables. A worker's start-up (the
answer layer built by the app's lifespan, AppState.warm) takes seconds on the small test index and
minutes on a 100x one; to be asked to stop in the middle of it reliably, every process rebuilds the
answer store from the index again and again for VNLEX_TEST_START_UP_SECONDS (real work, as a large
index would need) before its real warm-up, after writing its pid into VNLEX_TEST_START_UP_MARKERS
(a folder) so the test knows the work has begun.

The patch is made at import of this file, which uvicorn's spawned workers import again as their
`__mp_main__`, so every worker has it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout, not an installed copy

from search_api.corpus_store import CorpusStore  # noqa: E402
from search_api.deps import AppState  # noqa: E402

_real_warm = AppState.warm


def _slow_warm(self: AppState, answers: bool = True) -> None:
    markers = os.environ.get("VNLEX_TEST_START_UP_MARKERS")
    if markers:
        (Path(markers) / str(os.getpid())).touch()
    deadline = time.monotonic() + float(os.environ.get("VNLEX_TEST_START_UP_SECONDS", "0"))
    while time.monotonic() < deadline:
        CorpusStore(self.backend).warm()
    _real_warm(self, answers)


AppState.warm = _slow_warm  # type: ignore[method-assign]

if __name__ == "__main__":
    from search_api.cli import main

    main()
