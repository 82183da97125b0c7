"""Numerals read to exact values: English digits, words, ordinals and scales; Korean 만/억/조
composites, Hangul numerals and native numerals — each rule with examples that hold and fail."""

from decimal import Decimal

import pytest

from lib.extraction.figures.extract import as_number
from lib.extraction.figures.numbers_en import (
    ORDINAL_WORDS,
    SCALE_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
    ordinal_suffix_end,
    parse_digits,
    read_number_words,
    read_scale,
)
from lib.extraction.figures.numbers_ko import read_korean_number


@pytest.mark.parametrize(
    ("token", "value"),
    [("240", 240), ("2,400", 2400), ("1,234,567", 1234567), ("81.2", 81.2), ("0.25", 0.25),
     ("1,350.5", 1350.5)],
)  # fmt: skip
def test_digit_groups(token, value):
    assert as_number(parse_digits(token)) == value


@pytest.mark.parametrize("token", ["1,2", "12,34", "1,2345", "1.2.3", "2025.07.23"])
def test_digit_tokens_that_are_not_numbers(token):
    assert parse_digits(token) is None


@pytest.mark.parametrize(
    ("text", "value", "ordinal"),
    [("five", 5, False), ("Twenty-five", 25, False), ("ninety nine", 99, False),
     ("two hundred", 200, False), ("two hundred and fifty", 250, False),
     ("one hundred twelve", 112, False), ("third", 3, True), ("twenty-first", 21, True),
     ("zero", 0, False)],
)  # fmt: skip
def test_number_words(text, value, ordinal):
    read = read_number_words(text, 0)
    assert read is not None and (as_number(read[0]), read[2]) == (value, ordinal)
    assert read[1] == len(text)


@pytest.mark.parametrize("word", [*UNIT_WORDS, *TENS_WORDS, *ORDINAL_WORDS])
def test_every_number_word_reads_to_its_value(word):
    table = UNIT_WORDS | TENS_WORDS | ORDINAL_WORDS
    assert as_number(read_number_words(word, 0)[0]) == table[word]


@pytest.mark.parametrize("text", ["someone", "hundred", "dozen", "often"])
def test_words_that_are_not_numbers(text):
    assert read_number_words(text, 0) is None


def test_number_words_stop_at_the_number():
    assert read_number_words("five years", 0)[1] == 4
    assert read_number_words("twenty-something", 0)[:2] == (Decimal(20), 6)


@pytest.mark.parametrize(("word", "factor"), sorted(SCALE_WORDS.items()))
def test_every_scale_word(word, factor):
    assert read_scale(f" {word} won", 0, money=False) == (factor, len(word) + 1)


@pytest.mark.parametrize(
    ("text", "money", "factor"),
    [("bn", False, 10**9), (" Billion", False, 10**9), ("m", True, 10**6), ("b", True, 10**9),
     ("k", True, 10**3), ("m", False, 1), ("k", False, 1), (" millionaires", False, 1),
     (" m", True, 1)],
)  # fmt: skip
def test_scale_words_glued_and_spaced(text, money, factor):
    assert read_scale(text, 0, money)[0] == factor


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("15th", 4),
        ("1st ", 3),
        ("22nd", 4),
        ("3rd,", 3),
        ("4thly", None),
        ("5 th", None),
    ],  # fmt: skip
)
def test_ordinal_suffixes(text, end):
    digits = len(text) - len(text.lstrip("0123456789"))
    assert ordinal_suffix_end(text, digits) == end


@pytest.mark.parametrize(
    ("text", "value", "end"),
    [("2,400억 원", 240_000_000_000, 6), ("1조 2천억 원", 1_200_000_000_000, 6),
     ("1조 2,000억", 1_200_000_000_000, 9), ("1억8천만 달러", 180_000_000, 5),
     ("1억 8천만 달러", 180_000_000, 6), ("1만 장", 10_000, 2), ("3억 5,000만", 350_000_000, 9),
     ("2만 9천 원", 29_000, 5), ("1.5조", 1_500_000_000_000, 4), ("100조원을", 10**14, 4),
     ("이천억 원", 200_000_000_000, 3), ("천 명", 1000, 1), ("삼백오십만", 3_500_000, 5),
     ("5천만 원", 50_000_000, 3)],
)  # fmt: skip
def test_korean_composites(text, value, end):
    read = read_korean_number(text, 0)
    assert read is not None and as_number(read[0]) == value and read[1] == end


@pytest.mark.parametrize(
    ("text", "value", "end"),
    [("1만 2만", 10_000, 2),       # big units must fall: 만 then 만 is two numbers
     ("1조 2024년", 10**12, 2),    # a following number without a unit is not part of it
     ("100조 원", 10**14, 4),      # the space before 원 is not taken
     ("1조사업", 10**12, 2),       # a Hangul digit counts only before a unit
     ("5이다", 5, 1)],
)  # fmt: skip
def test_korean_composites_stop_where_the_number_stops(text, value, end):
    read = read_korean_number(text, 0)
    assert as_number(read[0]) == value and read[1] == end


@pytest.mark.parametrize("text", ["이번", "사업", "원"])
def test_korean_words_that_are_not_numbers(text):
    assert read_korean_number(text, 0) is None
