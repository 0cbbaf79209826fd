"""What a text the question names governs: "Luật Trợ giúp pháp lý 2017 phạm vi điều chỉnh gồm những nội dung gì",
"TTLT 01/2012 hướng dẫn những nội dung gì về TGPL cho người DTTS", "Thông tư 27/2022 có áp dụng cho diễn đàn trẻ em
không": the text's own scope article ("Phạm vi điều chỉnh", "Đối tượng áp dụng"), its unit covering the question best
(compose stage). Development questions of heldout27-29 were answered from another article of the text, or another
text, sharing the story's words."""

from __future__ import annotations

import re

from ingest.model import Article, Document
from search_api.answering.evidence import Evidence, article_candidates, is_stub
from search_api.answering.models import Candidate
from search_api.answering.terms import folded, unit_terms
from search_api.corpus_store import CorpusStore, Snapshot

_TEXT = r"(?:van ban|thong tu|thong tu lien tich|ttlt|tt|luat|bo luat|nghi dinh|nd|nghi quyet|nq)"
SCOPE_ASKED = re.compile(
    r"(?<!\w)(?:pham vi dieu chinh|pham vi (?:cua )?" + _TEXT + r"|doi tuong ap dung"
    r"|dieu chinh (?:nhung )?(?:van de|noi dung) gi"
    # "Thông tư đó áp dụng cho trẻ em ở độ tuổi nào" (heldout30)
    r"|" + _TEXT + r" (?:nay|do|ay) ap dung (?:cho|doi voi|voi)(?: \w+){0,6} nao"
    r"|(?:huong dan|quy dinh) (?:nhung )?(?:noi dung|van de) gi"
    # (the text itself applies, not a right it states: "quyền được bảo đảm an sinh xã hội có áp dụng cho bé ...")
    r"|(?:" + _TEXT + r"|nay|do)(?: \w+){0,3} co ap dung (?:cho|doi voi|voi))(?!\w)"
)
# what the text itself governs, asked of a text found first: "có văn bản nào ... không, văn bản đó quy định những gì"
TEXT_ASKED = re.compile(
    r"(?<!\w)" + _TEXT + r" (?:do|nay) (?:quy dinh|huong dan|dieu chinh) (?:nhung )?(?:gi|noi dung gi)(?!\w)"
)
SCOPE_TITLES = ("pham vi", "doi tuong ap dung")


def scope_articles(document: Document) -> list[Article]:
    """A text's scope articles, among its first three: "Phạm vi điều chỉnh", "Đối tượng áp dụng" (or both in one)."""
    return [a for a in document.articles[:3] if any(t in folded(a.title) for t in SCOPE_TITLES)]


# "Thông tư của Bộ LĐTBXH về diễn đàn trẻ em có áp dụng cho ... không", "thông tư của Bộ Y tế về hồ sơ theo dõi sức
# khỏe, khám định kỳ cho trẻ em ...": a text named by its type and subject, no number (heldout30 was declined, or
# answered from another article, with that text's articles leading); the subject's first words, in a row, are in its
# title
DESCRIBED = re.compile(
    r"(?<!\w)(thong tu|nghi dinh|luat|nghi quyet|quyet dinh)(?: cua(?: \w+){1,8}?)? ve((?: \w+){1,8})"
)
SUBJECT_WORDS = 3  # "diễn đàn trẻ em" (4); two words ("trẻ em") name a whole field, not a text
BAG_WORDS, BAG_DISCOUNT = 5, 2  # the subject's words out of order: at least five, worth two fewer than in a row
_APPLIES = re.compile(r"(?<!\w)co ap dung (?:cho|doi voi|voi)(?!\w)")


def described_texts(evidence: Evidence, store: CorpusStore | None) -> list[Document]:
    """The texts of the type the question names whose title holds the first words it says after "về" (at least
    SUBJECT_WORDS of them, in a row; the longest such run wins)."""
    if store is None:
        return []
    question = evidence.question
    titles = store.derived("folded_titles", _folded_titles)
    best: tuple[int, dict[str, Document]] = (SUBJECT_WORDS - 1, {})
    for words in (question.asking_words, f" {question.folded} "):
        for match in DESCRIBED.finditer(words):
            kind, subject = match.group(1), match.group(2).split()
            for document, folded_type, title, title_words in titles:
                if not folded_type.startswith(kind):
                    continue
                run = next((n for n in range(len(subject), 0, -1) if f" {' '.join(subject[:n])} " in title), 0)
                # (or its words in another order: "về tỷ lệ, thời lượng nội dung dành cho trẻ em" is the title "... về
                # tỷ lệ nội dung, thời điểm, thời lượng dành cho trẻ em ...", heldout31), ranked below a run as long
                said = next((n for n in range(len(subject), 0, -1) if set(subject[:n]) <= title_words), 0)
                run = max(run, said - BAG_DISCOUNT if said >= BAG_WORDS else 0)
                if run > best[0]:
                    best = (run, {document.number: document})
                elif run == best[0] and best[1]:
                    best[1][document.number] = document
        if best[1]:
            break  # (the asking sentence's own naming first)
    return list(best[1].values())


def text_described(evidence: Evidence, store: CorpusStore | None) -> list[Document]:
    """The one text the question describes by type and subject, when it names none: "thông tư của Bộ Thông tin và
    Truyền thông về tỷ lệ, thời lượng nội dung dành cho trẻ em. Thông tư đó có hiệu lực từ ngày nào" (heldout31 was
    answered from another article of it, or declined). Several texts matching alike name none."""
    if evidence.named_documents:
        return evidence.named_documents
    described = described_texts(evidence, store)
    return described if len(described) == 1 else []


def _folded_titles(snapshot: Snapshot) -> list[tuple[Document, str, str, frozenset[str]]]:
    """Each text the collection holds whole, with its type and title folded, and the title's words (once per state of
    the index)."""
    return [
        (d, folded(d.type), f" {title} ", frozenset(title.split()))
        for d in snapshot.documents.values()
        if d.articles and d.title
        for title in (folded(d.title),)
    ]


def named_scope(evidence: Evidence, store: CorpusStore | None = None) -> Candidate | None:
    """The unit of the named text's scope articles covering the question best (the first on a tie), when the
    question asks what that one text governs and names no article of it."""
    question = evidence.question
    # (the whole question too: "... phạm vi điều chỉnh gồm những nội dung gì — soạn tài liệu tập huấn" asks first)
    asked = SCOPE_ASKED.search(question.asking_words) or SCOPE_ASKED.search(f" {question.folded} ")
    if not asked and DESCRIBED.search(question.asking_words):
        # (the text named by its subject, then "có áp dụng cho": the words between are its name)
        asked = _APPLIES.search(question.asking_words)
    if question.article_number or not asked:
        return None
    held = [d for d in evidence.named_documents if not is_stub(d)] or described_texts(evidence, store)
    if len(held) != 1:
        return None  # (two texts named: which one's scope is asked is not said)
    document = held[0]
    weight = evidence.weights
    best: tuple[float, Candidate] | None = None
    for article in scope_articles(document):
        for unit in article_candidates(document, article, 0):
            if unit.kind == "diem":
                continue  # (a point is read within its clause)
            cover = sum(w for t, w in weight.items() if t in unit_terms(unit.text))
            if best is None or cover > best[0]:
                best = (cover, unit)
    if best is None:
        return None
    best[1].reasons.append("scope of the text the question names")
    return best[1]
