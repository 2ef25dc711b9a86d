"""amount: funding and money ("kinh phí lấy từ đâu", "bao nhiêu tiền").

A clause answers only when it names funding or an amount of money.
"""

from __future__ import annotations

import re

from ...text import fold
from ..passages import clip, segments
from .base import Kind, load_slots

_MONEY_IN_TEXT = re.compile(r"\b(kinh phi|\d+([.,]\d+)?\s*(dong|ty|trieu|nghin)|nguon von|du toan)\b")


# "tiền tổ chức hội nghị lấy từ đâu": money, and where it comes from or how much
_MONEY_ASKED = re.compile(r"(?<!\w)tiền(?!\w).*(lấy (từ |ở )?đâu|ở đâu ra|ai (chi|trả|cấp)|bao nhiêu|nguồn nào)")


class Amount(Kind):
    name = "amount"

    def detect(self, text: str, folded: str) -> bool:
        # ("dân làm công ăn lương có bị đòi làm gương không?": wage earners, no money asked)
        slots = load_slots()
        asked = slots.remove("amount", "compound", text)
        return slots.search("amount", "money", asked, fold_single=False) is not None \
            or bool(_MONEY_ASKED.search(text.lower()))

    def holds_answer(self, q, clause, ctx) -> bool:
        return bool(_MONEY_IN_TEXT.search(fold(clause.text)))

    def answer(self, q, hits, ctx) -> str | None:
        for hit in hits[:3]:
            for part in segments(hit.clause.text):
                if _MONEY_IN_TEXT.search(fold(part)):
                    return f"{clip(part, ctx.config.answer_max_chars - 12)} ({hit.clause.ref}).", hit.clause
        return None
