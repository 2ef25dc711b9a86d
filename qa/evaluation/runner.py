"""Ask every benchmark question under every configuration and score the replies.

A configuration is ``lexical``, ``dense``, ``hybrid`` (variants of the bundled
assistant that share its loaded models and index) or ``model:NAME_OR_PATH`` (hybrid
with another sentence-transformers model, its index built in a temporary directory).
The assistant comes from a *loader*, so tests pass a fake one:

>>> result = run_benchmark(questions, parse_configs("lexical,hybrid"), loader=lambda spec: fake)
>>> result.summary["hybrid"]["all"]["mrr@10"]
0.83
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from qa.evaluation import metrics
from qa.evaluation.dataset import STYLES, TYPES, Question

MODES = ("lexical", "dense", "hybrid")
MODEL_PREFIX = "model:"
OVERALL = "all"


class ConfigSpecError(ValueError):
    """A ``--configs`` entry is not understood; the message names it."""


class AssistantLoadError(RuntimeError):
    """The assistant for a configuration could not be loaded."""


@dataclass(frozen=True)
class ConfigSpec:
    """One column of the side-by-side table."""

    name: str
    retrieval_mode: str = "hybrid"
    model: str | None = None
    options: tuple[tuple[str, Any], ...] = ()  # Config overrides: "hybrid:use_paraphrases=false:ans_high=0"


def _option_value(text: str) -> Any:
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered == "none":  # an option that can be switched off ("neighbours_keep=none")
        return None
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return text


def parse_configs(text: str) -> list[ConfigSpec]:
    """``"lexical,dense,hybrid,model:keepitreal/vietnamese-sbert"`` → specs, in order."""
    specs: list[ConfigSpec] = []
    for raw in (text or "").split(","):
        name = raw.strip()
        if not name:
            continue
        mode, _, rest = name.partition(":")
        if mode in MODES and rest and "=" in rest:
            pairs = [p.partition("=") for p in rest.split(":")]
            if any(not k or not eq for k, eq, _ in pairs):
                raise ConfigSpecError(f"configuration {name!r}: write options as {mode}:name=value:name=value")
            spec = ConfigSpec(name=name, retrieval_mode=mode, options=tuple((k, _option_value(v)) for k, _, v in pairs))
        elif name in MODES:
            spec = ConfigSpec(name=name, retrieval_mode=name)
        elif name.startswith(MODEL_PREFIX) and name[len(MODEL_PREFIX):].strip():
            spec = ConfigSpec(name=name, retrieval_mode="hybrid", model=name[len(MODEL_PREFIX):].strip())
        else:
            raise ConfigSpecError(
                f"unknown configuration {name!r}; use {', '.join(MODES)} or {MODEL_PREFIX}NAME_OR_PATH"
            )
        if any(s.name == spec.name for s in specs):
            raise ConfigSpecError(f"configuration {name!r} is listed twice")
        specs.append(spec)
    if not specs:
        raise ConfigSpecError(f"no configuration given; use {', '.join(MODES)} or {MODEL_PREFIX}NAME_OR_PATH")
    return specs


class AssistantLike(Protocol):
    def ask(self, question: str, history: list[str] = ...) -> Any: ...


Loader = Callable[[ConfigSpec], AssistantLike]


class AssistantLoader:
    """Loads the real assistant once and derives the variants; call ``close()`` at the end.

    ``overrides`` are extra ``Config`` fields applied to every configuration
    (e.g. ``{"top_k": 10}``); by default the shipped configuration is measured.
    """

    def __init__(self, overrides: dict[str, Any] | None = None) -> None:
        self.overrides = dict(overrides or {})
        self._base: Any = None
        self._tmpdirs: list[tempfile.TemporaryDirectory] = []

    def _load(self, **config_fields: Any) -> Any:
        try:
            from qa import Assistant, Config
        except ImportError as exc:  # the core package is missing or broken
            raise AssistantLoadError(f"cannot import the assistant (qa.Assistant): {exc}") from exc
        settings = {**self.overrides, **config_fields}
        try:
            return Assistant.load(Config().replace(**settings))
        except Exception as exc:  # any load failure is reported as one sentence by the CLI
            raise AssistantLoadError(f"cannot load the assistant with {settings or 'defaults'}: {exc}") from exc

    def __call__(self, spec: ConfigSpec) -> Any:
        if spec.model is not None:
            tmp = tempfile.TemporaryDirectory(prefix="qa-eval-index-")
            self._tmpdirs.append(tmp)
            return self._load(model=spec.model, index_dir=tmp.name, retrieval_mode=spec.retrieval_mode)
        if self._base is None:
            self._base = self._load()
        try:
            return self._base.with_options(retrieval_mode=spec.retrieval_mode, **dict(spec.options))
        except Exception as exc:  # an unknown option or a bad value: one sentence from the CLI
            raise AssistantLoadError(f"cannot apply {spec.name!r}: {exc}") from exc

    def close(self) -> None:
        for tmp in self._tmpdirs:
            tmp.cleanup()
        self._tmpdirs.clear()


@dataclass(frozen=True)
class Record:
    """One question asked under one configuration, scored."""

    id: str
    type: str
    split: str
    config: str
    question: str
    history: tuple[str, ...]
    rank: int | None
    relevant: tuple[bool, ...]
    n_ideal: int
    ndcg: float | None
    found: bool | None
    kind: str
    answer: str
    answer_correct: bool | None
    latency_ms: float
    citations: tuple[str, ...] = ()
    error: str | None = None
    style: str | None = None
    confidence: str = ""  # the reply's state: high | low (closest clause shown) | none

    @property
    def in_scope(self) -> bool:
        return self.type != "out_of_scope"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "style": self.style,
            "split": self.split,
            "config": self.config,
            "question": self.question,
            "history": list(self.history),
            "rank": self.rank,
            "relevant": list(self.relevant),
            "n_ideal": self.n_ideal,
            "ndcg": self.ndcg,
            "found": self.found,
            "confidence": self.confidence,
            "kind": self.kind,
            "answer": self.answer,
            "answer_correct": self.answer_correct,
            "latency_ms": round(self.latency_ms, 3),
            "citations": list(self.citations),
            "error": self.error,
        }


def score_reply(question: Question, reply: Any, config: str, latency_ms: float,
                clause_texts: Sequence[str] | None = None) -> Record:
    """Turn one reply into a ``Record`` (retrieval scored only for in-scope questions)."""
    citations = tuple(getattr(reply, "citations", ()) or ())
    texts = [c.text for c in citations]
    found = bool(getattr(reply, "found", False))
    answer = getattr(reply, "answer", "") or ""
    if question.in_scope:
        relevant = tuple(metrics.relevance_vector(texts, question.gold))
        rank = metrics.first_relevant_rank(texts, question.gold)
        n_ideal = metrics.ideal_count(clause_texts, question.gold)
        ndcg = metrics.ndcg(relevant, n_ideal)
    else:
        relevant, rank, n_ideal, ndcg = (), None, 0, None
    return Record(
        id=question.id, type=question.type, split=question.split, config=config,
        question=question.text, history=question.history,
        rank=rank, relevant=relevant, n_ideal=n_ideal, ndcg=ndcg,
        found=found, kind=str(getattr(reply, "kind", "")), answer=answer,
        answer_correct=metrics.answer_correct(found, answer, question.answer),
        latency_ms=latency_ms,
        citations=tuple(str(getattr(c, "ref", "")) for c in citations),
        style=question.style,
        confidence=str(getattr(reply, "confidence", "") or ""),
    )


def failed_record(question: Question, config: str, latency_ms: float, error: str) -> Record:
    """``ask()`` raised: a miss everywhere, neither found nor abstained."""
    return Record(
        id=question.id, type=question.type, split=question.split, config=config,
        question=question.text, history=question.history, rank=None,
        relevant=(), n_ideal=0, ndcg=0.0 if question.in_scope else None, found=None, kind="error",
        answer="", answer_correct=False if question.answer else None,
        latency_ms=latency_ms, error=error, style=question.style,
    )


METRIC_KEYS = ("n", "hit@1", "hit@3", "hit@5", "mrr@10", "ndcg@10", "answer_acc",
               "abstain_precision", "abstain_recall", "false_abstention",
               "latency_p50_ms", "latency_p95_ms", "errors")


def summarize(records: Sequence[Record]) -> dict[str, Any]:
    """Every metric over ``records``; ``None`` where a metric has no question to count."""
    in_scope = [r for r in records if r.in_scope]
    scored = [r for r in records if r.answer_correct is not None]
    latencies = [r.latency_ms for r in records]
    summary: dict[str, Any] = {"n": len(records), "n_in_scope": len(in_scope), "n_answer": len(scored),
                               "n_out_of_scope": len(records) - len(in_scope)}
    for k in metrics.HIT_KS:
        summary[f"hit@{k}"] = metrics.mean([metrics.hit_at_k(r.rank, k) for r in in_scope])
    summary["mrr@10"] = metrics.mean([metrics.reciprocal_rank(r.rank) for r in in_scope])
    summary["ndcg@10"] = metrics.mean([r.ndcg or 0.0 for r in in_scope])
    summary["answer_acc"] = metrics.mean([1.0 if r.answer_correct else 0.0 for r in scored])
    summary.update(metrics.abstention_scores([r.found is False for r in records],
                                             [not r.in_scope for r in records]))
    for p in (50, 95):
        value = metrics.percentile(latencies, p)
        summary[f"latency_p{p}_ms"] = None if value is None else round(value, 3)
    summary["errors"] = sum(1 for r in records if r.error)
    # The third state: refused, but with the closest clause shown ("Kế hoạch không nói trực tiếp …").
    summary["closest_rate"] = metrics.ratio(sum(1 for r in records if r.confidence == "low"), len(records))
    return summary


def summarize_by_type(records: Sequence[Record]) -> dict[str, dict[str, Any]]:
    """``{"all": {...}, "who": {...}, …}`` — the overall group first, then types in order."""
    groups = {OVERALL: summarize(records)}
    extra = sorted({r.type for r in records} - set(TYPES))  # an evaluator's own types, after the known ones
    for qtype in (*TYPES, *extra):
        subset = [r for r in records if r.type == qtype]
        if subset:
            groups[qtype] = summarize(subset)
    return groups


def summarize_by_style(records: Sequence[Record]) -> dict[str, dict[str, Any]]:
    """``{"paraphrase": {...}, …}`` in the order of ``STYLES``; empty when no record has a style."""
    styles = {r.style for r in records if r.style}
    if not styles:
        return {}
    groups = {}
    for style in (*[s for s in STYLES if s in styles], *sorted(styles - set(STYLES))):
        groups[style] = summarize([r for r in records if r.style == style])
    if any(r.style is None for r in records):
        groups["(none)"] = summarize([r for r in records if r.style is None])
    return groups


@dataclass
class BenchmarkResult:
    configs: list[str]
    records: list[Record]
    summary: dict[str, dict[str, dict[str, Any]]]  # config → group → metric → value
    warnings: list[str] = field(default_factory=list)
    by_style: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # config → style → metric
    overlap: dict[str, Any] | None = None  # overlap.overlap_summary of the question set, when measured
    details: dict[str, str] = field(default_factory=dict)  # config → its model and query adapter

    def summary_dict(self) -> dict[str, Any]:
        return {"configs": list(self.configs), "details": dict(self.details), "summary": self.summary,
                "by_style": self.by_style, "overlap": self.overlap, "warnings": list(self.warnings)}

    def records_for(self, config: str) -> list[Record]:
        return [r for r in self.records if r.config == config]


def _progress(total: int, enabled: bool):
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # the bar is a convenience; the run does not need it
        return None
    return tqdm(total=total, unit="q", dynamic_ncols=True, leave=False)


def _clause_texts(assistant: Any) -> list[str] | None:
    clauses = getattr(assistant, "clauses", None)
    if clauses is None:
        return None
    return [c.text for c in clauses]


def describe(assistant: Any) -> str:
    """What a configuration ran with: its embedding model and its query adapter ("" when unknown)."""
    index = getattr(assistant, "index", None)
    model = (getattr(index, "manifest", None) or {}).get("model", "")
    retriever = getattr(assistant, "retriever", None)
    if not model or retriever is None:
        return ""
    if getattr(getattr(retriever, "config", None), "retrieval_mode", "") == "lexical":
        return "BM25 views only"
    adapter = getattr(retriever, "adapter", None)
    if adapter is None:
        return f"{model}, no query adapter"
    return f"{model}, query adapter: {adapter.info.get('examples', '?')} {adapter.info.get('split', '?')} questions"


def run_benchmark(questions: Sequence[Question], specs: Sequence[ConfigSpec],
                  loader: Loader | None = None, progress: bool = True) -> BenchmarkResult:
    """Ask each question under each configuration; return scored records and summaries."""
    owned = loader is None
    loader = loader or AssistantLoader()
    records: list[Record] = []
    warnings: list[str] = []
    details: dict[str, str] = {}
    bar = _progress(len(questions) * len(specs), progress)
    try:
        for spec in specs:
            assistant = loader(spec)
            details[spec.name] = describe(assistant)
            warm_up = getattr(assistant, "warm_up", None)
            if callable(warm_up):  # load models now so the first question's latency is not a load time
                warm_up()
            clause_texts = _clause_texts(assistant)
            if clause_texts is not None:
                for q in questions:
                    if q.in_scope and metrics.ideal_count(clause_texts, q.gold) == 0:
                        warnings.append(f"{spec.name}: no clause contains a gold substring of {q.id}")
            if bar is not None:
                bar.set_description(spec.name)
            for q in questions:
                started = time.perf_counter()
                try:
                    reply = assistant.ask(q.text, list(q.history))
                except Exception as exc:  # one failing question must not lose the whole run
                    elapsed = (time.perf_counter() - started) * 1000
                    records.append(failed_record(q, spec.name, elapsed, f"{type(exc).__name__}: {exc}"))
                    warnings.append(f"{spec.name}: {q.id} raised {type(exc).__name__}: {exc}")
                else:
                    elapsed = (time.perf_counter() - started) * 1000
                    records.append(score_reply(q, reply, spec.name, elapsed, clause_texts))
                if bar is not None:
                    bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        if owned and isinstance(loader, AssistantLoader):
            loader.close()
    names = [s.name for s in specs]
    summary = {name: summarize_by_type([r for r in records if r.config == name]) for name in names}
    by_style = {name: summarize_by_style([r for r in records if r.config == name]) for name in names}
    if not any(by_style.values()):
        by_style = {}
    return BenchmarkResult(configs=names, records=records, summary=summary, warnings=warnings, by_style=by_style,
                           details={k: v for k, v in details.items() if v})
