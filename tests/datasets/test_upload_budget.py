"""The upload budget: bytes and lines are checked on the server, before any cleaning."""

import pytest

from lib.cleaning.decoding import UnreadableSourceError
from lib.datasets import uploads
from lib.datasets.uploads import MAX_FILE_BYTES, MAX_LINES, count_lines, ingest_upload
from lib.extraction.document import ingest_bytes
from lib.reference.paths import SOURCES_DIR


@pytest.fixture
def no_cleaning(monkeypatch):
    """Make any cleaning fail the test: a refusal must come before it."""

    def cleaning_started(raw, name, **options):
        raise AssertionError(f"{name} was cleaned before the budget refused it")

    monkeypatch.setattr(uploads, "ingest_bytes", cleaning_started)


def test_150k_one_number_lines_are_refused_with_one_line_before_cleaning(no_cleaning):
    raw = "".join(f"{i}\n" for i in range(150_000)).encode()
    assert len(raw) < MAX_FILE_BYTES  # under a megabyte: the line budget is what refuses it
    with pytest.raises(UnreadableSourceError) as refusal:
        ingest_upload("numbers.txt", raw)
    assert str(refusal.value) == (
        "file has 150,000 lines, over the 10,000-line limit for one article: "
        "trim it to the article, or split it"
    )


def test_blank_line_runs_count_as_lines(no_cleaning):
    raw = b"First line.\n" + b"\n" * 40_000 + b"Last line.\n"
    with pytest.raises(UnreadableSourceError, match=r"^file has 40,002 lines, over the"):
        ingest_upload("blank.txt", raw)


def test_pasted_text_over_the_byte_limit_is_refused_on_the_server(no_cleaning):
    pasted = ("Korea's AI plan. " * (MAX_FILE_BYTES // 17 + 1)).encode("utf-8")
    assert len(pasted) > MAX_FILE_BYTES
    with pytest.raises(UnreadableSourceError) as refusal:
        ingest_upload("pasted-article.txt", pasted)
    assert str(refusal.value) == (
        "file is 2.0 MB, over the 2 MB limit: trim it to the article, or split it"
    )


@pytest.mark.parametrize(
    ("text", "encoding", "lines"),
    [
        ("one\ntwo\nthree\n", "utf-8", 3),
        ("one\r\ntwo\r\nthree", "utf-8", 3),  # CRLF is one line break
        ("one\rtwo\rthree\r", "utf-8", 3),  # old Mac line endings
        ("one\u2028two\x0cthree", "utf-8", 3),  # separators str.splitlines honours
        ("\ufeff갊 one\n\u0a0a two\n", "utf-16", 2),  # U+AC0A and U+0A0A hold a 0x0A byte
        ("한국 인공지능\n계획\n", "cp949", 2),
    ],
)
def test_lines_are_counted_as_the_cleaning_splits_them(text, encoding, lines):
    assert count_lines(text.encode(encoding)) == lines


def test_the_line_limit_is_inclusive(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_LINES", 10)
    article = "".join(f"Paragraph {i} of the article.\n" for i in range(10))
    assert ingest_upload("ten.txt", article.encode()).text == article
    with pytest.raises(UnreadableSourceError, match=r"^file has 11 lines, over the 10-line limit"):
        ingest_upload("eleven.txt", (article + "One more.\n").encode())


def test_cr_line_endings_cannot_slip_past_the_line_limit(no_cleaning):
    raw = b"x\r" * (MAX_LINES + 1)
    with pytest.raises(UnreadableSourceError, match=r"^file has 10,001 lines"):
        ingest_upload("mac.txt", raw)


def test_html_is_counted_again_as_the_text_it_reads_as():
    """One line of markup can hold thousands of paragraphs: the text cleaned next is counted."""
    # Each line of the page becomes a paragraph, blank lines between: 5,001 lines read as 10,001.
    paragraphs = MAX_LINES // 2 + 1
    markup = b"<html><body>" + b"<br>".join(b"Figure %d" % i for i in range(paragraphs))
    assert count_lines(markup) == 1
    with pytest.raises(UnreadableSourceError) as refusal:
        ingest_upload("page.html", markup)
    assert str(refusal.value) == (
        "page has 10,001 lines of text once its HTML is read, over the 10,000-line limit "
        "for one article: trim it to the article, or split it"
    )


def test_a_page_within_the_budget_reads_as_before():
    markup = b"<html><body>" + b"".join(b"<p>Paragraph %d.</p>" % i for i in range(50))
    uploaded, bundled = ingest_upload("page.html", markup), ingest_bytes(markup, "page.html")
    assert uploaded.text == bundled.text == "\n\n".join(f"Paragraph {i}." for i in range(50)) + "\n"


@pytest.mark.parametrize("path", sorted(SOURCES_DIR.glob("*.txt")), ids=lambda path: path.stem)
def test_every_bundled_article_passes_the_budget_unchanged(path):
    raw = path.read_bytes()
    assert count_lines(raw) == len(raw.decode("utf-8").splitlines()) < 100
    uploaded, bundled = ingest_upload(path.name, raw), ingest_bytes(raw, path.name)
    assert uploaded.text == bundled.text
    assert uploaded.repairs == bundled.repairs
    assert [t.to_dict() for t in uploaded.tables] == [t.to_dict() for t in bundled.tables]
