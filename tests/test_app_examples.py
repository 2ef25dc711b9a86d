"""The chat's own pieces with the real assistant, no server: every example button answers
correctly, a follow-up typed first asks what it refers to, votes and export carry citations."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

import app as chat_app
from qa.feedback import FeedbackLog

# Each example: words the answer must hold, and the clause it must come from.
EXPECTED = {
    "Ai chịu trách nhiệm thể chế hóa nội dung Kết luận?": ("Đảng đoàn Quốc hội", "IV.1.1"),
    "Hội nghị cán bộ toàn quốc quán triệt Kết luận khi nào?": ("12/2021", "II.1"),
    "ai huong dan to chuc hoi nghi quan triet ket luan?": ("Ban Tuyên giáo Trung ương", "II.2"),
    "Đợt sinh hoạt chính trị sâu rộng phải hoàn thành khi nào?": ("quý I/2022", "III.1"),
    "Nhiệm vụ trọng tâm về phòng, chống tham nhũng là gì?": ("phòng, chống tham nhũng", "III.8"),
    "Kế hoạch ban hành ngày nào?": ("01/12/2021", "header"),  # its dating line, then the register
}


@pytest.fixture(scope="module")
def chat(assistant, tmp_path_factory):
    return chat_app.ChatApp(assistant, FeedbackLog(tmp_path_factory.mktemp("fb") / "votes.jsonl"))


def test_every_example_has_an_expected_answer():
    assert set(chat_app.EXAMPLES) == set(EXPECTED)


@pytest.mark.parametrize("question", chat_app.EXAMPLES)
def test_every_example_button_answers_correctly(assistant, question):
    words, ref = EXPECTED[question]
    reply = assistant.ask(question)
    assert reply.found and reply.confidence == "high", reply
    assert words in reply.answer, reply.answer
    assert reply.citations[0].ref == ref
    assert not chat_app.needs_referent(question, assistant._info.common)


@pytest.mark.parametrize("question", ["thời hạn là khi nào?", "nó nằm ở mục nào?", "ai chủ trì?"])
def test_follow_up_typed_first_asks_what_it_refers_to(chat, question):
    turn = chat.turn(question, [])
    assert "reply" not in turn and turn["hints"], turn
    assert all(h.startswith("Mục ") for h in turn["hints"])
    # The same question after a real one is a follow-up and gets answered.
    earlier = [{"question": "Ai chịu trách nhiệm thể chế hóa nội dung Kết luận?", "reply": {}}]
    assert "reply" in chat.turn(question, earlier)


def test_a_suggested_question_is_answered(chat, assistant):
    hint = chat.turn("thời hạn là khi nào?", [])["hints"][0]
    assert assistant.ask(hint).found


def test_respond_keeps_the_conversation_and_moves_the_reader(chat):
    box, messages, turns, picker, context = chat.respond("Ai chịu trách nhiệm thể chế hóa nội dung Kết luận?", [])
    assert box == "" and len(messages) == 2 and len(turns) == 1
    assert picker["value"].endswith("#IV.1.1") and "qa-target" in context
    restored, kept = chat.restore(json.loads(json.dumps(turns)))  # as the browser stores it
    assert restored == messages and kept == turns
    assert chat.restore("not a list") == ([], [])


def test_goto_opens_the_reader_at_document_and_ref(chat):
    key = chat.clauses[5].id
    tabs, picker, context = chat.goto(key)
    assert tabs.selected == "reader" and picker["value"] == key and "qa-target" in context
    assert chat.goto("không#có")[0] is not None  # gr.skip(): nothing moves


def test_vote_writes_the_turn_with_its_citations(chat):
    _, _, turns, _, _ = chat.respond("Ai chịu trách nhiệm thể chế hóa nội dung Kết luận?", [])
    chat.vote(turns, SimpleNamespace(index=1, liked=True, value=None))
    line = json.loads(chat.feedback.path.read_text(encoding="utf-8").splitlines()[-1])
    assert line["vote"] == "up" and line["citations"][0]["ref"] == "IV.1.1"


def test_export_markdown_and_json_with_citations(chat):
    _, _, turns, _, _ = chat.respond("Ai chịu trách nhiệm thể chế hóa nội dung Kết luận?", [])
    md, js = chat.export(turns)
    text = Path(md).read_text(encoding="utf-8")
    assert "## 1. Ai chịu trách nhiệm" in text and "Trích dẫn:" in text and "IV.1.1" in text and "<" not in text
    data = json.loads(Path(js).read_text(encoding="utf-8"))
    assert data[0]["reply"]["citations"][0]["ref"] == "IV.1.1" and "signals" not in data[0]["reply"]
