"""The corpus directory → parsed documents, with a problem list for files that fail.

A bad file never stops the others from loading: its problem names the file.

>>> corpus = load_corpus("corpus")
>>> corpus.documents[0].doc_id, len(corpus.problems)
('03-KH/TW', 0)
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
from .parse import ParseError, parse_file
from .types import Clause, Document

TEXT_SUFFIXES = (".txt", ".md")

log = logging.getLogger(__name__)


class CorpusError(RuntimeError):
    """The corpus directory is missing or yields no document at all."""


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    problems: tuple[str, ...]  # one sentence per file that could not be used
    fingerprint: str  # sha256 over file names and bytes: the index is stale when it changes

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


def load_corpus(directory: str | Path, max_file_bytes: int | None = None) -> Corpus:
    """Parse every text file in ``directory``; unusable files are reported, not fatal.

    ``max_file_bytes`` (default ``Config.max_file_bytes``): a larger file is named and skipped.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusError(f"corpus directory not found: {directory}")
    max_bytes = max_file_bytes or Config.max_file_bytes
    documents: list[Document] = []
    files, problems = corpus_files(directory)
    digest = hashlib.sha256()
    seen_ids: dict[str, str] = {}
    for path in files:
        if path.suffix.lower() not in TEXT_SUFFIXES:
            problems.append(f"{path.name}: bỏ qua — chỉ đọc tệp văn bản (.txt, .md)")
            continue
        started = time.perf_counter()
        try:
            doc = parse_file(path, max_bytes)
            data = path.read_bytes()
        except (ParseError, OSError) as exc:
            problems.append(str(exc))
            continue
        log.info("corpus: %s — %d đoạn, %.1f s", path.name, len(doc.clauses), time.perf_counter() - started)
        if not doc.clauses:
            problems.append(f"{path.name}: không tìm thấy đoạn văn nào")
            continue
        if doc.doc_id in seen_ids:
            problems.append(f"{path.name}: trùng số hiệu {doc.doc_id} với {seen_ids[doc.doc_id]}; bỏ qua")
            continue
        seen_ids[doc.doc_id] = path.name
        digest.update(path.name.encode("utf-8") + b"\0" + data + b"\0")
        documents.append(doc)
    if not documents:
        detail = "; ".join(problems) if problems else "the directory holds no .txt file"
        raise CorpusError(f"no usable document in {directory}: {detail}")
    return Corpus(documents=tuple(documents), problems=tuple(problems), fingerprint=digest.hexdigest())
