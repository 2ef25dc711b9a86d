"""Typed records that flow between the pipeline stages.

Every record is a frozen dataclass with ``to_dict()`` so the UI, the CLI and the
benchmark can serialise it to JSON without knowing its fields.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Facts:
    """Facts extracted from one clause.

    ``timings`` are the time expressions the clause gives in parentheses, verbatim
    without the brackets (``"tháng 12/2021"``, ``"thực hiện thường xuyên"``).
    ``lead`` are the bodies that lead the work (``chủ trì``, the subject of the
    sentence, or the body a section-IV heading assigns); ``coordinate`` the bodies
    that ``phối hợp``; ``bodies`` every body named in the clause, in order.
    ``lead_inherited`` is true when ``lead`` comes from a heading or an intro
    paragraph rather than from the clause's own words.
    """

    timings: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    coordinate: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    lead_inherited: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


@dataclass(frozen=True)
class Clause:
    """One citable passage of a document, in the document's own numbering.

    >>> clause.ref, clause.label
    ('IV.1.1', 'Mục IV. Nhiệm vụ của … — 1. Đảng đoàn Quốc hội — ý 1')
    """

    doc_id: str
    doc_title: str
    ref: str
    label: str
    kind: str  # meta | title | header | preamble | section | item | heading | bullet | point | article | paragraph
    headings: tuple[str, ...]
    text: str
    position: int
    facts: Facts = field(default_factory=Facts)

    @property
    def id(self) -> str:
        return f"{self.doc_id}#{self.ref}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "doc_title": self.doc_title,
            "ref": self.ref,
            "label": self.label,
            "kind": self.kind,
            "headings": list(self.headings),
            "text": self.text,
            "position": self.position,
            "facts": self.facts.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], shared: dict | None = None) -> "Clause":
        """``shared``: a dict kept across calls, so that the strings and tuples clauses repeat
        (document id and title, headings, empty facts) are held once: 100k clauses load in
        half the memory."""
        facts = data.get("facts") or {}
        if shared is None:
            shared = {}
        lead, coordinate, bodies, timings = (tuple(facts.get(k) or ()) for k in ("lead", "coordinate", "bodies",
                                                                                 "timings"))
        key = ("facts", timings, lead, coordinate, bodies, bool(facts.get("lead_inherited", False)))
        fact = shared.get(key)
        if fact is None:
            fact = shared[key] = Facts(timings=timings, lead=lead, coordinate=coordinate, bodies=bodies,
                                       lead_inherited=key[-1])
        headings = tuple(data.get("headings") or ())
        headings = shared.setdefault(("headings", headings), headings)
        doc_id, doc_title = data["doc_id"], data["doc_title"]
        doc_id = shared.setdefault(doc_id, doc_id)
        return cls(doc_id=doc_id, doc_title=shared.setdefault(doc_title, doc_title), ref=data["ref"],
                   label=data["label"], kind=shared.setdefault(data["kind"], data["kind"]), headings=headings,
                   text=data["text"], position=int(data["position"]), facts=fact)


@dataclass(frozen=True)
class Document:
    """A parsed document: its id, title, metadata fields and clauses in order.

    ``truncated_after`` holds the ref of the last clause when the source text says
    it was cut off (a ``[...]`` line), else ``None``.
    """

    doc_id: str
    title: str
    source: str
    metadata: dict[str, str]
    clauses: tuple[Clause, ...]
    truncated_after: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "source": self.source,
            "metadata": dict(self.metadata),
            "truncated_after": self.truncated_after,
            "clauses": [c.to_dict() for c in self.clauses],
        }


@dataclass(frozen=True)
class Hit:
    """A retrieved clause with its fused score and the per-retriever ranks."""

    clause: Clause
    score: float
    ranks: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Citation:
    """A clause shown as evidence for an answer."""

    doc: str
    ref: str
    label: str
    text: str
    score: float
    doc_title: str = ""

    @classmethod
    def from_hit(cls, hit: Hit) -> "Citation":
        c = hit.clause
        return cls(doc=c.doc_id, ref=c.ref, label=c.label, text=c.text,
                   score=round(float(hit.score), 6), doc_title=c.doc_title)

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "ref": self.ref, "label": self.label, "text": self.text,
                "score": self.score, "doc_title": self.doc_title}


@dataclass(frozen=True)
class Reply:
    """What ``Assistant.ask`` returns.

    ``kind`` is what the question asks for: who | when | where | what | meta |
    person | instance | count | amount | penalty | procedure | outcome | definition, or ``invalid``
    for input that holds no question.
    ``confidence`` is the reply's state: ``high`` (answered, ``found`` true), ``low``
    (the plan does not say it directly; ``answer`` names the closest clause) or
    ``none`` (not in the corpus). ``found`` is false for both of the latter;
    ``message`` then says why and what the corpus covers. ``signals`` holds the
    answerability measurements the verdict came from.
    """

    question: str
    answer: str
    found: bool
    kind: str
    message: str = ""
    citations: tuple[Citation, ...] = ()
    resolved_question: str = ""
    confidence: str = ""  # "high" | "low" | "none"; "" for input that holds no question
    signals: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "found": self.found,
            "confidence": self.confidence,
            "kind": self.kind,
            "message": self.message,
            "citations": [c.to_dict() for c in self.citations],
            "resolved_question": self.resolved_question,
            "signals": dict(self.signals),
        }
