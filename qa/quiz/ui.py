"""The "Soạn câu hỏi ôn tập" tab: pick options, preview grounded items, edit them, download a file.

After a quiz is made, a trainer picks one item, edits its stem, options, key and
explanation (``save_item``) or replaces it by a new item of the same kind from
another clause (``regenerate``); the download is written again from the edited
items each time. An invalid edit (empty stem, a key that is not one of the
options…) is refused with a Vietnamese message and the file keeps the last valid items.

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
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import replace
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
    regenerate_item,
    section_choices,
)
from qa.quiz.model import BLANK, FALSE_LABEL, TRUE_LABEL, Dropped, QuizItem, norm

DIFFICULTY_LABELS = {"easy": "dễ", "medium": "vừa", "hard": "khó"}


def _clauses(assistant: Any) -> list:
    clauses = getattr(assistant, "clauses", None)
    if clauses is None:
        raise QuizError("the assistant has no clauses to build a quiz from")
    return list(clauses)


def render_preview(result: QuizResult, edited: Sequence[int] = ()) -> str:
    """HTML for the items with answers and citations; every text is escaped.

    ``edited`` are the indices of items a trainer changed (marked «đã sửa»).
    """
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
    for index, item in enumerate(result.items):
        parts.append("<li style='margin-bottom:1em'>")
        mark = " · đã sửa" if index in edited else ""
        parts.append(
            f"<div><small>[{e(KIND_LABELS[item.kind])} · {e(DIFFICULTY_LABELS[item.difficulty])}{mark}]"
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


def _options(clauses: Sequence, sections: Any, kinds: Any, n: Any, seed: Any) -> QuizOptions:
    return QuizOptions(
        n=_whole_number(n, "Số câu", 1, MAX_ITEMS),
        kinds=_chosen(kinds, "Loại câu hỏi", KINDS),
        sections=_chosen(sections, "Mục", [v for _, v in section_choices(clauses)] if sections else ()),
        seed=_whole_number(0 if seed is None else seed, SEED_LABEL, 0, MAX_SEED),
    )


def _write(items: Sequence[QuizItem], fmt: str, seed: int, out_dir: Path | None) -> tuple[str, int]:
    """Export ``items`` to a new file; (its path, items the format skipped)."""
    exported = export(items, fmt)
    folder = Path(out_dir) if out_dir else _out_folder()
    path = folder / f"quiz-{seed}-{uuid.uuid4().hex[:8]}{EXTENSIONS[fmt]}"
    path.write_text(exported.text, encoding="utf-8")
    return str(path), exported.skipped


def _skipped_note(fmt: str, skipped: int) -> str:
    if not skipped:
        return ""
    return f"<p>Định dạng {html.escape(fmt)} chỉ nhận câu trắc nghiệm: bỏ qua {skipped} câu khác.</p>"


def generate(
    clauses: Sequence,
    sections: Any,
    kinds: Any,
    n: Any,
    seed: Any,
    fmt: str,
    out_dir: Path | None = None,
) -> tuple[str, str | None, dict | None]:
    """(preview HTML, file path or None, the quiz as kept for editing or None).

    Inputs come from the form or from an API caller: each is checked and bounded.
    """
    try:
        options = _options(clauses, sections, kinds, n, seed)
        if fmt not in FORMATS:
            raise QuizError(f"Định dạng phải là một trong {', '.join(FORMATS)}; đã nhận {str(fmt)[:40]!r}")
        result = generate_quiz(clauses, options)
    except (QuizError, ValueError) as exc:
        return f"<p><strong>Lỗi:</strong> {html.escape(str(exc))}</p>", None, None
    preview = render_preview(result)
    if not result.items:
        return preview, None, None
    path, skipped = _write(result.items, fmt, options.seed, out_dir)
    state = {
        "options": {"n": options.n, "kinds": list(options.kinds), "sections": list(options.sections),
                    "seed": options.seed},
        "fmt": fmt,
        "requested": result.requested,
        "items": [i.to_dict() for i in result.items],
        "dropped": [d.to_dict() for d in result.dropped],
        "edited": [],
        "path": path,
    }
    return _skipped_note(fmt, skipped) + preview, path, state


def make_quiz(
    clauses: Sequence,
    sections: Sequence[str] | None,
    kinds: Sequence[str] | None,
    n: float | int | None,
    seed: float | int | None,
    fmt: str,
    out_dir: Path | None = None,
) -> tuple[str, str | None]:
    """Generate, export to a temp file and return (preview HTML, file path or None)."""
    preview, path, _ = generate(clauses, sections, kinds, n, seed, fmt, out_dir)
    return preview, path


# -- editing one item ----------------------------------------------------------------------

MAX_STEM = 2000
MAX_OPTION = 500
MAX_OPTIONS = 8
MAX_EXPLANATION = 4000
MAX_WAITING = 256  # quizzes made and not yet taken into a session's editor (API callers never take theirs)
NO_QUIZ = "Chưa có bộ câu hỏi: hãy bấm «Soạn câu hỏi» trước."


def _items(state: dict) -> list[QuizItem]:
    return [QuizItem.from_dict(d) for d in state["items"]]


def _index(state: Any, choice: Any) -> int:
    """The 0-based index of the item ``choice`` names ("1", "2"…), or QuizError in Vietnamese."""
    if not isinstance(state, dict) or not state.get("items"):
        raise QuizError(NO_QUIZ)
    n = len(state["items"])
    if choice in (None, ""):
        raise QuizError("Hãy chọn một câu để sửa.")
    return _whole_number(choice, "Câu", 1, n) - 1


def item_choices(state: Any) -> list[tuple[str, str]]:
    """Dropdown choices: ("Câu 3 · Trắc nghiệm · III.4", "3")."""
    if not isinstance(state, dict):
        return []
    return [(f"Câu {i} · {KIND_LABELS.get(d['kind'], d['kind'])} · {d['citation']['ref']}", str(i))
            for i, d in enumerate(state.get("items") or [], 1)]


def item_fields(state: Any, choice: Any) -> tuple[str, str, str, str]:
    """(stem, options one per line, key, explanation) of the chosen item; empty when none."""
    try:
        index = _index(state, choice)
    except QuizError:
        return "", "", "", ""
    item = state["items"][index]
    return item["stem"], "\n".join(item["options"]), item["answer"], item["explanation"]


def check_edit(item: QuizItem, stem: Any, options_text: Any, answer: Any, explanation: Any) -> QuizItem:
    """The item with the trainer's edits, or QuizError with a Vietnamese message saying what is wrong."""
    fields = {"Câu hỏi": stem, "Phương án": options_text, "Đáp án": answer, "Giải thích": explanation}
    for label, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise QuizError(f"{label} phải là văn bản.")
    stem = (stem or "").strip()
    answer = (answer or "").strip()
    explanation = (explanation or "").strip()
    options = [line.strip() for line in (options_text or "").splitlines() if line.strip()]
    if not stem:
        raise QuizError("Câu hỏi không được để trống.")
    if len(stem) > MAX_STEM:
        raise QuizError(f"Câu hỏi quá dài (tối đa {MAX_STEM} ký tự).")
    if len(explanation) > MAX_EXPLANATION:
        raise QuizError(f"Giải thích quá dài (tối đa {MAX_EXPLANATION} ký tự).")
    if not answer:
        raise QuizError("Đáp án không được để trống.")
    if item.kind == "cloze" and BLANK not in stem:
        raise QuizError(f"Câu điền vào chỗ trống phải giữ chỗ trống {BLANK}.")
    if item.kind == "tf" and options != [TRUE_LABEL, FALSE_LABEL]:
        raise QuizError(f"Câu Đúng/Sai có đúng hai phương án: «{TRUE_LABEL}» và «{FALSE_LABEL}».")
    if item.options or options:
        if len(options) < 2:
            raise QuizError("Cần ít nhất hai phương án, mỗi dòng một phương án.")
        if len(options) > MAX_OPTIONS:
            raise QuizError(f"Nhiều nhất {MAX_OPTIONS} phương án.")
        long = [o for o in options if len(o) > MAX_OPTION]
        if long:
            raise QuizError(f"Phương án quá dài (tối đa {MAX_OPTION} ký tự): «{long[0][:40]}…».")
        seen: set[str] = set()
        for option in options:
            if norm(option) in seen:
                raise QuizError(f"Hai phương án trùng nhau: «{option[:80]}».")
            seen.add(norm(option))
        if answer not in options:
            raise QuizError(f"Đáp án «{answer[:80]}» không nằm trong các phương án; "
                            "hãy chép đúng một phương án vào ô Đáp án.")
    same = tuple(options) == item.options and answer == item.answer
    # The claims back the generated options; once they change, nothing backs the new ones.
    return replace(item, stem=stem, options=tuple(options), answer=answer, explanation=explanation,
                   claims=item.claims if same else ())


def _refresh(state: dict, out_dir: Path | None) -> str:
    """Write the file again from the state's items; the preview HTML."""
    items = _items(state)
    path, skipped = _write(items, state["fmt"], state["options"]["seed"], out_dir)
    state["path"] = path
    result = QuizResult(items=tuple(items), dropped=tuple(Dropped(**d) for d in state.get("dropped", [])),
                        requested=state["requested"])
    return _skipped_note(state["fmt"], skipped) + render_preview(result, edited=state["edited"])


def _message(text: str, ok: bool) -> str:
    head = "" if ok else "<strong>Chưa lưu:</strong> "
    return f"<p class='qa-quiz-message'>{head}{html.escape(text)}</p>"


def save_item(state: Any, choice: Any, stem: Any, options_text: Any, answer: Any, explanation: Any,
              out_dir: Path | None = None) -> tuple[Any, str, str | None, str | None]:
    """Apply a trainer's edit: (state, message HTML, new preview or None, file path or None).

    An invalid edit leaves the state and the file as they were (preview and path None).
    """
    try:
        index = _index(state, choice)
        edited = check_edit(_items(state)[index], stem, options_text, answer, explanation)
    except QuizError as exc:
        return state, _message(str(exc), False), None, None
    state = {**state, "items": list(state["items"]), "edited": sorted({*state["edited"], index})}
    state["items"][index] = edited.to_dict()
    preview = _refresh(state, out_dir)
    return state, _message(f"Đã lưu câu {index + 1}; tệp tải về đã được ghi lại.", True), preview, state["path"]


def regenerate(clauses: Sequence, state: Any, choice: Any,
               out_dir: Path | None = None) -> tuple[Any, str, str | None, str | None]:
    """Replace one item by a new one of the same kind from another clause: like ``save_item``'s result."""
    try:
        index = _index(state, choice)
        o = state["options"]
        options = QuizOptions(n=o["n"], kinds=tuple(o["kinds"]), sections=tuple(o["sections"]), seed=o["seed"])
        items = _items(state)
        new = regenerate_item(clauses, options, items, index)
    except QuizError as exc:
        return state, _message(str(exc), False), None, None
    if new is None:
        kind = KIND_LABELS.get(items[index].kind, items[index].kind)
        return state, _message(f"Không còn câu «{kind}» nào khác từ điều khoản khác trong các mục đã chọn "
                               f"mà vẫn giữ giới hạn của bộ câu hỏi; câu {index + 1} giữ nguyên.", False), None, None
    state = {**state, "items": list(state["items"]), "edited": sorted({*state["edited"], index})}
    state["items"][index] = new.to_dict()
    preview = _refresh(state, out_dir)
    return (state, _message(f"Đã thay câu {index + 1} bằng câu mới từ {new.citation.ref}; "
                            "tệp tải về đã được ghi lại.", True), preview, state["path"])


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
    state = gr.State(None)
    with gr.Accordion("Sửa hoặc thay từng câu trước khi tải về", open=False, elem_id="qa-quiz-editor"):
        item_box = gr.Dropdown(choices=[], value=None, label="Câu cần sửa", elem_id="qa-quiz-item")
        stem_box = gr.Textbox(label="Câu hỏi", lines=3, elem_id="qa-quiz-stem")
        options_box = gr.Textbox(label="Phương án (mỗi dòng một phương án)", lines=4, elem_id="qa-quiz-options")
        answer_box = gr.Textbox(label="Đáp án (chép đúng một phương án)", elem_id="qa-quiz-answer")
        explanation_box = gr.Textbox(label="Giải thích", lines=2, elem_id="qa-quiz-explanation")
        with gr.Row():
            save_button = gr.Button("Lưu sửa đổi", variant="primary", elem_id="qa-quiz-save")
            regen_button = gr.Button("Thay bằng câu khác cùng loại", elem_id="qa-quiz-regen")
        message = gr.HTML(elem_id="qa-quiz-message")
    fields = [stem_box, options_box, answer_box, explanation_box]

    # The button's own event returns (preview, file) only, as API callers see it; the quiz it made
    # waits here, by session, for the chained event that fills the editor.
    made: OrderedDict[str, Any] = OrderedDict()
    lock = threading.Lock()

    def on_click(secs, kinds, n, seed, fmt, request: gr.Request):
        html_, path, new_state = generate(clauses, secs, kinds, n, seed, fmt)
        key = getattr(request, "session_hash", None)
        if key:
            with lock:
                made[key] = new_state
                made.move_to_end(key)
                while len(made) > MAX_WAITING:
                    made.popitem(last=False)
        return html_, path

    def to_editor(request: gr.Request):
        with lock:
            new_state = made.pop(getattr(request, "session_hash", None) or "", None)
        first = "1" if new_state else None
        return (new_state, gr.update(choices=item_choices(new_state), value=first),
                *item_fields(new_state, first), "")

    def on_save(current, choice, *values):
        new_state, note, html_, path = save_item(current, choice, *values)
        return new_state, note, gr.skip() if html_ is None else html_, gr.skip() if path is None else path

    def on_regenerate(current, choice):
        new_state, note, html_, path = regenerate(clauses, current, choice)
        if html_ is None:
            return new_state, note, gr.skip(), gr.skip(), gr.skip(), *[gr.skip()] * 4
        return (new_state, note, html_, path, gr.update(choices=item_choices(new_state), value=choice),
                *item_fields(new_state, choice))

    # This module's annotations are strings and ``gr`` is imported here: give Gradio the class.
    on_click.__annotations__["request"] = to_editor.__annotations__["request"] = gr.Request
    private = {"api_visibility": "private"}  # /ask stays the only named endpoint
    button.click(on_click, inputs=[section_box, kind_box, n_box, seed_box, fmt_box], outputs=[preview, download],
                 **private).then(to_editor, outputs=[state, item_box, *fields, message], **private)
    item_box.input(lambda current, choice: (*item_fields(current, choice), ""), inputs=[state, item_box],
                   outputs=[*fields, message], **private)
    save_button.click(on_save, inputs=[state, item_box, *fields], outputs=[state, message, preview, download],
                      **private)
    regen_button.click(on_regenerate, inputs=[state, item_box],
                       outputs=[state, message, preview, download, item_box, *fields], **private)
