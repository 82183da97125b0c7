"""Whole-line page chrome rules, read from ``data/chrome_rules.toml``.

Each rule names one shape of chrome line (a copyright notice, a share button, a reporter byline)
in one language, with a full-line regular expression and the lines it was written for: the
``examples`` it must remove and the article ``keeps`` it must leave alone. Tests run every rule
on its own examples and keeps, so a rule cannot be added without both.

Rules are checked when loaded, so that matching stays linear in the length of the text:

* a pattern starts with ``^`` and ends with ``$`` (after an optional leading ``(?i)``) and is
  matched against the whole line, its spaces collapsed (``normal_line``);
* no repeat that can match more than once holds another such repeat (``(a+)+``, ``(?:x{1,9})*``):
  only ``?`` may hold a repeat, so no line can be split between two repeats in many ways;
* a line longer than ``MAX_CHROME_CHARS`` is never chrome and is not matched at all, so each
  match costs at most a bounded amount, whatever the pattern.

A rule that leaves free text in its pattern (``Sign up for .{1,60}``) may still meet a sentence:
it removes a line only when the line does not read as one (``reads_as_sentence``). A rule marked
``certain`` spells the whole line out, or is anchored on a chrome phrase that no sentence of an
article starts or ends with (``Copyright ©`` ... ``All rights reserved``), and skips that guard.
A rule marked ``beside_chrome`` names a line that is chrome only among other chrome (a footer
link such as "Privacy policy" could also head a section of an article): it removes the line only
when the nearest non-blank line before or after it is removed too.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

# re's own parser, to check a pattern's shape; it is the parser re.compile uses.
from re import _parser as regex_parser  # type: ignore[attr-defined]

from lib.cleaning.first_chars import Keys, first_key, first_keys
from lib.reference.paths import CHROME_RULES_FILE

MAX_CHROME_CHARS = 600
LEADING_FLAGS = "(?i)"
# Group syntax a rule may use: plain, lookaround, and case switched on or off inside a group.
OTHER_GROUP_SYNTAX = re.compile(r"(?<!\\)\(\?(?![:=!]|<[=!]|i:|-i:)")
REPEATS = {regex_parser.MAX_REPEAT, regex_parser.MIN_REPEAT, regex_parser.POSSESSIVE_REPEAT}


@dataclass(frozen=True)
class ChromeRule:
    """One whole-line chrome rule and the lines it was written for."""

    name: str
    language: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    keeps: tuple[str, ...]
    certain: bool = False
    beside_chrome: bool = False
    starts_list: bool = False

    @property
    def label(self) -> str:
        """``language/name``, for test ids and messages."""
        return f"{self.language}/{self.name}"


def normal_line(line: str) -> str:
    """``line`` with surrounding whitespace dropped and inner runs of it as one space."""
    return " ".join(line.split())


# A line reads as a sentence when it is long, ends like one, counts something ("40% in",
# "14 firms", "10,000 GPUs") or carries the small lowercase words of running text.
SENTENCE_MIN_CHARS = 80
SENTENCE_MIN_WORDS = 10
SENTENCE_END = re.compile(r"(?<!\.\.)[.!?。！？][\"'”’»)\]」』]?$")
NUMBER_WITH_NOUN = re.compile(r"\d(?:[\d,.]*\d)? ?(?:%|[^\W\d_]{2})")
LOWERCASE_WORD = re.compile(r"(?<!\S)[a-zà-ÿß]")
KOREAN_PREDICATE_END = re.compile(r"(?:다|요|죠|까)[.!?]?$")
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
CJK_SENTENCE_CHARS = 15


def reads_as_sentence(line: str) -> bool:
    """Whether ``line`` (spaces collapsed) has the shape of article prose rather than chrome."""
    words = line.split(" ")
    if len(line) >= SENTENCE_MIN_CHARS or len(words) >= SENTENCE_MIN_WORDS:
        return True
    cjk = len(CJK_CHAR.findall(line))
    if SENTENCE_END.search(line) and (len(words) >= 4 or cjk >= CJK_SENTENCE_CHARS):
        return True
    if len(words) >= 3 and KOREAN_PREDICATE_END.search(line):
        return True
    if len(words) >= 4 and NUMBER_WITH_NOUN.search(line):
        return True
    return len(words) >= 6 and len(LOWERCASE_WORD.findall(line)) >= 4


class UnsafePatternError(ValueError):
    """A rule's pattern is not anchored, or could take more than linear time."""


def _can_repeat(node: tuple) -> bool:
    op, value = node
    return op in REPEATS and value[1] > 1


def _check_nesting(items: object, inside_repeat: bool, name: str) -> None:
    """Raise when a repeat that can match more than once holds another such repeat."""
    for op, value in items:  # type: ignore[attr-defined]
        if op in REPEATS:
            repeats = value[1] > 1
            if repeats and inside_repeat:
                raise UnsafePatternError(f"{name}: a repeat inside a repeat")
            _check_nesting(value[2], inside_repeat or repeats, name)
        elif op is regex_parser.SUBPATTERN:
            _check_nesting(value[-1], inside_repeat, name)
        elif op in (regex_parser.ATOMIC_GROUP,):
            _check_nesting(value, inside_repeat, name)
        elif op in (regex_parser.ASSERT, regex_parser.ASSERT_NOT):
            _check_nesting(value[1], inside_repeat, name)
        elif op is regex_parser.BRANCH:
            for branch in value[1]:
                _check_nesting(branch, inside_repeat, name)
        elif op is regex_parser.GROUPREF_EXISTS:
            raise UnsafePatternError(f"{name}: conditional groups are not allowed")


def check_pattern(source: str, name: str = "pattern") -> re.Pattern[str]:
    """Compile ``source`` after checking it is anchored on both ends and has no nested repeat."""
    body = source.removeprefix(LEADING_FLAGS)
    if not (body.startswith("^") and body.endswith("$")) or body.endswith("\\$"):
        raise UnsafePatternError(f"{name}: a pattern is anchored: ^...$ (after an optional (?i))")
    if OTHER_GROUP_SYNTAX.search(body):
        raise UnsafePatternError(f"{name}: only (?:, (?=, (?!, (?<=, (?<!, (?i: and (?-i: groups")
    _check_nesting(regex_parser.parse(source), False, name)
    return re.compile(source)


def _rule(entry: dict, index: int) -> ChromeRule:
    name, language = entry.get("name"), entry.get("language")
    where = f"rule {index + 1} ({language}/{name})"
    if not isinstance(name, str) or not isinstance(language, str):
        raise ValueError(f"{where}: name and language are required")
    unknown = set(entry) - {
        "name",
        "language",
        "pattern",
        "examples",
        "keeps",
        "certain",
        "beside_chrome",
        "starts_list",
    }
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    return ChromeRule(
        name=name,
        language=language,
        pattern=check_pattern(entry["pattern"], where),
        examples=tuple(entry.get("examples", ())),
        keeps=tuple(entry.get("keeps", ())),
        certain=bool(entry.get("certain", False)),
        beside_chrome=bool(entry.get("beside_chrome", False)),
        starts_list=bool(entry.get("starts_list", False)),
    )


def load_chrome_rules(path: Path = CHROME_RULES_FILE) -> tuple[ChromeRule, ...]:
    """Every rule in ``path``, in file order (the first rule a line matches names it)."""
    with path.open("rb") as handle:
        entries = tomllib.load(handle).get("rule", [])
    return tuple(_rule(entry, index) for index, entry in enumerate(entries))


def _scoped(pattern: re.Pattern[str]) -> str:
    """The pattern's source as a group that keeps its own flags inside an alternation."""
    source = pattern.pattern
    if source.startswith(LEADING_FLAGS):
        return f"(?i:{source.removeprefix(LEADING_FLAGS)})"
    return f"(?:{source})"


@dataclass(frozen=True)
class ChromeMatcher:
    """The rules of one file, tried on a line only where they can match it.

    Most rules match short lines only, and most start with a word: per band of line length and
    per first character of a line (``first_key``), one combined pattern of just the rules that
    can match such a line tells whether any does, so a paragraph or a line starting with a digit
    is tried by the few rules that can take it, not by all of them.
    """

    rules: tuple[ChromeRule, ...]
    widths: tuple[int, ...]  # the longest line each rule can match
    bands: tuple[int, ...]  # upper bounds of the length bands, increasing
    starts: tuple[Keys, ...]  # per rule: the keys of the characters it can start with, None: any
    known: frozenset[str]  # every key some rule names; any other key tries the None rules only
    _tries: dict[tuple[int, str], tuple[re.Pattern[str], tuple[int, ...]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _combined: dict[tuple[int, ...], re.Pattern[str]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def _try(self, band: int, key: str) -> tuple[re.Pattern[str], tuple[int, ...]]:
        """The rules a line of ``band`` whose first character has ``key`` can match, and one
        pattern of them all (compiled once per distinct set of rules)."""
        found = self._tries.get((band, key))
        if found is None:
            lower = (0, *self.bands[:-1])[band]
            indices = tuple(
                index
                for index, (width, start) in enumerate(zip(self.widths, self.starts, strict=True))
                if width > lower and (start is None or key in start)
            )
            combined = self._combined.get(indices)
            if combined is None:
                sources = "|".join(_scoped(self.rules[index].pattern) for index in indices)
                combined = self._combined.setdefault(indices, re.compile(sources or "(?!)"))
            found = self._tries.setdefault((band, key), (combined, indices))
        return found

    def match(self, line: str) -> ChromeRule | None:
        """The first rule that removes ``line`` (spaces collapsed), or None.

        A line matched only by rules that are not ``certain`` is kept when it reads as a sentence.
        """
        if not line or len(line) > MAX_CHROME_CHARS:
            return None
        key = first_key(line[0])
        combined, indices = self._try(
            bisect_left(self.bands, len(line)), key if key in self.known else ""
        )
        if not combined.fullmatch(line):
            return None
        sentence: bool | None = None
        for index in indices:
            rule = self.rules[index]
            if self.widths[index] < len(line) or not rule.pattern.fullmatch(line):
                continue
            if rule.certain:
                return rule
            if sentence is None:
                sentence = reads_as_sentence(line)
            if not sentence:
                return rule
        return None


LENGTH_BANDS = (24, 48, 96, 192, MAX_CHROME_CHARS)


def _width(pattern: re.Pattern[str]) -> int:
    """The most characters ``pattern`` can match, capped at MAX_CHROME_CHARS."""
    return min(regex_parser.parse(pattern.pattern).getwidth()[1], MAX_CHROME_CHARS)


@cache
def chrome_matcher(path: Path = CHROME_RULES_FILE) -> ChromeMatcher:
    """The rules of ``path`` ready to match lines (read once per path)."""
    rules = load_chrome_rules(path)
    widths = tuple(_width(rule.pattern) for rule in rules)
    starts = tuple(first_keys(rule.pattern) for rule in rules)
    known = frozenset(key for keys in starts if keys is not None for key in keys)
    return ChromeMatcher(rules, widths, LENGTH_BANDS, starts, known)
