"""What per-question bonuses and filters look up, by clause row: built once per document when its
segment is built, merged with row offsets, saved with the index (``maps.json``), so a load
recounts nothing (finding the documents a clause cites costs ~0.1 ms a clause: 12 s at 100k).

>>> maps = ClauseMaps.of_clauses(clauses)          # one document, or an index made by hand
>>> ClauseMaps.from_json(maps.to_json(), clauses).refs["III.1"]
[9]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Sequence

from .question import document_keys
from .text import fold
from .types import Clause

LABEL_SUFFIX_WORDS = 4  # "nhiem vu 8", "muc ii": a question's item phrase is at most this long


@dataclass
class ClauseMaps:
    refs: dict[str, list[int]]  # ref → rows (one per document holding it)
    label_suffixes: dict[str, list[int]]  # the last 1–4 words of a folded label → rows
    meta: list[int]  # rows of metadata clauses
    documents: dict[str, range]  # doc_id → its rows (contiguous)
    titles: list[int] = field(default_factory=list)  # rows of title clauses
    preambles: list[int] = field(default_factory=list)  # rows of preamble clauses
    cites: dict[tuple[str, int], list[int]] = field(default_factory=dict)  # a document a clause names → rows
    own: frozenset[tuple[str, int]] = frozenset()  # documents the titles name (themselves, what they implement)
    clauses: Sequence[Clause] = ()

    @cached_property
    def held_docs(self) -> frozenset[tuple[str, int]]:
        """The documents held, as (type, number) from their ids ("03-KH/TW" → ("kh", 3))."""
        return frozenset(k for doc_id in self.documents for k in document_keys(doc_id))

    @cached_property
    def cited_docs(self) -> dict[tuple[str, int], list[int]]:
        """Documents a clause cites → rows, less those the corpus's own titles name."""
        return {key: rows for key, rows in self.cites.items() if key not in self.own}

    @cached_property
    def by_key(self) -> dict[tuple[str, str], int]:
        """(doc_id, ref) → row: refs repeat across documents. Built on first use (a reader jump)."""
        out: dict[tuple[str, str], int] = {}
        for pos, clause in enumerate(self.clauses):
            out.setdefault((clause.doc_id, clause.ref), pos)
        return out

    @classmethod
    def build(cls, index) -> "ClauseMaps":
        """The maps of a loaded index: those saved with it, else counted from its clauses;
        shared by every Retriever over it (``with_options``, ``within``)."""
        cached = getattr(index, "_clause_maps", None)
        if cached is None:
            saved = getattr(index, "maps", None)
            cached = cls.from_json(saved, index.clauses) if saved else cls.of_clauses(index.clauses)
            index._clause_maps = cached
        return cached

    @classmethod
    def of_clauses(cls, clauses: Sequence[Clause]) -> "ClauseMaps":
        refs: dict[str, list[int]] = {}
        suffixes: dict[str, list[int]] = {}
        meta: list[int] = []
        titles: list[int] = []
        preambles: list[int] = []
        cites: dict[tuple[str, int], list[int]] = {}
        documents: dict[str, list[int]] = {}
        own: set[tuple[str, int]] = set()
        for pos, clause in enumerate(clauses):
            if clause.kind == "title":
                titles.append(pos)
                own.update(document_keys(clause.text))
            if clause.kind == "preamble":
                preambles.append(pos)
            for key in document_keys(clause.text):
                cites.setdefault(key, []).append(pos)
            refs.setdefault(clause.ref, []).append(pos)
            words = fold(clause.label).split(" ")
            for n in range(1, min(LABEL_SUFFIX_WORDS, len(words) - 1) + 1):
                suffixes.setdefault(" ".join(words[-n:]), []).append(pos)
            if clause.kind == "meta":
                meta.append(pos)
            documents.setdefault(clause.doc_id, []).append(pos)
        return cls(refs=refs, label_suffixes=suffixes, meta=meta,
                   documents={d: range(rows[0], rows[-1] + 1) for d, rows in documents.items()},
                   titles=titles, preambles=preambles, cites=cites, own=frozenset(own), clauses=clauses)

    # -- persistence ---------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {"refs": self.refs, "label_suffixes": self.label_suffixes, "meta": self.meta,
                "documents": {d: [r.start, r.stop] for d, r in self.documents.items()},
                "titles": self.titles, "preambles": self.preambles,
                "cites": [[k, n, rows] for (k, n), rows in self.cites.items()],
                "own": sorted([k, n] for k, n in self.own)}

    @classmethod
    def from_json(cls, data: dict, clauses: Sequence[Clause] = ()) -> "ClauseMaps":
        return cls(refs=data["refs"], label_suffixes=data["label_suffixes"], meta=data["meta"],
                   documents={d: range(a, b) for d, (a, b) in data["documents"].items()},
                   titles=data["titles"], preambles=data["preambles"],
                   cites={(k, int(n)): rows for k, n, rows in data["cites"]},
                   own=frozenset((k, int(n)) for k, n in data["own"]), clauses=clauses)

    @staticmethod
    def merge(parts: Sequence[tuple[dict, int]]) -> dict:
        """The saved maps of consecutive row blocks (each ``to_json`` of its block, and the
        block's first row), as one: rows offset, lists concatenated in row order."""
        refs: dict[str, list[int]] = {}
        suffixes: dict[str, list[int]] = {}
        cites: dict[tuple[str, int], list[int]] = {}
        meta: list[int] = []
        titles: list[int] = []
        preambles: list[int] = []
        documents: dict[str, list[int]] = {}
        own: set[tuple[str, int]] = set()
        for data, start in parts:
            for target, source in ((refs, data["refs"]), (suffixes, data["label_suffixes"])):
                for key, rows in source.items():
                    target.setdefault(key, []).extend(r + start for r in rows)
            for k, n, rows in data["cites"]:
                cites.setdefault((k, n), []).extend(r + start for r in rows)
            meta.extend(r + start for r in data["meta"])
            titles.extend(r + start for r in data["titles"])
            preambles.extend(r + start for r in data["preambles"])
            for d, (a, b) in data["documents"].items():
                documents.setdefault(d, [a + start, b + start])
            own.update((k, n) for k, n in data["own"])
        return {"refs": refs, "label_suffixes": suffixes, "meta": meta, "documents": documents,
                "titles": titles, "preambles": preambles, "cites": [[k, n, rows] for (k, n), rows in cites.items()],
                "own": sorted([k, n] for k, n in own)}
