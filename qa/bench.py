"""Speed and memory, measured (not asserted): ``qa bench``.

Prints index build time, cold start to the first answer (a fresh process),
warm ``ask()`` latency p50/p95 over the benchmark questions, and peak memory.
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
        assistant.ask("khởi động")
        latencies = []
        for q in qs:
            t = time.perf_counter()
            assistant.ask(q.text, list(q.history))
            latencies.append((time.perf_counter() - t) * 1000)
        results["questions"] = len(qs)
        results["ask_p50_ms"] = statistics.median(latencies)
        results["ask_p95_ms"] = percentile(latencies, 95)
        results["ask_max_ms"] = max(latencies)
    results["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if as_json:
        print(json.dumps({k: round(v, 3) for k, v in results.items()}, indent=2))
    else:
        print("Đo hiệu năng (2 lõi CPU, không GPU)")
        print(f"  nạp mô hình (underthesea + sentence-transformers): {results['model_load_s']:.2f} s")
        print(f"  dựng chỉ mục ({int(results['clauses'])} đoạn, mô hình đã nạp): {results['index_build_s']:.2f} s")
        if "cold_first_answer_s" in results:
            print(f"  khởi động nguội → câu trả lời đầu tiên: {results['cold_first_answer_s']:.2f} s "
                  f"(nạp chỉ mục {results['cold_load_s']:.2f} s)")
        print(f"  ask() khi đã nóng, {int(results['questions'])} câu: p50 {results['ask_p50_ms']:.1f} ms, "
              f"p95 {results['ask_p95_ms']:.1f} ms, max {results['ask_max_ms']:.1f} ms")
        print(f"  bộ nhớ đỉnh (RSS): {results['peak_rss_mib']:.0f} MiB")
    return results
