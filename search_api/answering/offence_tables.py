"""The Criminal Code's offence articles and the court's guidance texts, as tables built once per state of the
index (CorpusStore.derived): by article number, by heading, and the guidance naming an article. The scans of every
document they replace grew with the collection (bench/answer_cost.py)."""

from __future__ import annotations

import re

from ingest.model import Article, Document
from search_api.answering.penalty_brackets import matches
from search_api.answering.terms import folded
from search_api.corpus_store import CorpusStore, Snapshot

Pairs = list[tuple[Document, Article]]


def _offences_numbered(store: CorpusStore) -> dict[str, Pairs]:
    """Article number -> the offence articles ("Tội ...") of the codes with that number, in order."""

    def build(snapshot: Snapshot) -> dict[str, Pairs]:
        table: dict[str, Pairs] = {}
        for document in snapshot.documents.values():
            if document.type == "Bộ luật":
                for article in document.articles:
                    if folded(article.title or "").startswith("toi "):
                        table.setdefault(article.number, []).append((document, article))
        return table

    return store.derived("offences_numbered", build)


def _offences_by_title(store: CorpusStore) -> dict[str, list[tuple[int, Document, Article]]]:
    """Folded heading (of three words or more) -> the offence articles with it, with their position."""

    def build(snapshot: Snapshot) -> dict[str, list[tuple[int, Document, Article]]]:
        table: dict[str, list[tuple[int, Document, Article]]] = {}
        position = 0
        for document in snapshot.documents.values():
            if document.type == "Bộ luật":
                for article in document.articles:
                    title = folded(article.title)
                    if title.startswith("toi ") and len(title.split()) >= 3:
                        table.setdefault(title, []).append((position, document, article))
                    position += 1
        return table

    return store.derived("offences_by_title", build)


def _offences_named_in(store: CorpusStore, text: str) -> Pairs:
    """The offence articles whose name (of three words or more) the folded text says, in order: each
    distinct name is looked for once."""
    by_title = _offences_by_title(store)
    found = sorted(entry for title, entries in by_title.items() if matches(text, title) for entry in entries)
    return [(document, article) for _, document, article in found]


# "tội tham ô, số tiền này thuộc khung nào": the offence said by the opening words of its heading ("Tội tham ô tài
# sản"), at least two after "tội" and half its name, when no other heading opens with them ("tội mua bán" opens four:
# none is named; "tội lôi kéo, mua chuộc người dưới 18 tuổi" is not "Tội lôi kéo người khác sử dụng trái phép chất ma
# túy", of whose nine words it says two)
_SAID_AFTER_TOI = re.compile(r"(?<!\w)toi ((?:\w+ ){1,11}\w+)")
MIN_OPENING_WORDS = 2
MIN_OPENING_SHARE = 0.5


def _offences_named_by_opening(store: CorpusStore, text: str) -> Pairs:
    """The offence articles whose heading alone opens with the words the folded text says after "tội" (the longest
    such opening; a heading extended by its victim's age, "... người dưới 16 tuổi", counts with the shorter one)."""
    by_title = _offences_by_title(store)
    found: dict[int, tuple[Document, Article]] = {}
    for said in _SAID_AFTER_TOI.finditer(text):
        words = said.group(1).split()
        for length in range(len(words), MIN_OPENING_WORDS - 1, -1):
            opening = "toi " + " ".join(words[:length])
            headings = [t for t in by_title if t == opening or t.startswith(opening + " ")]
            if headings:
                shortest = min(headings, key=len)
                if length >= MIN_OPENING_SHARE * (len(shortest.split()) - 1) and all(
                    h == shortest or h.startswith(shortest + " ") for h in headings
                ):
                    found.update((position, (d, a)) for h in headings for position, d, a in by_title[h])
                break
    return [found[position] for position in sorted(found)]


_ARTICLE_NAMED = re.compile(r"(?<!\w)dieu (?=(\w+))")


def _guidance_on(store: CorpusStore, number: str) -> list[Document]:
    """The court's guidance texts (Nghị quyết, with articles) whose title names Điều `number`, in order."""

    def build(snapshot: Snapshot) -> tuple[list[Document], dict[str, list[int]]]:
        guidance = [d for d in snapshot.documents.values() if d.type == "Nghị quyết" and d.articles]
        named: dict[str, list[int]] = {}
        for position, document in enumerate(guidance):
            for word in dict.fromkeys(_ARTICLE_NAMED.findall(folded(document.title))):
                named.setdefault(word, []).append(position)
        return guidance, named

    guidance, named = store.derived("guidance_on", build)
    article_ref = re.compile(rf"(?<!\w)dieu {re.escape(number)}(?!\w)")
    # A number of word characters is the whole word after "dieu"; any other is looked for in every title.
    positions = named.get(number, []) if re.fullmatch(r"\w+", number) else range(len(guidance))
    return [guidance[p] for p in positions if article_ref.search(folded(guidance[p].title))]


def guidance_on_named(store: CorpusStore, code: Document, article: Article) -> Pairs:
    """The articles of the court's guidance texts whose title names this article of a Code ("Nghị quyết 05/2019/NQ-HĐTP
    hướng dẫn áp dụng Điều 216 của Bộ luật Hình sự"), for a Code's article only."""
    if code.type != "Bộ luật":
        return []
    return [(document, unit) for document in _guidance_on(store, article.number) for unit in document.articles]
