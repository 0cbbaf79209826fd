"""The abbreviation table (corpus/abbreviations.tsv) and the expansions of the abbreviations a query types.

Each row is an abbreviation, its expansion and its kind: a term ("mbn" = "mua bán người"), an
issuer or a document type code, or a law alias ("luật PCMBN", whose expansion lists the numbers of
the laws it names, resolved by search_api.query_intent). Rows are matched on the folded, lower-case
copy of the query, with any spacing or punctuation between their words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.textnorm import fold, nfc

ABBREVIATIONS_FILE = Path(__file__).resolve().parents[1] / "corpus" / "abbreviations.tsv"
ABBREVIATION_KINDS = ("term", "issuer", "doc_type", "law_alias")


@dataclass(frozen=True)
class Abbreviation:
    abbreviation: str
    expansion: str
    kind: str
    pattern: re.Pattern


def _phrase_pattern(phrase: str) -> re.Pattern:
    """Regex for a phrase on folded text: any case, and any spacing or punctuation between its words."""
    words = re.findall(r"\w+", fold(phrase).lower())
    return re.compile(r"(?<!\w)" + r"[\s,.\-–]*".join(map(re.escape, words)) + r"(?!\w)")


@lru_cache(maxsize=4)
def load_abbreviations(path: Path = ABBREVIATIONS_FILE) -> tuple[Abbreviation, ...]:
    rows = []
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines()[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[2] not in ABBREVIATION_KINDS or not parts[0] or not parts[1]:
            raise ValueError(f"{path}:{line_number}: expected 'abbreviation<TAB>expansion<TAB>kind', got {line!r}")
        rows.append(Abbreviation(nfc(parts[0]), nfc(parts[1]), parts[2], _phrase_pattern(parts[0])))
    # Longest first, so "luật pcmbn" is found before "pcmbn" and "nđ-cp" before "nđ".
    return tuple(sorted(rows, key=lambda row: -len(row.abbreviation)))


def _words_key(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", fold(text).lower())) + " "


@lru_cache(maxsize=4096)
def _expansion_key(expansion: str) -> str:
    # An abbreviation table's expansions are fixed: their keys are computed once, not per query.
    return _words_key(expansion)


def expansions(folded_rest: str, abbreviations: tuple[Abbreviation, ...]) -> list[str]:
    """Expansions of the abbreviations typed outside document numbers, each once.

    A row's expansion is skipped when the text already says it, and a shorter code
    inside a longer one already expanded ("nđ" in "nđ-cp") is not expanded again."""
    found: list[str] = []
    rest_key = _words_key(folded_rest)  # recomputed only when the text changes (a match is blanked)
    for row in abbreviations:
        if row.kind == "law_alias":
            continue
        if _expansion_key(row.expansion) in rest_key:
            continue
        match = row.pattern.search(folded_rest)
        if match:
            found.append(row.expansion)
            folded_rest = (
                folded_rest[: match.start()] + " " * (match.end() - match.start()) + folded_rest[match.end() :]
            )
            rest_key = _words_key(folded_rest)
    return list(dict.fromkeys(found))
