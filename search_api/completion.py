"""Completion for the search box: document numbers and names, and the collection's own terms.

The term list is built once from the index (article titles split into their phrases, e.g.
"Trợ cấp khó khăn ban đầu, hỗ trợ vay vốn" gives "trợ cấp khó khăn ban đầu" and "hỗ trợ vay
vốn") plus the expansions of the abbreviation dictionary, and rebuilt only when the set of
indexed documents changes; a request only scans the prepared, folded keys.

Matching is on folded text, so "tro cap" finds "trợ cấp"; when the user typed diacritics, a
term with exactly those diacritics ranks before a look-alike ("bán" before "ban").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.numbers import slug
from ingest.textnorm import fold, has_diacritics, nfc

ABBREVIATIONS = Path(__file__).resolve().parents[1] / "corpus" / "abbreviations.tsv"
NEWS_TYPE = "Tin tức"
# A phrase of an article title worth offering: two to eight words, no digits (those are
# references, "Điều 7", not terms).
_PHRASE_SPLIT = re.compile(r"\s*(?:[,;:()\"“”]|\s-\s|\bvà\b|\bhoặc\b)\s*")
MIN_WORDS, MAX_WORDS = 2, 8


_PUNCTUATION = re.compile(r"[,;:.()\"“”]+")


def _exact(text: str) -> str:
    """Lower case with diacritics, punctuation as spaces ('phòng, chống' → 'phòng chống')."""
    return " ".join(_PUNCTUATION.sub(" ", nfc(text).lower()).split())


def _key(text: str) -> str:
    return fold(_exact(text))


def title_phrases(title: str) -> list[str]:
    """The phrases of an article title: lower case, split at commas, 'và', 'hoặc'."""
    phrases = []
    for piece in _PHRASE_SPLIT.split(nfc(title)):
        words = piece.strip(" .").split()
        if MIN_WORDS <= len(words) <= MAX_WORDS and not any(ch.isdigit() for ch in piece):
            phrases.append(" ".join(words).lower())
    return phrases


def abbreviations(path: Path = ABBREVIATIONS) -> list[tuple[str, str, str]]:
    """(abbreviation, expansion, kind) rows of the project's dictionary: terms and issuers
    ('PCMBN' → 'phòng, chống mua bán người'), document types ('NĐ' → 'nghị định') and law
    aliases ('luật PCMBN' → '53/2024/QH15;66/2011/QH12')."""
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) >= 3 and parts[0] and parts[1] and not parts[0].startswith("#"):
            rows.append((parts[0], parts[1], parts[2]))
    return rows


@dataclass
class _Entry:
    kind: str  # "document" | "term"
    text: str  # what is shown
    forms: tuple[str, ...]  # lower-case forms with diacritics it can be found by (label; name without number)
    count: int = 0  # articles whose title uses the term (terms), 0 for documents
    curated: bool = False  # a term of the project's dictionary: the domain's own vocabulary
    number: str | None = None
    keys: tuple[str, ...] = ()  # the forms folded

    def __post_init__(self) -> None:
        self.keys = tuple(fold(form) for form in self.forms)


@dataclass
class Completer:
    entries: list[_Entry]

    @classmethod
    def build(
        cls,
        documents: list[tuple[str, str, str]],
        article_titles: list[str],
        dictionary: Sequence[tuple[str, str, str]] = (),
    ):
        """documents: (number, type, title) of every indexed document; article_titles: the
        titles of the articles of normative texts; dictionary: abbreviations() rows."""
        type_abbreviations: dict[str, list[str]] = {}
        aliases: dict[str, list[str]] = {}
        term_abbreviations: dict[str, list[str]] = {}
        shown: dict[str, str] = {}  # dictionary terms keep their punctuation: "phòng, chống mua bán người"
        for abbreviation, expansion, kind in dictionary:
            if kind == "doc_type":
                type_abbreviations.setdefault(_exact(expansion), []).append(_exact(abbreviation))
            elif kind == "law_alias":
                for number in expansion.split(";"):
                    aliases.setdefault(_key(number), []).append(_exact(abbreviation))
            elif "/" not in expansion:
                term_abbreviations.setdefault(_exact(expansion), []).append(_exact(abbreviation))
                shown[_exact(expansion)] = expansion
        entries = []
        for number, type_, title in documents:
            label = " ".join(f"{type_} {number} {title}".split())
            forms = [_exact(label)]
            if title:  # "Luật Phòng, chống mua bán người": type and title, no number
                forms += [_exact(f"{type_} {title}"), _exact(title)]
            forms += [f"{short} {_exact(number)}" for short in type_abbreviations.get(_exact(type_), [])]  # NĐ 09/…
            forms += aliases.get(_key(number), [])  # luật PCMBN, BLHS
            entries.append(_Entry("document", label, tuple(forms), number=number))
        counts = Counter(p for title in article_titles for p in set(title_phrases(title)))
        for term in term_abbreviations:
            counts[term] += 0  # known to the domain even if no title uses it
        for term, count in counts.items():
            term_forms = (term, *term_abbreviations.get(term, []))
            entries.append(_Entry("term", shown.get(term, term), term_forms, count=count, curated=term in shown))
        return cls(entries)

    def complete(self, text: str, limit: int = 8) -> list[dict]:
        wanted = _key(text)
        if len(wanted) < 2:
            return []
        exact = _exact(text) if has_diacritics(nfc(text)) else None
        number_key = wanted.replace(" ", "")
        ranked = []
        for entry in self.entries:
            rank = self._rank(entry, wanted, exact, number_key)
            if rank is not None:
                ranked.append((rank, not entry.curated, -entry.count, len(entry.text), entry.text, entry))
        ranked.sort(key=lambda item: item[:5])
        suggestions = []
        for *_order, entry in ranked[:limit]:
            item = {"kind": entry.kind, "text": entry.text}
            if entry.kind == "document" and entry.number is not None:  # a document entry always has one
                item.update(number=entry.number, slug=slug(entry.number))
            suggestions.append(item)
        return suggestions

    @staticmethod
    def _rank(entry: _Entry, wanted: str, exact: str | None, number_key: str) -> int | None:
        """Lower is better; None when the entry does not match. Diacritics typed and not
        matching exactly push the entry after every exact one."""
        if entry.number and _key(entry.number).replace(" ", "").startswith(number_key):
            return 0
        if any(key.startswith(wanted) for key in entry.keys):
            rank = 1 if entry.kind == "term" else 2
        elif any(f" {wanted}" in f" {key}" for key in entry.keys):
            rank = 3 if entry.kind == "term" else 4
        else:
            return None
        if exact is not None and not any(exact in form for form in entry.forms):
            rank += 10
        return rank
