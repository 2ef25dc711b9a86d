"""The embedded backend: the saved index's two bm25s views and its FAISS index, in process.

Per query it computes the BM25 score arrays and scans FAISS (exact below
``Config.dense_exact_max`` clauses, HNSW above); everything else is a partial sort.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..index import LoadedIndex


def top_rows(scores: np.ndarray, k: int) -> list[int]:
    """Rows of the k best positive scores, best first (ties keep row order).

    A partial sort: O(N) to find the k best, then only those k are ordered.
    """
    n = len(scores)
    if n == 0 or k <= 0:
        return []
    if k < n:
        top = np.argpartition(-scores, k - 1)[:k]
        # Ties at the k-th score: argpartition picks any of them; keep the earliest rows, as a stable sort would.
        kth = scores[top].min()
        if np.count_nonzero(scores == kth) > np.count_nonzero(scores[top] == kth):
            top = np.concatenate([top[scores[top] > kth], np.flatnonzero(scores == kth)])
    else:
        top = np.arange(n)
    top = top[np.lexsort((top, -scores[top]))][:k]
    return [int(i) for i in top if scores[i] > 0]


class EmbeddedBackend:
    def __init__(self, index: LoadedIndex, threads: int = 0) -> None:
        """``threads``: FAISS's OpenMP threads (process-wide; 0 leaves its default)."""
        self.index = index
        self.clauses = index.clauses
        self._masks: dict[tuple, np.ndarray] = {}
        self._params: dict[tuple, object] = {}
        if threads > 0:
            import faiss

            faiss.omp_set_num_threads(threads)

    def count(self) -> int:
        return len(self.clauses)

    # -- filters, cached per set of row ranges (a document filter is reused across questions) -----
    def _mask(self, rows: Sequence[range]) -> np.ndarray:
        key = tuple((r.start, r.stop) for r in rows)
        mask = self._masks.get(key)
        if mask is None:
            mask = np.zeros(len(self.clauses), dtype=bool)
            for r in rows:
                mask[r.start:r.stop] = True
            self._masks[key] = mask
        return mask

    def _search_parameters(self, rows: Sequence[range]):
        import faiss

        key = tuple((r.start, r.stop) for r in rows)
        params = self._params.get(key)
        if params is None:
            if len(rows) == 1:
                selector = faiss.IDSelectorRange(rows[0].start, rows[0].stop)
            else:
                selector = faiss.IDSelectorBatch(np.flatnonzero(self._mask(rows)).astype(np.int64))
            dense = self.index.dense
            if hasattr(dense, "hnsw"):
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=dense.hnsw.efSearch)
            else:
                params = faiss.SearchParameters(sel=selector)
            params._selector = selector  # FAISS keeps a raw pointer: keep the selector alive
            self._params[key] = params
        return params

    # -- search ------------------------------------------------------------------------------------
    def search_lexical(self, view: str, tokens: list[str], k: int,
                       rows: Sequence[range] | None = None) -> list[tuple[int, float]]:
        bm25 = {"accented": self.index.bm25_accented, "folded": self.index.bm25_folded}[view]
        if not tokens or not self.clauses:
            return []
        scores = np.asarray(bm25.get_scores(tokens))
        if rows is not None:
            scores = np.where(self._mask(rows), scores, 0.0)
        return [(i, float(scores[i])) for i in top_rows(scores, k)]

    def search_dense(self, vector: np.ndarray, k: int,
                     rows: Sequence[range] | None = None) -> list[tuple[int, float]]:
        dense = self.index.dense
        limit = dense.ntotal if rows is None else sum(len(r) for r in rows)
        k = min(k, limit)
        if k <= 0:
            return []
        query = np.ascontiguousarray(vector[None, :], dtype=np.float32)
        if rows is None:
            scores, ids = dense.search(query, k)
        else:
            scores, ids = dense.search(query, k, params=self._search_parameters(rows))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def similarity(self, row: int, vector: np.ndarray) -> float:
        return float(np.dot(self.index.dense.reconstruct(int(row)), vector))

    def delete_document(self, doc_id: str) -> int:
        """Not in place: the embedded index drops a document when its file leaves the corpus
        (``update_index`` rebuilds the merged views from the other segments)."""
        raise NotImplementedError("remove the document's file and run `qa index`: its segment is dropped")
