"""The "Soạn câu hỏi ôn tập" tab: preview escapes every text, the download is the exported file."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from qa.quiz import QuizResult
from qa.quiz.gift import parse_gift
from qa.quiz.model import ItemCitation, QuizItem
from qa.quiz.ui import build_quiz_tab, make_quiz, render_preview


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
    for expected in ("CheckboxGroup", "Number", "Radio", "Button", "File", "HTML"):
        assert expected in kinds
