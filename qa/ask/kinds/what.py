"""what: the content itself — the best-matching sentence of the best clause; a section
answers with its parts; a question about a body answers with its role and task."""

from __future__ import annotations

from ..passages import best_passage, clip, first_sentences, join, span, task_part
from ...text import collapse, fold
from .base import EXISTENCE, YES_NO, Kind


class What(Kind):
    name = "what"

    def answer(self, q, hits, ctx) -> str:
        clause = hits[0].clause
        limit = ctx.config.answer_max_chars
        if clause.kind in ("section", "heading"):
            children = ctx.children(clause)
            if children:
                name = clause.text if clause.kind == "heading" else clause.label
                head = f"{name} ({clause.ref}) gồm {len(children)} nội dung ({span(children)}): "
                return head + first_sentences(children[0].text, max(60, limit - len(head)))
        passage = best_passage(clause.text, q.topic, len(clause.text))
        facts = clause.facts
        for body in q.bodies:  # "còn Ban Tổ chức Trung ương thì sao?": its role, then the task
            task = task_part(passage, facts.lead + facts.coordinate)
            if body in facts.coordinate and facts.lead:
                return f"{body} phối hợp với {join(facts.lead)} (chủ trì) ({clause.ref}): {task}"
            if body in facts.lead and not facts.lead_inherited:
                return f"{body} chủ trì ({clause.ref}): {task}"
        folded = collapse(fold(q.text))
        # "… lấy phiếu tín nhiệm hằng năm không?", "thường xuyên hay chỉ cuối năm?": the question turns
        # on a time, and the plan's comes first
        timed = bool(facts.timings) and ctx.slots.search("when", "touched", q.text) is not None
        if EXISTENCE.search(folded) or YES_NO.search(folded):
            # "Kế hoạch có nhắc tới X không?": that it does, where, and in its words
            head = (f"Kế hoạch có đề cập ({clause.ref}; thời gian: {'; '.join(facts.timings)}): " if timed
                    else f"Kế hoạch có đề cập ({clause.ref}): ")
            return head + clip(passage, max(60, limit - len(head)))
        if timed:
            head = f"{'; '.join(facts.timings)} ({clause.ref}): "
            return head + clip(passage, max(60, limit - len(head)))
        # the passage, and where it is ("… (III.9)"), as every other kind's answer says
        where = f" ({clause.ref})"
        return clip(passage, max(60, limit - len(where) - 1)).rstrip(" .;:") + where + "."
