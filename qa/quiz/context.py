"""The corpus as the item builders see it, and the wording every item shares.

``QuizContext`` is built once per quiz: the content clauses, the sections, the pools
of facts, the self-check. Its methods name things the same way in every kind of item
(the plan, a task, who leads it, what a timing applies to, where a passage sits) and
assemble an item whose options are each backed by claims.

Difficulty is ``kind weight + topic weight``: true/false 0, multiple choice 1,
cloze 2; timing and section 0, anything else 1; a total of 0–1 is easy, 2 medium,
3 hard.

>>> ctx = QuizContext(clauses, QuizOptions())
>>> ctx.task(ctx.content[0])
'Nhận thức sâu sắc tính chất, tầm quan trọng của công tác xây dựng…'
"""

from __future__ import annotations

import random
from typing import Callable, Sequence

from qa.types import Clause

from qa.quiz.check import SelfCheck
from qa.quiz.content import is_content, section_choices
from qa.quiz.distractors import Pools, pick_distractors
from qa.quiz.model import Claim, ItemCitation, QuizItem, QuizOptions, norm
from qa.quiz.passages import cap, find, first_phrase, parts, quote, shorten, strip_subject

KIND_WEIGHT = {"tf": 0, "mcq": 1, "cloze": 2}
TOPIC_WEIGHT = {"timing": 0, "section": 0}  # every other topic weighs 1

# A builder makes its item when called with the quiz's random source, or says why it cannot.
Build = Callable[[random.Random], "QuizItem | str"]
ClaimsFor = Callable[[int, str, bool], "list[Claim]"]


def difficulty(kind: str, topic: str) -> str:
    score = KIND_WEIGHT[kind] + TOPIC_WEIGHT.get(topic, 1)
    return "easy" if score <= 1 else "medium" if score == 2 else "hard"


def one_claim_each(c: Clause, fact: str) -> ClaimsFor:
    """Claims for options that are each one value of ``fact``: the answer holds for ``c``, the others do not."""
    return lambda i, v, ok: [Claim(c.ref, fact, v, ok, i)]


class QuizContext:
    """What every builder needs from the corpus; built once, shared by all builders of a quiz."""

    def __init__(self, clauses: Sequence[Clause], options: QuizOptions):
        self.options = options
        self.all = list(clauses)
        self.content = [c for c in self.all if is_content(c, options.min_snippet_words)]
        self.pools = Pools.build(self.all, options.key_terms)
        self.checker = SelfCheck(self.all)
        self.sections = {sec: title for title, sec in section_choices(self.all)}

    # naming ----------------------------------------------------------------------------------

    def doc(self, c: Clause) -> str:
        return f"Kế hoạch {c.doc_id}"

    def noun(self, c: Clause) -> str:
        return "nhiệm vụ" if c.kind == "item" else "nội dung"

    def cite(self, c: Clause) -> ItemCitation:
        return ItemCitation(doc=c.doc_id, ref=c.ref, label=c.label)

    def explain(self, c: Clause, q: str, prefix: str = "") -> str:
        return f"{prefix}{self.doc(c)}, {c.ref} ({c.label}): «{q}»."

    def task(self, c: Clause) -> str:
        return shorten(first_phrase(c.text), self.options.task_words)

    def describe(self, c: Clause, phrase: str) -> tuple[str, str]:
        """(noun, phrase) naming a task in a stem; a leading subject ("Ban X chủ trì …") is left out."""
        f = c.facts
        subject, rest = strip_subject(phrase, (*f.bodies, *f.lead, *f.coordinate))
        if subject and rest:
            return "việc", shorten(rest, self.options.task_words)
        return self.noun(c), shorten(phrase, self.options.task_words)

    # distractors and items -------------------------------------------------------------------

    def distractors(
        self, rng: random.Random, c: Clause, fact: str, answer: Sequence[str], k: int, size: int = 1
    ) -> list[tuple[str, ...]] | None:
        return pick_distractors(self.pools, self.checker, rng, c, fact, answer, k, size)

    def choice_item(
        self,
        rng: random.Random,
        c: Clause,
        topic: str,
        stem: str,
        answer: str,
        foils: Sequence[str],
        claims_for: ClaimsFor,
        q: str,
        explanation: str,
        kind: str = "mcq",
        keys: tuple[str, ...] = (),
    ) -> QuizItem:
        """Shuffle the answer among the foils and attach each option's claims."""
        at = rng.randrange(len(foils) + 1)
        options = list(foils)
        options.insert(at, answer)
        claims: list[Claim] = []
        for i, opt in enumerate(options):
            claims.extend(claims_for(i, opt, i == at))
        return QuizItem(
            id="",
            kind=kind,
            topic=topic,
            stem=stem,
            options=tuple(options),
            answer=answer,
            explanation=explanation,
            citation=self.cite(c),
            difficulty=difficulty(kind, topic),
            quote=q,
            claims=tuple(claims),
            keys=keys,
        )

    # timing ----------------------------------------------------------------------------------

    def timing_subject(self, c: Clause, timing: str) -> tuple[str, str, int, int]:
        """(noun, phrase) the timing applies to, and the span to quote."""
        text = c.text
        at = text.find(f"({timing})")
        if at < 0:
            at = find(text, timing)
            end = at + len(timing) if at >= 0 else len(text)
        else:
            end = at + len(timing) + 2
        tail = text[end:].strip(" .;") if at >= 0 else ""
        if at < 0 or (len(c.facts.timings) == 1 and not tail):
            return (*self.describe(c, first_phrase(text)), max(at, 0), end)
        # Several timings, or one mid-clause: it applies to the phrase just before it.
        before = text[:at].rstrip()
        spans = parts(before)
        a, b = spans[-1] if spans else (0, len(before))
        _, phrase = self.describe(c, before[a:b])
        return "việc", phrase, at, end

    # lead ------------------------------------------------------------------------------------

    def lead_ok(self, c: Clause) -> bool:
        lead = c.facts.lead
        return 0 < len(lead) <= self.options.max_lead_bodies and all(self.pools.named(b) for b in lead)

    def lead_subject(self, c: Clause) -> tuple[str, str, str]:
        """(verb, task phrase without its subject, quote) for a question on who leads."""
        f = c.facts
        first = first_phrase(c.text)
        subject, rest = strip_subject(first, (*f.bodies, *f.lead, *f.coordinate))
        verb = "chủ trì" if "chủ trì" in subject.casefold() else "thực hiện"
        phrase = shorten(rest or first, self.options.task_words)
        if f.lead_inherited:
            heading = next((h for h in reversed(c.headings) if any(norm(b) in norm(h) for b in f.lead)), c.label)
            return verb, phrase, heading
        at = max(find(c.text, f.lead[0]), 0)
        return verb, phrase, quote(c.text, at, at + len(first), self.options.quote_words)

    def lead_explanation(self, c: Clause, q: str, prefix: str = "") -> str:
        if c.facts.lead_inherited:
            return f"{prefix}{self.doc(c)}, {c.ref} ({c.label}) nằm dưới đề mục «{q}»: «{self.task(c)}»."
        return self.explain(c, q, prefix)

    def explain_topic(self, c: Clause, topic: str, q: str, prefix: str = "") -> str:
        """The explanation of an item on ``topic``: a lead is explained by the heading that assigns it."""
        return self.lead_explanation(c, q, prefix) if topic == "lead" else self.explain(c, q, prefix)

    # where a passage sits: task number or section --------------------------------------------

    def snippet(self, rng: random.Random, c: Clause) -> tuple[str, str, str] | None:
        """A phrase of the clause found in no other clause: (shown form, verbatim form, quote around it)."""
        others = [norm(o.text) for o in self.all if o.ref != c.ref]
        found = []
        for a, b in parts(c.text):
            piece = first_phrase(c.text[a:b]) if "(" in c.text[a:b] else c.text[a:b]
            words = piece.split()
            if len(words) < self.options.min_snippet_words:
                continue
            shown = shorten(piece, self.options.task_words)
            verbatim = shown.rstrip("…")
            if not any(norm(verbatim) in o for o in others):
                found.append((shown, verbatim))
        if not found:
            return None
        shown, verbatim = rng.choice(found)
        at = find(c.text, verbatim)
        return shown, verbatim, quote(c.text, at, at + len(verbatim), self.options.quote_words)

    def siblings(self, c: Clause) -> list[Clause]:
        parent = c.ref.rsplit(".", 1)[0]
        return [o for o in self.content if o.kind == c.kind and o.ref.rsplit(".", 1)[0] == parent and "." in o.ref]

    def item_name(self, c: Clause) -> str:
        return cap(c.label.split(" — ")[-1]) if " — " in c.label else c.ref

    def section_short(self, sec: str) -> str:
        title = self.sections.get(sec, f"Mục {sec}")
        head, _, rest = title.partition(". ")
        return f"{head} ({rest})" if rest else head
