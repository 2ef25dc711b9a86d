"""The "Soạn câu hỏi ôn tập" tab: pick options, preview grounded items, download a file.

The app calls ``build_quiz_tab(assistant)`` inside ``with gr.Tab(...)``; the tab only
reads ``assistant.clauses``, so no model is loaded for a quiz.

>>> with gr.Blocks() as demo:
...     with gr.Tab("Soạn câu hỏi ôn tập"):
...         build_quiz_tab(assistant)
"""

from __future__ import annotations

import atexit
import html
import math
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any, Sequence

from qa.quiz.export import EXTENSIONS, FORMATS, export
from qa.quiz.generate import (
    KIND_LABELS,
    KINDS,
    QuizError,
    QuizOptions,
    QuizResult,
    generate_quiz,
    section_choices,
)

DIFFICULTY_LABELS = {"easy": "dễ", "medium": "vừa", "hard": "khó"}


def _clauses(assistant: Any) -> list:
    clauses = getattr(assistant, "clauses", None)
    if clauses is None:
        raise QuizError("the assistant has no clauses to build a quiz from")
    return list(clauses)


def render_preview(result: QuizResult) -> str:
    """HTML for the items with answers and citations; every text is escaped."""
    e = html.escape
    if not result.items:
        reasons = "".join(f"<li>{e(r)}: {n}</li>" for r, n in result.drop_counts().items())
        return (
            "<p><strong>Không tạo được câu hỏi nào với các lựa chọn này.</strong></p>"
            + (f"<ul>{reasons}</ul>" if reasons else "")
        )
    parts = [f"<p>{e(result.summary())}</p>"]
    if result.dropped:
        reasons = "".join(f"<li>{n} × {e(r)}</li>" for r, n in result.drop_counts().items())
        parts.append(f"<details><summary>Lý do loại</summary><ul>{reasons}</ul></details>")
    parts.append("<ol class='quiz-preview'>")
    for item in result.items:
        parts.append("<li style='margin-bottom:1em'>")
        parts.append(
            f"<div><small>[{e(KIND_LABELS[item.kind])} · {e(DIFFICULTY_LABELS[item.difficulty])}]"
            f"</small> {e(item.stem)}</div>"
        )
        if item.options:
            parts.append("<ul>")
            for opt in item.options:
                mark = " <strong>✓</strong>" if opt == item.answer else ""
                parts.append(f"<li>{e(opt)}{mark}</li>")
            parts.append("</ul>")
        else:
            parts.append(f"<div>Đáp án: <strong>{e(item.answer)}</strong></div>")
        parts.append(f"<div><em>Giải thích:</em> {e(item.explanation)}</div>")
        c = item.citation
        parts.append(f"<div><small>Nguồn: {e(c.doc)} · {e(c.ref)} · {e(c.label)}</small></div>")
        parts.append("</li>")
    parts.append("</ol>")
    return "".join(parts)


MAX_ITEMS = 200  # the form's own maximum for "Số câu"
MAX_SEED = 2**31 - 1
SEED_LABEL = "Số khởi tạo"
_FILE_MAX_AGE_S = 3600  # a download older than this is gone from our folder (Gradio keeps its copy)


def _whole_number(value: Any, label: str, low: int, high: int) -> int:
    """An integer within [low, high] from what the form or an API caller sent; QuizError in Vietnamese."""
    try:
        number = float(value)
        if not math.isfinite(number) or number != int(number):
            raise ValueError
    except (TypeError, ValueError, OverflowError):
        raise QuizError(f"{label} phải là số nguyên từ {low} đến {high}; đã nhận {str(value)[:40]!r}") from None
    if not low <= number <= high:
        raise QuizError(f"{label} phải từ {low} đến {high}; đã nhận {str(value)[:40]}")
    return int(number)


def _out_folder() -> Path:
    """One folder per process, removed at exit; old files in it are pruned on each write."""
    global _FOLDER
    if _FOLDER is None or not _FOLDER.is_dir():
        _FOLDER = Path(tempfile.mkdtemp(prefix="qa-quiz-"))
        atexit.register(shutil.rmtree, _FOLDER, True)
    now = time.time()
    for old in _FOLDER.iterdir():
        try:
            if now - old.stat().st_mtime > _FILE_MAX_AGE_S:
                old.unlink()
        except OSError:
            pass
    return _FOLDER


_FOLDER: Path | None = None


def make_quiz(
    clauses: Sequence,
    sections: Sequence[str] | None,
    kinds: Sequence[str] | None,
    n: float | int | None,
    seed: float | int | None,
    fmt: str,
    out_dir: Path | None = None,
) -> tuple[str, str | None]:
    """Generate, export to a temp file and return (preview HTML, file path or None).

    Inputs come from the form or from an API caller: each is checked and bounded.
    """
    try:
        options = QuizOptions(
            n=_whole_number(n, "Số câu", 1, MAX_ITEMS),
            kinds=_chosen(kinds, "Loại câu hỏi", KINDS),
            sections=_chosen(sections, "Mục", [v for _, v in section_choices(clauses)] if sections else ()),
            seed=_whole_number(0 if seed is None else seed, SEED_LABEL, 0, MAX_SEED),
        )
        if fmt not in FORMATS:
            raise QuizError(f"Định dạng phải là một trong {', '.join(FORMATS)}; đã nhận {str(fmt)[:40]!r}")
        result = generate_quiz(clauses, options)
    except (QuizError, ValueError) as exc:
        return f"<p><strong>Lỗi:</strong> {html.escape(str(exc))}</p>", None
    preview = render_preview(result)
    if not result.items:
        return preview, None
    exported = export(result.items, fmt)
    if exported.skipped:
        preview = (
            f"<p>Định dạng {html.escape(fmt)} chỉ nhận câu trắc nghiệm: bỏ qua "
            f"{exported.skipped} câu khác.</p>" + preview
        )
    folder = Path(out_dir) if out_dir else _out_folder()
    path = folder / f"quiz-{options.seed}-{uuid.uuid4().hex[:8]}{EXTENSIONS[fmt]}"
    path.write_text(exported.text, encoding="utf-8")
    return preview, str(path)


def _names(values: Any, label: str) -> tuple[str, ...]:
    """A list of short strings (checkbox values) or QuizError."""
    if values is None:
        return ()
    if isinstance(values, str) or not isinstance(values, (list, tuple)) or len(values) > 100 \
            or not all(isinstance(v, str) and len(v) <= 100 for v in values):
        raise QuizError(f"{label} phải là danh sách các lựa chọn; đã nhận {str(values)[:40]!r}")
    return tuple(values)


def _chosen(values: Any, label: str, allowed: Sequence[str]) -> tuple[str, ...]:
    """Checkbox values that must be among ``allowed``; the form's own Vietnamese message otherwise."""
    names = _names(values, label)
    if label == "Loại câu hỏi" and not names:
        raise QuizError("Hãy chọn ít nhất một loại câu hỏi.")
    unknown = [n for n in names if n not in allowed]
    if unknown:
        raise QuizError(f"{label} không có lựa chọn {', '.join(map(repr, unknown))[:80]}.")
    return names


def build_quiz_tab(assistant: Any) -> None:
    """Create the tab's components inside the current Blocks/Tab context."""
    import gradio as gr

    try:
        clauses = _clauses(assistant)
        sections = section_choices(clauses)
    except QuizError as exc:
        gr.Markdown(f"Không tạo được câu hỏi: {exc}")
        return
    default_sections = [v for _, v in sections if v == "III"] or [v for _, v in sections[:1]]

    gr.Markdown(
        "Soạn câu hỏi ôn tập từ Kế hoạch 03-KH/TW. Mỗi câu lấy từ một đoạn của văn bản, "
        "ghi nguồn và được đối chiếu với đoạn đó trước khi giữ lại."
    )
    with gr.Row():
        section_box = gr.CheckboxGroup(choices=sections, value=default_sections, label="Mục")
        kind_box = gr.CheckboxGroup(
            choices=[(KIND_LABELS[k], k) for k in KINDS], value=list(KINDS), label="Loại câu hỏi"
        )
    with gr.Row():
        n_box = gr.Number(value=20, precision=0, label=f"Số câu (1–{MAX_ITEMS})")  # limits checked in make_quiz
        seed_box = gr.Number(value=7, precision=0, label=f"{SEED_LABEL} (cùng số, cùng bộ câu hỏi)")
        fmt_box = gr.Radio(choices=list(FORMATS), value="gift", label="Định dạng tệp")
    button = gr.Button("Soạn câu hỏi", variant="primary")
    download = gr.File(label="Tải tệp câu hỏi", interactive=False)
    preview = gr.HTML(elem_id="qa-quiz-preview")

    def on_click(secs, kinds, n, seed, fmt):
        return make_quiz(clauses, secs, kinds, n, seed, fmt)

    button.click(on_click, inputs=[section_box, kind_box, n_box, seed_box, fmt_box], outputs=[preview, download],
                 api_visibility="private")  # /ask stays the only named endpoint
