"""Precision and recall of the victims' entitlements table (ingest/victim_scope.py) on the
hand-labelled clauses of bench/victim_rows_labelled.json.

A labelled clause is predicted a row when ingest.entitlements extracts a provision on that
unit and ingest.victim_scope keeps it in the default view. The labels were written and
committed before this script first ran; the documents were not used to write the rules.

    python bench/victim_scope.py [--corpus ../shared/corpus] [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.entitlements import extract_provisions  # noqa: E402
from ingest.pipeline import _read_and_parse  # noqa: E402
from ingest.victim_scope import in_scope  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
LABELLED = REPO / "bench" / "victim_rows_labelled.json"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def predicted_rows(corpus: Path) -> set[tuple[str, str]]:
    documents = []
    for path in sorted((corpus / "phapdien").glob("*.html")):
        documents += _read_and_parse((str(path), 50_000_000, {})).documents
    by_number = {d.number: d for d in documents}
    return {
        (p.doc_number, p.unit_id)
        for p in extract_provisions(documents)
        if in_scope(p, by_number[p.doc_number])[0]
    }


def evaluate(corpus: Path) -> dict:
    labelled = json.loads(LABELLED.read_text(encoding="utf-8"))["items"]
    rows = predicted_rows(corpus)
    tp = fp = fn = 0
    per_document: dict[str, list[int]] = {}
    errors = []
    for item in labelled:
        predicted = (item["doc"], item["unit_id"]) in rows
        counts = per_document.setdefault(item["doc"], [0, 0, 0, 0])  # tp, fp, fn, clauses
        counts[3] += 1
        if predicted and item["victim_row"]:
            tp += 1
            counts[0] += 1
        elif predicted:
            fp += 1
            counts[1] += 1
            errors.append(("false row", item))
        elif item["victim_row"]:
            fn += 1
            counts[2] += 1
            errors.append(("missed", item))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "clauses": len(labelled),
        "rows": sum(i["victim_row"] for i in labelled),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "per_document": per_document,
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--write", action="store_true", help="write the section of bench/RESULTS.md")
    args = parser.parse_args()
    result = evaluate(args.corpus)
    lines = [
        f"Hand-labelled sample: {result['clauses']} clauses of {len(result['per_document'])} documents not used "
        f"to write the rules, {result['rows']} labelled rows (bench/victim_rows_labelled.json: criterion, sampling "
        "and labelling recorded there; labels committed before the first measurement).",
        "",
        f"**Precision {result['precision']:.2f}, recall {result['recall']:.2f}** "
        f"(TP {result['tp']}, FP {result['fp']}, FN {result['fn']}); target ≥ 0.9 each.",
        "",
        "| document | clauses | TP | FP | FN |",
        "|---|---|---|---|---|",
    ]
    for number, (tp, fp, fn, clauses) in result["per_document"].items():
        lines.append(f"| {number} | {clauses} | {tp} | {fp} | {fn} |")
    lines += ["", "Errors:", ""]
    for kind, item in result["errors"]:
        lines.append(f"- {kind}: {item['doc']} {item['unit_id']}")
    body = "\n".join(lines)
    print(body)
    if args.write:
        from bench.results import update_section

        update_section("Victims' entitlements table: precision and recall", body, "python bench/victim_scope.py --write")


if __name__ == "__main__":
    main()
