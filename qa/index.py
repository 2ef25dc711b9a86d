"""The saved index: a directory a person can read, in segments, rebuilt atomically when stale.

Layout of ``index/``::

    manifest.json      model, dimension, corpus fingerprint, settings, versions, build time, documents
                       (row range, segment), segments (fingerprint, checksums), problems, changes, checksums
    clauses.jsonl      one clause a line, real Vietnamese characters (every document, in row order)
    corpus_info.json   corpus statistics (qa/ask/corpus_info.py), so a load never recounts
    maps.json          rows by ref, label, kind and cited document (qa/clausemaps.py), for the bonuses
    dense.faiss        FAISS inner-product index over normalised embeddings (row = clause position);
                       exact below ``Config.dense_exact_max`` clauses, HNSW above
    bm25_accented/     BM25 (qa/bm25.py: bm25s's scores, plus term counts per row for merging)
                       over accented syllables + underthesea words
    bm25_folded/       the same over accent-free syllables + bigrams
    segments/<id>/     one document each: clauses.jsonl, tokens.jsonl, vectors.npy, info.json, document.json,
                       maps.json

A segment's id is its fingerprint: the source file's bytes, the parser and tokenizer code, the
model and the index settings. Adding, changing or removing one file rebuilds only its segment;
the views that span every document (the files above ``segments/``) are then merged from the
segments without parsing, segmenting or embedding anything again.

>>> index = update_index(scan_corpus("corpus"), embedder, segmenter, config, Path("index"))
>>> index = load_index(Path("index"), corpus.fingerprint, config)   # IndexStale / IndexCorrupt when unusable
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import platform
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .ask.corpus_info import CorpusInfo, coverage_message, document_coverage
from .bm25 import BM25View
from .clausemaps import ClauseMaps
from .config import Config
from .corpus import Corpus, CorpusScan, ParseError, SourceFile, duplicate_problem, parse_source
from .text import Segmenter, accented_tokens, folded_tokens
from .types import Clause, Document

FORMAT_VERSION = 3
MANIFEST = "manifest.json"
CLAUSES = "clauses.jsonl"
INFO = "corpus_info.json"
MAPS = "maps.json"
DENSE = "dense.faiss"
BM25_ACCENTED = "bm25_accented"
BM25_FOLDED = "bm25_folded"
SEGMENTS = "segments"
SEG_CLAUSES, SEG_TOKENS, SEG_VECTORS, SEG_INFO, SEG_DOCUMENT, SEG_MAPS = (
    "clauses.jsonl", "tokens.jsonl", "vectors.npy", "info.json", "document.json", "maps.json")
# each row's embedding key, beside the checked files (an index without it embeds everything again)
SEG_EMBEDDED = "embedded.json"
SEG_FILES = (SEG_CLAUSES, SEG_TOKENS, SEG_VECTORS, SEG_INFO, SEG_DOCUMENT, SEG_MAPS)


log = logging.getLogger(__name__)


class IndexProblem(RuntimeError):
    """Base class: the index on disk cannot be used as it is."""


class IndexStale(IndexProblem):
    """The index was built from another corpus, model or settings."""


class IndexCorrupt(IndexProblem):
    """The index files are missing, unreadable or do not match their checksums."""


@dataclass
class LoadedIndex:
    clauses: list[Clause]
    dense: Any  # faiss.Index
    bm25_accented: Any  # BM25View
    bm25_folded: Any
    manifest: dict
    info: CorpusInfo | None = None  # the corpus statistics saved with the index
    maps: dict | None = None  # ClauseMaps.to_json() saved with the index

    def documents(self) -> tuple[Document, ...]:
        """The documents, rebuilt from the manifest and the clauses (no parsing)."""
        out = []
        for d in self.manifest.get("documents", ()):
            start, count = int(d["start"]), int(d["clauses"])
            out.append(Document(doc_id=d["doc_id"], title=d.get("title") or d["doc_id"], source=d["source"],
                                metadata=dict(d.get("metadata") or {}),
                                clauses=tuple(self.clauses[start:start + count]),
                                truncated_after=d.get("truncated_after")))
        return tuple(out)

    def corpus(self) -> Corpus:
        """The corpus as the index saw it: documents, problems and fingerprint, without parsing."""
        return Corpus(documents=self.documents(), problems=tuple(self.manifest.get("problems", ())),
                      fingerprint=self.manifest.get("corpus_fingerprint", ""))

    def document_rows(self) -> dict[str, range]:
        """doc_id → its rows: every document's clauses sit together, in corpus order."""
        return {d["doc_id"]: range(int(d["start"]), int(d["start"]) + int(d["clauses"]))
                for d in self.manifest.get("documents", ())}


def indexed_text(clause: Clause) -> str:
    """What the lexical and dense indexes see: the nearest heading plus the clause text.

    The heading matters for bullets under a body ("1. Đảng đoàn Quốc hội"), whose
    own text never names the body.
    """
    heading = clause.headings[-1] if clause.headings else ""
    if clause.kind in ("section", "heading") or not heading or heading == clause.text:
        return clause.text
    return f"{heading}\n{clause.text}"


def _loads(data: bytes):
    """JSON from bytes: orjson (a dependency of gradio) when present, three times faster at 100k clauses."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - gradio installs it
        return json.loads(data)
    return orjson.loads(data)


def read_clauses(path: Path) -> list[Clause]:
    """clauses.jsonl → clauses; repeated strings (document id and title, headings) shared."""
    with open(path, "rb") as fh:
        data = fh.read()
    strings: dict = {}
    return [Clause.from_dict(_loads(line), strings) for line in data.splitlines() if line.strip()]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def pipeline_fingerprint() -> str:
    """Hash of the code that shapes clauses and tokens: a parser change makes the index stale."""
    return _pipeline_fingerprint()


@lru_cache(maxsize=1)
def _pipeline_fingerprint() -> str:  # once per process: a build asks once per document
    import inspect

    from . import question

    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    names = ["parse.py", "facts.py", "text.py", "index.py", "types.py", "clausemaps.py", "ask/corpus_info.py",
             "data/document_types.tsv", "data/abbreviations.tsv",
             "data/bodies.tsv", "data/stopwords.tsv"]
    names += sorted(str(p.relative_to(here)) for p in (here / "documents").rglob("*.py")) \
        if (here / "documents").is_dir() else []
    for name in names:
        h.update((here / name).read_bytes())
    # The saved maps hold which documents each clause names: document_keys, not all of question.py.
    h.update(repr((inspect.getsource(question.document_keys), inspect.getsource(question._document_mentions),
                   question._DOC_KEY_FULL.pattern,
                   question._DOC_NAMED.pattern, sorted(question._DOC_TYPE_ABBR.items()))).encode("utf-8"))
    return h.hexdigest()[:16]


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for pkg in ("faiss-cpu", "bm25s", "sentence-transformers", "underthesea", "torch", "numpy"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def _bm25(config: Config, corpus_tokens: list[list[str]]) -> BM25View:
    # bm25s' own tokenizer drops one-letter words (Vietnamese "ở", "ý"): the tokens are ours.
    return BM25View.from_tokens(corpus_tokens, k1=config.bm25_k1, b=config.bm25_b)


def _tqdm(iterable=None, **kwargs):
    from tqdm.auto import tqdm

    return tqdm(iterable, **kwargs)


def segment_fingerprint(file_sha256: str, model: str, config: Config) -> str:
    """What a document's segment depends on: its bytes, the code, the model and the settings."""
    key = json.dumps([FORMAT_VERSION, file_sha256, pipeline_fingerprint(), model, config.index_settings()],
                     sort_keys=True)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


@dataclass
class _Segment:
    """One document's share of the index, in memory."""

    seg_id: str
    source: SourceFile | None
    document: dict  # doc_id, title, source, metadata, truncated_after, file_sha256
    clauses: list[Clause] | None  # None: the rows ``merged_rows`` of the old merged index hold them
    tokens: list[tuple[list[str], list[str]]] | None  # (accented, folded) per clause
    vectors: np.ndarray | None
    info: CorpusInfo
    maps: dict  # ClauseMaps.to_json() of the document alone (rows from 0)
    files: dict[str, str]  # name → sha256 (filled when written or verified)
    reused_from: Path | None = None
    embedded: list[str] | None = None  # the key of each row's embedded text (``embedding_key``), when new
    merged_rows: range | None = None  # its rows in the old merged index, when that is used

    @property
    def size(self) -> int:
        return len(self.merged_rows) if self.clauses is None else len(self.clauses)


@dataclass
class IndexChanges:
    """What a build did, by source file: ``qa index`` prints it."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"added": self.added, "changed": self.changed, "removed": self.removed, "kept": len(self.kept)}

    @classmethod
    def from_dict(cls, data: dict) -> "IndexChanges":
        return cls(added=list(data.get("added", ())), changed=list(data.get("changed", ())),
                   removed=list(data.get("removed", ())), kept=[""] * int(data.get("kept", 0)))


def _old_segments(target: Path, model: str, config: Config) -> tuple[dict[str, dict], dict[str, str], dict]:
    """Segments of the index already at ``target`` that may be reused; source → its old sha; old skips."""
    try:
        manifest = read_manifest(target)
    except IndexProblem:
        return {}, {}, {}
    if manifest.get("format_version") != FORMAT_VERSION:
        return {}, {}, {}
    old_sources = {d["source"]: d.get("file_sha256", "") for d in manifest.get("documents", ())
                   if isinstance(d, dict) and "source" in d}
    old_sources.update({s["source"]: s.get("file_sha256", "") for s in manifest.get("skipped", ())
                        if isinstance(s, dict) and "source" in s})
    skipped = {(s.get("source"), s.get("file_sha256")): s.get("problem", "") for s in manifest.get("skipped", ())
               if isinstance(s, dict)}
    if manifest.get("model") != model or manifest.get("pipeline_fingerprint") != pipeline_fingerprint() \
            or manifest.get("settings") != config.index_settings():
        return {}, old_sources, {}
    segments = manifest.get("segments")
    return (segments if isinstance(segments, dict) else {}), old_sources, skipped


def embedding_key(text: str) -> str:
    """The key of a text as the embedder was given it: the same text, the same vector."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _embedded_before(target: Path, model: str, config: Config) -> dict[str, np.ndarray]:
    """The vectors the index at ``target`` holds, by the key of the text embedded, when the same model
    embedded them with the same settings — whatever else changed (a word list, the parser's code): a
    rebuild then embeds only the texts that changed, and the others keep their vectors to the bit."""
    try:
        manifest = read_manifest(target)
    except IndexProblem:
        return {}
    if manifest.get("model") != model or manifest.get("settings") != config.index_settings():
        return {}
    known: dict[str, np.ndarray] = {}
    segments = manifest.get("segments")
    for seg_id, entry in (segments.items() if isinstance(segments, dict) else ()):
        directory = target / SEGMENTS / str(seg_id)
        try:
            digest = entry["files"][SEG_VECTORS]
            keys = json.loads((directory / SEG_EMBEDDED).read_text(encoding="utf-8"))
            data = (directory / SEG_VECTORS).read_bytes()
            if hashlib.sha256(data).hexdigest() != digest:  # the bytes read are the ones the manifest vouches for
                continue
            vectors = np.load(io.BytesIO(data), allow_pickle=False)
        except (OSError, ValueError, KeyError, TypeError):
            continue  # no keys (an index built before they were kept), or unreadable: embedded again
        if isinstance(keys, list) and len(keys) == len(vectors) and vectors.ndim == 2:
            known.update(zip(keys, vectors))
    return known


@dataclass
class _OldMerged:
    """The merged views of the index being updated, read and checked: kept documents' rows come
    from them (no segment's clauses, tokens or vectors are read again)."""

    rows: dict[str, range]  # segment id → its rows
    lines: list[bytes]  # clauses.jsonl, a line a row
    clauses: list[Clause]
    vectors: np.ndarray
    views: dict[str, BM25View]


def _old_merged(target: Path) -> _OldMerged | None:
    """The old index's merged views when every file matches its checksum and reads back whole,
    else None (the kept segments are then read in full)."""
    import faiss

    try:
        manifest = read_manifest(target)
        files = manifest.get("files")
        if manifest.get("format_version") != FORMAT_VERSION or not isinstance(files, dict) or not files:
            return None
        for name, digest in files.items():
            if _sha256(target / name) != digest:
                return None
        rows = {d["segment"]: range(int(d["start"]), int(d["start"]) + int(d["clauses"]))
                for d in manifest.get("documents", ())}
        with open(target / CLAUSES, "rb") as fh:
            lines = [line for line in fh.read().split(b"\n") if line.strip()]
        shared: dict = {}
        clauses = [Clause.from_dict(_loads(line), shared) for line in lines]
        dense = faiss.read_index(str(target / DENSE))
        vectors = dense.reconstruct_n(0, dense.ntotal) if dense.ntotal else np.zeros((0, dense.d), np.float32)
        views = {name: BM25View.load(target / name, loads=_loads) for name in (BM25_ACCENTED, BM25_FOLDED)}
    except Exception as exc:  # noqa: BLE001 - unreadable: fall back to the segments
        log.info("old merged index unusable (%s); reading the segments", exc)
        return None
    count = manifest.get("clause_count")
    if len(clauses) != count or len(vectors) != count or any(v.num_docs != count for v in views.values()) \
            or sum(len(r) for r in rows.values()) != count:
        return None
    return _OldMerged(rows=rows, lines=lines, clauses=clauses, vectors=vectors, views=views)


def _load_segment(directory: Path, seg_id: str, entry: dict, source: SourceFile | None,
                  merged_rows: range | None = None) -> _Segment | None:
    """A saved segment, verified against its checksums; None when it cannot be trusted.
    ``merged_rows``: its rows in an old merged index that will provide its clauses, tokens and
    vectors; only its small files are then read (the others are linked into the new index)."""
    files = entry.get("files")
    if not isinstance(files, dict) or set(files) != set(SEG_FILES):
        return None
    light = merged_rows is not None
    try:
        for name, digest in files.items():
            if not (light and name in (SEG_CLAUSES, SEG_TOKENS, SEG_VECTORS)) and _sha256(directory / name) != digest:
                return None
        document = _loads((directory / SEG_DOCUMENT).read_bytes())
        maps = _loads((directory / SEG_MAPS).read_bytes())
        if light:
            info = CorpusInfo.from_json(_loads((directory / SEG_INFO).read_bytes()), ())
            if int(entry.get("clauses", -1)) != len(merged_rows):
                return None
            return _Segment(seg_id=seg_id, source=source, document=document, clauses=None, tokens=None,
                            vectors=None, info=info, maps=maps, files=dict(files), reused_from=directory,
                            merged_rows=merged_rows)
        clauses = read_clauses(directory / SEG_CLAUSES)
        with open(directory / SEG_TOKENS, "rb") as fh:
            tokens = [tuple(_loads(line)) for line in fh if line.strip()]
        vectors = np.load(directory / SEG_VECTORS, allow_pickle=False)
        info = CorpusInfo.from_json(_loads((directory / SEG_INFO).read_bytes()), clauses)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.info("segment %s unusable (%s); rebuilding it", seg_id, exc)
        return None
    if len(clauses) != len(tokens) or len(clauses) != len(vectors):
        return None
    return _Segment(seg_id=seg_id, source=source, document=document, clauses=clauses, tokens=tokens,
                    vectors=vectors, info=info, maps=maps, files=dict(files), reused_from=directory)


def _new_segments(docs: list[tuple[SourceFile | None, Document]], embedder, segmenter: Segmenter, config: Config,
                  model: str, progress: bool, known: dict[str, np.ndarray] | None = None) -> list[_Segment]:
    """Segment, tokenize and embed new documents: all of them in one embedding call (batches fill up).
    ``known``: vectors of texts the same model embedded before (``_embedded_before``), not embedded again."""
    clauses = [c for _, doc in docs for c in doc.clauses]
    if not clauses:
        return []
    texts = [indexed_text(c) for c in clauses]
    long_step = progress and len(texts) > 256  # a large corpus: show progress inside the slow steps
    acc = [accented_tokens(t, segmenter) for t in _tqdm(texts, desc="tách từ", disable=not long_step,
                                                         leave=False, unit="đoạn")]
    fold = [folded_tokens(t) for t in texts]
    embed_inputs = [" ".join(segmenter.words(t)) for t in texts] if config.segment_for_embedding else texts
    keys = [embedding_key(t) for t in embed_inputs]
    known = known or {}
    todo = [i for i, k in enumerate(keys) if k not in known]
    fresh = np.ascontiguousarray(embedder.encode_documents([embed_inputs[i] for i in todo], show_progress=long_step),
                                 dtype=np.float32) if todo else None
    if len(todo) == len(keys):
        vectors = fresh
    else:  # a word list or the code changed, not these texts: their vectors are the ones on disk
        vectors = np.empty((len(keys), next(iter(known.values())).shape[0]), dtype=np.float32)
        for i, k in enumerate(keys):
            if k in known:
                vectors[i] = known[k]
        if todo:
            vectors[todo] = fresh
    out = []
    start = 0
    for source, doc in _tqdm(docs, desc="thống kê", disable=not long_step, leave=False, unit="văn bản"):
        n = len(doc.clauses)
        sha = source.sha256 if source else hashlib.sha256(doc.source.encode("utf-8")).hexdigest()
        truncated = ((doc.doc_id, doc.truncated_after),) if doc.truncated_after else ()
        info = CorpusInfo.build(list(doc.clauses), coverage_message([doc]), truncated=truncated,
                                document_coverage=document_coverage([doc]))
        document = {"doc_id": doc.doc_id, "title": doc.title, "source": doc.source, "metadata": dict(doc.metadata),
                    "truncated_after": doc.truncated_after, "file_sha256": sha}
        out.append(_Segment(seg_id=segment_fingerprint(sha, model, config), source=source, document=document,
                            clauses=list(doc.clauses), tokens=list(zip(acc[start:start + n], fold[start:start + n])),
                            vectors=vectors[start:start + n], info=info,
                            maps=ClauseMaps.of_clauses(doc.clauses).to_json(), files={},
                            embedded=keys[start:start + n]))
        start += n
    return out


def _write_segment(seg: _Segment, directory: Path) -> None:
    directory.mkdir(parents=True)
    if seg.reused_from is not None:  # unchanged: link the verified files, copy where links fail
        keys = [SEG_EMBEDDED] if (seg.reused_from / SEG_EMBEDDED).exists() else []  # (an older index has none)
        for name in (*seg.files, *keys):
            try:
                os.link(seg.reused_from / name, directory / name)
            except OSError:
                shutil.copyfile(seg.reused_from / name, directory / name)
        return
    with open(directory / SEG_CLAUSES, "w", encoding="utf-8") as fh:
        for c in seg.clauses:
            fh.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    with open(directory / SEG_TOKENS, "w", encoding="utf-8") as fh:
        for acc, fold in seg.tokens:
            fh.write(json.dumps([acc, fold], ensure_ascii=False) + "\n")
    np.save(directory / SEG_VECTORS, seg.vectors, allow_pickle=False)
    (directory / SEG_INFO).write_text(json.dumps(seg.info.to_json(), ensure_ascii=False), encoding="utf-8")
    (directory / SEG_DOCUMENT).write_text(json.dumps(seg.document, ensure_ascii=False, indent=1), encoding="utf-8")
    (directory / SEG_MAPS).write_text(json.dumps(seg.maps, ensure_ascii=False), encoding="utf-8")
    if seg.embedded is not None:  # beside the checked files: a later build may reuse the vectors it keys
        (directory / SEG_EMBEDDED).write_text(json.dumps(seg.embedded), encoding="utf-8")
    seg.files = {name: _sha256(directory / name) for name in SEG_FILES}


def dense_index(vectors: np.ndarray, config: Config):
    """Exact inner product up to ``Config.dense_exact_max`` rows; HNSW (approximate) above."""
    import faiss

    dim = int(vectors.shape[1]) if vectors.ndim == 2 and vectors.shape[1] else 1
    if len(vectors) > config.dense_exact_max:
        dense = faiss.IndexHNSWFlat(dim, config.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        dense.hnsw.efConstruction = config.hnsw_ef_construction
        dense.hnsw.efSearch = config.hnsw_ef_search
    else:
        dense = faiss.IndexFlatIP(dim)
    if len(vectors):
        dense.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return dense


def build_index(corpus: Corpus | CorpusScan, embedder, segmenter: Segmenter, config: Config, target: Path,
                progress: bool = True, reuse: bool = False) -> LoadedIndex:
    """Build every part into a temporary sibling directory, then swap it in.

    ``corpus``: a parsed ``Corpus``, or a ``CorpusScan`` whose files are parsed only when their
    segment is not current. ``reuse``: keep the current segments of the index at ``target``
    (``update_index``); without it every document is segmented and embedded again.
    A build killed midway leaves the old index (or none) in place, never a mix.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_orphans(target)
    started = time.time()
    model = getattr(embedder, "name", config.model)
    old_segments, old_sources, old_skips = _old_segments(target, model, config) if target.exists() else ({}, {}, {})
    if not reuse:
        old_segments, old_skips = {}, {}
    merged = _old_merged(target) if old_segments else None
    parsed = {d.source: d for d in corpus.documents} if isinstance(corpus, Corpus) else None
    files = list(corpus.files) if corpus.files or parsed is None else \
        [None] * len(parsed)  # a Corpus made by hand: no file hashes, its documents in order
    problems = list(corpus.problems)
    steps = _tqdm(total=4, desc="Xây chỉ mục", disable=not progress, leave=False)

    # 1. Which documents are current, which to parse (only those), which are skipped.
    steps.set_postfix_str("đọc văn bản")
    plan: list[tuple[SourceFile | None, Document | None, _Segment | None]] = []
    skipped: list[dict] = []
    by_hand = iter(parsed.values()) if parsed is not None and not corpus.files else None
    for source in _tqdm(files, desc="đọc văn bản", disable=not (progress and len(files) > 50), leave=False,
                        unit="tệp"):
        if source is None:
            plan.append((None, next(by_hand), None))
            continue
        seg_id = segment_fingerprint(source.sha256, model, config)
        entry = old_segments.get(seg_id)
        segment = _load_segment(target / SEGMENTS / seg_id, seg_id, entry, source,
                                merged.rows.get(seg_id) if merged else None) if entry else None
        if segment is not None:
            plan.append((source, None, segment))
            continue
        if parsed is not None:
            doc = parsed.get(source.name)
            if doc is None:  # the corpus loader refused it; its problem is already listed
                problem = next((p for p in corpus.problems if p.startswith(f"{source.name}:")), "")
                skipped.append({"source": source.name, "file_sha256": source.sha256, "problem": problem})
                continue
            plan.append((source, doc, None))
            continue
        known = old_skips.get((source.name, source.sha256))
        if known:  # the same bytes failed before: no need to parse them again
            problems.append(known)
            skipped.append({"source": source.name, "file_sha256": source.sha256, "problem": known})
            continue
        try:
            plan.append((source, parse_source(source, config.max_file_bytes), None))
        except (ParseError, OSError) as exc:
            problems.append(str(exc))
            skipped.append({"source": source.name, "file_sha256": source.sha256, "problem": str(exc)})
    # The first file (by name) holding a document number keeps it, as in load_corpus.
    seen: dict[str, str] = {}
    kept_plan = []
    for source, doc, segment in plan:
        doc_id = doc.doc_id if doc is not None else segment.document["doc_id"]
        name = source.name if source else doc.source
        if doc_id in seen:
            if parsed is None:  # a Corpus already dropped and reported it
                message = duplicate_problem(name, doc_id, seen[doc_id])
                problems.append(message)
                skipped.append({"source": name, "file_sha256": source.sha256 if source else "", "problem": message})
            continue
        seen[doc_id] = name
        kept_plan.append((source, doc, segment))
    if not kept_plan and parsed is None:
        from .corpus import CorpusError

        detail = "; ".join(problems) if problems else "the directory holds no .txt file"
        raise CorpusError(f"no usable document in the corpus: {detail}")
    steps.update()

    # 2. New segments: segment, tokenize, embed (the slow part, only for what changed).
    steps.set_postfix_str("nhúng câu")
    to_build = [(s, d) for s, d, seg in kept_plan if seg is None]
    known = _embedded_before(target, model, config) if to_build and target.exists() else {}
    fresh = iter(_new_segments(to_build, embedder, segmenter, config, model, progress, known))
    segments = [seg if seg is not None else next(fresh) for _, _, seg in kept_plan]
    steps.update()

    # 3. The views that span every document, merged from the segments.
    steps.set_postfix_str("gộp")
    clauses, lines, vectors, bm25_acc, bm25_fold = _merge_rows(segments, merged, embedder, config)
    info = CorpusInfo.merge([seg.info for seg in segments], clauses)
    starts = np.cumsum([0] + [seg.size for seg in segments])
    maps = ClauseMaps.merge([(seg.maps, int(start)) for seg, start in zip(segments, starts)])
    dense = dense_index(vectors, config)
    dim = int(vectors.shape[1])
    steps.update()

    now = {s.name: s.sha256 for s, _, _ in kept_plan if s is not None}
    changes = IndexChanges(
        added=[n for n in now if n not in old_sources],
        changed=[n for n in now if n in old_sources and old_sources[n] != now[n]],
        removed=sorted(n for n in old_sources if n not in now and n not in {s["source"] for s in skipped}),
        kept=[seg.document["source"] for seg in segments if seg.reused_from is not None])

    steps.set_postfix_str("ghi")
    import faiss

    tmp = Path(tempfile.mkdtemp(prefix=f"{target.name}.tmp-{os.getpid()}-", dir=target.parent))
    try:
        documents = []
        row = 0
        for seg in segments:
            _write_segment(seg, tmp / SEGMENTS / seg.seg_id)
            documents.append({**{k: v for k, v in seg.document.items()}, "clauses": seg.size,
                              "start": row, "segment": seg.seg_id})
            row += seg.size
        with open(tmp / CLAUSES, "wb") as fh:
            fh.write(b"".join(line + b"\n" for line in lines))
        (tmp / INFO).write_text(json.dumps(info.to_json(with_checked=True), ensure_ascii=False), encoding="utf-8")
        (tmp / MAPS).write_text(json.dumps(maps, ensure_ascii=False), encoding="utf-8")
        faiss.write_index(dense, str(tmp / DENSE))
        bm25_acc.save(tmp / BM25_ACCENTED)
        bm25_fold.save(tmp / BM25_FOLDED)
        files = {}
        for path in sorted(p for top in tmp.iterdir() if top.name != SEGMENTS
                           for p in ([top] if top.is_file() else top.rglob("*"))):
            if path.is_file():
                files[str(path.relative_to(tmp))] = _sha256(path)
        manifest = {
            "format_version": FORMAT_VERSION,
            "model": model,
            "dimension": int(vectors.shape[1]) if vectors.ndim == 2 else dim,
            "dense_index": type(dense).__name__,
            "corpus_fingerprint": corpus.fingerprint,
            "pipeline_fingerprint": pipeline_fingerprint(),
            "documents": documents,
            "clause_count": len(clauses),
            "segments": {seg.seg_id: {"source": seg.document["source"], "doc_id": seg.document["doc_id"],
                                      "file_sha256": seg.document.get("file_sha256", ""),
                                      "clauses": seg.size, "files": seg.files} for seg in segments},
            "skipped": skipped,
            "problems": problems,
            "changes": changes.to_dict(),
            "settings": config.index_settings(),
            "versions": _versions(),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "build_seconds": round(time.time() - started, 3),
            "files": files,
        }
        # The manifest is written last: a directory without it is never loaded.
        with open(tmp / MANIFEST, "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, ensure_ascii=False, indent=2)
        # mkdtemp makes the directory 0700: a service account reading the index would lose it.
        os.chmod(tmp, _directory_mode(target))
        _swap_in(tmp, target)
    except BaseException:
        _remove_tree(tmp)
        raise
    steps.update()
    steps.close()
    return LoadedIndex(clauses=clauses, dense=dense, bm25_accented=bm25_acc, bm25_folded=bm25_fold,
                       manifest=manifest, info=info, maps=maps)


def _merge_rows(segments: list[_Segment], merged: _OldMerged | None, embedder, config: Config):
    """Clauses (and their clauses.jsonl lines), vectors and the two BM25 views of every segment in
    order: new segments from their own parts, kept ones from the old merged index's rows."""
    old_lines, old_clauses, old_vectors, old_views = None, None, None, {}
    if merged is not None:
        old_lines, old_clauses, old_vectors, old_views = merged.lines, merged.clauses, merged.vectors, merged.views
    clauses: list[Clause] = []
    lines: list[bytes] = []
    blocks: list[list] = []  # runs of consecutive rows: ["old", range] or ["new", acc tokens, fold tokens]
    for seg in segments:
        if seg.clauses is None:
            rows = seg.merged_rows
            clauses.extend(old_clauses[rows.start:rows.stop])
            lines.extend(old_lines[rows.start:rows.stop])
            if blocks and blocks[-1][0] == "old" and blocks[-1][1].stop == rows.start:
                blocks[-1][1] = range(blocks[-1][1].start, rows.stop)
            else:
                blocks.append(["old", rows])
        else:
            clauses.extend(seg.clauses)
            lines.extend(json.dumps(c.to_dict(), ensure_ascii=False).encode("utf-8") for c in seg.clauses)
            if not (blocks and blocks[-1][0] == "new"):
                blocks.append(["new", [], []])
            blocks[-1][1].extend(acc for acc, _ in seg.tokens)
            blocks[-1][2].extend(fold for _, fold in seg.tokens)
    new_vectors = iter([seg.vectors for seg in segments if seg.clauses is not None])
    parts = []
    for block in blocks:  # the new segments' vectors, run by run
        if block[0] == "old":
            parts.append(old_vectors[block[1].start:block[1].stop])
        else:
            count = len(block[1])
            run = []
            while count > 0:
                v = next(new_vectors)
                run.append(v)
                count -= len(v)
            parts.append(np.concatenate(run))
    dim = next((int(p.shape[1]) for p in parts if p.ndim == 2), None)
    if dim is None:
        dim = int(getattr(embedder, "dimension", 0) or 0) if not segments else 1
    vectors = np.ascontiguousarray(np.concatenate(parts), dtype=np.float32) if parts else np.zeros((0, dim), np.float32)
    views = []
    for name, side in ((BM25_ACCENTED, 1), (BM25_FOLDED, 2)):
        views.append(BM25View.merge([("view", old_views[name], b[1]) if b[0] == "old" else ("tokens", b[side])
                                     for b in blocks], k1=config.bm25_k1, b=config.bm25_b))
    return clauses, lines, vectors, views[0], views[1]


def update_index(corpus: Corpus | CorpusScan, embedder, segmenter: Segmenter, config: Config, target: Path,
                 progress: bool = True) -> LoadedIndex:
    """``build_index`` that keeps every current segment: only added or changed documents are
    parsed and embedded, removed ones dropped. ``manifest["changes"]`` says which."""
    return build_index(corpus, embedder, segmenter, config, target, progress=progress, reuse=True)


def _swap_in(tmp: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f"{target.name}.old-{os.getpid()}-{int(time.time() * 1000)}")
        os.rename(target, old)
    try:
        os.rename(tmp, target)
    except BaseException:
        if old is not None:  # interrupted between the two renames: put the good index back
            os.rename(old, target)
        raise
    if old is not None:
        _remove_tree(old)


def _directory_mode(target: Path) -> int:
    """The permissions the index directory had, or those the umask gives a new directory."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o777 & ~umask


def _remove_tree(path: Path) -> None:
    """``rmtree`` that also empties read-only directories we own (a read-only index dir)."""

    def make_writable(func, failed, _exc):
        parent = os.path.dirname(failed)
        try:
            os.chmod(parent, stat.S_IMODE(os.stat(parent).st_mode) | stat.S_IWUSR | stat.S_IXUSR)
            if os.path.isdir(failed) and not os.path.islink(failed):
                os.chmod(failed, stat.S_IMODE(os.stat(failed).st_mode) | stat.S_IRWXU)
            func(failed)
        except OSError:
            pass

    shutil.rmtree(path, onerror=make_writable)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own earlier attempt: one build at a time per process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_orphans(target: Path) -> list[Path]:
    """Remove ``<name>.tmp-*`` / ``<name>.old-*`` left by killed or failed builds; returns them.

    A directory whose name carries the pid of a process still running belongs to a
    build in progress and is kept.
    """
    removed = []
    for pattern in (f"{target.name}.tmp-*", f"{target.name}.old-*"):
        for path in target.parent.glob(pattern):
            pid = path.name[len(target.name) + 5:].split("-", 1)[0]
            if pid.isdigit() and _pid_alive(int(pid)):
                continue
            if path.is_dir() and not path.is_symlink():
                _remove_tree(path)
                removed.append(path)
    return removed


def read_manifest(directory: Path) -> dict:
    path = Path(directory) / MANIFEST
    if not path.is_file():
        raise IndexCorrupt(f"no {MANIFEST} in {directory}")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IndexCorrupt(f"{path} is unreadable: {exc}") from exc
    if not isinstance(manifest, dict):
        raise IndexCorrupt(f"{path} does not hold a JSON object")
    return manifest


def load_index(directory: Path, corpus_fingerprint: str, config: Config, model: str | None = None) -> LoadedIndex:
    """Load and verify the index; raise IndexStale or IndexCorrupt when it cannot serve.

    Nothing is parsed: the clauses come from clauses.jsonl, the statistics from corpus_info.json.
    ``model``: the embedder's name, when the caller wants a different model refused as stale.
    """
    import faiss

    directory = Path(directory)
    manifest = read_manifest(directory)
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexStale(f"index format {manifest.get('format_version')!r}, expected {FORMAT_VERSION}")
    if manifest.get("corpus_fingerprint") != corpus_fingerprint:
        raise IndexStale("the corpus changed since the index was built")
    if manifest.get("pipeline_fingerprint") != pipeline_fingerprint():
        raise IndexStale("the parser or tokenizer changed since the index was built")
    if manifest.get("settings") != config.index_settings():
        raise IndexStale(f"index built with {manifest.get('settings')}, config asks for {config.index_settings()}")
    if model is not None and manifest.get("model") != model:
        raise IndexStale(f"index built with {manifest.get('model')!r}, not {model!r}")
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        raise IndexCorrupt("manifest lists no files")
    for name, digest in files.items():
        path = directory / name
        if not path.is_file():
            raise IndexCorrupt(f"missing index file {name}")
        if _sha256(path) != digest:
            raise IndexCorrupt(f"index file {name} does not match its checksum")
    try:
        clauses = read_clauses(directory / CLAUSES)
        info = CorpusInfo.from_json(_loads((directory / INFO).read_bytes()), clauses)
        maps = _loads((directory / MAPS).read_bytes())
        dense = faiss.read_index(str(directory / DENSE))
        bm25_acc = BM25View.load(directory / BM25_ACCENTED, loads=_loads)
        bm25_fold = BM25View.load(directory / BM25_FOLDED, loads=_loads)
        rows = sum(int(d["clauses"]) for d in manifest.get("documents", ()))
    except Exception as exc:  # noqa: BLE001 - any reader failure means the files are unusable
        raise IndexCorrupt(f"index files in {directory} are unreadable: {exc}") from exc
    if len(clauses) != manifest.get("clause_count") or dense.ntotal != len(clauses) or rows != len(clauses):
        raise IndexCorrupt("clause count does not match the dense index")
    if dense.d != manifest.get("dimension"):
        raise IndexCorrupt("dense index dimension does not match the manifest")
    return LoadedIndex(clauses=clauses, dense=dense, bm25_accented=bm25_acc, bm25_folded=bm25_fold,
                       manifest=manifest, info=info, maps=maps)
