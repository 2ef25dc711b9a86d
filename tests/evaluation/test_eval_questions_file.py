"""The shipped question set: size, coverage of types, gold strings verbatim in the plan."""

from collections import Counter
from pathlib import Path

import pytest

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


def _test_split_sha(path: Path, split: str = "test") -> str:
    """sha256 of a set's lines of one split (the test split) as written, each ending in a newline."""
    import hashlib

    raw = path.read_text(encoding="utf-8")
    return hashlib.sha256("".join(line + "\n" for line in raw.splitlines() if f'"split": "{split}"' in line)
                          .encode("utf-8")).hexdigest()


def _recorded_sha(label: str) -> str:
    """The test split sha256 eval/README.md records after ``label`` ("third set's test split sha256")."""
    import re

    return re.search(rf"{re.escape(label)}: `([0-9a-f]{{64}})`", README.read_text(encoding="utf-8")).group(1)


def test_user_question_set_composition_and_locked_test_split():
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
    assert _test_split_sha(USER_QUESTIONS) == _recorded_sha("test split sha256")


@pytest.mark.parametrize("name, n, out_of_scope, dev, chains, low_overlap, sha_label", [
    ("user_questions_2", 195, 71, 77, None, None, "third set's test split sha256"),
    ("user_questions_3", 256, 87, 102, None, 0.40, "fourth set's test split sha256"),
    ("user_questions_4", 354, 122, 129, (28, 6), 0.40, "fifth set's test split sha256"),
    ("user_questions_5", 368, 139, 0, (36, 9), 0.40, "sixth set's test split sha256"),
    ("user_questions_6", 857, 323, 857, (75, 12), 0.40, "seventh set's dev split sha256"),
    ("user_questions_7", 860, 298, 860, (69, 17), 0.40, "eighth set's dev split sha256"),
    ("user_questions_8", 834, 298, 834, (74, 8), 0.40, "ninth set's dev split sha256"),
    ("user_questions_9", 757, 297, 757, (66, 13), 0.40, "tenth set's dev split sha256"),
    ("user_questions_10", 865, 397, 865, (71, 31), None, "eleventh set's dev split sha256"),
    ("user_questions_11", 855, 363, 0, (72, 31), None, "twelfth set's test split sha256"),
    ("user_questions_12", 843, 407, 843, (70, 31), None, "thirteenth set's dev split sha256"),
    ("user_questions_13", 856, 393, 0, (69, 29), None, "fourteenth set's test split sha256"),
    ("user_questions_14", 868, 408, 868, (72, 33), None, "fifteenth set's dev split sha256"),
    ("user_questions_15", 881, 388, 881, (72, 28), None, "sixteenth set's dev split sha256"),
    ("user_questions_16", 860, 344, 860, (88, 39), 0.40, "seventeenth set's dev split sha256"),
    ("user_questions_17", 900, 351, 900, (85, 40), 0.37, "eighteenth set's dev split sha256"),
    ("user_questions_18", 884, 351, 884, (91, 39), 0.38, "nineteenth set's dev split sha256"),
    ("user_questions_19", 866, 344, 866, (86, 39), 0.40, "twentieth set's dev split sha256"),
    ("user_questions_20", 905, 356, 905, (89, 39), 0.36, "twenty-first set's dev split sha256"),
    ("user_questions_21", 898, 354, 898, (82, 36), 0.40, "twenty-second set's dev split sha256"),
    ("user_questions_22", 891, 352, 891, (92, 45), 0.38, "twenty-third set's dev split sha256"),
    ("user_questions_23", 854, 333, 854, (94, 42), 0.38, "twenty-fourth set's dev split sha256"),
    ("user_questions_24", 870, 347, 870, (98, 40), 0.37, "twenty-fifth set's dev split sha256"),
    ("user_questions_25", 846, 339, 846, (89, 42), 0.38, "twenty-sixth set's dev split sha256"),
    ("user_questions_26", 869, 340, 869, (82, 44), 0.38, "twenty-seventh set's dev split sha256"),
    ("user_questions_27", 872, 340, 872, (88, 38), 0.37, "twenty-eighth set's dev split sha256"),
    ("user_questions_28", 838, 306, 838, (87, 7), 0.29, "twenty-ninth set's dev split sha256"),
    ("user_questions_29", 824, 267, 824, (80, 11), 0.37, "thirtieth set's dev split sha256"),
    ("user_questions_30", 850, 318, 850, (90, 10), 0.28, "thirty-first set's dev split sha256"),
    ("user_questions_31", 847, 297, 847, (82, 6), 0.30, "thirty-second set's dev split sha256"),
    ("user_questions_32", 839, 283, 839, (85, 10), 0.34, "thirty-third set's dev split sha256"),
    ("user_questions_33", 925, 292, 925, (99, 30), 0.40, "thirty-fourth set's dev split sha256"),
    ("user_questions_34", 912, 289, 451, (111, 32), 0.40, "thirty-fifth set's test split sha256"),
    ("user_questions_35", 758, 231, 394, (87, 26), 0.39, "thirty-sixth set's test split sha256"),
    ("user_questions_36", 724, 232, 357, (83, 18), 0.40, "thirty-seventh set's test split sha256"),
    ("user_questions_37", 748, 254, 371, (98, 38), 0.39, "thirty-eighth set's test split sha256"),
    ("user_questions_38", 796, 223, 391, (88, 30), 0.41, "thirty-ninth set's test split sha256"),
    ("user_questions_39", 788, 232, 405, (61, 24), 0.31, "fortieth set's test split sha256"),
    ("user_questions_40", 748, 211, 362, (85, 38), 0.42, "forty-first set's test split sha256"),
])
def test_a_later_set_loads_strictly_and_its_test_split_is_locked(name, n, out_of_scope, dev, chains, low_overlap,
                                                                 sha_label):
    from qa.evaluation.overlap import overlap_summary

    path = ROOT / "eval" / f"{name}.jsonl"
    paragraphs = corpus_paragraphs(CORPUS.read_text(encoding="utf-8"))
    questions = load_questions(path, paragraphs, strict=True)
    assert len(questions) == n and len({q.id for q in questions}) == n
    assert sum(not q.in_scope for q in questions) == out_of_scope
    assert sum(q.split == "dev" for q in questions) == dev
    if chains is not None:  # (chains, of them with three turns)
        assert (sum(bool(q.history) for q in questions), sum(len(q.history) == 2 for q in questions)) == chains
    if low_overlap is not None:
        assert overlap_summary(questions, paragraphs)["all"]["low_overlap"] >= low_overlap
    assert _test_split_sha(path, "dev" if dev == n else "test") == _recorded_sha(sha_label)
