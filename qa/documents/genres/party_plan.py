"""Party plans, resolutions, conclusions: Roman sections ``I-``, numbered tasks ``1.`` (or a
numbered body heading with bullets below it), lettered points ``a)``."""

from __future__ import annotations

import re

from ...facts import extract_facts
from ...text import fold
from ..outline import Node, Outline
from ..text import is_upper, sentence_case
from .base import Genre

ROMAN = re.compile(r"^([IVXL]{1,6})\s*[-.–:]\s*(\S.*)$")
NUMBERED = re.compile(r"^(\d{1,2})\s*[.)]\s+(\S.*)$")
LETTERED = re.compile(r"^([a-zđ])\s*[).]\s+(\S.*)$")
BULLET = re.compile(r"^[-–—•+*]\s*(\S.*)$")


def item_word(section_title: str) -> str:
    """What the plan calls the numbered parts of a section: "nhiệm vụ 8", "giải pháp 2", "điểm 3"."""
    f = fold(section_title)
    if f.startswith("nhiem vu") and "cua" not in f.split()[:3]:
        return "nhiệm vụ"
    if f.startswith("giai phap"):
        return "giải pháp"
    return "điểm"


def heading_like(text: str, next_line: str | None) -> bool:
    """A numbered line that names a body or topic and heads the bullets below it."""
    return (
        len(text.split()) <= 14
        and not text.rstrip().endswith((".", ";", ":", ")", ","))
        and next_line is not None
        and bool(BULLET.match(next_line) or LETTERED.match(next_line))
    )


class PartyPlan(Genre):
    name = "party_plan"
    markers = (ROMAN, NUMBERED, LETTERED)

    def starts_body(self, paragraph: str) -> bool:
        m = ROMAN.match(paragraph)
        return bool(m and is_upper(m.group(2)))

    def take(self, p: str, nxt: str | None, outline: Outline) -> bool:
        m = ROMAN.match(p)
        if m and is_upper(m.group(2)):
            ref, name = m.groups()
            outline.open_section(ref, f"Mục {ref}. {sentence_case(name)}", p, title=name)
            return True
        m = NUMBERED.match(p)
        if m and (outline.section is not None or outline.item is not None):
            n, body = m.groups()
            sec = outline.section
            heads = sec.headings if sec else ()
            ref = f"{sec.ref}.{n}" if sec else n
            if heading_like(body, nxt):
                label = f"{sec.label} — {n}. {body}" if sec else f"{n}. {body}"
                node = Node(ref, label, "heading", heads, [body],
                            lead=tuple(extract_facts(body).bodies) or (body,))
            else:
                word = item_word(sec.extra.get("title", "")) if sec else "điểm"
                label = f"{sec.label} — {word} {n}" if sec else f"{word} {n}"
                node = Node(ref, label, "item", heads, [body], lead=sec.lead if sec else ())
            outline.open_item(node)
            return True
        m = LETTERED.match(p)
        if m and outline.item is not None:
            a, body = m.groups()
            holder = outline.item
            heads = holder.headings + ((holder.parts[0],) if holder.kind == "heading" else ())
            outline.open_point(Node(f"{holder.ref}.{a}", f"{holder.label} — điểm {a}", "point", heads, [body],
                                    lead=holder.lead))
            return True
        return False
