"""``qa quiz``: build a grounded review quiz and export it.

    qa quiz --n 20 --kinds mcq,tf,cloze --sections III,IV --seed 7 --format gift -o quiz.gift

The items go to ``-o`` (or stdout); the drop report goes to stderr. A bad option
value prints a message naming it and exits with code 2. ``--check`` reviews every
item (cuts, caps, phrase types, duplicate stems; see ``qa.quiz.review``), prints the
counts to stderr and exits with code 3 when it finds a problem.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

KINDS = ("mcq", "tf", "cloze")
FORMATS = ("gift", "aiken", "csv", "json")


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number. Currently, it is {value!r}") from None
    if n <= 0:
        raise argparse.ArgumentTypeError(f"must be greater than 0. Currently, it is {n}")
    return n


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number. Currently, it is {value!r}") from None


def _csv_list(value: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in value.split(",") if p.strip())


def _kinds(value: str) -> tuple[str, ...]:
    kinds = _csv_list(value)
    bad = [k for k in kinds if k not in KINDS]
    if bad or not kinds:
        raise argparse.ArgumentTypeError(
            f"must be a comma-separated list of {', '.join(KINDS)}. Currently, it is {value!r}"
        )
    return kinds


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register ``quiz`` on an ``argparse`` subparsers object."""
    p = subparsers.add_parser(
        "quiz",
        help="build a review quiz from the plan (GIFT, Aiken, CSV, JSON)",
        description="Build review questions grounded in the plan's clauses; each item cites its clause.",
    )
    p.add_argument("--n", type=_positive_int, default=20, help="number of items (default 20)")
    p.add_argument("--kinds", type=_kinds, default=KINDS, help="comma-separated: mcq,tf,cloze (default all)")
    p.add_argument("--sections", type=_csv_list, default=(), help="comma-separated section refs, e.g. III,IV (default all)")
    p.add_argument("--seed", type=_int, default=0, help="random seed; the same seed gives the same quiz (default 0)")
    p.add_argument("--format", choices=FORMATS, default="gift", help="output format (default gift)")
    p.add_argument("-o", "--output", type=Path, default=None, help="write here instead of stdout")
    p.add_argument("--corpus", type=Path, default=None, help="corpus directory (default: the bundled plan)")
    p.add_argument("--check", action="store_true",
                   help="review every item (mid-phrase cuts, clause and template caps, distractor phrase types, "
                        "duplicate stems); exit 3 if any problem is found")
    p.set_defaults(func=run)
    return p


def load_clauses(corpus: Path | None = None) -> list:
    """Clauses straight from the corpus files: a quiz needs no index and no model."""
    from qa.config import Config
    from qa.corpus import load_corpus

    loaded = load_corpus(corpus or Config().corpus_dir)
    for problem in loaded.problems:
        print(f"qa quiz: warning: {problem}", file=sys.stderr)
    return loaded.clauses


def run(args: argparse.Namespace) -> int:
    from qa.corpus import CorpusError
    from qa.quiz.export import export
    from qa.quiz.generate import QuizError, QuizOptions, generate_quiz

    try:
        clauses = load_clauses(args.corpus)
        options = QuizOptions(n=args.n, kinds=tuple(args.kinds), sections=tuple(args.sections), seed=args.seed)
        result = generate_quiz(clauses, options)
    except (QuizError, CorpusError) as exc:
        print(f"qa quiz: error: {exc}", file=sys.stderr)
        return 2

    exported = export(result.items, args.format)
    print(result.report(), file=sys.stderr)
    if exported.skipped:
        print(f"{args.format}: skipped {exported.skipped} item(s) that are not multiple choice", file=sys.stderr)
    review = None
    if args.check:
        from qa.quiz.review import review_quiz

        review = review_quiz(result.items, clauses, result.caps)
        print(review.report(), file=sys.stderr)
    if args.output is None:
        sys.stdout.write(exported.text)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(exported.text, encoding="utf-8")
        print(f"wrote {exported.count} item(s) to {args.output}", file=sys.stderr)
    if not result.items:
        return 1
    return 3 if review is not None and not review.ok else 0


def main(argv: list[str] | None = None) -> int:
    """Standalone entry for tests and for use before ``qa`` wires the subcommand."""
    parser = argparse.ArgumentParser(prog="qa")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
