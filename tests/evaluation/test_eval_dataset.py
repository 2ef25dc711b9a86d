"""Question-file loading: every bad line stops with its line number and reason."""

import json

import pytest

from qa.evaluation.dataset import DatasetError, corpus_paragraphs, has_splits, load_questions, select_split

GOLD = "Ban Tuyên giáo Trung ương chủ trì phối hợp"


def line(**overrides):
    data = {"id": "q1", "question": "Ai chủ trì?", "type": "who", "gold": [GOLD],
            "answer": ["Ban Tuyên giáo Trung ương"], "split": "dev"}
    data.update(overrides)
    return json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False)


def write(tmp_path, *lines):
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_loads_questions_and_followups(tmp_path):
    path = write(tmp_path, line(), "",
                 line(id="q2", question=None, turns=["Ai chủ trì?", "Khi nào?"], type="followup", split="test"),
                 line(id="q3", type="out_of_scope", gold=[], answer=[], split="test"))
    qs = load_questions(path)
    assert [q.id for q in qs] == ["q1", "q2", "q3"]
    assert qs[1].history == ("Ai chủ trì?",) and qs[1].text == "Khi nào?" and qs[1].line == 3
    assert not qs[2].in_scope
    assert [q.id for q in select_split(qs, "dev")] == ["q1"]
    assert len(select_split(qs, "all")) == 3


def test_bad_json_names_the_line(tmp_path):
    path = write(tmp_path, line(), '{"id": "q2", "question": ')
    with pytest.raises(DatasetError, match=r"q\.jsonl:2: invalid JSON"):
        load_questions(path)


# Broken lines: an error in both modes.
@pytest.mark.parametrize("overrides, reason", [
    ({"type": None}, "missing field 'type'"),
    ({"gold": []}, "'gold' must hold 1–3"),
    ({"gold": "not a list"}, "'gold' must be a list of strings"),
    ({"turns": ["a", "b"]}, "exactly one of 'question' or 'turns'"),
    ({"question": None}, "exactly one of 'question' or 'turns'"),
    ({"question": "  "}, "'question' must be a non-empty string"),
    ({"type": "followup"}, "needs 'turns'"),
    ({"type": "out_of_scope"}, "must have empty 'gold' and 'answer'"),
])
@pytest.mark.parametrize("strict", [True, False])
def test_invalid_fields_name_line_and_reason(tmp_path, overrides, reason, strict):
    path = write(tmp_path, line(id="q0"), line(**overrides))
    with pytest.raises(DatasetError) as err:
        load_questions(path, strict=strict)
    assert ":2: " in str(err.value) and reason in str(err.value)


# Looser problems: an error with strict=True (the shipped sets), a warning otherwise.
@pytest.mark.parametrize("overrides, reason", [
    ({"split": "train"}, "'split' must be one of dev, test"),
    ({"split": None}, "missing field 'split'"),
    ({"answer": None}, "missing field 'answer'"),
    ({"type": "how"}, "'type' must be one of"),
    ({"style": "slang"}, "'style' must be one of"),
    ({"gold": ["quá ngắn"]}, "25–120 characters, got 8"),
    ({"gold": ["x" * 121]}, "25–120 characters, got 121"),
    ({"colour": "red"}, "unknown field"),
])
def test_loose_problems_warn_unless_strict(tmp_path, overrides, reason):
    path = write(tmp_path, line(id="q0"), line(**overrides))
    with pytest.raises(DatasetError) as err:
        load_questions(path, strict=True)
    assert ":2: " in str(err.value) and reason in str(err.value)
    warnings = []
    questions = load_questions(path, warnings=warnings)
    assert [q.id for q in questions] == ["q0", "q1"]
    assert len(warnings) == 1 and ":2: " in warnings[0] and reason in warnings[0]


def test_evaluator_file_without_splits_styles_or_answers(tmp_path):
    path = write(tmp_path, line(split=None, answer=None), line(id="q2", split=None, answer=None, type="paraphrased"))
    warnings = []
    qs = load_questions(path, warnings=warnings)
    assert [(q.split, q.style, q.answer, q.type, q.in_scope) for q in qs] == [
        (None, None, (), "who", True), (None, None, (), "paraphrased", True)]
    assert not has_splits(qs)
    assert len(select_split(qs, "all")) == 2 and select_split(qs, "test") == []
    assert sum("missing field 'split'" in w for w in warnings) == 2
    assert sum("'type' must be one of" in w for w in warnings) == 1
    assert load_questions(write(tmp_path, line(style="typo")))[0].style == "typo"


def test_duplicate_id_and_missing_file(tmp_path):
    with pytest.raises(DatasetError, match=r":2: duplicate id 'q1' \(first on line 1\)"):
        load_questions(write(tmp_path, line(), line()))
    with pytest.raises(DatasetError, match="not found"):
        load_questions(tmp_path / "nope.jsonl")


def test_gold_checked_against_corpus_paragraphs(tmp_path):
    text = "I- MỤC ĐÍCH\n\n- Ban Tuyên giáo Trung ương chủ trì\nphối hợp với Ban Tổ chức.\n\n8. Tiếp tục đẩy mạnh"
    paragraphs = corpus_paragraphs(text)
    assert paragraphs[1] == "Ban Tuyên giáo Trung ương chủ trì phối hợp với Ban Tổ chức."
    assert paragraphs[2] == "Tiếp tục đẩy mạnh"
    assert load_questions(write(tmp_path, line()), paragraphs)
    with pytest.raises(DatasetError, match=":1: gold substring is not in any corpus paragraph"):
        load_questions(write(tmp_path, line(gold=["Ban Tổ chức Trung ương chủ trì phối hợp"])), paragraphs)
