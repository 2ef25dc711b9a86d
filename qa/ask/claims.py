"""Claims to check: a statement the user asks to have confirmed ("Đúng hay sai: Kế hoạch 03 do Ban
Bí thư ban hành.", "KH 03 ký ngày 25/10/2021, đúng không?"), and the verdict on it from the value
the plan gives.

The words that mark a claim are data (``qa/data/claim_cues.tsv``). A verdict is given only when the
statement names a value of the kind the answer gives (a body, a date, a document's number, a
person, a document type, a document) and offers no choice between values ("… 03-KH/TW hay
03/KH-TW?" is answered by the value alone): "Đúng." when every value it names is the plan's,
"Không đúng." when one is not, and nothing when it names none.

>>> verdict(["Ban Bí thư"], ["Bộ Chính trị", "Ban Chấp hành Trung ương"])
'Không đúng.'
>>> claimed_dates("KH 03 ban hành ngày 1/12/2021, đúng không?")
[(1, 12, 2021)]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..datafiles import DATA, data_lines
from ..text import collapse, fold

TRUE, FALSE = "Đúng.", "Không đúng."


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, re.Pattern]:
    by_kind: dict[str, list[str]] = {"lead": [], "tag": []}
    for line in data_lines(DATA / "claim_cues.tsv"):
        kind, phrase = line.split("\t", 1)
        by_kind[kind.strip()].append(collapse(fold(phrase.strip().lower())))

    def words(phrases):
        return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))

    lead = re.compile(rf"^\W*(?:{words(by_kind['lead'])})\s*[:\-–—.]\s*")
    tag = re.compile(rf"(?<!\w)(?:{words(by_kind['tag'] + by_kind['lead'])})(?!\w)")
    return lead, tag


def without_lead(text: str) -> str:
    """The text without the words that announce a statement to check ("Đúng hay sai: …")."""
    folded = fold(text.lower())
    found = _cues()[0].match(folded) if len(folded) == len(text) else None
    return text[found.end():] if found and found.end() < len(text) else text


# "đúng hay sai", "… hay không": the choice is the claim's, not between values
_NOT_A_CHOICE = re.compile(r"\b(?:dung hay sai|hay khong|hay ko|hay chua|hay sai)\b")


def is_claim(text: str) -> bool:
    """The text asks to have a statement checked, and offers no choice between values."""
    folded = collapse(fold(text.lower()))
    lead, tag = _cues()
    if not (lead.search(folded) or tag.search(folded)):
        return False
    return not re.search(r"\bhay\b", _NOT_A_CHOICE.sub(" ", folded))


def verdict(claimed: Iterable[str], actual: Iterable[str]) -> str | None:
    """"Đúng." when every value claimed is among the actual ones, "Không đúng." when one is not,
    None when nothing is claimed (compared without accents, case or spacing)."""
    def key(value: str) -> str:
        return re.sub(r"\s+", " ", fold(value.lower())).strip()

    claimed = [key(c) for c in claimed if c and c.strip()]
    if not claimed:
        return None
    have = {key(a) for a in actual}
    return TRUE if all(c in have for c in claimed) else FALSE


_FULL_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)"
                        r"|\bngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})\b")
_MONTH = re.compile(r"\bthang (\d{1,2})\s*(?:/|nam|-)\s*(\d{4})\b")
_YEAR = re.compile(r"\bnam (\d{4})\b")


def claimed_dates(text: str, after: re.Pattern | None = None, reach: int = 30) -> list[tuple]:
    """The dates a text names, as (day, month, year) with None for what it leaves out ("tháng
    12/2021" → (None, 12, 2021)); with ``after`` (a folded pattern), only those within ``reach``
    characters after one of its matches ("ban hành ngày …", not the date of a document cited)."""
    folded = collapse(fold(text.lower()))
    spans = [(m.end(), m.end() + reach) for m in after.finditer(folded)] if after is not None else [(0, len(folded))]
    found: list[tuple] = []
    taken: list[tuple[int, int]] = []

    def inside(m) -> bool:
        return any(lo <= m.start() <= hi for lo, hi in spans)

    for m in _FULL_DATE.finditer(folded):
        if inside(m):
            g = [x for x in m.groups() if x is not None]
            found.append((int(g[0]), int(g[1]), int(g[2])))
            taken.append(m.span())
    for pattern, shape in ((_MONTH, lambda g: (None, int(g[0]), int(g[1]))), (_YEAR, lambda g: (None, None, int(g[0])))):
        for m in pattern.finditer(folded):
            if inside(m) and not any(a <= m.start() < b for a, b in taken):
                found.append(shape(m.groups()))
                taken.append(m.span())
    return found


def date_verdict(claimed: list[tuple], actual: tuple[int, int, int]) -> str | None:
    """The verdict on dates claimed against the one date the plan gives: each must agree with it in
    every part it names (a month claimed is right of any day in that month)."""
    if not claimed:
        return None
    agree = all(all(c is None or c == a for c, a in zip(claim, actual)) for claim in claimed)
    return TRUE if agree else FALSE
