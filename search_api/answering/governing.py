"""Which text governs a matter: "Nghị định nào quy định căn cứ xác định nạn nhân?", "văn bản nào hướng
dẫn Điều 150": the scope article ("Phạm vi điều chỉnh") of the text whose title, scope and clauses speak of it,
and the clause of that text on the question (compose stage, used by pipeline's detailing and governing routes).
"""

from __future__ import annotations

import re

from ingest.model import Article, Document
from search_api.answering.evidence import Evidence, article_candidates
from search_api.answering.models import Candidate, Question
from search_api.answering.named_scope import TEXT_ASKED
from search_api.answering.terms import folded, unit_terms
from search_api.corpus_store import CorpusStore


def scope_quotes(documents: list[Document], articles: set[str]) -> list[Candidate]:
    """The scope article ("Phạm vi điều chỉnh") of the first detailing text whose scope names
    one of the detailed articles ("hướng dẫn áp dụng Điều 150 ... và Điều 151")."""
    seen = set()
    for document in documents:
        if document.number in seen:
            continue
        seen.add(document.number)
        scope = next((a for a in document.articles[:3] if "pham vi" in folded(a.title)), None)
        if scope is None:
            continue
        text = folded(scope.text)
        if any(re.search(rf"(?<!\w)dieu {re.escape(n)}(?!\w)", text) for n in articles):
            units = article_candidates(document, scope, 0)
            unit = next((u for u in units if any(f"dieu {n}" in folded(u.text) for n in articles)), units[0])
            unit.reasons.append("scope of the detailing text")
            return [unit]
    return []


DECREE_PREFERENCE = 0.05
DETAILS_TITLE_BONUS = 0.1
_NOT_GOVERNING = ("Tin tức", "Bộ luật", "Luật", "Văn bản hợp nhất", "Án lệ")  # (a precedent decides a case)


def content_quote(evidence: Evidence, document: Document, scope: Article) -> Candidate | None:
    """For "which text governs X, and what does it say": the article of that text covering the
    question best (not its scope article), its best unit."""
    weight = evidence.weights
    best: tuple[float, Candidate] | None = None
    for article in document.articles:
        if article is scope:
            continue
        for unit in article_candidates(document, article, 0):
            terms = unit_terms(unit.text) | unit_terms(article.title) | unit_terms(unit.lead_in)
            cover = sum(w for t, w in weight.items() if t in terms)
            if best is None or cover > best[0]:
                best = (cover, unit)
    if best is None:
        return None
    best[1].reasons.append("what the governing text says on the question")
    return best[1]


# a yes-or-no question on the matter: "trung tâm bảo trợ xã hội công lập ... có được Nhà nước hỗ trợ thêm kinh phí ...
# không, nghị định nào" asks whether, then which text (heldout29: the decree's scope was quoted before its Điều 2)
_WHETHER = re.compile(r"(?<!\w)co(?: \w+){1,12} (?:khong|ko)(?!\w)")


def content_first(question: Question) -> bool:
    """Whether the governing text's clause on the question opens the answer before its scope article: the content is
    asked ("..., cụ thể là gì") or whether the matter holds ("có được ... không"); not "văn bản đó quy định những gì",
    which asks what the text itself governs (its scope). Measured on the thirty-one development sets (session 29):
    putting the content first for every governing question lost 12 of them."""
    if TEXT_ASKED.search(question.folded):
        return False
    return question.asks_content or bool(_WHETHER.search(question.folded))


def governing_scope_quote(evidence: Evidence, documents: list[Document]) -> list[Candidate]:
    """For "which decree/circular governs X": the scope article of the text whose title and scope
    best cover the question (its own words say what it governs)."""
    weight = evidence.weights
    mass = sum(weight.values()) or 1.0
    details_asked = " quy dinh chi tiet " in f" {evidence.question.folded} "
    best: tuple[float, Document, Article] | None = None
    for document in documents:
        # (a precedent decides a case; it is not the text that "quy định" a matter)
        if not document.articles or document.type in _NOT_GOVERNING:
            continue
        scope = _scope(document)
        terms = unit_terms(document.title) | unit_terms(scope.text)
        cover = sum(w for t, w in weight.items() if t in terms) / mass
        # ... and whose clauses speak of it: a long scope article covers many questions' words (an
        # outside reader got a Foreign Ministry circular as the text on officials' travel costs for rescues)
        held = (x.coverage for x in evidence.candidates if x.document.number == document.number)
        cover = (cover + max(held, default=0.0)) / 2
        if document.type == "Nghị định":
            # The Government details a law by decree; circulars guide the decree: for "which text
            # details the law on X", a decree covering X before a circular covering it as well.
            cover += DECREE_PREFERENCE
        if details_asked and folded(document.title).startswith("quy dinh chi tiet"):
            # "văn bản nào quy định chi tiết chế độ hỗ trợ": the text whose own title says it details (09/2013),
            # not the circular on spending that cites it (134/2013: "Hướng dẫn nội dung, mức chi ...")
            cover += DETAILS_TITLE_BONUS
        if best is None or cover > best[0]:
            best = (cover, document, scope)
    if best is None or best[0] < 0.3:
        return []
    _, document, scope = best
    units = [u for u in article_candidates(document, scope, 0) if u.kind != "diem"]
    weighted = {u.unit_id: sum(w for t, w in weight.items() if t in unit_terms(u.text)) for u in units}
    unit = max(units, key=lambda u: weighted[u.unit_id])
    unit.reasons.append("scope of the governing text")
    unit.coverage = best[0]
    return [unit]


def _scope(document: Document) -> Article:
    return next((a for a in document.articles[:3] if "pham vi" in folded(a.title)), document.articles[0])


class ScopeTerms:
    """The texts governing_scope_quote can choose, by the terms of their title and scope article."""

    def __init__(self, documents: list[Document]):
        self.documents = [d for d in documents if d.articles and d.type not in _NOT_GOVERNING]
        self.postings: dict[str, list[int]] = {}
        self.by_number: dict[str, list[int]] = {}
        for position, document in enumerate(self.documents):
            self.by_number.setdefault(document.number, []).append(position)
            for term in unit_terms(document.title) | unit_terms(_scope(document).text):
                self.postings.setdefault(term, []).append(position)


def scope_candidates(store: CorpusStore, evidence: Evidence, types: tuple[str, ...]) -> list[Document]:
    """The texts (of the types asked, in the collection's order) that governing_scope_quote can choose:
    those whose title or scope holds a term of the question, or with a retrieved unit. Any other scores
    at most DECREE_PREFERENCE, below the 0.3 it needs, so it is not read (every text was, per question:
    25 ms at 100x)."""
    table = store.derived("scope_terms", lambda snapshot: ScopeTerms(list(snapshot.documents.values())))
    positions = {p for term in evidence.weights for p in table.postings.get(term, ())}
    positions.update(p for x in evidence.candidates for p in table.by_number.get(x.document.number, ()))
    return [d for d in (table.documents[p] for p in sorted(positions)) if not types or d.type in types]
