"""The bundled plan: a 20-item quiz on section III imports as strict GIFT, every item checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.corpus import load_corpus
from qa.quiz import QuizOptions, SelfCheck, export, generate_quiz, section_choices
from qa.quiz.export import read_csv, read_json
from qa.quiz.gift import parse_gift
from qa.quiz.model import BLANK, norm

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def plan():
    return load_corpus(CORPUS).clauses


def test_sections_of_the_plan(plan):
    assert [v for _, v in section_choices(plan)] == ["I", "II", "III", "IV"]


@pytest.mark.parametrize("seed", [7, 1, 2024])
def test_twenty_items_on_section_iii_parse_back_as_gift(plan, seed):
    result = generate_quiz(plan, QuizOptions(n=20, kinds=("mcq", "tf", "cloze"), sections=("III",), seed=seed))
    assert len(result.items) == 20
    assert {i.kind for i in result.items} == {"mcq", "tf", "cloze"}
    questions = parse_gift(export(result.items, "gift").text)
    assert [q.title for q in questions] == [i.id for i in result.items]
    by_ref = {c.ref: c for c in plan}
    check = SelfCheck(plan)
    for item, q in zip(result.items, questions):
        clause = by_ref[item.citation.ref]
        assert item.citation.ref.startswith("III")
        assert check.problems(item) == []
        quote = item.quote.strip("…")
        assert norm(quote) in norm(clause.text) or any(norm(quote) in norm(h) for h in clause.headings)
        assert f"«{item.quote}»" in item.explanation
        if item.kind == "cloze":
            assert q.kind == "missing_mc" and q.text.count(BLANK) == 1 and q.correct == (item.answer,)


def test_every_format_on_the_whole_plan(plan):
    result = generate_quiz(plan, QuizOptions(n=40, seed=3))
    assert len(result.items) == 40
    assert len(parse_gift(export(result.items, "gift").text)) == 40
    assert read_json(export(result.items, "json").text) == list(result.items)
    assert [r["id"] for r in read_csv(export(result.items, "csv").text)] == [i.id for i in result.items]
    aiken = export(result.items, "aiken")
    assert aiken.count + aiken.skipped == 40 and aiken.text.count("ANSWER: ") == aiken.count


def test_drops_on_the_plan_are_explained(plan):
    result = generate_quiz(plan, QuizOptions(n=80, seed=0))
    for d in result.dropped:
        assert d.reason.split(":")[0] in {
            "stem gives the answer away", "distractor supported by the clause",
            "answer not supported by the clause", "not enough distractors of the same kind",
            "no passage unique to the clause",
        }, d
