"""Decrees and regulations: ``Chương``, ``Điều``, its khoản ``1.`` and their điểm ``a)``."""

from __future__ import annotations

import re

from ..outline import Node, Outline
from ..text import is_upper, sentence_case
from .base import Genre
from .party_plan import LETTERED, NUMBERED

CHAPTER = re.compile(r"^(Chương|CHƯƠNG)\s+([IVXL\d]+)\b\.?\s*(.*)$")
ARTICLE = re.compile(r"^Điều\s+(\d+[a-z]?)\s*[.:]?\s*(.*)$")


class Decree(Genre):
    name = "decree"
    markers = (CHAPTER, ARTICLE)

    def starts_body(self, paragraph: str) -> bool:
        return bool(CHAPTER.match(paragraph) or ARTICLE.match(paragraph))

    def take(self, p: str, nxt: str | None, outline: Outline) -> bool:
        m = CHAPTER.match(p)
        if m:
            name = m.group(3) or (nxt if nxt and is_upper(nxt) else "")
            label = f"Chương {m.group(2)}. {sentence_case(name)}".rstrip(". ")
            outline.open_section(f"Chương {m.group(2)}", label, p, title=name)
            return True
        m = ARTICLE.match(p)
        if m:
            heads = (outline.section.headings if outline.section else ()) + (p,)
            label = f"Điều {m.group(1)}. {m.group(2)}".rstrip(". ")
            outline.open_item(Node(f"Điều {m.group(1)}", label, "article", heads, [p]))
            return True
        article = outline.item if outline.item is not None and outline.item.kind == "article" else None
        m = NUMBERED.match(p)
        if m and article is not None:  # a khoản of the article
            n, body = m.groups()
            outline.open_point(Node(f"{article.ref}.{n}", f"{article.label} — khoản {n}", "clause",
                                    article.headings, [body], lead=article.lead))
            return True
        m = LETTERED.match(p)
        khoan = outline.point if outline.point is not None and outline.point.kind == "clause" else None
        if m and khoan is not None:  # a điểm of the khoản; bullets keep attaching to the khoản
            a, body = m.groups()
            outline.open_point(Node(f"{khoan.ref}.{a}", f"{khoan.label} — điểm {a}", "point", khoan.headings,
                                    [body], lead=khoan.lead), deepest=False)
            return True
        return False
