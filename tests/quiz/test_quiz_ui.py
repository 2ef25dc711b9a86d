"""The "Soạn câu hỏi ôn tập" tab: preview escapes every text, the download is the exported file."""

from __future__ import annotations

import html
from pathlib import Path
from types import SimpleNamespace

import pytest

from qa.quiz import QuizResult
from qa.quiz.gift import parse_gift
from qa.quiz.model import ItemCitation, QuizItem
from qa.quiz.ui import (
    NO_QUIZ,
    build_quiz_tab,
    generate,
    item_choices,
    item_fields,
    make_quiz,
    regenerate,
    render_preview,
    save_item,
)


def test_make_quiz_previews_and_writes_the_file(clauses, tmp_path):
    html, path = make_quiz(clauses, ["III"], ["mcq", "tf", "cloze"], 6, 7, "gift", out_dir=tmp_path)
    assert path is not None and Path(path).parent == tmp_path and path.endswith(".gift.txt")
    questions = parse_gift(Path(path).read_text(encoding="utf-8"))
    assert len(questions) == 6
    assert html.count("<li style='margin-bottom:1em'>") == 6
    assert "Nguồn: 03-KH/TW · III." in html and "Giải thích:" in html
    assert "«" in html and "&lt;" not in html


def test_make_quiz_to_a_temp_dir_by_default(clauses):
    _, path = make_quiz(clauses, ["III"], ["mcq"], 3, 1, "aiken")
    assert path and Path(path).exists() and Path(path).read_text(encoding="utf-8").count("ANSWER: ") == 3


def test_make_quiz_reports_bad_choices_without_a_file(clauses):
    html, path = make_quiz(clauses, [], [], 5, 1, "gift")
    assert path is None and "Lỗi:" in html and "Hãy chọn ít nhất một loại câu hỏi" in html  # Vietnamese since issue 11
    html, path = make_quiz(clauses, ["III"], ["mcq"], 0, 1, "gift")
    assert path is None and "Số câu phải từ 1 đến 200; đã nhận 0" in html  # Vietnamese since issue 10


@pytest.mark.parametrize("n, seed, sections, fmt, message", [
    (5, 1e300, ["III"], "gift", "Số khởi tạo phải từ 0 đến 2147483647"),  # was OSError: File name too long
    (5, float("nan"), ["III"], "gift", "Số khởi tạo phải là số nguyên"),
    (5, -1, ["III"], "gift", "Số khởi tạo phải từ 0"),
    (5, "7; rm -rf /", ["III"], "gift", "Số khởi tạo phải là số nguyên"),
    (10**9, 1, ["III"], "gift", "Số câu phải từ 1 đến 200"),
    (2.5, 1, ["III"], "gift", "Số câu phải là số nguyên"),
    (5, 1, "III", "gift", "Mục phải là danh sách"),
    (5, 1, ["III"], "../../etc/passwd", "Định dạng phải là một trong"),
])
def test_make_quiz_bounds_what_an_api_caller_sends(clauses, tmp_path, n, seed, sections, fmt, message):
    html, path = make_quiz(clauses, sections, ["mcq"], n, seed, fmt, out_dir=tmp_path)
    assert path is None and message in html and list(tmp_path.iterdir()) == []


def test_make_quiz_uses_one_temp_folder_per_process(clauses):
    first = Path(make_quiz(clauses, ["III"], ["mcq"], 3, 1, "aiken")[1])
    second = Path(make_quiz(clauses, ["III"], ["mcq"], 3, 1, "aiken")[1])
    assert first.parent == second.parent and first != second


def test_aiken_preview_says_how_many_were_skipped(clauses, tmp_path):
    html, _ = make_quiz(clauses, ["III"], ["mcq", "tf"], 4, 1, "aiken", out_dir=tmp_path)
    assert "bỏ qua 2 câu khác" in html


def test_preview_escapes_all_text():
    evil = "<script>alert(1)</script>"
    item = QuizItem("01", "mcq", "timing", f"Câu {evil}?", (f"a {evil}", "b & c"), f"a {evil}",
                    f"Giải thích {evil}", ItemCitation("03-KH/TW", "III.8", f"Nhãn {evil}"), "easy", "q")
    html = render_preview(QuizResult(items=(item,), requested=1))
    assert "<script>" not in html
    assert html.count("&lt;script&gt;") == 4 and "b &amp; c" in html


def test_build_quiz_tab_inside_blocks(clauses):
    import gradio as gr

    with gr.Blocks() as demo:
        with gr.Tab("Soạn câu hỏi ôn tập"):
            build_quiz_tab(SimpleNamespace(clauses=clauses))
    kinds = [type(b).__name__ for b in demo.blocks.values()]
    for expected in ("CheckboxGroup", "Number", "Radio", "Button", "File", "HTML", "State", "Dropdown", "Textbox"):
        assert expected in kinds


# -- editing and regenerating one item (issue 11) ------------------------------------------

Q1_OPTIONS = "đầu tháng 12/2021\nhoàn thành trong quý I/2022\nthực hiện hằng năm, từ năm 2021\nthực hiện thường xuyên"


@pytest.fixture
def quiz(clauses, tmp_path):
    """Six items of section III, seed 7: mcq III.4, tf III.1, cloze III, mcq III.7, tf III.11, cloze III.8."""
    _, path, state = generate(clauses, ["III"], ["mcq", "tf", "cloze"], 6, 7, "gift", out_dir=tmp_path)
    return state


def gift_of(path):
    return parse_gift(Path(path).read_text(encoding="utf-8"))


def test_generate_keeps_the_items_for_editing(quiz):
    assert item_choices(quiz) == [
        ("Câu 1 · Trắc nghiệm · III.4", "1"), ("Câu 2 · Đúng/Sai · III.1", "2"),
        ("Câu 3 · Điền vào chỗ trống · III", "3"), ("Câu 4 · Trắc nghiệm · III.7", "4"),
        ("Câu 5 · Đúng/Sai · III.11", "5"), ("Câu 6 · Điền vào chỗ trống · III.8", "6"),
    ]
    stem, options, key, explanation = item_fields(quiz, "1")
    assert stem == ("Theo Kế hoạch 03-KH/TW, nhiệm vụ «Thực hiện nghiêm việc tự phê bình và phê bình trong "
                    "sinh hoạt đảng…» (III.4) được thực hiện theo thời hạn nào?")
    assert options == Q1_OPTIONS and key == "thực hiện hằng năm, từ năm 2021"
    assert explanation.startswith("Kế hoạch 03-KH/TW, III.4 (Mục III. Nhiệm vụ trọng tâm — nhiệm vụ 4)")
    assert item_fields(quiz, "2")[1:3] == ("Đúng\nSai", "Đúng")
    assert item_fields(None, "1") == ("", "", "", "") and item_fields(quiz, "7") == ("", "", "", "")


def test_a_valid_edit_is_exported(quiz, tmp_path):
    before = dict(quiz)
    state, message, preview, path = save_item(
        quiz, "1", "  Nhiệm vụ tự phê bình (III.4) có thời hạn nào?  ", Q1_OPTIONS + "\n\n",
        "thực hiện hằng năm, từ năm 2021", "Xem III.4.", out_dir=tmp_path)
    assert message == "<p class='qa-quiz-message'>Đã lưu câu 1; tệp tải về đã được ghi lại.</p>"
    assert path == state["path"] and path != quiz["path"] and Path(path).parent == tmp_path
    first = gift_of(path)[0]
    assert "Nhiệm vụ tự phê bình (III.4) có thời hạn nào?" in str(first)
    assert len(gift_of(path)) == 6
    assert "Nhiệm vụ tự phê bình (III.4) có thời hạn nào? " not in preview  # stripped
    assert "· đã sửa]" in preview and preview.count("đã sửa") == 1
    assert state["edited"] == [0] and state["items"][0]["explanation"] == "Xem III.4."
    assert state["items"][0]["claims"] == quiz["items"][0]["claims"]  # options and key unchanged: claims kept
    assert quiz == before  # the old state is not changed in place


def test_a_new_key_drops_the_claims_and_reaches_the_file(quiz, tmp_path):
    state, _, _, path = save_item(quiz, "1", "Thời hạn?", Q1_OPTIONS, "thực hiện thường xuyên", "", out_dir=tmp_path)
    assert state["items"][0]["answer"] == "thực hiện thường xuyên" and state["items"][0]["claims"] == []
    text = Path(path).read_text(encoding="utf-8")
    assert "=thực hiện thường xuyên" in text and "=thực hiện hằng năm" not in text


@pytest.mark.parametrize("choice, stem, options, key, message", [
    ("1", "   ", Q1_OPTIONS, "thực hiện thường xuyên", "Câu hỏi không được để trống."),
    ("1", "Thời hạn?", Q1_OPTIONS, "quý IV/2023",
     "Đáp án «quý IV/2023» không nằm trong các phương án; hãy chép đúng một phương án vào ô Đáp án."),
    ("1", "Thời hạn?", Q1_OPTIONS, "", "Đáp án không được để trống."),
    ("1", "Thời hạn?", "thực hiện thường xuyên", "thực hiện thường xuyên",
     "Cần ít nhất hai phương án, mỗi dòng một phương án."),
    ("1", "Thời hạn?", "quý I/2022\nQuý  I/2022", "quý I/2022", "Hai phương án trùng nhau: «Quý  I/2022»."),
    ("2", "Đúng hay sai?", "Đúng\nSai\nKhông rõ", "Đúng", "Câu Đúng/Sai có đúng hai phương án: «Đúng» và «Sai»."),
    ("3", "Điền vào: Mặt trận Tổ quốc Việt Nam", "Quốc hội\nMặt trận Tổ quốc Việt Nam", "Quốc hội",
     "Câu điền vào chỗ trống phải giữ chỗ trống _____."),
    ("1", "x" * 2001, Q1_OPTIONS, "thực hiện thường xuyên", "Câu hỏi quá dài (tối đa 2000 ký tự)."),
    ("9", "Thời hạn?", Q1_OPTIONS, "thực hiện thường xuyên", "Câu phải từ 1 đến 6; đã nhận 9"),
    (None, "Thời hạn?", Q1_OPTIONS, "thực hiện thường xuyên", "Hãy chọn một câu để sửa."),
])
def test_an_invalid_edit_is_refused_in_vietnamese_and_not_exported(quiz, tmp_path, choice, stem, options, key,
                                                                   message):
    files = sorted(tmp_path.iterdir())
    state, note, preview, path = save_item(quiz, choice, stem, options, key, "", out_dir=tmp_path)
    assert note == f"<p class='qa-quiz-message'><strong>Chưa lưu:</strong> {message}</p>"
    assert state is quiz and preview is None and path is None
    assert sorted(tmp_path.iterdir()) == files  # no new file: the download keeps the last valid items


def test_editing_before_any_quiz_says_so(tmp_path):
    _, note, preview, path = save_item(None, "1", "a", "b\nc", "b", "", out_dir=tmp_path)
    assert NO_QUIZ in note and preview is None and path is None
    _, note, _, _ = regenerate([], None, "1", out_dir=tmp_path)
    assert NO_QUIZ in note


def test_regenerate_one_item_from_another_clause_within_the_caps(clauses, quiz, tmp_path):
    state, message, preview, path = regenerate(clauses, quiz, "1", out_dir=tmp_path)
    new = state["items"][0]
    assert message == ("<p class='qa-quiz-message'>Đã thay câu 1 bằng câu mới từ III.3; "
                       "tệp tải về đã được ghi lại.</p>")
    assert new["id"] == "01-III.3-mcq-timing" and new["kind"] == "mcq" and new["answer"] == "thực hiện thường xuyên"
    assert state["items"][1:] == quiz["items"][1:] and state["edited"] == [0]
    refs = [i["citation"]["ref"] for i in state["items"]]
    assert refs == ["III.3", "III.1", "III", "III.7", "III.11", "III.8"]  # one item per clause, as the quiz's cap
    assert html.escape(new["stem"]) in preview and preview.count("· đã sửa]") == 1
    assert len(gift_of(path)) == 6 and "III.3" in Path(path).read_text(encoding="utf-8")
    again, *_ = regenerate(clauses, quiz, "1", out_dir=tmp_path)
    assert again["items"][0] == new  # the quiz's own seeded stream: same quiz, same new item
    third, *_ = regenerate(clauses, state, "1", out_dir=tmp_path)
    assert third["items"][0]["citation"]["ref"] not in ("III.3", "III.4")
    assert third["items"][0]["kind"] == "mcq"


def test_regenerate_says_when_no_other_item_fits(clauses, tmp_path):
    _, _, state = generate(clauses, ["III"], ["mcq"], 200, 1, "gift", out_dir=tmp_path)
    files = sorted(tmp_path.iterdir())
    same, note, preview, path = regenerate(clauses, state, "1", out_dir=tmp_path)
    assert note == ("<p class='qa-quiz-message'><strong>Chưa lưu:</strong> Không còn câu «Trắc nghiệm» nào khác "
                    "từ điều khoản khác trong các mục đã chọn mà vẫn giữ giới hạn của bộ câu hỏi; "
                    "câu 1 giữ nguyên.</p>")
    assert same is state and preview is None and path is None and sorted(tmp_path.iterdir()) == files


def test_aiken_export_of_edited_items(clauses, tmp_path):
    _, _, state = generate(clauses, ["III"], ["mcq"], 3, 1, "aiken", out_dir=tmp_path)
    stem, options, key, _ = item_fields(state, "2")
    other = [o for o in options.splitlines() if o != key][0]
    state, _, _, path = save_item(state, "2", "Câu đã sửa?", options, other, "", out_dir=tmp_path)
    text = Path(path).read_text(encoding="utf-8")
    assert "Câu đã sửa?" in text and text.count("ANSWER: ") == 3
