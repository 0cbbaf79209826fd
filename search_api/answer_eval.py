"""Answer-level scoring: does /api/ask quote the right clause first, decline honestly, keep news apart?

The labelled sets are bench/answers/dev.json and heldout.json (schema in bench/answers/README.md); the
older bench/domain set scores too (questions without `answerable` count as answerable).

Fields of the /api/ask JSON this scorer relies on (keep them, or change the readers below with them):
- `answered` (bool): false means the engine declined. Missing: answered when something is quoted.
- `answer` (list): the quoted units, first = the one a reader sees first. Per unit:
  `text` (the verbatim quote; `lead_in`, the parent clause's opening words, is read with it),
  `doc_number` and `article_number` (the citation), `status` ("het_hieu_luc" = expired,
  "khong_ap_dung" = news/non-normative), `expired` (ISO date or null), `doc_type` ("Tin tức" = news).
- A warning that only expired provisions answer: any non-empty top-level field named in
  NOTICE_FIELDS (e.g. `banner`). Per-unit `status_note` alone does not count: the issue asks for one
  plain sentence opening the answer.
- Facts taken from the catalogue (questions with expect_source "catalogue") may appear in any of
  SUMMARY_FIELDS at the top level, in a quote's `status_note`, or in the first quote.

The one-line `summary` a worker reads first ("tối thiểu 30.000 đồng/người/ngày … — điểm a khoản 1 Điều 4 TTLT
134/2013/TTLT-BTC-BLĐTBXH") is scored apart: summary cites gold is whether an article it cites ("Điều N <number>") is a
gold article (None when the summary cites none, the question has no gold article, or the answer declined).

Per question: fact in first quote (one alternative of every `expect` group in the first quote, after
NFC, case and whitespace folding), gold article quoted (any quote), false decline (answerable but
declined), correct decline (unanswerable and declined), news as answer (a news item among the quotes),
expired without warning (every quote expired and no notice), latency. Rates are reported overall, by
intent and by variant; citation precision/recall (the earlier metrics) are kept.
"""

from __future__ import annotations

import math
import re
import time
import unicodedata
from collections import defaultdict
from datetime import date
from typing import Any

from ingest.numbers import number_key

NOTICE_FIELDS = ("banner", "notice", "notices", "warning", "warnings", "in_force_notice", "status_notice")
SUMMARY_FIELDS = ("summary", "facts", "status_facts", "lead", "message", *NOTICE_FIELDS)
EXPIRED_STATUSES = {"het_hieu_luc", "expired"}
NEWS_STATUSES = {"khong_ap_dung"}


def fold(text: str) -> str:
    """NFC, case and whitespace folding: the comparison the labelled `expect` strings are written for."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


def _pair(doc: str, article: Any) -> tuple[str, str]:
    return (number_key(str(doc)), str(article).strip().lower())


def quoted_units(response: dict[str, Any]) -> list[dict[str, Any]]:
    units = response.get("answer")
    if not isinstance(units, list):
        quotes = response.get("quotes")
        units = quotes if isinstance(quotes, list) else []
    return [u for u in units if isinstance(u, dict)]


def unit_text(unit: dict[str, Any]) -> str:
    parts = [unit.get("lead_in"), unit.get("text") or unit.get("quote") or unit.get("clause_text")]
    return "\n".join(p for p in parts if isinstance(p, str) and p)


def is_news(unit: dict[str, Any]) -> bool:
    return (
        unit.get("status") in NEWS_STATUSES
        or fold(str(unit.get("doc_type") or "")) in ("tin tức", "news")
        or str(unit.get("doc_number") or "").startswith("news:")
    )


def is_expired(unit: dict[str, Any], today: date) -> bool:
    if unit.get("status") in EXPIRED_STATUSES:
        return True
    expired = unit.get("expired")
    if isinstance(expired, str) and expired:
        try:
            return date.fromisoformat(expired[:10]) <= today
        except ValueError:
            return False
    return False


def has_notice(response: dict[str, Any]) -> bool:
    return any(response.get(name) for name in NOTICE_FIELDS)


def declined(response: dict[str, Any]) -> bool:
    answered = response.get("answered")
    if answered is None:
        answered = bool(quoted_units(response))
    return not answered


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def contains_facts(text: str, expect: list[list[str]]) -> bool:
    folded = fold(text)
    return all(any(fold(alternative) in folded for alternative in group) for group in expect)


# "khoản 1 Điều 4 TTLT 134/2013/TTLT-BTC-BLĐTBXH", "Điều 151 Bộ luật 100/2015/QH13": an article and the text it is in
_SUMMARY_CITATION = re.compile(r"Điều (\d+[a-zđ]?)\s+(?:[^\s\d—,;()]+\s+){0,3}(\d+/\d{4}/[^\s,;.()]+)")


def summary_citations(summary: Any) -> set[tuple[str, str]]:
    """The (document, article) pairs a summary line cites."""
    if not isinstance(summary, str):
        return set()
    return {_pair(document, article) for article, document in _SUMMARY_CITATION.findall(summary)}


def score_response(
    question: dict[str, Any], response: dict[str, Any], latency_ms: float | None = None, today: date | None = None
) -> dict[str, Any]:
    """Score one /api/ask response against one labelled question (pure: tests feed hand-made responses)."""
    today = today or date.today()
    units = quoted_units(response)
    answerable = question.get("answerable", True)
    expect = question.get("expect") or []
    gold = {_pair(g["law_id"], g["article_id"]) for g in question.get("relevant_articles", [])}
    cited = [_pair(u.get("doc_number", ""), u.get("article_number", "")) for u in units]
    is_declined = declined(response)
    in_summary = summary_citations(response.get("summary"))

    fact_first = None
    if answerable and expect:
        evidence = unit_text(units[0]) if units else ""
        if question.get("expect_source") == "catalogue":
            evidence += "\n" + "\n".join(s for name in SUMMARY_FIELDS for s in _strings(response.get(name)))
            evidence += "\n" + "\n".join(str(u.get("status_note") or "") for u in units)
        fact_first = (not is_declined) and contains_facts(evidence, expect)
    return {
        "question_id": question.get("question_id"),
        "intent": question.get("intent") or question.get("kind") or "",
        "variant": question.get("variant") or "",
        "who": question.get("who"),
        "answerable": answerable,
        "answered": not is_declined,
        "first_quote": (units[0].get("citation") or "/".join(cited[0])) if units else None,
        "fact_first": fact_first,
        "gold_quoted": bool(gold & set(cited)) if gold else None,
        "gold_first": (bool(cited) and cited[0] in gold) if gold else None,
        "summary_cites_gold": bool(in_summary & gold) if in_summary and gold and not is_declined else None,
        "false_decline": answerable and is_declined,
        "correct_decline": (not answerable) and is_declined,
        "news_as_answer": any(is_news(u) for u in units),
        "expired_without_warning": bool(units)
        and not is_declined
        and all(is_expired(u, today) for u in units)
        and not has_notice(response),
        "latency_ms": None if latency_ms is None else round(latency_ms, 1),
        "_cited": cited,
        "_gold": gold,
    }


def _rate(values: list[bool | None]) -> dict[str, Any]:
    counted = [v for v in values if v is not None]
    return {"rate": round(sum(counted) / len(counted), 3) if counted else None, "n": len(counted)}


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def summarize(results: list[dict[str, Any]]) -> dict[str, Any]:
    answerable = [r for r in results if r["answerable"]]
    unanswerable = [r for r in results if not r["answerable"]]
    latencies = [r["latency_ms"] for r in results if r["latency_ms"] is not None]
    return {
        "questions": len(results),
        "answered": sum(r["answered"] for r in results),
        "fact_in_first_quote": _rate([r["fact_first"] for r in results]),
        "gold_article_quoted": _rate([r["gold_quoted"] for r in results]),
        "gold_article_first": _rate([r["gold_first"] for r in results]),
        "summary_cites_gold": _rate([r.get("summary_cites_gold") for r in results]),
        "false_declines": {"count": sum(r["false_decline"] for r in answerable), "of": len(answerable)},
        "correct_declines": {"count": sum(r["correct_decline"] for r in unanswerable), "of": len(unanswerable)},
        "news_as_answer": sum(r["news_as_answer"] for r in results),
        "expired_without_warning": sum(r["expired_without_warning"] for r in results),
        "latency_ms": {"p50": _percentile(latencies, 0.5), "p95": _percentile(latencies, 0.95)},
    }


def _grouped(results: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for result in results:
        groups[result[key] or "-"].append(result)
    return {name: summarize(group) for name, group in sorted(groups.items())}


def _citation_scores(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The earlier metrics: precision over answered questions, recall over all with gold articles."""
    precision_sum = recall_sum = 0.0
    answered = any_gold = with_gold = 0
    for result in results:
        cited, gold = set(result["_cited"]), result["_gold"]
        correct = len(cited & gold)
        if result["answered"] and cited:
            answered += 1
            precision_sum += correct / len(cited)
        if gold:
            with_gold += 1
            recall_sum += correct / len(gold)
            any_gold += 1 if correct else 0
    return {
        "citation_precision": round(precision_sum / answered, 3) if answered else 0.0,
        "citation_recall": round(recall_sum / with_gold, 3) if with_gold else 0.0,
        "gold_cited_rate": round(any_gold / with_gold, 3) if with_gold else 0.0,
    }


def score_results(results: list[dict[str, Any]]) -> dict[str, Any]:
    report = summarize(results)
    report.update(_citation_scores(results))
    report["by_intent"] = _grouped(results, "intent")
    report["by_variant"] = _grouped(results, "variant")
    report["per_question"] = [
        {k: v for k, v in r.items() if not k.startswith("_")}
        | {"cited": sorted(set(r["_cited"])), "gold": sorted(r["_gold"])}
        for r in results
    ]
    return report


def answer_scores(answer_service, questions: list[dict[str, Any]], today: date | None = None) -> dict[str, Any]:
    """Ask every question in process (the JSON /api/ask returns) and score the answers.

    `first_request_ms` is the latency of the first question; it is a cold start only when this is
    the first thing the process asks (the CLI scores answers before retrieval for that reason).
    """
    results = []
    for question in questions:
        started = time.perf_counter()
        response = answer_service.ask(question["text"])
        latency_ms = (time.perf_counter() - started) * 1000
        results.append(score_response(question, response, latency_ms, today))
    report = score_results(results)
    report["first_request_ms"] = results[0]["latency_ms"] if results else None
    return report


def _cell(metric: dict[str, Any]) -> str:
    return "–" if metric["rate"] is None else f"{metric['rate']:.0%} ({metric['n']})"


def format_table(report: dict[str, Any]) -> str:
    """Markdown table: overall, then one row per intent and per variant."""
    header = (
        "| group | questions | fact in first quote | gold article quoted | false declines | correct declines "
        "| news as answer | expired w/o warning | p50 ms |\n|---|---|---|---|---|---|---|---|---|"
    )
    rows = [("all", report)]
    rows += [(f"intent: {name}", data) for name, data in report["by_intent"].items()]
    rows += [(f"variant: {name}", data) for name, data in report["by_variant"].items()]
    lines = [header]
    for name, data in rows:
        false_d, correct_d = data["false_declines"], data["correct_declines"]
        p50 = data["latency_ms"]["p50"]
        lines.append(
            f"| {name} | {data['questions']} | {_cell(data['fact_in_first_quote'])} "
            f"| {_cell(data['gold_article_quoted'])} | {false_d['count']}/{false_d['of']} "
            f"| {correct_d['count']}/{correct_d['of']} | {data['news_as_answer']} | {data['expired_without_warning']} "
            f"| {'–' if p50 is None else round(p50)} |"
        )
    return "\n".join(lines)
