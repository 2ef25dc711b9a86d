"""One BM25 view (bm25s's Lucene scoring, bit for bit) that can be merged without re-tokenizing.

bm25s keeps only the scores, so adding one document to its index means counting every
clause's tokens again (~3 s a view at 100k clauses). This view also keeps the term counts
per row: a merge takes rows from saved views and from new token lists, recomputes the
scores with numpy, and never loops over the clauses in Python.

Saved as a directory a person can read: ``vocab.json`` (the terms, row = id), ``params.json``,
and ``.npy`` arrays — the scores by term (CSC, as bm25s saves them) and the counts by row (CSR).

>>> view = BM25View.from_tokens([["thể", "chế"], ["chế", "độ"]], k1=1.5, b=0.75)
>>> view.get_scores(["chế"])            # float32, one score a row
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Sequence

import numpy as np

VOCAB, PARAMS = "vocab.json", "params.json"
ARRAYS = ("data", "indices", "indptr", "row_terms", "row_counts", "row_indptr")  # .npy each
# A term in over 1/32 of the rows is added as a dense column when one is kept: a pass over every
# score costs as much as scattering ~2,500 rows (100k rows, measured). The most common terms' columns
# are kept, up to DENSE_BYTES a view (at 100k rows, 335 columns; the rest are scattered).
DENSE_SHARE = 32
DENSE_BYTES = 128 << 20


class BM25View:
    def __init__(self, terms: list[str], row_terms: np.ndarray, row_counts: np.ndarray, row_indptr: np.ndarray,
                 k1: float, b: float, scores: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> None:
        self.terms = terms
        self.vocab = {t: i for i, t in enumerate(terms)}
        self.row_terms, self.row_counts, self.row_indptr = row_terms, row_counts, row_indptr
        self.k1, self.b = float(k1), float(b)
        self.num_docs = len(row_indptr) - 1
        self.data, self.indices, self.indptr = scores if scores is not None else self._scores()

    # -- building -----------------------------------------------------------------------------
    @classmethod
    def from_tokens(cls, corpus_tokens: Sequence[Sequence[str]], k1: float, b: float) -> "BM25View":
        return cls.merge([("tokens", list(corpus_tokens))], k1, b)

    @classmethod
    def merge(cls, blocks: Sequence[tuple], k1: float, b: float) -> "BM25View":
        """Rows in the order of ``blocks``: ``("view", view, range)`` takes those rows of a view,
        ``("tokens", token_lists)`` counts new ones. Terms no row uses any more are dropped."""
        terms: list[str] = []
        ids: dict[str, int] = {}
        parts_terms, parts_counts, lengths = [], [], []
        remaps: dict[int, np.ndarray] = {}  # a view's term ids → ours, once per view
        for block in blocks:
            if block[0] == "view":
                _, view, rows = block
                lo, hi = int(view.row_indptr[rows.start]), int(view.row_indptr[rows.stop])
                remap = remaps.get(id(view))
                if remap is None:
                    remap = remaps[id(view)] = np.fromiter((ids.setdefault(t, len(ids)) for t in view.terms),
                                                           dtype=np.int64, count=len(view.terms))
                parts_terms.append(remap[view.row_terms[lo:hi]])
                parts_counts.append(view.row_counts[lo:hi])
                lengths.append(np.diff(view.row_indptr[rows.start:rows.stop + 1]))
            else:
                t, c, n = _count(block[1], ids)
                parts_terms.append(t)
                parts_counts.append(c)
                lengths.append(n)
        terms = list(ids)
        row_terms = np.concatenate(parts_terms) if parts_terms else np.zeros(0, np.int64)
        row_counts = np.concatenate(parts_counts).astype(np.int32) if parts_counts else np.zeros(0, np.int32)
        nnz_per_row = np.concatenate(lengths) if lengths else np.zeros(0, np.int64)
        row_indptr = np.concatenate([[0], np.cumsum(nnz_per_row)]).astype(np.int64)
        # Drop the terms of removed rows: ids are dense, in order of first use.
        used = np.zeros(len(terms), dtype=bool)
        used[row_terms] = True
        if not used.all():
            new_id = np.cumsum(used) - 1
            terms = [t for t, u in zip(terms, used) if u]
            row_terms = new_id[row_terms]
        return cls(terms, row_terms.astype(np.int32), row_counts, row_indptr, k1, b)

    def _scores(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """bm25s 0.2–0.3, method "lucene": the same float operations in the same types."""
        n_docs, n_terms = self.num_docs, len(self.terms)
        rows = np.repeat(np.arange(n_docs, dtype=np.int64), np.diff(self.row_indptr))
        doc_len = np.bincount(rows, weights=self.row_counts, minlength=n_docs).astype(np.int64)  # tokens a row
        avg = doc_len.mean() if n_docs else np.float64(0.0)
        df = np.bincount(self.row_terms, minlength=n_terms)
        idf = np.array([math.log(1 + (n_docs - d + 0.5) / (d + 0.5)) if d else 0.0 for d in df.tolist()],
                       dtype=np.float64).astype(np.float32)
        tf = self.row_counts.astype(np.float32)
        # bm25s: tf / (k1 * ((1 - b) + b * l_d / l_avg) + tf) with l_d a Python int, l_avg a numpy float64
        denom = (self.k1 * ((1 - self.b) + self.b * doc_len.astype(np.float64) / avg))[rows] if n_docs else \
            np.zeros(0)
        tfc = tf / (denom + tf)
        scores = (idf[self.row_terms] * tfc).astype(np.float32)
        order = np.argsort(self.row_terms, kind="stable")  # by term, rows ascending within a term
        indptr = np.concatenate([[0], np.cumsum(df)]).astype(np.int64)
        return scores[order], rows[order].astype(np.int32), indptr

    # -- searching ----------------------------------------------------------------------------
    def get_scores(self, tokens: Sequence[str]) -> np.ndarray:
        """BM25 of every row for a query (tokens may repeat; unknown ones are skipped).

        bm25s adds with ``np.add.at``; a term's rows are distinct, so plain fancy-index addition
        gives the same float32 sums, in the same order, ten times faster. A term in many rows is
        added as a dense column when one is kept (zeros elsewhere: adding 0.0 changes no score):
        a pass over the scores costs as much as scattering ~2,500 rows.
        """
        scores = np.zeros(self.num_docs, dtype=np.float32)
        for token in tokens:
            i = self.vocab.get(token)
            if i is None:
                continue
            start, end = int(self.indptr[i]), int(self.indptr[i + 1])
            column = self._dense_column(i, start, end) if (end - start) * DENSE_SHARE >= self.num_docs else None
            if column is not None:
                scores += column
            else:
                scores[self.indices[start:end]] += self.data[start:end]
        return scores

    def warm_up(self) -> None:
        """Build now the dense columns of the terms in the most rows, up to the cache's bound:
        the first questions that use them would otherwise build them."""
        lengths = np.diff(self.indptr)
        common = [int(i) for i in np.argsort(-lengths, kind="stable")
                  if lengths[i] * DENSE_SHARE >= self.num_docs]
        for i in common[: DENSE_BYTES // max(1, self.num_docs * 4)]:
            self._dense_column(i, int(self.indptr[i]), int(self.indptr[i + 1]))

    def _dense_column(self, i: int, start: int, end: int) -> np.ndarray | None:
        """Term ``i``'s scores as a dense column, kept; None once the kept columns fill ``DENSE_BYTES``
        (a column built for one question would cost more than scattering its rows)."""
        columns = self.__dict__.setdefault("_columns", {})
        column = columns.get(i)
        if column is None and (len(columns) + 1) * self.num_docs * 4 <= DENSE_BYTES:
            column = np.zeros(self.num_docs, dtype=np.float32)
            column[self.indices[start:end]] = self.data[start:end]
            columns[i] = column
        return column

    # -- persistence --------------------------------------------------------------------------
    def save(self, directory: Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / VOCAB).write_text(json.dumps(self.terms, ensure_ascii=False), encoding="utf-8")
        (directory / PARAMS).write_text(json.dumps({"k1": self.k1, "b": self.b, "method": "lucene",
                                                    "num_docs": self.num_docs, "terms": len(self.terms)}),
                                        encoding="utf-8")
        for name in ARRAYS:
            np.save(directory / f"{name}.npy", getattr(self, name), allow_pickle=False)

    @classmethod
    def load(cls, directory: Path, loads=json.loads) -> "BM25View":
        directory = Path(directory)
        params = json.loads((directory / PARAMS).read_text(encoding="utf-8"))
        terms = loads((directory / VOCAB).read_bytes())
        arrays = {name: np.load(directory / f"{name}.npy", allow_pickle=False) for name in ARRAYS}
        view = cls(terms, arrays["row_terms"], arrays["row_counts"], arrays["row_indptr"], params["k1"],
                   params["b"], scores=(arrays["data"], arrays["indices"], arrays["indptr"]))
        if view.num_docs != params["num_docs"] or len(terms) != params["terms"] or \
                len(view.indptr) != len(terms) + 1 or len(view.data) != len(view.indices):
            raise ValueError(f"BM25 view in {directory} is inconsistent")
        return view


def _count(corpus_tokens: Sequence[Sequence[str]], ids: dict[str, int]):
    """(term id per entry, count per entry, entries per row) of new rows, terms added to ``ids``."""
    flat = [ids.setdefault(t, len(ids)) for tokens in corpus_tokens for t in tokens]
    lens = np.fromiter((len(tokens) for tokens in corpus_tokens), dtype=np.int64, count=len(corpus_tokens))
    if not flat:
        return np.zeros(0, np.int64), np.zeros(0, np.int32), np.zeros(len(corpus_tokens), np.int64)
    rows = np.repeat(np.arange(len(corpus_tokens), dtype=np.int64), lens)
    keys = rows * (len(ids) + 1) + np.asarray(flat, dtype=np.int64)
    uniq, counts = np.unique(keys, return_counts=True)
    entry_rows = uniq // (len(ids) + 1)
    return uniq % (len(ids) + 1), counts.astype(np.int32), np.bincount(entry_rows, minlength=len(corpus_tokens))
