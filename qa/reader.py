"""A corpus file → its text, or a Vietnamese sentence naming the file and what to do.

UTF-8 (with or without BOM) and UTF-16 with a BOM are read. The two legacy
Vietnamese encodings, Windows-1258 and TCVN3 (ABC), are recognised and named
with the way to convert them; other bytes are reported, not guessed.

>>> read_text(Path("corpus/ke-hoach-03-KH-TW-2021.txt"))[:8]
'KẾ HOẠCH'
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

DEFAULT_MAX_BYTES = 5_000_000  # the plan is 40 kB; Config.max_file_bytes overrides

# Bytes that are Vietnamese letters in TCVN3 (ABC) but symbols in Windows-1258 /
# Latin-1 (¡¢…§¨©ª«¬®µ¶·¸¹…): Ă Â Ê Ô Ơ Ư Đ ă â ê ô ơ ư đ and the toned a-vowels.
_TCVN3_LETTERS = frozenset(range(0xA1, 0xAF)) | frozenset(range(0xB5, 0xC0))
# Windows-1258 writes tones as combining marks after the vowel: ̀ ̉ ̃ ́ ̣.
_CP1258_TONES = frozenset((0xCC, 0xD2, 0xDE, 0xEC, 0xF2))
_CP1258_LETTERS = frozenset((0xE3, 0xE2, 0xEA, 0xF4, 0xF5, 0xFD, 0xF0, 0xD0))  # ă â ê ô ơ ư đ Đ
_SNIFF_BYTES = 1 << 16


class ParseError(ValueError):
    """A document could not be read or holds no text; the message names the file."""


def read_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes; ``ParseError`` (naming the file) when it is too large or unreadable."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ParseError(
                f"{name}: tệp quá lớn ({size / 1e6:.1f} MB, giới hạn {max_bytes / 1e6:.1f} MB); "
                "hãy tách thành nhiều tệp nhỏ hoặc tăng giới hạn max_file_bytes"
            )
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)  # bounded even if the file grows while we read
    except OSError as exc:
        raise ParseError(f"{name}: không đọc được tệp ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise ParseError(f"{name}: tệp lớn hơn giới hạn {max_bytes / 1e6:.1f} MB")
    return data


def read_text(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The file's text; ``ParseError`` (in Vietnamese, naming the file) when it cannot be used."""
    return decode_text(read_bytes(path, max_bytes), Path(path).name)


def decode_text(data: bytes, name: str) -> str:
    """``decode``, refusing text that holds nothing but blanks."""
    text = decode(data, name)
    if not text.strip():
        raise ParseError(f"{name}: tệp trống")
    return text


def decode(data: bytes, name: str) -> str:
    """UTF-8 / UTF-16 by BOM; a ``ParseError`` naming a legacy encoding when one is recognised."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ParseError(f"{name}: tệp UTF-16 bị hỏng (byte {exc.start}); hãy lưu lại dưới dạng UTF-8") from None
    if not data.strip():
        raise ParseError(f"{name}: tệp trống")
    if b"\x00" in data[:4096]:
        raise ParseError(f"{name}: tệp nhị phân, không phải văn bản (.txt UTF-8)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        legacy = legacy_encoding(data)
        if legacy == "TCVN3":
            raise ParseError(
                f"{name}: tệp dùng bảng mã TCVN3 (ABC, phông .Vn…), không phải Unicode; hãy chuyển sang "
                "Unicode bằng Unikey (Công cụ chuyển mã: TCVN3 → Unicode) rồi lưu dạng UTF-8"
            ) from None
        if legacy == "Windows-1258":
            raise ParseError(
                f"{name}: tệp mã hóa Windows-1258, không phải UTF-8; hãy lưu lại dạng UTF-8 "
                f"(Notepad: Lưu thành → Mã hóa UTF-8, hoặc iconv -f CP1258 -t UTF-8 {name})"
            ) from None
        raise ParseError(f"{name}: tệp không phải văn bản UTF-8 hợp lệ (byte {exc.start}); hãy lưu lại dạng UTF-8") from None


def legacy_encoding(data: bytes) -> str | None:
    """'TCVN3', 'Windows-1258' or None, judged from how the high bytes sit among letters."""
    sample = data[:_SNIFF_BYTES]
    high = [b for b in sample if b >= 0x80]
    if len(high) < 3:
        return None
    tcvn = sum(b in _TCVN3_LETTERS for b in high) / len(high)
    cp1258 = sum(b in _CP1258_TONES or b in _CP1258_LETTERS for b in high) / len(high)
    if tcvn > 0.3 and tcvn > cp1258:
        return "TCVN3"
    if cp1258 > 0.3:
        text = unicodedata.normalize("NFC", sample.decode("cp1258", errors="replace"))
        if sum(ch in "ăâêôơưđĐ" or "\u1ea0" <= ch <= "\u1ef9" for ch in text) >= 3:
            return "Windows-1258"
    return None
