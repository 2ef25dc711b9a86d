"""penalty: forms of discipline or punishment ("hình thức kỷ luật", "mức phạt", "bị khai trừ không").

A clause answers only when it names such a form; "xử lý nghiêm" names none.
"""

from __future__ import annotations

from .base import WordSlot


class Penalty(WordSlot):
    name = "penalty"
    slot, role = "penalty", "sanction"
