"""Uploads get title, outlet, date and URL from what the article states, editable after."""

from pathlib import Path

from lib.datasets.detected_metadata import dateline_date, detected_metadata
from lib.datasets.uploads import ingest_upload

PAGES = Path("tests/fixtures/real_world/pages")


def test_dateline_dates_in_english_and_korean():
    assert dateline_date("Seoul, 3 March 2025 -- The ministry will fund 14 teams.") == "2025-03-03"
    assert dateline_date("SEOUL, March 3, 2025 (Yonhap) -- Korea ...") == "2025-03-03"
    assert dateline_date("[서울=뉴시스] 2025년 7월 30일 정부는 ...") == "2025-07-30"
    assert dateline_date("Published 2025.08.13 09:30") == "2025-08-13"
    assert dateline_date("The plan for 2030 names 14 teams.") is None  # a year is not a date
    assert dateline_date("Seoul, 31 February 2025 ...") is None  # no such day


def test_html_metadata_becomes_the_upload_record():
    page = PAGES / "en_ministry_press_release.html"
    source = ingest_upload(page.name, page.read_bytes())
    assert source.meta["title"] == (
        "MSIT selects 14 companies for first round of national AI computing access"
    )
    assert source.meta["published"] == "2025-09-01"
    assert "as the article states it" in source.meta["published_basis"]


def test_plain_text_dateline_fills_the_date_and_nothing_is_invented():
    source = ingest_upload("a.txt", b"Seoul, 3 March 2025 -- The ministry will fund 14 teams.\n")
    assert source.meta["published"] == "2025-03-03"
    assert source.meta["url"] == "unknown"
    assert detected_metadata({}, "No date here.") == {}
