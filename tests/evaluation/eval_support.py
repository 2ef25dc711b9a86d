"""A fake assistant for the benchmark tests: fast, deterministic, no model."""

from __future__ import annotations

from qa.types import Citation, Reply


def cite(ref: str, text: str) -> Citation:
    return Citation(doc="kh03", ref=ref, label=ref, text=text, score=1.0)


class FakeClause:
    def __init__(self, ref: str, text: str) -> None:
        self.ref, self.text = ref, text


class FakeAssistant:
    """Answers from a table ``question → Reply``; records the history it was given."""

    def __init__(self, replies: dict[str, Reply], clauses: list[FakeClause] | None = None) -> None:
        self.replies = replies
        self.clauses = clauses or []
        self.calls: list[tuple[str, list[str]]] = []

    def ask(self, question: str, history: list[str] | None = None) -> Reply:
        self.calls.append((question, list(history or [])))
        if question not in self.replies:
            raise KeyError(question)
        return self.replies[question]
