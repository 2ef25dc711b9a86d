"""Document text → citable clauses in the document's own numbering.

Handles the genre of Party plans, resolutions and conclusions (metadata block,
header, preamble, Roman sections ``I-``, numbered items ``1.``, lettered points
``a)``, bullets ``-``) and decrees (``Chương``, ``Điều``, khoản, điểm).

>>> doc = parse_text(open("corpus/ke-hoach-03-KH-TW-2021.txt").read(), source="ke-hoach.txt")
>>> [c.ref for c in doc.clauses][:4]
['title', 'meta', 'header', 'preamble']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .facts import extract_facts
from .reader import DEFAULT_MAX_BYTES, ParseError, read_text  # noqa: F401 - ParseError re-exported
from .text import fold, normalize
from .types import Clause, Document, Facts

METADATA_KEYS = (
    "Số hiệu", "Ngày ban hành", "Ngày có hiệu lực", "Loại văn bản", "Cơ quan ban hành", "Người ký",
    "Lĩnh vực", "Tình trạng", "Ngày công báo", "Số công báo", "Nơi ban hành",
)
_META = re.compile(r"^(" + "|".join(METADATA_KEYS) + r")\s*:?\s+(.+)$")
_ROMAN = re.compile(r"^([IVXL]{1,6})\s*[-.–:]\s*(\S.*)$")
_CHAPTER = re.compile(r"^(Chương|CHƯƠNG)\s+([IVXL\d]+)\b\.?\s*(.*)$")
_ARTICLE = re.compile(r"^Điều\s+(\d+[a-z]?)\s*[.:]?\s*(.*)$")
_NUMBERED = re.compile(r"^(\d{1,2})\s*[.)]\s+(\S.*)$")
_LETTERED = re.compile(r"^([a-zđ])\s*[).]\s+(\S.*)$")
_BULLET = re.compile(r"^[-–—•+*]\s*(\S.*)$")
_SEPARATOR = re.compile(r"^[-_=*.\s]{3,}$")
_TRUNCATED = re.compile(r"^\[\s*(\.\.\.|…)\s*\]$")
_DOC_NUMBER = re.compile(r"\b(\d+[-/][A-ZĐ]{1,6}(?:/[A-ZĐ]{1,6})*)\b")
_DOC_TYPES = ("KẾ HOẠCH", "NGHỊ QUYẾT", "KẾT LUẬN", "QUYẾT ĐỊNH", "NGHỊ ĐỊNH", "CHỈ THỊ", "THÔNG TƯ",
              "LUẬT", "QUY ĐỊNH", "HƯỚNG DẪN", "THÔNG BÁO", "CHƯƠNG TRÌNH", "ĐỀ ÁN")
_PLACE_DATE = re.compile(r"^[^,]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}$")
# Words kept capitalised when a heading in capitals is put in sentence case.
_PROPER = ("Trung ương", "Đảng", "Nhà nước", "Quốc hội", "Chính phủ", "Việt Nam", "Mặt trận Tổ quốc",
           "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành", "Hồ Chí Minh", "Kết luận", "Nghị quyết")


def _is_upper(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def sentence_case(heading: str) -> str:
    """'MỤC ĐÍCH, YÊU CẦU' → 'Mục đích, yêu cầu', keeping proper names capitalised."""
    if not _is_upper(heading):
        return heading
    text = heading.lower()
    text = text[:1].upper() + text[1:]
    for proper in _PROPER:
        low = proper.lower()
        text = re.sub(rf"(?<!\w){re.escape(low)}(?!\w)", proper, text)
    # "Đảng" the Party, but "đảng đoàn", "đảng ủy", "ban cán sự đảng" stay lower case.
    text = re.sub(r"Đảng(?= (đoàn|ủy|viên|bộ|trực))", "đảng", text)
    text = re.sub(r"(?<=sự )Đảng", "đảng", text)
    return text[:1].upper() + text[1:]


@dataclass
class _Node:
    ref: str
    label: str
    kind: str
    headings: tuple[str, ...]
    parts: list[str]
    lead: tuple[str, ...] = ()  # lead its children inherit
    children: int = 0
    letters: int = 0
    facts: Facts | None = None
    extra: dict = field(default_factory=dict)


def _item_word(section_title: str) -> str:
    f = fold(section_title)
    if f.startswith("nhiem vu") and "cua" not in f.split()[:3]:
        return "nhiệm vụ"
    if f.startswith("giai phap"):
        return "giải pháp"
    return "điểm"


def _heading_like(text: str, next_line: str | None) -> bool:
    """A numbered line that names a body or topic and heads the bullets below it."""
    words = text.split()
    return (
        len(words) <= 14
        and not text.rstrip().endswith((".", ";", ":", ")", ","))
        and next_line is not None
        and bool(_BULLET.match(next_line) or _LETTERED.match(next_line))
    )


def parse_text(text: str, source: str = "<text>", doc_id: str | None = None) -> Document:
    """Parse one document's text. Raises ParseError when it holds no text."""
    text = normalize(text)
    if not text.strip():
        raise ParseError(f"{source}: văn bản trống")
    raw_lines = text.split("\n")
    # Paragraphs: non-empty lines; a line that continues without a blank line and
    # without a marker joins the paragraph above (wrapped text).
    paras: list[str] = []
    prev_blank = True
    for line in raw_lines:
        if not line.strip():
            prev_blank = True
            continue
        marker = any(p.match(line) for p in (_ROMAN, _CHAPTER, _ARTICLE, _NUMBERED, _LETTERED, _BULLET,
                                            _META, _SEPARATOR, _TRUNCATED))
        if paras and not prev_blank and not marker and not _is_upper(line) and not _is_upper(paras[-1]) \
                and not _META.match(paras[-1]):
            paras[-1] = paras[-1] + " " + line.strip()
        else:
            paras.append(line.strip())
        prev_blank = False

    metadata: dict[str, str] = {}
    meta_lines: list[str] = []
    header: list[str] = []
    preamble: list[str] = []
    title_line = ""
    i = 0
    # --- front matter: a title line, metadata, header block, preamble
    def structural(p: str) -> bool:
        return bool(_ROMAN.match(p) and _is_upper(_ROMAN.match(p).group(2))) or bool(_CHAPTER.match(p) or _ARTICLE.match(p))

    if paras and not _META.match(paras[0]) and not _is_upper(paras[0]) and not structural(paras[0]) \
            and len(paras) > 1 and _META.match(paras[1]):
        title_line = paras[0]
        i = 1
    while i < len(paras) and _META.match(paras[i]):
        key, value = _META.match(paras[i]).groups()
        metadata[key] = value.strip()
        meta_lines.append(paras[i])
        i += 1
    while i < len(paras) and not structural(paras[i]):
        p = paras[i]
        if _SEPARATOR.match(p):
            i += 1
            continue
        if not preamble and (_is_upper(p) or p.startswith("Số:") or p.startswith("Số ") and len(p) < 40
                             or _PLACE_DATE.match(p)):
            header.append(p)
        else:
            preamble.append(p)
        i += 1

    # --- identity
    number = metadata.get("Số hiệu")
    if not number:
        for p in header[:6]:
            m = _DOC_NUMBER.search(p)
            if m and (p.startswith("Số") or len(p) < 40):
                number = m.group(1)
                break
    doc_id = doc_id or number or Path(source).stem
    title = title_line
    if not title:
        for k, p in enumerate(header):
            if p.strip() in _DOC_TYPES:
                title = sentence_case(" ".join([p] + [h for h in header[k + 1:] if _is_upper(h)]))
                break
    title = title or doc_id

    clauses: list[Clause] = []

    def emit(node: _Node) -> None:
        body = "\n".join(node.parts).strip()
        if not body:
            return
        if node.facts is not None:
            facts = node.facts
        elif node.kind == "heading":  # "1. Đảng đoàn Quốc hội": the body it names leads its bullets
            facts = Facts(lead=node.lead, bodies=extract_facts(body).bodies)
        else:
            facts = extract_facts(body, node.lead)
        clauses.append(Clause(doc_id=doc_id, doc_title=title, ref=node.ref, label=node.label, kind=node.kind,
                              headings=node.headings, text=body, position=len(clauses), facts=facts))

    if title_line:
        emit(_Node("title", "Tên văn bản", "title", (), [title_line]))
    if meta_lines:
        emit(_Node("meta", "Thông tin văn bản", "meta", (), ["\n".join(meta_lines)]))
    if header:
        emit(_Node("header", "Phần đầu văn bản", "header", (), ["\n".join(header)]))
    if preamble:
        emit(_Node("preamble", "Phần mở đầu", "preamble", (), ["\n\n".join(preamble)]))

    # --- body: a stack of open nodes (section → item → point); bullets attach to the deepest
    section: _Node | None = None
    item: _Node | None = None
    point: _Node | None = None
    last: _Node | None = None
    pending: list[_Node] = []  # nodes emitted in order once their text is complete
    truncated_after = None

    def parent() -> _Node | None:
        return point or item or section

    for k in range(i, len(paras)):
        p = paras[k]
        nxt = paras[k + 1] if k + 1 < len(paras) else None
        if _SEPARATOR.match(p):
            continue
        if _TRUNCATED.match(p):
            truncated_after = last.ref if last else None
            break
        m_sec = _ROMAN.match(p)
        m_chap = _CHAPTER.match(p)
        m_art = _ARTICLE.match(p)
        if (m_sec and _is_upper(m_sec.group(2))) or m_chap:
            if m_chap:
                ref = f"Chương {m_chap.group(2)}"
                name = m_chap.group(3) or (nxt if nxt and _is_upper(nxt) else "")
                label = f"Chương {m_chap.group(2)}. {sentence_case(name)}".rstrip(". ")
            else:
                ref = m_sec.group(1)
                name = m_sec.group(2)
                label = f"Mục {ref}. {sentence_case(name)}"
            section = _Node(ref, label, "section", (p,), [p], extra={"title": name})
            item = point = None
            pending.append(section)
            last = section
            continue
        if m_art:
            heads = (section.headings if section else ()) + (p,)
            label = f"Điều {m_art.group(1)}. {m_art.group(2)}".rstrip(". ")
            item = _Node(f"Điều {m_art.group(1)}", label, "article", heads, [p])
            point = None
            pending.append(item)
            last = item
            continue
        m_num = _NUMBERED.match(p)
        if m_num and (section is not None or item is not None):
            n, body = m_num.groups()
            if item is not None and item.kind == "article":
                # khoản of an article
                point = _Node(f"{item.ref}.{n}", f"{item.label} — khoản {n}", "clause", item.headings,
                              [body], lead=item.lead)
                pending.append(point)
                last = point
                continue
            sec = section
            heads = sec.headings if sec else ()
            is_heading = _heading_like(body, nxt)
            if is_heading:
                label = f"{sec.label} — {n}. {body}" if sec else f"{n}. {body}"
                node = _Node(f"{sec.ref}.{n}" if sec else n, label, "heading", heads, [body],
                             lead=tuple(x for x in extract_facts(body).bodies) or (body,))
            else:
                word = _item_word(sec.extra.get("title", "")) if sec else "điểm"
                label = f"{sec.label} — {word} {n}" if sec else f"{word} {n}"
                node = _Node(f"{sec.ref}.{n}" if sec else n, label, "item", heads, [body],
                             lead=sec.lead if sec else ())
            item, point = node, None
            pending.append(node)
            last = node
            continue
        m_let = _LETTERED.match(p)
        if m_let and (item is not None):
            a, body = m_let.groups()
            holder = point if (point is not None and point.kind == "clause") else item
            heads = holder.headings + ((holder.parts[0],) if holder.kind == "heading" else ())
            node = _Node(f"{holder.ref}.{a}", f"{holder.label} — điểm {a}", "point", heads, [body], lead=holder.lead)
            if holder is item:
                point = node
            pending.append(node)
            last = node
            continue
        m_bul = _BULLET.match(p)
        if m_bul and parent() is not None:
            holder = parent()
            holder.children += 1
            heads = holder.headings + ((holder.parts[0],) if holder.kind in ("heading",) else ())
            node = _Node(f"{holder.ref}.{holder.children}", f"{holder.label} — ý {holder.children}", "bullet",
                         heads, [m_bul.group(1)], lead=holder.lead)
            pending.append(node)
            last = node
            continue
        # A plain paragraph: a section's intro, or the continuation of the clause above.
        if last is section and section is not None and section.parts == list(section.headings[-1:]):
            section.parts = [p]
            section.facts = extract_facts(p)
            section.lead = section.facts.lead
            continue
        if last is not None:
            last.parts.append(p)
            continue
        preamble.append(p)  # text before any structure

    for node in pending:
        emit(node)
    return Document(doc_id=doc_id, title=title, source=source, metadata=metadata,
                    clauses=tuple(clauses), truncated_after=truncated_after)


def parse_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and parse a text file (UTF-8, or UTF-16 with a BOM); ParseError names the file when it cannot."""
    path = Path(path)
    return parse_text(read_text(path, max_bytes), source=path.name)
