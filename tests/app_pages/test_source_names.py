"""Sources carry human names where people read them; the id stays in tooltips and data columns."""

from tests.apptest_helpers import figures, open_page


def test_sources_page_names_articles_by_outlet_and_title():
    at = open_page("sources", source="001_2942bf26baef545b")
    picker = at.selectbox[0]
    assert picker.value == "001_2942bf26baef545b"  # the id stays the value (and in the link)
    shown = list(picker.options)  # as displayed
    assert shown[1].startswith("The Asia Business Daily: Integrating AI into Korea's Strong")
    assert not any("_" in name.split(":")[0] for name in shown)  # no hash ids on screen
    repairs = figures(at)[-1]
    labels = {label for trace in repairs["data"] for label in trace["y"]}
    assert labels == {
        "Archyworldys: The Crushing…",
        "The Asia Business Daily: Integrating…",
        "South Korea’s Growing AI Divide…",
        "viewusglobal: Is South Korea’s AI…",
        "Untitled: Ha Jung-woo and Korea's…",
    }
