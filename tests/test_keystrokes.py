"""Raw Telex and VNI keys read as the syllables they spell; plain words and English stay."""

import pytest

from qa.keystrokes import decoded
from qa.question import analyze
from qa.scope import terms


@pytest.mark.parametrize("typed, read", [
    # Telex: doubled vowels, dd, w (before or after the vowels), the tone key last or before the coda
    ("thowif hanj laays phieeus tins nhieemj", "thời hạn lấy phiếu tín nhiệm"),
    ("nguwowif ddungws ddaauf caasp uyr", "người đứng đầu cấp ủy"),
    ("nguoiwf ddungws ddaauf", "người đứng đầu"),
    ("cans booj lanhx ddaoj khoong phair nguowif ddiaj phuwowng",
     "cán bộ lãnh đạo không phải người địa phương"),
    ("KH 03 coa hieeuj luwcj tuwf khi naof?", "KH 03 coa hiệu lực từ khi nào?"),
    ("ke hoach 03 ddc ban hanhf", "ke hoach 03 đc ban hành"),  # "đc" typed in Telex
    ("Ddangr uyr phair lamf gif", "Đảng ủy phải làm gì"),
    # one long keyed word among plain ones
    ("tham nhungx thi sao", "tham nhũng thi sao"),
    # VNI: the digit after the letter it marks, or after the syllable
    ("ca1c co7 quan tu7 pha1p pha3i la2m gi2", "các cơ quan tư pháp phải làm gì"),
    ("d9ang3 vie6n", "đảng viên"),
    ("nguoi72 d9u71ng d9a62u", "người đứng đầu"),
])
def test_raw_keys_are_read_as_the_syllables_they_spell(typed, read):
    assert decoded(typed) == read


@pytest.mark.parametrize("typed", [
    "how is the plan as of 2022",           # "how", "is", "as", "of" spell "hơ", "í", "á", "ò"
    "Plan này có apply cho civil servants không?",
    "Deadline để update lại legal documents về personnel management là từ bao giờ?",
    "hoi nghi nam 2021 cua BCT, xoong chua",  # "xoong" is a word as typed
    "TW và BCT, KH03, q1/2022, 21-KL/TW",     # capitals are abbreviations; "0" is no VNI key
    "cb, dv phai lam j",
    "things and thanks",
    "tham nhung thi sao",
    "Does it mention people's trust?",       # "trust" spells "trút"; "does" and "mention" are English
])
def test_plain_words_english_and_abbreviations_stay(typed):
    assert decoded(typed) == typed


def test_a_keyed_question_is_analysed_as_read_and_its_plain_words_get_their_accents_restored():
    q = analyze("thowif hanj laays phieeus tins nhieemj theo ke hoach")
    assert q.text == "thời hạn lấy phiếu tín nhiệm theo ke hoach"
    assert q.kind == "when"
    # the accents are the keys' reading, not typed: the accent-free words are restored like any others
    assert q.accented is False
    assert analyze("thời hạn lấy phiếu tín nhiệm theo kế hoạch").accented is True


def test_the_scope_model_reads_the_keys_as_syllables():
    assert terms("laays phieeus") == terms("lấy phiếu") == ["lay", "phieu", "lay phieu"]


def test_a_question_typed_in_raw_keys_is_answered_as_if_typed_with_accents(assistant):
    for keyed, typed in (("ca1c co7 quan tu7 pha1p pha3i la2m gi2 theo ke hoach 03",
                          "các cơ quan tư pháp phải làm gì theo kế hoạch 03"),
                         ("hooij nghij toanf quoocs quans trieetj keets luaanj vaof thangs maays?",
                          "hội nghị toàn quốc quán triệt kết luận vào tháng mấy?")):
        reply, plain = assistant.ask(keyed), assistant.ask(typed)
        assert (reply.confidence, reply.citations[0].ref, reply.answer) == \
            (plain.confidence, plain.citations[0].ref, plain.answer), keyed
        assert reply.confidence == "high"
