"""Where a stem or quote may be cut: at phrase boundaries, never inside a word, a name or a fixed phrase.

Vietnamese writes a word as several space-separated syllables («Ban Chấp hành Trung
ương Đảng», «phòng, chống»), so cutting at a space is not cutting at a word. A cut
may fall only

- at the start or end of the text, next to ``,`` ``;`` ``:`` or a sentence end, or
  just inside brackets or quotation marks;
- before a word that opens a phrase (``opener`` in ``phrases.tsv``), or a start
  just after a subject's glue («… chủ trì», «phối hợp với») or a named body;

and never inside a protected span: a gazetteer body (``qa.facts.find_bodies``), a
fixed phrase (``unit``), words joined by « - », a bracket or a quotation.

>>> Cuts("xây dựng Đảng, phòng, chống tham nhũng").can_end(len("xây dựng Đảng, phòng"))
False
"""

from __future__ import annotations

import re
from functools import cached_property

from qa.facts import find_bodies
from qa.quiz.lexicon import Lexicon, lexicon

_PUNCT_BEFORE = re.compile(r"[,;:.]\s*$")
_PUNCT_AFTER = re.compile(r"^\s*[,;:.()”\"]")
_HYPHENED = re.compile(r"\w+(?:\s+\w+)?\s[-–]\s\w+(?:\s+\w+)?")
_BRACKET = re.compile(r"\([^()]*\)|[“\"][^“”\"]*[”\"]")


class Cuts:
    """The cut positions allowed in one text (character offsets)."""

    def __init__(self, text: str, lex: Lexicon | None = None):
        self.text = text
        self.lex = lex or lexicon()
        self.end = len(text.rstrip(" ."))

    @cached_property
    def bodies(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in find_bodies(self.text) if m.end > m.start]

    @cached_property
    def protected(self) -> list[tuple[int, int]]:
        """Spans no cut may fall strictly inside."""
        spans = list(self.bodies)
        low = self.text.casefold()
        for unit in self.lex.units:
            u = unit.casefold()
            spans += [(m.start(), m.start() + len(u)) for m in re.finditer(re.escape(u), low)]
        spans += [m.span() for m in _HYPHENED.finditer(self.text)]
        # Just inside a bracket or quotation mark is an edge, not a cut: «(thực hiện thường xuyên)».
        spans += [(m.start() + 1, m.end() - 1) for m in _BRACKET.finditer(self.text)]
        return spans

    def inside(self, i: int) -> bool:
        return any(a < i < b for a, b in self.protected)

    def _starts_with(self, i: int, words: tuple[str, ...]) -> bool:
        rest = self.text[i:].casefold()
        return any(rest.startswith(w.casefold()) and (len(rest) == len(w) or not rest[len(w)].isalnum())
                   for w in words)

    def _ends_with(self, i: int, words: tuple[str, ...]) -> bool:
        head = self.text[:i].rstrip().casefold()
        return any(head.endswith(w.casefold()) and (len(head) == len(w) or not head[-len(w) - 1].isalnum())
                   for w in words)

    def can_start(self, i: int) -> bool:
        """May a fragment start at ``i`` (the first character of a word)?"""
        if i <= 0:
            return True
        if i > self.end or self.text[i - 1].isalnum() or self.inside(i):
            return False
        before = self.text[:i]
        if _PUNCT_BEFORE.search(before) or before.endswith(("(", "“", '"')) or self._starts_with(i, self.lex.openers) or self._ends_with(i, self.lex.glue):
            return True
        head = len(before.rstrip())
        return any(b == head for _, b in self.bodies)  # just after a named subject

    def can_end(self, j: int) -> bool:
        """May a fragment end at ``j`` (just after the last character of a word)?"""
        if j >= self.end:
            return True
        if j <= 0 or (j < len(self.text) and self.text[j].isalnum()) or self.inside(j):
            return False
        after = self.text[j:]
        if _PUNCT_AFTER.match(after):
            return True
        k = j + len(after) - len(after.lstrip())
        return self._starts_with(k, self.lex.openers)

    def starts(self, lo: int = 0, hi: int | None = None) -> list[int]:
        """Allowed start positions (word starts) in [lo, hi]."""
        hi = self.end if hi is None else hi
        return [m.start() for m in re.finditer(r"\S+", self.text) if lo <= m.start() <= hi and self.can_start(m.start())]

    def ends(self, lo: int = 0, hi: int | None = None) -> list[int]:
        """Allowed end positions (word ends, punctuation excluded) in [lo, hi]."""
        hi = self.end if hi is None else hi
        out = []
        for m in re.finditer(r"\S+", self.text):
            j = m.start() + len(m.group().rstrip(",;:."))
            if lo <= j <= hi and j > m.start() and self.can_end(j):
                out.append(j)
        return out
