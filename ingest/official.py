"""Official metadata with its sources.

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
disagreement instead of silently copying one. ingest/document_citation.py writes the citation
from these facts.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from ingest.catalogue import STUB_SOURCE_FILE, Catalogue
from ingest.catalogue_facts import fact_label
from ingest.document_citation import NEWS_TYPE, official_name
from ingest.header import effective_date
from ingest.issuers import precise_issuer
from ingest.model import Document
from ingest.numbers import DOC_NUMBER_PATTERN, number_key, parse_date
from ingest.textnorm import nfc

SOURCE_HEADER = "trích yếu trong phần đầu của chính văn bản"
SOURCE_CODIFIED = "ghi chú nguồn của Bộ pháp điển"
SOURCE_FILE = "tệp nguồn"

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
