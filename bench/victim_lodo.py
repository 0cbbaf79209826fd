"""Leave-one-document-out estimate of how the victim-scope rules (ingest/victim_scope.py) generalise.

The rules are written by hand from the errors seen on the labelled samples (bench/victim_rows_labelled*.json),
so "training without document D" means: the rules as they would be had D's errors never been seen. Each
alternative of the victim_scope vocabulary (corpus/entitlement_vocabulary.json: a list item, or a top-level
branch of a regular expression) is a rule component. A component is credited to the documents where switching it
off makes a labelled clause wrong that it got right (its net effect, per document). A component credited to D
alone would not exist without D's errors: for D's held-out estimate all such components are switched off together,
and D is scored with what is left. Components credited to two or more documents, or to none (written from the
texts' structure or the legal vocabulary, not from an error), stay.

This estimates, it does not replace, a fresh held-out sample: a component is credited by its effect, not by the
history of why it was written, and the entitlement extraction (ingest.entitlements triggers) is not ablated.

    python bench/victim_lodo.py [--corpus ../shared/corpus] [--write]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.victim_scope import DEFAULT_CORPUS, LABELLED, LABELLED_2, LABELLED_3  # noqa: E402
from ingest.entitlements import VOCABULARY_FILE, Provision, extract_provisions  # noqa: E402
from ingest.model import Document  # noqa: E402
from ingest.pipeline import _read_and_parse  # noqa: E402
from ingest.victim_scope import ScopeRules, in_scope  # noqa: E402

NEVER = "(?!)"
# Entries that are data, not rules (family membership, regime labels) or comments.
_NOT_COMPONENTS = {"families", "regimes", "other_regime", "regime_law"}


def top_level_branches(pattern: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level '|' branch of a regular expression."""
    spans, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            spans.append((start, index))
            start = index + 1
        index += 1
    return spans + [(start, len(pattern))]


def components(scope: dict) -> Iterator[tuple[str, int, str]]:
    """(entry, branch index, text) of every rule component of the victim_scope vocabulary."""
    for key, value in scope.items():
        if key.startswith("_") or key in _NOT_COMPONENTS:
            continue
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield key, index, item
        elif isinstance(value, str):
            for index, (start, end) in enumerate(top_level_branches(value)):
                yield key, index, value[start:end]


def without(vocabulary: dict, switched_off: set[tuple[str, int]]) -> ScopeRules:
    """The rules with the given components replaced by a pattern that never matches."""
    data = copy.deepcopy(vocabulary)
    scope = data["victim_scope"]
    for key in {key for key, _ in switched_off}:
        value = scope[key]
        if isinstance(value, list):
            kept = [item for index, item in enumerate(value) if (key, index) not in switched_off]
            if key == "persons":
                scope[key] = kept
            else:
                scope[key] = kept or [NEVER]
        else:
            branches = top_level_branches(value)
            kept = [value[s:e] for index, (s, e) in enumerate(branches) if (key, index) not in switched_off]
            scope[key] = "|".join(kept) if kept else NEVER
    return ScopeRules.from_vocabulary(data)


class Labelled:
    """The labelled clauses of samples 1-3 with the provision extracted on each (or None)."""

    def __init__(self, corpus: Path) -> None:
        documents: list[Document] = []
        for path in sorted((corpus / "phapdien").glob("*.html")):
            documents += _read_and_parse((str(path), 50_000_000, None, str(path))).documents
        self.by_number = {d.number: d for d in documents}
        provisions: dict[tuple[str, str], Provision] = {}
        for provision in extract_provisions(documents):
            provisions.setdefault((provision.doc_number, provision.unit_id), provision)
        self.items: list[tuple[str, bool, Provision | None]] = []
        for path in (LABELLED, LABELLED_2, LABELLED_3):
            for item in json.loads(path.read_text(encoding="utf-8"))["items"]:
                key = (item["doc"], item["unit_id"])
                self.items.append((item["doc"], item["victim_row"], provisions.get(key)))

    def correct(self, rules: ScopeRules) -> list[bool]:
        return [
            (provision is not None and in_scope(provision, self.by_number[doc], rules)[0]) == label
            for doc, label, provision in self.items
        ]


def score(items: list[tuple[str, bool, Provision | None]], correct: list[bool], document: str) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for (doc, label, _), right in zip(items, correct, strict=True):
        if doc != document:
            continue
        predicted = label if right else not label
        tp += predicted and label
        fp += predicted and not label
        fn += label and not predicted
    return tp, fp, fn


def leave_one_document_out(corpus: Path) -> dict:
    labelled = Labelled(corpus)
    vocabulary = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
    full = labelled.correct(ScopeRules.from_vocabulary(vocabulary))
    credited: dict[tuple[str, int], set[str]] = {}
    for key, index, _ in components(vocabulary["victim_scope"]):
        ablated = labelled.correct(without(vocabulary, {(key, index)}))
        net: dict[str, int] = {}
        for (doc, _, _), before, after in zip(labelled.items, full, ablated, strict=True):
            net[doc] = net.get(doc, 0) + int(before) - int(after)
        credited[(key, index)] = {doc for doc, gain in net.items() if gain > 0}
    documents = sorted({doc for doc, _, _ in labelled.items})
    per_document = {}
    for document in documents:
        own = {component for component, docs in credited.items() if docs == {document}}
        correct = labelled.correct(without(vocabulary, own)) if own else full
        per_document[document] = {
            "dev": score(labelled.items, full, document),
            "held_out": score(labelled.items, correct, document),
            "components_only_it_justifies": sorted(f"{key}[{index}]" for key, index in own),
        }
    return {"per_document": per_document, "credited": credited}


def _pr(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def report(result: dict) -> str:
    lines = [
        "| document | dev TP/FP/FN | held-out TP/FP/FN | components only it justifies |",
        "|---|---|---|---|",
    ]
    totals = {"dev": [0, 0, 0], "held_out": [0, 0, 0]}
    for document, row in result["per_document"].items():
        for name in totals:
            totals[name] = [a + b for a, b in zip(totals[name], row[name], strict=True)]
        dev, held = row["dev"], row["held_out"]
        lines.append(
            f"| {document} | {dev[0]}/{dev[1]}/{dev[2]} | {held[0]}/{held[1]}/{held[2]} | "
            f"{len(row['components_only_it_justifies'])} |"
        )
    dev_p, dev_r = _pr(*totals["dev"])
    held_p, held_r = _pr(*totals["held_out"])
    unused = sum(1 for docs in result["credited"].values() if not docs)
    shared = sum(1 for docs in result["credited"].values() if len(docs) >= 2)
    single = sum(1 for docs in result["credited"].values() if len(docs) == 1)
    lines += [
        "",
        f"Pooled over the {len(result['per_document'])} documents of samples 1-3: development (all rules) "
        f"**precision {dev_p:.2f}, recall {dev_r:.2f}** (TP/FP/FN {'/'.join(map(str, totals['dev']))}); "
        f"leave-one-document-out **precision {held_p:.2f}, recall {held_r:.2f}** "
        f"(TP/FP/FN {'/'.join(map(str, totals['held_out']))}).",
        "",
        f"Rule components: {len(result['credited'])}; credited to one document only {single}, to two or more "
        f"{shared}, to none of the labelled clauses {unused}.",
    ]
    return "\n".join(lines)


BEFORE = """Before this session's rule changes (rules of 5e18af6, parser fix applied, no prediction changed by it):
pooled leave-one-document-out **precision 0.72, recall 0.94** (TP/FP/FN 97/38/6); development 0.93 / 0.99.
After (below): 0.81 / 0.94, of which 0.79 comes from changes that alter predictions (drafting-category titles,
the role/facility name pattern, management read on the unmasked sentence) and +0.02 from regrouping synonyms of
one concept into one component (ending a benefit; "Đối tượng" with the criteria titles), which changes no
prediction, only how the estimate credits documents. The estimate stays below the 0.9 target, as did sample 4
(0.60 / 0.75), scored once."""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--verbose", action="store_true", help="list each document's own components")
    parser.add_argument("--write", action="store_true", help="write its section of bench/RESULTS.md")
    args = parser.parse_args()
    result = leave_one_document_out(args.corpus)
    print(report(result))
    if args.write:
        from bench.results import update_section

        update_section(
            "Victims' entitlements table: leave-one-document-out estimate (session 4)",
            f"{__doc__.split(chr(10) + chr(10) + '    python')[0].strip()}\n\n{BEFORE}\n\n{report(result)}",
            "python bench/victim_lodo.py --write",
        )
    if args.verbose:
        vocabulary = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))["victim_scope"]
        texts = {(key, index): text for key, index, text in components(vocabulary)}
        for document, row in result["per_document"].items():
            for name in row["components_only_it_justifies"]:
                key, index = name[:-1].split("[")
                print(document, name, texts[(key, int(index))][:120])


if __name__ == "__main__":
    main()
