"""Fill-in-the-blank items: a window of the clause with one fact blanked out.

The blank hides a timing, a named body or a key term that occurs verbatim in the
clause; the options are that phrase and distractors of the same kind. A window
that still shows the answer elsewhere is dropped.

>>> [fact for fact, _ in cloze_targets(ctx, by_ref["III.8"])]
['timing', 'term', 'term']
"""

from __future__ import annotations

import random

from qa.types import Clause

from qa.quiz.context import Build, QuizContext, one_claim_each
from qa.quiz.lexicon import phrase_type
from qa.quiz.model import BLANK, QuizItem, norm, overlaps
from qa.quiz.passages import find, quote, window


def cloze_keys(c: Clause, fact: str, value: str) -> tuple[str, ...]:
    """What blanking ``value`` asks; blanking a lead body also asks who leads."""
    keys = (f"{c.ref}|{fact}|{norm(value)}",)
    if fact == "body" and any(overlaps(value, lead) for lead in c.facts.lead):
        keys += (f"{c.ref}|lead",)
    return keys


def cloze_targets(ctx: QuizContext, c: Clause) -> list[tuple[str, str]]:
    """(fact, value) a cloze may blank out of ``c``: timings, named bodies, key terms."""
    out: list[tuple[str, str]] = [("timing", t) for t in c.facts.timings if find(c.text, t) >= 0]
    for b in dict.fromkeys((*c.facts.bodies, *c.facts.coordinate)):
        if find(c.text, b) >= 0 and not any(b != o and overlaps(b, o) and len(o) > len(b)
                                            for o in c.facts.bodies):
            out.append(("body", b))
    for term, _ in ctx.pools.terms.values():
        if find(c.text, term) >= 0 and phrase_type(term):  # a term of no known type gets no fitting distractors
            out.append(("term", term))
    return out


def build_cloze(ctx: QuizContext, c: Clause, fact: str, value: str) -> Build:
    options = ctx.options

    def build(rng: random.Random) -> QuizItem | str:
        at = c.text.find(f"({value})") + 1 if fact == "timing" and f"({value})" in c.text else find(c.text, value)
        if at < 0:
            return f"answer not supported by the clause: «{value}» in {c.ref}"
        answer = c.text[at : at + len(value)]
        a, b = window(c.text, at, at + len(value), options.cloze_words)
        passage = (c.text[a:at] + BLANK + c.text[at + len(value) : b]).rstrip(",; ")
        if norm(answer) in norm(passage):
            return f"stem gives the answer away: «{answer}»"
        foils = ctx.distractors(rng, c, fact, [answer], options.n_options - 1)
        if foils is None:
            return f"not enough distractors of the same kind: {fact}"
        pre = "…" if a > 0 else ""
        post = "…" if b < len(c.text.rstrip(" .")) else ""
        stem = f"Điền vào chỗ trống theo {ctx.doc(c)} ({c.ref}): «{pre}{passage.strip()}{post}»"
        q = quote(c.text, at, at + len(value), options.cloze_words)
        return ctx.choice_item(
            rng, c, fact, stem, answer, [x[0] for x in foils], one_claim_each(c, fact), q, ctx.explain(c, q),
            kind="cloze", keys=cloze_keys(c, fact, answer),
        )

    return build
