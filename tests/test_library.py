"""A library of documents (issue 9): loading without parsing, segments rebuilt one document at a
time, bounded coverage messages, and documents that share refs kept apart."""

from __future__ import annotations

import json

import pytest

from qa import Assistant, Config
from qa.ask.corpus_info import COVERAGE_DOCUMENTS


def _kl(number: int, body: str = "Ban Kinh tế Trung ương", task: str = "sơ kết mô hình hợp tác xã kiểu mới",
        when: str = "quý III/2024") -> str:
    return (f"KẾT LUẬN\nSố: {number}-KL/TW\n\nI- NHIỆM VỤ\n\n"
            f"1. {body} chủ trì {task} ({when}).\n\n2. Các cấp ủy quán triệt nội dung Kết luận.\n")


@pytest.fixture
def library(tmp_path, corpus_dir):
    (corpus_dir / "kl-99.txt").write_text(_kl(99), encoding="utf-8")
    return Config(corpus_dir=corpus_dir, index_dir=tmp_path / "index")


def _load(cfg, fake_embedder, segmenter, **kw):
    return Assistant.load(cfg, embedder=fake_embedder, segmenter=segmenter, **kw)


def test_a_current_index_loads_without_parsing(library, fake_embedder, segmenter, monkeypatch):
    first = _load(library, fake_embedder, segmenter)
    assert first.index_status.startswith("rebuilt")

    def no_parsing(*_a, **_k):
        raise AssertionError("parsed a document although the index is current")

    monkeypatch.setattr("qa.corpus.parse_text", no_parsing)
    monkeypatch.setattr("qa.ask.corpus_info.CorpusInfo.build", no_parsing)
    again = _load(library, fake_embedder, segmenter)
    assert again.index_status == "loaded"
    assert [d.doc_id for d in again.documents] == ["03-KH/TW", "99-KL/TW"]
    assert again.documents[0].truncated_after == "IV.1.2" and again.documents[0].title == first.documents[0].title
    assert again.coverage_message == first.coverage_message
    assert again._info.doc_freq == first._info.doc_freq and again._info.phrase_text == first._info.phrase_text
    assert again.ask("ai chịu trách nhiệm thể chế hóa?").citations[0].ref == "IV.1.1"


def test_adding_changing_removing_a_document_rebuilds_only_its_segment(library, fake_embedder, segmenter,
                                                                     monkeypatch):
    _load(library, fake_embedder, segmenter)
    parsed = []
    import qa.corpus

    real = qa.corpus.parse_text
    monkeypatch.setattr("qa.corpus.parse_text", lambda text, source="", **k: parsed.append(source) or real(text, source, **k))
    encoded = []
    real_encode = fake_embedder.encode_documents
    monkeypatch.setattr(fake_embedder, "encode_documents", lambda texts, **k: encoded.append(len(texts)) or real_encode(texts, **k))

    (library.corpus_dir / "kl-98.txt").write_text(_kl(98, task="tổng kết công tác dân vận"), encoding="utf-8")
    added = _load(library, fake_embedder, segmenter)
    assert "corpus changed" in added.index_status
    # its header and first item: section I and the second item are kl-99's texts word for word, whose
    # vectors the index already holds
    assert parsed == ["kl-98.txt"] and encoded == [2]
    manifest = added.index.manifest
    assert manifest["changes"] == {"added": ["kl-98.txt"], "changed": [], "removed": [], "kept": 2}
    assert [d["doc_id"] for d in manifest["documents"]] == ["03-KH/TW", "98-KL/TW", "99-KL/TW"]
    assert len(manifest["segments"]) == 3

    parsed.clear(), encoded.clear()
    (library.corpus_dir / "kl-99.txt").write_text(_kl(99, when="quý IV/2025"), encoding="utf-8")
    changed = _load(library, fake_embedder, segmenter)
    assert parsed == ["kl-99.txt"] and changed.index.manifest["changes"]["changed"] == ["kl-99.txt"]
    assert encoded == [1]  # only the item whose timing changed
    assert changed.ask("hợp tác xã kiểu mới sơ kết khi nào?").answer.startswith("Quý IV/2025")

    parsed.clear(), encoded.clear()
    (library.corpus_dir / "kl-98.txt").unlink()
    removed = _load(library, fake_embedder, segmenter)
    assert parsed == [] and encoded == []
    assert removed.index.manifest["changes"] == {"added": [], "changed": [], "removed": ["kl-98.txt"], "kept": 2}
    assert {c.doc_id for c in removed.clauses} == {"03-KH/TW", "99-KL/TW"}
    segments = sorted(p.name for p in (library.index_dir / "segments").iterdir())
    assert segments == sorted(removed.index.manifest["segments"])  # the dropped segment left no files


def test_a_damaged_segment_is_rebuilt_from_its_source(library, fake_embedder, segmenter):
    built = _load(library, fake_embedder, segmenter)
    seg = next(s for s, e in built.index.manifest["segments"].items() if e["source"] == "kl-99.txt")
    (library.index_dir / "segments" / seg / "vectors.npy").write_bytes(b"garbage")
    (library.corpus_dir / "kl-98.txt").write_text(_kl(98), encoding="utf-8")
    again = _load(library, fake_embedder, segmenter)
    assert {d.doc_id for d in again.documents} == {"03-KH/TW", "98-KL/TW", "99-KL/TW"}
    assert again.ask("Ai chủ trì sơ kết mô hình hợp tác xã kiểu mới?").citations[0].doc in {"98-KL/TW", "99-KL/TW"}


def test_a_bad_file_is_reported_after_a_load_without_parsing(library, fake_embedder, segmenter):
    (library.corpus_dir / "rong.txt").write_bytes(b"   \n")
    first = _load(library, fake_embedder, segmenter)
    again = _load(library, fake_embedder, segmenter)
    assert again.index_status == "loaded"
    assert any(p.startswith("rong.txt:") for p in again.corpus.problems) and \
        again.corpus.problems == first.corpus.problems


def test_coverage_is_bounded_and_names_the_closest_documents(tmp_path, corpus_dir, fake_embedder, segmenter):
    for n in range(40, 52):
        (corpus_dir / f"kl-{n}.txt").write_text(_kl(n, task=f"việc số {n}"), encoding="utf-8")
    a = _load(Config(corpus_dir=corpus_dir, index_dir=tmp_path / "index"), fake_embedder, segmenter)
    info = a._info
    assert info.coverage_message.startswith("Tài liệu hiện có 13 văn bản,")
    assert info.coverage_message.count("-KL/TW (") + info.coverage_message.count("03-KH/TW (") == COVERAGE_DOCUMENTS
    assert "03-KH/TW" in info.coverage_message and "bị cắt sau IV.1.2" in info.coverage_message  # the cut-off note
    near = info.coverage(["47-KL/TW"])
    assert near.index("47-KL/TW") < near.index("03-KH/TW") and "và 8 văn bản khác" in near
    assert all(f"{n}-KL/TW" in a.coverage_full() for n in range(40, 52))
    reply = a.ask("Bộ Công an có nhiệm vụ gì?")
    assert not reply.found and len(json.dumps(reply.to_dict(), ensure_ascii=False)) < 20_000
    assert "văn bản khác" in reply.message


# -- two documents with the same refs ------------------------------------------------------------

def _plan(number: int, task: str, body: str, when: str) -> str:
    return (f"KẾ HOẠCH\nSố: {number}-KH/TW\n\nI- MỤC ĐÍCH\n\n1. Quán triệt nghiêm túc nội dung kế hoạch.\n\n"
            f"II- YÊU CẦU\n\n1. Bảo đảm đúng tiến độ.\n\nIII- NHIỆM VỤ\n\n1. {body} chủ trì {task} ({when}).\n\n"
            "2. Các tỉnh ủy, thành ủy xây dựng chương trình hành động.\n")


@pytest.fixture
def twins(tmp_path, fake_embedder, segmenter):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(_plan(11, "tổng kết công tác cải cách hành chính", "Ban Tổ chức Trung ương",
                                        "quý II/2025"), encoding="utf-8")
    (corpus / "b.txt").write_text(_plan(12, "sơ kết chuyển đổi số trong cơ quan đảng", "Văn phòng Trung ương Đảng",
                                        "tháng 9/2026")
                                  + "\n3. Cơ quan đảng thực hiện theo Quyết định số 12-QĐ/CP, ngày 05/03/2020.\n",
                                  encoding="utf-8")
    return _load(Config(corpus_dir=corpus, index_dir=tmp_path / "index", retrieval_mode="lexical"),
                 fake_embedder, segmenter)


def test_citations_and_reader_keys_name_the_document(twins):
    a = twins
    assert a.clause("11-KH/TW", "III.1").text != a.clause("12-KH/TW", "III.1").text
    assert "cải cách hành chính" in a.clause("11-KH/TW", "III.1").text and a.clause("13-KH/TW", "III.1") is None
    reply = a.ask("Ai chủ trì sơ kết chuyển đổi số trong cơ quan đảng?")
    assert reply.found and (reply.citations[0].doc, reply.citations[0].ref) == ("12-KH/TW", "III.1")
    assert "Văn phòng Trung ương Đảng" in reply.answer
    keys = [(c.doc, c.ref) for c in reply.citations]
    assert len(keys) == len(set(keys))  # III.1 of each document is a different citation


def test_a_follow_up_keeps_the_document_of_the_earlier_turn(twins):
    first = twins.ask("Ai chủ trì sơ kết chuyển đổi số trong cơ quan đảng?")
    follow = twins.ask("còn thời hạn thì sao?", history=["Ai chủ trì sơ kết chuyển đổi số trong cơ quan đảng?"])
    assert (first.citations[0].doc, first.citations[0].ref) == ("12-KH/TW", "III.1")
    assert (follow.citations[0].doc, follow.citations[0].ref) == ("12-KH/TW", "III.1")
    assert follow.answer.startswith("Tháng 9/2026") and "quý II/2025" not in follow.answer


def test_a_document_filter_answers_from_those_documents_only(twins):
    question = "Ai chủ trì nhiệm vụ 1 của mục III?"
    for doc in ("11-KH/TW", "12-KH/TW"):
        reply = twins.ask(question, docs=[doc])
        assert reply.citations and {c.doc for c in reply.citations} == {doc}
        assert reply.citations[0].ref == "III.1"
    both = twins.ask(question, docs=["11-KH/TW", "12-KH/TW"])
    assert {c.doc for c in both.citations} == {"11-KH/TW", "12-KH/TW"}
    unknown = twins.ask(question, docs=["99-KH/TW"])
    assert unknown.kind == "invalid" and "99-KH/TW" in unknown.message
    assert twins.within("11-KH/TW") is twins.within(["11-KH/TW"])  # variants are cached, models shared


def test_a_document_filter_runs_in_the_dense_view_too(twins):
    hybrid = twins.with_options(retrieval_mode="dense")
    reply = hybrid.ask("chuyển đổi số", docs=["11-KH/TW"])
    assert reply.citations and {c.doc for c in reply.citations} == {"11-KH/TW"}


def test_a_cited_decision_keeps_its_own_issuer(twins):
    reply = twins.ask("Quyết định 12-QĐ/CP ban hành ngày nào?")
    assert "12-QĐ/CP" in reply.answer and "05/03/2020" in reply.answer and "/TW" not in reply.answer


def test_cli_doc_filter(twins, capsys):
    from qa.cli import main

    cfg = twins.config
    code = main(["ask", "Ai chủ trì nhiệm vụ 1 của mục III?", "--doc", "11-KH/TW", "--corpus", str(cfg.corpus_dir),
                 "--index-dir", str(cfg.index_dir), "--mode", "lexical", "--model", "fake-hash-16", "--json"])
    out = capsys.readouterr().out
    assert code == 0 and json.loads(out)["citations"][0]["doc"] == "11-KH/TW"


def test_above_the_exact_limit_the_dense_view_is_hnsw_and_filters_still_apply(twins, fake_embedder, segmenter,
                                                                               tmp_path):
    cfg = twins.config.replace(index_dir=tmp_path / "hnsw", dense_exact_max=5, retrieval_mode="dense")
    a = _load(cfg, fake_embedder, segmenter)
    assert a.index.manifest["dense_index"] == "IndexHNSWFlat" and hasattr(a.index.dense, "hnsw")
    reply = a.ask("chuyển đổi số", docs=["11-KH/TW"])
    assert reply.citations and {c.doc for c in reply.citations} == {"11-KH/TW"}
    exact = twins.with_options(retrieval_mode="dense").ask("chuyển đổi số")
    assert reply.citations[0].doc == "11-KH/TW" and exact.citations


def test_the_embedded_backend_ranks_like_a_stable_sort():
    import numpy as np

    from qa.backends.embedded import top_rows

    rng = np.random.default_rng(0)
    for _ in range(500):
        scores = rng.integers(0, 4, size=int(rng.integers(1, 60))).astype(float)
        k = int(rng.integers(1, 30))
        order = np.argsort(-scores, kind="stable")
        assert top_rows(scores, k) == [int(i) for i in order[:k] if scores[i] > 0]


def test_an_updated_index_equals_a_fresh_build_of_the_same_corpus(tmp_path, library, fake_embedder, segmenter):
    import numpy as np

    from qa.index import CLAUSES, MAPS

    _load(library, fake_embedder, segmenter)
    (library.corpus_dir / "kl-98.txt").write_text(_kl(98, task="tổng kết công tác dân vận"), encoding="utf-8")
    (library.corpus_dir / "kl-97.txt").write_text(_kl(97, body="Ban Tuyên giáo Trung ương"), encoding="utf-8")
    _load(library, fake_embedder, segmenter)
    (library.corpus_dir / "kl-99.txt").unlink()  # a removed document between kept ones
    (library.corpus_dir / "kl-97.txt").write_text(_kl(97, when="quý IV/2025"), encoding="utf-8")  # a changed one
    updated = _load(library, fake_embedder, segmenter)
    assert updated.index.manifest["changes"]["removed"] == ["kl-99.txt"]
    fresh = _load(library.replace(index_dir=tmp_path / "fresh"), fake_embedder, segmenter, rebuild=True)
    for name in (CLAUSES, MAPS):
        assert (library.index_dir / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
    assert updated.clauses == fresh.clauses and updated.index.maps == fresh.index.maps
    n = updated.index.dense.ntotal
    assert np.array_equal(updated.index.dense.reconstruct_n(0, n), fresh.index.dense.reconstruct_n(0, n))
    for view in ("bm25_accented", "bm25_folded"):
        a, b = getattr(updated.index, view), getattr(fresh.index, view)
        assert sorted(a.terms) == sorted(b.terms)
        for q in (["ban"], ["ke", "hoach", "ke"], a.terms[:7], ["quý", "IV/2025"]):
            assert np.array_equal(a.get_scores(q), b.get_scores(q))
    question = "Ban Kinh tế Trung ương chủ trì việc gì?"
    assert updated.ask(question).to_dict() == fresh.ask(question).to_dict()
