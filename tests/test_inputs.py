import pytest

from qa.inputs import InputError, echo, lenient_text, question_text


def test_bytes_are_decoded_as_utf8():
    assert question_text("ai ký kế hoạch?".encode()) == "ai ký kế hoạch?"
    assert question_text(bytearray(b"ai")) == "ai"


def test_undecodable_bytes_name_the_byte():
    with pytest.raises(InputError, match=r"không phải văn bản UTF-8 \(byte 0xff ở vị trí 4\)"):
        question_text(b"ai \xff ky")


def test_lone_surrogates_are_rejected_by_position():
    with pytest.raises(InputError, match=r"U\+DC80 ở vị trí 3"):
        question_text("ai\udc80")


def test_other_values_become_text():
    assert question_text(None) == "" and question_text(42) == "42"


def test_lenient_text_and_echo_never_fail():
    assert lenient_text(b"a\xffb") == "a\ufffdb" and lenient_text("a\ud800") == "a\ufffd"
    assert echo("một hai ba bốn", 8) == "một hai …"
    assert echo("ngắn", 8) == "ngắn"
    assert len(echo("x " * 600_000, 2000)) <= 2002
