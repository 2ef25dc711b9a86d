"""The corpus directory → parsed documents, with a problem list for files that fail.

A bad file never stops the others from loading: its problem names the file.

>>> corpus = load_corpus("corpus")
>>> corpus.documents[0].doc_id, len(corpus.problems)
('03-KH/TW', 0)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .parse import ParseError, parse_file
from .types import Clause, Document

TEXT_SUFFIXES = (".txt", ".md")


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


def corpus_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.is_file() and not p.name.startswith("."))


def load_corpus(directory: str | Path) -> Corpus:
    """Parse every text file in ``directory``; unusable files are reported, not fatal."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusError(f"corpus directory not found: {directory}")
    documents: list[Document] = []
    problems: list[str] = []
    digest = hashlib.sha256()
    seen_ids: dict[str, str] = {}
    for path in corpus_files(directory):
        if path.suffix.lower() not in TEXT_SUFFIXES:
            problems.append(f"{path.name}: bỏ qua — chỉ đọc tệp văn bản UTF-8 (.txt, .md)")
            continue
        try:
            data = path.read_bytes()
            doc = parse_file(path)
        except (ParseError, OSError) as exc:
            problems.append(str(exc))
            continue
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
