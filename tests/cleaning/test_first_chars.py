"""The chrome matcher tries a line only on the rules its first character allows, and says the
same as trying every rule in file order (``lib/cleaning/first_chars.py``)."""

from __future__ import annotations

import re

import pytest

from lib.cleaning.chrome_rules import (
    ChromeRule,
    chrome_matcher,
    load_chrome_rules,
    normal_line,
    reads_as_sentence,
)
from lib.cleaning.first_chars import DIGIT_KEY, HANGUL_KEY, first_key, first_keys

RULES = load_chrome_rules()


@pytest.mark.parametrize(
    ("pattern", "keys"),
    [
        (r"^Share this$", {"s"}),
        (r"(?i)^share this$", {"s", "ſ"}),  # re's IGNORECASE also takes the long s for an s
        (r"^(?i:by) [A-Z]\w+$", {"b"}),
        (r"^(?:\[latest\] ?)?latest news$", {"[", "l"}),
        (r"^\d{1,3} comments$", {DIGIT_KEY}),
        (r"^[0-9]+ views$", {DIGIT_KEY}),
        (r"^[가-힣]{2,4} 기자$", {HANGUL_KEY}),
        (r"^(?:구독|Subscribe)$", {HANGUL_KEY, "s"}),
        (r"^(?=Read)Read more$", {"r"}),
        (r"^\s*x$", None),  # a class of spaces: any character may start the line
        (r"^.{0,40}Courtesy of .+$", None),
        (r"^[^.]+\.pdf$", None),
        (r"^(?:x)?$", None),  # matches an empty line
    ],
)
def test_first_keys_of_a_pattern(pattern, keys):
    expected = None if keys is None else frozenset(keys)
    assert first_keys(re.compile(pattern)) == expected


def test_first_key_folds_case_digits_and_hangul():
    assert [first_key(c) for c in "Aa7٣가힣xİ"] == ["a", "a", DIGIT_KEY, DIGIT_KEY,
                                                   HANGUL_KEY, HANGUL_KEY, "x", "i"]  # fmt: skip


def test_a_dotted_capital_i_in_a_case_blind_pattern_is_understood():
    assert first_keys(re.compile(r"(?i)^İstanbul$")) == frozenset({"i", "ı"})
    assert first_keys(re.compile(r"(?i)^[À-ž]{2,20} news$")) is not None


def _every_rule_in_order(line: str) -> ChromeRule | None:
    """What the matcher must say: each rule tried in file order, guarded ones kept off sentences."""
    for rule in RULES:
        if rule.pattern.fullmatch(line) and (rule.certain or not reads_as_sentence(line)):
            return rule
    return None


LINES = sorted(
    {normal_line(text) for rule in RULES for text in (*rule.examples, *rule.keeps)}
    | {"123", "12 comments", "Share this article", "ſhare this article", "Café 12", "가나다 기자",
       "The ministry said 14 firms will share the cluster.", "[Latest] latest news", "ⓒ 2025",
       "İmpressum", "İmprimer", "İnquiries: Policy Division, +82-44-202-0000"}
)  # fmt: skip


def test_each_rule_can_start_with_the_first_character_of_every_line_it_matches():
    for rule in RULES:
        keys = first_keys(rule.pattern)
        for line in LINES:
            if keys is not None and rule.pattern.fullmatch(line):
                assert first_key(line[0]) in keys, (rule.label, line)


def test_the_matcher_says_what_every_rule_in_order_says():
    matcher = chrome_matcher()
    differ = [line for line in LINES if matcher.match(line) != _every_rule_in_order(line)]
    assert differ == []
    assert sum(_every_rule_in_order(line) is not None for line in LINES) > 100  # it was tried
