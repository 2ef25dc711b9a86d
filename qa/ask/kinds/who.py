"""who: which body acts, leads or coordinates ("ai chịu trách nhiệm…", "cơ quan nào…").

The answer is the lead of the best clause, or — when the clause's lead is only the
section's general subject — the actors named in the sentence the question is about
("ai phải tự học…" → "cán bộ, đảng viên…").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ...facts import BODIES, body_names, find_actors, find_bodies
from ...text import collapse, fold, syllables
from ...types import Hit
from ..passages import as_written, asked_words, best_passage, clip, paired, join, nearest_phrase, sentence_around
from ..claims import is_claim
from .base import EXISTENCE, FRONT_KINDS, LEADING_NAMED, YES_NO, Kind, asks_yes_no, role_verdict

PATTERN = re.compile(
    r"(\bai\b|\b(la|do|cua|giao cho|boi) ai\b|\bco quan nao\b|\bdon vi nao\b|\bto chuc nao\b|\bben nao\b"
    r"|\bcap nao\b|\bchu tri\b|\bphoi hop\b|\bchiu trach nhiem\b|\bphu trach\b|\bduoc giao\b(?! (lam )?(nhung )?(gi|viec gi|nhiem vu gi|vai tro gi|nhung viec gi|nhung nhiem vu gi))|\bchu the\b"
    r"|\bnhung ai\b|\bdoi tuong nao\b|\bnguoi nao\b|\bdau moi nao\b|\bnoi nao (?:lo|chiu|phu trach|dam nhan)\b"
    # "do ban nào chỉ đạo", "những ban nào", "ban TW nào tham gia" (folded, "ban nào" is also "bản nào", "bạn nào")
    r"|\b(?:do|giao cho|boi|nhung|cac) ban nao\b"
    r"|\bban (?:trung uong )?nao (?:chu tri|phu trach|huong dan|chi dao|lo|tham gia|dam nhan)\b)")


_PREDICATE_WEIGHT = 2.0  # chosen on dev

# whom an action is done to, asked ("áp dụng cho những ai?", "bỏ phiếu tín nhiệm ai?", "đối với đối tượng
# nào?"): the people after "đối với" in the clause, not the body that acts
# … or asked in the passive ("ai phải qua đợt đánh giá tín nhiệm?", "những ai bị lấy phiếu?"), or as its target
# ("bỏ phiếu … thì nhắm vào ai?")
_OBJECT_ASKED = re.compile(r"\b(?:(?:ap dung|danh|lay phieu(?: tin nhiem)?|bo phieu(?: tin nhiem)?|nham vao)\s+(?:cho\s+|voi\s+|doi voi\s+)?"
                           r"|doi voi\s+)(?:nhung\s+|cac\s+)?(?:ai|doi tuong nao|chuc danh nao)\b"
                           r"|\bai\s+(?:phai\s+|se\s+)?(?:qua|bi|chiu)\s+(?:dot\s+|viec\s+|cuoc\s+)?"
                           r"(?:lay phieu|bo phieu|danh gia|cham)")
_OBJECT = re.compile(r"\bdoi voi\s+")
_OBJECT_END = re.compile(r"[;.()]|, nhat la|\s(?:de|nham|theo quy dinh)\b")


# "ai phải chịu trách nhiệm nhất?", "… nặng nhất": the one a clause singles out with "nhất là (của) …"
_MOST_ASKED = re.compile(r"(?<!thong )(?<!duy )(?<!hop )(?<!dong )\bnhat\b(?! la\b)")
_SINGLED_OUT = re.compile(r"\bnhat la (?:cua |doi voi )?")
_SINGLED_END = re.compile(r"[,;.()]|\s(?:trong|ve|de|nham|doi voi)\s")


# what comes before a body that does not act in the sentence: the author of a document it names ("quy
# định, hướng dẫn của Ban Chấp hành Trung ương"), or whom it deals with ("xử lý nghiêm cán bộ, đảng
# viên"), and (``_FAULTS_OF``) whose faults are dealt with ("kiểm tra … việc sửa chữa, khắc phục khuyết điểm
# của cấp ủy cấp dưới"); the owner of an action still does it ("hành động của cán bộ, đảng viên"), and so may those a
# rule is for ("chế độ học tập … đối với cán bộ lãnh đạo, quản lý": they are the ones who study)
_NOT_ACTING = re.compile(r"(?:\b(?:quy dinh|huong dan|nghi quyet|ket luan|van ban|chi thi)\W+(?:\w+\W+){0,3}cua"
                         r"|\bxu ly nghiem|\bxu ly)\s+(?:cac\s+|nhung\s+)?$")
_FAULTS_OF = re.compile(r"\b(?:khuyet diem|han che|sai pham|sai sot|yeu kem)\W+cua\s+(?:cac\s+|nhung\s+)?$")
# who undergoes a check is asked ("Cấp nào chịu sự kiểm tra … việc sửa chữa khuyết điểm?"): whose faults they are
_UNDERGOES = re.compile(r"\b(?:chiu (?:su )?|bi )(?:kiem tra|giam sat|kiem diem|xu ly|ky luat)\b")
_LISTED = re.compile(r"^\s*(?:,|va|hoac)\s*$")
# the owner of a responsibility the clause is about ("rà soát các văn bản … liên quan đến … trách nhiệm
# người đứng đầu"): a topic, not who acts
_TOPIC_OWNER = re.compile(r"\b(?:lien quan den|ve)\b[^.;:]{0,100}\btrach nhiem\s+(?:cua\s+)?$")


def _acting(part: str, actors: tuple[str, ...], faults: bool = True) -> tuple[str, ...]:
    """The bodies of ``part`` that act in it: not the owners of what it names, nor those it is done to,
    nor the rest of a list that starts with one of them ("của Ban Chấp hành Trung ương Đảng, Bộ Chính
    trị, Ban Bí thư"); nor, with ``faults``, those whose faults are dealt with."""
    folded = fold(part)
    kept, end_dropped = [], None
    for actor in actors:
        start = folded.find(fold(actor))
        if start < 0:
            kept.append(actor)
            continue
        before = folded[:start]
        if _NOT_ACTING.search(before[-60:]) or _TOPIC_OWNER.search(before[-120:]) \
                or (faults and _FAULTS_OF.search(before[-60:])) \
                or (end_dropped is not None and _LISTED.match(folded[end_dropped:start])):
            end_dropped = start + len(actor)
            continue
        kept.append(actor)
    return tuple(kept)


def _singled_out(text: str) -> tuple[int, str] | None:
    """(start, who) of the first "nhất là của …" a clause says: "nhất là của người đứng đầu trong …"."""
    folded = fold(text)
    m = _SINGLED_OUT.search(folded)
    if m is None:
        return None
    end = _SINGLED_END.search(folded, m.end())
    said = text[m.end():end.start() if end else len(text)].strip()
    return (m.start(), said) if said else None


def _objects(text: str):
    """(start, phrase) of each "đối với …" a clause names: "đối với các chức danh do Quốc hội bầu và phê chuẩn"."""
    folded = fold(text)
    for m in _OBJECT.finditer(folded):
        end = _OBJECT_END.search(folded, m.end())
        phrase = text[m.end():end.start() if end else len(text)].strip(" ,")
        if phrase:
            yield m.start(), " ".join(phrase.split()[:16])


def _predicate_share(q, clause) -> float:
    """The share of the question's topic in what the clause's lead does — the words from
    the lead's mention to the end of its sentence ("Bộ Chính trị, Ban Bí thư tổ chức Hội nghị
    cán bộ toàn quốc…" for "hội nghị toàn quốc do ai tổ chức?")."""
    topic = set(q.topic)
    if not topic:
        return 0.0
    said = _lead_does(clause.text, clause.facts.lead)
    return len(topic & said) / len(topic) if said else 0.0


@lru_cache(maxsize=4096)  # a question with a ref reads thousands of clauses in a library; bounded
def _lead_does(text: str, lead: tuple[str, ...]) -> frozenset[str]:
    """The folded syllables from the lead's first mention in ``text`` to the end of that sentence."""
    start = min((i for i in (text.find(b) for b in lead) if i >= 0), default=-1)
    if start < 0:
        return frozenset()
    end = min((i for i in (text.find(".", start), text.find(";", start)) if i >= 0), default=len(text))
    return frozenset(syllables(fold(text[start:end])))


def _opening(said: str) -> str:
    """Words quoted from mid-sentence ("cấp ủy cấp trên"), as the start of a reply."""
    return said[:1].upper() + said[1:]


_ROLE_ASKED = re.compile(r"\b(?:chu tri|phoi hop|dau moi)\b")  # "có phải chủ trì không?": a role to check


# "… là chỉ đạo của ai?", "hướng dẫn của những cơ quan nào?": the words before the asked possessor
_POSSESSOR = re.compile(r"(?:(\w+) )?(\w+ \w+) (?:la )?cua (?:(?:nhung |cac )?ai|(?:nhung |cac )?(?:co quan|to chuc|don vi|cap|ban) nao)\b")
# "tự kiểm tra, tự giám sát là việc của ai?": whose job the thing named is, asked as its possessor
# ("trách nhiệm của ai", "nhiệm vụ của ai" name what the clause may own itself: «trách nhiệm … của người đứng đầu»)
_WHOSE_JOB = re.compile(r"\s+(?:la |thuoc )?(?:viec|phan viec|cong viec|phan su) cua\s+(?=ai\b|nhung ai\b)")
_OWNED_GAP = 2  # words the clause may put between the thing owned and "của" ("bài phát biểu chỉ đạo của …")


def _reworded(question: str, said: str, words: str) -> str:
    """The question with a phrase of the user's in the corpus's words (case and accents aside)."""
    at = fold(question).lower().find(fold(said).lower())
    return question if at < 0 or len(fold(question)) != len(question) else \
        f"{question[:at]}{words}{question[at + len(said):]}"


def _possessor(question: str, text: str) -> str | None:
    """Who owns what the question names, when the clause says it: "chỉ đạo của ai?" and
    "… theo chỉ đạo của Bộ Chính trị …" give "Bộ Chính trị" (the clause's lead may be another body);
    "bài phát biểu của ai?" and "Bài phát biểu chỉ đạo của đồng chí Tổng Bí thư" give "Tổng Bí thư";
    owners listed together ("của Ban Chấp hành Trung ương Đảng, Bộ Chính trị, Ban Bí thư") are all given."""
    m = _POSSESSOR.search(_WHOSE_JOB.sub(" cua ", fold(question)))
    folded = fold(text)
    if not m or len(folded) != len(text):
        return None
    owned = m.group(2)
    said = re.compile(rf"\b{re.escape(owned)}(?:,? \w+){{0,{_OWNED_GAP}}}? cua (?:dong chi )?")
    asked = set(syllables(fold(question).lower())) - set(owned.split()) - {"cua"}
    # of several places the clause says it, the one whose sentence before it shares most of the question's
    # other words first ("đổi mới hoạt động của những tổ chức nào?": the activity renewed, not the first named)
    def shared(found: re.Match) -> int:
        start = max(folded.rfind(mark, 0, found.start()) for mark in (".", ";", ":"))
        return len(asked & set(syllables(folded[start + 1:found.start()])))

    found_at = sorted(said.finditer(folded), key=lambda f: -shared(f))
    for found in found_at:
        owners, after = [], found.end()
        while True:
            actors = find_actors(text[after:after + 120])
            if not actors or not fold(text[after:]).startswith(fold(actors[0])):
                # "… của cấp ủy, tổ chức đảng và các tổ chức trong hệ thống chính trị": the list ends with a kind
                # of body, named as a plural
                kinds = _PLURAL_OWNERS.match(text[after:]) if owners and text[after - 4:after] == " và " else None
                if kinds:
                    owners.append(kinds.group(1))
                break
            owners.append(actors[0])
            after += len(actors[0])
            joined = re.match(r",\s*|\s+và\s+", text[after:])
            if not joined:
                break
            after += joined.end()
        if owners:
            return join(owners)
        # "của đồng chí Tổng Bí thư tại …": the office, as written, when the clause names the thing owned as
        # the question does ("bài phát biểu của ai?": «Bài phát biểu chỉ đạo của …»; not "theo chỉ đạo của ai?")
        before = folded[:found.start()].split()[-1:]
        if found.group(0).endswith("dong chi ") and m.group(1) and before == [m.group(1)]:
            office = _OFFICE_AFTER.match(text[found.end():])
            if office:
                return office.group(1)
    return None


# a plural kind of body ending a list of owners, up to where the sentence goes on
_PLURAL_OWNERS = re.compile(r"((?:các|những) \w+(?: \w+){0,7}?)(?=\s*[,;.()]|$)")
# an office named after "đồng chí", up to where the sentence goes on ("Tổng Bí thư tại Hội nghị …")
_OFFICE_AFTER = re.compile(r"([A-ZĐ]\w*(?: \w+){0,5}?)(?= (?:tại|trong|về|khi|ở)\b|[,;.]|$)")


# who leads a task, asked: the asking word next to the leading one ("ai chủ trì", "cơ quan nào được
# giao hướng dẫn", "đầu mối là ai"); the asker's own role ("mình chủ trì cuộc họp") is not asked
_WHO_WORD = r"(?:ai|co quan nao|ban nao|don vi nao|cap nao|to chuc nao|ben nao|noi nao)"
_LEADING = r"(?:chu tri|lam dau moi|dau moi|huong dan|tham muu)"
_LEAD_ASKED = re.compile(rf"\b{_WHO_WORD} (?:(?:se|phai|duoc giao|la nguoi|dung ra|co trach nhiem) )?{_LEADING}\b"
                         rf"|\b{_LEADING} (?:(?:viec nay|viec do|chinh) )?(?:la )?{_WHO_WORD}\b"
                         rf"|\b(?:do|giao cho|giao) {_WHO_WORD} {_LEADING}\b")
# who works with the lead, asked ("phối hợp với ai?", "cơ quan nào phối hợp?"): a clause must name them
_COORDINATE_ASKED = re.compile(rf"\bphoi hop (?:voi )?(?:nhung |cac )?{_WHO_WORD}|\b{_WHO_WORD} (?:se |cung )?phoi hop\b")
# a clause that says who leads: "… chủ trì, phối hợp với …", "… hướng dẫn …", "… làm đầu mối"
_LEADS = re.compile(r"\b(chu tri|dau moi|huong dan|tham muu)\b")


def _issuer(q, clause, ctx):
    """The body that issues the clause's document, answered as the metadata question "cơ quan ban
    hành" is (its text's word first, the register's listing beside it); None without a register."""
    from . import get  # the registry imports this module

    register = ctx.front(clause.doc_id, "meta")
    if register is None:
        return None
    return get("meta").answer(replace(q, kind="meta", meta_field="Cơ quan ban hành"), [Hit(register, 0.0)], ctx)


_BODIES = frozenset(BODIES)
# a hit this close to the best one's fused score is as much about the question (on dev, 0.75 → 0.70 adds
# the body named by its heading to two replies and changes no other; with the twenty-sixth set's
# retrained adapter, 0.70 → 0.65 adds it to two more and to "ai chịu trách nhiệm thể chế hóa?", whose
# ratio fell from 0.72 to 0.68, and changes none of the other 1,751 who-questions on dev)
_NEAR = 0.65


def _one_body(lead: tuple[str, ...]) -> bool:
    """The lead is one named body of the gazetteer, not a list ("Các cấp ủy, tổ chức đảng, …")."""
    return len(lead) == 1 and lead[0] in _BODIES


def _named_body_nearby(hits, clause):
    """A hit near the best whose lead is one body named by its heading, when the best clause's
    lead is a section's shared list of many; None otherwise."""
    lead = clause.facts.lead
    if not lead or (len(lead) == 1 and "," not in lead[0]):
        return None
    for hit in hits[1:3]:
        if hit.score >= _NEAR * hits[0].score and _one_body(hit.clause.facts.lead):
            return hit.clause
    return None


# "những ai dám nghĩ khác": "those who …", a relative, not "who?", when a yes/no question holds it
# ("Ai dám đứng mũi chịu sào … có được che chắn không?": "ai dám" is whoever dares; "ai nói cũng không
# nghe", "ai cũng phải học": "ai … cũng" is anyone, everyone)
# ("Ai xông xáo, nghĩ ra cái mới thì có được che chở không?": "ai … thì có được / bị …" is whoever)
_RELATIVE_WHO = re.compile(r"\b(?:nhung|moi|bat ky|ke) ai\b(?= \w)|^\W*ai(?= dam\b)|\bai (?:\w+ ){0,2}cung\b"
                           r"|^\W*ai(?= (?:\w+,? ){1,12}?(?:thi|ma) (?:co |se )?(?:duoc|bi) )")


# who asked outright: an asking "ai" ("ai lo?", "có ai … không?"), "cơ quan nào", "đơn vị nào"
_ASKS_WHO = re.compile(r"\bai\b|\b(?:co quan|don vi|to chuc|ben|cap|ban|nguoi|dau moi|chu the|doi tuong) nao\b")
# "ai" that asks no one: "không ai nói ai" (no one criticises anyone), "không cho ai cãi" (lets no one
# object), "ai cũng" (everyone)
_NO_ONE = re.compile(r"\b(?:khong|chang|cha|chua) (?:co |cho |de |cho phep )?ai\b(?:(?: \w+){0,2}? ai\b)?|\bai (?:\w+ ){0,2}cung\b")


# the plan's own addressees asked: "Kế hoạch 03 áp dụng cho những đối tượng nào?", "Đối tượng của KH gồm
# những ai?", "Ai phải thực hiện kế hoạch này?" (not a task's: "Lấy phiếu tín nhiệm theo KH 03 áp dụng với
# ai?", nor who follows its implementation: "Ai theo dõi việc thực hiện kế hoạch?")
_PLAN = r"(?:ke hoach|kh|van ban)(?: so)?(?: \d+[\w/-]*)?(?: nay| ni| do)?"
_ADDRESSEES_ASKED = re.compile(
    rf"^(?:\w+,? ){{0,3}}?{_PLAN} (?:ap dung|danh) (?:cho|voi|doi voi) (?:ai|nhung ai|(?:nhung )?(?:doi tuong|chu the) nao)\b"
    rf"|\bdoi tuong(?: ap dung| thuc hien)?(?: cua)? {_PLAN}\b"
    rf"|^(?:\w+,? ){{0,3}}?(?:ai|nhung ai|(?:nhung )?(?:co quan|to chuc) nao)(?: phai| co trach nhiem| chiu trach nhiem)?"
    rf" (?:thuc hien|trien khai|thi hanh|lam theo) {_PLAN}\W*$")


class Who(Kind):
    name = "who"
    pattern = PATTERN
    max_bonus = 1.0 + _PREDICATE_WEIGHT  # the share is at most 1
    bonus_reads_text = True  # what the lead does, in the clause's own words

    def detect(self, text: str, folded: str) -> bool:
        # "Kế hoạch có thể hiện quan điểm che chắn cho những ai dám nghĩ khác hay không?" asks yes or no
        if _RELATIVE_WHO.search(folded) and YES_NO.search(folded):
            return bool(PATTERN.search(_RELATIVE_WHO.sub(" ", folded)))
        # a yes/no question or a statement to check that names no body and asks no "ai" / "cơ quan nào"
        # is about the task, whatever words of leading it holds ("KH có nói bảo vệ ae dám chịu trách nhiệm
        # ko", "họp mà nể nhau không ai nói ai, KH có nhắc tới không?")
        if (YES_NO.search(folded) or EXISTENCE.search(folded) or is_claim(text)) \
                and not _ASKS_WHO.search(_NO_ONE.sub(" ", folded)) and not body_names(text):
            return False
        return super().detect(text, folded)

    def bonus(self, q, clause) -> float:
        facts = clause.facts
        if facts.lead and not facts.lead_inherited:
            return 1.0 + _PREDICATE_WEIGHT * _predicate_share(q, clause)
        if facts.lead and clause.kind == "bullet":
            return 0.5  # lead named by the heading right above
        return 0.0

    def holds_answer(self, q, clause, ctx) -> bool:
        f = clause.facts
        if _COORDINATE_ASKED.search(fold(q.text)):
            return bool(f.coordinate)
        if self.slot_required(q):
            # who leads a task: a clause that gives it to a body of its own, or says who leads it;
            # the section's general subject ("Các cấp ủy, tổ chức đảng, …") leads nothing in particular
            return bool(f.lead and not f.lead_inherited) or bool(_LEADS.search(fold(clause.text)))
        return bool(f.lead or f.coordinate or f.bodies or find_actors(clause.text))

    def slot_required(self, q) -> bool:
        """"Ai chủ trì rà soát các quy định?", "ban nào làm đầu mối?": the one who leads is asked."""
        folded = fold(q.text)
        return bool(_LEAD_ASKED.search(folded) or _COORDINATE_ASKED.search(folded))

    def missing(self, q, ctx) -> str | None:
        if _COORDINATE_ASKED.search(fold(q.text)):
            return "cơ quan phối hợp trong việc này"
        return "cơ quan chủ trì việc này (chỉ giao việc chung cho các cấp, các ngành)"

    def answer(self, q, hits, ctx) -> str:
        said = self._answer(q, hits, ctx)
        folded = fold(q.text)
        if not isinstance(said, str) or not q.bodies or said.startswith(("Kế hoạch không", "Thông tin")):
            return said
        facts = hits[0].clause.facts
        verdict = role_verdict(folded, any(b in facts.lead for b in q.bodies))
        if verdict and LEADING_NAMED.search(folded) and not facts.lead_inherited and facts.lead:
            # "Ban Tổ chức TW có chủ trì … không?", "Đúng hay sai: KH giao Ban Dân vận TW chủ trì …": whether
            # it leads, as the clause says who does, then who does
            return f"{verdict} — {said}"
        if not asks_yes_no(folded):
            return said
        # "UBKT Trung ương có tham gia hướng dẫn … không?": the body asked about is among those who do
        # it, so yes, then who does what
        if not _ROLE_ASKED.search(folded) and any(fold(b).lower() in fold(said).lower() for b in q.bodies):
            return f"Có — {said}"
        return said

    def addressees(self, q, hits, ctx):
        """"Kế hoạch này áp dụng cho ai?": whom the whole plan addresses, as the section of its tasks says
        (the top-level section with a subject of its own and the most parts), with that section; None
        when the question asks something else, yes or no, or the document has no such section."""
        folded = collapse(fold(q.text.lower()))
        if not hits or asks_yes_no(folded) or is_claim(q.text) or not _ADDRESSEES_ASKED.search(folded):
            return None
        led = [s for s in ctx.sections(hits[0].clause.doc_id)
               if s.facts.lead and not s.facts.lead_inherited and ctx.children(s)]
        if not led:
            return None
        section = max(led, key=lambda s: len(ctx.children(s)))
        said = self._answer(q, [Hit(section, hits[0].score)], ctx)
        if not isinstance(said, str) or said.startswith(("Kế hoạch không", "Điều khoản")):
            return None
        return said.rsplit(f" ({section.ref})", 1)[0], section

    def _answer(self, q, hits, ctx):
        clause = hits[0].clause
        facts = clause.facts
        if clause.kind in FRONT_KINDS:
            # "Kế hoạch này do ai làm ra?", "ký thay mặt cơ quan nào?": who acts in a document's
            # front matter is the body that issues it
            issuer = _issuer(q, clause, ctx)
            if issuer is not None:
                return issuer
        if not facts.lead and not facts.bodies and clause.kind == "section":
            # "Phần IV giao việc cho những ai?": a section whose title names kinds of bodies gives
            # the work to the ones its parts are headed by
            parts = [(c.ref, join(c.facts.lead)) for c in ctx.children(clause) if c.facts.lead]
            if parts:
                return "; ".join(f"{lead} ({ref})" for ref, lead in parts) + "."
        owner = _possessor(q.text, clause.text) or next(
            # "bài nói của ai?": the thing owned in the corpus's words («Bài phát biểu chỉ đạo của …»)
            (o for b in q.bridges for w in b.plan_words
             for o in (_possessor(_reworded(q.text, b.said, w), clause.text),) if o), None)
        if owner:
            return f"{owner} ({clause.ref})."
        singled = _singled_out(clause.text) if _MOST_ASKED.search(fold(q.text)) else None
        if singled:  # "Khi soạn luật, ai phải gánh trách nhiệm nặng nhất?": «… nhất là của người đứng đầu …»
            start, said = singled
            head = f"{said[0].upper()}{said[1:]} ({clause.ref}): "
            return head + clip(sentence_around(clause.text, clause.text[start:start + 20]),
                               max(60, ctx.config.answer_max_chars - len(head)))
        if _OBJECT_ASKED.search(fold(q.text)):
            # (the question's words as the corpus words them count too: "ở nghị trường" is "trong Quốc hội")
            # (a body among them weighs as a body named)
            asked: dict[str, float] = {}
            for w in (w for b in q.bridges for w in b.plan_words):
                weight = 2.0 if any(True for _ in find_bodies(w)) else 1.0
                asked.update({s: max(weight, asked.get(s, 0.0)) for s in syllables(fold(w))})
            asked.update({s: max(weight, asked.get(s, 0.0)) for s, weight in asked_words(q).items()})
            people = nearest_phrase(asked, clause.text, list(_objects(clause.text)))
            if people:  # "Lấy phiếu trong Quốc hội thì áp dụng cho những ai?": whom it is done to
                head = f"{people[0].upper()}{people[1:]} ({clause.ref})"
                return clip(head, ctx.config.answer_max_chars - 1) + "."
        if q.role == "coordinate" and facts.coordinate:
            asking = [b for b in q.bodies if b in facts.coordinate]
            if asking and facts.lead and not facts.lead_inherited:
                # "Ban Tổ chức Trung ương phối hợp với ai?": the body it works with is the one that
                # leads, and the other coordinators beside it
                others = [b for b in facts.coordinate if b not in asking]
                text = f"{join(asking)} phối hợp với {as_written(clause.text, facts.lead)} (chủ trì)"
                return text + (f", cùng {as_written(clause.text, others)}" if others else "") + f" ({clause.ref})."
            return f"Phối hợp: {as_written(clause.text, facts.coordinate)} ({clause.ref})."
        if facts.lead_inherited and clause.kind != "bullet":
            # The lead comes from the section's intro; the clause may itself name who acts
            # in the sentence the question is about ("cấp ủy cấp trên phải kịp thời xem xét").
            part = best_passage(clause.text, q.topic, len(clause.text), paired(q))
            faults = not _UNDERGOES.search(fold(q.text).lower())
            actors = _acting(part, find_actors(part), faults) or \
                _acting(sentence_around(clause.text, part), find_actors(sentence_around(clause.text, part)), faults)
            if actors:
                return f"{_opening(as_written(clause.text, actors))} ({clause.ref}); chủ thể chung của mục: {join(facts.lead)}."
            named = _named_body_nearby(hits, clause)
            if named is not None:
                # the tasks every body shares, and a near clause that gives the work to one body
                # by name ("1. Đảng đoàn Quốc hội" heading its points): both are the answer
                shared = join(facts.lead)
                shared = "các" + shared[3:] if shared.startswith("Các ") else shared  # mid-sentence now
                # the clause the answer names first is the one cited first
                return (f"{join(named.facts.lead)} được giao riêng ({named.ref}); việc chung của {shared} "
                        f"({clause.ref})."), named
        if facts.lead:
            text = _opening(as_written(clause.text, facts.lead))
            if facts.coordinate:
                text += f" chủ trì, phối hợp với {as_written(clause.text, facts.coordinate)}"
            return f"{text} ({clause.ref})."
        if facts.bodies:
            return f"Điều khoản {clause.ref} không nêu đơn vị chủ trì; có nhắc đến: {join(facts.bodies)}."
        return f"Điều khoản {clause.ref} không nêu cơ quan chịu trách nhiệm."
