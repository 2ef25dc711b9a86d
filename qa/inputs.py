"""What callers hand ``Assistant.ask`` → text, or a Vietnamese message saying what is wrong.

A question may arrive as ``str``, as UTF-8 ``bytes`` (a socket, a file) or as
something else entirely; a string may carry lone surrogates (a broken JSON
escape, an argv byte Python could not decode). Both are rejected here, before
anything reaches the segmenter.

>>> question_text(b"ai k\\xc3\\xbd?")
'ai ký?'
>>> question_text("ai\\ud800")
Traceback (most recent call last):
...
qa.inputs.InputError: Câu hỏi chứa ký tự không hợp lệ (U+D800 ở vị trí 3) ...
"""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_REPR_CHARS = 60  # how much of a bad value a message shows


class InputError(ValueError):
    """The input cannot be read as a question or a history; the message is for the user."""


def shown(value: Any) -> str:
    """A short ``repr`` of a bad value for a message."""
    text = repr(value)
    return text if len(text) <= _REPR_CHARS else text[: _REPR_CHARS - 1] + "…"


def question_text(value: Any) -> str:
    """The question as text; ``InputError`` for undecodable bytes and lone surrogates."""
    if value is None:
        return ""
    if isinstance(value, (bytes, bytearray)):
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"Câu hỏi không phải văn bản UTF-8 (byte 0x{value[exc.start]:02x} ở vị trí {exc.start + 1}); "
                "vui lòng gửi câu hỏi dưới dạng văn bản UTF-8."
            ) from None
    elif not isinstance(value, str):
        value = str(value)
    bad = _SURROGATE.search(value)
    if bad:
        raise InputError(
            f"Câu hỏi chứa ký tự không hợp lệ (U+{ord(bad.group(0)):04X} ở vị trí {bad.start() + 1}, "
            "một nửa cặp UTF-16); vui lòng gõ lại hoặc dán lại câu hỏi."
        )
    return value


def lenient_text(value: Any) -> str:
    """Like ``question_text`` but never fails: bad bytes and surrogates become U+FFFD.

    For what is only echoed or was already answered (earlier turns).
    """
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).decode("utf-8", errors="replace")
    elif value is None:
        value = ""
    elif not isinstance(value, str):
        value = str(value)
    return _SURROGATE.sub("\ufffd", value)


def echo(value: Any, max_chars: int) -> str:
    """What a reply shows as the question: printable text, cut like the question itself.

    >>> echo("một hai ba", 5)
    'một …'
    """
    text = lenient_text(value)
    if len(text) <= max_chars:
        return text
    return text[:max_chars].rsplit(" ", 1)[0] + " …"
