"""outcome: what has been achieved since ("đã hoàn thành chưa", "kết quả đến nay", "đã xử lý bao nhiêu").

A plan states tasks and deadlines; it does not report how they turned out. A clause
answers only when it reports a result itself ("đã đạt", "đã hoàn thành").
"""

from __future__ import annotations

import re

from .base import Kind

_ASKS_RESULT = re.compile(
    r"\b(ket qua (thuc hien|dat duoc|ra sao|the nao|nhu the nao|den nay|trien khai)|tinh hinh thuc hien"
    r"|den nay|den thoi diem nay|hien nay da|cho den nay|tu do den nay|sau khi ban hanh da"
    r"|da (hoan thanh|thuc hien|xu ly|ky luat|thu hoi|to chuc|trien khai|lam duoc|dat duoc)\b.*\bchua"
    r"|da (xu ly|ky luat|thu hoi|khai tru|cach chuc) (duoc )?(bao nhieu|may))\b")
_REPORTS_RESULT = re.compile(r"\bđã (đạt|hoàn thành|xử lý được|thu hồi được|kỷ luật)\b")


class Outcome(Kind):
    name = "outcome"

    def detect(self, text: str, folded: str) -> bool:
        return bool(_ASKS_RESULT.search(folded))

    def holds_answer(self, q, clause, ctx) -> bool:
        return bool(_REPORTS_RESULT.search(clause.text.lower()))
