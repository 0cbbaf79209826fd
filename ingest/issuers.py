"""The issuing body as a citation must name it, with where that name comes from.

The codified database's notes shorten two issuers: resolutions of the Council of Judges read
"... ngày 11/01/2019 của Tòa án nhân dân tối cao" (02/2019/NQ-HĐTP), decisions of the Prime Minister
"... của Thủ tướng" (32/2016/QĐ-TTg). A citation copied from vnlex must name the body that adopted
the text, so two sources outrank such a note:
  * the text's own adoption formula: "Nghị quyết này đã được Hội đồng Thẩm phán Tòa án nhân dân
    tối cao thông qua ngày 11 tháng 01 năm 2019" (Điều 9 of 02/2019/NQ-HĐTP);
  * the issuer symbol of the number ("NQ-HĐTP", "QĐ-TTg"), which names one body. It only completes
    a name the sources shortened ("Thủ tướng" is part of "Thủ tướng Chính phủ"); a different body
    stated by a source is kept as stated, never overwritten by a guess from the symbol.
ingest.official.resolve_official_facts records the chosen name and every other stated one with
its source, so a reader sees both sides.
"""

from __future__ import annotations

import re

from ingest.header import CONSOLIDATED
from ingest.model import Document
from ingest.textnorm import fold

COUNCIL_OF_JUDGES = "Hội đồng Thẩm phán Tòa án nhân dân tối cao"
PRIME_MINISTER = "Thủ tướng Chính phủ"

# Issuer symbols naming exactly one body (corpus/abbreviations.tsv lists them as issuers: HĐTP,
# TTg); only bodies the sources are seen to shorten are listed, keyed by their folded spelling.
_SYMBOL_BODIES = {"HDTP": COUNCIL_OF_JUDGES, "TTG": PRIME_MINISTER}

# Bodies a text names in its own adoption formula, longest first ("Hội đồng Thẩm phán Tòa án
# nhân dân tối cao" before "Tòa án nhân dân tối cao"), matched on the folded text so "Toà" and
# "Tòa" meet.
_ADOPTING_BODIES = sorted(
    (COUNCIL_OF_JUDGES, "Quốc hội", "Ủy ban Thường vụ Quốc hội", "Hội đồng Nhà nước", "Tòa án nhân dân tối cao"),
    key=len,
    reverse=True,
)
_BY_FOLDED = {fold(name).lower(): name for name in _ADOPTING_BODIES}
_ADOPTED_RE = re.compile(
    r"\bnay\s+(?:da\s+)?duoc\s+(" + "|".join(re.escape(key) for key in _BY_FOLDED) + r")\s+(?:[^.;]{0,80}?\s)?thong qua"
)


# Official names of central bodies as they are written (capitalisation included): the codified database's
# notes sometimes capitalise every word of a compound name ("Bộ Lao động - Thương Binh và Xã hội" in the
# note under 134/2013/TTLT-BTC-BLĐTBXH), while the official name capitalises only the first word of each
# group ("Thương binh"); "Bộ Công Thương" is itself the official spelling. Only letter case is rewritten;
# older accent placement ("Uỷ", "Toà") is how the source wrote it and stays.
OFFICIAL_BODIES = (
    "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Thông tin và Truyền thông",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Kế hoạch và Đầu tư",
    "Bộ Khoa học và Công nghệ",
    "Bộ Tài nguyên và Môi trường",
    "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Giao thông vận tải",
    "Bộ Công Thương",
    "Bộ Xây dựng",
    "Bộ Tài chính",
    "Bộ Tư pháp",
    "Bộ Công an",
    "Bộ Quốc phòng",
    "Bộ Ngoại giao",
    "Bộ Nội vụ",
    "Bộ Y tế",
    "Ủy ban Dân tộc",
    "Thanh tra Chính phủ",
    "Ngân hàng Nhà nước Việt Nam",
    COUNCIL_OF_JUDGES,
    "Viện kiểm sát nhân dân tối cao",
    "Tòa án nhân dân tối cao",
    PRIME_MINISTER,
    "Ủy ban Thường vụ Quốc hội",
    "Văn phòng Quốc hội",
    "Chính phủ",
    "Quốc hội",
)
_OFFICIAL_RE = re.compile(
    "|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in sorted(OFFICIAL_BODIES, key=len, reverse=True)),
    re.IGNORECASE,
)
_BY_CASEFOLD = {name.casefold(): name for name in OFFICIAL_BODIES}


def official_spelling(text: str) -> str:
    """Every official body named in `text` written with its official capitalisation:
    'Bộ Tài chính và Bộ Lao động - Thương Binh và Xã hội' -> '... Bộ Lao động - Thương binh và Xã hội'."""
    return _OFFICIAL_RE.sub(lambda m: _BY_CASEFOLD.get(m.group(0).casefold(), m.group(0)), text or "")


def adopted_by(document: Document) -> tuple[str, str] | None:
    """(body, 'Điều 9 của chính văn bản') when an article of the text says who adopted it. A
    consolidated text quotes the adoption formulas of the laws it merges: not its own issuer."""
    if document.type == CONSOLIDATED:
        return None
    for article in document.articles:
        match = _ADOPTED_RE.search(fold(f"{article.title}\n{article.text}").lower())
        if match:
            where = f"Điều {article.number} của chính văn bản" if article.number else "chính văn bản"
            return _BY_FOLDED[match.group(1)], f"{where} (“... được {_BY_FOLDED[match.group(1)]} thông qua”)"
    return None


def symbol_body(number: str) -> str | None:
    """The one body an issuer symbol names: '32/2016/QĐ-TTg' -> 'Thủ tướng Chính phủ'; None for a
    joint text ('TTLT-BTC-BLĐTBXH') or a symbol not listed."""
    parts = number.rsplit("/", 1)[-1].split("-")[1:]
    return _SYMBOL_BODIES.get(fold(parts[0]).upper()) if len(parts) == 1 else None


def precise_issuer(document: Document) -> tuple[str, str] | None:
    """(issuer, source) when the text itself or its number names the issuer more precisely than
    document.issuer; None when nothing does (document.issuer then stands)."""
    own = adopted_by(document)
    if own and own[0] != document.issuer:
        return own
    body = symbol_body(document.number)
    stated = (document.issuer or "").casefold()
    if body and body != document.issuer and stated in body.casefold():
        symbol = document.number.rsplit("/", 1)[-1]
        return body, f"ký hiệu của số văn bản ({symbol}: {body})"
    return None
