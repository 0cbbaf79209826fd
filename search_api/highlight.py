"""Snippets with highlighted query words, safe by construction: every piece of text is
HTML-escaped first, then only the <mark> tags this module writes are added.

What is marked follows what was typed, as a law library's search does:
- typed with diacritics, words match exactly ("mua bán" marks "mua bán", never "ban" in
  "ban hành"); typed without, they match folded ("mua ban" marks "mua bán" and "mua ban");
- words are marked as the query's words and phrases, not as loose syllables: a run of text
  is marked where it repeats a word of the query or two adjacent query syllables, so
  "nạn nhân" marks "nạn nhân" but not "nhân" in "cá nhân". A one-syllable query word
  ("bán" in "bị bán") is marked on its own, unless it is too common to mean anything.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Callable, Set
from functools import lru_cache, partial
from itertools import compress, count, islice

from ingest.analysis import Analysis
from ingest.textnorm import fold, nfc

_WORD_RE = re.compile(r"\w+", re.UNICODE)
# Marks separated only by spaces or a number's separators ("09/2013/NĐ-CP") become one.
_ADJACENT_MARKS = re.compile(r"</mark>(\s+|[/.\-])<mark>")
# Syllables too common to be worth marking on their own.
_QUIET = frozenset("và của các có được là cho theo tại về với trong này những một người".split())
_QUIET_FOLDED = frozenset(fold(w) for w in _QUIET)
# Snippets remembered (LRU), with the article text each is for: ~10 KB an entry at most, ~10 MB.
SNIPPETS_CACHED = 1024
ARTICLES_CACHED = 1024  # articles' normalised words (LRU), ~6 KB an entry with its text: ~6 MB


@lru_cache(maxsize=100_000)
def _folded_word(word: str) -> str:
    # The same few thousand words recur in every snippet; folding each once keeps
    # highlighting ten long articles under a millisecond or two.
    return fold(word.lower())


@lru_cache(maxsize=100_000)
def _exact_word(word: str) -> str:
    return nfc(word).lower()


def query_units(analysis: Analysis) -> tuple[bool, set[tuple[str, ...]]]:
    """(exact, units): whether to compare with diacritics, and the syllable sequences worth
    marking — each query word (protected tokens such as 09_2013_nđ_cp split into their
    parts) and each pair of adjacent query syllables."""
    exact = bool(analysis.words)  # the query parser drops exact streams for toneless input
    syllables = analysis.syllables if exact else analysis.folded
    quiet = _QUIET if exact else _QUIET_FOLDED
    units: set[tuple[str, ...]] = set()
    words = analysis.words if exact else ([syllables[0]] if len(syllables) == 1 else [])
    for word in words:
        parts = tuple(p for p in word.split("_") if p)
        if len(parts) > 1 or (parts and parts[0] not in quiet):
            units.add(parts)
    for first, second in zip(syllables, syllables[1:], strict=False):
        units.add((*_parts(first), *_parts(second)))
    return exact, units


def _parts(token: str) -> tuple[str, ...]:
    return tuple(p for p in token.split("_") if p)


def marked_positions(tokens: list[str], units: Set[tuple[str, ...]]) -> list[int]:
    """Positions of the tokens that belong to an occurrence of one of the units, in order."""
    by_first = _units_by_first(frozenset(units))
    marked: set[int] = set()
    # Only the positions whose token starts a unit are looked at; finding them runs in C
    # (compress over a membership map), where a Python loop over every token of a long article cost most.
    for start in compress(count(), map(by_first.__contains__, tokens)):
        for rest in by_first[tokens[start]]:
            end = start + 1 + len(rest)
            if tokens[start + 1 : end] == rest:
                marked.update(range(start, end))
    return sorted(marked)


@lru_cache(maxsize=256)
def _units_by_first(units: frozenset[tuple[str, ...]]) -> dict[str, list[list[str]]]:
    # The units of one query by their first syllable, each as the list of its other syllables: worked
    # out once per query, not once per hit.
    by_first: dict[str, list[list[str]]] = {}
    for unit in units:
        by_first.setdefault(unit[0], []).append(list(unit[1:]))
    return by_first


def highlight(text: str, analysis: Analysis, *, window: int = 40) -> str:
    """Escaped HTML: the best window of about `window` words, the query's words in <mark>."""
    return highlighter(analysis, window=window)(text)


def highlighter(analysis: Analysis, *, window: int = 40) -> Callable[[str], str]:
    """`highlight` for one query over many texts: the query's units are worked out once (doing it
    for each of a page's ten hits was a third of the highlighting time)."""
    exact, units = query_units(analysis)
    return partial(_cached_highlight, exact=exact, units=frozenset(units), window=window)


@lru_cache(maxsize=SNIPPETS_CACHED)
def _cached_highlight(text: str, *, exact: bool, units: frozenset[tuple[str, ...]], window: int) -> str:
    # A snippet is a pure function of these arguments, so the key is the article text itself (not
    # its row id, which a re-ingest may give to another text): nothing to invalidate after a write.
    # Popular queries, and the next page of the same one, highlight the same articles again.
    return _highlight(text, exact=exact, units=units, window=window)


@lru_cache(maxsize=ARTICLES_CACHED)
def _normalised_words(text: str, exact: bool) -> list[str]:
    # The same articles come up for many different queries (the central articles of the collection):
    # splitting and normalising one was 40% of highlighting it. Callers only read the list.
    normalise = _exact_word if exact else _folded_word
    return list(map(normalise, _WORD_RE.findall(text)))


def _highlight(text: str, *, exact: bool, units: Set[tuple[str, ...]], window: int) -> str:
    words = _normalised_words(text, exact)
    if not words:
        return html.escape(text[:300])
    marks = marked_positions(words, units)
    start = _best_window(marks, len(words), window)
    # Match objects (positions) only for the window's words: the ones before it are skipped in C.
    shown = list(islice(_WORD_RE.finditer(text), start, start + window))
    begin = 0 if start == 0 else shown[0].start()
    end = len(text) if start + window >= len(words) else shown[-1].end()
    out: list[str] = ["… " if begin > 0 else ""]
    cursor = begin
    # Only the marked words are visited: \w+ holds none of & < > " ', so escaping the text from one marked
    # word to the next at once gives what escaping each gap between words did (a Python step per word).
    for position in marks[bisect_left(marks, start) : bisect_left(marks, start + window)]:
        match = shown[position - start]
        out.append(html.escape(text[cursor : match.start()]))
        out.append(f"<mark>{match.group()}</mark>")
        cursor = match.end()
    out.append(html.escape(text[cursor:end]))
    if end < len(text):
        out.append(" …")
    # One mark per marked phrase: "<mark>mua bán</mark>", not a mark per syllable.
    return _ADJACENT_MARKS.sub(r"\1", "".join(out).replace("\n", " "))


def _best_window(marks: list[int], words: int, window: int) -> int:
    """Where the snippet starts: a little before the first window of `window` words (of `words`) holding
    the most marked positions. Moving a window on by a word gains a marked word only where one enters
    it, so the first best window starts at 0 or where a marked word enters: only those starts are
    counted (bisect on the positions), not every word's window."""
    if words <= window:
        return 0
    best, best_start = 0, 0
    for start in (0, *(p - window + 1 for p in marks if p - window + 1 > 0)):
        inside = bisect_left(marks, start + window) - bisect_left(marks, start)
        if inside > best:
            best, best_start = inside, start
    # Start a little before the first hit so the reader sees its context.
    return max(0, best_start - 3) if best > 0 else 0
