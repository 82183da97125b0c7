"""Mojibake repair is safe on correct text: it fires only where it makes the text more plausible.

Correct text in any script (Thai, Korean, Chinese, Japanese, Cyrillic, accented Latin) comes out
unchanged, including real Thai whose Windows-874 bytes happen to be valid UTF-8; the mojibake it
exists for (source 000, ftfy's cases) is still repaired.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.cleaning.mojibake import (
    cannot_be_thai,
    repair_mojibake,
    repair_thai_codepage,
    repair_with_ftfy,
)
from tests.conftest import thai_mojibake

CORRECT = Path(__file__).resolve().parent.parent / "fixtures" / "real_world" / "correct"
CORRECT_TEXTS = {path.stem: path.read_text(encoding="utf-8") for path in CORRECT.glob("*.txt")}
# Words of the correct texts, by script: recombined, they are correct text too.
WORDS = {name: sorted(set(text.split())) for name, text in CORRECT_TEXTS.items()}

settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci")

THAI_CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]
THAI_LEADING = list("เแโใไ")
THAI_ABOVE_BELOW = ["", "ั", "ิ", "ี", "ึ", "ื", "ุ", "ู", "็"]
THAI_TONES = ["", "่", "้", "๊", "๋", "์"]
THAI_SPACING = ["", "ะ", "า", "ำ"]
# A Thai syllable as Thai spelling writes it: an optional leading vowel, a consonant, then an
# optional vowel sign and tone mark on it, an optional spacing vowel and final consonant.
THAI_SYLLABLE = st.builds(
    lambda *parts: "".join(parts),
    st.sampled_from(["", *THAI_LEADING]),
    st.sampled_from(THAI_CONSONANTS),
    st.sampled_from(THAI_ABOVE_BELOW),
    st.sampled_from(THAI_TONES),
    st.sampled_from(THAI_SPACING),
    st.sampled_from(["", *THAI_CONSONANTS]),
)
THAI_WORD = st.lists(THAI_SYLLABLE, min_size=1, max_size=6).map("".join)
HANGUL_WORD = st.text(st.sampled_from([chr(c) for c in range(0xAC00, 0xD7A4, 7)]), min_size=1)
HAN_WORD = st.text(st.sampled_from([chr(c) for c in range(0x4E00, 0x9FA6, 11)]), min_size=1)
WORD = st.one_of(
    *(st.sampled_from(words) for words in WORDS.values()),
    THAI_WORD,
    HANGUL_WORD.map(lambda w: w[:6]),
    HAN_WORD.map(lambda w: w[:6]),
)
SEPARATOR = st.sampled_from([" ", " ", " ", "\n", "\n\n", ", ", ". ", " “", "” ", " ‘", "’ "])


@st.composite
def correct_text(draw) -> str:
    """Correct text: real words of the correct/ texts and well-spelt Thai, Hangul and Han words,
    in any mix, between spaces, line breaks and curly quotes."""
    words = draw(st.lists(WORD, min_size=1, max_size=40))
    separators = draw(st.lists(SEPARATOR, min_size=len(words), max_size=len(words)))
    return "".join(word + separator for word, separator in zip(words, separators, strict=True))


@pytest.mark.parametrize("name", sorted(CORRECT_TEXTS))
def test_each_correct_text_is_unchanged_by_the_mojibake_step(name):
    text = CORRECT_TEXTS[name]
    assert repair_mojibake(text) == (text, [])


@pytest.mark.parametrize("run", ["ใจกลาง", "ได้ตกลง", "สำนักงานพัฒนาธุรกรรมทางอิเล็กทรอนิกส์"])
def test_real_thai_whose_bytes_are_valid_utf_8_is_left_alone(run):
    assert run.encode("cp874").decode("utf-8", errors="ignore")  # some of it reads as UTF-8
    assert not cannot_be_thai(run)
    assert repair_thai_codepage(f"ศูนย์ {run} กรุงโซล") == (f"ศูนย์ {run} กรุงโซล", [])


@given(correct_text())
def test_correct_text_in_every_script_is_unchanged_by_the_mojibake_step(text):
    assert repair_mojibake(text) == (text, [])


@given(st.lists(THAI_WORD, min_size=1, max_size=20).map(" ".join))
def test_well_spelt_thai_is_never_read_as_utf_8(text):
    assert repair_thai_codepage(text) == (text, [])


# Korean, Chinese and Japanese words whose UTF-8 bytes Windows-1252 carries whole (it drops
# 0x81, 0x8D, 0x8F, 0x90 and 0x9D, and what is lost cannot be restored).
CARRIED_WORDS = sorted(
    word
    for name in ("ko", "zh", "ja")
    for word in WORDS[name]
    if not word.isascii() and not re.search(rb"[\x81\x8d\x8f\x90\x9d]", word.encode("utf-8"))
)


@given(st.lists(st.sampled_from(CARRIED_WORDS), min_size=1, max_size=12).map(" ".join))
def test_hangul_and_cjk_read_through_windows_874_are_repaired(text):
    """The repair still undoes what it is for: UTF-8 read as Windows-874 (source 000)."""
    fixed, repairs = repair_thai_codepage(thai_mojibake(text))
    assert fixed == text
    assert repairs


def test_source_000_shapes_are_still_repaired():
    assert repair_mojibake("Koreaโ€™s “K-AIโ€ plan – done\n")[0] == "Korea’s “K-AI” plan – done\n"
    assert repair_mojibake(thai_mojibake("한국 정책 “AI”") + " next")[0] == "한국 정책 “AI” next"


def test_ftfy_changes_that_are_not_mojibake_repairs_are_dropped():
    """ftfy turns U+2028 into a newline; that is not a repair of mojibake, so it is not made."""
    text = "first line\u2028second line, Café “quoted”\n"
    assert repair_with_ftfy(text) == (text, [])


def test_ftfy_repairs_that_lower_badness_are_kept():
    fixed, repairs = repair_with_ftfy("Koreaâ€™s plan\nKorea\u00e2\x80\x99s plan\n")
    assert fixed == "Korea’s plan\nKorea’s plan\n"
    assert [(r.rule, r.line) for r in repairs] == [("ftfy", 1), ("ftfy", 2)]
