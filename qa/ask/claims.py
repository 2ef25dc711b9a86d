"""Claims to check: a statement the user asks to have confirmed ("Đúng hay sai: Kế hoạch 03 do Ban
Bí thư ban hành.", "KH 03 ký ngày 25/10/2021, đúng không?"), and the verdict on it from the value
the plan gives.

The words that mark a claim are data (``qa/data/claim_cues.tsv``). A verdict is given only when the
statement names a value of the kind the answer gives (a body, a date, a document's number, a
person, a document type, a document) and offers no choice between values ("… 03-KH/TW hay
03/KH-TW?" is answered by the value alone): "Đúng." when every value it names is the plan's,
"Không đúng." when one is not, and nothing when it names none.

>>> verdict(["Ban Bí thư"], ["Bộ Chính trị", "Ban Chấp hành Trung ương"])
'Không đúng.'
>>> claimed_dates("KH 03 ban hành ngày 1/12/2021, đúng không?")
[(1, 12, 2021)]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..datafiles import DATA, data_lines
from ..text import collapse, content_syllables, fold, has_diacritics, syllables

TRUE, FALSE = "Đúng.", "Không đúng."


@lru_cache(maxsize=1)
def _cue_phrases() -> dict[str, list[str]]:
    """``claim_cues.tsv`` by kind ("lead", "tag", "opens", "says", "intro", "points", "reports", "filler"),
    folded."""
    by_kind: dict[str, list[str]] = {"lead": [], "tag": [], "opens": [], "says": [], "intro": [], "points": [],
                                     "reports": [], "filler": []}
    for line in data_lines(DATA / "claim_cues.tsv"):
        kind, phrase = line.split("\t", 1)
        by_kind[kind.strip()].append(collapse(fold(phrase.strip().lower())))
    return by_kind


@lru_cache(maxsize=1)
def _says() -> frozenset[str]:
    """The folded words of the verbs with which a statement says what the plan does ("yêu cầu", "nói")."""
    return frozenset(w for phrase in _cue_phrases()["says"] for w in phrase.split())


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, re.Pattern]:
    by_kind = _cue_phrases()

    def words(phrases):
        return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))

    # a lead opens the text; an introducer with its colon or dash may follow the sentences that tell the situation
    lead = re.compile(rf"^\W*(?:{words(by_kind['lead'])})\s*[:\-–—.]\s*"
                      rf"|^(?:[^.?!:]*[.?!]\s+)*\W*(?:{words(by_kind['intro'])})\s*[:\-–—]\s*")
    tag = re.compile(rf"(?<!\w)(?:{words(by_kind['tag'] + by_kind['lead'])})(?!\w)"
                     rf"|(?:^|[.?!:]\s+)\W*(?:{words(by_kind['opens'])})(?!\w)")
    return lead, tag


def without_lead(text: str) -> str:
    """The text without the words that announce a statement to check ("Đúng hay sai: …")."""
    folded = fold(text.lower())
    found = _cues()[0].match(folded) if len(folded) == len(text) else None
    if not found or found.end() >= len(text):
        return text
    # the statement quoted after its cue ('Đúng hay sai: "Kế hoạch 03 do Ban Bí thư ban hành."') is read as said
    said = text[found.end():]
    quoted = _QUOTED_STATEMENT.match(said)
    return quoted.group(1) if quoted else said


_QUOTED_STATEMENT = re.compile(r'^\s*["“«]([^"“”«»]+)["”»]\W*$')
_QUOTED = re.compile(r'["“«]([^"“”«»]{12,})["”»]')
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@lru_cache(maxsize=1)
def _pointing() -> tuple[re.Pattern, re.Pattern]:
    by_kind = _cue_phrases()

    def words(phrases):
        return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))

    points = re.compile(rf"^\W*(?:{words(by_kind['points'])})\s+(?:(?:co|la)\s+)?(?=(?:dung|chinh xac|sai)\b)")
    reports = re.compile(rf"^(?:\S+\s+){{0,10}}?(?:{words(by_kind['reports'])})\s+(?:rang\s+|la\s+)?")
    return points, reports


def pointed_statement(text: str) -> str:
    """A statement made in one sentence and checked in the next, which points back at it ("Có hội
    viên khẳng định Ban Bí thư là cơ quan ban hành Kế hoạch 03. Khẳng định đó đúng hay sai?"), as one
    statement to check ("Ban Bí thư là cơ quan ban hành Kế hoạch 03, đúng hay sai?"): what is quoted,
    or what follows the verb that reports it; the text unchanged otherwise."""
    parts = [p for p in _SENTENCE.split(text.strip()) if p.strip(" .!?")]
    if len(parts) < 2 or len(text) != len(fold(text)):
        return text
    points, reports = _pointing()
    asked = points.match(fold(parts[-1].lower()))
    if not asked:
        return text
    said = parts[-2].strip()
    quoted = _QUOTED.search(said)
    if quoted:
        said = quoted.group(1)
    else:
        reported = reports.match(fold(said.lower()))
        if reported and reported.end() < len(said):
            said = said[reported.end():]
    return f"{said.strip().rstrip('.!;: ')}, {parts[-1][asked.end():].strip()}"


# "đúng hay sai", "… hay không": the choice is the claim's, not between values
_NOT_A_CHOICE = re.compile(r"\b(?:dung hay sai|hay khong|hay ko|hay chua|hay sai)\b")


def is_claim(text: str) -> bool:
    """The text asks to have a statement checked, and offers no choice between values."""
    folded = collapse(fold(text.lower()))
    lead, tag = _cues()
    if not (lead.search(folded) or tag.search(folded)):
        return False
    return not re.search(r"\bhay\b", _NOT_A_CHOICE.sub(" ", folded))


# the statement is offered as "đúng hay sai" ("Đúng hay sai: …", "…, đúng/sai?", "Đ/S"): it is answered "Sai"
_SAI_OFFERED = re.compile(r"(?<!\w)(?:dung hay sai|dung\s*/\s*sai|dung sai|d\s*/\s*s|hay sai"
                          r"|true\s*/\s*false|true or false|true false|t\s*/\s*f)(?!\w)")
# offered as true or false at all ("đúng không", "có đúng là", "chính xác không", or as above), not only asked
# yes or no ("có phải … không")
_TRUE_OFFERED = re.compile(rf"{_SAI_OFFERED.pattern}|\b(?:dung (?:khong|ko|k|hong|chu)|co dung|chinh xac (?:khong|ko|k))\b"
                           r"|^\W*dung\b"
                           # "…, phải không?" tags a statement (not "có phải … không?", answered «Có»)
                           r"|\bphai (?:khong|ko|k|hong|hok)(?: \w+)?\W*$")


def offered_as_true_or_false(question: str) -> bool:
    """The statement is offered as true or false ("đúng không?", "có đúng là", "đúng hay sai", "…, phải
    không?"), not only asked yes or no ("có phải … không?")."""
    return _TRUE_OFFERED.search(collapse(fold(question.lower()))) is not None


def confirmed_word(folded_question: str) -> str:
    """The word a statement the plan confirms is answered with, as the question offered it: «Đúng» to
    "đúng không?" or "đúng hay sai", «Có» to "có phải … không?"."""
    return TRUE[:-1] if _TRUE_OFFERED.search(folded_question) else "Có"


def in_question_terms(question: str, answer: str) -> str:
    """The answer with its verdict in the words the question offered: a statement given as "đúng hay
    sai" that is not right is «Sai.», one asked "…, đúng không?" stays «Không đúng.».

    >>> in_question_terms("Đúng hay sai: KH 03 do Ban Bí thư ban hành.", "Không đúng. Bộ Chính trị (…).")
    'Sai. Bộ Chính trị (…).'
    """
    if answer.startswith(FALSE) and _SAI_OFFERED.search(collapse(fold(question.lower()))):
        return "Sai." + answer[len(FALSE):]
    if answer.startswith(f"{FALSE[:-1]} —") and _SAI_OFFERED.search(collapse(fold(question.lower()))):
        return "Sai" + answer[len(FALSE) - 1:]  # «Không đúng — Bộ Chính trị, Ban Bí thư (II.1).»
    return answer


def verdict(claimed: Iterable[str], actual: Iterable[str]) -> str | None:
    """"Đúng." when every value claimed is among the actual ones, "Không đúng." when one is not,
    None when nothing is claimed (compared without accents, case or spacing)."""
    def key(value: str) -> str:
        return re.sub(r"\s+", " ", fold(value.lower())).strip()

    claimed = [key(c) for c in claimed if c and c.strip()]
    if not claimed:
        return None
    have = {key(a) for a in actual}
    return TRUE if all(c in have for c in claimed) else FALSE


# words that narrow or deny a statement ("chỉ áp dụng cho …", "không cần …", "riêng của …"): finding the
# statement's other words in a clause does not confirm it (typed with accents: folded, "chỉ" is also "chi")
_NARROWING = re.compile(r"(?<!\w)(?:chỉ|không|chẳng|chưa|riêng|duy nhất|hoàn toàn|mọi|tất cả|bất kỳ|ngoài|một mình|thôi)(?!\w)")
# … and typed without accents, where "chi" is also the first word of "chi bộ", "chỉ đạo", "chỉ thị"
_NARROWING_FOLDED = re.compile(r"(?<!\w)(?:chi(?! (?:bo|dao|thi|tiet|phi|tieu|uy|hoi|nhanh|doan)\b)|khong|ko|hong|hok|chang"
                               r"|chua|rieng|duy nhat|hoan toan|moi|tat ca|bat ky|ngoai|thoi|mot minh)(?!\w)")
# the "không" that closes a yes/no question ("KH có yêu cầu … không") asks; it denies nothing
_YES_NO_CLOSE = re.compile(r"(?<!\w)(?:không|ko|k|hông)\W*$")
# what the plan denies ("không phải là người địa phương", "không để bị chi phối"): the two words after
# the denial, which a statement that leaves the denial out says the other way round
_DENIED = re.compile(r"\b(?:khong|chua|chang)\s+(\w+\s+\w+)")
# … and after the modal that follows it ("tuyệt đối không được hình thức": "hình thức")
_DENIED_AFTER_MODAL = re.compile(r"\b(?:khong|chua|chang)\s+(?:duoc|de|nen)\s+(\w+\s+\w+)")
_DENYING = r"(?:khong|ko|k|hong|hok|chua|chang|dung|cam|tranh|chong)"
# a time said without a date ("kiểm điểm cuối năm", "vào năm cuối nhiệm kỳ"): the time verdicts' to check
_TIME_SAID = re.compile(r"\b(?:cuoi|dau|giua) (?:nam|nhiem ky|quy|thang|khoa)\b|\bnam cuoi\b")
# what the plan implements, stated ("KH03 là để triển khai Nghị quyết Đại hội XIII"): its preamble's to check
_IMPLEMENTS_STATED = re.compile(r"\b(?:de|nham) (?:thuc hien|trien khai|cu the hoa|lam theo) (?:cai )?(?:ket luan|nghi quyet"
                                r"|chi thi|quy dinh)\b")
# the register's facts stated (who issued, who signed): the meta kind checks them against the register
_ISSUED_OR_SIGNED = re.compile(r"(?<!\w)(?:ban hành|ký|kí|đặt bút)(?!\w)")
_ISSUED_OR_SIGNED_FOLDED = re.compile(r"\b(?:ban hanh|(?<!nhiem )(?<!dinh )(?<!thoi )(?<!hoc )(?<!hoi )k[yi]|dat but)\b")


def _quoted_from(narrowing: re.Match, statement: str, clause_text: str) -> bool:
    """The narrowing word comes with the word after it as the clause has them ("gắn với Quy định về
    những điều đảng viên không được làm"): the plan's own words, not the user's narrowing (``clause_text``
    lower case, and folded when the statement is)."""
    pair = re.match(r"\W*(\w+)", statement[narrowing.end():])
    return bool(pair) and f"{narrowing.group(0)} {pair.group(1)}" in collapse(clause_text)


def _statement(text: str) -> str:
    """The statement a claim offers, lower case, without the words that announce or tag it and the
    "không" that closes a yes/no question."""
    statement = collapse(without_lead(text).lower())
    folded = fold(statement)
    if len(folded) == len(statement):  # the cue words are no part of the statement ("đúng không")
        for m in reversed(list(_cues()[1].finditer(folded))):
            statement = statement[:m.start()] + " " + statement[m.end():]
    return _YES_NO_CLOSE.sub("", statement)  # "KH có yêu cầu … không, đúng hay sai?": the question's frame


def _narrowed(statement: str, clause_text: str) -> bool:
    """A word of the statement narrows or denies it, other than where the clause says the same."""
    if has_diacritics(statement):
        pattern, clause = _NARROWING, clause_text.lower()
    else:
        pattern, clause = _NARROWING_FOLDED, fold(clause_text.lower())
    return any(not _quoted_from(m, statement, clause) for m in pattern.finditer(statement))


def _turned_round(statement: str, clause_text: str) -> bool:
    """The statement says what the clause denies ("phải là người địa phương" of "không phải là người
    địa phương"), with no word of denial a few words before it ("chống làm cho có, làm hình thức")."""
    said = collapse(fold(statement))
    clause = collapse(fold(clause_text.lower()))
    for m in (*_DENIED.finditer(clause), *_DENIED_AFTER_MODAL.finditer(clause)):
        words = m.group(1)
        if re.search(rf"\b{words}\b", said) and not re.search(rf"\b{_DENYING}(?:[ ,]+\w+){{0,4}}[ ,]+{words}\b", said):
            return True
    return False


CONFIRMED_SHARE = 0.9  # of the statement's topic words the clause must use
_MIN_WORDS = 3
# in other words: the share of the statement's words the clause or the lexicon's readings of its
# phrases hold, and how many may be neither (tuned on the dev splits)
PARAPHRASED_SHARE = 0.6
PARAPHRASED_UNSAID = 2


@lru_cache(maxsize=1)
def _fillers() -> frozenset[str]:
    """The folded words a statement stresses itself with ("cả", "cũng"), claiming nothing of their own."""
    return frozenset(_cue_phrases()["filler"])


def _statement_words(statement: str, ignore: frozenset[str]) -> list[str]:
    return [w for w in content_syllables(_NUMBERED.sub(" ", statement))
            if w.isalpha() and w not in ignore and w not in _says() and w not in _fillers()]


def _checked_elsewhere(statement: str) -> bool:
    """The statement gives what another verdict checks: a time or a rhythm (the time verdicts), who issued
    or signed a document (the register's), what the plan implements (its preamble's)."""
    folded = collapse(fold(statement))
    return bool((_ISSUED_OR_SIGNED.search(statement) if has_diacritics(statement) else _ISSUED_OR_SIGNED_FOLDED.search(folded))
                or claims_a_time(statement) or claims_a_rhythm(statement) or _OPEN_TIMING.search(folded)
                or _TIME_SAID.search(folded) or _IMPLEMENTS_STATED.search(folded))


def confirms(text: str, clause_text: str, ignore: frozenset[str] = frozenset()) -> bool:
    """A statement to check ("Đúng hay sai: KH yêu cầu thu hồi triệt để tài sản bị chiếm đoạt …") that
    the clause says in its own words: typed with accents, nothing in it narrows or denies, and at least
    ``CONFIRMED_SHARE`` of its content words (three or more; numbers, and the folded words in
    ``ignore``, such as the names of kinds of document, aside) are the clause's."""
    if not has_diacritics(text) or not is_claim(text):
        return False
    statement = _statement(text)
    if _narrowed(statement, clause_text) or _checked_elsewhere(statement) or _turned_round(statement, clause_text):
        return False
    words = _statement_words(statement, ignore)
    if len(words) < _MIN_WORDS:
        return False
    # typed with accents, a word is the clause's with its accents ("viết" is no "Việt")
    accented = [w for w in content_syllables(_NUMBERED.sub(" ", statement), keep_accents=True)
                if w.isalpha() and fold(w) in words]
    said = set(syllables(clause_text.lower()))
    return sum(w in said for w in accented) >= CONFIRMED_SHARE * len(words)


@lru_cache(maxsize=1)
def _accented_cues() -> re.Pattern:
    """The lead, tag and intro words of ``claim_cues.tsv`` as written, accents kept."""
    phrases = [collapse(line.split("\t", 1)[1].strip().lower()) for line in data_lines(DATA / "claim_cues.tsv")
               if line.split("\t", 1)[0].strip() in ("lead", "tag", "intro")]
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))})(?!\w)")


def offers_statement(text: str) -> bool:
    """``is_claim``, with the words that offer the statement read as typed: with accents, "bè phái không"
    is no "phải không"."""
    if not is_claim(text):
        return False
    return not has_diacritics(text) or bool(_accented_cues().search(collapse(text.lower())))


def confirms_in_other_words(text: str, clause_text: str, bridges=(), ignore: frozenset[str] = frozenset()) -> bool:
    """A statement the clause says in other words ("KH nói phải làm thật chớ đừng làm cho có, phải không"
    of "bảo đảm thực chất, hiệu quả, tuyệt đối không được hình thức"): a word counts as the clause's when
    the clause has it or the lexicon reads a phrase of the question holding it (``bridges``) as words the
    clause has. At least ``PARAPHRASED_SHARE`` of the statement's words (two or more), and all but
    ``PARAPHRASED_UNSAID``, must count; nothing may narrow it or turn round what the clause denies, and it
    may not state what another verdict checks (``_checked_elsewhere``: a time, a signer or issuer, what the
    plan implements)."""
    if not offers_statement(text):
        return False
    statement = _statement(text)
    if _checked_elsewhere(statement) or _narrowed(statement, clause_text) or _turned_round(statement, clause_text):
        return False
    words = _statement_words(statement, ignore)
    if len(words) < 2:
        return False
    clause_folded = fold(clause_text).lower()
    said = set(syllables(clause_folded))
    said |= {s for b in bridges if any(fold(p).lower() in clause_folded for p in b.plan_words) for s in b.said_syllables}
    counted = sum(w in said for w in words)
    return counted >= PARAPHRASED_SHARE * len(words) and len(words) - counted <= PARAPHRASED_UNSAID


_NUMBERED = re.compile(r"(?<!\S)\S*[\d/]\S*")  # "01-KL/TW", "18/5/2021", "03", "KH/TW": a number, or a document's


_FULL_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)"
                        r"|\bngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})\b")
_MONTH = re.compile(r"\bthang (\d{1,2})\s*(?:/|nam|-)\s*(\d{4})\b")
_YEAR = re.compile(r"\bnam (\d{4})\b")


def claimed_dates(text: str, after: re.Pattern | None = None, reach: int = 30) -> list[tuple]:
    """The dates a text names, as (day, month, year) with None for what it leaves out ("tháng
    12/2021" → (None, 12, 2021)); with ``after`` (a folded pattern), only those within ``reach``
    characters after one of its matches ("ban hành ngày …", not the date of a document cited)."""
    folded = collapse(fold(text.lower()))
    spans = [(m.end(), m.end() + reach) for m in after.finditer(folded)] if after is not None else [(0, len(folded))]
    return [date for date, start in _dates_at(folded) if any(lo <= start <= hi for lo, hi in spans)]


def date_verdict(claimed: list[tuple], actual: tuple[int, int, int]) -> str | None:
    """The verdict on dates claimed against the one date the plan gives: each must agree with it in
    every part it names (a month claimed is right of any day in that month)."""
    if not claimed:
        return None
    agree = all(all(c is None or c == a for c, a in zip(claim, actual)) for claim in claimed)
    return TRUE if agree else FALSE


def day_verdict(question: str, answer: str) -> str | None:
    """The verdict on the dates a question states to be checked against the one day an answer gives
    ("… ngày 25/10/2021 đúng không?" against «… ngày 25/10/2021 …»); None when it is no such statement."""
    day = re.search(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)", answer)
    if day is None or not is_claim(question):
        return None
    return date_verdict(claimed_dates(without_lead(question)), tuple(int(x) for x in day.groups()))


# a timing with no set months ("hằng năm", "thường xuyên", "từ năm 2022"): no month to compare with
_OPEN_TIMING = re.compile(r"\b(?:hang nam|hang quy|hang thang|thuong xuyen|tu nam|dinh ky|nhiem ky|nam thu)\b")
# a claim about a deadline or a start ("xong trước tháng 4", "từ tháng 1"): a bound, not a date to match
_BOUND = re.compile(r"\b(?:truoc|sau|den|toi|tu|ke tu|han|cham nhat|muon nhat|som nhat|het)\b")
_RANGE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{4})\s*-\s*(\d{1,2})/(\d{4})(?![\d/])")
_MONTH_YEAR = re.compile(r"(?<![\d/])(\d{1,2})/(\d{4})(?![\d/])")
_QUARTER = re.compile(r"\bquy (iv|i{1,3})/(\d{4})\b")
_QUARTERS = {"i": (1, 2, 3), "ii": (4, 5, 6), "iii": (7, 8, 9), "iv": (10, 11, 12)}
# a quarter stated ("quý I/2022", "quý 1 năm 2022")
_QUARTER_SAID = re.compile(r"\bquy (iv|i{1,3}|[1-4])\s*(?:/|nam)\s*(\d{4})\b")
_QUARTER_DIGITS = {"1": "i", "2": "ii", "3": "iii", "4": "iv"}
# a document named just before a date ("Kết luận 21 ngày 25/10/2021"): the date is the document's
# (a document named by its number and year: "Kế hoạch 03 năm 2021", "KL 21 ngày 25/10/2021")
_DOCUMENT_BEFORE = re.compile(r"\b(?:ket luan|nghi quyet|chi thi|quy dinh|ke hoach|kl|nq|kh|ct)\s*(?:so\s*)?\d+[\w/-]*,?\s*"
                              r"(?:(?:duoc )?(?:ban hanh|ra|ky)\s*)?(?:ngay|vao ngay|,)?\s*$")


def timing_months(timings: Iterable[str]) -> frozenset[tuple[int, int]] | None:
    """The (month, year) pairs a task's timings cover ("đầu tháng 12/2021", "tháng 12/2021 - 01/2022",
    "quý I/2022"); None when one of them sets no month ("thực hiện hằng năm")."""
    months: set[tuple[int, int]] = set()
    for timing in timings:
        folded = collapse(fold(timing.lower()))
        if _OPEN_TIMING.search(folded):
            return None
        found = False
        for m in _RANGE.finditer(folded):
            (m1, y1), (m2, y2) = (int(m.group(1)), int(m.group(2))), (int(m.group(3)), int(m.group(4)))
            month, year = m1, y1
            while (year, month) <= (y2, m2) and len(months) < 48:
                months.add((month, year))
                month, year = (1, year + 1) if month == 12 else (month + 1, year)
            found = True
        for m in _MONTH_YEAR.finditer(_RANGE.sub(" ", folded)):
            months.add((int(m.group(1)), int(m.group(2))))
            found = True
        for m in _QUARTER.finditer(folded):
            months.update((month, int(m.group(2))) for month in _QUARTERS[m.group(1)])
            found = True
        if not found:
            return None
    return frozenset(months) or None


def timing_verdict(statement: str, timings: Iterable[str]) -> str | None:
    """The verdict on the month, day or year a statement gives a task ("… tổ chức trong tháng 11/2021")
    against the months its timings cover; None when it names none, names a bound ("trước tháng 4"),
    a day inside a month the plan gives without its day, or when the timings set no month. An open
    timing is checked by the year it starts ("từ năm 2025" of "từ năm 2022") or the year of the term
    ("năm thứ hai nhiệm kỳ" of "năm thứ 3, nhiệm kỳ …": ``open_timing_verdict``); a task said to run
    until a year its months do not reach ("kéo dài đến hết năm 2023" of "quý I/2022") is refuted."""
    folded = collapse(fold(statement.lower()))
    months = timing_months(timings)
    if months is None:
        return open_timing_verdict(folded, timings)
    dates = _dates_at(folded)
    claims = [c for c, start in dates if not _DOCUMENT_BEFORE.search(folded[:start])]
    quarters = _quarters_at(folded)
    starts = [start for _, start in dates] + [start for _, start in quarters]
    years = {year for _, year in months}
    if not (claims or quarters):
        return None
    if any(_BOUND.search(folded[max(0, start - 12):start]) for start in starts):
        until = [c for c, start in dates if _UNTIL.search(folded[max(0, start - 14):start])
                 and not _DOCUMENT_BEFORE.search(folded[:start])]
        return FALSE if until and any(year not in years for _, _, year in until) else None
    agreed = []
    for said, _ in quarters:  # "… xong trong quý I/2022": every month of it the timing's, or none
        if said & months and not said <= months:
            return None
        agreed.append(said <= months)
    for day, month, year in claims:
        if month is None:
            if years != {year} and year in years:
                return None  # a year the timing only partly falls in
            agreed.append(years == {year})
        elif (month, year) in months:
            if day is not None:
                return None  # a day the plan does not give
            agreed.append(True)
        else:
            agreed.append(False)
    return TRUE if all(agreed) else FALSE


# a task said to run until a time ("kéo dài đến hết năm 2023", "làm tới năm 2023")
_UNTIL = re.compile(r"\b(?:den|toi)(?: het)?(?: nam)?\s*$|\bhet(?: nam)?\s*$")
# where an open timing starts ("từ năm 2022", "bắt đầu năm 2022", "từ 2022") and the year of a term
# ("năm thứ 3, nhiệm kỳ …", "năm thứ ba của nhiệm kỳ")
_STARTS = re.compile(r"\b(?:tu|bat dau(?: tu)?|ke tu)\s+(?:nam\s+)?(\d{4})\b")
# ("năm cuối nhiệm kỳ", "năm đầu nhiệm kỳ": the terms of Party congresses, the National Assembly and People's
# Councils are five years)
_TERM_YEAR = re.compile(r"\bnam (?:thu (\d|mot|nhat|hai|ba|tu|nam|sau)|(cuoi|dau)(?: cung| tien)?(?= (?:\w+ )?nhiem ky\b))")
_ORDINALS = {"mot": 1, "nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "dau": 1, "cuoi": 5}


def _term_year(folded: str) -> int | None:
    found = _TERM_YEAR.search(folded)
    if found is None:
        return None
    said = found.group(1) or found.group(2)
    return int(said) if said.isdigit() else _ORDINALS[said]


# the year of a term stated ("vào năm thứ hai của nhiệm kỳ", "năm thứ 3 nhiệm kỳ")
_TERM_YEAR_SAID = re.compile(rf"{_TERM_YEAR.pattern}(?: \w+){{0,2}}? nhiem ky\b")


def claims_a_term_year(text: str) -> bool:
    """The statement gives something a year of the term ("… vào năm thứ hai của nhiệm kỳ")."""
    return _TERM_YEAR_SAID.search(collapse(fold(text.lower()))) is not None


def open_timing_verdict(folded_statement: str, timings: Iterable[str]) -> str | None:
    """The verdict on a start year or a year of the term a statement gives a task whose timing is open
    ("từ năm 2022", "năm thứ 3, nhiệm kỳ …"): true when it is the timing's, false when it is another;
    None when the statement or the timings give neither."""
    given = [collapse(fold(t.lower())) for t in timings]
    starts = {int(m.group(1)) for t in given for m in _STARTS.finditer(t)}
    claimed = {int(m.group(1)) for m in _STARTS.finditer(folded_statement)}
    if starts and claimed:
        return TRUE if claimed <= starts else FALSE
    terms = {y for y in (_term_year(t) for t in given) if y is not None}
    said = _term_year(folded_statement)
    if terms and said is not None:
        return TRUE if said in terms else FALSE
    return None


# a rhythm said of a task ("hằng năm", "hàng tháng", "mỗi quý", "mỗi tuần"), by its period
_RHYTHMS = (("nam", r"hang nam|moi nam|nam nao cung"), ("quy", r"hang quy|moi quy"),
            ("thang", r"hang thang|moi thang|thang nao cung"), ("tuan", r"hang tuan|moi tuan"),
            ("ngay", r"hang ngay|moi ngay"))
# once a term ("năm thứ 3, nhiệm kỳ Đại hội Đảng"): no yearly rhythm
_ONCE_A_TERM = re.compile(r"\bnam thu \d\b.*\bnhiem ky\b")


def _rhythms(folded: str) -> set[str]:
    return {period for period, said in _RHYTHMS if re.search(rf"\b(?:{said})\b", folded)}


def rhythm_verdict(statement: str, timings: Iterable[str]) -> str | None:
    """The verdict on the rhythm a statement gives a task ("… lấy phiếu tín nhiệm hằng năm, đúng không?")
    against its timings: true when a timing says it, false when the timings give another rhythm or
    once a term; None when the statement gives none, or the timings set no rhythm to compare with."""
    claimed = _rhythms(collapse(fold(statement.lower())))
    if not claimed:
        return None
    folded = [collapse(fold(t.lower())) for t in timings]
    given = set().union(*(_rhythms(t) for t in folded)) if folded else set()
    if given:
        return TRUE if claimed <= given else FALSE
    return FALSE if any(_ONCE_A_TERM.search(t) for t in folded) else None


def rhythm_said(text: str) -> str | None:
    """The words with which a statement gives a rhythm ("mỗi tuần", "hàng tháng"), as typed when folding
    kept its length; None when it gives none."""
    folded = collapse(fold(text.lower()))
    for _, said in _RHYTHMS:
        m = re.search(rf"\b(?:{said})\b", folded)
        if m:
            typed = collapse(text.lower())
            return typed[m.start():m.end()] if len(typed) == len(folded) else m.group(0)
    return None


def rhythm_words(text: str) -> frozenset[str]:
    """The folded syllables of the rhythms a text says ("làm hằng năm hả?": "hang", "nam")."""
    folded = collapse(fold(text.lower()))
    return frozenset(w for _, said in _RHYTHMS for m in re.finditer(rf"\b(?:{said})\b", folded) for w in m.group(0).split())


def claims_a_rhythm(text: str) -> bool:
    """The statement gives something a rhythm ("hằng năm", "mỗi tháng")."""
    return bool(_rhythms(collapse(fold(text.lower()))))


def _dates_at(folded: str) -> list[tuple[tuple, int]]:
    """The dates of a folded text with where each starts: full dates first, then months and years
    not inside one already found."""
    out = []
    taken: list[tuple[int, int]] = []
    for m in _FULL_DATE.finditer(folded):
        g = [x for x in m.groups() if x is not None]
        out.append(((int(g[0]), int(g[1]), int(g[2])), m.start()))
        taken.append(m.span())
    for pattern, shape in ((_MONTH, lambda g: (None, int(g[0]), int(g[1]))), (_YEAR, lambda g: (None, None, int(g[0])))):
        for m in pattern.finditer(folded):
            if not any(a <= m.start() < b for a, b in taken):
                out.append((shape(m.groups()), m.start()))
                taken.append(m.span())
    return out


def claims_a_time(text: str) -> bool:
    """The statement gives something a date, month, quarter or year of its own (not a document's date)."""
    folded = collapse(fold(text.lower()))
    return any(not _DOCUMENT_BEFORE.search(folded[:start]) for _, start in _dates_at(folded)) \
        or bool(_quarters_at(folded))


def _quarters_at(folded: str) -> list[tuple[frozenset[tuple[int, int]], int]]:
    """The quarters a folded text states, as the (month, year) pairs each covers, with where each starts."""
    out = []
    for m in _QUARTER_SAID.finditer(folded):
        quarter = _QUARTER_DIGITS.get(m.group(1), m.group(1))
        out.append((frozenset((month, int(m.group(2))) for month in _QUARTERS[quarter]), m.start()))
    return out
