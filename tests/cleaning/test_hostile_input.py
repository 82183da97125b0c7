"""Hostile shapes the cleaning steps meet in linear time, with the results they must keep."""

import pytest

from lib.cleaning.clean import clean_text
from lib.cleaning.decoding import UnreadableSourceError
from lib.cleaning.html_text import html_to_text
from lib.cleaning.repair_log import LineCounter


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>Hello</p><p>World <b", "Hello\n\nWorld\n"),  # a tag cut off at the end
        ("<p>Kept</p><!-- never closed <p>Dropped</p>", "Kept\n"),  # swallows the rest, as HTML5
        ("<p>Kept</p><a href='x>y</a><p>Dropped</p>", "Kept\n"),  # an attribute never closed
        ("<p>Kept</p></di", "Kept\n"),
        ("<p>a &lt; b</p><", "a < b\n<\n"),  # a lone "<" at the very end stays text
        ("<p>a</p></", "a\n</\n"),
        ("<p>Text</p>" + "<a " * 5000, "Text\n"),  # took seconds, rescanned for every "<"
        ("<script>var a = '<b'", "\n"),  # an open script is dropped, as before
    ],
)
def test_an_open_construct_at_the_end_swallows_the_rest(markup, text):
    assert html_to_text(markup) == text


def test_well_formed_html_reads_as_before():
    markup = "<html><head><title>T</title></head><body><h1>AI plan</h1><p>Korea has 14 models.</p>"
    markup += "<table><tr><th>Country</th><th>Models</th></tr><tr><td>Korea</td><td>14</td></tr>"
    markup += "</table><p>After.</p></body></html>"
    assert html_to_text(markup) == (
        "AI plan\n\nKorea has 14 models.\n\nCountry | Models |\n---|\nKorea | 14 |\n\nAfter.\n"
    )


def test_a_declaration_the_parser_gives_up_on_is_a_one_line_refusal():
    with pytest.raises(UnreadableSourceError) as refusal:
        html_to_text("<html><p>a</p>\n<![1 b")
    assert str(refusal.value) == (
        "HTML has a declaration the parser cannot read near line 2: "
        "give the article's text as a .txt file instead"
    )


def test_line_counter_agrees_with_counting_from_the_start_in_any_order():
    text = "one\ntwo\n\nfour\u2028still four\r\nsix"
    offsets = [0, 3, 4, 9, 10, 25, 33, len(text), 5, 0, 12, 12]
    counter = LineCounter(text)
    assert [counter.line_at(offset) for offset in offsets] == [
        text.count("\n", 0, offset) + 1 for offset in offsets
    ]
    assert counter.line_at(len(text)) == 5  # U+2028 splits lines for splitlines, not here


def test_blank_runs_around_chrome_are_logged_as_one_block_with_its_line():
    text = "Intro line.\n" + "\n" * 3000 + "Subscribe\n" + "\n" * 3000 + "Body text.\n"
    cleaned, repairs = clean_text(text)
    assert cleaned == "Intro line.\n" + "\n" * 3000 + "Body text.\n"
    [block] = repairs  # the chrome takes the blank lines after it, not those before
    assert (block.rule, block.line, block.start, block.end) == ("subscribe-box", 3002, 3012, 6022)
    assert block.before == "Subscribe\n" + "\n" * 3000
