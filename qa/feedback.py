"""Thumbs up / down from the chat, kept in a local JSONL file, and turned into benchmark candidates.

One line per vote: the question (and the earlier questions it followed), the
answer as shown, the reply state and the cited clauses. Nothing is learned from
these automatically: ``candidates()`` only drafts lines in the benchmark's format
(``eval/questions.jsonl``) for an evaluator to review, correct and add.

>>> log = FeedbackLog("/tmp/feedback.jsonl")
>>> log.record("ai ký kế hoạch?", reply.to_dict(), liked=True)
>>> [c["note"] for c in candidates(read_feedback("/tmp/feedback.jsonl"))]
['👍 …']
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FEEDBACK_ENV = "QA_FEEDBACK"
# Never inside the repository: the votes are the users' questions, not project data.
DEFAULT_PATH = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "qa" / "feedback.jsonl"
MAX_FIELD_CHARS = 2000  # a question or an answer longer than this is cut in the log
MAX_CITATIONS = 5
GOLD_MIN_CHARS = 25  # as in qa.evaluation.dataset: a gold passage is a clause substring of 25–120 characters
GOLD_MAX_CHARS = 120
_KINDS = {"who": "who", "when": "when", "where": "where", "meta": "meta", "what": "what"}


def feedback_path(environ=os.environ) -> Path:
    """``$QA_FEEDBACK`` if set, else ``~/.local/state/qa/feedback.jsonl`` (outside the repository)."""
    value = environ.get(FEEDBACK_ENV, "").strip()
    return Path(value).expanduser() if value else DEFAULT_PATH


class FeedbackLog:
    """Appends one JSON line per vote; safe to share between the server's threads."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else feedback_path()
        self._lock = threading.Lock()

    def record(self, question: str, reply: dict[str, Any], liked: bool, history: Iterable[str] = ()) -> dict:
        """Write one vote; returns the line written. ``reply`` is ``Reply.to_dict()``."""
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "vote": "up" if liked else "down",
            "question": _cut(question),
            "history": [_cut(h) for h in history][-5:],
            "answer": _cut(reply.get("answer", "")),
            "found": bool(reply.get("found")),
            "confidence": str(reply.get("confidence", "")),
            "kind": str(reply.get("kind", "")),
            "citations": [
                {"doc": c.get("doc", ""), "ref": c.get("ref", ""), "label": c.get("label", ""),
                 "text": _cut(c.get("text", ""))}
                for c in list(reply.get("citations") or [])[:MAX_CITATIONS] if isinstance(c, dict)
            ],
        }
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as out:
                out.write(line)
        return entry


def read_feedback(path: str | Path) -> list[dict]:
    """The votes in ``path``; a line that is not a JSON object is skipped (a crash mid-write)."""
    votes = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(entry, dict) and isinstance(entry.get("question"), str) and entry["question"].strip():
                votes.append(entry)
    return votes


def candidates(votes: Iterable[dict]) -> list[dict]:
    """Draft benchmark lines (``eval/questions.jsonl`` format, no ``split``) from votes, for review.

    - 👍 on an answer: the cited clause becomes the gold passage, the answer the expected one;
    - 👍 on a refusal: an out-of-scope question;
    - 👎: the question with the clauses shown, gold left empty for the evaluator to fill.
    The same question (with the same history) is drafted once, from its latest vote.
    """
    latest: dict[str, dict] = {}
    for vote in votes:
        turns = [*vote.get("history", []), vote["question"]]
        latest[json.dumps(turns, ensure_ascii=False)] = vote
    out = []
    for key, vote in latest.items():
        turns = json.loads(key)
        refs = ", ".join(c.get("ref", "") for c in vote.get("citations", []))
        up = vote.get("vote") == "up"
        line: dict[str, Any] = {"id": "fb-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]}
        if len(turns) > 1:
            line["turns"] = turns
            line["type"] = "followup"
        else:
            line["question"] = turns[0]
        if up and vote.get("found"):
            line.setdefault("type", _KINDS.get(vote.get("kind", ""), "what"))
            first = (vote.get("citations") or [{}])[0]
            gold = gold_passage(first.get("text", ""))
            line["gold"] = [gold] if gold else []
            line["answer"] = [vote.get("answer", "")]
            line["note"] = f"👍 câu trả lời đúng theo người dùng; trích dẫn {refs}"
        elif up:
            line.setdefault("type", "out_of_scope")
            line["gold"] = []
            line["note"] = "👍 từ chối đúng theo người dùng (kế hoạch không có nội dung này)"
        else:
            line.setdefault("type", _KINDS.get(vote.get("kind", ""), "what"))
            line["gold"] = []
            line["note"] = (f"👎 người dùng cho là sai: «{_cut(vote.get('answer', ''), 200)}» "
                            f"(trích dẫn {refs or 'không có'}); cần người duyệt điền gold")
        out.append(line)
    return out


def gold_passage(text: str) -> str:
    """The first sentence or clause of ``text`` cut to 25–120 characters at a word boundary; "" if too short."""
    text = " ".join(text.split())
    text = re.sub(r"^\s*(?:-|\d+\.|[IVX]+\s*[-.])\s+", "", text)  # the list marker is not clause text
    if len(text) < GOLD_MIN_CHARS:
        return ""
    if len(text) <= GOLD_MAX_CHARS:
        return text
    cut = text[:GOLD_MAX_CHARS]
    for stop in (". ", "; ", ", "):
        at = cut.rfind(stop)
        if at >= GOLD_MIN_CHARS:
            return cut[:at]
    return cut.rsplit(" ", 1)[0]


def write_candidates(votes_path: str | Path, out_path: str | Path) -> int:
    """Write the drafted lines to ``out_path``; returns how many."""
    lines = candidates(read_feedback(votes_path))
    with open(out_path, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(lines)


def _cut(text: Any, limit: int = MAX_FIELD_CHARS) -> str:
    text = text if isinstance(text, str) else ""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
