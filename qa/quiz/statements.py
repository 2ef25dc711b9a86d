"""True/false items: one statement about a clause, true as written or false by one swapped fact.

A statement names a task and one of its facts — its timing, who leads it, which task
or section a passage belongs to. A false one swaps that fact for a distractor of the
same kind and says where the swapped value really comes from. ``statement`` is also
what ``mcq.build_statement_mcq`` lines up, one true among false ones.

>>> build_tf(ctx, by_ref["III.8"], "timing")(random.Random(7)).stem
'Theo Kế hoạch 03-KH/TW, nhiệm vụ «Tiếp tục đẩy mạnh và nâng cao chất lượng, hiệu quả công tác phòng…»
(III.8) được thực hiện theo thời hạn «thực hiện thường xuyên».'
"""

from __future__ import annotations

import random
from typing import Sequence

from qa.types import Clause

from qa.quiz.content import section_of
from qa.quiz.context import Build, QuizContext, difficulty
from qa.quiz.model import FALSE_LABEL, TRUE_LABEL, Claim, QuizItem, norm
from qa.quiz.passages import quote

# (statement without the "Theo Kế hoạch" lead-in, claims, quote, note on where a swapped fact comes from).
Statement = tuple[str, list[Claim], str, str]


def timing_statement(ctx: QuizContext, c: Clause, timing: str) -> tuple[str, str]:
    """(statement without the "Theo Kế hoạch" lead-in, verbatim quote)."""
    noun, phrase, at, end = ctx.timing_subject(c, timing)
    q = quote(c.text, at, end, ctx.options.quote_words)
    return f"{noun} «{phrase}» ({c.ref}) được thực hiện theo thời hạn «{timing}»", q


def lead_statement(ctx: QuizContext, c: Clause, lead: Sequence[str]) -> str:
    verb, phrase, _ = ctx.lead_subject(c)
    who = ", ".join(lead)
    if c.facts.lead_inherited:
        return f"{ctx.noun(c)} «{phrase}» ({c.ref}) được giao cho {who}"
    return f"{who} {verb} việc «{phrase}» ({c.ref})"


def statement(ctx: QuizContext, rng: random.Random, c: Clause, topic: str, true: bool) -> Statement | str:
    """A statement about ``c`` (true, or false by one swapped fact): text, claims, quote, source of swap."""
    f = c.facts
    if topic == "timing":
        timing = rng.choice(f.timings)
        claims = [Claim(c.ref, "timing", timing, True)]
        value, src = timing, ""
        if not true:
            foil = ctx.distractors(rng, c, "timing", [timing], 1)
            if foil is None:
                return "not enough distractors of the same kind: timing"
            value = foil[0][0]
            src = ctx.pools.timings[norm(value)][1]
            claims.append(Claim(c.ref, "timing", value, False))
        text, q = timing_statement(ctx, c, timing)
        text = text.replace(f"«{timing}»", f"«{value}»")
        return text, claims, q, src and f"«{value}» là thời hạn ghi ở {src}, không phải ở {c.ref}."
    if topic == "lead":
        fact = "lead" if f.lead_inherited else "body"
        claims = [Claim(c.ref, fact, b, True) for b in f.lead]
        who, src = list(f.lead), ""
        if not true:
            foil = ctx.distractors(rng, c, "body", f.lead, 1, size=len(f.lead))
            if foil is None:
                return "not enough distractors of the same kind: body"
            who = list(foil[0])
            src = ctx.pools.bodies[norm(who[0])][1]
            claims.extend(Claim(c.ref, "body", b, False) for b in who)
        _, _, q = ctx.lead_subject(c)
        note = src and f"«{', '.join(who)}» được nêu ở {src}, không phải ở {c.ref}."
        return lead_statement(ctx, c, who), claims, q, note
    # task / section: "passage P belongs to X"
    snip = ctx.snippet(rng, c)
    if snip is None:
        return "no passage unique to the clause"
    shown, verbatim, q = snip
    claims = [Claim(c.ref, "phrase", verbatim, True)]
    if topic == "task":
        target = c
        if not true:
            others = [o for o in ctx.siblings(c) if o.ref != c.ref]
            if not others:
                return "not enough distractors of the same kind: task"
            target = rng.choice(others)
            claims.append(Claim(target.ref, "phrase", verbatim, False))
        where = f"{ctx.item_name(target).lower()} của {ctx.section_short(section_of(c.ref))}"
        note = "" if true else f"Đoạn này thuộc {c.ref}, không thuộc {target.ref}."
    else:
        sec = section_of(c.ref)
        if not true:
            others_s = [s for s in ctx.sections if s != sec]
            if not others_s:
                return "not enough distractors of the same kind: section"
            sec = rng.choice(others_s)
            claims.append(Claim(sec, "phrase", verbatim, False, scope="section"))
        where = ctx.sections[sec]
        note = "" if true else f"Đoạn này thuộc {c.ref}, không thuộc mục {sec}."
    return f"nội dung «{shown}» thuộc {where}", claims, q, note


def build_tf(ctx: QuizContext, c: Clause, topic: str) -> Build:
    def build(rng: random.Random) -> QuizItem | str:
        true = rng.random() < 0.5
        made = statement(ctx, rng, c, topic, true)
        if isinstance(made, str):
            return made
        text, claims, q, note = made
        answer = TRUE_LABEL if true else FALSE_LABEL
        explanation = ctx.explain_topic(c, topic, q, prefix=f"{answer}. ")
        if note:
            explanation += f" {note}"
        return QuizItem(
            id="", kind="tf", topic=topic, stem=f"Theo {ctx.doc(c)}, {text}.", options=(TRUE_LABEL, FALSE_LABEL),
            answer=answer, explanation=explanation, citation=ctx.cite(c), difficulty=difficulty("tf", topic),
            quote=q, claims=tuple(claims),
        )

    return build
