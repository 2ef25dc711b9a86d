"""Render a ``BenchmarkResult``: terminal table, ``report.md``, ``chart.png``, ``results.json``.

>>> print(format_table(result))
>>> write_outputs(result, Path("eval/out"))
[PosixPath('eval/out/report.md'), PosixPath('eval/out/chart.png'), PosixPath('eval/out/results.json')]
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from qa.evaluation.overlap import format_overlap, overlap_markdown
from qa.evaluation.runner import OVERALL, BenchmarkResult

# (key, column title, kind) — kind decides the number format.
METRICS: tuple[tuple[str, str, str], ...] = (
    ("n", "n", "count"),
    ("n_in_scope", "n in scope", "count"),
    ("n_answer", "n short answer", "count"),
    ("n_out_of_scope", "n out of scope", "count"),
    ("hit@1", "Hit@1", "ratio"),
    ("hit@3", "Hit@3", "ratio"),
    ("hit@5", "Hit@5", "ratio"),
    ("mrr@10", "MRR@10", "ratio"),
    ("ndcg@10", "nDCG@10", "ratio"),
    ("answer_acc", "Answer acc.", "ratio"),
    ("abstain_precision", "Abstain P", "ratio"),
    ("abstain_recall", "Abstain R", "ratio"),
    ("false_abstention", "False abst.", "ratio"),
    ("closest_rate", "Closest shown", "ratio"),
    ("latency_p50_ms", "p50 ms", "ms"),
    ("latency_p95_ms", "p95 ms", "ms"),
)
# The count each metric is averaged over, shown beside it in the per-type tables.
DENOMINATOR = {"hit@1": "n_in_scope", "hit@3": "n_in_scope", "hit@5": "n_in_scope", "mrr@10": "n_in_scope",
               "ndcg@10": "n_in_scope", "false_abstention": "n_in_scope", "answer_acc": "n_answer",
               "abstain_recall": "n_out_of_scope"}
COUNT_KEYS = ("n", "n_in_scope", "n_answer", "n_out_of_scope")
# The per-type terminal table: one row per (type, configuration), these columns.
TYPE_TABLE_METRICS = ("n", "hit@1", "hit@5", "mrr@10", "ndcg@10", "answer_acc", "abstain_recall",
                      "false_abstention", "latency_p50_ms")
# One chart panel per metric: bars per type, one colour per configuration.
CHART_METRICS = (("hit@1", "Hit@1"), ("hit@5", "Hit@5"), ("mrr@10", "MRR@10"), ("ndcg@10", "nDCG@10"),
                 ("answer_acc", "Short-answer accuracy"), ("abstained", "Abstained (share of questions)"))


LABEL_MAX = 24  # a model path is shortened to its tail in table headers


def short(config: str) -> str:
    """``model:/long/path/to/model`` → ``model:…/to/model``, ``hybrid:use_paraphrases=false`` →
    ``hybrid:…aphrases=false``: the kind stays, the tail says which, for table headers and legends."""
    if len(config) <= LABEL_MAX:
        return config
    head = config.split(":", 1)[0] + ":…"
    return head + config[-(LABEL_MAX - len(head)):]


def fmt(value: Any, kind: str = "ratio") -> str:
    if value is None:
        return "–"
    if kind == "count":
        return str(int(value))
    if kind == "ms":
        return f"{value:.0f}"
    return f"{value:.3f}"


def _kind(key: str) -> str:
    return next((k for m, _, k in METRICS if m == key), "ratio")


def _title(key: str) -> str:
    return next((t for m, t, _ in METRICS if m == key), key)


def _grid(header: list[str], rows: list[list[str]], markdown: bool = False) -> str:
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    def line(cells: list[str]) -> str:
        left = _left_columns(header)
        return "  ".join(c.ljust(w) if i < left else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


def _left_columns(header: list[str]) -> int:
    return 2 if len(header) > 1 and header[1] == "config" else 1


def _groups(result: BenchmarkResult, table: dict[str, dict[str, dict[str, Any]]] | None = None) -> list[str]:
    table = result.summary if table is None else table
    seen: list[str] = []
    for config in result.configs:
        for group in table.get(config, {}):
            if group not in seen:
                seen.append(group)
    return seen


def overall_table(result: BenchmarkResult, markdown: bool = False) -> str:
    """Rows are metrics, columns the configurations side by side (all questions)."""
    header = ["metric", *map(short, result.configs)]
    rows = [[title, *(fmt(result.summary[c][OVERALL].get(key), kind) for c in result.configs)]
            for key, title, kind in METRICS]
    return _grid(header, rows, markdown)


def metric_by_type_table(result: BenchmarkResult, key: str, markdown: bool = False,
                         by: str = "type") -> str:
    """Rows are question types (``by="style"``: styles), columns the configurations, cells one metric."""
    table = result.by_style if by == "style" else result.summary
    count = DENOMINATOR.get(key, "n")
    header = [by, _title(count), *map(short, result.configs)]
    rows = []
    for group in _groups(result, table):
        first = table[result.configs[0]].get(group, {})
        rows.append([group, fmt(first.get(count), "count"),
                     *(fmt(table[c].get(group, {}).get(key), _kind(key)) for c in result.configs)])
    return _grid(header, rows, markdown)


def type_table(result: BenchmarkResult, keys: tuple[str, ...] = TYPE_TABLE_METRICS, by: str = "type") -> str:
    """Per-type (or per-style) table for the terminal: the configurations on consecutive rows of each group."""
    table = result.by_style if by == "style" else result.summary
    header = [by, "config", *(_title(k) for k in keys)]
    rows = []
    for group in _groups(result, table):
        for i, config in enumerate(result.configs):
            stats = table[config].get(group, {})
            rows.append([group if i == 0 else "", short(config), *(fmt(stats.get(k), _kind(k)) for k in keys)])
    return _grid(header, rows)


def format_table(result: BenchmarkResult) -> str:
    parts = ["Overall", overall_table(result), "", "By question type", type_table(result)]
    if result.by_style:
        parts += ["", "By question style", type_table(result, by="style")]
    if result.overlap is not None:
        parts += ["", format_overlap(result.overlap)]
    if result.warnings:
        parts += ["", f"{len(result.warnings)} warning(s): see report.md"]
    return "\n".join(parts)


def markdown_report(result: BenchmarkResult, questions_file: Path | None = None, split: str = "all") -> str:
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark report",
        "",
        f"- questions: `{questions_file}` (split: {split}, {result.summary[result.configs[0]][OVERALL]['n']} questions)"
        if questions_file else f"- split: {split}",
        f"- configurations: {', '.join(f'`{c}`' + (f' ({result.details[c]})' if c in result.details else '') for c in result.configs)}",
        f"- generated: {when}",
        "",
        "Retrieval metrics (Hit@k, MRR@10, nDCG@10) count in-scope questions only; a citation is "
        "relevant when its text contains a gold substring. Answer accuracy counts questions with a "
        "short answer. Abstaining = `reply.found is False`; precision/recall treat it as a detector "
        "of out-of-scope questions; false abstention is its rate on in-scope questions. "
        "`–` = nothing to count. Ranks are counted among the citations a reply returns "
        f"(at most {_depth(result)} in this run; `--top-k` changes it), so @10 metrics see no deeper.",
        "",
        "## Overall",
        "",
        overall_table(result, markdown=True),
        "",
        "![metrics by type](chart.png)",
        "",
    ]
    if result.overlap is not None:
        lines += ["## Lexical overlap with the gold clause", "",
                  "In-scope questions: the share of a question's content syllables found in its gold clause, "
                  f"and the fraction sharing at most {result.overlap['low_overlap_max']} content words with it "
                  "(see `qa/evaluation/overlap.py`). High overlap = questions worded like the plan.", "",
                  overlap_markdown(result.overlap), ""]
    for key, title, _ in METRICS:
        if key in COUNT_KEYS:
            continue
        lines += [f"## {title} by type", "", metric_by_type_table(result, key, markdown=True), ""]
        if result.by_style:
            lines += [f"### {title} by style", "", metric_by_type_table(result, key, markdown=True, by="style"), ""]
    misses = _misses(result)
    if misses:
        lines += ["## Retrieval misses (no relevant citation among those returned)", ""]
        for config, ids in misses.items():
            lines.append(f"- `{config}` ({len(ids)}): {', '.join(ids)}")
        lines.append("")
    if result.warnings:
        lines += ["## Warnings", ""] + [f"- {w}" for w in result.warnings] + [""]
    return "\n".join(lines)


def _depth(result: BenchmarkResult) -> int:
    return max((len(r.citations) for r in result.records), default=0)


def _misses(result: BenchmarkResult) -> dict[str, list[str]]:
    return {c: [r.id for r in result.records_for(c) if r.in_scope and r.rank is None] for c in result.configs}


def write_chart(result: BenchmarkResult, path: Path) -> Path:
    """Grouped bars: one panel per metric, x = question type, one bar per configuration."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups = _groups(result)
    n_cfg = len(result.configs)
    cols = 2
    rows = (len(CHART_METRICS) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(7 * cols, 3.2 * rows), squeeze=False)
    width = 0.8 / max(1, n_cfg)
    for ax, (key, title) in zip(axes.flat, CHART_METRICS):
        for i, config in enumerate(result.configs):
            values = []
            for group in groups:
                stats = result.summary[config].get(group, {})
                if key == "abstained":
                    records = [r for r in result.records_for(config) if group == OVERALL or r.type == group]
                    value = sum(1 for r in records if r.found is False) / len(records) if records else None
                else:
                    value = stats.get(key)
                values.append(float("nan") if value is None else value)
            xs = [g + (i - (n_cfg - 1) / 2) * width for g in range(len(groups))]
            ax.bar(xs, values, width=width, label=short(config))
        ax.set_title(title)
        ax.set_ylim(0, 1.05)
        ax.set_xticks(range(len(groups)))
        ax.set_xticklabels(groups, rotation=30, ha="right", fontsize=8)
        ax.grid(axis="y", alpha=0.3)
    for ax in list(axes.flat)[len(CHART_METRICS):]:
        ax.axis("off")
    axes.flat[0].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def results_json(result: BenchmarkResult, questions_file: Path | None = None, split: str = "all") -> dict[str, Any]:
    return {
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "questions_file": str(questions_file) if questions_file else None,
        "split": split,
        **result.summary_dict(),
        "records": [r.to_dict() for r in result.records],
    }


def write_outputs(result: BenchmarkResult, out_dir: Path, questions_file: Path | None = None,
                  split: str = "all") -> list[Path]:
    """Write report.md, chart.png and results.json into ``out_dir`` (created if needed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    report = out_dir / "report.md"
    report.write_text(markdown_report(result, questions_file, split), encoding="utf-8")
    chart = write_chart(result, out_dir / "chart.png")
    results = out_dir / "results.json"
    results.write_text(json.dumps(results_json(result, questions_file, split), ensure_ascii=False, indent=2) + "\n",
                       encoding="utf-8")
    return [report, chart, results]
