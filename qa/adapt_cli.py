"""``qa adapt``: train the query adapter (qa/adapter.py) on labelled questions, dev split only.

Each in-scope, single-turn question whose gold passages name clauses of the loaded index is
an example; follow-ups are left out (their last turn alone does not say what it asks).
Questions are grouped by writer: the letters their ids start with ("aa012" → "aa"), within
each file. ``--cross-validate`` trains without each writer in turn and prints the dense view's
Hit@1 on that writer's questions with and without the adapter: it measures what the adapter does
for people it has never read. ``--write`` stores the adapter trained on every writer where the
assistant looks for it (``Config.adapter_dir``), with the refusal model (qa/ask/refusal.py)
fitted on replies to each writer's questions by an adapter and a scope model trained without
that writer (``--no-refusal`` skips it: a few minutes on the bundled benchmark).

    qa adapt --questions eval/questions.jsonl,eval/user_questions.jsonl --split dev --cross-validate --write
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .adapter import Example, QueryAdapter, TrainingSettings, adapter_path
from .ask.refusal import RefusalModel, eligible
from .scope import ScopeModel

_WRITER = re.compile(r"[^\W\d_]+")


def add_parser(sub) -> None:
    p = sub.add_parser("adapt", help="train the query adapter on labelled questions (dev split)")
    p.add_argument("--questions", required=True, help="comma-separated question files (JSONL, the benchmark's format)")
    p.add_argument("--split", default="dev", help="dev (default), test or all: which items train it")
    p.add_argument("--cross-validate", action="store_true",
                   help="leave each writer out in turn and print the dense view's Hit@1 on them, without and with")
    p.add_argument("--write", action="store_true", help="store the adapter trained on every writer")
    p.add_argument("--no-refusal", action="store_true",
                   help="with --write: store no refusal model (fitting it answers every dev question once per writer)")
    p.add_argument("--out", type=Path, default=None, metavar="FILE",
                   help="where --write stores it (default: Config.adapter_dir/query-<model>-<clauses>.npz, where it is used)")
    p.add_argument("--l2", type=float, default=None, help="pull towards the identity (default: Config.adapter_l2)")
    p.add_argument("--temperature", type=float, default=None, help="default: Config.adapter_temperature")
    p.add_argument("--epochs", type=int, default=None, help="default: Config.adapter_epochs")
    from .cli import _add_common

    _add_common(p)
    p.set_defaults(func=run)


def writer_of(question_id: str) -> str:
    """The writer a question's id names: its leading letters ("aa012" → "aa"; "q7" → "q")."""
    m = _WRITER.match(question_id)
    return m.group(0) if m else ""


def questions_of(path: Path, split: str, paragraphs=None) -> dict[str, list]:
    """The file's questions of ``split`` by writer, in file order."""
    from .evaluation.dataset import has_splits, load_questions, select_split

    questions = load_questions(path, paragraphs)
    if split != "all" and has_splits(questions):
        questions = select_split(questions, split)
    out: dict[str, list] = {}
    for q in questions:
        out.setdefault(writer_of(q.id), []).append(q)
    return out


def labelled_of(questions, clauses) -> tuple[list[Example], list[str], int]:
    """The questions' usable examples, their single-turn out-of-scope questions, and how many
    in-scope single-turn items named no clause."""
    from .evaluation import metrics

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


def replies_scored(assistant, questions) -> np.ndarray:
    """(in scope, Hit@1, refused in scope, out of scope, refused out of scope) of the replies to
    these benchmark questions, counted by the benchmark's own runner."""
    from .evaluation.runner import OVERALL, parse_configs, run_benchmark

    spec = parse_configs(assistant.config.retrieval_mode)[0]
    s = run_benchmark(list(questions), [spec], loader=lambda _: assistant, progress=False).summary[spec.name][OVERALL]
    n_in, n_out = s["n_in_scope"], s["n_out_of_scope"]
    return np.array([n_in, (s["hit@1"] or 0) * n_in, (s["false_abstention"] or 0) * n_in,
                     n_out, (s["abstain_recall"] or 0) * n_out])


def _pipeline_cross_validation(assistant, groups, train) -> None:
    """The whole pipeline on each left-out writer: without an adapter, and with one trained on the others."""
    print(f"\n{'left out (hybrid replies)':<40} {'Hit@1':>6} {'adapted':>8} {'false abst.':>12} {'adapted':>8}"
          f" {'abst. recall':>13} {'adapted':>8}")
    plain = assistant.with_options(use_adapter=False)
    totals = np.zeros((2, 5))
    for key, group in groups.items():
        others = [k for k in groups if k != key]
        if not any(len(groups[k].examples) for k in others):
            continue
        adapted = assistant.with_options(use_adapter=True)
        adapted.retriever.adapter = train(others)
        rows = [replies_scored(a, group.questions) for a in (plain, adapted)]
        totals += np.array(rows)
        print(f"{_name(key):<40} " + " ".join(f"{_ratio(rows[0], i):>{w}} {_ratio(rows[1], i):>8}"
                                             for i, w in ((1, 6), (2, 12), (4, 13))))
    print(f"{'all':<40} " + " ".join(f"{_ratio(totals[0], i):>{w}} {_ratio(totals[1], i):>8}"
                                     for i, w in ((1, 6), (2, 12), (4, 13))))


def fit_refusal(assistant, groups, train, l2: float = 1.0) -> RefusalModel | None:
    """The refusal model, fitted on replies to each writer's questions by an adapter (and scope
    model) trained without that writer; None with fewer than two writers or without replies of
    both kinds to learn from."""
    replies, labels = [], []
    for key, group in groups.items():
        others = [k for k in groups if k != key]
        if not group.questions or not any(len(groups[k].examples) for k in others):
            continue
        fold = assistant.with_options(use_adapter=True, use_refusal_model=False)
        fold.retriever.adapter = train(others)
        for q in group.questions:
            reply = fold.ask(q.text, history=list(q.history))
            if reply.found and eligible(reply.signals, reply.kind):
                replies.append((reply.signals, reply.question))
                labels.append(int(not q.in_scope))
        print(f"{_name(key)}: {len(replies)} answered replies so far", flush=True)
    if len(set(labels)) < 2:
        return None
    return RefusalModel.fit(replies, labels, l2=l2, info={"writers": len(groups)})


def _name(key: tuple[Path, str]) -> str:
    return f"{key[0]}:{key[1]}" if key[1] else str(key[0])


def _ratio(row, i: int) -> str:
    denominator = row[0] if i < 3 else row[3]
    return f"{row[i] / denominator:.3f}" if denominator else "–"


@dataclass
class _Group:
    """One writer's questions of one file, with what training reads of them."""
    questions: list
    examples: list[Example]
    vectors: np.ndarray  # the examples' question vectors
    outside_vectors: np.ndarray
    outside: list[str]


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
    groups: dict[tuple[Path, str], _Group] = {}

    def encode(texts) -> np.ndarray:
        return np.stack([assistant.embedder.encode_query(assistant.dense_text(t) or t) for t in texts]) \
            .astype(np.float32) if texts else np.zeros((0, clause_vectors.shape[1]), np.float32)

    for path in files:
        try:
            writers = questions_of(path, args.split)
        except DatasetError as exc:
            print(f"qa adapt: không đọc được tệp câu hỏi — {exc}", file=sys.stderr)
            return 2
        counts = np.zeros(3, dtype=int)
        for writer, questions in writers.items():
            examples, outside, unmatched = labelled_of(questions, clauses)
            groups[(path, writer)] = _Group(questions, examples, encode([e.text for e in examples]),
                                            encode(outside), outside)
            counts += (len(examples), len(outside), unmatched)
        note = f" ({counts[2]} name no clause of this index)" if counts[2] else ""
        print(f"{path}: {counts[0]} examples, {counts[1]} out of scope, {len(writers)} writer(s){note}")
    if not any(len(g.examples) for g in groups.values()):
        print("Không có câu hỏi nào có đoạn đáp án trong chỉ mục này: không huấn luyện được bộ chuyển truy vấn.")
        return 1

    def train(keys) -> QueryAdapter:
        """An adapter from these writers' examples, keeping their out-of-scope questions too, and the
        scope model fitted on both kinds (when there are both)."""
        chosen = [groups[k] for k in keys]
        examples = [e for g in chosen for e in g.examples]
        inside = np.concatenate([g.vectors for g in chosen])
        outside = np.concatenate([g.outside_vectors for g in chosen])
        texts = [e.text for e in examples] + [t for g in chosen for t in g.outside]
        scope = ScopeModel.fit(texts, np.concatenate([inside, outside]), [0] * len(inside) + [1] * len(outside),
                               c=assistant.config.scope_c) if len(inside) and len(outside) else None
        return QueryAdapter.train(clauses, clause_vectors, inside, examples,
                                  model, settings, info={"questions": [str(f) for f in files], "split": args.split},
                                  outside_vectors=outside, scope=scope)

    if args.cross_validate:
        if len(groups) < 2:
            print("qa adapt: --cross-validate cần câu hỏi của từ hai người viết trở lên (mỗi lượt bỏ ra một người)",
                  file=sys.stderr)
            return 2
        print(f"\n{'left out':<40} {'n':>4} {'dense Hit@1':>12} {'adapted':>8}")
        total = base_hits = adapted_hits = 0
        for key, group in groups.items():
            others = [k for k in groups if k != key]
            if not group.examples or not any(len(groups[k].examples) for k in others):
                continue
            adapter = train(others)
            base, adapted = hit_at_1(group.vectors, clause_vectors, group.examples, None), \
                hit_at_1(group.vectors, clause_vectors, group.examples, adapter)
            total += len(group.examples)
            base_hits += base * len(group.examples)
            adapted_hits += adapted * len(group.examples)
            print(f"{_name(key):<40} {len(group.examples):>4} {base:>12.3f} {adapted:>8.3f}")
        print(f"{'all':<40} {total:>4} {base_hits / total:>12.3f} {adapted_hits / total:>8.3f}")
        _pipeline_cross_validation(assistant, groups, train)
    if args.write:
        adapter = train(list(groups))
        if not args.no_refusal:
            refusal = fit_refusal(assistant, groups, train)
            if refusal is not None:
                adapter = replace(adapter, refusal=refusal)
                print(f"refusal model: {refusal.info['replies']} answered replies "
                      f"({refusal.info['out_of_scope']} out of scope), {len(groups)} writers")
            else:
                print("refusal model: not fitted (fewer than two writers, or no answered reply of one kind)")
        target = args.out or adapter_path(assistant.config, model, adapter.fingerprint)
        adapter.save(target)
        print(f"\nwrote {target}: {adapter.info['examples']} examples, {adapter.info['outside_examples']} out of "
              f"scope, model {model}, {len(clauses)} clauses")
    if not args.cross_validate and not args.write:
        print("(chưa đo, chưa lưu: thêm --cross-validate để đo, --write để lưu bộ chuyển truy vấn)")
    return 0
