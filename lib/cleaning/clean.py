"""The cleaning pipeline: raw bytes -> decoded -> mojibake repaired -> boilerplate stripped."""

from __future__ import annotations

from dataclasses import dataclass, field

from lib.cleaning.boilerplate import strip_boilerplate
from lib.cleaning.decoding import decode_bytes
from lib.cleaning.mojibake import repair_mojibake
from lib.cleaning.repair_log import Repair


@dataclass
class CleanedText:
    """A source's cleaned text, the encoding it was read with, and every repair made."""

    text: str
    encoding: str
    repairs: list[Repair] = field(default_factory=list)


MAX_PASSES = 4


def clean_text(text: str) -> tuple[str, list[Repair]]:
    """Repair mojibake and strip boilerplate from decoded ``text``.

    The steps repeat until nothing changes (a removal can expose more chrome), so cleaning
    cleaned text changes nothing.
    """
    repairs: list[Repair] = []
    clean_lines: set[str] = set()
    for _ in range(MAX_PASSES):
        text, mojibake_repairs = repair_mojibake(text, clean_lines)
        text, boilerplate_repairs = strip_boilerplate(text)
        if not mojibake_repairs and not boilerplate_repairs:
            break
        repairs += mojibake_repairs + boilerplate_repairs
    return text, repairs


def clean_bytes(raw: bytes) -> CleanedText:
    """Decode ``raw`` and clean it. Raises UnreadableSourceError when it is not text."""
    text, encoding, decode_repairs = decode_bytes(raw)
    text, repairs = clean_text(text)
    return CleanedText(text, encoding, decode_repairs + repairs)
