"""Hybrid retrieval: two BM25 views and a dense view, fused by weighted reciprocal rank.

The accented view (syllables + underthesea words) is precise when the user types
accents; the folded view (accent-free syllables + bigrams) serves questions typed
without them; the dense view adds paraphrase recall. Fusion uses ranks, not raw
scores, so the three scales never need calibrating against each other.

Per question, the work that grows with the corpus is the BM25 score arrays and the FAISS scan
(both behind a ``SearchBackend``, qa/backends/):
rankings use partial sorts, and what the bonuses look up (refs, labels, meta clauses, document
rows) is indexed once per loaded index (``ClauseMaps``).

>>> hits = Retriever(index, embedder, segmenter, config).search("ai chịu trách nhiệm thể chế hóa?")
>>> hits[0].clause.ref
'IV.1.1'
>>> Retriever(index, embedder, segmenter, config, docs=["03-KH/TW"]).search("thể chế hóa")  # one document
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

import numpy as np

from .adapter import adapter_for
from .ask.kinds.base import without_options
from .ask.refusal import RefusalModel
from .accents import Restorer, corpus_words, dictionary_words, question_phrases
from .ask import kinds
from .backends import EmbeddedBackend, SearchBackend
from .clausemaps import ClauseMaps
from .config import Config
from .embed import query_threads, runnable_tasks, usable_cores
from .index import LoadedIndex
from .lexicon import Bridge, Lexicon
from .facts import party_groups
from .question import INTENT_SYLLABLES, LAST, Question, analyze, without_documents, without_speaking_document
from .spelling import english_words
from .text import STOPWORDS, Segmenter, accented_tokens, fold, folded_tokens, has_diacritics, plain
from .types import Clause, Hit


class DocumentFilter:
    """The rows of some documents (each a contiguous range)."""

    def __init__(self, docs, maps: ClauseMaps, total: int) -> None:
        docs = tuple(dict.fromkeys(docs))
        unknown = [d for d in docs if d not in maps.documents]
        if unknown:
            raise ValueError(f"unknown document(s): {', '.join(unknown)}; "
                             f"the corpus holds {', '.join(sorted(maps.documents)[:10])}")
        if not docs:
            raise ValueError("docs must name at least one document. Currently, the docs is empty")
        self.docs = docs
        self.rows = tuple(maps.documents[d] for d in docs)

    def allows(self, pos: int) -> bool:
        return any(pos in r for r in self.rows)


def _acts_through_group(body: str, facts) -> bool:
    """The clause's lead is ``body``'s Party group: a Party document tasks a state body so."""
    return any(g in (*facts.lead, *facts.coordinate) for g in party_groups(body))


def _weighted(bridge: Bridge) -> list[str]:
    """The corpus's words for a bridged phrase, repeated so that they weigh about as much as the
    user's words did ("kéo bè kéo cánh", four syllables, stands for "cục bộ", two)."""
    out = []
    for word in bridge.plan_words:
        n = max(1, len(word.split()))
        out.extend([word] * max(1, round(len(bridge.said_syllables) / n)))
    return out


@dataclass(frozen=True)
class Retrieval:
    """Fused hits with what answerability reads: per-view rankings, the dense
    similarities, and the bridges from the user's words to the corpus's."""

    hits: list[Hit]
    rankings: dict[str, list[int]] = field(default_factory=dict)
    similarities: dict[int, float] = field(default_factory=dict)  # clause position → cosine to the question
    bridges: tuple[Bridge, ...] = ()
    read_as: str = ""  # the question with its accents restored, when typed without them and changed
    # how much nearer the question is to labelled out-of-scope questions than to in-scope ones
    # (QueryAdapter.outside_margin); None without an adapter that keeps them
    outside: float | None = None
    # how likely the question is out of scope, by the scope model in the adapter's file (qa/scope.py)
    scope: float | None = None
    # the adapter's second look at answered questions (qa/ask/refusal.py), when it has one
    refusal: RefusalModel | None = None


@dataclass(frozen=True)
class Reading:
    """A question as the views read it (``Retriever.read``)."""

    text: str  # the user's words, documents the corpus holds left out, with a follow-up's context
    bridges: tuple[Bridge, ...] = ()
    bridged: tuple[str, ...] = ()  # the corpus's words for the bridged phrases, weighted
    read_as: str = ""  # accents restored, shown to the user, when typed without them and changed
    restored: str | None = None  # the text with accents restored, for the accented and dense views
    dense_text: str = ""  # what the dense view embeds


def _backend(index: LoadedIndex, config: Config) -> SearchBackend:
    """The backend of a loaded index, shared by every Retriever over it (filters cache there)."""
    backend = getattr(index, "_backend", None)
    if backend is None:
        backend = index._backend = EmbeddedBackend(index, threads=config.search_threads)
    return backend


_RESTORERS: dict[tuple[int, int], tuple[object, object, Restorer]] = {}


def _restorer(view, lexicon: Lexicon | None) -> Restorer:
    """One restorer per (BM25 view, lexicon) pair of objects, built once (~0.3 s for the plan)."""
    key = (id(view), id(lexicon))
    held = _RESTORERS.get(key)
    if held is None or held[0] is not view or held[1] is not lexicon:
        if len(_RESTORERS) >= 4:
            _RESTORERS.clear()
        words = (*(lexicon.members() if lexicon else ()), *question_phrases())
        held = _RESTORERS[key] = (view, lexicon, Restorer(corpus_words(view), words, dictionary_words(), STOPWORDS))
    return held[2]


# Above this many candidates (a ref or cited document names thousands of rows in a library) the
# bonuses are added in numpy, per class of clauses, best first, until no other row can reach the top.
_PRUNE_FROM = 64
# kinds whose answer a named part holds in one of its clauses, not in its heading
_ASKED_INSIDE = frozenset({"who", "when"})
# words of a question about a part that name no topic, beyond those ``Question.topic`` already leaves
# out ("phần I nói những gì?", "mục III tên là gì?", "những ý chính", "phần I trình bày gì?"), and the
# part's number
_PART_WORDS = frozenset("nhung chinh ten goi tieu trinh bay".split())
_NUMBERING = re.compile(r"[ivx]+|\d+")
_MAX_TERMS = 5  # the most terms _bonus_terms returns
_PADDING = (0.0,) * _MAX_TERMS
_CHUNK = 256  # the first candidates whose bonuses are added at once; each step after adds as many as before it
_DENSE_CACHE = 256  # questions whose dense ranking is remembered: a follow-up re-ranks its earlier turn


@lru_cache(maxsize=1)
def _side_pool() -> ThreadPoolExecutor:
    """One worker thread for a question's second BM25 view (numpy's passes release the GIL)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="qa-bm25")


def bonus_classes(index: LoadedIndex, reads_text: bool) -> tuple[np.ndarray, list[int]]:
    """Each clause's class for the fact bonuses: clauses of one class have the same kind and facts
    (and text, for kinds whose bonus reads it), so their bonuses are equal for any question. Returns
    the class of every row and one row of each class; built once per index and kept on it."""
    cache = getattr(index, "_bonus_classes", None)
    if cache is None:
        cache = index._bonus_classes = {}
    if reads_text not in cache:
        ids: dict[tuple, int] = {}
        representatives: list[int] = []
        classes = np.empty(len(index.clauses), dtype=np.int64)
        for pos, clause in enumerate(index.clauses):
            key = (clause.text if reads_text else "", clause.kind, clause.facts)
            c = ids.get(key)
            if c is None:
                c = ids[key] = len(representatives)
                representatives.append(pos)
            classes[pos] = c
        cache[reads_text] = (classes, representatives)
    return cache[reads_text]


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _without_words(text: str, words: frozenset[str]) -> str:
    """``text`` without the (lower-case) ``words``, spaces collapsed."""
    return " ".join(_WORD.sub(lambda m: "" if m.group(0).lower() in words else m.group(0), text).split())


def _in_place(typed: str, words: frozenset[str], read: str) -> str:
    """``typed`` with its words other than ``words`` replaced, in order, by the words of ``read``
    (the same words with their accents restored); ``typed`` when the counts differ."""
    kept = [m for m in _WORD.finditer(typed) if m.group(0).lower() not in words]
    said = _WORD.findall(read)
    if len(kept) != len(said):
        return typed
    out, end = [], 0
    for m, word in zip(kept, said):
        out.append(typed[end:m.start()])
        out.append(word)
        end = m.end()
    return "".join(out) + typed[end:]


class Retriever:
    def __init__(self, index: LoadedIndex, embedder, segmenter: Segmenter, config: Config,
                 lexicon: Lexicon | None = None, corpus_has: Callable[[str], bool] | None = None,
                 docs=None) -> None:
        """``docs``: doc ids to search within (None: every document); ValueError names unknown ones."""
        self.index = index
        self.embedder = embedder
        self.segmenter = segmenter
        self.config = config
        self.lexicon = lexicon
        self.corpus_has = corpus_has or (lambda phrase: False)
        self.maps = ClauseMaps.build(index)
        self.backend = _backend(index, config)
        self.filter = DocumentFilter(docs, self.maps, len(index.clauses)) if docs is not None else None
        self._rows = self.filter.rows if self.filter is not None else None
        self._named: dict[tuple, np.ndarray] = {}  # the rows a ref or cited document names
        # the query adapter trained for this corpus and model (qa/adapter.py), or None
        self.adapter = adapter_for(index, config, index.manifest.get("model") or "") if index.clauses else None

    # -- the three views -------------------------------------------------
    def lexical_rankings(self, text: str, accented_text: str | None = None) -> dict[str, list[int]]:
        """``accented_text``: the question with its accents restored, for the accented view."""
        k = self.config.candidate_k
        out: dict[str, list[int]] = {}
        folded = folded_tokens(text, drop_stopwords=True)
        # Accent-free questions would only miss in the accented view: skip it.
        accented_text = accented_text or text
        both = bool(folded) and has_diacritics(accented_text)
        pending = None
        if both and self._side_by_side():
            pending = _side_pool().submit(self.backend.search_lexical, "folded", folded, k, self._rows)
        elif folded:
            out["folded"] = [pos for pos, _ in self.backend.search_lexical("folded", folded, k, self._rows)]
        accented_hits = None
        if has_diacritics(accented_text):
            accented = accented_tokens(accented_text, self.segmenter, drop_stopwords=True)
            if accented:
                accented_hits = self.backend.search_lexical("accented", accented, k, self._rows)
        if pending is not None:
            out["folded"] = [pos for pos, _ in pending.result()]  # the fusion adds the views in this order
        if accented_hits is not None:
            out["accented"] = [pos for pos, _ in accented_hits]
        return out

    def _side_by_side(self) -> bool:
        """Score the two BM25 views at once: a library large enough, and a core nobody uses now."""
        start = self.config.lexical_parallel_from
        return 0 < start <= len(self.index.clauses) and query_threads(2, usable_cores(), runnable_tasks(), 0) >= 2

    def dense_ranking(self, text: str) -> tuple[list[int], dict[int, float], np.ndarray | None]:
        """Best positions, their cosine to the query, and the query vector.

        With a query adapter the ranking comes from the adapted vector; the cosines (which
        answerability reads, calibrated on the model's own scale) and the vector stay the model's."""
        ranking, similarities, vector, _, _ = self._dense(text)
        return ranking, similarities, vector

    def _dense(self, text: str) -> tuple[list[int], dict[int, float], np.ndarray | None, tuple[float, ...], dict]:
        """``dense_ranking``, with a query adapter the adapted cosines in ranking order, and the
        cache entry's margins (``_outside_margin``)."""
        if self.backend.count() == 0:
            return [], {}, None, (), {}
        query = " ".join(self.segmenter.words(text)) if self.config.segment_for_embedding else text
        # A follow-up retrieves its earlier turn again: encoding and the FAISS scan are most of a
        # hybrid question at 100k clauses, and their result depends on the text and filter only.
        cache = self.index.__dict__.setdefault("_dense_cache", {})
        adapter = self.adapter
        key = (query, self.config.candidate_k, self._rows, id(self.embedder), id(self.backend), id(adapter))
        cached = cache.get(key)
        if cached is None or cached[2] is not self.embedder or cached[3] is not self.backend \
                or cached[4] is not adapter:
            vector = np.ascontiguousarray(self.embedder.encode_query(query), dtype=np.float32)
            vector.setflags(write=False)
            if adapter is None:
                found = tuple(self.backend.search_dense(vector, self.config.candidate_k, self._rows))
                adapted = ()
            else:
                ranked = self.backend.search_dense(adapter.apply(vector), self.config.candidate_k, self._rows)
                found = tuple((pos, self.backend.similarity(pos, vector)) for pos, _ in ranked)
                adapted = tuple(score for _, score in ranked)
            # (the last slot: this vector's margin to the adapter's labelled questions, once read)
            cached = (found, vector, self.embedder, self.backend, adapter, adapted, {})
            if len(cache) >= _DENSE_CACHE:
                try:
                    cache.pop(next(iter(cache)), None)  # the oldest; another thread may have taken it
                except (RuntimeError, StopIteration):
                    pass
            cache[key] = cached
        found, vector = cached[0], cached[1]
        return [pos for pos, _ in found], dict(found), vector, cached[5], cached[6]

    def _outside_margin(self, vector: np.ndarray, margins: dict) -> float | None:
        """``QueryAdapter.outside_margin`` of a vector ``_dense`` gave, kept in its cache entry's
        ``margins``: a follow-up retrieves its earlier turn again, and a scan of every labelled
        question is a fifth of a question's own work."""
        k = self.config.neighbours_k
        if k not in margins:
            margins[k] = self.adapter.outside_margin(vector, k)
        return margins[k]

    def warm_up(self) -> None:
        """Build now what the first question would otherwise wait for: the lexicon's folded members,
        the BM25 views' columns of common terms, a library's bonus classes."""
        if self.lexicon is not None:
            self.lexicon.warm_up()
        for view in (self.index.bm25_accented, self.index.bm25_folded):
            if view is not None:
                view.warm_up()
        if len(self.index.clauses) > _PRUNE_FROM:
            for reads_text in (False, True):
                bonus_classes(self.index, reads_text)
            np.unique(np.arange(2, dtype=np.int64))  # numpy's hash-based unique imports numpy.ma on first use

    def restorer(self) -> Restorer:
        """The accent restorer of this index's words (built on the first accent-free question)."""
        return _restorer(self.index.bm25_accented, self.lexicon)

    def bridges(self, text: str) -> list[Bridge]:
        if not self.lexicon or not self.config.use_paraphrases:
            return []
        # "phụ trách", "được giao" say what is asked (who), not what about: no bridge for them
        return [b for b in self.lexicon.bridges(text, self.corpus_has)
                if not all(s in INTENT_SYLLABLES for s in b.said_syllables)]

    # -- fusion ------------------------------------------------------------
    def search(self, question: str | Question, top_k: int | None = None, mode: str | None = None,
               extra_text: str = "") -> list[Hit]:
        """Fused hits, best first. ``extra_text`` adds context (a follow-up's earlier turn)."""
        return self.retrieve(question, top_k, mode, extra_text).hits

    def read(self, q: Question, extra_text: str = "") -> "Reading":
        """How the views read a question: without the documents the corpus holds (a metadata question
        keeps them), with the corpus's words for the user's phrases, accents restored if typed without."""
        cfg = self.config
        own = q.text if q.kind == "meta" else without_documents(q.text, self.maps.held_docs)
        typed = own  # as the dense model reads it: a multilingual model reads the asker's English too
        foreign = english_words(own)
        if foreign:  # the word views and the accent restorer read the Vietnamese words only
            own = _without_words(own, foreign) or own
        text = f"{own} {extra_text}".strip()
        if not text:
            return Reading(text="")
        bridges = tuple(self.bridges(text))
        # The user's words stay; the corpus's words for the phrases it never uses are added.
        bridged = tuple(w for b in bridges for w in _weighted(b))
        # typed without accents: the accented and dense views read it with them restored
        read_as, restored, extra_read = "", None, extra_text
        if cfg.restore_accents and not q.accented:
            restorer = self.restorer()
            read_as = restorer.restore(own)
            extra_read = restorer.restore(extra_text) if extra_text else ""
            restored = f"{read_as} {extra_read}".strip() if extra_text else read_as
            read_as = "" if read_as == own else read_as  # a reading only where accents were restored
            restored = None if restored == text else restored
        # with the corpus's words for the phrases it never uses, the question reads nearer the plan
        read = plain(restored or text)  # emoji and markup are no meaning: the model would read them
        if foreign:  # the English as typed, with the Vietnamese words read as above in their places
            read = plain(f"{_in_place(typed, foreign, read_as or own)} {extra_read}".strip())
        dense_text = " ".join([read, *bridged]) if bridges and cfg.dense_bridges else read
        return Reading(text=text, bridges=bridges, bridged=bridged, read_as=read_as, restored=restored,
                       dense_text=dense_text)

    def retrieve(self, question: str | Question, top_k: int | None = None, mode: str | None = None,
                 extra_text: str = "") -> Retrieval:
        """Like ``search``, with the signals answerability needs."""
        cfg = self.config
        q = question if isinstance(question, Question) else analyze(question, cfg.max_question_chars)
        mode = mode or cfg.retrieval_mode
        top_k = top_k or cfg.top_k
        reading = self.read(q, extra_text)
        text, bridges, bridged, read_as, restored = (reading.text, reading.bridges, reading.bridged,
                                                     reading.read_as, reading.restored)
        if not text or not self.index.clauses:
            return Retrieval(hits=[])
        # the word views do not read the document as the one who speaks ("kế hoạch giao …"), whose words
        # clauses use for other plans ("xây dựng kế hoạch thực hiện"); the dense view reads it in context
        spoken = (lambda t: t) if q.kind == "meta" else without_speaking_document
        lexical_text = " ".join([spoken(text), *bridged])
        rankings: dict[str, list[int]] = {}
        similarities: dict[int, float] = {}
        vector, adapted, margins = None, (), {}
        if mode in ("lexical", "hybrid"):
            rankings.update(self.lexical_rankings(lexical_text, " ".join([spoken(restored), *bridged]) if restored else None))
        weights = {"accented": cfg.weight_accented, "folded": cfg.weight_folded,
                   "dense": cfg.weight_dense_adapted if self.adapter is not None else cfg.weight_dense}
        if mode in ("dense", "hybrid") and (mode == "dense" or weights["dense"] > 0):
            rankings["dense"], similarities, vector, adapted, margins = self._dense(reading.dense_text)
        if mode == "dense":
            weights["dense"] = 1.0
        scores: dict[int, float] = {}
        ranks: dict[int, dict[str, int]] = {}
        probability = None  # the adapted dense view's softmax over its candidates (Config.dense_fusion)
        if mode == "hybrid" and adapted and cfg.dense_fusion == "probability":
            z = np.asarray(adapted, dtype=np.float64) / cfg.adapter_temperature
            z = np.exp(z - z.max())
            probability = z / z.sum()
        for view, ranking in rankings.items():
            for rank, pos in enumerate(ranking):
                if view == "dense" and probability is not None:
                    scores[pos] = scores.get(pos, 0.0) + weights[view] * float(probability[rank])
                else:
                    scores[pos] = scores.get(pos, 0.0) + weights[view] / (cfg.rrf_k + rank + 1)
                ranks.setdefault(pos, {})[view] = rank
        self._rerank(q, scores, top_k)
        order = (self._best_first(scores)[0][:top_k] if len(scores) > _PRUNE_FROM
                 else sorted(scores, key=lambda p: (-scores[p], p))[:top_k])
        if vector is not None:
            for p in order:  # a hit the dense view did not rank still gets its cosine
                if p not in similarities:
                    similarities[p] = self.backend.similarity(p, vector)
        hits = [Hit(clause=self.index.clauses[p], score=scores[p], ranks=ranks.get(p, {})) for p in order]
        outside = scope = refusal = None
        if vector is not None and self.adapter is not None:
            outside = self._outside_margin(vector, margins)
            if self.adapter.scope is not None and cfg.use_scope:
                # (a multiple-choice item's lettered options are offered, not asked: the stem is read)
                scope = self.adapter.scope.probability(without_options(q.raw), vector)
            refusal = self.adapter.refusal if cfg.use_refusal_model else None
        return Retrieval(hits=hits, rankings=rankings, similarities=similarities, bridges=bridges, read_as=read_as,
                         outside=outside, scope=scope, refusal=refusal)

    def _bonus_terms(self, q: Question, kind, clause: Clause) -> tuple[float, ...]:
        """The fact bonuses of one clause for this question, in the order they are added."""
        fact_bonus = self.config.fact_bonus
        facts = clause.facts
        terms = [fact_bonus * kind.bonus(q, clause)]
        if q.bodies and any(b in facts.bodies or b in facts.lead or b in facts.coordinate for b in q.bodies):
            terms.append(fact_bonus)
            if not facts.lead_inherited and any(b in facts.lead or b in facts.coordinate for b in q.bodies):
                terms.append(fact_bonus)  # the body acts in this clause, not merely named
        if q.bodies and any(_acts_through_group(b, facts) for b in q.bodies):
            terms.append(2 * fact_bonus)  # "Quốc hội" acts through "Đảng đoàn Quốc hội"
        if q.kind != "meta" and (clause.kind in ("title", "header") or clause.kind == "meta" and q.kind != "who"):
            # they restate the document's name or its register ("Lĩnh vực Bộ máy hành chính"), not its
            # content; who acts in the register ("ký thay mặt cơ quan nào?") is the issuer, read there
            terms.append(-(3 * fact_bonus))
        return tuple(terms)

    def _rerank_many(self, q: Question, kind, positions: np.ndarray, bases: np.ndarray, scores: dict[int, float],
                     top_k: int, late: np.ndarray | None = None, termless: np.ndarray | None = None) -> None:
        """The bonuses of many candidates, best fused score first, in chunks: worked out once per
        class of clauses that read alike to them (``bonus_classes``) and added term by term in numpy
        (each row gets the same float additions, in the same order, as one by one). The walk stops
        where no remaining row can reach the best ``top_k`` even with the most its bonuses can add;
        only the rows that reach the top are kept in ``scores``. ``late``: a bonus per row added
        after the terms (a metadata question's field); ``termless``: rows that get that bonus only."""
        cfg = self.config
        late = np.zeros(len(positions)) if late is None else late
        termless = np.zeros(len(positions), dtype=bool) if termless is None else termless
        potential = bases + late  # what a row has before its terms, the late bonus counted
        order = np.lexsort((positions, -potential))
        positions, bases, late, termless, potential = (a[order] for a in (positions, bases, late, termless, potential))
        classes, representatives = bonus_classes(self.index, kind.bonus_reads_text)
        # the most a clause's bonuses can add: the kind's own, a body named, acting, acting through
        # its Party group (the title/header term only subtracts)
        reach = cfg.fact_bonus * (kind.bonus_bound(q) + (4.0 if q.bodies else 0.0)) + 1e-9
        prunable = cfg.fact_bonus >= 0
        # the terms of each class met so far, one row each, zero-padded (x + 0.0 is x: padding adds nothing)
        table = np.zeros((len(representatives), _MAX_TERMS), dtype=np.float64)
        clauses = self.index.clauses
        known = np.zeros(len(representatives), dtype=bool)
        finals = bases.copy()
        floor, done, width = -np.inf, 0, 0
        while done < len(positions):
            if prunable and done and potential[done] + reach < floor:
                break  # none of the rest can reach the top
            chunk = slice(done, min(len(positions), done + max(_CHUNK, done)))  # doubling: few steps over ties
            rows_classes = classes[positions[chunk]]
            with_terms = ~termless[chunk]
            new = np.unique(rows_classes[with_terms & ~known[rows_classes]])
            if len(new):
                found = [self._bonus_terms(q, kind, clauses[representatives[c]]) for c in new.tolist()]
                width = max(width, max(map(len, found)))
                table[new] = [t + _PADDING[len(t):] for t in found]
                known[new] = True
            part = finals[chunk]
            for j in range(width):
                part += np.where(with_terms, table[rows_classes, j], 0.0)
            part += late[chunk]
            done = chunk.stop
            if prunable and done >= top_k:
                floor = np.partition(finals[:done], done - top_k)[done - top_k]
        finals, positions = finals[:done], positions[:done]
        keep = finals >= floor  # ties with the last kept row stay: order breaks them by position
        scores.update(zip(positions[keep].tolist(), finals[keep].tolist()))

    @staticmethod
    def _best_first(scores: dict[int, float]) -> tuple[list[int], list[float]]:
        """Positions by score, best first, ties by position; and their scores in that order."""
        positions = np.fromiter(scores.keys(), dtype=np.int64, count=len(scores))
        values = np.fromiter(scores.values(), dtype=np.float64, count=len(scores))
        order = np.lexsort((positions, -values))
        return positions[order].tolist(), values[order].tolist()

    def _rerank(self, q: Question, scores: dict[int, float], top_k: int | None = None) -> None:
        """Question-aware bonuses on top of fusion (values in Config). With ``top_k``, the rows
        that cannot reach the best ``top_k`` whatever their bonuses are dropped unscored."""
        clauses = self.index.clauses
        allowed = self.filter.allows if self.filter is not None else (lambda pos: True)
        ref_bonus = self.config.ref_bonus
        kind = kinds.get(q.kind)
        # Structural references ("nhiệm vụ 8", "mục II", "IV.1.1") pull their clause in, and a cited
        # document named by number ("Kết luận 19") the clauses citing it: one ref bonus per group.
        groups = self._named_rows(q)
        if self.filter is not None:
            groups = [np.array([pos for pos in g.tolist() if allowed(pos)], dtype=np.int64) for g in groups]
        # A ref or a cited document can name thousands of clauses, and a library repeats clauses
        # (boilerplate, the same task in every province's plan): the bonuses, which read a clause's
        # kind and facts only, and its text for the kinds that say so (tests/test_retrieve.py holds
        # every kind to it), are worked out once per distinct value of what they read and added
        # term by term, so the sums are the same floats whichever path adds them.
        if top_k is not None and len(scores) + sum(len(g) for g in groups) > _PRUNE_FROM:
            positions = np.fromiter(scores.keys(), dtype=np.int64, count=len(scores))
            fused = np.fromiter(scores.values(), dtype=np.float64, count=len(scores))
            field_rows = self._meta_rows(q, allowed)
            candidates = np.unique(np.concatenate([positions, *groups]))
            rows = np.union1d(candidates, field_rows)
            bases = np.zeros(len(rows), dtype=np.float64)
            bases[np.searchsorted(rows, positions)] = fused
            for group in groups:  # in the order the row-by-row path adds them
                np.add.at(bases, np.searchsorted(rows, group), ref_bonus)
            # a metadata question's own bonus comes after the terms, as below; a field's row that
            # was no candidate gets that bonus only
            late = np.zeros(len(rows), dtype=np.float64)
            late[np.searchsorted(rows, field_rows)] = ref_bonus
            termless = ~np.isin(rows, candidates, assume_unique=True)
            scores.clear()
            self._rerank_many(q, kind, rows, bases, scores, top_k, late, termless)
            return
        else:
            for group in groups:
                for pos in group.tolist():
                    scores[pos] = scores.get(pos, 0.0) + ref_bonus
            if not scores:
                return
            memo: dict[tuple[str, str, int], tuple[float, ...]] = {}
            for pos in list(scores):
                clause = clauses[pos]
                key = (clause.text if kind.bonus_reads_text else "", clause.kind, id(clause.facts))
                terms = memo.get(key)
                if terms is None:
                    terms = memo[key] = self._bonus_terms(q, kind, clause)
                for term in terms:
                    scores[pos] += term
        self._meta_bonus(q, scores, allowed)

    def _meta_bonus(self, q: Question, scores: dict[int, float], allowed) -> None:
        """A metadata question pulls in the clause that holds its field."""
        for pos in self._meta_rows(q, allowed).tolist():
            scores[pos] = scores.get(pos, 0.0) + self.config.ref_bonus

    def _meta_rows(self, q: Question, allowed) -> np.ndarray:
        """The rows that hold a metadata question's field (each document's), in the filter; else none."""
        if q.kind != "meta":
            return np.zeros(0, dtype=np.int64)
        maps = self.maps
        target = kinds.CLAUSE_OF_FIELD.get(q.meta_field or "", "meta")
        rows = maps.titles if target == "title" else maps.preambles if target == "preamble" else maps.meta
        return np.array([pos for pos in rows if allowed(pos)], dtype=np.int64)

    def _within(self, refs, named, bodies=()) -> list[int]:
        """The rows of the clauses inside the parts ``refs`` names (their rows ``named``), in their
        documents; of a heading inside that names one of ``bodies`` ("1. Đảng đoàn Quốc hội"), that one."""
        clauses = self.index.clauses
        docs = {clauses[pos].doc_id for pos in named}
        prefixes = tuple(ref + "." for ref in refs)
        rows = [pos for ref, rows in self.maps.refs.items() if ref.startswith(prefixes)
                for pos in rows if clauses[pos].doc_id in docs]
        names = [fold(b) for b in bodies]
        if names and any(name in fold(clauses[pos].text) for pos in named for name in names):
            return []  # "Mục IV.1 về Đảng đoàn Quốc hội nói gì?": the part named is the body's own
        headed = [pos for pos in rows if clauses[pos].kind in ("heading", "section")
                  and any(name in fold(clauses[pos].text) for name in names)]
        return headed or rows

    def _topic_inside(self, q: Question, named) -> bool:
        """A what-question about a topic the part named does not state itself ("Mục II nói gì về báo
        chí?"): one of the part's clauses answers it, not the part; "Phần I (mục đích, yêu cầu) nói
        gì?" asks the part."""
        if q.kind != "what" or not q.topic:
            return False
        said = {s for pos in named for s in re.findall(r"\w+", fold(self.index.clauses[pos].text.lower()))}
        return any(t not in said and t not in _PART_WORDS and not _NUMBERING.fullmatch(t) for t in q.topic)

    def _item_rows(self, phrase: str) -> list[int]:
        """The rows of a numbered item ("nhiem vu 8"); "nhiem vu cuoi": the last numbered item of
        each part that numbers its items so."""
        maps = self.maps
        if not phrase.endswith(" " + LAST):
            return maps.label_suffixes.get(phrase, [])
        key = ("last", phrase)
        if key not in self._named:
            numbered = re.compile(rf"{re.escape(phrase[:-len(LAST)])}(\d+)")
            last: dict[str, tuple[int, list[int]]] = {}  # parent ref → (number, rows)
            for suffix, rows in maps.label_suffixes.items():
                m = numbered.fullmatch(suffix)
                if m is None:
                    continue
                for pos in rows:
                    clause = self.index.clauses[pos]
                    parent = (clause.doc_id, clause.ref.rpartition(".")[0])
                    number = int(m.group(1))
                    if parent not in last or number > last[parent][0]:
                        last[parent] = (number, [pos])
                    elif number == last[parent][0]:
                        last[parent][1].append(pos)
            self._named[key] = sorted(pos for _, rows in last.values() for pos in rows)
        return self._named[key]

    def _named_rows(self, q: Question) -> list[np.ndarray]:
        """The rows a question names, one array per ref bonus: its refs and numbered items
        together, then each cited document's citing rows (arrays kept per name)."""
        maps, cache = self.maps, self._named
        groups = []
        if q.refs or q.item_numbers:
            # "Phần II …, ai chủ trì hội nghị …?": a who- or when-question's answer, or what a body
            # named must do, is in one of the part's clauses, which the question's words then choose
            # between; the part itself answers what it holds, where it is and how many items it has
            named = {pos for ref in q.refs for pos in maps.refs.get(ref, ())}
            inside = q.kind in _ASKED_INSIDE or (q.kind == "what" and bool(q.bodies)) \
                or self._topic_inside(q, named)  # "UBKT TW làm gì ở phần III?", "Mục II nói gì về báo chí?"
            bodies = q.bodies if inside and q.kind == "what" else ()
            key = ("refs", q.refs, q.item_numbers, inside, bodies)
            if key not in cache:
                if inside:
                    named.update(self._within(q.refs, named, bodies))
                items = {pos for phrase in q.item_numbers for pos in self._item_rows(phrase)}
                # "nhiệm vụ số 1 trong phần III": the item inside the part named, not the part
                prefixes = tuple(ref + "." for ref in q.refs)
                inner = {pos for pos in items if self.index.clauses[pos].ref.startswith(prefixes)} if prefixes else set()
                named = inner or named | items
                cache[key] = np.array(sorted(named), dtype=np.int64)
            groups.append(cache[key])
        for doc in q.doc_keys:
            key = ("doc", doc)
            if key not in cache:
                cache[key] = np.array(maps.cited_docs.get(doc, ()), dtype=np.int64)
            groups.append(cache[key])
        if len(cache) > 256:
            cache.clear()
        return groups
