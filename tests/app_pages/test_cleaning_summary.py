"""Each article says how it was read, what was repaired and how much was removed as chrome."""

from lib.datasets.repair_summary import cleaning_summary
from lib.extraction.document import ingest_bytes
from tests.apptest_helpers import open_page

CHROME_HEAVY = (
    "Korea AI plan\n\nThe ministry will fund 14 AI teams.\n\n"
    + "".join(f"Share this article\nSubscribe to our newsletter\n{n} comments\n" for n in range(40))
).encode("utf-8")


def test_sources_page_summarises_the_cleaning(corpus):
    at = open_page("sources", source="003_cd50ce98a801f824")
    (line,) = [c.value for c in at.caption if c.value.startswith("Read as")]
    summary = cleaning_summary(corpus.sources["003_cd50ce98a801f824"])
    assert f"{summary.chrome_chars_removed:,} characters removed as page chrome" in line
    assert summary.repairs_by_rule["boilerplate/skip-links"] == 1
    assert not any("removed" in w.value for w in at.warning)  # 18% of 003: under the bar


def test_an_article_that_loses_much_text_says_so():
    source = ingest_bytes(CHROME_HEAVY, "chrome.txt")
    summary = cleaning_summary(source)
    assert summary.removed_share > 0.5
    assert summary.loses_much
    assert "The ministry will fund 14 AI teams." in source.text


def test_add_source_warns_when_an_upload_loses_much_text():
    from tests.app_pages.test_add_source import add_source_page, upload

    at = upload(add_source_page(), ("chrome.txt", CHROME_HEAVY))
    (warning,) = [w.value for w in at.warning if "as page chrome" in w.value]
    assert warning.startswith("The cleaning removed ")
    assert "check what was removed in the Repair log tab" in warning
