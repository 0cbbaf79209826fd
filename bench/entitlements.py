"""Precision and recall of amount extraction against the hand-labelled clauses, plus extraction speed.

The labelled sample (tests/data/amounts_labelled.json) names real clauses of the codified
database pages; each page is parsed with the real parser, provisions are extracted from
every document on it, and the amounts of the provision on each labelled unit (none when
the unit yields no provision) are compared with the labels. An amount counts as found
when value, unit, cap and floor all agree: a floor read as the rate is an error.

    python bench/entitlements.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.entitlements import Provision, extract_provisions  # noqa: E402
from ingest.model import Document  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
LABELLED = REPO / "tests" / "data" / "amounts_labelled.json"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def amount_key(value: float, unit: str, cap: bool, floor: bool) -> tuple:
    return (round(float(value), 4), unit, bool(cap), bool(floor))


@dataclass
class Evaluation:
    true_positives: int = 0
    extracted: int = 0
    labelled: int = 0
    per_agree: int = 0
    per_labelled: int = 0
    missing_units: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line per clause that disagrees

    @property
    def precision(self) -> float:
        return self.true_positives / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.labelled if self.labelled else 1.0

    def summary(self) -> str:
        return (
            f"precision {self.precision:.3f} ({self.true_positives}/{self.extracted}), "
            f"recall {self.recall:.3f} ({self.true_positives}/{self.labelled}), "
            f"per chain agrees on {self.per_agree}/{self.per_labelled} labelled rates"
        )


def load_labelled(path: Path = LABELLED) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["clauses"]


def parse_pages(corpus: Path, pages: set[str]) -> dict[str, list[Document]]:
    from ingest.parsers.phapdien import parse_phapdien

    parsed = {}
    for page in sorted(pages):
        path = corpus / "phapdien" / page
        parsed[page] = parse_phapdien(path, path.read_bytes())
    return parsed


def find_unit_text(documents: list[Document], doc: str, unit_suffix: str) -> tuple[str, str] | None:
    """(full unit id, text) of the unit whose id ends with the labelled suffix."""
    for document in documents:
        if document.number != doc:
            continue
        for article in document.articles:
            if article.id == unit_suffix or article.id.endswith("__" + unit_suffix):
                return article.id, article.text
            for clause in article.units:
                for unit in [clause, *clause.children]:
                    if unit.id == unit_suffix or unit.id.endswith("__" + unit_suffix):
                        return unit.id, unit.text
    return None


def evaluate(labelled: list[dict], parsed: dict[str, list[Document]]) -> Evaluation:
    result = Evaluation()
    provisions: dict[tuple[str, str], Provision] = {}
    for documents in parsed.values():
        for provision in extract_provisions(documents):
            provisions.setdefault((provision.doc_number, provision.unit_id), provision)
    for clause in labelled:
        found = find_unit_text(parsed[clause["page"]], clause["doc"], clause["unit"])
        if found is None:
            result.missing_units.append(f"{clause['doc']} {clause['unit']}")
            continue
        unit_id = found[0]
        provision = provisions.get((clause["doc"], unit_id))
        extracted = provision.amounts if provision else []
        got = Counter(amount_key(a.value, a.unit, a.cap, a.floor) for a in extracted)
        want = Counter(amount_key(a["value"], a["unit"], a["cap"], a["floor"]) for a in clause["amounts"])
        matched = got & want
        result.true_positives += sum(matched.values())
        result.extracted += sum(got.values())
        result.labelled += sum(want.values())
        for label in clause["amounts"]:
            if "per" in label:
                result.per_labelled += 1
                key = amount_key(label["value"], label["unit"], label["cap"], label["floor"])
                if any(amount_key(a.value, a.unit, a.cap, a.floor) == key and a.per == label["per"] for a in extracted):
                    result.per_agree += 1
        if got != want:
            result.errors.append(
                f"{clause['doc']} {clause['unit']}: extra {sorted((got - want).elements())}, "
                f"missed {sorted((want - got).elements())}"
            )
    return result


def time_extraction(corpus: Path) -> tuple[int, int, int, float]:
    """(documents, articles, provisions, seconds) over every codified page of the corpus."""
    parsed = parse_pages(corpus, {p.name for p in (corpus / "phapdien").glob("*.html")})
    documents = [d for docs in parsed.values() for d in docs]
    started = time.perf_counter()
    provisions = extract_provisions(documents)
    seconds = time.perf_counter() - started
    return len(documents), sum(len(d.articles) for d in documents), len(provisions), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()

    labelled = load_labelled()
    evaluation = evaluate(labelled, parse_pages(args.corpus, {c["page"] for c in labelled}))
    documents, articles, provisions, seconds = time_extraction(args.corpus)
    empty = sum(1 for c in labelled if not c["amounts"])
    body = (
        f"Sample: {len(labelled)} hand-labelled clauses from {len({c['page'] for c in labelled})} codified pages "
        f"({empty} with no amount), {evaluation.labelled} labelled amounts "
        f"(tests/data/amounts_labelled.json). A match needs value, unit, cap and floor to agree.\n\n"
        f"| metric | value |\n|---|---:|\n"
        f"| precision | {evaluation.precision:.3f} ({evaluation.true_positives}/{evaluation.extracted}) |\n"
        f"| recall | {evaluation.recall:.3f} ({evaluation.true_positives}/{evaluation.labelled}) |\n"
        f"| per chain exact, of labelled rates | {evaluation.per_agree}/{evaluation.per_labelled} |\n"
        f"| extraction over all codified pages | {documents} documents, {articles} articles, "
        f"{provisions} provisions in {seconds:.2f} s |\n"
    )
    if evaluation.errors or evaluation.missing_units:
        body += (
            "\nDisagreements:\n\n"
            + "\n".join(
                f"- {e}" for e in evaluation.errors + [f"unit not found: {m}" for m in evaluation.missing_units]
            )
            + "\n"
        )
    print(body)
    from bench.results import update_section

    update_section("Entitlement extraction", body, "python bench/entitlements.py")


if __name__ == "__main__":
    main()
