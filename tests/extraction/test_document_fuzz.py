"""Fuzzing the ingest: whatever comes in, only the documented one-line errors come out."""

import codecs

import ftfy
from hypothesis import assume, given
from hypothesis import strategies as st

from lib.cleaning.decoding import UnreadableSourceError
from lib.extraction.document import ingest_bytes
from lib.extraction.tables import extract_tables
from tests.cleaning.test_clean_properties import ARTICLE_SENTENCE, WORD_CHARS
from tests.conftest import thai_mojibake


def ingest_or_documented_error(raw: bytes, name: str = "fuzz.txt"):
    """Ingest ``raw``; an UnreadableSourceError must be one line that says what to do."""
    try:
        source = ingest_bytes(raw, name)
    except UnreadableSourceError as err:
        message = str(err)
        assert "\n" not in message and ": " in message, message
        return None
    for table in source.tables:
        assert 0 <= table.start <= table.end <= len(source.text)
        assert all(len(row) == len(table.columns) for row in table.rows)
    return source


@given(st.binary(max_size=3000))
def test_random_bytes(raw):
    ingest_or_documented_error(raw)


@given(st.binary(max_size=1000))
def test_random_bytes_named_html(raw):
    ingest_or_documented_error(raw, "fuzz.html")


@given(st.text(max_size=600), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp949", "cp1252"]))
def test_random_text_in_random_encodings(text, encoding):
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    ingest_or_documented_error(raw)


def cp1252_mojibake(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="ignore")


def cp949_mojibake(text: str) -> str:
    return text.encode("utf-8").decode("cp949", errors="ignore")


@given(
    st.text(st.sampled_from(WORD_CHARS + [" ", "\n"]), max_size=400),
    st.sampled_from([cp1252_mojibake, thai_mojibake, cp949_mojibake]),
)
def test_mojibake_of_random_text(text, garble):
    ingest_or_documented_error(garble(text).encode("utf-8"))


@given(st.lists(ARTICLE_SENTENCE, min_size=1, max_size=6))
def test_clean_utf8_article_comes_back_unchanged(sentences):
    text = "\n\n".join(sentences) + "\n"
    assume(not ftfy.badness.is_bad(text))
    source = ingest_bytes(text.encode("utf-8"), "article.txt")
    assert source.text == text and source.repairs == []


CELL = st.lists(
    st.sampled_from([*"abcXYZ 0123456789()&-", "Advanced ", "Nascent ", "High, ", "Moderate"]),
    max_size=8,
).map("".join)
FRAGMENT = st.one_of(
    st.lists(CELL, min_size=1, max_size=5).map(lambda cells: " | ".join(cells) + " |"),
    st.just("---|"),
    st.just("|---|---|"),
    CELL.map(lambda cell: "| " + cell),
    st.just("|"),
    st.just(""),
    CELL,
    st.lists(CELL, min_size=2, max_size=4).map("".join),
)


@given(st.lists(FRAGMENT, max_size=25))
def test_random_pipe_table_fragments(lines):
    text = "\n".join(lines)
    for table in extract_tables(text):
        assert 0 <= table.start <= table.end <= len(text)
        assert table.columns and all(len(row) == len(table.columns) for row in table.rows)
        assert len(table.row_spans) == len(table.rows)
        assert all(0 <= a <= b <= len(text) for a, b in table.row_spans)


def test_utf16_without_bom_is_read():
    """Issue 11: UTF-16 without a BOM is read (it was refused as binary)."""
    raw = codecs.encode("Korea’s AI policy, 2025: 14 models.", "utf-16-le")
    assert ingest_bytes(raw, "a.txt").text == "Korea’s AI policy, 2025: 14 models."
