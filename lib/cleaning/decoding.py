"""Turn a file's raw bytes into text: detect the encoding, refuse what is not text."""

from __future__ import annotations

import codecs
import re
import unicodedata

from lib.cleaning.repair_log import Repair

MAX_CONTROL_CHAR_SHARE = 0.01
MIN_HANGUL_SHARE_FOR_CP949 = 0.5


class UnreadableSourceError(ValueError):
    """A file that cannot be read as text; the message is one line saying why and what to do."""


def _control_char_share(text: str) -> float:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    return controls / max(len(text), 1)


def _hangul_share(text: str) -> float:
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return 0.0
    hangul = sum(1 for ch in non_ascii if "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e")
    return hangul / len(non_ascii)


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
