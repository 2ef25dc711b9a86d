"""Index faults: each detected, rebuilt, the previous good index kept when a build dies, permissions
kept, nothing left behind."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qa import Assistant, Config
from qa.corpus import load_corpus
from qa.index import build_index, load_index
from tests.robustness.hostile import WHO, tally

ROOT = Path(__file__).resolve().parents[2]
MODE = 0o750  # not the umask's: a rebuild must keep what the operator set


@pytest.fixture
def good(tmp_path, corpus_dir, fake_embedder, segmenter):
    cfg = Config(corpus_dir=corpus_dir, index_dir=tmp_path / "index", retrieval_mode="lexical")
    Assistant.load(cfg, embedder=fake_embedder, segmenter=segmenter)
    os.chmod(cfg.index_dir, MODE)
    return cfg


def _rewrite_manifest(index_dir: Path, change) -> None:
    path = index_dir / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    change(manifest)
    path.write_text(json.dumps(manifest), encoding="utf-8")


def _replace_with_checksum(index_dir: Path, name: str, data: bytes) -> None:
    """Damage a file and make the manifest agree, so only the reader can tell."""
    (index_dir / name).write_bytes(data)
    _rewrite_manifest(index_dir, lambda m: m["files"].__setitem__(name, hashlib.sha256(data).hexdigest()))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


FAULTS = {
    "truncated-clauses": (lambda d: _truncate(d / "clauses.jsonl"), "checksum"),
    "truncated-faiss": (lambda d: _truncate(d / "dense.faiss"), "checksum"),
    "random-bm25-array": (lambda d: (d / "bm25_folded" / "data.npy").write_bytes(os.urandom(512)),
                          "checksum"),
    "deleted-faiss": (lambda d: os.remove(d / "dense.faiss"), "missing index file dense.faiss"),
    "deleted-manifest": (lambda d: os.remove(d / "manifest.json"), "no manifest.json"),
    "manifest-not-json": (lambda d: (d / "manifest.json").write_text("{not json", encoding="utf-8"), "unreadable"),
    "manifest-a-list": (lambda d: (d / "manifest.json").write_text("[]", encoding="utf-8"), "JSON object"),
    "manifest-no-files": (lambda d: _rewrite_manifest(d, lambda m: m.pop("files")), "lists no files"),
    "wrong-checksum": (lambda d: _rewrite_manifest(d, lambda m: m["files"].__setitem__("dense.faiss", "0" * 64)),
                       "checksum"),
    "wrong-format-version": (lambda d: _rewrite_manifest(d, lambda m: m.__setitem__("format_version", 99)),
                             "index format 99"),
    "corrupt-clause-line": (lambda d: _replace_with_checksum(
        d, "clauses.jsonl", (d / "clauses.jsonl").read_bytes().replace(b"\n", b"\n{broken\n", 1)), "unreadable"),
    "missing-clause-line": (lambda d: _replace_with_checksum(
        d, "clauses.jsonl", b"\n".join((d / "clauses.jsonl").read_bytes().split(b"\n")[1:])), "clause count"),
    "random-faiss-with-checksum": (lambda d: _replace_with_checksum(d, "dense.faiss", os.urandom(2048)), "unreadable"),
}


def _leftovers(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.parent.iterdir() if p.name not in ("index", "corpus"))


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_fault_is_detected_and_rebuilt(good, fake_embedder, segmenter, fault):
    damage, reason = FAULTS[fault]
    with tally("index-fault") as outcome:
        damage(good.index_dir)
        assistant = Assistant.load(good, embedder=fake_embedder, segmenter=segmenter)
        assert assistant.index_status.startswith("rebuilt: ") and reason in assistant.index_status
        assert assistant.ask(WHO).citations[0].ref == "IV.1.1"
        assert Assistant.load(good, embedder=fake_embedder, segmenter=segmenter).index_status == "loaded"
        assert os.stat(good.index_dir).st_mode & 0o777 == MODE and _leftovers(good.index_dir) == []
        outcome.append("message")


def test_read_only_index_directory(good, fake_embedder, segmenter):
    with tally("index-fault") as outcome:
        os.chmod(good.index_dir, 0o555)
        try:
            assistant = Assistant.load(good, embedder=fake_embedder, segmenter=segmenter, rebuild=True)
            assert assistant.ask(WHO).citations[0].ref == "IV.1.1"
            assert os.stat(good.index_dir).st_mode & 0o777 == 0o555 and _leftovers(good.index_dir) == []
        finally:
            os.chmod(good.index_dir, 0o755)
        outcome.append("message")


# -- builds interrupted in this process (KeyboardInterrupt at each step) ------------------------

def _interrupt(*_args, **_kwargs):
    raise KeyboardInterrupt("killed midway")


STEPS = {
    "segmenting": "qa.index.accented_tokens",
    "embedding": "encode_documents",  # on the embedder itself
    "writing-faiss": "faiss.write_index",
    "checksums": "qa.index._sha256",
    "swapping": "qa.index._swap_in",
    "between-the-renames": None,  # the old index renamed away, the new one not yet in place
}


@pytest.mark.parametrize("step", list(STEPS))
def test_interrupted_build_keeps_the_good_index(good, fake_embedder, segmenter, monkeypatch, step):
    with tally("index-killed") as outcome:
        corpus = load_corpus(good.corpus_dir)
        before = (good.index_dir / "manifest.json").read_bytes()
        if step == "embedding":
            # (an index that keys its vectors by text embeds nothing again: without the keys, it must)
            for keys in good.index_dir.glob("segments/*/embedded.json"):
                keys.unlink()
            monkeypatch.setattr(fake_embedder, STEPS[step], _interrupt)
        elif STEPS[step]:
            monkeypatch.setattr(STEPS[step], _interrupt)
        else:
            real_rename, calls = os.rename, []

            def second_rename_dies(src, dst):
                calls.append(src)
                if len(calls) == 2:
                    raise KeyboardInterrupt("killed midway")
                return real_rename(src, dst)

            monkeypatch.setattr("qa.index.os.rename", second_rename_dies)
        with pytest.raises(KeyboardInterrupt):
            build_index(corpus, fake_embedder, segmenter, good, good.index_dir, progress=False)
        monkeypatch.undo()
        assert (good.index_dir / "manifest.json").read_bytes() == before
        assert load_index(good.index_dir, corpus.fingerprint, good).dense.ntotal == 28
        assert os.stat(good.index_dir).st_mode & 0o777 == MODE and _leftovers(good.index_dir) == []
        outcome.append("message")


# -- a build process killed with SIGKILL: nothing to clean up then, so the next build does --------

_BUILD = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
import qa.index
from qa import Config
from qa.corpus import load_corpus
from qa.text import Segmenter
from tests.conftest import FakeEmbedder

def stall(*args, **kwargs):
    print("stalled", flush=True)
    time.sleep(120)

qa.index.{stalled} = stall
cfg = Config(corpus_dir=Path({corpus!r}), index_dir=Path({index!r}), retrieval_mode="lexical")
qa.index.build_index(load_corpus(cfg.corpus_dir), FakeEmbedder(), Segmenter(), cfg, cfg.index_dir, progress=False)
"""


@pytest.mark.parametrize("stalled", ["_sha256", "_swap_in"])
def test_sigkilled_build_leaves_orphans_the_next_build_removes(good, fake_embedder, segmenter, stalled):
    with tally("index-killed") as outcome:
        before = (good.index_dir / "manifest.json").read_bytes()
        script = _BUILD.format(root=str(ROOT), corpus=str(good.corpus_dir), index=str(good.index_dir), stalled=stalled)
        proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, cwd=ROOT)
        try:
            assert proc.stdout.readline().strip() == b"stalled"
            assert any(".tmp-" in name for name in _leftovers(good.index_dir))  # what a kill leaves
        finally:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        assert (good.index_dir / "manifest.json").read_bytes() == before
        assert Assistant.load(good, embedder=fake_embedder, segmenter=segmenter).index_status == "loaded"
        Assistant.load(good, embedder=fake_embedder, segmenter=segmenter, rebuild=True)
        assert _leftovers(good.index_dir) == [] and os.stat(good.index_dir).st_mode & 0o777 == MODE
        outcome.append("message")
