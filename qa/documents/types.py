"""Document types, one list for every module: ``qa/data/document_types.tsv``.

>>> [t.name for t in document_types()][:2]
['KẾ HOẠCH', 'NGHỊ QUYẾT']
>>> type_of_abbreviation("nd").name
'NGHỊ ĐỊNH'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import DATA, data_lines
from ..text import fold

TYPES_FILE = DATA / "document_types.tsv"


@dataclass(frozen=True)
class DocumentType:
    name: str  # as the document's heading writes it, in capitals: "KẾ HOẠCH"
    abbreviation: str  # in its number: "KH" (empty when the genre numbers otherwise)
    genre: str  # the module in qa/documents/genres that parses it


@lru_cache(maxsize=1)
def document_types() -> tuple[DocumentType, ...]:
    out = []
    for line in data_lines(TYPES_FILE):
        name, abbreviation, genre = (line.split("\t") + ["", ""])[:3]
        out.append(DocumentType(name.strip(), abbreviation.strip(), genre.strip()))
    return tuple(out)


def type_names() -> tuple[str, ...]:
    return tuple(t.name for t in document_types())


def type_of_abbreviation(abbreviation: str) -> DocumentType | None:
    """The first type whose number abbreviation folds to ``abbreviation`` ("kh", "nd")."""
    key = fold(abbreviation)
    return next((t for t in document_types() if t.abbreviation and fold(t.abbreviation) == key), None)


@lru_cache(maxsize=2)
def _titled(proper: bool) -> re.Pattern:
    names = "|".join(re.escape(t.name.capitalize()) for t in document_types())
    # a subject runs to the end of its list item: across commas ("cán bộ, đảng viên", "kinh tế - xã hội,
    # bảo đảm quốc phòng - an ninh"), up to the next document cited ("…, các quy định về …", "…, Kết luận số …")
    subject = rf"[^,;.()«»\"\n]+(?:,(?! (?i:(?:các |những )?(?:{names}))\b)[^,;.()«»\"\n]+)*"
    if proper:
        return re.compile(rf"(?<![\w-])((?:{names}) về {subject})")
    return re.compile(rf"(?<![\w-])((?:các |những )?(?:{names}) về {subject})", re.IGNORECASE)


def titled_citations(text: str, proper: bool = True) -> list[str]:
    """The documents a text cites by their kind and subject, in order: as a proper title ("Quy định về
    những điều đảng viên không được làm"), or with ``proper`` False also as a common noun ("các quy
    định về trách nhiệm nêu gương")."""
    return [m.group(1).strip() for m in _titled(proper).finditer(text)]
