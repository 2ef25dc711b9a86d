"""The Milvus backend: the same three views, served by a Milvus server (Lite, Standalone or a cluster).

The local index stays the clause store (clauses, statistics, per-document segments with their
tokens and vectors); Milvus holds one entity per clause and answers the searches:

- ``accented`` / ``folded``: the project's own tokens (``accented_tokens`` / ``folded_tokens``),
  each sent as an opaque ASCII term (``t`` + 16 hex digits of its BLAKE2b hash) so any analyzer
  keeps it whole — Milvus Lite's analyzers are only ``standard`` and ``jieba`` (no ``whitespace``)
  and none segments Vietnamese. The engine's built-in BM25 function scores them (k1, b from Config).
- ``dense``: the embedder's normalised vectors, inner product.
- metadata: doc_id, ref, label, kind, position (within the document), segment fingerprint;
  a document filter is an expression on doc_id that runs in the engine.

>>> backend = MilvusBackend(index, uri="http://127.0.0.1:19530", collection="qa_clauses").connect()
>>> backend.sync(index, Path("index"))      # delete + insert per changed document
>>> backend.search_lexical("folded", ["the", "che", "the_che"], k=20)
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Sequence

import numpy as np

from ..index import SEG_TOKENS, SEG_VECTORS, SEGMENTS, IndexProblem, LoadedIndex

log = logging.getLogger(__name__)

_FIELDS = {"accented": ("accented", "accented_sparse"), "folded": ("folded", "folded_sparse")}
_INSERT_BATCH = 512
_TEXT_MAX = 65535  # Milvus VARCHAR limit
_HASHED_TERM_CHARS = 18  # "t" + 16 hex digits + the separating space


class MilvusUnavailable(IndexProblem):
    """The Milvus server cannot be reached or does not hold the collection; the message says what to do."""


def term(token: str) -> str:
    """One token as an analyzer-proof ASCII term: ``term("thể_chế") == term("thể_chế")``, never split."""
    return "t" + hashlib.blake2b(token.encode("utf-8"), digest_size=8).hexdigest()


def lexical_text(tokens: list[str]) -> str:
    """Tokens as the text field Milvus's BM25 function reads (one term per token, repeats kept)."""
    text = " ".join(term(t) for t in tokens)
    # A clause over ~3,600 tokens: keep the first ones rather than fail the whole load.
    return text[:_TEXT_MAX - _TEXT_MAX % _HASHED_TERM_CHARS].rstrip()


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
                 index_type: str = "FLAT") -> None:
        self.index = index
        self.clauses = index.clauses if index is not None else []
        self.uri = uri
        self.collection = collection
        self.timeout = timeout
        self.bm25_k1 = bm25_k1
        self.bm25_b = bm25_b
        self.index_type = index_type
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
        self._call("load_collection", self.collection)
        stored = self.segments()
        wanted = {d["doc_id"]: d.get("segment", "") for d in self.index.manifest.get("documents", ())}
        if stored != wanted:
            stale = sorted(set(wanted.items()) ^ set(stored.items()))
            raise MilvusUnavailable(f"Milvus collection {self.collection!r} does not match the index "
                                    f"({len(stale)} document segment(s) differ, e.g. {stale[0][0]!r}); "
                                    f"reload it with: qa index --backend milvus")

    # -- loading -----------------------------------------------------------------------------------
    def _create(self, dim: int) -> None:
        pymilvus = _pymilvus()
        DataType, Function, FunctionType = pymilvus.DataType, pymilvus.Function, pymilvus.FunctionType
        schema = self.client.create_schema(auto_id=True, enable_dynamic_field=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("doc_id", DataType.VARCHAR, max_length=512)
        schema.add_field("ref", DataType.VARCHAR, max_length=512)
        schema.add_field("label", DataType.VARCHAR, max_length=2048)
        schema.add_field("kind", DataType.VARCHAR, max_length=64)
        schema.add_field("position", DataType.INT64)
        schema.add_field("segment", DataType.VARCHAR, max_length=64)
        params = self.client.prepare_index_params()
        for text, sparse in _FIELDS.values():
            schema.add_field(text, DataType.VARCHAR, max_length=_TEXT_MAX, enable_analyzer=True,
                             analyzer_params={"tokenizer": "standard"})
            schema.add_field(sparse, DataType.SPARSE_FLOAT_VECTOR)
            schema.add_function(Function(name=f"bm25_{text}", function_type=FunctionType.BM25,
                                         input_field_names=[text], output_field_names=[sparse]))
            params.add_index(sparse, index_type="SPARSE_INVERTED_INDEX", metric_type="BM25",
                             params={"bm25_k1": self.bm25_k1, "bm25_b": self.bm25_b})
        schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
        params.add_index("dense", index_type=self.index_type, metric_type="IP")
        params.add_index("doc_id", index_type="INVERTED")
        self._call("create_collection", self.collection, schema=schema, index_params=params,
                   consistency_level="Strong")

    def segments(self) -> dict[str, str]:
        """doc_id → the segment fingerprint the collection holds for it."""
        if not self._call("has_collection", self.collection):
            return {}
        rows = self._call("query", self.collection, filter="position == 0", output_fields=["doc_id", "segment"])
        return {r["doc_id"]: r["segment"] for r in rows}

    def sync(self, index: LoadedIndex, directory: Path) -> dict:
        """Make the collection hold ``index`` (saved at ``directory``): per document whose segment
        changed, delete its entities and insert the new ones; drop documents gone from the index."""
        directory = Path(directory)
        if not self._call("has_collection", self.collection):
            self._create(int(index.manifest.get("dimension") or index.dense.d))
        stored = self.segments()
        wanted = {d["doc_id"]: d for d in index.manifest.get("documents", ())}
        changes = {"inserted": [], "deleted": [], "kept": 0, "entities": 0}
        for doc_id in sorted(set(stored) - set(wanted)):
            self.delete_document(doc_id)
            changes["deleted"].append(doc_id)
        for doc_id, entry in wanted.items():
            if stored.get(doc_id) == entry.get("segment"):
                changes["kept"] += 1
                continue
            if doc_id in stored:
                self.delete_document(doc_id)
            changes["entities"] += self._insert_document(index, directory, entry)
            changes["inserted"].append(doc_id)
        self._call("flush", self.collection)
        self._call("load_collection", self.collection)
        return changes

    def _insert_document(self, index: LoadedIndex, directory: Path, entry: dict) -> int:
        seg_dir = directory / SEGMENTS / entry["segment"]
        with open(seg_dir / SEG_TOKENS, encoding="utf-8") as fh:
            tokens = [json.loads(line) for line in fh if line.strip()]
        vectors = np.load(seg_dir / SEG_VECTORS, allow_pickle=False)
        start = int(entry["start"])
        rows = []
        for pos, ((acc, fold), vector) in enumerate(zip(tokens, vectors)):
            clause = index.clauses[start + pos]
            rows.append({"doc_id": entry["doc_id"], "ref": clause.ref[:512], "label": clause.label[:2048],
                         "kind": clause.kind[:64], "position": pos, "segment": entry["segment"],
                         "accented": lexical_text(acc), "folded": lexical_text(fold),
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
            # Milvus Lite reports BM25 as a negated distance; a cluster as a positive score.
            out.append((span.start + int(pos), abs(float(hit["distance"]))))
        return out

    def search_lexical(self, view: str, tokens: list[str], k: int,
                       rows: Sequence[range] | None = None) -> list[tuple[int, float]]:
        text_field, sparse = _FIELDS[view]
        if not tokens or not self.clauses or k <= 0:
            return []
        found = self._call("search", self.collection, data=[lexical_text(tokens)], anns_field=sparse, limit=k,
                           filter=self._filter(rows), output_fields=["doc_id", "position"],
                           search_params={"metric_type": "BM25"})
        ranked = [(row, score) for row, score in self._ranked(found) if score > 0]
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
