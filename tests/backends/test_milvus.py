"""The Milvus backend against a real ``milvus-lite server`` on a loopback port (skipped without it)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "corpus" / "ke-hoach-03-KH-TW-2021.txt"
START_SECONDS = 20.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _binary() -> str | None:
    beside = Path(sys.executable).parent / "milvus-lite"
    return str(beside) if beside.is_file() else shutil.which("milvus-lite")


class LiteServer:
    """``milvus-lite server`` as a child process, stopped by its own pid."""

    def __init__(self, binary: str, data_dir: Path, port: int) -> None:
        self.binary, self.data_dir, self.port = binary, data_dir, port
        self.uri = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        from pymilvus import MilvusClient

        log = open(self.data_dir.parent / f"milvus-{self.port}.log", "ab")
        self.proc = subprocess.Popen([self.binary, "server", "--data-dir", str(self.data_dir),
                                      "--host", "127.0.0.1", "--port", str(self.port)],
                                     stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + START_SECONDS
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"milvus-lite server exited with {self.proc.returncode}")
            try:
                MilvusClient(uri=self.uri, timeout=2).list_collections()
                return
            except Exception:  # noqa: BLE001 - not up yet
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"milvus-lite server did not answer within {START_SECONDS:.0f} s")
                time.sleep(0.2)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.kill(self.proc.pid, sig)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(15)


@pytest.fixture(scope="session")
def milvus_server(tmp_path_factory):
    try:
        import pymilvus  # noqa: F401
    except ImportError:
        pytest.skip("pymilvus is not installed (pip install -e '.[dev]')")
    binary = _binary()
    if binary is None:
        pytest.skip("the milvus-lite server binary is not installed (pip install milvus-lite)")
    data_dir = tmp_path_factory.mktemp("milvus") / "data"
    data_dir.mkdir()
    server = LiteServer(binary, data_dir, _free_port())
    try:
        server.start()
    except (RuntimeError, OSError) as exc:
        pytest.skip(f"milvus-lite server could not start: {exc}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def milvus_assistant(assistant, milvus_server, segmenter):
    """The bundled plan through Milvus: the embedded assistant's index and models, loaded into a collection."""
    from qa import Assistant

    config = assistant.config.replace(backend="milvus", milvus_uri=milvus_server.uri, milvus_collection="plan")
    return Assistant.load(config, embedder=assistant.embedder, segmenter=segmenter, sync=True)


def _dev_questions():
    from qa.evaluation.dataset import load_questions, select_split

    return select_split(load_questions(ROOT / "eval" / "questions.jsonl"), "dev")


def _records(assistant, questions, name):
    from qa.evaluation.runner import score_reply

    out = []
    for q in questions:
        reply = assistant.ask(q.text, history=list(q.history))
        out.append((reply, score_reply(q, reply, name, 0.0)))
    return out


def _top(reply):
    return (reply.citations[0].doc, reply.citations[0].ref) if reply.citations else None


def test_benchmark_agrees_with_embedded(assistant, milvus_assistant):
    """With BM25 split between the collection (document weights) and the query (IDF), Milvus
    ranks as bm25s does: the same top-1 clause on every dev question, the same scores."""
    from qa.evaluation.runner import summarize

    questions = _dev_questions()
    embedded = _records(assistant, questions, "embedded")
    milvus = _records(milvus_assistant, questions, "milvus")
    differ = [(q.id, _top(a), _top(b)) for q, (a, _), (b, _) in zip(questions, embedded, milvus) if _top(a) != _top(b)]
    assert len(questions) == 60 and differ == []
    emb = summarize([r for _, r in embedded])
    mil = summarize([r for _, r in milvus])
    assert (mil["hit@1"], mil["answer_acc"]) == (emb["hit@1"], emb["answer_acc"])


def test_avgdl_kept_within_drift_else_every_clause_weighed_again(tmp_path, milvus_server, segmenter, fake_embedder):
    """A document that moves the mean clause length by less than ``avgdl_drift`` is only inserted;
    one that moves it more makes sync weigh every clause again, and the rankings stay bm25s's."""
    from qa import Assistant, Config
    from qa.backends.embedded import EmbeddedBackend

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = PLAN.read_text(encoding="utf-8")
    (corpus / PLAN.name).write_text(text, encoding="utf-8")
    config = Config(corpus_dir=corpus, index_dir=tmp_path / "index", backend="milvus",
                    milvus_uri=milvus_server.uri, milvus_collection="drift")
    first = Assistant.load(config, embedder=fake_embedder, segmenter=segmenter, sync=True).retriever.backend
    assert first.changes["reweighted"] is False and first.changes["inserted"] == ["03-KH/TW"]
    # The same plan under another number: the same clause lengths, the same avgdl.
    (corpus / "ke-hoach-99.txt").write_text(text.replace("03-KH/TW", "99-KH/TW"), encoding="utf-8")
    same = Assistant.load(config, embedder=fake_embedder, segmenter=segmenter, sync=True).retriever.backend
    assert same.changes["reweighted"] is False and same.changes["inserted"] == ["99-KH/TW"]
    assert same.changes["avgdl"] == first.changes["avgdl"]
    # A plan cut to its head and first task: shorter clauses, avgdl moves by more than 1 %.
    head = text[:text.index("\n2. ")]
    (corpus / "ke-hoach-98.txt").write_text(head.replace("03-KH/TW", "98-KH/TW"), encoding="utf-8")
    moved = Assistant.load(config, embedder=fake_embedder, segmenter=segmenter, sync=True)
    backend = moved.retriever.backend
    assert backend.changes["reweighted"] is True
    assert sorted(backend.changes["inserted"]) == ["03-KH/TW", "98-KH/TW", "99-KH/TW"]
    assert backend.changes["avgdl"]["folded"] < first.changes["avgdl"]["folded"] * 0.99
    embedded = EmbeddedBackend(moved.index)
    for tokens in (["the", "che", "the_che"], ["kiem", "tra", "giam", "sat"], ["ban", "ban", "thuong", "vu"]):
        want, got = embedded.search_lexical("folded", tokens, 20), backend.search_lexical("folded", tokens, 20)
        assert [r for r, _ in got] == [r for r, _ in want]


def test_unreachable_uri_is_one_sentence(tmp_path, capsys):
    pytest.importorskip("pymilvus", reason="pymilvus is not installed (pip install -e '.[dev]')")
    from qa.backends.milvus import MilvusUnavailable
    from qa.cli import main

    uri = f"http://127.0.0.1:{_free_port()}"  # nothing listens there
    code = main(["ask", "Ai chủ trì?", "--backend", "milvus", "--milvus-uri", uri,
                 "--index-dir", str(tmp_path / "index")])
    err = capsys.readouterr().err
    assert code == 2
    assert "Không kết nối được máy chủ Milvus" in err and uri in err
    assert "Traceback" not in err and len(err.strip().splitlines()) <= 2
    assert not (tmp_path / "index").exists()  # the health check comes before any index work
    assert issubclass(MilvusUnavailable, RuntimeError)


def test_two_documents_with_the_same_refs_stay_apart(tmp_path, milvus_server, segmenter, fake_embedder):
    from qa import Assistant, Config

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = PLAN.read_text(encoding="utf-8")
    (corpus / PLAN.name).write_text(text, encoding="utf-8")
    (corpus / "ke-hoach-99.txt").write_text(text.replace("03-KH/TW", "99-KH/TW"), encoding="utf-8")
    config = Config(corpus_dir=corpus, index_dir=tmp_path / "index", backend="milvus",
                    milvus_uri=milvus_server.uri, milvus_collection="two_docs")
    both = Assistant.load(config, embedder=fake_embedder, segmenter=segmenter, sync=True)
    backend = both.retriever.backend
    assert type(backend).__name__ == "MilvusBackend"
    assert backend.changes["inserted"] == ["03-KH/TW", "99-KH/TW"] or \
        sorted(backend.changes["inserted"]) == ["03-KH/TW", "99-KH/TW"]
    rows = both.index.document_rows()
    assert len(rows["03-KH/TW"]) == len(rows["99-KH/TW"])
    for doc in ("03-KH/TW", "99-KH/TW"):
        found = backend.search_lexical("folded", ["the", "che", "the_che"], 50, rows=(rows[doc],))
        assert found and all(r in rows[doc] for r, _ in found)
        reply = both.ask("Ai chịu trách nhiệm thể chế hóa?", docs=[doc])
        assert reply.citations and {c.doc for c in reply.citations} == {doc}
    # Unchanged documents are kept on the next load; a removed one is deleted from the collection.
    again = Assistant.load(config, embedder=fake_embedder, segmenter=segmenter, sync=True)
    assert again.retriever.backend.changes["kept"] == 2 and not again.retriever.backend.changes["inserted"]
    (corpus / "ke-hoach-99.txt").unlink()
    one = Assistant.load(config, embedder=fake_embedder, segmenter=segmenter, sync=True)
    assert one.retriever.backend.changes["deleted"] == ["99-KH/TW"]
    assert one.retriever.backend.segments().keys() == {"03-KH/TW"}


def test_killed_and_restarted_server_still_answers(milvus_server, milvus_assistant):
    question = "Ai chịu trách nhiệm thể chế hóa?"
    before = _top(milvus_assistant.ask(question))
    milvus_server.stop(signal.SIGKILL)
    milvus_server.start()  # the same data directory and port
    assert _top(milvus_assistant.ask(question)) == before


@pytest.mark.parametrize("field, value, named", [
    ("backend", "faiss", "backend"),
    ("milvus_uri", "127.0.0.1:19530", "milvus_uri"),
    ("milvus_collection", "plan-03", "milvus_collection"),
    ("milvus_timeout", 0, "milvus_timeout"),
])
def test_config_names_the_bad_value(field, value, named):
    from qa import Config
    from qa.config import ConfigError

    with pytest.raises(ConfigError, match=named) as info:
        Config(**{field: value})
    assert repr(value) in str(info.value) or str(value) in str(info.value)


def test_embedded_stays_the_default():
    from qa import Config

    assert Config().backend == "embedded"


def test_tokens_become_sparse_dimensions():
    from qa.backends.milvus import document_weights, term_id

    assert term_id("thể_chế") == term_id("thể_chế") != term_id("the_che")
    assert all(1 <= term_id(t) < 2 ** 32 - 1 for t in ("ở", "ý", "thể_chế", "the_che"))
    # dl 4 = avgdl: tf / (tf + k1); one-letter syllables are terms like any other.
    weights = document_weights(["ở", "ý", "thể_chế", "ở"], avgdl=4.0, k1=1.2, b=0.75)
    assert weights == pytest.approx({term_id("ở"): 2 / 3.2, term_id("ý"): 1 / 2.2, term_id("thể_chế"): 1 / 2.2})
    assert document_weights([], avgdl=4.0, k1=1.2, b=0.75) == {0: 1.0}  # Milvus refuses an empty vector


def test_split_weights_multiply_to_bm25s_scores():
    """Query IDF · document weights = bm25s's score, on a small inline corpus (no server)."""
    from qa import Config
    from qa.backends.milvus import _avgdl, document_weights, query_weights
    from qa.index import _bm25

    docs = [["ban", "chấp_hành", "trung_ương", "ban", "hành"], ["ở", "ý", "kiến"],
            ["thể_chế", "hóa", "nghị_quyết", "ban"], ["kiểm_tra", "giám_sát", "ở", "cơ_sở", "ban", "hành"]]
    config = Config()
    bm25 = _bm25(config, docs)
    avgdl = _avgdl([(d, d) for d in docs])["folded"]
    for query in (["ban", "hành"], ["ở", "ý"], ["thể_chế", "ban", "ban"], ["không_có"]):
        expected = [float(s) for s in bm25.get_scores(query)] if any(t in bm25.vocab for t in query) \
            else [0.0] * len(docs)
        q = query_weights(bm25, query)
        got = [sum(w * document_weights(d, avgdl, config.bm25_k1, config.bm25_b).get(dim, 0.0)
                   for dim, w in q.items()) for d in docs]
        assert got == pytest.approx(expected, rel=1e-6), query


def test_lexical_rankings_equal_bm25s_on_dev_questions(assistant, milvus_assistant):
    """Both views, every dev question: Milvus returns bm25s's 20 best clauses in bm25s's order."""
    from qa.backends.embedded import EmbeddedBackend
    from qa.text import accented_tokens, folded_tokens

    embedded = EmbeddedBackend(assistant.index)
    milvus = milvus_assistant.retriever.backend
    compared = 0
    for q in _dev_questions():
        for view, tokens in (("folded", folded_tokens(q.text, drop_stopwords=True)),
                             ("accented", accented_tokens(q.text, milvus_assistant.retriever.segmenter,
                                                          drop_stopwords=True))):
            if not tokens:
                continue
            want, got = embedded.search_lexical(view, tokens, 20), milvus.search_lexical(view, tokens, 20)
            assert [r for r, _ in got] == [r for r, _ in want], (q.id, view)
            assert [s for _, s in got] == pytest.approx([s for _, s in want], rel=1e-5), (q.id, view)
            compared += 1
    assert compared == 118  # 60 questions, both views, less two accent-free questions' accented view
