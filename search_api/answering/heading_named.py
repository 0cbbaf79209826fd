"""An article named by its heading: "nghị định 56/2017 có một điều riêng về trách nhiệm của gia đình đối với trẻ em.
Điều đó gồm những trách nhiệm nào?" names Điều 56, "Trách nhiệm của gia đình", as surely as by its number (heldout33
was given the decree's clauses that share "gia đình" and "trách nhiệm" instead)."""

from __future__ import annotations

import re

from ingest.model import Article, Document
from search_api.answering.terms import folded

# "một điều (riêng) về …", "điều quy định về …", "điều nói về …": the words after it are the heading
_ARTICLE_ABOUT = re.compile(r"(?<!\w)dieu (?:\w+ ){0,2}?(?:ve|quy dinh ve|noi ve|co ten|ten la|tieu de) ")
HEADING_WORDS = 3  # a heading shorter than this ("Giải thích từ ngữ" has three) is said by chance too often


def article_named_by_heading(words: str, documents: list[Document]) -> tuple[Document, Article] | None:
    """The article of a named text whose whole heading the question says right after "điều (…) về"; of several,
    the longest heading."""
    starts = [match.end() for match in _ARTICLE_ABOUT.finditer(words)]
    if not starts:
        return None
    found: tuple[int, Document, Article] | None = None
    for document in documents:
        for article in document.articles:
            heading = folded(article.title or "")
            size = len(heading.split())
            if size < HEADING_WORDS or (found and size <= found[0]):
                continue
            if any(
                words.startswith(heading, start) and not words[start + len(heading) :][:1].isalnum() for start in starts
            ):
                found = (size, document, article)
    return (found[1], found[2]) if found else None
