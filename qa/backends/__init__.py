"""Search backends behind the retriever: ``base.SearchBackend`` is the interface, ``embedded``
the default (FAISS + two bm25s views in one process). Issue 12 adds a Milvus backend here."""

from .base import SearchBackend
from .embedded import EmbeddedBackend

__all__ = ["EmbeddedBackend", "SearchBackend"]
