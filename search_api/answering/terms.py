"""The scorer's vocabulary: folded syllables and folded bigrams, with question words left out.

The corpus side (unit_terms, QUESTION_WORDS) lives in ingest.terms, which counts the terms of
every unit at ingest (ingest.answer_data); this module adds the question side, so a question and
a unit are read by the same functions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.analysis import Analysis
from ingest.terms import QUESTION_WORDS, fast_folded, unit_terms
from ingest.textnorm import fold

__all__ = [
    "QUESTION_WORDS",
    "fast_folded",
    "folded",
    "question_terms",
    "spells_out_heading",
    "unit_terms",
    "word_pairs",
]


@lru_cache(maxsize=16384)  # titles and clauses are folded again on every question
def folded(text: str | None) -> str:
    """A text's words without diacritics, lower case, one space apart: what the answer stages match
    their patterns on ("Hồ sơ, thủ tục" -> "ho so thu tuc")."""
    return " ".join(re.findall(r"\w+", fold(text or "").lower()))


# "bao" asks a question only before these ("bao nhiêu", "bao lâu", "bao giờ", "bao xa"); elsewhere it
# is half of a term the law uses ("tin báo", "thông báo", "bảo vệ" typed without diacritics).
_ASKING_AFTER_BAO = frozenset({"nhieu", "lau", "gio", "xa"})


def _asking(folded: tuple[str, ...]) -> list[bool]:
    """Per folded syllable of a question: is it a question word here?"""
    return [
        t in QUESTION_WORDS and not (t == "bao" and (i + 1 == len(folded) or folded[i + 1] not in _ASKING_AFTER_BAO))
        for i, t in enumerate(folded)
    ]


def question_terms(analysis: Analysis) -> tuple[frozenset[str], frozenset[str]]:
    """(content syllables, content bigrams) of an analysed question."""
    # (Judged on the folded form: "tội", "chi", "định" are lost with "tôi", "chị", "quy định".
    # Judging typed-with-diacritics questions on their own spelling was measured in round 3 and
    # cost false declines under the present thresholds; see bench/RESULTS.md.)
    folded = analysis.folded
    asking = _asking(folded)
    syllables = frozenset(t for t in folded if t not in QUESTION_WORDS)
    # Bigrams spanning a question word ("duoc_gi") name nothing in the law.
    bigrams = frozenset(
        f"{a}_{b}" for i, (a, b) in enumerate(zip(folded, folded[1:], strict=False)) if not (asking[i] or asking[i + 1])
    )
    return syllables, bigrams


def word_runs(words: list[str], length: int) -> set[tuple[str, ...]]:
    """Every run of `length` words in a row: two texts sharing one say those words in that order."""
    return {tuple(words[i : i + length]) for i in range(len(words) - length + 1)}


def spells_out_heading(title: str | None, words: str, min_words: int) -> bool:
    """The folded question `words` contains an article heading of at least `min_words` words, word for word."""
    heading = folded(title)
    return len(heading.split()) >= min_words and f" {heading} " in f" {words} "


@lru_cache(maxsize=8192)  # a question's pairs are read against every candidate
def word_pairs(words: str) -> frozenset[str]:
    """The adjacent word pairs of folded words ("ke tu ngay" -> {"ke_tu", "tu_ngay"}), spelt as the scorer's bigrams."""
    tokens = words.split()
    return frozenset(f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False))


_QUOTED = re.compile(r"[“\"'‘]([^”\"'’]{3,80})[”\"'’]")


def quoted_phrases(text: str) -> list[str]:
    """What a question puts in quotes ("định nghĩa 'tái phạm nguy hiểm' thế nào"), folded."""
    return [folded(phrase) for phrase in _QUOTED.findall(text)]
