"""What a genre provides: its markers, where its body starts, and how it fills the outline."""

from __future__ import annotations

import re

from ..outline import Outline


class Genre:
    name = "genre"
    # Line starts that open a clause: a wrapped line that starts with one never joins the line above.
    markers: tuple[re.Pattern, ...] = ()

    def starts_body(self, paragraph: str) -> bool:
        """The paragraph opens the body (front matter ends before it)."""
        return False

    def take(self, paragraph: str, next_paragraph: str | None, outline: Outline) -> bool:
        """Put the paragraph into the outline if it is one of this genre's markers; True if taken."""
        return False
