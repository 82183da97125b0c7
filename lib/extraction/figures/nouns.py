"""What a figure counts: the noun after an English number (``14 AI models`` → models) or around
a Korean counter (``AI 모델 14개`` → 모델, ``5개 컨소시엄을`` → 컨소시엄).
"""

from __future__ import annotations

import re

from lib.extraction.figures.lexicon import words
from lib.extraction.figures.numbers_en import NUMBER_WORD_PATTERN

STOP_WORDS = set(
    words(
        "a an the that which who whom whose to in on at by for from with of as and or but nor "
        "than then is are was were be been being has have had will would can could may might "
        "shall should must do does did it its this these those their there so such also each "
        "per respectively only just more less over under up down out into about after before "
        "since until while when where if not no yet still already last next ago later earlier "
        "annually combined together total apiece each every both all some many few several "
        "other another own same including via against among between across during within "
        "without through"
    )
)
IRREGULAR_PLURALS = set(
    words(
        "people staff personnel children criteria consortia men women police equipment "
        "hardware software"
    )
)
MAX_NOUN_WORDS = 4
# Korean words that stand between a noun and its number without being the noun (총 14개).
KOREAN_SKIP = set(
    words(
        "약 총 최대 최소 무려 불과 단 모두 전체 각 각각 연간 매년 한화 미화 원화 이 그 또 중 가운데"
    )
)
# Words that close a list before the number (A, B 등 5개 팀): the noun comes after.
KOREAN_STOP = set(words("등 및 또는 외"))
KOREAN_PARTICLES = words(
    "으로부터 로부터 에서는 으로는 에게 에서 으로 이나 까지 부터 보다 은 는 이 가 을 를 의 에 "
    "로 와 과 도 만"
)
# Past modifiers (늘어난 2조 원, 이뤄진): verbs when the word has three syllables or more.
KOREAN_MODIFIER_ENDINGS = ("난", "린", "진", "른", "운", "친")
# Particles that may follow a one-syllable noun (팀만, 곳을); 가 and 이 may not (국가, 나이).
SHORT_STEM_PARTICLES = set(words("을 를 은 는 의 에 도 만"))
# Endings of Korean verbs and modifiers: such a word is not the counted noun.
KOREAN_VERB_ENDINGS = (
    "다", "던", "며", "하는", "되는", "있는", "없는", "하고", "해서", "하며", "했", "됐", "하게",
    "한", "된", "할", "해",
)  # fmt: skip

_EN_WORD = re.compile(r"[ \u00a0]+(?P<w>[A-Za-z][A-Za-z0-9&\-]*(?:['’][A-Za-z]+)?)")
_NUMBER_WORD = re.compile(rf"(?:{NUMBER_WORD_PATTERN})$", re.IGNORECASE)
_KO_PREVIOUS = re.compile(r"(?<![\uac00-\ud7a3A-Za-z0-9])(?P<w>[\uac00-\ud7a3A-Za-z0-9]+) $")
_KO_NEXT = re.compile(r"(?:의)? (?P<w>[\uac00-\ud7a3A-Za-z]+)")


def _is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        return True
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def noun_after_en(text: str, pos: int, of: bool = False) -> str | None:
    """The head noun after ``pos``: the first plural of up to four words before a stop word
    (``14 domestic AI models that`` → models), else the last of them (``one AI model each`` →
    model). With ``of``, the noun must follow ``of`` (``13% of the AI models``)."""
    words: list[str] = []
    index = pos
    if of:
        match = _OF.match(text, pos)
        if match is None:
            return None
        index = match.end()
    for _ in range(MAX_NOUN_WORDS + 2):
        match = _EN_WORD.match(text, index)
        if match is None:
            break
        word = match.group("w")
        lower = word.lower()
        if lower in STOP_WORDS or _NUMBER_WORD.match(lower):
            break
        words.append(word)
        index = match.end()
        if _is_plural(word) or len(words) == MAX_NOUN_WORDS:
            return word
    return words[-1] if words else None


def strip_particle(word: str) -> str:
    """A Korean word without the particle glued to it (``컨소시엄을`` → 컨소시엄), when at least
    two syllables are left (``국가`` stays)."""
    for particle in KOREAN_PARTICLES:
        if word.endswith(particle) and len(word) > len(particle):
            stem = word[: -len(particle)]
            if len(stem) >= 2 or particle in SHORT_STEM_PARTICLES:
                return stem
    return word


def _has_particle(word: str) -> bool:
    return strip_particle(word) != word


def _is_verb(word: str) -> bool:
    if word.isascii() or len(word) < 2:
        return False
    return word.endswith(KOREAN_VERB_ENDINGS) or (
        len(word) >= 3 and word.endswith(KOREAN_MODIFIER_ENDINGS)
    )


def noun_ko(
    text: str, start: int, end: int, ending: tuple[str, ...], after: bool = True
) -> str | None:
    """The noun a Korean figure counts: the word before it (``컨소시엄 5곳이``, ``GPU 1만 장``),
    or after it (``5개 컨소시엄을``, ``14개의 모델``) when the word before is not a bare noun."""
    index = start
    for _ in range(3):
        match = _KO_PREVIOUS.search(text, max(0, index - 20), index)
        if match is None:
            break
        word = match.group("w")
        if word in KOREAN_SKIP:
            index = match.start()
            continue
        if word in KOREAN_STOP:
            break
        if not _has_particle(word) and not _is_verb(word) and not word[0].isdigit():
            return word
        break
    if not after or (ending and ending != ("의",)):
        return None
    match = _KO_NEXT.match(text, end + sum(len(piece) for piece in ending))
    if match is None:
        return None
    word = strip_particle(match.group("w"))
    return None if _is_verb(word) or word in KOREAN_SKIP else word


_IN = re.compile(r"[ \u00a0]+in(?=[ \u00a0])")
_OF = re.compile(r"[ \u00a0]+of(?:[ \u00a0]+the)?(?=[ \u00a0])", re.IGNORECASE)


def noun_after_in(text: str, pos: int) -> str | None:
    """What money is for, when ``in`` follows it: ``240 billion KRW in funding`` → funding."""
    match = _IN.match(text, pos)
    return noun_after_en(text, match.end()) if match else None


_NATIVE_NOUN = re.compile(r" (?P<w>[\uac00-\ud7a3]{1,8})(?![\uac00-\ud7a3])")


def noun_after_native(text: str, pos: int) -> str | None:
    """The noun a native numeral counts with no counter between (``두 기관은`` → 기관), or
    None when the next word is a verb or too long to be a noun with its particle."""
    match = _NATIVE_NOUN.match(text, pos)
    if match is None or _is_verb(match.group("w")):
        return None
    return strip_particle(match.group("w"))
