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
