"""The lettered option a reply chooses, for a multiple-choice item ("… là: A. Hà Nội B. TP.HCM C. Huế").

A trainer's item offers its answers as options; the reply names the option whose words it gives
first, before its own answer and citation («Đáp án A: Hà Nội (…)»). An option counts when its words,
abbreviations read out ("TW": Trung ương), occur in the reply's answer, in order, as whole words (accents,
case and punctuation aside), as a run or, when no option does, a word or two apart (options that are all
counts, "A. 2 ý B. 3 ý", by their number alone); with
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


_SPREAD = 2  # words the answer may put between two of an option's


def _spread(words: list[str], within: list[str]) -> int | None:
    """Where ``words`` first occur in ``within`` in order, at most ``_SPREAD`` words apart; None when they
    do not."""
    for start in (i for i, w in enumerate(within) if w == words[0]):
        at = start
        for word in words[1:]:
            nxt = next((j for j in range(at + 1, min(len(within), at + 2 + _SPREAD)) if within[j] == word), None)
            if nxt is None:
                break
            at = nxt
        else:
            return start
    return None


def _at(words: list[str], within: list[str]) -> int | None:
    """Where ``words`` first occur in ``within`` as a run; None when they do not."""
    n = len(words)
    for i in range(len(within) - n + 1):
        if within[i:i + n] == words:
            return i
    return None


def chosen(options: list[tuple[str, str]], answer: str) -> str | None:
    """The letter of the option the answer gives first; None when it gives none of them."""
    # ("B. Ban Tuyên giáo TW": the option's abbreviations read as the answer writes them)
    said = [(letter, _tokens(expand_abbreviations(text))) for letter, text in options]
    within = _tokens(answer)
    for find in (_at, _spread):  # as a run; else with a word or two between ("Ủy viên BCT, Ban Bí thư")
        best = None
        for letter, words in said:
            at = find(words, within) if words else None
            if at is not None and (best is None or at < best[0]):
                best = (at, letter)
        if best:
            return best[1]
    # "A. 2 ý B. 3 ý C. 4 ý" of «3 nội dung (I.1–I.3)»: options that are counts, by their number alone
    numbers = [(letter, words[0]) for letter, words in said if words and words[0].isdigit()]
    if len(numbers) == len(said):
        found = [(at, letter) for letter, n in numbers for at in (_at([n], within),) if at is not None]
        return min(found)[1] if found else None
    return None
