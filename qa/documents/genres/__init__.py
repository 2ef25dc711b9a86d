"""One module per genre, behind ``Genre`` (base.py). ``GENRES`` is the order they are asked in:
a paragraph goes to the first genre that takes it; the outline's bullets and plain text take the rest.

A new genre is one file here with a ``Genre`` subclass, added to ``GENRES``.
"""

from __future__ import annotations

from .base import Genre
from .decree import Decree
from .party_plan import PartyPlan

GENRES: tuple[Genre, ...] = (Decree(), PartyPlan())

__all__ = ["GENRES", "Genre"]
