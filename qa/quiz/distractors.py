"""Distractors: facts of the same kind as the answer, drawn from other clauses and ruled out for this one.

``Pools`` gathers every body, timing and key term of the corpus once (first spelling
wins, with the ref it comes from); ``pick_distractors`` draws from a pool the values
the self-check rules out for the clause and that overlap neither the answer nor each other.

>>> pools = Pools.build(clauses, QuizOptions().key_terms)
>>> pick_distractors(pools, SelfCheck(clauses), random.Random(7), by_ref["III.8"], "timing",
...                  ["thực hiện thường xuyên"], k=2)
[('năm thứ 3, nhiệm kỳ Đại hội Đảng, nhiệm kỳ Quốc hội và Hội đồng nhân dân các cấp',),
 ('từ năm 2022',)]
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Sequence

from qa.types import Clause

from qa.quiz.check import SelfCheck
from qa.quiz.content import is_content
from qa.quiz.lexicon import phrase_type
from qa.quiz.model import norm, overlaps
from qa.quiz.passages import find

_QUOTED = re.compile(r"[“\"]([^“”\"]{3,60})[”\"]")


@dataclass
class Pools:
    """Facts of each kind across the whole corpus, first spelling wins, with the ref they come from."""

    bodies: dict[str, tuple[str, str]]
    timings: dict[str, tuple[str, str]]
    terms: dict[str, tuple[str, str]]

    @classmethod
    def build(cls, clauses: Sequence[Clause], key_terms: Sequence[str]) -> "Pools":
        bodies: dict[str, tuple[str, str]] = {}
        timings: dict[str, tuple[str, str]] = {}
        terms: dict[str, tuple[str, str]] = {}
        for c in clauses:
            for b in (*c.facts.bodies, *c.facts.coordinate):
                bodies.setdefault(norm(b), (b, c.ref))
            for t in c.facts.timings:
                timings.setdefault(norm(t), (t, c.ref))
            if not is_content(c):
                continue
            for t in key_terms:
                i = find(c.text, t)
                if i >= 0:
                    terms.setdefault(norm(t), (c.text[i : i + len(t)], c.ref))
            for m in _QUOTED.finditer(c.text):
                terms.setdefault(norm(m.group(1)), (m.group(1), c.ref))
        return cls(bodies, timings, terms)

    def of(self, fact: str) -> dict[str, tuple[str, str]]:
        return {"body": self.bodies, "lead": self.bodies, "timing": self.timings, "term": self.terms}[fact]

    def named(self, value: str) -> bool:
        return norm(value) in self.bodies


def pick_distractors(
    pools: Pools,
    checker: SelfCheck,
    rng: random.Random,
    c: Clause,
    fact: str,
    answer: Sequence[str],
    k: int,
    size: int = 1,
) -> list[tuple[str, ...]] | None:
    """``k`` options of ``size`` values each: same kind (a term: same phrase type), from other clauses,
    ruled out for ``c``.

    ``None`` when the pool holds too few; the caller drops the item and says why.
    """
    pool = [v for v, _ in pools.of(fact).values()]
    if fact == "term":
        # The blank must still read as Vietnamese: a verb phrase's distractors are verb phrases, and so on.
        want = phrase_type(answer[0]) if answer else ""
        pool = [v for v in pool if want and phrase_type(v) == want]
    ok = [v for v in pool if checker.rules_out(c, fact, v) and not any(overlaps(v, a) for a in answer)]
    rng.shuffle(ok)
    chosen: list[str] = []
    for v in ok:
        if not any(overlaps(v, w) for w in chosen):
            chosen.append(v)
        if len(chosen) == k * size:
            break
    if len(chosen) < k * size:
        return None
    return [tuple(chosen[i * size : (i + 1) * size]) for i in range(k)]
