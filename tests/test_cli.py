import json
import subprocess
import sys
from pathlib import Path

import pytest

from qa.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent


def test_ask_json_prints_reply_dict(tmp_path, capsys):
    code = main(["ask", "ai chịu trách nhiệm thể chế hóa?", "--json", "--index-dir", str(tmp_path / "index")])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"question", "answer", "found", "kind", "message", "citations"}
    assert data["citations"][0]["ref"] == "IV.1.1" and "Đảng đoàn Quốc hội" in data["answer"]


def test_ask_with_history_text(tmp_path, capsys):
    code = main(["ask", "thoi han la khi nao?", "--history", "ai chịu trách nhiệm thể chế hóa?",
                 "--index-dir", str(tmp_path / "index")])
    out = capsys.readouterr().out
    assert code == 0 and "IV.1.1" in out and "thường xuyên" in out


def test_index_command_and_bad_corpus(tmp_path, capsys):
    assert main(["index", "--index-dir", str(tmp_path / "index")]) == 0
    assert "28 đoạn" in capsys.readouterr().out
    assert main(["index", "--corpus", str(tmp_path / "missing"), "--index-dir", str(tmp_path / "i2")]) == 2
    assert "corpus directory not found" in capsys.readouterr().err


def test_help_lists_subcommands():
    text = build_parser().format_help()
    for name in ("ask", "index", "bench", "eval", "quiz"):
        assert name in text


def test_console_script_runs_in_a_fresh_process():
    out = subprocess.run([sys.executable, "-m", "qa", "--help"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0 and "ask" in out.stdout


def test_text_output_is_compact(tmp_path, capsys):
    assert main(["ask", "ai chịu trách nhiệm thể chế hóa?", "--index-dir", str(tmp_path / "index")]) == 0
    lines = capsys.readouterr().out.splitlines()
    # the task given to the one body by name (IV.1.1), and the one every body shares (III.10)
    assert lines[0].startswith("Trả lời: Đảng đoàn Quốc hội được giao riêng (IV.1.1); việc chung của các cấp ủy")
    assert lines[1].startswith("Nguồn: 03-KH/TW") and lines[1].endswith("· IV.1.1")
    assert lines[2].startswith("  «Thể chế hóa") and lines[3].startswith("Tham khảo thêm: III.10")


def test_text_output_says_how_an_accent_free_question_was_read(tmp_path, capsys):
    assert main(["ask", "ai chiu trach nhiem the che hoa", "--index-dir", str(tmp_path / "index")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Trả lời: Đảng đoàn Quốc hội") and "(IV.1.1)" in lines[0]
    assert lines[1] == "Câu hỏi được hiểu là: «ai chịu trách nhiệm thể chế hóa»"
