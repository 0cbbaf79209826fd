"""Which texts a question names besides by number: a text named by type and year that neither the
collection nor the catalogue holds ("Bộ luật Hình sự năm 1999"), a catalogued-only text named by
its title, and the law of the year named when an alias names several ("luật PCMBN 2011").

Numbers, abbreviations and aliases themselves are resolved by search_api.query."""

from __future__ import annotations

import re
from collections import Counter

from ingest.numbers import number_key
from ingest.textnorm import fold
from search_api.answering.terms import folded, word_runs


def _by_year(numbers: list[str], words: str) -> list[str]:
    """'luật PCMBN 2011' names both PCMBN laws by alias; the year keeps the one of that year."""
    if len(numbers) < 2:
        return numbers
    # Only a year right after the law's name ("luật PCMBN 2011", "luật PCMBN năm 2011"); "vụ việc
    # năm 2024" is the day asked about, not the law's year.
    years = set(re.findall(r"(?:pcmbn|nguoi|luat|bo luat hinh su|blhs)(?: nam)? ((?:19|20)\d\d)(?!\w)", words))
    # A text typed by its full number stays whatever the year said of another ("NQ 01/2016/NQ-HĐTP hướng dẫn
    # Điều 7 BLHS 2015": 2015 is the Code's year, not the resolution's).
    if not years:
        return numbers
    kept = [n for n in numbers if any(f"/{y}/" in n for y in years) or _typed_in_full(n, words)]
    return kept or numbers


def says_number(text: str, number: str) -> bool:
    """Whether the text names the document by its number's first two parts ("62/2012", "01/2014")."""
    head = number.split("/")[:2]
    return len(head) == 2 and bool(re.search(rf"(?<!\d){re.escape(head[0])}\s*/\s*{re.escape(head[1])}(?!\d)", text))


def _typed_in_full(number: str, words: str) -> bool:
    serial, year = number.split("/")[:2]
    # (the folded words have lost the slashes: "01/2016/NQ-HĐTP" reads "01 2016 nq hdtp")
    return serial.isdigit() and re.search(rf"(?<!\w)0*{int(serial)} {year}(?!\w)", words) is not None


# "Bộ luật Hình sự năm 1999", "Nghị định ... 2005": a text named by its type and year.
_NAMED_BY_YEAR_RE = re.compile(
    r"(?<!\w)(bo luat|luat|nghi dinh|thong tu lien tich|thong tu|quyet dinh)"
    r"((?: [a-z]+){0,6}?)(?: nam)? ((?:19|20)\d\d)(?!\w)"
)


def unknown_named_text(words: str, doc_numbers: list[str], known_documents: list[tuple[str, str, str]]) -> str:
    """A text the question names by type and year ("Bộ luật Hình sự năm 1999") that no document in
    the collection or the catalogue matches: quoting the nearest other text as if it were that one
    would mislead, so the answer must say the collection lacks it. "" when every such name is known."""
    for match in _NAMED_BY_YEAR_RE.finditer(words):
        kind, year = match.group(1), match.group(3)
        if any(f"/{year}/" in n for n in doc_numbers):
            continue
        if any(f"/{year}/" in n and fold(t).lower().startswith(kind) for n, t, _ in known_documents):
            continue
        return match.group(0)
    return ""


class KnownLookups:
    """What the answers look up in the known-documents list, built once per list (the search service
    hands over the same list until it reloads it, every 30 s): folding 4,103 titles per question took
    19 ms at 100x the collection (bench/RESULTS.md "Load and scale (wrk)")."""

    def __init__(self, known_documents: list[tuple[str, str, str]]):
        self.titles = {number: fold(title).lower() for number, _, title in known_documents}
        self.title_count = Counter(self.titles.values())
        self.keys = {number_key(number) for number, _, _ in known_documents}
        self.positions: dict[str, list[int]] = {}  # number -> where in the list (catalogued_by_title)
        for position, (number, _, _) in enumerate(known_documents):
            self.positions.setdefault(number, []).append(position)
        self.built_from = known_documents


_LAST_LOOKUPS: KnownLookups | None = None


def known_lookups(known_documents: list[tuple[str, str, str]]) -> KnownLookups:
    global _LAST_LOOKUPS
    last = _LAST_LOOKUPS
    if last is not None and last.built_from is known_documents:
        return last
    _LAST_LOOKUPS = lookups = KnownLookups(known_documents)
    return lookups


TITLE_RUN = 6  # syllables of a catalogued title the question must repeat in a row to name it
TITLE_SHARE = 0.6  # ... and that much of the title


def _longest_run(words: list[str], title: list[str]) -> int:
    best = 0
    for i in range(len(words)):
        for j in range(len(title)):
            k = 0
            while i + k < len(words) and j + k < len(title) and words[i + k] == title[j + k]:
                k += 1
            best = max(best, k)
    return best


def catalogued_by_title(
    words: str, known_documents: list[tuple[str, str, str]], catalogued: set[str], doc_numbers: list[str]
) -> list[str]:
    """Texts known only from the catalogue that the question names by their title ("Chương trình
    phòng, chống mua bán người giai đoạn 2021 - 2025" is Quyết định 193/QĐ-TTg), so the answer can say
    the collection lacks their text instead of quoting another text as if it were theirs. A title
    that another known text shares ("Luật Phòng, chống mua bán người") names this one only with its
    year ("... 2024"); such names with a year are resolved as aliases by search_api.query already."""
    found = []
    typed = words.split()
    # (a run of TITLE_RUN words shared is a TITLE_RUN-gram shared: titles sharing none are skipped before the
    # quadratic longest run, which cost ~1.5 ms a question)
    typed_runs = word_runs(typed, TITLE_RUN)
    known = known_lookups(known_documents)
    titles = known.titles
    # Only the catalogued entries, in the list's order (not a loop over all 4,103 known texts at 100x).
    for position in sorted(p for number in catalogued for p in known.positions.get(number, ())):
        number, _, title = known_documents[position]
        if number in doc_numbers or not title:
            continue
        own = re.findall(r"\w+", titles[number])
        if own[:2] == ["phe", "duyet"]:
            own = own[2:]  # "Phê duyệt Chương trình ...": the programme is what people name
        if not word_runs(own, TITLE_RUN) & typed_runs:
            continue
        run = _longest_run(typed, own)
        if run < TITLE_RUN or run < TITLE_SHARE * len(own):
            continue
        shared = known.title_count[titles[number]] > 1  # another known text has this title
        year = re.search(r"/((?:19|20)\d\d)/", number)
        if shared and not (year and f" {year.group(1)} " in words):
            continue
        found.append(number)
    return found


def _as_typed(text: str, folded_name: str) -> str:
    """The user's own spelling of a folded name ("Bộ luật Hình sự năm 1999"), for the message."""
    if not folded_name:
        return ""
    plain = fold(text).lower()
    at = plain.find(folded_name)
    if at >= 0 and len(plain) == len(text):
        return text[at : at + len(folded_name)]
    # typed abbreviated ("BLHS 1999" read as "bo luat hinh su 1999"): the words typed before the year, not the
    # folded expansion (an outside reader was shown "bo luat hinh su 1999" without diacritics)
    year = folded_name.rsplit(" ", 1)[-1]
    typed = re.search(rf"(?<!\w)[\w.-]+(?: năm| nam)? {re.escape(year)}(?!\w)", text, re.IGNORECASE)
    return typed.group(0) if typed else folded_name


# "08/2017 đã được sửa đổi bởi Thông tư 03/2021. Thông tư sửa đổi này có hiệu lực từ ngày nào?": the text after
# "bởi" is the one "sửa đổi này" points back to.
_BY_RE = re.compile(r"(?:sửa đổi|bổ sung|thay thế|bãi bỏ)[^.?!;]*?\bbởi\b", re.IGNORECASE)
_POINTS_BACK_RE = re.compile(r"(?<!\w)(?:sua doi|bo sung|thay the|moi) (?:nay|do|ay)(?!\w)")


def asked_document_first(text: str, numbers: list[str]) -> list[str]:
    """The named documents (numbers as indexed) with the one the question asks about first: the amending
    text when the asking sentence points back to it ("thông tư sửa đổi này"), else as named."""
    if len(numbers) < 2 or not _POINTS_BACK_RE.search(folded(text)):
        return numbers
    by = _BY_RE.search(text)
    if by is None:
        return numbers
    after = fold(text[by.end() :]).lower()
    positions = {n: after.find(fold(n).lower()) for n in numbers}
    found = [n for n in numbers if positions[n] >= 0]
    if not found:
        return numbers
    first = min(found, key=lambda n: positions[n])
    return [first, *(n for n in numbers if n != first)]


# "Theo NQ 01/2016/NQ-HĐTP, …", "theo Thông tư số 10/2018 thì …": a text the asking sentence is put under.
_UNDER_RE = re.compile(r"(?<!\w)theo (?:[^\W\d]+ ){0,3}?(?:so )?(\d{1,4}) ?/ ?((?:19|20)\d\d)(?!\d)")


def asked_under(asking_text: str, held_numbers: list[str], absent_numbers: list[str]) -> bool:
    """The asking sentence puts the question under a text the collection holds and names no absent one.

    "Một người bị kết án theo BLHS 1999 về hành vi mà BLHS 2015 không còn coi là tội (… NQ 109/2015/QH13). Theo NQ
    01/2016/NQ-HĐTP, ai ra quyết định miễn chấp hành …?": the absent texts belong to the story; the question asks
    what the held resolution says (two outside questions were declined as if they asked about the absent ones)."""
    if not asking_text:
        return False
    words = fold(asking_text).lower()
    if any(says_number(words, number) for number in absent_numbers):
        return False
    heads = {f"{int(serial)}/{year}" for serial, year in _UNDER_RE.findall(words)}
    return any(_head(number) in heads for number in held_numbers)


def _head(number: str) -> str:
    serial, year = (number.split("/") + [""])[:2]
    return f"{int(serial)}/{year}" if serial.isdigit() else number
