"""Quiz items → Moodle GIFT, Aiken, CSV and JSON.

GIFT carries every kind (multiple choice, ``{T}``/``{F}``, cloze as a missing-word
question) with the citation in ``//`` comments and the explanation as general
feedback. Aiken is multiple choice only: cloze items go as multiple choice with the
blank in the stem; true/false items are skipped and counted.

>>> out = export(result.items, "gift")
>>> out.count, out.skipped
(20, 0)
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any, Sequence

from qa.quiz.gift import escape
from qa.quiz.model import BLANK, TRUE_LABEL, QuizItem, QuizOptions

FORMATS = ("gift", "aiken", "csv", "json")
# Moodle's import form expects .txt for GIFT and Aiken.
EXTENSIONS = {"gift": ".gift.txt", "aiken": ".aiken.txt", "csv": ".csv", "json": ".json"}
AIKEN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# A cloze item with options is a multiple choice whose stem shows the blank.
AIKEN_KINDS = ("mcq", "cloze")
CSV_FIELDS = ("id", "kind", "topic", "difficulty", "stem")
CSV_TAIL = ("answer", "answer_letter", "explanation", "doc", "ref", "label")
JSON_FORMAT = "qa-quiz/1"


@dataclass(frozen=True)
class Exported:
    format: str
    text: str
    count: int  # items written
    skipped: int = 0  # items the format cannot hold (Aiken: true/false)


def one_line(text: str) -> str:
    return " ".join(text.split())


# --- GIFT ---------------------------------------------------------------------------------


def gift_item(item: QuizItem) -> str:
    c = item.citation
    lines = [
        f"// {one_line(c.doc)} · {one_line(c.ref)} · {one_line(c.label)}",
        f"// {item.kind} · {item.topic} · {item.difficulty}",
    ]
    title = f"::{escape(one_line(item.id))}::"
    feedback = f"####{escape(one_line(item.explanation))}"
    if item.kind == "tf":
        flag = "T" if item.answer == TRUE_LABEL else "F"
        lines.append(f"{title}{escape(one_line(item.stem))}{{{flag}{feedback}}}")
    elif item.kind == "cloze":
        before, _, after = item.stem.partition(BLANK)
        answers = " ".join(("=" if o == item.answer else "~") + escape(one_line(o)) for o in item.options)
        # Keep the spaces next to the blank: Moodle puts "_____" exactly where the braces stand.
        before, after = re.sub(r"\s+", " ", before).lstrip(), re.sub(r"\s+", " ", after).rstrip()
        lines.append(f"{title}{escape(before)}{{{answers}{feedback}}}{escape(after)}")
    else:
        lines.append(f"{title}{escape(one_line(item.stem))}{{")
        lines += [("=" if o == item.answer else "~") + escape(one_line(o)) for o in item.options]
        lines += [feedback, "}"]
    return "\n".join(lines)


def to_gift(items: Sequence[QuizItem]) -> str:
    head = "// Câu hỏi ôn tập soạn từ văn bản; mỗi câu ghi nguồn (số hiệu · mục · nhãn) ở dòng chú thích."
    return "\n\n".join([head, *(gift_item(i) for i in items)]) + "\n"


# --- Aiken --------------------------------------------------------------------------------


def aiken_ready(item: QuizItem) -> bool:
    """Aiken holds multiple choice: an mcq, or a cloze with options (its stem keeps the blank)."""
    return item.kind in AIKEN_KINDS and 2 <= len(item.options) <= len(AIKEN_LETTERS)


def to_aiken(items: Sequence[QuizItem]) -> tuple[str, int]:
    """(text, skipped): one-line stem, ``A.`` options, ``ANSWER: X``, a blank line between."""
    blocks, skipped = [], 0
    for item in items:
        if not aiken_ready(item):
            skipped += 1
            continue
        lines = [one_line(item.stem)]
        lines += [f"{AIKEN_LETTERS[i]}. {one_line(o)}" for i, o in enumerate(item.options)]
        lines.append(f"ANSWER: {AIKEN_LETTERS[item.answer_index]}")
        blocks.append("\n".join(lines))
    return ("\n\n".join(blocks) + "\n") if blocks else "", skipped


# --- CSV and JSON -------------------------------------------------------------------------


def csv_header(n_options: int) -> list[str]:
    return [*CSV_FIELDS, *(f"option_{i + 1}" for i in range(n_options)), *CSV_TAIL]


def to_csv(items: Sequence[QuizItem]) -> str:
    width = max([len(i.options) for i in items] + [QuizOptions().n_options])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(csv_header(width))
    for i in items:
        opts = list(i.options) + [""] * (width - len(i.options))
        c = i.citation
        w.writerow([i.id, i.kind, i.topic, i.difficulty, i.stem, *opts, i.answer,
                    AIKEN_LETTERS[i.answer_index], i.explanation, c.doc, c.ref, c.label])
    return buf.getvalue()


def read_csv(text: str) -> list[dict[str, Any]]:
    """Rows of a CSV export with ``options`` gathered back into a list."""
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        opts = [row.pop(k) for k in list(row) if k.startswith("option_")]
        row["options"] = [o for o in opts if o]
        rows.append(row)
    return rows


def to_json(items: Sequence[QuizItem]) -> str:
    payload = {"format": JSON_FORMAT, "count": len(items), "items": [i.to_dict() for i in items]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def read_json(text: str) -> list[QuizItem]:
    data = json.loads(text)
    if data.get("format") != JSON_FORMAT:
        raise ValueError(f"not a quiz export: format is {data.get('format')!r}, expected {JSON_FORMAT!r}")
    return [QuizItem.from_dict(d) for d in data["items"]]


def export(items: Sequence[QuizItem], fmt: str) -> Exported:
    """Render ``items`` in ``fmt`` (gift | aiken | csv | json)."""
    if fmt == "gift":
        return Exported(fmt, to_gift(items), len(items))
    if fmt == "aiken":
        text, skipped = to_aiken(items)
        return Exported(fmt, text, len(items) - skipped, skipped)
    if fmt == "csv":
        return Exported(fmt, to_csv(items), len(items))
    if fmt == "json":
        return Exported(fmt, to_json(items), len(items))
    raise ValueError(f"format must be one of {', '.join(FORMATS)}. Currently, the format is {fmt!r}")


