"""The Milvus backend: the same three views, served by a Milvus server (Lite, Standalone or a cluster).

The local index stays the clause store (clauses, statistics, per-document segments with their
tokens and vectors); Milvus holds one entity per clause and answers the searches:

- ``accented`` / ``folded``: BM25 exactly as bm25s scores it (``method="lucene"``), split in two.
  Each entity stores a sparse vector of document-side weights ``tf / (tf + k1·(1 − b + b·dl/avgdl))``
  computed here from the project's own tokens (``accented_tokens`` / ``folded_tokens``); a query is a
  sparse vector of its terms' IDF ``ln(1 + (N − df + 0.5) / (df + 0.5))`` (times their count), from
  the local BM25 view (bm25s's scoring, ``qa/bm25.py``). Inner product on a ``SPARSE_INVERTED_INDEX``
  is then bm25s's score: the engine keeps no corpus statistics of its own, so its segments cannot drift apart. A token is a sparse
  dimension: 32 bits of its BLAKE2b hash (Milvus's analyzers do not segment Vietnamese anyway).
- ``dense``: the embedder's normalised vectors, inner product.
- metadata: doc_id, ref, label, kind, position (within the document), segment fingerprint;
  a document filter is an expression on doc_id that runs in the engine.

IDF lives in the query, so a document added or removed changes nothing stored for the others.
``avgdl`` is in every stored weight: the collection keeps the value it was weighted with (a
collection property) and keeps it while the index's own average stays within ``avgdl_drift``
of it; beyond that ``sync`` weighs every clause again.

>>> backend = MilvusBackend(index, uri="http://127.0.0.1:19530", collection="qa_clauses").connect()
>>> backend.sync(index, Path("index"))      # delete + insert per changed document
>>> backend.search_lexical("folded", ["the", "che", "the_che"], k=20)
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from ..index import SEG_TOKENS, SEG_VECTORS, SEGMENTS, IndexProblem, LoadedIndex

log = logging.getLogger(__name__)

LEXICAL_FIELDS = {"accented": "accented_sparse", "folded": "folded_sparse"}
# Written into the collection's properties: a collection weighted another way is refused or rebuilt.
SCORING = "bm25s-lucene-tf/v1"
_PROP_SCORING, _PROP_PARAMS = "qa.scoring", "qa.bm25"
_INSERT_BATCH = 512
# Milvus sparse dimensions are uint32 below 2**32 - 1; 0 is kept for a clause with no token
# (Milvus refuses an empty sparse vector), and no query ever asks for it.
_EMPTY_DIM = 0
_DIMS = 2 ** 32 - 2


class MilvusUnavailable(IndexProblem):
    """The Milvus server cannot be reached or does not hold the collection; the message says what to do."""


@lru_cache(maxsize=1 << 20)
def term_id(token: str) -> int:
    """One token as a sparse dimension in 1 … 2**32 − 2: ``term_id("thể_chế") != term_id("the_che")``.

    Two tokens may share a dimension (at 10**6 distinct tokens, ~100 pairs do); see the README."""
    digest = hashlib.blake2b(token.encode("utf-8"), digest_size=4).digest()
    return 1 + int.from_bytes(digest, "big") % _DIMS


def document_weights(tokens: list[str], avgdl: float, k1: float, b: float) -> dict[int, float]:
    """A clause's BM25 document side, as bm25s's lucene variant: tf / (tf + k1·(1 − b + b·dl/avgdl)).

    >>> document_weights(["ở", "ý", "ở"], avgdl=3.0, k1=1.2, b=0.75)   # {id(ở): 2/3.2, id(ý): 1/2.2}
    """
    if not tokens:
        return {_EMPTY_DIM: 1.0}
    norm = k1 * (1 - b + b * len(tokens) / avgdl) if avgdl > 0 else k1
    out: dict[int, float] = {}
    for token, tf in Counter(tokens).items():
        dim = term_id(token)
        out[dim] = out.get(dim, 0.0) + tf / (tf + norm)
    return out


def idf(df: int, n: int) -> float:
    """bm25s's lucene IDF (always > 0)."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def query_weights(bm25, tokens: list[str]) -> dict[int, float]:
    """The query side from the index's BM25 view (``qa.bm25.BM25View`` or a ``bm25s.BM25``): each
    known token's IDF times its count (bm25s sums a repeated query token once per occurrence);
    tokens the corpus never saw score nothing. df is the length of the token's score column."""
    if hasattr(bm25, "vocab_dict"):  # bm25s
        vocab, indptr, n = bm25.vocab_dict, bm25.scores["indptr"], int(bm25.scores["num_docs"])
    else:
        vocab, indptr, n = bm25.vocab, bm25.indptr, int(bm25.num_docs)
    out: dict[int, float] = {}
    for token, count in Counter(tokens).items():
        tid = vocab.get(token)
        if tid is None:
            continue
        dim = term_id(token)
        out[dim] = out.get(dim, 0.0) + count * idf(int(indptr[tid + 1] - indptr[tid]), n)
    return out


def _quote(value: str) -> str:
    """A string literal for a Milvus filter expression."""
    return json.dumps(value, ensure_ascii=False)


def _pymilvus():
    try:
        import pymilvus
    except ImportError as exc:
        raise MilvusUnavailable("the Milvus backend needs pymilvus: pip install pymilvus "
                                "(and milvus-lite for a local server)") from exc
    return pymilvus


class MilvusBackend:
    """A ``SearchBackend`` over a Milvus collection; rows are the loaded index's clause positions."""

    def __init__(self, index: LoadedIndex | None, uri: str, collection: str, token: str | None = None,
                 timeout: float = 10.0, bm25_k1: float = 1.2, bm25_b: float = 0.75,
                 index_type: str = "FLAT", avgdl_drift: float = 0.01) -> None:
        if avgdl_drift < 0:
            raise ValueError(f"avgdl_drift must be >= 0. Currently, the avgdl_drift is {avgdl_drift}")
        self.index = index
        self.clauses = index.clauses if index is not None else []
        self.uri = uri
        self.collection = collection
        self.timeout = timeout
        self.bm25_k1 = bm25_k1
        self.bm25_b = bm25_b
        self.index_type = index_type
        self.avgdl_drift = avgdl_drift  # relative change of avgdl that makes sync weigh every clause again
        self._token = token
        self._client = None
        self._rows = index.document_rows() if index is not None else {}
        self._filters: dict[tuple, str] = {}

    # -- connection ------------------------------------------------------------------------------
    def _unreachable(self, exc: Exception) -> MilvusUnavailable:
        return MilvusUnavailable(
            f"Không kết nối được máy chủ Milvus {self.uri} / cannot reach the Milvus server at {self.uri} "
            f"({type(exc).__name__}); start it (milvus-lite server --host 127.0.0.1 --port 19530) "
            f"or give another --milvus-uri")

    def connect(self) -> "MilvusBackend":
        """Open the client and check the server answers (the health check at start)."""
        pymilvus = _pymilvus()
        try:
            self._client = pymilvus.MilvusClient(uri=self.uri, token=self._token or "", timeout=self.timeout)
            self._client.list_collections()
        except Exception as exc:  # noqa: BLE001 - any client failure here means: not reachable
            self._client = None
            raise self._unreachable(exc) from exc
        return self

    @property
    def client(self):
        if self._client is None:
            self.connect()
        return self._client

    def _call(self, name: str, *args, **kwargs):
        """A client call; a lost server becomes one clear sentence, not a gRPC traceback.

        A restarted server is reconnected once, and a collection it left released is loaded again.
        """
        pymilvus = _pymilvus()
        for attempt in (1, 2):
            try:
                return getattr(self.client, name)(*args, **kwargs)
            except MilvusUnavailable:
                raise
            except Exception as exc:  # noqa: BLE001
                message = str(exc).lower()
                if isinstance(exc, pymilvus.MilvusException) and "released" in message and attempt == 1:
                    self._client.load_collection(self.collection)
                    continue
                lost = not isinstance(exc, pymilvus.MilvusException) or "connect" in message \
                    or "unavailable" in message
                if not lost:
                    raise
                if attempt == 2:
                    raise self._unreachable(exc) from exc
                self._client = None  # a fresh channel: the old one may point at a dead process

    def check(self) -> None:
        """Refuse a collection that does not hold this index's clauses (run ``qa index --backend milvus``)."""
        if not self._call("has_collection", self.collection):
            raise MilvusUnavailable(f"Máy chủ Milvus {self.uri} chưa có bộ sưu tập {self.collection!r} / "
                                    f"the Milvus collection {self.collection!r} does not exist at {self.uri}; "
                                    f"load it with: qa index --backend milvus")
        scoring = self.scoring()
        if scoring.get("scoring") != SCORING or scoring.get("k1") != self.bm25_k1 or scoring.get("b") != self.bm25_b:
            raise MilvusUnavailable(f"Milvus collection {self.collection!r} was weighted another way "
                                    f"({scoring or 'the engine BM25 of an older version'}); "
                                    f"reload it with: qa index --backend milvus")
        self._call("load_collection", self.collection)
        stored = self.segments()
        wanted = {d["doc_id"]: d.get("segment", "") for d in self.index.manifest.get("documents", ())}
        if stored != wanted:
            stale = sorted(set(wanted.items()) ^ set(stored.items()))
            raise MilvusUnavailable(f"Milvus collection {self.collection!r} does not match the index "
                                    f"({len(stale)} document segment(s) differ, e.g. {stale[0][0]!r}); "
                                    f"reload it with: qa index --backend milvus")

    # -- loading -----------------------------------------------------------------------------------
    def scoring(self) -> dict:
        """How the collection's lexical weights were computed: scoring version, k1, b, avgdl per view
        ({} for a collection without them, e.g. one scored by the engine's BM25 function)."""
        props = self._call("describe_collection", self.collection).get("properties") or {}
        try:
            params = json.loads(props.get(_PROP_PARAMS, "{}"))
        except ValueError:
            params = {}
        return {"scoring": props.get(_PROP_SCORING), **params} if _PROP_SCORING in props else {}

    def _create(self, dim: int, avgdl: dict[str, float]) -> None:
        DataType = _pymilvus().DataType
        schema = self.client.create_schema(auto_id=True, enable_dynamic_field=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("doc_id", DataType.VARCHAR, max_length=512)
        schema.add_field("ref", DataType.VARCHAR, max_length=512)
        schema.add_field("label", DataType.VARCHAR, max_length=2048)
        schema.add_field("kind", DataType.VARCHAR, max_length=64)
        schema.add_field("position", DataType.INT64)
        schema.add_field("segment", DataType.VARCHAR, max_length=64)
        params = self.client.prepare_index_params()
        for sparse in LEXICAL_FIELDS.values():
            schema.add_field(sparse, DataType.SPARSE_FLOAT_VECTOR)
            # Inner product of exact weights: no pruning at build or search (drop ratios stay 0).
            params.add_index(sparse, index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
        schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
        params.add_index("dense", index_type=self.index_type, metric_type="IP")
        params.add_index("doc_id", index_type="INVERTED")
        properties = {_PROP_SCORING: SCORING,
                      _PROP_PARAMS: json.dumps({"k1": self.bm25_k1, "b": self.bm25_b, "avgdl": avgdl})}
        self._call("create_collection", self.collection, schema=schema, index_params=params,
                   consistency_level="Strong", properties=properties)

    def segments(self) -> dict[str, str]:
        """doc_id → the segment fingerprint the collection holds for it."""
        if not self._call("has_collection", self.collection):
            return {}
        rows = self._call("query", self.collection, filter="position == 0", output_fields=["doc_id", "segment"])
        return {r["doc_id"]: r["segment"] for r in rows}

    def _reusable_avgdl(self, avgdl: dict[str, float]) -> dict[str, float] | None:
        """The avgdl the collection was weighted with, if it can stay: same scoring, k1 and b, and
        within ``avgdl_drift`` of the index's own (``avgdl``); None when every clause must be weighed again."""
        if not self._call("has_collection", self.collection):
            return None
        stored = self.scoring()
        if stored.get("scoring") != SCORING or stored.get("k1") != self.bm25_k1 or stored.get("b") != self.bm25_b:
            log.info("collection %s weighted another way (%s): loading it again", self.collection, stored)
            return None
        kept = stored.get("avgdl") or {}
        for view, now in avgdl.items():
            then = kept.get(view)
            if not then or abs(then - now) > self.avgdl_drift * now:
                log.info("avgdl of %s moved from %s to %.4f: weighing every clause again", view, then, now)
                return None
        return kept

    def sync(self, index: LoadedIndex, directory: Path) -> dict:
        """Make the collection hold ``index`` (saved at ``directory``): per document whose segment
        changed, delete its entities and insert the new ones; drop documents gone from the index.
        When the index's avgdl moved beyond ``avgdl_drift`` (or the collection was weighted another
        way) the collection is created again and every document inserted."""
        directory = Path(directory)
        wanted = {d["doc_id"]: d for d in index.manifest.get("documents", ())}
        tokens = {doc_id: _segment_tokens(directory, entry) for doc_id, entry in wanted.items()}
        avgdl = _avgdl([clause for doc in tokens.values() for clause in doc])
        # "avgdl": what the collection's weights use (the index's own unless kept within the drift).
        changes = {"inserted": [], "deleted": [], "kept": 0, "entities": 0, "reweighted": False}
        weights_avgdl = self._reusable_avgdl(avgdl)
        if weights_avgdl is None:
            if self._call("has_collection", self.collection):
                self._call("drop_collection", self.collection)
                changes["reweighted"] = True
            self._create(int(index.manifest.get("dimension") or index.dense.d), avgdl)
            weights_avgdl = avgdl
        changes["avgdl"] = weights_avgdl
        stored = self.segments()
        for doc_id in sorted(set(stored) - set(wanted)):
            self.delete_document(doc_id)
            changes["deleted"].append(doc_id)
        for doc_id, entry in wanted.items():
            if stored.get(doc_id) == entry.get("segment"):
                changes["kept"] += 1
                continue
            if doc_id in stored:
                self.delete_document(doc_id)
            changes["entities"] += self._insert_document(index, directory, entry, tokens[doc_id], weights_avgdl)
            changes["inserted"].append(doc_id)
        self._call("flush", self.collection)
        self._call("load_collection", self.collection)
        return changes

    def _insert_document(self, index: LoadedIndex, directory: Path, entry: dict,
                         tokens: list[tuple[list[str], list[str]]], avgdl: dict[str, float]) -> int:
        vectors = np.load(directory / SEGMENTS / entry["segment"] / SEG_VECTORS, allow_pickle=False)
        start = int(entry["start"])
        k1, b = self.bm25_k1, self.bm25_b
        rows = []
        for pos, ((acc, fold), vector) in enumerate(zip(tokens, vectors)):
            clause = index.clauses[start + pos]
            rows.append({"doc_id": entry["doc_id"], "ref": clause.ref[:512], "label": clause.label[:2048],
                         "kind": clause.kind[:64], "position": pos, "segment": entry["segment"],
                         "accented_sparse": document_weights(acc, avgdl["accented"], k1, b),
                         "folded_sparse": document_weights(fold, avgdl["folded"], k1, b),
                         "dense": np.asarray(vector, dtype=np.float32).tolist()})
        for i in range(0, len(rows), _INSERT_BATCH):
            self._call("insert", self.collection, rows[i:i + _INSERT_BATCH])
        return len(rows)

    def delete_document(self, doc_id: str) -> int:
        result = self._call("delete", self.collection, filter=f"doc_id == {_quote(doc_id)}")
        return int(result.get("delete_count", 0)) if isinstance(result, dict) else len(result or ())

    # -- search --------------------------------------------------------------------------------------
    def count(self) -> int:
        return len(self.clauses)

    def _filter(self, rows: Sequence[range] | None) -> str:
        """The engine-side expression for some row ranges: whole documents by doc_id."""
        if rows is None:
            return ""
        key = tuple((r.start, r.stop) for r in rows)
        expr = self._filters.get(key)
        if expr is None:
            whole, parts = [], []
            for doc_id, span in self._rows.items():
                for r in rows:
                    lo, hi = max(r.start, span.start), min(r.stop, span.stop)
                    if lo >= hi:
                        continue
                    if lo == span.start and hi == span.stop:
                        whole.append(doc_id)
                    else:
                        parts.append(f"(doc_id == {_quote(doc_id)} and position >= {lo - span.start} "
                                     f"and position < {hi - span.start})")
            if whole:
                parts.insert(0, f"doc_id in [{', '.join(_quote(d) for d in whole)}]")
            expr = " or ".join(parts) if parts else "position < 0"
            self._filters[key] = expr
        return expr

    def _ranked(self, found) -> list[tuple[int, float]]:
        out = []
        for hit in found[0] if found else ():
            entity = hit.get("entity", hit)
            span = self._rows.get(entity.get("doc_id"))
            pos = entity.get("position")
            if span is None or pos is None or pos >= len(span):
                continue  # an entity of a document this index does not hold (the collection lags)
            out.append((span.start + int(pos), float(hit["distance"])))
        return out

    def search_lexical(self, view: str, tokens: list[str], k: int,
                       rows: Sequence[range] | None = None) -> list[tuple[int, float]]:
        bm25 = {"accented": self.index.bm25_accented, "folded": self.index.bm25_folded}[view]
        if not tokens or not self.clauses or k <= 0:
            return []
        query = query_weights(bm25, tokens)
        if not query:
            return []  # no token the corpus knows: bm25s scores every clause 0
        found = self._call("search", self.collection, data=[query], anns_field=LEXICAL_FIELDS[view], limit=k,
                           filter=self._filter(rows), output_fields=["doc_id", "position"],
                           search_params={"metric_type": "IP"})
        ranked = [(row, score) for row, score in self._ranked(found) if score > 0]
        # Equal scores (a sentence repeated across documents) in row order, as the embedded backend.
        return sorted(ranked, key=lambda rs: (-rs[1], rs[0]))

    def search_dense(self, vector: np.ndarray, k: int,
                     rows: Sequence[range] | None = None) -> list[tuple[int, float]]:
        if not self.clauses or k <= 0:
            return []
        found = self._call("search", self.collection, data=[np.asarray(vector, dtype=np.float32).tolist()],
                           anns_field="dense", limit=k, filter=self._filter(rows),
                           output_fields=["doc_id", "position"], search_params={"metric_type": "IP"})
        return self._ranked(found)

    def similarity(self, row: int, vector: np.ndarray) -> float:
        """The local index's copy of the vector when it has one (no round trip: a scalar query
        costs Milvus Lite ~17 ms at 10k clauses), else the collection's."""
        dense = getattr(self.index, "dense", None)
        if dense is not None and dense.ntotal == len(self.clauses):
            return float(np.dot(dense.reconstruct(int(row)), vector))
        doc_id = next(d for d, span in self._rows.items() if row in span)
        found = self._call("query", self.collection,
                           filter=f"doc_id == {_quote(doc_id)} and position == {row - self._rows[doc_id].start}",
                           output_fields=["dense"])
        if not found:
            return 0.0
        return float(np.dot(np.asarray(found[0]["dense"], dtype=np.float32), vector))


def _segment_tokens(directory: Path, entry: dict) -> list[tuple[list[str], list[str]]]:
    """A document's (accented, folded) tokens per clause, as its segment saved them for bm25s."""
    with open(directory / SEGMENTS / entry["segment"] / SEG_TOKENS, encoding="utf-8") as fh:
        return [tuple(json.loads(line)) for line in fh if line.strip()]


def _avgdl(tokens: list[tuple[list[str], list[str]]]) -> dict[str, float]:
    """Mean clause length per view over every clause, as bm25s computes it (0 for no clause)."""
    n = len(tokens)
    return {"accented": sum(len(a) for a, _ in tokens) / n if n else 0.0,
            "folded": sum(len(f) for _, f in tokens) / n if n else 0.0}
