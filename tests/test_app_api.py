"""The ``/ask`` endpoint of ``python app.py`` through gradio_client, on loopback.

Starts the real app (bundled plan, real model) once per session on a free port.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.app_support import app_server  # noqa: F401 - the session fixture

gradio_client = pytest.importorskip("gradio_client")

pytestmark = pytest.mark.server

ANSWER_TIMEOUT_S = 60  # one answer; the warm-up already happened before the port opened
REPLY_KEYS = {"confidence", "signals", "question", "answer", "found", "kind", "message", "citations", "resolved_question"}
CITATION_KEYS = {"doc", "ref", "label", "text", "score", "doc_title"}
WHO_QUESTION = "ai chịu trách nhiệm thể chế hóa?"


@pytest.fixture(scope="module")
def client(app_server):  # noqa: F811
    return gradio_client.Client(app_server.url, verbose=False, download_files=False)


def ask(client, question, history=(), timeout=ANSWER_TIMEOUT_S) -> dict:
    job = client.submit(question, list(history), api_name="/ask")
    return job.result(timeout=timeout)


def check_reply(reply, question: str) -> None:
    assert isinstance(reply, dict), reply
    assert set(reply) == REPLY_KEYS
    assert reply["question"] == question
    for cit in reply["citations"]:
        assert set(cit) == CITATION_KEYS


def test_ask_is_a_named_endpoint(client):
    info = client.view_api(print_info=False, return_format="dict")
    params = [p["parameter_name"] for p in info["named_endpoints"]["/ask"]["parameters"]]
    assert params == ["question", "history"]


def test_ask_returns_the_reply_as_json(client):
    reply = ask(client, WHO_QUESTION)
    check_reply(reply, WHO_QUESTION)
    assert reply["found"] is True and reply["kind"] == "who"
    assert "Đảng đoàn Quốc hội" in reply["answer"]
    assert reply["citations"][0]["ref"] == "IV.1.1"


def test_follow_up_uses_the_history(client):
    reply = ask(client, "nó nằm ở mục nào?", [WHO_QUESTION])
    check_reply(reply, "nó nằm ở mục nào?")
    assert reply["found"] is True and reply["kind"] == "where"
    assert reply["citations"][0]["ref"] == "IV.1.1" and "IV.1.1" in reply["answer"]
    assert WHO_QUESTION in reply["resolved_question"]


def test_history_is_optional_and_questions_come_back_verbatim(client):
    evil = "<img src=x onerror=alert(1)>"
    reply = client.submit(question=evil, api_name="/ask").result(timeout=ANSWER_TIMEOUT_S)
    check_reply(reply, evil)
    assert reply["found"] is False and reply["message"]


def test_not_found_says_what_the_plan_covers(client):
    reply = ask(client, "lương cơ sở năm 2024 là bao nhiêu?")
    check_reply(reply, "lương cơ sở năm 2024 là bao nhiêu?")
    assert reply["found"] is False and "IV" in reply["message"]


def test_many_concurrent_questions_each_get_their_own_reply(client, app_server):  # noqa: F811
    # (question, history): plain, accent-free, follow-up, out-of-scope.
    cases = [
        (WHO_QUESTION, []),
        ("ai huong dan to chuc hoi nghi quan triet ket luan?", []),
        ("Đợt sinh hoạt chính trị sâu rộng phải hoàn thành khi nào?", []),
        ("thời hạn thì sao?", [WHO_QUESTION]),
        ("nó nằm ở mục nào?", [WHO_QUESTION]),
        ("lương cơ sở năm 2024 là bao nhiêu?", []),
    ]
    expected = {q: ask(client, q, h) for q, h in cases}  # one at a time: the reference
    jobs = cases * 4  # 24 questions in flight at once
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        # Each worker gets its own client, as separate users would.
        def one(case):
            question, history = case
            own = gradio_client.Client(app_server.url, verbose=False, download_files=False)
            return question, ask(own, question, history, timeout=ANSWER_TIMEOUT_S * 3)

        results = list(pool.map(one, jobs, timeout=ANSWER_TIMEOUT_S * 6))
    assert len(results) == len(jobs) >= 20
    for question, reply in results:
        check_reply(reply, question)
        assert reply == expected[question], f"concurrent reply differs for {question!r}"
    assert app_server.process.poll() is None, app_server.log_tail()


def test_a_port_another_process_holds_stops_the_start_with_a_message(caplog):
    import logging
    import socket

    import gradio as gr

    from app import launch

    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        with gr.Blocks() as demo:
            gr.Markdown("x")
        with caplog.at_level(logging.ERROR), pytest.raises(SystemExit) as stop:
            launch(demo, "127.0.0.1", port, prevent_thread_lock=True, share=False, inbrowser=False)
    assert stop.value.code == 2
    assert f"cổng 127.0.0.1:{port} đang được một tiến trình khác dùng; chạy lại với --port N" in caplog.text
