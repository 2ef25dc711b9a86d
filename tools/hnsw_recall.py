"""Recall of the approximate dense view (HNSW, used above Config.dense_exact_max clauses)
against the exact one, at the settings in Config.

    python tools/hnsw_recall.py [N] [QUERIES]

Vectors: the bundled index's real clause embeddings mixed in random pairs with noise (clusters of
near-duplicates, as a library of similar plans has), and, as the hard case, random unit vectors.
Queries: the benchmark questions encoded by the configured embedder.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.config import Config  # noqa: E402
from qa.embed import make_embedder  # noqa: E402
from qa.index import dense_index  # noqa: E402


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def recall(vectors: np.ndarray, queries: np.ndarray, config: Config, k: int) -> dict:
    exact = dense_index(vectors, config.replace(dense_exact_max=len(vectors) + 1))
    t = time.perf_counter()
    approx = dense_index(vectors, config.replace(dense_exact_max=1))
    build = time.perf_counter() - t
    _, truth = exact.search(queries, k)
    t = time.perf_counter()
    _, got = approx.search(queries, k)
    per_query = (time.perf_counter() - t) / len(queries) * 1000
    t = time.perf_counter()
    exact.search(queries, k)
    exact_ms = (time.perf_counter() - t) / len(queries) * 1000
    hits = sum(len(set(a) & set(b)) for a, b in zip(truth, got))
    return {"n": len(vectors), f"recall@{k}": hits / truth.size, "top1": float(np.mean(truth[:, 0] == got[:, 0])),
            "hnsw_build_s": build, "hnsw_ms_per_query": per_query, "exact_ms_per_query": exact_ms}


def main() -> None:
    import faiss

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    config = Config()
    base = faiss.read_index(str(ROOT / "index" / "dense.faiss"))
    real = base.reconstruct_n(0, base.ntotal)
    rng = np.random.default_rng(0)
    questions = [json.loads(line)["question"] for line in (ROOT / "eval" / "questions.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip() and "question" in json.loads(line)][:count]
    embedder = make_embedder(config)
    queries = np.stack([embedder.encode_query(q) for q in questions]).astype(np.float32)
    a, b = rng.integers(0, len(real), n), rng.integers(0, len(real), n)
    w = rng.random((n, 1)).astype(np.float32)
    mixed = _unit(w * real[a] + (1 - w) * real[b] + 0.15 * rng.standard_normal((n, real.shape[1])).astype(np.float32))
    random = _unit(rng.standard_normal((n, real.shape[1])).astype(np.float32))
    print(json.dumps({"settings": {"M": config.hnsw_m, "efConstruction": config.hnsw_ef_construction,
                                   "efSearch": config.hnsw_ef_search},
                      "mixed_real": recall(mixed, queries, config, config.candidate_k),
                      "random": recall(random, queries, config, config.candidate_k)}, indent=2))


if __name__ == "__main__":
    main()
