"""The lettered option a reply chooses, for a multiple-choice item ("… là: A. Hà Nội B. TP.HCM C. Huế").

A trainer's item offers its answers as options; the reply names the option whose words it gives
first, before its own answer and citation («Đáp án A: Hà Nội (…)»). An option counts when its words,
abbreviations read out ("TW": Trung ương), occur in the reply's answer, in order, as whole words (accents,
case and punctuation aside); with
none, or with the reply not answered, nothing is chosen.

>>> offered("Kế hoạch được ban hành tại: A. Hà Nội B. TP.HCM C. Đà Nẵng")
[('A', 'Hà Nội'), ('B', 'TP.HCM'), ('C', 'Đà Nẵng')]
>>> chosen(offered("KH 03 có A. 9 nhiệm vụ B. 10 C. 11 D. 12"), "Mục III gồm 11 nội dung (III.1–III.11).")
'C'
"""

from __future__ import annotations

import re

from ..text import expand_abbreviations, fold
from .kinds.base import OPTIONS

# a letter that opens an option: "A. ", "B) ", "(C) "
_LETTER = re.compile(r"(?:^|(?<=\s))(?:([A-F])[.)]|\(([A-F])\))\s+")
_TOKEN = re.compile(r"[\w/]+")


def offered(text: str) -> list[tuple[str, str]]:
    """The item's options, letter and text, in order; [] when it has fewer than two."""
    found = OPTIONS.search(text)
    if found is None:
        return []
    part = found.group(0)
    starts = list(_LETTER.finditer(part))
    out = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(part)
        said = part[m.end():end].strip(" \t\n,;.?")
        if said:
            out.append((m.group(1) or m.group(2), said))
    return out if len(out) >= 2 else []


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text.lower()))


def _at(words: list[str], within: list[str]) -> int | None:
    """Where ``words`` first occur in ``within`` as a run; None when they do not."""
    n = len(words)
    for i in range(len(within) - n + 1):
        if within[i:i + n] == words:
            return i
    return None


def chosen(options: list[tuple[str, str]], answer: str) -> str | None:
    """The letter of the option the answer gives first; None when it gives none of them."""
    best = None
    for letter, said in options:
        # ("B. Ban Tuyên giáo TW": the option's abbreviations read as the answer writes them)
        words = _tokens(expand_abbreviations(said))
        at = _at(words, _tokens(answer)) if words else None
        if at is not None and (best is None or at < best[0]):
            best = (at, letter)
    return best[1] if best else None
