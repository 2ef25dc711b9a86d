"""Grounded quiz items from clauses: multiple choice, true/false and fill in the blank.

Every item starts from one clause and one of its facts (a timing, a lead or
coordinating body, a key phrase, where a passage sits). Distractors are facts of
the same kind taken from other clauses and ruled out for this one; every option
is recorded as a ``Claim`` and ``SelfCheck`` verifies the item before it is kept.

>>> result = generate_quiz(clauses, QuizOptions(n=20, sections=("III",), seed=7))
>>> result.items[0].citation.ref, len(result.dropped)

Difficulty is ``kind weight + topic weight`` (see ``difficulty``): true/false 0,
multiple choice 1, cloze 2; timing and section 0, anything else 1; a total of 0–1
is easy, 2 medium, 3 hard. So a true/false on a timing is easy, a multiple choice
on who leads is medium, blanking a body out of the text is hard.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Sequence

from qa.types import Clause

from qa.quiz.check import SelfCheck
from qa.quiz.model import (
    BLANK,
    FALSE_LABEL,
    KIND_LABELS,
    KINDS,
    TRUE_LABEL,
    Claim,
    Dropped,
    ItemCitation,
    QuizError,
    QuizItem,
    QuizOptions,
    QuizResult,
    norm,
    overlaps,
)
from qa.quiz.passages import cap, find, first_phrase, parts, quote, shorten, strip_subject, window

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

# Clauses that carry content a trainer can ask about (not titles, metadata or bare headings).
CONTENT_KINDS = ("item", "bullet", "point", "article", "paragraph", "section")
KIND_WEIGHT = {"tf": 0, "mcq": 1, "cloze": 2}
MIN_SECTION_OPTIONS = 3
TOPIC_WEIGHT = {"timing": 0, "section": 0}  # every other topic weighs 1
TOPICS = {
    "mcq": ("timing", "lead", "coordinate", "task", "section", "statement"),
    "tf": ("timing", "lead", "task", "section"),
    "cloze": ("timing", "body", "term"),
}
_QUOTED = re.compile(r"[“\"]([^“”\"]{3,60})[”\"]")

Build = Callable[[random.Random], "QuizItem | str"]


def difficulty(kind: str, topic: str) -> str:
    score = KIND_WEIGHT[kind] + TOPIC_WEIGHT.get(topic, 1)
    return "easy" if score <= 1 else "medium" if score == 2 else "hard"


def section_of(ref: str) -> str:
    return ref.split(".")[0]


def is_content(clause: Clause, min_words: int = 6) -> bool:
    text = clause.text.strip()
    return clause.kind in CONTENT_KINDS and not text.isupper() and len(text.split()) >= min_words


def section_title(clause: Clause) -> str:
    """ "Mục III. Nhiệm vụ trọng tâm" from the clause's label."""
    return clause.label.split(" — ")[0].strip()


def section_choices(clauses: Iterable[Clause]) -> list[tuple[str, str]]:
    """(display, value) for every section that holds content, in document order."""
    out: dict[str, str] = {}
    for c in clauses:
        if is_content(c):
            out.setdefault(section_of(c.ref), section_title(c))
    return [(title, sec) for sec, title in out.items()]


# --- pools of facts across the corpus ---------------------------------------------------


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


# --- the builders -------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    kind: str
    topic: str
    clause: Clause
    keys: tuple[str, ...]
    build: Build


class Generator:
    """Builds candidate items for one corpus; ``generate_quiz`` picks and checks them."""

    def __init__(self, clauses: Sequence[Clause], options: QuizOptions):
        self.options = options
        self.all = list(clauses)
        self.content = [c for c in self.all if is_content(c, options.min_snippet_words)]
        self.pools = Pools.build(self.all, options.key_terms)
        self.checker = SelfCheck(self.all)
        self.sections = {sec: title for title, sec in section_choices(self.all)}

    # shared pieces -----------------------------------------------------------------------

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

    def distractors(
        self, rng: random.Random, c: Clause, fact: str, answer: Sequence[str], k: int, size: int = 1
    ) -> list[tuple[str, ...]] | None:
        """``k`` options of ``size`` values each: same kind, from other clauses, ruled out for ``c``."""
        pool = [v for v, _ in self.pools.of(fact).values()]
        ok = [v for v in pool if self.checker.rules_out(c, fact, v) and not any(overlaps(v, a) for a in answer)]
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

    def mcq(
        self,
        rng: random.Random,
        c: Clause,
        topic: str,
        stem: str,
        answer: str,
        foils: Sequence[str],
        claims_for: Callable[[int, str, bool], list[Claim]],
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

    # timing ----------------------------------------------------------------------------

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

    def timing_statement(self, c: Clause, timing: str) -> tuple[str, str]:
        """(statement without the "Theo Kế hoạch" lead-in, verbatim quote)."""
        noun, phrase, at, end = self.timing_subject(c, timing)
        q = quote(c.text, at, end, self.options.quote_words)
        return f"{noun} «{phrase}» ({c.ref}) được thực hiện theo thời hạn «{timing}»", q

    def build_timing_mcq(self, c: Clause, timing: str) -> Build:
        def build(rng: random.Random) -> QuizItem | str:
            foils = self.distractors(rng, c, "timing", [timing], self.options.n_options - 1)
            if foils is None:
                return "not enough distractors of the same kind: timing"
            noun, phrase, at, end = self.timing_subject(c, timing)
            q = quote(c.text, at, end, self.options.quote_words)
            stem = f"Theo {self.doc(c)}, {noun} «{phrase}» ({c.ref}) được thực hiện theo thời hạn nào?"
            return self.mcq(
                rng, c, "timing", stem, timing, [f[0] for f in foils],
                lambda i, v, ok: [Claim(c.ref, "timing", v, ok, i)],
                q, self.explain(c, q),
            )

        return build

    # lead and coordinating bodies ---------------------------------------------------------

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

    def lead_statement(self, c: Clause, lead: Sequence[str]) -> str:
        verb, phrase, _ = self.lead_subject(c)
        who = ", ".join(lead)
        if c.facts.lead_inherited:
            return f"{self.noun(c)} «{phrase}» ({c.ref}) được giao cho {who}"
        return f"{who} {verb} việc «{phrase}» ({c.ref})"

    def lead_explanation(self, c: Clause, q: str, prefix: str = "") -> str:
        if c.facts.lead_inherited:
            return f"{prefix}{self.doc(c)}, {c.ref} ({c.label}) nằm dưới đề mục «{q}»: «{self.task(c)}»."
        return self.explain(c, q, prefix)

    def build_lead_mcq(self, c: Clause) -> Build:
        lead = c.facts.lead

        def build(rng: random.Random) -> QuizItem | str:
            foils = self.distractors(rng, c, "body", lead, self.options.n_options - 1, size=len(lead))
            if foils is None:
                return "not enough distractors of the same kind: body"
            verb, phrase, q = self.lead_subject(c)
            who = "những cơ quan nào" if len(lead) > 1 else "cơ quan nào"
            if c.facts.lead_inherited:
                stem = f"Theo {self.doc(c)}, {self.noun(c)} «{phrase}» ({c.ref}) được giao cho {who}?"
            else:
                stem = f"Theo {self.doc(c)}, {who} {verb} việc «{phrase}» ({c.ref})?"
            fact = "lead" if c.facts.lead_inherited else "body"
            answer = ", ".join(lead)
            by_option = {answer: lead, **{", ".join(f): f for f in foils}}

            def claims(i: int, opt: str, ok: bool) -> list[Claim]:
                return [Claim(c.ref, fact if ok else "body", b, ok, i) for b in by_option[opt]]

            return self.mcq(rng, c, "lead", stem, answer, [", ".join(f) for f in foils], claims, q,
                            self.lead_explanation(c, q))

        return build

    def build_coordinate_mcq(self, c: Clause) -> Build:
        f = c.facts

        def build(rng: random.Random) -> QuizItem | str:
            answer = rng.choice(f.coordinate)
            foils = self.distractors(rng, c, "body", [answer], self.options.n_options - 1)
            if foils is None:
                return "not enough distractors of the same kind: body"
            _, phrase, q = self.lead_subject(c)
            stem = (f"Theo {self.doc(c)}, cơ quan nào được giao phối hợp với {', '.join(f.lead)} "
                    f"trong việc «{phrase}» ({c.ref})?")
            return self.mcq(
                rng, c, "coordinate", stem, answer, [x[0] for x in foils],
                lambda i, v, ok: [Claim(c.ref, "body", v, ok, i)], q, self.explain(c, q),
            )

        return build

    # where a passage sits: task number or section --------------------------------------------

    def snippet(self, rng: random.Random, c: Clause) -> tuple[str, str] | None:
        """A phrase of the clause found in no other clause: (shown form, verbatim form)."""
        others = [norm(o.text) for o in self.all if o.ref != c.ref]
        found = []
        for a, b in parts(c.text):
            piece = first_phrase(c.text[a:b]) if "(" in c.text[a:b] else c.text[a:b]
            words = piece.split()
            if len(words) < self.options.min_snippet_words:
                continue
            verbatim = " ".join(words[: self.options.task_words]).rstrip(" ,;:")
            if not any(norm(verbatim) in o for o in others):
                found.append((shorten(piece, self.options.task_words), verbatim))
        return rng.choice(found) if found else None

    def siblings(self, c: Clause) -> list[Clause]:
        parent = c.ref.rsplit(".", 1)[0]
        return [o for o in self.content if o.kind == c.kind and o.ref.rsplit(".", 1)[0] == parent and "." in o.ref]

    def item_name(self, c: Clause) -> str:
        return cap(c.label.split(" — ")[-1]) if " — " in c.label else c.ref

    def section_short(self, sec: str) -> str:
        title = self.sections.get(sec, f"Mục {sec}")
        head, _, rest = title.partition(". ")
        return f"{head} ({rest})" if rest else head

    def build_where_mcq(self, c: Clause, topic: str) -> Build:
        def build(rng: random.Random) -> QuizItem | str:
            snip = self.snippet(rng, c)
            if snip is None:
                return "no passage unique to the clause"
            shown, verbatim = snip
            if topic == "task":
                others = [o for o in self.siblings(c) if o.ref != c.ref]
                rng.shuffle(others)
                foils = others[: self.options.n_options - 1]
                names = {self.item_name(o): o.ref for o in foils}
                answer = self.item_name(c)
                stem = (f"Theo {self.doc(c)}, nội dung «{shown}» thuộc {self.noun(c)} nào trong "
                        f"{self.section_short(section_of(c.ref))}?")
            else:
                # A plan has few sections: fewer options are fine, down to MIN_SECTION_OPTIONS.
                secs = [s for s in self.sections if s != section_of(c.ref)]
                rng.shuffle(secs)
                foils = secs[: self.options.n_options - 1]
                names = {self.sections[s]: s for s in foils}
                answer = self.sections[section_of(c.ref)]
                stem = f"Theo {self.doc(c)}, nội dung «{shown}» thuộc mục nào của kế hoạch?"
            need = self.options.n_options - 1 if topic == "task" else min(self.options.n_options, MIN_SECTION_OPTIONS) - 1
            if len(foils) < need:
                return f"not enough distractors of the same kind: {topic}"
            names[answer] = c.ref
            at = find(c.text, verbatim)
            q = quote(c.text, at, at + len(verbatim), self.options.quote_words)

            def claims(i: int, opt: str, ok: bool) -> list[Claim]:
                scope = "section" if topic == "section" and not ok else "clause"
                return [Claim(names[opt], "phrase", verbatim, ok, i, scope)]

            return self.mcq(rng, c, topic, stem, answer, list(names)[:-1], claims, q, self.explain(c, q),
                            keys=(f"{c.ref}|where",))

        return build

    # statements: which one does the plan make? -----------------------------------------------

    def statement(self, rng: random.Random, c: Clause, topic: str, true: bool) -> tuple[str, list[Claim], str, str] | str:
        """A statement about ``c`` (true, or false by one swapped fact): text, claims, quote, source of swap."""
        f = c.facts
        if topic == "timing":
            timing = rng.choice(f.timings)
            claims = [Claim(c.ref, "timing", timing, True)]
            value, src = timing, ""
            if not true:
                foil = self.distractors(rng, c, "timing", [timing], 1)
                if foil is None:
                    return "not enough distractors of the same kind: timing"
                value = foil[0][0]
                src = self.pools.timings[norm(value)][1]
                claims.append(Claim(c.ref, "timing", value, False))
            text, q = self.timing_statement(c, timing)
            text = text.replace(f"«{timing}»", f"«{value}»")
            return text, claims, q, src and f"«{value}» là thời hạn ghi ở {src}, không phải ở {c.ref}."
        if topic == "lead":
            fact = "lead" if f.lead_inherited else "body"
            claims = [Claim(c.ref, fact, b, True) for b in f.lead]
            who, src = list(f.lead), ""
            if not true:
                foil = self.distractors(rng, c, "body", f.lead, 1, size=len(f.lead))
                if foil is None:
                    return "not enough distractors of the same kind: body"
                who = list(foil[0])
                src = self.pools.bodies[norm(who[0])][1]
                claims.extend(Claim(c.ref, "body", b, False) for b in who)
            _, _, q = self.lead_subject(c)
            note = src and f"«{', '.join(who)}» được nêu ở {src}, không phải ở {c.ref}."
            return self.lead_statement(c, who), claims, q, note
        # task / section: "passage P belongs to X"
        snip = self.snippet(rng, c)
        if snip is None:
            return "no passage unique to the clause"
        shown, verbatim = snip
        claims = [Claim(c.ref, "phrase", verbatim, True)]
        at = find(c.text, verbatim)
        q = quote(c.text, at, at + len(verbatim), self.options.quote_words)
        if topic == "task":
            target = c
            if not true:
                others = [o for o in self.siblings(c) if o.ref != c.ref]
                if not others:
                    return "not enough distractors of the same kind: task"
                target = rng.choice(others)
                claims.append(Claim(target.ref, "phrase", verbatim, False))
            where = f"{self.item_name(target).lower()} của {self.section_short(section_of(c.ref))}"
            note = "" if true else f"Đoạn này thuộc {c.ref}, không thuộc {target.ref}."
        else:
            sec = section_of(c.ref)
            if not true:
                others_s = [s for s in self.sections if s != sec]
                if not others_s:
                    return "not enough distractors of the same kind: section"
                sec = rng.choice(others_s)
                claims.append(Claim(sec, "phrase", verbatim, False, scope="section"))
            where = self.sections[sec]
            note = "" if true else f"Đoạn này thuộc {c.ref}, không thuộc mục {sec}."
        return f"nội dung «{shown}» thuộc {where}", claims, q, note

    def build_tf(self, c: Clause, topic: str) -> Build:
        def build(rng: random.Random) -> QuizItem | str:
            true = rng.random() < 0.5
            made = self.statement(rng, c, topic, true)
            if isinstance(made, str):
                return made
            text, claims, q, note = made
            answer = TRUE_LABEL if true else FALSE_LABEL
            if topic == "lead":
                explanation = self.lead_explanation(c, q, prefix=f"{answer}. ")
            else:
                explanation = self.explain(c, q, prefix=f"{answer}. ")
            if note:
                explanation += f" {note}"
            return QuizItem(
                id="", kind="tf", topic=topic, stem=f"Theo {self.doc(c)}, {text}.", options=(TRUE_LABEL, FALSE_LABEL),
                answer=answer, explanation=explanation, citation=self.cite(c), difficulty=difficulty("tf", topic),
                quote=q, claims=tuple(claims),
            )

        return build

    def build_statement_mcq(self, c: Clause, topic: str, peers: Sequence[Clause]) -> Build:
        """One true statement about ``c`` among false ones about other clauses of the same kind."""

        def build(rng: random.Random) -> QuizItem | str:
            made = self.statement(rng, c, topic, True)
            if isinstance(made, str):
                return made
            true_text, true_claims, q, _ = made
            others = [p for p in peers if p.ref != c.ref]
            rng.shuffle(others)
            foils: list[tuple[str, list[Claim]]] = []
            for p in others:
                fm = self.statement(rng, p, topic, False)
                if isinstance(fm, str) or any(norm(fm[0]) == norm(t) for t, _ in foils):
                    continue
                foils.append((cap(fm[0]) + ".", fm[1]))
                if len(foils) == self.options.n_options - 1:
                    break
            if len(foils) < self.options.n_options - 1:
                return f"not enough distractors of the same kind: statement ({topic})"
            answer = cap(true_text) + "."
            by_option = {answer: true_claims, **dict(foils)}

            def claims(i: int, opt: str, ok: bool) -> list[Claim]:
                return [replace(cl, option=i) for cl in by_option[opt]]

            stem = f"Theo {self.doc(c)}, nhận định nào sau đây đúng?"
            explanation = (self.lead_explanation(c, q) if topic == "lead" else self.explain(c, q))
            return self.mcq(rng, c, "statement", stem, answer, [t for t, _ in foils], claims, q, explanation,
                            keys=self.keys_for(c, topic, true_claims))

        return build

    # cloze -----------------------------------------------------------------------------------

    def cloze_targets(self, c: Clause) -> list[tuple[str, str]]:
        """(fact, value) a cloze may blank out of ``c``: timings, named bodies, key terms."""
        out: list[tuple[str, str]] = [("timing", t) for t in c.facts.timings if find(c.text, t) >= 0]
        for b in dict.fromkeys((*c.facts.bodies, *c.facts.coordinate)):
            if find(c.text, b) >= 0 and not any(b != o and overlaps(b, o) and len(o) > len(b)
                                                for o in c.facts.bodies):
                out.append(("body", b))
        for key, (term, _) in self.pools.terms.items():
            if find(c.text, term) >= 0:
                out.append(("term", term))
        return out

    def build_cloze(self, c: Clause, fact: str, value: str) -> Build:
        def build(rng: random.Random) -> QuizItem | str:
            at = c.text.find(f"({value})") + 1 if fact == "timing" and f"({value})" in c.text else find(c.text, value)
            if at < 0:
                return f"answer not supported by the clause: «{value}» in {c.ref}"
            answer = c.text[at : at + len(value)]
            a, b = window(c.text, at, at + len(value), self.options.cloze_words)
            passage = (c.text[a:at] + BLANK + c.text[at + len(value) : b]).rstrip(",; ")
            if norm(answer) in norm(passage):
                return f"stem gives the answer away: «{answer}»"
            foils = self.distractors(rng, c, fact, [answer], self.options.n_options - 1)
            if foils is None:
                return f"not enough distractors of the same kind: {fact}"
            pre = "…" if a > 0 else ""
            post = "…" if b < len(c.text.rstrip(" .")) else ""
            stem = f"Điền vào chỗ trống theo {self.doc(c)} ({c.ref}): «{pre}{passage.strip()}{post}»"
            q = quote(c.text, at, at + len(value), self.options.cloze_words)
            topic = fact
            keys = (f"{c.ref}|{fact}|{norm(answer)}",)
            if fact == "timing":
                keys = (f"{c.ref}|timing|{norm(answer)}",)
            elif fact == "body" and any(overlaps(answer, l) for l in c.facts.lead):
                keys += (f"{c.ref}|lead",)
            return self.mcq(
                rng, c, topic, stem, answer, [x[0] for x in foils],
                lambda i, v, ok: [Claim(c.ref, fact, v, ok, i)], q, self.explain(c, q),
                kind="cloze", keys=keys,
            )

        return build

    # candidates ------------------------------------------------------------------------------

    @staticmethod
    def keys_for(c: Clause, topic: str, claims: Sequence[Claim] = ()) -> tuple[str, ...]:
        if topic == "timing":
            return tuple(f"{c.ref}|timing|{norm(cl.value)}" for cl in claims if cl.holds and cl.fact == "timing")
        if topic in ("task", "section"):
            return (f"{c.ref}|where",)
        return (f"{c.ref}|{topic}",)

    def candidates(self, selected: Sequence[Clause], kinds: Sequence[str]) -> list[Candidate]:
        out: list[Candidate] = []
        with_timing = [c for c in selected if c.facts.timings]
        with_lead = [c for c in selected if self.lead_ok(c)]
        for c in selected:
            f = c.facts
            if "mcq" in kinds:
                for t in f.timings:
                    out.append(Candidate("mcq", "timing", c, (f"{c.ref}|timing|{norm(t)}",), self.build_timing_mcq(c, t)))
                if self.lead_ok(c):
                    out.append(Candidate("mcq", "lead", c, (f"{c.ref}|lead",), self.build_lead_mcq(c)))
                if f.coordinate and self.lead_ok(c) and not f.lead_inherited:
                    out.append(Candidate("mcq", "coordinate", c, (f"{c.ref}|coordinate",), self.build_coordinate_mcq(c)))
                if "." in c.ref:
                    topic = "task" if c.kind == "item" and len(self.siblings(c)) >= self.options.n_options else "section"
                    out.append(Candidate("mcq", topic, c, (f"{c.ref}|where",), self.build_where_mcq(c, topic)))
                if len(f.timings) == 1:
                    out.append(Candidate("mcq", "statement", c, (f"{c.ref}|timing|{norm(f.timings[0])}",),
                                         self.build_statement_mcq(c, "timing", with_timing)))
                if self.lead_ok(c):
                    out.append(Candidate("mcq", "statement", c, (f"{c.ref}|lead",),
                                         self.build_statement_mcq(c, "lead", with_lead)))
            if "tf" in kinds:
                if len(f.timings) == 1:
                    out.append(Candidate("tf", "timing", c, (f"{c.ref}|timing|{norm(f.timings[0])}",), self.build_tf(c, "timing")))
                if self.lead_ok(c):
                    out.append(Candidate("tf", "lead", c, (f"{c.ref}|lead",), self.build_tf(c, "lead")))
                if "." in c.ref:
                    topic = "task" if c.kind == "item" and len(self.siblings(c)) >= 2 else "section"
                    out.append(Candidate("tf", topic, c, (f"{c.ref}|where",), self.build_tf(c, topic)))
            if "cloze" in kinds:
                for fact, value in self.cloze_targets(c):
                    keys = (f"{c.ref}|{fact}|{norm(value)}",)
                    if fact == "body" and any(overlaps(value, l) for l in f.lead):
                        keys += (f"{c.ref}|lead",)
                    out.append(Candidate("cloze", fact if fact != "term" else "term", c, keys,
                                         self.build_cloze(c, fact, value)))
        return out


def _select_sections(gen: Generator, sections: Sequence[str]) -> list[Clause]:
    if not sections:
        return list(gen.content)
    unknown = [s for s in sections if s not in gen.sections]
    if unknown:
        have = ", ".join(gen.sections) or "none"
        raise QuizError(f"sections must be among {have}. Currently, the sections has {', '.join(map(repr, unknown))}")
    return [c for c in gen.content if section_of(c.ref) in sections]


def generate_quiz(clauses: Sequence[Clause], options: QuizOptions | None = None) -> QuizResult:
    """Pick up to ``options.n`` checked items, balanced across kinds and topics, reproducibly."""
    options = options or QuizOptions()
    gen = Generator(clauses, options)
    selected = _select_sections(gen, options.sections)
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
