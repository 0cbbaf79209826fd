"""Vietnamese analysis, run once in Python and shared by ingest, query time and both backends.

Text -> NFC -> protected spans (document numbers, dates, article references, numbers)
kept whole -> underthesea word segmentation of the rest -> lower-case tokens made of
word characters and '_' only, so every engine can split them on white space.

Three token streams come out:
- words:     segmented words, exact diacritics ('nạn_nhân', 'điều_32', '09_2013_nđ_cp')
- syllables: the same split into syllables ('nạn', 'nhân'); protected tokens stay whole.
             Segmentation errors differ between a sentence and a 3-word query, so
             syllables keep recall when words disagree.
- folded:    syllables without diacritics ('nan', 'nhan', 'dieu_32', '09_2013_nd_cp') for
             queries typed without them.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from itertools import pairwise

from ingest.numbers import DOC_NUMBER_PATTERN
from ingest.textnorm import fold, nfc

_REF_WORDS = r"(?:điều|khoản|điểm|chương|mục|phần|dieu|khoan|diem|chuong|muc|phan|đ)"
_PROTECTED_RE = re.compile(
    "|".join(
        [
            rf"(?P<doc>{DOC_NUMBER_PATTERN})",
            r"(?P<date>(?<!\d)\d{1,2}/\d{1,2}/\d{4}(?!\d))",
            # 'Điều 32', 'khoản 2', 'điểm a', 'Chương IV', 'Đ27' (abbreviated article)
            rf"(?P<ref>(?<!\w){_REF_WORDS}\s*(?:\d+[a-z]?|[ivxlc]+|[a-zđ])(?!\w))",
            r"(?P<num>(?<!\w)\d+(?:[.,]\d+)*(?!\w))",
        ]
    ),
    re.IGNORECASE,
)
_NON_WORD = re.compile(r"[^\w]+")
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
MAX_ANALYSED_CHARS = 2_000_000


@dataclass(frozen=True)
class Analysis:
    words: tuple[str, ...]
    syllables: tuple[str, ...]
    folded: tuple[str, ...]

    @property
    def bigrams(self) -> tuple[str, ...]:
        """Adjacent folded syllables ('nan_nhan'): word-like units that need no segmentation,
        so a query typed without diacritics still matches at word level."""
        return tuple(f"{a}_{b}" for a, b in pairwise(self.folded))

    def without_exact(self) -> Analysis:
        """For a query typed without diacritics: its exact words would only hit lookalikes."""
        return Analysis((), (), self.folded)


def _token(text: str) -> str:
    return _NON_WORD.sub("_", text.lower()).strip("_")


def _protected_token(kind: str, text: str) -> str:
    if kind == "num":
        if _THOUSANDS.match(text):
            return text.replace(".", "")
        return _token(text)
    if kind == "ref":
        text = re.sub(r"^(đ)\s*(?=\d)", "điều ", text, flags=re.IGNORECASE)
        return _token(re.sub(r"\s+", " ", text))
    return _token(text)


_SEGMENTER_LOCK = threading.Lock()
_SEGMENTER = None


def _segmenter():
    # Imported lazily: loading underthesea's CRF model costs ~0.5 s, and nothing may
    # connect or load at import time. underthesea loads its model on the first call and
    # concurrent first calls from the API's thread pool crashed ('NoneType' has no
    # attribute 'process'), so one thread loads it under a lock with a first call.
    # fixed_words is never passed: its pattern leaks into later calls inside underthesea.
    global _SEGMENTER
    if _SEGMENTER is None:
        with _SEGMENTER_LOCK:
            if _SEGMENTER is None:
                from underthesea import word_tokenize

                word_tokenize("khởi động")
                _SEGMENTER = word_tokenize
    return _SEGMENTER


def segment(text: str) -> list[str]:
    """underthesea words of a plain span (no protected tokens), as lower-case tokens."""
    if not text.strip():
        return []
    tokens = []
    for word in _segmenter()(text):
        token = _token(word)
        if token:
            tokens.append(token)
    return tokens


def _split_syllables(word: str) -> list[str]:
    return [s for s in word.split("_") if s]


def analyze(text: str) -> Analysis:
    text = nfc(text)[:MAX_ANALYSED_CHARS]
    words: list[str] = []
    syllables: list[str] = []
    position = 0
    for match in _PROTECTED_RE.finditer(text):
        for word in _segment_pieces(text[position : match.start()]):
            words.append(word)
            syllables.extend(_split_syllables(word))
        token = _protected_token(match.lastgroup or "", match.group())
        if token:
            words.append(token)
            syllables.append(token)
        position = match.end()
    for word in _segment_pieces(text[position:]):
        words.append(word)
        syllables.extend(_split_syllables(word))
    folded = tuple(fold(s) for s in syllables)
    return Analysis(tuple(words), tuple(syllables), folded)


_PIECE_SPLIT = re.compile(r"[\n;:,.!?()\[\]\"“”]+")


def _segment_pieces(text: str) -> list[str]:
    # Shorter inputs make underthesea's CRF faster per syllable (measured ~2x on news
    # text), and punctuation never joins a word anyway.
    out: list[str] = []
    for piece in _PIECE_SPLIT.split(text):
        if piece.strip():
            out.extend(segment(piece))
    return out


def analyze_query(text: str) -> Analysis:
    """Query-time analysis: identical to index time, by construction."""
    return analyze(text)
