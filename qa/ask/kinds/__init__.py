"""The question kinds, one file each; ``KINDS`` is the order in which they are tried.

Metadata is decided first (in ``qa.question``, since it also weighs what else the
question asks); then the slot kinds that ask for something specific — a person, an
outcome since the plan, an amount of money, a penalty, a procedure or form, a term's meaning, a count — then timing, actor,
place, a fill-in-the-blank prompt and content.

>>> kind_for("Ai đang là Trưởng ban Tổ chức Trung ương?", "ai dang la truong ban to chuc trung uong?").name
'person'
"""

from __future__ import annotations

from .base import AnswerContext, Kind, load_slots
from .count import Count
from .definition import Definition
from .fill import Fill
from .instance import Instance
from .meta import CLAUSE_OF_FIELD, META_FIELDS, Meta
from .money import Amount
from .outcome import Outcome
from .penalty import Penalty
from .person import Person
from .procedure import Procedure
from .what import What
from .when import When
from .where import Where
from .who import Who

KINDS: tuple[Kind, ...] = (Person(), Instance(), Outcome(), Amount(), Penalty(), Procedure(), Definition(), Count(), When(), Who(),
                           Where(), Fill())
_DEFAULT = What()
_BY_NAME = {k.name: k for k in (*KINDS, Meta(), _DEFAULT)}


def kind_for(text: str, folded: str) -> Kind:
    """The first kind whose patterns match the (abbreviation-expanded) question."""
    return next((k for k in KINDS if k.detect(text, folded)), _DEFAULT)


def get(name: str) -> Kind:
    return _BY_NAME.get(name, _DEFAULT)


__all__ = ["AnswerContext", "CLAUSE_OF_FIELD", "KINDS", "META_FIELDS", "Kind", "get", "kind_for", "load_slots"]
