"""What a query names: the known documents and the article it refers to, whether it is nothing but
a reference, and the expansions of the abbreviations it types (`understand` -> `QueryIntent`).

Users type "dieu 32 luat pcmbn", "NĐ 09/2013", "Đ27 luật 66" or "hỗ trợ nạn nhân mbn". Everything is
matched on a folded, lower-case copy of the text (diacritics optional, "đ" typed as "d"), built
character by character so its positions are those of the original; document numbers are resolved
against the index's own documents (`known_documents`), as users write them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.numbers import DOC_NUMBER_ANYCASE_RE, number_key, slug_key
from ingest.textnorm import fold, nfc
from search_api.abbreviations import Abbreviation, expansions, load_abbreviations

MAX_QUERY_CHARS = 1000

# Words naming a document type before its number, folded, longest first so "tt" never
# eats the start of "ttlt". Each maps to the folded document types it may mean.
_TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "thong tu lien tich": ("thong tu lien tich",),
    "ttlt": ("thong tu lien tich",),
    "van ban hop nhat": ("van ban hop nhat",),
    "vbhn": ("van ban hop nhat",),
    "nghi dinh": ("nghi dinh",),
    "nd": ("nghi dinh",),
    "thong tu": ("thong tu", "thong tu lien tich"),
    "tt": ("thong tu", "thong tu lien tich"),
    "quyet dinh": ("quyet dinh",),
    "qd": ("quyet dinh",),
    "nghi quyet": ("nghi quyet",),
    "nq": ("nghi quyet",),
    "chi thi": ("chi thi",),
    "bo luat": ("bo luat",),
    "luat": ("luat", "bo luat"),
    "an le": ("an le",),
}
# When the index gives no type, the number's own code says it: 09/2013/NĐ-CP is a decree.
_TYPE_CODES = {
    "nghi dinh": "ND",
    "thong tu": "TT",
    "thong tu lien tich": "TTLT",
    "quyet dinh": "QD",
    "nghi quyet": "NQ",
    "chi thi": "CT",
    "van ban hop nhat": "VBHN",
    "an le": "AL",
}
_TYPE_RE = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_TYPE_WORDS, key=len, reverse=True))
_TYPE_PREFIX = rf"(?:(?P<type>{_TYPE_RE})\.?\s*(?:so\s*)?)"
# "nghị định 9/2013", "NĐ 09/2013", "09/2013" (not inside a date such as 12/3/2015)
_NUMBER_YEAR_RE = re.compile(rf"(?<!\w){_TYPE_PREFIX}?(?<![\d/])(?P<num>\d{{1,4}})/(?P<year>\d{{4}})(?![\d/])")
# "luật 66", "nghị định 09", "quyết định số 193": a number only counts with a type word.
_TYPED_NUMBER_RE = re.compile(rf"(?<!\w){_TYPE_PREFIX}(?P<num>\d{{1,4}})(?![\w/])")
# What names an article before its number, folded: "điều 32", "dieu32", "Đ27", "đ.27" (governance reads it too).
ARTICLE_PREFIX = r"(?:dieu\s*|d\.?\s?(?=\d))"
# "điều 32", "dieu 32", "Đ27", "đ.27", "khoản 2 điều 5", "điểm a khoản 2 điều 5", "điều 5 khoản 2"
_ARTICLE_RE = re.compile(
    r"(?<!\w)(?:(?:diem\s+[a-z]\s*,?\s*)?khoan\s*\d+\s*,?\s*)?"
    rf"{ARTICLE_PREFIX}(?P<article>\d{{1,3}}[a-z]?)(?!\w)"
    r"(?:\s*,?\s*khoan\s*\d+)?(?:\s*,?\s*diem\s+[a-z](?!\w))?"
)
# Left-over words that do not make a query more than a reference ("nội dung điều 32 của luật 66").
_FILLER_WORDS = {
    "số",
    "của",
    "theo",
    "tại",
    "trong",
    "thuộc",
    "và",
    "năm",
    "ngày",
    "về",
    "nội",
    "dung",
    "văn",
    "bản",
    "toàn",
    "xem",
    "khoản",
    "điểm",
    "điều",
    "quy",
    "định",
}
# Folded fillers, except those that fold onto content words ("ban" may be "bán"); as
# phrases they are unambiguous even without diacritics ("noi dung", "van ban").
_FOLDED_FILLERS = {fold(w) for w in _FILLER_WORDS} - {"ban", "quy", "dinh", "dung"}
_FILLER_PHRASES = ("nội dung", "văn bản", "toàn văn", "quy định", "quy định tại")


@dataclass
class QueryIntent:
    doc_numbers: list[str] = field(default_factory=list)  # known documents named by the query, as indexed
    article_number: str | None = None  # "32" when exactly one article is named
    # the document named right after that article ("k2 Đ11 Luật TGPL"): whose article it is, whatever was named first
    article_document: str | None = None
    article_numbers: list[str] = field(default_factory=list)  # every article named, in the order typed
    is_reference_only: bool = False  # nothing but a reference: filter, don't search
    expanded_terms: list[str] = field(default_factory=list)  # expansions of abbreviations used
    truncated: bool = False  # the text was cut at MAX_QUERY_CHARS
    text: str = ""  # the text that was read (NFC, maybe truncated)


def _folded_view(text: str) -> str:
    """Folded lower-case text with exactly the positions of `text`."""
    return "".join(map(_folded_char, text))


@lru_cache(maxsize=4096)
def _folded_char(char: str) -> str:
    # Folding each character of the query afresh was ~0.2 ms a query; a text uses a few dozen distinct ones.
    folded = fold(char).lower()
    return folded if len(folded) == 1 else char


def _truncate(text: str) -> tuple[str, bool]:
    if len(text) <= MAX_QUERY_CHARS:
        return text, False
    cut = text[:MAX_QUERY_CHARS]
    if not text[MAX_QUERY_CHARS].isspace():
        space = max(cut.rfind(" "), cut.rfind("\n"), cut.rfind("\t"))
        if space > MAX_QUERY_CHARS // 2:  # one giant "word" is cut where it must be
            cut = cut[:space]
    return cut.rstrip(), True


class _Spans:
    """Character spans of the text already explained as references."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.spans)

    def take(self, start: int, end: int) -> None:
        self.spans.append((start, end))

    def blank(self, text: str) -> str:
        for start, end in self.spans:
            text = text[:start] + " " * (end - start) + text[end:]
        return text


class _Catalogue:
    """The index's documents, looked up by typed number in the ways users write them."""

    def __init__(self, known_documents: list[tuple[str, str, str]]):
        self.documents = [
            (number, fold(doc_type or "").lower(), number_key(number)) for number, doc_type, _ in known_documents
        ]
        self.by_slug = {slug_key(number): number for number, _, _ in known_documents}

    def exact(self, typed: str) -> str | None:
        return self.by_slug.get(slug_key(typed))

    def by_prefix(self, prefix: str, type_word: str | None) -> list[str]:
        """Documents whose number starts with prefix ('9/2013/', '66/'), of the type named, newest first."""
        wanted = _TYPE_WORDS.get(re.sub(r"\s+", " ", type_word)) if type_word else None
        found = [
            (key, number)
            for number, doc_type, key in self.documents
            if key.startswith(prefix) and (wanted is None or self._is_type(doc_type, key, wanted))
        ]
        found.sort(key=lambda pair: _year(pair[0]), reverse=True)
        return [number for _, number in found]

    @staticmethod
    def _is_type(doc_type: str, key: str, wanted: tuple[str, ...]) -> bool:
        if doc_type:
            return doc_type in wanted
        code = key.split("/")[-1].split("-")[0]
        return any(_TYPE_CODES.get(t) == code for t in wanted)


_LAST_CATALOGUE: tuple[list, _Catalogue] | None = None


def _catalogue(known_documents: list[tuple[str, str, str]]) -> _Catalogue:
    """The service hands over the same list until it reloads it: build its lookups once, not
    per query (number_key of every known document per query: 30 ms at 8,000 documents)."""
    global _LAST_CATALOGUE
    last = _LAST_CATALOGUE
    if last is not None and last[0] is known_documents:
        return last[1]
    catalogue = _Catalogue(known_documents)
    _LAST_CATALOGUE = (known_documents, catalogue)
    return catalogue


def _year(key: str) -> int:
    match = re.search(r"/(\d{4})/", key)
    return int(match.group(1)) if match else 0


def understand(text: str, known_documents: list[tuple[str, str, str]]) -> QueryIntent:
    text, truncated = _truncate(nfc(text or "").strip())
    folded = _folded_view(text)
    catalogue = _catalogue(known_documents)
    taken = _Spans()
    numbers: list[tuple[int, str]] = []  # (where it is named, number): the order the question names them in

    def resolve(match: re.Match, found: list[str]) -> None:
        if found:
            numbers.extend((match.start(), n) for n in found)
            taken.take(match.start(), match.end())

    abbreviations = load_abbreviations()
    for row in (r for r in abbreviations if r.kind == "law_alias"):
        for match in row.pattern.finditer(folded):
            if taken.free(match.start(), match.end()):
                # Every known law of the alias, newest first: "luật PCMBN" names both the 2024 law
                # and the 2011 one it replaced; only the one with text in the index yields articles.
                known = [n for n in (catalogue.exact(x) for x in row.expansion.split(";")) if n]
                resolve(match, known)
    full_numbers = _Spans()  # their codes ("NĐ-CP" in 09/2013/NĐ-CP) are not abbreviations to expand
    for match in DOC_NUMBER_ANYCASE_RE.finditer(text):
        full_numbers.take(match.start(), match.end())
        if taken.free(match.start(), match.end()):
            exact = catalogue.exact(match.group())
            taken.take(match.start(), match.end())  # a full number is a reference even when unknown
            numbers.extend([(match.start(), exact)] if exact else [])
    for match in _NUMBER_YEAR_RE.finditer(folded):
        if taken.free(match.start(), match.end()):
            prefix = f"{int(match.group('num'))}/{match.group('year')}/"
            resolve(match, catalogue.by_prefix(prefix, match.group("type")))
    for match in _TYPED_NUMBER_RE.finditer(folded):
        if taken.free(match.start(), match.end()):
            resolve(match, catalogue.by_prefix(f"{int(match.group('num'))}/", match.group("type")))

    articles = []
    article_ends = []
    for match in _ARTICLE_RE.finditer(folded):
        if taken.free(match.start(), match.end()):
            articles.append(match.group("article").lstrip("0") or "0")
            article_ends.append(match.end())
            taken.take(match.start(), match.end())

    # In the question's order, not the order of the passes that found them: "NQ 03/2019 hướng dẫn Đ324 BLHS có
    # hiệu lực từ ngày nào" asks about the resolution, named first (the alias pass had put the Code first).
    # (sorted is stable: an alias naming several laws keeps them newest first)
    doc_numbers = list(dict.fromkeys(n for _, n in sorted(numbers, key=lambda found: found[0])))
    distinct_articles = list(dict.fromkeys(articles))
    rest = taken.blank(text)
    return QueryIntent(
        doc_numbers=doc_numbers,
        article_number=distinct_articles[0] if len(distinct_articles) == 1 else None,
        article_document=_named_after(folded, article_ends[0], numbers) if len(distinct_articles) == 1 else None,
        article_numbers=distinct_articles,
        is_reference_only=bool(doc_numbers) and not _content_words(rest, abbreviations),
        expanded_terms=expansions(full_numbers.blank(folded), abbreviations),
        truncated=truncated,
        text=text,
    )


_BETWEEN_ARTICLE_AND_TEXT = re.compile(r"\s*,?\s*(?:(?:cua|thuoc|trong|tai)\s+)?")


def _named_after(folded: str, article_end: int, numbers: list[tuple[int, str]]) -> str | None:
    """The document named right after an article: "theo NĐ 144/2017, ngoài các điều kiện ở k2 Đ11 Luật TGPL" names
    the Law's Điều 11, not the decree's (heldout31 quoted the decree's Điều 11)."""
    for start, number in sorted(numbers):
        if start >= article_end and _BETWEEN_ARTICLE_AND_TEXT.fullmatch(folded[article_end:start]):
            return number
    return None


def _content_words(rest: str, abbreviations: tuple[Abbreviation, ...]) -> list[str]:
    """Words left once references are taken out, minus fillers, type words and issuer codes."""
    codes = {fold(r.abbreviation).lower() for r in abbreviations if r.kind in ("issuer", "doc_type")}
    type_words = {w for phrase in _TYPE_WORDS for w in phrase.split()}
    rest = " " + " ".join(re.findall(r"\w+", rest.lower())) + " "
    for phrase in _FILLER_PHRASES:
        rest = rest.replace(f" {phrase} ", " ").replace(f" {fold(phrase)} ", " ")
    words = []
    for word in rest.split():
        folded = fold(word)
        if (
            word.isdigit()
            or word in _FILLER_WORDS
            or folded in _FOLDED_FILLERS
            or folded in codes
            or folded in type_words
        ):
            continue
        words.append(word)
    return words
