"""Independent GIFT check: gift-pegjs (a PEG grammar for Moodle GIFT, not our parser) reads our exports.

Our other tests read exports back with ``qa.quiz.gift``, which we also wrote; here a third
party's grammar must agree on every question's type, answers and escaping. Needs node and
gift-pegjs in tools/gift-check (``bash .ci/gift.sh``); without them the tests are skipped
and say why.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from qa.corpus import load_corpus
from qa.quiz import QuizOptions, export, generate_quiz
from qa.quiz.gift import GiftError, parse_gift
from qa.quiz.model import BLANK, TRUE_LABEL, QuizItem

from quiz_support import nasty_items

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
TOOL = ROOT / "tools" / "gift-check"
CHECK = TOOL / "check.js"
PEGJS = TOOL / "node_modules" / "gift-pegjs" / "package.json"
TIMEOUT = 60  # seconds; a parse of a 20-item quiz takes well under one
# gift-pegjs's type for each of our kinds, and whether its answers stand inside the text.
PEG_KIND = {"mcq": ("MC", False), "tf": ("TF", False), "cloze": ("MC", True)}


@pytest.fixture(scope="module")
def node() -> str:
    exe = shutil.which("node")
    if exe is None:
        pytest.skip("node is not on PATH: install Node.js 18+, then run bash .ci/gift.sh")
    if not PEGJS.is_file():
        pytest.skip(f"gift-pegjs is not installed in {TOOL.relative_to(ROOT)}: run bash .ci/gift.sh")
    return exe


@pytest.fixture(scope="module")
def plan():
    return load_corpus(CORPUS).clauses


def gift_pegjs(node: str, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([node, str(CHECK), str(path)], capture_output=True, text=True, encoding="utf-8",
                          timeout=TIMEOUT, cwd=ROOT)


def parsed(node: str, tmp_path: Path, text: str) -> list[dict]:
    path = tmp_path / "quiz.gift"
    path.write_text(text, encoding="utf-8")
    run = gift_pegjs(node, path)
    assert run.returncode == 0, f"gift-pegjs rejected our export:\n{run.stderr}"
    return json.loads(run.stdout)


def flat(text: str) -> str:
    """Our text as GIFT carries it: one line, single spaces (the exporter writes it so)."""
    return " ".join(text.split())


def blank_spaced(text: str) -> str:
    # gift-pegjs joins a missing-word stem as "before _____ after"; Moodle puts the blank where the braces stand.
    return re.sub(r"\s*_____\s*", f" {BLANK} ", text).strip()


def assert_same(items: list[QuizItem], questions: list[dict]) -> None:
    assert len(questions) == len(items)
    for item, q in zip(items, questions):
        kind, embedded = PEG_KIND[item.kind]
        assert (q["type"], q["embedded"], q["title"]) == (kind, embedded, item.id)
        assert blank_spaced(q["stem"]) == blank_spaced(flat(item.stem))
        assert q["globalFeedback"] == flat(item.explanation)
        correct = [a["text"] for a in q["answers"] if a["correct"]]
        if item.kind == "tf":
            assert q["isTrue"] == (item.answer == TRUE_LABEL)
            assert correct == ["TRUE" if item.answer == TRUE_LABEL else "FALSE"]
        else:
            assert correct == [flat(item.answer)]
            assert [a["text"] for a in q["answers"]] == [flat(o) for o in item.options]
            assert all(a["weight"] is None and a["feedback"] is None for a in q["answers"])


@pytest.mark.parametrize("seed", [7, 2024])
def test_gift_pegjs_reads_twenty_items_on_section_iii(node, plan, tmp_path, seed):
    result = generate_quiz(plan, QuizOptions(n=20, kinds=("mcq", "tf", "cloze"), sections=("III",), seed=seed))
    assert len(result.items) == 20 and {i.kind for i in result.items} == {"mcq", "tf", "cloze"}
    assert_same(list(result.items), parsed(node, tmp_path, export(result.items, "gift").text))


def test_gift_pegjs_unescapes_what_we_escape(node, tmp_path):
    items = nasty_items()
    assert_same(items, parsed(node, tmp_path, export(items, "gift").text))


@pytest.mark.parametrize("broken, line", [
    ("::t::Câu hỏi?{\n=đúng\n~sai\n", 4),  # answer block never closed
    ("// nguồn\n::t::Họp lúc 10:30?{=đúng ~sai}\n", 2),  # ':' not escaped
    ("::t::Câu hỏi?{=đúng ~sai} }\n", 1),  # stray '}'
])
def test_gift_pegjs_rejects_broken_gift_with_its_position(node, tmp_path, broken, line):
    path = tmp_path / "broken.gift"
    path.write_text(broken, encoding="utf-8")
    run = gift_pegjs(node, path)
    assert run.returncode == 1 and run.stdout == ""
    assert re.match(rf"{re.escape(str(path))}:{line}:\d+: Expected ", run.stderr), run.stderr
    with pytest.raises(GiftError):  # our strict parser refuses it too
        parse_gift(broken)


def test_check_without_gift_pegjs_says_how_to_install(node, tmp_path):
    lone = tmp_path / "check.js"  # no node_modules beside it
    shutil.copy(CHECK, lone)
    (tmp_path / "quiz.gift").write_text("::t::Câu hỏi?{T}\n", encoding="utf-8")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}  # no NODE_PATH, no ~/.node_modules
    run = subprocess.run([node, str(lone), str(tmp_path / "quiz.gift")], capture_output=True, text=True,
                         encoding="utf-8", timeout=TIMEOUT, cwd=tmp_path, env=env)
    assert run.returncode == 3 and "bash .ci/gift.sh" in run.stderr
