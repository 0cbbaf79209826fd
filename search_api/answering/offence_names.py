"""Offence names: which Criminal Code offences ("Tội ...") a question names by their words, and how much the
collection speaks of each. The evidence stage adds the offences a question names whether or not search ranked them;
the penalty stage weighs them by these shares. Built once per state of the index (CorpusStore.derived)."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.model import Article, Document
from ingest.textnorm import fold
from search_api.corpus_store import CorpusStore, Snapshot

OFFENCE_NAME_SHARE = 0.6  # most of an offence's name must be said ("bán vợ sang TQ" -> mua bán người)


def offence_name(title: str) -> list[str]:
    """'Tội mua bán người' -> ['mua', 'ban', 'nguoi'] (folded, without 'tội' and connectives)."""
    return [w for w in re.findall(r"\w+", fold(title or "").lower())[1:] if w not in ("hoac", "va")]


# "Tội dâm ô đối với người dưới 16 tuổi", "Tội mua dâm người dưới 18 tuổi", "... người từ đủ 13 tuổi đến dưới 16 tuổi":
# the victim's age is part of the name; a question about a 15-year-old says it by the age, not by these words
# (and "Tội đánh tráo người dưới 01 tuổi": a newborn is a child under 16 too)
_AGE_BRACKET = re.compile(r"(?:doi voi )?nguoi (?:tu du (\d+) tuoi den )?duoi (\d+) tuoi")


def _age_bracket(words: list[str] | tuple[str, ...]) -> tuple[int, int, re.Match] | None:
    """(lowest age, age it stays below, where it stands) of an offence name's victim age bracket, or None."""
    match = _AGE_BRACKET.search(" ".join(words))
    return (int(match.group(1) or 0), int(match.group(2)), match) if match else None


def _without_age_bracket(words: list[str] | tuple[str, ...], child: bool, ages: tuple[int, ...]) -> list[str]:
    """The offence's name less its victim's age bracket, when the question's person is within it."""
    bracket = _age_bracket(words)
    if bracket is None:
        return list(words)
    low, below, match = bracket
    within = any(low <= age < below for age in ages) or (child and low == 0 and below in (1, 16, 18))
    if not within:
        return list(words)
    name = " ".join(words)
    return (name[: match.start()] + " " + name[match.end() :]).split()


def outside_age_bracket(title: str, ages: tuple[int, ...] | list[int]) -> bool:
    """The victim's age the question gives falls outside the age bracket the offence's name sets: an 11-year-old is
    not "người từ đủ 13 tuổi đến dưới 16 tuổi" (Điều 144, 145), whatever else of the name the question says."""
    bracket = _age_bracket(offence_name(title))
    if bracket is None or not ages:
        return False
    low, below, _ = bracket
    return not any(low <= age < below for age in ages)


def _stated_share(
    words: tuple[str, ...] | list[str], asked: set[str], child: bool, ages: tuple[int, ...] = ()
) -> float:
    words = _without_age_bracket(words, child, ages)
    return sum(w in asked for w in words) / len(words) if words else 0.0


def name_said_as_phrase(title: str, text: str, child: bool = False, ages: tuple[int, ...] = ()) -> float:
    """Share of an offence name's word pairs the question says as they stand: "mua dâm" in "khách mua dâm bé gái 15
    tuổi bị bán vào quán" names Điều 329 ("Tội mua dâm người dưới 18 tuổi"), whose words it says in that order,
    while "mua", "bán" are said of Điều 151 ("Tội mua bán người dưới 16 tuổi") only apart. Read with the punctuation
    typed: "lần đầu, cô ta" is no "đầu cơ" (Điều 196)."""
    name = _without_age_bracket(offence_name(title), child, ages)
    pairs = [f"{a} {b}" for a, b in zip(name, name[1:], strict=False)]
    spoken = _spoken(text)
    return sum(f" {pair} " in spoken for pair in pairs) / len(pairs) if pairs else 0.0


@lru_cache(maxsize=256)  # (one question, read against each offence a penalty question brings)
def _spoken(text: str) -> str:
    """The folded question with its punctuation kept as words, padded with spaces."""
    return " " + " ".join(re.findall(r"\w+|[^\w\s]", fold(text).lower())) + " "


def name_stated(title: str, asked: set[str], child: bool = False, ages: tuple[int, ...] = ()) -> float:
    """Share of an offence's name that the question says (for a question about a person within the name's age
    bracket, the act without it: "mua dâm" of "Tội mua dâm người dưới 18 tuổi" for a 15-year-old)."""
    return _stated_share(offence_name(title), asked, child, ages)


def offence_prominence(store: CorpusStore, title: str) -> int:
    """How much the collection speaks of an offence: the corpus frequency of its rarest name
    bigram ("mua_ban", "ban_nguoi" throughout this collection; "dau_co" almost never). When a
    question names no offence ("đưa phụ nữ sang Trung Quốc ... bị phạt bao nhiêu năm"), the one
    the collection is about is the likelier reading."""
    return _prominence(store.snapshot().frequency, title)


def _prominence(frequency: dict[str, int], title: str) -> int:
    words = offence_name(title)
    bigrams = [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)] or words
    return min((frequency.get(b, 0) for b in bigrams), default=0)


def _offences(store: CorpusStore) -> list[tuple[Document, Article, int]]:
    """The Criminal Code's offence articles with their prominence, in the collection's order; found
    once per state of the index (scanning every text and folding 300 titles cost ~4 ms a question)."""
    return store.derived("offences", _collect_offences)


def _collect_offences(snapshot: Snapshot) -> list[tuple[Document, Article, int]]:
    return [
        (document, article, _prominence(snapshot.frequency, article.title))
        for document in snapshot.documents.values()
        if document.type == "Bộ luật"
        for article in document.articles
        if fold(article.title or "").lower().startswith("toi ")
    ]


PROMINENT_OFFENCES = 2


class OffenceNames:
    """The offences of _offences by their name's words, and the most prominent ones: a question reads
    each distinct name once, not every offence article (folding 15,700 titles took 230 ms a question
    at 100x, where the generated collection holds a hundred Codes)."""

    def __init__(self, offences: list[tuple[Document, Article, int]]):
        self.offences = offences
        self.by_name: dict[tuple[str, ...], list[int]] = {}
        for position, (_, article, _) in enumerate(offences):
            self.by_name.setdefault(tuple(offence_name(article.title)), []).append(position)
        ordered = sorted(offences, key=lambda item: -item[2])
        self.prominent = [(d, a) for d, a, _ in ordered[:PROMINENT_OFFENCES]]

    def named(self, asked: set[str], child: bool = False, ages: tuple[int, ...] = ()) -> list[tuple[Document, Article]]:
        """What name_stated(title, asked, child, ages) >= OFFENCE_NAME_SHARE keeps, in the collection's order."""
        positions = sorted(
            position
            for words, positions in self.by_name.items()
            if words and _stated_share(words, asked, child, ages) >= OFFENCE_NAME_SHARE
            for position in positions
        )
        return [(self.offences[p][0], self.offences[p][1]) for p in positions]


def offence_names(store: CorpusStore) -> OffenceNames:
    offences = _offences(store)  # (built before the lock that building a view holds)
    return store.derived("offence_names", lambda _snapshot: OffenceNames(offences))


def named_offences(
    store: CorpusStore, asked: set[str], child: bool, ages: tuple[int, ...]
) -> list[tuple[Document, Article]]:
    """The offences whose name the question says, or the collection's most prominent ones."""
    names = offence_names(store)
    return names.named(asked, child, ages) or names.prominent
