"""The quality review: exact results for each rule, cut positions, phrase types, and 30-item quizzes on the plan."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from qa.corpus import load_corpus
from qa.quiz import KINDS, Caps, Problem, QualityCheck, QuizOptions, generate_quiz, review_quiz
from qa.quiz.balance import template_of
from qa.quiz.cuts import Cuts
from qa.quiz.generate import Generator
from qa.quiz.lexicon import Lexicon, LexiconError, phrase_type

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
WIDE = Caps(per_clause=99, per_template=99)


def build(clauses, kind, topic, ref, item_id, seed=1, index=0):
    gen = Generator(clauses, QuizOptions())
    found = [c for c in gen.candidates(gen.content, KINDS) if (c.kind, c.topic, c.clause.ref) == (kind, topic, ref)]
    item = found[index].build(random.Random(seed))
    assert not isinstance(item, str), item
    return replace(item, id=item_id)


# --- cut positions and phrase types ---------------------------------------------------------


def test_cuts_never_fall_inside_a_name_a_fixed_phrase_or_a_hyphened_pair():
    text = "Ban Chấp hành Trung ương Đảng đối với Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư; phòng, chống tham nhũng"
    cuts = Cuts(text)
    starts = [text[i:].split()[0] for i in cuts.starts()]
    assert starts == ["Ban", "đối", "Ủy", "phòng,"]
    ends = [text[:j].split()[-1] for j in cuts.ends()]
    assert ends == ["Đảng", "trị", "thư", "nhũng"]
    assert not cuts.can_start(text.index("hành"))  # inside «Ban Chấp hành Trung ương Đảng»
    assert not cuts.can_end(text.index(", chống"))  # inside «phòng, chống»
    pair = "bảo đảm quốc phòng - an ninh, tăng cường quan hệ đối ngoại"
    assert not Cuts(pair).can_end(pair.index(" an ninh") - 2)  # «quốc phòng -|»
    assert Cuts(pair).can_end(pair.index(","))


def test_phrase_types():
    assert [phrase_type(v) for v in (
        "Ban Tuyên giáo Trung ương", "Bộ Chính trị, Ban Bí thư", "tháng 12/2021 - 01/2022", "thực hiện thường xuyên",
        "kiểm soát quyền lực", "phiếu tín nhiệm", "tự chuyển hóa", "Nhiệm vụ 3",
    )] == ["body", "body", "timing", "timing", "verb", "noun", "ill", ""]


def test_lexicon_rejects_a_bad_row(tmp_path):
    path = tmp_path / "phrases.tsv"
    path.write_text("verb\tnêu gương\nadverb\tkịp thời\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"phrases.tsv:2: expected kind<TAB>phrase .* Currently, the row is "
                                           r"'adverb\\tkịp thời'"):
        Lexicon.read(path)


# --- each rule, exact -----------------------------------------------------------------------


def test_cut_rule(clauses):
    check = QualityCheck(clauses)
    item = build(clauses, "mcq", "timing", "III.8", "q1")
    assert check.item_problems(item) == []
    bad = replace(item, quote="…nâng cao chất lượng, hiệu quả công tác phòng…")
    assert check.item_problems(bad) == [
        Problem("q1", "cut", "starts mid-phrase: «iếp tục đẩy mạnh và |nâng cao chất lượng,» (III.8)"),
        Problem("q1", "cut", "ends mid-phrase: «u quả công tác phòng|, chống tham nhũng, » (III.8)"),
    ]
    mid_name = replace(item, stem="Theo Kế hoạch 03-KH/TW, việc «Tuyên giáo Trung ương chủ trì» (II.2) được giao cho ai?")
    assert check.item_problems(mid_name) == [
        Problem("q1", "cut", "starts mid-phrase: «Ban |Tuyên giáo Trung ươn» (II.2)"),
        Problem("q1", "cut", "ends mid-phrase: «o Trung ương chủ trì| phối hợp với Ban Tổ» (II.2)"),
    ]


def test_phrase_type_rule(clauses):
    check = QualityCheck(clauses)
    item = build(clauses, "cloze", "term", "III.8", "q2")
    assert item.answer == "kiểm soát quyền lực" and check.item_problems(item) == []
    at = next(i for i, o in enumerate(item.options) if o != item.answer)
    options = list(item.options)
    options[at] = "tự chuyển hóa"
    bad = replace(item, options=tuple(options))
    assert check.item_problems(bad) == [
        Problem("q2", "phrase-type", "distractor «tự chuyển hóa» is ill, the key «kiểm soát quyền lực» is verb")]
    options[at] = "Nhiệm vụ 3"
    assert check.item_problems(replace(item, options=tuple(options))) == [
        Problem("q2", "phrase-type", "distractor «Nhiệm vụ 3» is of no known type, the key «kiểm soát quyền lực» is verb")]


def test_clause_and_template_cap_rules(clauses):
    a = build(clauses, "mcq", "timing", "III.8", "a")
    b = build(clauses, "tf", "timing", "III.8", "b")
    c = build(clauses, "cloze", "timing", "III.8", "c")
    d = build(clauses, "mcq", "timing", "III.4", "d")
    review = QualityCheck(clauses).review([a, b, c, d], Caps(per_clause=2, per_template=3))
    assert review.problems == (
        Problem("c", "clause-cap", "item 3 citing III.8 (cap 2)"),
        Problem("d", "template-cap", "item 4 asking deadline (cap 3)"),
    )
    assert review.counts() == {"cut": 0, "clause-cap": 1, "template-cap": 1, "phrase-type": 0, "duplicate-stem": 0}
    assert not review.ok


def test_duplicate_stem_rule(clauses):
    a = build(clauses, "mcq", "timing", "III.8", "a", seed=1)
    b = replace(build(clauses, "mcq", "timing", "III.8", "b", seed=2))
    review = QualityCheck(clauses).review([a, b], WIDE)
    assert review.problems == (Problem("b", "duplicate-stem", "same stem as a"),)
    # Statement items share one stem by design: they differ by their answer.
    s1 = build(clauses, "mcq", "statement", "III.8", "s1")
    s2 = build(clauses, "mcq", "statement", "III.4", "s2")
    assert QualityCheck(clauses).review([s1, s2], WIDE).problems == ()


def test_template_of_a_statement_is_what_it_states(clauses):
    items = [build(clauses, "mcq", "statement", "II.2", "s", index=i) for i in (0, 1)]
    assert [template_of(i) for i in items] == ["deadline", "who"]


# --- generation keeps to the caps ----------------------------------------------------------------


def test_caps_for_quiz():
    assert Caps.for_quiz(QuizOptions(n=30), n_clauses=20, n_templates=4) == Caps(2, 10)
    assert Caps.for_quiz(QuizOptions(n=10), n_clauses=20, n_templates=4) == Caps(1, 4)
    assert Caps.for_quiz(QuizOptions(n=9, max_per_clause=2, max_template_share=0.5), 20, 2) == Caps(2, 5)


def test_generation_on_hand_made_clauses_keeps_to_its_caps(clauses):
    result = generate_quiz(clauses, QuizOptions(n=12, seed=4))
    assert len(result.items) == 12 and result.caps == Caps(per_clause=1, per_template=4)
    assert max(Counter(i.citation.ref for i in result.items).values()) == 1
    assert review_quiz(result.items, clauses, result.caps).counts()["clause-cap"] == 0


# --- the bundled plan: 30 items, three seeds, no problem --------------------------------------------


@pytest.fixture(scope="module")
def plan():
    return load_corpus(CORPUS).clauses


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_thirty_items_pass_the_review(plan, seed):
    result = generate_quiz(plan, QuizOptions(n=30, seed=seed))
    assert len(result.items) == 30
    assert result.caps == Caps(per_clause=2, per_template=10)  # 30 items over 20 clauses: 2 each at most
    review = review_quiz(result.items, plan, result.caps)
    assert review.counts() == {"cut": 0, "clause-cap": 0, "template-cap": 0, "phrase-type": 0, "duplicate-stem": 0}
    templates = Counter(template_of(i) for i in result.items)
    assert set(templates) == {"deadline", "who", "where", "term"} and max(templates.values()) <= 10
    assert {i.citation.ref.split(".")[0] for i in result.items} == {"I", "II", "III", "IV"}
