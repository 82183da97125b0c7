"""Find every figure stated in an article's prose, in English and Korean.

One pass of a single regex finds where numbers start (digits, English number words, Korean
numerals); each is then read with bounded look-ups around it (its scale, unit, qualifier,
label or rank context), so the whole scan is linear in the length of the text. Numbers that
are not figures (years, dates, model names, phone numbers, URLs, list numbering, slogans, table
cells) are dropped; a money figure restating the one before it in another currency is linked
to it by ``conversion_of``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from lib.extraction.figures import context, units
from lib.extraction.figures.masks import LINK_MARKERS, MASK_PATTERN, Blocked, link_span
from lib.extraction.figures.nouns import noun_after_en, noun_after_in, noun_after_native, noun_ko
from lib.extraction.figures.numbers_en import (
    ordinal_suffix_end,
    parse_digits,
    read_number_words,
    read_scale,
    word_trie,
)
from lib.extraction.figures.numbers_ko import (
    BIG_UNITS,
    HANGUL_DIGITS,
    NATIVE_NUMERALS,
    SMALL_UNITS,
    SPACED_UNITS,
    read_korean_number,
)
from lib.extraction.figures.record import APPROX, COUNT, EXACT, RANK, Figure
from lib.extraction.figures.sentences import sentence_spans
from lib.extraction.figures.units import UnitMatch, currency_before, is_hangul, split_ending

# Counters a native numeral may take after a space (세 곳, 두 명, 첫 번째; glued only 첫째,
# 두번째: 한편 is not "one 편"); each is a unit rule in ``units``.
NATIVE_COUNTERS = (
    "개국|개사|개|명|곳|장|가지|차례|번째|번|째|건|대|팀|종|척|편|마리|군데|사람|달|해|시간|주일|배"
)
# Gaps between two money figures that make the second a restatement of the first.
CONVERSION_GAPS = {
    "(", "[", "(or", ", or", "or", "—", "–", "-", "/", ", equivalent to", "equivalent to",
    "(equivalent to", "(한화", "(미화", "(원화", "(us", "(or roughly", ", or roughly",
}  # fmt: skip
MAX_DIGITS = 24  # a longer run of digits is a serial number or an identifier, not a figure
SLOGAN_MAX = 10  # "3대 강국", "5대 과제": N대 before a noun is a slogan up to this N
YEARS = (1800, 2199)
# A day (일) is a date unless one of these follows: then it is a duration (3일간, 3일 만에).
DAY_DURATION = re.compile(r"(?:간| ?동안| ?만에| ?이내|째)")
_NATIVE = "|".join(sorted([*NATIVE_NUMERALS, "둘", "셋", "넷"], key=len, reverse=True))
_SINO = "".join([*HANGUL_DIGITS, *SMALL_UNITS, *BIG_UNITS])
_WORD_OPENERS = " \n\t\"'“‘(/—\\-"
# One scan over the lower-cased text finds every place a number may start. Every branch opens
# with a fixed character and the scan opens with their union, so the regex engine skips the
# rest quickly. Number words must follow a space or an opening mark (the text is scanned with a
# space before it); masks (phone numbers, dotted dates) come before digits so they win. Text
# without Hangul is scanned without the Korean branches.
_NATIVE_FIRST = "".join(sorted({word[0] for word in _NATIVE.split("|")}))
_LATIN_BRANCHES = (
    rf"(?P<mask>{MASK_PATTERN})"
    r"|(?P<digits>[0-9]+(?:[.,][0-9]+)*)"
    rf"|[{_WORD_OPENERS}](?P<words>{word_trie()})(?![a-z])"
    rf"|(?P<link>{LINK_MARKERS})"
)
_KOREAN_BRANCHES = (
    rf"|(?P<sino>[{_SINO}]+)"
    rf"|(?P<native>{_NATIVE})(?= (?:{NATIVE_COUNTERS})|(?:번째|째)| [\uac00-\ud7a3])"
)
_SCAN = re.compile(rf"(?=[0-9+(:@{_WORD_OPENERS}])(?:{_LATIN_BRANCHES})")
_SCAN_KOREAN = re.compile(
    rf"(?=[0-9+(:@{_WORD_OPENERS}{_SINO}{_NATIVE_FIRST}])(?:{_LATIN_BRANCHES}{_KOREAN_BRANCHES})"
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT_RUN = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_ALNUM_RUN = re.compile(r"[A-Za-z0-9]*")
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]*")
_KOREAN_UNIT_CHARS = frozenset([*SMALL_UNITS, *BIG_UNITS])
_EXTRA_NATIVE = {"둘": 2, "셋": 3, "넷": 4}
# Native numerals that count the noun after them with no counter (두 기관, 다섯 나라); not 한
# ("한 관계자는": an official), 첫 (first) or 열 (also a noun).
NATIVE_BEFORE_NOUN = {"두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass
class _Draft:
    """A figure while it is being read; becomes a ``Figure`` once its sentence is known."""

    value: Decimal
    unit: str
    start: int
    end: int
    lead: int  # where the qualifier starts (or ``start``)
    qualifier: str
    noun: str | None
    per: str | None = None
    conversion_of: int | None = None


def extract_figures(
    text: str, exclude: Iterable[tuple[int, int]] = (), *, prose: bool = True
) -> list[Figure]:
    """Every figure stated in ``text``, in reading order.

    ``exclude`` holds spans (e.g. tables) whose numbers are not prose figures. In ``prose`` a
    line with no letter states no figure (a page number, a counter); ``prose=False`` reads a
    table cell, where "13%" alone is the value.
    """
    return _Scanner(text, exclude, prose=prose).run()


def as_number(value: Decimal) -> int | float:
    """``value`` as an int when it is whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


class _LetteredLines:
    """Whether the line holding a position has a letter of any script.

    A line with none ("12", "40%", "2023 · 2024": a page number, a counter, a table scraped one
    cell per line) states no figure, since no word says what its numbers count. Positions are
    asked in increasing order, so each line is read once (its bounds and its first letter)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.end = -1  # the line break ending the current line (or the text's length)
        self._lettered = False

    def lettered(self, pos: int) -> bool:
        """Whether the line holding ``pos`` (at or after the last position asked) has a letter.

        After a line with none, ``end`` is the end of the whole run of such lines."""
        if pos > self.end:
            text = self.text
            start = text.rfind("\n", 0, pos) + 1
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            letter = _LETTER.search(text, start)
            self._lettered = letter is not None and letter.start() < end
            if self._lettered:
                self.end = end
            else:  # up to the line break before the next letter's line
                self.end = len(text) if letter is None else text.rfind("\n", 0, letter.start())
        return self._lettered


class _Scanner:
    """One pass over a text: candidates in order, each read into a draft or dropped."""

    def __init__(self, text: str, exclude: Iterable[tuple[int, int]], *, prose: bool) -> None:
        self.text = text
        self.prose = prose
        self.blocked = Blocked(exclude)
        self.drafts: list[_Draft] = []

    def run(self) -> list[Figure]:
        text = self.text
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters lower-case to two; keep offsets
            lowered = text.translate(_ASCII_LOWER)
        done = 0
        lines = _LetteredLines(text)
        scan = _SCAN_KOREAN if _HANGUL.search(text) else _SCAN
        for match in scan.finditer(" " + lowered):
            kind = match.lastgroup
            start, end = match.start(kind) - 1, match.end() - 1
            if start < done:
                continue
            if kind == "mask":
                done = end
                continue
            if kind == "link":
                link_start, done = link_span(text, start)
                while self.drafts and self.drafts[-1].start >= link_start:
                    self.drafts.pop()
                continue
            if kind == "digits" and self.prose and not lines.lettered(start):
                done = lines.end  # no word on the line says what its numbers count
                continue
            blocked_end = self.blocked.end_at(start)
            if blocked_end is not None:
                done = blocked_end
                continue
            draft, consumed = getattr(self, "_" + kind)(start, end, text[start:end])
            done = max(consumed, end)
            if draft is not None:
                self.drafts.append(draft)
        return self._finish()

    # ------------------------------------------------------------------ candidates

    def _digits(self, start: int, end: int, token: str) -> tuple[_Draft | None, int]:
        text = self.text
        compound_end = end
        while text[compound_end : compound_end + 1] in ("-", "/", ":", "~", "–") and (
            "0" <= text[compound_end + 1 : compound_end + 2] <= "9"
        ):
            compound_end = _DIGIT_RUN.match(text, compound_end + 1).end()
        if compound_end > end:  # 2020-2024, 02-1234-5678, 10:30, 1/3, 10~15
            return None, compound_end
        value = parse_digits(token) if token.count(".") <= 1 and len(token) <= MAX_DIGITS else None
        if value is None:  # 3.5.1, 2025.07.23, 1,2, a serial number
            return None, end
        previous = text[start - 1 : start]
        currency = currency_before(text, start)
        if previous.isascii() and previous.isalpha() and not (currency and previous == "W"):
            return None, _ALNUM_RUN.match(text, end).end()  # R1, H100, FY2024
        if (
            previous in ("-", "‐", "–")
            and text[start - 2 : start - 1].isascii()
            and (text[start - 2 : start - 1].isalnum())
        ):
            return None, _ALNUM_RUN.match(text, end).end()  # GPT-4, COVID-19
        if previous in ("#", "№", "제"):
            return None, end
        if previous in ("'", "’") and len(token) == 2 and not text[end : end + 1].isalnum():
            return None, end  # '24
        korean = text[end : end + 1] in _KOREAN_UNIT_CHARS or (
            text[end : end + 1] == " " and text[end + 1 : end + 2] in SPACED_UNITS
        )
        if korean:
            read = read_korean_number(text, start)
            if read is not None:
                value, end = read[0], read[1]
        else:
            ordinal_end = ordinal_suffix_end(text, end)
            if ordinal_end is not None:
                return self._ordinal(value, start, ordinal_end), ordinal_end
        return self._figure(value, start, end, currency, "digits", korean)

    def _words(self, start: int, end: int, token: str) -> tuple[_Draft | None, int]:
        text = self.text
        read = read_number_words(text, start)
        if read is None:
            return None, end
        value, end, ordinal = read
        if text[start - 1 : start] == "-" and text[start - 2 : start - 1].isalpha():
            return None, end
        if ordinal:
            return self._ordinal(value, start, end), end
        if context.is_fraction_after(text, end):
            return None, end
        return self._figure(value, start, end, None, "words", False)

    def _sino(self, start: int, end: int, token: str) -> tuple[_Draft | None, int]:
        if start and is_hangul(self.text[start - 1]):
            return None, end  # inside a word: 조사, 이번, 만약
        if not any(char in _KOREAN_UNIT_CHARS for char in token[:2]):
            return None, end
        read = read_korean_number(self.text, start)
        if read is None or not read[2] or (read[1] == start + 1 and token[0] in "억조경"):
            return None, end
        return self._figure(read[0], start, read[1], None, "sino", True)

    def _native(self, start: int, end: int, token: str) -> tuple[_Draft | None, int]:
        text = self.text
        if start and is_hangul(text[start - 1]):
            return None, end
        value = Decimal(NATIVE_NUMERALS.get(token) or _EXTRA_NATIVE[token])
        counter = units.unit_after(text, end)
        if counter is not None:
            if token == "첫" and counter.rule.kind != units.RANK_IF:
                return None, end  # 첫 회의: the first meeting
            return self._figure(value, start, end, None, "native", True)
        if token not in NATIVE_BEFORE_NOUN:
            return None, end
        noun = noun_after_native(text, end)  # 두 기관, 세 나라: the numeral counts the noun
        if noun is None:
            return None, end
        draft = self._draft(value, COUNT, start, end, None, (), korean=True)
        draft.noun = noun
        return draft, end

    # ------------------------------------------------------------------ reading a figure

    def _ordinal(self, value: Decimal, start: int, end: int) -> _Draft | None:
        """An English ordinal (``15th``, ``third``) is a figure only when it is a rank."""
        text = self.text
        if context.is_not_rank_after(text, end):
            return None
        rank_end = context.rank_word_after(text, end)
        if rank_end is None and not context.is_rank_context(text, start, end, int(value)):
            list_end = context.ordinal_list_end(text, end)  # first, second and third places
            if list_end is None or context.rank_word_after(text, list_end) is None:
                return None
        mention_end = rank_end or end
        return self._draft(value, RANK, start, mention_end, None, (), korean=False)

    def _figure(
        self,
        value: Decimal,
        start: int,
        end: int,
        currency: tuple[str, int] | None,
        source: str,
        korean: bool,
    ) -> tuple[_Draft | None, int]:
        """Read scale, unit and context after a number spanning ``start``-``end``."""
        text = self.text
        multiplier, pos = 1, end
        if not korean:
            multiplier, pos = read_scale(text, end, money=currency is not None)
        value = value * multiplier
        fraction_end = context.is_fraction_ko(text, pos)
        if fraction_end is not None:  # 10분의 1
            return None, fraction_end
        found = units.unit_after(text, pos)
        if found is None:
            return self._unitless(value, start, pos, currency, source, korean, multiplier > 1)
        rule = found.rule
        consumed = max(found.word_end, pos)
        if source == "sino" and rule.surface not in units.SINO_UNITS:
            return None, consumed
        if rule.surface == "대":
            ratio_end = context.ratio_end_ko(text, pos)
            if ratio_end is not None:  # 3대 1의 경쟁률
                return None, ratio_end
        korean = korean or is_hangul(rule.surface[-1])
        if currency is not None:
            if rule.kind != units.MONEY:  # "$5 billion in 3 years": the unit is not the money's
                return self._draft(value, currency[0], currency[1], pos, None, (), korean), pos
            draft = self._draft(
                value, currency[0], currency[1], found.end, found, found.ending, korean
            )
            return draft, consumed
        kind, unit = rule.kind, rule.unit
        if kind == units.RANK_IF:
            if not context.is_rank_context_ko(text, start, found.end):
                return None, consumed
            kind = units.RANK
        elif kind == units.YEAR:
            if YEARS[0] <= value <= YEARS[1] or text[start - 1 : start] in ("'", "’"):
                return None, consumed
            kind = units.DURATION
        elif kind == units.DAY:
            if not DAY_DURATION.match(text, found.end):
                return None, consumed
            kind = units.DURATION
        elif kind == units.SKIP or (rule.surface == "대" and self._is_slogan(value, found)):
            return None, consumed
        if kind == units.MEASURE and source == "native":
            return None, consumed
        if source == "words" and kind == units.TIMES and rule.surface == "x":
            return None, consumed
        draft = self._draft(value, unit, start, found.end, found, found.ending, korean)
        if kind == units.DURATION:
            draft.noun = rule.noun  # days, years, 개월…
        return draft, consumed

    def _is_slogan(self, value: Decimal, found: UnitMatch) -> bool:
        """``3대 강국``, ``5대 과제``: a small N대 before a noun names a group, not machines."""
        after = self.text[found.end : found.end + 2]
        return (
            value <= SLOGAN_MAX and not found.ending and after[:1] == " " and is_hangul(after[1:])
        )

    def _unitless(
        self,
        value: Decimal,
        start: int,
        end: int,
        currency: tuple[str, int] | None,
        source: str,
        korean: bool,
        scaled: bool,
    ) -> tuple[_Draft | None, int]:
        """A number with no unit after it: money by its sign, won by 억/조, else maybe a count."""
        text = self.text
        following = text[end : end + 1]
        ending: tuple[str, ...] = ()
        consumed = end
        if following and is_hangul(following):
            word_end = _HANGUL_RUN.match(text, end).end()
            split = split_ending(text[end:word_end])
            if split is None:  # glued to a Korean word: 1인당, 5G망
                return None, word_end
            ending, consumed = tuple(split), word_end
            korean = True
        elif following.isascii() and following.isalnum():
            return None, _ALNUM_RUN.match(text, end).end()  # 5G, 405B, 1990s
        elif (
            following == "-"
            and text[end + 1 : end + 2].isalpha()
            and not text.startswith("-plus", end)
        ):
            return None, end  # one-time, two-way
        if currency is not None:
            return self._draft(value, currency[0], currency[1], end, None, ending, korean), consumed
        if source in ("sino", "native"):
            return None, consumed
        number_text = text[start:end]
        if korean and ("억" in number_text or "조" in number_text):
            if context.is_article_number(text, start, end):
                return None, consumed
            return self._draft(value, "KRW", start, end, None, ending, korean), consumed
        if context.is_korean_label(text, start) or (
            korean and context.is_korean_address(text, start)
        ):
            return None, consumed
        if not self._is_count(value, start, end, source, scaled, korean):
            return None, consumed
        return self._draft(value, COUNT, start, end, None, ending, korean), consumed

    def _is_count(
        self, value: Decimal, start: int, end: int, source: str, scaled: bool, korean: bool
    ) -> bool:
        """Whether a bare number is a count: not a year, a date, a label, numbering or a time."""
        text = self.text
        if value != value.to_integral_value():
            return False
        token = text[start:end]
        if source == "digits" and not scaled and len(token) == 4 and YEARS[0] <= value <= YEARS[1]:
            return False
        if source == "digits" and context.is_list_number(text, start, end):
            return False
        parenthesised = context.is_parenthesised_count(text, start, end)
        if parenthesised is False:
            return False
        if parenthesised is None:
            word = context.previous_word(text, start)
            if word is not None:
                word_start = start - 1 - len(word)
                if context.label_kind(word, text, word_start) is not None:
                    return False
        if context.is_month_after(text, end):
            return False
        if source == "words" and value == 1:
            following = context.next_word(text, end)
            if following is None or following in ("of", "another", "by", "in", "to", "or"):
                return False
            if noun_after_en(text, end) is None:
                return False
        return True

    def _draft(
        self,
        value: Decimal,
        unit: str,
        start: int,
        end: int,
        found: UnitMatch | None,
        ending: tuple[str, ...],
        korean: bool,
    ) -> _Draft:
        """A draft with its qualifier, noun and period read from around the mention."""
        text = self.text
        qualifier, lead = EXACT, start
        before = context.qualifier_before(text, start, duration=unit == "duration")
        if before is not None:
            qualifier, lead = before
        if qualifier == EXACT:
            qualifier = self._qualifier_after(found, ending, end) or qualifier
        if found is not None and found.approx and qualifier == EXACT:
            qualifier = APPROX
        per = context.period(text, lead, end) if units.is_currency(unit) else None
        noun = self._noun(unit, start, end, ending, korean)
        return _Draft(value, unit, start, end, lead, qualifier, noun, per)

    def _qualifier_after(
        self, found: UnitMatch | None, ending: tuple[str, ...], end: int
    ) -> str | None:
        """A qualifier glued into the Korean ending (이상, 가량) or written after the figure."""
        for piece in ending:
            if piece in units.GLUED_QUALIFIERS:
                return units.GLUED_QUALIFIERS[piece]
        after = context.qualifier_after(self.text, end)
        if after is None and ending:
            after = context.qualifier_after(self.text, end + sum(len(p) for p in ending))
        return after

    def _noun(
        self, unit: str, start: int, end: int, ending: tuple[str, ...], korean: bool
    ) -> str | None:
        """What the figure counts (counts, ranks, percent shares) or is for (money)."""
        text = self.text
        if korean:
            if unit == COUNT:
                return noun_ko(text, start, end, ending)
            if units.is_currency(unit):  # what the money is for: the bare noun before it
                return noun_ko(text, start, end, ending, after=False)
            return None
        if unit in (COUNT, RANK):
            return noun_after_en(text, end)
        if unit == "%":  # 13% of AI models
            return noun_after_en(text, end, of=True)
        if units.is_currency(unit):
            return noun_after_in(text, end)
        return None

    # ------------------------------------------------------------------ finishing

    def _finish(self) -> list[Figure]:
        text = self.text
        drafts = self.drafts
        self._link_conversions()
        spans = sentence_spans(text, [draft.start for draft in drafts])
        self._borrow_nouns(spans)
        return [
            Figure(
                value=as_number(draft.value),
                unit=draft.unit,
                start=draft.start,
                end=draft.end,
                mention=text[draft.start : draft.end],
                quote=text[span[0] : span[1]],
                quote_start=span[0],
                quote_end=span[1],
                noun=draft.noun,
                qualifier=draft.qualifier,
                conversion_of=draft.conversion_of,
                per=draft.per,
            )
            for draft, span in zip(drafts, spans, strict=True)
        ]

    def _link_conversions(self) -> None:
        """Mark a money figure that restates the one before it in another currency:
        ``240 billion KRW (180 million USD)``, ``2,400억 원(약 1억8천만 달러)``."""
        original: _Draft | None = None
        for draft in self.drafts:
            if not units.is_currency(draft.unit):
                original = None
                continue
            if original is not None and draft.unit != original.unit:
                gap = self.text[original.end : draft.lead].strip().lower()
                if gap in CONVERSION_GAPS:
                    draft.conversion_of = original.start
                    if draft.qualifier == EXACT:
                        draft.qualifier = original.qualifier
                    if draft.noun is None:
                        draft.noun = original.noun
                    if draft.per is None:
                        draft.per = original.per
                    continue
            original = draft

    def _borrow_nouns(self, spans: list[tuple[int, int]]) -> None:
        """A count with no noun of its own takes the nearest one counted in its sentence:
        ``LG developed five, while Naver developed three AI models`` → five models."""
        counts = [i for i, draft in enumerate(self.drafts) if draft.unit == COUNT]
        nearest: dict[int, tuple[int, str]] = {}
        for order in (counts, counts[::-1]):
            last: tuple[int, str, tuple[int, int]] | None = None
            for index in order:
                draft = self.drafts[index]
                if draft.noun is not None:
                    last = (draft.start, draft.noun, spans[index])
                elif last is not None and last[2] == spans[index]:
                    gap = abs(last[0] - draft.start)
                    if index not in nearest or gap < nearest[index][0]:
                        nearest[index] = (gap, last[1])
        for index, (_, noun) in nearest.items():
            self.drafts[index].noun = noun
