"""The generic numbering stack every genre fills: section → item → point, bullets under the deepest.

A genre recognises its markers ("I-", "Điều 3", "a)") and calls ``open_section``, ``open_item``,
``open_point``; ``bullet`` and ``plain`` are the same for every genre. Clauses come out in
document order with their refs, labels, heading paths and facts.

>>> outline = Outline("03-KH/TW", "Kế hoạch 03")
>>> outline.open_section("I", "Mục I. Mục đích", "I- MỤC ĐÍCH", title="MỤC ĐÍCH")
>>> outline.bullet("Nhận thức sâu sắc …"); [c.ref for c in outline.clauses()]
['I', 'I.1']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..facts import extract_facts
from ..types import Clause, Facts


@dataclass
class Node:
    ref: str
    label: str
    kind: str
    headings: tuple[str, ...]
    parts: list[str]
    lead: tuple[str, ...] = ()  # lead its children inherit
    children: int = 0
    facts: Facts | None = None
    extra: dict = field(default_factory=dict)


class Outline:
    """Open nodes of one document's body, and the nodes in the order they were opened."""

    def __init__(self, doc_id: str, title: str) -> None:
        self.doc_id = doc_id
        self.title = title
        self.section: Node | None = None
        self.item: Node | None = None
        self.point: Node | None = None
        self.last: Node | None = None
        self.front: list[Node] = []  # title, metadata, header, preamble: before the body
        self.nodes: list[Node] = []
        self.orphans: list[str] = []  # plain text before any structure: it joins the preamble

    # -- what genres call -------------------------------------------------------------------------
    def open_section(self, ref: str, label: str, line: str, title: str = "") -> Node:
        node = Node(ref, label, "section", (line,), [line], extra={"title": title})
        self.section, self.item, self.point = node, None, None
        return self._add(node)

    def open_item(self, node: Node) -> Node:
        self.item, self.point = node, None
        return self._add(node)

    def open_point(self, node: Node, deepest: bool = True) -> Node:
        """``deepest``: the point becomes where bullets attach (a lettered point under an item)."""
        if deepest:
            self.point = node
        return self._add(node)

    def parent(self) -> Node | None:
        return self.point or self.item or self.section

    def bullet(self, text: str) -> bool:
        holder = self.parent()
        if holder is None:
            return False
        holder.children += 1
        heads = holder.headings + ((holder.parts[0],) if holder.kind == "heading" else ())
        self._add(Node(f"{holder.ref}.{holder.children}", f"{holder.label} — ý {holder.children}", "bullet",
                       heads, [text], lead=holder.lead))
        return True

    def plain(self, text: str) -> None:
        """A paragraph without a marker: a section's intro, the rest of the clause above, or preamble."""
        section = self.section
        if self.last is section and section is not None and section.parts == list(section.headings[-1:]):
            section.parts = [text]
            section.facts = extract_facts(text)
            section.lead = section.facts.lead
        elif self.last is not None:
            self.last.parts.append(text)
        else:
            self.orphans.append(text)

    def _add(self, node: Node) -> Node:
        self.nodes.append(node)
        self.last = node
        return node

    # -- output -------------------------------------------------------------------------------------
    def clauses(self) -> tuple[Clause, ...]:
        out: list[Clause] = []
        for node in (*self.front, *self.nodes):
            body = "\n".join(node.parts).strip()
            if not body:
                continue
            if node.facts is not None:
                facts = node.facts
            elif node.kind == "heading":  # "1. Đảng đoàn Quốc hội": the body it names leads its bullets
                facts = Facts(lead=node.lead, bodies=extract_facts(body).bodies)
            else:
                facts = extract_facts(body, node.lead)
            out.append(Clause(doc_id=self.doc_id, doc_title=self.title, ref=node.ref, label=node.label,
                              kind=node.kind, headings=node.headings, text=body, position=len(out), facts=facts))
        return tuple(out)
