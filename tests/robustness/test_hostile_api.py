"""The hostile inputs through ``Assistant.ask``: the clean answer or a specific message, never a crash."""

from __future__ import annotations

import json

import pytest

from tests.robustness.hostile import CASES, Clean, check, clean_cache, tally

API_CASES = [c for c in CASES if "api" in c.doors]


def test_there_are_at_least_forty():
    assert len(API_CASES) >= 40


@pytest.fixture(scope="module")
def clean_replies(assistant):
    return clean_cache(lambda q, h: assistant.ask(q, h).to_dict())


@pytest.mark.parametrize("case", API_CASES, ids=lambda c: c.id)
def test_hostile_input(assistant, clean_replies, case):
    with tally("api") as outcome:
        reply = assistant.ask(case.question, case.history).to_dict()
        json.dumps(reply, ensure_ascii=False).encode("utf-8")  # printable and serialisable, surrogates and all
        outcome.append(check(reply, case, clean_replies(case.expect) if isinstance(case.expect, Clean) else {}))
