"""A scope model learned from labelled questions: how likely the corpus does not answer a question.

The rules of answerability refuse for reasons they can name (a number the clause does not hold,
a body the plan never mentions). What they cannot see is a question that reuses the plan's
words to ask something next to what it says: "Có cần công khai kết quả lấy phiếu tín nhiệm
không?", "Đảng viên có phải làm bản cam kết tu dưỡng không?". The benchmark's writers label such
questions by the hundred, and the words they ask with ("công khai", "bản cam kết", "quyền", "lương")
and the place of the question in the embedding space separate them from the answerable ones better
than any hand-made list.

The model is a logistic regression over two views of the question:
- its words, as typed and folded: syllables and syllable pairs, TF–IDF weighted (sublinear
  counts, L2-normalised), vocabulary from the training questions (seen at least twice);
- its e5 vector (the model's, not adapted).

It is fitted by ``qa adapt`` on the dev splits (scikit-learn; out-of-scope = 1) and stored in the
query adapter's file; applying it is a dictionary lookup per term and one dot product.

>>> scope = ScopeModel.fit(texts, vectors, labels)
>>> scope.probability("Kế hoạch có quy định lương cho cán bộ không?", vector)   # near 1: not answered
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from .keystrokes import decoded as keyed
from .question import standard_words
from .text import fold

_TOKEN = re.compile(r"\w\w+")


def terms(text: str) -> list[str]:
    """The question's terms: folded syllables of two characters or more, and each adjacent pair
    (raw Telex or VNI keys read as the syllables they spell; spoken forms and English words as
    the standard Vietnamese ones)."""
    words = _TOKEN.findall(fold(standard_words(keyed(text))))
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


@dataclass(frozen=True)
class ScopeModel:
    vocabulary: tuple[str, ...]
    idf: np.ndarray  # (t,) float32
    term_weights: np.ndarray  # (t,) float32
    vector_weights: np.ndarray  # (d,) float32
    bias: float
    info: dict = field(default_factory=dict)
    _index: dict = field(default=None, compare=False, repr=False)  # term → column, built once

    def __post_init__(self) -> None:
        if self._index is None:
            object.__setattr__(self, "_index", {t: i for i, t in enumerate(self.vocabulary)})

    # -- use -------------------------------------------------------------------------------
    def term_vector(self, text: str) -> dict[int, float]:
        """The text's TF–IDF features by column (sublinear counts, L2-normalised)."""
        counts = Counter(self._index[t] for t in terms(text) if t in self._index)
        values = {i: (1.0 + math.log(n)) * float(self.idf[i]) for i, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values()))
        return {i: v / norm for i, v in values.items()} if norm > 0 else {}

    def probability(self, text: str, vector: np.ndarray) -> float:
        """How likely the corpus does not answer the question, in [0, 1]."""
        z = self.bias + sum(float(self.term_weights[i]) * v for i, v in self.term_vector(text).items()) \
            + float(np.dot(self.vector_weights, np.asarray(vector, dtype=np.float32)))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    # -- training --------------------------------------------------------------------------
    @classmethod
    def fit(cls, texts: Sequence[str], vectors: np.ndarray, labels: Sequence[int], c: float = 100.0,
            min_count: int = 2) -> "ScopeModel":
        """Fit on questions labelled 1 (out of scope) or 0 (answered). ``c`` is the inverse of the
        L2 penalty; terms seen in fewer than ``min_count`` questions are left out."""
        from scipy.sparse import csr_matrix, hstack
        from sklearn.linear_model import LogisticRegression

        labels = np.asarray(labels, dtype=int)
        vectors = np.asarray(vectors, dtype=np.float32)
        if len(texts) != len(labels) or len(vectors) != len(labels):
            raise ValueError(f"{len(texts)} texts, {len(vectors)} vectors, {len(labels)} labels")
        if set(labels.tolist()) != {0, 1}:
            raise ValueError("the scope model needs questions both in and out of scope")
        frequency = Counter(t for text in texts for t in set(terms(text)))
        vocabulary = tuple(sorted(t for t, n in frequency.items() if n >= min_count))
        n = len(texts)
        idf = np.array([math.log((1 + n) / (1 + frequency[t])) + 1.0 for t in vocabulary], dtype=np.float32)
        blank = cls(vocabulary, idf, np.zeros(len(vocabulary), np.float32), np.zeros(vectors.shape[1], np.float32), 0.0)
        rows, cols, values = [], [], []
        for r, text in enumerate(texts):
            for i, v in blank.term_vector(text).items():
                rows.append(r)
                cols.append(i)
                values.append(v)
        words = csr_matrix((values, (rows, cols)), shape=(n, len(vocabulary)), dtype=np.float64)
        features = hstack([words, csr_matrix(vectors.astype(np.float64))]).tocsr()
        model = LogisticRegression(C=c, max_iter=5000).fit(features, labels)
        weights = model.coef_[0].astype(np.float32)
        return cls(vocabulary, idf, weights[: len(vocabulary)].copy(), weights[len(vocabulary):].copy(),
                   float(model.intercept_[0]),
                   info={"questions": n, "out_of_scope": int(labels.sum()), "terms": len(vocabulary), "c": c})

    # -- files -----------------------------------------------------------------------------
    def arrays(self) -> dict[str, np.ndarray]:
        """What the adapter's file keeps of it (``from_arrays`` reads it back)."""
        return {"scope_vocabulary": np.array(self.vocabulary, dtype=str), "scope_idf": self.idf.astype(np.float32),
                "scope_terms": self.term_weights.astype(np.float32),
                "scope_vector": self.vector_weights.astype(np.float32),
                "scope_bias": np.array([self.bias], dtype=np.float64)}

    @classmethod
    def from_arrays(cls, data, info: dict | None = None) -> "ScopeModel | None":
        """The model kept in an ``np.load``-ed file, or None when it keeps none."""
        if "scope_vocabulary" not in getattr(data, "files", data):
            return None
        vocabulary = tuple(str(t) for t in data["scope_vocabulary"])
        idf, weights = np.asarray(data["scope_idf"], np.float32), np.asarray(data["scope_terms"], np.float32)
        if idf.shape != (len(vocabulary),) or weights.shape != (len(vocabulary),):
            raise ValueError(f"scope model: {len(vocabulary)} terms, {idf.shape} idf, {weights.shape} weights")
        return cls(vocabulary, idf, weights, np.asarray(data["scope_vector"], np.float32),
                   float(np.asarray(data["scope_bias"]).ravel()[0]), info=dict(info or {}))
