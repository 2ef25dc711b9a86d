"""Load and validate the benchmark question file (JSONL, one question per line).

    {"id": "q001", "question": "…", "type": "who", "gold": ["…"], "answer": ["…"], "split": "dev"}
    {"id": "q140", "turns": ["earlier message", "scored follow-up"], "type": "followup", …}

A broken line stops the load with ``DatasetError("questions.jsonl:12: …")`` — the
file, the line and the reason — so a typo never turns into a silently skipped question:
unreadable JSON, no question text, a malformed or missing gold list, a gold substring
that is not in the corpus (when checked).

An evaluator's own file may be looser; these only produce a warning (``file:line: …``)
unless ``strict=True`` (used for the shipped sets, where every warning is an error):
unknown extra fields, a ``type`` or ``style`` outside the known lists, a missing or
unknown ``split`` (the question then belongs to ``--split all`` only), a missing
``answer`` (= no short answer), a gold substring outside 25–120 characters.

>>> questions = load_questions("eval/questions.jsonl")
>>> questions[0].id, questions[0].in_scope
('q001', True)
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa.evaluation.metrics import collapse

TYPES = ("who", "when", "what", "where", "meta", "nodiacritics", "out_of_scope", "followup")
SPLITS = ("dev", "test")
# How a question is worded (optional): reported per style next to per type.
STYLES = ("paraphrase", "scenario", "abbreviation", "typo", "nodiacritics", "followup", "plain")
GOLD_MIN_CHARS = 25
GOLD_MAX_CHARS = 120
MAX_GOLD = 3
FIELDS = {"id", "question", "turns", "type", "gold", "answer", "split", "style", "note"}

# A paragraph's list marker: "- ", "8. ", "I- " (the clause text starts after it).
_MARKER = re.compile(r"^\s*(?:-|\d+\.|[IVX]+\s*[-.])\s+")


class DatasetError(ValueError):
    """A question file is unreadable or a line is invalid; the message names file and line."""


@dataclass(frozen=True)
class Question:
    """One benchmark question. ``text`` is what is scored; ``history`` the earlier turns."""

    id: str
    type: str
    text: str
    history: tuple[str, ...]
    gold: tuple[str, ...]
    answer: tuple[str, ...]
    split: str | None
    line: int = 0
    style: str | None = None

    @property
    def in_scope(self) -> bool:
        return self.type != "out_of_scope"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id}
        if self.history:
            data["turns"] = [*self.history, self.text]
        else:
            data["question"] = self.text
        data.update(type=self.type, gold=list(self.gold), answer=list(self.answer))
        if self.split is not None:
            data["split"] = self.split
        if self.style is not None:
            data["style"] = self.style
        return data


def _strings(value: Any, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{name!r} must be a list of strings, got {json.dumps(value, ensure_ascii=False)}")
    if any(not v.strip() for v in value):
        raise ValueError(f"{name!r} holds an empty string")
    return tuple(unicodedata.normalize("NFC", v) for v in value)


def parse_question(data: Any, line: int = 0, warnings: list[str] | None = None,
                   strict: bool = True) -> Question:
    """Validate one decoded JSON object; raise ``ValueError`` naming the bad field.

    With ``strict=False`` the looser problems (see the module doc) are appended to
    ``warnings`` instead of raising.
    """
    def lenient(message: str) -> None:
        if strict:
            raise ValueError(message)
        if warnings is not None:
            warnings.append(message)

    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got {type(data).__name__}")
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        lenient(f"unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(FIELDS))}")
    for name in ("id", "type", "gold"):
        if name not in data:
            raise ValueError(f"missing field {name!r}")
    if "answer" not in data:
        lenient("missing field 'answer' (counted as no short answer)")
    if "split" not in data:
        lenient("missing field 'split' (the question is only part of --split all)")
    qid = data["id"]
    if not isinstance(qid, str) or not qid.strip():
        raise ValueError(f"'id' must be a non-empty string, got {qid!r}")
    qtype = data["type"]
    if not isinstance(qtype, str) or not qtype.strip():
        raise ValueError(f"'type' must be a non-empty string, got {qtype!r}")
    if qtype not in TYPES:
        lenient(f"'type' must be one of {', '.join(TYPES)}. Currently, the type is {qtype!r}")
    split = data.get("split")
    if split is not None and split not in SPLITS:
        lenient(f"'split' must be one of {', '.join(SPLITS)}. Currently, the split is {split!r}")
        split = None
    style = data.get("style")
    if style is not None and (not isinstance(style, str) or style not in STYLES):
        lenient(f"'style' must be one of {', '.join(STYLES)}. Currently, the style is {style!r}")
        style = style if isinstance(style, str) and style.strip() else None

    if ("question" in data) == ("turns" in data):
        raise ValueError("give exactly one of 'question' or 'turns'")
    if "turns" in data:
        turns = _strings(data["turns"], "turns")
        if len(turns) < 2:
            raise ValueError(f"'turns' needs at least 2 messages (history, then the scored one), got {len(turns)}")
        history, text = turns[:-1], turns[-1]
    else:
        if not isinstance(data["question"], str) or not data["question"].strip():
            raise ValueError(f"'question' must be a non-empty string, got {data['question']!r}")
        history, text = (), unicodedata.normalize("NFC", data["question"])
    if qtype == "followup" and not history:
        raise ValueError("a 'followup' question needs 'turns' with the earlier messages")

    gold = _strings(data["gold"], "gold")
    answer = _strings(data.get("answer", []), "answer")
    if qtype == "out_of_scope":
        if gold or answer:
            raise ValueError("an 'out_of_scope' question must have empty 'gold' and 'answer'")
    elif not 1 <= len(gold) <= MAX_GOLD:
        raise ValueError(f"'gold' must hold 1–{MAX_GOLD} substrings for type {qtype!r}, got {len(gold)}")
    for g in gold:
        n = len(collapse(g))
        if not GOLD_MIN_CHARS <= n <= GOLD_MAX_CHARS:
            lenient(f"gold substring must be {GOLD_MIN_CHARS}–{GOLD_MAX_CHARS} characters, got {n}: {g!r}")
    return Question(id=qid, type=qtype, text=text, history=history, gold=gold, answer=answer,
                    split=split, line=line, style=style)


def load_questions(path: str | Path, paragraphs: list[str] | None = None, *, strict: bool = False,
                   warnings: list[str] | None = None) -> list[Question]:
    """Read a JSONL question file; blank lines are skipped, a broken line raises.

    With ``paragraphs`` (see ``corpus_paragraphs``) every gold substring must occur in one.
    Looser problems are appended to ``warnings`` as ``file:line: reason`` (they raise
    with ``strict=True``).
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(f"{path}: question file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{path}: cannot read the question file: {exc}") from None
    haystacks = [collapse(p) for p in paragraphs] if paragraphs is not None else None
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        found: list[str] = []
        try:
            question = parse_question(data, number, found, strict=strict)
        except ValueError as exc:
            raise DatasetError(f"{where}: {exc}") from None
        if warnings is not None:
            warnings.extend(f"{where}: {w}" for w in found)
        if question.id in seen:
            raise DatasetError(f"{where}: duplicate id {question.id!r} (first on line {seen[question.id]})")
        seen[question.id] = number
        if haystacks is not None:
            for g in question.gold:
                if not any(collapse(g) in h for h in haystacks):
                    raise DatasetError(f"{where}: gold substring is not in any corpus paragraph: {g!r}")
        questions.append(question)
    return questions


def has_splits(questions: list[Question]) -> bool:
    """True when at least one question carries a dev/test split."""
    return any(q.split is not None for q in questions)


def select_split(questions: list[Question], split: str) -> list[Question]:
    """``"dev"``, ``"test"`` or ``"all"``; a question without a split is only in ``"all"``."""
    if split == "all":
        return list(questions)
    if split not in SPLITS:
        raise DatasetError(f"split must be one of dev, test, all. Currently, the split is {split!r}")
    return [q for q in questions if q.split == split]


def corpus_paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, each line without its list marker, spaces collapsed.

    The same unit a clause is cut from; gold substrings are checked against these.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_MARKER.sub("", line) for line in block.split("\n")]
        joined = collapse(" ".join(lines))
        if joined:
            paragraphs.append(joined)
    return paragraphs
