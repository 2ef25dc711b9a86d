"""Grounded quiz items from clauses: candidates for every kind, then a balanced, checked pick.

Every item starts from one clause and one of its facts (a timing, a lead or
coordinating body, a key phrase, where a passage sits). Distractors are facts of
the same kind taken from other clauses and ruled out for this one; every option
is recorded as a ``Claim`` and ``SelfCheck`` verifies the item before it is kept.

    content / distractors / context → mcq, statements (true/false), cloze → generate_quiz

>>> result = generate_quiz(clauses, QuizOptions(n=20, sections=("III",), seed=7))
>>> result.items[0].citation.ref, len(result.dropped)

Difficulty is ``kind weight + topic weight`` (see ``difficulty``): true/false 0,
multiple choice 1, cloze 2; timing and section 0, anything else 1; a total of 0–1
is easy, 2 medium, 3 hard. So a true/false on a timing is easy, a multiple choice
on who leads is medium, blanking a body out of the text is hard.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Sequence

from qa.types import Clause

from qa.quiz.cloze import build_cloze, cloze_keys, cloze_targets
from qa.quiz.content import section_choices, section_of, select_sections
from qa.quiz.context import Build, QuizContext, difficulty
from qa.quiz.mcq import (
    build_coordinate_mcq,
    build_lead_mcq,
    build_statement_mcq,
    build_timing_mcq,
    build_where_mcq,
)
from qa.quiz.model import KIND_LABELS, KINDS, Dropped, QuizError, QuizItem, QuizOptions, QuizResult, norm
from qa.quiz.statements import build_tf

__all__ = [
    "KIND_LABELS",
    "KINDS",
    "QuizError",
    "QuizOptions",
    "QuizResult",
    "difficulty",
    "generate_quiz",
    "section_choices",
    "section_of",
]

# The topics each kind asks about, in the order the pick takes turns over them.
TOPICS = {
    "mcq": ("timing", "lead", "coordinate", "task", "section", "statement"),
    "tf": ("timing", "lead", "task", "section"),
    "cloze": ("timing", "body", "term"),
}


@dataclass(frozen=True)
class Candidate:
    """A possible item: its kind and topic, the clause, what it asks (``keys``), and how to build it."""

    kind: str
    topic: str
    clause: Clause
    keys: tuple[str, ...]
    build: Build


def _timing_key(c: Clause, timing: str) -> tuple[str]:
    return (f"{c.ref}|timing|{norm(timing)}",)


class Generator:
    """Lists candidate items for one corpus; ``generate_quiz`` picks and checks them."""

    def __init__(self, clauses: Sequence[Clause], options: QuizOptions):
        self.ctx = QuizContext(clauses, options)
        self.options = options
        self.content = self.ctx.content
        self.checker = self.ctx.checker
        self.sections = self.ctx.sections

    def candidates(self, selected: Sequence[Clause], kinds: Sequence[str]) -> list[Candidate]:
        ctx, n_options = self.ctx, self.options.n_options
        out: list[Candidate] = []
        with_timing = [c for c in selected if c.facts.timings]
        with_lead = [c for c in selected if ctx.lead_ok(c)]
        for c in selected:
            f = c.facts
            lead_ok = ctx.lead_ok(c)
            where = (f"{c.ref}|where",)
            if "mcq" in kinds:
                for t in f.timings:
                    out.append(Candidate("mcq", "timing", c, _timing_key(c, t), build_timing_mcq(ctx, c, t)))
                if lead_ok:
                    out.append(Candidate("mcq", "lead", c, (f"{c.ref}|lead",), build_lead_mcq(ctx, c)))
                if f.coordinate and lead_ok and not f.lead_inherited:
                    out.append(Candidate("mcq", "coordinate", c, (f"{c.ref}|coordinate",),
                                         build_coordinate_mcq(ctx, c)))
                if "." in c.ref:
                    topic = "task" if c.kind == "item" and len(ctx.siblings(c)) >= n_options else "section"
                    out.append(Candidate("mcq", topic, c, where, build_where_mcq(ctx, c, topic)))
                if len(f.timings) == 1:
                    out.append(Candidate("mcq", "statement", c, _timing_key(c, f.timings[0]),
                                         build_statement_mcq(ctx, c, "timing", with_timing)))
                if lead_ok:
                    out.append(Candidate("mcq", "statement", c, (f"{c.ref}|lead",),
                                         build_statement_mcq(ctx, c, "lead", with_lead)))
            if "tf" in kinds:
                if len(f.timings) == 1:
                    out.append(Candidate("tf", "timing", c, _timing_key(c, f.timings[0]), build_tf(ctx, c, "timing")))
                if lead_ok:
                    out.append(Candidate("tf", "lead", c, (f"{c.ref}|lead",), build_tf(ctx, c, "lead")))
                if "." in c.ref:
                    topic = "task" if c.kind == "item" and len(ctx.siblings(c)) >= 2 else "section"
                    out.append(Candidate("tf", topic, c, where, build_tf(ctx, c, topic)))
            if "cloze" in kinds:
                for fact, value in cloze_targets(ctx, c):
                    keys = cloze_keys(c, fact, value)
                    out.append(Candidate("cloze", fact, c, keys, build_cloze(ctx, c, fact, value)))
        return out


def generate_quiz(clauses: Sequence[Clause], options: QuizOptions | None = None) -> QuizResult:
    """Pick up to ``options.n`` checked items, balanced across kinds and topics, reproducibly."""
    options = options or QuizOptions()
    gen = Generator(clauses, options)
    selected = select_sections(gen.content, gen.sections, options.sections)
    rng = random.Random(options.seed)

    queues: dict[str, dict[str, list[Candidate]]] = {k: {} for k in options.kinds}
    for cand in gen.candidates(selected, options.kinds):
        queues[cand.kind].setdefault(cand.topic, []).append(cand)
    for k in options.kinds:
        for topic in queues[k]:
            rng.shuffle(queues[k][topic])
    topic_turn = {k: 0 for k in options.kinds}

    kept: list[QuizItem] = []
    dropped: list[Dropped] = []
    used_keys: set[str] = set()
    used_stems: set[str] = set()
    per_clause: dict[str, int] = {}

    def next_item(kind: str) -> QuizItem | None:
        topics = [t for t in TOPICS[kind] if queues[kind].get(t)]
        while topics:
            topic = topics[topic_turn[kind] % len(topics)]
            topic_turn[kind] += 1
            queue = queues[kind][topic]
            while queue:
                # Spread the quiz over the clauses: take the candidate whose clause was used least.
                at = min(range(len(queue)), key=lambda i: (per_clause.get(queue[i].clause.ref, 0), -i))
                cand = queue.pop(at)
                if used_keys.intersection(cand.keys):
                    continue  # already asked by another item
                made = cand.build(rng)
                if isinstance(made, str):
                    dropped.append(Dropped(cand.clause.ref, kind, topic, made))
                    continue
                problems = gen.checker.problems(made)
                if problems:
                    dropped.append(Dropped(cand.clause.ref, kind, topic, problems[0]))
                    continue
                if norm(f"{made.stem} | {made.answer}") in used_stems or used_keys.intersection(made.keys):
                    continue
                return replace(made, keys=tuple(dict.fromkeys((*cand.keys, *made.keys))))
            topics = [t for t in TOPICS[kind] if queues[kind].get(t)]
        return None

    active = list(options.kinds)
    while len(kept) < options.n and active:
        for kind in list(active):
            if len(kept) >= options.n:
                break
            item = next_item(kind)
            if item is None:
                active.remove(kind)
                continue
            used_keys.update(item.keys)
            used_stems.add(norm(f"{item.stem} | {item.answer}"))
            per_clause[item.citation.ref] = per_clause.get(item.citation.ref, 0) + 1
            kept.append(replace(item, id=f"{len(kept) + 1:02d}-{item.citation.ref}-{item.kind}-{item.topic}"))
    return QuizResult(items=tuple(kept), dropped=tuple(dropped), requested=options.n, options=options)
