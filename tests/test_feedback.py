"""qa.feedback: votes appended as JSON lines, drafted into benchmark candidates for review."""

from __future__ import annotations

import json

from qa.feedback import FeedbackLog, candidates, feedback_path, gold_passage, read_feedback, write_candidates

CLAUSE = ("Thể chế hóa, cụ thể hóa nội dung Kết luận thành quy định trong các luật, pháp lệnh, nghị quyết "
          "của Quốc hội và Ủy ban Thường vụ Quốc hội.")
ANSWERED = {"question": "ai chịu trách nhiệm thể chế hóa?", "answer": "Đảng đoàn Quốc hội (IV.1.1).", "found": True,
            "confidence": "high", "kind": "who", "message": "", "resolved_question": "", "signals": {"score": 1.0},
            "citations": [{"doc": "03-KH/TW", "ref": "IV.1.1", "label": "Mục IV — 1 — ý 1", "text": CLAUSE,
                           "score": 0.9, "doc_title": "KH"}]}
REFUSED = {**ANSWERED, "answer": "Văn bản không đề cập nội dung này.", "found": False, "confidence": "none",
           "kind": "amount", "citations": []}


def test_default_path_is_outside_the_repository(tmp_path):
    assert feedback_path({"QA_FEEDBACK": str(tmp_path / "f.jsonl")}) == tmp_path / "f.jsonl"
    assert ".local" in str(feedback_path({})) or "state" in str(feedback_path({}))


def test_record_writes_question_answer_and_citations(tmp_path):
    log = FeedbackLog(tmp_path / "sub" / "votes.jsonl")
    log.record("ai chịu trách nhiệm thể chế hóa?", ANSWERED, liked=True)
    log.record("thời hạn thì sao?", REFUSED, liked=False, history=["ai chịu trách nhiệm thể chế hóa?"])
    lines = (tmp_path / "sub" / "votes.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    assert first["vote"] == "up" and first["answer"] == ANSWERED["answer"]
    assert first["citations"] == [{"doc": "03-KH/TW", "ref": "IV.1.1", "label": "Mục IV — 1 — ý 1", "text": CLAUSE}]
    assert "Thể chế hóa" in lines[0]  # real Vietnamese characters, not \\u escapes
    assert json.loads(lines[1])["history"] == ["ai chịu trách nhiệm thể chế hóa?"]


def test_candidates_draft_benchmark_lines_for_review(tmp_path):
    path = tmp_path / "votes.jsonl"
    log = FeedbackLog(path)
    log.record("ai chịu trách nhiệm thể chế hóa?", ANSWERED, liked=False)
    log.record("ai chịu trách nhiệm thể chế hóa?", ANSWERED, liked=True)  # the latest vote counts
    log.record("lương cơ sở là bao nhiêu?", REFUSED, liked=True)
    log.record("thời hạn thì sao?", REFUSED, liked=False, history=["ai chịu trách nhiệm thể chế hóa?"])
    with open(path, "a", encoding="utf-8") as out:
        out.write('{"broken\n')  # a crash mid-write is skipped
    lines = candidates(read_feedback(path))
    assert len(lines) == 3
    who, out_of_scope, follow = lines
    assert who["question"] == "ai chịu trách nhiệm thể chế hóa?" and who["type"] == "who"
    assert who["gold"] == [gold_passage(CLAUSE)] and 25 <= len(who["gold"][0]) <= 120
    assert who["gold"][0] in CLAUSE and who["answer"] == [ANSWERED["answer"]] and "split" not in who
    assert out_of_scope["type"] == "out_of_scope" and out_of_scope["gold"] == [] and "answer" not in out_of_scope
    assert follow["turns"] == ["ai chịu trách nhiệm thể chế hóa?", "thời hạn thì sao?"] and follow["gold"] == []
    assert follow["note"].startswith("👎")
    out = tmp_path / "candidates.jsonl"
    assert write_candidates(path, out) == 3 and len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_gold_passage_cuts_at_a_boundary():
    assert gold_passage("ngắn") == ""
    long = gold_passage(CLAUSE)
    assert CLAUSE.startswith(long) and not long.endswith(" ") and len(long) <= 120
