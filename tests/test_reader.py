import codecs
import unicodedata

import pytest

from qa.reader import ParseError, read_text

PLAN_START = "KẾ HOẠCH\nThực hiện Kết luận của Bộ Chính trị về đẩy mạnh xây dựng Đảng\n"
# TCVN3 (ABC) bytes of the letters the sample needs; Python has no TCVN3 codec.
TCVN3 = {"ế": 0xD5, "ạ": 0xB9, "ự": 0xF9, "ệ": 0xD6, "ậ": 0xCB, "ủ": 0xF1, "ộ": 0xE9, "ị": 0xDE, "ề": 0xD2,
         "ẩ": 0xC8, "â": 0xA9, "ư": 0xAD, "đ": 0xAE, "Đ": 0xA7, "ả": 0xB6, "Ế": 0xD5, "Ạ": 0xB9, "ớ": 0xED}


def tcvn3(text: str) -> bytes:
    return bytes(TCVN3.get(ch, ord(ch)) for ch in text)


_VOWEL_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn: part of the letter in Windows-1258


def cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: letters precomposed, tones as combining marks after them."""
    out = b""
    for ch in text:
        base, *marks = unicodedata.normalize("NFD", ch)
        letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _VOWEL_MARKS))
        out += (letter + "".join(m for m in marks if m not in _VOWEL_MARKS)).encode("cp1258")
    return out


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("utf-16"),  # with its BOM
    lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
])
def test_unicode_files_are_read(tmp_path, encode):
    path = tmp_path / "van-ban.txt"
    path.write_bytes(encode(PLAN_START))
    assert read_text(path) == PLAN_START


@pytest.mark.parametrize("encode, name, advice", [
    (tcvn3, "TCVN3", "Unikey"),
    (cp1258, "Windows-1258", "UTF-8"),
])
def test_legacy_vietnamese_encodings_are_named_with_what_to_do(tmp_path, encode, name, advice):
    path = tmp_path / "cu.txt"
    path.write_bytes(encode(PLAN_START * 3))
    with pytest.raises(ParseError) as err:
        read_text(path)
    assert str(err.value).startswith("cu.txt: ") and name in str(err.value) and advice in str(err.value)


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "lon.txt"
    path.write_bytes(b"a" * 2_000)
    with pytest.raises(ParseError, match=r"lon.txt: tệp quá lớn \(0.0 MB, giới hạn 0.0 MB\)"):
        read_text(path, max_bytes=1_000)
    assert read_text(path, max_bytes=2_000) == "a" * 2_000
