"""count: "bao nhiêu / mấy <unit>".

Units of the document's own structure ("bao nhiêu nhiệm vụ trọng tâm") are answered
by counting a section's parts; any other unit ("bao nhiêu giờ", "mấy lần") needs a
clause that gives a number in that unit — a plan that gives none does not answer.
"""

from __future__ import annotations

import re

from ...text import fold
from ..passages import clip, segments
from .base import Kind, load_slots


_TOP_UNITS = ("muc", "phan", "chuong", "muc lon", "phan lon")
_TIME_UNITS = re.compile(r"(ngay|tuan|thang|nam|quy|lau)\b")
_ORDINAL = re.compile(r"\b(lan|khoa|dot|ky|phien|hoi nghi)\s+(thu\s+)?(may|bao nhieu)\b")


def _unit_after_count(folded: str, slots) -> tuple[str, str] | None:
    """(role, unit) asked by "bao nhiêu / mấy <unit>" or "<unit> thứ mấy".

    Units of the document's structure come first; time units are "when"; any other word
    after "bao nhiêu" is a unit a figure would be given in ("bao nhiêu bí thư").
    """
    m = _ORDINAL.search(folded)
    if m:
        return "ordinal", m.group(1)
    for m in re.finditer(r"\b(bao nhieu|may|so luong|ty le)\s+", folded):
        rest = folded[m.end():]
        unit = slots.pattern("count", "structure").match(rest) or \
            re.match(r"\w+\s+" + slots.pattern("count", "structure").pattern, rest)
        if unit:
            return "structure", unit.group(unit.lastindex or 0)
        if _TIME_UNITS.match(rest):
            return None
        unit = slots.pattern("count", "unit").match(rest)
        if unit:
            return "unit", unit.group(0)
        word = re.match(r"(\w+)", rest)
        if word and m.group(1) != "may" and word.group(1) not in ("la", "thi", "vay", "a", "nhi", "the"):
            return "unit", word.group(1)
    return None


def _figure(unit: str) -> re.Pattern:
    """A number next to the unit, either way round ("40 giờ", "khóa XV", "lần thứ XIII")."""
    u = re.escape(unit)
    return re.compile(rf"\b\d+([.,]\d+)?\s*{u}\b|\b{u}\s+(thu\s+)?(\d+|[ivxlc]+)\b")


class Count(Kind):
    name = "count"

    def detect(self, text: str, folded: str) -> bool:
        return _unit_after_count(folded, load_slots()) is not None

    @staticmethod
    def _whole_document(q, role: str, unit: str) -> bool:
        """"Kế hoạch có bao nhiêu mục?": the document's own top-level parts, not a section's."""
        return role == "structure" and unit in _TOP_UNITS and not q.refs

    @staticmethod
    def _sections_answer(clause, ctx):
        sections = ctx.sections(clause.doc_id)
        if not sections:
            return None
        cut = next((last for doc, last in ctx.info.truncated if doc == clause.doc_id), None)
        note = f"; bản hiện có dừng ở {cut}" if cut else ""
        names = "; ".join(clip(s.label, 60) for s in sections)
        text = f"{len(sections)} mục ({sections[0].ref}–{sections[-1].ref}{note}): {names}"
        return clip(text, ctx.config.answer_max_chars - 2) + ".", sections[0]

    def _asked(self, q, ctx):
        return _unit_after_count(fold(q.text), ctx.slots)

    def holds_answer(self, q, clause, ctx) -> bool:
        asked = self._asked(q, ctx)
        if asked is None:
            return True
        role, unit = asked
        if self._whole_document(q, role, unit):
            return bool(ctx.sections(clause.doc_id))
        if role == "structure":
            return bool(ctx.children(clause))
        return bool(_figure(unit).search(fold(clause.text)))

    def answer(self, q, hits, ctx) -> str | None:
        asked = self._asked(q, ctx)
        if asked is None:
            return None
        role, unit = asked
        if self._whole_document(q, role, unit):
            return self._sections_answer(hits[0].clause, ctx)
        for hit in hits[:3]:
            clause = hit.clause
            if role == "structure":
                kids = ctx.children(clause)
                if kids:
                    name = clause.text if clause.kind == "heading" else clause.label
                    return f"{len(kids)} nội dung ({kids[0].ref}–{kids[-1].ref}), thuộc {clip(name, 80)} ({clause.ref}).", clause
            else:
                for part in segments(clause.text):
                    if _figure(unit).search(fold(part)):
                        return f"{clip(part, ctx.config.answer_max_chars - 12)} ({clause.ref}).", clause
        return None
