"""Retrieval evaluation on ALQAC-format data: Recall@1/5/10, MRR@10 and F2 at top-1.

Questions: [{question_id, text, relevant_articles: [{law_id, article_id}]}]. Laws:
[{id, articles: [{id, text}]}]; each law becomes a Document numbered by its id, so the
same search path as the API is measured. Every question is also run with its
diacritics removed, to measure what users typing without them lose.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.model import Article, Document
from ingest.numbers import number_key
from ingest.textnorm import fold
from ingest.units import id_part


def load_json(path: Path) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def alqac_documents(laws: list[dict]) -> list[Document]:
    documents = []
    for law in laws:
        articles = []
        for article in law["articles"]:
            text = article["text"].strip()
            first, _, rest = text.partition("\n")
            # ALQAC article texts open with the article's title line.
            articles.append(
                Article(
                    str(article["id"]),
                    first.strip(),
                    rest.strip() or first.strip(),
                    id_part("dieu", str(article["id"])),
                )
            )
        documents.append(
            Document(number=law["id"], type="Luật", title=law["id"], articles=articles, status="con_hieu_luc")
        )
    return documents


@dataclass
class Scores:
    questions: int = 0
    recall: dict[int, float] = field(default_factory=lambda: {1: 0.0, 5: 0.0, 10: 0.0})
    mrr10: float = 0.0
    f2_top1: float = 0.0

    def add(self, ranked: list[tuple[str, str]], relevant: set[tuple[str, str]]) -> None:
        self.questions += 1
        for k in self.recall:
            self.recall[k] += len(set(ranked[:k]) & relevant) / len(relevant)
        self.mrr10 += next((1 / rank for rank, item in enumerate(ranked[:10], 1) if item in relevant), 0.0)
        if ranked:
            precision = 1.0 if ranked[0] in relevant else 0.0
            recall = (1 if ranked[0] in relevant else 0) / len(relevant)
            if precision + recall:
                self.f2_top1 += 5 * precision * recall / (4 * precision + recall)

    def to_dict(self) -> dict[str, float]:
        n = max(self.questions, 1)
        return {
            "questions": self.questions,
            "recall@1": round(self.recall[1] / n, 4),
            "recall@5": round(self.recall[5] / n, 4),
            "recall@10": round(self.recall[10] / n, 4),
            "mrr@10": round(self.mrr10 / n, 4),
            "f2@1": round(self.f2_top1 / n, 4),
        }


def evaluate(service, questions: list[dict], *, fold_questions: bool = False) -> dict[str, Any]:
    scores = Scores()
    latencies = []
    misses = []
    for question in questions:
        text = fold(question["text"]) if fold_questions else question["text"]
        relevant = {(number_key(r["law_id"]), str(r["article_id"])) for r in question["relevant_articles"]}
        started = time.perf_counter()
        result = service.search(text, size=10, with_facets=False)
        latencies.append(time.perf_counter() - started)
        ranked = [(number_key(h["doc_number"]), h["article_number"]) for h in result["hits"]]
        scores.add(ranked, relevant)
        if not ranked or ranked[0] not in relevant:
            misses.append(question.get("question_id"))
    data: dict[str, Any] = scores.to_dict()
    latencies.sort()
    data["p50_ms"] = round(latencies[len(latencies) // 2] * 1000, 1) if latencies else None
    data["first_answer_misses"] = misses
    return data
