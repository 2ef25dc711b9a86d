"""The word lists in ``qa/data``: UTF-8 text, one entry a line; a line starting with ``#`` is a
comment and blank lines are left out. Every module that reads one reads it here."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def data_lines(path: Path) -> list[str]:
    """The lines of a data file that hold data, as written."""
    return [ln for ln in Path(path).read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
