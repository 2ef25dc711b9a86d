"""The quiz builder's phrase lexicon (``phrases.tsv``): key terms and their phrase type, cut rules.

A cloze distractor must have the key's phrase type, so the blank still reads as
Vietnamese; a stem or quote may be cut only where a phrase starts or ends. Both
rules read their words from ``phrases.tsv``, which a trainer can extend.

>>> phrase_type("Ban Tuyên giáo Trung ương"), phrase_type("tháng 12/2021"), phrase_type("nêu gương")
('body', 'timing', 'verb')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from qa.facts import find_bodies, find_timings
from qa.quiz.model import norm

LEXICON_PATH = Path(__file__).with_name("phrases.tsv")
TERM_TYPES = ("verb", "noun", "ill")
KINDS = (*TERM_TYPES, "unit", "opener", "glue", "verbcue", "nouncue", "illcue")
# Phrase types a value can have: facts of the corpus, then key-term types; "" when none applies.
PHRASE_TYPES = ("body", "timing", *TERM_TYPES)


class LexiconError(ValueError):
    """A row of the phrase lexicon is malformed; the message names the file, line and row."""


@dataclass(frozen=True)
class Lexicon:
    terms: tuple[tuple[str, str], ...]  # (phrase, type), file order
    units: tuple[str, ...]
    openers: tuple[str, ...]
    glue: tuple[str, ...]
    cues: tuple[tuple[str, str], ...]  # (first words, type), longest first

    @classmethod
    def read(cls, path: Path = LEXICON_PATH) -> "Lexicon":
        rows: dict[str, list[str]] = {k: [] for k in KINDS}
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            kind, sep, phrase = line.partition("\t")
            if not sep or kind not in rows or not phrase.strip():
                raise LexiconError(f"{path}:{n}: expected kind<TAB>phrase with kind among {', '.join(KINDS)}. "
                                   f"Currently, the row is {line!r}")
            rows[kind].append(phrase.strip())
        cues = [(w, k[: -len("cue")]) for k in ("verbcue", "nouncue", "illcue") for w in rows[k]]
        return cls(
            terms=tuple((p, k) for k in TERM_TYPES for p in rows[k]),
            units=tuple(rows["unit"]),
            openers=tuple(sorted(rows["opener"], key=len, reverse=True)),
            glue=tuple(sorted(rows["glue"], key=len, reverse=True)),
            cues=tuple(sorted(cues, key=lambda c: len(c[0]), reverse=True)),
        )

    def term_type(self, phrase: str) -> str:
        """The listed type of a key term, else the type its first words cue, else ''."""
        p = norm(phrase)
        for term, kind in self.terms:
            if norm(term) == p:
                return kind
        for cue, kind in self.cues:
            c = norm(cue)
            if p == c or p.startswith(c + " "):
                return kind
        return ""


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bundled lexicon, read once."""
    return Lexicon.read()


def key_terms() -> tuple[str, ...]:
    """The key terms a cloze may blank out (``QuizOptions.key_terms`` defaults to these)."""
    return tuple(p for p, _ in lexicon().terms)


def is_bodies(value: str) -> bool:
    """True when ``value`` is one gazetteer body, or several joined by ', '."""
    text = value.strip()
    covered = [(m.start, m.end) for m in find_bodies(text) if m.end > m.start]
    if not covered:
        return False
    rest, last = [], 0
    for a, b in covered:
        rest.append(text[last:a])
        last = b
    rest.append(text[last:])
    return all(re.fullmatch(r"(,\s*)?", r) for r in rest[1:-1]) and not rest[0].strip() and not rest[-1].strip()


def phrase_type(value: str, lex: Lexicon | None = None) -> str:
    """'body', 'timing', 'verb', 'noun', 'ill' or '' (unknown)."""
    if is_bodies(value):
        return "body"
    v = value.strip()
    if find_timings(f"({v})") == (v,):
        return "timing"
    return (lex or lexicon()).term_type(value)
