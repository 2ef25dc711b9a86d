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
import logging  # noqa: E402
from typing import Any  # noqa: E402

import gradio as gr  # noqa: E402

from qa.render import (  # noqa: E402
    esc,
    reader_choices,
    render_context,
    render_plan,
    render_question,
    render_reply,
)

log = logging.getLogger("qa.app")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
# A 2-core machine: two questions are answered at once (retrieval and the query
# embedding are CPU-bound), the others wait their turn in the queue.
CONCURRENCY_LIMIT = 2
QUEUE_MAX_SIZE = 64
QUEUE_FULL_MESSAGE = ("Hệ thống đang bận: có {size} câu hỏi đang chờ (tối đa {max_size}). "
                      "Vui lòng thử lại sau ít phút.")
# The app takes no uploads; Gradio's upload route still exists, so it gets a small limit.
MAX_UPLOAD = "1mb"
# Gradio copies every returned file (quiz downloads) into its cache: prune hourly.
CACHE_PRUNE = (3600, 3600)
LOOPBACK = ("127.0.0.1", "localhost", "::1")
AUTH_ENV = "QA_AUTH"  # "user:password" pairs separated by commas or new lines

EXAMPLES = [
    "Ai chịu trách nhiệm thể chế hóa nội dung Kết luận?",
    "Hội nghị cán bộ toàn quốc quán triệt Kết luận tổ chức khi nào?",
    "ai huong dan to chuc hoi nghi quan triet ket luan?",
    "Đợt sinh hoạt chính trị sâu rộng phải hoàn thành khi nào?",
    "Nhiệm vụ trọng tâm về phòng, chống tham nhũng là gì?",
    "Kế hoạch do ai ký, ban hành ngày nào?",
]

CSS = """
.qa-answer { font-weight: 600; margin: 0 0 .5em 0; }
.qa-quote { border-left: 4px solid var(--color-accent); margin: .4em 0; padding: .3em .8em;
            background: var(--background-fill-secondary); }
.qa-cite { font-size: .9em; color: var(--body-text-color-subdued); margin: .3em 0; }
.qa-ref { font-family: var(--font-mono); font-weight: 600; padding: 0 .3em; border-radius: 4px;
          background: var(--background-fill-secondary); color: var(--body-text-color); }
.qa-hint { font-style: italic; }
.qa-sources summary { cursor: pointer; font-weight: 600; font-size: .95rem; margin-top: .4em; }
.qa-source-text { font-size: .92em; margin: .2em 0 .6em 0; }
.qa-message { font-size: .92em; color: var(--body-text-color-subdued); }
.qa-not-found .qa-answer { color: var(--color-red-600, #b91c1c); }
.qa-reply mark, .qa-plan mark { background: #fde68a; color: inherit; padding: 0 .1em; border-radius: 2px; }
.qa-plan .qa-target { background: #fef3c7; outline: 2px solid #f59e0b; border-radius: 4px; padding: .2em .4em; }
.qa-plan p { margin: .4em 0; }
.qa-intro, .qa-coverage { margin: 0 0 .4em 0; }
"""


class ChatApp:
    """The app's handlers around one loaded assistant; Gradio calls these methods."""

    def __init__(self, assistant: Any) -> None:
        self.assistant = assistant
        self.clauses = list(assistant.clauses)
        self.refs = {c.ref for c in self.clauses}

    def ask(self, question: str, history: list[str] | None = None) -> dict:
        """Answer one question; ``history`` is the earlier user messages, oldest first.

        Returns ``Reply.to_dict()``: question, answer, found, kind, message,
        citations (doc, ref, label, text, score, doc_title), resolved_question.
        """
        # The history goes as sent: ``ask`` reads one string or dict as one message and
        # answers any other shape (a number, a boolean) with a message, not an exception.
        return self.assistant.ask("" if question is None else question, history=history).to_dict()

    def respond(self, message: str, messages: list[dict], questions: list[str]):
        """A chat turn: the reply message, the grown history, the reader moved to the cited clause."""
        question = (message or "").strip()
        if not question:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        reply = self.assistant.ask(question, history=list(questions))
        messages = [
            *messages,
            {"role": "user", "content": render_question(question)},
            {"role": "assistant", "content": render_reply(reply)},
        ]
        questions = [*questions, question]
        if reply.found and reply.citations and reply.citations[0].ref in self.refs:
            ref = reply.citations[0].ref
            picker, context = gr.update(value=ref), render_context(self.clauses, ref)
        else:
            picker, context = gr.skip(), gr.skip()
        return "", messages, messages, questions, picker, context

    def read(self, ref: str | None) -> str:
        return render_context(self.clauses, ref) if ref else ""


def build_app(assistant: Any) -> gr.Blocks:
    """The Blocks app: chat tab, plan reader tab, quiz tab, and the ``/ask`` endpoint."""
    from qa.quiz.ui import build_quiz_tab

    app = ChatApp(assistant)
    coverage = getattr(assistant, "coverage_message", "") or ""
    corpus = getattr(assistant, "corpus", None)
    problems = list(getattr(corpus, "problems", ()) or ())
    first_ref = app.clauses[0].ref if app.clauses else None

    with gr.Blocks(title="Hỏi đáp Kế hoạch 03-KH/TW", delete_cache=CACHE_PRUNE) as demo:
        gr.HTML(
            "<h1>Hỏi đáp Kế hoạch 03-KH/TW</h1>"
            '<p class="qa-intro">Hỏi bằng tiếng Việt, có dấu hoặc không dấu; câu hỏi tiếp theo '
            "có thể dựa vào các câu trước. Mỗi câu trả lời kèm đoạn trích nguyên văn và vị trí "
            f"trong kế hoạch.</p><p class=\"qa-coverage\">{esc(coverage)}</p>"
            + "".join(f'<p class="qa-message">Không đọc được: {esc(p)}</p>' for p in problems),
            js_on_load=None,
        )
        messages = gr.State([])  # rendered chat, kept on the server
        questions = gr.State([])  # the user's raw questions: the history ``ask`` gets

        with gr.Tab("Hỏi đáp", id="chat"):
            chatbot = gr.Chatbot(
                label="Cuộc trò chuyện",
                elem_id="qa-chat",
                height="62vh",
                min_height=420,
                # Messages are HTML built by qa.render with every text escaped;
                # no Markdown or LaTeX pass may reinterpret a question or a clause.
                render_markdown=False,
                sanitize_html=True,
                latex_delimiters=[],
                buttons=["copy"],
                feedback_options=None,
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
            new_chat = gr.Button("Cuộc trò chuyện mới", variant="secondary", size="sm", elem_id="qa-new")
            gr.Examples(examples=[[q] for q in EXAMPLES], inputs=[box], label="Câu hỏi mẫu")

        with gr.Tab("Đọc kế hoạch", id="reader"):
            picker = gr.Dropdown(
                choices=reader_choices(app.clauses),
                value=first_ref,
                label="Chọn mục theo mã trích dẫn (câu trả lời gần nhất tự chuyển đến đây)",
                filterable=True,
                elem_id="qa-picker",
            )
            context = gr.HTML(app.read(first_ref), elem_id="qa-context", js_on_load=None)
            with gr.Accordion("Toàn văn kế hoạch", open=False):
                gr.HTML(render_plan(app.clauses), elem_id="qa-plan", js_on_load=None)

        with gr.Tab("Soạn câu hỏi ôn tập", id="quiz"):
            build_quiz_tab(assistant)

        turn = {
            "fn": app.respond,
            "inputs": [box, messages, questions],
            "outputs": [box, chatbot, messages, questions, picker, context],
            "api_visibility": "private",
            "concurrency_id": "ask",
            "concurrency_limit": CONCURRENCY_LIMIT,
        }
        box.submit(**turn)
        send.click(**turn)
        # Both "Cuộc trò chuyện mới" and the chat's own clear icon start afresh:
        # the history the assistant sees is emptied with the messages.
        new_chat.click(
            lambda: ("", [], [], []),
            outputs=[box, chatbot, messages, questions],
            api_visibility="private",
            queue=False,
        )
        chatbot.clear(lambda: ([], []), outputs=[messages, questions], api_visibility="private", queue=False)
        picker.input(app.read, inputs=[picker], outputs=[context], api_visibility="private")
        gr.api(app.ask, api_name="ask", concurrency_id="ask", concurrency_limit=CONCURRENCY_LIMIT)
    return demo


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Hỏi đáp Kế hoạch 03-KH/TW: giao diện trò chuyện (Gradio).")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST}, loopback only)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--auth-file", metavar="FILE",
                        help=f"require a login: FILE holds user:password lines (or set ${AUTH_ENV}); "
                        "passwords never go on the command line")
    args = parser.parse_args(argv)
    if not 0 < args.port < 65536:
        parser.error(f"--port must be within 1..65535. Currently, the port is {args.port}")
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

    demo = build_app(assistant)
    demo.queue(default_concurrency_limit=CONCURRENCY_LIMIT, max_size=QUEUE_MAX_SIZE)
    vietnamese_queue_full(demo)
    demo.launch(
        server_name=args.host,
        server_port=args.port,
        auth=credentials or None,
        auth_message="Đăng nhập để dùng Hỏi đáp Kế hoạch 03-KH/TW." if credentials else None,
        max_file_size=MAX_UPLOAD,
        footer_links=["api"],
        css=CSS,
        ssr_mode=False,
        share=False,
        inbrowser=False,
    )


if __name__ == "__main__":
    main()
