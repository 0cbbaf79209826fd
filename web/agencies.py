"""Short names of issuing agencies, for places with little room (search filters, entitlement cards).

'Bộ Công an, Bộ Quốc phòng, Bộ Lao động - Thương binh và Xã hội và Bộ Ngoại giao' wraps to six
lines in a 260 px filter column; its official symbols 'BCA, BQP, BLĐTBXH, BNG' fit on one. The
symbols come from corpus/abbreviations.tsv (kind 'issuer'), the list search already expands.
Pages show the full name to screen readers and on hover; a name not made only of known
agencies is left as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from search_api.abbreviations import load_abbreviations

SHORTEN_ABOVE = 28  # characters; shorter names fit the filter column on one or two lines


@lru_cache(maxsize=1)
def _issuer_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    issuers = [a for a in load_abbreviations() if a.kind == "issuer" and " " in a.expansion]
    issuers.sort(key=lambda a: -len(a.expansion))  # "bộ lao động - …" before "lao động - …"
    return tuple((re.compile(re.escape(a.expansion), re.IGNORECASE), a.abbreviation) for a in issuers)


def short_agency(name: str) -> str | None:
    """The short form of a long agency name, or None when it is short already or not all known."""
    if len(name) <= SHORTEN_ABOVE:
        return None
    found: list[tuple[int, str]] = []
    rest = name
    for pattern, symbol in _issuer_patterns():
        for match in pattern.finditer(rest):
            found.append((match.start(), symbol))
        rest = pattern.sub(lambda m: "\0" * len(m.group(0)), rest)
    if not found or re.sub(r"[\0\s,;]|\bvà\b", "", rest):
        return None  # something other than known agencies and separators: keep the full name
    symbols = [symbol for _start, symbol in sorted(found)]
    if len(symbols) == 1 and symbols[0].startswith("B") and name.lower().startswith("bộ "):
        return "Bộ " + symbols[0][1:]  # one ministry: "Bộ LĐTBXH"
    return ", ".join(symbols)
