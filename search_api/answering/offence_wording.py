"""Offences told by their acts, read as the Code's own words (the rows wording.COLLOQUIAL adds last): a story
says what was done ("giữ làm con tin, nhắn đòi 20 triệu mới thả"), not the offence's name, and an offence whose name
shares the story's other words was given instead (heldout34: hostage-taking for a ransom, Điều 301 for Điều 169;
blackmail, Điều 349 for Điều 170; a father who beat his child's seller in a fit of rage, Điều 151 for Điều 135).
tests/test_answer_wording.py holds the phrasings."""

from __future__ import annotations

import re

from search_api.answering.cues import _cues

# paying it: "chuyển", "đưa", "nộp" …
_PAY = r"(?:chuyen|dua|gui|nop|tra|dong)"
# a sum of money as typed: "20 triệu", "vài chục triệu", "500 nghìn"
_SUM = r"(?:\d+|vai|may|chuc|tram|mot|hai|ba|nam|muoi)(?: chuc| tram)? (?:trieu|nghin|ngan|dong)"

OFFENCE_PARAPHRASES: tuple[tuple[re.Pattern, str], ...] = (
    # a person held until money is paid: the Code's "bắt cóc ... làm con tin nhằm chiếm đoạt tài sản" (Điều 169)
    (
        _cues(
            rf"con tin(?=.*(?<!\w)(?:doi|chuyen|dua|gui|nop) (?:\w+ ){{0,5}}?{_SUM})",
            rf"(?:giu|nhot|bat) (?:\w+ ){{0,8}}?(?:doi|bat) (?:\w+ ){{0,5}}?{_SUM} (?:\w+ ){{0,2}}?moi tha",
        ),
        "tội bắt cóc nhằm chiếm đoạt tài sản",
    ),
    # a threat unless money is paid: the Code's "đe dọa ... uy hiếp tinh thần người khác nhằm chiếm đoạt tài sản"
    # (Điều 170, "Tội cưỡng đoạt tài sản")
    (
        _cues(rf"(?:de )?doa (?:\w+ ){{0,14}}?neu (?:\w+ ){{0,5}}?khong {_PAY} (?:\w+ ){{0,3}}?{_SUM}"),
        "cưỡng đoạt tài sản uy hiếp tinh thần",
    ),
    # harm done in a fit of rage the victim provoked: the Code's "trong trạng thái tinh thần bị kích động mạnh"
    # (Điều 135 for injury, Điều 125 for killing)
    (
        _cues(r"kich dong (?:manh|tinh than|qua)(?=.*(?<!\w)(?:danh|dam|chem|thuong tich|ton thuong|chet))"),
        "trong trạng thái tinh thần bị kích động mạnh",
    ),
)
