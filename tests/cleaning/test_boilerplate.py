import pytest

from lib.cleaning.boilerplate import strip_boilerplate


def _removed_rules(corpus, source_id):
    return [r.rule for r in corpus.sources[source_id].repairs if r.step == "boilerplate"]


@pytest.mark.parametrize(
    ("source_id", "rules"),
    [
        ("000_ab1ee7e039089319", ["comment-counter", "related-links-heading+subscribe-box"]),
        (
            "001_2942bf26baef545b",
            ["copyright-line+machine-translation-notice+related-links-heading", "image-link-label"],
        ),
        ("002_23b03b3f3f1e2ab1", ["unrelated-headline"]),
        (
            "003_cd50ce98a801f824",
            [
                "skip-links",
                "comment-counter+email-line+latest-stories-list+share-buttons",
                "photo-caption-credit",
                "byline-view-counter",
            ],
        ),
        ("004_60a257b0d244c978", ["photo-credit", "photo-credit"]),
    ],
)
def test_boilerplate_removed_per_source(corpus, source_id, rules):
    assert _removed_rules(corpus, source_id) == rules


@pytest.mark.parametrize(
    "chrome",
    [
        "0 comments",
        "Subscribe to get the latest posts",
        "Share it on",
        "Latest Stories",
        "Dale Earnhardt Jr.",
        "All rights reserved",
        "Quick access to main page",
        "View original image",
        "Courtesy of",
        "(AP-Yonhap)]",
        "Comments0",
        "GS25",
    ],
)
def test_no_chrome_left_in_any_source(corpus, chrome):
    for source in corpus.sources.values():
        assert chrome not in source.text, source.source_id


def test_article_text_is_kept(corpus):
    texts = corpus.texts()
    assert (
        texts["001_2942bf26baef545b"]
        .rstrip()
        .endswith("Seoyongseok, Professor at KAIST MunSul Graduate School of Future Strategy")
    )
    assert "Share your insights in the comments below!" in texts["000_ab1ee7e039089319"]
    assert texts["003_cd50ce98a801f824"].startswith(
        "Is South Korea’s AI Dream at Risk? Experts Weigh In on US Moves\n\nDaniel Kim\n\nAs US President"
    )
    assert texts["004_60a257b0d244c978"].startswith("President Lee Jae-myung's appointment")


def test_latest_stories_list_goes_but_not_article_lists():
    text = (
        "Key challenges include:\n- Deficit of skilled professionals.\n\n"
        "Latest Stories\n\n  • Unrelated item one\n  • Unrelated item two\n"
    )
    cleaned, repairs = strip_boilerplate(text)
    assert cleaned == "Key challenges include:\n- Deficit of skilled professionals.\n"
    assert [r.rule for r in repairs] == ["latest-stories-list"]
