"""`qa quiz`: writes a file or stdout, reports drops on stderr, rejects bad options with exit code 2."""

from __future__ import annotations

import json

import pytest

from qa.cli import main
from qa.quiz.gift import parse_gift


def test_writes_a_gift_file(tmp_path, capsys):
    out = tmp_path / "quiz.gift"
    rc = main(["quiz", "--n", "6", "--kinds", "mcq,tf,cloze", "--sections", "III,IV", "--seed", "7",
               "--format", "gift", "-o", str(out)])
    assert rc == 0
    questions = parse_gift(out.read_text(encoding="utf-8"))
    assert len(questions) == 6
    assert all(q.comments[0].split(" · ")[1].startswith(("III.", "IV.")) for q in questions)
    err = capsys.readouterr().err
    assert "kept 6 of 6 requested item(s)" in err and f"wrote 6 item(s) to {out}" in err


def test_prints_to_stdout_without_output(capsys):
    assert main(["quiz", "--n", "3", "--kinds", "mcq", "--seed", "1", "--format", "json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["count"] == 3 and {i["kind"] for i in data["items"]} == {"mcq"}
    assert "kept 3 of 3" in captured.err


def test_same_seed_same_file(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    for path in (a, b):
        assert main(["quiz", "--n", "8", "--seed", "5", "--format", "csv", "-o", str(path)]) == 0
    assert a.read_bytes() == b.read_bytes()


def test_aiken_reports_skipped_items(capsys):
    assert main(["quiz", "--n", "6", "--kinds", "mcq,tf", "--seed", "2", "--format", "aiken"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("ANSWER: ") == 3
    assert "aiken: skipped 3 item(s) that are not multiple choice" in captured.err


@pytest.mark.parametrize("argv, message", [
    (["--kinds", "mcq,essay"], "argument --kinds: must be a comma-separated list of mcq, tf, cloze. Currently, it is 'mcq,essay'"),
    (["--n", "0"], "argument --n: must be greater than 0. Currently, it is 0"),
    (["--n", "many"], "argument --n: must be a whole number. Currently, it is 'many'"),
    (["--seed", "x"], "argument --seed: must be a whole number. Currently, it is 'x'"),
    (["--format", "pdf"], "argument --format: invalid choice: 'pdf'"),
])
def test_bad_option_values_exit_2(argv, message, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["quiz", *argv])
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_unknown_section_exits_2(capsys):
    assert main(["quiz", "--sections", "III,IX"]) == 2
    err = capsys.readouterr().err
    assert "qa quiz: error: sections must be among I, II, III, IV. Currently, the sections has 'IX'" in err


def test_missing_corpus_exits_2(tmp_path, capsys):
    assert main(["quiz", "--corpus", str(tmp_path / "nowhere")]) == 2
    assert "corpus directory not found" in capsys.readouterr().err


def test_check_reviews_every_item(capsys):
    assert main(["quiz", "--n", "30", "--seed", "3", "--format", "json", "--check"]) == 0
    err = capsys.readouterr().err
    assert ("review: 30 item(s), 0 problem(s) (cut 0, clause-cap 0, template-cap 0, phrase-type 0, "
            "duplicate-stem 0); caps: 2 per clause, 10 per template") in err


def test_aiken_exports_cloze_items_as_multiple_choice(capsys):
    assert main(["quiz", "--n", "4", "--kinds", "cloze", "--seed", "1", "--format", "aiken"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("ANSWER: ") == 4 and captured.out.count("_____") == 4
    assert "skipped" not in captured.err
