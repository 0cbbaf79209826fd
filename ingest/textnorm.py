"""Unicode normalisation and diacritic folding: the lowest layer of Vietnamese analysis."""

from __future__ import annotations

import re
import unicodedata

_COMBINING = re.compile(r"[\u0300-\u036f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


def nfc(text: str) -> str:
    """NFC-normalise; some corpus texts and PDFs come in decomposed form."""
    return unicodedata.normalize("NFC", text)


def clean_spaces(text: str) -> str:
    """Collapse runs of spaces/nbsp inside lines and strip each line; keep line breaks."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(lines)


def fold(text: str) -> str:
    """Remove Vietnamese diacritics, including đ→d, so 'Nghị định' and 'nghi dinh' meet."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", _COMBINING.sub("", decomposed))


def has_diacritics(text: str) -> bool:
    return fold(text) != text
