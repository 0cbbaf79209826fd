"""From the paragraphs of a Vietnamese legal text to a `Document`, in explicit stages.

Like laws-africa bluebell: normalise (NFC, spaces, tables of contents, footnote
definitions) → layout, and from it the header metadata (issuer, number, place/date,
type, trích yếu; read by ingest.header) → body tree (Phần / Chương / Mục / Điều) → articles with units.
Format parsers only
turn their file into paragraphs; everything about legal layout lives here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ingest.citations import deduplicate, extract_preamble_basis
from ingest.errors import IngestError

# is_upper is also imported from here by ingest.parsers.pdf.
from ingest.header import DECORATION_RE, effective_date, is_upper, match_type_line, read_header
from ingest.model import Article, Document
from ingest.numbers import ordinal_to_int, parse_date
from ingest.textnorm import clean_spaces, nfc
from ingest.units import id_part, join_id, split_units

# A table-of-contents entry ends with its page number after a tab or a dot leader.
_TOC_ENTRY_RE = re.compile(r"^\s*(?:Điều|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s.*(?:\t|\.{4,}|…{2,})\s*\d{1,4}\s*$")
_FOOTNOTE_REF_RE = re.compile(r"\[(\d{1,4})\]")
_FOOTNOTE_DEF_RE = re.compile(r"^\[(\d{1,4})\]\s*(.*)$")
_DIEU_RE = re.compile(r"^(?:Điều|ĐIỀU)\s+(\d{1,4})([a-zđ]?)(?:\s*([.:\-–])\s*(.*)|\s*$)")
_UNIT_RE = {
    "phan": re.compile(r"^(?:Phần|PHẦN)\s+((?:thứ|THỨ)\s+\w+|[IVXLC]+|\d{1,2})\b\s*([.:\-–]\s*)?(.*)$"),
    "chuong": re.compile(r"^(?:Chương|CHƯƠNG)\s+([IVXLC]+|\d{1,3})\b\s*([.:\-–]\s*)?(.*)$"),
    "muc": re.compile(r"^(?:Mục|MỤC)\s+([IVXLC]+|\d{1,3})\b\s*([.:\-–]\s*)?(.*)$"),
}
_UNIT_LABEL = {"phan": "Phần", "chuong": "Chương", "muc": "Mục"}
# Lines that open the preamble and therefore end the trích yếu.
_PREAMBLE_START_RE = re.compile(
    r"^(?:Căn cứ|Theo đề nghị|Xét\s|Để\s|Sau khi|Trên cơ sở|Thực hiện\s|Được\s|Nhằm\s)", re.IGNORECASE
)
# The signature block and the adoption formula end the body.
_CLOSING_RE = re.compile(
    r"^(?:Nơi nhận\b|(?:TM|KT|TL|TUQ)\.\s+[A-ZĐ]"
    r"|(?:Luật|Bộ luật|Pháp lệnh|Hiến pháp|Nghị quyết) này (?:đã )?được .{0,200}thông qua)"
)
_CLAUSE_START_RE = re.compile(r"^(?:\d{1,3}[.)\-]|[a-zđ]\))\s")


@dataclass
class _Layout:
    lines: list[str]
    footnotes: dict[str, str] = field(default_factory=dict)
    type_index: int | None = None
    title_end: int = 0  # first line after the trích yếu
    body_start: int = 0  # first structural heading (len(lines) when there is none)
    body_end: int = 0  # signature block / adoption formula, or len(lines)


# ---------------------------------------------------------------- stage 1: normalise


def _normalise(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """NFC, one line per paragraph line, no TOC entries, footnote definitions split off."""
    out: list[str] = []
    for paragraph in lines:
        for raw in nfc(paragraph or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            if _TOC_ENTRY_RE.match(raw):
                continue
            line = clean_spaces(raw)
            if line:
                out.append(line)
    out = _drop_untabbed_toc(out)
    return _split_footnotes(out)


def _drop_untabbed_toc(lines: list[str]) -> list[str]:
    """A TOC without page tabs (e.g. from PDF): its Điều entries are followed straight by
    another heading and reappear later; drop the run from the first to the last such entry."""
    seen: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        match = _DIEU_RE.match(line)
        if match:
            seen.setdefault(match.group(1) + match.group(2), []).append(index)
    toc = [
        positions[0]
        for positions in seen.values()
        if len(positions) > 1 and positions[0] + 1 < len(lines) and _heading_kind(lines[positions[0] + 1])
    ]
    if len(toc) < 3:
        return lines
    start, end = min(toc), max(toc)
    while start > 0 and _heading_kind(lines[start - 1]) in ("phan", "chuong", "muc"):
        start -= 1
    return lines[:start] + lines[end + 1 :]


def _split_footnotes(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Consolidated texts end with '[n] ...' definitions of markers used inline earlier;
    they (and any article text they quote) must not become part of the body."""
    referenced: set[str] = set()
    for index, line in enumerate(lines):
        definition = _FOOTNOTE_DEF_RE.match(line)
        if definition and definition.group(1) in referenced:
            footnotes: dict[str, str] = {}
            current = None
            for note_line in lines[index:]:
                start = _FOOTNOTE_DEF_RE.match(note_line)
                if start:
                    current = start.group(1)
                    footnotes[current] = start.group(2)
                elif current:
                    footnotes[current] += "\n" + note_line
            return lines[:index], footnotes
        referenced.update(m.group(1) for m in _FOOTNOTE_REF_RE.finditer(line) if m.start() > 0)
    return lines, {}


# ---------------------------------------------------------------- stage 2: layout (header: ingest.header)


def _heading_kind(line: str) -> str | None:
    if _DIEU_RE.match(line):
        return "dieu"
    for kind, regex in _UNIT_RE.items():
        match = regex.match(line)
        if match and _valid_unit_number(match.group(1)):
            rest = match.group(3)
            # "Chương II của Luật này ..." is prose; a heading has nothing, a separator or capitals after it.
            if not rest or match.group(2) or is_upper(rest):
                return kind
    return None


def _valid_unit_number(number: str) -> bool:
    return ordinal_to_int(number) is not None or bool(re.match(r"(?i)thứ\s", number))


def _layout(lines: list[str]) -> _Layout:
    clean, footnotes = _normalise(lines)
    layout = _Layout(clean, footnotes, body_start=len(clean), body_end=len(clean))
    for index, line in enumerate(clean):
        if layout.type_index is None and match_type_line(line):
            layout.type_index = index
        if _heading_kind(line):
            layout.body_start = index
            break
    if layout.type_index is not None:
        layout.title_end = _title_end(clean, layout.type_index, layout.body_start)
    for index in range(max(layout.body_start, layout.title_end), len(clean)):
        if _CLOSING_RE.match(clean[index]):
            layout.body_end = index
            break
    return layout


def _title_end(lines: list[str], type_index: int, limit: int) -> int:
    """The trích yếu: lines after the type line up to a rule, the preamble or a change of case."""
    index = type_index + 1
    first_upper = None
    while index < min(limit, type_index + 5):
        line = lines[index]
        if DECORATION_RE.match(line) or _PREAMBLE_START_RE.match(line) or line.endswith(":"):
            break
        if first_upper is None:
            first_upper = is_upper(line)
        elif is_upper(line) != first_upper or first_upper and _looks_like_authority(line):
            break
        index += 1
    return index


def _looks_like_authority(line: str) -> bool:
    """'BỘ TRƯỞNG BỘ Y TẾ' / 'HỘI ĐỒNG THẨM PHÁN ...' between trích yếu and preamble."""
    return bool(
        re.match(
            r"^(?:BỘ TRƯỞNG|THỦ TƯỚNG|CHỦ TỊCH|HỘI ĐỒNG|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG|CHÍNH PHỦ|QUỐC HỘI|Ủ?Y BAN|UỶ BAN)",
            line,
        )
    )


# ---------------------------------------------------------------- stage 3: body tree


def _strip_markers(text: str, footnotes: dict[str, str]) -> str:
    """Remove '[n]' markers that point to a known footnote ('[1] Về ...' paragraph numbers stay)."""
    if not footnotes:
        return text
    text = _FOOTNOTE_REF_RE.sub(lambda m: " " if m.group(1) in footnotes else m.group(0), text)
    return re.sub(r" +([.,;:)])", r"\1", re.sub(r" {2,}", " ", text)).strip()


def _reads_as_text(rest: str, has_more_lines: bool) -> bool:
    """After 'Điều 5.' on the same line: a title, or (Quyết định style) the article's text."""
    return rest.endswith(("./.", ":")) or len(rest) > 200 or rest.endswith((".", ";")) and not has_more_lines


def _looks_like_title(line: str) -> bool:
    return len(line) <= 200 and not _CLAUSE_START_RE.match(line) and not line.endswith((":", ";"))


class _BodyBuilder:
    def __init__(self, footnotes: dict[str, str]):
        self.footnotes = footnotes
        self.articles: list[Article] = []
        self.path: dict[str, tuple[str, str]] = {}  # kind -> (label, id part)
        self.current: dict | None = None
        self.last_number: tuple[int, str] | None = None

    def add_unit(self, kind: str, number: str, title: str) -> None:
        self.finish()
        order = list(_UNIT_RE)
        for deeper in order[order.index(kind) :]:
            self.path.pop(deeper, None)
        written = number.lower() if re.match(r"(?i)thứ\s", number) else number
        value = ordinal_to_int(number)
        title = _strip_markers(title, {n: "" for n in _FOOTNOTE_REF_RE.findall(title)})
        label = f"{_UNIT_LABEL[kind]} {written}" + (f". {title}" if title else "")
        self.path[kind] = (label, id_part(kind, str(value) if value is not None else number))

    def accepts_article(self, number: str, suffix: str) -> bool:
        """Điều numbers only grow: a lower or repeated number is a quotation inside the text."""
        key = (int(number), suffix)
        return self.last_number is None or key > self.last_number

    def start_article(self, number: str, suffix: str, rest: str) -> None:
        self.finish()
        self.last_number = (int(number), suffix)
        self.current = {"number": number + suffix, "rest": rest, "lines": []}

    def add_line(self, line: str) -> None:
        if self.current is not None:
            self.current["lines"].append(line)

    def finish(self) -> None:
        if self.current is None:
            return
        number, rest, lines = self.current["number"], self.current["rest"], self.current["lines"]
        self.current = None
        markers = [m for line in [rest, *lines] for m in _FOOTNOTE_REF_RE.findall(line) if m in self.footnotes]
        rest = _strip_markers(rest, self.footnotes)
        lines = [_strip_markers(line, self.footnotes) for line in lines]
        title = ""
        if rest and not _reads_as_text(rest, bool(lines)):
            title = rest
        elif rest:
            lines = [rest, *lines]
        elif len(lines) >= 2 and _looks_like_title(lines[0]):
            title, lines = lines[0], lines[1:]
        if title.endswith(".") and not title.endswith(".."):
            title = title[:-1]
        parts = [part for _, part in (self.path.get(kind, ("", "")) for kind in _UNIT_RE)]
        article_id = join_id(*parts, id_part("dieu", number))
        text = "\n".join(lines)
        note = "\n".join(f"[{m}] {self.footnotes[m]}" for m in dict.fromkeys(markers))
        self.articles.append(
            Article(
                number=number,
                title=title,
                text=text,
                id=article_id,
                path=[label for label, _ in (self.path[k] for k in _UNIT_RE if k in self.path)],
                units=split_units(text, article_id),
                note=note,
            )
        )


def _build_articles(layout: _Layout) -> list[Article]:
    lines = layout.lines
    builder = _BodyBuilder(layout.footnotes)
    index = layout.body_start
    while index < layout.body_end:
        line = lines[index]
        index += 1
        if DECORATION_RE.match(line):
            continue
        kind = _heading_kind(line)
        if kind == "dieu":
            dieu = _DIEU_RE.match(line)
            assert dieu is not None  # _heading_kind said "dieu" because this pattern matches
            number, suffix, _, rest = dieu.groups()
            if builder.accepts_article(number, suffix):
                builder.start_article(number, suffix, rest or "")
                continue
        elif kind:
            match = _UNIT_RE[kind].match(line)
            assert match is not None  # _heading_kind named the kind whose pattern matches
            title = match.group(3)
            # The unit title is on the next line(s) when not on the heading line; upper-case
            # titles may wrap over several lines.
            while (
                index < layout.body_end
                and not _heading_kind(lines[index])
                and (
                    not title
                    and _looks_like_title(lines[index])
                    or title
                    and is_upper(title)
                    and is_upper(lines[index])
                )
            ):
                title = f"{title} {lines[index]}".strip()
                index += 1
            builder.add_unit(kind, match.group(1), title)
            continue
        builder.add_line(line)
    builder.finish()
    return builder.articles


# ---------------------------------------------------------------- public API


def split_preamble(lines: list[str]) -> list[str]:
    """The preamble ('Căn cứ ...', 'Theo đề nghị ...', enacting formula) between the trích yếu
    and the first heading, for a citations stage; [] when the text has no body headings."""
    return _preamble(_layout(lines))


def _preamble(layout: _Layout) -> list[str]:
    if layout.body_start >= len(layout.lines):
        return []
    return [
        line
        for line in layout.lines[layout.title_end : layout.body_start]
        if not DECORATION_RE.match(line) and not _looks_like_authority(line)
    ]


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return parse_date(text)


def parse_legal_text(
    lines: list[str], *, source_file: str, hints: dict | None = None, defaults: dict | None = None
) -> Document:
    """A Document from the paragraphs of a legal text.

    hints (number, type, title, issuer, issued, effective, url) override what the text
    says, e.g. a Markdown front matter; defaults only fill what the text does not say,
    e.g. PDF metadata or a web page's side panel.
    """
    layout = _layout(lines)
    hints = {key: value for key, value in (hints or {}).items() if value}
    stated = read_header(
        layout.lines, type_index=layout.type_index, title_end=layout.title_end, body_start=layout.body_start
    )
    articles = _build_articles(layout)
    if not articles:
        body = [line for line in layout.lines[layout.title_end : layout.body_end] if not DECORATION_RE.match(line)]
        if not body or not (stated.get("type") or hints.get("type")):
            raise IngestError("no legal structure found")
        # Án lệ and other texts without Điều: the whole body is one searchable article.
        text = "\n".join(body)
        articles = [Article(number="", title="", text=text, id="noi_dung", units=split_units(text, "noi_dung"))]
    meta = {**{key: value for key, value in (defaults or {}).items() if value}, **stated, **hints}
    issued = _as_date(meta.get("issued"))
    effective = effective_date(articles, issued)
    if effective and "effective" not in hints:
        meta["effective"] = effective
    if not meta.get("number"):
        raise IngestError("no document number found in the header (expected 'Số: ...')")
    document = Document(
        number=meta["number"],
        type=meta.get("type", ""),
        title=meta.get("title", ""),
        issuer=meta.get("issuer", ""),
        issued=issued,
        effective=_as_date(meta.get("effective")),
        source_file=source_file,
        url=meta.get("url", ""),
        articles=articles,
    )
    # The "Căn cứ ..." lines name the texts this one is made under; only the preamble has them,
    # and the preamble is gone once the Document exists, so they are read here.
    basis = extract_preamble_basis(
        _preamble(layout), own_number=document.number, as_of=document.issued or document.effective
    )
    document.relations = deduplicate([*document.relations, *basis])
    return document
