"""What a question asks: its kind, the metadata field, bodies, structural refs.

Kinds: ``who`` (which body), ``when`` (timing), ``where`` (which section/task),
``meta`` (document metadata), ``what`` (content, the default).

>>> analyze("ai chịu trách nhiệm thể chế hóa?").kind
'who'
>>> analyze("ngay ban hanh ke hoach").meta_field
'Ngày ban hành'
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from .ask.claims import claims_a_rhythm, claims_a_term_year, claims_a_time, is_claim, pointed_statement, without_lead
from .ask.kinds import META_FIELDS, kind_for
from .ask.kinds.base import asks_something, asks_yes_no, closers, load_slots, sentences, without_options
from .ask.kinds.count import TERM_ASKED
from .ask.sessions import numbered
from .datafiles import DATA, data_lines
from .facts import body_names, place_bodies
from .keystrokes import decoded as keyed
from .spelling import english_words, final_forms, standard_forms, well_formed
from .text import (collapse, content_syllables, expand_abbreviations, fold, has_diacritics, normalize, strip_accents,
                   syllables)

# Intent words: they say what is asked, not what about (removed when judging
# whether a follow-up brings a topic of its own).
INTENT_SYLLABLES = frozenset(
    """thoi han gian khi nao bao gio luc nam thang quy muc phan dau thuoc nhiem vu so may
    thu chu tri phoi hop chiu trach nhiem co quan don vi ben cap ai noi dung gi la con sao
    the vay lam duoc giao phu y dieu khoan diem nam o trong neu de cap ke hoach van ban nay
    do tren ay no hoan thanh tien ra sao nhu cham som muon nhat xong truoc chuyen viec nhac toi ghi""".split()
)
# Syllables a metadata question may carry besides its field words.
_META_FILLER = frozenset("""ke hoach van ban nay 03 kh tw so hieu ngay ban hanh co hieu luc loai linh vuc nguoi ky
    quan cap dong chi ten vao tu thuoc dang doan tai lieu chinh thuc bo chinh tri ban chap hanh trung uong hay
    bao nhieu may ra doi thang nam hom ki bi thu ay kia thay mat day du bat dau
    do chu dung""".split())  # "ra đời tháng mấy năm nào", "ký hôm nào", "ai kí"; "có đúng là … do X ban hành chứ không phải Y"
_ORDINALS = {"nhat": 1, "dau tien": 1, "mot": 1, "hai": 2, "bon": 4, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
             "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12}
_ORDINAL = re.compile(r"\b(nhiem vu|giai phap|y|diem|viec|yeu cau|buoc|noi dung|(?<!giai )doan)\s+(?:trong tam\s+)?(?:thu\s+(muoi mot|muoi hai|nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi)|(dau tien))\b")
# a part's points are its "ý", whatever a user counts them by ("yêu cầu", "bước", "nội dung")
_ITEM_NOUN = {"viec": "nhiem vu", "diem": "y", "khoan": "y", "doan": "y", "yeu cau": "y", "buoc": "y", "noi dung": "y"}
# "nhiệm vụ cuối (cùng)", "ý sau cùng": the last item (of the part named, or of each part)
LAST = "cuoi"
_LAST_WORDS = frozenset({"cuoi", "cung", "sau"})
_LAST_ITEM = re.compile(r"\b(nhiem vu|giai phap|y|viec|yeu cau|buoc|noi dung|(?<!giai )doan)\s+(?:trong tam\s+)?"
                        r"(?:cuoi cung|sau cung|cuoi(?! (?:nam|thang|quy|tuan|ky|nhiem ky|dot|khoa)\b))\b")
_ROMAN = r"(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)"
_REF_PATTERNS = (
    # "nhiệm vụ 8", "nhiem vu thu 8", "task 8", "nhiệm vụ trọng tâm số 1" (part III's own name for its tasks)
    (re.compile(r"\b(nhiem vu|giai phap|diem|y|khoan|(?<!giai )doan)(?:\s+trong\s+tam)?\s+(?:so\s+|thu\s+)?(\d{1,2})\b"), "item"),
    # "việc số 1", "việc thứ 3": a task by its number
    (re.compile(r"\b(viec)\s+(?:so|thu)\s+(\d{1,2})\b"), "item"),
    (re.compile(rf"\b(muc|phan)\s+({_ROMAN})(?:[.\s](\d{{1,2}}))?(?:[.\s](\d{{1,2}}))?\b"), "section"),
    # "phần hai", "phần 2", "mục một": a part by its number said or typed in Arabic digits
    # (not "bộ phận một cửa", a one-stop office, nor "từng phần một", piece by piece: "phận" folds as "phần")
    (re.compile(r"(?<!mot )(?<!hai )(?<!ba )(?<!bo )(?<!tung )\b(phan|muc) (mot|hai|ba|bon|nam|thu nhat|thu hai|thu ba|thu tu|thu nam)\b(?! (phan|ngay|thang|nam)\b)"
                r"|\b(phan) ([1-5])\b(?![./]\d)"), "spoken"),
    (re.compile(r"\b(dieu)\s+(\d{1,3})\b"), "article"),
    # "Phần IV mục 1", "mục 1 của phần IV", "nhiệm vụ 5 phần III": a point of a part, named by both numbers
    (re.compile(rf"\b(?:phan|muc)\s+({_ROMAN}),?\s+(?:muc|diem|y|nhiem vu|khoan)\s+(?:so\s+|thu\s+)?(\d{{1,2}})\b"
                rf"|\b(?:muc|diem|y|nhiem vu|khoan)(?:\s+trong\s+tam)?\s+(?:so\s+|thu\s+)?(\d{{1,2}})\s+(?:cua\s+|trong\s+|thuoc\s+|o\s+)?"
                rf"(?:phan|muc)\s+({_ROMAN})\b(?!\.\d)"), "point"),
    # "điểm 2 của mục IV.1", "ý thứ 2 trong IV.1": a point of a numbered point, named by both
    (re.compile(rf"\b(diem|y|khoan)\s+(?:so\s+|thu\s+)?(\d{{1,2}})\s+(?:cua\s+|trong\s+|thuoc\s+|o\s+)?"
                rf"(?:(?:phan|muc|nhiem vu)\s+)?({_ROMAN})\.(\d{{1,2}})(?![\w/.])"), "subpoint"),
    (re.compile(rf"(?<![\w/])({_ROMAN})\.(\d{{1,2}})(?:\.(\d{{1,2}}))?(?![\w/])"), "dotted"),
)
_ROMANS = ("I", "II", "III", "IV", "V")
_DOC_NAMED = re.compile(r"\b(ket luan|nghi quyet|chi thi|quy dinh|ke hoach|huong dan|thong bao)\s+(?:so\s+)?(\d{1,4})\b")
_TAG = re.compile(r"<[^>]{0,200}>")


_DOC_TYPE_ABBR = {"ket luan": "kl", "nghi quyet": "nq", "chi thi": "ct", "quy dinh": "qd", "ke hoach": "kh",
                  "huong dan": "hd", "thong bao": "tb"}
# folded type word → the kind of Party document it names ("ket luan" → "kl")
DOCUMENT_KINDS = _DOC_TYPE_ABBR
_DOC_KEY_FULL = re.compile(r"\b(\d{1,4})\s*-\s*(kh|kl|nq|ct|qd|hd|tb)(?:/tw)?\b")


def _document_mentions(folded: str) -> list[tuple[int, int, tuple[str, int]]]:
    """Where a folded text names Party documents: (start, end, (type, number)), numbers first
    ("21-KL/TW"), then names ("Kết luận 21")."""
    out = [(m.start(), m.end(), (m.group(2), int(m.group(1)))) for m in _DOC_KEY_FULL.finditer(folded)]
    out += [(m.start(), m.end(), (_DOC_TYPE_ABBR[m.group(1)], int(m.group(2)))) for m in _DOC_NAMED.finditer(folded)]
    return out


document_mentions = _document_mentions  # (the pipeline's fingerprint reads the function by its first name)


def without_documents(text: str, keys, describing: frozenset[str] = frozenset()) -> str:
    """``text`` without its mentions of the documents ``keys`` ("kế hoạch 03", "03-KH/TW"):
    a question names the document it asks about, and that name is no topic of its own.
    Folded words in ``describing`` just before a mention go with it ("về thực hiện KL 21").
    ``text`` is an abbreviation-expanded question, whose folded form keeps every character's place."""
    folded = fold(text)
    if len(folded) != len(text):
        return text
    leading = re.compile(r"(?:\b(?:%s)\s+)+$" % "|".join(map(re.escape, describing))) if describing else None
    spans = []
    for start, end, key in _document_mentions(folded):
        if key in keys:
            before = leading.search(folded[:start]) if leading else None
            spans.append((before.start() if before else start, end))
    keep = [True] * len(text)
    for start, end in spans:  # overlapping mentions ("Kế hoạch 03-KH/TW") go as one
        keep[start:end] = [False] * (end - start)
    return collapse("".join(ch if k else " " for ch, k in zip(text, keep))) if spans else text


# the document as the one who speaks or assigns ("kế hoạch giao cấp ủy cấp trên làm gì", "theo văn bản này,
# …", "KH có nói về …"): no topic of the question's own, though clauses use the same words for other
# plans ("xây dựng kế hoạch thực hiện Kết luận")
_DOCUMENT_SPEAKS = re.compile(r"(?:\b(?:theo|trong) )?\b(?:ke hoach|van ban|kh)(?: (?:nay|ni|do|tren|ay))?"
                              r"(?=,| (?:co |da |cung |se )?(?:giao|noi|yeu cau|de cap|nhac|quy dinh|neu|bao(?! nhieu| gio| lau| ve)|chi dao"
                              r"|de ra|dat ra|huong dan|danh gia|xac dinh)\b)"
                              r"|^\W*(?:theo|trong) (?:ke hoach|van ban|kh)(?: (?:nay|ni|do|tren|ay))?\b")


_SPEAKING = frozenset("noi yeu cau de nhac quy dinh bao chi dao ra dat huong danh gia xac".split())


def without_speaking_document(text: str) -> str:
    """``text`` without the words that name the document as the one speaking ("kế hoạch giao …",
    "theo văn bản này, …"); the text itself when nothing else would be left."""
    folded = fold(text).lower()
    if len(folded) != len(text):
        return text
    keep = [True] * len(text)
    for m in _DOCUMENT_SPEAKS.finditer(folded):
        keep[m.start():m.end()] = [False] * (m.end() - m.start())
    kept = collapse("".join(ch if k else " " for ch, k in zip(text, keep))).strip(" ,")
    if not set(content_syllables(kept)) - document_words() - INTENT_SYLLABLES - _SPEAKING:
        return text  # "kế hoạch nói gì?": nothing but the document and its speaking
    return kept


_ACTION_FILLER = frozenset("viec noi dung tinh than cac theo".split())


def _document_actions() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(line.strip()).split()) for line in data_lines(DATA / "document_actions.tsv"))


DOCUMENT_ACTIONS = _document_actions()


def acted_on(text: str) -> frozenset[tuple[str, int]]:
    """The documents a text names as the object of work done with them ("học Kết luận 21",
    "kiểm tra việc thực hiện KL 21": ``qa/data/document_actions.tsv``), as (type, number).
    A few filler words may stand between ("triển khai nội dung Kết luận 21")."""
    folded = fold(expand_abbreviations(text))
    found = set()
    for start, _, key in _document_mentions(folded):
        before = re.sub(r"[^\w ]", " ", folded[:start]).split()
        while before and before[-1] in _ACTION_FILLER:
            before.pop()
        if any(len(v) <= len(before) and tuple(before[-len(v):]) == v for v in DOCUMENT_ACTIONS):
            found.add(key)
    return frozenset(found)


def document_number(key: tuple[str, int]) -> str:
    """A Party document's number as written: ("kl", 21) → "21-KL/TW"."""
    kind, number = key
    return f"{number:02d}-{kind.upper().replace('QD', 'QĐ')}/TW"


def document_keys(text: str) -> tuple[tuple[str, int], ...]:
    """Party documents a text names, as (type, number): "Kết luận số 19-KL/TW" → ("kl", 19)."""
    return tuple(dict.fromkeys(key for _, _, key in _document_mentions(fold(expand_abbreviations(text)))))


@dataclass(frozen=True)
class Question:
    raw: str
    text: str  # cleaned: NFC, tags removed, abbreviations expanded
    kind: str
    meta_field: str | None
    role: str | None  # "lead" | "coordinate" for who-questions that say which
    bodies: tuple[str, ...]
    refs: tuple[str, ...]  # structural refs named in the question, e.g. "III.8", "IV", "Điều 3"
    item_numbers: tuple[str, ...]  # folded "nhiem vu 8" phrases (section unknown)
    doc_numbers: tuple[str, ...]  # Party documents named, for messages: "21-KL/TW"
    doc_keys: tuple[tuple[str, int], ...]  # the same as (type, number): ("kl", 21)
    issue_date: bool  # asks when a document was issued or signed
    content: tuple[str, ...]  # folded content syllables
    content_accented: tuple[str, ...]  # the same syllables with their accents, lower case
    accented: bool  # typed with diacritics
    topic: tuple[str, ...]  # content minus intent words
    topic_accented: tuple[str, ...]
    english: bool
    truncated: bool
    # the other fields of the register a metadata question asks too ("do ai ký và ký thay mặt cơ quan nào")
    also_fields: tuple[str, ...] = ()
    # the lexicon's readings of its phrases in the corpus's words (``qa.lexicon.Bridge``), once retrieval has read it
    bridges: tuple = ()


# Vietnamese spelling never doubles a consonant letter: "Côngg", "chínnh" are slips of the
# keyboard. Only in words with a vowel: "MTTQ", "mttq" are abbreviations.
_DOUBLED = re.compile(r"(?<=\w)([bcdđghklmnpqrstvx])\1(?=\w*)", re.IGNORECASE)
_WORD_WITH_VOWEL = re.compile(r"(?<!\w)\w*[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]\w*",
                              re.IGNORECASE)


def _undouble(text: str) -> str:
    """"đảngg", "dangg" → "đảng", "dang"; an English word ("Press", "Commission") stays: a word is
    undoubled when it has Vietnamese marks or when undoubled it has a Vietnamese syllable's shape."""
    def one(m: re.Match) -> str:
        word = m.group(0)
        single = _DOUBLED.sub(r"\1", word)
        return single if single == word or has_diacritics(word) or well_formed(single) else word
    return _WORD_WITH_VOWEL.sub(one, text)


def _colloquial() -> tuple[re.Pattern | None, dict[str, str]]:
    forms = standard_forms()
    return (_whole_words(forms) if forms else None), forms


@lru_cache(maxsize=1)
def _final_colloquial() -> tuple[re.Pattern | None, re.Pattern | None, dict[str, str]]:
    """Forms read as standard where they end a question, before the particles that may close it
    (``closing_words.tsv``): the ``end`` forms of ``colloquial.tsv`` as typed, with their accents; and,
    for a question typed without accents, the phrases of two words or more that hold one of them
    ("ra lúc mô rứa?" typed "ra luc mo rua?"; "lúc mở" is no question word, but it ends no question
    either; not "hồi nào", whose "hoi nao" ends "đại hội nào"), and the forms alone only before a
    Central particle ("chuc vu chi rua?", not "bao chi vay?": "báo chí"). Returns the pattern for
    accented text, the one for text without accents, and the standard words of both."""
    regional = {fold(k) for k in final_forms()}
    phrases = {fold(k): strip_accents(v) for k, v in standard_forms().items()
               if len(k.split()) >= 2 and fold(k) != fold(v) and regional & set(fold(k).split())}
    singles = {fold(k): strip_accents(v) for k, v in final_forms().items()}
    if not singles:
        return None, None, {}
    end = rf"(?=(?:\s+(?:{closers()}))*\s*(?:[?.!…]|$))"
    particles = "|".join(re.escape(fold(k)) for k, v in standard_forms().items()
                         if fold(v) in ("vay", "the") and len(k.split()) == 1 and has_diacritics(k))
    accented = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(k) for k in final_forms())}){end}", re.IGNORECASE)
    plain = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))}){end}"
                       rf"|(?<!\w)(?:{'|'.join(re.escape(s) for s in singles)})(?=\s+(?:{particles})\b{end[3:]}",
                       re.IGNORECASE) if particles else None
    return accented, plain, {**final_forms(), **phrases, **singles}


def _whole_words(phrases) -> re.Pattern:
    """Any of ``phrases`` as whole words, in any case, the longest first."""
    alternatives = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


_COLLOQUIAL, _STANDARD = _colloquial()


def standard_words(text: str) -> str:
    """Spoken and regional forms read as the standard words (``qa/data/colloquial.tsv``):
    "ổng ký hồi nào?" → "ông ấy ký khi nào?"; English words as the plan's (``english.tsv``):
    "deadline của task này" → "thời hạn của nhiệm vụ này"."""
    if _COLLOQUIAL is None:
        return text
    accented, plain, finals = _final_colloquial()
    if has_diacritics(text):
        text = _COLLOQUIAL.sub(lambda m: _STANDARD[m.group(0).lower()], text)
        # ("giữ chức vụ chi?": a regional question word typed as it is, with its accents)
        return accented.sub(lambda m: finals[m.group(0).lower()], text) if accented is not None else text
    # typed without accents: the standard words come without them too ("k" → "khong")
    text = _COLLOQUIAL.sub(lambda m: strip_accents(_STANDARD[m.group(0).lower()]), text)
    return plain.sub(lambda m: strip_accents(finals[m.group(0).lower()]), text) if plain is not None else text


def _requests() -> tuple[re.Pattern | None, re.Pattern | None]:
    phrases = [ln.strip().lower() for name in ("reply_requests.tsv", "hearsay.tsv")
               for ln in data_lines(DATA / name) if ln.strip()]
    if not phrases:
        return None, None
    return _whole_words(phrases), _whole_words(fold(p) for p in phrases)


_REQUESTS, _REQUESTS_FOLDED = _requests()


def without_requests(text: str) -> str:
    """``text`` without what it asks of the reply's form (``qa/data/reply_requests.tsv``):
    "Tóm tắt giùm mình các việc chính, gạch đầu dòng thôi" → "các việc chính, thôi"; nor where
    the asker heard what they ask about (``qa/data/hearsay.tsv``: "nghe nói", "đọc báo thấy nói")."""
    kept = _besides_requests(text)
    if kept is not None and _names_something(kept):
        return kept
    # a request and nothing else, or only a document's name ("tóm tắt kế hoạch 03"), is the question;
    # asked for the gist, the name keeps only that request ("Tóm tắt KH 03 trong 1 câu giúp mình nha")
    if kept and _GIST_REQUEST.search(fold(text).lower()):
        return f"tóm tắt {kept}"
    return text


# the requests that ask for a document's gist when only its name is left beside them
_GIST_REQUEST = re.compile(r"\b(?:tom tat|tom luoc)\b")


def only_requests(text: str) -> bool:
    """The text asks only for the reply's form ("trích nguyên văn câu đó", "tóm tắt giúp tôi"): a turn
    that leans on the one before it."""
    kept = _besides_requests(text)
    return kept is not None and kept != collapse(text).strip(" ,.;:") and not _names_something(kept)


def _besides_requests(text: str) -> str | None:
    """``text`` with its requests of the reply's form taken out; None when there are none to take."""
    pattern = _REQUESTS if has_diacritics(text) else _REQUESTS_FOLDED
    return None if pattern is None else collapse(pattern.sub(" ", text)).strip(" ,.;:")


def _names_something(text: str) -> bool:
    """Content words besides a document's name are left (its number, "03-KH/TW", is no content)."""
    return bool(set(content_syllables(_NUMBERED.sub(" ", expand_abbreviations(text)))) - document_words())


_NUMBERED = re.compile(r"(?<!\S)\S*\d\S*")  # from a word's start: linear on a long word


@lru_cache(maxsize=1)
def document_words() -> frozenset[str]:
    """Folded syllables that name a document rather than a topic: its kind ("kế hoạch") or "văn bản"."""
    from .documents.types import type_names

    return frozenset(fold(s) for name in (*type_names(), "văn bản") for s in syllables(name.lower()))


@lru_cache(maxsize=1)
def relaying_verbs() -> tuple[str, ...]:
    """The verbs a question is passed on with (``qa/data/relayed.tsv``), folded: "hoi", "thac mac"."""
    return tuple(fold(ln.strip().lower()) for ln in data_lines(DATA / "relayed.tsv") if ln.strip())


def _relay() -> re.Pattern | None:
    verbs = relaying_verbs()
    if not verbs:
        return None
    alternatives = "|".join(sorted((re.escape(v) for v in verbs), key=len, reverse=True))
    # who passes it on: a few words before the verb, in one sentence, none of them asking ("ai hỏi:"
    # is no relay)
    return re.compile(rf"^(?:(?!\bai\b)[^:?.!]){{0,80}}?\b(?:{alternatives})\s*:\s*(?=\S)")


# typed without accents, "hoi" is also the "hội" of "xã hội", "Quốc hội", "Đại hội", "đoàn hội": no relay
_NO_RELAY_FOLDED = re.compile(r"\b(?:xa|quoc|dai|doan) hoi\s*:\s*$")


_RELAY = _relay()


def _label() -> re.Pattern | None:
    names = [fold(ln.strip().lower()) for ln in data_lines(DATA / "question_labels.tsv") if ln.strip()]
    if not names:
        return None
    alternatives = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    # the label opens the message; who it is for may follow it, up to the colon, in one sentence
    return re.compile(rf"^\W*(?:{alternatives})\b[^:?.!]{{0,50}}:\s*(?=\S)")


_LABEL = _label()
# a label that points at the statement after it ("Câu sau đây: …", "Câu dưới đây: …") introduces one to
# check, not a question: not dropped (nor one that says so outright with a claim cue, "Câu đúng/sai: …")
_POINTING_LABEL = re.compile(r"\b(?:nay|sau|sau day|duoi day)\b")


def _courtesy() -> tuple[tuple[re.Pattern, re.Pattern] | None, tuple[re.Pattern, re.Pattern] | None]:
    rows = [ln.split("\t", 1) for ln in data_lines(DATA / "courtesy.tsv") if "\t" in ln]
    out = []
    for kind in ("drop", "ask"):
        phrases = [p.strip().lower() for k, p in rows if k.strip() == kind and p.strip()]
        out.append((_whole_words(phrases), _whole_words(fold(p) for p in phrases)) if phrases else None)
    return out[0], out[1]


_DROPPED, _ASKING = _courtesy()


@lru_cache(maxsize=1)
def _signed() -> re.Pattern:
    """A letter's signature after its question: a person's name (a family name from ``slots.tsv``
    and one to three capitalised syllables, then perhaps the signer's title), after what introduces
    it ("Người viết:", "Kính thư,"), closing the text after a sentence ends ("… không? Xin cảm ơn.
    Kính thư, Trần Đình Lộc, nguyên Hiệu trưởng.")."""
    surnames = {w for s in load_slots().get("person", "surname") for w in (s, strip_accents(s))}
    names = "|".join(re.escape(w) for w in sorted(surnames, key=len, reverse=True))
    signing = "|".join(_SIGNING)
    return re.compile(rf"(?<=[?.!])[\s,;:]*(?:(?i:{signing})\s*[:,]?\s*)?(?:{names})(?: [A-ZĐÀ-Ỹ][^\W\d_]*){{1,3}}"
                      r"(?:,[^?.!]{0,80})?\s*[.!]?\s*$")


# what may stand before a signature ("Người viết: Lê Quang Vinh"); the formulas of a closing
# ("Kính thư", "Trân trọng") are dropped with the courtesy, so a name may also follow them alone
_SIGNING = ("người viết", "người gửi", "người hỏi", "ký tên", "nguoi viet", "nguoi gui", "nguoi hoi", "ky ten")


def without_courtesy(text: str) -> str:
    """The question without what a chat message says around it (``qa/data/courtesy.tsv``):
    greetings, calling the assistant, thanks, laughter; and, when a phrase announces the question
    ("em muốn hỏi là") and a question of its own follows it, without the background said before.
    Unchanged when nothing with a topic would be left.

    >>> without_courtesy("Em chào anh chị ạ, em là sinh viên. Em muốn hỏi là KH 03 ai ký ạ? Em cảm ơn")
    'KH 03 ai ký ạ?'
    """
    if _DROPPED is None and _ASKING is None:
        return text
    accented = has_diacritics(text)
    kept = text
    if _ASKING is not None:
        pattern = _ASKING[0 if accented else 1]
        found = list(pattern.finditer(kept))
        if found:
            last = found[-1]
            after = kept[last.end():]
            # what precedes the announcing phrase is background only when a question of its own
            # follows it: not one that points back at what was told ("việc này", "cuộc vận động đó")
            # ("Kế hoạch đề ra bao nhiêu nhiệm vụ? Xin cho biết con số chính xác.": a question asked before
            # the phrase, and none after it, is the question)
            asked_before = "?" in kept[:last.start()] and "?" not in after
            own = len(content_syllables(after)) >= 2 and not _points_back(after) \
                and not _BARE_CHOICE.match(collapse(fold(after))) and not asked_before
            head = "" if own else kept[:last.start()]
            kept = f"{head} {pattern.sub(' ', after)}"
    if _DROPPED is not None:
        kept = _DROPPED[0 if accented else 1].sub(" ", kept)
    kept = _signed().sub("", kept)
    # (an ellipsis is one mark: a blank to fill in, «"tự diễn biến", "..."», stays one)
    kept = _LOOSE_MARKS.sub(lambda m: m.group(0) if _ELLIPSIS.fullmatch(m.group(0)) else m.group(1), kept)
    kept = collapse(_DANGLING_COMMA.sub(r"\1", kept)).strip(" ,.;:!")
    return kept if set(content_syllables(kept)) - document_words() else text


_POINTING = re.compile(r"\b(\w+) (nay|do|ay|tren)\b")
# "…; xin hỏi có phải Ban Bí thư hay Bộ Chính trị ạ?": a choice offered for the question before it, no
# question of its own
_BARE_CHOICE = re.compile(r"^\W*(?:co )?phai (?:la )?(?:(?!\b(?:ai|gi|nao|sao|may|bao)\b)[^,?.;]){1,40} hay (?:la )?"
                          r"(?:(?!\b(?:ai|gi|nao|sao|may|bao)\b)[^,?.;]){1,40}?\W*(?:(?:a|vay|nhi|ha|khong)\W*)*$")


def _points_back(text: str) -> bool:
    """The text names something with "này / đó / ấy / trên" that is not a document ("kế hoạch này",
    "KH ấy", "tài liệu đó"): the whole name of a kind of document ends before the pointing word, not
    one of its syllables ("khẳng định đó" is no "quy định")."""
    folded = fold(text)
    return any(not _DOCUMENT_NAMED.search(folded[:m.end(1)]) for m in _POINTING.finditer(folded))


_DOCUMENT_SHORT = frozenset({"kh", "kl", "nq", "vb", "lieu"})  # KH, KL, NQ, VB; "tài liệu"


def _document_named() -> re.Pattern:
    from .documents.types import type_names

    names = {fold(n.lower()) for n in (*type_names(), "văn bản", "tài liệu")} | _DOCUMENT_SHORT
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")$")


_DOCUMENT_NAMED = _document_named()


# marks left side by side once a phrase between them is gone ("Chào ad, , kế hoạch…")
_LOOSE_MARKS = re.compile(r"([,.;:!?])(?:\s*[,.;:!])+")
_ELLIPSIS = re.compile(r"\.{2,}")
# a comma left before the closing mark by what was taken out ("… không, thưa anh chị?" → "… không?")
_DANGLING_COMMA = re.compile(r"\s*[,;:]\s*([?!.])")


def without_relay(text: str) -> str:
    """The question passed on, without who passes it: "Thính giả ở Quảng Bình hỏi: kế hoạch ni do
    ai ký rứa?" → "kế hoạch ni do ai ký rứa?" (``qa/data/relayed.tsv``). Unchanged when nothing
    with a question follows the colon.

    >>> without_relay("Bà con hỏi: kế hoạch ni ra hồi mô?")
    'kế hoạch ni ra hồi mô?'
    """
    if _RELAY is None:
        return text
    folded = fold(text)
    m = _RELAY.match(folded) if len(folded) == len(text) else None  # the match cuts the text as typed
    if m is None and _LABEL is not None and len(folded) == len(text):
        # "Câu trắc nghiệm cho học sinh: …": the message names itself a question before the colon
        m = _LABEL.match(folded.lower())
        if m is not None and (is_claim(text[:m.end()]) or _POINTING_LABEL.search(folded[:m.end()].lower())):
            m = None
    if m is None or len(content_syllables(text[m.end():])) < 2:
        return text
    if not has_diacritics(text) and _NO_RELAY_FOLDED.search(folded[:m.end()]):
        return text
    if has_diacritics(text) and re.search(r"(?<!\w)hội\s*:\s*$", text[:m.end()].lower()):
        return text  # "… trên mạng xã hội: …": typed with accents, "hội" is no "hỏi"
    return text[m.end():]


def _number_words() -> dict[str, int]:
    rows = (ln.split("\t")[:2] for ln in data_lines(DATA / "number_words.tsv"))
    return {w.strip().lower(): int(v) for w, v in rows}


_NUMBER_WORDS = _number_words()
_NUMBER_WORD = "|".join(re.escape(w) for w in sorted(_NUMBER_WORDS, key=len, reverse=True))
# a kind of document, then its number said in words ("kết luận hai mốt"); not a length ("kế hoạch hai năm");
# a task's too ("nhiệm vụ số mười một")
_SPOKEN_NUMBER = re.compile(rf"(?<!\w)(kết luận|kế hoạch|nghị quyết|quy định|chỉ thị|hướng dẫn|thông báo|nhiệm vụ)( số)? "
                            rf"((?:{_NUMBER_WORD})(?: (?:{_NUMBER_WORD})){{0,3}})(?!\w)(?! (?:{_NUMBER_WORD})(?!\w))"
                            # (a year after it is no length: "kết luận hai mốt năm 2021")
                            r"(?! (?:năm(?! (?:\d|hai (?:nghìn|ngàn|không)))|tháng|ngày|tuần|quý|lần|giờ|buổi|người|cấp)(?!\w))",
                            re.IGNORECASE)


def _spoken_value(words: list[str]) -> str | None:
    """"hai mốt" → "21", "mười chín" → "19", "không ba" → "03", "hai mươi mốt" → "21"; None for a lone
    "một" (one of something) or a sequence that is no number."""
    values = [_NUMBER_WORDS[w.lower()] for w in words]
    if 10 in values:  # "mười" / "mươi": tens, then at most one unit
        i = values.index(10)
        if i > 1 or values[i + 1:].count(10) or len(values) - i > 2 or (i == 1 and values[0] in (0, 1)):
            return None
        return str((values[0] if i else 1) * 10 + (values[i + 1] if len(values) > i + 1 else 0))
    if len(values) == 1 and values[0] in (0, 1):  # "có trong kế hoạch không?", "kế hoạch một năm"
        return None
    return "".join(str(v) for v in values)


# a year said in words after "năm": "năm hai nghìn không trăm hai mươi mốt", "năm hai ngàn hai mốt",
# "năm hai không hai hai" (digit by digit)
_SPOKEN_YEAR = re.compile(rf"(?<!\w)(năm) (?:hai (?:nghìn|ngàn)(?: không trăm)?(?: (?:linh|lẻ))? "
                          rf"((?:{_NUMBER_WORD})(?: (?:{_NUMBER_WORD}))?(?: (?:{_NUMBER_WORD}))?)"
                          rf"|(hai không (?:{_NUMBER_WORD}) (?:{_NUMBER_WORD})))(?!\w)", re.IGNORECASE)


def _year(m: re.Match) -> str:
    if m.group(3):  # digit by digit
        digits = [_NUMBER_WORDS[w.lower()] for w in m.group(3).split()]
        return f"{m.group(1)} {''.join(map(str, digits))}" if all(d < 10 for d in digits) else m.group(0)
    words = m.group(2).split()
    if words[0].lower() in ("linh", "lẻ"):  # "năm hai nghìn linh năm": the year's last word is not one read here
        return m.group(0)
    value = str(_NUMBER_WORDS[words[0].lower()]) if len(words) == 1 else _spoken_value(words)
    return f"{m.group(1)} {2000 + int(value)}" if value is not None and int(value) < 100 else m.group(0)


def spoken_numbers(text: str) -> str:
    """A document's number said in words, as digits: "kế hoạch số không ba … thực hiện kết luận hai mốt"
    → "kế hoạch số 03 … thực hiện kết luận 21" (``qa/data/number_words.tsv``), and a year after "năm"
    ("năm hai nghìn không trăm hai mốt" → "năm 2021"). Only with accents typed.

    >>> spoken_numbers("cái kết luận mười chín mà kế hoạch nhắc đến")
    'cái kết luận 19 mà kế hoạch nhắc đến'
    """
    if not has_diacritics(text):
        return text

    def sub(m: re.Match) -> str:
        words, after = m.group(3).split(), []
        while len(words) > 1 and words[-1].lower() == "không":  # "… kết luận hai mốt không?": the question's
            after.insert(0, words.pop())  # "không", not a zero
        value = _spoken_value(words)
        if value is None and m.group(2) and [w.lower() for w in words] == ["một"]:
            value = "1"  # "kết luận số một": "số" says a number follows
        return " ".join([f"{m.group(1)}{m.group(2) or ''} {value}", *after]) if value is not None else m.group(0)

    return _SPOKEN_YEAR.sub(_year, _SPOKEN_NUMBER.sub(sub, text))


# a document type's abbreviation typed against its number ("KL21", "kh03"): two words
# a document's or a task's abbreviation glued to its number ("KL21", "NV7": nhiệm vụ 7)
_GLUED_NUMBER = re.compile(r"\b(kl|kh|nq|ct|qđ|qd|hđ|hd|tb|nv)(\d{1,4})\b", re.IGNORECASE)


def clean(raw: str, max_chars: int) -> tuple[str, bool]:
    """Normalise user input: NFC, controls dropped, HTML tags stripped, raw Telex/VNI keys read
    as the syllables they spell, doubled consonant
    letters undone, spoken forms read as standard words, requests about the reply's form
    dropped, length capped."""
    # (far past the cap, nothing is read: a pasted blob is cut before the steps that read it)
    text = html.unescape(raw[: max_chars * 4])
    text = _TAG.sub(" ", text)
    text = stem_first(keyed(normalize(text)))
    text = without_requests(standard_words(spoken_numbers(without_relay(without_remark(pointed_statement(without_courtesy(
        _undouble(collapse(_GLUED_NUMBER.sub(r"\1 \2", text))))))))))
    truncated = len(text) > max_chars or bool(raw[max_chars * 4:].strip())
    if truncated:
        text = text[:max_chars].rsplit(" ", 1)[0]
    return text, truncated


def _refs(folded: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    refs: list[str] = []
    numbers: list[str] = []
    taken: set[str] = set()
    for pattern, kind in _REF_PATTERNS:
        for m in pattern.finditer(folded):
            if kind == "item":
                numbers.append(f"{_ITEM_NOUN.get(m.group(1), m.group(1))} {m.group(2)}")
            elif kind == "section":
                parts = [m.group(2).upper()] + [g for g in m.groups()[2:] if g]
                refs.append(".".join(parts))
            elif kind == "spoken":
                said = (m.group(2) or m.group(5)).removeprefix("thu ")
                refs.append(_ROMANS[(int(said) if said.isdigit() else _ORDINALS[said]) - 1])
            elif kind == "article":
                refs.append(f"Điều {m.group(2)}")
            elif kind == "subpoint":  # (its number is the point's, no item of its own)
                refs.append(f"{m.group(3).upper()}.{m.group(4)}.{m.group(2)}")
                taken.add(f"{_ITEM_NOUN.get(m.group(1), m.group(1))} {m.group(2)}")
            elif kind == "point":  # (its number is the point's too)
                part, number = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
                refs.append(f"{part.upper()}.{number}")
                taken.update(f"{noun} {number}" for noun in ("nhiem vu", "y", "diem", "khoan", "muc"))
            else:
                refs.append(".".join([m.group(1).upper()] + [g for g in m.groups()[1:] if g]))
    # a part named with one of its points ("Phần IV mục 1") is the point's place, not a second one
    refs = [r for r in refs if not any(o.startswith(r + ".") for o in refs)]
    numbers = [n for n in numbers if n not in taken]
    # ("việc đầu tiên": the plan numbers its tasks, "nhiệm vụ")
    for m in _ORDINAL.finditer(folded):
        numbers.append(f"{_ITEM_NOUN.get(m.group(1), m.group(1))} {_ORDINALS[m.group(2) or m.group(3)]}")
    for m in _LAST_ITEM.finditer(folded):
        numbers.append(f"{_ITEM_NOUN.get(m.group(1), m.group(1))} {LAST}")
    return tuple(dict.fromkeys(refs)), tuple(dict.fromkeys(numbers))


_PARTS = re.compile(r"[,.;:!?—]+")  # where a question's parts meet
_PART_SPLIT = re.compile(f"({_PARTS.pattern})")  # the same, the marks kept
# Fields whose words also occur in content questions ("hiệu lực", "lĩnh vực", "tóm tắt"): the whole
# question up to them must be about the document.
_ASKED_OUTRIGHT = r"(?:gi|nao|ngay nao|khi nao|bao gio|ngay may)\b"  # "… là gì", "… ngày nào"
_WEAK_FIELDS = frozenset({"Lĩnh vực", "Ngày có hiệu lực", "Ngày hết hiệu lực", "Tên văn bản", "Loại văn bản"})
# "sau khi / từ khi … có hiệu lực": a time the question starts from, not the date it asks
# Words a field is asked in besides its pattern's own (a longer match keeps the words between): what the
# document implements ("thực hiện kết luận nào", "để làm theo văn bản nào"), the signer's office
# ("đồng chí ấy giữ chức vụ gì lúc ký?")
_FIELD_WORDS = {
    "Căn cứ": frozenset("thuc hien ket luan nghi quyet chi thi trien khai can cu the hoa dua tren lam theo de nham".split()),
    "Chức vụ người ký": frozenset("giu chuc vu danh luc khi".split()),
    "Nơi ký": frozenset("thanh pho tinh dia phuong noi dau mo nao ra doi duoc".split()),
    # "lưu vào hồ sơ lĩnh vực gì, trên văn bản ghi lĩnh vực gì?": filing the document under its field
    "Lĩnh vực": frozenset("luu ho so xep thuoc ghi tren van ban phan loai".split()),
    "Ngày hết hiệu lực": frozenset("co con het den toi khi luc thoi diem nam thang ngay bao gio lau trong han keo dai".split()),
}
# "ý chính về tự học tập", "nội dung chính liên quan đến báo chí": the gist of a topic, not of the document
_GIST_OF = re.compile(r"\b(?:y chinh|noi dung chinh|tom tat|tom luoc)\b(?: \w+){0,2}? (?:ve|lien quan(?: den| toi)?|xoay quanh)"
                      r" (?!(?:ke hoach|van ban|kh|tai lieu|no)\b)\w")
_SINCE = re.compile(r"\b(sau khi|tu khi|ke tu khi|truoc khi|khi)\b(?! nao\b)(?! mo\b).*\bhieu luc\b")
# Who is asking: a part of the question that speaks of the asker ("Tôi là bí thư chi bộ, …").
_ASKER = re.compile(r"\b(toi|em|minh|chung toi|chau|con)\b")
# what the asker will tell someone, before what they ask: "Tôi muốn báo cáo với chi bộ rằng …"
_TOLD_THAT = re.compile(r"^\W*(?:toi|em|minh|chung toi|chau|tui)\s+(?:muon|can|se|dinh|phai|sap|dang)\s+"
                        r"(?:bao cao|trinh bay|noi|giai thich|thong bao|tra loi|viet|ghi|phan biet|noi ro)\b[^,.;:?!]{0,40}?\s+rang\s+")
# a part that speaks of the asker from its first word ("tôi hay đọc …", "em cần để ghi vào …")
_REMARK = re.compile(r"^\s*(?:vi |boi )?(?:toi|em|minh|chung toi|chau|tui|tu(?:i|ng) em)\s+\w")
# a question word: a part holding one asks ("gì", "nào", "ai", "mấy", "bao nhiêu", "ra sao", "đâu")
_WH = re.compile(r"\b(?:ai|gi|nao|sao|may|bao (?:nhieu|gio|lau)|dau|chi(?! (?:bo|tiet|phi|tieu|nhanh|cuc|dao|dan|ra))"
                 r"|(?<!ro )rang|mo(?! (?:hinh|ta|rong|ho|phong)))\b")
# The words that describe a document by what it does with another ("về thực hiện Kết luận 21").
_DESCRIBING = frozenset("thuc hien trien khai ve".split())


_NUMBER_OPTION = re.compile(r"^(\d{1,4})(?:\s+([^\W\d][^\d]*))?$")
_COUNT_ASKED = re.compile(r"\b(?:bao nhieu|may|so luong)\b")


# an item that offers its options before its stem ("A. Bộ Chính trị B. Ban Bí thư C. Quốc hội — ai ban hành KH 03?"):
# the options, a dash or a line break, then the stem, which asks (a question mark or an asking word)
_OPTIONS_FIRST = re.compile(r"^\s*((?:A[.)]|\(A\))\s.*?\s(?:B[.)]|\(B\))\s.*?)\s*(?:\s[—–-]+\s|\n)\s*([^\n]+)$", re.DOTALL)
_STEM_ASKS = re.compile(r"\?\s*$|\b(?:ai|gi|j|nao|may|bao nhieu|chon|dung|sai)\b")


def stem_first(text: str) -> str:
    """An item's stem before its options, as items are written ("ai ban hành KH 03? A. Bộ Chính trị …"),
    when it was typed after them; ``text`` otherwise."""
    m = _OPTIONS_FIRST.match(text)
    if not m or _STEM_OPTION.search(m.group(2)) or not _STEM_ASKS.search(fold(m.group(2)).lower()):
        return text
    stem = m.group(2).strip()
    return f"{stem}{'' if stem.endswith(('?', ':')) else ':'} {m.group(1).strip()}"


_STEM_OPTION = re.compile(r"(?:^|\s)(?:[A-F][.)]|\([A-F]\))\s")  # (a stem holds no option of its own)


def counted_in_options(text: str) -> str:
    """What a multiple-choice item counts when its options are numbers and its stem asks no count itself:
    the words after the number in an option ("A. 9 nhiệm vụ B. 10 C. 11" → "nhiệm vụ"); "" otherwise."""
    from .ask.options import offered

    options = offered(text)
    # (what follows an option after a comma is the asker's: "D. 12, chọn j")
    found = [_NUMBER_OPTION.match(re.split(r"[,;?!]", said)[0].strip(" .")) for _, said in options]
    if not options or not all(found) or _COUNT_ASKED.search(fold(without_options(text)).lower()):
        return ""
    units = [m.group(2).strip() for m in found if m.group(2)]
    return units[0] if units else ""


def without_asker(text: str, last_only: bool = True) -> str:
    """``text`` without what it says of the asker: a part before the question that speaks of
    them ("Tôi là bí thư chi bộ, …"). ``last_only``: then only the last part, the question
    itself ("Tôi là bí thư chi bộ, chiều nay họp, cần nói nhanh: kế hoạch ra ngày nào" →
    "kế hoạch ra ngày nào"); else the other parts stay."""
    told = _TOLD_THAT.match(fold(text).lower()) if len(fold(text)) == len(text) else None
    if told and len(text) - told.end() > 10:
        text = text[told.end():]  # "Tôi muốn báo cáo với chi bộ rằng kế hoạch do ai ban hành": what follows "rằng"
    pieces = _PART_SPLIT.split(text)  # part, the marks after it, part, …
    spans = [(pieces[i], pieces[i + 1] if i + 1 < len(pieces) else "") for i in range(0, len(pieces), 2)]
    spans = [(p, marks) for p, marks in spans if p.strip()]
    # a remark about the asker after the question ("…, tôi hay đọc báo Nhân dân.", "…, tôi cần để ghi
    # vào báo cáo của UBND xã"): a part that starts with them and asks nothing, after one that asks
    while len(spans) > 1 and _REMARK.match(fold(spans[-1][0]).lower()) and not _WH.search(fold(spans[-1][0]).lower()) \
            and "?" not in spans[-1][1] and any(_WH.search(fold(p).lower()) or "?" in m for p, m in spans[:-1]):
        spans = spans[:-1]
        text = "".join(p + m for p, m in spans).rstrip(",;: ")
    asker = [bool(_ASKER.search(fold(p).lower())) for p, _ in spans[:-1]]
    if not any(asker):
        return text
    if last_only:
        return spans[-1][0]
    # the marks stay: a sentence told after the asker's part still ends where it did
    return " ".join(f"{p.strip()}{marks}" for (p, marks), a in zip(spans, asker + [False]) if not a)


# "tôi là nhà nghiên cứu", "em là sinh viên": who the asker is, and nothing else
_INTRODUCTION = re.compile(r"^\W*(?:toi|em|minh|chung toi|chau|tui) (?:la|dang la)\b")


def _introduced_only(text: str) -> bool:
    """The parts before the question that speak of the asker only say who they are."""
    parts = [p for p in _PARTS.split(text)[:-1] if p.strip()]
    said = [p for p in parts if _ASKER.search(fold(p).lower())]
    return bool(said) and all(_INTRODUCTION.match(fold(p).lower()) for p in said)


def _besides_document(asking: str, doc_keys, title_words: frozenset[str], asker: bool = True) -> list[str]:
    """The content syllables a metadata question asks besides the document: without its filler
    words, the held documents' title words, the documents it names with the words describing them
    ("Kế hoạch 03 về thực hiện KL 21 ban hành ngày nào?") and, with ``asker``, what it says of the asker."""
    if asker:
        asking = without_asker(asking)
    asking = without_documents(asking, doc_keys, _DESCRIBING)
    return [s for s in content_syllables(asking) if s not in _META_FILLER and s not in title_words]


def _asked_through(text: str, pattern: str) -> str:
    """``text`` up to the end of the first part in which the folded ``pattern`` is found
    (the whole text when no single part holds it)."""
    end = 0
    for m in _PARTS.finditer(text + "."):
        if re.search(pattern, collapse(fold(text[end:m.start()]))):
            return text[:m.start()]
        end = m.end()
    return text


# "KL 01 ra năm nào?", "… là kết luận năm nào?": the year of a document named (not of a task it sets)
_DOCUMENTS_YEAR = re.compile(r"\b(?:ket luan|nghi quyet|quy dinh|chi thi|huong dan|thong bao|ke hoach)"
                             # ("KL đó ra năm nào?": the document pointed at)
                             r"(?: (?:so )?\d+[\w/-]*)?(?: (?:do|nay|ay))?(?: (?:ra|ban hanh|ky|co tu|la|ra doi))? (?:nam nao|nam may)\b(?! cung)")


# what the asker will do with the answer, said after the question ("… từ ngày nào để em vào sổ theo dõi")
# what the asker adds about themselves after the question, asking nothing ("…, em viết report về judicial reform.")
_REMARK_TAIL = (r",\s*(?:em|e|tôi|toi|tui|mình|minh|cháu|chau|chúng tôi|chung toi) (?:cần|can|muốn|muon|đang|dang|sắp|sap"
           r"|viết|viet|làm|lam)(?!\w)(?![^?]*(?<!\w)(?:gì|gi|j|nào|nao|sao|không|khong|ko|hông|hong|đâu|dau|mấy|may"
           r"|bao|ai)(?!\w))[^?]*\s*$")
_ASKERS_PURPOSE = re.compile(r"[,\s(]+(?:để|de) (?:em|e|tôi|toi|mình|minh|cháu|chau|con|tụi em|tui em|chúng tôi|chung toi)"
                             r"(?!\w)[^?]*(?:\)\s*\?)?\s*$"
                             # "… để ghi lên băng rôn buổi sinh hoạt": what the answer is for, said without who
                             # (in brackets too: "Lĩnh vực của văn bản là gì (để phân loại hồ sơ)?")
                             r"|[,\s(]+(?:để|de) (?:ghi|đưa|viết|điền|trích|in|dán|chép|nói|trình bày|báo cáo|soạn|nộp|phân loại|lưu|nhập|đối chiếu"
                             r"|giới thiệu|giảng|dạy)(?!\w)"
                             r"(?![^?]*(?<!\w)(?:gì|gi|nào|nao)(?!\w))[^?]*(?:\)\s*\?)?\s*$"
                             # "Phần I nói về gì vậy, em cần tóm tắt để đọc trong buổi họp online": what the
                             # asker needs, told after the question, asks nothing more
                             rf"|{_REMARK_TAIL}", re.IGNORECASE)


# a tag question alone: "Có đúng không?", "Đúng hay sai?", "Vậy có phải không ạ?", "Có thật không?"
_TAG_ONLY = re.compile(r"^\W*(?:(?:vay|the|nhu vay|dieu (?:do|nay)|thong tin (?:do|nay))\s+)?(?:co\s+)?"
                       r"(?:dung|phai|that|chinh xac|chuan)(?:\s+(?:khong|ko|k|hong|chu|chang|hay sai|hay khong))?"
                       r"(?:\s+(?:a|vay|nhi|ha|khong))*\W*$")


_REMARK_AFTER = re.compile(_REMARK_TAIL, re.IGNORECASE)
_ASKED_BEFORE = re.compile(r"\b(?:khong|ko|k|hong|hok|chua|gi|j|nao|sao|ai|dau|may|bao nhieu)\b|\?")


def without_remark(text: str) -> str:
    """The question without a remark about the asker after it, when what comes before asks in full
    ("Kế hoạch có yêu cầu bên tư pháp làm gì không ạ, em viết report về judicial reform.")."""
    m = _REMARK_AFTER.search(text)
    if m is None or not _ASKED_BEFORE.search(fold(text[:m.start()]).lower()):
        return text
    return text[:m.start()].rstrip(" ,")


def without_purpose(text: str) -> str:
    """The question without what the asker says the answer is for, told after it ("…, em viết
    report về judicial reform"): those words ask nothing."""
    return _ASKERS_PURPOSE.sub("", text) or text


# a lead ending in a colon, then the one question ("Trước giờ lên sóng cần check nhanh: …?")
_LEAD_COLON = re.compile(r"^([^:?.!]{3,80}):\s*([^:]*\S\?)\s*$")


def asking_part(text: str) -> str:
    """The sentences that ask ("… ?"), when others only tell the asker's situation: "Em viết bài,
    hạn nộp tuần sau. Kế hoạch có nhắc tới tư tưởng Hồ Chí Minh không?" asks no time. The
    whole text when no sentence, or every one, ends with a question mark.

    >>> asking_part("Hạn nộp tuần sau. Kế hoạch có nhắc tới X không? Em cảm ơn.")
    'Kế hoạch có nhắc tới X không?'
    """
    lead = _LEAD_COLON.match(text)
    if lead and not asks_something(fold(lead.group(1)).lower()) and not is_claim(lead.group(0)) \
            and asks_something(fold(lead.group(2)).lower()):
        # "Trước giờ lên sóng cần check nhanh: kế hoạch ra ngày bao nhiêu, ai ký?": what the asker is about
        # to do, before the colon, asks nothing
        return lead.group(2)
    said = sentences(text)
    asked = [s for s in said if s.rstrip('"”»').endswith("?")]  # a question quoted asks too
    if asked and all(_TAG_ONLY.match(fold(s)) or _BARE_CHOICE.match(collapse(fold(s))) for s in asked):
        # "… ông X ký kế hoạch này. Có đúng không?": a tag alone asks about the sentence before it
        asked = [s for i, s in enumerate(said) if s.endswith("?") or (i + 1 < len(said) and said[i + 1].endswith("?"))]
    return " ".join(asked) if asked and len(asked) < len(said) else text


# a day asked of something done under a document, not of the document: a deadline, a report, a meeting
_DAY_OF_A_TASK = re.compile(r"\b(han|han chot|thoi han|nop|gui bao cao|bao cao|hop|hoan thanh|xong)\b(?: \S+){0,2}"
                            r" ngay (nao|may|bao nhieu)\b")


def analyze(raw: str, max_chars: int = 2000, title_words: frozenset[str] = frozenset()) -> Question:
    """``title_words``: folded syllables of the held documents' titles; a metadata question
    may repeat them to say which document it means ("kế hoạch về chỉnh đốn Đảng số mấy?")."""
    text, truncated = clean(raw, max_chars)
    counted = counted_in_options(text)
    if counted:  # "KH 03 có A. 9 nhiệm vụ B. 10 C. 11 D. 12, chọn j": how many, offered as numbers (``raw`` keeps them)
        text = f"{without_options(text).rstrip(' :?.,')} bao nhiêu {counted}?"
    # typed with accents: the user's own words, not those of an expanded abbreviation ("qh"), nor
    # those read from raw Telex keys (the words typed plainly beside them are restored then)
    typed_accents = has_diacritics(text) and has_diacritics(html.unescape(raw))
    # without accents typed, the names come without them too: every rule reads one spelling
    text = expand_abbreviations(text, accents=typed_accents)
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) > 12 and all(ch.isupper() for ch in letters):
        # A question typed in capitals means what it means in lower case; the abbreviations
        # have been read already, and the embedding model is case-sensitive.
        text = text.lower()
    folded = collapse(fold(text))
    kind = "what"
    meta_field = None
    also_fields: tuple[str, ...] = ()
    doc_keys = document_keys(text)
    # "ban hành ngày nào", or a document named and its day asked ("KL 01 ra ngày nào?")
    # (not the day of something done under it: "báo cáo KH 03 theo mẫu nào, hạn nộp ngày mấy?")
    issue_date = bool(re.search(dict(META_FIELDS)["Ngày ban hành"], folded)) or \
        bool(doc_keys and re.search(r"\b(ngay nao|ngay bao nhieu|ngay may|ra ngay|ky ngay)\b|^\W*\S+( \S+){0,3} ngay\W*$"
                                    # "Kết luận 21 được thông qua khi nào?": when the document named was adopted
                                    r"|\b(thong qua|ra doi|ky|ban hanh) (vao )?(khi nao|hom nao|bao gio|luc nao|thoi gian nao)\b",
                                    folded)
             and not _DAY_OF_A_TASK.search(folded)) or \
        bool(doc_keys and _DOCUMENTS_YEAR.search(folded))
    refs, numbers = _refs(folded)
    # "Bộ Chính trị khóa mấy ban hành?" asks the body's term (a count's ordinal), not who issued it
    fields = () if TERM_ASKED.search(folded) else META_FIELDS
    # a field named in the situation told before the question is not asked ("… mà tôi không nhớ số
    # hiệu. Xin cho hỏi kế hoạch ấy số bao nhiêu, ban hành ở đâu?" asks its number from the last sentence)
    # ("Đúng hay sai: kế hoạch do … ban hành": what follows the cue is the statement asked about)
    asked_text = without_lead(_ASKERS_PURPOSE.sub("", asking_part(text)) or text)
    asked_folded = collapse(fold(asked_text))
    for name, pattern in fields:
        # "Phần IV nói về gì?", "Nhiệm vụ số 4 trong KH nói về cái gì?": what a part of the document is
        # about, not the whole document's name
        if name == "Tên văn bản" and (refs or numbers or _GIST_OF.search(asked_folded)):
            continue
        # Folded "ky" is also "kỳ" (nhiệm kỳ), "ki" also "kì": with accents typed, signing needs "ký" / "kí".
        if name == "Người ký" and has_diacritics(text) and not re.search(r"(?<!\w)k[ýí](?!\w)", text.lower()):
            continue
        # "nhiệm vụ này số mấy": the number of a task is its place, not the document's number
        if name == "Số hiệu" and re.search(r"\b(nhiem vu|muc|phan|dieu|khoan|y|giai phap|task|viec)\b", folded):
            continue
        # "… kết luận của Bộ Chính trị về học tập và làm theo Bác, kết luận số mấy?": the number of a document
        # the plan cites, not the plan's own
        if name == "Số hiệu" and re.search(r"\b(ket luan|nghi quyet|quy dinh|chi thi|huong dan|thong bao) (la )?so (may|bao nhieu)\b",
                                           folded):
            continue
        found = re.search(pattern, asked_folded)
        if found and name == "Lĩnh vực" and asks_yes_no(asked_folded) and not re.search(
                rf"\b{_ASKED_OUTRIGHT}", asked_folded[found.start():]):
            continue  # "KH có nói về lĩnh vực kinh tế không?": a field of work, the topic of a yes/no question
        if found:
            # "lĩnh vực", "hiệu lực" also occur in content questions: metadata only when
            # little else is asked — up to the part of the question that asks it, a remark after
            # it aside ("KH 03 thực hiện KL nào, em mới vào Đảng chưa rõ"); a date question about
            # another document is "when".
            asking = _asked_through(asked_text, pattern)
            told = sentences(asking)
            if len(told) > 1 and re.search(pattern, collapse(fold(told[-1]))):
                # "Em là cán bộ Ban Dân tộc tỉnh. Kế hoạch 03 nói về chuyện gì vậy anh": the sentence that
                # asks the field, after those that tell the asker's situation
                asking = told[-1]
            if name == "Ngày có hiệu lực" and _SINCE.search(collapse(fold(_PARTS.split(asking)[-1]))):
                continue  # "Sau khi kế hoạch có hiệu lực, có bao nhiêu …?": the field only dates what is asked
            # "Em cần ghi chú thích: người ký … là ai?": who asks is no topic
            # (a field also asked in content questions keeps what the asker says, "tôi làm lĩnh vực …", unless
            # it only says who they are: "tôi là nhà nghiên cứu, văn bản này là loại văn bản gì?")
            rest = _besides_document(asking, doc_keys, title_words,
                                     asker=name not in _WEAK_FIELDS or _introduced_only(asking))
            # the words that name the field are not something else asked ("địa danh", "trích yếu"); a
            # longer match spans words in between ("kế hoạch … việc thể chế hóa … của cơ quan nào")
            named_by = found.group(0).split()
            if len(named_by) <= 4 or found.groupdict().get("named") or found.groupdict().get("by"):
                rest = [s for s in rest if s not in named_by]
            # "là kế hoạch hay hướng dẫn hay chỉ thị?": the kinds offered are the field's answers
            if name == "Loại văn bản":
                rest = [s for s in rest if s not in document_words()]
            rest = [s for s in rest if s not in _FIELD_WORDS.get(name, ())]
            if name == "Căn cứ":  # … and the plenum or congress a document is named by ("Nghị quyết TW4 khóa XII")
                sessions = {fold(w) for n in numbered(asking) for w in syllables(n.said.lower())}
                rest = [s for s in rest if s not in sessions]
            # "Người ký là đồng chí Nguyễn Văn A, đúng không?": the field opens a statement to check, and
            # what follows "là" is the value claimed, nothing else asked
            stated = found.start() <= 3 and is_claim(text) and re.match(r"(?: \w+){0,3}? la\b", asked_folded[found.end():])
            if len(rest) <= 2 or stated:
                kind, meta_field = "meta", name
                # "kết luận nó thực hiện là số mấy?": the number asked is the implemented document's
                shared = ("Số hiệu",) if name == "Căn cứ" else ()
                # a field of those that also occur in content questions ("lĩnh vực", "hiệu lực") only when
                # it is asked outright ("thuộc lĩnh vực gì", "ngày hiệu lực là gì")
                also_fields = tuple(dict.fromkeys(other for other, asks in fields
                                                  if other not in (name, *shared) and re.search(asks, asked_folded)
                                                  and (other not in _WEAK_FIELDS or re.search(
                                                      rf"(?:{asks})(?: \w+){{0,2}}? (?:la )?{_ASKED_OUTRIGHT}", asked_folded))))
            break
    # "cần ghi 'Kế hoạch số 03-KH/TW ngày mấy'": a named document's date, little else asked
    if kind == "what" and issue_date and doc_keys and len(_besides_document(text, doc_keys, title_words)) <= 2:
        kind, meta_field = "meta", "Ngày ban hành"
    if kind == "what":
        kind = kind_for(asked_text, asked_folded).name
    # "Đúng hay sai: Hội nghị cán bộ toàn quốc tổ chức trong tháng 11/2021.": a time stated to be checked
    # ("… lấy phiếu tín nhiệm vào năm thứ hai của nhiệm kỳ, đúng không?": the year of a term, too)
    # … and "(Lấy phiếu tín nhiệm) có làm hằng năm không?": a rhythm asked yes or no is checked the same way
    if kind == "what" and (is_claim(text) and (claims_a_time(asked_text) or claims_a_rhythm(asked_text)
                                               or claims_a_term_year(asked_text))
                           or claims_a_rhythm(asked_text) and asks_yes_no(asked_folded)
                           and not asks_something(asked_folded)):
        kind = "when"
    role = None
    if kind == "who":
        if re.search(r"\bphoi hop\b", folded) and not re.search(r"\bchu tri\b", folded):
            role = "coordinate"
        elif re.search(r"\bchu tri\b", folded):
            role = "lead"
    doc_numbers = tuple(document_number(key) for key in doc_keys)
    content = tuple(content_syllables(text))
    accented = typed_accents
    content_accented = tuple(content_syllables(text, keep_accents=True)) if accented else content
    # "nhiệm vụ cuối cùng": which item is asked, no topic
    placing = _LAST_WORDS if any(n.endswith(" " + LAST) for n in numbers) else frozenset()
    topic = tuple(s for s in content if s not in INTENT_SYLLABLES and s not in placing)
    topic_accented = tuple(w for w in content_accented if fold(w) not in INTENT_SYLLABLES and fold(w) not in placing)
    foreign = english_words(text)
    # typed wholly in English (no Vietnamese letter): the refusal says which language it reads
    english = bool(foreign) and not any(ch for ch in text if ord(ch) > 127 and ch.isalpha())
    if foreign:  # the asker's English is no topic the plan lacks: "what does the plan say about …"
        content = tuple(s for s in content if s not in foreign)
        content_accented = tuple(s for s in content_accented if fold(s) not in foreign)
        topic = tuple(s for s in topic if s not in foreign)
        topic_accented = tuple(s for s in topic_accented if fold(s) not in foreign)
    return Question(raw=raw, text=text, kind=kind, meta_field=meta_field, role=role,
                    bodies=body_names(text) + place_bodies(text), refs=refs, item_numbers=numbers,
                    doc_numbers=doc_numbers, doc_keys=doc_keys, issue_date=issue_date, content=content,
                    content_accented=content_accented, accented=accented, topic=topic,
                    topic_accented=topic_accented,
                    english=english, truncated=truncated, also_fields=also_fields)
