"""Chat with plan 03-KH/TW in the browser: ``python app.py [--host 127.0.0.1] [--port 7860]``.

The app only wires Gradio to ``qa.Assistant``: the chat and the ``/ask`` API call
the same ``Assistant.ask``; every message is built as escaped HTML by
``qa.render``. The model and the index load once, before the server starts.

The same answer over HTTP, with ``gradio_client``::

    from gradio_client import Client
    client = Client("http://127.0.0.1:7860/")
    reply = client.predict("ai chịu trách nhiệm thể chế hóa?", [], api_name="/ask")  # Reply.to_dict()
"""

import os

# Before gradio is imported: no telemetry or version check leaves the machine.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import argparse  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import gradio as gr  # noqa: E402

from qa.feedback import FeedbackLog  # noqa: E402
from qa.render import (  # noqa: E402
    Coverage,
    esc,
    reader_choices,
    render_context,
    render_follow_up_question,
    render_plan,
    render_question,
    render_reply,
    reply_from_dict,
    reply_text,
    suggestions,
)

log = logging.getLogger("qa.app")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
# A 2-core machine: two questions are answered at once (retrieval and the query
# embedding are CPU-bound), the others wait their turn in the queue.
CONCURRENCY_LIMIT = 2
QUEUE_MAX_SIZE = 64
# What a browser user sees instead of the Gradio client's own English "busy" text (hard-coded
# in its JavaScript, out of reach of i18n): the page script (JS) swaps it for this sentence.
BUSY_MESSAGE = "Hệ thống đang bận: hàng đợi đã đầy. Vui lòng thử lại sau ít phút."
QUEUE_FULL_MESSAGE = ("Hệ thống đang bận: có {size} câu hỏi đang chờ (tối đa {max_size}). "
                      "Vui lòng thử lại sau ít phút.")
# The app takes no uploads; Gradio's upload route still exists, so it gets a small limit.
MAX_UPLOAD = "1mb"
# Gradio copies every returned file (quiz downloads) into its cache: prune hourly.
CACHE_PRUNE = (3600, 3600)
LOOPBACK = ("127.0.0.1", "localhost", "::1")
AUTH_ENV = "QA_AUTH"  # "user:password" pairs separated by commas or new lines
# The conversation kept in the browser (localStorage), so a reload keeps it; the last turns only.
BROWSER_KEY = "qa-hoi-dap-03"
MAX_TURNS = 40
HISTORY_TURNS = 10  # earlier questions the assistant sees

# Each is answered correctly today (tests/test_app_examples.py asserts the answer and its clause).
EXAMPLES = [
    "Ai chịu trách nhiệm thể chế hóa nội dung Kết luận?",
    "Hội nghị cán bộ toàn quốc quán triệt Kết luận khi nào?",
    "ai huong dan to chuc hoi nghi quan triet ket luan?",
    "Đợt sinh hoạt chính trị sâu rộng phải hoàn thành khi nào?",
    "Nhiệm vụ trọng tâm về phòng, chống tham nhũng là gì?",
    "Kế hoạch ban hành ngày nào?",
]

# Highlight colours checked for contrast (≥ 4.5) in both themes: dark text on amber, light on brown.
CSS = """
.qa-header h1 { font-size: 1.4rem; margin: 0 0 .2em 0; }
.qa-answer { font-weight: 600; margin: 0 0 .5em 0; }
.qa-quote { border-left: 4px solid var(--color-accent); margin: .4em 0; padding: .3em .8em;
            background: var(--background-fill-secondary); }
.qa-cite { font-size: .9em; color: var(--body-text-color); margin: .3em 0; }
.qa-ref { font-family: var(--font-mono); font-weight: 600; padding: 0 .3em; border-radius: 4px;
          background: var(--background-fill-secondary); color: var(--body-text-color); }
.qa-go, .qa-ask, .qa-copy { font: inherit; cursor: pointer; border-radius: 6px; }
.qa-go { background: none; border: none; padding: 0; color: var(--link-text-color, #2563eb);
         text-decoration: underline; font-family: inherit; }
.qa-ask { border: 1px solid var(--border-color-primary); background: var(--background-fill-primary);
          color: var(--body-text-color); padding: .15em .6em; margin: .15em .2em .15em 0; text-align: left; }
.qa-suggest { margin: .5em 0; }
.qa-data { display: none; }
.qa-suggest > span { font-weight: 600; margin-right: .3em; }
.qa-suggest .qa-go { margin-left: .3em; }
.qa-tools { margin-top: .4em; text-align: right; }
.qa-copy { border: 1px solid var(--border-color-primary); background: var(--background-fill-secondary);
           color: var(--body-text-color); padding: .1em .6em; font-size: .85em; }
.qa-sources summary { cursor: pointer; font-weight: 600; font-size: .95rem; margin-top: .4em; }
.qa-source-text { font-size: .92em; margin: .2em 0 .6em 0; }
.qa-message, .qa-note, .qa-coverage-note { font-size: .95em; color: var(--body-text-color); margin: .3em 0; }
.qa-read-as { font-size: .9em; font-style: italic; color: var(--body-text-color-subdued); margin: .2em 0; }
.qa-coverage-note { font-size: .88em; }
.qa-not-found .qa-answer { color: var(--body-text-color); }
.qa-not-found { border-left: 4px solid var(--border-color-accent, #f59e0b); padding-left: .6em; }
.qa-closest { margin: .4em 0 0 0; font-weight: 600; }
.qa-reply mark, .qa-plan mark { background: #fde68a; color: #1f2937; padding: 0 .1em; border-radius: 2px; }
.dark .qa-reply mark, .dark .qa-plan mark { background: #fcd34d; color: #111827; }
.qa-plan .qa-target { background: #fef3c7; color: #1f2937; outline: 2px solid #f59e0b; border-radius: 4px;
                      padding: .2em .4em; }
.dark .qa-plan .qa-target { background: #422006; color: #fef3c7; }
.dark .qa-plan .qa-target .qa-ref { background: #78350f; color: #fef3c7; }
.qa-plan p { margin: .4em 0; }
.qa-cut { font-weight: 600; border-top: 2px dashed var(--border-color-primary); padding-top: .4em; }
.qa-intro, .qa-coverage { margin: 0 0 .3em 0; }
.qa-coverage summary { cursor: pointer; }
@media (max-width: 640px) {
  .qa-intro { display: none; }
  .qa-header h1 { font-size: 1.15rem; }
  #qa-chat { height: 60vh !important; min-height: 300px !important; }
}
"""

# Clicks inside chat messages (rendered HTML, no handlers of its own): copy plain text,
# open the reader at a clause (through the hidden #qa-goto box), ask a suggested question.
# It also rewrites Gradio's English "busy" / "queue full" texts (toasts, status) in Vietnamese.
JS = """
() => {
  if (window.__qaClicks) return;
  window.__qaClicks = true;
  const BUSY = /This application is currently busy\\.?( Please try again\\.?)?|Queue is full\\.?( Max size is \\d+\\.?)?/g;
  const vietnamese = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.nodeValue || '';
      const fixed = text.replace(BUSY, BUSY_VI);
      if (fixed !== text) node.nodeValue = fixed;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const walk = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let t = walk.nextNode(); t; t = walk.nextNode()) texts.push(t);
    texts.forEach(vietnamese);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') vietnamese(r.target);
      else r.addedNodes.forEach(vietnamese);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  vietnamese(document.body);
  const fill = (selector, value) => {
    const box = document.querySelector(selector);
    if (!box) return false;
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  };
  const copy = async (text) => {
    try { await navigator.clipboard.writeText(text); return; } catch (e) { /* fall back below */ }
    const area = document.createElement('textarea');
    area.value = text; document.body.appendChild(area); area.select();
    document.execCommand('copy'); area.remove();
  };
  const data = (el) => { const d = el.querySelector('.qa-data'); return d ? d.textContent : ''; };
  document.addEventListener('click', async (event) => {
    const el = event.target.closest('#qa-chat .qa-copy, #qa-chat .qa-go, #qa-chat .qa-ask');
    if (!el) return;
    event.preventDefault();
    event.stopPropagation();
    if (el.classList.contains('qa-copy')) {
      await copy(data(el));
      const label = el.firstChild;
      label.textContent = 'Đã sao chép';
      setTimeout(() => { label.textContent = 'Sao chép'; }, 1500);
    } else if (el.classList.contains('qa-go')) {
      if (fill('#qa-goto textarea, #qa-goto input', data(el))) {
        setTimeout(() => document.querySelector('#qa-goto-btn').click(), 50);
      }
    } else if (fill('#qa-input textarea', el.textContent)) {
      setTimeout(() => document.querySelector('#qa-send').click(), 50);
    }
  }, true);
}
""".replace("BUSY_VI", json.dumps(BUSY_MESSAGE, ensure_ascii=False))

# Gradio has no Vietnamese locale: its own strings are given here, for "vi" and for "en"
# (the locale Gradio falls back to when the browser asks for one it does not ship).
UI_STRINGS = {
    "chatbot.clear": "Xóa cuộc trò chuyện",
    "chatbot.copy_message": "Sao chép",
    "chatbot.copied_message": "Đã sao chép",
    "chatbot.like": "Câu trả lời đúng",
    "chatbot.dislike": "Câu trả lời chưa đúng",
    "chatbot.retry": "Hỏi lại",
    "chatbot.undo": "Hoàn tác",
    "chatbot.edit": "Sửa",
    "chatbot.submit": "Gửi",
    "chatbot.cancel": "Hủy",
    "common.clear": "Xóa",
    "common.error": "Lỗi",
    "common.download": "Tải về",
    "common.loading": "Đang tải",
    "common.settings": "Cài đặt",
    "common.built_with_gradio": "Xây dựng bằng Gradio",
    "common.built_with": "xây dựng bằng",
    "common.submit": "Gửi",
    "common.empty": "Trống",
    "common.remove": "Xóa",
    "common.edit": "Sửa",
    "common.undo": "Hoàn tác",
    "common.language": "Ngôn ngữ",
    "common.display_theme": "Giao diện",
    "errors.use_via_api": "Dùng qua API",
    "errors.use_via_api_or_mcp": "Dùng qua API hoặc MCP",
    "file.uploading": "Đang tải lên…",
    "upload_text.drop_file": "Thả tệp vào đây",
    "upload_text.click_to_upload": "Bấm để tải lên",
    "status.queue_position": "Đang chờ: {position}/{size}",
    "blocks.lost_connection": "Mất kết nối vì đã rời trang. Đang vào lại hàng đợi…",
    "blocks.connection_can_break": "Trên điện thoại, kết nối có thể ngắt nếu thẻ này không mở hoặc máy ngủ.",
    "dropdown.dropdown": "Danh sách chọn",
    "number.number": "Số",
    "checkbox.checkbox_group": "Nhóm lựa chọn",
    "radio.radio": "Lựa chọn",
}
I18N = gr.I18n(vi=UI_STRINGS, en=UI_STRINGS)


def needs_referent(question: str, common: frozenset = frozenset()) -> bool:
    """A question that only makes sense after an earlier one («thời hạn là khi nào?»).

    Uses the conversation's own test for a follow-up (pointing words, or no topic
    of its own), asked as if some earlier turn existed.
    """
    from qa.conversation import plan_turn
    from qa.question import analyze

    try:
        q = analyze(question)
    except Exception:  # noqa: BLE001 - an unreadable question is ask()'s to explain
        return False
    if not q.text.strip():
        return False
    return plan_turn(q, [q], common).mode == "same_topic"


def clean_turns(turns: Any) -> list[dict]:
    """The conversation as kept in the browser, checked: a list of {question, reply | hints} dicts."""
    if not isinstance(turns, list):
        return []
    out = []
    for turn in turns[-MAX_TURNS:]:
        if not isinstance(turn, dict) or not isinstance(turn.get("question"), str):
            continue
        reply = turn.get("reply")
        hints = turn.get("hints")
        if isinstance(reply, dict):
            out.append({"question": turn["question"], "reply": reply})
        elif isinstance(hints, list):
            out.append({"question": turn["question"], "hints": [h for h in hints if isinstance(h, str)][:3]})
    return out


class ChatApp:
    """The app's handlers around one loaded assistant; Gradio calls these methods."""

    def __init__(self, assistant: Any, feedback: FeedbackLog | None = None) -> None:
        self.assistant = assistant
        self.clauses = list(assistant.clauses)
        self.ids = {c.id for c in self.clauses}
        documents = list(getattr(assistant, "documents", None) or getattr(getattr(assistant, "corpus", None),
                                                                            "documents", ()) or ())
        self.coverage = Coverage.from_documents(documents)
        self.common = getattr(getattr(assistant, "_info", None), "common", frozenset())
        self.feedback = feedback or FeedbackLog()

    def ask(self, question: str, history: list[str] | None = None) -> dict:
        """Answer one question; ``history`` is the earlier user messages, oldest first.

        Returns ``Reply.to_dict()``: question, answer, found, kind, message,
        citations (doc, ref, label, text, score, doc_title), resolved_question.
        """
        # The history goes as sent: ``ask`` reads one string or dict as one message and
        # answers any other shape (a number, a boolean) with a message, not an exception.
        return self.assistant.ask("" if question is None else question, history=history).to_dict()

    # -- the chat -----------------------------------------------------------------
    @staticmethod
    def history(turns: list[dict]) -> list[str]:
        """Earlier questions that got a reply (a clarifying question is not a topic)."""
        return [t["question"] for t in turns if "reply" in t][-HISTORY_TURNS:]

    def message(self, turn: dict) -> str:
        if "reply" in turn:
            return render_reply(reply_from_dict(turn["reply"]), self.coverage)
        return render_follow_up_question(turn["question"], turn.get("hints", []))

    def messages(self, turns: list[dict]) -> list[dict]:
        out = []
        for turn in turns:
            out.append({"role": "user", "content": render_question(turn["question"])})
            out.append({"role": "assistant", "content": self.message(turn)})
        return out

    def turn(self, question: str, turns: list[dict]) -> dict:
        """One turn: a reply, or (a follow-up typed first) a question back with full questions to pick."""
        earlier = self.history(turns)
        if not earlier and needs_referent(question, self.common):
            closest = self.assistant.ask(question)
            return {"question": question, "hints": suggestions(closest, keep_question=True)}
        return {"question": question, "reply": self.assistant.ask(question, history=earlier).to_dict()}

    def respond(self, message: str, turns: Any):
        """A chat turn: the grown conversation (in the chat and in the browser), the reader at the cited clause."""
        question = (message or "").strip()
        if not question:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        turns = [*clean_turns(turns), self.turn(question, clean_turns(turns))][-MAX_TURNS:]
        reply = turns[-1].get("reply") or {}
        cited = reply.get("citations") or []
        if reply.get("found") and cited and f"{cited[0]['doc']}#{cited[0]['ref']}" in self.ids:
            key = f"{cited[0]['doc']}#{cited[0]['ref']}"
            picker, context = gr.update(value=key), self.read(key)
        else:
            picker, context = gr.skip(), gr.skip()
        return "", self.messages(turns), turns, picker, context

    def restore(self, turns: Any):
        """The conversation kept in the browser, shown again after a reload."""
        turns = clean_turns(turns)
        return self.messages(turns), turns

    def goto(self, key: str | None):
        """A citation clicked in the chat: the reader tab at that clause."""
        key = (key or "").strip()
        if key not in self.ids:
            return gr.skip(), gr.skip(), gr.skip()
        return gr.Tabs(selected="reader"), gr.update(value=key), self.read(key)

    def read(self, key: str | None) -> str:
        return render_context(self.clauses, key, stops=self.coverage.stops) if key else ""

    def vote(self, turns: Any, data: gr.LikeData) -> None:
        """👍 / 👎 on an answer: one line in the feedback file (question, answer, citations)."""
        turns = clean_turns(turns)
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        if not isinstance(index, int) or not 0 <= index // 2 < len(turns):
            return
        turn = turns[index // 2]
        if "reply" not in turn:
            return
        earlier = self.history(turns[: index // 2])
        try:
            self.feedback.record(turn["question"], turn["reply"], bool(data.liked), earlier)
        except OSError as exc:
            log.warning("cannot write feedback to %s: %s", self.feedback.path, exc)
            gr.Warning("Không lưu được đánh giá; vui lòng báo quản trị viên.")

    # -- export --------------------------------------------------------------------
    def export_markdown(self, turns: list[dict]) -> str:
        lines = ["# Hỏi đáp Kế hoạch 03-KH/TW", ""]
        for n, turn in enumerate(turns, 1):
            lines.append(f"## {n}. {turn['question']}")
            lines.append("")
            if "reply" in turn:
                lines.append(reply_text(reply_from_dict(turn["reply"]), self.coverage))
            else:
                lines.append("Câu hỏi chưa rõ nói về việc nào; gợi ý: " + "; ".join(turn.get("hints", [])))
            lines.append("")
        return "\n".join(lines)

    def export(self, turns: Any) -> list[str] | None:
        """The conversation as Markdown and as JSON (with citations), two files to download."""
        turns = clean_turns(turns)
        if not turns:
            gr.Info("Chưa có câu hỏi nào để xuất.")
            return None
        folder = Path(tempfile.mkdtemp(prefix="qa-chat-"))
        stamp = time.strftime("%Y%m%d-%H%M")
        md = folder / f"hoi-dap-03-{stamp}.md"
        js = folder / f"hoi-dap-03-{stamp}.json"
        md.write_text(self.export_markdown(turns), encoding="utf-8")
        js.write_text(json.dumps([{"question": t["question"], **({"reply": {k: v for k, v in t["reply"].items()
                                                                           if k != "signals"}}
                                                                 if "reply" in t else {"suggestions": t["hints"]})}
                                  for t in turns], ensure_ascii=False, indent=2), encoding="utf-8")
        return [str(md), str(js)]


def header_html(coverage: Coverage, problems: list[str]) -> str:
    """Title, one line of help, and where the plan's copy stops (folded, so a phone sees the chat)."""
    notice = ""
    if coverage.sentence:
        short = (f"Bản kế hoạch hiện có dừng ở {coverage.last}." if coverage.last
                 else "Phạm vi tài liệu")
        notice = (f'<details class="qa-coverage"><summary>{esc(short)} Xem phạm vi</summary>'
                  f"{esc(coverage.sentence)}</details>")
    return ('<div class="qa-header"><h1>Hỏi đáp Kế hoạch 03-KH/TW</h1>'
            '<p class="qa-intro">Hỏi bằng tiếng Việt, có dấu hoặc không dấu; câu hỏi tiếp theo '
            "có thể dựa vào các câu trước. Mỗi câu trả lời kèm đoạn trích nguyên văn và vị trí "
            f"trong kế hoạch.</p>{notice}"
            + "".join(f'<p class="qa-message">Không đọc được: {esc(p)}</p>' for p in problems)
            + "</div>")


def build_app(assistant: Any, feedback: FeedbackLog | None = None,
              concurrency: int = CONCURRENCY_LIMIT) -> gr.Blocks:
    """The Blocks app: chat tab, plan reader tab, quiz tab, and the ``/ask`` endpoint.

    ``concurrency`` questions are answered at once (chat and ``/ask`` together).
    """
    from qa.quiz.ui import build_quiz_tab

    app = ChatApp(assistant, feedback)
    corpus = getattr(assistant, "corpus", None)
    problems = list(getattr(corpus, "problems", ()) or ())
    first = app.clauses[0].id if app.clauses else None

    with gr.Blocks(title="Hỏi đáp Kế hoạch 03-KH/TW", delete_cache=CACHE_PRUNE) as demo:
        gr.HTML(header_html(app.coverage, problems), js_on_load=None)
        turns = gr.BrowserState([], storage_key=BROWSER_KEY, secret=os.environ.get("QA_BROWSER_SECRET"))

        with gr.Tabs() as tabs:
            with gr.Tab("Hỏi đáp", id="chat"):
                chatbot = gr.Chatbot(
                    label="Cuộc trò chuyện",
                    elem_id="qa-chat",
                    height="62vh",
                    min_height=360,
                    # Messages are HTML built by qa.render with every text escaped;
                    # no Markdown or LaTeX pass may reinterpret a question or a clause.
                    render_markdown=False,
                    sanitize_html=True,
                    latex_delimiters=[],
                    buttons=[],  # each reply has its own «Sao chép» (plain text, not HTML)
                    feedback_options=("Like", "Dislike"),
                    placeholder="Đặt câu hỏi về Kế hoạch 03-KH/TW, ví dụ: "
                    "<i>Ai chịu trách nhiệm thể chế hóa nội dung Kết luận?</i>",
                )
                with gr.Row():
                    box = gr.Textbox(
                        show_label=False,
                        placeholder="Nhập câu hỏi rồi nhấn Enter…",
                        elem_id="qa-input",
                        scale=8,
                        lines=1,
                        max_lines=4,
                        autofocus=True,
                    )
                    send = gr.Button("Gửi", variant="primary", scale=1, elem_id="qa-send")
                with gr.Row():
                    new_chat = gr.Button("Cuộc trò chuyện mới", variant="secondary", size="sm", elem_id="qa-new")
                    export = gr.Button("Xuất cuộc trò chuyện (Markdown, JSON)", size="sm", elem_id="qa-export")
                files = gr.File(label="Tệp cuộc trò chuyện", file_count="multiple", visible=False,
                                interactive=False, elem_id="qa-export-files")
                gr.Examples(examples=[[q] for q in EXAMPLES], inputs=[box], label="Câu hỏi mẫu",
                            elem_id="qa-examples")
                # Filled by the page script when a citation is clicked.
                goto_box = gr.Textbox(visible="hidden", elem_id="qa-goto", show_label=False)
                goto_btn = gr.Button("Mở điều khoản", visible="hidden", elem_id="qa-goto-btn")

            with gr.Tab("Đọc kế hoạch", id="reader"):
                picker = gr.Dropdown(
                    choices=reader_choices(app.clauses),
                    value=first,
                    label="Chọn mục (bấm mã trích dẫn trong câu trả lời để đến thẳng đây)",
                    filterable=True,
                    elem_id="qa-picker",
                )
                context = gr.HTML(app.read(first), elem_id="qa-context", js_on_load=None)
                with gr.Accordion("Toàn văn kế hoạch", open=False):
                    gr.HTML(render_plan(app.clauses, stops=app.coverage.stops), elem_id="qa-plan",
                            js_on_load=None)

            with gr.Tab("Ôn tập", id="quiz", elem_id="qa-quiz-tab"):
                build_quiz_tab(assistant)

        turn = {
            "fn": app.respond,
            "inputs": [box, turns],
            "outputs": [box, chatbot, turns, picker, context],
            "api_visibility": "private",
            "concurrency_id": "ask",
            "concurrency_limit": concurrency,
        }
        box.submit(**turn)
        send.click(**turn)
        demo.load(app.restore, inputs=[turns], outputs=[chatbot, turns], api_visibility="private", queue=False)
        # Both "Cuộc trò chuyện mới" and the chat's own clear icon start afresh:
        # the history the assistant sees is emptied with the messages.
        new_chat.click(lambda: ("", [], [], gr.update(value=None, visible=False)),
                       outputs=[box, chatbot, turns, files], api_visibility="private", queue=False)
        chatbot.clear(lambda: [], outputs=[turns], api_visibility="private", queue=False)
        chatbot.like(app.vote, inputs=[turns], api_visibility="private", queue=False)
        export.click(lambda t: (lambda paths: gr.update(value=paths, visible=bool(paths)))(app.export(t)),
                     inputs=[turns], outputs=[files], api_visibility="private")
        goto_btn.click(app.goto, inputs=[goto_box], outputs=[tabs, picker, context], api_visibility="private",
                       queue=False)
        picker.input(app.read, inputs=[picker], outputs=[context], api_visibility="private")
        gr.api(app.ask, api_name="ask", concurrency_id="ask", concurrency_limit=concurrency)
    return demo


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Hỏi đáp Kế hoạch 03-KH/TW: giao diện trò chuyện (Gradio).")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST}, loopback only)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--auth-file", metavar="FILE",
                        help=f"require a login: FILE holds user:password lines (or set ${AUTH_ENV}); "
                        "passwords never go on the command line")
    parser.add_argument("--feedback", metavar="FILE",
                        help="where 👍/👎 votes are appended as JSON lines (default $QA_FEEDBACK or "
                        "~/.local/state/qa/feedback.jsonl)")
    parser.add_argument("--concurrency", type=int, default=CONCURRENCY_LIMIT, metavar="N",
                        help=f"questions answered at once (default {CONCURRENCY_LIMIT})")
    parser.add_argument("--max-queue", type=int, default=QUEUE_MAX_SIZE, metavar="N",
                        help=f"requests that may wait; more get a 'busy' message (default {QUEUE_MAX_SIZE})")
    args = parser.parse_args(argv)
    if not 0 < args.port < 65536:
        parser.error(f"--port must be within 1..65535. Currently, the port is {args.port}")
    if not 1 <= args.concurrency <= 64:
        parser.error(f"--concurrency must be within 1..64, got {args.concurrency}")
    if not 1 <= args.max_queue <= 10_000:
        parser.error(f"--max-queue must be within 1..10000, got {args.max_queue}")
    return args


class AuthError(ValueError):
    """The credentials file or variable cannot be read; the message names it."""


def read_credentials(auth_file: str | None, environ=os.environ) -> list[tuple[str, str]]:
    """``user:password`` pairs from ``auth_file`` or ``$QA_AUTH`` (lines or commas); [] when neither.

    >>> read_credentials(None, {"QA_AUTH": "an:mat-khau"})
    [('an', 'mat-khau')]
    """
    if auth_file:
        try:
            text, source = open(auth_file, encoding="utf-8").read(), auth_file
        except (OSError, UnicodeDecodeError) as exc:
            raise AuthError(f"cannot read the credentials file {auth_file}: {exc}") from None
    else:
        text, source = environ.get(AUTH_ENV, ""), f"${AUTH_ENV}"
    pairs = []
    for number, entry in enumerate(text.replace(",", "\n").splitlines(), 1):
        entry = entry.strip()
        if not entry or entry.startswith("#"):
            continue
        user, sep, password = entry.partition(":")
        if not sep or not user.strip() or not password:
            raise AuthError(f"{source}, entry {number}: expected user:password, got {user.strip()[:20]!r}…")
        pairs.append((user.strip(), password))
    if auth_file and not pairs:
        raise AuthError(f"the credentials file {auth_file} holds no user:password line")
    return pairs


def exposure_warning(host: str, credentials: list) -> str | None:
    """A warning when the app is served beyond this machine without a login."""
    if host in LOOPBACK or host.startswith("127.") or credentials:
        return None
    return (f"serving on {host} without a login: anyone who can reach this port can use the app; "
            f"set ${AUTH_ENV} or pass --auth-file FILE")


def vietnamese_queue_full(demo: gr.Blocks) -> None:
    """Replace Gradio's English "Queue is full" (HTTP 503 detail) by a Vietnamese sentence."""
    queue = demo._queue
    push = queue.push

    async def push_vi(*args, **kwargs):
        success, detail, state = await push(*args, **kwargs)
        if state == "queue_full":
            detail = QUEUE_FULL_MESSAGE.format(size=len(queue), max_size=queue.max_size)
        return success, detail, state

    queue.push = push_vi


def launch(demo, host: str, port: int, **options) -> None:
    """``demo.launch`` on ``host:port``; a port another process holds stops the start with a message
    that says how to choose another, not a traceback."""
    try:
        demo.launch(server_name=host, server_port=port, **options)
    except OSError as exc:
        if "port" not in str(exc).lower():
            raise
        log.error("cannot start: cổng %s:%s đang được một tiến trình khác dùng; chạy lại với --port N "
                  "(hoặc đặt GRADIO_SERVER_PORT=N) hoặc dừng tiến trình đang giữ cổng.", host, port)
        raise SystemExit(2) from None


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from qa import Assistant
    from qa.corpus import CorpusError
    from qa.embed import EmbedderError
    from qa.index import IndexProblem

    try:
        credentials = read_credentials(args.auth_file)
    except AuthError as exc:
        log.error("cannot start: %s", exc)
        raise SystemExit(2) from None
    warning = exposure_warning(args.host, credentials)
    if warning:
        log.warning(warning)
    log.info("loading the assistant (model and index)…")
    try:
        assistant = Assistant.load(progress=True)  # a rebuild shows its progress here
        # Loads the segmenter and the embedding model and answers a warm-up question,
        # so the first user does not pay for lazy loading.
        assistant.warm_up()
    except (CorpusError, EmbedderError, IndexProblem, OSError) as exc:
        log.error("cannot start: %s", exc)
        raise SystemExit(2) from None
    for problem in assistant.corpus.problems:
        log.warning("corpus: %s", problem)
    log.info("assistant ready: %d clauses", len(assistant.clauses))

    demo = build_app(assistant, FeedbackLog(args.feedback) if args.feedback else None, args.concurrency)
    demo.queue(default_concurrency_limit=args.concurrency, max_size=args.max_queue)
    vietnamese_queue_full(demo)
    launch(
        demo, args.host, args.port,
        auth=credentials or None,
        auth_message="Đăng nhập để dùng Hỏi đáp Kế hoạch 03-KH/TW." if credentials else None,
        max_file_size=MAX_UPLOAD,
        footer_links=["api"],
        css=CSS,
        js=JS,
        i18n=I18N,
        ssr_mode=False,
        share=False,
        inbrowser=False,
    )


if __name__ == "__main__":
    main()
