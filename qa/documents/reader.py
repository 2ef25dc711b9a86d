"""Document text → citable clauses in the document's own numbering.

The reader splits the text into paragraphs, reads the front matter (a title line, the
metadata block, the header, the preamble) and the document's identity, then hands every
body paragraph to the genres (``genres/``), which fill a generic outline (``outline.py``).

>>> doc = parse_text(open("corpus/ke-hoach-03-KH-TW-2021.txt").read(), source="ke-hoach.txt")
>>> [c.ref for c in doc.clauses][:4]
['title', 'meta', 'header', 'preamble']
"""

from __future__ import annotations

import re
from pathlib import Path

from ..reader import DEFAULT_MAX_BYTES, ParseError, read_text
from ..text import normalize
from ..types import Document
from .genres import GENRES
from .genres.party_plan import BULLET
from .outline import Node, Outline
from .text import is_upper, sentence_case
from .types import type_names

METADATA_KEYS = (
    "Số hiệu", "Ngày ban hành", "Ngày có hiệu lực", "Loại văn bản", "Cơ quan ban hành", "Người ký",
    "Lĩnh vực", "Tình trạng", "Ngày công báo", "Số công báo", "Nơi ban hành",
)
META = re.compile(r"^(" + "|".join(METADATA_KEYS) + r")\s*:?\s+(.+)$")
SEPARATOR = re.compile(r"^[-_=*.\s]{3,}$")
TRUNCATED = re.compile(r"^\[\s*(\.\.\.|…)\s*\]$")
_DOC_NUMBER = re.compile(r"\b(\d+[-/][A-ZĐ]{1,6}(?:/[A-ZĐ]{1,6})*)\b")
_PLACE_DATE = re.compile(r"^[^,]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}$")
_MARKERS = tuple(p for g in GENRES for p in g.markers) + (BULLET, META, SEPARATOR, TRUNCATED)


def paragraphs(text: str) -> list[str]:
    """Non-empty lines; a line that continues without a blank line and without a marker joins
    the paragraph above (wrapped text)."""
    paras: list[str] = []
    prev_blank = True
    for line in text.split("\n"):
        if not line.strip():
            prev_blank = True
            continue
        marker = any(p.match(line) for p in _MARKERS)
        if paras and not prev_blank and not marker and not is_upper(line) and not is_upper(paras[-1]) \
                and not META.match(paras[-1]):
            paras[-1] = paras[-1] + " " + line.strip()
        else:
            paras.append(line.strip())
        prev_blank = False
    return paras


def _starts_body(paragraph: str) -> bool:
    return any(g.starts_body(paragraph) for g in GENRES)


def parse_text(text: str, source: str = "<text>", doc_id: str | None = None) -> Document:
    """Parse one document's text. Raises ParseError when it holds no text."""
    text = normalize(text)
    if not text.strip():
        raise ParseError(f"{source}: văn bản trống")
    paras = paragraphs(text)

    # --- front matter: a title line, metadata, header block, preamble
    metadata: dict[str, str] = {}
    meta_lines: list[str] = []
    header: list[str] = []
    preamble: list[str] = []
    title_line = ""
    i = 0
    if paras and not META.match(paras[0]) and not is_upper(paras[0]) and not _starts_body(paras[0]) \
            and len(paras) > 1 and META.match(paras[1]):
        title_line = paras[0]
        i = 1
    while i < len(paras) and META.match(paras[i]):
        key, value = META.match(paras[i]).groups()
        metadata[key] = value.strip()
        meta_lines.append(paras[i])
        i += 1
    while i < len(paras) and not _starts_body(paras[i]):
        p = paras[i]
        i += 1
        if SEPARATOR.match(p):
            continue
        if not preamble and (is_upper(p) or p.startswith("Số:") or p.startswith("Số ") and len(p) < 40
                             or _PLACE_DATE.match(p)):
            header.append(p)
        else:
            preamble.append(p)

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
        types = type_names()
        for k, p in enumerate(header):
            if p.strip() in types:
                title = sentence_case(" ".join([p] + [h for h in header[k + 1:] if is_upper(h)]))
                break
    title = title or doc_id

    # --- body: each paragraph to the first genre that takes it, else a bullet or plain text
    outline = Outline(doc_id, title)
    truncated_after = None
    for k in range(i, len(paras)):
        p = paras[k]
        nxt = paras[k + 1] if k + 1 < len(paras) else None
        if SEPARATOR.match(p):
            continue
        if TRUNCATED.match(p):
            truncated_after = outline.last.ref if outline.last else None
            break
        if any(genre.take(p, nxt, outline) for genre in GENRES):
            continue
        m = BULLET.match(p)
        if m and outline.bullet(m.group(1)):
            continue
        outline.plain(p)
    preamble += outline.orphans  # text before any structure

    if title_line:
        outline.front.append(Node("title", "Tên văn bản", "title", (), [title_line]))
    if meta_lines:
        outline.front.append(Node("meta", "Thông tin văn bản", "meta", (), ["\n".join(meta_lines)]))
    if header:
        outline.front.append(Node("header", "Phần đầu văn bản", "header", (), ["\n".join(header)]))
    if preamble:
        outline.front.append(Node("preamble", "Phần mở đầu", "preamble", (), ["\n\n".join(preamble)]))
    return Document(doc_id=doc_id, title=title, source=source, metadata=metadata,
                    clauses=outline.clauses(), truncated_after=truncated_after)


def parse_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and parse a text file (UTF-8, or UTF-16 with a BOM); ParseError names the file when it cannot."""
    path = Path(path)
    return parse_text(read_text(path, max_bytes), source=path.name)
