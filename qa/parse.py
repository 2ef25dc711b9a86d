"""Document text → citable clauses: kept for callers of ``qa.parse``; the parser lives in
``qa/documents/`` (reader, outline, one module per genre).

>>> doc = parse_text(open("corpus/ke-hoach-03-KH-TW-2021.txt").read(), source="ke-hoach.txt")
"""

from __future__ import annotations

from .documents import METADATA_KEYS, ParseError, parse_file, parse_text, sentence_case

__all__ = ["METADATA_KEYS", "ParseError", "parse_file", "parse_text", "sentence_case"]
