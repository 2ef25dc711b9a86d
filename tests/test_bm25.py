"""The mergeable BM25 view scores as bm25s does, bit for bit, and merges as a fresh build."""

from __future__ import annotations

import random

import numpy as np
import pytest

from qa.bm25 import BM25View

DOCS = [["thể", "chế", "hóa", "kết", "luận", "thể"], ["cán", "bộ", "chế", "độ"], ["ở", "ý", "thể"],
        ["kết", "luận", "21", "kết"], ["đảng", "viên", "cán", "bộ", "ở"]]


def _queries(terms, n=200, seed=3):
    rng = random.Random(seed)
    out = [[rng.choice(terms) for _ in range(rng.randint(1, 6))] for _ in range(n)]
    return out + [["không-có"], ["thể", "không-có", "thể"]]


def test_scores_equal_bm25s_bit_for_bit():
    import bm25s

    reference = bm25s.BM25(k1=1.2, b=0.75)
    reference.index(DOCS, show_progress=False)
    view = BM25View.from_tokens(DOCS, k1=1.2, b=0.75)
    for q in _queries(view.terms):
        assert np.array_equal(np.asarray(reference.get_scores(q)), view.get_scores(q)), q


def test_merge_of_kept_rows_and_new_tokens_equals_a_fresh_build():
    old = BM25View.from_tokens(DOCS[:3] + [["bỏ", "đi"]] + DOCS[3:4], k1=1.5, b=0.75)
    merged = BM25View.merge([("view", old, range(0, 3)), ("view", old, range(4, 5)), ("tokens", DOCS[4:])],
                            k1=1.5, b=0.75)
    fresh = BM25View.from_tokens(DOCS, k1=1.5, b=0.75)
    assert sorted(merged.terms) == sorted(fresh.terms) and "bỏ" not in merged.terms  # removed rows' terms go
    for q in _queries(fresh.terms):
        assert np.array_equal(merged.get_scores(q), fresh.get_scores(q)), q


def test_save_and_load_round_trip(tmp_path):
    view = BM25View.from_tokens(DOCS, k1=1.2, b=0.75)
    view.save(tmp_path / "v")
    assert (tmp_path / "v" / "vocab.json").read_text(encoding="utf-8").startswith('["thể", "chế"')
    again = BM25View.load(tmp_path / "v")
    assert again.terms == view.terms and np.array_equal(again.get_scores(["ở", "thể"]), view.get_scores(["ở", "thể"]))
    assert again.get_scores(["ở"]).tolist() == pytest.approx([0.0, 0.0, 0.4575, 0.0, 0.3769], abs=1e-4)  # ln 2.4 · tf part


def test_an_empty_view_scores_nothing():
    view = BM25View.from_tokens([], k1=1.2, b=0.75)
    assert view.num_docs == 0 and view.get_scores(["thể"]).tolist() == []


def test_a_common_term_added_as_a_dense_column_scores_the_same(monkeypatch):
    import qa.bm25

    docs = DOCS * 4  # "thể" in 12 of 20 rows, "ý" in 4
    sparse = BM25View.from_tokens(docs, k1=1.2, b=0.75)
    expected = {tuple(q): sparse.get_scores(q) for q in _queries(sparse.terms, n=50)}
    monkeypatch.setattr(qa.bm25, "DENSE_SHARE", 100)  # every term dense
    dense = BM25View.from_tokens(docs, k1=1.2, b=0.75)
    for q, scores in expected.items():
        assert np.array_equal(dense.get_scores(list(q)), scores), q
    assert dense._columns  # the columns were used and kept


def test_warming_builds_the_common_terms_columns_and_changes_no_score(monkeypatch):
    import qa.bm25

    docs = DOCS * 4 + [["thể", "ý"]] * 2  # "thể" in 10 of 22 rows, six more terms in 8, "ý" in 6
    view = BM25View.from_tokens(docs, k1=1.2, b=0.75)
    expected = {tuple(q): view.get_scores(q) for q in _queries(view.terms, n=50)}
    monkeypatch.setattr(qa.bm25, "DENSE_SHARE", 4)  # dense: a term in a quarter of the rows or more
    monkeypatch.setattr(qa.bm25, "DENSE_BYTES", 2 * 22 * 4)  # room for two columns
    warm = BM25View.from_tokens(docs, k1=1.2, b=0.75)
    warm.warm_up()
    # the most common term, then the first used of those tied second
    assert [warm.terms[i] for i in warm._columns] == ["thể", "chế"]
    for q, scores in expected.items():
        assert np.array_equal(warm.get_scores(list(q)), scores), q
    # the other common terms were scattered, not kept: the bound holds
    assert [warm.terms[i] for i in warm._columns] == ["thể", "chế"]
