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
from collections import Counter
from dataclasses import dataclass, replace
from typing import Sequence

from qa.types import Clause

from qa.quiz.balance import template_of, template_of_topic
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
from qa.quiz.model import KIND_LABELS, KINDS, Caps, Dropped, QuizError, QuizItem, QuizOptions, QuizResult, norm
from qa.quiz.statements import build_tf

__all__ = [
    "KIND_LABELS",
    "KINDS",
    "QuizError",
    "QuizOptions",
    "QuizResult",
    "difficulty",
    "generate_quiz",
    "regenerate_item",
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

    @property
    def template(self) -> str:
        """What it asks (``balance.TEMPLATES``); a statement states a timing or who leads."""
        fact = "timing" if any("|timing|" in k for k in self.keys) else "lead"
        return template_of_topic(self.topic, fact)


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


class Picker:
    """Takes candidates in turn over kinds and topics, keeping to the caps on clauses and templates.

    Among a topic's candidates it takes the one whose clause, then whose section, has
    been used least (a section's use counted against its number of clauses), so the
    quiz spreads over the plan.
    """

    def __init__(self, gen: Generator, cands: Sequence[Candidate], options: QuizOptions, rng: random.Random):
        self.gen, self.options, self.rng = gen, options, rng
        self.queues: dict[str, dict[str, list[Candidate]]] = {k: {} for k in options.kinds}
        for cand in cands:
            self.queues[cand.kind].setdefault(cand.topic, []).append(cand)
        for k in options.kinds:
            for topic in self.queues[k]:
                rng.shuffle(self.queues[k][topic])
        self.section_size = Counter(section_of(ref) for ref in {c.clause.ref for c in cands})
        self.turn = {k: 0 for k in options.kinds}
        self.kept: list[QuizItem] = []
        self.dropped: list[Dropped] = []
        self.used_keys: set[str] = set()
        self.used_stems: set[str] = set()
        self.per_clause: Counter[str] = Counter()
        self.per_section: Counter[str] = Counter()
        self.per_template: Counter[str] = Counter()

    def left(self) -> int:
        return sum(len(q) for by_topic in self.queues.values() for q in by_topic.values())

    def _fits(self, cand: Candidate, caps: Caps) -> bool:
        return (self.per_clause[cand.clause.ref] < caps.per_clause
                and self.per_template[cand.template] < caps.per_template)

    def _open_topics(self, kind: str, caps: Caps) -> list[str]:
        return [t for t in TOPICS[kind] if any(self._fits(c, caps) for c in self.queues[kind].get(t, ()))]

    def _spread(self, cand: Candidate) -> tuple[int, float]:
        sec = section_of(cand.clause.ref)
        return self.per_clause[cand.clause.ref], self.per_section[sec] / self.section_size[sec]

    def next_item(self, kind: str, caps: Caps) -> tuple[QuizItem, Candidate] | None:
        topics = self._open_topics(kind, caps)
        while topics:
            topic = topics[self.turn[kind] % len(topics)]
            self.turn[kind] += 1
            queue = self.queues[kind][topic]
            while True:
                fits = [i for i, c in enumerate(queue) if self._fits(c, caps)]
                if not fits:
                    break
                cand = queue.pop(min(fits, key=lambda i: (*self._spread(queue[i]), -i)))
                if self.used_keys.intersection(cand.keys):
                    continue  # already asked by another item
                made = cand.build(self.rng)
                if isinstance(made, str):
                    self.dropped.append(Dropped(cand.clause.ref, kind, topic, made))
                    continue
                problems = self.gen.checker.problems(made)
                if problems:
                    self.dropped.append(Dropped(cand.clause.ref, kind, topic, problems[0]))
                    continue
                if norm(f"{made.stem} | {made.answer}") in self.used_stems or self.used_keys.intersection(made.keys):
                    continue
                return replace(made, keys=tuple(dict.fromkeys((*cand.keys, *made.keys)))), cand
            topics = self._open_topics(kind, caps)
        return None

    def fill(self, caps: Caps) -> None:
        """Take items in turn over the kinds until ``n`` are kept or no candidate fits ``caps``."""
        active = list(self.options.kinds)
        while len(self.kept) < self.options.n and active:
            for kind in list(active):
                if len(self.kept) >= self.options.n:
                    break
                found = self.next_item(kind, caps)
                if found is None:
                    active.remove(kind)
                    continue
                item, cand = found
                ref = item.citation.ref
                self.used_keys.update(item.keys)
                self.used_stems.add(norm(f"{item.stem} | {item.answer}"))
                self.per_clause[ref] += 1
                self.per_section[section_of(ref)] += 1
                self.per_template[cand.template] += 1
                self.kept.append(replace(item, id=f"{len(self.kept) + 1:02d}-{ref}-{item.kind}-{item.topic}"))


def _pick(clauses: Sequence[Clause], options: QuizOptions) -> tuple[Picker, Caps]:
    """The picker after the quiz's own pick, and the caps it kept to (see ``generate_quiz``)."""
    gen = Generator(clauses, options)
    selected = select_sections(gen.content, gen.sections, options.sections)
    rng = random.Random(options.seed)
    cands = gen.candidates(selected, options.kinds)
    caps = Caps.for_quiz(options, len({c.clause.ref for c in cands}), len({c.template for c in cands}))
    picker = Picker(gen, cands, options, rng)
    picker.fill(caps)
    while len(picker.kept) < options.n and picker.left() and caps.per_clause < options.n:
        caps = caps.raised()
        picker.fill(caps)
    return picker, caps


def generate_quiz(clauses: Sequence[Clause], options: QuizOptions | None = None) -> QuizResult:
    """Pick up to ``options.n`` checked items, balanced across kinds, topics and the plan, reproducibly.

    The caps on items per clause and per template (``Caps.for_quiz``) are raised step
    by step only when the candidates that fit them cannot make ``n`` items; the result
    records the caps the quiz kept to.
    """
    options = options or QuizOptions()
    picker, caps = _pick(clauses, options)
    return QuizResult(items=tuple(picker.kept), dropped=tuple(picker.dropped), requested=options.n,
                      options=options, caps=caps)


def regenerate_item(clauses: Sequence[Clause], options: QuizOptions, items: Sequence[QuizItem],
                    index: int) -> QuizItem | None:
    """A checked item to put in place of ``items[index]``, or None when no other fits.

    Same kind, from another clause; it asks nothing the quiz's other items (or the
    replaced one) ask, and keeps to the quiz's caps on clauses and templates counted
    over the other items. The pick continues the quiz's own seeded stream (the
    candidates its pick left, shuffled by ``options.seed``), so the same quiz and
    index give the same new item.
    """
    old = items[index]
    picker, caps = _pick(clauses, options)
    if old.kind not in picker.queues:
        return None
    others = [it for i, it in enumerate(items) if i != index]
    picker.used_keys = {k for it in items for k in it.keys}
    picker.used_stems = {norm(f"{it.stem} | {it.answer}") for it in items}
    picker.per_clause = Counter(it.citation.ref for it in others)
    picker.per_section = Counter(section_of(it.citation.ref) for it in others)
    picker.per_template = Counter(template_of(it) for it in others)
    for queue in picker.queues[old.kind].values():
        queue[:] = [c for c in queue if c.clause.ref != old.citation.ref]
    found = picker.next_item(old.kind, caps)
    if found is None:
        return None
    item = found[0]
    return replace(item, id=f"{index + 1:02d}-{item.citation.ref}-{item.kind}-{item.topic}")
