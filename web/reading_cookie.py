"""The reading-list cookie: its name, its limits and how an entry is read back.

Kept apart from web/reading_list.py (the routes) because every page's layout shows the list's
size (web/rendering.py) while the routes render pages: one module each way, no import cycle.
"""

from __future__ import annotations

import re

from fastapi import Request

COOKIE = "vnlex_reading_list"
MAX_ENTRIES = 100
# "slug:article", e.g. "09-2013-ND-CP:19" or "66-2011-QH12:26a", or one clause or point of it:
# "134-2013-TTLT-BTC-BLDTBXH:4.1.a" (a point's letter as its id writes it: đ -> "dd", inserted "d1");
# the cookie is user-controlled input.
ENTRY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,99}:[0-9]{1,4}[a-z]?(?:\.[0-9]{1,3}(?:\.[a-z]{1,2}[0-9]?)?)?$")


def read_entries(request: Request) -> list[str]:
    """Well-formed, distinct entries of the cookie, at most MAX_ENTRIES, in the order added."""
    raw = request.cookies.get(COOKIE, "")
    entries: list[str] = []
    for entry in raw.split("|"):
        entry = entry.strip()
        if ENTRY_RE.match(entry) and entry not in entries:
            entries.append(entry)
        if len(entries) >= MAX_ENTRIES:
            break
    return entries
