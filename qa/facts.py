"""Facts a clause states: its timing and the bodies that lead or coordinate it.

The bodies come from a gazetteer of the Vietnamese political system's central
bodies (domain knowledge, not tied to one document) matched on folded text, so
the same list finds bodies in accent-free questions too.

>>> extract_facts("Ban Tuyên giáo Trung ương chủ trì phối hợp với Ban Tổ chức Trung ương hướng dẫn (tháng 12/2021).").lead
('Ban Tuyên giáo Trung ương',)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .datafiles import DATA, data_lines
from .text import fold
from .types import Facts



def _bodies() -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str]]:
    rows = [(kind.strip(), name.strip()) for kind, name in (line.split("\t") for line in data_lines(DATA / "bodies.tsv"))]
    named = tuple(name for kind, name in rows if kind != "generic")
    generic = tuple(name for kind, name in rows if kind == "generic")
    return named, generic, {name: kind for kind, name in rows if kind != "generic"}


# Bodies with a proper name, and the collective actors the genre names in lower case ("cấp ủy
# cấp trên"): qa/data/bodies.tsv; and the kind of each body with a name ("state", "party_group", …).
BODIES, GENERIC_ACTORS, _BODY_KIND = _bodies()


def _class_words() -> dict[str, tuple[str, ...]]:
    words: dict[str, list[str]] = {}
    for line in data_lines(DATA / "body_classes.tsv"):
        kind, phrase = line.split("\t", 1)
        words.setdefault(kind.strip(), []).append(phrase.strip())
    return {kind: tuple(found) for kind, found in words.items()}


_CLASS_WORDS = _class_words()


def class_words(body: str) -> tuple[str, ...]:
    """The words a Party document addresses every body of ``body``'s kind with (qa/data/body_classes.tsv):
    "Ủy ban nhân dân" → ("cơ quan nhà nước",); () for a body of no such kind."""
    return _CLASS_WORDS.get(_BODY_KIND.get(body, ""), ())


# A Party group leads the Party's work inside a state body or mass organisation: a task given
# to "Đảng đoàn Quốc hội" is how a Party document tasks the Quốc hội.
PARTY_GROUP_PREFIXES = ("Đảng đoàn", "Ban cán sự đảng", "Đảng ủy")


def party_groups(body: str) -> tuple[str, ...]:
    """The names ``body``'s Party group would have: "Quốc hội" → "Đảng đoàn Quốc hội", …"""
    return tuple(f"{p} {body}" for p in PARTY_GROUP_PREFIXES)


_BODY_KEYS = sorted(((fold(b), b) for b in BODIES), key=lambda kb: len(kb[0]), reverse=True)
_BODY_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k, _ in _BODY_KEYS) + r")(?!\w)")
_BODY_BY_KEY = dict(_BODY_KEYS)

_TIME_WORDS = re.compile(
    r"\b(thang|quy [ivx\d]|nam \d|nam thu|hang nam|thuong xuyen|dinh ky|nhiem ky|tuan|ngay \d|giai doan|"
    r"truoc ngay|tu nam|den nam|hang quy|hang thang|sau khi)\b"
)
_PAREN = re.compile(r"\(([^()]{2,200})\)")

# Words that open a predicate after a subject that names who acts.
_STRONG = re.compile(r"\s(chủ trì|chịu trách nhiệm|có trách nhiệm)\b")
_WEAK = re.compile(
    r"\s(tổ chức|căn cứ|hướng dẫn|chỉ đạo|lãnh đạo|thực hiện|triển khai|ban hành|xây dựng|tập trung|"
    r"rà soát|kiểm tra|giám sát|theo dõi|báo cáo|tham mưu)\b"
)
# "tổ chức" is a noun in "tổ chức đảng", "các tổ chức chính trị - xã hội", "cơ quan, tổ chức".
_NOUN_TO_CHUC = re.compile(r"^tổ chức(\s+(đảng|chính trị|quần chúng|cá nhân|có)|\s*[,;.]|\s+và\b|$)")
_SUBJECT_START = re.compile(
    r"^(Các|Ban|Bộ|Ủy ban|Đảng đoàn|Đảng ủy|Văn phòng|Mặt trận|Quốc hội|Chính phủ|Cấp ủy|Tỉnh ủy|Thành ủy|"
    r"Lãnh đạo|Người đứng đầu|Thường trực|Hội đồng|Tòa án|Viện|Thủ tướng|Kiểm toán|Thanh tra)\b"
)
_SENTENCE = re.compile(r"(?<=[.;!?])\s+")


@dataclass(frozen=True)
class BodyMention:
    name: str  # canonical spelling from the gazetteer
    start: int
    end: int


def find_bodies(text: str) -> list[BodyMention]:
    """Gazetteer bodies named in the text (accents optional), longest match first.

    Folding keeps string length for Vietnamese letters, so offsets map back to ``text``.
    """
    folded = fold(text)
    if len(folded) != len(text):  # a character folded to several; fall back to no offsets
        return [BodyMention(_BODY_BY_KEY[m.group(1)], 0, 0) for m in _BODY_RE.finditer(folded)]
    return [BodyMention(_BODY_BY_KEY[m.group(1)], m.start(), m.end()) for m in _BODY_RE.finditer(folded)]


_ACTOR_KEYS = sorted({fold(a) for a in (*BODIES, *GENERIC_ACTORS)}, key=len, reverse=True)
_ACTOR_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in _ACTOR_KEYS) + r")(?!\w)")


def find_actors(text: str) -> tuple[str, ...]:
    """Bodies and collective actors named in the text, in the text's own words and order."""
    folded = fold(text)
    if len(folded) != len(text):
        return ()
    seen: dict[str, None] = {}
    for m in _ACTOR_RE.finditer(folded):
        seen.setdefault(text[m.start():m.end()], None)
    return tuple(seen)


def _places() -> list[str]:
    lines = data_lines(DATA / "places.tsv")
    return sorted({fold(p.strip()) for ln in lines for p in ln.split("|") if p.strip()}, key=len, reverse=True)


_PLACE_NAMES = "|".join(re.escape(p) for p in _places())  # folded, longest first
_LOCAL_BODY = re.compile(
    r"(?<!\w)((?:ban (?:thuong vu|tuyen giao|to chuc|dan van|noi chinh) |uy ban kiem tra )?"
    r"(?:tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang uy|dang bo|uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd"
    rf"|cong an|so [a-z]+)(?: tinh| thanh pho| tp)? (?:{_PLACE_NAMES}))(?!\w)")


# a province or city that opens a question as who acts ("Hải Phòng tổ chức quán triệt … hôm nào?", "Sóc Trăng
# đã học xong chưa?"): its own bodies' work, as a body of one place is
_PLACE_ACTS = re.compile(rf"^\W*({_PLACE_NAMES})(?= (?:da |co |phai |se |dang )?"
                         r"(?:to chuc|hoc|quan triet|trien khai|thuc hien|lam|ban hanh|xong)\b)")


def place_bodies(text: str) -> tuple[str, ...]:
    """Bodies of one province or city ("Tỉnh ủy Nghệ An", "UBND TP Hồ Chí Minh"), as written, and a
    province or city that opens the text as the one that acts ("Hải Phòng tổ chức …").

    Folding keeps an NFC text's length, so a match on the folded text cuts the original.
    """
    folded = fold(text)
    acting = _PLACE_ACTS.match(folded) if len(folded) == len(text) else None
    found = [text[m.start():m.end()] for m in _LOCAL_BODY.finditer(folded)]
    return tuple(dict.fromkeys(found + ([text[acting.start(1):acting.end(1)]] if acting else [])))


def body_names(text: str) -> tuple[str, ...]:
    """Distinct gazetteer bodies in order of first mention."""
    seen: dict[str, None] = {}
    for m in find_bodies(text):
        seen.setdefault(m.name, None)
    return tuple(seen)


def find_timings(text: str) -> tuple[str, ...]:
    """Parenthesised time expressions, verbatim without the brackets."""
    out = []
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        if _TIME_WORDS.search(fold(inner)) or re.search(r"\b(19|20)\d\d\b", inner):
            out.append(inner)
    return tuple(out)


def _split_subject(subject: str) -> tuple[str, ...]:
    """'Bộ Chính trị, Ban Bí thư' → two bodies; any other phrase stays whole."""
    parts = [p.strip() for p in re.split(r",\s*|\s+và\s+", subject) if p.strip()]
    names = [body_names(p) for p in parts]
    if parts and all(len(n) == 1 and fold(n[0]) == fold(p) for n, p in zip(names, parts)):
        return tuple(n[0] for n in names)
    return (subject.strip(),)


def _subject(sentence: str) -> str | None:
    """The phrase before the predicate when it names who acts, else None."""
    if not _SUBJECT_START.match(sentence) and not (find_bodies(sentence[:80]) and find_bodies(sentence)[0].start == 0):
        return None
    strong = _STRONG.search(sentence)
    if strong:
        return sentence[: strong.start()].strip(" ,")
    for m in _WEAK.finditer(sentence):
        if m.group(1) == "tổ chức" and _NOUN_TO_CHUC.match(sentence[m.start(1):]):
            continue
        prefix = sentence[: m.start()].strip(" ,")
        if prefix and (find_bodies(prefix) or _SUBJECT_START.match(prefix)):
            return prefix
        return None
    return None


def extract_facts(text: str, inherited_lead: tuple[str, ...] = ()) -> Facts:
    """Timing and bodies of one clause; ``inherited_lead`` applies when the clause names no lead."""
    lead: list[str] = []
    coordinate: list[str] = []
    for sentence in _SENTENCE.split(text):
        lower = sentence
        chu_tri = lower.find("chủ trì")
        if chu_tri > 0:
            for b in find_bodies(sentence[:chu_tri]):
                if b.name not in lead:
                    lead.append(b.name)
        phoi_hop = lower.find("phối hợp")
        if phoi_hop >= 0:
            tail = sentence[phoi_hop:]
            # The coordinators run from "phối hợp (với)" up to the next verb phrase.
            for b in find_bodies(tail):
                if b.name not in coordinate and b.name not in lead:
                    coordinate.append(b.name)
        if not lead:
            subject = _subject(sentence)
            if subject:
                lead.extend(x for x in _split_subject(subject) if x not in lead)
    inherited = False
    if not lead and inherited_lead:
        lead = list(inherited_lead)
        inherited = True
    return Facts(
        timings=find_timings(text),
        lead=tuple(lead),
        coordinate=tuple(coordinate),
        bodies=body_names(text),
        lead_inherited=inherited,
    )
