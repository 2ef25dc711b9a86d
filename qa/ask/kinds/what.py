"""what: the content itself — the best-matching sentence of the best clause; a section
answers with its parts; a question about a body answers with its role and task."""

from __future__ import annotations

import re

from ..passages import as_written, best_passage, clip, consequent, first_sentences, focused, join, paired, span, task_part
from ...documents.types import titled_citations
from ...text import collapse, fold, syllables
from ..claims import FALSE, TRUE, confirmed_word, confirms, confirms_in_other_words, is_claim, without_lead
from .base import ASKED_KINDS, EXISTENCE, Kind, asks_yes_no, role_verdict
from .meta import defined_name
from .when import timed_items

_REGISTER = ("title", "header", "meta")  # a statement about the register is the meta kind's to check
# a body said to act alone ("Ban Tổ chức TW một mình hướng dẫn …")
_ALONE = re.compile(r"\b(?:mot minh|rieng minh|chi rieng|chi co minh)\b")
# a part's title asked ("Phần II tên là gì?", "mục I có tên gì", "tiêu đề của phần IV")
_TITLE_ASKED = re.compile(r"\b(?:ten (?:la |goi )?gi|co ten (?:la )?gi|ten goi|tieu de|ten (?:cua )?(?:phan|muc)|dat ten)\b")
# a number of parts claimed ("KH03 có 9 việc trọng tâm", "phần III gồm 11 nhiệm vụ")
_PARTS_CLAIMED = re.compile(r"\b(\d{1,2}) (?:\w+ )?(?:nhiem vu|viec|cong viec|noi dung|muc|diem|y|nhom|giai phap|phan)\b")


def _count_verdict(q, count: int) -> str:
    """«Đúng.» or «Không đúng.» (worded as the question offered it: ``in_question_terms``) before a
    section's parts when the question offers their number as a statement to check; nothing otherwise."""
    if not is_claim(q.text):
        return ""
    # (a document's number is none of its parts: "Kế hoạch 03 nói đúng là 11 nhiệm vụ …", where "nói đúng"
    # also folds as "nội dung")
    from ...question import without_documents  # (qa.question reads the kinds)

    stated = collapse(fold(without_documents(without_lead(q.text), q.doc_keys).lower()))
    claimed = {int(n) for n in _PARTS_CLAIMED.findall(stated)}
    if not claimed:
        return ""
    return f"{TRUE if claimed == {count} else FALSE} "


def _document_words() -> frozenset[str]:
    from ...question import document_words  # (qa.question reads the kinds)

    return document_words()


def citing_passage(q, clause, info) -> str | None:
    """"Tên đầy đủ của Kết luận 21 là gì?": of a document the corpus cites, not holds, what the
    clause says from the sentence that cites it on (its number, date, issuer and title)."""
    for key, number in zip(q.doc_keys, q.doc_numbers):
        at = clause.text.find(number) if key not in info.own_doc_keys else -1
        if at >= 0:  # from the start of the sentence, or of the list item, that cites it
            start = max((clause.text.rfind(mark, 0, at) + 2 for mark in (". ", "; ", ", ")
                         if mark in clause.text[:at]), default=0)
            return clause.text[start:]
    return None


# one document of a kind asked ("dẫn quy định nào", "theo văn bản gì"; not "những nghị quyết, quy định
# nào", a list)
_ONE_DOCUMENT = re.compile(rf"^(?!.*\b(?:nhung|cac)\b[\w ,]{{0,30}}\b(?:{ASKED_KINDS}) (?:nao|gi)\b)"
                           rf".*?\b({ASKED_KINDS}) (?:nao|gi)\b")


def _title_asked(q, clause, kind: str) -> str | None:
    """Of the documents of the ``kind`` asked ("van ban": any) the clause cites by their kind and
    subject, the one whose subject shares most of the question's content words (two, or all of a
    one-word question); None when it cites none so."""
    topic = set(q.content)  # ("trách nhiệm", "nêu" also ask, and are a title's words here)
    titles = [t for t in titled_citations(clause.text, proper=False)
              if kind == "van ban" or re.sub(r"^(?:cac|nhung) ", "", fold(t).lower()).startswith(kind + " ")]
    scored = [(sum(fold(w) in topic for w in set(syllables(title.split(" về ", 1)[1]))), -i, title)
              for i, title in enumerate(titles)]
    best = max(scored, default=None)
    # two words at least, of a question that has two ("phong cách" is no "quốc phòng")
    return best[2] if best and best[0] >= min(2, len(topic)) and best[0] > 0 else None


def _role_checked(q, clause, folded: str, role: str, said: str) -> str:
    """A body's role, after «Có —» or «Không —» when the question asks yes or no about it (``role_verdict``),
    or after «Đúng —» when it offers a statement the clause says ("Đúng hay sai: KH giao Ban Tuyên giáo TW
    hướng dẫn …")."""
    verdict = role_verdict(folded, role == "lead")
    facts = clause.facts
    if verdict is None and is_claim(q.text) and _ALONE.search(folded) and len({*facts.lead, *facts.coordinate}) > 1:
        # "Đúng hay sai: KH giao Ban Tổ chức TW một mình hướng dẫn …": the clause names others beside it
        verdict = FALSE[:-1]
    if verdict is None and _confirmed(q, clause):  # (in its words, or in others the lexicon reads as its)
        verdict = confirmed_word(folded)
    return f"{verdict} — {said}" if verdict else said


def _confirmed(q, clause) -> bool:
    """The statement the question offers is the clause's, in its words or in other words that the
    lexicon reads as the clause's (bodies it names must be the clause's too)."""
    if confirms(q.text, clause.text, _document_words()):
        return True
    facts = clause.facts
    if any(b not in facts.bodies and b not in facts.lead and b not in facts.coordinate for b in q.bodies):
        return False
    # the bodies it names are the clause's, though a part's lead is named in its heading, not in the clause
    named = frozenset(fold(s) for b in q.bodies for s in syllables(b.lower()))
    return confirms_in_other_words(q.text, clause.text, q.bridges, _document_words() | named)


# which document a task follows: "theo văn bản nào", "căn cứ quy định nào"; not a document the task acts on
# ("rà soát, sửa đổi những văn bản gì / văn bản nào")
_WHICH_ONE = re.compile(rf"\b(?:theo|can cu(?: vao)?|dua (?:tren|vao)|tai|o) (?:{ASKED_KINDS}|luat) nao\b")


def _names_document(clause, ctx) -> bool:
    """The clause cites a document, by number ("Kết luận số 19-KL/TW"), by title ("Quy định về những điều
    …") or by the short name the preamble gives what the plan implements ("nội dung Kết luận"); "theo quy
    định, nhất là …" cites none."""
    from ...question import document_keys  # (qa.question reads the kinds)

    if document_keys(clause.text) or titled_citations(clause.text, proper=False):
        return True
    preamble = ctx.front(clause.doc_id, "preamble")
    short = defined_name(preamble.text) if preamble is not None else None
    return bool(short and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", clause.text))


def _one_document_asked(q) -> bool:
    """"… được thực hiện theo văn bản nào?": one document asked, of a task (not of the plan itself,
    whose register and preamble say what it is and implements)."""
    return not q.doc_keys and q.kind == "what" and bool(_WHICH_ONE.search(collapse(fold(q.text.lower()))))


class What(Kind):
    name = "what"

    def slot_required(self, q) -> bool:
        return _one_document_asked(q)

    def holds_answer(self, q, clause, ctx) -> bool:
        # the document asked is named by the clause, or by the part of the front matter that names documents
        return not _one_document_asked(q) or clause.kind not in ("item", "bullet") or _names_document(clause, ctx)

    def missing(self, q, ctx) -> str | None:
        return "tên văn bản quy định việc này" if _one_document_asked(q) else None

    def answer(self, q, hits, ctx) -> str:
        listed = timed_items(q, ctx)
        if listed is not None:  # "Những việc nào được ghi là làm 'thường xuyên'?": every item so timed
            return listed
        clause = hits[0].clause
        limit = ctx.config.answer_max_chars
        if clause.kind in ("section", "heading"):
            children = ctx.children(clause)
            name = clause.text if clause.kind == "heading" else clause.label
            if _TITLE_ASKED.search(collapse(fold(q.text.lower()))):
                return f"{name} ({clause.ref})."  # "Phần II tên là gì?": its title alone
            if children:
                head = (f"{_count_verdict(q, len(children))}{name} ({clause.ref}) gồm {len(children)} nội dung "
                        f"({span(children)}): ")
                return head + first_sentences(children[0].text, max(60, limit - len(head)))
        action = ctx.slots.search("what", "action", q.text) is not None  # what is to be done, asked
        passage = citing_passage(q, clause, ctx.info) or \
            consequent(best_passage(clause.text, q.topic, len(clause.text), paired(q)), q.topic, limit, action)
        # the passage as far as it fits: from the words asked about, unless what is to be done is asked, which
        # the passage says first ("Tập trung xử lý dứt điểm …")
        focus = () if action else q.topic  # (no words: the head, clipped)
        facts = clause.facts
        task = task_part(passage, facts.lead + facts.coordinate)
        folded = collapse(fold(q.text))
        if not facts.lead_inherited and any(body in facts.lead for body in q.bodies):
            # "Hội nghị do Bộ Chính trị tổ chức hay Ban Bí thư?": every body that leads it, as written
            return _role_checked(q, clause, folded, "lead",
                                 f"{as_written(clause.text, facts.lead)} chủ trì ({clause.ref}): {task}")
        for body in q.bodies:  # "còn Ban Tổ chức Trung ương thì sao?": its role, then the task
            if body in facts.coordinate and facts.lead:
                return _role_checked(q, clause, folded, "coordinate",
                                     f"{body} phối hợp với {join(facts.lead)} (chủ trì) ({clause.ref}): {task}")
        asked = _ONE_DOCUMENT.search(folded)
        named = _title_asked(q, clause, asked.group(1)) if asked else None
        if named:  # "kế hoạch dẫn quy định nào về nêu gương?": the title the clause cites it by
            # ("… có quy định nào được nhắc trong kế hoạch không?": that it does, first)
            return f"{'Có — ' if asks_yes_no(folded) else ''}{named} ({clause.ref})."
        # "… lấy phiếu tín nhiệm hằng năm không?", "thường xuyên hay chỉ cuối năm?": the question turns
        # on a time, and the plan's comes first
        timed = bool(facts.timings) and ctx.slots.search("when", "touched", q.text) is not None
        if clause.kind not in _REGISTER and _confirmed(q, clause):
            # "Đúng hay sai: KH yêu cầu …" that the clause says: confirmed, where, and in its words
            # in the question's word: «Đúng — …» to "đúng không?", «Có — …» to "có phải … không?"
            head = f"{confirmed_word(folded)} — kế hoạch nêu ({clause.ref}): "
            return head + focused(passage, focus, max(60, limit - len(head)))
        if EXISTENCE.search(folded) or asks_yes_no(folded):
            # "Kế hoạch có nhắc tới X không?": that it does, where, and in its words
            head = (f"Kế hoạch có đề cập ({clause.ref}; thời gian: {'; '.join(facts.timings)}): " if timed
                    else f"Kế hoạch có đề cập ({clause.ref}): ")
            return head + focused(passage, focus, max(60, limit - len(head)))
        if timed:
            head = f"{'; '.join(facts.timings)} ({clause.ref}): "
            return head + clip(passage, max(60, limit - len(head)))
        # the passage, and where it is ("… (III.9)"), as every other kind's answer says
        where = f" ({clause.ref})"
        return focused(passage, focus, max(60, limit - len(where) - 1)).rstrip(" .;:") + where + "."
