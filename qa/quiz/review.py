"""Quality review of a finished quiz: every item's stem, key and distractors, and the quiz as a whole.

``SelfCheck`` asks whether an item is *true* to its clause; the review asks whether
it is *well made*. It rejects

- ``cut``: a stem, option or quote cut inside a word, a body's name or a fixed
  phrase (see ``qa.quiz.cuts``);
- ``clause-cap``: a clause cited by more items than ``Caps.per_clause``;
- ``template-cap``: one template (deadline, who, where, term) asked by more items
  than ``Caps.per_template``;
- ``phrase-type``: a distractor whose phrase type (body, timing, verb, noun, ill)
  is not the key's, or a key of no known type;
- ``duplicate-stem``: a stem asked twice (a statement item by its stem and answer).

>>> review = review_quiz(result.items, clauses, result.caps)
>>> review.counts()
{'cut': 0, 'clause-cap': 0, 'template-cap': 0, 'phrase-type': 0, 'duplicate-stem': 0}
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Sequence

from qa.types import Clause

from qa.quiz.balance import template_of
from qa.quiz.cuts import Cuts
from qa.quiz.lexicon import Lexicon, lexicon, phrase_type
from qa.quiz.model import BLANK, Caps, QuizItem, norm

RULES = ("cut", "clause-cap", "template-cap", "phrase-type", "duplicate-stem")
# Items whose options are not phrases of the text (task numbers, section titles, statements).
STRUCTURAL_TOPICS = ("task", "section", "statement")
_QUOTED = re.compile(r"«([^«»]*)»")
_REF_AFTER = re.compile(r"^\s*\(([IVX]+(?:\.\d+)*)\)")


@dataclass(frozen=True)
class Problem:
    item: str  # the item's id
    rule: str  # one of RULES
    detail: str

    def __str__(self) -> str:
        return f"{self.item}: {self.rule}: {self.detail}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Review:
    items: int
    caps: Caps
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        """Problems per rule, every rule listed (0 when it found nothing)."""
        found = Counter(p.rule for p in self.problems)
        return {rule: found[rule] for rule in RULES}

    def report(self) -> str:
        """What ``qa quiz --check`` prints to stderr."""
        counts = ", ".join(f"{rule} {n}" for rule, n in self.counts().items())
        head = (f"review: {self.items} item(s), {len(self.problems)} problem(s) ({counts}); "
                f"caps: {self.caps.per_clause} per clause, {self.caps.per_template} per template")
        return "\n".join([head, *(f"  {p}" for p in self.problems)])

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "caps": asdict(self.caps), "counts": self.counts(),
                "problems": [p.to_dict() for p in self.problems]}


def _locate(fragment: str, text: str) -> tuple[int, int] | None:
    """Span of ``fragment`` in ``text``, ignoring case and runs of spaces."""
    words = fragment.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text, re.IGNORECASE)
    return m.span() if m else None


class QualityCheck:
    """Reviews items against the clauses of the corpus; one per corpus, reusable across quizzes."""

    def __init__(self, clauses: Iterable[Clause], lex: Lexicon | None = None):
        self.clauses = list(clauses)
        self.by_ref = {c.ref: c for c in self.clauses}
        self.lex = lex or lexicon()
        self._cuts: dict[str, Cuts] = {}

    def cuts_of(self, c: Clause) -> Cuts:
        if c.ref not in self._cuts:
            self._cuts[c.ref] = Cuts(c.text, self.lex)
        return self._cuts[c.ref]

    # one item --------------------------------------------------------------------------------

    def fragments(self, item: QuizItem) -> list[tuple[str, str]]:
        """(fragment, ref hint) for every «…» in the stem and options, and the quote."""
        out: list[tuple[str, str]] = []
        for text in (item.stem, *(item.options if item.topic == "statement" else ())):
            for m in _QUOTED.finditer(text):
                hint = _REF_AFTER.match(text[m.end():])
                out.append((m.group(1), hint.group(1) if hint else item.citation.ref))
        if item.quote:
            out.append((item.quote, item.citation.ref))
        return out

    def bad_cuts(self, item: QuizItem) -> list[str]:
        """Where a fragment of the item starts or ends inside a word, a name or a fixed phrase."""
        found: list[str] = []
        for fragment, ref in self.fragments(item):
            shown = fragment.replace(BLANK, item.answer) if item.kind == "cloze" else fragment
            body = shown.strip().strip("…").strip()
            if len(body.split()) < 2 or phrase_type(body, self.lex) in ("body", "timing"):
                continue  # a value the stem names (a timing, a body), not a passage: nothing was cut
            clause = self.by_ref.get(ref) or self.by_ref.get(item.citation.ref)
            candidates = [clause] if clause else []
            candidates += [c for c in self.clauses if c is not clause]
            for c in candidates:
                if any(_locate(body, h) for h in (*c.headings, c.label)) and not _locate(body, c.text):
                    break  # a heading, quoted whole
                span = _locate(body, c.text)
                if span is None:
                    continue
                cuts = self.cuts_of(c)
                a, b = span
                if not cuts.can_start(a):
                    found.append(f"starts mid-phrase: «{c.text[max(a - 20, 0):a]}|{c.text[a:a + 20]}» ({c.ref})")
                if not cuts.can_end(b):
                    found.append(f"ends mid-phrase: «{c.text[max(b - 20, 0):b]}|{c.text[b:b + 20]}» ({c.ref})")
                break
        return list(dict.fromkeys(found))

    def wrong_types(self, item: QuizItem) -> list[str]:
        """Distractors whose phrase type is not the key's."""
        if item.kind == "tf" or item.topic in STRUCTURAL_TOPICS:
            return []
        key = phrase_type(item.answer, self.lex)
        if not key:
            return [f"key of no known phrase type: «{item.answer}»"]
        out = []
        for d in item.distractors:
            t = phrase_type(d, self.lex)
            if t != key:
                out.append(f"distractor «{d}» is {t or 'of no known type'}, the key «{item.answer}» is {key}")
        return out

    def item_problems(self, item: QuizItem) -> list[Problem]:
        return ([Problem(item.id, "cut", p) for p in self.bad_cuts(item)]
                + [Problem(item.id, "phrase-type", p) for p in self.wrong_types(item)])

    # a quiz ----------------------------------------------------------------------------------

    def review(self, items: Sequence[QuizItem], caps: Caps) -> Review:
        problems: list[Problem] = []
        for item in items:
            problems += self.item_problems(item)
        per_clause: Counter[str] = Counter()
        per_template: Counter[str] = Counter()
        stems: dict[str, str] = {}
        for item in items:
            ref, template = item.citation.ref, template_of(item)
            per_clause[ref] += 1
            per_template[template] += 1
            if per_clause[ref] > caps.per_clause:
                problems.append(Problem(item.id, "clause-cap",
                                        f"item {per_clause[ref]} citing {ref} (cap {caps.per_clause})"))
            if per_template[template] > caps.per_template:
                problems.append(Problem(item.id, "template-cap",
                                        f"item {per_template[template]} asking {template} (cap {caps.per_template})"))
            key = norm(item.stem if item.topic != "statement" else f"{item.stem} | {item.answer}")
            if key in stems:
                problems.append(Problem(item.id, "duplicate-stem", f"same stem as {stems[key]}"))
            else:
                stems[key] = item.id
        order = {rule: i for i, rule in enumerate(RULES)}
        ids = {item.id: i for i, item in enumerate(items)}
        problems.sort(key=lambda p: (ids.get(p.item, len(ids)), order[p.rule]))
        return Review(items=len(items), caps=caps, problems=tuple(problems))


def review_quiz(items: Sequence[QuizItem], clauses: Iterable[Clause], caps: Caps) -> Review:
    """Review ``items`` built from ``clauses`` under ``caps`` (``QuizResult.caps``)."""
    return QualityCheck(clauses).review(items, caps)
