"""Passages of a clause: the phrases a stem names, verbatim quotes, and where a fact sits.

Every function returns verbatim slices of the clause text (or their positions), so an
explanation's quote can be found again in the clause by the self-check.

>>> quote(text, start, end, words=45)
'…thực hiện có hiệu quả kiểm soát quyền lực (thực hiện thường xuyên)'
"""

from __future__ import annotations

import re
from typing import Sequence

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


def shorten(text: str, words: int, snap: int = 4) -> str:
    """The first ``words`` words, ending at a comma when one is at most ``snap`` words back."""
    ws = text.split()
    if len(ws) <= words:
        return " ".join(ws).rstrip(" ,;:.")
    keep = ws[:words]
    for i in range(len(keep) - 1, max(len(keep) - 1 - snap, 0), -1):
        if keep[i].endswith((",", ";")):
            keep = keep[: i + 1]
            break
    return " ".join(keep).rstrip(" ,;:.") + "…"


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


def window(text: str, start: int, end: int, words: int, snap: int = 8) -> tuple[int, int]:
    """A span of about ``words`` words around [start, end) inside its sentence.

    The spare words are shared between both sides, and each cut moves to the nearest
    comma or semicolon (at most ``snap`` words away, either way) so the passage starts
    and ends on a phrase, not in the middle of a name.
    """
    a, b = _sentence(text, start, end)
    toks = [(m.start() + a, m.end() + a) for m in re.finditer(r"\S+", text[a:b])]
    inside = [i for i, (ts, te) in enumerate(toks) if te > start and ts < end]
    if not inside:
        return a, b
    first, last = inside[0], inside[-1]
    spare = max(words - len(inside), 0)
    n_left, n_right = first, len(toks) - 1 - last
    take_l = min(n_left, max(spare // 2, spare - n_right))
    take_r = min(n_right, spare - take_l)
    lo, hi = first - take_l, last + take_r

    def opens(i: int) -> bool:
        return i == 0 or text[toks[i - 1][1] - 1] in ",;"

    def closes(j: int) -> bool:
        return j == len(toks) - 1 or text[toks[j][1] - 1] in ",;"

    if not opens(lo):
        near = [i for i in range(max(lo - snap, 0), min(lo + snap, first) + 1) if opens(i)]
        if near:
            lo = min(near, key=lambda i: (abs(i - lo), -i))
    if not closes(hi):
        near = [j for j in range(max(hi - snap, last), min(hi + snap, len(toks) - 1) + 1) if closes(j)]
        if near:
            hi = min(near, key=lambda j: (abs(j - hi), j))
    return toks[lo][0], toks[hi][1]


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
