"""Fixtures for the quiz tests: hand-made clauses (see quiz_support)."""

from __future__ import annotations

import pytest

from quiz_support import plan_clauses


@pytest.fixture
def clauses():
    return plan_clauses()


@pytest.fixture
def by_ref(clauses):
    return {c.ref: c for c in clauses}
