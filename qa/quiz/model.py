"""Typed records of the quiz builder: options, items, the claims that make them checkable.

An item never stands alone: every option is backed by a ``Claim`` about a clause
("«thực hiện thường xuyên» is the timing of III.8" holds; "«quý I/2022» is" does not),
and ``qa.quiz.check`` verifies each claim against the clause text before the item is kept.

>>> QuizOptions(n=20, kinds=("mcq", "tf"), sections=("III",), seed=7)
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = ("mcq", "tf", "cloze")
KIND_LABELS = {"mcq": "Trắc nghiệm", "tf": "Đúng/Sai", "cloze": "Điền vào chỗ trống"}
# What a claim is about; ``check.supports`` decides per fact what "supported" means.
FACTS = ("body", "lead", "timing", "term", "phrase")
DIFFICULTIES = ("easy", "medium", "hard")
TRUE_LABEL, FALSE_LABEL = "Đúng", "Sai"
BLANK = "_____"


def _default_key_terms() -> tuple[str, ...]:
    from qa.quiz.lexicon import key_terms  # the lexicon module imports this one

    return key_terms()


class QuizError(ValueError):
    """A quiz option is out of range or names nothing in the corpus; the message names it."""


def norm(text: str) -> str:
    """Comparison form: NFC, casefold, straight quotes, single spaces.

    >>> norm("  Ban  TUYÊN giáo ") == norm("ban tuyên giáo")
    True
    """
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[“”„‟\"]", '"', text)
    return " ".join(text.split())


def overlaps(a: str, b: str) -> bool:
    """True when one value contains the other once normalized ("tháng 12/2021" ⊂ "đầu tháng 12/2021")."""
    na, nb = norm(a), norm(b)
    return bool(na) and bool(nb) and (na in nb or nb in na)


@dataclass(frozen=True)
class QuizOptions:
    """What the trainer asks for, plus the few knobs of item shape.

    ``sections`` are top-level refs ("III", "IV"); empty means the whole plan.
    ``key_terms`` are the phrases a cloze item may blank out besides bodies and
    timings (quoted phrases in a clause count as key terms too); their phrase
    types live in ``qa/quiz/phrases.tsv``.
    """

    n: int = 20
    kinds: tuple[str, ...] = KINDS
    sections: tuple[str, ...] = ()
    seed: int = 0
    n_options: int = 4  # options of a multiple-choice or cloze item
    max_lead_bodies: int = 3  # a lead list longer than this is not asked about
    task_words: int = 16  # a task is named in a stem by its first words
    quote_words: int = 45  # explanations quote at most this many words of the clause
    cloze_words: int = 30  # a cloze passage shows at most this many words
    min_snippet_words: int = 6  # shortest passage asked about in "which task/section"
    max_per_clause: int = 1  # items citing one clause, raised only as far as n needs
    max_template_share: float = 1 / 3  # share of items asking one thing (deadline, who, where, term)
    # Phrases a cloze may blank out besides bodies and timings: the key terms of qa/quiz/phrases.tsv.
    key_terms: tuple[str, ...] = field(default_factory=lambda: _default_key_terms())

    def __post_init__(self) -> None:
        if not isinstance(self.n, int) or self.n <= 0:
            raise QuizError(f"n must be greater than 0. Currently, the n is {self.n!r}")
        kinds = tuple(dict.fromkeys(self.kinds))
        if not kinds:
            raise QuizError(f"kinds must name at least one of {', '.join(KINDS)}. Currently, the kinds is empty")
        bad = [k for k in kinds if k not in KINDS]
        if bad:
            raise QuizError(f"kinds must be among {', '.join(KINDS)}. Currently, the kinds has {', '.join(map(repr, bad))}")
        if self.n_options < 2:
            raise QuizError(f"n_options must be at least 2. Currently, the n_options is {self.n_options}")
        for name in ("max_lead_bodies", "task_words", "quote_words", "cloze_words", "min_snippet_words",
                     "max_per_clause"):
            if getattr(self, name) <= 0:
                raise QuizError(f"{name} must be greater than 0. Currently, the {name} is {getattr(self, name)}")
        if not 0 < self.max_template_share <= 1:
            raise QuizError("max_template_share must be above 0 and at most 1. "
                            f"Currently, the max_template_share is {self.max_template_share}")
        object.__setattr__(self, "kinds", kinds)
        object.__setattr__(self, "sections", tuple(dict.fromkeys(s.strip() for s in self.sections if s.strip())))


@dataclass(frozen=True)
class Claim:
    """``value`` is (``holds=True``) or is not (``holds=False``) a ``fact`` of the clause ``ref``.

    With ``scope="section"`` the ref names a section ("II") and the claim is about
    every clause under it. ``option`` is the index of the option the claim backs,
    or ``None`` for the stem.
    """

    ref: str
    fact: str
    value: str
    holds: bool
    option: int | None = None
    scope: str = "clause"  # clause | section


@dataclass(frozen=True)
class ItemCitation:
    doc: str
    ref: str
    label: str

    def __str__(self) -> str:
        return f"{self.doc}, {self.ref} — {self.label}"


@dataclass(frozen=True)
class QuizItem:
    """One review question, grounded in the clause it cites.

    ``topic`` is what it asks: lead | coordinate | timing | task | section | statement
    | body | term. For a cloze item ``stem`` holds ``BLANK`` where the phrase was.
    """

    id: str
    kind: str
    topic: str
    stem: str
    options: tuple[str, ...]
    answer: str
    explanation: str
    citation: ItemCitation
    difficulty: str
    quote: str
    claims: tuple[Claim, ...] = ()
    keys: tuple[str, ...] = ()

    @property
    def answer_index(self) -> int:
        return self.options.index(self.answer)

    @property
    def distractors(self) -> tuple[str, ...]:
        return tuple(o for o in self.options if o != self.answer)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["options"] = list(self.options)
        d["claims"] = [asdict(c) for c in self.claims]
        d["keys"] = list(self.keys)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "QuizItem":
        return cls(
            id=d["id"],
            kind=d["kind"],
            topic=d["topic"],
            stem=d["stem"],
            options=tuple(d["options"]),
            answer=d["answer"],
            explanation=d["explanation"],
            citation=ItemCitation(**d["citation"]),
            difficulty=d["difficulty"],
            quote=d.get("quote", ""),
            claims=tuple(Claim(**c) for c in d.get("claims") or ()),
            keys=tuple(d.get("keys") or ()),
        )


@dataclass(frozen=True)
class Dropped:
    """A candidate item that was not kept, and why."""

    ref: str
    kind: str
    topic: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Caps:
    """At most ``per_clause`` items cite one clause; at most ``per_template`` items ask one template.

    >>> Caps.for_quiz(QuizOptions(n=30), n_clauses=20, n_templates=4)
    Caps(per_clause=2, per_template=10)
    """

    per_clause: int
    per_template: int

    @classmethod
    def for_quiz(cls, options: QuizOptions, n_clauses: int, n_templates: int) -> "Caps":
        """The options' caps, raised only as far as ``options.n`` items over what is available need."""
        n = options.n
        per_clause = max(options.max_per_clause, math.ceil(n / max(n_clauses, 1)))
        per_template = max(math.ceil(n * options.max_template_share), math.ceil(n / max(n_templates, 1)))
        return cls(per_clause, per_template)

    def raised(self) -> "Caps":
        return Caps(self.per_clause + 1, self.per_template + 1)


@dataclass(frozen=True)
class QuizResult:
    items: tuple[QuizItem, ...]
    dropped: tuple[Dropped, ...] = ()
    requested: int = 0
    options: QuizOptions | None = field(default=None, compare=False)
    caps: Caps | None = None  # the caps the pick kept to (raised only when n needed more)

    def drop_counts(self) -> dict[str, int]:
        return dict(Counter(d.reason.split(":")[0] for d in self.dropped).most_common())

    def summary(self) -> str:
        by_kind = Counter(i.kind for i in self.items)
        kinds = ", ".join(f"{KIND_LABELS[k]}: {by_kind[k]}" for k in KINDS if by_kind[k])
        text = f"{len(self.items)}/{self.requested} câu ({kinds or 'không có'})"
        if self.dropped:
            text += f"; loại {len(self.dropped)} câu không qua bước tự kiểm tra"
        return text + "."

    def report(self) -> str:
        """The drop report the CLI prints to stderr."""
        lines = [f"kept {len(self.items)} of {self.requested} requested item(s); dropped {len(self.dropped)}"]
        if self.caps:
            lines.append(f"  at most {self.caps.per_clause} item(s) per clause, "
                         f"{self.caps.per_template} per template (deadline, who, where, term)")
        for reason, count in self.drop_counts().items():
            lines.append(f"  {count} × {reason}")
        if len(self.items) < self.requested:
            lines.append("  (the selected sections and kinds hold no more distinct checkable items)")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "requested": self.requested,
            "count": len(self.items),
            "items": [i.to_dict() for i in self.items],
            "dropped": [d.to_dict() for d in self.dropped],
        }
