"""Vietnamese paraphrase knowledge, read from ``qa/data/paraphrases.tsv``.

Users ask in their own words ("báo đài", "sửa luật", "bè phái"); the plan says
"báo chí", "hoàn thiện pháp luật", "cục bộ". Each line of the data file is a group
of equivalent expressions. A question that uses a member the corpus never uses is
searched with the members the corpus does use: expansion bridges a vocabulary gap
and adds nothing where the user's own words already match.

>>> lex = Lexicon.load()
>>> bridges = lex.bridges("Báo đài phải đưa tin về gì?", corpus_has=lambda p: p == "bao chi")
>>> bridges[0].said, bridges[0].plan_words
('báo đài', ('báo chí',))
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable

from .datafiles import DATA, data_lines
from .text import fold, has_diacritics, syllables



@dataclass(frozen=True)
class Bridge:
    """A phrase of the question (``said``) and the corpus's words for it."""

    said: str
    plan_words: tuple[str, ...]
    said_syllables: tuple[str, ...]  # folded


def _key(text: str) -> tuple[str, ...]:
    return tuple(fold(s) for s in syllables(text))


@dataclass(frozen=True)
class Lexicon:
    groups: tuple[tuple[str, ...], ...]

    @classmethod
    def load(cls, path: Path | None = None) -> "Lexicon":
        """``path``, or every ``qa/data/paraphrases*.tsv``."""
        paths = [path] if path else sorted(DATA.glob("paraphrases*.tsv"))
        return _load(tuple(str(p) for p in paths))

    def warm_up(self) -> None:
        """Fold and index the members now rather than on the first question that needs them."""
        for name in ("_keys", "_accented", "_by_first"):
            getattr(self, name)

    def members(self) -> list[str]:
        return [m for g in self.groups for m in g]

    @cached_property
    def _keys(self) -> dict[str, tuple[str, ...]]:
        """Each member's folded syllables, computed once rather than per question."""
        return {m: _key(m) for g in self.groups for m in g}

    def bridges(self, text: str, corpus_has: Callable[[str], bool]) -> list[Bridge]:
        """Phrases of ``text`` the corpus does not use, with the equivalents it does.

        ``corpus_has(folded_phrase)`` tells whether the corpus holds a phrase (folded,
        syllables joined by single spaces). Multi-syllable members match on folded
        syllables, so wrong or missing tone marks still match; a one-syllable member
        matches only with its accents, as typed ("lo" is not "lộ").
        """
        accented = has_diacritics(text)
        words = [s.lower() for s in syllables(text)]
        folded = [fold(s) for s in words]
        taken: set[int] = set()
        out: list[Bridge] = []
        present = set(folded)
        candidates = [c for first in present for c in self._by_first.get(first, ())]
        candidates.sort()  # by rank: longest first, then file order
        # where each syllable stands: a member is tried only where its first syllable is
        at_folded: dict[str, list[int]] = {}
        at_word: dict[str, list[int]] = {}
        for i, (w, f) in enumerate(zip(words, folded)):
            at_folded.setdefault(f, []).append(i)
            at_word.setdefault(w, []).append(i)
        for _, key, member, group in candidates:
            if len(key) == 1:
                if not accented:
                    continue
                seq, probe = words, self._accented[member]
                starts = at_word.get(probe[0], ()) if probe else ()
            else:
                seq, probe = folded, key
                starts = at_folded.get(key[0], ())
            n = len(probe)
            for i in starts:
                if tuple(seq[i:i + n]) != probe or taken & set(range(i, i + n)):
                    continue
                if corpus_has(" ".join(key)):
                    taken.update(range(i, i + n))  # the user's own words match: nothing to bridge
                    break
                plan = tuple(dict.fromkeys(m for m in group if m != member and corpus_has(" ".join(self._keys[m]))))
                if plan:
                    taken.update(range(i, i + n))
                    out.append(Bridge(said=" ".join(words[i:i + n]), plan_words=plan, said_syllables=key))
                break
        return out

    @cached_property
    def _accented(self) -> dict[str, tuple[str, ...]]:
        """Each member's syllables with their accents, lower case."""
        return {m: tuple(s.lower() for s in syllables(m)) for g in self.groups for m in g}

    @cached_property
    def _by_first(self) -> dict[str, tuple[tuple[int, tuple[str, ...], str, tuple[str, ...]], ...]]:
        """Members by their first folded syllable, so a question is matched only against
        members that can start in it; each with its rank (longest first, then file order),
        so that a question's candidates sort on one integer."""
        entries = [(key, member, group) for group in self.groups for member in group
                   if (key := self._keys[member])]
        ranked = sorted(range(len(entries)), key=lambda i: (-len(entries[i][0]), i))
        table: dict[str, list] = {}
        for rank, i in enumerate(ranked):
            key, member, group = entries[i]
            table.setdefault(key[0], []).append((rank, key, member, group))
        return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=4)
def _load(paths: tuple[str, ...]) -> Lexicon:
    groups = []
    lines = [ln for p in paths for ln in Path(p).read_text(encoding="utf-8").splitlines()]
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        members = tuple(dict.fromkeys(m.strip() for m in line.split("|") if m.strip()))
        if len(members) > 1:
            groups.append(members)
    return Lexicon(groups=tuple(groups))


@lru_cache(maxsize=1)
def genre_parts() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """(part, ((phrase, its folded syllables), …)) from ``data/genre_parts.tsv``, read once."""
    out = []
    for line in data_lines(DATA / "genre_parts.tsv"):
        part, phrases = line.split("\t")
        out.append((part, tuple((p.strip(), " ".join(fold(w) for w in syllables(p)))
                                for p in phrases.split("|") if p.strip())))
    return tuple(out)
