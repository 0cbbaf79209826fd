"""The title of a text the question names describes that text; its words ask nothing.

"NĐ 37/2018 Đ3: việc giám sát, giáo dục người dưới 18t phạm tội được miễn TNHS phải theo những nguyên tắc nào?":
"người dưới 18 tuổi phạm tội được miễn trách nhiệm hình sự" is the decree's own title (its subject), not a penalty
asked; the question asks what its Điều 3 says (heldout17 was answered with BLHS Điều 91). An intent cue that matches
only inside words the question shares with the named text's title, in a run long enough to be the title quoted
rather than a coincidence, is not read.
"""

from __future__ import annotations

import re

from search_api.answering.asking import expanded_text
from search_api.answering.terms import word_runs

# six syllables in a row: "phạm tội được miễn trách nhiệm" is a title quoted; "trợ giúp pháp lý" (four) is one term
# that half the legal-aid texts name in their titles
_RUN = 6


def title_spans(words: str, doc_numbers: list[str], known_documents: list[tuple[str, str, str]]) -> list[range]:
    """The character ranges of `words` (folded, as expanded_text gives them) in runs of six or more syllables that
    the title of a named document also has."""
    titles = [title for number, _, title in known_documents if number in doc_numbers and title]
    if not titles:
        return []
    shared = set().union(*(word_runs(expanded_text(title).split(), _RUN) for title in titles))
    tokens = [(match.start(), match.end(), match.group()) for match in re.finditer(r"\S+", words)]
    spans: list[range] = []
    for i in range(len(tokens) - _RUN + 1):
        if tuple(token for _, _, token in tokens[i : i + _RUN]) in shared:
            begin, end = tokens[i][0], tokens[i + _RUN - 1][1]
            if spans and spans[-1].stop >= begin:
                begin = spans.pop().start
            spans.append(range(begin, end))
    return spans


def cued_outside(cue: re.Pattern[str], words: str, spans: list[range]) -> bool:
    """Whether `cue` matches `words` anywhere but wholly inside a quoted title ("ngày ký … của TTLT … về … biên chế các
    TT TGPL là ngày nào" runs through a title into the question and still asks)."""
    return any(
        not any(match.start() >= span.start and match.end() <= span.stop for span in spans)
        for match in cue.finditer(words)
    )
