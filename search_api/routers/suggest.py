"""GET /api/suggest: completions for document numbers, titles and common terms as the user types."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request

from ingest.numbers import slug
from ingest.textnorm import fold
from search_api.deps import state

router = APIRouter(tags=["suggest"])
ABBREVIATIONS = Path(__file__).resolve().parents[2] / "corpus" / "abbreviations.tsv"


@lru_cache(maxsize=1)
def common_terms() -> list[str]:
    """Expansions from the project's abbreviation dictionary: the domain's vocabulary."""
    if not ABBREVIATIONS.exists():
        return []
    terms = []
    for line in ABBREVIATIONS.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1] and "/" not in parts[1]:
            terms.append(parts[1])
    return sorted(set(terms))


def _key(text: str) -> str:
    return " ".join(fold(text).lower().split())


@router.get("/suggest")
def suggest(
    request: Request, q: Annotated[str, Query(max_length=200)] = "", limit: Annotated[int, Query(ge=1, le=20)] = 8
) -> dict:
    wanted = _key(q)
    if len(wanted) < 2:
        return {"query": q, "suggestions": []}
    suggestions = []
    for number, type_, title in state(request).search.known_documents():
        label = f"{type_} {number} {title}".strip()
        haystack = _key(label)
        if _key(number).startswith(wanted) or wanted in haystack:
            suggestions.append({"kind": "document", "text": label, "number": number, "slug": slug(number)})
    for term in common_terms():
        if _key(term).startswith(wanted) or f" {wanted}" in f" {_key(term)}":
            suggestions.append({"kind": "term", "text": term})
    # Number matches first: users type "09/2013" expecting that decree.
    suggestions.sort(
        key=lambda s: (s["kind"] != "document" or not _key(s.get("number", "")).startswith(wanted), len(s["text"]))
    )
    return {"query": q, "suggestions": suggestions[:limit]}
