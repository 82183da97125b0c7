"""The units a figure can carry, as data: currencies, percent, points, counters, durations.

Each rule maps a surface form written after a number (``billion KRW``, ``원``, ``%p``, ``곳``,
``days``) or before it (``$``, ``US$``, ``KRW``, ``₩``) to a unit and a kind. The matchers are
anchored and bounded, so reading a unit costs the same however long the text is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib.extraction.figures.lexicon import lookup, words

# Kinds of unit. The extractor turns MONEY…MEASURE into figures; the others name numbers that
# are not figures (years, dates, times of day, labels like 3대 강국) or need context (RANK_IF).
MONEY, PERCENT, POINTS, COUNT, RANK, DURATION, TIMES, MEASURE = (
    "money", "percent", "points", "count", "rank", "duration", "times", "measure",
)  # fmt: skip
RANK_IF, YEAR, DAY, SKIP, SLOGAN = "rank_if", "year", "day", "skip", "slogan"
FIGURE_KINDS = {MONEY, PERCENT, POINTS, COUNT, RANK, DURATION, TIMES, MEASURE}


@dataclass(frozen=True)
class UnitRule:
    """A unit surface and what it means: ``kind``, ``unit`` (ISO code, %, pp…), ``noun``."""

    surface: str
    kind: str
    unit: str = ""
    noun: str | None = None


def _rules(kind: str, unit: str, surfaces: str, noun: str | None = None) -> list[UnitRule]:
    return [UnitRule(surface, kind, unit, noun) for surface in surfaces.split("|")]


CURRENCY_WORDS: list[UnitRule] = [
    *_rules(MONEY, "KRW", "won|KRW|Korean won|원"),
    *_rules(MONEY, "USD", "US dollars|U.S. dollars|dollars|dollar|USD|달러|미국 달러|미 달러"),
    *_rules(MONEY, "EUR", "euros|euro|EUR|유로"),
    *_rules(MONEY, "CNY", "yuan|renminbi|RMB|CNY|위안"),
    *_rules(MONEY, "JPY", "yen|JPY|엔"),
    *_rules(MONEY, "GBP", "pounds sterling|pounds|GBP|파운드"),
    *_rules(MONEY, "HKD", "Hong Kong dollars|HKD|홍콩달러"),
    *_rules(MONEY, "SGD", "Singapore dollars|SGD|싱가포르달러"),
    *_rules(MONEY, "AUD", "Australian dollars|AUD"),
    *_rules(MONEY, "CAD", "Canadian dollars|CAD"),
    *_rules(MONEY, "TWD", "New Taiwan dollars|Taiwan dollars|TWD"),
    *_rules(MONEY, "INR", "rupees|INR|루피"),
    *_rules(MONEY, "CHF", "Swiss francs|CHF"),
]
# Written before the number: "$150 billion", "US$1.2 billion", "KRW 240 billion", "₩100조".
CURRENCY_SIGNS = {
    "US$": "USD", "U.S.$": "USD", "HK$": "HKD", "NT$": "TWD", "S$": "SGD", "A$": "AUD",
    "C$": "CAD", "CN¥": "CNY", "$": "USD", "₩": "KRW", "€": "EUR", "£": "GBP", "¥": "JPY",
}  # fmt: skip
CURRENCY_CODES = ("KRW", "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "HKD", "SGD", "AUD", "CAD",
                  "TWD", "INR", "CHF")  # fmt: skip

UNIT_RULES: list[UnitRule] = [
    *CURRENCY_WORDS,
    *_rules(POINTS, "pp", "percentage points|percentage point|percent points|percent point"),
    *_rules(POINTS, "pp", "per cent points|% points|% point|pp|ppt|ppts|%p|%포인트|퍼센트포인트"),
    *_rules(PERCENT, "%", "%|percent|per cent|pct|퍼센트|프로"),
    *_rules(DURATION, "duration", "days|day", "days"),
    *_rules(DURATION, "duration", "weeks|week", "weeks"),
    *_rules(DURATION, "duration", "months|month", "months"),
    *_rules(DURATION, "duration", "years|year", "years"),
    *_rules(DURATION, "duration", "decades|decade", "decades"),
    *_rules(DURATION, "duration", "hours|hour", "hours"),
    *_rules(TIMES, "times", "times|fold|x|배"),
    *_rules(MEASURE, "GW", "GW|gigawatts|gigawatt|기가와트"),
    *_rules(MEASURE, "MW", "MW|megawatts|megawatt|메가와트"),
    *_rules(MEASURE, "GWh", "GWh"),
    *_rules(MEASURE, "TWh", "TWh"),
    *_rules(MEASURE, "nm", "nm|nanometers|nanometer|nanometre|나노"),
    *_rules(MEASURE, "PFLOPS", "petaflops|PFLOPS|페타플롭스"),
    *_rules(MEASURE, "TB", "TB|terabytes|테라바이트"),
    *_rules(MEASURE, "PB", "PB|petabytes|페타바이트"),
    *_rules(SKIP, "", "a.m.|p.m.|am|pm|o'clock"),
    # Korean counters: what is counted is the noun before or after; 곳 and 개사 count bodies.
    *_rules(COUNT, "count", "개국", "개국"),
    *_rules(COUNT, "count", "개사|사", "개사"),
    *_rules(COUNT, "count", "개소|개|명|곳|장|건|팀|종|가지|차례|번|회|척|편|마리|군데|사람|인"),
    *_rules(COUNT, "count", "대"),
    *_rules(RANK, "rank", "위|등"),
    *_rules(RANK_IF, "rank", "번째|째"),
    *_rules(DURATION, "duration", "개월|달", "개월"),
    *_rules(DURATION, "duration", "주간|주일", "주"),
    *_rules(DURATION, "duration", "시간", "시간"),
    *_rules(DURATION, "duration", "해", "년"),
    *_rules(YEAR, "duration", "년간|년", "년"),
    *_rules(DURATION, "duration", "일간", "일"),
    *_rules(DAY, "duration", "일", "일"),
    *_rules(SKIP, "", "년도|주년|분기|월|시|분|초|세대|세|층|호|기|강|학년|쪽|주|차년도|위원|차"),
    *_rules(MEASURE, "points", "points|point|포인트"),
]

# Korean endings that may follow a unit in the same word: particles (은/는/이/가/을/를…) and
# qualifiers glued on (이상, 가량, 대 as in 100조 원대). Anything else means the number is part
# of another word (1원칙, 2차전지) and is not a figure.
PARTICLES = words(
    "이 가 은 는 을 를 의 에 에서 에게 에도 에는 에서는 로 으로 로는 으로는 로서 으로서 와 과 "
    "도 만 까지 부터 보다 처럼 이나 나 씩 이다 였다 이었다 인 이며 이고 이라 라 이라는 라는 "
    "으로도 로도 다 입니다 이라고 라고 에서도 으로부터 로부터 에게서 께 꼴 권 가량 정도 안팎 "
    "내외 쯤 남짓 이상 이하 미만 초과 대 여 째 간 동안 어치 규모 수준 상당"
)
GLUED_QUALIFIERS = {
    "이상": "at_least", "초과": "at_least", "이하": "at_most", "미만": "at_most",
    "가량": "approx", "정도": "approx", "안팎": "approx", "내외": "approx", "쯤": "approx",
    "남짓": "approx", "대": "approx", "여": "approx", "권": "approx",
}  # fmt: skip
MAX_ENDING = 10
# Units a number in Hangul numerals may take (천 명, 이천억 원); others (사, 대, 위…) would
# misread words such as 조사, 천사, 만대 as numbers.
SINO_UNITS = {"원", "달러", "유로", "위안", "엔", "파운드", "명", "개", "곳", "장", "건", "팀",
              "가지", "개국", "개사", "%", "퍼센트"}  # fmt: skip

_BY_SURFACE = {rule.surface.lower(): rule for rule in UNIT_RULES}
_ALTERNATION = "|".join(
    re.escape(surface) for surface in sorted(_BY_SURFACE, key=len, reverse=True)
)
_UNIT_AFTER = re.compile(
    rf"(?P<approx>여)?(?P<sep>[ \u00a0-]?)(?P<unit>{_ALTERNATION})(?![A-Za-z0-9])", re.IGNORECASE
)
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]*")
_SIGN_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<code>"
    + "|".join(CURRENCY_CODES)
    + r")[ \u00a0]?|(?<![A-Za-z])(?P<w>W)|(?P<sign>"
    + "|".join(re.escape(sign) for sign in sorted(CURRENCY_SIGNS, key=len, reverse=True))
    + r")[ \u00a0]?)$"
)


def is_hangul(char: str) -> bool:
    """True for a Hangul syllable."""
    return "\uac00" <= char <= "\ud7a3"


def split_ending(ending: str) -> list[str] | None:
    """``ending`` as a sequence of particles and glued qualifiers, or None when it is not one."""
    if len(ending) > MAX_ENDING:
        return None
    best: list[list[str] | None] = [None] * (len(ending) + 1)
    best[0] = []
    for end in range(1, len(ending) + 1):
        for start in range(max(0, end - 4), end):
            piece = ending[start:end]
            if best[start] is not None and piece in PARTICLES:
                best[end] = [*best[start], piece]
                break
    return best[len(ending)]


@dataclass(frozen=True)
class UnitMatch:
    """A unit read after a number: the rule, where it ends, and what is glued after it."""

    rule: UnitRule
    end: int
    word_end: int
    ending: tuple[str, ...]
    approx: bool
    separator: str


def unit_after(text: str, pos: int) -> UnitMatch | None:
    """The unit written right after a number ending at ``pos``, if any.

    A Korean unit may carry particles (``100조원을`` → 원, ending ``을``); a Korean unit followed
    by any other syllables is not a unit (``2차전지``), and gives None.
    """
    match = _UNIT_AFTER.match(text, pos)
    if match is None:
        return None
    surface = match.group("unit")
    rule = lookup(_BY_SURFACE, surface)
    separator = match.group("sep")
    if separator == "-" and rule.kind not in (DURATION, TIMES, MEASURE):
        return None
    if separator and rule.surface in ("x", "%", "%p", "%포인트"):
        return None
    end = match.end()
    word_end = _HANGUL_RUN.match(text, end).end() if is_hangul(surface[-1]) else end
    ending = split_ending(text[end:word_end]) if word_end > end else []
    if ending is None:
        return None
    return UnitMatch(rule, end, word_end, tuple(ending), bool(match.group("approx")), separator)


def currency_before(text: str, pos: int) -> tuple[str, int] | None:
    """The currency sign or code written just before ``pos`` (``$``, ``KRW ``), as (ISO code,
    start of the sign), or None."""
    match = _SIGN_BEFORE.search(text, max(0, pos - 7), pos)
    if match is None:
        return None
    if match.group("code"):
        code = match.group("code")
        return ("CNY" if code == "RMB" else code), match.start()
    if match.group("w"):
        return "KRW", match.start()
    return CURRENCY_SIGNS[match.group("sign")], match.start()


def is_currency(unit: str) -> bool:
    """True for an ISO 4217 code (three capital letters)."""
    return len(unit) == 3 and unit.isalpha() and unit.isupper()
