"""Chart builders are pure: data in, figure out, with the source caption inside."""

import json

import plotly.graph_objects as go
import plotly.io

from lib.charts.catalog import CHART_NEEDS, figure_from_dict, model_counts_chart
from lib.charts.excerpts import mark_cited, mark_spans, passage_in_context
from lib.charts.url_state import join_codes, parse_choice_list, slugify
from ui.components import THEME_INK, with_theme_ink


def test_every_chart_carries_its_source_caption_and_alt_text(datasets):
    for _, make in CHART_NEEDS:
        chart = make(datasets)
        chart_id = chart.chart_id
        wrapped = chart.figure.layout.annotations[-1].text
        assert wrapped.count("<br>") <= 2, chart_id  # at most three lines, short names
        caption = wrapped.replace("<br>", " ")
        assert caption.startswith("Source: "), chart_id
        assert caption.endswith("Korea AI Policy Dashboard."), chart_id
        assert len(chart.alt) > 60, chart_id
        assert not chart.quotes().empty, chart_id


def test_model_counts_chart_filters_and_derives_rest_of_world(datasets):
    chart = model_counts_chart(datasets, ["South Korea", "United States"], rest_of_world=False)
    assert [trace.x[0] for trace in chart.figure.data] == ["United States", "South Korea"]
    subset = model_counts_chart(datasets, ["South Korea"], rest_of_world=True)
    assert dict(zip(subset.data["country"], subset.data["models"], strict=True)) == {
        "South Korea": 14, "Rest of world": 257,  # 271 minus the one country shown
    }  # fmt: skip
    assert subset.notes == ["Rest of world is derived: the 271 models worldwide minus South Korea."]
    full = model_counts_chart(datasets)
    rest = full.data[full.data["country"] == "Rest of world"].iloc[0]
    assert (rest["models"], rest["provenance"], rest["share_of_world_pct"]) == (27, "derived", 10.0)


def test_excerpt_html_is_escaped_and_marks_numbers():
    assert mark_cited("<script>alert(1)</script> LG developed five") == (
        "&lt;script&gt;alert(<mark>1</mark>)&lt;/script&gt; LG developed <mark>five</mark>"
    )
    assert mark_spans("a <b> c", [(2, 5)], "hit") == 'a <mark class="hit">&lt;b&gt;</mark> c'


def test_passage_in_context():
    text = "word " * 100 + "TARGET" + " word" * 100
    snippet, start, end = passage_in_context(text, 500, 506, context=20)
    assert snippet[start:end] == "TARGET"
    assert len(snippet) < 60


def test_url_state_parsing():
    choices = {"KOR": "South Korea", "USA": "United States", "CHN": "China"}
    assert parse_choice_list("kor, USA,XXX", choices) == (["South Korea", "United States"], ["XXX"])
    assert parse_choice_list("XXX", choices) == (None, ["XXX"])
    assert parse_choice_list(None, choices) == (None, [])
    assert join_codes(["China", "South Korea"], choices) == "KOR,CHN"
    assert slugify("Manufacturing & Automation") == "manufacturing-automation"


def _spec(figure: go.Figure) -> dict:
    return json.loads(plotly.io.to_json(figure, validate=False))


def test_figure_rebuilt_from_its_dict_and_theme_ink_match_plotlys_validated_copies(datasets):
    """The page draws figures rebuilt from their dicts without a second validation (the cost of a
    plotly figure): they must be the figures plotly's validated copy and setters give."""
    for _, make in CHART_NEEDS:
        figure = make(datasets).figure
        assert _spec(figure_from_dict(figure.to_dict())) == _spec(figure)
        expected = go.Figure(figure)
        expected.update_layout(font={"color": THEME_INK["light"]})
        expected.update_annotations(font_color=THEME_INK["light"])
        for axes in (expected.update_xaxes, expected.update_yaxes):
            axes(tickfont_color=THEME_INK["light"], title_font_color=THEME_INK["light"])
        expected.update_layout(modebar_orientation="v")
        assert _spec(with_theme_ink(figure)) == _spec(expected)


def test_quoted_table_rows_carry_the_cells_they_were_read_as(datasets):
    """A glued scraped row ("FinTechIntermediate AdoptionAdvanced...") shows its parsed cells."""
    from lib.charts.catalog import growth_projections_chart, sector_adoption_chart

    quotes = sector_adoption_chart(datasets, countries=["South Korea"]).quotes()
    glued = quotes[quotes["quote"].str.startswith("Financial Technology (FinTech)Intermediate")]
    assert glued["cells"].tolist() == [
        "Financial Technology (FinTech) — South Korea: Intermediate Adoption · United States: "
        "Advanced Deployment · China: Advanced Deployment"
    ]  # the whole row, whatever the country filter shows
    growth = growth_projections_chart(datasets).quotes()
    assert growth["cells"].iloc[0] == (
        "General-Purpose AI — Current Status (June 2025): Struggling, dominated by US/China · "
        "Projected Growth (2028): Moderate, continued US/China dominance"
    )


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_heatmap_cell_text_has_enough_contrast_on_every_ordinal_colour():
    """Plotly writes a heatmap cell's text in #444 where the cell is light (tinycolor brightness
    over 128), else white; the browser shows exactly those fills. WCAG 1.4.3 at 12 px: 4.5:1."""
    from lib.charts.builders import ORDINAL_COLOURS

    for colour in ORDINAL_COLOURS:
        red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        text = "#444444" if (red * 299 + green * 587 + blue * 114) / 1000 > 128 else "#ffffff"
        high, low = sorted((_luminance(colour), _luminance(text)), reverse=True)
        assert (high + 0.05) / (low + 0.05) >= 4.5, (colour, text)
