"""Official metadata with its sources, and the one standard Vietnamese citation form.

Each fact a user may cite (trích yếu, issuer, issue and effective dates) can be stated by
several sources that do not always agree:
  * the document's own header (trích yếu under the type line) or its own effect clause
    ("Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2012", Điều 57 of 66/2011/QH12);
  * the codified database's source notes (Bộ pháp điển), whose title is often a short label
    ("Hướng dẫn Luật Phòng, chống mua bán người" for 09/2013/NĐ-CP) and whose dates can be
    wrong (01/12/2012 for 66/2011/QH12);
  * other texts of the collection quoting it in full ("Nghị định số 09/2013/NĐ-CP ngày
    11/01/2013 của Chính phủ quy định chi tiết thi hành một số điều của Luật phòng, chống
    mua bán người", in 134/2013/TTLT-BTC-BLĐTBXH);
  * corpus/catalogue.json, verified or not.
`resolve_official_facts` keeps one value per fact, in that order of trust (own text, verified
catalogue, quotations, unverified catalogue, codified label), writes it on the Document and
records every value with its source in Document.facts, so a page shows both sides of a
disagreement instead of silently copying one. `citation_form` is the only function that
writes a document's citation; pages, exports, the API and answers call it.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from ingest.catalogue import STUB_SOURCE_FILE, Catalogue
from ingest.catalogue_facts import fact_label
from ingest.header import CONSOLIDATED, effective_date
from ingest.issuers import precise_issuer
from ingest.model import Document
from ingest.numbers import DOC_NUMBER_PATTERN, number_key, parse_date
from ingest.textnorm import nfc

NEWS_TYPE = "Tin tức"
# Types whose official name already is the title ("Luật Phòng, chống mua bán người").
NAMED_TYPES = ("Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp")

SOURCE_HEADER = "trích yếu trong phần đầu của chính văn bản"
SOURCE_CODIFIED = "ghi chú nguồn của Bộ pháp điển"
SOURCE_FILE = "tệp nguồn"
UNNAMED_PUBLISHER = "trang tin không ghi tên đơn vị đăng"  # a news page that names no publisher

# "Nghị định số 09/2013/NĐ-CP ngày 11/01/2013 của Chính phủ quy định chi tiết ..." up to the clause end.
_QUOTE_RE = re.compile(
    r"(?P<type>Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết|Quyết định|Chỉ thị)"
    rf"\s+số\s+(?P<number>{DOC_NUMBER_PATTERN})"
    r"\s+ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
    r"\s+của\s+(?P<issuer>Chính phủ|Thủ tướng Chính phủ"
    r"|Bộ trưởng Bộ [^\s,]+(?:\s[^\s,]+){0,6}?|Bộ [^\s,]+(?:\s[^\s,]+){0,6}?)"
    r"\s+(?P<title>(?:quy định|hướng dẫn|về|ban hành|sửa đổi|phê duyệt)\b[^;:.()\n]{10,240}?)"
    r"(?=\s*(?:[;:.()\n]|$|\s+và\s+(?:Thông tư|Nghị định|Quyết định|các văn bản)|\s+(?:từ nguồn|theo quy định)))",
)
# The same citation without its date and issuer ("Nghị định số 162/2025/NĐ-CP quy định chi tiết ..."): read
# only for a text the collection holds no copy of (a catalogue stub has no header of its own, so another
# text's citation is the only place its trích yếu can come from); "quy định tại ..." points into it.
_UNDATED_QUOTE_RE = re.compile(
    r"(?P<type>Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết|Quyết định|Chỉ thị)"
    rf"\s+số\s+(?P<number>{DOC_NUMBER_PATTERN})"
    r"\s+(?!(?:quy định|hướng dẫn)\s+tại\b)"
    r"(?P<title>(?:quy định|hướng dẫn|về|ban hành|sửa đổi|phê duyệt)\b[^;:.()\n]{10,240}?)"
    r"(?=\s*(?:[;:.()\n]|$|\s+và\s+(?:Thông tư|Nghị định|Quyết định|các văn bản)|\s+(?:từ nguồn|theo quy định)))",
)
_OWN_NOTE_EFFECTIVE_RE = re.compile(r",\s*có hiệu lực thi hành kể từ ngày\s+(\d{1,2}/\d{1,2}/\d{4})")


def noted_effective(note: str) -> date | None:
    """The effective date a codified note states ('(Điều 1 Luật số 66/2011/QH12 ..., có hiệu lực thi hành
    kể từ ngày 01/12/2012)'), or None."""
    match = _OWN_NOTE_EFFECTIVE_RE.search(note or "")
    return parse_date(match.group(1)) if match else None


def _vn(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", nfc(text or "")).strip().rstrip(".").casefold()


def official_name(document: Document) -> str:
    """The title as the type's convention writes it: a law's title is its name ("Luật Trẻ em"),
    other texts' trích yếu starts lower-case after the type ("quy định chi tiết ...")."""
    title = re.sub(r"\s+", " ", document.title or "").strip().rstrip(".")
    if document.type in NAMED_TYPES and title and not title.casefold().startswith(document.type.casefold()):
        return f"{document.type} {title}"
    return title


_LOWER_STARTS = re.compile(r"(?:Quy định|Hướng dẫn|Về|Ban hành|Sửa đổi|Phê duyệt|Bãi bỏ|Thông qua)\b")


def _lower_first(text: str) -> str:
    """'Quy định chi tiết ...' reads 'quy định chi tiết ...' after the issuer; a name ('Luật Đấu thầu') stays."""
    return text[:1].lower() + text[1:] if _LOWER_STARTS.match(text) else text


def citation_form(document: Document) -> str:
    """The standard Vietnamese citation of a document:
    'Nghị định số 09/2013/NĐ-CP ngày 11/01/2013 của Chính phủ quy định chi tiết thi hành một số
    điều của Luật Phòng, chống mua bán người'; a law: 'Luật Phòng, chống mua bán người số
    66/2011/QH12 ngày 29/03/2011 của Quốc hội'; a news report: its title, publisher and date
    (never its internal id); a consolidated text: '... của Văn phòng Quốc hội hợp nhất Luật Đấu thầu'.
    Parts the collection does not know are left out, not guessed."""
    if document.type == NEWS_TYPE or document.number.startswith("news:"):
        # A page naming no publisher says so: a citation without one reads as if its source were known.
        where = ", ".join(p for p in (document.publisher or UNNAMED_PUBLISHER, _vn(document.issued)) if p)
        title = document.title or "Tin tức"
        return f"{title} ({where})"
    name = official_name(document)
    when = f" ngày {_vn(document.issued)}" if document.issued else ""
    issuer = f" của {document.issuer}" if document.issuer else ""
    if document.type in NAMED_TYPES and name:
        return f"{name} số {document.number}{when}{issuer}"
    head = f"{document.type} số {document.number}".strip()
    if document.type == CONSOLIDATED and name:
        # A consolidated text is not a new act: the office merges an act and its amendments. No rule on
        # citing one was found in the collection; its own cover line reads "HỢP NHẤT LUẬT ĐẤU THẦU
        # 126/VBHN-VPQH 2025", and legal databases title them the same way ("Văn bản hợp nhất 03/VBHN-VPQH
        # 2021 hợp nhất Luật Khiếu nại"), so the act's name follows "hợp nhất".
        return f"{head}{when}{issuer} hợp nhất {name}"
    # The codified notes sometimes repeat the type: "Thông tư Hướng dẫn tổ chức Tháng hành động ...".
    if document.type and name.casefold().startswith(document.type.casefold() + " "):
        name = name[len(document.type) + 1 :]
    return f"{head}{when}{issuer}" + (f" {_lower_first(name)}" if name else "")


def unit_label(article: str | None, clause: str | None = None, point: str | None = None) -> str:
    """'điểm a khoản 2 Điều 23' (empty parts left out)."""
    parts = [
        f"điểm {point}" if point else "",
        f"khoản {clause}" if clause else "",
        f"Điều {article}" if article else "",
    ]
    return " ".join(p for p in parts if p)


def article_citation(
    document: Document, article: str | None, clause: str | None = None, point: str | None = None
) -> str:
    """'khoản 2 Điều 23 Nghị định số 09/2013/NĐ-CP ngày 11/01/2013 của Chính phủ quy định ...'."""
    label = unit_label(article, clause, point)
    return f"{label} {citation_form(document)}".strip()


# Compact labels of the types where a line has no room for the full citation ("TTLT 134/2013").
SHORT_TYPES = {
    "Thông tư liên tịch": "TTLT",
    "Thông tư": "TT",
    "Nghị định": "NĐ",
    "Nghị quyết": "NQ",
    "Nghị quyết liên tịch": "NQLT",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Pháp lệnh": "PL",
}
_NUMBER_YEAR_RE = re.compile(r"^(\d+[a-zA-Z]?/\d{4})/")


def short_document_label(document: Document) -> str:
    """'TTLT 134/2013', 'NĐ 09/2013', 'Luật 66/2011', 'BLHS 100/2015': type and number/year, as a
    worker writes a text in a margin; a code is named by its initials ('Bộ luật Hình sự' -> BLHS)."""
    if document.type == NEWS_TYPE or document.number.startswith("news:"):
        return document.title or "Tin tức"
    match = _NUMBER_YEAR_RE.match(document.number)
    number = match.group(1) if match else document.number
    if document.type == "Bộ luật" and document.title:
        name = official_name(document)
        return "".join(word[0] for word in name.split() if word[:1].isalpha()).upper() + f" {number}"
    return f"{SHORT_TYPES.get(document.type, document.type)} {number}".strip()


def short_citation(document: Document, article: str | None, clause: str | None = None, point: str | None = None) -> str:
    """'điểm a khoản 1 Điều 4 TTLT 134/2013': the compact form of article_citation for labels."""
    return f"{unit_label(article, clause, point)} {short_document_label(document)}".strip()


def unit_parts(document: Document, unit_id: str | None) -> tuple[str | None, str | None, str | None]:
    """(article, clause, point) numbers of a unit id ('chuong_2__dieu_4__khoan_1__diem_a' -> '4', '1', 'a'),
    read from the document's own structure (the id alone cannot tell 'đ' from 'dd'); an article id
    gives (article, None, None); an id the document lacks gives (None, None, None)."""
    for article in document.articles:
        if unit_id == article.id:
            return article.number or None, None, None
        if not unit_id or not unit_id.startswith(article.id + "__"):
            continue
        for clause in article.units:
            if clause.id == unit_id:
                return article.number or None, clause.number, None
            for point in clause.children:
                if point.id == unit_id:
                    return article.number or None, clause.number, point.number
    return None, None, None


def _parts_of_id(unit_id: str | None) -> tuple[str | None, str | None]:
    """(clause, point) read off the id alone, for a unit whose document is not at hand: 'diem_dd' is điểm đ
    (ingest.units.id_part) and an occurrence suffix ('diem_b_2', a label the source repeats) is dropped."""
    clause = point = None
    for part in (unit_id or "").split("__"):
        kind, _, number = part.partition("_")
        number = re.sub(r"_\d+$", "", number)
        if kind == "khoan" and number:
            clause = number
        elif kind == "diem" and number:
            point = "đ" + number[2:] if number.startswith("dd") else number
    return clause, point


def clause_label(unit_id: str | None, document: Document | None = None) -> str:
    """The part of a citation below the article, in the standard order: 'điểm a khoản 1' (of 'điểm a khoản 1
    Điều 4'), 'khoản 2', or '' for an article or an id naming no clause. From the document's own structure when
    it is given (unit_parts), else from the id. The one clause label of the API, the trace and the pages."""
    clause, point = unit_parts(document, unit_id)[1:] if document is not None else (None, None)
    if clause is None:
        clause, point = _parts_of_id(unit_id)
    return unit_label(None, clause, point) if clause else ""


def unit_citation(document: Document, unit_id: str | None, short: bool = False) -> str:
    """The citation of the clause or point `unit_id` of `document` ('điểm a khoản 1 Điều 4 Thông tư liên
    tịch số 134/2013/TTLT-BTC-BLĐTBXH ngày ... của ...'); short=True: 'điểm a khoản 1 Điều 4 TTLT 134/2013'.
    An id the document lacks cites the document alone: never a guessed clause."""
    article, clause, point = unit_parts(document, unit_id)
    if short:
        return short_citation(document, article, clause, point)
    return article_citation(document, article, clause, point)


# ---------------------------------------------------------------- gathering the facts at ingest


def _quotations(documents: list[Document]) -> dict[str, list[tuple[str, str]]]:
    """number key -> [(quoted title, where)] from every other text of the set; undated citations count
    only for the documents known from the catalogue alone."""
    found: dict[str, list[tuple[str, str]]] = {}
    stubs = {number_key(d.number) for d in documents if d.source_file == STUB_SOURCE_FILE and not d.articles}
    for document in documents:
        if document.type == NEWS_TYPE:
            continue
        places = [(document.title, f"tên của {document.type} {document.number}")]
        places += [(a.text, f"Điều {a.number} {document.type} {document.number}") for a in document.articles]
        for text, where in places:
            undated = [m for m in _UNDATED_QUOTE_RE.finditer(text or "") if number_key(m.group("number")) in stubs]
            for match in [*_QUOTE_RE.finditer(text or ""), *undated]:
                key = number_key(match.group("number"))
                if key == number_key(document.number):
                    continue
                title = match.group("title").strip()
                title = title[:1].upper() + title[1:]
                found.setdefault(key, []).append((title, where))
    return found


def _fact(field: str, value, source: str) -> dict:
    return {"field": field, "value": value.isoformat() if isinstance(value, date) else value, "source": source}


def _title_facts(document: Document, entry, quoted: list[tuple[str, str]]) -> list[dict]:
    facts = []
    if document.source_file == STUB_SOURCE_FILE:
        pass
    elif document.topic:
        if document.title:
            facts.append(_fact("title", official_name(document), SOURCE_CODIFIED))
    elif document.title:
        facts.append(_fact("title", official_name(document), SOURCE_HEADER))
    if entry and entry.title:
        catalogue_title = official_name(Document(document.number, document.type, title=entry.title))
        facts.append(_fact("title", catalogue_title, fact_label(entry, "title")))
    counts = Counter(title for title, _ in quoted)
    for title, _count in counts.most_common(3):
        places = sorted({where for t, where in quoted if t == title})
        facts.append(_fact("title", title, "trích dẫn trong " + "; ".join(places[:3])))
    return facts


def _title_rank(fact: dict, entry) -> int:
    source = fact["source"]
    if source == SOURCE_HEADER:
        return 0
    if source.startswith("danh mục"):
        title = entry.evidence.get("title") if entry else None
        return 1 if entry and (entry.verified or (title and title.verified)) else 3
    if source.startswith("trích dẫn"):
        return 2
    return 4  # the codified database's short label


def _date_facts(document: Document, entry) -> list[dict]:
    facts = []
    if entry:
        if entry.issued:
            facts.append(_fact("issued", entry.issued, fact_label(entry, "issued")))
        if entry.effective:
            facts.append(_fact("effective", entry.effective, fact_label(entry, "effective")))
    if document.source_file == STUB_SOURCE_FILE:
        return facts
    own = effective_date(document.articles, document.issued)
    if own:
        article = next(
            (a.number for a in document.articles if a.number and effective_date([a], document.issued) == own), ""
        )
        where = f"Điều {article} của chính văn bản" if article else "chính văn bản"
        if document.text_origin == "ocr":
            # Read from a scan: say so, with the recogniser's confidence (ingest.ocr re-reads doubtful numbers).
            where += f", đọc bằng OCR từ bản quét (độ tin cậy {document.ocr_confidence or 0:.0f}%), chưa đối chiếu"
        facts.append(_fact("effective", own, where))
    noted = Counter(noted_effective(a.note) for a in document.articles)
    for day, count in noted.most_common():
        if day:
            facts.append(_fact("effective", day, f"{SOURCE_CODIFIED} ({count} điều)"))
    if document.issued and not document.topic:
        facts.append(_fact("issued", document.issued, SOURCE_FILE))
    return facts


def adopt_own_effective_dates(documents: list[Document]) -> None:
    """A text's own effect clause outranks the codified notes' date (09/2017/TT-BTTTT: notes
    23/06/2017, its Điều 21 01/10/2017). Runs before ingest.status; the notes' date stays in facts."""
    for document in documents:
        if not document.topic or document.source_file == STUB_SOURCE_FILE:
            continue
        own = effective_date(document.articles, document.issued)
        if own and document.effective != own:
            document.effective = own


def note_disagreements(document: Document) -> None:
    """Append to the status note which sources state other dates (after ingest.status rewrote it)."""
    extra = _disagreement_note(document)
    if extra and "Lưu ý: ngày" not in document.status_note and extra not in document.status_note:
        document.status_note += extra


def _disagreement_note(document: Document) -> str:
    sentences = []
    for field, label in (("issued", "ngày ban hành"), ("effective", "ngày có hiệu lực")):
        facts = [f for f in document.facts if f["field"] == field]
        kept = [f for f in facts if f["kept"]]
        others = [f for f in facts if not f["kept"]]
        if kept and others:
            said = "; ".join(f"{f['source']} ghi {_vn(date.fromisoformat(f['value']))}" for f in others)
            sentences.append(
                f"{label} {_vn(date.fromisoformat(kept[0]['value']))} theo {kept[0]['source']}, còn {said}"
            )
    return (" Các nguồn ghi khác nhau: " + "; ".join(sentences) + ".") if sentences else ""


def resolve_official_facts(documents: list[Document], catalogue: Catalogue) -> None:
    """Keep one title per document by source trust and record every stated value with its
    source in document.facts (dates as kept by ingest.status, which already prefers a text's
    own effect clause and verified catalogue dates)."""
    quoted = _quotations(documents)
    for document in documents:
        if document.type == NEWS_TYPE or document.number.startswith("news:"):
            document.facts = [_fact("title", document.title, "tiêu đề bài báo")] if document.title else []
            continue
        entry = catalogue.get(document.number)
        titles = _title_facts(document, entry, quoted.get(number_key(document.number), []))
        if titles:
            best = min(titles, key=lambda f: _title_rank(f, entry))
            document.title = best["value"]
        facts = titles + _date_facts(document, entry)
        if document.issuer:
            source = SOURCE_CODIFIED if document.topic else SOURCE_FILE
            if document.source_file == STUB_SOURCE_FILE and entry:
                source = fact_label(entry, "issuer")
            facts.append(_fact("issuer", document.issuer, source))
        precise = precise_issuer(document)
        if precise:
            # The text's own adoption formula or its issuer symbol names the body the note shortened.
            document.issuer = precise[0]
            facts.append(_fact("issuer", *precise))
        kept = {
            "title": _key(document.title),
            "issued": _vn(document.issued),
            "effective": _vn(document.effective),
            "issuer": _key(document.issuer),
        }
        merged: dict[tuple[str, str], dict] = {}
        for fact in facts:
            value = fact["value"]
            shown = _vn(date.fromisoformat(value)) if fact["field"] in ("issued", "effective") else _key(value)
            key = (fact["field"], shown)
            if key in merged:
                if fact["source"] not in merged[key]["source"]:
                    merged[key]["source"] += "; " + fact["source"]
                continue
            merged[key] = {**fact, "kept": shown == kept[fact["field"]]}
        order = {"title": 0, "issuer": 1, "issued": 2, "effective": 3}
        document.facts = sorted(merged.values(), key=lambda f: (order[f["field"]], not f["kept"]))
        note_disagreements(document)


def disagreements(document: Document) -> dict[str, list[dict]]:
    """field -> every stated value, for the fields where sources disagree."""
    by_field: dict[str, list[dict]] = {}
    for fact in document.facts:
        by_field.setdefault(fact["field"], []).append(fact)
    return {field: facts for field, facts in by_field.items() if len(facts) > 1}
