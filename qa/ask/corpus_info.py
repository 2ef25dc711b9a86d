"""What the corpus holds, computed once at load: for answerability and the coverage message.

>>> info = CorpusInfo.build(clauses, coverage_message(documents))
>>> info.has_phrase("bao chi"), info.idf("thể")
(True, 1.9…)
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from ..question import document_keys
from ..text import fold, syllables
from ..types import Clause


@dataclass(frozen=True)
class CorpusInfo:
    clauses: tuple[Clause, ...]
    coverage_message: str
    folded_text: str  # every clause, headings included, folded, one clause a line
    phrase_text: str  # the same as folded syllables joined by single spaces, " | " between clauses
    doc_freq: dict[str, int]
    vocab_accented: frozenset[str]  # lower-case syllables with their accents
    refs: frozenset[str]
    bodies: frozenset[str]
    actors: frozenset[str]  # bodies that lead or coordinate some task
    doc_ids: frozenset[str]
    common: frozenset[str]  # folded syllables in over a quarter of the clauses: they name no topic
    doc_keys: frozenset[tuple[str, int]]  # documents held or cited: ("kh", 3), ("kl", 21)
    truncated: tuple[tuple[str, str], ...] = ()  # (doc_id, last ref) of documents whose copy is cut off

    @classmethod
    def build(cls, clauses: list[Clause], coverage_message: str,
              truncated: tuple[tuple[str, str], ...] = ()) -> "CorpusInfo":
        raw = [" ".join(c.headings) + " " + c.text for c in clauses]
        texts = [fold(t) for t in raw]
        df: Counter[str] = Counter()
        for t in texts:
            df.update(set(syllables(t)))
        bodies = {b for c in clauses for b in (*c.facts.bodies, *c.facts.lead, *c.facts.coordinate)}
        common = frozenset(t for t, n in df.items() if n > len(clauses) / 4)
        phrase_text = " | ".join(" ".join(syllables(t)) for t in texts)
        return cls(clauses=tuple(clauses), coverage_message=coverage_message, folded_text="\n".join(texts),
                   phrase_text=f" {phrase_text} ", doc_freq=dict(df),
                   vocab_accented=frozenset(s for t in raw for s in syllables(t)), refs=frozenset(c.ref for c in clauses),
                   bodies=frozenset(bodies), actors=frozenset(b for c in clauses for b in (*c.facts.lead, *c.facts.coordinate)),
                   doc_ids=frozenset(c.doc_id for c in clauses), common=common,
                   doc_keys=frozenset(k for c in clauses for k in document_keys(f"{c.doc_id} {c.text}")),
                   truncated=tuple(truncated))

    def idf(self, syllable: str) -> float:
        n = len(self.clauses)
        return math.log(1 + (n + 1) / (self.doc_freq.get(fold(syllable), 0) + 0.5))

    def knows(self, syllable: str, accented: bool = False) -> bool:
        """The corpus uses this syllable somewhere: with its accents when ``accented``
        ("trường" is not "trương"), else folded."""
        return syllable.lower() in self.vocab_accented if accented else fold(syllable) in self.doc_freq

    def has_phrase(self, folded_phrase: str) -> bool:
        """The corpus holds these folded syllables in a row (within one clause)."""
        return f" {folded_phrase} " in self.phrase_text


def coverage_message(documents) -> str:
    """One Vietnamese sentence per document: what it is and which parts are present."""
    parts = []
    for doc in documents:
        tops = [c.ref for c in doc.clauses if c.kind == "section"]
        span = f"các mục {tops[0]}–{tops[-1]}" if len(tops) > 1 else (f"mục {tops[0]}" if tops else "toàn văn")
        sentence = f"{doc.doc_id} ({doc.title[:90]}{'…' if len(doc.title) > 90 else ''}): {span}"
        if doc.truncated_after:
            by_ref = {c.ref: c for c in doc.clauses}
            parent = doc.truncated_after.rsplit(".", 1)[0]
            where = f" (thuộc {parent} «{by_ref[parent].text}»)" if parent in by_ref and \
                by_ref[parent].kind == "heading" else ""
            sentence += (f"; bản trong kho bị cắt sau {doc.truncated_after}{where}, "
                         "nên không có nội dung các phần tiếp theo")
        parts.append(sentence)
    return "Tài liệu hiện có — " + " | ".join(parts) + "."
