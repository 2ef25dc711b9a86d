"""``qa adapt``: train the query adapter (qa/adapter.py) on labelled questions, dev split only.

Each in-scope, single-turn question whose gold passages name clauses of the loaded index is
an example; follow-ups are left out (their last turn alone does not say what it asks).
``--cross-validate`` trains without each file in turn and prints the dense view's Hit@1 on
that file with and without the adapter: files written by different people, so it measures
what the adapter does for people it has never read. ``--write`` stores the adapter trained on
every file where the assistant looks for it (``Config.adapter_dir``).

    qa adapt --questions eval/questions.jsonl,eval/user_questions.jsonl --split dev --cross-validate --write
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from .adapter import Example, QueryAdapter, TrainingSettings, adapter_path
from .scope import ScopeModel


def add_parser(sub) -> None:
    p = sub.add_parser("adapt", help="train the query adapter on labelled questions (dev split)")
    p.add_argument("--questions", required=True, help="comma-separated question files (JSONL, the benchmark's format)")
    p.add_argument("--split", default="dev", help="dev (default), test or all: which items train it")
    p.add_argument("--cross-validate", action="store_true",
                   help="leave each file out in turn and print the dense view's Hit@1 on it, without and with")
    p.add_argument("--write", action="store_true", help="store the adapter trained on every file")
    p.add_argument("--out", type=Path, default=None, metavar="FILE",
                   help="where --write stores it (default: Config.adapter_dir/query-<model>-<clauses>.npz, where it is used)")
    p.add_argument("--l2", type=float, default=None, help="pull towards the identity (default: Config.adapter_l2)")
    p.add_argument("--temperature", type=float, default=None, help="default: Config.adapter_temperature")
    p.add_argument("--epochs", type=int, default=None, help="default: Config.adapter_epochs")
    from .cli import _add_common

    _add_common(p)
    p.set_defaults(func=run)


def labelled_of(path: Path, split: str, clauses, paragraphs=None) -> tuple[list[Example], list[str], int]:
    """The file's usable examples, its single-turn out-of-scope questions, and how many in-scope
    single-turn items named no clause."""
    from .evaluation import metrics
    from .evaluation.dataset import has_splits, load_questions, select_split

    questions = load_questions(path, paragraphs)
    if split != "all" and has_splits(questions):
        questions = select_split(questions, split)
    out, outside, unmatched = [], [], 0
    for q in questions:
        if q.history:  # with follow-ups: 0.860 against 0.869 leave-one-file-out
            continue
        if not q.in_scope:
            outside.append(q.text)
            continue
        rows = tuple(i for i, c in enumerate(clauses) if metrics.is_relevant(c.text, q.gold))
        if rows:
            out.append(Example(q.text, rows))
        else:
            unmatched += 1
    return out, outside, unmatched


def hit_at_1(vectors: np.ndarray, clause_vectors: np.ndarray, examples, adapter: QueryAdapter | None) -> float:
    hits = 0
    for vector, example in zip(vectors, examples):
        query = adapter.apply(vector) if adapter is not None else vector
        hits += int(np.argmax(clause_vectors @ query)) in example.rows
    return hits / len(examples) if examples else 0.0


def replies_scored(assistant, path: Path, split: str) -> np.ndarray:
    """(in scope, Hit@1, refused in scope, out of scope, refused out of scope) of a file's replies,
    counted by the benchmark's own runner."""
    from .evaluation.dataset import has_splits, load_questions, select_split
    from .evaluation.runner import OVERALL, parse_configs, run_benchmark

    questions = load_questions(path)
    if split != "all" and has_splits(questions):
        questions = select_split(questions, split)
    spec = parse_configs(assistant.config.retrieval_mode)[0]
    s = run_benchmark(questions, [spec], loader=lambda _: assistant, progress=False).summary[spec.name][OVERALL]
    n_in, n_out = s["n_in_scope"], s["n_out_of_scope"]
    return np.array([n_in, (s["hit@1"] or 0) * n_in, (s["false_abstention"] or 0) * n_in,
                     n_out, (s["abstain_recall"] or 0) * n_out])


def _pipeline_cross_validation(assistant, per_file, train, split: str) -> None:
    """The whole pipeline on each left-out file: without an adapter, and with one trained on the others."""
    print(f"\n{'left out (hybrid replies)':<40} {'Hit@1':>6} {'adapted':>8} {'false abst.':>12} {'adapted':>8}"
          f" {'abst. recall':>13} {'adapted':>8}")
    plain = assistant.with_options(use_adapter=False)
    totals = np.zeros((2, 5))
    for path in per_file:
        others = [p for p in per_file if p != path]
        if not any(len(per_file[p][0]) for p in others):
            continue
        adapted = assistant.with_options(use_adapter=True)
        adapted.retriever.adapter = train(others)
        rows = [replies_scored(a, path, split) for a in (plain, adapted)]
        totals += np.array(rows)
        print(f"{str(path):<40} " + " ".join(f"{_ratio(rows[0], i):>{w}} {_ratio(rows[1], i):>8}"
                                              for i, w in ((1, 6), (2, 12), (4, 13))))
    print(f"{'all':<40} " + " ".join(f"{_ratio(totals[0], i):>{w}} {_ratio(totals[1], i):>8}"
                                     for i, w in ((1, 6), (2, 12), (4, 13))))


def _ratio(row, i: int) -> str:
    denominator = row[0] if i < 3 else row[3]
    return f"{row[i] / denominator:.3f}" if denominator else "–"


def run(args) -> int:
    from .assistant import Assistant, embedder_name
    from .evaluation.dataset import DatasetError

    from .cli import _config

    assistant = Assistant.load(_config(args))
    clauses = assistant.index.clauses
    model = assistant.index.manifest.get("model") or embedder_name(assistant.embedder)
    clause_vectors = assistant.index.dense.reconstruct_n(0, assistant.index.dense.ntotal).astype(np.float32)
    overrides = {k: v for k, v in (("adapter_l2", args.l2), ("adapter_temperature", args.temperature),
                                   ("adapter_epochs", args.epochs)) if v is not None}
    settings = TrainingSettings.from_config(assistant.config.replace(**overrides))
    files = [Path(f) for f in args.questions.split(",") if f.strip()]
    per_file: dict[Path, tuple[list[Example], np.ndarray, np.ndarray, list[str]]] = {}

    def encode(texts) -> np.ndarray:
        return np.stack([assistant.embedder.encode_query(assistant.dense_text(t) or t) for t in texts]) \
            .astype(np.float32) if texts else np.zeros((0, clause_vectors.shape[1]), np.float32)

    for path in files:
        try:
            examples, outside, unmatched = labelled_of(path, args.split, clauses)
        except DatasetError as exc:
            print(f"qa adapt: không đọc được tệp câu hỏi — {exc}", file=sys.stderr)
            return 2
        per_file[path] = (examples, encode([e.text for e in examples]), encode(outside), outside)
        note = f" ({unmatched} name no clause of this index)" if unmatched else ""
        print(f"{path}: {len(examples)} examples, {len(outside)} out of scope{note}")
    if not any(len(examples) for examples, *_ in per_file.values()):
        print("Không có câu hỏi nào có đoạn đáp án trong chỉ mục này: không huấn luyện được bộ chuyển truy vấn.")
        return 1

    def train(paths) -> QueryAdapter:
        """An adapter from these files' examples, keeping their out-of-scope questions too, and the
        scope model fitted on both kinds (when there are both)."""
        examples = [e for p in paths for e in per_file[p][0]]
        inside = np.concatenate([per_file[p][1] for p in paths])
        outside = np.concatenate([per_file[p][2] for p in paths])
        texts = [e.text for e in examples] + [t for p in paths for t in per_file[p][3]]
        scope = ScopeModel.fit(texts, np.concatenate([inside, outside]), [0] * len(inside) + [1] * len(outside),
                               c=assistant.config.scope_c) if len(inside) and len(outside) else None
        return QueryAdapter.train(clauses, clause_vectors, inside, examples,
                                  model, settings, info={"questions": [str(f) for f in files], "split": args.split},
                                  outside_vectors=outside, scope=scope)

    if args.cross_validate:
        if len(files) < 2:
            print("qa adapt: --cross-validate cần từ hai tệp câu hỏi trở lên (mỗi lượt bỏ ra một tệp)", file=sys.stderr)
            return 2
        print(f"\n{'left out':<40} {'n':>4} {'dense Hit@1':>12} {'adapted':>8}")
        total = base_hits = adapted_hits = 0
        for path, (examples, vectors, *_) in per_file.items():
            others = [p for p in per_file if p != path]
            if not examples or not any(len(per_file[p][0]) for p in others):
                continue
            adapter = train(others)
            base, adapted = hit_at_1(vectors, clause_vectors, examples, None), \
                hit_at_1(vectors, clause_vectors, examples, adapter)
            total += len(examples)
            base_hits += base * len(examples)
            adapted_hits += adapted * len(examples)
            print(f"{str(path):<40} {len(examples):>4} {base:>12.3f} {adapted:>8.3f}")
        print(f"{'all':<40} {total:>4} {base_hits / total:>12.3f} {adapted_hits / total:>8.3f}")
        _pipeline_cross_validation(assistant, per_file, train, args.split)
    if args.write:
        adapter = train(list(per_file))
        target = args.out or adapter_path(assistant.config, model, adapter.fingerprint)
        adapter.save(target)
        print(f"\nwrote {target}: {adapter.info['examples']} examples, {adapter.info['outside_examples']} out of "
              f"scope, model {model}, {len(clauses)} clauses")
    if not args.cross_validate and not args.write:
        print("(chưa đo, chưa lưu: thêm --cross-validate để đo, --write để lưu bộ chuyển truy vấn)")
    return 0
