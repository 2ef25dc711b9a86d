"""amount: funding and money ("kinh phí lấy từ đâu", "bao nhiêu tiền").

A clause answers only when it names funding or an amount of money.
"""

from __future__ import annotations

import re

from ...text import fold
from .base import WordSlot

_MONEY_IN_TEXT = re.compile(r"\b(kinh phi|\d+([.,]\d+)?\s*(dong|ty|trieu|nghin)|nguon von|du toan)\b")


# "tiền tổ chức hội nghị lấy từ đâu": money, and where it comes from or how much
_MONEY_ASKED = re.compile(r"(?<!\w)tiền(?!\w).*(lấy (từ |ở )?đâu|ở đâu ra|ai (chi|trả|cấp)|bao nhiêu|nguồn nào)")


class Amount(WordSlot):
    """Asked with the words of ``slots.tsv`` (amount, money; its sayings that ask no money, such as
    "làm công ăn lương", are its compounds); a clause answers with an amount or a source of funds."""

    name = "amount"
    slot, role = "amount", "money"

    def detect(self, text: str, folded: str) -> bool:
        return super().detect(text, folded) or bool(_MONEY_ASKED.search(text.lower()))

    def _holds(self, text: str, ctx) -> bool:
        return bool(_MONEY_IN_TEXT.search(fold(text)))
