"""The server's own guards: login options, exposure warning, queue-full message, upload limit."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
import uuid
from types import SimpleNamespace

import pytest

import app as app_module
from tests.app_support import app_server  # noqa: F401 - the session fixture
from tests.robustness.hostile import tally


def test_credentials_from_the_environment_or_a_file(tmp_path):
    assert app_module.read_credentials(None, {}) == []
    assert app_module.read_credentials(None, {"QA_AUTH": "an:mk1, binh:mk:2"}) == [("an", "mk1"), ("binh", "mk:2")]
    path = tmp_path / "auth"
    path.write_text("# users\nan:mat khau\n\n", encoding="utf-8")
    assert app_module.read_credentials(str(path), {"QA_AUTH": "x:y"}) == [("an", "mat khau")]


@pytest.mark.parametrize("text, message", [
    ("an", "entry 1: expected user:password"),
    (":mk", "entry 1: expected user:password"),
    ("# only a comment\n", "holds no user:password line"),
])
def test_bad_credentials_are_named(tmp_path, text, message):
    path = tmp_path / "auth"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(app_module.AuthError, match=message):
        app_module.read_credentials(str(path), {})
    with pytest.raises(app_module.AuthError, match="cannot read"):
        app_module.read_credentials(str(tmp_path / "missing"), {})


def test_serving_beyond_loopback_without_login_is_warned():
    assert app_module.exposure_warning("127.0.0.1", []) is None
    assert app_module.exposure_warning("0.0.0.0", [("an", "mk")]) is None
    assert "without a login" in app_module.exposure_warning("0.0.0.0", [])


def test_queue_full_is_said_in_vietnamese():
    async def full(*_args, **_kwargs):
        return False, "Queue is full. Max size is 64 and size is 64.", "queue_full"

    queue = type("Q", (), {"push": staticmethod(full), "max_size": 64, "__len__": lambda self: 64})()
    app_module.vietnamese_queue_full(SimpleNamespace(_queue=queue))
    with tally("server") as outcome:
        success, detail, state = asyncio.run(queue.push())
        assert (success, state) == (False, "queue_full") and detail.startswith("Hệ thống đang bận: có 64 câu hỏi")
        outcome.append("message")


@pytest.mark.server
def test_an_upload_over_the_limit_is_refused(app_server):  # noqa: F811
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.txt\"\r\n"
            f"Content-Type: text/plain\r\n\r\n").encode() + b"x" * 2_000_000 + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(app_server.url + "gradio_api/upload", data=body,
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with tally("server") as outcome:
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(request, timeout=30)
        assert err.value.code == 413
        outcome.append("message")


@pytest.mark.server
def test_the_quiz_handler_bounds_a_seed_sent_by_fn_index(app_server):  # noqa: F811
    """The issue's probe: seed 1e300 through the quiz button's fn_index gave «File name too long»."""
    config = json.load(urllib.request.urlopen(app_server.url + "config", timeout=30))
    files = {c["id"] for c in config["components"] if c.get("type") == "file"}
    fn_index = next(i for i, d in enumerate(config["dependencies"]) if files & set(d["outputs"]))
    session = uuid.uuid4().hex
    body = json.dumps({"data": [["III"], ["mcq"], 5, 1e300, "gift"], "fn_index": fn_index,
                       "session_hash": session, "event_data": None, "trigger_id": None}).encode()
    join = urllib.request.Request(app_server.url + "gradio_api/queue/join", data=body,
                                  headers={"Content-Type": "application/json"})
    with tally("server") as outcome:
        urllib.request.urlopen(join, timeout=30).read()
        stream = urllib.request.urlopen(f"{app_server.url}gradio_api/queue/data?session_hash={session}", timeout=60)
        completed = next(json.loads(line[6:]) for line in stream.read().decode("utf-8").splitlines()
                         if line.startswith("data: ") and '"process_completed"' in line)
        assert completed["success"], completed
        preview, download = completed["output"]["data"]
        assert "Số khởi tạo phải từ 0 đến 2147483647" in preview and download is None
        outcome.append("message")
