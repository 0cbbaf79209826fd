"""Is a document in force on a given day, and if not, since when and why?

Expiry evidence, strongest first:
  1. THAY_THE / BAI_BO of the whole document, made by a document in the ingested set or
     recorded in the catalogue (dated by the relation, else by the maker's effective date);
     a maker issued after `today` is ignored, so an as-of date sees only what existed then;
  2. the catalogue's own status facts (expired, replaced_by);
  3. the rule that a text detailing another expires with it, cited from the law on
     promulgation in force on the day the parent expired (catalogue rules.*.versions: khoản 3
     Điều 154 of the 2015 Law until 31/03/2025, the 2025 Law after), applied only once every
     text it was issued to detail has expired (a clause applying another text's provision does
     not make that text a parent) and the catalogue does not say it survived;
  4. the effective date against `today`.
"In force" needs positive evidence, never the mere absence of a replacement in a small
collection: a verified catalogue entry, the codified database holding the text (Bộ pháp
điển only codifies texts in force), or the text's own dates plus a detailed text that is
itself in force on that evidence. Without any, the status is "" (chưa xác định) and the
note says what is and is not known. A detailing link to a law passed after the text was
issued (the codified database files 2014 legal-aid circulars under the 2017 Law) cannot be
the text's legal basis, so it counts neither as parent nor as evidence.
Every note says which of these decided it and where the fact comes from (status_basis
names the kind), because the people reading it must be able to check it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ingest.catalogue import STUB_SOURCE_FILE, Catalogue, CatalogueEntry, load_catalogue
from ingest.catalogue_facts import fact_label
from ingest.header import effective_date
from ingest.model import (
    BAI_BO,
    CHUA_HIEU_LUC,
    CON_HIEU_LUC,
    HET_HIEU_LUC,
    KHONG_AP_DUNG,
    QUY_DINH_CHI_TIET,
    THAY_THE,
    Document,
)
from ingest.numbers import number_key

NEWS_TYPE = "Tin tức"
DETAIL_RULE = "detail_expires_with_parent"
_DEFAULT_RULE_CITATION = "khoản 3 Điều 154 Luật Ban hành văn bản quy phạm pháp luật năm 2015"


@dataclass(frozen=True)
class _Expiry:
    when: date
    replaced_by: str | None  # None for a repeal, or expiry with the detailed text
    reason: str  # Vietnamese, e.g. "bị thay thế bởi Luật 53/2024/QH15 từ 01/07/2025"
    source: str  # where the fact comes from, e.g. "nguồn: Điều 20 144/2017/NĐ-CP"

    basis: str = "thay_the"

    def explained(self) -> str:
        return f"{self.reason} ({self.source})" if self.source else self.reason


@dataclass
class _Known:
    """What is known about one number, from the ingested set and the catalogue together."""

    number: str
    type: str
    issued: date | None
    effective: date | None
    entry: CatalogueEntry | None
    document: Document | None


def _vn(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _label(known: _Known | None, number: str) -> str:
    return f"{known.type} {number}".strip() if known and known.type else number


def _catalogue_source(entry: CatalogueEntry, fact: str = "") -> str:
    """'nguồn: danh mục vnlex, đối chiếu với ...' for one fact of the entry (ingest.catalogue_facts):
    an unverified fact says 'chưa đối chiếu với văn bản' and what it rests on."""
    return f"nguồn: {fact_label(entry, fact)}" if fact else f"nguồn: {entry.source_label()}"


def _gather(documents: list[Document], catalogue: Catalogue) -> dict[str, _Known]:
    known: dict[str, _Known] = {}
    for entry in catalogue.entries:
        known[entry.key] = _Known(entry.number, entry.type, entry.issued, entry.effective, entry, None)
    for document in documents:
        key = number_key(document.number)
        listed = catalogue.get(document.number)
        # The curated catalogue wins over a file's dates: the codified page states 01/12/2012
        # for 66/2011/QH12 although the law's own Điều 57 says 01/01/2012.
        known[key] = _Known(
            document.number,
            document.type or (listed.type if listed else ""),
            (listed.issued if listed and listed.issued else document.issued),
            (listed.effective if listed and listed.effective else document.effective),
            listed,
            document,
        )
    # Texts named only by a relation (07/2007/NĐ-CP, which Điều 20 of 144/2017/NĐ-CP replaces) are known
    # by their number alone, so a replacement the collection records counts when one of them is a parent.
    named = [r for d in documents for r in d.relations] + [r for e in catalogue.entries for r in e.relations]
    for relation in named:
        known.setdefault(number_key(relation.target), _Known(relation.target, "", None, None, None, None))
    return known


def _maker_known_by(maker: _Known | None, today: date) -> bool:
    return maker is None or maker.issued is None or maker.issued <= today


def _replacement_evidence(
    documents: list[Document], catalogue: Catalogue, known: dict[str, _Known], today: date
) -> dict[str, list[_Expiry]]:
    """Whole-document replacements and repeals, per target key, as known on `today`."""
    evidence: dict[str, list[_Expiry]] = {}

    def add(maker_number: str, relation, where: str) -> None:
        if relation.type not in (THAY_THE, BAI_BO) or relation.target_article:
            return
        maker = known.get(number_key(maker_number))
        if not _maker_known_by(maker, today):
            return
        when = date.fromisoformat(relation.date) if relation.date else (maker.effective if maker else None)
        if when is None:
            return
        replaced_by = maker_number if relation.type == THAY_THE else None
        verb = "bị thay thế bởi" if replaced_by else "bị bãi bỏ bởi"
        reason = f"{verb} {_label(maker, maker_number)} từ {_vn(when)}"
        evidence.setdefault(number_key(relation.target), []).append(
            _Expiry(when, replaced_by, reason, where, relation.type)
        )

    for document in documents:
        if document.source_file == STUB_SOURCE_FILE:
            continue  # a stub's relations are the catalogue's, counted below with their source
        for relation in document.relations:
            maker = relation.source or document.number
            article = f"Điều {relation.source_article} " if relation.source_article and not relation.source else ""
            add(maker, relation, f"nguồn: {article}{maker}")
    for entry in catalogue.entries:
        for index, relation in enumerate(entry.relations):
            add(entry.number, relation, _catalogue_source(entry, f"relations[{index}]"))
        facts = entry.status
        if facts.expired and _maker_known_by(known.get(number_key(facts.replaced_by or "")), today):
            verb = f"bị thay thế bởi {facts.replaced_by}" if facts.replaced_by else "hết hiệu lực"
            evidence.setdefault(entry.key, []).append(
                _Expiry(
                    facts.expired,
                    facts.replaced_by,
                    f"{verb} từ {_vn(facts.expired)}",
                    _catalogue_source(entry, "status.expired"),
                    "thay_the" if facts.replaced_by else "het_hieu_luc_danh_muc",
                )
            )
    return evidence


def _all_detailed(known: _Known) -> dict[str, str]:
    """number key -> the number as the text (or catalogue) writes it, for every text this one was issued
    to detail: notes show '06/2024/QĐ-TTg', never the key '6/2024/QD-TTG'.

    A clause's lead-in applying another text's provision (article_graph basis "text": "các giấy tờ quy
    định tại khoản 3, Điều 3 Nghị định số 136/2006/NĐ-CP" in 10/2011/TTLT-BTP-TTCP; 02/2026/TT-BNG's
    clauses name twenty laws and decrees) links that clause in the trace but is not the text's legal
    basis, so it neither keeps the text alive under the expiry rule nor proves it in force. The text's
    title, its "... này quy định chi tiết" sentence, the codified placement and the catalogue say that."""
    relations = list(known.document.relations) if known.document else []
    relations += list(known.entry.relations) if known.entry else []
    own = number_key(known.number)
    return {
        number_key(r.target): r.target
        for r in relations
        if r.type == QUY_DINH_CHI_TIET and not r.source and r.basis != "text" and number_key(r.target) != own
    }


def _issued_after(parent: _Known | None, child: _Known) -> bool:
    return bool(parent and parent.issued and child.issued and parent.issued > child.issued)


def _detailed_texts(known: _Known, everything: dict[str, _Known]) -> set[str]:
    """Keys of the texts this one details (its own and the catalogue's QUY_DINH_CHI_TIET links,
    any article), leaving out laws passed after it was issued: those cannot be its legal basis."""
    return {key for key in _all_detailed(known) if not _issued_after(everything.get(key), known)}


def _anachronistic_parents(known: _Known, everything: dict[str, _Known]) -> list[str]:
    return sorted(everything[key].number for key in _all_detailed(known) if _issued_after(everything.get(key), known))


def _first_expiry(candidates: list[_Expiry], today: date) -> _Expiry | None:
    past = [e for e in candidates if e.when <= today]
    # The earliest date decides; at equal dates a replacement says more than a repeal.
    return min(past, key=lambda e: (e.when, e.replaced_by is None)) if past else None


def _expire_with_parents(
    known: dict[str, _Known], expiries: dict[str, _Expiry], catalogue: Catalogue, today: date
) -> None:
    """Art. 154(3), to a fixed point: a circular detailing a decree that details an expired law expires too."""
    rule = catalogue.rules.get(DETAIL_RULE)
    changed = True
    while changed:
        changed = False
        for key, item in known.items():
            if key in expiries or (item.entry and item.entry.status.survives_parent):
                continue
            parents = _detailed_texts(item, known)
            if not parents or any(parent not in expiries for parent in parents):
                continue
            when = max(expiries[parent].when for parent in parents)
            if when > today:
                continue
            # The law on promulgation in force on the day the parent expired states the rule.
            citation = rule.citation_on(when) if rule else _DEFAULT_RULE_CITATION
            parent_states = "; ".join(
                _parent_state(known[p], expiries[p]) + _link_source(item, known[p]) for p in sorted(parents)
            )
            expiries[key] = _Expiry(
                when,
                None,
                f"văn bản được quy định chi tiết đã hết hiệu lực ({parent_states}), "
                f"nên văn bản này hết hiệu lực theo {citation}",
                "",
                "het_cung_van_ban_cap_tren",
            )
            changed = True


def _link_source(item: _Known, parent: _Known) -> str:
    """Where 'this text details the parent' comes from, when only the catalogue says so (the six
    legal-aid texts and 69/2006/QH11): its evidence, so an unverified link is never stated as fact."""
    own = item.document.relations if item.document else []
    target = number_key(parent.number)
    if any(r.type == QUY_DINH_CHI_TIET and number_key(r.target) == target and r.basis != "catalogue" for r in own):
        return ""  # the text or its codified placement states the link
    for index, relation in enumerate(item.entry.relations if item.entry else ()):
        if relation.type == QUY_DINH_CHI_TIET and number_key(relation.target) == target:
            return f" (quan hệ quy định chi tiết {parent.number}: {fact_label(item.entry, f'relations[{index}]')})"
    return ""


def _parent_state(parent: _Known, expiry: _Expiry) -> str:
    state = f"{_label(parent, parent.number)} hết hiệu lực từ {_vn(expiry.when)}"
    if expiry.replaced_by:
        state += f", bị thay thế bởi {expiry.replaced_by}"
    return f"{state}, {expiry.source}" if expiry.source else state


class _Evidence:
    """Positive evidence that a text is in force on `today`, memoised across the set."""

    def __init__(self, known: dict[str, _Known], expiries: dict[str, _Expiry], today: date):
        self.known, self.expiries, self.today = known, expiries, today
        self._memo: dict[str, tuple[str, str] | None] = {}

    def of(self, key: str) -> tuple[str, str] | None:
        """(basis, sentence) or None when nothing positive is known."""
        if key in self._memo:
            return self._memo[key]
        self._memo[key] = None  # a cycle of detailing links proves nothing
        item = self.known.get(key)
        found = None
        if item is not None and key not in self.expiries and _started(item, self.today):
            found = self._own(item) or self._through_parent(item, key)
        self._memo[key] = found
        return found

    def _own(self, item: _Known) -> tuple[str, str] | None:
        if item.entry and item.entry.verified:
            return (
                "danh_muc",
                "danh mục vnlex ghi nhận văn bản và đã đối chiếu các thông tin với nguồn ghi trong danh mục",
            )
        document = item.document
        # The topic alone marks a codified text: the pipeline recomputes status over stored documents
        # loaded without their articles.
        if document and document.topic and not _anachronistic_parents(item, self.known):
            return "bo_phap_dien", (
                f"Bộ pháp điển (đề mục {document.topic}) hệ thống hóa văn bản này; "
                "Bộ pháp điển chỉ hệ thống hóa văn bản còn hiệu lực tại thời điểm pháp điển"
            )
        return None

    def _through_parent(self, item: _Known, key: str) -> tuple[str, str] | None:
        for parent in sorted(_detailed_texts(item, self.known)):
            evidence = self.of(parent)
            if evidence:
                label = _label(self.known[parent], self.known[parent].number)
                return "van_ban_cap_tren", (
                    f"văn bản đã có hiệu lực theo ngày của chính nó và quy định chi tiết {label}, "
                    f"văn bản này còn hiệu lực ({evidence[1]})"
                )
        return None


def _started(item: _Known, today: date) -> bool:
    return bool(item.effective and item.effective <= today and not (item.issued and item.issued > today))


def _unknown_note(item: _Known, known: dict[str, _Known], today: date) -> str:
    """What is and is not known when nothing proves the text in force."""
    parts = []
    if item.effective:
        source = _catalogue_source(item.entry, "effective") if item.entry and item.entry.effective else "nguồn: văn bản"
        parts.append(f"Có hiệu lực từ {_vn(item.effective)} ({source})")
    else:
        parts.append("Không rõ ngày có hiệu lực")
    parts.append(
        f"không có văn bản nào trong kho dữ liệu hay danh mục thay thế hoặc bãi bỏ văn bản này tính đến {_vn(today)}, "
        "nhưng kho dữ liệu nhỏ nên điều đó không chứng minh văn bản còn hiệu lực"
    )
    late = _anachronistic_parents(item, known)
    if late:
        parts.append(
            f"Bộ pháp điển xếp văn bản dưới {', '.join(late)}, nhưng văn bản ban hành trước văn bản đó "
            "nên không thể là văn bản quy định chi tiết của nó; không rõ văn bản làm căn cứ còn hiệu lực hay không"
        )
    parents = _detailed_texts(item, known)
    if parents:
        parts.append(
            "các văn bản được quy định chi tiết ("
            + ", ".join(known[p].number if p in known else _all_detailed(item)[p] for p in sorted(parents))
            + ") chưa có bằng chứng còn hiệu lực"
        )
    if not (item.entry and item.entry.verified):
        parts.append("danh mục vnlex chưa ghi nhận văn bản này đã đối chiếu")
    return "Chưa xác định hiệu lực: " + "; ".join(parts) + "."


def _in_force_note(item: _Known, upcoming: list[_Expiry], today: date, evidence: str) -> str:
    assert item.effective is not None  # the caller states in-force only with an effective date
    source = _catalogue_source(item.entry, "effective") if item.entry and item.entry.effective else "nguồn: văn bản"
    note = (
        f"Có hiệu lực từ {_vn(item.effective)} ({source}). Căn cứ xác định còn hiệu lực: {evidence}; "
        "không có văn bản nào trong kho dữ liệu hay danh mục thay thế hoặc bãi bỏ toàn bộ văn bản này "
        f"tính đến {_vn(today)}."
    )
    return note + _date_mismatch(item) + _upcoming(upcoming)


def _upcoming(upcoming: list[_Expiry]) -> str:
    return "".join(f" Sẽ {expiry.explained()}." for expiry in sorted(upcoming, key=lambda e: e.when))


def _date_mismatch(item: _Known) -> str:
    # A verified entry's date replaces the file's and _adopt_verified_dates says why.
    if (
        item.document
        and item.entry
        and not item.entry.verified
        and item.entry.effective
        and item.document.effective
        and item.document.effective != item.entry.effective
    ):
        return f" Lưu ý: tệp nguồn ghi ngày hiệu lực {_vn(item.document.effective)}, khác với danh mục."
    return ""


def _where_the_text_says(document: Document, effective: date) -> str:
    """'theo Điều 57 của Luật' when one of the document's own articles states this effective date."""
    for article in document.articles:
        if article.number and effective_date([article], document.issued) == effective:
            return f"theo Điều {article.number} của {document.type or 'văn bản'}"
    return ""


def _where_the_file_says(document: Document, day: date) -> str:
    """Who gave the file's date: the codified database's notes (đề mục pages carry a topic)
    when an article note states it, otherwise the source file."""
    if document.topic and any(_vn(day) in article.note for article in document.articles):
        return "ghi chú của Bộ pháp điển"
    return "tệp nguồn"


def _adopt_verified_dates(document: Document, entry: CatalogueEntry | None) -> str:
    """A verified catalogue entry's issued/effective dates replace the file's when they differ
    (the codified page gives 01/12/2012 for 66/2011/QH12; its own Điều 57 says 01/01/2012).
    Returns the sentence telling the reader which date was kept and what the file said."""
    if not entry or not entry.verified:
        return ""
    sentences = []
    for field, label in (("issued", "ngày ban hành"), ("effective", "ngày hiệu lực")):
        kept, stated = getattr(entry, field), getattr(document, field)
        if not kept or not stated or kept == stated:
            continue
        setattr(document, field, kept)
        basis = (_where_the_text_says(document, kept) if field == "effective" else "") or f"theo {entry.source_label()}"
        sentences.append(f"{label} {_vn(kept)} {basis}; {_where_the_file_says(document, stated)} ghi {_vn(stated)}")
    return (" Lưu ý: " + "; ".join(sentences) + ".") if sentences else ""


def compute_status(documents: list[Document], catalogue: Catalogue | None, today: date) -> None:
    """Fill status, status_note, replaced_by and expired of every document, as of `today`."""
    catalogue = catalogue if catalogue is not None else load_catalogue()
    known = _gather(documents, catalogue)
    evidence = _replacement_evidence(documents, catalogue, known, today)
    expiries: dict[str, _Expiry] = {}
    for key in known:
        first = _first_expiry(evidence.get(key, []), today)
        if first:
            expiries[key] = first
    _expire_with_parents(known, expiries, catalogue, today)
    positive = _Evidence(known, expiries, today)

    for document in documents:
        key = number_key(document.number)
        item = known[key]
        document.replaced_by, document.expired = None, None
        if document.type == NEWS_TYPE or document.number.startswith("news:"):
            document.status, document.status_basis = KHONG_AP_DUNG, "tin_tuc"
            document.status_note = "Tin tức, không phải văn bản quy phạm pháp luật: không có hiệu lực pháp lý."
        elif key in expiries:
            expiry = expiries[key]
            document.status, document.expired, document.replaced_by = HET_HIEU_LUC, expiry.when, expiry.replaced_by
            document.status_basis = expiry.basis
            document.status_note = f"Hết hiệu lực từ {_vn(expiry.when)}: {expiry.explained()}."
            if document.topic:
                document.status_note += (
                    f" Lưu ý: Bộ pháp điển (đề mục {document.topic}) vẫn hệ thống hóa văn bản này; "
                    "bản pháp điển trong kho có thể chưa cập nhật."
                )
        elif item.issued and item.issued > today:
            document.status, document.status_basis = CHUA_HIEU_LUC, "ngay_hieu_luc"
            document.status_note = f"Chưa ban hành tại ngày {_vn(today)} (ban hành {_vn(item.issued)})."
        elif item.effective and item.effective > today:
            document.status, document.status_basis = CHUA_HIEU_LUC, "ngay_hieu_luc"
            document.status_note = f"Chưa có hiệu lực: có hiệu lực từ {_vn(item.effective)}."
        elif item.effective and (in_force := positive.of(key)):
            upcoming = [e for e in evidence.get(key, []) if e.when > today]
            basis, sentence = in_force
            document.status, document.status_basis = CON_HIEU_LUC, basis
            document.status_note = _in_force_note(item, upcoming, today, sentence)
        else:
            # No positive evidence is not "in force": officials act on this field.
            document.status, document.status_basis = "", "chua_du_bang_chung"
            upcoming = [e for e in evidence.get(key, []) if e.when > today]
            document.status_note = _unknown_note(item, known, today) + _date_mismatch(item) + _upcoming(upcoming)
        if document.source_file != STUB_SOURCE_FILE and document.status != KHONG_AP_DUNG:
            document.status_note += _adopt_verified_dates(document, item.entry)
        if (
            item.entry
            and not item.entry.verified
            and document.status not in ("", KHONG_AP_DUNG)
            and "chưa đối chiếu" not in document.status_note
        ):
            document.status_note += " Thông tin danh mục về văn bản này chưa được đối chiếu đầy đủ với văn bản gốc."
