"""The chart builder reads right by default: one unit per axis, distinct colours, a real title."""

import pytest

from lib.charts.custom import ChartBuildError, series_colours, suggest_title, table_chart
from lib.datasets.uploads import table_frame
from lib.extraction.document import ingest_bytes

ARTICLE = """Korea AI plan

AI investment by country, 2025:
Country | Investment | Share of GDP | Teams |
---|---|---|---|
South Korea | ₩100 trillion | 2.1% | 5 |
United States | ₩700 trillion | 3.4% | 12 |
Japan | ₩80 trillion | 1.2% | 4 |
"""


def chart(columns: list[str]):
    source = ingest_bytes(ARTICLE.encode("utf-8"), "plan.txt")
    table = source.tables[0]
    frame = table_frame(table.columns, table.rows)
    return table_chart(frame, "Country", columns, "bar", table, source.text, {}, "T"), source


def test_two_units_get_two_axes_each_titled_with_its_unit():
    built, _ = chart(["Investment", "Share of GDP"])
    money, share = built.figure.data
    assert (money.yaxis, share.yaxis) == ("y", "y2")
    assert built.figure.layout.yaxis.title.text == "KRW"
    assert built.figure.layout.yaxis2.title.text == "percent (%)"
    assert list(built.data[built.data["series"] == "Investment"]["value"]) == [1e14, 7e14, 8e13]
    assert set(built.data["unit"]) == {"KRW", "%"}


def test_a_third_unit_is_refused_with_what_to_do():
    with pytest.raises(ChartBuildError, match="3 units .*chart the others separately"):
        chart(["Investment", "Share of GDP", "Teams"])


def test_series_colours_are_distinct_and_from_the_palette():
    colours = series_colours(["Investment", "Share of GDP", "Teams", "South Korea"])
    assert len(set(colours.values())) == 4
    assert colours["South Korea"] == "#0072B2"  # a country keeps its own colour
    assert "#999999" not in colours.values()  # grey is for the derived rest of world


def test_title_comes_from_the_caption_line_above_the_table():
    _, source = chart(["Investment"])
    assert suggest_title(source.tables[0], source.text, "plan.txt: table 1") == (
        "AI investment by country, 2025"
    )
