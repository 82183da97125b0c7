"""What the words around a number say about it: its qualifier, whether an ordinal is a rank,
whether the number is a label (``GPT-4``, ``Article 3``, ``Top 3``), a date or list numbering,
and the period of a rate ("annually", "연간").

Every rule reads a bounded window before or after the number, so each costs constant time.
"""

from __future__ import annotations

import re

from lib.extraction.figures.lexicon import fold, lookup, words
from lib.extraction.figures.numbers_en import ORDINAL_WORDS
from lib.extraction.figures.record import APPROX, AT_LEAST, AT_MOST, EXACT, UP_TO

WINDOW = 40

# Qualifier phrases written before the number ("up to 240 billion", "약 100조 원").
QUALIFIERS_BEFORE = {
    UP_TO: "up to|as much as|as many as|최대",
    AT_LEAST: "at least|no less than|no fewer than|a minimum of|more than|over|above|upwards of|"
    "in excess of|exceeding|just over|최소|적어도",
    AT_MOST: "at most|no more than|a maximum of|less than|fewer than|under|below|just under",
    APPROX: "about|around|approximately|approx.|roughly|nearly|almost|some|an estimated|"
    "estimated|close to|circa|약|대략|거의|~|≈",
    EXACT: "just|only|exactly|a total of|total|총|무려|불과|단|모두",
}
# Qualifiers written after it ("100조 원 이상", "five or more", "1만 명 넘게").
QUALIFIERS_AFTER = {
    AT_LEAST: "or more|or above|or higher|or over|plus|이상|초과|넘게|넘는|넘어|넘은|넘을",
    AT_MOST: "or less|or fewer|or below|or under|이하|미만",
    APPROX: "가량|정도|안팎|내외|쯤|남짓",
}  # not 까지: "6.2GW까지 늘어난다" is a target; "최대 … 까지" is up to by its 최대
# A rate's period after the figure ("$150 billion annually") or before it ("연간 10조 원").
PERIODS_AFTER = {
    "year": "annually|a year|per year|each year|every year|per annum|yearly|a yr",
    "month": "a month|per month|each month|monthly",
    "day": "a day|per day|daily",
}
PERIODS_BEFORE = {"year": "연간|매년|해마다|연", "month": "매월|월"}
# Words after an ordinal that make it a rank ("third-largest", "second most", "sixth place").
RANK_WORDS_AFTER = (
    "largest|biggest|highest|lowest|smallest|most|least|best|worst|greatest|strongest|fastest|"
    "leading|top|ranked|richest|poorest|places|place|positions|position|spots|spot"
)
# Words before an ordinal that make it a rank ("ranked sixth", "comes in at 19th", "the world's
# second country"), with at most two filler words between.
RANK_WORDS_BEFORE = (
    "rank|ranks|ranked|ranking|place|places|placed|placing|came|come|comes|coming|finish|"
    "finished|finishes|stood|stand|stands|sit|sits|sat|slipped|slid|fell|falls|rose|rises|"
    "climbed|climbs|dropped|drops|jumped|jumps|moved|moves|was|is|are|were|remains|remained|"
    "world's|world’s|globe's|globe’s|planet's|planet’s|region's|region’s|asia's|asia’s|"
    "europe's|europe’s|oecd's|oecd’s|industry's|industry’s|market's|market’s|continent's|"
    "continent’s|up from|down from|rising from|falling from|climbing from|dropping from"
)
# Words after an ordinal that make it an occasion or a part, not a rank ("the second time").
NOT_RANK_WORDS = (
    "time|times|half|quarter|round|term|year|day|week|month|century|anniversary|phase|stage|"
    "edition|generation|session|wave|batch|attempt|step|part|stage|tranche|hand|glance|sight"
)
RANK_COPULAS = ("was", "is", "are", "were", "remains", "remained")
RANK_FILLERS = "in|at|to|as|up|down|the|joint|tied|no\\.|number"
RANK_PLACES_AFTER = "in the world|globally|worldwide|in asia|in europe|among|in the oecd|place"
RANK_CONTEXT_KO = "세계|아시아|국내|글로벌|역대|OECD|G20|주요국|업계|전국"
# Words right before a number that make it a label or numbering, not a figure.
LABEL_WORDS = set(
    words(
        "article section chapter clause paragraph phase round stage level tier version v no "
        "nos number top step part item figure fig table page pages p pp grade class type gen "
        "generation season episode ep vol volume series line route exit room gate floor "
        "platform lane act model iphone galaxy windows ios android python web industry covid "
        "llama gemini claude qwen mistral grok exaone hyperclova solar tel fax ext box suite "
        "unit category pillar goal priority task point points code rule annex appendix bill "
        "law decree"
    )
)
# Model and product names written in Hangul: a number after one is a version (클로드 3, 엑사원 3.5).
KOREAN_LABEL_WORDS = set(
    words(
        "클로드 제미나이 라마 엑사원 하이퍼클로바 큐원 미스트랄 딥시크 그록 챗GPT 갤럭시 "
        "아이폰 윈도 버전 시즌 제 호"
    )
)
MONTHS = set(
    words(
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    )
)
# Words that may stand right before a number without making it a label, even capitalised.
FUNCTION_WORDS = set(
    words(
        "the a an and or but of in on at to for by with from about around approximately "
        "roughly nearly almost some just only over under more less fewer than up least most "
        "all these those its their his her our my your another other each every since until "
        "between among into within across after before during per both total including "
        "excluding plus like as so even still yet then now while when where whereas there here "
        "are were was is be been has have had also exactly merely barely estimated combined "
        "additional extra another approx roughly nearly some another last next first past "
        "latest"
    )
)
FRACTION_WORDS = set(words("half halves third thirds quarter quarters fifth fifths tenth tenths"))


def _alternation(table: dict[str, str]) -> str:
    words = [(word, key) for key, words in table.items() for word in words.split("|")]
    return "|".join(re.escape(word) for word, _ in sorted(words, key=lambda w: -len(w[0])))


def _lookup(table: dict[str, str]) -> dict[str, str]:
    return {word: key for key, words in table.items() for word in words.split("|")}


_QUALIFIER_BEFORE = re.compile(
    rf"(?<![A-Za-z\uac00-\ud7a3])(?P<q>{_alternation(QUALIFIERS_BEFORE)})[ \u00a0]*$",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(
    rf"[ \u00a0-]?(?P<q>{_alternation(QUALIFIERS_AFTER)})(?![A-Za-z])", re.IGNORECASE
)
_PERIOD_AFTER = re.compile(
    rf"[ \u00a0,]*(?P<p>{_alternation(PERIODS_AFTER)})(?![A-Za-z])", re.IGNORECASE
)
_PERIOD_BEFORE = re.compile(rf"(?<![\uac00-\ud7a3])(?P<p>{_alternation(PERIODS_BEFORE)}) ?$")
_RANK_AFTER = re.compile(rf"(?P<sep>[ -])(?P<w>{RANK_WORDS_AFTER})(?![A-Za-z])", re.IGNORECASE)
_RANK_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?:{RANK_WORDS_BEFORE})(?:[ \u00a0]+(?:{RANK_FILLERS})){{0,2}}[ \u00a0]+$",
    re.IGNORECASE,
)
_RANK_PLACE_AFTER = re.compile(rf"[ \u00a0]+(?:{RANK_PLACES_AFTER})(?![A-Za-z])", re.IGNORECASE)
_RANK_CONTEXT_KO = re.compile(rf"(?:{RANK_CONTEXT_KO})[^.!?\n]{{0,14}}$")
_RANK_AFTER_KO = re.compile(r"(?:로|으로)? ?(?:큰|많은|높은|빠른|낮은|적은|작은|가장|규모)")
_PREVIOUS_WORD = re.compile(r"(?<![A-Za-z0-9.\-])(?P<w>[A-Za-z][A-Za-z0-9'’.\-]*)[ \u00a0]$")
_NEXT_WORD = re.compile(r"[ \u00a0]+(?P<w>[A-Za-z]+)\.?")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*•◇◆■□▶►·○●][ \t]*)?$")
_FRACTION = re.compile(
    rf"[- ](?:{'|'.join(sorted(FRACTION_WORDS, key=len, reverse=True))})(?![A-Za-z])", re.I
)
_ORDINAL = (
    rf"(?:{'|'.join(sorted(ORDINAL_WORDS, key=len, reverse=True))}|[0-9]{{1,3}}(?:st|nd|rd|th))"
)
_ORDINAL_LIST = re.compile(
    rf"(?:,? (?:and|or|to) |, ){_ORDINAL}(?:(?:,? (?:and|or|to) |, ){_ORDINAL}){{0,4}}", re.I
)
_NOT_RANK_AFTER = re.compile(rf"[ -](?:{NOT_RANK_WORDS})(?![A-Za-z])", re.IGNORECASE)
_KOREAN_WORD_BEFORE = re.compile(r"(?<![\uac00-\ud7a3A-Za-z])(?P<w>[\uac00-\ud7a3A-Za-z]+) $")
_ADDRESS_KO = re.compile(r"[\uac00-\ud7a3](?:로|길|번길|대로) $")
_FRACTION_KO = re.compile(r"분의 ?[0-9]+(?:\.[0-9]+)?")
_RATIO_KO = re.compile(r" ?대 ?[0-9]+(?:\.[0-9]+)?")
_ARTICLE_KO = re.compile(r" ?제?\d+(?:항|호)")


# The last character of every qualifier before a figure, lower-cased: a text whose last character
# before the figure (spaces aside) is none of them has no qualifier there, and the search, which
# tries every start in its window, need not run.
_QUALIFIER_LAST_CHARS = frozenset(word[-1] for word in _lookup(QUALIFIERS_BEFORE))


def qualifier_before(text: str, pos: int, duration: bool = False) -> tuple[str, int] | None:
    """The qualifier written just before ``pos`` and where it starts, or None. Before a
    duration, "over" means across ("over five years"), not more than."""
    window = text[max(0, pos - 24) : pos]
    window = window[:-1] if window.endswith("\n") else window  # "$" also holds before a last \n
    last = window.rstrip(" \u00a0")[-1:]
    if fold(last) not in _QUALIFIER_LAST_CHARS:
        return None
    match = _QUALIFIER_BEFORE.search(text, max(0, pos - 24), pos)
    if match is None:
        return None
    word = fold(match.group("q"))
    if duration and word == "over":
        return EXACT, match.start("q")
    return lookup(_QUALIFIER_WORDS_BEFORE, word), match.start("q")


def qualifier_after(text: str, pos: int) -> str | None:
    """The qualifier written just after ``pos`` (``or more``, ``이상``), or None."""
    match = _QUALIFIER_AFTER.match(text, pos)
    return lookup(_QUALIFIER_WORDS_AFTER, match.group("q")) if match else None


def period(text: str, start: int, end: int) -> str | None:
    """The period of a rate: ``year`` for "annually" after ``end`` or "연간" before ``start``."""
    match = _PERIOD_AFTER.match(text, end)
    if match:
        return lookup(_PERIOD_WORDS_AFTER, match.group("p"))
    match = _PERIOD_BEFORE.search(text, max(0, start - 4), start)
    return _PERIOD_WORDS_BEFORE[match.group("p")] if match else None


def rank_word_after(text: str, pos: int) -> int | None:
    """End of a rank word after an ordinal (``-largest``, `` place``), or None. A hyphenated
    word belongs to the mention (``third-largest``); a spaced one does not."""
    match = _RANK_AFTER.match(text, pos)
    if match is None:
        return None
    return match.end() if match.group("sep") == "-" else pos


def is_rank_context(text: str, start: int, end: int, value: int) -> bool:
    """True when the words before ``start`` or after ``end`` make an ordinal a rank. A bare
    copula ("was the first") is enough from second on, not for "first"."""
    if _RANK_PLACE_AFTER.match(text, end):
        return True
    match = _RANK_BEFORE.search(text, max(0, start - WINDOW), start)
    if match is None:
        return False
    return value != 1 or match.group().split()[0].lower() not in RANK_COPULAS


def is_rank_context_ko(text: str, start: int, end: int) -> bool:
    """True when a Korean ordinal (``두 번째``) is a rank: ``세계에서 두 번째로 큰``."""
    return bool(
        _RANK_CONTEXT_KO.search(text, max(0, start - 20), start) or _RANK_AFTER_KO.match(text, end)
    )


def previous_word(text: str, pos: int) -> str | None:
    """The Latin-script word right before ``pos`` (one space between), or None."""
    match = _PREVIOUS_WORD.search(text, max(0, pos - 30), pos)
    return match.group("w") if match else None


def next_word(text: str, pos: int) -> str | None:
    """The Latin-script word after ``pos`` (after spaces), lower-cased, or None."""
    match = _NEXT_WORD.match(text, pos)
    return match.group("w").lower() if match else None


def is_sentence_start(text: str, pos: int) -> bool:
    """True when only spaces, a bullet or an opening quote stand between ``pos`` and the end of
    the previous sentence or line."""
    index = pos - 1
    while index >= 0 and pos - index < WINDOW and text[index] in " \t\"'“‘(◇◆■□▶►·○●-*•":
        index -= 1
    return index < 0 or text[index] in "\n.!?:"


def label_kind(word: str | None, text: str, word_start: int) -> str | None:
    """What the word before a number makes it: ``month`` (a date), ``label`` or None.

    A label is a label word (``Article 3``, ``Top 3``, ``Phase 2``), a word with capitals inside
    (``EXAONE 3.5``, ``K-AI 2.0``) or a capitalised name mid-sentence (``Llama 3``).
    """
    if word is None:
        return None
    bare = word.rstrip(".").lower()
    if bare in MONTHS and (bare != "may" or word[0] == "M"):
        return "month"
    if bare in LABEL_WORDS:
        return "label"
    if bare in FUNCTION_WORDS or bare.endswith(("'s", "’s")):
        return None  # "In 2024", "Israel's 2,900"
    if any(char.isupper() for char in word[1:]) or any(char.isdigit() for char in word):
        return None if word.upper() in _CURRENCY_LIKE else "label"
    if word[0].isupper() and not is_sentence_start(text, word_start):
        return "label"
    return None


_CURRENCY_LIKE = {"KRW", "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "US"}


def is_month_after(text: str, pos: int) -> bool:
    """True when a month name follows (``23 July``): the number is a day of a date."""
    word = next_word(text, pos)
    return word is not None and word in MONTHS and word != "may"


def is_list_number(text: str, start: int, end: int) -> bool:
    """True for list and section numbering: ``1.`` or ``2)`` opening a line, ``(3)`` or ``4)``
    in running text, ``3.2 Funding`` as a heading."""
    after = text[end : end + 1]
    at_line_start = bool(_LINE_START.search(text, max(0, start - 12), start))
    if at_line_start and after in (".", ")") and text[end + 1 : end + 2] in (" ", "\t", "\n", ""):
        return True
    if after == ")" and (start == 0 or text[start - 1] != "("):
        return text[start - 1 : start] in ("", " ", "\n", "\t")
    return False


def is_parenthesised_count(text: str, start: int, end: int) -> bool | None:
    """For ``(N)``: True when it follows a name (``France (10)``, a count), False when it is
    numbering (``(1) funding``), None when the number is not in parentheses."""
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return None
    word = previous_word(text, start - 1)
    return bool(word) and word[0].isupper() and word.lower() not in FUNCTION_WORDS


def is_korean_label(text: str, start: int) -> bool:
    """True after a Hangul model or product name, or a label word (``클로드 3``, ``버전 2``)."""
    match = _KOREAN_WORD_BEFORE.search(text, max(0, start - 12), start)
    return bool(match) and match.group("w") in KOREAN_LABEL_WORDS


def is_korean_address(text: str, start: int) -> bool:
    """True for a street number: ``테헤란로 123``, ``판교역로 235길``."""
    return bool(_ADDRESS_KO.search(text, max(0, start - 12), start))


def is_fraction_ko(text: str, end: int) -> int | None:
    """End of a Korean fraction opened at ``end`` (``10분의 1``: after ``1``), or None."""
    match = _FRACTION_KO.match(text, end)
    return match.end() if match else None


def ratio_end_ko(text: str, end: int) -> int | None:
    """End of a Korean ratio after ``N대`` (``3대 1``: after ``1``), or None."""
    match = _RATIO_KO.match(text, end)
    return match.end() if match else None


def is_article_number(text: str, start: int, end: int) -> bool:
    """True for a Korean legal article (``법 31조``, ``31조 2항``), not 31 trillion."""
    before = text[max(0, start - 3) : start].rstrip()
    return before.endswith(("법", "법률", "령")) or bool(_ARTICLE_KO.match(text, end))


def is_fraction_after(text: str, pos: int) -> bool:
    """True when ``pos`` opens the second half of a fraction: ``one-third``, ``two thirds``."""
    return bool(_FRACTION.match(text, pos))


def ordinal_list_end(text: str, pos: int) -> int | None:
    """End of a list of ordinals continuing at ``pos`` (``, second and third``), or None."""
    match = _ORDINAL_LIST.match(text, pos)
    return match.end() if match else None


def is_not_rank_after(text: str, pos: int) -> bool:
    """True when an ordinal names an occasion, not a place: ``second time``, ``first half``."""
    return bool(_NOT_RANK_AFTER.match(text, pos))


_QUALIFIER_WORDS_BEFORE = {k.lower(): v for k, v in _lookup(QUALIFIERS_BEFORE).items()}
_QUALIFIER_WORDS_AFTER = {k.lower(): v for k, v in _lookup(QUALIFIERS_AFTER).items()}
_PERIOD_WORDS_AFTER = _lookup(PERIODS_AFTER)
_PERIOD_WORDS_BEFORE = _lookup(PERIODS_BEFORE)
