"""Source notes (pGhiChu) and vbpl anchors of the codified database (Bộ pháp điển).

Every codified article carries a note naming the article of the source document it
was taken from:

    (Điều 1 Nghị định số 09/2013/NĐ-CP Hướng dẫn Luật Phòng, chống mua bán người ngày
     11/01/2013 của Chính phủ, có hiệu lực thi hành kể từ ngày 15/04/2013)
    (Điều 3 Bộ Luật số 100/2015/QH13, có hiệu lực thi hành kể từ ngày 01/01/2018, có nội
     dung được sửa đổi, có nội dung được bổ sung bởi Điều 1 Luật số 12/2017/QH14 có hiệu
     lực thi hành kể từ ngày 01/01/2018)

Only some notes (usually the document's first) carry the title, issue date and issuer;
the others are short.  The note's link points at the vbpl full text with an anchor such
as `#Phan_nhất_Chuong_VIII_Muc_1_Dieu_51`, the only place a sub-law article's own
chapter is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import unquote

from ingest.issuers import official_spelling
from ingest.numbers import DOC_NUMBER_RE, ordinal_to_int, parse_date
from ingest.textnorm import fold

# "Điều 32 Luật số", "Điều 217a Bộ luật số", "Điều 1 Thông tư liên tịch số"
_NOTE_HEAD_RE = re.compile(r"^\(?\s*Điều\s+(?P<article>\d+[a-zđ]?)\s+(?P<type>[^\d(),;]+?)\s+số\s+")
_DATE = r"\d{1,2}/\d{1,2}/\d{4}"
# The note's own effective date follows a comma; an amending reference's does not.
_OWN_EFFECTIVE_RE = re.compile(rf",\s*có hiệu lực thi hành kể từ ngày\s+(?P<effective>{_DATE})")
# Greedy title: a title may itself cite "Nghị định số ... ngày 11/01/2013 của Chính phủ",
# so the document's own date and issuer are the last "ngày ... của ..." before the comma.
_TITLE_DATE_ISSUER_RE = re.compile(rf"^(?P<title>.*\S)\s+ngày\s+(?P<issued>{_DATE})\s+của\s+(?P<issuer>.+)$", re.S)
_CHANGES_RE = re.compile(r"^\s*,\s*(?P<kinds>.*?)\s+bởi\s+(?P<refs>.+?)\s*\)?\s*$", re.S)
_ARTICLE_REF_RE = re.compile(r"Điều\s+(\d+[a-zđ]?)")
_ANCHOR_PART_RE = re.compile(r"(Phan|Chuong|Muc|Dieu)_([^_#]+)", re.IGNORECASE)

KIND_ORDER = ("phan", "chuong", "muc")
KIND_LABEL = {"phan": "Phần", "chuong": "Chương", "muc": "Mục"}

# What a note says was done to the article -> the relation it implies.
AMENDED, REPEALED = "amended", "repealed"


@dataclass
class ChangeRef:
    """One amending reference of a note: 'bởi Điều 1, Điều 2 Thông tư số 30/2019/TT-BYT ...'."""

    kinds: list[str]  # AMENDED and/or REPEALED, as the note's wording says
    wording: str  # "có nội dung được sửa đổi, có nội dung được bổ sung"
    number: str  # amending document number as written
    articles: list[str]  # its articles named in the note ([] when none)
    effective: date | None


@dataclass
class SourceNote:
    text: str  # the whole note, one line
    article: str  # the source document's article number ("32", "217a")
    doc_type: str  # as written: "Luật", "Bộ Luật", "Thông tư liên tịch"
    number: str  # as written: "09/2013/NĐ-CP", "01/2016/NQ.HĐTP"
    effective: date | None
    title: str = ""  # only in the long form
    issued: date | None = None
    issuer: str = ""
    url: str = ""  # vbpl full text, without anchor
    # [("chuong", "IV"), ("muc", "1")]; [] for an article outside any chapter ("#Dieu_2"),
    # None when the link has no anchor at all.
    anchor: list[tuple[str, str]] | None = None
    changes: list[ChangeRef] = field(default_factory=list)

    @property
    def has_metadata(self) -> bool:
        return bool(self.title or self.issuer or self.issued)


def parse_note(text: str, href: str) -> SourceNote | None:
    """The note's parts, or None when it does not name a source article and document."""
    head = _NOTE_HEAD_RE.match(text)
    if not head:
        return None
    number = DOC_NUMBER_RE.match(text, head.end())
    if not number:
        return None
    rest = text[number.end() :]
    own = _OWN_EFFECTIVE_RE.search(rest)
    if own:
        described, tail, effective = rest[: own.start()].strip(), rest[own.end() :], parse_date(own.group("effective"))
    else:
        described, tail, effective = rest.strip(" )"), "", None
    note = SourceNote(
        text=text,
        article=head.group("article"),
        doc_type=head.group("type").strip(),
        number=number.group(0),
        effective=effective,
    )
    if described:
        match = _TITLE_DATE_ISSUER_RE.match(described)
        if match:
            # The note's capitalisation of a body's name is not always the official one ("Thương Binh").
            note.title, note.issuer = match.group("title"), official_spelling(match.group("issuer").strip())
            note.issued = parse_date(match.group("issued"))
        else:
            note.title = described
        # A stray full stop ends some titles ("... trước sinh và sơ sinh. ngày 18/08/2017").
        note.title = note.title.rstrip(" .")
    note.changes = _parse_changes(tail)
    note.url, _, fragment = href.partition("#")
    note.anchor = parse_anchor(unquote(fragment))
    return note


def _parse_changes(tail: str) -> list[ChangeRef]:
    match = _CHANGES_RE.match(tail)
    if not match:
        return []
    wording = match.group("kinds").strip()
    folded = fold(wording).lower()
    kinds = [
        kind
        for kind, words in ((AMENDED, ("sua doi", "bo sung")), (REPEALED, ("bai bo",)))
        if any(w in folded for w in words)
    ]
    if not kinds:
        return []
    refs: list[ChangeRef] = []
    # Several amending documents are separated by ';'.  When a note lists several and
    # several kinds of change, it does not say which did what: each keeps every kind.
    for part in match.group("refs").split(";"):
        number = DOC_NUMBER_RE.search(part)
        if not number:
            continue
        refs.append(
            ChangeRef(
                kinds=kinds,
                wording=wording,
                number=number.group(0),
                articles=_ARTICLE_REF_RE.findall(part[: number.start()]),
                effective=parse_date(part[number.end() :]),
            )
        )
    return refs


def parse_anchor(fragment: str) -> list[tuple[str, str]] | None:
    """'Phan_nhất_Chuong_VIII_Muc_1_Dieu_51' -> [('phan', 'nhất'), ('chuong', 'VIII'), ('muc', '1')]."""
    if not _ANCHOR_PART_RE.search(fragment):
        return None
    return [(kind.lower(), value) for kind, value in _ANCHOR_PART_RE.findall(fragment) if kind.lower() != "dieu"]


def level_value(number: str) -> str:
    """Comparable value of a Phần/Chương/Mục number: 'IV' and '4' -> '4', 'nhất' -> '1'."""
    value = ordinal_to_int(number)
    return str(value) if value is not None else fold(number).lower()


def normalise_type(doc_type: str) -> str:
    """'Bộ Luật' -> 'Bộ luật': type names are common nouns, capitalised only at the start."""
    words = doc_type.split()
    return " ".join([words[0][:1].upper() + words[0][1:].lower(), *(w.lower() for w in words[1:])]) if words else ""
