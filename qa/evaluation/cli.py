"""The ``qa eval`` subcommand: run the benchmark and print a side-by-side table.

    qa eval --split dev --configs lexical,dense,hybrid
    qa eval --configs hybrid,model:keepitreal/vietnamese-sbert --out /tmp/eval --json
    qa eval --overlap --questions eval/user_questions.jsonl     # no model: how paraphrased the set is

``add_parser(subparsers)`` registers the subcommand; ``run(args)`` returns the
exit code. Heavy modules (the assistant, matplotlib, tqdm) load inside ``run``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_QUESTIONS = ROOT / "eval" / "questions.jsonl"
DEFAULT_OUT = ROOT / "eval" / "out"
DEFAULT_CORPUS = ROOT / "corpus"
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
    parser.add_argument("--overlap", action="store_true",
                        help="only print the lexical overlap of the questions with their gold clauses "
                             "(checks every gold substring against the corpus; loads no model)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"corpus directory the overlap is measured on (default: {DEFAULT_CORPUS.relative_to(ROOT)})")
    return parser


def _print_warnings(warnings: list[str], limit: int = 10) -> None:
    """File warnings on stderr, one line each, the same reason on many lines folded into one."""
    by_reason: dict[str, list[str]] = {}
    for w in warnings:
        where, _, reason = w.partition(": ")
        by_reason.setdefault(reason, []).append(where.rsplit(":", 1)[-1])
    for reason, lines in list(by_reason.items())[:limit]:
        shown = ", ".join(lines[:8]) + (f" … ({len(lines)} lines)" if len(lines) > 8 else "")
        print(f"qa eval: warning: line {shown}: {reason}", file=sys.stderr)
    if len(by_reason) > limit:
        print(f"qa eval: warning: … and {len(by_reason) - limit} more kinds of warning", file=sys.stderr)


def _paragraphs(corpus: Path) -> list[str]:
    from qa.corpus import corpus_files
    from qa.evaluation.dataset import corpus_paragraphs

    files = corpus_files(corpus)[0] if corpus.is_dir() else [corpus]
    return [p for f in files for p in corpus_paragraphs(f.read_text(encoding="utf-8"))]


def run_overlap(args: argparse.Namespace) -> int:
    """``qa eval --overlap``: the overlap numbers of one question file, no model loaded."""
    from qa.evaluation.dataset import DatasetError, load_questions
    from qa.evaluation.overlap import format_overlap, overlap_summary

    try:
        paragraphs = _paragraphs(Path(args.corpus))
    except OSError as exc:
        print(f"qa eval: cannot read the corpus {args.corpus}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    warnings: list[str] = []
    try:
        questions = load_questions(args.questions, paragraphs, warnings=warnings)
    except DatasetError as exc:
        print(f"qa eval: {exc}", file=sys.stderr)
        return EXIT_USAGE
    _print_warnings(warnings)
    summary = overlap_summary(questions, paragraphs)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(f"{args.questions}: {len(questions)} questions, {summary['all']['n']} in scope")
        print(format_overlap(summary))
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Run the benchmark described by ``args``; return the exit code."""
    from qa.evaluation.dataset import DatasetError, has_splits, load_questions, select_split
    from qa.evaluation.runner import ConfigSpecError, parse_configs

    if getattr(args, "overlap", False):
        return run_overlap(args)

    try:
        specs = parse_configs(args.configs)
    except ConfigSpecError as exc:
        print(f"qa eval: {exc}", file=sys.stderr)
        return EXIT_USAGE
    warnings: list[str] = []
    try:
        loaded = load_questions(args.questions, warnings=warnings)
        split = args.split
        if split != "all" and not has_splits(loaded):
            print(f"qa eval: {args.questions} has no dev/test splits: reporting all {len(loaded)} questions "
                  f"instead of --split {split}", file=sys.stderr)
            split = "all"
        questions = select_split(loaded, split)
    except DatasetError as exc:
        print(f"qa eval: {exc}", file=sys.stderr)
        return EXIT_USAGE
    _print_warnings(warnings)
    if not questions:
        print(f"qa eval: no questions in split {args.split!r} of {args.questions}", file=sys.stderr)
        return EXIT_USAGE

    from qa.evaluation.overlap import overlap_summary
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
    try:
        result.overlap = overlap_summary(questions, _paragraphs(Path(getattr(args, "corpus", DEFAULT_CORPUS))))
    except OSError as exc:
        result.warnings.append(f"lexical overlap not measured: cannot read the corpus: {exc}")
    if split != args.split:
        result.warnings.append(f"{args.questions} has no dev/test splits: all questions reported for --split {args.split}")

    paths = write_outputs(result, Path(args.out), questions_file=Path(args.questions), split=split)
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
