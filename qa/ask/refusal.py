"""A second look at a question the rules and the score let through: how likely the corpus does not
answer it, from all the signals of its reply together.

The rules and the scope model each decide alone, against a threshold of their own (the scope model
at 0.9, the nearest labelled questions at a margin of 0.02). Questions just under both, with a
modest coverage and a yes/no form, are most of what is still answered out of scope. This is a
logistic regression over the reply's signals (``answerability.Signals``, the score, whether the
clause holds the asked slot) and two facts of the question (a yes/no question; typed without
accents), fitted on replies to questions of writers left out of the adapter and the scope model
that answered them: ``qa adapt --write`` trains them without each writer in turn, answers that
writer's dev questions and fits this model on the replies answered by the score or as a
follow-up. Their signals are then what they are for a question nobody labelled.

It is stored in the query adapter's file, since its inputs are that adapter's; without a scope
model or labelled neighbours there is nothing to read, and the reply stands.

>>> model.probability({"coverage": 0.6, "outside": 0.01, "scope": 0.4, …}, "Kế hoạch có nói … không?")
0.81
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from ..text import fold
from .calibration import fit
from .kinds.base import EXISTENCE, YES_NO

# the signals of ``Signals`` and the verdict's score, as numbers; then the question's form
SIGNALS = ("coverage", "similarity", "margin", "agreement", "unknown", "outside", "scope", "score")
FEATURES = (*SIGNALS, "slot", "follow_up", "yes_no", "plain")
# the verdicts it looks at again: answered by the score (rule "") or as a follow-up of an answered turn
RULES = ("", "follow-up")
_STRUCTURAL = ("meta", "count")


def features(signals: Mapping, question: str) -> dict[str, float]:
    """The model's inputs from a reply's signals (``Reply.signals``) and the question as typed."""
    folded = fold(question)
    out = {name: float(signals.get(name) or 0.0) for name in SIGNALS}
    out["slot"] = float(bool(signals.get("slot")))
    out["follow_up"] = float(signals.get("rule") == "follow-up")
    out["yes_no"] = float(bool(EXISTENCE.search(folded) or YES_NO.search(folded)))
    out["plain"] = float(folded == question.lower())
    return out


def eligible(signals: Mapping, kind: str) -> bool:
    """A reply this model looks at: answered, by the score or as a follow-up, with both learned
    signals present (a scope model and labelled neighbours). Metadata and counts are not its to
    refuse, as they are not the scope model's: the document's register or structure answers them."""
    return signals.get("rule", "") in RULES and kind not in _STRUCTURAL and signals.get("scope") is not None \
        and signals.get("outside") is not None


@dataclass(frozen=True)
class RefusalModel:
    weights: dict[str, float]  # "bias" and one per feature, on the raw scale
    info: dict = field(default_factory=dict)  # what it was fitted on

    def probability(self, signals: Mapping, question: str) -> float:
        """How likely the corpus does not answer this question, in [0, 1]."""
        x = features(signals, question)
        z = self.weights.get("bias", 0.0) + sum(w * x.get(name, 0.0) for name, w in self.weights.items()
                                                if name != "bias")
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))

    @classmethod
    def fit(cls, replies: Sequence[tuple[Mapping, str]], labels: Sequence[int], l2: float = 1.0,
            info: dict | None = None) -> "RefusalModel":
        """From (signals, question) of eligible replies and whether each question is out of scope (1)."""
        rows = [features(signals, question) for signals, question in replies]
        weights = fit(rows, list(labels), FEATURES, l2=l2)
        return cls(weights=weights, info={"replies": len(rows), "out_of_scope": int(sum(labels)), "l2": l2,
                                          **(info or {})})

    def to_json(self) -> dict:
        return {"weights": self.weights, **self.info}

    @classmethod
    def from_json(cls, data: Mapping | None) -> "RefusalModel | None":
        """None when the adapter's file has none (trained before it existed, or with too few writers)."""
        if not data or not isinstance(data.get("weights"), Mapping):
            return None
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        if set(weights) - {"bias", *FEATURES}:
            raise ValueError(f"unknown features in the refusal model: {sorted(set(weights) - {'bias', *FEATURES})}")
        return cls(weights=weights, info={k: v for k, v in data.items() if k != "weights"})
