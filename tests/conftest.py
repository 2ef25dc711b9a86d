"""Shared fixtures: no network, the bundled plan, a real assistant, a fake embedder."""

from __future__ import annotations

import hashlib
import socket
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "corpus" / "ke-hoach-03-KH-TW-2021.txt"


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Tests never reach past loopback: a model download attempt fails loudly."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (host.startswith("127.") or host in ("localhost", "::1")) \
                and self.family in (socket.AF_INET, socket.AF_INET6):
            raise OSError(f"network blocked in tests: {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


class FakeEmbedder:
    """Deterministic bag-of-syllables hashing embedder (16 dims): fast, no model."""

    name = "fake-hash-16"

    def __init__(self, dim: int = 16):
        self.dim = dim
        self.document_calls = 0
        self.query_calls = 0

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for word in text.lower().split():
            v[int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
        n = np.linalg.norm(v)
        return v / n if n else v

    def encode_documents(self, texts, show_progress=False):
        self.document_calls += 1
        return np.stack([self._vec(t) for t in texts])

    def encode_query(self, text):
        self.query_calls += 1
        return self._vec(text)


@pytest.fixture
def fake_embedder():
    return FakeEmbedder()


@pytest.fixture(scope="session")
def segmenter():
    from qa.text import Segmenter

    return Segmenter()


@pytest.fixture(scope="session")
def plan_document():
    from qa.parse import parse_file

    return parse_file(PLAN)


@pytest.fixture(scope="session")
def assistant(tmp_path_factory, segmenter):
    """The real assistant: bundled plan, default packaged model, index built in a temp dir."""
    from qa import Assistant, Config

    index_dir = tmp_path_factory.mktemp("index") / "index"
    return Assistant.load(Config(index_dir=index_dir), segmenter=segmenter)


@pytest.fixture
def corpus_dir(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / PLAN.name).write_bytes(PLAN.read_bytes())
    return d
