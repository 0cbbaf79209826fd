"""Topic pages (đề mục) of the codified legal database, Bộ pháp điển (phapdien.moj.gov.vn).

A page interleaves several source documents: each law article (code LQ) is followed by
the sub-law articles (NĐ, TT, TL, NQ, QĐ...) that implement it.  Every article is a run
of flat sibling paragraphs, `p.pDieu` (heading with an anchor), `p.pGhiChu` (source
note, see phapdien_notes), `p.pNoiDung` (body) and an optional `p.pChiDan` (related
articles); `p.pChuong` lines give the topic's Phần/Chương/Mục headings, which follow
the main law's own structure.  The body holds nested <p> elements, which an HTML parser
would close early, so the raw string is split on the `<p class='pX'>` markers instead.

The page is regrouped into one Document per source document, each article under its
own number and its own chapter, with the placement and the notes turned into relations.
"""

from __future__ import annotations

import html
import logging
import re
from collections import Counter
from dataclasses import astuple, dataclass, field
from pathlib import Path

from ingest.errors import IngestError
from ingest.model import BAI_BO, LIEN_QUAN, QUY_DINH_CHI_TIET, SUA_DOI, Article, Document, Relation
from ingest.numbers import number_key, ordinal_to_int
from ingest.parsers.phapdien_notes import (
    AMENDED,
    KIND_LABEL,
    KIND_ORDER,
    SourceNote,
    level_value,
    normalise_type,
    parse_note,
)
from ingest.textnorm import clean_spaces, nfc
from ingest.units import id_part, join_id, split_units

log = logging.getLogger(__name__)

_MARKER_RE = re.compile(r"""<p\s+class\s*=\s*['"](p[A-Z]\w*)['"]\s*>""")
_SNIFF_RE = re.compile(rb"""class\s*=\s*['"]p(?:Chuong|Dieu|GhiChu|NoiDung|ChiDan)['"]|ViewNoiDungPhapDien""")
_TOPIC_RE = re.compile(r"<h3\b[^>]*>(.*?)</h3>", re.S | re.I)
_TOPIC_PREFIX_RE = re.compile(r"^\s*Đề mục\s+", re.I)
_ANCHOR_NAME_RE = re.compile(r"""<a\s[^>]*name\s*=\s*['"]([^'"]+)['"]""", re.I)
_HREF_RE = re.compile(r"""href\s*=\s*['"]([^'"]*)['"]""", re.I)
_RELATED_RE = re.compile(r"""ViewNoiDungPhapDien\(\s*['"]([^'"]+)['"]""")
# "Điều 39.8.NĐ.2.19. Chế độ hỗ trợ ..." - topic, document kind, sequence, article; title.
_CODIFIED_HEADING_RE = re.compile(r"^Điều\s+\d+(?:\.\d+)*\.(?P<kind>[A-ZĐ]+)(?:\.\d+[a-zđ]*)+\.?\s*(?P<title>.*)$")
_LEVEL_HEADING_RE = re.compile(r"^(Phần|Chương|Mục)\s+((?:thứ\s+)?[^\s.:]+)\s*[.:\-–]?\s*(.*)$", re.I)
_LAW_KIND = "LQ"
_DOTTED_SUFFIX_RE = re.compile(r"(?<=[A-ZĐa-zđ])\.(?=[A-ZĐ])")

_BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|li|ul|ol|tr|table|tbody|thead|h[1-6]|blockquote|center)\b[^>]*>|<br\s*/?>", re.I
)
_CELL_TAG_RE = re.compile(r"</?t[dh]\b[^>]*>", re.I)
_DROP_RE = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.S | re.I)
_TAG_RE = re.compile(r"<[^>]*>")
_P_TAG_RE = re.compile(r"<p\b[^>]*>|</p\s*>", re.I)


def is_phapdien(data: bytes) -> bool:
    """A codified-database topic page: its paragraphs carry the pChuong/pDieu/pGhiChu... classes."""
    return bool(_SNIFF_RE.search(data))


@dataclass
class _Heading:
    kind: str  # "phan" | "chuong" | "muc"
    number: str  # as written: "IV", "1", "nhất"
    title: str = ""


@dataclass
class _Entry:
    """One codified article as it stands on the page."""

    anchor_name: str
    kind: str  # "LQ" for the law itself, else the sub-law document kind
    title: str
    headings: list[_Heading]  # the page's Phần/Chương/Mục above it
    note_text: str = ""
    note: SourceNote | None = None
    text: str = ""
    related: list[str] = field(default_factory=list)  # anchor names of related articles

    @property
    def source(self) -> SourceNote:
        """The parsed note of a placed entry: only entries whose note names their source document are regrouped."""
        if self.note is None:
            raise ValueError(f"article {self.anchor_name} has no source note")
        return self.note


def parse_phapdien(path: Path, data: bytes) -> list[Document]:
    page = nfc(data.decode("utf-8-sig", errors="replace"))
    topic_match = _TOPIC_RE.search(page)
    topic = _TOPIC_PREFIX_RE.sub("", _inline_text(topic_match.group(1))) if topic_match else ""
    if not _MARKER_RE.search(page):
        raise IngestError("not a codified-database (Bộ pháp điển) topic page: no pChuong/pDieu/pGhiChu paragraphs")
    entries = _read_entries(page)
    if not entries:
        raise IngestError(f"codified-database topic page {topic!r} has no articles (no pDieu paragraphs)")
    placed = [e for e in entries if e.note is not None]
    for entry in entries:
        if entry.note is None:
            log.warning(
                "%s: article %s skipped: its note names no source document: %r",
                path.name,
                entry.anchor_name,
                entry.note_text[:120],
            )
    if not placed:
        raise IngestError("no article note of the codified-database page names its source document")
    return _build_documents(path, topic, placed)


# ---------------------------------------------------------------- reading the page


def _read_entries(page: str) -> list[_Entry]:
    markers = list(_MARKER_RE.finditer(page))
    headings: list[_Heading] = []
    entries: list[_Entry] = []
    current: _Entry | None = None
    for index, marker in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(page)
        css_class, segment = marker.group(1), page[marker.end() : end]
        if css_class == "pChuong":
            _add_heading(headings, _inline_text(segment))
            # A heading ends the article above it: a pChiDan right after a heading is the
            # heading's own "(Mục này có nội dung liên quan đến ...)".
            current = None
        elif css_class == "pDieu":
            name = _ANCHOR_NAME_RE.search(segment)
            heading = _inline_text(segment)
            match = _CODIFIED_HEADING_RE.match(heading)
            entries.append(
                _Entry(
                    anchor_name=name.group(1) if name else "",
                    kind=match.group("kind") if match else "",
                    title=match.group("title").strip() if match else heading,
                    headings=[_Heading(h.kind, h.number, h.title) for h in headings],
                )
            )
            current = entries[-1]
        elif current is None:
            continue
        elif css_class == "pGhiChu":
            href = _HREF_RE.search(segment)  # the first link is the source article's own
            current.note_text = _inline_text(segment)
            current.note = parse_note(current.note_text, html.unescape(href.group(1)) if href else "")
        elif css_class == "pNoiDung":
            current.text = _block_text(_own_paragraph(segment))
        elif css_class == "pChiDan":
            current.related.extend(_RELATED_RE.findall(segment))
    return entries


def _add_heading(headings: list[_Heading], line: str) -> None:
    """pChuong lines come as 'Chương IV' then its title 'TIẾP NHẬN, ...' (or both on one line)."""
    match = _LEVEL_HEADING_RE.match(line)
    # A title line may begin with the same word ("MỤC TIÊU ..."): a level needs a number.
    if match and ordinal_to_int(match.group(2)) is not None:
        kind = {"phần": "phan", "chương": "chuong", "mục": "muc"}[match.group(1).lower()]
        del headings[len([h for h in headings if KIND_ORDER.index(h.kind) < KIND_ORDER.index(kind)]) :]
        headings.append(_Heading(kind, match.group(2), match.group(3).strip()))
    elif headings and line:
        headings[-1].title = f"{headings[-1].title} {line}".strip()


def _own_paragraph(segment: str) -> str:
    """Inside of the pNoiDung paragraph: its nested <p>s, not the attachment links after it."""
    depth = 1
    for tag in _P_TAG_RE.finditer(segment):
        depth += -1 if tag.group(0).startswith("</") else 1
        if depth == 0:
            return segment[: tag.start()]
    return segment


def _inline_text(fragment: str) -> str:
    return " ".join(_block_text(fragment).split())


def _block_text(fragment: str) -> str:
    """One line per paragraph: source line breaks are layout, block tags and <br> are breaks."""
    fragment = re.sub(r"\s+", " ", _DROP_RE.sub("", fragment))
    fragment = _TAG_RE.sub("", _CELL_TAG_RE.sub(" ", _BLOCK_TAG_RE.sub("\n", fragment)))
    text = clean_spaces(nfc(html.unescape(fragment)))
    return "\n".join(line for line in text.split("\n") if line)


# ---------------------------------------------------------------- regrouping by document


def _build_documents(path: Path, topic: str, entries: list[_Entry]) -> list[Document]:
    groups: dict[str, list[_Entry]] = {}
    for entry in entries:
        groups.setdefault(number_key(entry.source.number), []).append(entry)
    display = {key: _preferred_spelling([e.source.number for e in group]) for key, group in groups.items()}
    documents: dict[str, Document] = {}
    for key, group in groups.items():
        documents[key] = _document(path, topic, display[key], group)
    for key, document in documents.items():
        articles: dict[str, Article] = {}
        numbers = {entry.source.article for entry in groups[key]}
        for entry in groups[key]:
            entry.text = without_embedded_article(entry.text, entry.source.article, numbers)
            articles.setdefault(entry.source.article, _article(entry))  # a repeated article keeps its first text
        document.articles = sorted(articles.values(), key=lambda a: _article_order(a.number))
    _add_relations(entries, documents, display)
    return list(documents.values())


def _document(path: Path, topic: str, number: str, group: list[_Entry]) -> Document:
    described = next((e.source for e in group if e.source.has_metadata), None)
    return Document(
        number=number,
        type=_most_common(normalise_type(e.source.doc_type) for e in group),
        title=described.title if described else "",
        issuer=described.issuer if described else "",
        issued=described.issued if described else None,
        effective=_most_common((e.source.effective for e in group if e.source.effective), default=None),
        url=_most_common((e.source.url for e in group if e.source.url), default=""),
        topic=topic,
        source_file=str(path),
    )


_ENDS_SENTENCE_RE = re.compile(r"[.;:!?)\]”\"…]\s*$")
_CONTINUES_RE = re.compile(
    r"^(?![a-zđ]\s?[).])(?:[a-zđà-ỹ]|Điều\s+\d+[a-zđ]?\s+(?:và|của|hoặc|Bộ luật|Luật|Nghị định)\b|Điều\s+\d+[a-zđ]?,)"
)


def join_broken_lines(text: str) -> str:
    """The source HTML breaks some sentences mid-reference ("quy định tại điểm b khoản 3" / "Điều 150
    và điểm d khoản 3 Điều 151 ..." in NQ 02/2019 Điều 3 khoản 6): a line that ends without
    punctuation and a next line that can only continue it (lower case, or "Điều N và/của ...") are one."""
    lines = text.split("\n")
    joined: list[str] = []
    for line in lines:
        if joined and not _ENDS_SENTENCE_RE.search(joined[-1]) and _CONTINUES_RE.match(line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return "\n".join(joined)


_ARTICLE_HEADING_RE = re.compile(r"^Điều\s+(\d+[a-zđ]?)\.\s", re.MULTILINE)


def without_embedded_article(text: str, own: str, numbers: set[str]) -> str:
    """The body up to the heading of another article of the same document that the source HTML ran into
    it (11/2017/QH14 Điều 32 carries "Điều 33. Đại diện ngoài tố tụng" and its clauses): that article has
    its own entry, so the copy is cut rather than parsed as clauses of this one (which repeated their ids).
    A heading of an article the document lacks is kept: it may be quoted text."""
    for heading in _ARTICLE_HEADING_RE.finditer(text):
        if heading.group(1) != own and heading.group(1) in numbers:
            return text[: heading.start()].rstrip()
    return text


def _article(entry: _Entry) -> Article:
    levels = _chapter_levels(entry)
    entry.text = join_broken_lines(entry.text)
    article_id = join_id(
        *(id_part(kind, level_value(number)) for kind, number, _ in levels), id_part("dieu", entry.source.article)
    )
    return Article(
        number=entry.source.article,
        title=entry.title,
        text=entry.text,
        id=article_id,
        path=[label for _, _, label in levels],
        units=split_units(entry.text, article_id),
        note=entry.note_text,
    )


def _chapter_levels(entry: _Entry) -> list[tuple[str, str, str]]:
    """(kind, number, label) of the article's Phần/Chương/Mục in its own document.

    The vbpl anchor is the only source for a sub-law article's chapter.  A law article
    takes the page's headings, which carry the titles, level by level as long as they
    agree with its anchor: the page may add a heading of its own (16.1 inserts a
    'Mục 3' into Chương XII of the penal code), and an amending law's articles placed
    under 'Phần ba' of the code belong to no chapter at all ('#Dieu_2').
    """
    anchor = entry.source.anchor
    if entry.kind != _LAW_KIND:
        return [(kind, number, _level_label(kind, number)) for kind, number in anchor or []]
    if anchor is None:
        return [(h.kind, h.number, _level_label(h.kind, h.number, h.title)) for h in entry.headings]
    levels, agrees = [], True
    for index, (kind, number) in enumerate(anchor):
        heading = entry.headings[index] if index < len(entry.headings) else None
        agrees = (
            agrees
            and heading is not None
            and (heading.kind, level_value(heading.number)) == (kind, level_value(number))
        )
        levels.append(
            (kind, heading.number, _level_label(kind, heading.number, heading.title))
            if agrees and heading is not None
            else (kind, number, _level_label(kind, number))
        )
    return levels


def _level_label(kind: str, number: str, title: str = "") -> str:
    return f"{KIND_LABEL[kind]} {number}" + (f". {title}" if title else "")


def _add_relations(entries: list[_Entry], documents: dict[str, Document], display: dict[str, str]) -> None:
    by_anchor = {e.anchor_name: e for e in entries if e.anchor_name}

    def number_of(entry: _Entry) -> str:
        return display[number_key(entry.source.number)]

    def add(entry: _Entry, relation: Relation) -> None:
        relations = documents[number_key(entry.source.number)].relations
        if astuple(relation) not in {astuple(r) for r in relations}:
            relations.append(relation)

    law_entry: _Entry | None = None
    for entry in entries:
        own, article = number_of(entry), entry.source.article
        # (a) placement: a sub-law article stands under the law article it details.
        if entry.kind == _LAW_KIND:
            law_entry = entry
        elif law_entry is not None and number_of(law_entry) != own:
            add(
                entry,
                Relation(
                    QUY_DINH_CHI_TIET,
                    target=number_of(law_entry),
                    target_article=law_entry.source.article,
                    source_article=article,
                    basis="placement",
                ),
            )
        # (b) the note says this article was amended or repealed by another document.
        for change in entry.source.changes:
            source = display.get(number_key(change.number), change.number)
            when = change.effective.isoformat() if change.effective else None
            for kind in change.kinds:
                changed: list[str | None] = [*change.articles] or [None]  # None: the whole article
                for source_article in changed:
                    add(
                        entry,
                        Relation(
                            SUA_DOI if kind == AMENDED else BAI_BO,
                            target=own,
                            target_article=article,
                            source_article=source_article,
                            date=when,
                            note=change.wording,
                            source=source,
                        ),
                    )
        # (c) "Điều này có nội dung liên quan đến ..." links to articles on this page.
        for name in entry.related:
            other = by_anchor.get(name)
            if other is None or (number_of(other), other.source.article) == (own, article):
                continue
            add(
                entry,
                Relation(
                    LIEN_QUAN, target=number_of(other), target_article=other.source.article, source_article=article
                ),
            )


def _preferred_spelling(numbers: list[str]) -> str:
    """Notes spell one number several ways ("01/2016/NQ-HĐTP", "01/2016/NQ.HĐTP"): the most
    common well-formed spelling wins ('.' between letter groups is a typo number_key forgives)."""
    well_formed = [n for n in numbers if not _DOTTED_SUFFIX_RE.search(n)]
    return _most_common(well_formed or numbers)


def _most_common(values, default=""):
    counts = Counter(values)  # ties keep the first seen
    return counts.most_common(1)[0][0] if counts else default


def _article_order(number: str) -> tuple[int, str]:
    match = re.match(r"(\d+)(.*)", number)
    return (int(match.group(1)), match.group(2)) if match else (10**9, number)
