"""Rule tables are written as data: a list of words or phrases is one string to split."""

from __future__ import annotations

from collections.abc import Mapping
from re import _casefix as regex_casefix  # type: ignore[attr-defined]
from typing import TypeVar

V = TypeVar("V")


def words(text: str) -> list[str]:
    """The words of ``text`` split at spaces: ``words("이 가 은")`` → ["이", "가", "은"]."""
    return text.split()


# Characters re's IGNORECASE takes for others beyond lower case ("ſ" for "s", "ı" for "i"):
# each is mapped to the smallest of its class, so that two words a pattern matches alike fold
# to one string.
_RE_FOLD = {
    code: min(code, *others)
    for code, others in regex_casefix._EXTRA_CASES.items()
    if min(code, *others) != code
}


def fold(word: str) -> str:
    """``word`` lower-cased as re's IGNORECASE compares characters: one character for one
    ("İ" is "i", not "i" and a combining dot), look-alikes as the letter they stand for."""
    return "".join(char.lower()[:1] for char in word).translate(_RE_FOLD)


def lookup(table: Mapping[str, V], word: str) -> V:
    """The entry of ``table`` (keyed by lower-case words) for ``word``, which a case-insensitive
    pattern matched: ``word.lower()`` for the usual text, else the key that folds alike
    ("ſome" is "some" to the pattern; a plain lower-case lookup would raise KeyError)."""
    value = table.get(word.lower())
    if value is not None:
        return value
    folded = fold(word)
    return next(entry for key, entry in table.items() if fold(key) == folded)  # raises if none
