"""penalty: forms of discipline or punishment ("hình thức kỷ luật", "mức phạt", "bị khai trừ không").

A clause answers only when it names such a form; "xử lý nghiêm" names none.
"""

from __future__ import annotations

from ..passages import clip, segments
from .base import Kind, load_slots


class Penalty(Kind):
    name = "penalty"

    def detect(self, text: str, folded: str) -> bool:
        return load_slots().search("penalty", "sanction", text, fold_single=False) is not None

    def holds_answer(self, q, clause, ctx) -> bool:
        return ctx.slots.search("penalty", "sanction", clause.text) is not None

    def answer(self, q, hits, ctx) -> str | None:
        for hit in hits[:3]:
            for part in segments(hit.clause.text):
                if ctx.slots.search("penalty", "sanction", part) is not None:
                    return f"{clip(part, ctx.config.answer_max_chars - 12)} ({hit.clause.ref}).", hit.clause
        return None
