"""The characters a regular expression's match can start with, read from re's own parse tree.

A line that starts with none of a pattern's first characters cannot match it, so a matcher of
many anchored rules can try only the rules a line's first character allows, instead of every
rule on every line. Characters are compared by ``first_key``: letters folded to lower case,
decimal digits as one key and Hangul syllables as another, so that a rule's ``\\d`` or
``[가-힣]`` is one key, not thousands.

The set is a superset, never a subset: anything not understood (``.``, ``\\w``, a negated set,
a back-reference) gives ``None``, "any character", and lookarounds are passed over. A rule
given ``None`` is tried on every line, as before.
"""

from __future__ import annotations

import re
from re import _casefix as regex_casefix  # type: ignore[attr-defined]
from re import _constants as regex_constants  # type: ignore[attr-defined]
from re import _parser as regex_parser  # type: ignore[attr-defined]

DIGIT_KEY = "#digit"
HANGUL_KEY = "#hangul"
HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
MAX_RANGE = 512  # a wider range of characters (other than Hangul or digits) counts as any

REPEATS = {regex_parser.MAX_REPEAT, regex_parser.MIN_REPEAT, regex_parser.POSSESSIVE_REPEAT}
ZERO_WIDTH = {regex_parser.AT, regex_parser.ASSERT, regex_parser.ASSERT_NOT}

Keys = frozenset[str] | None  # None: any character


def first_key(char: str) -> str:
    """The key of a line's first character: digits and Hangul syllables each share one."""
    if char.isdecimal():
        return DIGIT_KEY
    if HANGUL_FIRST <= ord(char) <= HANGUL_LAST:
        return HANGUL_KEY
    return char.lower()[:1]  # "İ" lowers to "i" and a combining dot; re takes it for "i"


def _literal_keys(code: int, ignore_case: bool) -> set[str]:
    char = chr(code)
    keys = {first_key(char)}
    if ignore_case:  # every character re's IGNORECASE takes for this one
        for variant in (char.lower(), char.upper(), char.casefold()):
            keys.update(first_key(c) for c in variant[:1])
        for other in regex_casefix._EXTRA_CASES.get(ord(char.lower()[:1]), ()):
            keys.add(first_key(chr(other)))
    return keys


def _set_keys(items: list, ignore_case: bool) -> set[str] | None:
    keys: set[str] = set()
    for op, value in items:
        if op is regex_constants.LITERAL:
            keys |= _literal_keys(value, ignore_case)
        elif op is regex_constants.RANGE:
            low, high = value
            if low >= HANGUL_FIRST and high <= HANGUL_LAST:
                keys.add(HANGUL_KEY)
            elif high - low > MAX_RANGE:
                return None
            else:
                for code in range(low, high + 1):
                    keys |= _literal_keys(code, ignore_case)
        elif op is regex_constants.CATEGORY and value is regex_constants.CATEGORY_DIGIT:
            keys.add(DIGIT_KEY)
        else:  # a negated set, \w, \s, \S...
            return None
    return keys


def _sequence(items: list, ignore_case: bool) -> tuple[set[str] | None, bool]:
    """First keys of a sequence of items, and whether it can match the empty string."""
    keys: set[str] = set()
    for item in items:
        first, nullable = _item(item, ignore_case)
        if first is None:
            return None, False
        keys |= first
        if not nullable:
            return keys, False
    return keys, True


def _item(item: tuple, ignore_case: bool) -> tuple[set[str] | None, bool]:
    op, value = item
    if op is regex_constants.LITERAL:
        return _literal_keys(value, ignore_case), False
    if op is regex_constants.IN:
        return _set_keys(value, ignore_case), False
    if op in ZERO_WIDTH:
        return set(), True
    if op is regex_constants.BRANCH:
        keys: set[str] = set()
        nullable = False
        for branch in value[1]:
            first, empty = _sequence(branch, ignore_case)
            if first is None:
                return None, False
            keys |= first
            nullable = nullable or empty
        return keys, nullable
    if op is regex_constants.SUBPATTERN:
        _group, add_flags, del_flags, body = value
        scoped = (ignore_case or bool(add_flags & re.IGNORECASE)) and not (
            del_flags & re.IGNORECASE
        )
        return _sequence(body, scoped)
    if op in REPEATS:
        minimum, _maximum, body = value
        first, empty = _sequence(body, ignore_case)
        return first, empty or minimum == 0
    if op is regex_constants.ATOMIC_GROUP:
        return _sequence(value, ignore_case)
    return None, False  # ANY, NOT_LITERAL, a back-reference...


def first_keys(pattern: re.Pattern[str]) -> Keys:
    """The ``first_key`` of every character a match of ``pattern`` can start with, or None when
    that cannot be told (or the pattern can match an empty string)."""
    tree = regex_parser.parse(pattern.pattern, pattern.flags)
    keys, nullable = _sequence(list(tree), bool(tree.state.flags & re.IGNORECASE))
    if keys is None or nullable:
        return None
    return frozenset(keys)
