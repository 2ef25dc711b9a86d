"""Search backends behind the retriever: ``base.SearchBackend`` is the interface, ``embedded``
the default (FAISS + two bm25s views in one process); ``milvus`` the same views on a Milvus server
(issue 12; imported only when ``Config.backend == "milvus"``, so pymilvus stays optional)."""

from .base import SearchBackend
from .embedded import EmbeddedBackend

__all__ = ["EmbeddedBackend", "SearchBackend"]
