"""Turn parsed Documents into analysed rows for any backend (the CPU-heavy stage of ingest)."""

from __future__ import annotations

from ingest.analysis import analyze
from ingest.answer_data import answer_data
from ingest.index_contract import AnalysedArticle, AnalysedDocument
from ingest.model import Article, Document


def article_heading(article: Article) -> str:
    """'Điều 32. Các chế độ hỗ trợ nạn nhân' (or just the title of a news report)."""
    if article.number:
        return f"Điều {article.number}. {article.title}".strip().rstrip(".")
    return article.title


def document_label(document: Document) -> str:
    """What a user calls the document: 'Nghị định 09/2013/NĐ-CP Hướng dẫn Luật ...'."""
    if document.type == "Tin tức":
        return f"{document.title} {document.publisher}".strip()
    return f"{document.type} {document.number} {document.title}".strip()


def analyse_document(document: Document) -> AnalysedDocument:
    doc_analysis = analyze(document_label(document))
    rows = [
        AnalysedArticle(
            article_id=article.id,
            article_number=article.number,
            article_title=article.title,
            path=list(article.path),
            text=article.text,
            head=analyze(article_heading(article)),
            body=analyze(article.text),
            doc=doc_analysis,
        )
        for article in document.articles
    ]
    return AnalysedDocument(document=document, articles=rows, answer_data=answer_data(document))
