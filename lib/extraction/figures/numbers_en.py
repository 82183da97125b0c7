"""English numerals read to exact values: digit groups, number words, ordinals, scale words.

Examples: ``2,400`` → 2400, ``81.2`` → 81.2, ``twenty-five`` → 25, ``two hundred`` → 200,
``third`` → 3 (ordinal), ``240 billion`` → 240 × 10⁹, ``$150bn`` → 150 × 10⁹.
"""

from __future__ import annotations

import re
from decimal import Decimal

from lib.extraction.figures.lexicon import lookup

UNIT_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
# Scale words after a number ("240 billion", "$1.5tn"); the one-letter ones only glued to money.
SCALE_WORDS = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "mn": 10**6, "mil": 10**6, "bn": 10**9, "tn": 10**12, "trn": 10**12,
}  # fmt: skip
GLUED_MONEY_SCALES = {"k": 10**3, "m": 10**6, "b": 10**9}
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")

NUMBER_WORD_PATTERN = "|".join(
    sorted([*UNIT_WORDS, *TENS_WORDS, *ORDINAL_WORDS], key=len, reverse=True)
)
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z]+")
_HUNDRED = re.compile(r"[ -]hundred(?![A-Za-z])", re.IGNORECASE)
_AND = re.compile(r" (?:and )?", re.IGNORECASE)
_SCALE = re.compile(
    r"[ \u00a0]?(thousand|million|billion|trillion|mn|mil|bn|trn|tn)(?![A-Za-z])", re.IGNORECASE
)
_GLUED_SCALE = re.compile(r"([kmb])(?![A-Za-z])", re.IGNORECASE)


def parse_digits(token: str) -> Decimal | None:
    """The value of a digit token (``2,400``, ``81.2``), or None when its commas are not groups."""
    if not _DIGITS.fullmatch(token):
        return None
    return Decimal(token.replace(",", ""))


def _word_at(text: str, pos: int) -> tuple[str, int] | None:
    match = _WORD.match(text, pos)
    return (match.group().lower(), match.end()) if match else None


def _below_hundred(text: str, pos: int) -> tuple[int, int, bool] | None:
    """0-99 in words at ``pos``: ``seven``, ``twenty-five``, ``twenty-first`` (ordinal)."""
    found = _word_at(text, pos)
    if found is None:
        return None
    word, end = found
    if word in UNIT_WORDS:
        return UNIT_WORDS[word], end, False
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word], end, True
    if word not in TENS_WORDS:
        return None
    value = TENS_WORDS[word]
    if text[end : end + 1] in ("-", " "):
        unit = _word_at(text, end + 1)
        if unit and 1 <= UNIT_WORDS.get(unit[0], 0) <= 9:
            return value + UNIT_WORDS[unit[0]], unit[1], False
        if unit and 1 <= ORDINAL_WORDS.get(unit[0], 0) <= 9:
            return value + ORDINAL_WORDS[unit[0]], unit[1], True
    return value, end, False


def read_number_words(text: str, pos: int) -> tuple[Decimal, int, bool] | None:
    """Number words at ``pos`` as (value, end, is_ordinal); ``two hundred and fifty`` → 250."""
    first = _below_hundred(text, pos)
    if first is None:
        return None
    value, end, ordinal = first
    if ordinal or not 1 <= value <= 9:
        return Decimal(value), end, ordinal
    hundred = _HUNDRED.match(text, end)
    if hundred is None:
        return Decimal(value), end, False
    value, end = value * 100, hundred.end()
    joint = _AND.match(text, end)
    rest = _below_hundred(text, joint.end()) if joint else None
    if rest and rest[0] > 0:
        return Decimal(value + rest[0]), rest[1], rest[2]
    return Decimal(value), end, False


def read_scale(text: str, pos: int, money: bool) -> tuple[int, int]:
    """The scale word at ``pos`` as (multiplier, end): ``billion``, ``bn``; ``m``/``b``/``k``
    only glued to a money figure (``$5m``). (1, pos) when there is none."""
    match = _SCALE.match(text, pos)
    if match:
        return lookup(SCALE_WORDS, match.group(1)), match.end()
    if money:
        glued = _GLUED_SCALE.match(text, pos)
        if glued:
            return lookup(GLUED_MONEY_SCALES, glued.group(1)), glued.end()
    return 1, pos


def ordinal_suffix_end(text: str, pos: int) -> int | None:
    """End of an ordinal suffix glued at ``pos`` (``15th`` → after ``th``), or None."""
    suffix = text[pos : pos + 2].lower()
    if suffix in ORDINAL_SUFFIXES and not text[pos + 2 : pos + 3].isalpha():
        return pos + 2
    return None


def word_trie() -> str:
    """The number and ordinal words as one regex, grouped by first letter (``t(?:hree|wo|…)``)
    so that the regex engine tries one branch per letter."""
    groups: dict[str, list[str]] = {}
    for word in sorted([*UNIT_WORDS, *TENS_WORDS, *ORDINAL_WORDS], key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items()) + ")"
