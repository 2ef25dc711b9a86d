"""where: the place of a content in the document ("nằm ở mục nào", "nhiệm vụ thứ mấy")."""

from __future__ import annotations

import re

from ...text import has_diacritics
from ..passages import clip
from .base import Kind

PATTERN = re.compile(
    r"\b(muc nao|phan nao|o muc|o phan|nam o dau|o dau|thuoc muc|thuoc phan|nhiem vu so may|nhiem vu thu may"
    r"|nhiem vu nao|nhiem vu so bao nhieu|dieu nao|khoan nao|diem nao|y nao|trong muc nao|duoc neu o|de cap o"
    r"|nam trong|thuoc nhiem vu|doan nao"
    r"|(nhiem vu|muc|phan|y|diem|dieu|giai phap) (nay |do |ay |tren )?(la )?(so|thu) (may|bao nhieu))\b")


# Accented words that fold onto the pattern's but mean something else: "mức nào" asks for a level.
_FALSE_FRIENDS = re.compile(r"(?<!\w)(mức|mực)(?!\w)")


class Where(Kind):
    name = "where"
    pattern = PATTERN

    def detect(self, text: str, folded: str) -> bool:
        lower = text.lower()
        for m in PATTERN.finditer(folded):
            # fold keeps every character's place, so the span is the user's own words
            if not (has_diacritics(lower) and _FALSE_FRIENDS.search(lower[m.start():m.end()])):
                return True
        return False

    def answer(self, q, hits, ctx) -> str:
        clause = hits[0].clause
        parts = clause.label.split(" — ")
        if len(clause.label) > 120:  # a long section title: keep its start, the path stays whole
            parts[0] = clip(parts[0], 50)
        return f"{clause.ref} — {' — '.join(parts)}"
