"""The reading list as files to take away: Markdown and Word (.docx), same citations as the page."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

TITLE = "Danh sách đọc"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md_escape(text: str) -> str:
    """Legal text taken literally: no emphasis, links or raw HTML when the file is rendered."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown(items: list[dict[str, Any]], site: str) -> str:
    lines = [f"# {TITLE}", "", f"{len(items)} điều, xuất ngày {date.today():%d/%m/%Y} từ vnlex.", ""]
    for item in items:
        lines += [f"## {_md_escape(item['citation'])}", "", f"**{_md_escape(item['heading'])}**", ""]
        for line in item["lines"]:
            # A blank line between paragraphs keeps clauses apart in every Markdown renderer.
            lines += [_md_escape(line), ""]
        lines += [f"Nguồn: <{site}{item['url']}>", ""]
    return "\n".join(lines).rstrip() + "\n"


def docx_bytes(items: list[dict[str, Any]], site: str) -> bytes:
    from docx import Document as WordDocument

    word = WordDocument()
    word.core_properties.title = TITLE
    word.core_properties.language = "vi-VN"
    word.add_heading(TITLE, level=0)
    word.add_paragraph(f"{len(items)} điều, xuất ngày {date.today():%d/%m/%Y} từ vnlex.")
    for item in items:
        word.add_heading(item["citation"], level=2)
        word.add_paragraph().add_run(item["heading"]).bold = True
        for line in item["lines"]:
            word.add_paragraph(line)
        source = word.add_paragraph()
        source.add_run(f"Nguồn: {site}{item['url']}").italic = True
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
