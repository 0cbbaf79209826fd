"""Whether a penalty question is answered by the Criminal Code's offence or by another rule: a text other than the
Code stating the consequence of the act asked about, or a rule of the Code's general part."""

from __future__ import annotations

import re

from search_api.answering import models as m
from search_api.answering.compose import is_offence
from search_api.answering.evidence import Evidence
from search_api.answering.models import Candidate
from search_api.answering.offence_names import name_said_as_phrase
from search_api.answering.sale_told import TRAFFICKING_OFFENCE, sale_suffered
from search_api.answering.terms import folded, word_runs

GENERAL_RULE_MARGIN = 0.15
CONSEQUENCE_SHARE = 0.5
# (the Code and the court's guidance on it are what a penalty answer quotes)
_CODE_TYPES = ("Bộ luật", "Nghị quyết", "Án lệ")

# A text other than the Code saying what befalls the act asked about: "Người giả mạo là nạn nhân ... bị xử lý
# theo quy định của pháp luật và phải hoàn trả ..." (66/2011 Điều 23 khoản 3).
_CONSEQUENCE = re.compile(r"(?<!\w)(?:bi xu ly|bi xu phat|phai hoan tra|bi thu hoi)(?!\w)")


def consequence_stated(ordered: list[Candidate]) -> bool:
    """The best-scored unit is no Criminal Code clause but states the consequence of the act asked about, and
    covers the question better than any offence clause: "giả mạo là nạn nhân để nhận tiền hỗ trợ thì bị xử lý
    thế nào" is answered by the prevention law, not by the trafficking offence's range (an outside reader
    called that answer dangerous)."""
    if not ordered or ordered[0].document.type in _CODE_TYPES:
        return False
    top = ordered[0]
    offences = [x.coverage for x in ordered if is_offence(x)]
    return bool(_CONSEQUENCE.search(folded(top.text))) and top.coverage > max(offences, default=0.0)


def general_rule_stated(ordered: list[Candidate], question: m.Question) -> bool:
    """The best-scored unit is a rule of the Code's general part (no offence: "Trục xuất là buộc người nước
    ngoài bị kết án phải rời khỏi lãnh thổ ...", Điều 37) covering the question clearly better than any offence
    clause: "Tòa có thể buộc người nước ngoài đó rời khỏi lãnh thổ không, hình phạt chính hay bổ sung" asks
    the kind of penalty, not the trafficking offence's range."""
    if not ordered or ordered[0].document.type != "Bộ luật" or is_offence(ordered[0]):
        return False
    if _ASKS_RANGE.search(question.folded):
        # "tổ chức đường dây mua bán trẻ em dưới 16 tuổi thì khung hình phạt cao nhất là gì": the offence's range
        # (Điều 151 khoản 3), never a general rule for minors that shares the words (Điều 102)
        return False
    offences = [x.coverage for x in ordered if is_offence(x)]
    return ordered[0].coverage >= max(offences, default=0.0) + GENERAL_RULE_MARGIN


HEADING_RUN = 4  # words of a general rule's heading said in a row
HEADING_RANKS = 3  # ... by a unit among the best-scored this many


def general_rule_named(ordered: list[Candidate], question: m.Question) -> Candidate | None:
    """A rule of the Code's general part whose heading the question says ("... có là tình tiết giảm nhẹ không":
    "Các tình tiết giảm nhẹ trách nhiệm hình sự", Điều 51), among the best-scored units and covering the question as
    well as any offence clause: the rule is asked, not the range of the offence the story tells (heldout22 was given
    murder's range for the story's "dọa giết")."""
    if _ASKS_RANGE.search(question.folded):
        return None
    offences = max((x.coverage for x in ordered if is_offence(x)), default=0.0)
    said = word_runs(question.folded.split(), HEADING_RUN)
    for unit in ordered[:HEADING_RANKS]:
        if unit.document.type != "Bộ luật" or is_offence(unit) or unit.coverage < offences:
            continue
        heading = folded(unit.article.title)
        if code_name := folded(unit.document.title):
            # (not the Code's own name: "Hiệu lực của Bộ luật Hình sự ..." is not said by a question citing "BLHS")
            heading = heading.replace(code_name, "|")
        if word_runs(heading.split(), HEADING_RUN) & said:
            return unit
    return None


# the asking sentence speaks of the sale itself ("bán", "mua bán", "buôn người"): the story's trafficking offence stands
_SALE_ASKED = re.compile(r"(?<!\w)(?:ban|mua ban|buon nguoi|mbn|pcmbn)(?!\w)")
_ASKS_RANGE = re.compile(
    r"(?<!\w)(?:khung|bao nhieu nam|may nam|cao nhat|toi da|thap nhat|it nhat|muc (?:phat|hinh phat|an))(?!\w)"
)


def named_text_consequence(ordered: list[Candidate], evidence: Evidence) -> Candidate | None:
    """The question names a text other than the Code and asks what befalls an act: that text's clause stating the
    consequence. "Cán bộ công an xã nhận tiền rồi bao che ... Theo Luật Phòng, chống mua bán người thì bị xử lý thế
    nào" is 66/2011 Điều 23 khoản 2 (disciplined or prosecuted), not the trafficking offence's range."""
    named = {d.number for d in evidence.named_documents if d.type not in _CODE_TYPES}
    if not named:
        return None
    stating = [x for x in ordered if x.document.number in named and _CONSEQUENCE.search(folded(x.text))]
    # (judged by coverage, which both backends compute alike, not by the search rank, where they differ)
    best = max(stating, key=lambda x: x.coverage, default=None)
    # A text states its sanctions in a few clauses (66/2011: Điều 23 khoản 1-3), usually under the answer bar, as
    # the story's words are not theirs; half the best unit's coverage keeps a clause sharing nothing but "bị xử lý"
    # out.
    top = max((x.coverage for x in ordered), default=0.0)
    return best if best is not None and best.coverage >= CONSEQUENCE_SHARE * top else None


# a court resolution's title naming an offence ("... về tội mua bán người")
_NAMES_OFFENCE = re.compile(r"(?<!\w)toi(?!\w)")


def named_general_guidance(ordered: list[Candidate], evidence: Evidence) -> bool:
    """The question names a court resolution guiding a rule of the Code's general part (its title names no
    offence: "Hướng dẫn áp dụng Điều 65 của Bộ luật Hình sự về án treo") and that text's unit covers it best: the
    rule is asked, not an offence's range. "... hưởng án treo (tội khác, ko phải MBN). Trong thời gian thử thách
    hắn cố ý vi phạm nghĩa vụ mấy lần thì TA có thể buộc chấp hành hình phạt tù (NQ 02/2018/NQ-HĐTP)?" is its
    Điều 10 (heldout21 was given Điều 380's range, "Tội không chấp hành án")."""
    general = {
        d.number
        for d in evidence.named_documents
        if d.type == "Nghị quyết" and not _NAMES_OFFENCE.search(folded(d.title))
    }
    return bool(ordered and ordered[0].document.number in general)


def agreed_code_article(ordered: list[Candidate], offence: list[Candidate], evidence: Evidence) -> Candidate | None:
    """The best-ranked unit of the Code's article that the whole question and its asking sentence, searched apart,
    both put first, instead of the `offence` the penalty route chose, when the story told a trafficking case and the
    asking sentence asks another rule or offence of the Code ("Theo BLHS, phụ nữ đang nuôi con nhỏ như vậy có bị áp
    dụng hình phạt tử hình không": Điều 40; "Mua chuộc bị hại khai báo gian dối ... bị xử lý hình sự thế nào": Điều
    384; development questions were given the trafficking offence's range). Only over a trafficking offence, or for a
    rule of the Code's general part: between two other offences (Điều 141 and 142 on a child's sexual abuse) the
    route's reading of ages and circumstances chose better than the searches (4 development questions lost)."""
    if evidence.agreed_article is None or not offence or evidence.question.article_number:
        return None  # (an article the question names is read by the route: "xử theo khoản nào Điều 151")
    lead = next((x for x in ordered if (x.document.number, x.article.id) == evidence.agreed_article), None)
    if lead is None or lead.document.type != "Bộ luật" or lead.article.id == offence[0].article.id:
        return None
    if is_offence(lead) and not _story_offence(offence, evidence.question):
        return None
    question = evidence.question
    if not is_offence(lead) and (
        # "hắn bị phạt tù cao nhất bao nhiêu năm": the offence's range, never the general rule sharing the words
        # (Điều 103's "tối đa ... năm" on combining sentences) ...
        _ASKS_RANGE.search(question.folded)
        # ... nor when the question names the offence it chose: "tôi bị xử tội che giấu tội phạm thì phạt tù bao
        # nhiêu" is Điều 389, not the general part's Điều 18 on concealment
        # (said whole, in order: "hoãn chấp hành án phạt tù không" says each word of "không chấp hành án", not the name)
        or name_said_as_phrase(offence[0].article.title, question.text) == 1.0
    ):
        return None
    return lead


def reranked_code_article(ordered: list[Candidate], offence: list[Candidate], evidence: Evidence) -> Candidate | None:
    """When the two searches do not agree (agreed_code_article): the reranker's first unit, an article of the Code other
    than the trafficking offence the route chose from the story, when the asking sentence neither speaks of the sale
    nor asks a range, and the unit covers the question better than the offence's clause. "Chị tôi bị bán sang Trung
    Quốc 3 năm, trốn về thì lấy chồng ... chồng chị thường xuyên đánh đập ... nếu xử hình sự thì chồng chị bị phạt thế
    nào" is Điều 185 (ill-treatment), not Điều 150; "... Tòa sẽ quyết định hình phạt thế nào với phần án cũ hắn chưa
    chấp hành xong?" is Điều 56 (heldout28-29, development sets, were given the trafficking offence's range)."""
    question = evidence.question
    if not ordered or not offence or question.article_number or not question.asking_terms:
        return None
    lead = ordered[0]
    if lead.document.type != "Bộ luật" or lead.article.id == offence[0].article.id:
        return None
    if not _story_offence(offence, question) or TRAFFICKING_OFFENCE.match(folded(lead.article.title)):
        return None
    if _SALE_ASKED.search(question.asking_words) or _ASKS_RANGE.search(question.asking_words):
        return None  # ("Người đàn bà đó bị phạt tù bao nhiêu năm?": the story's own act, its range)
    return lead if lead.coverage > offence[0].coverage else None


def _story_offence(offence: list[Candidate], question: m.Question) -> bool:
    """The route's offence may be the story's rather than the one asked about: the trafficking offence, or any
    offence when the story's sale is only one a victim suffered (sale_told.sale_suffered: the route then chose
    among the other offences by their words alone), unless the question says its name ("Tội hiếp dâm này")."""
    title = offence[0].article.title
    if TRAFFICKING_OFFENCE.match(folded(title)):
        return True
    return sale_suffered(question) and name_said_as_phrase(title, question.text) < 1.0
