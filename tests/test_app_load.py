"""qa.loadbench against the running app: a small, bounded load on loopback."""

from __future__ import annotations

import pytest

from qa.loadbench import run_load
from tests.app_support import app_server  # noqa: F401 - the session fixture

pytest.importorskip("gradio_client")
pytestmark = pytest.mark.server

QUESTIONS = ["ai chịu trách nhiệm thể chế hóa?", "Kế hoạch ban hành ngày nào?", "lương cơ sở năm 2024 là bao nhiêu?"]


def test_small_load_has_no_errors_and_same_answers(app_server, capsys):  # noqa: F811
    summary = run_load(clients=3, per_client=3, url=app_server.url, questions=QUESTIONS, breakdown=False)
    assert summary["requests"] == 9 and summary["errors"] == 0 and summary["mismatches"] == 0
    assert summary["p50_ms"] > 0 and summary["requests_per_s"] > 0
    assert "yêu cầu/s" in capsys.readouterr().out


@pytest.mark.parametrize("kwargs, message", [
    ({"clients": 0}, "clients must be within"),
    ({"clients": 200}, "clients must be within"),
    ({"clients": 100, "per_client": 1000}, "clients × per_client"),
    ({"url": "http://example.org/"}, "loopback only"),
])
def test_bounds_are_checked_before_anything_runs(kwargs, message):
    with pytest.raises(ValueError, match=message):
        run_load(**kwargs)
