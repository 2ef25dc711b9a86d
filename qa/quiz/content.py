"""What a quiz may ask about: content clauses and the plan's sections.

Titles, metadata and bare headings carry nothing a trainer can ask, so only clauses
of a content kind with enough words count; a section is offered when it holds one,
and a trainer's choice of sections narrows the content to those.

>>> section_choices(clauses)[0]
('Mục I. Mục đích, yêu cầu', 'I')
"""

from __future__ import annotations

from typing import Collection, Iterable, Sequence

from qa.types import Clause

from qa.quiz.model import QuizError

# Clauses that carry content a trainer can ask about (not titles, metadata or bare headings).
CONTENT_KINDS = ("item", "bullet", "point", "article", "paragraph", "section")


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


def select_sections(content: Sequence[Clause], known: Collection[str], sections: Sequence[str]) -> list[Clause]:
    """The content clauses under ``sections`` (all of them when empty); an unknown section is an error."""
    if not sections:
        return list(content)
    unknown = [s for s in sections if s not in known]
    if unknown:
        have = ", ".join(known) or "none"
        raise QuizError(f"sections must be among {have}. Currently, the sections has {', '.join(map(repr, unknown))}")
    return [c for c in content if section_of(c.ref) in sections]
