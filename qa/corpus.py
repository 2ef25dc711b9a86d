"""The corpus directory → parsed documents, with a problem list for files that fail.

A bad file never stops the others from loading: its problem names the file.
``scan_corpus`` only reads and hashes the files (no parsing): enough to tell
whether a saved index is current, and which documents changed.

>>> corpus = load_corpus("corpus")
>>> corpus.documents[0].doc_id, len(corpus.problems)
('03-KH/TW', 0)
>>> scan_corpus("corpus").fingerprint == corpus.fingerprint
True
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .parse import ParseError, parse_text
from .reader import decode_text, read_bytes
from .types import Clause, Document

TEXT_SUFFIXES = (".txt", ".md")

log = logging.getLogger(__name__)


class CorpusError(RuntimeError):
    """The corpus directory is missing or yields no document at all."""


@dataclass(frozen=True)
class SourceFile:
    """One text file of the corpus, read and hashed but not parsed."""

    name: str
    path: Path
    sha256: str  # of the raw bytes: a document's segment is current while this holds
    size: int


@dataclass(frozen=True)
class CorpusScan:
    """The corpus directory read and hashed, without parsing: what decides staleness."""

    files: tuple[SourceFile, ...]
    problems: tuple[str, ...]  # files skipped before parsing (not text, too large, broken links)
    fingerprint: str  # sha256 over file names and the hashes of their bytes


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    problems: tuple[str, ...]  # one sentence per file that could not be used
    fingerprint: str  # sha256 over file names and bytes: the index is stale when it changes
    files: tuple[SourceFile, ...] = ()  # the text files read, parsed or not (see ``problems``)

    @property
    def clauses(self) -> list[Clause]:
        return [c for d in self.documents for c in d.clauses]


def corpus_files(directory: Path) -> tuple[list[Path], list[str]]:
    """The files to read, and one problem per link that leads nowhere (dangling or a loop)."""
    files: list[Path] = []
    problems: list[str] = []
    for path in sorted(directory.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_symlink():
            try:
                path.resolve(strict=True)
            except (OSError, RuntimeError) as exc:
                loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
                problems.append(f"{path.name}: liên kết vòng (trỏ lại chính nó); bỏ qua" if loop else
                                f"{path.name}: liên kết hỏng, trỏ tới {os.readlink(path)} không tồn tại; bỏ qua")
                continue
        if path.is_file():
            files.append(path)
    return files, problems


def scan_corpus(directory: str | Path, max_file_bytes: int | None = None) -> CorpusScan:
    """Read and hash every text file in ``directory`` (no parsing): cheap enough for every start."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusError(f"corpus directory not found: {directory}")
    max_bytes = max_file_bytes or Config.max_file_bytes
    paths, problems = corpus_files(directory)
    files: list[SourceFile] = []
    digest = hashlib.sha256()
    for path in paths:
        if path.suffix.lower() not in TEXT_SUFFIXES:
            problems.append(f"{path.name}: bỏ qua — chỉ đọc tệp văn bản (.txt, .md)")
            continue
        try:
            data = read_bytes(path, max_bytes)
        except ParseError as exc:
            problems.append(str(exc))
            continue
        sha = hashlib.sha256(data).hexdigest()
        digest.update(path.name.encode("utf-8") + b"\0" + sha.encode("ascii") + b"\0")
        files.append(SourceFile(name=path.name, path=path, sha256=sha, size=len(data)))
    return CorpusScan(files=tuple(files), problems=tuple(problems), fingerprint=digest.hexdigest())


def parse_source(source: SourceFile, max_bytes: int | None = None) -> Document:
    """Parse one scanned file; ``ParseError`` names it when it cannot be used."""
    data = read_bytes(source.path, max_bytes or Config.max_file_bytes)
    if hashlib.sha256(data).hexdigest() != source.sha256:
        raise ParseError(f"{source.name}: tệp thay đổi trong khi đọc; hãy chạy lại")
    doc = parse_text(decode_text(data, source.name), source=source.name)
    if not doc.clauses:
        raise ParseError(f"{source.name}: không tìm thấy đoạn văn nào")
    return doc


def duplicate_problem(source: str, doc_id: str, first: str) -> str:
    return f"{source}: trùng số hiệu {doc_id} với {first}; bỏ qua"


def load_corpus(directory: str | Path, max_file_bytes: int | None = None,
                scan: CorpusScan | None = None) -> Corpus:
    """Parse every text file in ``directory``; unusable files are reported, not fatal.

    ``max_file_bytes`` (default ``Config.max_file_bytes``): a larger file is named and skipped.
    """
    scan = scan or scan_corpus(directory, max_file_bytes)
    documents: list[Document] = []
    problems = list(scan.problems)
    seen_ids: dict[str, str] = {}
    for source in scan.files:
        started = time.perf_counter()
        try:
            doc = parse_source(source, max_file_bytes)
        except (ParseError, OSError) as exc:
            problems.append(str(exc))
            continue
        log.info("corpus: %s — %d đoạn, %.1f s", source.name, len(doc.clauses), time.perf_counter() - started)
        if doc.doc_id in seen_ids:
            problems.append(duplicate_problem(source.name, doc.doc_id, seen_ids[doc.doc_id]))
            continue
        seen_ids[doc.doc_id] = source.name
        documents.append(doc)
    if not documents:
        detail = "; ".join(problems) if problems else "the directory holds no .txt file"
        raise CorpusError(f"no usable document in {directory}: {detail}")
    return Corpus(documents=tuple(documents), problems=tuple(problems), fingerprint=scan.fingerprint,
                  files=scan.files)
