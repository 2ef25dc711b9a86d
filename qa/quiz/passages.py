"""Passages of a clause: the phrases a stem names, verbatim quotes, and where a fact sits.

Every function returns verbatim slices of the clause text (or their positions), so an
explanation's quote can be found again in the clause by the self-check.

>>> quote(text, start, end, words=45)
'…thực hiện có hiệu quả kiểm soát quyền lực (thực hiện thường xuyên)'
"""

from __future__ import annotations

import re
from typing import Sequence

from qa.quiz.cuts import Cuts

# A passage that starts or ends right at the asked phrase, when the sentence goes on,
# counts as this many words short (a blank at the very edge reads as a fragment).
BARE_SIDE_WORDS = 8
_CUT = re.compile(r";\s*|\.\s+|\s\(")
_SUBJECT_GLUE = re.compile(r"(?:\s|,|\bvà\b|\bchủ trì\b|\bphối hợp với\b|\bphối hợp\b|\bcùng\b)*", re.IGNORECASE)


def parts(text: str) -> list[tuple[int, int]]:
    """Spans of the clause split at ';', sentence ends and before '(' — the phrases a stem names."""
    spans, start = [], 0
    for m in re.finditer(r";\s*|\.\s+(?=[^\W\d_])", text):
        if m.group().startswith(".") and not text[m.end()].isupper():
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text.rstrip(" ."))))
    return [(a, b) for a, b in spans if b > a]


def _words(text: str) -> int:
    return len(text.split())


def shorten(text: str, words: int, snap: int = 4) -> str:
    """About the first ``words`` words, cut where a phrase ends (see ``Cuts``), with '…' when cut.

    The cut is the last phrase end within ``words`` words, or the first one at most
    ``snap`` words beyond when the last one within would keep less than half.
    """
    ws = text.split()
    if len(ws) <= words:
        return " ".join(ws).rstrip(" ,;:.")
    cuts = Cuts(text)
    ends = [(j, _words(text[:j])) for j in cuts.ends(1)]
    within = [j for j, n in ends if n <= words]
    beyond = [j for j, n in ends if words < n <= words + snap]
    if within and (_words(text[: within[-1]]) * 2 >= words or not beyond):
        j = within[-1]
    elif beyond:
        j = beyond[0]
    else:
        j = ends[0][0] if ends else len(text)
    cut = " ".join(text[:j].split()).rstrip(" ,;:.")
    return cut if j >= cuts.end else cut + "…"


def first_phrase(text: str) -> str:
    return _CUT.split(text, maxsplit=1)[0]


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (split at '. ' before a capital) holding [start, end)."""
    a, b = 0, len(text.rstrip(" ."))
    for m in re.finditer(r"\.\s+(?=[^\W\d_])", text):
        if not text[m.end()].isupper():
            continue
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    return a, max(b, end)


def window(text: str, start: int, end: int, words: int) -> tuple[int, int]:
    """A span of about ``words`` words around [start, end) inside its sentence, cut at phrase boundaries.

    Both ends are allowed cuts (see ``Cuts``): the pair closest to ``words`` words wins,
    a word too many counting twice a word too few, then the one with [start, end) nearer its middle.
    """
    a0, b0 = _sentence(text, start, end)
    cuts = Cuts(text)
    starts = [i for i in cuts.starts(a0, start) if i <= start] or [a0]
    ends = [j for j in cuts.ends(end, b0) if j >= end] or [b0]
    best: tuple[tuple[int, int], tuple[int, int]] | None = None
    for a in starts:
        left = _words(text[a:start])
        for b in ends:
            right = _words(text[end:b])
            total = left + _words(text[start:end]) + right
            over = total - words
            bare = BARE_SIDE_WORDS if (left == 0 and start > a0) or (right == 0 and b0 > end) else 0
            score = (2 * over if over > 0 else -over + bare, abs(left - right))
            if best is None or score < best[0]:
                best = (score, (a, b))
    return best[1] if best else (a0, b0)


def quote(text: str, start: int, end: int, words: int) -> str:
    """Verbatim passage around [start, end), with '…' where it was cut."""
    a, b = window(text, start, end, words)
    body = text[a:b].strip().rstrip(",;")
    return ("…" if a > 0 else "") + body + ("…" if b < len(text.rstrip(" .")) else "")


def find(text: str, value: str) -> int:
    """Position of ``value`` in ``text`` ignoring case, or -1."""
    return text.casefold().find(value.casefold())


def strip_subject(phrase: str, bodies: Sequence[str]) -> tuple[str, str]:
    """Split "Ban X chủ trì phối hợp với Ban Y hướng dẫn…" into (subject, "hướng dẫn…")."""
    pos = 0
    ordered = sorted(bodies, key=len, reverse=True)
    while True:
        glue = _SUBJECT_GLUE.match(phrase, pos).end()
        for b in ordered:
            if phrase[glue : glue + len(b)].casefold() == b.casefold():
                pos = glue + len(b)
                break
        else:
            break
    if pos == 0:
        return "", phrase
    rest_start = _SUBJECT_GLUE.match(phrase, pos).end()
    return phrase[:rest_start], phrase[rest_start:]


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]
