"""Turn a file's raw bytes into text: detect the encoding, refuse what is not text."""

from __future__ import annotations

import codecs
import re

from lib.cleaning.repair_log import Repair

MAX_CONTROL_CHAR_SHARE = 0.01
MIN_HANGUL_SHARE_FOR_CP949 = 0.5
# Counted with one regex pass each, not a Python step per character. Unicode's control characters
# (category Cc, fixed by its stability policy: U+0000-U+001F and U+007F-U+009F) except tab,
# newline, form feed and carriage return, which text files use.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
NON_ASCII = re.compile(r"[^\x00-\x7f]")
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")  # syllables and compatibility jamo


class UnreadableSourceError(ValueError):
    """A file that cannot be read as text; the message is one line saying why and what to do."""


def _control_char_share(text: str) -> float:
    return len(CONTROL_CHARS.findall(text)) / max(len(text), 1)


def _hangul_share(text: str) -> float:
    non_ascii = len(NON_ASCII.findall(text))
    if not non_ascii:
        return 0.0
    return len(HANGUL.findall(text)) / non_ascii


def detect_encoding(raw: bytes) -> str:
    """Name the encoding of ``raw``: utf-8-sig, utf-16, utf-8, cp949 or windows-1252.

    Raises UnreadableSourceError for empty, binary or undecodable bytes.
    """
    if not raw.strip():
        raise UnreadableSourceError("file is empty: give a file with the article text")
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in raw:
        raise UnreadableSourceError(
            "file is binary, not text (it contains NUL bytes): give a .txt, .md or .html article"
        )
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        if _hangul_share(raw.decode("cp949")) >= MIN_HANGUL_SHARE_FOR_CP949:
            return "cp949"
    except UnicodeDecodeError:
        pass
    try:
        raw.decode("windows-1252")
        return "windows-1252"
    except UnicodeDecodeError as err:
        raise UnreadableSourceError(
            f"encoding not recognised (byte 0x{raw[err.start]:02X} at offset {err.start} is not "
            "valid UTF-8, CP949/EUC-KR or Windows-1252): re-save the file as UTF-8"
        ) from None


def decode_bytes(raw: bytes) -> tuple[str, str, list[Repair]]:
    """Decode ``raw`` to text with LF line endings.

    Returns ``(text, encoding, repairs)``; the repairs log the line-ending normalisation.
    Raises UnreadableSourceError when the bytes are not text.
    """
    encoding = detect_encoding(raw)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as err:
        raise UnreadableSourceError(
            f"not valid {encoding} at byte {err.start}: re-save the file as UTF-8"
        ) from None
    if encoding == "utf-16":
        text = text.lstrip("\ufeff")
    if _control_char_share(text) > MAX_CONTROL_CHAR_SHARE:
        raise UnreadableSourceError(
            "file is binary, not text (too many control characters): "
            "give a .txt, .md or .html article"
        )
    if not text.strip():
        raise UnreadableSourceError(
            "file has no text (only whitespace): give a file with the article text"
        )
    repairs: list[Repair] = []
    if "\r" in text:
        count = len(re.findall(r"\r\n?", text))
        text = re.sub(r"\r\n?", "\n", text)
        repairs.append(
            Repair("decode", "line-endings", 1, 0, 0, f"{count} CR/CRLF line endings", "LF")
        )
    return text, encoding, repairs
