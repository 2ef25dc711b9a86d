"""The shipped question set: size, coverage of types, gold strings verbatim in the plan."""

from collections import Counter
from pathlib import Path

from qa.evaluation.dataset import TYPES, corpus_paragraphs, load_questions
from qa.evaluation.metrics import collapse

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "eval" / "questions.jsonl"
CORPUS = ROOT / "corpus" / "ke-hoach-03-KH-TW-2021.txt"


def test_question_file_is_complete_and_grounded():
    paragraphs = corpus_paragraphs(CORPUS.read_text(encoding="utf-8"))
    questions = load_questions(QUESTIONS, paragraphs)  # raises on any gold not in a paragraph
    assert len(questions) >= 150
    assert len({q.id for q in questions}) == len(questions)
    assert set(Counter(q.type for q in questions)) == set(TYPES)
    for q in questions:
        for g in q.gold:
            assert any(collapse(g) in p for p in paragraphs), (q.id, g)
    dev = sum(q.split == "dev" for q in questions) / len(questions)
    assert 0.28 <= dev <= 0.40


def test_question_file_is_nfc_utf8():
    import unicodedata

    raw = QUESTIONS.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", raw) == raw


USER_QUESTIONS = ROOT / "eval" / "user_questions.jsonl"
README = ROOT / "eval" / "README.md"


def test_user_question_set_composition_and_locked_test_split():
    import hashlib
    import re

    from qa.evaluation.dataset import STYLES
    from qa.evaluation.overlap import overlap_summary

    paragraphs = corpus_paragraphs(CORPUS.read_text(encoding="utf-8"))
    questions = load_questions(USER_QUESTIONS, paragraphs, strict=True)
    in_scope = [q for q in questions if q.in_scope]
    assert len(questions) >= 220 and len(in_scope) >= 150
    assert set(Counter(q.type for q in questions)) == set(TYPES)
    assert set(Counter(q.style for q in questions)) == set(STYLES)
    assert sum(not q.in_scope for q in questions) >= 45
    assert sum(q.style in ("nodiacritics", "typo") for q in questions) >= 25
    assert sum(q.style == "scenario" for q in questions) >= 15
    chains = [q for q in questions if q.history]
    assert len(chains) >= 12 and sum(len(q.history) == 2 for q in chains) >= 6
    assert 0.35 <= sum(q.split == "dev" for q in questions) / len(questions) <= 0.45
    assert overlap_summary(questions, paragraphs)["all"]["low_overlap"] >= 0.40
    raw = USER_QUESTIONS.read_text(encoding="utf-8")
    test_lines = "".join(line + "\n" for line in raw.splitlines() if '"split": "test"' in line)
    recorded = re.search(r"test split sha256: `([0-9a-f]{64})`", README.read_text(encoding="utf-8")).group(1)
    assert hashlib.sha256(test_lines.encode("utf-8")).hexdigest() == recorded


USER_QUESTIONS_2 = ROOT / "eval" / "user_questions_2.jsonl"


def test_third_set_loads_strictly_and_its_test_split_is_locked():
    import hashlib
    import re

    paragraphs = corpus_paragraphs(CORPUS.read_text(encoding="utf-8"))
    questions = load_questions(USER_QUESTIONS_2, paragraphs, strict=True)
    assert len(questions) == 195 and len({q.id for q in questions}) == 195
    assert sum(not q.in_scope for q in questions) == 71
    assert sum(q.split == "dev" for q in questions) == 77
    raw = USER_QUESTIONS_2.read_text(encoding="utf-8")
    test_lines = "".join(line + "\n" for line in raw.splitlines() if '"split": "test"' in line)
    recorded = re.search(r"third set's test split sha256: `([0-9a-f]{64})`",
                         README.read_text(encoding="utf-8")).group(1)
    assert hashlib.sha256(test_lines.encode("utf-8")).hexdigest() == recorded


USER_QUESTIONS_3 = ROOT / "eval" / "user_questions_3.jsonl"


def test_fourth_set_loads_strictly_and_its_test_split_is_locked():
    import hashlib
    import re

    from qa.evaluation.overlap import overlap_summary

    paragraphs = corpus_paragraphs(CORPUS.read_text(encoding="utf-8"))
    questions = load_questions(USER_QUESTIONS_3, paragraphs, strict=True)
    assert len(questions) == 256 and len({q.id for q in questions}) == 256
    assert sum(not q.in_scope for q in questions) == 87
    assert sum(q.split == "dev" for q in questions) == 102
    assert overlap_summary(questions, paragraphs)["all"]["low_overlap"] >= 0.40
    raw = USER_QUESTIONS_3.read_text(encoding="utf-8")
    test_lines = "".join(line + "\n" for line in raw.splitlines() if '"split": "test"' in line)
    recorded = re.search(r"fourth set's test split sha256: `([0-9a-f]{64})`",
                         README.read_text(encoding="utf-8")).group(1)
    assert hashlib.sha256(test_lines.encode("utf-8")).hexdigest() == recorded
