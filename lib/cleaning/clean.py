"""The cleaning pipeline: raw bytes -> decoded -> mojibake repaired -> boilerplate stripped."""

from __future__ import annotations

from dataclasses import dataclass, field

from lib.cleaning.boilerplate import strip_boilerplate
from lib.cleaning.decoding import decode
from lib.cleaning.mojibake import repair_mojibake
from lib.cleaning.repair_log import Repair


@dataclass
class CleanedText:
    """A source's cleaned text, the encoding it was read with, every repair made, and how the
    encoding was decided (``"utf-8"``, ``"bom"``, ``"meta charset=euc-kr"``, ...)."""

    text: str
    encoding: str
    repairs: list[Repair] = field(default_factory=list)
    decided_by: str = ""


MAX_PASSES = 4


def clean_text(text: str, *, boilerplate: bool = True) -> tuple[str, list[Repair]]:
    """Repair mojibake and strip boilerplate from decoded ``text``.

    The steps repeat until nothing changes (a removal can expose more chrome), so cleaning
    cleaned text changes nothing. ``boilerplate=False`` only repairs mojibake: HTML markup is
    repaired so, its line rules run later on the text extracted from it.
    """
    repairs: list[Repair] = []
    clean_lines: set[str] = set()
    for _ in range(MAX_PASSES):
        text, mojibake_repairs = repair_mojibake(text, clean_lines)
        text, boilerplate_repairs = strip_boilerplate(text) if boilerplate else (text, [])
        if not mojibake_repairs and not boilerplate_repairs:
            break
        repairs += mojibake_repairs + boilerplate_repairs
    return text, repairs


def clean_bytes(raw: bytes, *, boilerplate: bool = True) -> CleanedText:
    """Decode ``raw`` and clean it (``boilerplate`` as for ``clean_text``). Raises
    UnreadableSourceError when it is not text."""
    decoded = decode(raw)
    text, repairs = clean_text(decoded.text, boilerplate=boilerplate)
    return CleanedText(text, decoded.encoding, decoded.repairs + repairs, decoded.decided_by)
