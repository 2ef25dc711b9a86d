"""Load on the running chat app: ``qa bench --load [--clients 20] [--per-client 50]``.

N concurrent ``gradio_client`` clients ask the app's ``/ask`` endpoint on loopback,
each its own session, as separate users would. Bounded in count (clients ×
questions) and in time (``max_seconds``: no new question after it). Prints
requests/s, latency p50/p95/max, errors, and whether every answer equals the
answer one client alone gets, then where the time goes:

- the model: ``Assistant.ask`` in this process, no server (retrieval, embedding, answer);
- Gradio: one client alone, over HTTP, minus the model's time (routing, queue
  bookkeeping, server-sent events, JSON);
- the queue: the load's latency minus one client's (waiting for one of the
  ``CONCURRENCY_LIMIT`` workers).

Without ``--url`` the app is started as a subprocess on a free 127.0.0.1 port and
stopped by its pid at the end.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_CLIENTS = 100
MAX_QUESTIONS = 10_000  # clients × questions each
START_TIMEOUT_S = 240.0
REQUEST_TIMEOUT_S = 120.0


class LoadError(RuntimeError):
    """The app could not be started or reached; the message says why."""


@dataclass
class LoadResult:
    clients: int
    per_client: int
    requests: int = 0
    errors: int = 0
    mismatches: int = 0
    wall_s: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    single_ms: list[float] = field(default_factory=list)  # one client alone, over HTTP
    model_ms: list[float] = field(default_factory=list)  # Assistant.ask in-process
    stopped_early: bool = False
    error_samples: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        def pct(values, p):
            if not values:
                return 0.0
            ordered = sorted(values)
            return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]

        out = {
            "clients": self.clients, "questions_per_client": self.per_client, "requests": self.requests,
            "errors": self.errors, "mismatches": self.mismatches, "wall_s": self.wall_s,
            "requests_per_s": self.requests / self.wall_s if self.wall_s else 0.0,
            "p50_ms": pct(self.latencies_ms, 50), "p95_ms": pct(self.latencies_ms, 95),
            "max_ms": max(self.latencies_ms, default=0.0),
            "single_client_p50_ms": pct(self.single_ms, 50), "model_p50_ms": pct(self.model_ms, 50),
            "stopped_early": self.stopped_early,
        }
        out["gradio_overhead_ms"] = max(0.0, out["single_client_p50_ms"] - out["model_p50_ms"])
        out["queue_wait_p50_ms"] = max(0.0, out["p50_ms"] - out["single_client_p50_ms"])
        return out


def default_questions(path: Path = ROOT / "eval" / "questions.jsonl") -> list[str]:
    """Single-turn benchmark questions, in file order (answered and refused alike)."""
    out = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            entry = json.loads(line)
            if isinstance(entry.get("question"), str) and entry["question"] not in out:
                out.append(entry["question"])
    return out


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(port: int, timeout: float = START_TIMEOUT_S) -> tuple[subprocess.Popen, Path]:
    """``python app.py --port N`` on 127.0.0.1; waits until it serves. The log goes to a temp file."""
    log_path = Path(tempfile.mkdtemp(prefix="qa-load-")) / "app.log"
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1",
           "QA_FEEDBACK": str(log_path.parent / "feedback.jsonl")}
    with open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--host", "127.0.0.1",
                                    "--port", str(port)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LoadError(f"app.py exited with code {process.returncode}; log: {log_path}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/config", timeout=5) as response:
                if response.status == 200:
                    return process, log_path
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    stop_app(process)
    raise LoadError(f"app.py did not answer on port {port} within {timeout:.0f} s; log: {log_path}")


def stop_app(process: subprocess.Popen) -> None:
    """Stop the app we started, by its pid: terminate, then kill after 15 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def _client(url: str):
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False)


def _ask(client, question: str) -> dict:
    return client.submit(question, [], api_name="/ask").result(timeout=REQUEST_TIMEOUT_S)


def run_load(clients: int = 20, per_client: int = 50, url: str | None = None, max_seconds: float = 600.0,
             questions: list[str] | None = None, breakdown: bool = True, as_json: bool = False) -> dict:
    """Measure; returns ``LoadResult.summary()`` and prints it (Vietnamese, or JSON)."""
    if not 1 <= clients <= MAX_CLIENTS:
        raise ValueError(f"clients must be within 1..{MAX_CLIENTS}. Currently, the clients is {clients}")
    if not 1 <= per_client or clients * per_client > MAX_QUESTIONS:
        raise ValueError(f"clients × per_client must be within 1..{MAX_QUESTIONS}. "
                         f"Currently, it is {clients} × {per_client}")
    if url and not url.startswith(("http://127.", "http://localhost", "http://[::1]")):
        raise ValueError(f"the load runs on loopback only. Currently, the url is {url!r}")
    pool = (questions or default_questions())[:per_client]
    result = LoadResult(clients=clients, per_client=len(pool))
    process = None
    if url is None:
        process, _ = start_app(free_port())
        url = f"http://127.0.0.1:{process.args[-1]}/"
    try:
        if breakdown:
            result.model_ms = _model_times(pool)
        single = _client(url)
        _ask(single, pool[0])  # the first request pays for the connection
        expected = {}
        for q in pool:
            t = time.perf_counter()
            expected[q] = _ask(single, q)
            result.single_ms.append((time.perf_counter() - t) * 1000)
        _run_clients(url, pool, expected, result, max_seconds)
    finally:
        if process is not None:
            stop_app(process)
    summary = result.summary()
    _print(summary, result.error_samples, as_json)
    return summary


def _run_clients(url: str, pool: list[str], expected: dict, result: LoadResult, max_seconds: float) -> None:
    lock = threading.Lock()
    start_barrier = threading.Barrier(result.clients)
    deadline: list[float] = []

    def one_client(n: int) -> None:
        client = _client(url)
        start_barrier.wait()
        with lock:
            if not deadline:
                deadline.append(time.monotonic() + max_seconds)
        for k in range(len(pool)):
            if time.monotonic() > deadline[0]:
                with lock:
                    result.stopped_early = True
                return
            question = pool[(n + k) % len(pool)]  # each client starts elsewhere in the list
            t = time.perf_counter()
            try:
                reply = _ask(client, question)
                ok, same = True, reply == expected[question]
            except Exception as exc:  # noqa: BLE001 - every failure is counted, the load goes on
                ok, same = False, False
                with lock:
                    if len(result.error_samples) < 5:
                        result.error_samples.append(f"{type(exc).__name__}: {str(exc)[:200]}")
            elapsed = (time.perf_counter() - t) * 1000
            with lock:
                result.requests += 1
                result.latencies_ms.append(elapsed)
                result.errors += not ok
                result.mismatches += ok and not same

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=result.clients) as workers:
        list(workers.map(one_client, range(result.clients)))
    result.wall_s = time.perf_counter() - t0


def _model_times(pool: list[str]) -> list[float]:
    """``Assistant.ask`` alone, in this process: the model's share of each request."""
    from .assistant import Assistant

    assistant = Assistant.load()
    assistant.warm_up()
    for q in pool:  # a first pass: lazy loading and caches warm up, as they have in the server
        assistant.ask(q, [])
    times = []
    for q in pool:
        t = time.perf_counter()
        assistant.ask(q, [])
        times.append((time.perf_counter() - t) * 1000)
    return times


def _print(s: dict, errors: list[str], as_json: bool) -> None:
    if as_json:
        print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in s.items()}, indent=2))
        return
    print(f"Tải đồng thời: {s['clients']} máy khách × {s['questions_per_client']} câu = {s['requests']} yêu cầu "
          f"trong {s['wall_s']:.1f} s{' (dừng sớm: hết thời gian)' if s['stopped_early'] else ''}")
    print(f"  {s['requests_per_s']:.1f} yêu cầu/s; độ trễ p50 {s['p50_ms']:.0f} ms, p95 {s['p95_ms']:.0f} ms, "
          f"max {s['max_ms']:.0f} ms")
    print(f"  lỗi: {s['errors']}; câu trả lời khác với khi hỏi một mình: {s['mismatches']}")
    print("  thời gian đi đâu (trung vị mỗi yêu cầu):")
    print(f"    mô hình (Assistant.ask, không qua máy chủ): {s['model_p50_ms']:.0f} ms")
    print(f"    Gradio (một máy khách qua HTTP, trừ mô hình): {s['gradio_overhead_ms']:.0f} ms")
    print(f"    chờ hàng đợi (khi tải, trừ một máy khách): {s['queue_wait_p50_ms']:.0f} ms")
    for sample in errors:
        print(f"  lỗi mẫu: {sample}")
