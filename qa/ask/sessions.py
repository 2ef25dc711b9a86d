"""Numbered terms and meetings: "khóa XII", "Đại hội XIII", "Hội nghị Trung ương 4", "kỳ họp thứ 5".

The words that introduce such a number are data (``qa/data/sessions.tsv``, one line a kind of
number). A corpus numbers a few terms and meetings; a question about another one asks what
it cannot say, as a question about a year after its latest does.

>>> [(m.kind, m.number) for m in numbered("Nghị quyết Trung ương 4 khóa XII nói gì?")]
[(1, 4), (0, 12)]
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import DATA, data_lines
from ..text import fold

_DATA = DATA / "sessions.tsv"
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}
_LARGEST = 30  # a term or meeting number; larger ones are counts or years


@dataclass(frozen=True)
class Numbered:
    kind: int  # the line of sessions.tsv
    number: int
    said: str  # as the text says it


def roman(text: str) -> int | None:
    """The value of a lower-case Roman numeral (i … xxx), None for anything else."""
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for c, nxt in zip(text, text[1:] + " "):
        value = _ROMAN[c]
        total += -value if nxt in _ROMAN and _ROMAN[nxt] > value else value
    return total if 0 < total <= _LARGEST else None


@lru_cache(maxsize=1)
def words_fingerprint() -> str:
    """A digest of the data file and of this module: numbers counted with other words, or by
    other code, are counted again."""
    return hashlib.sha256(_DATA.read_bytes() + Path(__file__).read_bytes()).hexdigest()[:16]


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, int]]:
    kinds: dict[str, int] = {}
    for i, line in enumerate(data_lines(_DATA)):
        for member in line.split("|"):
            if member.strip():
                kinds[" ".join(fold(member).split())] = i
    words = "|".join(re.escape(m) for m in sorted(kinds, key=len, reverse=True))
    # "khoa xii", "dai hoi dang toan quoc lan thu xiii", "tw4", "ky hop thu 5"; never "21-kl/tw"
    return re.compile(rf"(?<![\w/])({words})\s*(?:(?:lan\s+)?thu\s+)?(\d{{1,2}}|[ivxl]{{1,6}})(?!\w)"), kinds


def numbered(text: str) -> list[Numbered]:
    """The numbered terms and meetings ``text`` names, in order."""
    folded = fold(text)
    pattern, kinds = _pattern()
    same = len(folded) == len(text)
    found = []
    for m in pattern.finditer(folded):
        raw = m.group(2)
        number = int(raw) if raw.isdigit() else roman(raw)
        if number is None or not 0 < number <= _LARGEST:
            continue
        said = text[m.start():m.end()] if same else m.group(0)
        found.append(Numbered(kinds[" ".join(m.group(1).split())], number, said))
    return found


@lru_cache(maxsize=1)
def _asking_pattern() -> re.Pattern:
    _, kinds = _pattern()
    words = "|".join(re.escape(m) for m in sorted(kinds, key=len, reverse=True))
    # "HNTW mấy", "Hội nghị Trung ương lần thứ mấy", "kỳ họp thứ bao nhiêu"
    return re.compile(rf"(?<![\w/])({words})\s*(?:(?:lan\s+)?thu\s+)?(?:may|bao nhieu)(?!\w)")


def asked_numbers(text: str) -> list[Numbered]:
    """The terms and meetings whose number ``text`` asks ("KL 21 do HNTW mấy thông qua?"), with
    number 0, in order."""
    folded = fold(text).lower()
    _, kinds = _pattern()
    return [Numbered(kinds[" ".join(m.group(1).split())], 0, m.group(0)) for m in _asking_pattern().finditer(folded)]


def kind_name(kind: int) -> str:
    """The first way of saying a kind of number (its line's first member): 1 → "Hội nghị Trung ương"."""
    lines = data_lines(_DATA)
    return lines[kind].split("|")[0].strip() if 0 <= kind < len(lines) else ""


def known_numbers(folded_text: str) -> frozenset[tuple[int, int]]:
    """(kind, number) of every term and meeting a folded corpus names."""
    return frozenset((n.kind, n.number) for n in numbered(folded_text))
