"""The refusal model: its inputs, fitting, probabilities and its place in the adapter's file."""

import math

import numpy as np
import pytest

from qa.ask.refusal import FEATURES, RefusalModel, eligible, features

SIGNALS = {"coverage": 0.5, "similarity": 0.86, "margin": 0.02, "agreement": 1.0, "unknown": 0.25,
           "slot": True, "outside": 0.01, "scope": 0.4, "score": 0.91, "rule": ""}


def test_its_inputs_are_the_replys_signals_and_the_questions_form():
    x = features(SIGNALS, "Kế hoạch có nói về chống bè phái không?")
    assert tuple(x) == FEATURES
    assert x == {"coverage": 0.5, "similarity": 0.86, "margin": 0.02, "agreement": 1.0, "unknown": 0.25,
                 "outside": 0.01, "scope": 0.4, "score": 0.91, "slot": 1.0, "follow_up": 0.0, "yes_no": 1.0,
                 "plain": 0.0}
    typed_plain = features({**SIGNALS, "rule": "follow-up", "slot": False, "similarity": None},
                           "bao chi phai dua tin gi")
    assert (typed_plain["follow_up"], typed_plain["slot"], typed_plain["similarity"]) == (1.0, 0.0, 0.0)
    assert (typed_plain["yes_no"], typed_plain["plain"]) == (0.0, 1.0)


def test_it_looks_again_only_at_answers_the_score_or_a_follow_up_gave_with_both_learned_signals():
    assert eligible(SIGNALS, "what") and eligible({**SIGNALS, "rule": "follow-up"}, "who")
    assert not eligible({**SIGNALS, "rule": "meta"}, "meta") and not eligible({**SIGNALS, "rule": "named"}, "what")
    assert not eligible({**SIGNALS, "scope": None}, "what") and not eligible({**SIGNALS, "outside": None}, "what")
    # the register and the structure answer these ("Kế hoạch có bao nhiêu mục?"), not the score
    assert not eligible(SIGNALS, "count") and not eligible({**SIGNALS, "rule": "follow-up"}, "meta")


def test_fitted_on_replies_it_tells_the_two_kinds_apart_and_round_trips():
    rng = np.random.default_rng(0)
    replies, labels = [], []
    for i in range(80):
        out = i % 4 == 0
        signals = {**SIGNALS, "outside": float(rng.normal(0.02 if out else -0.03, 0.01)),
                   "scope": float(rng.uniform(0.3, 0.9) if out else rng.uniform(0.0, 0.4))}
        replies.append((signals, "Kế hoạch có nói gì về việc này?"))
        labels.append(int(out))
    model = RefusalModel.fit(replies, labels, info={"writers": 3})
    assert model.info == {"replies": 80, "out_of_scope": 20, "l2": 1.0, "writers": 3}
    assert set(model.weights) == {"bias", *FEATURES} and model.weights["outside"] > 0
    near_out = {**SIGNALS, "outside": 0.03, "scope": 0.8}
    near_in = {**SIGNALS, "outside": -0.05, "scope": 0.05}
    assert model.probability(near_out, "Có không?") > 0.8 > 0.2 > model.probability(near_in, "Có không?")
    loaded = RefusalModel.from_json(model.to_json())
    assert loaded == model


def test_the_probability_is_the_logistic_of_the_weighted_inputs():
    model = RefusalModel(weights={"bias": -1.0, "outside": 50.0, "yes_no": 0.5})
    expected = 1 / (1 + math.exp(-(-1.0 + 50.0 * 0.01 + 0.5)))
    assert model.probability(SIGNALS, "Có nói về việc đó không?") == pytest.approx(expected)
    assert RefusalModel(weights={"bias": 1e6}).probability(SIGNALS, "x") == 1.0


def test_a_file_without_one_gives_none_and_unknown_inputs_are_refused():
    assert RefusalModel.from_json(None) is None and RefusalModel.from_json({"replies": 3}) is None
    with pytest.raises(ValueError, match="unknown features in the refusal model: \\['length'\\]"):
        RefusalModel.from_json({"weights": {"bias": 0.0, "length": 1.0}})
