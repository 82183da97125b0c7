"""Korean numerals read to exact values: 만/억/조 composites with digits or Hangul numerals, and
native numerals before a counter.

Examples: ``2,400억`` → 240 × 10⁹, ``1조 2천억`` → 1.2 × 10¹², ``1억8천만`` → 1.8 × 10⁸,
``1만`` → 10 000, ``이천억`` → 200 × 10⁹, ``세`` (in ``세 곳``) → 3.
"""

from __future__ import annotations

import re
from decimal import Decimal

BIG_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}
SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
HANGUL_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
# Native numerals, used before counters (세 곳, 두 명, 다섯 개, 첫 번째).
NATIVE_NUMERALS = {
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
    "열": 10, "열한": 11, "열두": 12, "열세": 13, "열네": 14, "열다섯": 15, "열여섯": 16,
    "열일곱": 17, "열여덟": 18, "열아홉": 19, "스무": 20, "스물": 20, "첫": 1,
}  # fmt: skip
SPACED_UNITS = ("억", "조")  # may follow digits after a space; 만 may not (3 만에)
NUMERAL_CHARS = "".join([*HANGUL_DIGITS, *SMALL_UNITS, *BIG_UNITS])
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# After a big unit and one space, a number goes on only when the next group has a unit of its own:
# "1조 2천억", "3억 5,000만", but not "100조 원" or "1만 2024".
_NEXT_GROUP = re.compile(r" (?=(?:\d[\d,]*(?:\.\d+)?|[일이삼사오육칠팔구])?[십백천만억조경])")


def read_korean_number(text: str, pos: int) -> tuple[Decimal, int, bool] | None:
    """The Korean number at ``pos`` as (value, end, has_unit), or None.

    ``has_unit`` is True when a 십/백/천/만/억/조 was read; a plain digit token gives False.
    Big units must fall (조 then 억 then 만); a Hangul digit counts only before a unit.
    """
    total = Decimal(0)
    group = Decimal(0)
    current: Decimal | None = None
    last_big = 10**20
    index, end, has_unit, limit = pos, pos, False, len(text)
    saved: tuple[Decimal, int] | None = None  # state before a space, until the next unit
    while index < limit:
        char = text[index]
        if char.isdigit():
            match = _DIGITS.match(text, index)
            if current is not None or match is None:
                break
            current, index = Decimal(match.group().replace(",", "")), match.end()
            end = index
            if text[index : index + 1] == " " and text[index + 1 : index + 2] in SPACED_UNITS:
                index += 1  # 2,400 억 원: a space before 억 or 조
        elif char in HANGUL_DIGITS:
            following = text[index + 1 : index + 2]
            if current is not None or not following or following not in NUMERAL_CHARS:
                break
            current, index = Decimal(HANGUL_DIGITS[char]), index + 1
        elif char in SMALL_UNITS:
            group += (current if current is not None else 1) * SMALL_UNITS[char]
            current, index, end, has_unit, saved = None, index + 1, index + 1, True, None
        elif char in BIG_UNITS and BIG_UNITS[char] < last_big:
            section = group + (current or 0)
            total += (section or 1) * BIG_UNITS[char]
            last_big, group, current = BIG_UNITS[char], Decimal(0), None
            index, end, has_unit, saved = index + 1, index + 1, True, None
            if _NEXT_GROUP.match(text, index):
                saved, index = (total, end), index + 1
        else:
            break
    if saved is not None:
        return saved[0], saved[1], True
    if end == pos:
        return None
    if current is not None and index == end:
        group += current
    return total + group, end, has_unit
