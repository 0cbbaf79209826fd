"""Snippets with highlighted query words, safe by construction: every piece of text is
HTML-escaped first, then only the <mark> tags this module writes are added."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ingest.analysis import Analysis
from ingest.textnorm import fold

_WORD_RE = re.compile(r"\w+", re.UNICODE)
# Syllables too common to be worth marking on their own.
_QUIET = frozenset(fold(w) for w in "và của các có được là cho theo tại về với trong này những một người".split())


@lru_cache(maxsize=100_000)
def _folded_word(word: str) -> str:
    # The same few thousand words recur in every snippet; folding each once keeps
    # highlighting ten long articles under a millisecond or two.
    return fold(word.lower())


def query_syllables(analysis: Analysis) -> set[str]:
    """Folded syllables of the query; protected tokens (09_2013_nd_cp) split into their parts."""
    parts: set[str] = set()
    for token in analysis.folded:
        parts.update(p for p in token.split("_") if p)
    return parts - _QUIET


def highlight(text: str, analysis: Analysis, *, window: int = 40) -> str:
    """Escaped HTML: the best window of about `window` words, query syllables in <mark>."""
    wanted = query_syllables(analysis)
    words = list(_WORD_RE.finditer(text))
    if not words:
        return html.escape(text[:300])
    hits = [_folded_word(m.group()) in wanted for m in words]
    start = _best_window(hits, window)
    first, last = words[start], words[min(start + window, len(words)) - 1]
    begin = 0 if start == 0 else first.start()
    end = len(text) if start + window >= len(words) else last.end()
    out: list[str] = ["… " if begin > 0 else ""]
    cursor = begin
    for match, is_hit in zip(words[start : start + window], hits[start : start + window]):
        out.append(html.escape(text[cursor : match.start()]))
        piece = html.escape(match.group())
        out.append(f"<mark>{piece}</mark>" if is_hit else piece)
        cursor = match.end()
    out.append(html.escape(text[cursor:end]))
    if end < len(text):
        out.append(" …")
    return "".join(out).replace("\n", " ")


def _best_window(hits: list[bool], window: int) -> int:
    if len(hits) <= window:
        return 0
    best, best_start, current = -1, 0, sum(hits[:window])
    for start in range(0, len(hits) - window + 1):
        if start:
            current += hits[start + window - 1] - hits[start - 1]
        if current > best:
            best, best_start = current, start
    # Start a little before the first hit so the reader sees its context.
    return max(0, best_start - 3) if best > 0 else 0
