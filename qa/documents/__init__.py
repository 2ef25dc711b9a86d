"""Documents → clauses: ``reader`` (paragraphs, front matter, identity), ``outline`` (the generic
numbering stack), ``genres/`` (one module per genre), ``types`` (document types, from data).

>>> from qa.documents import parse_file
>>> parse_file("corpus/ke-hoach-03-KH-TW-2021.txt").doc_id
'03-KH/TW'
"""

from ..reader import ParseError
from .reader import METADATA_KEYS, parse_file, parse_text
from .text import sentence_case

__all__ = ["METADATA_KEYS", "ParseError", "parse_file", "parse_text", "sentence_case"]
