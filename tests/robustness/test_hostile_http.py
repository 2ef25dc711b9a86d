"""The hostile inputs through ``/ask`` over HTTP (gradio_client on loopback): a JSON reply, never
``{"error": null}`` or an HTML page."""

from __future__ import annotations

import json
import re
import urllib.request

import pytest

from tests.app_support import app_server  # noqa: F401 - the session fixture
from tests.robustness.hostile import CASES, WHEN_FOLLOW_UP, WHO, Clean, check, clean_cache, tally

gradio_client = pytest.importorskip("gradio_client")

pytestmark = pytest.mark.server

HTTP_CASES = [c for c in CASES if "http" in c.doors]
ANSWER_TIMEOUT_S = 60


@pytest.fixture(scope="module")
def client(app_server):  # noqa: F811
    return gradio_client.Client(app_server.url, verbose=False, download_files=False)


@pytest.fixture(scope="module")
def clean_replies(client):
    return clean_cache(lambda q, h: ask(client, q, h))


def ask(client, *args) -> dict:
    return client.submit(*args, api_name="/ask").result(timeout=ANSWER_TIMEOUT_S)


def raw_ask(base_url: str, *args) -> dict:
    """``/ask`` through Gradio's plain HTTP API, for what httpx refuses to encode (lone surrogates).

    JSON escapes them (``"\\ud800"``); the server decodes them back into the string.
    """
    body = json.dumps({"data": list(args)}).encode("ascii")
    request = urllib.request.Request(base_url + "gradio_api/call/ask", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=ANSWER_TIMEOUT_S) as response:
        event_id = json.load(response)["event_id"]
    with urllib.request.urlopen(f"{base_url}gradio_api/call/ask/{event_id}", timeout=ANSWER_TIMEOUT_S) as response:
        stream = response.read().decode("utf-8")
    event = re.search(r"^event: (\w+)\ndata: (.*)$", stream, re.M)
    assert event and event.group(1) == "complete", stream[:500]
    return json.loads(event.group(2))[0]


def encodable(value) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def test_there_are_at_least_forty():
    assert len(HTTP_CASES) >= 40


@pytest.mark.parametrize("case", HTTP_CASES, ids=lambda c: c.id)
def test_hostile_request(app_server, client, clean_replies, case):  # noqa: F811
    with tally("http") as outcome:
        if encodable([case.question, case.history]):
            reply = ask(client, case.question, case.history)
        else:
            reply = raw_ask(app_server.url, case.question, case.history)
        outcome.append(check(reply, case, clean_replies(case.expect) if isinstance(case.expect, Clean) else {}))


def test_missing_history_is_no_history(client, clean_replies):
    with tally("http") as outcome:
        outcome.append(check(ask(client, WHO), CASES[0].__class__("missing-history", WHO, Clean()),
                             clean_replies(Clean())))


def test_a_number_as_question_is_text(client):
    with tally("http") as outcome:
        reply = ask(client, 12345, [WHEN_FOLLOW_UP])
        assert reply["question"] == "12345" and reply["message"]
        outcome.append("message")
