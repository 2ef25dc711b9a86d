"""The hostile inputs through ``qa ask``: in-process for the table, real processes for raw argv bytes.

In-process runs reuse the session assistant (``Assistant.load`` is patched), so the
CLI's own parsing, printing and exit codes are what is tested; the subprocess runs
load the real index the session built.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from qa.cli import main
from tests.robustness.hostile import CASES, WHO, Clean, check, tally

ROOT = Path(__file__).resolve().parents[2]
CLI_CASES = [c for c in CASES if "cli" in c.doors]
PROCESS_TIMEOUT_S = 240


@pytest.fixture
def cli(assistant, monkeypatch, capsys):
    monkeypatch.setattr("qa.assistant.Assistant.load", classmethod(lambda cls, *a, **k: assistant))

    def run(question: str, history=()) -> tuple[int, dict, str]:
        argv = ["ask", "--json"]
        for h in history:
            argv += ["--history", h]
        code = main(argv + ["--", question])
        out = capsys.readouterr()
        return code, json.loads(out.out), out.err

    return run


def test_there_are_at_least_forty():
    assert len(CLI_CASES) >= 40


@pytest.mark.parametrize("case", CLI_CASES, ids=lambda c: c.id)
def test_hostile_argument(cli, case):
    with tally("cli") as outcome:
        history = [case.history] if isinstance(case.history, str) else list(case.history or [])
        code, reply, err = cli(case.question, history)
        assert "Traceback" not in err
        clean = cli(case.expect.question, list(case.expect.history))[1] if isinstance(case.expect, Clean) else {}
        outcome.append(check(reply, case, clean))
        assert code == (1 if reply["kind"] == "invalid" else 0)


def _qa(*args: bytes, index_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa", "ask", *args, b"--index-dir", bytes(index_dir)],
                          capture_output=True, cwd=ROOT, timeout=PROCESS_TIMEOUT_S)


@pytest.mark.parametrize("arg, code, stream, expected", [
    (b"ai \xff\xfe ch\xe1\xbb\x8bu", 2, "stderr", "qa: Câu hỏi không phải văn bản UTF-8 (byte 0xff ở vị trí 4)"),
    (b"\xc0\xaf\xc0\xaf", 2, "stderr", "qa: Câu hỏi không phải văn bản UTF-8 (byte 0xc0 ở vị trí 1)"),
    (WHO.encode(), 0, "stdout", "Trả lời: Đảng đoàn Quốc hội được giao riêng (IV.1.1);"),
    (b"   ", 1, "stdout", "Ghi chú: Vui lòng nhập câu hỏi"),
], ids=["invalid-utf8", "overlong-utf8", "clean", "blank"])
def test_real_argv_bytes(assistant, arg, code, stream, expected):
    with tally("cli-process") as outcome:
        out = _qa(arg, index_dir=assistant.config.index_dir)
        text = getattr(out, stream).decode("utf-8")
        assert "Traceback" not in out.stderr.decode("utf-8", "replace")
        assert out.returncode == code and expected in text, (out.returncode, out.stdout[-500:], out.stderr[-500:])
        outcome.append("clean" if code == 0 else "message")


def test_bad_history_argv_bytes_are_named(assistant):
    with tally("cli-process") as outcome:
        out = _qa(WHO.encode(), b"--history", b"\xff", index_dir=assistant.config.index_dir)
        assert out.returncode == 2 and b"Traceback" not in out.stderr
        assert "byte 0xff" in out.stderr.decode("utf-8")
        outcome.append("message")
