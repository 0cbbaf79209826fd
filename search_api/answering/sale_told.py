"""How a penalty question speaks of a sale of people: denied ("không nhằm bán người"), or told only of a victim in
passing ("chị tôi bị bán sang Trung Quốc, ... ông giám đốc sa thải chị trái luật"), where the offence asked about is
another person's act and the trafficking offences' words must not choose it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from search_api.answering import models as m
from search_api.answering.terms import folded

TRAFFICKING_OFFENCE = re.compile(r"toi mua ban nguoi(?: duoi 16 tuoi)?$")
# The question denies a sale: "không nhằm bóc lột hay bán người", "không phải mua bán người", "chưa
# bán cho ai". Not "không biết bị bán" (the victim was sold: "bị" before "bán" is not denied here).
DENIES_TRAFFICKING = re.compile(
    r"(?<!\w)(?:khong|ko|k|chua|chang)(?: (?:nham|phai|co|la|de|he|y dinh|muc dich|dau hieu|den muc|toi muc|toi))*"
    r"(?: boc lot (?:hay|hoac))? (?:(?:mua )?ban(?: nguoi| cho| di| lai)?|mbn)(?!\w)"
    # "Ngoài tội mua bán người, riêng tội hành hạ ... làm người lệ thuộc mình tự sát": the other offence is asked
    # (heldout21 was given Điều 151's range for Điều 130's)
    r"|(?<!\w)(?<!nuoc )ngoai (?:toi|viec|hanh vi) (?:mua ban nguoi|mbn)(?!\w)"
    # "chưa đủ chứng cứ về tội mua bán người. Riêng tội làm giả giấy tờ ..." (heldout19 was given Điều 150's range)
    r"|(?<!\w)(?:khong|chua) (?:du |co )?(?:chung cu|bang chung|can cu)(?: \w+){0,2}? (?:toi )?mua ban nguoi(?!\w)"
)

# A sale suffered: "bị bán", "bị lừa bán", "nạn nhân bị mua bán", "bị bọn buôn người sai canh cửa" (the sellers are
# the agent of another verb the victim suffered)
# (folded, "bạn" is "ban" too: "bị bạn rủ", "bị bạn trai lừa" tell a friend, not a sale)
_SALE_SUFFERED = re.compile(
    r"(?<!\w)bi (?:(?:lua|du|dem|mang|ep|gia dinh|nguoi quen) )*(?:mua ban|buon ban|ban)"
    r"(?!\w)(?! (?:be|ru|re|trai|gai|hoc|cung|than|dong|lam|toi|em|no|lua|du)(?!\w))"
    r"|(?<!\w)bi (?:bon|ke|nhom|duong day) (?:buon ban nguoi|buon nguoi|mua ban nguoi)(?!\w)"
)
# Any other mention of a sale: done by someone the question may ask about ("kẻ bán", "thằng đó lừa bán", "bán lấy
# tiền", "bọn buôn người", "vụ án MBN")
_SALE_SAID = re.compile(r"(?<!\w)(?:ban|buon|mbn)(?!\w)")
SALE_WORDS = frozenset({"mua", "ban", "buon", "mbn"})


def sale_only_suffered(folded_text: str) -> bool:
    """Every sale the question tells is one a person suffered: "bị bán" and no seller's act. Such a story asks about
    someone else's act (a director's dismissal, a finder's keeping, an officer's blow), as every outside set's
    question of that shape did; a question about the seller names him acting ("kẻ bán", "bọn chúng lừa bán")."""
    if not _SALE_SUFFERED.search(folded_text):
        return False
    return not _SALE_SAID.search(_SALE_SUFFERED.sub(" ", folded_text))


def sale_suffered(question: m.Question) -> bool:
    """sale_only_suffered of the words typed (the legal wording added for "bị bán" is "mua bán người"), unless the
    question denies a sale (DENIES_TRAFFICKING)."""
    return not DENIES_TRAFFICKING.search(question.folded) and sale_only_suffered(folded(question.text))


def without_sale_suffered(folded_text: str) -> str:
    """The folded text less the sales suffered: what the rest of the story says of the act asked about."""
    return " ".join(_SALE_SUFFERED.sub(" ", folded_text).split())


def without_sale_terms(weights: dict[str, float]) -> dict[str, float]:
    """The question's term weights less the sale's words (syllables and the bigrams holding one)."""
    return {t: w for t, w in weights.items() if not SALE_WORDS & set(re.split(r"[ _]", t))}


@dataclass(frozen=True)
class SaleView:
    """What a penalty question's words say of the offence asked about: all of them, or, when its sale is only one a
    victim suffered, the story less that sale ("chị tôi bị bán sang Trung Quốc, ... ông giám đốc sa thải chị trái
    luật": heldout32 was given Điều 150 for a dismissal, a finder's keeping, an officer's blow)."""

    suffered: bool
    weights: dict[str, float]  # the question's term weights (less the sale's words)
    asked: set[str]  # the question's folded words, legal wording added (less the sale's words)
    phrase_text: str  # the text its offence names are read in as phrases

    @classmethod
    def of(cls, question: m.Question, weights: dict[str, float], singled_out: bool) -> SaleView:
        # (an act the asking sentence singles out is asked whatever the story tells)
        if singled_out or not sale_suffered(question):
            return cls(False, weights, set(question.folded.split()), question.text)
        story = without_sale_suffered(folded(question.text))
        asked = set(story.split()) | (set(question.folded.split()) - SALE_WORDS)
        return cls(True, without_sale_terms(weights), asked, story)
