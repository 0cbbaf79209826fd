"""The clause that fixes the amount: from a law or decree row down to the circular clause(s) whose
money figures implement it (Luật 66/2011 Điều 33 -> NĐ 09/2013 Điều 19 -> TTLT 134/2013 Điều 4
khoản 1 điểm a, "30.000 đồng/người/ngày").

Detailing links are article-level (sometimes clause-level); below them the clause that fixes a
figure for this row is the one granting the same kind of support ("what": tiền ăn is "nhu cầu
thiết yếu", not "chi phí đi lại"), best first by the words it shares with the row. A row of the
law's Điều 32 khoản 1 (the list of regimes) descends through the article of its regime (Điều 33-38).
No figure of the same kind, no link: a wrong amount is worse than none.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.document_citation import clause_label
from ingest.entitlements import Provision
from ingest.numbers import number_key, slug
from ingest.textnorm import fold
from ingest.victim_scope import ScopeRules, in_scope, regime

_MAX_LINKS = 3
_AMOUNT_REFERENCE = re.compile(
    r"mức|theo quy định (?:tại|của)|(?:Nghị định|Thông tư|Quyết định)(?: liên tịch)? số|thực tế|hóa đơn", re.IGNORECASE
)
_WORD_RE = re.compile(r"\w+")
# Words every support clause shares; they say nothing about which clause matches.
_COMMON = frozenset(
    "hỗ trợ cho nạn nhân người được theo quy định tại của và các có là một đối với trong khi thì mức chi".split()
)


def _words(text: str) -> set[str]:
    return {w for w in _WORD_RE.findall(fold(text.lower())) if w not in _FOLDED_COMMON and not w.isdigit()}


_FOLDED_COMMON = frozenset(fold(w) for w in _COMMON)


def _money(provision: Provision) -> list[str]:
    return [a.text for a in provision.amounts if a.category == "money"]


class AmountClauses:
    def __init__(
        self,
        documents: dict,
        detailed_by: dict[tuple[str, str], list[tuple[str, str, str | None]]],
        provisions: list[Provision],
        rules: ScopeRules,
    ):
        self.documents = documents
        self.detailed_by = detailed_by
        self.rules = rules
        # (document key, article) -> its provisions; those stating a sum of money come first when linked, then
        # those fixing it by reference ("miễn, giảm học phí ... theo quy định tại Nghị định số 49/2010/NĐ-CP").
        self.by_article: dict[tuple[str, str], list[Provision]] = {}
        for provision in provisions:
            self.by_article.setdefault((number_key(provision.doc_number), provision.article_number), []).append(
                provision
            )

    def _detailing(self, number: str, article: str) -> list[tuple[str, str, str | None]]:
        return self.detailed_by.get((number_key(number), article), [])

    def _starts(self, provision: Provision, row_regime: str) -> list[tuple[str, str, str | None]]:
        starts = list(self._detailing(provision.doc_number, provision.article_number))
        if number_key(provision.doc_number) == self.rules.regime_law:
            for label, articles in self.rules.regime_articles:
                if label == row_regime and provision.article_number not in articles:
                    for article in sorted(articles):
                        starts += self._detailing(provision.doc_number, article)
        return starts

    def _candidates(self, provision: Provision, row_regime: str) -> list[Provision]:
        found: list[Provision] = []
        seen: set[tuple[str, str]] = set()
        frontier = self._starts(provision, row_regime)
        for _depth in range(2):  # law -> decree -> circular
            following = []
            for number, article, unit in frontier:
                for candidate in self.by_article.get((number_key(number), article), []):
                    key = (candidate.doc_number, candidate.unit_id)
                    if key in seen or (unit and not (candidate.unit_id + "__").startswith(unit + "__")):
                        continue
                    seen.add(key)
                    found.append(candidate)
                following += self._detailing(number, article)
            frontier = following
        return found

    def for_row(self, provision: Provision, row_regime: str) -> list[dict[str, Any]]:
        candidates = [
            c
            for c in self._candidates(provision, row_regime)
            if self._same_kind(c, provision, row_regime) and (_money(c) or self._by_reference(c)) and self._a_row(c)
        ]
        words = _words(" ".join((provision.lead_in, provision.quote)))
        candidates.sort(key=lambda c: (not _money(c), -len(words & _words(" ".join((c.lead_in, c.quote))))))
        return [self._link(c) for c in candidates[:_MAX_LINKS]]

    def _same_kind(self, candidate: Provision, provision: Provision, row_regime: str) -> bool:
        if candidate.what == provision.what:
            return True
        # A row of the law naming a whole regime (Điều 32 khoản 1 điểm a "Hỗ trợ về nhu cầu thiết yếu và chi phí đi
        # lại", the undivided Điều 33) covers it all; any other clause (Điều 38 khoản 2, vay vốn) only its own kind.
        label = fold(row_regime.split(") ", 1)[-1].lower())
        whole = "__khoan_" not in provision.unit_id or label in fold(provision.quote.lower())
        return (
            whole
            and number_key(provision.doc_number) == self.rules.regime_law
            and row_regime != self.rules.other_regime
            and regime(candidate, self.rules) == row_regime
        )

    def _a_row(self, provision: Provision) -> bool:
        """What is paid to or done for the person; not a funding source or a dossier of the procedure."""
        document = self.documents.get(number_key(provision.doc_number))
        return bool(document and in_scope(provision, document, self.rules)[0])

    def _by_reference(self, provision: Provision) -> bool:
        """A circular's clause of the same kind that says where its amount is set ("miễn, giảm học phí ... theo
        quy định tại Nghị định số 49/2010/NĐ-CP", "theo chi phí thực tế") fixes it by reference."""
        document = self.documents.get(number_key(provision.doc_number))
        return bool(document and document.type.startswith("Thông tư") and _AMOUNT_REFERENCE.search(provision.quote))

    def _link(self, candidate: Provision) -> dict[str, Any]:
        document = self.documents.get(number_key(candidate.doc_number))
        article = (
            next((a for a in document.articles if a.number == candidate.article_number), None) if document else None
        )
        return {
            "doc_number": candidate.doc_number,
            "doc_type": document.type if document else "",
            "article_number": candidate.article_number,
            "article_title": article.title if article else "",
            "clause": clause_label(candidate.unit_id, document),
            "unit_id": candidate.unit_id,
            "money": _money(candidate),
            # The same figures as a reader must see them, each once with its cap or floor ("tối thiểu ...").
            "money_labels": list(dict.fromkeys(a.label for a in candidate.amounts if a.category == "money")),
            "link": f"/van-ban/{slug(candidate.doc_number)}#{candidate.unit_id}" if document else None,
        }
