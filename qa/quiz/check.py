"""Self-check: an item is kept only if the clause text backs its answer and none of its distractors.

Evidence is the clause's own words, never its extracted facts (facts may be wrong;
the text is what a trainer will read). A value is *supported* when its normalized
form occurs in the clause text, or — for an inherited lead — in the headings or
label above it. A distractor must be *unsupported*: absent from text, headings and
label, and not overlapping any body or timing the clause's facts name.

>>> checker = SelfCheck(clauses)
>>> checker.problems(item)
[]
"""

from __future__ import annotations

from typing import Iterable, Sequence

from qa.types import Clause

from qa.quiz.model import BLANK, FACTS, FALSE_LABEL, TRUE_LABEL, Claim, QuizItem, norm, overlaps


def _strip_ellipsis(quote: str) -> str:
    return quote.strip().strip("…").strip()


class SelfCheck:
    """Checks items against the clauses they cite (and the clauses their claims name)."""

    def __init__(self, clauses: Iterable[Clause]):
        self.clauses = list(clauses)
        self.by_ref = {c.ref: c for c in self.clauses}

    def resolve(self, ref: str, scope: str = "clause") -> list[Clause]:
        """The clause with this ref, or every clause under a section ref."""
        if scope == "section":
            return [c for c in self.clauses if c.ref == ref or c.ref.startswith(ref + ".")]
        return [self.by_ref[ref]] if ref in self.by_ref else []

    @staticmethod
    def supports(clause: Clause, fact: str, value: str) -> bool:
        """Does the clause's own wording back ``value`` as a ``fact``?"""
        v = norm(value)
        if not v:
            return False
        if v in norm(clause.text):
            return True
        if fact == "lead" and clause.facts.lead_inherited:
            return any(v in norm(h) for h in (*clause.headings, clause.label))
        return False

    @staticmethod
    def rules_out(clause: Clause, fact: str, value: str) -> bool:
        """Is ``value`` safely *not* true of the clause (usable as a distractor)?"""
        v = norm(value)
        if not v:
            return False
        if any(v in norm(t) for t in (clause.text, clause.label, *clause.headings)):
            return False
        f = clause.facts
        if fact in ("body", "lead"):
            named = (*f.bodies, *f.lead, *f.coordinate)
        elif fact == "timing":
            named = f.timings
        else:
            named = ()
        return not any(overlaps(value, n) for n in named)

    def check_claim(self, claim: Claim) -> str | None:
        if claim.fact not in FACTS:
            return f"unknown fact: {claim.fact!r}"
        clauses = self.resolve(claim.ref, claim.scope)
        if not clauses:
            return f"claim names no clause: {claim.ref}"
        if claim.holds:
            if not any(self.supports(c, claim.fact, claim.value) for c in clauses):
                what = "answer" if claim.option is not None else "statement"
                return f"{what} not supported by the clause: «{claim.value}» in {claim.ref}"
        elif not all(self.rules_out(c, claim.fact, claim.value) for c in clauses):
            return f"distractor supported by the clause: «{claim.value}» in {claim.ref}"
        return None

    def problems(self, item: QuizItem) -> list[str]:
        """Every reason the item must not be kept; empty when it passes."""
        out: list[str] = []
        cited = self.by_ref.get(item.citation.ref)
        if cited is None:
            return [f"cites no clause: {item.citation.ref}"]
        if item.answer not in item.options or item.options.count(item.answer) != 1:
            out.append(f"answer not among the options once: «{item.answer}»")
        normed = [norm(o) for o in item.options]
        if len(set(normed)) != len(normed):
            out.append("options not distinct: " + " | ".join(item.options))
        quote = _strip_ellipsis(item.quote)
        if not quote or not any(norm(quote) in norm(t) for t in (cited.text, *cited.headings)):
            out.append(f"quote not found in the clause: «{item.quote[:60]}»")

        for claim in item.claims:
            reason = self.check_claim(claim)
            if reason:
                out.append(reason)

        answer_i = item.options.index(item.answer) if item.answer in item.options else -1
        backing = [c for c in item.claims if c.option == answer_i]
        if item.kind == "tf":
            # The stem is the statement: its claims decide the truth. A true statement
            # makes only claims that hold; a false one swaps in at least one that does not.
            if not any(c.holds and c.ref == item.citation.ref for c in item.claims):
                out.append(f"answer not supported by the clause: no claim about {item.citation.ref}")
            swapped = any(not c.holds for c in item.claims)
            if (item.answer == TRUE_LABEL) == swapped or item.answer not in (TRUE_LABEL, FALSE_LABEL):
                out.append(f"answer does not match the statement's claims: «{item.answer}»")
        else:
            if not backing or not all(c.holds for c in backing):
                out.append(f"answer not supported by the clause: «{item.answer}»")
            for i, opt in enumerate(item.options):
                if i != answer_i and not any(c.option == i and not c.holds for c in item.claims):
                    out.append(f"distractor not checked against the clause: «{opt}»")
            if item.topic not in ("statement", "task", "section"):
                stem = norm(item.stem.replace(BLANK, " "))
                for c in backing:
                    if norm(c.value) in stem:
                        out.append(f"stem gives the answer away: «{c.value}»")
        return out

    def distinct_options(self, values: Sequence[str]) -> bool:
        """No value contains another (two options must not name the same thing)."""
        return not any(overlaps(a, b) for i, a in enumerate(values) for b in values[i + 1 :])
