"""procedure: steps, forms, criteria ("quy trình lấy phiếu", "mẫu báo cáo", "tiêu chí đánh giá").

A plan sets tasks and deadlines; the procedures and forms come in guidance documents.
A clause answers only when it names the step, form or criterion itself.
"""

from __future__ import annotations

from ..passages import clip, segments
from .base import Kind, load_slots


class Procedure(Kind):
    name = "procedure"

    def detect(self, text: str, folded: str) -> bool:
        return load_slots().search("procedure", "detail", text, fold_single=False) is not None

    def holds_answer(self, q, clause, ctx) -> bool:
        return ctx.slots.search("procedure", "detail", clause.text) is not None

    def answer(self, q, hits, ctx):
        for hit in hits[:3]:
            for part in segments(hit.clause.text):
                if ctx.slots.search("procedure", "detail", part) is not None:
                    return f"{clip(part, ctx.config.answer_max_chars - 12)} ({hit.clause.ref}).", hit.clause
        return None
