"""What the retriever needs from a search engine, and nothing more.

Rows are clause positions in the corpus order of ``clauses`` (documents contiguous);
``rows`` restricts a search to some rows (a document filter), None meaning all.

>>> backend.search_lexical("folded", ["the", "che"], k=20)   # [(row, score), …], best first
>>> backend.search_dense(query_vector, k=20, rows=(range(0, 28),))
"""

from __future__ import annotations

from typing import Protocol, Sequence

import numpy as np

from ..types import Clause

LEXICAL_VIEWS = ("accented", "folded")


class SearchBackend(Protocol):
    clauses: Sequence[Clause]

    def count(self) -> int:
        """Clauses searchable."""

    def search_lexical(self, view: str, tokens: list[str], k: int,
                       rows: Sequence[range] | None = None) -> list[tuple[int, float]]:
        """BM25 over one token view; the k best positive scores, best first, ties by row."""

    def search_dense(self, vector: np.ndarray, k: int,
                     rows: Sequence[range] | None = None) -> list[tuple[int, float]]:
        """Cosine (inner product of normalised vectors); the k nearest rows, best first."""

    def similarity(self, row: int, vector: np.ndarray) -> float:
        """Cosine of one row to the query vector (for a hit the dense search did not rank)."""

    def delete_document(self, doc_id: str) -> int:
        """Drop a document's clauses; returns how many went."""
