"""How sure is the offence choice? For every development question whose answer goes through the penalty stage's
offence choice (search_api/answering/penalty.py, offence_score), the chosen offence's score, whether the first quote
states the expected fact, and what was quoted: the evidence for penalty.OFFENCE_FLOOR.

Development sets only (TUNING_SETS): it prints per-question results.

    python bench/penalty_offence_scores.py [--index sqlite:///PATH] [--below 0.5]
"""

from __future__ import annotations

import argparse
import builtins
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.answer_clause_diagnostics import TUNING_SETS  # noqa: E402
from search_api.answer_eval import score_response  # noqa: E402
from search_api.answering import penalty  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", default="sqlite:////tmp/vnlex-diag/idx.sqlite")
    parser.add_argument("--below", type=float, default=0.5, help="list the choices scored under this")
    args = parser.parse_args()

    from search_api.answers import AnswerService
    from search_api.cli import backend_for, settings_with
    from search_api.search import SearchService

    chosen: dict = {}
    real_max = builtins.max

    def watching_max(*items, key=None, **options):
        # the offence choice is max(offences.items(), key=offence_score): read its winner and score, change nothing
        if key is not None and getattr(key, "__name__", "") == "offence_score":
            candidates = list(items[0])
            best = real_max(candidates, key=key, **options)
            chosen.update(score=key(best), offence=best[0], title=best[1][0].article.title)
            return best
        return real_max(*items, key=key, **options) if key is not None else real_max(*items, **options)

    penalty.max = watching_max  # type: ignore[attr-defined]
    settings = settings_with(args.index)
    backend = backend_for(settings)
    service = AnswerService(backend, SearchService(backend))
    today = settings.effective_today()
    rows = []
    for path in TUNING_SETS:
        if not path.is_file():
            continue
        for question in json.loads(path.read_text()):
            chosen.clear()
            response = service.ask(question["text"])
            if "score" not in chosen or not question.get("answerable", True):
                continue
            scored = score_response(question, response, None, today)
            first = (response.get("answer") or [{}])[0]
            rows.append(
                {
                    "id": question["question_id"],
                    "score": round(chosen["score"], 3),
                    "offence": f"Điều {chosen['offence'][1]} ({chosen['title']})",
                    "offence_quoted_first": first.get("article_number") == chosen["offence"][1],
                    "fact_first": bool(scored["fact_first"]),
                }
            )
    rows.sort(key=lambda r: r["score"])
    print(f"{len(rows)} answerable development questions reach the offence choice")
    for row in rows:
        if row["score"] < args.below:
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
