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

This module decides; what is known and the replacements are gathered in ingest/status_expiry.py, the
expiry-with-parent rule (3.) is ingest/status_parent.py, and the notes' wording ingest/status_notes.py.
"""

from __future__ import annotations

from datetime import date

from ingest.catalogue import STUB_SOURCE_FILE, Catalogue, load_catalogue
from ingest.model import CHUA_HIEU_LUC, CON_HIEU_LUC, HET_HIEU_LUC, KHONG_AP_DUNG, Document
from ingest.numbers import number_key
from ingest.status_expiry import Expiry, Known, first_expiry, gather_known, replacement_evidence, text_label, vn_date
from ingest.status_notes import adopt_verified_dates, date_mismatch, in_force_note, unknown_note, upcoming_note
from ingest.status_parent import anachronistic_parents, detailed_texts, expire_with_parents

NEWS_TYPE = "Tin tức"


class _Evidence:
    """Positive evidence that a text is in force on `today`, memoised across the set."""

    def __init__(self, known: dict[str, Known], expiries: dict[str, Expiry], today: date):
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

    def _own(self, item: Known) -> tuple[str, str] | None:
        if item.entry and item.entry.verified:
            return (
                "danh_muc",
                "danh mục vnlex ghi nhận văn bản và đã đối chiếu các thông tin với nguồn ghi trong danh mục",
            )
        document = item.document
        # The topic alone marks a codified text: the pipeline recomputes status over stored documents
        # loaded without their articles.
        if document and document.topic and not anachronistic_parents(item, self.known):
            return "bo_phap_dien", (
                f"Bộ pháp điển (đề mục {document.topic}) hệ thống hóa văn bản này; "
                "Bộ pháp điển chỉ hệ thống hóa văn bản còn hiệu lực tại thời điểm pháp điển"
            )
        return None

    def _through_parent(self, item: Known, key: str) -> tuple[str, str] | None:
        for parent in sorted(detailed_texts(item, self.known)):
            evidence = self.of(parent)
            if evidence:
                label = text_label(self.known[parent], self.known[parent].number)
                return "van_ban_cap_tren", (
                    f"văn bản đã có hiệu lực theo ngày của chính nó và quy định chi tiết {label}, "
                    f"văn bản này còn hiệu lực ({evidence[1]})"
                )
        return None


def _started(item: Known, today: date) -> bool:
    return bool(item.effective and item.effective <= today and not (item.issued and item.issued > today))


def compute_status(documents: list[Document], catalogue: Catalogue | None, today: date) -> None:
    """Fill status, status_note, replaced_by and expired of every document, as of `today`."""
    catalogue = catalogue if catalogue is not None else load_catalogue()
    known = gather_known(documents, catalogue)
    evidence = replacement_evidence(documents, catalogue, known, today)
    expiries: dict[str, Expiry] = {}
    for key in known:
        first = first_expiry(evidence.get(key, []), today)
        if first:
            expiries[key] = first
    expire_with_parents(known, expiries, catalogue, today)
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
            document.status_note = f"Hết hiệu lực từ {vn_date(expiry.when)}: {expiry.explained()}."
            if document.topic:
                document.status_note += (
                    f" Lưu ý: Bộ pháp điển (đề mục {document.topic}) vẫn hệ thống hóa văn bản này; "
                    "bản pháp điển trong kho có thể chưa cập nhật."
                )
        elif item.issued and item.issued > today:
            document.status, document.status_basis = CHUA_HIEU_LUC, "ngay_hieu_luc"
            document.status_note = f"Chưa ban hành tại ngày {vn_date(today)} (ban hành {vn_date(item.issued)})."
        elif item.effective and item.effective > today:
            document.status, document.status_basis = CHUA_HIEU_LUC, "ngay_hieu_luc"
            document.status_note = f"Chưa có hiệu lực: có hiệu lực từ {vn_date(item.effective)}."
        elif item.effective and (in_force := positive.of(key)):
            upcoming = [e for e in evidence.get(key, []) if e.when > today]
            basis, sentence = in_force
            document.status, document.status_basis = CON_HIEU_LUC, basis
            document.status_note = in_force_note(item, upcoming, today, sentence)
        else:
            # No positive evidence is not "in force": officials act on this field.
            document.status, document.status_basis = "", "chua_du_bang_chung"
            upcoming = [e for e in evidence.get(key, []) if e.when > today]
            document.status_note = unknown_note(item, known, today) + date_mismatch(item) + upcoming_note(upcoming)
        if document.source_file != STUB_SOURCE_FILE and document.status != KHONG_AP_DUNG:
            document.status_note += adopt_verified_dates(document, item.entry)
        if (
            item.entry
            and not item.entry.verified
            and document.status not in ("", KHONG_AP_DUNG)
            and "chưa đối chiếu" not in document.status_note
        ):
            document.status_note += " Thông tin danh mục về văn bản này chưa được đối chiếu đầy đủ với văn bản gốc."
