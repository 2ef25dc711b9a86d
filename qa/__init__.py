"""Hỏi đáp Kế hoạch 03: question answering with citations over Party plans.

>>> from qa import Assistant
>>> reply = Assistant.load().ask("ai chịu trách nhiệm thể chế hóa?")

Heavy modules (torch, faiss, underthesea) load only when first needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .config import Config, ConfigError
from .types import Citation, Clause, Document, Facts, Hit, Reply

if TYPE_CHECKING:  # pragma: no cover
    from .assistant import Assistant

__all__ = ["Assistant", "Config", "ConfigError", "Citation", "Clause", "Document", "Facts", "Hit", "Reply"]


def __getattr__(name: str):
    if name == "Assistant":
        from .assistant import Assistant

        return Assistant
    raise AttributeError(f"module 'qa' has no attribute {name!r}")
