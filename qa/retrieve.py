"""Hybrid retrieval: two BM25 views and a dense view, fused by weighted reciprocal rank.

The accented view (syllables + underthesea words) is precise when the user types
accents; the folded view (accent-free syllables + bigrams) serves questions typed
without them; the dense view adds paraphrase recall. Fusion uses ranks, not raw
scores, so the three scales never need calibrating against each other.

>>> hits = Retriever(index, embedder, segmenter, config).search("ai chịu trách nhiệm thể chế hóa?")
>>> hits[0].clause.ref
'IV.1.1'
"""

from __future__ import annotations

import numpy as np

from dataclasses import dataclass, field
from typing import Callable

from .ask import kinds
from .config import Config
from .index import LoadedIndex
from .lexicon import Bridge, Lexicon
from .question import Question, analyze, document_keys
from .text import Segmenter, accented_tokens, folded_tokens, fold, has_diacritics
from .types import Hit


def _ranking(scores: np.ndarray, k: int) -> list[int]:
    """Positions of the k best positive scores, best first (ties keep document order)."""
    order = np.argsort(-scores, kind="stable")
    return [int(i) for i in order[:k] if scores[i] > 0]


@dataclass(frozen=True)
class Retrieval:
    """Fused hits with what answerability reads: per-view rankings, the dense
    similarities, and the bridges from the user's words to the corpus's."""

    hits: list[Hit]
    rankings: dict[str, list[int]] = field(default_factory=dict)
    similarities: dict[int, float] = field(default_factory=dict)  # clause position → cosine to the question
    bridges: tuple[Bridge, ...] = ()


class Retriever:
    def __init__(self, index: LoadedIndex, embedder, segmenter: Segmenter, config: Config,
                 lexicon: Lexicon | None = None, corpus_has: Callable[[str], bool] | None = None) -> None:
        self.index = index
        self.embedder = embedder
        self.segmenter = segmenter
        self.config = config
        self.lexicon = lexicon
        self.corpus_has = corpus_has or (lambda phrase: False)
        self._label_keys = [fold(c.label) for c in index.clauses]
        # Documents a clause names, less those the corpus's own titles name (itself and what it
        # implements): naming a cited document ("Kết luận 19") points to the clauses that cite it.
        own = {k for c in index.clauses if c.kind == "title" for k in document_keys(c.text)}
        self._doc_keys = [frozenset(document_keys(c.text)) - own for c in index.clauses]

    # -- the three views -------------------------------------------------
    def lexical_rankings(self, text: str) -> dict[str, list[int]]:
        k = self.config.candidate_k
        out: dict[str, list[int]] = {}
        folded = folded_tokens(text, drop_stopwords=True)
        if folded:
            out["folded"] = _ranking(np.asarray(self.index.bm25_folded.get_scores(folded)), k)
        # Accent-free questions would only miss in the accented view: skip it.
        if has_diacritics(text):
            accented = accented_tokens(text, self.segmenter, drop_stopwords=True)
            if accented:
                out["accented"] = _ranking(np.asarray(self.index.bm25_accented.get_scores(accented)), k)
        return out

    def dense_ranking(self, text: str) -> tuple[list[int], dict[int, float], np.ndarray | None]:
        """Best positions, their cosine to the query, and the query vector."""
        if self.index.dense.ntotal == 0:
            return [], {}, None
        query = " ".join(self.segmenter.words(text)) if self.config.segment_for_embedding else text
        vector = np.ascontiguousarray(self.embedder.encode_query(query)[None, :], dtype=np.float32)
        k = min(self.config.candidate_k, self.index.dense.ntotal)
        scores, ids = self.index.dense.search(vector, k)
        ranking = [int(i) for i in ids[0] if i >= 0]
        return ranking, {int(i): float(s) for i, s in zip(ids[0], scores[0]) if i >= 0}, vector[0]

    def bridges(self, text: str) -> list[Bridge]:
        if not self.lexicon or not self.config.use_paraphrases:
            return []
        return self.lexicon.bridges(text, self.corpus_has)

    # -- fusion ------------------------------------------------------------
    def search(self, question: str | Question, top_k: int | None = None, mode: str | None = None,
               extra_text: str = "") -> list[Hit]:
        """Fused hits, best first. ``extra_text`` adds context (a follow-up's earlier turn)."""
        return self.retrieve(question, top_k, mode, extra_text).hits

    def retrieve(self, question: str | Question, top_k: int | None = None, mode: str | None = None,
                 extra_text: str = "") -> Retrieval:
        """Like ``search``, with the signals answerability needs."""
        cfg = self.config
        q = question if isinstance(question, Question) else analyze(question, cfg.max_question_chars)
        mode = mode or cfg.retrieval_mode
        top_k = top_k or cfg.top_k
        text = f"{q.text} {extra_text}".strip()
        if not text or not self.index.clauses:
            return Retrieval(hits=[])
        bridges = tuple(self.bridges(text))
        # The user's words stay; the corpus's words for the phrases it never uses are added.
        lexical_text = " ".join([text, *(w for b in bridges for w in b.plan_words)])
        rankings: dict[str, list[int]] = {}
        similarities: dict[int, float] = {}
        vector = None
        if mode in ("lexical", "hybrid"):
            rankings.update(self.lexical_rankings(lexical_text))
        if mode in ("dense", "hybrid") and (mode == "dense" or cfg.weight_dense > 0):
            rankings["dense"], similarities, vector = self.dense_ranking(text)
        weights = {"accented": cfg.weight_accented, "folded": cfg.weight_folded, "dense": cfg.weight_dense}
        if mode == "dense":
            weights["dense"] = 1.0
        scores: dict[int, float] = {}
        ranks: dict[int, dict[str, int]] = {}
        for view, ranking in rankings.items():
            for rank, pos in enumerate(ranking):
                scores[pos] = scores.get(pos, 0.0) + weights[view] / (cfg.rrf_k + rank + 1)
                ranks.setdefault(pos, {})[view] = rank
        self._rerank(q, scores)
        order = sorted(scores, key=lambda p: (-scores[p], p))[:top_k]
        if vector is not None:
            for p in order:  # a hit the dense view did not rank still gets its cosine
                if p not in similarities:
                    similarities[p] = float(np.dot(self.index.dense.reconstruct(int(p)), vector))
        hits = [Hit(clause=self.index.clauses[p], score=scores[p], ranks=ranks.get(p, {})) for p in order]
        return Retrieval(hits=hits, rankings=rankings, similarities=similarities, bridges=bridges)

    def _rerank(self, q: Question, scores: dict[int, float]) -> None:
        """Question-aware bonuses on top of fusion (values in Config)."""
        cfg = self.config
        clauses = self.index.clauses
        # Structural references ("nhiệm vụ 8", "mục II", "IV.1.1") pull their clause in.
        if q.refs or q.item_numbers:
            for pos, clause in enumerate(clauses):
                label = self._label_keys[pos]
                hit = clause.ref in q.refs or any(label.endswith(f" {phrase}") for phrase in q.item_numbers)
                if hit:
                    scores[pos] = scores.get(pos, 0.0) + cfg.ref_bonus
        if not scores:
            return
        # The fact the question asks for: a clause that states it is the better answer.
        kind = kinds.get(q.kind)
        for pos in list(scores):
            facts = clauses[pos].facts
            scores[pos] += cfg.fact_bonus * kind.bonus(q, clauses[pos])
            if q.bodies and any(b in facts.bodies or b in facts.lead or b in facts.coordinate for b in q.bodies):
                scores[pos] += cfg.fact_bonus
                if not facts.lead_inherited and any(b in facts.lead or b in facts.coordinate for b in q.bodies):
                    scores[pos] += cfg.fact_bonus  # the body acts in this clause, not merely named
            if q.doc_keys and self._doc_keys[pos] & set(q.doc_keys):
                scores[pos] += cfg.ref_bonus  # a document named by number points to the clauses citing it, like a ref
            if q.kind != "meta" and clauses[pos].kind in ("title", "header"):
                scores[pos] -= 3 * cfg.fact_bonus  # they restate the document's name, not its content
        if q.kind == "meta":
            target = "title" if q.meta_field == "Tên văn bản" else "meta"
            for pos, clause in enumerate(clauses):
                if clause.kind == target:
                    scores[pos] = scores.get(pos, 0.0) + cfg.ref_bonus
