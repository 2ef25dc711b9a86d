"""definition: what a term means ("'tự diễn biến' nghĩa là gì?", "kế hoạch có định nghĩa … không?").

A plan uses its terms without defining them. A clause answers only when it says what a
term is ("… được hiểu là …", "… nghĩa là …"). A question that asks something else as well
("được hiểu là gì, ai phải làm?") is that other kind.
"""

from __future__ import annotations

import re

from .base import Kind

_ASKS_MEANING = re.compile(
    r"\bdinh nghia\b"
    r"|\bkhai niem\b.*\b(la gi|la j|the nao|ra sao|nhu the nao)\b"
    r"|\b(co )?nghia (la )?(gi|j|sao)\b|\bnghia la the nao\b"
    r"|\b(duoc )?hieu (la gi|la j|the nao|nhu the nao|ra sao)\b"
    # "giải thích 'tập trung dân chủ' là gì"; not "giải thích cho học sinh thế nào" (how to explain it)
    r"|\bgiai thich\b(?! cho\b).{0,40}\b(la gi|la j|nghia|the nao|ra sao|ra rang)\b"
    r"|\b(la gi|la j|la sao|la cai gi|la cai chi)\b.{0,40}\b(giai thich|dinh nghia)\b")
# what else a question may ask, which makes it that other kind
_ASKS_MORE = re.compile(r"\b(ai|khi nao|bao gio|lam gi|nhiem vu|yeu cau gi|muc nao|phan nao|o dau|boi canh nao"
                        r"|giao cho|noi gi|noi the nao|noi ra sao|de cap gi|quy dinh gi)\b")
_DEFINES = re.compile(r"\b(được hiểu là|nghĩa là|có nghĩa là|là việc)\b")


class Definition(Kind):
    name = "definition"

    def detect(self, text: str, folded: str) -> bool:
        return bool(_ASKS_MEANING.search(folded)) and not _ASKS_MORE.search(folded)

    def holds_answer(self, q, clause, ctx) -> bool:
        return bool(_DEFINES.search(clause.text.lower()))
