"""The ``qa eval`` subcommand: run the benchmark and print a side-by-side table.

    qa eval --split dev --configs lexical,dense,hybrid
    qa eval --configs hybrid,model:keepitreal/vietnamese-sbert --out /tmp/eval --json

``add_parser(subparsers)`` registers the subcommand; ``run(args)`` returns the
exit code. Heavy modules (the assistant, matplotlib, tqdm) load inside ``run``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_QUESTIONS = ROOT / "eval" / "questions.jsonl"
DEFAULT_OUT = ROOT / "eval" / "out"
DEFAULT_CONFIGS = "lexical,dense,hybrid"
SPLITS = ("dev", "test", "all")

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register ``eval`` on an argparse subparsers object."""
    parser = subparsers.add_parser(
        "eval",
        help="run the benchmark question set and report retrieval and answer metrics",
        description=(
            "Run the benchmark: Hit@1/3/5, MRR@10, nDCG@10 on in-scope questions, "
            "short-answer accuracy, abstention precision/recall, latency; per question "
            "type and overall, one column group per configuration."
        ),
    )
    configure_parser(parser)
    parser.set_defaults(func=run)
    return parser


def configure_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS,
                        help=f"question file, JSONL (default: {DEFAULT_QUESTIONS.relative_to(ROOT)})")
    parser.add_argument("--split", choices=SPLITS, default="all",
                        help="which questions to run (default: all)")
    parser.add_argument("--configs", default=DEFAULT_CONFIGS,
                        help="comma-separated configurations: lexical, dense, hybrid, "
                             "model:NAME_OR_PATH (hybrid with another sentence-transformers model) "
                             f"(default: {DEFAULT_CONFIGS})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"output directory for report.md, chart.png, results.json "
                             f"(default: {DEFAULT_OUT.relative_to(ROOT)})")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON instead of a table")
    parser.add_argument("--top-k", type=int, default=None, metavar="N",
                        help="citations per reply (Config.top_k); default: the shipped configuration. "
                             "MRR@10/nDCG@10 only see as many citations as the reply returns")
    parser.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    return parser


def run(args: argparse.Namespace) -> int:
    """Run the benchmark described by ``args``; return the exit code."""
    from qa.evaluation.dataset import DatasetError, load_questions, select_split
    from qa.evaluation.runner import ConfigSpecError, parse_configs

    try:
        specs = parse_configs(args.configs)
    except ConfigSpecError as exc:
        print(f"qa eval: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        questions = select_split(load_questions(args.questions), args.split)
    except DatasetError as exc:
        print(f"qa eval: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not questions:
        print(f"qa eval: no questions in split {args.split!r} of {args.questions}", file=sys.stderr)
        return EXIT_USAGE

    import json

    from qa.evaluation.report import format_table, write_outputs
    from qa.evaluation.runner import AssistantLoader, AssistantLoadError, run_benchmark

    top_k = getattr(args, "top_k", None)
    loader = AssistantLoader({"top_k": top_k} if top_k is not None else None)
    try:
        result = run_benchmark(questions, specs, loader=loader, progress=not getattr(args, "no_progress", False))
    except AssistantLoadError as exc:
        print(f"qa eval: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        loader.close()

    paths = write_outputs(result, Path(args.out), questions_file=Path(args.questions), split=args.split)
    if args.json:
        print(json.dumps(result.summary_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_table(result))
        print()
        print("wrote " + ", ".join(str(p) for p in paths))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry: ``python -m qa.evaluation.cli --split dev``."""
    parser = configure_parser(argparse.ArgumentParser(prog="qa eval", description="Run the QA benchmark."))
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
