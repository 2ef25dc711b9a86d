"""GIFT (strict parser and escaping), Aiken rules, CSV and JSON round trips."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from qa.quiz import QuizOptions, export, generate_quiz
from qa.quiz.export import csv_header, read_csv, read_json
from qa.quiz.gift import GiftError, escape, parse_gift
from qa.quiz.model import TRUE_LABEL

from quiz_support import NASTY, nasty_items


@pytest.fixture
def result(clauses):
    r = generate_quiz(clauses, QuizOptions(n=24, seed=11))
    assert {i.kind for i in r.items} == {"mcq", "tf", "cloze"}
    return r


# --- the strict parser itself ---------------------------------------------------------------------


def test_escape_every_special_character():
    assert escape(NASTY) == r"a\~b\=c\#d\{e\}f\:g\\h"
    assert escape("hai\ndòng") == r"hai\ndòng"


def test_parser_reads_each_question_type():
    text = "\n".join([
        "// nguồn: III.8",
        "::mc::Câu hỏi?{",
        "=đúng#hay",
        "~sai",
        "####chung",
        "}",
        "",
        "::tf::Trời xanh.{T####vì thế}",
        "",
        "::sa::Hai cộng hai?{=bốn =4}",
        "",
        "::mw::Hà Nội là {=thủ đô ~thành phố nhỏ} của Việt Nam.",
    ])
    mc, tf, sa, mw = parse_gift(text)
    assert (mc.title, mc.text, mc.kind, mc.correct, mc.general_feedback, mc.comments) == (
        "mc", "Câu hỏi?", "mc", ("đúng",), "chung", ("nguồn: III.8",))
    assert mc.answers[0].feedback == "hay"
    assert (tf.kind, tf.truth, tf.general_feedback) == ("tf", True, "vì thế")
    assert (sa.kind, sa.correct) == ("short", ("bốn", "4"))
    assert (mw.kind, mw.text, mw.correct) == ("missing_mc", "Hà Nội là _____ của Việt Nam.", ("thủ đô",))


@pytest.mark.parametrize("bad, message", [
    ("::t::Có dấu = trong câu?{=a ~b}", "unescaped '='"),
    ("::t::Câu: hai chấm?{=a ~b}", "unescaped ':'"),
    ("::t::Câu?{=a ~b", "exactly one answer block"),
    ("::t::Câu?{=a ~b}{=c}", "exactly one answer block"),
    ("::t::Câu?{=a =b ~c}", "exactly one '=' answer"),
    ("::t::Câu?{~a ~b}", "exactly one '=' answer, has 0"),
    ("::t::Câu?{=a ~a}", "repeated answer"),
    ("::t::Câu?{=%50%a ~b}", "weights"),
    ("::t::Câu \\q?{=a ~b}", "unknown escape"),
    ("::t::Câu?{a ~b}", "must start with '=' or '~'"),
    ("::t Câu?{=a ~b}", "title not closed"),
    ("::::Câu?{=a ~b}", "empty title"),
    ("::t::{=a ~b}", "empty question text"),
    ("::t::Câu?{\n=a\n\n~b\n}", "exactly one answer block"),
    ("::t::Câu?{T}sau", "text after a true/false"),
    ("::t::Câu?{\n=a\n// chú thích\n~b\n}", "comment inside a question"),
])
def test_parser_is_strict(bad, message):
    with pytest.raises(GiftError, match=re.escape(message)):
        parse_gift(bad)


def test_special_characters_round_trip():
    items = nasty_items()
    qs = parse_gift(export(items, "gift").text)
    assert [q.title for q in qs] == ["01-x:y", "02-tf", "03-cz"]
    assert qs[0].text == f"Câu {NASTY}?" and set(a.text for a in qs[0].answers) == set(items[0].options)
    assert qs[0].correct == (f"đúng {NASTY}",) and qs[0].general_feedback == f"Giải thích {NASTY}"
    assert qs[1].text == f"Nhận định {NASTY}." and qs[1].truth is False and qs[1].general_feedback == "Sai: #1"
    assert qs[2].text == items[2].stem and qs[2].correct == ("B#2",)
    assert f"Nhãn {NASTY}" in qs[0].comments[0]


# --- exports of generated quizzes ---------------------------------------------------------------


def test_gift_parses_back_item_by_item(result):
    text = export(result.items, "gift").text
    qs = parse_gift(text)
    assert len(qs) == len(result.items)
    kinds = {"mcq": "mc", "tf": "tf", "cloze": "missing_mc"}
    for q, item in zip(qs, result.items):
        assert q.title == item.id
        assert q.kind == kinds[item.kind]
        assert q.text == item.stem
        assert q.general_feedback == item.explanation
        c = item.citation
        assert q.comments[0] == f"{c.doc} · {c.ref} · {c.label}"
        assert q.comments[1] == f"{item.kind} · {item.topic} · {item.difficulty}"
        if item.kind == "tf":
            assert q.truth is (item.answer == TRUE_LABEL)
        else:
            assert q.correct == (item.answer,)
            assert [a.text for a in q.answers] == list(item.options)


def test_aiken_follows_its_rules(result):
    out = export(result.items, "aiken")
    # Cloze items have options: they go out as multiple choice, the blank in the stem. Only tf is skipped.
    mcq = [i for i in result.items if i.kind in ("mcq", "cloze")]
    assert any(i.kind == "cloze" for i in mcq)
    assert (out.count, out.skipped) == (len(mcq), len([i for i in result.items if i.kind == "tf"]))
    blocks = out.text.strip("\n").split("\n\n")
    assert len(blocks) == len(mcq)
    for block, item in zip(blocks, mcq):
        lines = block.split("\n")
        stem, options, answer = lines[0], lines[1:-1], lines[-1]
        assert stem == item.stem and not re.match(r"^[A-Z][.)] ", stem)
        assert [re.match(r"^([A-Z])\. (.+)$", o).groups() for o in options] == [
            ("ABCDEFGH"[k], o) for k, o in enumerate(item.options)]
        m = re.fullmatch(r"ANSWER: ([A-Z])", answer)
        assert m and options["ABCDEFGH".index(m.group(1))] == f"{m.group(1)}. {item.answer}"
    assert out.text.endswith("\n") and "\n\n\n" not in out.text


def test_csv_round_trip(result):
    text = export(result.items, "csv").text
    data = text.encode("utf-8")
    assert data.decode("utf-8") == text and "Nhiệm vụ" in text
    header = next(csv.reader(io.StringIO(text)))
    assert header == csv_header(4)
    rows = read_csv(text)
    assert len(rows) == len(result.items)
    for row, item in zip(rows, result.items):
        assert (row["id"], row["kind"], row["topic"], row["difficulty"], row["stem"]) == (
            item.id, item.kind, item.topic, item.difficulty, item.stem)
        assert row["options"] == list(item.options) and row["answer"] == item.answer
        assert row["options"]["ABCD".index(row["answer_letter"])] == item.answer
        assert (row["doc"], row["ref"], row["label"], row["explanation"]) == (
            item.citation.doc, item.citation.ref, item.citation.label, item.explanation)


def test_json_round_trip(result):
    text = export(result.items, "json").text
    assert "Nhiệm vụ" in text  # real characters, not \\u escapes
    assert read_json(text) == list(result.items)
    assert json.loads(text)["count"] == len(result.items)


def test_unknown_format_names_the_value(result):
    with pytest.raises(ValueError, match="format must be one of gift, aiken, csv, json. Currently, the format is 'pdf'"):
        export(result.items, "pdf")
