"""News reports scraped as page text: keep the article, drop the site chrome.

Scraped pages mix the report with menus, breadcrumbs, "Tin khác" link lists,
visitor counters, login prompts and footers, in a different arrangement on every
site. Rather than rules per site, the parser relies on what an article looks like:

- body paragraphs are prose: several words ending like a sentence. The body runs
  from the first prose paragraph to the last one, so menus and headings above it
  and bylines, tags and sidebars below it fall away on their own;
- a related-links section ("Tin khác", "Tin liên quan", ...) ends the article even
  if one of its headlines happens to end like a sentence;
- inside the body, lines that are plainly chrome (image placeholders, counters,
  login prompts) are dropped, while photo captions are kept as article text;
- the title is the heading just above the date line (or the most headline-like
  line above the body), the date comes from a short line near it, and the
  publisher only from what the page says about itself.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.errors import IngestError
from ingest.model import Article, Document
from ingest.numbers import parse_date
from ingest.textnorm import clean_spaces, fold, nfc

NEWS_TYPE = "Tin tức"
BODY_ID = "noi_dung"

# Source tags written at the start of a lead, "(LĐXH) - ...", that name a publisher.
# Only tags whose meaning is certain; any other tag that looks like a domain is kept as written.
KNOWN_SOURCE_TAGS = {
    "LĐXH": "Báo Lao động và Xã hội",
    "TTXVN": "Thông tấn xã Việt Nam",
    "VOV": "Đài Tiếng nói Việt Nam",
    "VTV": "Đài Truyền hình Việt Nam",
    "CAND": "Báo Công an nhân dân",
    "QĐND": "Báo Quân đội nhân dân",
    "Chinhphu.vn": "Cổng Thông tin điện tử Chính phủ",
}

# Headings of the link lists and sidebars that follow an article (compared folded, lower case).
_SECTION_MARKERS = {
    "tin khac",
    "cac tin khac",
    "tin lien quan",
    "cac tin lien quan",
    "bai viet lien quan",
    "bai viet cung chuyen muc",
    "tin cung chuyen muc",
    "cung chuyen muc",
    "bai viet khac",
    "cac bai viet khac",
    "tin moi",
    "tin moi nhat",
    "tin da dua",
    "tin moi hon",
    "tin cu hon",
    "xem them",
    "doc them",
    "danh sach bai viet cu",
    "binh luan",
    "y kien ban doc",
    "gui binh luan",
    "thong ke truy cap",
    "lien ket website",
    "video tuyen truyen",
    "thong tin tra cuu",
}
# Words of navigation menus; a short line made of several of them is a menu.
_MENU_WORDS = (
    "trang chu",
    "gop y",
    "so do trang",
    "lien he",
    "gioi thieu",
    "dang nhap",
    "dang ky",
    "tim kiem",
    "english",
    "hoi dap",
    "rss",
)
_CHROME_RES = [
    re.compile(r"^skip (?:ribbon|to|navigation)\b", re.I),  # accessibility links of portals
    re.compile(r"^(?:sign in|sign out|log ?in|đăng nhập|đăng xuất|đăng ký)$", re.I),
    re.compile(
        r"trạng thái đăng nhập|vui lòng đăng nhập|bạn (?:cần|phải|chưa) đăng nhập|thời gian chờ:?\s*\d+\s*giây", re.I
    ),  # session / login prompts
    re.compile(r"©|\bcopyright\b|\ball rights reserved\b|^bản quyền|ghi rõ nguồn|giấy phép số", re.I),
    re.compile(r"^(?:tags?|từ khóa|từ khoá)\s*:", re.I),
    re.compile(
        r"^(?:[•·\-*]\s*)?(?:đang online|hôm nay|hôm qua|trong tuần|trong tháng|tất cả|tổng cộng"
        r"|lượt xem|lượt truy cập|số lượt truy cập|đang truy cập)\s*:\s*[\d.,]+$",
        re.I,
    ),
    re.compile(r"^(?:image|photo|ảnh|anh|hình|hinh)(?:\s+\w+){0,3}$", re.I),  # image alt text / placeholders
    re.compile(r"^(?:chia sẻ|in bài|gửi bài|lưu bài|bản in|quay lại|về đầu trang|lên đầu trang)\b.{0,20}$", re.I),
]
_BREADCRUMB_RE = re.compile(r"\s(?:/|>|»|›)\s")
_WELCOME_RE = re.compile(r"^(?P<site>.{4,80}?)\s+(?:kính chào|xin chào|chào mừng)\s+(?:quý|bạn)", re.I)
_COPYRIGHT_OWNER_RE = re.compile(r"bản quyền (?:thuộc về|của)\s+(?P<site>[^.;,|©]{4,80})", re.I)
_LEAD_TAG_RE = re.compile(r"^\((?P<tag>[^()\s]{2,30})\)\s*[-–—:]?\s*")
_DOMAIN_RE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|info)$", re.I)
_SENTENCE_END_RE = re.compile(r"(?:[.…;:]|\./\.)[\"”’')\]]*$")
_CLOSING_CHARS = "\"”’')]"

MIN_PROSE_WORDS = 8  # a body paragraph says something; headlines in link lists rarely end with '.'
LONG_PROSE_WORDS = 40  # so long that it is prose whatever its last character
MAX_DATE_LINE_WORDS = 12  # "Thứ năm - 16/07/2015 17:00 88 0", "(Cập nhật lúc: 08/10/2019 16:16:13 )"
MAX_TITLE_CHARS = 300


def parse_news(path: Path, data: bytes) -> list[Document]:
    lines = _lines(_decode(data))
    if not lines:
        raise IngestError("empty file")
    lines = _cut_at_section_marker(lines)
    prose = [i for i, line in enumerate(lines) if _is_prose(line, lines, i)]
    if not prose:
        raise IngestError("no article text found: no paragraph of running text in this news page")
    first, last = prose[0], prose[-1]
    header, tail = lines[:first], lines[last + 1 :]
    body = [line for line in lines[first : last + 1] if not _is_chrome(line)]

    title = _title(header) or _first_sentence(body[0])
    document = Document(
        number=f"news:{path.stem}",
        type=NEWS_TYPE,
        title=title,
        issued=_issued(header) or _issued(tail),
        source_file=str(path),
        publisher=_publisher(body[0], header + tail),
        status="",
    )
    document.articles = [Article(number="", title=title, text="\n".join(body), id=BODY_ID, path=[])]
    return [document]


def _decode(data: bytes) -> str:
    if not data.strip():
        raise IngestError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise IngestError(f"cannot decode text as {encoding.upper()} (byte {error.start})") from error
    if "\x00" in text:
        raise IngestError("not a text file: contains NUL characters")
    return nfc(text)


def _lines(text: str) -> list[str]:
    """Non-empty lines, with a line that was merely wrapped mid-sentence joined back to the previous one."""
    out: list[str] = []
    previous_blank = True
    for line in clean_spaces(text).split("\n"):
        if not line:
            previous_blank = True
            continue
        wrapped = (
            not previous_blank
            and out
            and line[0].islower()
            and not _SENTENCE_END_RE.search(out[-1])
            and not _is_chrome(out[-1])
        )
        if wrapped:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        previous_blank = False
    return out


def _key(line: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold(line).lower()).split())


def _cut_at_section_marker(lines: list[str]) -> list[str]:
    """Everything from the first related-links/sidebar heading after the article starts is chrome."""
    seen_prose = False
    for i, line in enumerate(lines):
        if seen_prose and _key(line) in _SECTION_MARKERS:
            return lines[:i]
        seen_prose = seen_prose or _is_prose(line, lines, i)
    return lines


def _words(line: str) -> int:
    return len(line.split())


def _is_date_line(line: str) -> bool:
    return _words(line) <= MAX_DATE_LINE_WORDS and (
        parse_date(line) is not None or re.search(r"\b\d{1,2}/\d{1,2}/\d{4}\b", line) is not None
    )


def _is_prose(line: str, lines: list[str], index: int) -> bool:
    if _is_chrome(line):
        return False
    # A heading directly above the date line is the title, whatever it ends with.
    if index + 1 < len(lines) and _is_date_line(lines[index + 1]) and index < 5:
        return False
    words = _words(line)
    return words >= LONG_PROSE_WORDS or (words >= MIN_PROSE_WORDS and bool(_SENTENCE_END_RE.search(line)))


def _is_chrome(line: str) -> bool:
    key = _key(line)
    if any(regex.search(line) for regex in _CHROME_RES):
        return True
    if _words(line) <= 20 and sum(word in key for word in _MENU_WORDS) >= 2:
        return True
    # "Trang chủ / Xã hội / Phòng, chống TNXH"
    return (
        len(_BREADCRUMB_RE.findall(line)) >= 2
        or key.startswith("trang chu ")
        and _BREADCRUMB_RE.search(line) is not None
    )


def _title(header: list[str]) -> str:
    breadcrumb_parts = {
        _key(part) for line in header if _BREADCRUMB_RE.search(line) for part in _BREADCRUMB_RE.split(line)
    }
    candidates = []
    for i, line in enumerate(header):
        if _is_chrome(line) or _is_date_line(line) or _key(line) in breadcrumb_parts or _WELCOME_RE.search(line):
            continue
        followed_by_date = i + 1 < len(header) and _is_date_line(header[i + 1])
        candidates.append((followed_by_date, _words(line), line))
    if not candidates:
        return ""
    # The heading just above the date wins; otherwise the longest heading (category lines are short).
    return max(candidates)[2][:MAX_TITLE_CHARS]


def _first_sentence(paragraph: str) -> str:
    paragraph = _LEAD_TAG_RE.sub("", paragraph)
    match = re.match(r"(.{20,}?[.!?…])(?:\s|$)", paragraph)
    sentence = match.group(1) if match else paragraph
    return sentence[:MAX_TITLE_CHARS]


def _issued(lines: list[str]):
    for line in lines:
        if _is_date_line(line):
            found = parse_date(line)
            if found:
                return found
    return None


def _publisher(lead: str, chrome: list[str]) -> str:
    """Publisher as the page names it: the lead's source tag, else the site's own name; never a guess."""
    match = _LEAD_TAG_RE.match(lead)
    if match:
        tag = match.group("tag")
        if tag in KNOWN_SOURCE_TAGS:
            return KNOWN_SOURCE_TAGS[tag]
        if _DOMAIN_RE.match(tag):
            return tag
    for line in chrome:
        for regex in (_COPYRIGHT_OWNER_RE, _WELCOME_RE):
            found = regex.search(line)
            if found:
                return found.group("site").strip(" -–:!")
    return ""
