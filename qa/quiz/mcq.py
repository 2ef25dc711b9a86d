"""Multiple-choice items: one answer from the clause among distractors of the same kind.

Each builder asks one thing about a clause — its timing, who leads it, who coordinates,
which task or section a passage belongs to, which statement the plan makes — and returns
a ``Build``: called with the quiz's random source it makes the item, or says why not.

>>> item = build_timing_mcq(ctx, by_ref["III.8"], "thực hiện thường xuyên")(random.Random(7))
>>> item.answer, len(item.options)
('thực hiện thường xuyên', 4)
"""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Sequence

from qa.types import Clause

from qa.quiz.content import section_of
from qa.quiz.context import Build, QuizContext, one_claim_each
from qa.quiz.model import Claim, QuizItem, norm
from qa.quiz.passages import cap, quote
from qa.quiz.statements import statement

# A plan has few sections: a "which section" item may have fewer options, down to this many.
MIN_SECTION_OPTIONS = 3


def keys_for(c: Clause, topic: str, claims: Sequence[Claim] = ()) -> tuple[str, ...]:
    """What a statement item asks, so no other item asks it again."""
    if topic == "timing":
        return tuple(f"{c.ref}|timing|{norm(cl.value)}" for cl in claims if cl.holds and cl.fact == "timing")
    if topic in ("task", "section"):
        return (f"{c.ref}|where",)
    return (f"{c.ref}|{topic}",)


def build_timing_mcq(ctx: QuizContext, c: Clause, timing: str) -> Build:
    def build(rng: random.Random) -> QuizItem | str:
        foils = ctx.distractors(rng, c, "timing", [timing], ctx.options.n_options - 1)
        if foils is None:
            return "not enough distractors of the same kind: timing"
        noun, phrase, at, end = ctx.timing_subject(c, timing)
        q = quote(c.text, at, end, ctx.options.quote_words)
        stem = f"Theo {ctx.doc(c)}, {noun} «{phrase}» ({c.ref}) được thực hiện theo thời hạn nào?"
        return ctx.choice_item(
            rng, c, "timing", stem, timing, [f[0] for f in foils], one_claim_each(c, "timing"), q, ctx.explain(c, q),
        )

    return build


def build_lead_mcq(ctx: QuizContext, c: Clause) -> Build:
    lead = c.facts.lead

    def build(rng: random.Random) -> QuizItem | str:
        foils = ctx.distractors(rng, c, "body", lead, ctx.options.n_options - 1, size=len(lead))
        if foils is None:
            return "not enough distractors of the same kind: body"
        verb, phrase, q = ctx.lead_subject(c)
        who = "những cơ quan nào" if len(lead) > 1 else "cơ quan nào"
        if c.facts.lead_inherited:
            stem = f"Theo {ctx.doc(c)}, {ctx.noun(c)} «{phrase}» ({c.ref}) được giao cho {who}?"
        else:
            stem = f"Theo {ctx.doc(c)}, {who} {verb} việc «{phrase}» ({c.ref})?"
        fact = "lead" if c.facts.lead_inherited else "body"
        answer = ", ".join(lead)
        by_option = {answer: lead, **{", ".join(f): f for f in foils}}

        def claims(i: int, opt: str, ok: bool) -> list[Claim]:
            return [Claim(c.ref, fact if ok else "body", b, ok, i) for b in by_option[opt]]

        return ctx.choice_item(rng, c, "lead", stem, answer, [", ".join(f) for f in foils], claims, q,
                               ctx.lead_explanation(c, q))

    return build


def build_coordinate_mcq(ctx: QuizContext, c: Clause) -> Build:
    f = c.facts

    def build(rng: random.Random) -> QuizItem | str:
        answer = rng.choice(f.coordinate)
        foils = ctx.distractors(rng, c, "body", [answer], ctx.options.n_options - 1)
        if foils is None:
            return "not enough distractors of the same kind: body"
        _, phrase, q = ctx.lead_subject(c)
        stem = (f"Theo {ctx.doc(c)}, cơ quan nào được giao phối hợp với {', '.join(f.lead)} "
                f"trong việc «{phrase}» ({c.ref})?")
        return ctx.choice_item(
            rng, c, "coordinate", stem, answer, [x[0] for x in foils], one_claim_each(c, "body"), q, ctx.explain(c, q),
        )

    return build


def build_where_mcq(ctx: QuizContext, c: Clause, topic: str) -> Build:
    """Which task (``topic="task"``) or section (``"section"``) a passage unique to ``c`` belongs to."""
    options = ctx.options

    def build(rng: random.Random) -> QuizItem | str:
        snip = ctx.snippet(rng, c)
        if snip is None:
            return "no passage unique to the clause"
        shown, verbatim, q = snip
        if topic == "task":
            others = [o for o in ctx.siblings(c) if o.ref != c.ref]
            rng.shuffle(others)
            foils = others[: options.n_options - 1]
            names = {ctx.item_name(o): o.ref for o in foils}
            answer = ctx.item_name(c)
            stem = (f"Theo {ctx.doc(c)}, nội dung «{shown}» thuộc {ctx.noun(c)} nào trong "
                    f"{ctx.section_short(section_of(c.ref))}?")
        else:
            secs = [s for s in ctx.sections if s != section_of(c.ref)]
            rng.shuffle(secs)
            foils = secs[: options.n_options - 1]
            names = {ctx.sections[s]: s for s in foils}
            answer = ctx.sections[section_of(c.ref)]
            stem = f"Theo {ctx.doc(c)}, nội dung «{shown}» thuộc mục nào của kế hoạch?"
        need = options.n_options - 1 if topic == "task" else min(options.n_options, MIN_SECTION_OPTIONS) - 1
        if len(foils) < need:
            return f"not enough distractors of the same kind: {topic}"
        names[answer] = c.ref

        def claims(i: int, opt: str, ok: bool) -> list[Claim]:
            scope = "section" if topic == "section" and not ok else "clause"
            return [Claim(names[opt], "phrase", verbatim, ok, i, scope)]

        return ctx.choice_item(rng, c, topic, stem, answer, list(names)[:-1], claims, q, ctx.explain(c, q),
                               keys=(f"{c.ref}|where",))

    return build


def build_statement_mcq(ctx: QuizContext, c: Clause, topic: str, peers: Sequence[Clause]) -> Build:
    """One true statement about ``c`` among false ones about other clauses of the same kind."""

    def build(rng: random.Random) -> QuizItem | str:
        made = statement(ctx, rng, c, topic, True)
        if isinstance(made, str):
            return made
        true_text, true_claims, q, _ = made
        others = [p for p in peers if p.ref != c.ref]
        rng.shuffle(others)
        foils: list[tuple[str, list[Claim]]] = []
        for p in others:
            fm = statement(ctx, rng, p, topic, False)
            if isinstance(fm, str) or any(norm(fm[0]) == norm(t) for t, _ in foils):
                continue
            foils.append((cap(fm[0]) + ".", fm[1]))
            if len(foils) == ctx.options.n_options - 1:
                break
        if len(foils) < ctx.options.n_options - 1:
            return f"not enough distractors of the same kind: statement ({topic})"
        answer = cap(true_text) + "."
        by_option = {answer: true_claims, **dict(foils)}

        def claims(i: int, opt: str, ok: bool) -> list[Claim]:
            return [replace(cl, option=i) for cl in by_option[opt]]

        stem = f"Theo {ctx.doc(c)}, nhận định nào sau đây đúng?"
        return ctx.choice_item(rng, c, "statement", stem, answer, [t for t, _ in foils], claims, q,
                               ctx.explain_topic(c, topic, q), keys=keys_for(c, topic, true_claims))

    return build
