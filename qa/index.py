"""The saved index: a directory a person can read, rebuilt atomically when stale.

Layout of ``index/``::

    manifest.json      model, dimension, corpus fingerprint, settings, versions, build time, file checksums
    clauses.jsonl      one clause a line, real Vietnamese characters
    dense.faiss        FAISS inner-product index over normalised embeddings (row = clause position)
    bm25_accented/     bm25s index over accented syllables + underthesea words
    bm25_folded/       bm25s index over accent-free syllables + bigrams

>>> index = build_index(corpus, embedder, segmenter, config, Path("index"))
>>> index = load_index(Path("index"), corpus.fingerprint, config)   # IndexStale / IndexCorrupt when unusable
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .config import Config
from .corpus import Corpus
from .text import Segmenter, accented_tokens, folded_tokens
from .types import Clause

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CLAUSES = "clauses.jsonl"
DENSE = "dense.faiss"
BM25_ACCENTED = "bm25_accented"
BM25_FOLDED = "bm25_folded"


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
    bm25_accented: Any  # bm25s.BM25
    bm25_folded: Any
    manifest: dict


def indexed_text(clause: Clause) -> str:
    """What the lexical and dense indexes see: the nearest heading plus the clause text.

    The heading matters for bullets under a body ("1. Đảng đoàn Quốc hội"), whose
    own text never names the body.
    """
    heading = clause.headings[-1] if clause.headings else ""
    if clause.kind in ("section", "heading") or not heading or heading == clause.text:
        return clause.text
    return f"{heading}\n{clause.text}"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def pipeline_fingerprint() -> str:
    """Hash of the code that shapes clauses and tokens: a parser change makes the index stale."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in ("parse.py", "facts.py", "text.py", "index.py", "types.py"):
        h.update((here / name).read_bytes())
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


def _bm25s():
    """bm25s, with its logger quieted: it sets itself to DEBUG on import."""
    import logging

    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


def _bm25(config: Config, corpus_tokens: list[list[str]]):
    bm25s = _bm25s()
    retriever = bm25s.BM25(k1=config.bm25_k1, b=config.bm25_b)
    # bm25s' own tokenizer drops one-letter words (Vietnamese "ở", "ý"): give it ours.
    retriever.index(corpus_tokens, show_progress=False)
    return retriever


def build_index(corpus: Corpus, embedder, segmenter: Segmenter, config: Config, target: Path,
                progress: bool = True) -> LoadedIndex:
    """Build every part into a temporary sibling directory, then swap it in.

    A build killed midway leaves the old index (or none) in place, never a mix.
    """
    import faiss
    from tqdm.auto import tqdm

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_orphans(target)
    started = time.time()
    clauses = corpus.clauses
    texts = [indexed_text(c) for c in clauses]
    steps = tqdm(total=4, desc="Xây chỉ mục", disable=not progress, leave=False)

    steps.set_postfix_str("tách từ")
    long_step = progress and len(texts) > 256  # a large corpus: show progress inside the slow step
    acc_tokens = [accented_tokens(t, segmenter) for t in tqdm(texts, desc="tách từ", disable=not long_step,
                                                                 leave=False)]
    fold_tokens = [folded_tokens(t) for t in texts]
    steps.update()

    steps.set_postfix_str("nhúng câu")
    embed_inputs = [" ".join(segmenter.words(t)) for t in texts] if config.segment_for_embedding else texts
    vectors = embedder.encode_documents(embed_inputs, show_progress=long_step)
    dense = faiss.IndexFlatIP(int(vectors.shape[1]))
    dense.add(np.ascontiguousarray(vectors, dtype=np.float32))
    steps.update()

    steps.set_postfix_str("BM25")
    bm25_acc = _bm25(config, acc_tokens)
    bm25_fold = _bm25(config, fold_tokens)
    steps.update()

    steps.set_postfix_str("ghi")
    tmp = Path(tempfile.mkdtemp(prefix=f"{target.name}.tmp-{os.getpid()}-", dir=target.parent))
    try:
        with open(tmp / CLAUSES, "w", encoding="utf-8") as fh:
            for c in clauses:
                fh.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
        faiss.write_index(dense, str(tmp / DENSE))
        bm25_acc.save(str(tmp / BM25_ACCENTED), show_progress=False)
        bm25_fold.save(str(tmp / BM25_FOLDED), show_progress=False)
        files = {}
        for path in sorted(tmp.rglob("*")):
            if path.is_file():
                files[str(path.relative_to(tmp))] = _sha256(path)
        manifest = {
            "format_version": FORMAT_VERSION,
            "model": getattr(embedder, "name", config.model),
            "dimension": int(vectors.shape[1]),
            "corpus_fingerprint": corpus.fingerprint,
            "pipeline_fingerprint": pipeline_fingerprint(),
            "documents": [{"doc_id": d.doc_id, "source": d.source, "clauses": len(d.clauses),
                           "truncated_after": d.truncated_after} for d in corpus.documents],
            "clause_count": len(clauses),
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
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    steps.update()
    steps.close()
    return LoadedIndex(clauses=clauses, dense=dense, bm25_accented=bm25_acc, bm25_folded=bm25_fold,
                       manifest=manifest)


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


def load_index(directory: Path, corpus_fingerprint: str, config: Config) -> LoadedIndex:
    """Load and verify the index; raise IndexStale or IndexCorrupt when it cannot serve."""
    import faiss

    bm25s = _bm25s()

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
        with open(directory / CLAUSES, encoding="utf-8") as fh:
            clauses = [Clause.from_dict(json.loads(line)) for line in fh if line.strip()]
        dense = faiss.read_index(str(directory / DENSE))
        bm25_acc = bm25s.BM25.load(str(directory / BM25_ACCENTED), show_progress=False, verbosity=0)
        bm25_fold = bm25s.BM25.load(str(directory / BM25_FOLDED), show_progress=False, verbosity=0)
    except Exception as exc:  # noqa: BLE001 - any reader failure means the files are unusable
        raise IndexCorrupt(f"index files in {directory} are unreadable: {exc}") from exc
    if len(clauses) != manifest.get("clause_count") or dense.ntotal != len(clauses):
        raise IndexCorrupt("clause count does not match the dense index")
    if dense.d != manifest.get("dimension"):
        raise IndexCorrupt("dense index dimension does not match the manifest")
    return LoadedIndex(clauses=clauses, dense=dense, bm25_accented=bm25_acc, bm25_folded=bm25_fold,
                       manifest=manifest)
