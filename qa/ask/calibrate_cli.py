"""``qa calibrate``: fit the answerability weights on benchmark questions (dev only).

Runs every question through the assistant, keeps the verdicts the score decided (not a
rule), and fits one logistic model per feature set: the loaded model's (dense signals)
and ``lexical``. Prints the weights and, with ``--write``, stores them in
``qa/data/answerability.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

from .calibration import DATA, DENSE_FEATURES, LEXICAL_FEATURES, fit


def add_parser(sub) -> None:
    p = sub.add_parser("calibrate", help="fit the answerability weights on the dev split")
    p.add_argument("--questions", required=True, help="comma-separated question files (JSONL)")
    p.add_argument("--split", default="dev")
    p.add_argument("--write", action="store_true", help=f"store the weights in {DATA.name}")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..assistant import Assistant

    assistant = Assistant.load()
    rows, labels = [], []
    for name in args.questions.split(","):
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if args.split != "all" and item.get("split") != args.split:
                continue
            turns = item.get("turns") or [item["question"]]
            reply = assistant.ask(turns[-1], history=turns[:-1])
            if reply.signals and not reply.signals.get("rule"):
                rows.append(reply.signals)
                labels.append(int(item["type"] != "out_of_scope"))
    model = assistant.index.manifest.get("model", "")
    weights = {model: fit(rows, labels, DENSE_FEATURES), "lexical": fit(rows, labels, LEXICAL_FEATURES)}
    print(f"{len(rows)} questions decided by the score ({sum(labels)} in scope)")
    print(json.dumps(weights, ensure_ascii=False, indent=1))
    if args.write:
        data = json.loads(DATA.read_text(encoding="utf-8"))
        data["models"].update(weights)
        data["note"] = (f"fitted by `qa calibrate --questions {args.questions} --split {args.split}` "
                        f"on {len(rows)} score-decided questions")
        DATA.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0
