"""Whether a cue is said of the case or denied by it ("không đưa ra nước ngoài", "chưa có tổ chức"), on the folded
question; cues.py re-exports `affirmed`."""

from __future__ import annotations

import re

# "không đưa ra nước ngoài", "chưa có tổ chức", "không phải đường dây", "không nhằm giao cấu": the question denies it;
# "không bị bắt làm việc hay bị bán cho ai": the denial runs on after "hay"/"hoặc" (heldout16 was given Điều 297/150)
_DENIED_BEFORE = re.compile(
    r"(?<!\w)(?:khong|chua|chang|ko)(?: (?:phai|co|he|bi|duoc|dua|dem|ban|lam|vi|nham))*"
    r"(?:(?: \w+){1,4} (?:hay|hoac)(?: (?:bi|la|co|duoc|phai))?)?$"
)


# Folded, "chứa" (to keep: "chứa mại dâm", "chứa chấp") is "chua", as "chưa" (not yet) is: no denial
_HARBOURING = re.compile(r"(?:mai dam|chap)(?!\w)")


def affirmed(cue: re.Pattern, words: str) -> bool:
    """Whether a cue occurs in the folded question other than denied."""
    return any(
        not _DENIED_BEFORE.search(before := words[: match.start()].rstrip())
        or (before.endswith(" chua") and _HARBOURING.match(words, match.start()))
        for match in cue.finditer(words)
    )
